//! Reading a mixed inbox: every finding code, with its exact cell, and every file's outcome.

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::Value;
use tonghop::finding::Code;

use crate::common::tonghop;
use crate::fixtures::{cell_of, messy_inbox};

fn run_json(dir: &Path, command: &str, lang: &str) -> (i32, Value) {
    let out = tonghop(dir)
        .args(["--lang", lang, command, "inbox", "--period", "2024-08", "--format", "json"])
        .output()
        .unwrap();
    let json =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    (out.status.code().unwrap(), json)
}

fn messy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    messy_inbox(&dir.path().join("inbox"));
    dir
}

/// (code, file, sheet!cell or sheet, indicator) of every finding.
fn findings(check: &Value) -> Vec<(String, String, String, String)> {
    check["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let s = |k: &str| f[k].as_str().unwrap_or("").to_owned();
            let at = match (s("sheet").as_str(), s("cell").as_str()) {
                ("", _) => String::new(),
                (sheet, "") => sheet.to_owned(),
                (sheet, cell) => format!("{sheet}!{cell}"),
            };
            (s("code"), s("file"), at, s("indicator"))
        })
        .collect()
}

#[test]
fn every_finding_is_reported_at_its_cell() {
    let dir = messy();
    let (code, check) = run_json(dir.path(), "check", "vi");
    assert_eq!(code, 1, "errors were found");
    assert_eq!(check["period"], "2024-08");
    let got = findings(&check);
    let at = |code: &str| format!("Báo cáo!{}", cell_of(code));
    let expected: Vec<(&str, &str, String, &str)> = vec![
        // Cells of an-my.xlsx.
        ("C01", "an-my.xlsx", at("GS04"), "GS04"),
        ("C02", "an-my.xlsx", at("GS05"), "GS05"),
        ("C03", "an-my.xlsx", at("CB01"), "CB01"),
        ("C04", "an-my.xlsx", at("TT01"), "TT01"),
        ("C05", "an-my.xlsx", at("GS01"), "GS01"),
        ("C06", "an-my.xlsx", at("GS02"), "GS02"),
        ("C07", "an-my.xlsx", at("DN01"), "DN01"),
        ("C08", "an-my.xlsx", at("TT04"), "TT04"),
        ("W05", "an-my.xlsx", "Báo cáo!B31".into(), ""),
        ("W04", "an-my.xlsx", "Báo cáo!C32".into(), "CB02"),
        ("W06", "an-my.xlsx", "Báo cáo!E33".into(), "GS02"),
        ("R03", "an-my.xlsx", "Báo cáo".into(), ""),
        // Soft findings of an-son.xlsx: the values are used.
        ("W01", "an-son.xlsx", at("VD04"), "VD04"),
        ("W02", "an-son.xlsx", at("VD01"), "VD01"),
        ("W03", "an-son.xlsx", at("TT02"), "TT02"),
        ("W07", "Xã Tam Thăng.xlsx", at("VD04"), "VD04"),
        // Rows edited apart, units of measure, text in an unused column, a hidden draft.
        ("C09", "an-son.xlsx", "Báo cáo!B11".into(), "TT01"),
        ("C10", "an-son.xlsx", "Báo cáo!D22".into(), "GS02"),
        ("W09", "an-son.xlsx", "Báo cáo!G22".into(), ""),
        ("W08", "truong-xuan.xlsx", "Báo cáo!E17".into(), "VD04"),
        ("F11", "tan-thanh.xlsx", "Nháp".into(), ""),
        ("F09", "phuoc hoa - thang 8.xlsx", "Báo cáo!F9".into(), ""),
        ("F18", "phuoc hoa - hai trang.xlsx", "Tháng 8 (2)".into(), ""),
        ("F07", "gop/hai phuong.xlsx", "Phước Hòa!C5".into(), ""),
        ("S04", "tong hop thang 8 (1).xlsx", String::new(), ""),
        // Rules.
        ("R01", "an-xuan.xlsx", "Báo cáo".into(), ""),
        ("R03", "an-xuan.xlsx", "Báo cáo".into(), ""),
        // Files.
        ("F01", "hong.xlsx", String::new(), ""),
        ("F02", "mat-khau.xlsx", String::new(), ""),
        ("F03", "khong-bang.xlsx", String::new(), ""),
        ("F04", "bao cao.xlsx", "Báo cáo".into(), ""),
        ("F05", "x1.xlsx", "Báo cáo!C4".into(), ""),
        ("F06", "hoa huong.xlsx", "Báo cáo!C4".into(), ""),
        ("F07", "phuoc-hoa.xlsx", "Báo cáo!C5".into(), ""),
        ("F08", "gia.xlsx", String::new(), ""),
        ("F10", "tam-phu.xlsx", String::new(), ""),
        ("F11", "tan-thanh.xlsx", "T7".into(), ""),
        ("F12", "truong-xuan.xlsx", "Báo cáo".into(), ""),
        ("F13", "truong-xuan.xlsx", "Báo cáo!C4".into(), ""),
        ("F14", "Bao cao T8 - Phuong An Phu.xlsx", "Báo cáo".into(), ""),
        ("F15", "tam-ngoc.xlsx", "Báo cáo".into(), ""),
        ("F16", "tam-thanh.xlsx", "Báo cáo".into(), "KT01"),
        ("W04", "tam-thanh.xlsx", "Báo cáo!B9".into(), ""),
        // Skipped files.
        ("S01", "~$an-my.xlsx", String::new(), ""),
        ("S02", ".DS_Store", String::new(), ""),
        ("S03", "cong van.pdf", String::new(), ""),
        ("S04", "tong-hop-2024-08.xlsx", String::new(), ""),
        ("S05", "lien-ket.xlsx", String::new(), ""),
    ];
    for (code, file, place, indicator) in &expected {
        let want = (code.to_string(), file.to_string(), place.clone(), indicator.to_string());
        assert!(got.contains(&want), "missing {want:?} in\n{got:#?}");
    }
    // Every built-in code but R00 (a rule that cannot be evaluated, tested below), F17 (two
    // files with the same modification time, which a checkout cannot keep) and O01/O02 (which
    // need an archive or a figure far from the others: tests/integration/time.rs) shows up here.
    let seen: BTreeSet<&str> = got.iter().map(|f| f.0.as_str()).collect();
    let elsewhere = [Code::RuleFailed, Code::ResendUndecidable, Code::OutlierHistory, Code::OutlierSiblings];
    for code in Code::ALL {
        if !elsewhere.contains(code) {
            assert!(seen.contains(code.as_str()), "code {} never shown", code.as_str());
        }
    }
    // The form without a code column is matched by label with one finding, not one per row.
    assert_eq!(got.iter().filter(|f| f.1 == "tam-thanh.xlsx" && f.0 == "W04").count(), 1);
    // Shuffled rows with blank rows between them, extra sheets: no cell problem.
    assert!(got.iter().filter(|f| f.1 == "tan-thanh.xlsx").all(|f| f.0 == "F11"), "{got:?}");
    // The unit cell with the city (an-xuan) and the reporting window (tam-thang) are read; a
    // formula that computed empty text is an empty cell, not C05.
    assert!(!got.iter().any(|f| f.1 == "an-xuan.xlsx" && ["F05", "C05"].contains(&f.0.as_str())), "{got:?}");
    assert!(!got.iter().any(|f| f.1 == "Xã Tam Thăng.xlsx" && f.0 == "F07"), "{got:?}");
}

#[test]
fn every_file_is_accounted_for_once() {
    let dir = messy();
    let (code, status) = run_json(dir.path(), "status", "vi");
    assert_eq!(code, 1, "errors were found (spec §5), also by status");
    let files: Vec<(String, String, String)> = status["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let s = |k: &str| f[k].as_str().unwrap_or("-").to_owned();
            (s("file"), s("outcome"), s("unit"))
        })
        .collect();
    let on_disk = walk(&dir.path().join("inbox"));
    let listed: BTreeSet<String> = files.iter().map(|f| f.0.clone()).collect();
    assert_eq!(listed.len() + 1, files.len(), "each file once, the merged workbook once per unit sheet");
    assert_eq!(listed, on_disk, "every file on disk is listed");
    let outcome = |file: &str| files.iter().find(|f| f.0 == file).map(|f| (f.1.as_str(), f.2.as_str())).unwrap();
    assert_eq!(outcome("an-my.xlsx"), ("used", "an-my"));
    assert_eq!(outcome("Bao cao T8 - Phuong An Phu.xlsx"), ("used", "an-phu"));
    assert_eq!(outcome("Xã Tam Thăng.xlsx"), ("used", "tam-thang"), "NFD file name reported NFC");
    assert_eq!(outcome("tam-phu.xlsx"), ("superseded", "tam-phu"));
    assert_eq!(outcome("gui lai/tam-phu (1).xlsx"), ("used", "tam-phu"));
    assert_eq!(outcome("tan-thanh.xlsx"), ("used", "tan-thanh"));
    // Its unit cell says Hòa Thuận: refused, and counted for the unit its name names (§10).
    assert_eq!(outcome("hoa huong.xlsx"), ("rejected", "hoa-huong"));
    assert_eq!(outcome("phuoc-hoa.xlsx"), ("rejected", "phuoc-hoa"));
    assert_eq!(outcome("hong.xlsx"), ("rejected", "-"));
    assert_eq!(outcome("~$an-my.xlsx"), ("skipped", "-"));
    assert_eq!(outcome("cong van.pdf"), ("skipped", "-"));

    let unit = |code: &str| status["units"].as_array().unwrap().iter().find(|u| u["unit"] == code).unwrap().clone();
    assert_eq!(unit("hoa-huong")["status"], "rejected");
    assert_eq!(unit("hoa-huong")["file"], "hoa huong.xlsx");
    // The file that named Hòa Thuận was rejected; Hòa Thuận's sheet in the merged workbook is used.
    assert_eq!(unit("hoa-thuan")["status"], "submitted");
    assert_eq!(unit("hoa-thuan")["file"], "gop/hai phuong.xlsx");
    assert_eq!(unit("hoa-thuan")["sheet"], "Hòa Thuận");
    let parts: Vec<_> =
        status["files"].as_array().unwrap().iter().filter(|f| f["file"] == "gop/hai phuong.xlsx").collect();
    assert_eq!(parts.len(), 2, "one entry per unit sheet");
    assert_eq!((parts[0]["sheet"].as_str(), parts[0]["outcome"].as_str()), (Some("Hòa Thuận"), Some("used")));
    assert_eq!((parts[1]["sheet"].as_str(), parts[1]["outcome"].as_str()), (Some("Phước Hòa"), Some("rejected")));
    assert_eq!(unit("tam-phu")["status"], "submitted");
    assert_eq!(unit("tam-phu")["superseded"], serde_json::json!(["tam-phu.xlsx"]));
    assert_eq!(unit("an-my")["name"], "Phường An Mỹ");
    assert_eq!(unit("an-my")["errors"], 8, "C01 to C08");
    assert_eq!(status["units"].as_array().unwrap().len(), 13);
}

fn walk(dir: &Path) -> BTreeSet<String> {
    use unicode_normalization::UnicodeNormalization;
    walkdir::WalkDir::new(dir)
        .min_depth(1)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file() || e.path_is_symlink())
        .map(|e| e.path().strip_prefix(dir).unwrap().to_string_lossy().replace('\\', "/").nfc().collect())
        .collect()
}

#[test]
fn values_are_read_the_vietnamese_way() {
    let dir = messy();
    let config = tonghop::config::Config::default_config();
    let intake = tonghop::intake::intake(&dir.path().join("inbox"), &config, None).unwrap();
    assert_eq!(intake.period.to_string(), "2024-08", "inferred from the files");
    let value = |unit: &str, code: &str| {
        let u = config.units.iter().position(|x| x.code == unit).unwrap();
        let i = config.indicators.iter().position(|x| x.code == code).unwrap();
        let s = intake.submissions.iter().find(|s| s.unit == u).unwrap();
        s.entries.get(&i).and_then(|e| e.value).map(|d| d.to_string())
    };
    assert_eq!(value("an-son", "TT02").as_deref(), Some("1250"), "1.250");
    assert_eq!(value("an-son", "VD04").as_deref(), Some("2.5"), "2,5");
    assert_eq!(value("an-son", "VD01").as_deref(), Some("60"), "60.000.000 đồng in triệu đồng");
    assert_eq!(value("an-my", "GS04"), None, "refused cell not used");
    assert_eq!(value("an-my", "CB02").as_deref(), Some("40"), "label-only row used");
    assert_eq!(value("an-my", "GS02"), None, "the refused first row is kept, the duplicate not used");
    assert_eq!(value("tam-phu", "GS04").as_deref(), Some("2"), "the later file wins");
    assert_eq!(value("tan-thanh", "GS04").as_deref(), Some("1"), "this month's sheet, shuffled");
    assert_eq!(value("tan-thanh", "GS02").as_deref(), Some("1"), "not July's 9");
    assert_eq!(value("tam-thanh", "VD04").as_deref(), Some("1.25"), "by label without a code column");
}

#[test]
fn english_messages() {
    let dir = messy();
    let (_, check) = run_json(dir.path(), "check", "en");
    let msg = check["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "F05")
        .map(|f| f["message"].as_str().unwrap().to_owned())
        .unwrap();
    assert_eq!(msg, "unit \"Phường An Mỹy\" is not in the list of units; did you mean \"Phường An Mỹ\"?");
}

#[test]
fn text_output_groups_by_file_in_vietnamese() {
    let dir = messy();
    let out = tonghop(dir.path()).args(["check", "inbox", "--period", "2024-08"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.contains('\x1b'), "no colours when not on a terminal");
    assert!(
        text.contains("x1.xlsx — (chưa rõ đơn vị) — bị loại\n  lỗi       F05   Báo cáo!C4  đơn vị \"Phường An Mỹy\""),
        "{text}"
    );
    let status = tonghop(dir.path()).args(["status", "inbox"]).output().unwrap();
    let text = String::from_utf8(status.stdout).unwrap();
    assert!(text.contains("11/13 đơn vị đã nộp; 2 đơn vị có báo cáo bị loại; 0 đơn vị chưa nộp."), "{text}");
    assert!(text.contains("  5  Phường Hòa Hương    Bị loại     hoa huong.xlsx (1 lỗi, 0 cảnh báo)\n"), "{text}");
}

#[test]
fn a_rule_that_cannot_be_evaluated_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let config =
        tonghop::config::DEFAULT_TOML.replace("require = \"VD03 > 0\"", "require = \"VD03 > 0 and VD04 // 0 > 1\"");
    std::fs::write(dir.path().join("c.toml"), config).unwrap();
    let mut s = crate::fixtures::clean("Phường An Mỹ");
    s.set("VD04", support::form::V::Number(2.0));
    crate::fixtures::write(&dir.path().join("inbox/an-my.xlsx"), &s);
    let out = tonghop(dir.path()).args(["--config", "c.toml", "check", "inbox", "--format", "json"]).output().unwrap();
    let check: Value = serde_json::from_slice(&out.stdout).unwrap();
    let codes: Vec<&str> = check["findings"].as_array().unwrap().iter().map(|f| f["code"].as_str().unwrap()).collect();
    assert!(codes.contains(&"R00"), "{check}");
}

#[test]
fn period_is_inferred_or_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = crate::fixtures::clean("Phường An Mỹ");
    s.without_header("Kỳ báo cáo");
    s.titles.truncate(1);
    crate::fixtures::write(&dir.path().join("nhan/an-my.xlsx"), &s);
    crate::fixtures::write(&dir.path().join("thang-8-2024/an-my.xlsx"), &s);
    // No period anywhere: exit 2 and say how to give it.
    tonghop(dir.path()).args(["status", "nhan"]).assert().code(2).stderr(predicates::str::contains("--period 2024-08"));
    // From the folder name.
    tonghop(dir.path())
        .args(["status", "thang-8-2024"])
        .assert()
        .code(0)
        .stdout(predicates::str::contains("Kỳ báo cáo: 08/2024 (theo tên thư mục)"));
    // A missing inbox is exit 2.
    tonghop(dir.path()).args(["check", "khong-co"]).assert().code(2);
}

#[test]
fn xls_and_ods_files_are_read_like_xlsx() {
    for ext in ["xls", "ods"] {
        let dir = tempfile::tempdir().unwrap();
        let inbox = dir.path().join("inbox");
        std::fs::create_dir_all(&inbox).unwrap();
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/hoa-huong.{ext}"));
        // Named .xlsx on purpose: the format is found by content, not by extension.
        std::fs::copy(&fixture, inbox.join("hoa-huong.xlsx")).unwrap();
        let config = tonghop::config::Config::default_config();
        let intake = tonghop::intake::intake(&inbox, &config, None).unwrap();
        assert_eq!(intake.period.to_string(), "2024-08", "{ext}");
        assert_eq!(intake.submissions.len(), 1, "{ext}: {:?}", intake.files);
        let s = &intake.submissions[0];
        assert_eq!(config.units[s.unit].code, "hoa-huong");
        assert_eq!(s.prepared, chrono::NaiveDate::from_ymd_opt(2024, 8, 24), "{ext}");
        let entry = |code: &str| &s.entries[&config.indicators.iter().position(|i| i.code == code).unwrap()];
        assert_eq!(entry("VD04").value.unwrap().to_string(), "1.0125", "{ext}");
        assert_eq!(entry("TT01").value, None, "{ext}: 1.250 is 1250, over TT01's max of 1000");
        assert_eq!(entry("GS03").value_cell.to_string(), cell_of("GS03"), "{ext}: absolute cell address");
        assert!(entry("GS03").note.as_deref().unwrap().starts_with("Hội nghị đối thoại"), "{ext}");
        let codes: Vec<&str> = intake.findings().map(|f| f.code.as_str()).collect();
        assert_eq!(codes, ["C04"], "{ext}: only TT01 over its maximum");
    }
}

#[test]
fn the_readme_lists_every_finding_code() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    for code in Code::ALL {
        let row = format!("| {} | {} |", code.as_str(), code.severity().as_str());
        assert!(readme.contains(&row), "README lacks the row {row}");
    }
    // And no row names a code the program does not have, in the same order.
    let listed: Vec<&str> = readme
        .lines()
        .filter_map(|l| l.strip_prefix("| ")?.split_once(" |").map(|(code, _)| code))
        .filter(|c| c.len() == 3 && c.as_bytes()[0].is_ascii_uppercase() && c[1..].bytes().all(|b| b.is_ascii_digit()))
        .collect();
    let all: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
    assert_eq!(listed, all, "the README's findings table and finding::Code disagree");
}

#[test]
fn header_block_in_one_cell_and_legacy_tcvn3_text() {
    let dir = tempfile::tempdir().unwrap();
    let inbox = dir.path().join("inbox");
    // "Label: value" in a single cell.
    let mut s = crate::fixtures::clean("");
    s.header = vec![
        ("Đơn vị: Phường An Sơn".into(), support::form::V::Empty),
        ("Kỳ báo cáo: tháng 08 năm 2024".into(), support::form::V::Empty),
        ("Ngày lập: ngày 25 tháng 8 năm 2024".into(), support::form::V::Empty),
    ];
    crate::fixtures::write(&inbox.join("a.xlsx"), &s);
    // Typed with a TCVN3 (.VnTime) font: "Đơn vị:" is "§¬n vÞ:", "phường An Mỹ" is "ph\u{AD}êng An Mü".
    let mut s = crate::fixtures::clean("");
    s.header = vec![
        ("§¬n vÞ:".into(), support::form::V::text("ph\u{AD}êng An Mü")),
        ("Kú b¸o c¸o:".into(), support::form::V::text("08/2024")),
    ];
    crate::fixtures::write(&inbox.join("b.xlsx"), &s);
    let config = tonghop::config::Config::default_config();
    let intake = tonghop::intake::intake(&inbox, &config, None).unwrap();
    let units: Vec<&str> = intake.submissions.iter().map(|s| config.units[s.unit].code.as_str()).collect();
    assert_eq!(units, ["an-my", "an-son"], "{:#?}", intake.files);
    let a = intake.submissions.iter().find(|s| s.file == "a.xlsx").unwrap();
    assert_eq!(a.prepared, chrono::NaiveDate::from_ymd_opt(2024, 8, 25));
    assert!(intake.findings().all(|f| f.code != "F12"), "the period was read in both");
}

#[test]
fn cell_addresses_are_absolute_when_the_sheet_does_not_start_at_a1() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = crate::fixtures::clean("");
    s.titles.clear();
    s.header.clear();
    s.without_column(tonghop::form::Column::Stt); // the table starts at column A+1 rows down
    s.set("TT01", support::form::V::text("nhiều"));
    crate::fixtures::write(&dir.path().join("inbox/an-my.xlsx"), &s);
    let (_, check) = run_json(dir.path(), "check", "vi");
    let f = findings(&check);
    // Table header on row 3 (rows 1-2 empty), I.1 on row 4, TT01 on row 5; the value column is D.
    assert!(f.contains(&("C01".into(), "an-my.xlsx".into(), "Báo cáo!D5".into(), "TT01".into())), "{f:?}");
}

#[test]
fn a_file_too_large_to_be_a_report_is_refused_unread() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("inbox")).unwrap();
    let big = std::fs::File::create(dir.path().join("inbox/an-my.xlsx")).unwrap();
    big.set_len(tonghop::read::MAX_FILE_BYTES + 1).unwrap(); // sparse: nothing is written
    let (_, check) = run_json(dir.path(), "check", "en");
    let f = &check["findings"][0];
    assert_eq!((f["code"].as_str(), f["file"].as_str()), (Some("F01"), Some("an-my.xlsx")));
    assert!(f["message"].as_str().unwrap().contains("too large"), "{f}");
}

#[test]
fn an_empty_form_row_gives_way_to_the_same_indicator_filled_below() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = crate::fixtures::clean("Phường An Mỹ");
    s.push_row(support::form::Row::Indicator {
        stt: String::new(),
        code: "GS03".into(),
        label: "Hội nghị đối thoại".into(),
        unit: "hội nghị".into(),
        value: support::form::V::Number(2.0),
        note: Some("Đối thoại với thanh niên".into()),
    });
    crate::fixtures::write(&dir.path().join("inbox/an-my.xlsx"), &s);
    let config = tonghop::config::Config::default_config();
    let intake = tonghop::intake::intake(&dir.path().join("inbox"), &config, None).unwrap();
    let gs03 = config.indicators.iter().position(|i| i.code == "GS03").unwrap();
    let entry = &intake.submissions[0].entries[&gs03];
    assert_eq!(entry.value.map(|v| v.to_string()).as_deref(), Some("2"));
    assert_eq!(entry.note.as_deref(), Some("Đối thoại với thanh niên"));
    assert!(intake.findings().all(|f| f.code != "W06"), "nothing was dropped");
}

#[test]
fn a_superseded_file_s_errors_do_not_count() {
    let dir = tempfile::tempdir().unwrap();
    let mut old = crate::fixtures::clean("Xã Tam Phú");
    old.header("Ngày lập", support::form::V::Date(2024, 8, 20)).set("GS04", support::form::V::text("nhiều"));
    crate::fixtures::write(&dir.path().join("inbox/tam-phu.xlsx"), &old);
    let mut new = crate::fixtures::clean("Xã Tam Phú");
    new.header("Ngày lập", support::form::V::Date(2024, 8, 26));
    crate::fixtures::write(&dir.path().join("inbox/tam-phu (gui lai).xlsx"), &new);
    let (code, check) = run_json(dir.path(), "check", "vi");
    assert_eq!(code, 0, "the corrected file is used: {check}");
    let f10 = check["findings"].as_array().unwrap().iter().find(|f| f["code"] == "F10").unwrap();
    assert_eq!(f10["unit"], "tam-phu", "the superseded file names its unit");
    // The text a clerk reads says why it was replaced, not the old file's own errors.
    let text = tonghop(dir.path()).args(["check", "inbox"]).output().unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(text.contains("F10") && !text.contains("C01"), "{text}");
    tonghop(dir.path()).args(["build", "inbox", "--strict"]).assert().code(0);
}

#[test]
fn a_title_with_letters_that_change_length_when_lowered_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = crate::fixtures::clean("Phường An Mỹ");
    s.without_header("Kỳ báo cáo");
    s.titles = vec!["İİİ BÁO CÁO THÁNG 08/2024".into()];
    crate::fixtures::write(&dir.path().join("inbox/an-my.xlsx"), &s);
    let (code, check) = run_json(dir.path(), "check", "vi");
    assert_eq!((code, check["findings"].as_array().unwrap().len()), (0, 0), "{check}");
}

#[test]
fn one_essay_in_a_cell_does_not_stop_the_build() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = crate::fixtures::clean("Phường An Mỹ");
    s.set("GS04", support::form::V::Text("x".repeat(32_000)));
    crate::fixtures::write(&dir.path().join("inbox/an-my.xlsx"), &s);
    tonghop(dir.path()).args(["build", "inbox"]).assert().code(1);
}
