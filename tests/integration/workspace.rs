//! The clerk's workspace (spec §12): `tonghop` with no command, and `tonghop watch`.

use std::io::Read;
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::common::tonghop;

fn samples() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/2024-08")
}

fn copy_samples(into: &Path) {
    std::fs::create_dir_all(into).unwrap();
    for entry in std::fs::read_dir(samples()).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, into.join(path.file_name().unwrap())).unwrap();
    }
}

/// Runs `tonghop` with no command in `dir`: exit status and stdout.
fn workspace(dir: &Path) -> (i32, String) {
    let out = tonghop(dir).env("TONGHOP_PAUSE", "0").output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    (out.status.code().unwrap(), stdout + &String::from_utf8_lossy(&out.stderr))
}

#[test]
fn an_empty_folder_becomes_a_workspace_and_then_builds() {
    let dir = tempfile::tempdir().unwrap();
    let (code, said) = workspace(dir.path());
    assert_eq!(code, 0, "{said}");
    assert!(dir.path().join("nhan").is_dir());
    let config = std::fs::read_to_string(dir.path().join("cau-hinh.toml")).unwrap();
    assert!(tonghop::config::Config::parse(&config).is_ok(), "the configuration written is valid");
    assert!(config.contains("# "), "and commented, for the clerk to edit");
    let forms: Vec<_> = std::fs::read_dir(dir.path().join("mau")).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert!(forms.len() >= 12, "a form per unit of this month: {forms:?}");
    assert_eq!(said.lines().count(), 3, "three lines say what to do next: {said}");

    // Nothing received yet: said, not an error.
    let (code, said) = workspace(dir.path());
    assert_eq!(code, 0, "{said}");
    assert!(said.contains("chưa có tệp nào"), "{said}");

    copy_samples(&dir.path().join("nhan"));
    let (code, said) = workspace(dir.path());
    assert_eq!(code, 0, "{said}");
    for name in ["tong-hop-2024-08.xlsx", "tong-hop-2024-08.csv", "bao-cao-2024-08.md", "bao-cao-2024-08.docx"] {
        assert!(dir.path().join("tong-hop").join(name).is_file(), "{name}: {said}");
        assert!(said.contains(&format!("tong-hop/{name}")), "the files written are listed: {said}");
    }
    assert!(said.contains("13/13 đơn vị đã nộp"), "the status table: {said}");
    assert!(said.contains("Phường An Mỹ") && said.contains("an-my.xlsx"), "{said}");
}

#[test]
fn the_latest_month_folder_is_built_with_the_workspace_configuration() {
    let dir = tempfile::tempdir().unwrap();
    copy_samples(&dir.path().join("nhan/2024-08"));
    std::fs::create_dir_all(dir.path().join("nhan/thang-7-2024")).unwrap();
    let toml = tonghop::config::DEFAULT_TOML.replacen(
        "organisation = \"Ủy ban MTTQ Việt Nam thành phố Tam Kỳ\"",
        "organisation = \"Ủy ban MTTQ Việt Nam thành phố Thử\"",
        1,
    );
    assert_ne!(toml, tonghop::config::DEFAULT_TOML, "the organisation line was found");
    std::fs::write(dir.path().join("cau-hinh.toml"), toml).unwrap();
    let (code, said) = workspace(dir.path());
    assert_eq!(code, 0, "{said}");
    assert!(said.contains("Thư mục nhận: nhan/2024-08"), "{said}");
    let md = std::fs::read_to_string(dir.path().join("tong-hop/bao-cao-2024-08.md")).unwrap();
    assert!(md.contains("THÀNH PHỐ THỬ"), "cau-hinh.toml was used: {md}");
}

#[test]
fn a_double_clicked_run_waits_for_enter() {
    let dir = tempfile::tempdir().unwrap();
    let out = tonghop(dir.path()).env("TONGHOP_PAUSE", "1").write_stdin("\n").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Nhấn Enter để đóng cửa sổ này."));
    // From a terminal (here: not Windows' own console) it does not wait.
    let out = tonghop(dir.path()).env_remove("TONGHOP_PAUSE").output().unwrap();
    assert!(!String::from_utf8_lossy(&out.stderr).contains("Nhấn Enter"));
}

/// Waits until `done` holds, for at most a minute (the machine may be busy).
fn wait_for(what: &str, done: impl Fn() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(start.elapsed() < Duration::from_secs(60), "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(200));
    }
}

#[test]
fn watch_rebuilds_once_files_settle_and_not_otherwise() {
    let dir = tempfile::tempdir().unwrap();
    let inbox = dir.path().join("nhan");
    std::fs::create_dir(&inbox).unwrap();
    std::fs::copy(samples().join("an-my.xlsx"), inbox.join("an-my.xlsx")).unwrap();
    let bin = assert_cmd::cargo::cargo_bin!("tonghop");
    let mut child = std::process::Command::new(bin)
        .current_dir(dir.path())
        .args(["watch", "nhan", "-o", "ra"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let csv = dir.path().join("ra/tong-hop-2024-08.csv");
    let units = || std::fs::read_to_string(&csv).map(|t| t.contains("an-son")).unwrap_or(false);
    wait_for("the first build", || csv.is_file());
    assert!(!units());
    std::fs::copy(samples().join("an-son.xlsx"), inbox.join("an-son.xlsx")).unwrap();
    wait_for("the rebuild with An Sơn", units);
    // Nothing changes now: no more builds (reading the files must not count as a change).
    std::thread::sleep(Duration::from_secs(6));
    child.kill().unwrap();
    let mut said = String::new();
    child.stdout.take().unwrap().read_to_string(&mut said).unwrap();
    child.wait().unwrap();
    assert_eq!(said.matches("Đã tổng hợp lại").count(), 2, "{said}");
    assert!(said.contains("Chưa nộp: Phường An Xuân"), "who is missing after each build: {said}");
}
