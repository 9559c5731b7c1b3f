//! Name folding: the one way tonghop compares names typed by people.
//!
//! Units type their names, headers and labels in many spellings: `Phường Hoà Thuận`,
//! `P. Hòa Thuận`, `hoa thuan`, NFD text from macOS, double spaces. [`fold`] maps all of
//! them to one key: NFC → NFD, combining marks dropped (so both tone-mark placements,
//! `hoà`/`hòa` and `thuỷ`/`thủy`, become the same letters), `đ` → `d`, lower case, every
//! run of non-alphanumeric characters turned into one space.
//!
//! Matching is by exact folded key, never by edit distance: `Tam Thanh` and `Tam Thăng`
//! are one letter apart and are different units.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Folds a text to its comparison key: lower-case ASCII-ish words separated by single spaces.
///
/// ```
/// use tonghop::names::fold::fold;
/// assert_eq!(fold("  Phường  HOÀ Thuận "), "phuong hoa thuan");
/// assert_eq!(fold("Ghi chú / nội dung cụ thể"), "ghi chu noi dung cu the");
/// assert_eq!(fold("Thủy"), fold("Thuỷ"));
/// ```
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        let c = match c {
            'đ' | 'Đ' => 'd',
            // Some fonts and converters emit these look-alikes for đ.
            'ð' | 'Ð' | 'ɖ' => 'd',
            _ => c,
        };
        if c.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.extend(c.to_lowercase());
        } else {
            pending_space = true;
        }
    }
    out
}

/// Folded words of a text, for prefix and sub-sequence matching.
pub fn words(text: &str) -> Vec<String> {
    fold(text).split(' ').filter(|w| !w.is_empty()).map(str::to_owned).collect()
}

/// NFC form of a text: every text tonghop keeps or writes is NFC.
pub fn nfc(text: &str) -> String {
    text.nfc().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_cases() {
        let cases = [
            ("case is folded", "AN MỸ", "an my"),
            ("đ becomes d", "Đơn vị tính", "don vi tinh"),
            ("old tone placement", "Hoà", "hoa"),
            ("new tone placement", "Hòa", "hoa"),
            ("thuỷ old placement", "Thuỷ", "thuy"),
            ("NFD input", "Ho\u{0061}\u{0300} Thua\u{0323}\u{0302}n", "hoa thuan"),
            ("whitespace collapsed", " a \t b\u{00A0} c ", "a b c"),
            ("punctuation is a separator", "P.An Mỹ", "p an my"),
            ("slashes", "Ghi chú/nội dung", "ghi chu noi dung"),
            ("empty", "", ""),
            ("only punctuation", " .-/ ", ""),
            ("digits kept", "T8/2024", "t8 2024"),
        ];
        for (name, input, want) in cases {
            assert_eq!(fold(input), want, "{name}");
        }
    }

    #[test]
    fn distinct_names_stay_distinct() {
        assert_ne!(fold("Xã Tam Thanh"), fold("Xã Tam Thăng"));
        assert_ne!(fold("Tân Thạnh"), fold("Tam Thanh"));
    }

    #[test]
    fn nfc_composes() {
        assert_eq!(nfc("a\u{0300}"), "à");
    }
}
