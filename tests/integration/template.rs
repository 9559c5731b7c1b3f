//! `tonghop template`: the forms, read back as a unit's spreadsheet program would see them.

use std::path::Path;

use calamine::{Data, Reader, open_workbook_auto};
use tonghop::config::Config;

use crate::common::{tonghop, xlsx_part};

fn cell(range: &calamine::Range<Data>, a1: &str) -> String {
    let (col, row) = a1.split_at(a1.find(|c: char| c.is_ascii_digit()).unwrap());
    let col = col.bytes().fold(0u32, |n, b| n * 26 + u32::from(b - b'A' + 1)) - 1;
    let row: u32 = row.parse::<u32>().unwrap() - 1;
    range.get_value((row, col)).map(|d| d.to_string()).unwrap_or_default()
}

fn form_sheet(path: &Path) -> calamine::Range<Data> {
    let mut wb = open_workbook_auto(path).unwrap();
    assert_eq!(wb.sheet_names(), ["Báo cáo", "Hướng dẫn"]);
    wb.worksheet_range("Báo cáo").unwrap()
}

#[test]
fn prefilled_form_has_every_indicator_and_validation() {
    let dir = tempfile::tempdir().unwrap();
    tonghop(dir.path())
        .args(["template", "--period", "2024-08", "--unit", "hoa-thuan"])
        .assert()
        .success()
        .stdout(predicates::str::contains("mau-2024-08-hoa-thuan.xlsx"));
    let path = dir.path().join("mau-2024-08-hoa-thuan.xlsx");
    let r = form_sheet(&path);
    assert_eq!(r.start(), Some((0, 0)), "the form starts at A1");
    assert_eq!(cell(&r, "A1"), "ỦY BAN MTTQ VIỆT NAM THÀNH PHỐ TAM KỲ");
    assert_eq!(cell(&r, "A2"), "BÁO CÁO KẾT QUẢ CÔNG TÁC MẶT TRẬN THÁNG 08/2024");
    assert_eq!((cell(&r, "A4").as_str(), cell(&r, "C4").as_str()), ("Đơn vị:", "Phường Hòa Thuận"));
    assert_eq!((cell(&r, "A5").as_str(), cell(&r, "C5").as_str()), ("Kỳ báo cáo:", "08/2024"));
    assert_eq!(cell(&r, "A6"), "Ngày lập:");
    assert_eq!(cell(&r, "D6"), "Người lập:");
    let headers: Vec<String> = ["A8", "B8", "C8", "D8", "E8", "F8"].iter().map(|a| cell(&r, a)).collect();
    assert_eq!(headers, ["STT", "Mã", "Chỉ tiêu", "Đơn vị tính", "Số liệu", "Ghi chú / nội dung cụ thể"]);

    // Every section row, then its indicators with code, label and unit of measure.
    let config = Config::default_config();
    let sheet_xml = xlsx_part(&path, "xl/worksheets/sheet1.xml");
    let mut row = 9;
    for section in &config.sections {
        assert_eq!(cell(&r, &format!("A{row}")), section.code);
        assert_eq!(cell(&r, &format!("B{row}")), section.title);
        row += 1;
        for (n, ind) in config.indicators_of(&section.code).enumerate() {
            assert_eq!(cell(&r, &format!("A{row}")), (n + 1).to_string());
            assert_eq!(cell(&r, &format!("B{row}")), ind.code);
            assert_eq!(cell(&r, &format!("C{row}")), ind.label);
            assert_eq!(cell(&r, &format!("D{row}")), ind.unit);
            assert_eq!(cell(&r, &format!("E{row}")), "", "value cells start empty");
            // Data validation on the value cell: whole numbers for counts, decimals for amounts.
            let kind = match ind.kind {
                tonghop::config::Kind::Count => "whole",
                tonghop::config::Kind::Amount => "decimal",
            };
            let needle = format!("type=\"{kind}\"");
            let dv = sheet_xml
                .split("<dataValidation ")
                .find(|d| d.contains(&format!("sqref=\"E{row}\"")))
                .unwrap_or_else(|| panic!("no data validation on E{row}"));
            assert!(dv.contains(&needle), "E{row}: {dv}");
            assert!(dv.contains("<formula1>0</formula1>"), "E{row} allows 0: {dv}");
            assert!(dv.contains("promptTitle=") && dv.contains("error="), "E{row} has Vietnamese messages: {dv}");
            row += 1;
        }
    }
    assert_eq!(row - 9, config.sections.len() + config.indicators.len());
    assert!(sheet_xml.contains("<sheetProtection"), "the sheet is protected");
    assert!(!sheet_xml.contains("password"), "without a password");
    assert!(sheet_xml.contains("paperSize=\"9\""), "A4");
    assert!(sheet_xml.contains("fitToWidth=\"1\"") || sheet_xml.contains("fitToHeight=\"0\""), "fit to width");
    // The prefilled unit name is not offered as a dropdown.
    assert!(!sheet_xml.contains("type=\"list\""));
}

#[test]
fn blank_form_offers_a_dropdown_of_unit_names() {
    let dir = tempfile::tempdir().unwrap();
    tonghop(dir.path()).args(["template", "--period", "2024-08", "-o", "blank.xlsx"]).assert().success();
    let path = dir.path().join("blank.xlsx");
    let r = form_sheet(&path);
    assert_eq!(cell(&r, "C4"), "");
    let sheet_xml = xlsx_part(&path, "xl/worksheets/sheet1.xml");
    let list = sheet_xml.split("<dataValidation ").find(|d| d.contains("type=\"list\"")).expect("a list validation");
    assert!(list.contains("sqref=\"C4\""), "{list}");
    // The list points at the unit names on the guide sheet.
    let mut wb = open_workbook_auto(&path).unwrap();
    let guide = wb.worksheet_range("Hướng dẫn").unwrap();
    let formula = list.split("<formula1>").nth(1).unwrap().split("</formula1>").next().unwrap();
    let range = formula.rsplit('!').next().unwrap().replace('$', "");
    let (first, last) = range.split_once(':').unwrap();
    let names: Vec<String> = (first[1..].parse::<u32>().unwrap()..=last[1..].parse::<u32>().unwrap())
        .map(|row| cell(&guide, &format!("C{row}")))
        .collect();
    let config = Config::default_config();
    assert_eq!(names, config.units.iter().map(|u| u.name.clone()).collect::<Vec<_>>());
}

#[test]
fn all_units_writes_one_prefilled_form_each() {
    let dir = tempfile::tempdir().unwrap();
    tonghop(dir.path()).args(["template", "--period", "2024-08", "--all-units", "-o", "mau"]).assert().success();
    let config = Config::default_config();
    for unit in &config.units {
        let path = dir.path().join("mau").join(format!("mau-2024-08-{}.xlsx", unit.code));
        assert_eq!(cell(&form_sheet(&path), "C4"), unit.name);
    }
    assert_eq!(std::fs::read_dir(dir.path().join("mau")).unwrap().count(), config.units.len());
}

#[test]
fn same_inputs_give_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    for out in ["a.xlsx", "b.xlsx"] {
        tonghop(dir.path()).args(["template", "--period", "2024-08", "--unit", "an-my", "-o", out]).assert().success();
    }
    assert_eq!(std::fs::read(dir.path().join("a.xlsx")).unwrap(), std::fs::read(dir.path().join("b.xlsx")).unwrap());
}

#[test]
fn unknown_unit_code_stops_with_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    tonghop(dir.path())
        .args(["template", "--period", "2024-08", "--unit", "an-binh"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("Không có đơn vị mã \"an-binh\""));
    tonghop(dir.path()).args(["template", "--period", "2024-13"]).assert().code(2);
}

#[test]
fn without_period_the_current_month_is_used() {
    let dir = tempfile::tempdir().unwrap();
    tonghop(dir.path()).args(["-q", "template"]).assert().success().stdout("");
    let expected = format!("mau-{}.xlsx", tonghop::period::Period::current());
    assert!(dir.path().join(expected).exists());
}

#[test]
fn an_output_without_an_extension_is_an_xlsx_and_another_extension_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    tonghop(dir.path()).args(["template", "--period", "2024-08", "-o", "form-generic"]).assert().success();
    assert!(dir.path().join("form-generic.xlsx").is_file());
    assert!(!dir.path().join("form-generic").exists());
    let out = tonghop(dir.path()).args(["template", "--period", "2024-08", "-o", "form.ods"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains(".xlsx"));
    assert!(!dir.path().join("form.ods").exists());
}

#[test]
fn rows_whose_notes_feed_the_report_have_room_for_a_note() {
    let dir = tempfile::tempdir().unwrap();
    tonghop(dir.path()).args(["template", "--period", "2024-08", "-o", "f.xlsx"]).assert().success();
    let config = Config::default_config();
    let r = form_sheet(&dir.path().join("f.xlsx"));
    let xml = xlsx_part(&dir.path().join("f.xlsx"), "xl/worksheets/sheet1.xml");
    let height = |code: &str| -> f64 {
        let (row, _, _) = r.used_cells().find(|(_, _, d)| **d == code).unwrap();
        let tag = format!("<row r=\"{}\"", r.start().unwrap().0 as usize + row + 1);
        let at = xml.find(&tag).unwrap();
        let ht = &xml[at..][xml[at..].find("ht=\"").unwrap() + 4..];
        ht[..ht.find('"').unwrap()].parse().unwrap()
    };
    for ind in &config.indicators {
        if ind.notes {
            assert!(height(&ind.code) >= 80.0, "{}: a seed-length note needs five lines", ind.code);
        } else {
            assert!(height(&ind.code) < 80.0, "{}", ind.code);
        }
    }
}
