//! One value cell → an exact decimal in the indicator's unit, or the reason it cannot be used.
//!
//! Numeric cells are taken as they are (a count must be whole); formula cells use their cached
//! value; text is read the Vietnamese way by [`value_text`](super::value_text); dates, booleans
//! and error values are refused with a message that shows what the cell holds.

use calamine::Data;
use rust_decimal::Decimal;

use super::value_text::{TextError, money_factor, parse_value_text, scale_factor};
use crate::config::{Indicator, Kind};
use crate::finding::Code;
use crate::messages::{Expected, Msg, clip};
use crate::vn_number::plain;

/// What a value cell gave: the value when usable, and what to tell the clerk about it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ReadValue {
    pub value: Option<Decimal>,
    pub findings: Vec<(Code, Msg)>,
}

impl ReadValue {
    fn refused(code: Code, msg: Msg) -> ReadValue {
        ReadValue { value: None, findings: vec![(code, msg)] }
    }
}

/// No figure of any report comes near this (a million tỷ đồng in đồng is 10^18): a larger
/// value is refused even without a `max`, so that sums can never overflow.
pub const MAX_VALUE: Decimal = Decimal::from_parts(0xA764_0000, 0x0DE0_B6B3, 0, false, 0); // 10^18

/// The unit of measure a row declares in its `Đơn vị tính` cell, against the indicator's.
#[derive(Debug, Clone, PartialEq)]
pub enum RowUnit {
    /// The indicator's own unit (or the cell is empty).
    Same,
    /// Another unit of the same family: the value is multiplied by `factor`, with a warning.
    Converted { typed: String, factor: Decimal },
}

/// How a row's `Đơn vị tính` text relates to the indicator's unit; `Err` with the text when it
/// is unrelated. Money units of any scale convert into each other (`triệu đồng` → `tỷ đồng`:
/// × 0.001); other units only to themselves, or to a synonym the configuration lists
/// (`unit_aliases`).
pub fn row_unit(typed: &str, indicator: &Indicator) -> Result<RowUnit, String> {
    let folded = crate::names::fold::fold(typed);
    if typed.trim().is_empty() || folded == crate::names::fold::fold(&indicator.unit) {
        return Ok(RowUnit::Same);
    }
    // `%`, `‰`: no letters to fold, and certainly not the indicator's unit.
    if folded.is_empty() {
        return Err(typed.to_owned());
    }
    if indicator.unit_aliases.iter().any(|a| crate::names::fold::fold(a) == folded) {
        return Ok(RowUnit::Converted { typed: typed.to_owned(), factor: Decimal::ONE });
    }
    if let (Some(row), Some(own)) = (scale_factor(typed), money_factor(&indicator.unit)) {
        return match row.checked_div(own) {
            Some(f) if f == Decimal::ONE => Ok(RowUnit::Same),
            Some(factor) => Ok(RowUnit::Converted { typed: typed.to_owned(), factor }),
            None => Err(typed.to_owned()),
        };
    }
    Err(typed.to_owned())
}

/// Reads one value cell for `indicator`. `formula` is the cell's formula, if it has one.
pub fn read_value(cell: &Data, formula: Option<&str>, indicator: &Indicator) -> ReadValue {
    read_value_as(cell, formula, indicator, &RowUnit::Same)
}

/// Reads one value cell whose row declares the unit `row_unit`; the value is given in the
/// indicator's unit.
pub fn read_value_as(cell: &Data, formula: Option<&str>, indicator: &Indicator, row_unit: &RowUnit) -> ReadValue {
    let expected = || expected(indicator);
    match (cell, formula) {
        // A formula whose result was never computed (saved by a program that does not
        // calculate) must not pass for "not reported"...
        (Data::Empty, Some(f)) => {
            return ReadValue::refused(Code::FormulaNoValue, Msg::CellFormulaNoValue { formula: f.to_owned() });
        }
        // ...but one that computed empty text (`=IF(A1>0,A1,"")`) is an empty cell.
        (Data::Empty, None) => return ReadValue::default(),
        (Data::String(s), _) if s.trim().is_empty() => return ReadValue::default(),
        _ => {}
    }
    let (unit, factor) = match row_unit {
        RowUnit::Same => (indicator.unit.as_str(), None),
        RowUnit::Converted { typed, factor } => (typed.as_str(), Some(*factor)),
    };
    let (number, typed, mut soft) = match cell {
        Data::Empty => return ReadValue::default(),
        Data::Int(i) => (Decimal::from(*i), i.to_string(), Vec::new()),
        Data::Float(f) => match float_to_decimal(*f) {
            Some(d) => (d, plain(d), Vec::new()),
            None => {
                return ReadValue::refused(
                    Code::NotANumber,
                    Msg::CellNotANumber { value: f.to_string(), expected: expected() },
                );
            }
        },
        Data::String(s) => match read_text(s, unit, indicator) {
            Ok(read) => read,
            Err(refused) => return refused,
        },
        Data::Bool(b) => {
            let value = if *b { "TRUE" } else { "FALSE" }.to_owned();
            return ReadValue::refused(Code::NotANumber, Msg::CellNotANumber { value, expected: expected() });
        }
        Data::DateTime(dt) => {
            let shown = dt.as_datetime().map(|d| d.format("%d/%m/%Y").to_string()).unwrap_or_else(|| dt.to_string());
            return ReadValue::refused(Code::DateInValue, Msg::CellDate { date: shown, expected: expected() });
        }
        Data::DateTimeIso(s) | Data::DurationIso(s) => {
            return ReadValue::refused(Code::DateInValue, Msg::CellDate { date: s.clone(), expected: expected() });
        }
        Data::Error(e) => {
            return ReadValue::refused(Code::ErrorValue, Msg::CellErrorValue { value: e.to_string() });
        }
    };
    let Some(factor) = factor else {
        return check_range(number, &typed, indicator, soft);
    };
    let Some(converted) = number.checked_mul(factor).map(|v| v.normalize()) else {
        return ReadValue::refused(Code::NotANumber, Msg::CellNotANumber { value: typed, expected: expected() });
    };
    let msg = Msg::RowUnitConverted {
        value: typed.clone(),
        typed: unit.to_owned(),
        read: plain(converted),
        unit: indicator.unit.clone(),
    };
    soft.insert(0, (Code::UnitOfMeasureConverted, msg));
    check_range(converted, &typed, indicator, soft)
}

/// What a value cell read as: the number (in `unit`), the text to quote, soft findings.
type Read = (Decimal, String, Vec<(Code, Msg)>);

/// Text typed into a value cell whose unit is `unit`: `1.250`, `2,5`, `60 triệu`, `12 cuộc`, `-`.
fn read_text(text: &str, unit: &str, indicator: &Indicator) -> Result<Read, ReadValue> {
    let full = crate::names::fold::nfc(text.trim());
    // Messages quote what was typed, cut short: a cell may hold a whole essay.
    let typed = clip(&full);
    // Some writers store a formula's error result as text.
    const EXCEL_ERRORS: [&str; 8] =
        ["#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!", "#GETTING_DATA"];
    if EXCEL_ERRORS.contains(&typed.to_uppercase().as_str()) {
        return Err(ReadValue::refused(Code::ErrorValue, Msg::CellErrorValue { value: typed }));
    }
    let parsed = match parse_value_text(&full, unit) {
        Ok(p) => p,
        Err(e) => {
            let (code, msg) = match e {
                TextError::UnknownUnit { word } | TextError::UnitMismatch { word } => {
                    (Code::UnitWord, Msg::CellUnitWord { value: typed.clone(), word, unit: unit.to_owned() })
                }
                TextError::NotANumber | TextError::TooLarge | TextError::TooPrecise => {
                    (Code::NotANumber, Msg::CellNotANumber { value: typed.clone(), expected: expected(indicator) })
                }
            };
            return Err(ReadValue::refused(code, msg));
        }
    };
    let mut soft = Vec::new();
    if !parsed.zero_word {
        let read = plain(parsed.value);
        if parsed.unit_word.is_some() {
            let unit = unit.to_owned();
            soft.push((Code::UnitConverted, Msg::CellUnitConverted { value: typed.clone(), read: read.clone(), unit }));
        }
        // A unit word does not settle how the number itself was read: say that too.
        if let Some(english) = parsed.english_reading {
            soft.push((Code::Ambiguous, Msg::CellAmbiguous { value: typed.clone(), read, other: plain(english) }));
        } else if parsed.dot_decimal {
            soft.push((Code::DotDecimal, Msg::CellDotDecimal { value: typed.clone(), read }));
        } else if parsed.unit_word.is_none() {
            soft.push((Code::TextNumber, Msg::CellTextNumber { value: typed.clone(), read }));
        }
    }
    Ok((parsed.value, typed, soft))
}

/// Negative, fractional (for counts) and over-`max` values are refused.
fn check_range(value: Decimal, typed: &str, indicator: &Indicator, soft: Vec<(Code, Msg)>) -> ReadValue {
    let shown = || typed.to_owned();
    if value.is_sign_negative() && !value.is_zero() {
        return ReadValue::refused(Code::Negative, Msg::CellNegative { value: shown() });
    }
    if indicator.kind == Kind::Count && !value.fract().is_zero() {
        return ReadValue::refused(Code::Fraction, Msg::CellFraction { value: shown(), unit: indicator.unit.clone() });
    }
    let max = indicator.max.map_or(MAX_VALUE, |m| m.min(MAX_VALUE));
    if value > max {
        return ReadValue::refused(
            Code::OverMax,
            Msg::CellOverMax { value: shown(), max: plain(max), unit: indicator.unit.clone() },
        );
    }
    ReadValue { value: Some(value.normalize()), findings: soft }
}

/// An f64 from a numeric cell as Excel shows it: to 15 significant digits, Excel's precision,
/// so `3.3864` stays 3.3864 and a formula's `7.000000000000001` is the 7 Excel displays.
pub fn float_to_decimal(f: f64) -> Option<Decimal> {
    if !f.is_finite() {
        return None;
    }
    // Most figures are whole numbers: below 10^15 (15 significant digits, as formatted below)
    // they convert exactly without formatting.
    if f.fract() == 0.0 && f.abs() < 1e15 {
        return Some(Decimal::from(f as i64));
    }
    Decimal::from_scientific(&format!("{f:.14e}")).ok().map(|d| d.normalize())
}

fn expected(indicator: &Indicator) -> Expected {
    Expected { whole: indicator.kind == Kind::Count, unit: indicator.unit.clone() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use std::str::FromStr;

    fn ind(code: &str) -> Indicator {
        Config::default_config().indicator(code).unwrap().clone()
    }

    fn dec(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    /// The conversion before whole numbers took a short cut.
    fn through_text(f: f64) -> Option<Decimal> {
        f.is_finite().then(|| Decimal::from_scientific(&format!("{f:.14e}")).ok().map(|d| d.normalize())).flatten()
    }

    proptest::proptest! {
        #[test]
        fn whole_numbers_convert_as_through_text(n in -2_000_000_000_000_000i64..2_000_000_000_000_000i64) {
            let f = n as f64;
            let (a, b) = (float_to_decimal(f), through_text(f));
            proptest::prop_assert_eq!(a, b);
            proptest::prop_assert_eq!(a.map(|d| d.to_string()), b.map(|d| d.to_string()));
        }

        #[test]
        fn any_float_converts_as_through_text(f in proptest::num::f64::ANY) {
            let (a, b) = (float_to_decimal(f), through_text(f));
            proptest::prop_assert_eq!(a.map(|d| d.to_string()), b.map(|d| d.to_string()));
        }
    }

    #[test]
    fn small_whole_numbers_and_zeros_convert_as_through_text() {
        for f in [0.0, -0.0, 1.0, -1.0, 12.0, 1e14, 999_999_999_999_999.0, 1e15, 56.25, 0.1] {
            assert_eq!(float_to_decimal(f).map(|d| d.to_string()), through_text(f).map(|d| d.to_string()), "{f}");
        }
    }

    #[test]
    fn cells_and_what_they_give() {
        let gs04 = ind("GS04"); // count, cuộc, max 50
        let vd04 = ind("VD04"); // amount, tỷ đồng, max 1000
        let vd01 = ind("VD01"); // amount, triệu đồng
        let s = |t: &str| Data::String(t.to_owned());
        type Case<'a> = (&'a str, Data, &'a Indicator, Option<Decimal>, Option<Code>);
        let cases: Vec<Case> = vec![
            ("empty is not reported", Data::Empty, &gs04, None, None),
            ("blank text is not reported", s("  "), &gs04, None, None),
            ("integer cell", Data::Int(7), &gs04, Some(dec("7")), None),
            ("float cell kept exact", Data::Float(3.3864), &vd04, Some(dec("3.3864")), None),
            ("whole float in a count", Data::Float(2.0), &gs04, Some(dec("2")), None),
            ("fraction in a count", Data::Float(2.5), &gs04, None, Some(Code::Fraction)),
            ("negative", Data::Int(-1), &gs04, None, Some(Code::Negative)),
            ("over max", Data::Int(51), &gs04, None, Some(Code::OverMax)),
            ("at max", Data::Int(50), &gs04, Some(dec("50")), None),
            ("text thousands", s("1.250"), &vd01, Some(dec("1250")), Some(Code::Ambiguous)),
            ("text decimal comma", s("2,5"), &vd04, Some(dec("2.5")), Some(Code::TextNumber)),
            ("text with own unit", s("12 cuộc"), &gs04, Some(dec("12")), Some(Code::UnitConverted)),
            ("money in đồng into triệu", s("60.000.000 đồng"), &vd01, Some(dec("60")), Some(Code::UnitConverted)),
            ("dash is zero", s("-"), &gs04, Some(dec("0")), None),
            ("không is zero", s("không"), &gs04, Some(dec("0")), None),
            ("words", s("nhiều"), &gs04, None, Some(Code::NotANumber)),
            ("wrong unit word", s("12 người"), &gs04, None, Some(Code::UnitWord)),
            ("boolean", Data::Bool(true), &gs04, None, Some(Code::NotANumber)),
            ("error value", Data::Error(calamine::CellErrorType::Div0), &gs04, None, Some(Code::ErrorValue)),
            ("nan", Data::Float(f64::NAN), &gs04, None, Some(Code::NotANumber)),
            ("formula noise is Excel's 7", Data::Float(7.000000000000001), &gs04, Some(dec("7")), None),
            ("unit word and ambiguity", s("1.250 triệu"), &vd01, Some(dec("1250")), Some(Code::UnitConverted)),
        ];
        for (name, cell, indicator, value, code) in cases {
            let r = read_value(&cell, None, indicator);
            assert_eq!(r.value, value, "{name}: value");
            assert_eq!(r.findings.first().map(|f| f.0), code, "{name}: finding");
        }
    }

    #[test]
    fn a_unit_word_does_not_hide_an_ambiguous_number() {
        let r = read_value(&Data::String("1.250 triệu".into()), None, &ind("VD01"));
        let codes: Vec<Code> = r.findings.iter().map(|f| f.0).collect();
        assert_eq!(codes, [Code::UnitConverted, Code::Ambiguous]);
    }

    #[test]
    fn long_text_is_quoted_short() {
        let r = read_value(&Data::String("x".repeat(40_000)), None, &ind("GS04"));
        assert!(r.findings[0].1.text(crate::messages::Lang::Vi).chars().count() < 300);
    }

    #[test]
    fn the_bound_is_ten_to_the_eighteenth() {
        assert_eq!(MAX_VALUE, Decimal::from(10u64.pow(18)));
    }

    #[test]
    fn formula_without_cached_value_is_reported() {
        let r = read_value(&Data::Empty, Some("SUM(E1:E2)"), &ind("GS04"));
        assert_eq!(r.findings[0].0, Code::FormulaNoValue);
    }
}
