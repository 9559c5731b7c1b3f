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
/// use tonghop::fold::fold;
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

/// The text of a cell as every output can carry it: the line breaks of every origin (Excel's
/// `_x000B_`, CR LF, a form feed, U+2028) become `\n`; other control characters, which XML
/// cannot hold and a terminal would obey, are dropped. Tabs stay.
pub fn clean_text(text: &str) -> std::borrow::Cow<'_, str> {
    let is_break = |c: char| matches!(c, '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}');
    let is_control = |c: char| c.is_control() && c != '\t' || matches!(c, '\u{FFFE}' | '\u{FFFF}');
    if !text.chars().any(|c| c != '\n' && (is_break(c) || is_control(c))) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' && chars.peek() == Some(&'\n') {
            continue; // CR LF is one break
        }
        if is_break(c) {
            out.push('\n');
        } else if !is_control(c) {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// A name as a terminal may print it: control characters (an escape sequence, a newline in a
/// file name) shown escaped instead of obeyed.
pub fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(
        text.chars().map(|c| if c.is_control() { c.escape_default().to_string() } else { c.to_string() }).collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_text_is_cleaned_for_every_output() {
        let cases = [
            ("dòng 1\u{0B}dòng 2", "dòng 1\ndòng 2"),
            ("a\r\nb\rc", "a\nb\nc"),
            ("a\u{2028}b", "a\nb"),
            ("chuông\u{7}\u{1b}[31m đỏ", "chuông[31m đỏ"),
            ("cột\tcột", "cột\tcột"),
            ("bình thường", "bình thường"),
        ];
        for (text, want) in cases {
            assert_eq!(clean_text(text), want, "{text:?}");
        }
        assert_eq!(printable("a\u{1b}[2Jb\nc.xlsx"), "a\\u{1b}[2Jb\\nc.xlsx");
    }

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
