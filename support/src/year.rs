//! A generated year of history: the 13 units' monthly forms of 2024, for `samples/2024/`, so
//! the archive, year-to-date figures and the plausibility checks have months to work on.
//!
//! August is the seed month: its forms are [`august_2024`]'s, the bytes of `samples/2024-08`.
//! The other months are seeded around each unit's August figures: the same figures every run
//! (a hash of unit, indicator and month, no random generator), each unit within a stable range
//! of its own, larger units larger every month. Not every unit does every activity every month:
//! a unit reports voters' meetings around the council's sessions, visits to religious
//! establishments around Tết, Phật đản, Vu lan and Christmas, fund-raising around Tết and the
//! month for the poor (October–November), commendations at the year's end. Whatever the draws
//! give, no figure is an outlier for `tonghop`'s plausibility checks (O01 against the unit's
//! own earlier months, O02 against the other units that month): a figure that would be is
//! moved towards the unit's usual one, as little as makes it fit.

use std::collections::BTreeMap;

use crate::form::{FilledForm, FilledSheet, V};
use crate::samples::{AUGUST_2024, UnitFigures, august_2024};
use tonghop::config::Config;

/// The seed month, whose forms are `samples/2024-08`'s.
pub const AUGUST: u32 = 8;

/// The inbox folder of a month of 2024 under `samples/2024/`: `2024-01`.
pub fn month_dir(month: u32) -> String {
    format!("2024-{month:02}")
}

/// The twelve months of 2024: (month, forms as (file name, form)) in configuration order.
/// August's are [`august_2024`]'s; its converted units (`CONVERTED`) are written as the
/// converted files of `samples/2024-08`.
///
/// # Panics
/// If `config` lacks a unit of the samples (they are written for the default configuration).
pub fn year_2024(config: &Config) -> Vec<(u32, Vec<(String, FilledForm)>)> {
    let year = figures();
    (1..=12)
        .map(|m| {
            if m == AUGUST {
                return (m, august_2024(config));
            }
            let forms = AUGUST_2024
                .iter()
                .enumerate()
                .map(|(u, seed)| {
                    let unit = config.unit(seed.code).expect("the samples use the default configuration");
                    let mut sheet = FilledSheet::standard(config, Some(&unit.name), &format!("{m:02}/2024"));
                    let day = 20 + (draw(u, "Ngày lập", m, 0) * 9.0) as u8;
                    sheet.header("Ngày lập", V::Date(2024, m as u8, day)).header("Người lập", V::text(seed.preparer));
                    for code in CODES {
                        let Some(&value) = year[m as usize - 1].get(&(u, code)) else { continue };
                        sheet.set(code, V::Number(value));
                        if let Some(note) = note(u, code, m) {
                            sheet.note(code, note);
                        }
                    }
                    (format!("{}.xlsx", seed.code), FilledForm::new(sheet))
                })
                .collect();
            (m, forms)
        })
        .collect()
}

/// The indicators of the default configuration, in its order.
const CODES: [&str; 17] = [
    "TT01", "TT02", "TT03", "TT04", "VD01", "VD02", "VD03", "VD04", "GS01", "GS02", "GS03", "GS04", "GS05", "DN01",
    "CB01", "CB02", "KT01",
];

/// One month's figures: (unit index in configuration order, indicator code) → value.
type Figures = BTreeMap<(usize, &'static str), f64>;

/// How a unit's figure of an indicator moves from month to month.
#[derive(Clone, Copy)]
enum Shape {
    /// Within ±12 % of the unit's level, whole (interactions, participants, trainees).
    Level,
    /// A small count: the unit's level, sometimes one more or one less (posts, works, visits).
    Small,
    /// Always the unit's level (a meeting, a forum, a class: held or not).
    Fixed,
    /// Within ±15 % of the unit's level, rounded to 1/`steps` of the indicator's unit.
    Amount(f64),
}

fn shape(code: &str) -> Shape {
    match code {
        "TT02" | "TT04" | "CB02" => Shape::Level,
        "TT01" | "VD03" | "DN01" => Shape::Small,
        "VD01" => Shape::Amount(2.0),    // triệu đồng, to the half million
        "VD04" => Shape::Amount(1000.0), // tỷ đồng, to the million
        _ => Shape::Fixed,
    }
}

/// The chance a unit reports an indicator in a month (August's figures are the seed's). VD04
/// and CB02 are drawn with VD03 and CB01: a value without works, or trainees without a class,
/// would break rules R01 and R03.
fn chance(code: &str, month: u32, in_august: bool) -> f64 {
    let often = |months: &[u32], yes: f64, no: f64| if months.contains(&month) { yes } else { no };
    let usual = if in_august { 0.2 } else { 0.0 };
    match code {
        "TT01" | "TT02" => 1.0,
        "TT04" | "VD03" => 0.85,
        "TT03" => 0.2,
        // Tết, and the month for the poor (17/10–18/11).
        "VD01" => often(&[1, 10, 11], 0.6, 0.25) + usual,
        "VD02" => 0.08,
        "GS01" | "GS05" => 0.15,
        // Before and after the council's mid-year and year-end sessions.
        "GS02" => often(&[6, 7, 11, 12], 0.9, 0.35),
        "GS03" => 0.35,
        "GS04" => 0.2 + 1.5 * usual,
        // Tết (10/02/2024), Phật đản, Christmas.
        "DN01" => often(&[1, 2, 5, 12], 0.85, 0.3) + usual,
        "CB01" => often(&[3, 4], 0.7, 0.4),
        "KT01" => often(&[12], 0.6, 0.06),
        _ => 0.0,
    }
}

/// The unit's usual figure: its August one, else one for its size.
fn level(seed: &UnitFigures, code: &str) -> f64 {
    let august = |c: &str| seed.values.iter().find(|v| v.0 == c).map(|v| v.1);
    // Size by the interactions on social media: 74 (Tam Ngọc) to 245 (Hòa Hương), median 142.
    let size = august("TT02").unwrap_or(142.0) / 142.0;
    august(code).unwrap_or(match code {
        "VD01" => (size * 20.0).round() / 2.0,
        _ => 1.0,
    })
}

/// A seeded draw in [0, 1) for a unit, an indicator (or another name), a month and a purpose.
fn draw(unit: usize, code: &str, month: u32, purpose: u64) -> f64 {
    let mut h = 0x2024_0000_0000_0000 ^ purpose;
    for b in code.bytes().chain([unit as u8, month as u8]) {
        h = mix(h ^ u64::from(b));
    }
    (h >> 11) as f64 / (1u64 << 53) as f64
}

/// SplitMix64's finaliser.
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A unit's figure of an indicator in a month, before the plausibility repairs.
fn value(u: usize, seed: &UnitFigures, code: &str, month: u32) -> f64 {
    let level = level(seed, code);
    let d = draw(u, code, month, 1);
    match shape(code) {
        Shape::Level => (level * (0.88 + 0.24 * d)).round(),
        Shape::Small if d < 0.2 => (level - 1.0).max(1.0),
        Shape::Small if d >= 0.8 => level + 1.0,
        Shape::Small | Shape::Fixed => level,
        Shape::Amount(_) => rounded(code, level * (0.85 + 0.3 * d)),
    }
}

/// A figure as the indicator is written: whole, or to its amount's step.
fn rounded(code: &str, v: f64) -> f64 {
    match shape(code) {
        Shape::Amount(steps) => (v * steps).round() / steps,
        _ => v.round(),
    }
}

/// The year's figures, month by month (index 0 is January).
fn figures() -> Vec<Figures> {
    let mut year: Vec<Figures> = Vec::new();
    for month in 1..=12 {
        let mut figures = Figures::new();
        for (u, seed) in AUGUST_2024.iter().enumerate() {
            if month == AUGUST {
                figures.extend(seed.values.iter().map(|(code, v, _)| ((u, *code), *v)));
                continue;
            }
            for code in CODES {
                let drawn_with = match code {
                    "VD04" => "VD03",
                    "CB02" => "CB01",
                    _ => code,
                };
                let in_august = seed.values.iter().any(|v| v.0 == drawn_with);
                if draw(u, drawn_with, month, 2) < chance(drawn_with, month, in_august) {
                    figures.insert((u, code), value(u, seed, code, month));
                }
            }
        }
        if month != AUGUST {
            repair(&year, &mut figures);
        }
        year.push(figures);
    }
    year
}

/// `tonghop`'s thresholds less a margin: what the repairs keep every figure below.
const HISTORY_Z: f64 = 3.2;
const SIBLINGS_Z: f64 = 4.5;
/// As in `tonghop`: a unit's months compared from 6, a month's units from 7.
const MIN_MONTHS: usize = 6;
const MIN_SIBLINGS: usize = 7;

/// Moves a figure far from the other units' this month, or from the unit's own earlier months,
/// towards the unit's usual figure (the middle of its earlier months), else the month's, as
/// little as makes it fit.
fn repair(earlier: &[Figures], figures: &mut Figures) {
    let keys: Vec<(usize, &'static str)> = figures.keys().copied().collect();
    for (u, code) in keys {
        let history = history(earlier, u, code);
        let siblings: Vec<f64> = figures.iter().filter(|(k, _)| k.1 == code).map(|(_, v)| *v).collect();
        let value = figures[&(u, code)];
        let outlier = |v: f64| {
            (history.len() >= MIN_MONTHS && far(&history, v, HISTORY_Z))
                || (siblings.len() >= MIN_SIBLINGS && far(&siblings, v, SIBLINGS_Z))
        };
        if !outlier(value) {
            continue;
        }
        // The nearest figure on the way to the unit's usual one, else to the month's.
        let targets = [middle(&history), middle(&siblings)].into_iter().flatten();
        let steps = targets.flat_map(|t| (1..=8).map(move |k| rounded(code, value + (t - value) * f64::from(k) / 8.0)));
        let nearest = steps.into_iter().find(|v| !outlier(*v));
        figures.insert((u, code), nearest.unwrap_or(value));
    }
}

/// A unit's figures of an indicator in the months before, in order.
fn history(earlier: &[Figures], u: usize, code: &str) -> Vec<f64> {
    earlier.iter().filter_map(|f| f.get(&(u, code)).copied()).collect()
}

/// The lower of the middle figures: one of them, never between two.
fn middle(values: &[f64]) -> Option<f64> {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    sorted.get(sorted.len().checked_sub(1)? / 2).copied()
}

/// Whether `value` is at least `z` modified z-scores from `group`, as `tonghop` measures it
/// (src/validate/plausibility.rs): the MAD, else the mean absolute deviation × 1.253314, else
/// more than 10 and more than half the median away.
fn far(group: &[f64], value: f64, z: f64) -> bool {
    let median = |v: &[f64]| {
        let mut s = v.to_vec();
        s.sort_by(f64::total_cmp);
        let n = s.len();
        if n % 2 == 1 { s[n / 2] } else { (s[n / 2 - 1] + s[n / 2]) / 2.0 }
    };
    let centre = median(group);
    let deviations: Vec<f64> = group.iter().map(|v| (v - centre).abs()).collect();
    let mad = median(&deviations);
    let spread = if mad > 0.0 { mad } else { deviations.iter().sum::<f64>() / group.len() as f64 * 1.253314 };
    let distance = (value - centre).abs();
    if spread > 0.0 { 0.6745 * distance / spread >= z } else { distance > 10.0 && distance > 0.5 * centre.abs() }
}

/// A short note for an indicator whose notes feed the report's footnotes, on most months.
fn note(u: usize, code: &str, month: u32) -> Option<&'static str> {
    let (pool, chance): (&[&str], f64) = match code {
        "TT03" => (
            &[
                "Chương trình văn nghệ chào mừng Đại hội MTTQ Việt Nam các cấp",
                "Hội thi văn nghệ quần chúng các khu dân cư",
                "Giải bóng chuyền hơi chào mừng Đại hội",
                "Triển lãm ảnh hoạt động của Mặt trận",
            ],
            0.9,
        ),
        "VD02" => (
            &[
                "Bàn giao nhà Đại đoàn kết cho hộ nghèo",
                "Bàn giao nhà Đại đoàn kết cho hộ cận nghèo",
                "Hỗ trợ xây mới nhà Đại đoàn kết cho hộ khó khăn về nhà ở",
            ],
            1.0,
        ),
        "VD03" => (
            &[
                "Bê tông hóa đường kiệt; trồng cây xanh",
                "Sửa chữa nhà văn hóa khu dân cư",
                "Lắp đèn chiếu sáng đường thôn",
                "Chỉnh trang tuyến đường hoa",
                "Nạo vét kênh mương; vệ sinh môi trường",
            ],
            0.25,
        ),
        "GS01" => (
            &[
                "Giám sát thực hiện chính sách bảo hiểm y tế",
                "Giám sát vệ sinh an toàn thực phẩm",
                "Giám sát thu, chi các khoản đóng góp tự nguyện",
            ],
            0.9,
        ),
        "GS03" => (
            &[
                "Đối thoại về cải cách hành chính",
                "Đối thoại về vệ sinh môi trường khu dân cư",
                "Đối thoại về bồi thường, giải phóng mặt bằng",
                "Đối thoại với đoàn viên, thanh niên",
            ],
            0.9,
        ),
        "GS05" => (
            &["Tọa đàm về công tác hòa giải ở cơ sở", "Tọa đàm nâng cao hiệu quả Ban công tác Mặt trận khu dân cư"],
            0.9,
        ),
        "KT01" => {
            (&["Đề nghị khen thưởng Ban công tác Mặt trận khu dân cư", "Đề nghị khen thưởng cá nhân tiêu biểu"], 0.8)
        }
        _ => return None,
    };
    (draw(u, code, month, 3) < chance).then(|| pool[(draw(u, code, month, 4) * pool.len() as f64) as usize])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every month: each unit's figures against its earlier months (O01) and the other units'
    /// (O02), at `tonghop`'s own thresholds; August, which is not repaired, included.
    #[test]
    fn no_figure_of_the_year_is_an_outlier() {
        let year = figures();
        let mut outliers = Vec::new();
        for (m, figures) in year.iter().enumerate() {
            for (&(u, code), &v) in figures {
                let history = history(&year[..m], u, code);
                let siblings: Vec<f64> = figures.iter().filter(|(k, _)| k.1 == code).map(|(_, v)| *v).collect();
                if history.len() >= MIN_MONTHS && far(&history, v, 3.5) {
                    outliers.push(format!("O01 {} {code} month {} = {v}: {history:?}", AUGUST_2024[u].code, m + 1));
                }
                if siblings.len() >= MIN_SIBLINGS && far(&siblings, v, 5.0) {
                    outliers.push(format!("O02 {} {code} month {} = {v}: {siblings:?}", AUGUST_2024[u].code, m + 1));
                }
            }
        }
        assert!(outliers.is_empty(), "{outliers:#?}");
    }

    #[test]
    fn works_and_their_value_and_classes_and_trainees_come_together() {
        for figures in figures() {
            for u in 0..AUGUST_2024.len() {
                let has = |code| figures.contains_key(&(u, code));
                assert_eq!(has("VD03"), has("VD04"));
                if has("CB02") {
                    assert!(has("CB01"));
                }
            }
        }
    }
}
