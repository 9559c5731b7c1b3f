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
//!
//! `fold_keeping_punctuation` is the same comparison for the words of a value cell and of a
//! unit of measure, where punctuation is part of the word (`%`, `-`).

use unicode_normalization::char::{decompose_canonical, is_combining_mark};
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

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
    // Each character is decomposed on its own and its marks dropped: the same letters as
    // NFD, whose only other work (reordering marks) is moot when every mark is dropped, at
    // a fraction of the cost (folding is the hottest loop of reading a large inbox).
    for c in text.chars() {
        if c.is_ascii() {
            push_folded(&mut out, &mut pending_space, c);
        } else {
            decompose_canonical(c, |d| {
                if !is_combining_mark(d) {
                    push_folded(&mut out, &mut pending_space, d);
                }
            });
        }
    }
    out
}

fn push_folded(out: &mut String, pending_space: &mut bool, c: char) {
    let c = match c {
        'đ' | 'Đ' => 'd',
        // Some fonts and converters emit these look-alikes for đ.
        'ð' | 'Ð' | 'ɖ' => 'd',
        _ => c,
    };
    if c.is_alphanumeric() {
        if *pending_space && !out.is_empty() {
            out.push(' ');
        }
        *pending_space = false;
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    } else {
        *pending_space = true;
    }
}

/// Folds a unit-of-measure word or a word for zero to its comparison key, keeping punctuation:
/// lower case, combining marks dropped, `đ` → `d`, each run of whitespace one space, trailing
/// `.` dropped (`tr.`, `cuộc.`), everything else as typed.
///
/// The value-cell reader (`read::value_text`) compares with this rather than with [`fold`],
/// because there the punctuation is the word, not a separator:
/// - `%` is a unit of measure (`12,5%` in a `%` row), and `-`, `–`, `—`, `−` alone mean zero;
///   [`fold`] makes each of them the empty key, which matches nothing.
/// - Only spaces and `.` separate the words of a money unit (`tr.đ`, `Tr. đồng`; the reader
///   splits on `.` itself): `tr-đ` or `tr/đ` is not triệu đồng, whereas [`fold`] would make
///   both `tr d`.
///
/// It also leaves the look-alikes of `đ` (`ð`, `ɖ`) as they are, which [`fold`] maps to `d`:
/// this is the reader's folding moved here unchanged, and reading `ð` as `đ` in a unit word
/// would be a change of what the reader accepts, to be decided on its own.
pub(crate) fn fold_keeping_punctuation(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.to_lowercase().nfd().filter(|c| !is_combining_mark(*c)) {
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
    // `tr.` and `cuộc.`: a clerk's abbreviation or full stop, not part of the unit.
    while out.ends_with('.') {
        out.pop();
    }
    out
}

/// Folded words of a text, for prefix and sub-sequence matching.
pub fn words(text: &str) -> Vec<String> {
    fold(text).split(' ').filter(|w| !w.is_empty()).map(str::to_owned).collect()
}

/// NFC form of a text: every text tonghop keeps or writes is NFC.
pub fn nfc(text: &str) -> String {
    // Nearly every text is NFC already (the reader normalises each cell once): checking is
    // cheaper than composing.
    if is_nfc_quick(text.chars()) == IsNormalized::Yes { text.to_owned() } else { text.nfc().collect() }
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
    fn fold_keeping_punctuation_cases() {
        // (name, input, fold_keeping_punctuation, fold): what both do alike, then where they
        // differ and the value-cell reader needs the first.
        let cases = [
            ("case and marks", "Triệu Đồng", "trieu dong", "trieu dong"),
            ("NFD input", "cuo\u{323}\u{302}c", "cuoc", "cuoc"),
            ("whitespace collapsed", "  Không \u{a0} có ", "khong co", "khong co"),
            ("digits and superscripts kept", "m²", "m²", "m²"),
            ("trailing dot dropped", "cuộc.", "cuoc", "cuoc"),
            ("every trailing dot", "tr..", "tr", "tr"),
            ("percent is a unit", "%", "%", ""),
            ("hyphen is zero", "-", "-", ""),
            ("en dash is zero", "\u{2013}", "\u{2013}", ""),
            ("minus sign is zero", "\u{2212}", "\u{2212}", ""),
            ("zero then unit", "- đồng", "- dong", "dong"),
            ("abbreviating dot kept", "tr.đ", "tr.d", "tr d"),
            ("hyphen inside kept", "tr-đ", "tr-d", "tr d"),
            ("slash inside kept", "tr/đ", "tr/d", "tr d"),
            ("d look-alike kept", "ð", "ð", "d"),
        ];
        for (name, input, kept, folded) in cases {
            assert_eq!(fold_keeping_punctuation(input), kept, "{name}");
            assert_eq!(fold(input), folded, "{name}: fold");
        }
    }

    #[test]
    fn distinct_names_stay_distinct() {
        assert_ne!(fold("Xã Tam Thanh"), fold("Xã Tam Thăng"));
        assert_ne!(fold("Tân Thạnh"), fold("Tam Thanh"));
    }

    /// The folding of the first version, through a full NFD: `fold` must give the same keys.
    fn fold_through_nfd(text: &str) -> String {
        let mut out = String::new();
        let mut pending_space = false;
        for c in text.nfd().filter(|c| !is_combining_mark(*c)) {
            push_folded(&mut out, &mut pending_space, c);
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn folding_char_by_char_equals_folding_through_nfd(text in "\\PC{0,40}") {
            proptest::prop_assert_eq!(fold(&text), fold_through_nfd(&text));
        }

        #[test]
        fn vietnamese_text_folds_as_through_nfd(
            text in "[a-zA-ZàáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđĐ\u{0300}\u{0301}\u{0303}\u{0309}\u{0323}\u{031B}\u{0306}\u{0302} .,/-]{0,40}"
        ) {
            proptest::prop_assert_eq!(fold(&text), fold_through_nfd(&text));
        }
    }

    #[test]
    fn nfc_composes() {
        assert_eq!(nfc("a\u{0300}"), "à");
    }
}
