//! Reading the text typed into a value cell of a Vietnamese report.
//!
//! Reports are filled in by hand, so a value cell often holds text rather
//! than a number: `1.250`, `60 triệu`, `12 cuộc`, `-`, `không`. This module
//! turns such text into an exact decimal in the indicator's unit of measure,
//! the Vietnamese way (`.` groups thousands, `,` marks decimals), and says
//! what it had to interpret so that the caller can warn about it.
//!
//! Decisions on the cases the product spec leaves open (each one has a test):
//! - `,5` is 0.5: a decimal comma with nothing before it is unambiguous.
//! - `1.000,` and `12.` (a trailing separator) are not numbers: nothing tells
//!   whether digits are missing, and a money figure should not be guessed.
//! - A `.` that cannot be a thousands separator (`12.5`, `1.2345`, `0.500`,
//!   `.5`) is read as a decimal point, flagged with `dot_decimal`. Only when
//!   the text has exactly that one `.` and no `,`: `1,234.5` (English grouping
//!   and decimal point together) is not a number.
//! - A dot-grouped (or space-grouped) number may not start with a `0` group
//!   (`0.500`, `01.250`): no one writes five hundred as `0.500`, so those go
//!   to the decimal-point reading above. Plain digits may (`08 lượt`).
//! - A unit word may stand before the number (`VNĐ 500.000`) or after it,
//!   with or without a space (`60tr`, `1,5tỷ`); two unit words
//!   (`VNĐ 500 đồng`) are not a number.
//! - Only `-` and U+2212 are minus signs. An en dash or em dash alone is a
//!   zero word, but `–5` is not a number, because a dash in front of a
//!   figure is as likely a list bullet as a sign.
//! - `converted` is true only when the money word's scale differs from the
//!   indicator's: `60 triệu` in a `triệu đồng` field keeps `converted` false
//!   and reports the dropped word in `unit_word`.
//! - A unit of measure counts as money only with a currency word in it
//!   (`triệu đồng`, `tr.đ`, `tỷ VNĐ`); a bare `triệu` may count people.
//! - Numbers that cannot be held exactly give `TooLarge` (integer part beyond
//!   about 7.9e28) or `TooPrecise` (more than 28 decimal places, also after
//!   converting, e.g. a tiny amount of đồng in a `tỷ đồng` field).
//!
//! The number itself is found and read in `number.rs` (digits, separators, grouping, exact
//! decimals); the words around it in `words.rs` (zero words, money words, the indicator's own
//! unit). Words are compared folded by `names::fold::fold_keeping_punctuation`, not by the
//! `fold` of names: a unit of measure `%` and the zero words `-`, `–` are nothing but
//! punctuation.

mod number;
#[cfg(test)]
mod tests;
mod words;

use rust_decimal::Decimal;

use crate::names::fold::fold_keeping_punctuation;
use number::{read_number, rescale, split_number};
use words::{Unit, classify_unit, money_phrase, parse_zero_word};

/// What the text of a value cell said, once read.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedText {
    /// The number, in the indicator's unit of measure.
    pub value: Decimal,
    /// The English reading (`.` as decimal point, `,` as thousands
    /// separator), converted to the indicator's unit like `value`. `Some`
    /// only when the text also reads the English way and that gives a
    /// different number, so the caller should warn: `1.250` → 1.25.
    pub english_reading: Option<Decimal>,
    /// The unit word found in the text, as typed (NFC), if any: `triệu` in
    /// `60 triệu`, `cuộc` in `12 cuộc`.
    pub unit_word: Option<String>,
    /// True when a money word changed the scale, so `value` is not the
    /// number typed: `1,5 tỷ` in a `triệu đồng` field gives 1500.
    pub converted: bool,
    /// True when the text was a word meaning zero (`-`, `–`, `—`, `không`,
    /// `không có`) rather than a number; the caller need not warn.
    pub zero_word: bool,
    /// True when a `.` was read as a decimal point because it could not be a
    /// thousands separator (`12.5` → 12.5). The Vietnamese reading of such a
    /// text does not exist, so the caller should warn that it guessed.
    pub dot_decimal: bool,
}

/// Why the text of a value cell could not be read as a number.
#[derive(Debug, Clone, PartialEq)]
pub enum TextError {
    /// Nothing numeric could be read, or the text mixes forms nonsensically
    /// (`1,2,3`, `1..2`, `12a`, `abc`, empty).
    NotANumber,
    /// A word that is neither a money word nor the indicator's own unit
    /// (`người` in `12 người` for a `cuộc` field), as typed (NFC).
    UnknownUnit {
        /// The word, as typed (NFC).
        word: String,
    },
    /// A money word in a field whose unit is not money (`triệu` in a
    /// `lượt` field).
    UnitMismatch {
        /// The word, as typed (NFC).
        word: String,
    },
    /// The integer part is too large for an exact decimal (about 7.9e28).
    TooLarge,
    /// The number needs more than 28 decimal places to be held exactly,
    /// as typed or once converted to the indicator's unit.
    TooPrecise,
}

/// Parses the text of a value cell for an indicator whose unit of measure is `indicator_unit`.
///
/// The text is normalised to NFC and trimmed. Zero words give 0. Otherwise
/// the text must be one number, read the Vietnamese way, with at most one
/// unit word before or after it: a money word (converted to the indicator's
/// money unit) or the indicator's own unit (dropped). See the module
/// documentation for how edge cases are decided.
pub fn parse_value_text(text: &str, indicator_unit: &str) -> Result<ParsedText, TextError> {
    let nfc = crate::names::fold::nfc(text);
    let text = nfc.trim();
    if text.is_empty() {
        return Err(TextError::NotANumber);
    }
    if let Some(parsed) = parse_zero_word(text, indicator_unit)? {
        return Ok(parsed);
    }
    let pieces = split_number(text).ok_or(TextError::NotANumber)?;
    let (number, english, dot_decimal) = read_number(pieces.body, pieces.negative)?;

    let prefix = pieces.prefix.trim();
    let suffix = pieces.suffix.trim();
    // A word glued to the number (`12a`, `1e5`) is more likely part of a
    // mistyped number than a unit, so it is judged more strictly.
    let prefix_attached = !prefix.is_empty() && !pieces.prefix.ends_with(char::is_whitespace);
    let suffix_attached = !suffix.is_empty() && !pieces.suffix.starts_with(char::is_whitespace);
    let (unit_word, unit) = match (prefix.is_empty(), suffix.is_empty()) {
        (true, true) => (None, None),
        (false, true) => (Some(prefix), Some(classify_unit(prefix, prefix_attached, indicator_unit)?)),
        (true, false) => (Some(suffix), Some(classify_unit(suffix, suffix_attached, indicator_unit)?)),
        (false, false) => {
            // Name a word we do not know if there is one (`khoảng 500
            // triệu`); two known unit words are still not one number.
            classify_unit(prefix, prefix_attached, indicator_unit)?;
            classify_unit(suffix, suffix_attached, indicator_unit)?;
            return Err(TextError::NotANumber);
        }
    };
    finish(number, english, unit_word, unit, false, dot_decimal)
}

/// Is this unit of measure a money unit (đồng, nghìn đồng, triệu đồng, tỷ đồng...)? Returns its factor in đồng.
///
/// Case, diacritics and spacing do not matter (`Triệu Đồng`, `trieu dong`),
/// and the usual abbreviations are known (`tr.đ`, `trđ`, `VNĐ`). A currency
/// word is required: a bare `triệu` may be a count of people.
pub fn money_factor(unit: &str) -> Option<Decimal> {
    money_phrase(&fold_keeping_punctuation(unit), true)
}

/// The factor in đồng of a unit of measure made of money scale words, with or without the
/// currency (`triệu đồng`, `tỷ`, `nghìn đồng`): for a `Đơn vị tính` cell in a money row, where
/// a bare `triệu` means millions of đồng.
pub fn scale_factor(unit: &str) -> Option<Decimal> {
    money_phrase(&fold_keeping_punctuation(unit), false)
}

/// Applies the unit word to the number read and assembles the result.
fn finish(
    number: Decimal,
    english: Option<Decimal>,
    unit_word: Option<&str>,
    unit: Option<Unit>,
    zero_word: bool,
    dot_decimal: bool,
) -> Result<ParsedText, TextError> {
    let (value, english_reading, converted) = match unit {
        Some(Unit::Money { word, field }) if word != field => {
            (rescale(number, word, field)?, english.and_then(|e| rescale(e, word, field).ok()), true)
        }
        _ => (number, english, false),
    };
    Ok(ParsedText {
        value,
        english_reading,
        unit_word: unit_word.map(str::to_string),
        converted,
        zero_word,
        dot_decimal,
    })
}
