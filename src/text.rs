//! Texts as outputs carry them: cleaned of control characters, escaped for a terminal, cut
//! to a length. Every output goes through these, so a cell typed anywhere prints the same way.

use std::borrow::Cow;

/// The text of a cell as every output can carry it: the line breaks of every origin (Excel's
/// `_x000B_`, CR LF, a form feed, U+2028) become `\n`; other control characters, which XML
/// cannot hold and a terminal would obey, are dropped. Tabs stay.
pub fn clean_text(text: &str) -> Cow<'_, str> {
    let is_break = |c: char| matches!(c, '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}');
    let is_control = |c: char| c.is_control() && c != '\t' || matches!(c, '\u{FFFE}' | '\u{FFFF}');
    if !text.chars().any(|c| c != '\n' && (is_break(c) || is_control(c))) {
        return Cow::Borrowed(text);
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
    Cow::Owned(out)
}

/// A name as a terminal may print it: control characters (an escape sequence, a newline in a
/// file name) shown escaped instead of obeyed.
pub fn printable(text: &str) -> Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars().map(|c| if c.is_control() { c.escape_default().to_string() } else { c.to_string() }).collect(),
    )
}

/// A text cut to at most `max` characters, the last one `…` when something was cut.
pub fn truncate(text: &str, max: usize) -> Cow<'_, str> {
    match text.char_indices().nth(max) {
        None => Cow::Borrowed(text),
        Some(_) => text.chars().take(max.saturating_sub(1)).chain(std::iter::once('…')).collect::<String>().into(),
    }
}

/// The first letter in lower case: `Báo cáo kết quả` → `báo cáo kết quả`, inside a sentence.
pub fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The first letter in upper case: `bị loại` → `Bị loại`, as a table's cells start.
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
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
    fn truncation_keeps_short_texts_and_marks_cuts() {
        assert_eq!(truncate("abc", 3), "abc");
        assert_eq!(truncate("abcd", 3), "ab…");
        assert_eq!(truncate("Phường", 10), "Phường");
        assert_eq!(truncate("", 0), "");
    }
}
