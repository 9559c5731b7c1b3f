//! Spec §10, within a sheet: a figure is used only when its row and column say unambiguously
//! which indicator, month and unit of measure it is, however the unit rearranged the table
//! (sorted labels, extra month columns, two header rows, changed units of measure, moved
//! notes). Each test builds the form the way a unit edits it and checks both what is used and
//! what the clerk is told.

use std::path::Path;

use support::form::{Row, V};
use tonghop::config::Config;
use tonghop::form::Column;
use tonghop::intake::{Intake, UnitState, intake};

use crate::fixtures::{clean, config, write};
use crate::trust_support::{codes, found, got_code, label, read, value};
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
