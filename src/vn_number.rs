//! Numbers written the Vietnamese way: `.` groups thousands, `,` marks decimals.

use rust_decimal::Decimal;

/// A decimal with `.` thousands and `,` decimals, trailing zeros dropped:
/// `1000000` → `1.000.000`, `13.3864` → `13,3864`, `2.500` → `2,5`.
pub(crate) fn plain(value: Decimal) -> String {
    let normalized = value.normalize();
    let text = normalized.abs().to_string();
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let mut out = String::new();
    if normalized.is_sign_negative() && !normalized.is_zero() {
        out.push('-');
    }
    out.push_str(&group_thousands(int));
    if !frac.is_empty() {
        out.push(',');
        out.push_str(frac);
    }
    out
}

/// `1234567` → `1.234.567` (digits only).
pub(crate) fn group_thousands(digits: &str) -> String {
    let n = digits.len();
    let mut out = String::with_capacity(n + n / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (n - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// A count as official reports write it: thousands grouped with `.`, and two digits under
/// ten (`08 lượt`, `02 cuộc`, `11.383 lượt`). Fractions are kept (`2,5`) rather than hidden.
pub(crate) fn count(value: Decimal) -> String {
    let v = value.normalize();
    if v.fract().is_zero() && v >= Decimal::ZERO && v < Decimal::TEN { format!("{:02}", v.trunc()) } else { plain(v) }
}

/// `n/N` with at least two digits each: `04/13`, `13/13`.
pub(crate) fn ratio(n: usize, total: usize) -> String {
    format!("{n:02}/{total:02}")
}

/// An amount to three decimals, trailing zeros dropped, `hơn` in front when cutting the
/// fourth decimal and beyond lost something: 13,3864 → `hơn 13,386`; 2,5 → `2,5`;
/// 60000000 → `60.000.000`.
pub(crate) fn amount(value: Decimal) -> String {
    let v = value.normalize();
    let shown = v.trunc_with_scale(3);
    let text = plain(shown);
    if shown == v { text } else { format!("hơn {text}") }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn counts_as_reports_write_them() {
        let cases = [
            ("0", "00"),
            ("2", "02"),
            ("8", "08"),
            ("9", "09"),
            ("10", "10"),
            ("31", "31"),
            ("11383", "11.383"),
            ("2.5", "2,5"),
        ];
        for (input, want) in cases {
            assert_eq!(count(Decimal::from_str(input).unwrap()), want, "{input}");
        }
    }

    #[test]
    fn ratios_have_two_digits() {
        assert_eq!(ratio(4, 13), "04/13");
        assert_eq!(ratio(13, 13), "13/13");
        assert_eq!(ratio(0, 5), "00/05");
        assert_eq!(ratio(120, 130), "120/130");
    }

    #[test]
    fn amounts_to_three_decimals_with_hon() {
        let cases = [
            ("13.3864", "hơn 13,386"),
            ("13.386", "13,386"),
            ("13.3860", "13,386"),
            ("2.5", "2,5"),
            ("2.50", "2,5"),
            ("60000000", "60.000.000"),
            ("3.3769", "hơn 3,376"),
            ("0.0004", "hơn 0"),
            ("1234.5678", "hơn 1.234,567"),
        ];
        for (input, want) in cases {
            assert_eq!(amount(Decimal::from_str(input).unwrap()), want, "{input}");
        }
    }

    #[test]
    fn plain_numbers() {
        let cases = [
            ("0", "0"),
            ("35", "35"),
            ("1000", "1.000"),
            ("1000000", "1.000.000"),
            ("11383", "11.383"),
            ("13.3864", "13,3864"),
            ("2.500", "2,5"),
            ("-1234.5", "-1.234,5"),
        ];
        for (input, want) in cases {
            assert_eq!(plain(Decimal::from_str(input).unwrap()), want, "{input}");
        }
    }
}
