//! Spec §10, before anything is read: files that are no unit's report (pipes, devices, a copy of
//! our own output) are skipped unopened, workbooks larger than any report are refused before
//! they are loaded, and figures no report can hold are refused before they are summed.

use std::path::Path;

use support::form::{FilledForm, V};
use tonghop::config::Config;
use tonghop::intake::{Outcome, intake};

use crate::common::tonghop;
use crate::fixtures::{clean, config, write};
use crate::trust_support::{read, value};
#[test]
fn a_renamed_copy_of_the_consolidated_workbook_is_skipped() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("inbox/an-my.xlsx"), &clean("Phường An Mỹ"));
    tonghop(dir.path()).args(["build", "inbox", "--period", "2024-08", "-o", "out"]).assert().code(0);
    std::fs::copy(dir.path().join("out/tong-hop-2024-08.xlsx"), dir.path().join("inbox/tong-hop-2024-08 (1).xlsx"))
        .unwrap();
    let got = read(&dir.path().join("inbox"));
    let copy = got.files.iter().find(|f| f.file == "tong-hop-2024-08 (1).xlsx").unwrap();
    assert_eq!(copy.outcome, Outcome::Skipped);
    assert_eq!(copy.findings[0].code, "S04");
}

#[cfg(unix)]
#[test]
fn pipes_devices_and_links_to_them_are_skipped_unopened() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("an-my.xlsx"), &clean("Phường An Mỹ"));
    let fifo = std::ffi::CString::new(dir.path().join("ong.xlsx").to_str().unwrap()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o644) }, 0);
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("zero.xlsx")).unwrap();
    std::os::unix::fs::symlink("/dev/null", dir.path().join("null.xls")).unwrap();
    std::os::unix::fs::symlink("/tmp", dir.path().join("thu muc.xlsx")).unwrap();
    let got = read(dir.path()); // would hang on the FIFO, or read /dev/zero forever
    for file in ["ong.xlsx", "zero.xlsx", "null.xls", "thu muc.xlsx"] {
        let f = got.files.iter().find(|f| f.file == file).unwrap();
        assert_eq!((f.outcome, f.findings[0].code.as_str()), (Outcome::Skipped, "S05"), "{file}");
    }
    assert_eq!(got.submissions.len(), 1);
}

#[test]
fn one_stray_cell_at_the_last_address_costs_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut wb = rust_xlsxwriter::Workbook::new();
    let form = FilledForm::new(clean("Phường An Mỹ"));
    // The form's own table, plus one value at XFD1048576.
    let bytes = form.to_xlsx().unwrap();
    std::fs::write(dir.path().join("an-my.xlsx"), &bytes).unwrap();
    let sheet = wb.add_worksheet();
    sheet.set_name("Báo cáo").unwrap();
    for (r, (label, v)) in [("Đơn vị:", "Phường An Sơn"), ("Kỳ báo cáo:", "08/2024")].iter().enumerate() {
        sheet.write_string(r as u32, 0, *label).unwrap();
        sheet.write_string(r as u32, 2, *v).unwrap();
    }
    for (c, h) in ["Mã", "Chỉ tiêu", "Số liệu"].iter().enumerate() {
        sheet.write_string(3, c as u16, *h).unwrap();
    }
    sheet.write_string(4, 0, "GS02").unwrap();
    sheet.write_number(4, 2, 1).unwrap();
    sheet.write_number(1_048_575, 16_383, 1).unwrap();
    wb.save(dir.path().join("an-son.xlsx")).unwrap();
    let got = read(dir.path());
    assert_eq!(value(&got, "an-son", "GS02").as_deref(), Some("1"));
    assert_eq!(got.submissions.len(), 2);
}

#[test]
fn a_sheet_with_more_cells_than_any_report_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut wb = rust_xlsxwriter::Workbook::new();
    let sheet = wb.add_worksheet();
    sheet.set_name("Danh sách").unwrap();
    let cells = tonghop::read::workbook::MAX_CELLS_PER_SHEET as u32 + 1;
    for i in 0..cells {
        sheet.write_number(i / 10, (i % 10) as u16, 1).unwrap();
    }
    wb.save(dir.path().join("an-my.xlsx")).unwrap();
    write(&dir.path().join("an-son.xlsx"), &clean("Phường An Sơn"));
    let got = read(dir.path());
    let f = got.findings().find(|f| f.file == "an-my.xlsx").unwrap();
    assert_eq!(f.code, "F01");
    assert!(f.text(tonghop::messages::Lang::En).starts_with("sheet \"Danh sách\" holds more than 500000 cells"));
    assert_eq!(got.submissions.len(), 1, "the other file is read");
}

#[test]
fn workbooks_that_would_take_gigabytes_are_refused_before_loading() {
    let dir = tempfile::tempdir().unwrap();
    let hostile = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile");
    let names = [
        "far-cell.xls",
        "huge-dimensions.xls",
        "far-cell.ods",
        "repeat-overflow-columns.ods",
        "repeat-overflow-rows.ods",
    ];
    for name in names {
        std::fs::copy(hostile.join(name), dir.path().join(name)).unwrap();
    }
    // A real .xls cut short by one byte (a broken download): calamine would read it, but a
    // container that cannot be measured is refused as damaged, since calamine reads such
    // containers without bound (fuzzing: 24 GB from a 6 KB file).
    let xls = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/2024-08/tam-ngoc.xls")).unwrap();
    std::fs::write(dir.path().join("tam-ngoc.xls"), &xls[..xls.len() - 1]).unwrap();
    write(&dir.path().join("an-son.xlsx"), &clean("Phường An Sơn"));
    let got = read(dir.path()); // before: 1 GB, 2 GB, or the whole process aborted
    let truncated = got.files.iter().find(|f| f.file == "tam-ngoc.xls").unwrap();
    assert_eq!(truncated.findings[0].code, "F01");
    assert_eq!(truncated.unit.map(|u| config().units[u].code.clone()).as_deref(), Some("tam-ngoc"), "Bị loại");
    for name in names {
        let f = got.files.iter().find(|f| f.file == name).unwrap();
        assert_eq!((f.outcome, f.findings[0].code.as_str()), (Outcome::Rejected, "F01"), "{name}");
        assert!(f.findings[0].text(tonghop::messages::Lang::En).contains("cells, which no report does"), "{name}");
    }
    assert_eq!(value(&got, "an-son", "VD03").as_deref(), Some("2"), "the good form is read");
}

#[test]
fn values_too_large_for_any_report_are_refused_and_sums_never_overflow() {
    let dir = tempfile::tempdir().unwrap();
    // The configuration without any `max`: only the reader's own bound stands.
    let toml: String =
        tonghop::config::DEFAULT_TOML.lines().filter(|l| !l.starts_with("max")).map(|l| format!("{l}\n")).collect();
    std::fs::write(dir.path().join("c.toml"), &toml).unwrap();
    for (file, unit) in [("a.xlsx", "Phường An Mỹ"), ("b.xlsx", "Phường An Sơn")] {
        let mut s = clean(unit);
        s.set("TT02", V::Number(5e28)).set("TT01", V::Number(3.0));
        write(&dir.path().join("inbox").join(file), &s);
    }
    let out = tonghop(dir.path())
        .args(["--config", "c.toml", "build", "inbox", "--period", "2024-08", "-o", "out"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    let csv = std::fs::read_to_string(dir.path().join("out/tong-hop-2024-08.csv")).unwrap();
    assert!(!csv.contains(",TT02,"), "the refused values are not archived");
    assert!(csv.contains(",TT01,"));
    let c = Config::parse(&toml).unwrap();
    let got = intake(&dir.path().join("inbox"), &c, "2024-08".parse().ok()).unwrap();
    assert!(got.findings().filter(|f| f.code == "C04").count() == 2);
}

/// Our template for Phường An Mỹ, filled and saved by LibreOffice (`tests/fixtures/trust/`),
/// arrives under An Sơn's name: the unit cell and the file name disagree (F06). Nothing of it
/// is used, and it counts for the unit its name names (§10): An Sơn is "Bị loại", not "Chưa
/// nộp"; An Mỹ, which sent nothing under its own name, is "Chưa nộp".
#[test]
fn a_libreoffice_form_under_another_unit_s_name_is_refused_for_that_unit() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("inbox")).unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/trust/if-formula.xlsx");
    std::fs::copy(fixture, dir.path().join("inbox/an-son.xlsx")).unwrap();
    let out =
        tonghop(dir.path()).args(["status", "inbox", "--period", "2024-08", "--format", "json"]).output().unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let unit = |code: &str| json["units"].as_array().unwrap().iter().find(|u| u["unit"] == code).unwrap().clone();
    assert_eq!(unit("an-son")["status"], "rejected");
    assert_eq!(unit("an-son")["file"], "an-son.xlsx");
    assert_eq!(unit("an-my")["status"], "missing");
    let out = tonghop(dir.path()).args(["check", "inbox", "--period", "2024-08", "--format", "json"]).output().unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(json["findings"].as_array().unwrap().iter().any(|f| f["code"] == "F06" && f["unit"] == "an-son"), "{json}");
    let got = read(dir.path());
    assert!(got.submissions.is_empty(), "no figure of it is used");
}
