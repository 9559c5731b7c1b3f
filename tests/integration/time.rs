//! Time (spec §11), first part: reporting windows, deadlines, units over time.

use std::path::Path;
use std::time::{Duration, SystemTime};

use support::form::{FilledForm, FilledSheet};
use tonghop::config::Config;

use crate::common::{archive_month, tonghop};

/// The default configuration with a window ending on the 14th and a two-day deadline.
fn with_deadline() -> String {
    tonghop::config::DEFAULT_TOML.replacen("[report]\n", "[report]\ncutoff_day = 14\ndeadline_days = 2\n", 1)
}

/// A filled form of `unit` for `period` (`MM/YYYY`), written as `file`, modified at `modified`.
fn form(inbox: &Path, config: &Config, unit: &str, period: &str, file: &str, modified: Option<SystemTime>) {
    let name = &config.unit(unit).unwrap().name;
    let bytes = FilledForm::new(FilledSheet::standard(config, Some(name), period)).to_xlsx().unwrap();
    let path = inbox.join(file);
    std::fs::write(&path, bytes).unwrap();
    if let Some(t) = modified {
        std::fs::File::options().write(true).open(&path).unwrap().set_modified(t).unwrap();
    }
}

/// Local noon of a day, as a file time.
fn local_noon(y: i32, m: u32, d: u32) -> SystemTime {
    use chrono::TimeZone;
    let t = chrono::Local.with_ymd_and_hms(y, m, d, 12, 0, 0).single().unwrap();
    SystemTime::UNIX_EPOCH + Duration::from_secs(t.timestamp() as u64)
}

fn status_json(dir: &Path, config: &Path, period: &str) -> serde_json::Value {
    let mut cmd = tonghop(dir);
    cmd.args(["--config"]).arg(config).args(["status", "nhan", "--period", period, "--format", "json"]);
    let out = cmd.output().unwrap();
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)))
}

#[test]
fn windows_with_and_without_a_cutoff_day() {
    let p = |s: &str| s.parse::<tonghop::period::Period>().unwrap();
    assert_eq!(p("2024-10").window_vn(None), "Từ 1/10/2024 đến 31/10/2024");
    assert_eq!(p("2024-10").window_vn(Some(14)), "Từ 15/9/2024 đến 14/10/2024");
    // January's window starts in December of the year before.
    assert_eq!(p("2025-01").window_vn(Some(14)), "Từ 15/12/2024 đến 14/1/2025");
    assert_eq!(p("2024-03").window_vn(Some(28)), "Từ 29/2/2024 đến 28/3/2024");
}

#[test]
fn files_received_by_the_deadline_are_on_time_and_later_ones_late() {
    let dir = tempfile::tempdir().unwrap();
    let toml = with_deadline();
    std::fs::write(dir.path().join("cau-hinh.toml"), &toml).unwrap();
    let config = Config::parse(&toml).unwrap();
    let inbox = dir.path().join("nhan");
    std::fs::create_dir(&inbox).unwrap();
    // October 2024 ends on the 14th; two days' grace: the 16th is on time, the 17th late.
    form(&inbox, &config, "an-my", "10/2024", "an-my.xlsx", Some(local_noon(2024, 10, 16)));
    form(&inbox, &config, "an-son", "10/2024", "an-son.xlsx", Some(local_noon(2024, 10, 17)));
    let json = status_json(dir.path(), &dir.path().join("cau-hinh.toml"), "2024-10");
    let unit = |code: &str| json["units"].as_array().unwrap().iter().find(|u| u["unit"] == code).unwrap().clone();
    assert_eq!(unit("an-my")["on_time"], true);
    assert_eq!(unit("an-son")["on_time"], false);
    assert!(unit("an-my")["received_at"].as_str().unwrap().starts_with("2024-10-16T12:00:00"));
    assert!(unit("an-xuan")["on_time"].is_null(), "a missing unit is neither");
    let out = tonghop(dir.path()).args(["--config", "cau-hinh.toml", "status", "nhan", "--period", "2024-10"]).output();
    let text = String::from_utf8(out.unwrap().stdout).unwrap();
    assert!(text.contains("Đúng hạn: 01/13"), "{text}");
    assert!(text.contains("nhận 17/10/2024 12:00, trễ hạn"), "{text}");
    // The workbook and the report say the window and the on-time count.
    let mut build = tonghop(dir.path());
    build.args(["--config", "cau-hinh.toml", "build", "nhan", "--period", "2024-10", "-o", "ra"]);
    assert!(build.output().unwrap().status.code() == Some(0));
    let md = std::fs::read_to_string(dir.path().join("ra/bao-cao-2024-10.md")).unwrap();
    assert!(md.contains("(Từ 15/9/2024 đến 14/10/2024)"), "{md}");
    assert!(md.contains("\n02/13 xã, phường đã gửi báo cáo (01/13 đúng hạn); Phường An Xuân, "), "{md}");
    let strings = crate::common::xlsx_part(&dir.path().join("ra/tong-hop-2024-10.xlsx"), "xl/sharedStrings.xml");
    for said in ["THÁNG 10/2024 (Từ 15/9/2024 đến 14/10/2024)", "Thời điểm nhận", "Đúng hạn: 01/13", "Trễ hạn"]
    {
        assert!(strings.contains(said), "{said} not in the workbook");
    }
    // Without a deadline, nothing is judged.
    std::fs::write(dir.path().join("mac-dinh.toml"), tonghop::config::DEFAULT_TOML).unwrap();
    let json = status_json(dir.path(), &dir.path().join("mac-dinh.toml"), "2024-10");
    assert!(json["units"].as_array().unwrap().iter().all(|u| u["on_time"].is_null()));
}

#[test]
fn a_unit_merged_at_the_year_boundary_is_expected_until_then_and_named_after() {
    let dir = tempfile::tempdir().unwrap();
    let config = Config::default_config();
    std::fs::write(dir.path().join("cau-hinh.toml"), tonghop::config::DEFAULT_TOML).unwrap();
    let inbox = dir.path().join("nhan");
    std::fs::create_dir(&inbox).unwrap();
    form(&inbox, &config, "phuoc-hoa", "12/2024", "phuoc-hoa.xlsx", None);
    form(&inbox, &config, "an-xuan", "12/2024", "an-xuan.xlsx", None);
    // December 2024: Phước Hòa still reports, 13 units.
    let json = status_json(dir.path(), &dir.path().join("cau-hinh.toml"), "2024-12");
    assert_eq!(json["units"].as_array().unwrap().len(), 13);
    assert!(json["units"].as_array().unwrap().iter().any(|u| u["unit"] == "phuoc-hoa" && u["status"] == "submitted"));

    // January 2025: 12 units; a form from Phước Hòa is refused and says where it went.
    for f in ["phuoc-hoa.xlsx", "an-xuan.xlsx"] {
        std::fs::remove_file(inbox.join(f)).unwrap();
    }
    form(&inbox, &config, "phuoc-hoa", "01/2025", "phuoc-hoa.xlsx", None);
    form(&inbox, &config, "an-xuan", "01/2025", "an-xuan.xlsx", None);
    let json = status_json(dir.path(), &dir.path().join("cau-hinh.toml"), "2025-01");
    let units = json["units"].as_array().unwrap();
    assert_eq!(units.len(), 12);
    assert!(units.iter().all(|u| u["unit"] != "phuoc-hoa"));
    let file = json["files"].as_array().unwrap().iter().find(|f| f["file"] == "phuoc-hoa.xlsx").unwrap().clone();
    assert_eq!(file["outcome"], "rejected");
    let out = tonghop(dir.path()).args(["check", "nhan", "--period", "2025-01"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Phường Phước Hòa không còn báo cáo kỳ 01/2025: đã sáp nhập vào Phường An Xuân"), "{text}");
    let out = tonghop(dir.path()).args(["build", "nhan", "--period", "2025-01", "-o", "ra"]).output().unwrap();
    assert!(String::from_utf8(out.stdout).unwrap().contains("Đã nộp: 01/12"));
}

#[test]
fn time_keys_are_checked() {
    let cases = [
        ("[report]\n", "[report]\ncutoff_day = 31\n", "cutoff_day = 31"),
        ("[report]\n", "[report]\ndeadline_days = -1\n", "deadline_days"),
        ("merged_into = \"an-xuan\"", "merged_into = \"an-xuam\"", "merged_into = \"an-xuam\""),
        ("until = \"2024-12\"", "until = \"12/2024\"", "until = \"12/2024\""),
        ("until = \"2024-12\"", "until = \"2024-12\"\nfrom = \"2025-03\"", "until = \"2024-12\""),
    ];
    for (from, to, said) in cases {
        let toml = tonghop::config::DEFAULT_TOML.replacen(from, to, 1);
        assert_ne!(toml, tonghop::config::DEFAULT_TOML, "{to}");
        let problems = tonghop::config::check(&toml);
        let texts: Vec<String> = problems.iter().map(|p| p.msg.text(tonghop::messages::Lang::Vi)).collect();
        assert!(texts.iter().any(|t| t.contains(said)), "{to}: {texts:?}");
    }
}

/// The August sample built against `archive` with a template that prints TT01's history.
fn history_of_tt01(dir: &Path, config: Option<&str>) -> String {
    let template = dir.join("mau.md.j2");
    std::fs::write(
        &template,
        "ytd={{ ind.TT01.ytd }} same={{ ind.TT01.same_period_last_year }} ytd_ly={{ ind.TT01.ytd_last_year }} \
         change={{ ind.TT01.change }} missing={{ history_missing | join(\",\") }}\n",
    )
    .unwrap();
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/2024-08");
    let mut cmd = tonghop(dir);
    if let Some(c) = config {
        cmd.args(["--config", c]);
    }
    cmd.arg("build").arg(&samples).args(["-o", "ra", "--archive", "luu", "--narrative-template"]).arg(&template);
    let out = cmd.output().unwrap();
    assert!(out.status.code().is_some_and(|c| c < 2), "{}", String::from_utf8_lossy(&out.stderr));
    std::fs::read_to_string(dir.join("ra/bao-cao-2024-08.md")).unwrap()
}

/// TT01's August total, from the month's own CSV (computed apart from tonghop's totals).
fn august_tt01(dir: &Path) -> rust_decimal::Decimal {
    let bytes = std::fs::read(dir.join("ra/tong-hop-2024-08.csv")).unwrap();
    let mut reader = csv::Reader::from_reader(&bytes[3..]); // after the BOM
    reader
        .records()
        .map(Result::unwrap)
        .filter(|r| &r[3] == "TT01")
        .map(|r| r[6].parse::<rust_decimal::Decimal>().unwrap())
        .sum()
}

#[test]
fn year_to_date_comes_from_the_archive_and_a_missing_month_leaves_it_empty() {
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("luu");
    std::fs::create_dir(&archive).unwrap();
    for m in [1, 2, 4, 5, 6, 7] {
        archive_month(&archive, &format!("2024-{m:02}"), &[("an-my", "TT01", "10"), ("an-son", "TT01", "5")]);
    }
    archive_month(&archive, "2023-08", &[("an-my", "TT01", "8")]);
    // March is missing: no year to date, and the month is named.
    let text = history_of_tt01(dir.path(), None);
    assert!(text.contains("ytd=None"), "{text}");
    // This year's March, and last year's months its year to date would need.
    assert!(text.contains("missing=01/2023,02/2023,03/2023,04/2023,05/2023,06/2023,07/2023,03/2024"), "{text}");
    assert!(text.contains("same=8"), "{text}");
    let strings = crate::common::xlsx_part(&dir.path().join("ra/tong-hop-2024-08.xlsx"), "xl/sharedStrings.xml");
    assert!(strings.contains("Lũy kế từ đầu năm") && strings.contains("Cùng kỳ năm trước"));
    assert!(strings.contains("Lưu trữ chưa có số liệu tháng 01–07/2023, 03/2024 nên"), "the missing months are named");
    let august = august_tt01(dir.path());
    let change = ((august - rust_decimal::Decimal::from(8)) * rust_decimal::Decimal::from(100)
        / rust_decimal::Decimal::from(8))
    .round_dp(1)
    .normalize();
    assert!(text.contains(&format!("change={change}")), "{text}");

    // With March: the six archived months (15 each) and August.
    archive_month(&archive, "2024-03", &[("an-my", "TT01", "10"), ("an-son", "TT01", "5")]);
    let text = history_of_tt01(dir.path(), None);
    assert!(text.contains(&format!("ytd={}", august + rust_decimal::Decimal::from(105))), "{text}");

    // The default report says it where a figure is given.
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/2024-08");
    let out = tonghop(dir.path()).arg("build").arg(&samples).args(["-o", "ra3", "--archive", "luu"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let md = std::fs::read_to_string(dir.path().join("ra3/bao-cao-2024-08.md")).unwrap();
    assert!(md.contains("được 56,25 triệu đồng (lũy kế từ đầu năm: 56,25 triệu đồng)[^"), "{md}");

    // A stock's year to date is its last value: this month's.
    let toml = tonghop::config::DEFAULT_TOML.replacen("code = \"TT01\"", "code = \"TT01\"\naggregate = \"last\"", 1);
    std::fs::write(dir.path().join("cau-hinh.toml"), toml).unwrap();
    let text = history_of_tt01(dir.path(), Some("cau-hinh.toml"));
    assert!(text.contains(&format!("ytd={august} ")), "{text}");
    assert!(text.contains("ytd_ly=8"), "{text}");
}

#[test]
fn an_unreadable_archived_month_is_named_and_counts_as_missing() {
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("luu");
    std::fs::create_dir(&archive).unwrap();
    archive_month(&archive, "2024-01", &[("an-my", "TT01", "10")]);
    std::fs::write(archive.join("tong-hop-2024-02.csv"), "not,the,header\r\n").unwrap();
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/2024-08");
    let out = tonghop(dir.path()).arg("build").arg(&samples).args(["-o", "ra", "--archive", "luu"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("không đọc được tháng lưu trữ \"tong-hop-2024-02.csv\""), "{stderr}");
    let text = history_of_tt01(dir.path(), None);
    assert!(text.contains("ytd=None") && text.contains("02/2024"), "{text}");
}

#[test]
fn a_first_build_has_no_history() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("luu")).unwrap();
    let text = history_of_tt01(dir.path(), None);
    assert!(text.contains("ytd=None same=None ytd_ly=None change=None missing=\n"), "{text}");
    let strings = crate::common::xlsx_part(&dir.path().join("ra/tong-hop-2024-08.xlsx"), "xl/sharedStrings.xml");
    assert!(!strings.contains("Lũy kế"), "no history columns on a first build");
}

/// `check --format json` of an inbox with `--archive luu`: (code, unit, indicator) of the O0x.
fn outliers(dir: &Path, period: &str) -> Vec<(String, String, String)> {
    let out = tonghop(dir).args(["check", "nhan", "--period", period, "--archive", "luu", "--format", "json"]).output();
    let json: serde_json::Value = serde_json::from_slice(&out.unwrap().stdout).unwrap();
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"].as_str().unwrap().starts_with('O'))
        .map(|f| {
            let s = |k: &str| f[k].as_str().unwrap_or_default().to_owned();
            (s("code"), s("unit"), s("indicator"))
        })
        .collect()
}

#[test]
fn a_figure_far_from_the_unit_s_history_is_flagged_and_a_short_or_steady_history_is_not() {
    let dir = tempfile::tempdir().unwrap();
    let config = Config::default_config();
    let (inbox, archive) = (dir.path().join("nhan"), dir.path().join("luu"));
    std::fs::create_dir(&inbox).unwrap();
    std::fs::create_dir(&archive).unwrap();
    // An Mỹ posts 10 or 12 items a month; An Sơn 30 or 31.
    for (m, (a, b)) in [(2, ("10", "30")), (3, ("12", "31")), (4, ("11", "30")), (5, ("10", "31")), (6, ("12", "30"))] {
        archive_month(&archive, &format!("2024-{m:02}"), &[("an-my", "TT01", a), ("an-son", "TT01", b)]);
    }
    let mut an_my = FilledSheet::standard(&config, Some("Phường An Mỹ"), "08/2024");
    an_my.set("TT01", support::form::V::Number(95.0));
    std::fs::write(inbox.join("an-my.xlsx"), FilledForm::new(an_my).to_xlsx().unwrap()).unwrap();
    let mut an_son = FilledSheet::standard(&config, Some("Phường An Sơn"), "08/2024");
    an_son.set("TT01", support::form::V::Number(31.0));
    std::fs::write(inbox.join("an-son.xlsx"), FilledForm::new(an_son).to_xlsx().unwrap()).unwrap();
    // Five earlier months: too short a history to judge.
    assert!(outliers(dir.path(), "2024-08").is_empty());
    // Six: 95 against about 11 is flagged; An Sơn's steady 31 is not.
    archive_month(&archive, "2024-07", &[("an-my", "TT01", "11"), ("an-son", "TT01", "31")]);
    let found = outliers(dir.path(), "2024-08");
    assert_eq!(found, [("O01".to_owned(), "an-my".to_owned(), "TT01".to_owned())]);
    let out = tonghop(dir.path()).args(["check", "nhan", "--period", "2024-08", "--archive", "luu"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("số liệu 95 khác xa các tháng trước của đơn vị (trung vị 11, từ 6 tháng 02/2024–07/2024)"),
        "{text}"
    );
}

#[test]
fn a_figure_far_from_the_other_units_is_flagged_only_among_enough_units() {
    let dir = tempfile::tempdir().unwrap();
    let config = Config::default_config();
    let inbox = dir.path().join("nhan");
    std::fs::create_dir(&inbox).unwrap();
    std::fs::create_dir(dir.path().join("luu")).unwrap();
    let write = |units: &[&str]| {
        for f in std::fs::read_dir(&inbox).unwrap() {
            std::fs::remove_file(f.unwrap().path()).unwrap();
        }
        for (k, code) in units.iter().enumerate() {
            let name = &config.unit(code).unwrap().name;
            let mut sheet = FilledSheet::standard(&config, Some(name), "08/2024");
            // Meetings: 3 to 5 everywhere, 45 at the first unit (GS03 allows up to 50).
            let meetings = if k == 0 { 45.0 } else { 3.0 + (k % 3) as f64 };
            sheet.set("GS03", support::form::V::Number(meetings));
            std::fs::write(inbox.join(format!("{code}.xlsx")), FilledForm::new(sheet).to_xlsx().unwrap()).unwrap();
        }
    };
    let codes: Vec<&str> = config.units.iter().map(|u| u.code.as_str()).collect();
    write(&codes[..8]);
    let found: Vec<_> = outliers(dir.path(), "2024-08").into_iter().filter(|f| f.2 == "GS03").collect();
    assert_eq!(found, [("O02".to_owned(), codes[0].to_owned(), "GS03".to_owned())]);
    // Six units are too few to tell an outlier from a spread.
    write(&codes[..6]);
    assert!(outliers(dir.path(), "2024-08").into_iter().all(|f| f.2 != "GS03"));
}

#[test]
fn an_archive_of_huge_figures_is_refused_not_a_crash() {
    // Hand-edited or hostile: figures whose sum or difference exceeds an exact decimal.
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("luu");
    std::fs::create_dir(&archive).unwrap();
    let huge = "79228162514264337593543950335";
    for m in 1..=7 {
        archive_month(&archive, &format!("2024-{m:02}"), &[("an-my", "TT01", huge), ("an-son", "TT01", huge)]);
    }
    archive_month(&archive, "2023-08", &[("an-my", "TT01", huge)]);
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/2024-08");
    let out = tonghop(dir.path()).arg("build").arg(&samples).args(["-o", "ra", "--archive", "luu"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("tong-hop-2024-01.csv"), "the month is named");
    let out = tonghop(dir.path()).args(["check"]).arg(&samples).args(["--archive", "luu"]).output().unwrap();
    assert!(out.status.code() == Some(0), "{}", String::from_utf8_lossy(&out.stderr));
}
