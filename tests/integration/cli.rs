//! The command line as a good Unix tool: pipes, `-q`, exit statuses, permissions, what reaches
//! a terminal and the outputs, and system errors in the clerk's language.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::Stdio;

use support::form::V;

use crate::common::tonghop;
use crate::fixtures::{clean, write};

fn bin() -> std::path::PathBuf {
    assert_cmd::cargo::cargo_bin!("tonghop").to_path_buf()
}

/// An inbox with one clean form and one with an error (C01) and a warning (W01).
fn inbox(dir: &Path) {
    write(&dir.join("inbox/an-my.xlsx"), &clean("Phường An Mỹ"));
    let mut s = clean("Phường An Sơn");
    s.set("GS04", V::text("nhiều")).set("VD04", V::text("2,5"));
    write(&dir.join("inbox/an-son.xlsx"), &s);
}

#[test]
fn a_closed_pipe_ends_the_command_quietly() {
    // A configuration long enough that its text overflows the pipe's buffer.
    let dir = tempfile::tempdir().unwrap();
    let mut toml = tonghop::config::DEFAULT_TOML.to_owned();
    for i in 0..3000 {
        toml.push_str(&format!("\n[[unit]]\ncode = \"to-{i}\"\nname = \"Tổ dân phố số {i}\"\n"));
    }
    std::fs::write(dir.path().join("big.toml"), toml).unwrap();
    let mut child = std::process::Command::new(bin())
        .current_dir(dir.path())
        .args(["--config", "big.toml", "config"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut first).unwrap(); // then `head -1` closes
    let out = child.wait_with_output().unwrap();
    assert!(first.starts_with('#'), "{first}");
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stderr.is_empty(), "nothing said: {}", String::from_utf8_lossy(&out.stderr));

    // The status found still comes out (a script with `pipefail` learns errors were found).
    let mut s = clean("Phường An Sơn");
    for code in ["TT01", "TT02", "TT04", "GS01", "GS02", "GS04", "GS05", "DN01", "CB01", "CB02"] {
        s.set(code, V::text("nhiều"));
    }
    for i in 0..80 {
        write(&dir.path().join(format!("inbox/an-son {i}.xlsx")), &s);
    }
    let mut child = std::process::Command::new(bin())
        .current_dir(dir.path())
        .args(["check", "inbox", "--period", "2024-08"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut String::new()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn quiet_prints_only_the_errors_for_every_command() {
    let dir = tempfile::tempdir().unwrap();
    inbox(dir.path());
    let error_line = "  lỗi       C01   Báo cáo!E24  [GS04]";
    for args in [
        vec!["-q", "check", "inbox", "--period", "2024-08"],
        vec!["-q", "status", "inbox", "--period", "2024-08"],
        vec!["-q", "build", "inbox", "--period", "2024-08", "-o", "out"],
    ] {
        let out = tonghop(dir.path()).args(&args).output().unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(text.starts_with("an-son.xlsx — Phường An Sơn — dùng\n"), "{args:?}: {text}");
        assert!(text.contains(error_line), "{args:?}: {text}");
        assert!(!text.contains("W01") && !text.contains("Kỳ báo cáo") && !text.contains("tệp:"), "{args:?}: {text}");
        assert_eq!(text.lines().count(), 2, "{args:?}: {text}");
    }
    // JSON too lists only the errors.
    let out =
        tonghop(dir.path()).args(["-q", "check", "inbox", "--period", "2024-08", "--format", "json"]).output().unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let codes: Vec<&str> = json["findings"].as_array().unwrap().iter().map(|f| f["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["C01"]);
    // Nothing to say when nothing is wrong, and no word from template or config.
    std::fs::remove_file(dir.path().join("inbox/an-son.xlsx")).unwrap();
    for args in [
        vec!["-q", "check", "inbox", "--period", "2024-08"],
        vec!["-q", "status", "inbox", "--period", "2024-08"],
        vec!["-q", "build", "inbox", "--period", "2024-08", "-o", "out"],
        vec!["-q", "template", "--period", "2024-08", "-o", "mau.xlsx"],
    ] {
        tonghop(dir.path()).args(&args).assert().code(0).stdout("");
    }
}

#[test]
fn exit_statuses_follow_the_readme_for_every_command() {
    let dir = tempfile::tempdir().unwrap();
    inbox(dir.path());
    write(&dir.path().join("clean/an-my.xlsx"), &clean("Phường An Mỹ"));
    std::fs::write(dir.path().join("bad.toml"), "[report]\norganisation = 1\n").unwrap();
    let p = ["--period", "2024-08"];
    let cases: Vec<(Vec<&str>, i32)> = vec![
        (vec!["check", "clean"], 0),
        (vec!["check", "inbox"], 1),
        (vec!["check", "khong-co"], 2),
        (vec!["status", "clean"], 0),
        (vec!["status", "inbox"], 1),
        (vec!["status", "khong-co"], 2),
        (vec!["build", "clean", "-o", "out1"], 0),
        (vec!["build", "inbox", "-o", "out2"], 1),
        (vec!["build", "inbox", "-o", "out3", "--strict"], 1),
        (vec!["build", "khong-co", "-o", "out4"], 2),
        (vec!["build", "clean", "-o", "bad.toml"], 2),
    ];
    for (args, code) in cases {
        tonghop(dir.path()).args(&args).args(p).assert().code(code);
    }
    tonghop(dir.path()).args(["template", "--period", "2024-08", "-o", "m.xlsx"]).assert().code(0);
    tonghop(dir.path()).args(["template", "--unit", "khong-co", "-o", "m.xlsx"]).assert().code(2);
    tonghop(dir.path()).args(["config"]).assert().code(0);
    tonghop(dir.path()).args(["config", "--check", "bad.toml"]).assert().code(1);
    tonghop(dir.path()).args(["--config", "bad.toml", "check", "clean"]).assert().code(2);
    tonghop(dir.path()).args(["check", "clean", "--period", "2024-13"]).assert().code(2);
}

#[cfg(unix)]
#[test]
fn outputs_are_created_with_the_usual_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("inbox/an-my.xlsx"), &clean("Phường An Mỹ"));
    let sh = format!("umask 022; exec {} build inbox --period 2024-08 -o out", bin().display());
    let status = std::process::Command::new("sh").current_dir(dir.path()).args(["-c", &sh]).status().unwrap();
    assert_eq!(status.code(), Some(0));
    for file in ["tong-hop-2024-08.xlsx", "tong-hop-2024-08.csv", "bao-cao-2024-08.md", "bao-cao-2024-08.docx"] {
        let mode = std::fs::metadata(dir.path().join("out").join(file)).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o644, "{file}: readable by colleagues, as any file the clerk makes");
    }
    let sh = format!("umask 027; exec {} template --period 2024-08 -o mau.xlsx", bin().display());
    std::process::Command::new("sh").current_dir(dir.path()).args(["-c", &sh]).status().unwrap();
    let mode = std::fs::metadata(dir.path().join("mau.xlsx")).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
}

#[cfg(unix)]
#[test]
fn an_unreadable_inbox_is_exit_2_and_the_previous_outputs_stay() {
    use std::os::unix::fs::PermissionsExt;
    // Permissions do not bind root: run as nobody where we are root (as in CI).
    let as_nobody = unsafe { libc::geteuid() } == 0;
    if as_nobody && std::process::Command::new("setpriv").arg("--help").output().is_err() {
        eprintln!("skipped: root without setpriv");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o777)).unwrap();
    write(&dir.path().join("inbox/an-my.xlsx"), &clean("Phường An Mỹ"));
    tonghop(dir.path()).args(["build", "inbox", "--period", "2024-08", "-o", "out"]).assert().code(0);
    std::fs::set_permissions(dir.path().join("out"), std::fs::Permissions::from_mode(0o777)).unwrap();
    let before = std::fs::read(dir.path().join("out/tong-hop-2024-08.csv")).unwrap();
    std::fs::set_permissions(dir.path().join("inbox"), std::fs::Permissions::from_mode(0o000)).unwrap();
    let mut cmd = if as_nobody {
        let mut c = std::process::Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"]).arg(bin());
        c
    } else {
        std::process::Command::new(bin())
    };
    let out = cmd
        .current_dir(dir.path())
        .args(["--lang", "en", "build", "inbox", "--period", "2024-08", "-o", "out"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "Cannot read folder \"inbox\": permission denied\n");
    assert_eq!(std::fs::read(dir.path().join("out/tong-hop-2024-08.csv")).unwrap(), before, "nothing replaced");
    // Readable but not enterable (r--): its names can be listed, its files not reached.
    std::fs::set_permissions(dir.path().join("inbox"), std::fs::Permissions::from_mode(0o444)).unwrap();
    let out = cmd.output().unwrap();
    std::fs::set_permissions(dir.path().join("inbox"), std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(std::fs::read(dir.path().join("out/tong-hop-2024-08.csv")).unwrap(), before, "nothing replaced");
}

#[test]
fn control_characters_never_reach_the_outputs() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = clean("Phường An Mỹ");
    // Excel's Alt+Enter variant (_x000B_), a terminal escape, a bell, CR LF.
    s.set("GS03", V::Number(1.0)).note("GS03", "Đối thoại\u{0B}với thanh niên\u{1b}[31m\u{7}; lần 2\r\nở khối phố 3");
    write(&dir.path().join("inbox/an-my.xlsx"), &s);
    tonghop(dir.path()).args(["build", "inbox", "--period", "2024-08", "-o", "out"]).assert().code(0);
    let out = dir.path().join("out");
    let bad = |text: &str| text.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\t' | '\r'));
    // Markdown keeps a footnote on one line (its line breaks become "; ") and escapes `[`.
    for (file, kept) in [
        ("bao-cao-2024-08.md", "Đối thoại; với thanh niên\\[31m; lần 2; ở khối phố 3"),
        ("tong-hop-2024-08.csv", "[31m; lần 2"),
    ] {
        let text = std::fs::read_to_string(out.join(file)).unwrap();
        assert!(!bad(&text), "{file}: {text:?}");
        assert!(text.contains(kept), "{file}: {text}");
    }
    // Word's XML parts are well-formed XML 1.0 (LibreOffice refused the report before).
    for part in ["word/document.xml", "word/footnotes.xml"] {
        let xml = crate::common::xlsx_part(&out.join("bao-cao-2024-08.docx"), part);
        assert!(!bad(&xml), "{part}");
        let mut reader = quick_xml::Reader::from_str(&xml);
        loop {
            match reader.read_event() {
                Ok(quick_xml::events::Event::Eof) => break,
                Ok(_) => {}
                Err(e) => panic!("{part}: {e}"),
            }
        }
    }
    // The CSV keeps the line break as a line break, inside its quoted field.
    let csv = std::fs::read_to_string(out.join("tong-hop-2024-08.csv")).unwrap();
    assert!(csv.contains("Đối thoại\nvới thanh niên"), "{csv}");
}

#[cfg(unix)]
#[test]
fn file_names_are_shown_not_obeyed_on_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("inbox")).unwrap();
    std::fs::write(dir.path().join("inbox/x\u{1b}[2J\ny.xlsx"), b"%PDF not a workbook").unwrap();
    let out = tonghop(dir.path()).args(["check", "inbox", "--period", "2024-08"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.contains('\u{1b}'), "{text:?}");
    assert!(text.contains("x\\u{1b}[2J\\ny.xlsx — "), "{text}");
}

#[test]
fn system_errors_are_in_the_clerk_s_language() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("latin1.toml"), b"[report]\norganisation = \"Ban ch\xe1p\"\n").unwrap();
    std::fs::write(dir.path().join("afile"), "").unwrap();
    write(&dir.path().join("inbox/an-my.xlsx"), &clean("Phường An Mỹ"));
    let stderr = |args: &[&str]| {
        let out = tonghop(dir.path()).args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        String::from_utf8(out.stderr).unwrap()
    };
    assert_eq!(
        stderr(&["--lang", "en", "--config", "latin1.toml", "config"]),
        "Cannot read \"latin1.toml\": line 2 is not UTF-8 text (save the file as UTF-8)\n"
    );
    assert_eq!(
        stderr(&["--config", "latin1.toml", "config"]),
        "Không đọc được tệp \"latin1.toml\": dòng 2 không phải văn bản UTF-8 (lưu lại tệp với mã UTF-8)\n"
    );
    assert_eq!(
        stderr(&["--lang", "en", "build", "inbox", "--period", "2024-08", "-o", "afile"]),
        "Cannot create folder \"afile\": a file of that name is where a folder is needed\n"
    );
    assert_eq!(stderr(&["--lang", "en", "check", "khong-co"]), "Cannot read folder \"khong-co\": it does not exist\n");
    assert!(
        stderr(&["--lang", "en", "check", "inbox", "--period", "2024-13"]).contains("Period \"2024-13\" is not valid")
    );
    assert!(stderr(&["check", "inbox", "--period", "2024-13"]).contains("Kỳ báo cáo \"2024-13\" không hợp lệ"));
}

#[test]
fn a_period_excel_cannot_date_is_no_period() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = clean("Phường An Mỹ");
    s.header("Kỳ báo cáo", V::text("01/01/1500"));
    s.titles.truncate(1);
    write(&dir.path().join("inbox/an-my.xlsx"), &s);
    // Not a period: the folder name gives none either, so the command asks for one (exit 2),
    // rather than failing to write a workbook dated 1500.
    let out = tonghop(dir.path()).args(["--lang", "en", "build", "inbox", "-o", "out"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--period 2024-08"));
    // With the period given, the file's is unreadable (F12) and the build goes through.
    let out = tonghop(dir.path()).args(["build", "inbox", "--period", "2024-08", "-o", "out"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let check = tonghop(dir.path()).args(["check", "inbox", "--period", "2024-08"]).output().unwrap();
    assert!(String::from_utf8_lossy(&check.stdout).contains("F12"));
}

#[test]
fn help_is_bilingual() {
    let dir = tempfile::tempdir().unwrap();
    let out = tonghop(dir.path()).args(["build", "--help"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    for words in ["Chỉ in lỗi", "print only errors", "Thư mục ghi kết quả", "output folder"] {
        assert!(text.contains(words), "{words}: {text}");
    }
}

#[cfg(unix)]
#[test]
fn a_link_loop_in_the_inbox_is_named_in_the_clerk_s_words() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("inbox")).unwrap();
    std::os::unix::fs::symlink("b.xlsx", dir.path().join("inbox/a.xlsx")).unwrap();
    std::os::unix::fs::symlink("a.xlsx", dir.path().join("inbox/b.xlsx")).unwrap();
    let out = tonghop(dir.path()).args(["--lang", "en", "check", "inbox", "--period", "2024-08"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("F01") && text.contains("the file cannot be read: links that point at each other"), "{text}");
    assert!(!text.contains("os error"), "{text}");
}
