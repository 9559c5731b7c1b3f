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

/// The corpus files that are not simply workbooks without a table (F03, no header row with a
/// value column and a code or label column: what every other file of the corpus gives).
const EXPECTED: &[(&str, &str)] = &[
    // Password-protected, in each format that has passwords.
    ("pass_protected.ods", "F02"),
    ("pass_protected.xlsb", "F02"),
    ("pass_protected.xlsx", "F02"),
    ("issue_385.xls", "F02"),
    // Denial of service: 17 billion cells by row and column repeats, refused before loading.
    ("issue_594_dos.ods", "F01"),
    // Damaged: an entry larger than the zip declares; a sector past the end of the file.
    ("issue252.xlsx", "F01"),
    ("OOM_alloc3.xls", "F01"),
    // Not a workbook inside.
    ("too_small.xls", "F08"),
    ("NOTICE.md", "S03"),
];

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
    // Each file's outcome is pinned: none of these is a report, so each is rejected (or skipped)
    // for the reason that fits it, and a change in any one fails here.
    let out = tonghop(&dir).args(["check", ".", "--period", "2024-08", "--format", "json"]).output().unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut first_code: std::collections::BTreeMap<String, String> = std::collections::BTreeMap::new();
    for f in json["findings"].as_array().unwrap() {
        first_code
            .entry(f["file"].as_str().unwrap().to_owned())
            .or_insert_with(|| f["code"].as_str().unwrap().to_owned());
    }
    for file in &on_disk {
        let want = EXPECTED.iter().find(|(f, _)| f == file).map_or("F03", |(_, code)| *code);
        assert_eq!(first_code.get(file).map(String::as_str), Some(want), "{file}");
    }
    // The text output a clerk would read also goes through every file.
    let out = tonghop(&dir).args(["check", ".", "--period", "2024-08"]).output().unwrap();
    assert!(matches!(out.status.code(), Some(0 | 1)));
}
