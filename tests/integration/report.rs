//! `tonghop report --period P` (spec §11): a longer period from the archive alone.

use std::path::Path;

use rust_decimal::Decimal;

use crate::common::{archive_month, csv_rows, tonghop, xlsx_part};

/// Runs `report` on the archive `luu` into `ra`; panics unless it succeeds.
fn report(dir: &Path, period: &str, config: Option<&str>) -> String {
    let mut cmd = tonghop(dir);
    if let Some(c) = config {
        cmd.args(["--config", c]);
    }
    let out = cmd.args(["report", "--period", period, "--archive", "luu", "-o", "ra"]).output().unwrap();
    let (stdout, stderr) = (String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert_eq!(out.status.code(), Some(0), "{stdout}{stderr}");
    stdout.into_owned()
}

/// A unit's value of an indicator in a CSV tonghop wrote.
fn value(path: &Path, unit: &str, indicator: &str) -> Option<Decimal> {
    csv_rows(path).iter().find(|r| &r[1] == unit && &r[3] == indicator).map(|r| r[6].parse().unwrap())
}

/// Twelve months of 2024: An Mỹ posted as many articles (TT01) as the month's number, An Sơn
/// 10 each month; in every month the other units sent nothing.
fn year(dir: &Path) {
    let archive = dir.join("luu");
    std::fs::create_dir_all(&archive).unwrap();
    for m in 1..=12 {
        let month = m.to_string();
        archive_month(&archive, &format!("2024-{m:02}"), &[("an-my", "TT01", &month), ("an-son", "TT01", "10")]);
    }
}

#[test]
fn every_period_form_adds_up_its_months() {
    let dir = tempfile::tempdir().unwrap();
    year(dir.path());
    let cases = [
        ("2024-Q3", "2024-Q3", 7 + 8 + 9, 3, "quý III năm 2024"),
        ("2024-q1", "2024-Q1", 1 + 2 + 3, 3, "quý I năm 2024"),
        ("2024-H1", "2024-H1", 21, 6, "6 tháng đầu năm 2024"),
        ("2024-9T", "2024-9T", 45, 9, "9 tháng đầu năm 2024"),
        ("2024", "2024", 78, 12, "năm 2024"),
        ("2024-2..2024-04", "2024-02..2024-04", 2 + 3 + 4, 3, "từ tháng 02/2024 đến tháng 04/2024"),
    ];
    for (typed, name, an_my, months, words) in cases {
        let stdout = report(dir.path(), typed, None);
        let csv = dir.path().join(format!("ra/tong-hop-{name}.csv"));
        assert_eq!(value(&csv, "an-my", "TT01"), Some(Decimal::from(an_my)), "{typed}");
        assert_eq!(value(&csv, "an-son", "TT01"), Some(Decimal::from(10 * months)), "{typed}");
        for row in csv_rows(&csv) {
            assert_eq!(&row[0], name, "{typed}: ky_bao_cao is the period");
            assert!(row[8].is_empty() && row[9].is_empty() && row[10].is_empty(), "{typed}: no source file");
        }
        let md = std::fs::read_to_string(dir.path().join(format!("ra/bao-cao-{name}.md"))).unwrap();
        assert!(md.contains(&format!("Kết quả công tác Mặt trận {words}")), "{typed}: {md}");
        assert!(md.contains(&format!("đã đăng {} tin", an_my + 10 * months)), "{typed}: {md}");
        assert!(md.contains("02/13 xã, phường có báo cáo"), "{typed}: {md}");
        let strings = xlsx_part(&dir.path().join(format!("ra/tong-hop-{name}.xlsx")), "xl/sharedStrings.xml");
        let ratio = format!("{months:02}/{months:02}");
        for said in ["Số tháng có báo cáo", ratio.as_str(), "Có số liệu của 02/13 xã, phường."] {
            assert!(strings.contains(said), "{typed}: {said} not in the workbook");
        }
        assert!(stdout.contains(&format!("lưu trữ có {ratio} tháng")), "{typed}: {stdout}");
        assert!(dir.path().join(format!("ra/bao-cao-{name}.docx")).exists());
    }
}

#[test]
fn a_missing_month_is_named_and_a_stock_takes_the_last_month() {
    let dir = tempfile::tempdir().unwrap();
    year(dir.path());
    std::fs::remove_file(dir.path().join("luu/tong-hop-2024-08.csv")).unwrap();
    // An Sơn sent no report in July; TT01 is a stock in this configuration.
    archive_month(&dir.path().join("luu"), "2024-07", &[("an-my", "TT01", "7")]);
    let toml = tonghop::config::DEFAULT_TOML.replacen("code = \"TT01\"", "code = \"TT01\"\naggregate = \"last\"", 1);
    std::fs::write(dir.path().join("cau-hinh.toml"), toml).unwrap();
    let stdout = report(dir.path(), "2024-Q3", Some("cau-hinh.toml"));
    let csv = dir.path().join("ra/tong-hop-2024-Q3.csv");
    assert_eq!(value(&csv, "an-my", "TT01"), Some(Decimal::from(9)), "September's value, not a sum");
    assert_eq!(value(&csv, "an-son", "TT01"), Some(Decimal::from(10)));
    assert!(stdout.contains("Lưu trữ thiếu các tháng 08/2024"), "{stdout}");
    assert!(stdout.contains("Chưa đủ các tháng: Phường An Sơn (01/03)"), "{stdout}");
    let md = std::fs::read_to_string(dir.path().join("ra/bao-cao-2024-Q3.md")).unwrap();
    // Who reported is one sentence, at the head of section I; the archive's missing month in it.
    let said = md.lines().find(|l| l.contains("có báo cáo trong quý III năm 2024")).unwrap_or_else(|| panic!("{md}"));
    assert!(said.contains("chưa đủ 3 tháng: Phường An Sơn (01/03 tháng, thiếu 07/2024)"), "{said}");
    assert!(said.ends_with("; số liệu chưa gồm tháng 08/2024 (chưa tổng hợp)."), "{said}");
    let summary = xlsx_part(&dir.path().join("ra/tong-hop-2024-Q3.xlsx"), "xl/sharedStrings.xml");
    assert!(summary.contains("Lưu trữ chưa có số liệu tháng 08/2024: các số trên chưa gồm số liệu đó."), "{summary}");
    assert!(summary.contains("(TT01: số của tháng cuối kỳ)"), "the stock is named: {summary}");
    assert!(summary.contains("tong-hop-2024-08.csv"), "the month's file is named on Kiểm tra");

    // September missing too: a stock has no end-of-period value, not an older month's.
    std::fs::remove_file(dir.path().join("luu/tong-hop-2024-09.csv")).unwrap();
    report(dir.path(), "2024-Q3", Some("cau-hinh.toml"));
    assert_eq!(value(&csv, "an-my", "TT01"), None);
}

#[test]
fn a_merged_unit_counts_only_its_own_months_across_the_year_boundary() {
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("luu");
    std::fs::create_dir(&archive).unwrap();
    archive_month(&archive, "2024-11", &[("phuoc-hoa", "TT01", "3"), ("an-xuan", "TT01", "5")]);
    archive_month(&archive, "2024-12", &[("phuoc-hoa", "TT01", "4"), ("an-xuan", "TT01", "5")]);
    archive_month(&archive, "2025-01", &[("an-xuan", "TT01", "9")]);
    archive_month(&archive, "2025-02", &[("an-xuan", "TT01", "9")]);
    let stdout = report(dir.path(), "2024-11..2025-02", None);
    assert!(stdout.contains("Có báo cáo trong kỳ: 02/13"), "13 units existed in the period: {stdout}");
    assert!(!stdout.contains("Phước Hòa (02/"), "Phước Hòa reported all of its months: {stdout}");
    let csv = dir.path().join("ra/tong-hop-2024-11..2025-02.csv");
    assert_eq!(value(&csv, "phuoc-hoa", "TT01"), Some(Decimal::from(7)));
    assert_eq!(value(&csv, "an-xuan", "TT01"), Some(Decimal::from(28)));
    let strings = xlsx_part(&dir.path().join("ra/tong-hop-2024-11..2025-02.xlsx"), "xl/sharedStrings.xml");
    assert!(strings.contains("02/02") && strings.contains("04/04"), "Phước Hòa 02/02, An Xuân 04/04");

    // A period wholly after the merger has 12 units.
    let stdout = report(dir.path(), "2025-01..2025-02", None);
    assert!(stdout.contains("Có báo cáo trong kỳ: 01/12"), "{stdout}");
}

#[test]
fn an_archive_without_the_period_is_refused_and_a_bad_period_explained() {
    let dir = tempfile::tempdir().unwrap();
    year(dir.path());
    let out = tonghop(dir.path()).args(["report", "--period", "2023-Q3", "--archive", "luu"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("không có tháng nào của quý III năm 2023"), "{stderr}");
    assert!(!dir.path().join("tong-hop").exists(), "nothing written");
    let out = tonghop(dir.path()).args(["report", "--period", "2024-Q5"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("2024-Q3 (quý)"));
}

#[test]
fn a_period_report_dropped_into_an_inbox_is_recognised_as_ours() {
    let dir = tempfile::tempdir().unwrap();
    year(dir.path());
    report(dir.path(), "2024-Q3", None);
    let inbox = dir.path().join("nhan");
    std::fs::create_dir(&inbox).unwrap();
    for f in ["tong-hop-2024-Q3.xlsx", "tong-hop-2024-Q3.csv"] {
        std::fs::copy(dir.path().join("ra").join(f), inbox.join(f)).unwrap();
    }
    let out = tonghop(dir.path()).args(["status", "nhan", "--period", "2024-09", "--format", "json"]).output().unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for f in json["files"].as_array().unwrap() {
        assert_eq!(f["outcome"], "skipped", "{f}");
    }
}

/// The bundled year (`samples/2024/`), built month by month into `ra`, then the third quarter
/// reported from that archive: each indicator's Q3 total is the sum of its three monthly CSVs,
/// added up here apart from tonghop (the default configuration sums every indicator).
#[test]
fn the_bundled_year_s_third_quarter_is_the_sum_of_its_three_months() {
    use calamine::{Data, Reader, open_workbook_auto};
    use std::collections::BTreeMap;

    let dir = tempfile::tempdir().unwrap();
    let year = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/2024");
    for month in ["2024-07", "2024-08", "2024-09"] {
        let out = tonghop(dir.path()).arg("build").arg(year.join(month)).args(["-o", "ra"]).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{month}: {}", String::from_utf8_lossy(&out.stderr));
    }
    let out = tonghop(dir.path()).args(["report", "--period", "2024-Q3", "-o", "ra"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("lưu trữ có 03/03 tháng") && stdout.contains("13/13"), "{stdout}");

    let totals = |files: &[&str]| -> BTreeMap<String, Decimal> {
        let mut sums = BTreeMap::new();
        for f in files {
            for row in csv_rows(&dir.path().join("ra").join(f)) {
                if !row[6].is_empty() {
                    *sums.entry(row[3].to_owned()).or_default() += row[6].parse::<Decimal>().unwrap();
                }
            }
        }
        sums
    };
    let months = totals(&["tong-hop-2024-07.csv", "tong-hop-2024-08.csv", "tong-hop-2024-09.csv"]);
    assert!(months.len() >= 15, "the year fills most indicators: {months:?}");
    assert_eq!(totals(&["tong-hop-2024-Q3.csv"]), months, "the quarter's CSV");

    // The workbook's totals (the values stored with the SUM formulas) say the same.
    let mut book = open_workbook_auto(dir.path().join("ra/tong-hop-2024-Q3.xlsx")).unwrap();
    let sheet = book.worksheet_range("Tổng hợp").unwrap();
    let mut shown = BTreeMap::new();
    for row in sheet.rows() {
        if let (Some(Data::String(code)), Some(total)) = (row.get(1), row.get(4))
            && months.contains_key(code)
        {
            let value = match total {
                Data::Float(f) => Decimal::try_from(*f).unwrap(),
                Data::Int(i) => Decimal::from(*i),
                other => panic!("{code}: total {other:?}"),
            };
            shown.insert(code.clone(), value.round_dp(6).normalize());
        }
    }
    let expected: BTreeMap<_, _> = months.iter().map(|(k, v)| (k.clone(), v.round_dp(6).normalize())).collect();
    assert_eq!(shown, expected, "Tổng hợp of the quarter");

    // Three months of notes would make pages of footnotes: they name units and figures, and
    // the notes stay in Ghi chú, month by month.
    let md = std::fs::read_to_string(dir.path().join("ra/bao-cao-2024-Q3.md")).unwrap();
    assert!(md.contains("quý III năm 2024") && md.contains("[^1]:"), "{md}");
    assert!(!md.contains("Tháng 07/2024:"), "{md}");
    let notes = book.worksheet_range("Ghi chú").unwrap();
    assert!(notes.rows().flatten().any(|c| c.to_string().starts_with("Tháng 07/2024: ")));
}
