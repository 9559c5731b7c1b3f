//! A configuration past `render::MANY_UNITS` (30) units: a province's communes. The workbook
//! moves the figures of each unit to `Theo đơn vị`, the footnotes count instead of naming.

use std::path::Path;

use calamine::{Data, Reader, open_workbook_auto};
use support::form::{FilledForm, FilledSheet, V};
use tonghop::config::{Config, DEFAULT_TOML};

use crate::common::{tonghop, xlsx_part};

/// The default configuration with `n` units instead of Tam Kỳ's 13 (`Xã An Bình`, `Xã An
/// Hòa`...: names as units type them, no digits).
pub fn config_with_units(n: usize, report_extra: &str) -> String {
    const FIRST: [&str; 5] = ["An", "Bình", "Hòa", "Phú", "Tân"];
    const SECOND: [&str; 10] = ["Bình", "Hòa", "Sơn", "Mỹ", "Ngọc", "Xuân", "Thạnh", "Lộc", "Phước", "Trung"];
    let head = &DEFAULT_TOML[..DEFAULT_TOML.find("[[unit]]").unwrap()];
    let tail = &DEFAULT_TOML[DEFAULT_TOML.find("[[section]]").unwrap()..];
    let head = head.replacen("[report]\n", &format!("[report]\n{report_extra}"), 1);
    let units: String = (0..n)
        .map(|i| {
            let name = format!("Xã {} {}", FIRST[i / SECOND.len() % FIRST.len()], SECOND[i % SECOND.len()]);
            format!("[[unit]]\ncode = \"u{:02}\"\nname = \"{name}\"\n\n", i + 1)
        })
        .collect();
    format!("{head}{units}{tail}")
}

/// 40 units, all but the last sent: TT01 = its number, GS04 = 2 cuộc for the first 35 (past
/// the footnote's 30), GS03 for 3 of them, VD03/VD04 for one.
fn build_forty(dir: &Path) -> (Config, std::process::Output) {
    let text = config_with_units(40, "");
    std::fs::write(dir.join("tinh.toml"), &text).unwrap();
    let config = Config::parse(&text).unwrap();
    let inbox = dir.join("nhan");
    std::fs::create_dir_all(&inbox).unwrap();
    for (u, unit) in config.units.iter().enumerate().take(39) {
        let mut s = FilledSheet::standard(&config, Some(&unit.name), "08/2024");
        s.set("TT01", V::Number((u + 1) as f64));
        if u < 35 {
            s.set("GS04", V::Number(2.0));
        }
        if u < 3 {
            s.set("GS03", V::Number(1.0)).note("GS03", "Đối thoại về đất đai");
        }
        if u == 5 {
            s.set("VD03", V::Number(2.0)).set("VD04", V::Number(1.25));
        }
        std::fs::write(inbox.join(format!("{}.xlsx", unit.code)), FilledForm::new(s).to_xlsx().unwrap()).unwrap();
    }
    let out = tonghop(dir).args(["--config", "tinh.toml", "build", "nhan", "--period", "2024-08"]).output().unwrap();
    (config, out)
}

fn cells(range: &calamine::Range<Data>, row: usize) -> Vec<String> {
    range.rows().nth(row).unwrap().iter().map(|d| d.to_string()).collect()
}

#[test]
fn forty_units_get_a_sheet_by_unit_and_footnotes_that_count() {
    let dir = tempfile::tempdir().unwrap();
    let (config, out) = build_forty(dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let xlsx = dir.path().join("tong-hop/tong-hop-2024-08.xlsx");
    let mut wb = open_workbook_auto(&xlsx).unwrap();
    assert_eq!(wb.sheet_names(), ["Tổng hợp", "Theo đơn vị", "Nộp báo cáo", "Kiểm tra", "Ghi chú", "Dữ liệu"]);

    // `Tổng hợp`: totals and n/N, no column per unit.
    let summary = wb.worksheet_range("Tổng hợp").unwrap();
    assert_eq!(summary.width(), 6, "STT, Mã, Chỉ tiêu, Đơn vị tính, Tổng cộng, n/N only");
    assert_eq!(cells(&summary, 4), ["STT", "Mã", "Chỉ tiêu", "Đơn vị tính", "Tổng cộng", "Số đơn vị có kết quả"]);
    assert!(!summary.used_cells().any(|(_, _, d)| d.to_string() == config.units[0].name), "no unit on Tổng hợp");
    let row = |code: &str| summary.rows().find(|r| r[1] == code).unwrap().to_vec();
    assert_eq!(row("TT01")[4], Data::Float((1..=39).sum::<u32>() as f64));
    assert_eq!(row("TT01")[5], Data::String("39/40".into()));
    assert_eq!(row("GS04")[4], Data::Float(70.0));
    assert_eq!(row("GS04")[5], Data::String("35/40".into()));
    // The totals are still formulas: over the indicator's column of `Theo đơn vị`.
    let formulas = wb.worksheet_formula("Tổng hợp").unwrap();
    let sums: Vec<String> = formulas.used_cells().map(|(_, _, f)| f.clone()).collect();
    assert_eq!(sums.len(), 2 * config.indicators.len(), "a total and an n/N per indicator");
    assert!(sums.contains(&"SUM('Theo đơn vị'!C7:C46)".to_owned()), "{sums:?}");
    let count = "TEXT(COUNTIF('Theo đơn vị'!C7:C46,\">0\"),\"00\")&\"/\"&TEXT(40,\"00\")";
    assert!(sums.contains(&count.to_owned()), "{sums:?}");

    // `Theo đơn vị`: three header rows (labels, units of measure, codes), then 40 units.
    let by_unit = wb.worksheet_range("Theo đơn vị").unwrap();
    let codes = cells(&by_unit, 5);
    assert_eq!(&codes[..4], ["STT", "Đơn vị", "TT01", "TT02"]);
    assert_eq!(codes.len(), 2 + config.indicators.len());
    assert_eq!(cells(&by_unit, 3)[2], config.indicators[0].label);
    assert_eq!(cells(&by_unit, 4)[2], "tin");
    let units: Vec<Vec<Data>> = by_unit.rows().skip(6).map(<[Data]>::to_vec).collect();
    assert_eq!(units.len(), 40);
    let col = |code: &str| codes.iter().position(|c| c == code).unwrap();
    for (u, r) in units.iter().enumerate() {
        assert_eq!(r[0], Data::Float((u + 1) as f64));
        assert_eq!(r[1].to_string(), config.units[u].name);
        let tt01 = if u < 39 { Data::Float((u + 1) as f64) } else { Data::Empty };
        assert_eq!(r[col("TT01")], tt01, "{}", config.units[u].name);
        let gs04 = if u < 35 { Data::Float(2.0) } else { Data::Empty };
        assert_eq!(r[col("GS04")], gs04);
    }
    assert_eq!(units[5][col("VD04")], Data::Float(1.25));
    assert_eq!(units[6][col("VD04")], Data::Empty);

    // Filters on the units' figures, the units' submissions and the findings.
    for sheet in ["sheet2", "sheet3", "sheet4"] {
        let xml = xlsx_part(&xlsx, &format!("xl/worksheets/{sheet}.xml"));
        assert!(xml.contains("<autoFilter"), "{sheet}");
    }
    assert!(xlsx_part(&xlsx, "xl/worksheets/sheet2.xml").contains("<autoFilter ref=\"A6:S46\""));
    assert!(xlsx_part(&xlsx, "xl/worksheets/sheet3.xml").contains("<autoFilter ref=\"A3:G43\""));

    // The narrative counts the 35 units of GS04 instead of naming them; GS03's 3 are named.
    let md = std::fs::read_to_string(dir.path().join("tong-hop/bao-cao-2024-08.md")).unwrap();
    assert!(md.contains("35/40 đơn vị tổ chức Diễn đàn lắng nghe ý kiến Nhân dân[^"), "{md}");
    assert!(md.contains("]: 35 xã, phường; chi tiết tại bảng tổng hợp.\n"), "{md}");
    assert!(!md.contains(&config.units[20].name), "no list of 35 names:\n{md}");
    assert!(md.contains(&format!("**{}:** Đối thoại về đất đai", config.units[2].name)), "{md}");
}

#[test]
fn a_large_workbook_dropped_into_the_inbox_is_recognised_as_ours() {
    let dir = tempfile::tempdir().unwrap();
    let (_, out) = build_forty(dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let xlsx = dir.path().join("tong-hop/tong-hop-2024-08.xlsx");
    let wb = open_workbook_auto(&xlsx).unwrap();
    assert!(wb.sheet_names().contains(&"Theo đơn vị".to_owned()));
    std::fs::copy(&xlsx, dir.path().join("nhan/ban sao.xlsx")).unwrap();
    let out = tonghop(dir.path())
        .args(["--config", "tinh.toml", "check", "nhan", "--period", "2024-08", "--format", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let findings = json["findings"].as_array().unwrap();
    assert!(findings.iter().any(|f| f["file"] == "ban sao.xlsx" && f["code"] == "S04"), "{findings:?}");
}

#[test]
fn forms_prefilled_for_one_of_many_units_leave_out_the_list_of_units() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("tinh.toml"), config_with_units(40, "")).unwrap();
    let out = tonghop(dir.path())
        .args(["--config", "tinh.toml", "template", "--period", "2024-08", "--all-units", "-o", "mau"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let guide = |file: &str| {
        let mut wb = open_workbook_auto(dir.path().join(file)).unwrap();
        let range = wb.worksheet_range("Hướng dẫn").unwrap();
        range.used_cells().map(|(_, _, d)| d.to_string()).collect::<Vec<_>>()
    };
    let prefilled = guide("mau/mau-2024-08-u07.xlsx");
    assert!(!prefilled.iter().any(|c| c == "DANH SÁCH ĐƠN VỊ" || c.starts_with("Xã ")), "{prefilled:?}");
    // The blank form keeps it: its dropdown of names reads it.
    let out = tonghop(dir.path())
        .args(["--config", "tinh.toml", "template", "--period", "2024-08", "-o", "chung.xlsx"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(guide("chung.xlsx").iter().filter(|c| c.starts_with("Xã ")).count(), 40);
}

/// Not a test: writes the 40-unit inbox and its outputs into `$TONGHOP_LARGE_DIR`, to look at
/// them (README, Development). `TONGHOP_LARGE_DIR=/tmp/l cargo test --test integration -- --ignored look_at`
#[test]
#[ignore]
fn look_at_forty_units() {
    let dir = std::path::PathBuf::from(std::env::var("TONGHOP_LARGE_DIR").expect("TONGHOP_LARGE_DIR"));
    std::fs::create_dir_all(&dir).unwrap();
    let (_, out) = build_forty(&dir);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
}

/// Not a test: writes a configuration of `$TONGHOP_UNITS` units (default 200,000) into
/// `$TONGHOP_LARGE_DIR/units.toml`, to time `tonghop config --check` on it. No timing is
/// asserted: machines differ.
#[test]
#[ignore]
fn write_a_configuration_of_many_units() {
    let dir = std::path::PathBuf::from(std::env::var("TONGHOP_LARGE_DIR").expect("TONGHOP_LARGE_DIR"));
    let n = std::env::var("TONGHOP_UNITS").map_or(200_000, |n| n.parse().unwrap());
    std::fs::create_dir_all(&dir).unwrap();
    let text = many_units(n);
    std::fs::write(dir.join("units.toml"), text).unwrap();
}

/// `n` units with distinct names and an alias each, built from syllables, not digits.
fn many_units(n: usize) -> String {
    const SYLLABLES: [&str; 10] = ["An", "Bình", "Hòa", "Tân", "Phú", "Thạnh", "Xuân", "Sơn", "Mỹ", "Ngọc"];
    let head = &DEFAULT_TOML[..DEFAULT_TOML.find("[[unit]]").unwrap()];
    let tail = &DEFAULT_TOML[DEFAULT_TOML.find("[[section]]").unwrap()..];
    let mut text = String::from(head);
    for i in 0..n {
        let words: Vec<&str> = format!("{i:06}").bytes().map(|d| SYLLABLES[usize::from(d - b'0')]).collect();
        let name = words.join(" ");
        text.push_str(&format!(
            "[[unit]]\ncode = \"u{i:06}\"\nname = \"Xã {name}\"\naliases = [\"X. {name} {i}\"]\n\n"
        ));
    }
    text.push_str(tail);
    text
}
