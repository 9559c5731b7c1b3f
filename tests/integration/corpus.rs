//! Real and hostile spreadsheets from other projects (`../shared/corpus/calamine`): every file
//! is accounted for, nothing panics. The folder is beside the project in CI, not in a user's
//! clone, and its files are not copied into the project: hence `#[ignore]`, and `.ci/run`
//! runs this test explicitly.

use std::collections::BTreeSet;
use std::path::PathBuf;

use crate::common::tonghop;

fn corpus() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/calamine");
    assert!(dir.is_dir(), "the corpus is missing: {} (CI lays ../shared beside the project)", dir.display());
    dir
}

#[test]
#[ignore = "needs ../shared/corpus/calamine beside the project; run with `cargo test -- --ignored corpus`"]
fn corpus_every_file_accounted_for_without_panic() {
    let dir = corpus();
    let on_disk: BTreeSet<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().unwrap().is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    for lang in ["vi", "en"] {
        for command in ["check", "status"] {
            let out = tonghop(&dir)
                .args(["--lang", lang, command, ".", "--period", "2024-08", "--format", "json"])
                .output()
                .unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(matches!(out.status.code(), Some(0 | 1)), "{command}: exit {:?}: {stderr}", out.status.code());
            assert!(!stderr.contains("panicked"), "{command}: {stderr}");
            let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
            if command == "status" {
                let listed: Vec<String> =
                    json["files"].as_array().unwrap().iter().map(|f| f["file"].as_str().unwrap().to_owned()).collect();
                assert_eq!(listed.len(), on_disk.len(), "each file once");
                assert_eq!(listed.into_iter().collect::<BTreeSet<_>>(), on_disk);
            }
        }
    }
    // The text output a clerk would read also goes through every file.
    let out = tonghop(&dir).args(["check", ".", "--period", "2024-08"]).output().unwrap();
    assert!(matches!(out.status.code(), Some(0 | 1)));
}
