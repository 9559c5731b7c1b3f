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

use rust_decimal::Decimal;
use unicode_normalization::UnicodeNormalization;

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
    let nfc: String = text.nfc().collect();
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
    money_phrase(&fold(unit), true)
}

/// The factor in đồng of a unit of measure made of money scale words, with or without the
/// currency (`triệu đồng`, `tỷ`, `nghìn đồng`): for a `Đơn vị tính` cell in a money row, where
/// a bare `triệu` means millions of đồng.
pub fn scale_factor(unit: &str) -> Option<Decimal> {
    money_phrase(&fold(unit), false)
}

/// Largest number of decimal places a `Decimal` holds.
const MAX_SCALE: usize = 28;

/// Words that stand for zero, folded (see [`fold`]).
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
enum Unit {
    /// The indicator's own unit: the number stands as typed.
    Same,
    /// A money word, in a money field: the number is rescaled.
    Money { word: Decimal, field: Decimal },
}

/// Where the number sits in the text, and what surrounds it.
struct Pieces<'a> {
    prefix: &'a str,
    negative: bool,
    /// Digits, `.`, `,` and single whitespace characters between digits.
    body: &'a str,
    suffix: &'a str,
}

/// Folds a word for comparison: lowercase, diacritics stripped (`đ` → `d`),
/// whitespace collapsed, trailing `.` dropped (`tr.`, `cuộc.`).
fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.to_lowercase().nfd().filter(|c| !is_mark(*c)) {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(if c == 'đ' { 'd' } else { c });
    }
    while out.ends_with('.') {
        out.pop();
    }
    out
}

/// The factor in đồng of a folded money phrase: scale words, then
/// optionally a currency word (`nghìn tỷ đồng`, `tr.đ`, `đ`).
fn money_phrase(folded: &str, require_currency: bool) -> Option<Decimal> {
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
fn classify_unit(word: &str, attached: bool, indicator_unit: &str) -> Result<Unit, TextError> {
    let folded = fold(word);
    if !folded.is_empty() && folded == fold(indicator_unit) {
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
fn parse_zero_word(text: &str, indicator_unit: &str) -> Result<Option<ParsedText>, TextError> {
    if ZERO_WORDS.contains(&fold(text).as_str()) {
        return finish(Decimal::ZERO, None, None, None, true, false).map(Some);
    }
    for words in [2, 1] {
        let (head, rest) = split_words(text, words);
        if rest.is_empty() || !ZERO_WORDS.contains(&fold(head).as_str()) {
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

/// A combining mark (tone marks of NFD text and the like).
fn is_mark(c: char) -> bool {
    unicode_normalization::char::is_combining_mark(c)
}

fn is_sep(c: char) -> bool {
    c == '.' || c == ','
}

fn is_sign(c: char) -> bool {
    c == '+' || c == '-' || c == '\u{2212}'
}

/// Finds the number in the text: an optional sign, then digits, `.`, `,`
/// and single whitespace characters between digits (`1 250`). `None` when
/// there is no digit at all.
fn split_number(s: &str) -> Option<Pieces<'_>> {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let digit_at = |i: usize| at(i).is_some_and(|c| c.is_ascii_digit());
    let sep_at = |i: usize| at(i).is_some_and(is_sep);
    let byte = |i: usize| chars.get(i).map_or(s.len(), |&(b, _)| b);

    let start = (0..chars.len()).find(|&i| {
        let c = chars[i].1;
        c.is_ascii_digit()
            || (is_sep(c) && digit_at(i + 1))
            || (is_sign(c) && (digit_at(i + 1) || (sep_at(i + 1) && digit_at(i + 2))))
    })?;
    let mut i = start;
    let negative = match at(i) {
        Some('-') | Some('\u{2212}') => {
            i += 1;
            true
        }
        Some('+') => {
            i += 1;
            false
        }
        _ => false,
    };
    let body_start = i;
    while let Some(c) = at(i) {
        let grouping_space = c.is_whitespace() && i > body_start && digit_at(i - 1) && digit_at(i + 1);
        if c.is_ascii_digit() || is_sep(c) || grouping_space {
            i += 1;
        } else {
            break;
        }
    }
    Some(Pieces { prefix: &s[..byte(start)], negative, body: &s[byte(body_start)..byte(i)], suffix: &s[byte(i)..] })
}

/// Reads the number body both ways. Returns the value, the differing English
/// reading if any, and whether `.` had to be taken as a decimal point.
fn read_number(body: &str, negative: bool) -> Result<(Decimal, Option<Decimal>, bool), TextError> {
    let vietnamese = read_grouped(body, ',', '.');
    let english = read_grouped(body, '.', ',');
    match (vietnamese, english) {
        (Some((int, frac)), english) => {
            let value = to_decimal(&int, frac, negative)?;
            // An English reading too long to hold exactly is not one the
            // writer meant, so it is not offered.
            let english = english.and_then(|(int, frac)| to_decimal(&int, frac, negative).ok()).filter(|e| *e != value);
            Ok((value, english, false))
        }
        // The Vietnamese reading failed; a single `.` with no `,` can only
        // be a decimal point (`12.5`, `0.500`).
        (None, Some((int, frac))) if body.matches('.').count() == 1 && !body.contains(',') => {
            Ok((to_decimal(&int, frac, negative)?, None, true))
        }
        _ => Err(TextError::NotANumber),
    }
}

/// Reads `body` with `decimal` as decimal mark and `group` (or single
/// whitespace) as thousands separator. Returns the integer digits without
/// separators and the fraction digits, or `None` if the body is not a
/// valid number that way.
fn read_grouped(body: &str, decimal: char, group: char) -> Option<(String, &str)> {
    let (int, frac) = match body.split_once(decimal) {
        Some((int, frac)) => (int, Some(frac)),
        None => (body, None),
    };
    if let Some(frac) = frac {
        // Also rejects a second decimal mark, a group separator or a space
        // after the decimal mark, and a trailing decimal mark.
        if frac.is_empty() || !frac.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
    }
    let digits = group_digits(int, group)?;
    if digits.is_empty() && frac.is_none() {
        return None;
    }
    Some((digits, frac.unwrap_or("")))
}

/// Checks the grouping of an integer part and returns its digits. Groups
/// after the first have exactly three digits; the first has one to three
/// and does not start with `0`. One kind of separator only.
fn group_digits(int: &str, group: char) -> Option<String> {
    let is_digit = |b: u8| b.is_ascii_digit();
    let groups: Vec<&str> = match (int.contains(group), int.contains(char::is_whitespace)) {
        (true, true) => return None,
        (true, false) => int.split(group).collect(),
        (false, true) => int.split(char::is_whitespace).collect(),
        (false, false) => return int.bytes().all(is_digit).then(|| int.to_string()),
    };
    let (first, rest) = groups.split_first()?;
    let first_ok = (1..=3).contains(&first.len()) && !first.starts_with('0') && first.bytes().all(is_digit);
    let rest_ok = rest.iter().all(|g| g.len() == 3 && g.bytes().all(is_digit));
    (first_ok && rest_ok).then(|| groups.concat())
}

/// The value of a string of ASCII digits, `None` on overflow.
fn digits_value(digits: &str) -> Option<i128> {
    digits.bytes().try_fold(0i128, |acc, b| acc.checked_mul(10)?.checked_add(i128::from(b - b'0')))
}

/// Builds the exact decimal `int,frac`, keeping the scale as typed.
fn to_decimal(int: &str, frac: &str, negative: bool) -> Result<Decimal, TextError> {
    let int_value = digits_value(int).ok_or(TextError::TooLarge)?;
    if Decimal::try_from_i128_with_scale(int_value, 0).is_err() {
        return Err(TextError::TooLarge);
    }
    let mut frac = frac;
    if frac.len() > MAX_SCALE {
        // Trailing zeros add no value; drop them only when needed, so that
        // `1,50` keeps its two places.
        frac = frac.trim_end_matches('0');
    }
    if frac.len() > MAX_SCALE {
        return Err(TextError::TooPrecise);
    }
    let mantissa = digits_value(&[int, frac].concat()).ok_or(TextError::TooPrecise)?;
    let scale = u32::try_from(frac.len()).map_err(|_| TextError::TooPrecise)?;
    let mut value = Decimal::try_from_i128_with_scale(mantissa, scale).map_err(|_| TextError::TooPrecise)?;
    // No negative zero: `-0` is just 0.
    if negative && !value.is_zero() {
        value.set_sign_negative(true);
    }
    Ok(value)
}

/// Converts `x` from a unit worth `from` đồng to one worth `to` đồng,
/// exactly or not at all: the factors are powers of ten, and the result is
/// checked by converting back.
fn rescale(x: Decimal, from: Decimal, to: Decimal) -> Result<Decimal, TextError> {
    if from == to {
        return Ok(x);
    }
    let value = if from > to {
        let ratio = from.checked_div(to).ok_or(TextError::TooLarge)?;
        let value = x.checked_mul(ratio).ok_or(TextError::TooLarge)?;
        if value.checked_div(ratio) != Some(x) {
            return Err(TextError::TooLarge);
        }
        value
    } else {
        let ratio = to.checked_div(from).ok_or(TextError::TooPrecise)?;
        let value = x.checked_div(ratio).ok_or(TextError::TooPrecise)?;
        if value.checked_mul(ratio) != Some(x) {
            return Err(TextError::TooPrecise);
        }
        value
    };
    // `1,5 tỷ` → 1500, not 1500.0: the typed scale means nothing after
    // conversion.
    Ok(value.normalize())
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn dec(s: &str) -> Decimal {
        Decimal::from_str_exact(s).unwrap_or_else(|e| panic!("bad test decimal {s:?}: {e}"))
    }

    /// What a case expects when parsing succeeds; unset flags are false/None.
    struct Want {
        value: &'static str,
        english: Option<&'static str>,
        unit_word: Option<&'static str>,
        converted: bool,
        zero_word: bool,
        dot_decimal: bool,
    }

    fn ok(value: &'static str) -> Want {
        Want { value, english: None, unit_word: None, converted: false, zero_word: false, dot_decimal: false }
    }

    impl Want {
        fn en(mut self, english: &'static str) -> Self {
            self.english = Some(english);
            self
        }
        fn unit(mut self, word: &'static str) -> Self {
            self.unit_word = Some(word);
            self
        }
        fn conv(mut self) -> Self {
            self.converted = true;
            self
        }
        fn zero(mut self) -> Self {
            self.zero_word = true;
            self
        }
        fn dot(mut self) -> Self {
            self.dot_decimal = true;
            self
        }
        fn parsed(&self) -> ParsedText {
            ParsedText {
                value: dec(self.value),
                english_reading: self.english.map(dec),
                unit_word: self.unit_word.map(str::to_string),
                converted: self.converted,
                zero_word: self.zero_word,
                dot_decimal: self.dot_decimal,
            }
        }
    }

    fn unknown(word: &str) -> TextError {
        TextError::UnknownUnit { word: word.to_string() }
    }

    fn mismatch(word: &str) -> TextError {
        TextError::UnitMismatch { word: word.to_string() }
    }

    /// One row: name, cell text, indicator unit, expected outcome.
    type Case = (&'static str, &'static str, &'static str, Result<Want, TextError>);

    /// Runs every row and reports all failures at once. `Decimal`
    /// equality ignores scale, so `1500` matches `1500.0`.
    fn run(cases: Vec<Case>) {
        let mut names = std::collections::HashSet::new();
        let mut failures = Vec::new();
        for (name, text, unit, want) in &cases {
            assert!(names.insert(*name), "duplicate case name {name}");
            let got = parse_value_text(text, unit);
            let want = want.as_ref().map(Want::parsed).map_err(Clone::clone);
            if got != want {
                failures.push(format!("{name}: {text:?} in {unit:?}\n   got  {got:?}\n   want {want:?}"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    #[rustfmt::skip]
    fn vietnamese_number_forms() {
        run(vec![
            ("dot_groups_thousands", "1.250", "", Ok(ok("1250").en("1.25"))),
            ("comma_marks_decimals", "13,386", "", Ok(ok("13.386").en("13386"))),
            ("several_dot_groups", "60.000.000", "", Ok(ok("60000000"))),
            ("decimal_comma_single_digit", "2,5", "", Ok(ok("2.5"))),
            ("groups_and_decimals", "1.234.567,89", "", Ok(ok("1234567.89"))),
            ("plain_digits", "35", "", Ok(ok("35"))),
            ("plain_digits_leading_zero", "08", "", Ok(ok("8"))),
            ("plain_long_digits", "1250", "", Ok(ok("1250"))),
            ("plain_digits_decimal_comma", "1250,75", "", Ok(ok("1250.75"))),
            ("space_groups_thousands", "1 250", "", Ok(ok("1250"))),
            ("nbsp_groups_thousands", "1\u{a0}250", "", Ok(ok("1250"))),
            ("narrow_nbsp_groups_thousands", "1\u{202f}250", "", Ok(ok("1250"))),
            ("space_groups_with_decimals", "2 500 000,5", "", Ok(ok("2500000.5"))),
            ("surrounding_whitespace", "  35\t", "", Ok(ok("35"))),
            ("surrounding_nbsp", "\u{a0}35\u{a0}", "", Ok(ok("35"))),
            ("leading_plus", "+35", "", Ok(ok("35"))),
            ("leading_minus", "-35", "", Ok(ok("-35"))),
            ("unicode_minus", "\u{2212}35", "", Ok(ok("-35"))),
            ("negative_grouped", "-1.234,5", "", Ok(ok("-1234.5"))),
            ("negative_zero_is_zero", "-0", "", Ok(ok("0"))),
            ("comma_three_digits_ambiguous", "1,250", "", Ok(ok("1.25").en("1250"))),
            ("one_thousand_ambiguous", "1.000", "", Ok(ok("1000").en("1"))),
            ("negative_ambiguous", "-1.250", "", Ok(ok("-1250").en("-1.25"))),
            ("dot_and_comma_not_ambiguous", "1.234,5", "", Ok(ok("1234.5"))),
            ("zero_comma_five", "0,5", "", Ok(ok("0.5"))),
            // The English grouping `0,500` is invalid (leading 0 group).
            ("zero_comma_500_not_ambiguous", "0,500", "", Ok(ok("0.5"))),
            // Decided: a decimal comma with nothing before it is 0.5.
            ("bare_decimal_comma", ",5", "", Ok(ok("0.5"))),
            ("negative_bare_decimal_comma", "-,5", "", Ok(ok("-0.5"))),
            ("many_decimals", "3,3864", "", Ok(ok("3.3864"))),
            // Decided: a lone `.` that cannot group thousands is a decimal
            // point, flagged; the Vietnamese reading does not exist, so
            // there is no ambiguity to report.
            ("dot_one_digit_is_decimal_point", "12.5", "", Ok(ok("12.5").dot())),
            ("dot_two_digits_is_decimal_point", "12.50", "", Ok(ok("12.5").dot())),
            ("dot_four_digits_is_decimal_point", "1.2345", "", Ok(ok("1.2345").dot())),
            ("zero_dot_500_is_decimal_point", "0.500", "", Ok(ok("0.5").dot())),
            ("zero_dot_five", "0.5", "", Ok(ok("0.5").dot())),
            ("bare_decimal_dot", ".5", "", Ok(ok("0.5").dot())),
            ("four_digits_before_dot_is_decimal_point", "1234.567", "", Ok(ok("1234.567").dot())),
            ("space_groups_then_dot", "1 250.5", "", Ok(ok("1250.5").dot())),
            ("negative_dot_decimal", "-12.5", "", Ok(ok("-12.5").dot())),
        ]);
    }

    #[test]
    #[rustfmt::skip]
    fn not_numbers() {
        let nan = || Err(TextError::NotANumber);
        run(vec![
            ("two_commas", "1,2,3", "", nan()),
            ("double_dot", "1..2", "", nan()),
            ("double_comma", "1,,2", "", nan()),
            ("letter_after_digits", "12a", "", nan()),
            ("only_letters", "abc", "", nan()),
            ("empty", "", "", nan()),
            ("only_spaces", "   ", "", nan()),
            ("only_nbsp", "\u{a0}\u{202f}", "", nan()),
            ("exponent", "1e5", "", nan()),
            ("exponent_in_count_field", "1e5", "cuộc", nan()),
            // Decided: a trailing separator may hide missing digits.
            ("trailing_comma", "1.000,", "", nan()),
            ("trailing_dot", "12.", "", nan()),
            ("lone_dot", ".", "", nan()),
            ("lone_comma", ",", "", nan()),
            ("lone_plus", "+", "", nan()),
            ("bad_dot_groups", "1.25.000", "", nan()),
            ("two_dots_short_groups", "1.2.3", "", nan()),
            ("dots_then_dot_decimal", "1.250.5", "", nan()),
            ("space_group_too_short", "1 25", "", nan()),
            ("space_two_numbers", "12 3", "", nan()),
            ("double_space_in_number", "1  250", "", nan()),
            ("dots_mixed_with_spaces", "1.234 567", "", nan()),
            ("space_after_decimal_comma", "1,234 567", "", nan()),
            ("first_group_too_long", "1234.567,5", "", nan()),
            // Decided: English grouping with a decimal point is rejected.
            ("english_grouping_and_point", "1,234.5", "", nan()),
            ("comma_after_dot", "1.5,000", "", nan()),
            ("trailing_minus", "12-", "", nan()),
            ("range", "1-2", "", nan()),
            ("double_minus", "--5", "", nan()),
            // Decided: only `-` and U+2212 are minus signs.
            ("en_dash_before_number", "\u{2013}5", "", nan()),
            ("minus_then_space", "- 5", "", nan()),
            ("parenthesised", "(5)", "", nan()),
            ("fullwidth_digits", "\u{ff11}\u{ff12}", "", nan()),
            ("dollar_sign", "$5", "đồng", nan()),
            ("percent_in_count_field", "12 %", "cuộc", nan()),
            ("two_unit_words", "VNĐ 500 đồng", "đồng", nan()),
            ("zero_word_then_junk", "không rõ", "cuộc", nan()),
        ]);
    }

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
    #[rustfmt::skip]
    fn limits() {
        run(vec![
            ("largest_decimal", "79.228.162.514.264.337.593.543.950.335", "", Ok(ok("79228162514264337593543950335"))),
            ("just_past_largest", "79.228.162.514.264.337.593.543.950.336", "", Err(TextError::TooLarge)),
            ("forty_digits", "1000000000000000000000000000000000000000", "", Err(TextError::TooLarge)),
            ("hundred_digits", String::leak("9".repeat(100)), "", Err(TextError::TooLarge)),
            ("conversion_overflows", "70.000.000.000.000.000.000.000.000 tỷ", "đồng", Err(TextError::TooLarge)),
            ("twenty_eight_decimals", "0,0000000000000000000000000001", "", Ok(ok("0.0000000000000000000000000001"))),
            ("twenty_nine_decimals", "0,00000000000000000000000000001", "", Err(TextError::TooPrecise)),
            ("trailing_zeros_beyond_scale", "1,500000000000000000000000000000000", "", Ok(ok("1.5"))),
            ("too_many_significant_digits", "123456789,12345678901234567890123", "", Err(TextError::TooPrecise)),
            ("conversion_too_precise", "0,000000000000000000000001 đồng", "tỷ đồng", Err(TextError::TooPrecise)),
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

    /// Writes `d` the Vietnamese way: `sep` between thousands (or none),
    /// `,` before the decimals.
    fn format_vietnamese(d: Decimal, sep: Option<char>) -> String {
        let abs = d.abs().to_string();
        let (int, frac) = abs.split_once('.').unwrap_or((&abs, ""));
        let mut out = String::new();
        if d.is_sign_negative() && !d.is_zero() {
            out.push('-');
        }
        for (i, c) in int.chars().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 {
                out.extend(sep);
            }
            out.push(c);
        }
        if !frac.is_empty() {
            out.push(',');
            out.push_str(frac);
        }
        out
    }

    fn separator() -> impl Strategy<Value = Option<char>> {
        prop_oneof![Just(None), Just(Some('.')), Just(Some(' ')), Just(Some('\u{a0}')), Just(Some('\u{202f}')),]
    }

    const MAX_MANTISSA: i128 = 10i128.pow(28) - 1;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn never_panics_on_any_string(text in any::<String>(), unit in any::<String>()) {
            let _ = parse_value_text(&text, &unit);
            let _ = money_factor(&unit);
        }

        #[test]
        fn never_panics_on_number_like_text(
            text in "[0-9.,+\\-\u{2212}\u{2013} \u{a0}\u{202f}\u{302}\u{323}đĐaeiouyntrgkhôơưộ%]{0,24}",
            unit in prop_oneof![
                Just(""), Just("cuộc"), Just("đồng"), Just("triệu đồng"), Just("tỷ đồng"), Just("%"),
            ],
        ) {
            if let Ok(parsed) = parse_value_text(&text, unit) {
                // An English reading is only offered when it differs.
                prop_assert_ne!(parsed.english_reading, Some(parsed.value));
            }
        }

        #[test]
        fn vietnamese_formatting_round_trips(
            mantissa in -MAX_MANTISSA..=MAX_MANTISSA,
            scale in 0u32..=28,
            sep in separator(),
            with_unit in any::<bool>(),
        ) {
            let d = Decimal::from_i128_with_scale(mantissa, scale);
            let mut text = format_vietnamese(d, sep);
            if with_unit {
                text.push_str(" đồng");
            }
            let parsed = parse_value_text(&text, "đồng");
            prop_assert!(parsed.is_ok(), "{:?} gave {:?}", text, parsed);
            let parsed = parsed.unwrap();
            prop_assert_eq!(parsed.value, d, "{:?}", text);
            prop_assert!(!parsed.converted && !parsed.zero_word && !parsed.dot_decimal);
            prop_assert_ne!(parsed.english_reading, Some(parsed.value));
        }

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
