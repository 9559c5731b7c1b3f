//! The number in a value cell's text: where it stands, what it is worth read the Vietnamese way
//! (`.` groups thousands, `,` marks decimals) and the English way, as an exact decimal, and
//! that decimal rescaled exactly from one money unit to another.

use rust_decimal::Decimal;

use super::TextError;

/// Largest number of decimal places a `Decimal` holds.
const MAX_SCALE: usize = 28;

/// Where the number sits in the text, and what surrounds it.
pub(super) struct Pieces<'a> {
    pub(super) prefix: &'a str,
    pub(super) negative: bool,
    /// Digits, `.`, `,` and single whitespace characters between digits.
    pub(super) body: &'a str,
    pub(super) suffix: &'a str,
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
pub(super) fn split_number(s: &str) -> Option<Pieces<'_>> {
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
pub(super) fn read_number(body: &str, negative: bool) -> Result<(Decimal, Option<Decimal>, bool), TextError> {
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
pub(super) fn rescale(x: Decimal, from: Decimal, to: Decimal) -> Result<Decimal, TextError> {
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

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use rust_decimal::Decimal;

    use crate::read::value_text::tests::{format_vietnamese, ok, run, separator};
    use crate::read::value_text::{TextError, parse_value_text};

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

    const MAX_MANTISSA: i128 = 10i128.pow(28) - 1;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

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
    }
}
