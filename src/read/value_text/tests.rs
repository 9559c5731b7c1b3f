//! What the tests of value_text share: the harness of its case tables (one row per case, every
//! failure reported at once), used by the tests in `number.rs` and `words.rs`, and the
//! properties of the whole surface.

use proptest::prelude::*;
use rust_decimal::Decimal;

use super::{ParsedText, TextError, money_factor, parse_value_text};

/// An exact decimal from its text; a bad one is a mistake in the test table.
pub(super) fn dec(s: &str) -> Decimal {
    Decimal::from_str_exact(s).unwrap_or_else(|e| panic!("bad test decimal {s:?}: {e}"))
}

/// What a case expects when parsing succeeds; unset flags are false/None.
pub(super) struct Want {
    value: &'static str,
    english: Option<&'static str>,
    unit_word: Option<&'static str>,
    converted: bool,
    zero_word: bool,
    dot_decimal: bool,
}

pub(super) fn ok(value: &'static str) -> Want {
    Want { value, english: None, unit_word: None, converted: false, zero_word: false, dot_decimal: false }
}

impl Want {
    pub(super) fn en(mut self, english: &'static str) -> Self {
        self.english = Some(english);
        self
    }
    pub(super) fn unit(mut self, word: &'static str) -> Self {
        self.unit_word = Some(word);
        self
    }
    pub(super) fn conv(mut self) -> Self {
        self.converted = true;
        self
    }
    pub(super) fn zero(mut self) -> Self {
        self.zero_word = true;
        self
    }
    pub(super) fn dot(mut self) -> Self {
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

pub(super) fn unknown(word: &str) -> TextError {
    TextError::UnknownUnit { word: word.to_string() }
}

pub(super) fn mismatch(word: &str) -> TextError {
    TextError::UnitMismatch { word: word.to_string() }
}

/// One row: name, cell text, indicator unit, expected outcome.
pub(super) type Case = (&'static str, &'static str, &'static str, Result<Want, TextError>);

/// Runs every row and reports all failures at once. `Decimal`
/// equality ignores scale, so `1500` matches `1500.0`.
pub(super) fn run(cases: Vec<Case>) {
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

/// Writes `d` the Vietnamese way: `sep` between thousands (or none),
/// `,` before the decimals.
pub(super) fn format_vietnamese(d: Decimal, sep: Option<char>) -> String {
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

pub(super) fn separator() -> impl Strategy<Value = Option<char>> {
    prop_oneof![Just(None), Just(Some('.')), Just(Some(' ')), Just(Some('\u{a0}')), Just(Some('\u{202f}')),]
}

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
}
