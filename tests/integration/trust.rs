//! Spec §10: a figure is used only when the file says unambiguously which indicator, month and
//! unit of measure it is. Each test builds the form the way a unit edits it and checks both
//! what is used and what the clerk is told.

use std::path::Path;

use serde_json::Value;
use support::form::{FilledForm, FilledSheet, Row, V};
use tonghop::config::Config;
use tonghop::form::Column;
use tonghop::intake::{Intake, Outcome, UnitState, intake};

use crate::common::tonghop;
use crate::fixtures::{clean, config, write, write_form};

fn read(inbox: &Path) -> Intake {
    intake(inbox, &config(), "2024-08".parse().ok()).unwrap()
}

/// The value used for a unit's indicator, as text (`None`: not used or not reported).
fn value(intake: &Intake, unit: &str, code: &str) -> Option<String> {
    let c = config();
    let u = c.units.iter().position(|x| x.code == unit).unwrap();
    let i = c.indicators.iter().position(|x| x.code == code).unwrap();
    let s = intake.submissions.iter().find(|s| s.unit == u)?;
    s.entries.get(&i).and_then(|e| e.value).map(|d| d.to_string())
}

/// (code, sheet!cell) of every finding of a file.
fn found(intake: &Intake, file: &str) -> Vec<(String, String)> {
    intake
        .findings()
        .filter(|f| f.file == file)
        .map(|f| {
            (
                f.code.clone(),
                format!(
                    "{}!{}",
                    f.sheet.clone().unwrap_or_default(),
                    f.cell.map(|c| c.to_string()).unwrap_or_default()
                ),
            )
        })
        .collect()
}

fn codes(intake: &Intake, file: &str) -> Vec<String> {
    found(intake, file).into_iter().map(|f| f.0).collect()
}

fn label(code: &str) -> String {
    config().indicator(code).unwrap().label.clone()
}

#[test]
fn columns_sorted_apart_from_the_codes_are_not_used() {
    // A unit sorted C:F of section I.1 by label, but not the code column B.
    let dir = tempfile::tempdir().unwrap();
    let mut s = clean("Phường An Mỹ");
    s.set("TT01", V::Number(3.0)).set("TT02", V::Number(214.0)).set("TT04", V::Number(1025.0));
    let mut rows: Vec<(String, String, V)> = ["TT01", "TT02", "TT03", "TT04"]
        .iter()
        .map(|c| {
            let ind = config().indicator(c).unwrap().clone();
            let v = match *c {
                "TT01" => V::Number(3.0),
                "TT02" => V::Number(214.0),
                "TT04" => V::Number(1025.0),
                _ => V::Empty,
            };
            (ind.label, ind.unit, v)
        })
        .collect();
    rows.sort_by(|a, b| a.0.cmp(&b.0));
    for (code, (l, u, v)) in ["TT01", "TT02", "TT03", "TT04"].iter().zip(rows) {
        s.label_of(code, &l).unit_of(code, &u).set(code, v);
    }
    write(&dir.path().join("an-my.xlsx"), &s);
    let got = read(dir.path());
    for code in ["TT01", "TT02", "TT04"] {
        assert_eq!(value(&got, "an-my", code), None, "{code}: a figure of another row is never used");
    }
    let c09: Vec<_> = found(&got, "an-my.xlsx").into_iter().filter(|f| f.0 == "C09").collect();
    assert_eq!(c09.len(), 4, "one error per row whose label moved: {c09:?}");
    assert_eq!(c09[0].1, "Báo cáo!B11");
    // The rest of the file is used.
    assert_eq!(value(&got, "an-my", "VD03").as_deref(), Some("2"));
    // A label that names no indicator leaves the code in charge.
    let mut s = clean("Phường An Sơn");
    s.label_of("GS02", "Hội nghị TXCT").set("GS02", V::Number(2.0));
    write(&dir.path().join("an-son.xlsx"), &s);
    assert_eq!(value(&read(dir.path()), "an-son", "GS02").as_deref(), Some("2"));
}

#[test]
fn a_changed_unit_of_measure_converts_within_its_family_or_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = clean("Phường An Mỹ");
    s.set("VD04", V::Number(500.0)).unit_of("VD04", "triệu đồng"); // 500 triệu = 0,5 tỷ
    s.set("VD01", V::Number(15.0)).unit_of("VD01", "người");
    s.set("TT02", V::Number(7.0)).unit_of("TT02", "Lượt"); // the same word, capitalised
    s.set("CB02", V::text("2.000.000 đồng")).unit_of("CB02", "lượt người"); // a money word in a count
    write(&dir.path().join("an-my.xlsx"), &s);
    let got = read(dir.path());
    assert_eq!(value(&got, "an-my", "VD04").as_deref(), Some("0.5"), "never 500 tỷ đồng");
    assert_eq!(value(&got, "an-my", "VD01"), None);
    assert_eq!(value(&got, "an-my", "TT02").as_deref(), Some("7"));
    assert_eq!(value(&got, "an-my", "CB02"), None);
    let f = found(&got, "an-my.xlsx");
    assert!(f.contains(&("W08".into(), "Báo cáo!E19".into())), "{f:?}");
    assert!(f.contains(&("C10".into(), "Báo cáo!D16".into())), "{f:?}");
    let w08 = got.findings().find(|f| f.code == "W08").unwrap().text(tonghop::messages::Lang::Vi);
    assert_eq!(w08, "\"500\" tính bằng triệu đồng (cột đơn vị tính), được đổi thành 0,5 tỷ đồng");

    // A word the configuration does not list is refused; once listed in `unit_aliases`, it is
    // accepted with a warning.
    let mut s = clean("Phường An Sơn");
    s.set("DN01", V::Number(3.0)).unit_of("DN01", "Lần");
    write(&dir.path().join("an-son.xlsx"), &s);
    assert_eq!(value(&read(dir.path()), "an-son", "DN01"), None);
    let toml = tonghop::config::DEFAULT_TOML.replacen(
        "unit = \"lượt\"\nkind = \"count\"\nmax = 500",
        "unit = \"lượt\"\nkind = \"count\"\nmax = 500\nunit_aliases = [\"lần\"]",
        1,
    );
    assert!(toml.contains("unit_aliases = [\"lần\"]"));
    let c = Config::parse(&toml).unwrap();
    let got = intake(dir.path(), &c, "2024-08".parse().ok()).unwrap();
    let dn01 = c.indicators.iter().position(|i| i.code == "DN01").unwrap();
    let an_son = got.submissions.iter().find(|s| s.file == "an-son.xlsx").unwrap();
    assert_eq!(an_son.entries[&dn01].value.map(|v| v.to_string()).as_deref(), Some("3"));
    assert!(codes(&got, "an-son.xlsx").contains(&"W08".to_owned()));
}

#[test]
fn only_a_column_of_this_period_is_the_value_column() {
    let dir = tempfile::tempdir().unwrap();
    let inbox = dir.path();
    // Last month beside this month.
    let mut s = clean("Phường An Mỹ");
    s.rename(Column::Value, "Số liệu tháng này").add_column(4, "Số liệu tháng trước", &[("GS02", V::Number(9.0))]);
    write(&inbox.join("an-my.xlsx"), &s);
    // The cumulative column before the month's.
    let mut s = clean("Phường An Sơn");
    s.add_column(4, "Số liệu lũy kế", &[("GS02", V::Number(5.0)), ("VD03", V::Number(12.0))]);
    write(&inbox.join("an-son.xlsx"), &s);
    // Month columns without `Số liệu`: the declared period's is used.
    let mut s = clean("Phường An Xuân");
    s.rename(Column::Value, "Tháng 8").add_column(4, "Tháng 7", &[("GS02", V::Number(4.0))]);
    write(&inbox.join("an-xuan.xlsx"), &s);
    // Two columns that could both be this month's.
    let mut s = clean("Phường An Phú");
    s.add_column(5, "Giá trị", &[("VD04", V::Number(3.0))]);
    write(&inbox.join("an-phu.xlsx"), &s);
    // Only another time.
    let mut s = clean("Phường Hòa Hương");
    s.rename(Column::Value, "Kế hoạch năm");
    write(&inbox.join("hoa-huong.xlsx"), &s);
    // A value column naming another month than the one consolidated, no period declared.
    let mut s = clean("Phường Hòa Thuận");
    s.without_header("Kỳ báo cáo").rename(Column::Value, "Số liệu tháng 7");
    s.titles.truncate(1);
    write(&inbox.join("hoa-thuan.xlsx"), &s);

    let got = read(inbox);
    assert_eq!(value(&got, "an-my", "GS02").as_deref(), Some("1"), "not last month's 9");
    assert_eq!(value(&got, "an-son", "GS02").as_deref(), Some("1"), "not the cumulative 5");
    assert_eq!(value(&got, "an-son", "VD03").as_deref(), Some("2"));
    assert_eq!(value(&got, "an-xuan", "GS02").as_deref(), Some("1"), "not July's 4");
    assert!(codes(&got, "an-my.xlsx").is_empty(), "{:?}", found(&got, "an-my.xlsx"));
    let f09 = got.findings().find(|f| f.file == "an-phu.xlsx" && f.code == "F09").expect("F09");
    assert_eq!(
        f09.text(tonghop::messages::Lang::Vi),
        "có nhiều cột có thể là số liệu của kỳ này (E \"Số liệu\", F \"Giá trị\"): không biết dùng cột nào; đề nghị đơn vị chỉ để một cột số liệu"
    );
    assert!(codes(&got, "hoa-huong.xlsx").contains(&"F09".to_owned()));
    assert_eq!(codes(&got, "hoa-thuan.xlsx"), ["F07"], "the value column names July");
    let state = |u: &str| got.units.iter().find(|s| got_code(s.unit) == u).unwrap().state;
    assert_eq!(state("an-phu"), UnitState::Rejected);
    assert_eq!(state("hoa-huong"), UnitState::Rejected);
    // Nothing of the rejected files reached the figures.
    assert!(
        got.submissions.iter().all(|s| !["an-phu.xlsx", "hoa-huong.xlsx", "hoa-thuan.xlsx"].contains(&s.file.as_str()))
    );
}

fn got_code(unit: usize) -> String {
    config().units[unit].code.clone()
}

/// A form whose `Số liệu` is merged over two sub-columns, as a careful clerk draws it.
fn two_row_header(path: &Path, subs: [&str; 2]) {
    use rust_xlsxwriter::{Format, Workbook};
    let mut wb = Workbook::new();
    let sheet = wb.add_worksheet();
    sheet.set_name("Báo cáo").unwrap();
    let merged = Format::new().set_bold();
    sheet.write_string(3, 0, "Đơn vị:").unwrap();
    sheet.write_string(3, 2, "Phường An Mỹ").unwrap();
    sheet.write_string(4, 0, "Kỳ báo cáo:").unwrap();
    sheet.write_string(4, 2, "08/2024").unwrap();
    for (col, text) in [(0, "STT"), (1, "Mã"), (2, "Chỉ tiêu"), (3, "Đơn vị tính"), (6, "Ghi chú")] {
        sheet.merge_range(6, col, 7, col, text, &merged).unwrap();
    }
    sheet.merge_range(6, 4, 6, 5, "Số liệu", &merged).unwrap();
    sheet.write_string(7, 4, subs[0]).unwrap();
    sheet.write_string(7, 5, subs[1]).unwrap();
    let rows = [("GS02", 5.0, 1.0), ("TT01", 20.0, 3.0)];
    for (i, (code, a, b)) in rows.iter().enumerate() {
        let r = 8 + i as u32;
        sheet.write_string(r, 1, *code).unwrap();
        sheet.write_string(r, 2, label(code)).unwrap();
        sheet.write_number(r, 4, *a).unwrap();
        sheet.write_number(r, 5, *b).unwrap();
    }
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    wb.save(path).unwrap();
}

#[test]
fn two_header_rows_are_read_together() {
    let dir = tempfile::tempdir().unwrap();
    two_row_header(&dir.path().join("a/an-my.xlsx"), ["Lũy kế", "Tháng 8"]);
    let got = read(&dir.path().join("a"));
    assert_eq!(value(&got, "an-my", "GS02").as_deref(), Some("1"));
    assert_eq!(value(&got, "an-my", "TT01").as_deref(), Some("3"));
    let entry_cell = |g: &Intake| g.submissions[0].entries.values().next().unwrap().value_cell;
    assert_eq!(entry_cell(&got).to_string(), "F10", "the sub-column of this month, data under both header rows");
    // The months the other way round.
    two_row_header(&dir.path().join("b/an-my.xlsx"), ["Tháng 8", "Lũy kế"]);
    assert_eq!(value(&read(&dir.path().join("b")), "an-my", "GS02").as_deref(), Some("5"));
    // Two sub-columns that could both be this month's: refused, not guessed.
    two_row_header(&dir.path().join("c/an-my.xlsx"), ["Số lượng", "Giá trị"]);
    let got = read(&dir.path().join("c"));
    assert_eq!(codes(&got, "an-my.xlsx"), ["F09"], "{:?}", found(&got, "an-my.xlsx"));
}

#[test]
fn notes_are_found_by_position_and_never_dropped_silently() {
    let dir = tempfile::tempdir().unwrap();
    for (file, unit, header) in [
        ("an-my.xlsx", "Phường An Mỹ", "Nội dung"),
        ("an-son.xlsx", "Phường An Sơn", "Nội dung chi tiết"),
        ("an-xuan.xlsx", "Phường An Xuân", "Kết quả cụ thể"),
        ("an-phu.xlsx", "Phường An Phú", "Hoạt động"),
    ] {
        let mut s = clean(unit);
        s.rename(Column::Note, header).set("GS03", V::Number(1.0)).note("GS03", "Đối thoại với thanh niên");
        write(&dir.path().join(file), &s);
    }
    // Notes kept in an added column while the form's notes column stays.
    let mut s = clean("Phường Hòa Hương");
    s.add_column(6, "", &[("GS03", V::text("Đối thoại với thanh niên"))]).set("GS03", V::Number(1.0));
    write(&dir.path().join("hoa-huong.xlsx"), &s);
    let got = read(dir.path());
    let c = config();
    let gs03 = c.indicators.iter().position(|i| i.code == "GS03").unwrap();
    for unit in ["an-my", "an-son", "an-xuan", "an-phu"] {
        let u = c.units.iter().position(|x| x.code == unit).unwrap();
        let s = got.submissions.iter().find(|s| s.unit == u).unwrap();
        assert_eq!(s.entries[&gs03].note.as_deref(), Some("Đối thoại với thanh niên"), "{unit}");
        assert!(codes(&got, &s.file).is_empty(), "{unit}: {:?}", found(&got, &s.file));
    }
    assert_eq!(found(&got, "hoa-huong.xlsx"), [("W09".to_owned(), "Báo cáo!G23".to_owned())]);
}

#[test]
fn a_hidden_draft_never_wins_over_the_visible_report() {
    let dir = tempfile::tempdir().unwrap();
    let mut draft = clean("Phường An Mỹ");
    draft.name = "Nháp".into();
    draft.hidden = true;
    draft.set("GS02", V::Number(99.0));
    let mut report = clean("Phường An Mỹ");
    report.set("GS02", V::Number(1.0));
    write_form(&dir.path().join("an-my.xlsx"), &FilledForm { sheets: vec![draft, report] });
    let got = read(dir.path());
    assert_eq!(value(&got, "an-my", "GS02").as_deref(), Some("1"));
    let f11 = got.findings().find(|f| f.code == "F11").unwrap();
    assert_eq!(f11.sheet.as_deref(), Some("Nháp"));
    assert_eq!(
        f11.text(tonghop::messages::Lang::En),
        "sheet \"Nháp\" (hidden, period 08/2024) ignored; sheet \"Báo cáo\" used"
    );
}

#[test]
fn a_workbook_of_three_wards_is_three_submissions() {
    let dir = tempfile::tempdir().unwrap();
    let sheets = [("An Mỹ", "Phường An Mỹ", 1.0), ("An Sơn", "Phường An Sơn", 2.0), ("An Xuân", "Phường An Xuân", 3.0)]
        .iter()
        .map(|(sheet, unit, v)| {
            let mut s = clean(unit);
            s.name = (*sheet).into();
            s.set("GS02", V::Number(*v));
            s
        })
        .collect();
    write_form(&dir.path().join("inbox/bao cao cac phuong.xlsx"), &FilledForm { sheets });
    let got = read(&dir.path().join("inbox"));
    assert_eq!(value(&got, "an-my", "GS02").as_deref(), Some("1"));
    assert_eq!(value(&got, "an-son", "GS02").as_deref(), Some("2"));
    assert_eq!(value(&got, "an-xuan", "GS02").as_deref(), Some("3"));
    let out =
        tonghop(dir.path()).args(["status", "inbox", "--period", "2024-08", "--format", "json"]).output().unwrap();
    let status: Value = serde_json::from_slice(&out.stdout).unwrap();
    let unit = |c: &str| status["units"].as_array().unwrap().iter().find(|u| u["unit"] == c).unwrap().clone();
    assert_eq!(unit("an-son")["status"], "submitted");
    assert_eq!(unit("an-son")["file"], "bao cao cac phuong.xlsx");
    assert_eq!(unit("an-son")["sheet"], "An Sơn");
    assert_eq!(status["files"].as_array().unwrap().len(), 3);
}

/// Writes a form and pins its modification time.
fn write_at(path: &Path, sheet: &FilledSheet, secs: u64) {
    write(path, sheet);
    let t = std::time::UNIX_EPOCH + std::time::Duration::from_secs(secs);
    std::fs::File::options().write(true).open(path).unwrap().set_modified(t).unwrap();
}

#[test]
fn resubmissions_are_ordered_as_the_files_say_or_refused() {
    let dir = tempfile::tempdir().unwrap();
    let day = 1_724_600_000;
    // `Ngày lập` without a year, against a date cell: the period's year.
    let mut old = clean("Phường An Mỹ");
    old.header("Ngày lập", V::Date(2024, 8, 20)).set("GS02", V::Number(1.0));
    write_at(&dir.path().join("a/an-my.xlsx"), &old, day + 100); // saved later, prepared earlier
    let mut new = clean("Phường An Mỹ");
    new.header("Ngày lập", V::text("Ngày 26 tháng 8")).set("GS02", V::Number(2.0));
    write_at(&dir.path().join("a/an-my (sua).xlsx"), &new, day);
    let got = read(&dir.path().join("a"));
    assert_eq!(value(&got, "an-my", "GS02").as_deref(), Some("2"), "by Ngày lập");
    let f10 = got.findings().find(|f| f.code == "F10").unwrap();
    assert_eq!(f10.file, "an-my.xlsx");
    assert!(f10.text(tonghop::messages::Lang::Vi).contains("lập ngày 26/08/2024; tệp này lập ngày 20/08/2024"));

    // The same date: the later saved file wins, and the message says so, not "prepared".
    for (name, secs, v) in [("an-my.xlsx", day + 100, 1.0), ("an-my (1).xlsx", day, 2.0)] {
        let mut s = clean("Phường An Mỹ");
        s.header("Ngày lập", V::text("26/08/24")).set("GS02", V::Number(v));
        write_at(&dir.path().join("b").join(name), &s, secs);
    }
    let got = read(&dir.path().join("b"));
    assert_eq!(value(&got, "an-my", "GS02").as_deref(), Some("1"), "saved later");
    let f10 = got.findings().find(|f| f.code == "F10").unwrap();
    assert_eq!(f10.file, "an-my (1).xlsx");
    assert!(
        f10.text(tonghop::messages::Lang::En).ends_with("(saved later)"),
        "{}",
        f10.text(tonghop::messages::Lang::En)
    );

    // Same date, same time: nothing tells which is newer. Neither is used.
    for (name, v) in [("an-my.xlsx", 1.0), ("an-my (1).xlsx", 2.0)] {
        let mut s = clean("Phường An Mỹ");
        s.set("GS02", V::Number(v));
        write_at(&dir.path().join("c").join(name), &s, day);
    }
    let got = read(&dir.path().join("c"));
    assert_eq!(value(&got, "an-my", "GS02"), None);
    let f17: Vec<_> = got.findings().filter(|f| f.code == "F17").map(|f| f.file.clone()).collect();
    assert_eq!(f17, ["an-my (1).xlsx", "an-my.xlsx"]);
    assert_eq!(got.units[0].state, UnitState::Rejected);
    assert!(got.files.iter().all(|f| f.outcome == Outcome::Rejected));

    // The same file twice (saved twice from an e-mail): one report, no error.
    let s = clean("Phường An Mỹ");
    write_at(&dir.path().join("d/an-my.xlsx"), &s, day);
    write_at(&dir.path().join("d/an-my (1).xlsx"), &s, day);
    let got = read(&dir.path().join("d"));
    assert_eq!(got.submissions.len(), 1);
    let f10 = got.findings().find(|f| f.code == "F10").unwrap();
    assert!(f10.text(tonghop::messages::Lang::Vi).starts_with("trùng nội dung"), "not \"newer\"");
}

#[test]
fn unit_cells_with_the_city_match_and_a_rejected_file_counts_for_its_name() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("a.xlsx"), &clean("Phường An Mỹ, TP. Tam Kỳ"));
    write(&dir.path().join("b.xlsx"), &clean("Xã Tam Ngọc (Tam Kỳ)"));
    write(&dir.path().join("c.xlsx"), &clean("UB MTTQ VN P. An Sơn"));
    // A typo in the unit cell: rejected, but An Xuân did send.
    write(&dir.path().join("an-xuan.xlsx"), &clean("Phường An Xuânn"));
    let got = read(dir.path());
    for unit in ["an-my", "tam-ngoc", "an-son"] {
        assert_eq!(value(&got, unit, "VD03").as_deref(), Some("2"), "{unit}");
    }
    let an_xuan = got.units.iter().find(|u| got_code(u.unit) == "an-xuan").unwrap();
    assert_eq!(an_xuan.state, UnitState::Rejected, "Bị loại, not Chưa nộp");
    assert_eq!(an_xuan.file.as_deref(), Some("an-xuan.xlsx"));
}

#[test]
fn a_reporting_window_is_the_month_of_its_end() {
    let dir = tempfile::tempdir().unwrap();
    for (file, unit, period) in
        [("a.xlsx", "Phường An Mỹ", "Từ 15/7/2024 đến 14/8/2024"), ("b.xlsx", "Phường An Sơn", "15/7 - 14/8/2024")]
    {
        let mut s = clean(unit);
        s.header("Kỳ báo cáo", V::text(period));
        s.titles.truncate(1);
        write(&dir.path().join(file), &s);
    }
    let got = read(dir.path());
    assert_eq!(got.submissions.len(), 2, "{:?}", got.files);
    assert!(got.findings().next().is_none(), "{:?}", got.findings().collect::<Vec<_>>());
    let inferred = intake(dir.path(), &config(), None).unwrap();
    assert_eq!(inferred.period.to_string(), "2024-08");
}

#[test]
fn a_formula_that_computed_empty_text_is_an_empty_cell() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = clean("Phường An Mỹ");
    s.set("GS04", V::Formula("IF(Z1>0,Z1,\"\")".into(), Some(String::new())));
    s.set("GS05", V::Formula("IF(Z1>0,Z1,2)".into(), Some("2".into())));
    s.set("GS01", V::Formula("SUM(Z1:Z2)".into(), None));
    write(&dir.path().join("an-my.xlsx"), &s);
    let got = read(dir.path());
    assert_eq!(value(&got, "an-my", "GS04"), None);
    assert_eq!(value(&got, "an-my", "GS05").as_deref(), Some("2"));
    assert_eq!(found(&got, "an-my.xlsx"), [("C05".to_owned(), "Báo cáo!E21".to_owned())], "only the uncomputed one");
}

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

#[test]
fn messy_rows_and_blank_rows_between_them_still_read() {
    // A unit inserted rows and a blank line inside the table: nothing is lost or misread.
    let dir = tempfile::tempdir().unwrap();
    let mut s = clean("Phường An Mỹ");
    s.shuffled().push_row(Row::Blank).set("GS04", V::Number(2.0));
    write(&dir.path().join("an-my.xlsx"), &s);
    let got = read(dir.path());
    assert_eq!(value(&got, "an-my", "GS04").as_deref(), Some("2"));
    assert!(codes(&got, "an-my.xlsx").is_empty());
}

/// The forms of `tests/fixtures/trust/`: our template edited in LibreOffice and saved as .ods,
/// .xls and .xlsx (see its README), each checked alone.
fn libreoffice_form(name: &str) -> (tempfile::TempDir, Intake) {
    let dir = tempfile::tempdir().unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/trust").join(name);
    std::fs::copy(fixture, dir.path().join(name)).unwrap();
    let got = read(dir.path());
    (dir, got)
}

#[test]
fn forms_edited_in_libreoffice_are_read_as_the_unit_meant_or_refused() {
    // Labels sorted apart from the codes (.ods): the two moved rows are refused.
    let (_d, got) = libreoffice_form("sorted-columns.ods");
    let f = found(&got, "sorted-columns.ods");
    assert!(
        f.contains(&("C09".into(), "Báo cáo!B12".into())) && f.contains(&("C09".into(), "Báo cáo!B13".into())),
        "{f:?}"
    );
    assert_eq!(value(&got, "an-my", "TT01").as_deref(), Some("3"));
    assert_eq!(value(&got, "an-my", "TT02").as_deref(), Some("214"));
    assert_eq!((value(&got, "an-my", "TT03"), value(&got, "an-my", "TT04")), (None, None), "1025 goes nowhere");

    // Units of measure changed (.xls): triệu đồng converted, người refused.
    let (_d, got) = libreoffice_form("unit-of-measure.xls");
    let f = found(&got, "unit-of-measure.xls");
    assert!(f.contains(&("W08".into(), "Báo cáo!E18".into())), "{f:?}");
    assert!(f.contains(&("C10".into(), "Báo cáo!D15".into())), "{f:?}");
    assert_eq!(value(&got, "an-my", "VD04").as_deref(), Some("0.5"));
    assert_eq!(value(&got, "an-my", "VD01"), None);
    assert_eq!(value(&got, "an-my", "GS02").as_deref(), Some("1"));

    // A column of last month inserted before this month's (.xlsx).
    let (_d, got) = libreoffice_form("last-month-column.xlsx");
    assert_eq!(value(&got, "an-my", "GS02").as_deref(), Some("1"), "not 9");
    assert_eq!(value(&got, "an-my", "TT01").as_deref(), Some("3"), "not 7");
    assert_eq!(got.submissions[0].prepared, chrono::NaiveDate::from_ymd_opt(2024, 8, 25));

    // A merged Số liệu over Lũy kế | Tháng 8 (.ods).
    let (_d, got) = libreoffice_form("cumulative-two-row-header.ods");
    assert_eq!(value(&got, "an-my", "GS02").as_deref(), Some("1"), "not the cumulative 5");
    assert_eq!(value(&got, "an-my", "TT01").as_deref(), Some("3"), "not the cumulative 20");
    assert!(
        got.findings().all(|f| f.severity != tonghop::finding::Severity::Error),
        "{:?}",
        found(&got, "cumulative-two-row-header.ods")
    );

    // Notes under `Nội dung chi tiết`.
    let (_d, got) = libreoffice_form("notes-noi-dung.xlsx");
    let gs03 = config().indicators.iter().position(|i| i.code == "GS03").unwrap();
    assert_eq!(got.submissions[0].entries[&gs03].note.as_deref(), Some("Đối thoại với thanh niên"));

    // A hidden draft placed first (.ods).
    let (_d, got) = libreoffice_form("hidden-draft.ods");
    assert_eq!(value(&got, "an-my", "GS02").as_deref(), Some("1"), "not the draft's 99");
    assert_eq!(codes(&got, "hidden-draft.ods"), ["F11"]);

    // Three wards' sheets copied in one workbook.
    let (_d, got) = libreoffice_form("three-wards.xlsx");
    let values: Vec<_> = ["an-my", "an-son", "an-xuan"].iter().map(|u| value(&got, u, "GS02")).collect();
    assert_eq!(values, [Some("1".into()), Some("2".into()), Some("3".into())]);

    // IF formulas: the empty result of =IF(H1>0;H1;"") is an empty cell in .ods and .xlsx (and
    // a cached 0 in .xls, as LibreOffice stores it); never C05.
    for (file, gs04) in [("if-formula.xls", Some("0")), ("if-formula.ods", None), ("if-formula.xlsx", None)] {
        let (_d, got) = libreoffice_form(file);
        assert!(codes(&got, file).is_empty(), "{file}: {:?}", found(&got, file));
        assert_eq!(value(&got, "an-my", "GS04").as_deref(), gs04, "{file}");
        assert_eq!(value(&got, "an-my", "GS05").as_deref(), Some("2"), "{file}");
    }
}

#[test]
fn a_second_header_row_with_words_it_does_not_know_is_refused_not_guessed() {
    let dir = tempfile::tempdir().unwrap();
    for (name, subs, gs02) in [
        ("a", ["Cộng dồn", "Tháng 8"], Some("1")),
        ("b", ["Cả năm", "Tháng 8"], Some("1")),
        ("c", ["Tổ 1", "Tháng 8"], None),
    ] {
        two_row_header(&dir.path().join(name).join("an-my.xlsx"), subs);
        let got = read(&dir.path().join(name));
        assert_eq!(value(&got, "an-my", "GS02").as_deref(), gs02, "{subs:?}");
        if gs02.is_none() {
            assert_eq!(codes(&got, "an-my.xlsx"), ["F09"], "{subs:?}");
        }
    }
}

#[test]
fn the_sheet_whose_value_column_names_the_month_is_chosen() {
    let dir = tempfile::tempdir().unwrap();
    let sheet = |name: &str, month: u32, gs02: f64| {
        let mut s = clean("Phường An Mỹ");
        s.without_header("Kỳ báo cáo").rename(Column::Value, &format!("Số liệu tháng {month}"));
        s.titles.truncate(1);
        s.name = name.into();
        s.set("GS02", V::Number(gs02));
        s
    };
    write_form(&dir.path().join("an-my.xlsx"), &FilledForm { sheets: vec![sheet("T7", 7, 9.0), sheet("T8", 8, 1.0)] });
    let got = read(dir.path());
    assert_eq!(value(&got, "an-my", "GS02").as_deref(), Some("1"));
    assert_eq!(codes(&got, "an-my.xlsx"), ["F11"]);
}

#[test]
fn two_sheets_of_this_month_with_different_figures_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut first = clean("Phường An Mỹ");
    first.name = "Báo cáo".into();
    let mut copy = clean("Phường An Mỹ");
    copy.name = "Báo cáo (2)".into();
    copy.set("GS02", V::Number(3.0));
    let blank = FilledSheet::standard(&config(), Some("Phường An Mỹ"), "08/2024");
    write_form(&dir.path().join("a/an-my.xlsx"), &FilledForm { sheets: vec![first.clone(), copy] });
    let got = read(&dir.path().join("a"));
    assert_eq!(value(&got, "an-my", "GS02"), None);
    assert!(codes(&got, "an-my.xlsx").contains(&"F18".to_owned()));
    // A blank copy, or an identical one, is no conflict: the filled sheet is used.
    let mut blank_first = blank.clone();
    blank_first.name = "Trống".into();
    write_form(&dir.path().join("b/an-my.xlsx"), &FilledForm { sheets: vec![blank_first, first.clone()] });
    assert_eq!(value(&read(&dir.path().join("b")), "an-my", "GS02").as_deref(), Some("1"));
    let mut same = first.clone();
    same.name = "Bản sao".into();
    write_form(&dir.path().join("c/an-my.xlsx"), &FilledForm { sheets: vec![first, same] });
    assert_eq!(value(&read(&dir.path().join("c")), "an-my", "GS02").as_deref(), Some("1"));
}

#[test]
fn a_ward_s_workbook_with_its_groups_sheets_uses_the_ward_s_sheet() {
    let dir = tempfile::tempdir().unwrap();
    let sheet = |name: &str, unit: &str, gs02: f64| {
        let mut s = clean(unit);
        s.name = name.into();
        s.set("GS02", V::Number(gs02));
        s
    };
    let sheets = vec![
        sheet("Tổ 1", "Tổ dân phố 1", 1.0),
        sheet("Tổ 2", "Tổ dân phố 2", 2.0),
        sheet("Phường", "Phường An Mỹ", 3.0),
    ];
    write_form(&dir.path().join("an-my.xlsx"), &FilledForm { sheets });
    let got = read(dir.path());
    assert_eq!(value(&got, "an-my", "GS02").as_deref(), Some("3"), "the ward's own sheet");
    let rejected: Vec<_> =
        got.files.iter().filter(|f| f.outcome == Outcome::Rejected).map(|f| f.sheet.clone()).collect();
    assert_eq!(rejected, [Some("Tổ 1".to_owned()), Some("Tổ 2".to_owned())], "each group's sheet says why (F05)");
}

#[test]
fn labels_notes_and_units_are_read_wherever_the_unit_put_them() {
    let dir = tempfile::tempdir().unwrap();
    // `Chỉ tiêu` right of the value column is still the label: a pasted label is caught.
    let mut s = clean("Phường An Mỹ");
    s.columns = vec![Column::Stt, Column::Code, Column::Value, Column::Label, Column::UnitOfMeasure, Column::Note];
    s.label_of("TT02", &label("DN01")).set("TT02", V::Number(214.0));
    write(&dir.path().join("an-my.xlsx"), &s);
    // Notes whose header speaks of another time are still the notes.
    let mut s = clean("Phường An Sơn");
    s.rename(Column::Note, "Ghi chú (so với cùng kỳ)")
        .set("TT01", V::Number(3.0))
        .note("TT01", "Tăng 2 tin so với cùng kỳ");
    write(&dir.path().join("an-son.xlsx"), &s);
    // A unit of measure of symbols only, and a unit column headed `Đơn vị`.
    let mut s = clean("Phường An Xuân");
    s.set("TT01", V::Number(80.0)).unit_of("TT01", "%");
    s.rename(Column::UnitOfMeasure, "Đơn vị").set("VD04", V::Number(500.0)).unit_of("VD04", "triệu đồng");
    write(&dir.path().join("an-xuan.xlsx"), &s);
    let got = read(dir.path());
    assert_eq!(value(&got, "an-my", "TT02"), None);
    assert!(codes(&got, "an-my.xlsx").contains(&"C09".to_owned()), "{:?}", found(&got, "an-my.xlsx"));
    let tt01 = config().indicators.iter().position(|i| i.code == "TT01").unwrap();
    let an_son = got.submissions.iter().find(|s| s.file == "an-son.xlsx").unwrap();
    assert_eq!(an_son.entries[&tt01].note.as_deref(), Some("Tăng 2 tin so với cùng kỳ"));
    assert_eq!(value(&got, "an-xuan", "TT01"), None, "80 % is not 80 tin");
    assert_eq!(value(&got, "an-xuan", "VD04").as_deref(), Some("0.5"));
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
