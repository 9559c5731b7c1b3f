//! Numbers written the Vietnamese way: `.` groups thousands, `,` marks decimals.

use rust_decimal::Decimal;

/// A decimal with `.` thousands and `,` decimals, trailing zeros dropped:
/// `1000000` → `1.000.000`, `13.3864` → `13,3864`, `2.500` → `2,5`.
pub fn plain(value: Decimal) -> String {
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
pub fn group_thousands(digits: &str) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

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
