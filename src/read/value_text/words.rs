//! The words in a value cell's text besides the number, and the indicator's unit of measure:
//! words for zero, money words (scale and currency, with their factor in đồng) and the
//! indicator's own unit.

use rust_decimal::Decimal;

use super::{ParsedText, TextError, finish, money_factor};
use crate::names::fold::fold_keeping_punctuation;

/// Words that stand for zero, folded (see [`fold_keeping_punctuation`]).
const ZERO_WORDS: &[&str] = &["-", "\u{2013}", "\u{2014}", "\u{2212}", "khong", "khong co"];

/// Scale words of money, folded, with their factor in đồng.
const SCALE_WORDS: &[(&str, i64)] = &[
    ("nghin", 1_000),
    ("ngan", 1_000),
    ("ng", 1_000),
    ("trieu", 1_000_000),
    ("tr", 1_000_000),
    ("ty", 1_000_000_000),
    ("ti", 1_000_000_000),
];

/// A scale word and the currency written as one word (`trđ`, `ngđ`).
const FUSED_WORDS: &[(&str, i64)] = &[("ngd", 1_000), ("trd", 1_000_000)];

/// Currency words, folded: `đồng`, `đ`, `VNĐ`.
const CURRENCY_WORDS: &[&str] = &["dong", "d", "vnd"];

/// How a unit word found in the text relates to the indicator's unit.
pub(super) enum Unit {
    /// The indicator's own unit: the number stands as typed.
    Same,
    /// A money word, in a money field: the number is rescaled.
    Money { word: Decimal, field: Decimal },
}

/// The factor in đồng of a folded money phrase: scale words, then
/// optionally a currency word (`nghìn tỷ đồng`, `tr.đ`, `đ`).
pub(super) fn money_phrase(folded: &str, require_currency: bool) -> Option<Decimal> {
    let tokens: Vec<&str> = folded.split(|c: char| c.is_whitespace() || c == '.').filter(|t| !t.is_empty()).collect();
    // Real phrases have at most three words; the bound keeps the product
    // of scale words small.
    if tokens.is_empty() || tokens.len() > 4 {
        return None;
    }
    let mut factor = Decimal::ONE;
    let mut has_currency = false;
    for (i, token) in tokens.iter().enumerate() {
        let last = i + 1 == tokens.len();
        if let Some(&(_, f)) = SCALE_WORDS.iter().find(|(w, _)| w == token) {
            factor = factor.checked_mul(Decimal::from(f))?;
        } else if let Some(&(_, f)) = FUSED_WORDS.iter().find(|(w, _)| w == token) {
            if !last {
                return None;
            }
            factor = factor.checked_mul(Decimal::from(f))?;
            has_currency = true;
        } else if last && CURRENCY_WORDS.contains(token) {
            has_currency = true;
        } else {
            return None;
        }
    }
    (has_currency || !require_currency).then_some(factor)
}

/// Decides what a unit word means for a field of `indicator_unit`.
pub(super) fn classify_unit(word: &str, attached: bool, indicator_unit: &str) -> Result<Unit, TextError> {
    let folded = fold_keeping_punctuation(word);
    if !folded.is_empty() && folded == fold_keeping_punctuation(indicator_unit) {
        return Ok(Unit::Same);
    }
    if let Some(word_factor) = money_phrase(&folded, false) {
        return match money_factor(indicator_unit) {
            Some(field) => Ok(Unit::Money { word: word_factor, field }),
            None => Err(TextError::UnitMismatch { word: word.to_string() }),
        };
    }
    // Name the word only when it looks like one: `12 người`, or `12người`
    // glued on but made of letters. `12a`, `1e5` and `12 %` are not
    // numbers rather than numbers with an odd unit.
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let wordlike = if attached {
        letters >= 2
            && word
                .chars()
                .all(|c| c.is_alphabetic() || c.is_whitespace() || unicode_normalization::char::is_combining_mark(c))
    } else {
        letters >= 1
    };
    if wordlike { Err(TextError::UnknownUnit { word: word.to_string() }) } else { Err(TextError::NotANumber) }
}

/// Recognises a zero word, alone or followed by an accepted unit word
/// (`- đồng`, `không cuộc`). `Ok(None)` when the text is no zero word.
pub(super) fn parse_zero_word(text: &str, indicator_unit: &str) -> Result<Option<ParsedText>, TextError> {
    if ZERO_WORDS.contains(&fold_keeping_punctuation(text).as_str()) {
        return finish(Decimal::ZERO, None, None, None, true, false).map(Some);
    }
    for words in [2, 1] {
        let (head, rest) = split_words(text, words);
        if rest.is_empty() || !ZERO_WORDS.contains(&fold_keeping_punctuation(head).as_str()) {
            continue;
        }
        return match classify_unit(rest, false, indicator_unit) {
            Ok(unit) => finish(Decimal::ZERO, None, Some(rest), Some(unit), true, false).map(Some),
            Err(e @ TextError::UnitMismatch { .. }) => Err(e),
            // `- 5`, `không rõ`: a dash or "không" with something else is
            // not a reading we can vouch for.
            Err(_) => Err(TextError::NotANumber),
        };
    }
    Ok(None)
}

/// Splits `text` after its first `n` whitespace-separated words.
fn split_words(text: &str, n: usize) -> (&str, &str) {
    let mut rest = text;
    for _ in 0..n {
        rest = rest.trim_start();
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        rest = &rest[end..];
    }
    let head = &text[..text.len() - rest.len()];
    (head.trim(), rest.trim())
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use rust_decimal::Decimal;

    use crate::read::value_text::tests::{dec, format_vietnamese, mismatch, ok, run, separator, unknown};
    use crate::read::value_text::{TextError, money_factor, parse_value_text};

    #[test]
    #[rustfmt::skip]
    fn zero_words() {
        run(vec![
            ("hyphen", "-", "cuộc", Ok(ok("0").zero())),
            ("en_dash", "\u{2013}", "cuộc", Ok(ok("0").zero())),
            ("em_dash", "\u{2014}", "cuộc", Ok(ok("0").zero())),
            ("unicode_minus_alone", "\u{2212}", "cuộc", Ok(ok("0").zero())),
            ("khong", "không", "cuộc", Ok(ok("0").zero())),
            ("khong_unaccented", "khong", "cuộc", Ok(ok("0").zero())),
            ("khong_capitalised", "Không", "cuộc", Ok(ok("0").zero())),
            ("khong_upper_case", "KHÔNG", "cuộc", Ok(ok("0").zero())),
            ("khong_nfd", "kho\u{302}ng", "cuộc", Ok(ok("0").zero())),
            ("khong_co", "không có", "cuộc", Ok(ok("0").zero())),
            ("khong_co_spaced", " Không  có ", "cuộc", Ok(ok("0").zero())),
            ("dash_in_money_field", "-", "triệu đồng", Ok(ok("0").zero())),
            ("dash_with_money_word", "- đồng", "triệu đồng", Ok(ok("0").zero().unit("đồng").conv())),
            ("khong_with_own_unit", "không cuộc", "cuộc", Ok(ok("0").zero().unit("cuộc"))),
            ("khong_co_with_own_unit", "không có cuộc", "cuộc", Ok(ok("0").zero().unit("cuộc"))),
            ("dash_with_money_word_count_field", "- triệu", "lượt", Err(mismatch("triệu"))),
            // `0` is a number, not a zero word: nothing to report.
            ("digit_zero", "0", "cuộc", Ok(ok("0"))),
            ("digit_zero_with_unit", "0 cuộc", "cuộc", Ok(ok("0").unit("cuộc"))),
        ]);
    }

    #[test]
    #[rustfmt::skip]
    fn money_units() {
        run(vec![
            ("dong_to_trieu", "60.000.000 đồng", "triệu đồng", Ok(ok("60").unit("đồng").conv())),
            ("trieu_in_trieu_dong", "60 triệu", "triệu đồng", Ok(ok("60").unit("triệu"))),
            ("trieu_dong_in_trieu_dong", "60 triệu đồng", "triệu đồng", Ok(ok("60").unit("triệu đồng"))),
            ("ty_to_trieu", "1,5 tỷ", "triệu đồng", Ok(ok("1500").unit("tỷ").conv())),
            ("ty_dong_to_trieu", "1,5 tỷ đồng", "triệu đồng", Ok(ok("1500").unit("tỷ đồng").conv())),
            ("trieu_to_ty", "500 triệu", "tỷ đồng", Ok(ok("0.5").unit("triệu").conv())),
            ("ty_dong_in_ty_dong", "3,3864 tỷ đồng", "tỷ đồng", Ok(ok("3.3864").unit("tỷ đồng"))),
            ("ti_spelling_in_ty_field", "2 tỉ", "tỷ đồng", Ok(ok("2").unit("tỉ"))),
            ("ty_unaccented", "2 ty", "triệu đồng", Ok(ok("2000").unit("ty").conv())),
            ("tr_glued", "60tr", "triệu đồng", Ok(ok("60").unit("tr"))),
            ("tr_glued_to_ty", "60tr", "tỷ đồng", Ok(ok("0.06").unit("tr").conv())),
            ("ty_glued", "1,5tỷ", "triệu đồng", Ok(ok("1500").unit("tỷ").conv())),
            ("tr_dot_d", "60 tr.đ", "triệu đồng", Ok(ok("60").unit("tr.đ"))),
            ("trd_fused", "60 trđ", "tỷ đồng", Ok(ok("0.06").unit("trđ").conv())),
            ("tr_with_trailing_dot", "60 tr.", "triệu đồng", Ok(ok("60").unit("tr."))),
            ("nghin_to_dong", "500 nghìn", "đồng", Ok(ok("500000").unit("nghìn").conv())),
            ("ngan_to_dong", "500 ngàn", "đồng", Ok(ok("500000").unit("ngàn").conv())),
            ("ng_to_dong", "500 ng", "đồng", Ok(ok("500000").unit("ng").conv())),
            ("nghin_ty", "1 nghìn tỷ", "tỷ đồng", Ok(ok("1000").unit("nghìn tỷ").conv())),
            ("vnd_prefix", "VNĐ 500.000", "đồng", Ok(ok("500000").en("500").unit("VNĐ"))),
            ("vnd_prefix_to_nghin", "VNĐ 500.000", "nghìn đồng", Ok(ok("500").en("0.5").unit("VNĐ").conv())),
            ("vnd_prefix_glued", "VNĐ500.000", "đồng", Ok(ok("500000").en("500").unit("VNĐ"))),
            ("vnd_lowercase_suffix", "500.000 vnd", "đồng", Ok(ok("500000").en("500").unit("vnd"))),
            ("d_abbreviation", "500.000đ", "nghìn đồng", Ok(ok("500").en("0.5").unit("đ").conv())),
            ("dong_unaccented", "500.000 dong", "đồng", Ok(ok("500000").en("500").unit("dong"))),
            ("dong_capitalised", "500.000 Đồng", "đồng", Ok(ok("500000").en("500").unit("Đồng"))),
            ("field_unit_capitalised", "1,5 tỷ", "Triệu Đồng", Ok(ok("1500").unit("tỷ").conv())),
            ("field_unit_abbreviated", "1,5 tỷ", "tr.đ", Ok(ok("1500").unit("tỷ").conv())),
            ("field_unit_nfd", "1,5 tỷ", "trie\u{302}\u{323}u đo\u{302}\u{300}ng", Ok(ok("1500").unit("tỷ").conv())),
            // The English reading is converted too.
            ("ambiguous_converted", "1.250 triệu", "tỷ đồng", Ok(ok("1.25").en("0.00125").unit("triệu").conv())),
            ("dot_decimal_converted", "12.5 triệu", "tỷ đồng", Ok(ok("0.0125").unit("triệu").conv().dot())),
            ("negative_converted", "-1,5 tỷ", "triệu đồng", Ok(ok("-1500").unit("tỷ").conv())),
            ("zero_converted", "0 triệu", "tỷ đồng", Ok(ok("0").unit("triệu").conv())),
            ("money_word_in_count_field", "60 triệu", "lượt", Err(mismatch("triệu"))),
            ("dong_in_count_field", "500 đồng", "cuộc", Err(mismatch("đồng"))),
            ("vnd_prefix_in_count_field", "VNĐ 500", "cuộc", Err(mismatch("VNĐ"))),
            // Decided: a bare `triệu` unit is not money (could count people).
            ("bare_trieu_field_same_word", "60 triệu", "triệu", Ok(ok("60").unit("triệu"))),
            ("bare_trieu_field_other_money_word", "1 tỷ", "triệu", Err(mismatch("tỷ"))),
            ("approximately_prefix", "khoảng 500 triệu", "triệu đồng", Err(unknown("khoảng"))),
            ("foreign_currency", "500 USD", "đồng", Err(unknown("USD"))),
        ]);
    }

    #[test]
    #[rustfmt::skip]
    fn other_units() {
        run(vec![
            ("own_unit", "12 cuộc", "cuộc", Ok(ok("12").unit("cuộc"))),
            ("own_unit_capitalised", "12 Cuộc", "cuộc", Ok(ok("12").unit("Cuộc"))),
            ("own_unit_unaccented", "12 cuoc", "cuộc", Ok(ok("12").unit("cuoc"))),
            ("own_unit_nfd", "12 cuo\u{323}\u{302}c", "cuộc", Ok(ok("12").unit("cuộc"))),
            ("field_unit_nfd", "12 cuộc", "cuo\u{323}\u{302}c", Ok(ok("12").unit("cuộc"))),
            ("own_unit_glued", "12cuộc", "cuộc", Ok(ok("12").unit("cuộc"))),
            ("own_unit_trailing_dot", "12 cuộc.", "cuộc", Ok(ok("12").unit("cuộc."))),
            ("own_unit_two_words", "3 hội nghị", "hội nghị", Ok(ok("3").unit("hội nghị"))),
            ("own_unit_two_words_extra_space", "3 hội  nghị", "Hội nghị", Ok(ok("3").unit("hội  nghị"))),
            ("leading_zero_with_unit", "08 lượt", "lượt", Ok(ok("8").unit("lượt"))),
            ("percent_glued", "12,5%", "%", Ok(ok("12.5").unit("%"))),
            ("percent_spaced", "12,5 %", "%", Ok(ok("12.5").unit("%"))),
            ("unit_with_digit", "12 m2", "m2", Ok(ok("12").unit("m2"))),
            ("grouped_with_unit", "1.250 lượt", "lượt", Ok(ok("1250").en("1.25").unit("lượt"))),
            ("space_grouped_with_unit", "1 250 lượt", "lượt", Ok(ok("1250").unit("lượt"))),
            ("other_word", "12 người", "cuộc", Err(unknown("người"))),
            ("other_word_glued", "12người", "cuộc", Err(unknown("người"))),
            ("other_word_no_field_unit", "12 người", "", Err(unknown("người"))),
            ("word_before_count", "khoảng 12", "cuộc", Err(unknown("khoảng"))),
            ("single_letter_glued", "12a", "cuộc", Err(TextError::NotANumber)),
            ("single_letter_spaced", "12 a", "cuộc", Err(unknown("a"))),
            ("trailing_words", "12 cuộc họp", "cuộc", Err(unknown("cuộc họp"))),
            ("digits_after_unit", "12 cuộc 3", "cuộc", Err(unknown("cuộc 3"))),
        ]);
    }

    #[test]
    fn money_factor_table() {
        let cases: &[(&str, Option<&str>)] = &[
            ("đồng", Some("1")),
            ("Đồng", Some("1")),
            ("VNĐ", Some("1")),
            ("vnd", Some("1")),
            ("đ", Some("1")),
            ("nghìn đồng", Some("1000")),
            ("ngàn đồng", Some("1000")),
            ("Nghìn Đồng", Some("1000")),
            ("triệu đồng", Some("1000000")),
            ("trieu dong", Some("1000000")),
            ("triệu VNĐ", Some("1000000")),
            ("tr.đ", Some("1000000")),
            ("trđ", Some("1000000")),
            ("Tr. đồng", Some("1000000")),
            ("tỷ đồng", Some("1000000000")),
            ("tỉ đồng", Some("1000000000")),
            ("nghìn tỷ đồng", Some("1000000000000")),
            ("  tỷ   đồng ", Some("1000000000")),
            ("triệu", None),
            ("tỷ", None),
            ("đồng triệu", None),
            ("cuộc", None),
            ("lượt", None),
            ("%", None),
            ("", None),
            ("USD", None),
        ];
        for (unit, want) in cases {
            assert_eq!(money_factor(unit), want.map(dec), "money_factor({unit:?})");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn money_words_convert_exactly(
            mantissa in any::<i64>(),
            scale in 0u32..=10,
            sep in separator(),
        ) {
            let d = Decimal::new(mantissa, scale);
            let text = format_vietnamese(d, sep);
            let up = parse_value_text(&format!("{text} tỷ"), "triệu đồng");
            prop_assert_eq!(up.map(|p| p.value), Ok(d * Decimal::from(1000)));
            let down = parse_value_text(&format!("{text}triệu"), "tỷ đồng");
            prop_assert_eq!(down.map(|p| p.value), Ok(d / Decimal::from(1000)));
        }
    }
}
