//! Spec §10, across sheets and files: a figure is used only when it is unambiguously this
//! unit's report of this month: hidden drafts, one workbook for several wards, sheets of other
//! months or of groups, resubmitted files, unit cells written with the city, reporting windows.

use std::path::Path;

use serde_json::Value;
use support::form::{FilledForm, FilledSheet, V};
use tonghop::form::Column;
use tonghop::intake::{Outcome, UnitState, intake};

use crate::common::tonghop;
use crate::fixtures::{clean, config, write, write_form};
use crate::trust_support::{codes, got_code, read, value};
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
