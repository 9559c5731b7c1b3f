//! Inboxes written by the tests themselves, with the form builder the samples use.

use std::path::Path;

use tonghop::config::Config;
use tonghop::form::Column;
use tonghop::sample_form::{FilledForm, FilledSheet, Row, V};

pub fn config() -> Config {
    Config::default_config()
}

pub fn write(path: &Path, sheet: &FilledSheet) {
    write_form(path, &FilledForm::new(sheet.clone()));
}

pub fn write_form(path: &Path, form: &FilledForm) {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).unwrap();
    }
    std::fs::write(path, form.to_xlsx().unwrap()).unwrap();
}

/// A clean August 2024 form of a unit with a few figures.
pub fn clean(name: &str) -> FilledSheet {
    let mut s = FilledSheet::standard(&config(), Some(name), "08/2024");
    s.header("Ngày lập", V::Date(2024, 8, 25)).header("Người lập", V::text("Nguyễn Văn A"));
    s.set("GS02", V::Number(1.0)).set("CB01", V::Number(1.0)).set("VD03", V::Number(2.0)).set("VD04", V::Number(1.25));
    s
}

/// The mixed folder of the reading issue: every kind of file and mistake, one unit each.
/// Rows of the standard layout: header at row 9, so indicator rows start at row 11
/// (`I.1` at 10, TT01 at 11 ... see [`cell_of`]).
pub fn messy_inbox(dir: &Path) {
    let c = config();

    // an-my: cell errors.
    let mut s = clean("Phường An Mỹ");
    s.set("GS04", V::text("nhiều"))
        .set("GS05", V::Number(-1.0))
        .set("CB01", V::Number(2.5))
        .set("TT01", V::Number(5000.0))
        .set("GS01", V::Formula("SUM(Z1:Z2)".into(), None))
        .set("GS02", V::Date(2024, 12, 4))
        .set("DN01", V::text("#DIV/0!"))
        .set("TT04", V::text("12 người"));
    s.push_row(Row::Indicator {
        stt: "".into(),
        code: "XX99".into(),
        label: "Chỉ tiêu tự thêm".into(),
        unit: "cái".into(),
        value: V::Number(3.0),
        note: None,
    });
    s.push_row(Row::Indicator {
        stt: "".into(),
        code: "".into(),
        label: "Lượt cán bộ tham gia tập huấn".into(),
        unit: "lượt người".into(),
        value: V::Number(40.0),
        note: None,
    });
    s.without_row("CB02");
    s.push_row(Row::Indicator {
        stt: "".into(),
        code: "GS03".into(),
        label: "Hội nghị đối thoại".into(),
        unit: "hội nghị".into(),
        value: V::Number(1.0),
        note: None,
    });
    write(&dir.join("an-my.xlsx"), &s);

    // an-son: soft findings, values used.
    let mut s = clean("Phường An Sơn");
    s.set("VD04", V::text("2,5")).set("VD01", V::text("60.000.000 đồng")).set("TT02", V::text("1.250"));
    write(&dir.join("an-son.xlsx"), &s);

    // an-xuan: rules R01 (error) and R03 (warning).
    let mut s = clean("Phường An Xuân");
    s.set("VD03", V::Empty).set("VD04", V::Number(2.5)).set("CB01", V::Empty).set("CB02", V::Number(40.0));
    write(&dir.join("an-xuan.xlsx"), &s);

    // an-phu: no unit cell, the file name says whose it is.
    let mut s = clean("Phường An Phú");
    s.without_header("Đơn vị");
    write(&dir.join("Bao cao T8 - Phuong An Phu.xlsx"), &s);

    // hoa-huong's file name, but the unit cell says Hòa Thuận.
    write(&dir.join("hoa huong.xlsx"), &clean("Phường Hòa Thuận"));

    // A near miss and a file naming nobody.
    write(&dir.join("x1.xlsx"), &clean("Phường An Mỹy"));
    let mut s = clean("");
    s.without_header("Đơn vị");
    write(&dir.join("bao cao.xlsx"), &s);

    // phuoc-hoa sent July's report.
    let mut s = FilledSheet::standard(&c, Some("Phường Phước Hòa"), "07/2024");
    s.set("GS02", V::Number(1.0));
    write(&dir.join("phuoc-hoa.xlsx"), &s);

    // tan-thanh: last month's sheet beside this month's, this month's rows shuffled
    // with blank rows and an extra column.
    let mut july = FilledSheet::standard(&c, Some("Phường Tân Thạnh"), "07/2024");
    july.name = "T7".into();
    july.set("GS02", V::Number(9.0));
    let mut august = clean("Phường Tân Thạnh");
    august.name = "T8".into();
    august.set("GS04", V::Number(1.0)).shuffled();
    write_form(&dir.join("tan-thanh.xlsx"), &FilledForm { sheets: vec![july, august] });

    // truong-xuan: no period, unreadable date.
    let mut s = clean("Phường Trường Xuân");
    s.without_header("Kỳ báo cáo").header("Ngày lập", V::text("32/13/2024"));
    s.titles.truncate(1);
    write(&dir.join("truong-xuan.xlsx"), &s);

    // tam-ngoc: the blank form sent back.
    write(&dir.join("tam-ngoc.xlsx"), &FilledSheet::standard(&c, Some("Xã Tam Ngọc"), "08/2024"));

    // tam-phu: sent twice; the later Ngày lập wins.
    let mut old = clean("Xã Tam Phú");
    old.header("Ngày lập", V::Date(2024, 8, 20)).set("GS04", V::Number(1.0));
    write(&dir.join("tam-phu.xlsx"), &old);
    let mut new = clean("Xã Tam Phú");
    new.header("Ngày lập", V::Date(2024, 8, 26)).set("GS04", V::Number(2.0));
    write(&dir.join("gui lai/tam-phu (1).xlsx"), &new);

    // tam-thanh: a form without a code column, and one row deleted.
    let mut s = clean("Xã Tam Thanh");
    s.without_column(Column::Code).without_row("KT01");
    write(&dir.join("tam-thanh.xlsx"), &s);

    // tam-thang: an NFD file name (as macOS hands it out) and a dot decimal.
    let mut s = clean("Xã Tam Thăng");
    s.set("VD04", V::text("3.5"));
    write(&dir.join("Xa\u{0303} Tam Tha\u{0306}ng.xlsx"), &s);

    // Files that are not submissions, and files that are broken.
    std::fs::write(dir.join("~$an-my.xlsx"), b"lock").unwrap();
    std::fs::write(dir.join(".DS_Store"), b"mac").unwrap();
    std::fs::write(dir.join("cong van.pdf"), b"%PDF-1.4 not a report").unwrap();
    std::fs::write(dir.join("tong-hop-2024-08.xlsx"), b"an output").unwrap();
    std::fs::write(dir.join("gia.xlsx"), b"%PDF-1.4 renamed").unwrap();
    let good = FilledForm::new(clean("Xã Tam Thanh")).to_xlsx().unwrap();
    std::fs::write(dir.join("hong.xlsx"), &good[..good.len() / 2]).unwrap();
    let mut encrypted = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    encrypted.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(dir.join("mat-khau.xlsx"), &encrypted).unwrap();
    let mut no_table = FilledSheet::standard(&c, Some("Phường An Mỹ"), "08/2024");
    no_table.columns = vec![Column::Label, Column::Note];
    write(&dir.join("khong-bang.xlsx"), &no_table);
}

/// The A1 address of an indicator's value cell (column E) in the standard layout.
pub fn cell_of(code: &str) -> String {
    let c = config();
    let mut row = 9; // the header row (1-based); sections and indicators follow
    for section in &c.sections {
        row += 1;
        for ind in c.indicators_of(&section.code) {
            row += 1;
            if ind.code == code {
                return format!("E{row}");
            }
        }
    }
    panic!("no indicator {code}")
}
