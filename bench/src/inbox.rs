//! One month's inbox for N units: each unit's filled form (the template's layout, written by
//! `support`'s sample writer), with plausible figures drawn from a seeded generator, mostly
//! .xlsx and about 1 % each .xls and .ods converted with LibreOffice.

use std::path::{Path, PathBuf};
use std::process::Command;

use support::form::{FilledForm, FilledSheet, V};
use tonghop::config::Config;

use crate::{PERIOD, Rng};

/// The seed of every inbox: unit `i`'s figures depend on this and `i` only, so the files of
/// the first 13 units are the same in every size.
pub const SEED: u64 = 0x7469_6E68_2024_0811;

/// Who prepares a unit's report.
const PREPARERS: &[&str] = &[
    "Nguyễn Thị Hoa",
    "Lê Văn Tâm",
    "Phạm Thị Lan",
    "Trần Minh Đức",
    "Võ Thị Mai",
    "Huỳnh Văn Nam",
    "Đặng Thị Thu",
    "Ngô Văn Hùng",
    "Lý Thị Ngọc",
    "Phan Văn Lợi",
    "Bùi Thị Hằng",
    "Trương Thị Yến",
];

/// Notes a unit writes for the indicators whose notes go into the report's footnotes.
const NOTES: &[(&str, &[&str])] = &[
    ("TT03", &["Chương trình văn nghệ chào mừng Đại hội MTTQ các cấp", "Hội thi “Tiếng hát khu dân cư”"]),
    ("VD02", &["Bàn giao nhà Đại đoàn kết cho hộ cận nghèo", "Khởi công nhà Đại đoàn kết cho hộ nghèo"]),
    ("VD03", &["Bê tông hóa đường kiệt; sửa chữa nhà văn hóa thôn", "Trồng cây xanh; lắp đèn chiếu sáng đường quê"]),
    ("GS01", &["Giám sát thực hiện chính sách bảo hiểm y tế", "Giám sát các khoản đóng góp tự nguyện của Nhân dân"]),
    ("GS03", &["Đối thoại giữa Bí thư Đảng ủy với Nhân dân", "Đối thoại về cải cách hành chính và chuyển đổi số"]),
    ("GS05", &["Tọa đàm nâng cao chất lượng hòa giải cơ sở", "Tọa đàm về xây dựng khu dân cư văn hóa"]),
    ("KT01", &["Đề nghị khen thưởng Ban công tác Mặt trận thôn", "Đề nghị khen thưởng 01 cá nhân tiêu biểu"]),
];

/// The format unit `i` (1-based) sends: about 1 % each .xls and .ods, at least one of each
/// from 13 units on (units 3 and 7 of every hundred).
pub fn format_of(i: usize) -> &'static str {
    match i % 100 {
        3 => "xls",
        7 => "ods",
        _ => "xlsx",
    }
}

/// Unit `i`'s (1-based) form: the rules of the configuration hold (a value of works comes with
/// works, a training's participants with a class), every value is within its indicator's `max`,
/// money has at most three decimals.
pub fn form(config: &Config, i: usize) -> FilledForm {
    let unit = &config.units[i - 1];
    let mut rng = Rng::new(SEED ^ (i as u64).wrapping_mul(0x2545_F491_4F6C_DD1D));
    let mut s = FilledSheet::standard(config, Some(&unit.name), PERIOD);
    s.header("Ngày lập", V::Date(2024, 8, rng.range(20, 28) as u8))
        .header("Người lập", V::text(rng.pick::<&str>(PREPARERS)));
    count(&mut s, &mut rng, "TT01", 1.0, 1, 5);
    count(&mut s, &mut rng, "TT02", 0.95, 40, 320);
    count(&mut s, &mut rng, "TT03", 0.3, 1, 2);
    count(&mut s, &mut rng, "TT04", 0.9, 300, 1500);
    if rng.chance(0.3) {
        // Triệu đồng with two decimals, as a receipt gives it.
        s.set("VD01", V::Number(rng.range(100, 3000) as f64 / 100.0));
    }
    count(&mut s, &mut rng, "VD02", 0.08, 1, 2);
    let works = count(&mut s, &mut rng, "VD03", 0.9, 1, 4);
    if works > 0 {
        // Tỷ đồng with three decimals, 0.15 to 0.6 a work: R01, R02 and R04 hold.
        let value = works * rng.range(150, 600);
        s.set("VD04", V::Number(value as f64 / 1000.0));
    }
    count(&mut s, &mut rng, "GS01", 0.2, 1, 1);
    count(&mut s, &mut rng, "GS02", 0.95, 1, 1);
    count(&mut s, &mut rng, "GS03", 0.6, 1, 1);
    count(&mut s, &mut rng, "GS04", 0.5, 1, 2);
    count(&mut s, &mut rng, "GS05", 0.25, 1, 1);
    count(&mut s, &mut rng, "DN01", 0.5, 1, 3);
    if count(&mut s, &mut rng, "CB01", 0.9, 1, 2) > 0 {
        count(&mut s, &mut rng, "CB02", 1.0, 20, 60);
    }
    count(&mut s, &mut rng, "KT01", 0.15, 1, 2);
    FilledForm::new(s)
}

/// Sets indicator `code` to a whole number in `lo..=hi` with probability `p`, with a note when
/// the indicator's notes go into the report; returns the value (0: left empty).
fn count(s: &mut FilledSheet, rng: &mut Rng, code: &str, p: f64, lo: u64, hi: u64) -> u64 {
    let v = if rng.chance(p) { rng.range(lo, hi) } else { 0 };
    if v > 0 {
        s.set(code, V::Number(v as f64));
        if let Some((_, notes)) = NOTES.iter().find(|(c, _)| *c == code) {
            s.note(code, rng.pick::<&str>(notes));
        }
    }
    v
}

/// The file name unit `i` sends, in the format it sends.
pub fn file_name(config: &Config, i: usize) -> String {
    format!("{}.{}", config.units[i - 1].code, format_of(i))
}

/// Converts the .xlsx `files` to `ext` into `out_dir` in one LibreOffice run (one start of
/// soffice per file costs seconds each). A private profile, so a LibreOffice the user has open
/// neither blocks the run nor is disturbed by it.
///
/// # Errors
/// When soffice cannot be run or a converted file is missing.
pub fn convert(files: &[PathBuf], ext: &str, out_dir: &Path, profile: &Path) -> Result<(), String> {
    if files.is_empty() {
        return Ok(());
    }
    let out = Command::new("soffice")
        .arg(format!("-env:UserInstallation=file://{}", profile.display()))
        .args(["--headless", "--convert-to", ext, "--outdir"])
        .arg(out_dir)
        .args(files)
        .output()
        .map_err(|e| format!("soffice (LibreOffice) could not be run: {e}"))?;
    let missing: Vec<String> = files
        .iter()
        .filter_map(|f| {
            let converted = out_dir.join(f.with_extension(ext).file_name()?);
            (!converted.exists()).then(|| converted.display().to_string())
        })
        .collect();
    if !out.status.success() || !missing.is_empty() {
        // Its chatter (`failed to launch javaldx`) is shown only when something went wrong.
        let said = String::from_utf8_lossy(&out.stderr);
        return Err(format!("soffice did not convert to .{ext} ({}): missing {missing:?}\n{said}", out.status));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_mostly_xlsx_with_some_xls_and_ods() {
        let count = |n: usize, ext: &str| (1..=n).filter(|&i| format_of(i) == ext).count();
        assert_eq!((count(13, "xls"), count(13, "ods")), (1, 1));
        assert_eq!((count(10_000, "xls"), count(10_000, "ods")), (100, 100));
    }

    #[test]
    fn figures_are_seeded() {
        let units = crate::units::units(13);
        let config = Config::parse(&crate::units::config_toml(&units)).unwrap();
        assert_eq!(form(&config, 5), form(&config, 5));
        assert_ne!(form(&config, 5).sheets[0].rows, form(&config, 6).sheets[0].rows);
    }
}
