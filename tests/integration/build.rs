//! `tonghop build`: the consolidated workbook and the CSV archive, read back.

use std::path::{Path, PathBuf};

use calamine::{Data, Reader, open_workbook_auto};
use support::form::{FilledForm, FilledSheet, V};
use tonghop::config::Config;

use crate::common::tonghop;

fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("samples")
}

fn build(dir: &Path, inbox: &Path, extra: &[&str]) -> std::process::Output {
    tonghop(dir).arg("build").arg(inbox).args(extra).output().unwrap()
}

/// Rows of `Tổng hợp` by indicator code: (total, n/N, unit values).
fn summary_rows(path: &Path) -> Vec<(String, Data, String, Vec<Data>)> {
    let mut wb = open_workbook_auto(path).unwrap();
    let r = wb.worksheet_range("Tổng hợp").unwrap();
    r.rows()
        .filter(|row| row.len() > 5 && matches!(row[0], Data::Float(_)))
        .map(|row| (row[1].to_string(), row[4].clone(), row[5].to_string(), row[6..].to_vec()))
        .collect()
}

#[test]
fn august_samples_consolidate_to_the_seed_figures() {
    let dir = tempfile::tempdir().unwrap();
    let out = build(dir.path(), &samples().join("2024-08"), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("Đã nộp: 13/13 xã, phường."), "{stdout}");
    assert!(stdout.contains("tong-hop/tong-hop-2024-08.xlsx") && stdout.contains("tong-hop/tong-hop-2024-08.csv"));

    let xlsx = dir.path().join("tong-hop/tong-hop-2024-08.xlsx");
    let mut wb = open_workbook_auto(&xlsx).unwrap();
    assert_eq!(wb.sheet_names(), ["Tổng hợp", "Nộp báo cáo", "Kiểm tra", "Ghi chú", "Dữ liệu"]);
    let rows = summary_rows(&xlsx);
    assert_eq!(rows.len(), 17);
    let row = |code: &str| rows.iter().find(|r| r.0 == code).unwrap().clone();
    assert_eq!(row("VD03").1, Data::Float(35.0));
    assert_eq!(row("VD03").2, "13/13");
    let Data::Float(vd04) = row("VD04").1 else { panic!("VD04 total") };
    assert!((13.386..13.387).contains(&vd04), "{vd04}");
    assert_eq!(row("TT01").1, Data::Float(31.0));
    assert_eq!(row("GS03").2, "09/13");
    assert_eq!(row("GS04").2, "07/13");
    assert_eq!(row("GS05").2, "03/13");
    assert_eq!(row("TT03").2, "04/13");
    assert_eq!(row("GS02").2, "13/13");
    assert_eq!(row("CB01").2, "13/13");
    assert_eq!(row("TT04").1, Data::Float(11383.0));
    // One column per unit, in configuration order; empty where not reported.
    let gs04: Vec<String> = row("GS04").3.iter().map(|d| d.to_string()).collect();
    assert_eq!(gs04, ["2", "", "", "", "1", "1", "", "1", "", "", "1", "2", "1"]);

    // The totals are SUM formulas over the unit columns, with their values stored, and `n/N`
    // counts the same cells, so both follow when the clerk corrects a unit's figure.
    let formulas = wb.worksheet_formula("Tổng hợp").unwrap();
    let cells: Vec<(u32, u32, String)> =
        formulas.used_cells().map(|(r, c, f)| (r as u32, c as u32, f.clone())).collect();
    let sums: Vec<&(u32, u32, String)> = cells.iter().filter(|(_, _, f)| f.starts_with("SUM(")).collect();
    assert_eq!(sums.len(), 17);
    assert!(sums.iter().all(|(_, _, f)| f.starts_with("SUM(G") && f.ends_with(')')), "{sums:?}");
    for (row, col, sum) in sums {
        let range = &sum["SUM(".len()..sum.len() - 1];
        let count = cells.iter().find(|(r, c, _)| r == row && *c == col + 1).map(|(_, _, f)| f.as_str());
        assert_eq!(count, Some(format!("TEXT(COUNTIF({range},\">0\"),\"00\")&\"/\"&TEXT(13,\"00\")").as_str()));
    }
    // Amounts without trailing zeros (`56,25`), padded to line up.
    let styles = crate::common::xlsx_part(&xlsx, "xl/styles.xml");
    assert!(styles.contains("formatCode=\"#,##0.00_0_0\""), "VD01's 56,25 among figures of 4 decimals? {styles}");
    // A clean month's Kiểm tra says so; Dữ liệu holds the CSV's rows, figures as numbers.
    let findings = wb.worksheet_range("Kiểm tra").unwrap();
    assert!(findings.rows().any(|r| r[0] == "Không có lỗi hay cảnh báo nào."));
    let data = wb.worksheet_range("Dữ liệu").unwrap();
    let csv = crate::common::csv_rows(&dir.path().join("tong-hop/tong-hop-2024-08.csv"));
    let figures: Vec<&[Data]> = data.rows().skip(3).collect();
    assert_eq!(figures.len(), csv.len());
    for (cells, record) in figures.iter().zip(&csv) {
        assert_eq!(cells[1].to_string(), &record[1]);
        assert_eq!(cells[3].to_string(), &record[3]);
        match &cells[6] {
            Data::Float(f) => assert_eq!(f.to_string(), record[6].to_string()),
            Data::Empty => assert!(record[6].is_empty()),
            other => panic!("{other:?}"),
        }
    }

    let headers = wb.worksheet_range("Tổng hợp").unwrap();
    let header_row: Vec<String> = headers.rows().nth(4).unwrap().iter().map(|d| d.to_string()).collect();
    assert_eq!(&header_row[..6], ["STT", "Mã", "Chỉ tiêu", "Đơn vị tính", "Tổng cộng", "Số đơn vị có kết quả"]);
    assert_eq!(header_row[6], "Phường An Mỹ");
    assert_eq!(header_row[18], "Xã Tam Thăng");

    let submissions = wb.worksheet_range("Nộp báo cáo").unwrap();
    let states: Vec<String> = submissions.rows().skip(3).take(13).map(|r| r[2].to_string()).collect();
    assert!(states.iter().all(|s| s == "Đã nộp"), "{states:?}");
    let notes = wb.worksheet_range("Ghi chú").unwrap();
    assert!(notes.rows().any(|r| r[0] == "Xã Tam Thăng"
        && r[1] == "GS05"
        && r[4] == "Tọa đàm nâng cao “Tộc văn hóa” gắn với xây dựng nông thôn mới"));
}

#[test]
fn csv_archive_is_exact_and_reproducible() {
    let dir = tempfile::tempdir().unwrap();
    let inbox = samples().join("2024-08");
    assert!(build(dir.path(), &inbox, &["-o", "a"]).status.success());
    assert!(build(dir.path(), &inbox, &["-o", "b"]).status.success());
    let a = std::fs::read(dir.path().join("a/tong-hop-2024-08.csv")).unwrap();
    let b = std::fs::read(dir.path().join("b/tong-hop-2024-08.csv")).unwrap();
    assert_eq!(a, b, "byte-identical CSV across runs");
    let xa = std::fs::read(dir.path().join("a/tong-hop-2024-08.xlsx")).unwrap();
    let xb = std::fs::read(dir.path().join("b/tong-hop-2024-08.xlsx")).unwrap();
    assert_eq!(xa, xb, "byte-identical workbook across runs");

    assert!(a.starts_with(b"\xEF\xBB\xBF"), "UTF-8 BOM");
    let mut reader = csv::Reader::from_reader(&a[3..]);
    let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
    assert_eq!(
        header.join(","),
        "ky_bao_cao,ma_don_vi,don_vi,ma_chi_tieu,chi_tieu,don_vi_tinh,gia_tri,ghi_chu,tep_nguon,o,sha256"
    );
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let vd04: rust_decimal::Decimal =
        records.iter().filter(|r| &r[3] == "VD04").map(|r| r[6].parse::<rust_decimal::Decimal>().unwrap()).sum();
    assert_eq!(vd04.to_string(), "13.3864", "exact decimal total");
    let tam_ngoc = records.iter().find(|r| &r[1] == "tam-ngoc" && &r[3] == "VD04").unwrap();
    assert_eq!((&tam_ngoc[6], &tam_ngoc[8], &tam_ngoc[9]), ("0.95", "tam-ngoc.xls", "E19"));
    assert_eq!(tam_ngoc[10].len(), 64, "sha256 hex of the source file");
    assert!(records.iter().all(|r| &r[0] == "2024-08"));
    // Carriage-return line feeds, RFC 4180.
    assert!(a.windows(2).any(|w| w == b"\r\n"));
}

#[test]
fn formula_like_notes_are_inert_in_the_csv_and_text_in_the_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = crate::fixtures::clean("Phường An Mỹ");
    s.note("GS02", "=HYPERLINK(\"http://x\",\"bấm\")").note("CB01", "+84 905 000 000").note("VD03", "@xem");
    crate::fixtures::write(&dir.path().join("inbox/an-my.xlsx"), &s);
    assert!(build(dir.path(), Path::new("inbox"), &[]).status.success());
    let text = std::fs::read_to_string(dir.path().join("tong-hop/tong-hop-2024-08.csv")).unwrap();
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let notes: Vec<String> = reader.records().map(|r| r.unwrap()[7].to_owned()).filter(|n| !n.is_empty()).collect();
    assert!(notes.contains(&"'=HYPERLINK(\"http://x\",\"bấm\")".to_owned()), "{notes:?}");
    assert!(notes.contains(&"'+84 905 000 000".to_owned()), "{notes:?}");
    assert!(notes.contains(&"'@xem".to_owned()), "{notes:?}");
    // In the workbook the note is a text cell, not a formula.
    let xlsx = dir.path().join("tong-hop/tong-hop-2024-08.xlsx");
    let mut wb = open_workbook_auto(&xlsx).unwrap();
    assert_eq!(wb.worksheet_formula("Ghi chú").unwrap().used_cells().count(), 0);
    let notes = wb.worksheet_range("Ghi chú").unwrap();
    assert!(notes.rows().any(|r| r[4] == Data::String("=HYPERLINK(\"http://x\",\"bấm\")".into())));
}

#[test]
fn strict_refuses_to_write_when_errors_exist() {
    let dir = tempfile::tempdir().unwrap();
    let out = build(dir.path(), &samples().join("messy"), &["--strict", "--period", "2024-08"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--strict"));
    assert!(!dir.path().join("tong-hop").exists(), "nothing written");
    // Without --strict the messy inbox builds, errors and all.
    let out = build(dir.path(), &samples().join("messy"), &["--period", "2024-08"]);
    assert_eq!(out.status.code(), Some(1), "done, with errors found");
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("Đã nộp: 11/13 xã, phường."), "{stdout}");
    // hoa huong.xlsx says Hòa Thuận in its unit cell: refused, and counted for Hòa Hương.
    assert!(stdout.contains("Bị loại: Phường Hòa Hương, Phường Phước Hòa."), "{stdout}");
    assert!(!stdout.contains("Chưa nộp"), "{stdout}");
    // No unit wrote a note: Ghi chú says so rather than printing a header over nothing.
    let mut wb = open_workbook_auto(dir.path().join("tong-hop/tong-hop-2024-08.xlsx")).unwrap();
    let notes = wb.worksheet_range("Ghi chú").unwrap();
    assert!(notes.rows().any(|r| r[0] == "Không có ghi chú nào."));
}

#[test]
fn output_never_goes_inside_the_inbox() {
    let dir = tempfile::tempdir().unwrap();
    crate::fixtures::write(&dir.path().join("inbox/an-my.xlsx"), &crate::fixtures::clean("Phường An Mỹ"));
    let out = build(dir.path(), Path::new("inbox"), &["-o", "inbox/ket-qua"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("nằm trong thư mục nhận báo cáo"));
    assert!(!dir.path().join("inbox/ket-qua").exists());
}

#[test]
fn a_failed_write_leaves_no_partial_file_and_keeps_earlier_outputs() {
    let dir = tempfile::tempdir().unwrap();
    crate::fixtures::write(&dir.path().join("inbox/an-my.xlsx"), &crate::fixtures::clean("Phường An Mỹ"));
    assert!(build(dir.path(), Path::new("inbox"), &[]).status.success());
    let out_dir = dir.path().join("tong-hop");
    let before = std::fs::read(out_dir.join("tong-hop-2024-08.xlsx")).unwrap();
    // The CSV's place is taken by a folder: the write must fail.
    std::fs::remove_file(out_dir.join("tong-hop-2024-08.csv")).unwrap();
    std::fs::create_dir(out_dir.join("tong-hop-2024-08.csv")).unwrap();
    std::fs::create_dir(out_dir.join("tong-hop-2024-08.csv/giu-lai")).unwrap();
    let mut s = crate::fixtures::clean("Phường An Mỹ");
    s.set("GS04", V::Number(3.0));
    crate::fixtures::write(&dir.path().join("inbox/an-my.xlsx"), &s);
    let out = build(dir.path(), Path::new("inbox"), &[]);
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
    let leftovers: Vec<String> = std::fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp") || n.ends_with("-old"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
    assert!(out_dir.join("tong-hop-2024-08.csv/giu-lai").is_dir());
    let after = std::fs::read(out_dir.join("tong-hop-2024-08.xlsx")).unwrap();
    assert!(after == before, "the earlier workbook is put back");
    let mut names: Vec<String> =
        std::fs::read_dir(&out_dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    assert_eq!(
        names,
        ["bao-cao-2024-08.docx", "bao-cao-2024-08.md", "tong-hop-2024-08.csv", "tong-hop-2024-08.xlsx"],
        "nothing but the earlier outputs"
    );
}

/// A district union with its own units, sections, indicators and rules: nothing of Tam Kỳ.
const OTHER_CONFIG: &str = r#"
[report]
organisation = "Hội Nông dân huyện Núi Thành"
unit_word = "cơ sở hội"
title = "Báo cáo kết quả công tác Hội"

[[unit]]
code = "tam-hiep"
name = "Hội Nông dân xã Tam Hiệp"

[[unit]]
code = "tam-anh"
name = "Hội Nông dân xã Tam Anh Nam"
aliases = ["Tam Anh"]

[[unit]]
code = "nui-thanh"
name = "Hội Nông dân thị trấn Núi Thành"

[[section]]
code = "A"
title = "Phát triển hội viên"

[[section]]
code = "B"
title = "Hỗ trợ nông dân"

[[indicator]]
code = "HV1"
section = "A"
label = "Hội viên kết nạp mới"
unit = "người"
kind = "count"

[[indicator]]
code = "HT1"
section = "B"
label = "Vốn vay hỗ trợ"
unit = "triệu đồng"
kind = "amount"
max = 5000

[[indicator]]
code = "HT2"
section = "B"
label = "Hộ được vay vốn"
unit = "hộ"
kind = "count"
notes = true

[[rule]]
code = "Q1"
when = "HT1 > 0"
require = "HT2 > 0"
severity = "warning"
message = "Có vốn vay nhưng không có hộ được vay"
"#;

#[test]
fn another_configuration_builds_end_to_end() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("hoi.toml"), OTHER_CONFIG).unwrap();
    let config = Config::parse(OTHER_CONFIG).unwrap();
    let form = |unit: &str, values: &[(&str, V)]| {
        let mut s = FilledSheet::standard(&config, Some(unit), "03/2025");
        for (code, v) in values {
            s.set(code, v.clone());
        }
        FilledForm::new(s)
    };
    let write = |name: &str, f: FilledForm| {
        let p = dir.path().join("nhan").join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, f.to_xlsx().unwrap()).unwrap();
    };
    write("a.xlsx", form("Tam Hiệp", &[("HV1", V::Number(12.0)), ("HT1", V::text("1,5 tỷ")), ("HT2", V::Number(4.0))]));
    write("b.xlsx", form("Tam Anh", &[("HV1", V::Number(3.0)), ("HT1", V::Number(250.75))]));

    let out = tonghop(dir.path()).args(["--config", "hoi.toml", "build", "nhan"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("Kỳ báo cáo: 03/2025"), "{stdout}");
    assert!(stdout.contains("Đã nộp: 02/03 cơ sở hội."), "{stdout}");
    assert!(stdout.contains("Chưa nộp: Hội Nông dân thị trấn Núi Thành."), "{stdout}");

    let xlsx = dir.path().join("tong-hop/tong-hop-2025-03.xlsx");
    let rows = summary_rows(&xlsx);
    let codes: Vec<&str> = rows.iter().map(|r| r.0.as_str()).collect();
    assert_eq!(codes, ["HV1", "HT1", "HT2"]);
    assert_eq!(rows[0].1, Data::Float(15.0));
    assert_eq!(rows[1].1, Data::Float(1750.75), "1,5 tỷ = 1500 triệu đồng, plus 250,75");
    assert_eq!(rows[1].2, "02/03");
    assert_eq!(rows[2].3.len(), 3, "one column per configured unit");
    let mut wb = open_workbook_auto(&xlsx).unwrap();
    let r = wb.worksheet_range("Tổng hợp").unwrap();
    assert_eq!(r.get_value((0, 0)).unwrap().to_string(), "HỘI NÔNG DÂN HUYỆN NÚI THÀNH");
    let findings = wb.worksheet_range("Kiểm tra").unwrap();
    assert!(findings.rows().any(|r| r[1] == "Q1"), "the configured rule ran");
    let csv = std::fs::read_to_string(dir.path().join("tong-hop/tong-hop-2025-03.csv")).unwrap();
    assert!(csv.contains("2025-03,tam-hiep,Hội Nông dân xã Tam Hiệp,HT1,Vốn vay hỗ trợ,triệu đồng,1500,"), "{csv}");
}

#[test]
fn checked_in_samples_are_what_the_generator_writes() {
    let config = Config::default_config();
    let dir = samples().join("2024-08");
    for (name, form) in support::samples::august_2024(&config) {
        let unit = name.trim_end_matches(".xlsx");
        if let Some((_, ext)) = support::samples::CONVERTED.iter().find(|(u, _)| *u == unit) {
            assert!(dir.join(format!("{unit}.{ext}")).is_file(), "{unit}.{ext}");
            continue;
        }
        let on_disk = std::fs::read(dir.join(&name)).unwrap();
        assert!(
            on_disk == form.to_xlsx().unwrap(),
            "samples/2024-08/{name} is stale: cargo run --example make_samples"
        );
    }
    let messy = samples().join("messy");
    for (rel, file) in support::samples::messy(&config) {
        let bytes = match file {
            support::samples::MessyFile::Form(f) => f.to_xlsx().unwrap(),
            support::samples::MessyFile::Bytes(b) => b,
            support::samples::MessyFile::Link(target) => {
                #[cfg(unix)]
                assert_eq!(std::fs::read_link(messy.join(&rel)).unwrap(), target, "samples/messy/{rel}");
                // Windows has no such link to compare (the test is built there by CI's clippy).
                let _ = target;
                continue;
            }
        };
        assert!(std::fs::read(messy.join(&rel)).unwrap() == bytes, "samples/messy/{rel} is stale");
    }
}

/// The file names in a folder, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    names.sort();
    names
}

#[test]
fn the_checked_in_year_is_what_the_generator_writes() {
    use support::year::{AUGUST, month_dir, year_2024};
    let year = samples().join("2024");
    let months = year_2024(&Config::default_config());
    assert_eq!(names(&year), months.iter().map(|(m, _)| month_dir(*m)).collect::<Vec<_>>());
    for (month, forms) in months {
        let dir = year.join(month_dir(month));
        let stale = |name: &str| {
            format!("samples/2024/{}/{name} is stale: cargo run --example make_samples -- 2024", month_dir(month))
        };
        if month == AUGUST {
            // The seed month's own bytes, the files converted with LibreOffice included.
            let seed = samples().join("2024-08");
            assert_eq!(names(&dir), names(&seed));
            for name in names(&seed) {
                assert!(
                    std::fs::read(dir.join(&name)).unwrap() == std::fs::read(seed.join(&name)).unwrap(),
                    "{}",
                    stale(&name)
                );
            }
            continue;
        }
        let mut expected: Vec<String> = forms.iter().map(|(name, _)| name.clone()).collect();
        expected.sort();
        assert_eq!(names(&dir), expected, "{}", month_dir(month));
        for (name, form) in forms {
            assert!(std::fs::read(dir.join(&name)).unwrap() == form.to_xlsx().unwrap(), "{}", stale(&name));
        }
    }
}

#[test]
fn the_generated_year_builds_clean_month_after_month() {
    // One output folder for the year: each month is checked against the months before it
    // (O01 from July, on six earlier months), and against the other units (O02).
    let dir = tempfile::tempdir().unwrap();
    for month in 1..=12 {
        let inbox = samples().join("2024").join(support::year::month_dir(month));
        let out = build(dir.path(), &inbox, &["-o", "ra"]);
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(0), "{month}: {stdout}{}", String::from_utf8_lossy(&out.stderr));
        assert!(stdout.contains("Đã nộp: 13/13 xã, phường."), "{month}: {stdout}");
        let out = tonghop(dir.path())
            .arg("check")
            .arg(&inbox)
            .args(["--archive", "ra", "--format", "json"])
            .output()
            .unwrap();
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(json["period"], format!("2024-{month:02}"));
        assert_eq!(json["findings"], serde_json::json!([]), "{month}");
    }
}

#[test]
fn the_workbook_speaks_the_language_of_the_messages() {
    // Its words (headers, states, severities) used to be Vietnamese whatever `--lang` said,
    // beside English finding messages.
    let dir = tempfile::tempdir().unwrap();
    let out = build(dir.path(), &samples().join("messy"), &["--period", "2024-08", "--lang", "en"]);
    assert!(out.status.code() == Some(1), "{out:?}");
    let strings = crate::common::xlsx_part(&dir.path().join("tong-hop/tong-hop-2024-08.xlsx"), "xl/sharedStrings.xml");
    for english in ["Severity", "Indicator", "Error", "Warning", "Submitted", "Rejected", "FILES NOT USED"] {
        assert!(strings.contains(&format!(">{english}<")), "{english} missing");
    }
    for vietnamese in ["Mức độ", ">Lỗi<", "Đã nộp", "Tình trạng", "CÁC TỆP KHÔNG DÙNG"] {
        assert!(!strings.contains(vietnamese), "{vietnamese} in an English workbook");
    }
    // The sheets keep their names: they are how an output is recognised.
    let workbook = crate::common::xlsx_part(&dir.path().join("tong-hop/tong-hop-2024-08.xlsx"), "xl/workbook.xml");
    assert!(workbook.contains("name=\"Kiểm tra\""));
}
