//! The byte tables: a character as Excel shows it → the legacy byte (Windows-1252), and
//! byte → letter for TCVN3 and VNI.
//!
//! The letter tables are the spec's reference tables (`../shared/spec/encodings/`
//! `tcvn3_decode.tsv` and `vni_decode.tsv`, explained by the README beside them) written as
//! `match`es. They are the one source of truth: `tcvn3_is_the_spec_table` and
//! `vni_is_the_spec_table` read the TSVs and compare them with these tables entry by entry,
//! in both directions (in CI, where `../shared` lies beside the project).

use encoding_rs::{EncoderResult, WINDOWS_1252};

/// The byte a legacy character was stored as. Excel turned each legacy byte into the
/// Windows-1252 character of the same value, so U+0000–U+00FF map back to their own value
/// (U+0080–U+009F included: the five bytes that cp1252 leaves undefined arrive as these C1
/// controls), and the cp1252 characters at 0x80–0x9F (`€`, `‚`, `“`, `Ÿ`, ...) to their byte.
pub(super) fn legacy_byte(c: char) -> Option<u8> {
    if let Ok(byte) = u8::try_from(c) {
        return Some(byte);
    }
    let mut utf8 = [0; 4];
    let mut byte = [0; 1];
    let (result, _, written) =
        WINDOWS_1252.new_encoder().encode_from_utf8_without_replacement(c.encode_utf8(&mut utf8), &mut byte, true);
    (result == EncoderResult::InputEmpty && written == 1).then_some(byte[0])
}

/// TCVN3 (ABC) byte → letter, from `tcvn3_decode.tsv` (74 letters).
/// Toned letters exist in lower case only; 0xA1–0xA7 are the only capitals.
pub(super) fn tcvn3_letter(byte: u8) -> Option<char> {
    Some(match byte {
        0xA1 => 'Ă',
        0xA2 => 'Â',
        0xA3 => 'Ê',
        0xA4 => 'Ô',
        0xA5 => 'Ơ',
        0xA6 => 'Ư',
        0xA7 => 'Đ',
        0xA8 => 'ă',
        0xA9 => 'â',
        0xAA => 'ê',
        0xAB => 'ô',
        0xAC => 'ơ',
        0xAD => 'ư',
        0xAE => 'đ',
        0xB5 => 'à',
        0xB6 => 'ả',
        0xB7 => 'ã',
        0xB8 => 'á',
        0xB9 => 'ạ',
        0xBB => 'ằ',
        0xBC => 'ẳ',
        0xBD => 'ẵ',
        0xBE => 'ắ',
        0xC6 => 'ặ',
        0xC7 => 'ầ',
        0xC8 => 'ẩ',
        0xC9 => 'ẫ',
        0xCA => 'ấ',
        0xCB => 'ậ',
        0xCC => 'è',
        0xCE => 'ẻ',
        0xCF => 'ẽ',
        0xD0 => 'é',
        0xD1 => 'ẹ',
        0xD2 => 'ề',
        0xD3 => 'ể',
        0xD4 => 'ễ',
        0xD5 => 'ế',
        0xD6 => 'ệ',
        0xD7 => 'ì',
        0xD8 => 'ỉ',
        0xDC => 'ĩ',
        0xDD => 'í',
        0xDE => 'ị',
        0xDF => 'ò',
        0xE1 => 'ỏ',
        0xE2 => 'õ',
        0xE3 => 'ó',
        0xE4 => 'ọ',
        0xE5 => 'ồ',
        0xE6 => 'ổ',
        0xE7 => 'ỗ',
        0xE8 => 'ố',
        0xE9 => 'ộ',
        0xEA => 'ờ',
        0xEB => 'ở',
        0xEC => 'ỡ',
        0xED => 'ớ',
        0xEE => 'ợ',
        0xEF => 'ù',
        0xF1 => 'ủ',
        0xF2 => 'ũ',
        0xF3 => 'ú',
        0xF4 => 'ụ',
        0xF5 => 'ừ',
        0xF6 => 'ử',
        0xF7 => 'ữ',
        0xF8 => 'ứ',
        0xF9 => 'ự',
        0xFA => 'ỳ',
        0xFB => 'ỷ',
        0xFC => 'ỹ',
        0xFD => 'ý',
        0xFE => 'ỵ',
        _ => return None,
    })
}

/// VNI-Windows letters that take a single byte, from `vni_decode.tsv`.
pub(super) fn vni_single(byte: u8) -> Option<char> {
    Some(match byte {
        0xC6 => 'Ỉ', // Æ
        0xCC => 'Ì', // Ì
        0xCD => 'Í', // Í
        0xCE => 'Ỵ', // Î
        0xD1 => 'Đ', // Ñ
        0xD2 => 'Ị', // Ò
        0xD3 => 'Ĩ', // Ó
        0xD4 => 'Ơ', // Ô
        0xD6 => 'Ư', // Ö
        0xE6 => 'ỉ', // æ
        0xEC => 'ì', // ì
        0xED => 'í', // í
        0xEE => 'ỵ', // î
        0xF1 => 'đ', // ñ
        0xF2 => 'ị', // ò
        0xF3 => 'ĩ', // ó
        0xF4 => 'ơ', // ô
        0xF6 => 'ư', // ö
        _ => return None,
    })
}

/// VNI-Windows letters written as base byte + mark byte, from `vni_decode.tsv`.
pub(super) fn vni_pair(base: u8, mark: u8) -> Option<char> {
    Some(match (base, mark) {
        (0x41, 0xC0) => 'Ầ', // AÀ
        (0x41, 0xC1) => 'Ấ', // AÁ
        (0x41, 0xC2) => 'Â', // AÂ
        (0x41, 0xC3) => 'Ẫ', // AÃ
        (0x41, 0xC4) => 'Ậ', // AÄ
        (0x41, 0xC5) => 'Ẩ', // AÅ
        (0x41, 0xC8) => 'Ằ', // AÈ
        (0x41, 0xC9) => 'Ắ', // AÉ
        (0x41, 0xCA) => 'Ă', // AÊ
        (0x41, 0xCB) => 'Ặ', // AË
        (0x41, 0xCF) => 'Ạ', // AÏ
        (0x41, 0xD5) => 'Ã', // AÕ
        (0x41, 0xD8) => 'À', // AØ
        (0x41, 0xD9) => 'Á', // AÙ
        (0x41, 0xDA) => 'Ẳ', // AÚ
        (0x41, 0xDB) => 'Ả', // AÛ
        (0x41, 0xDC) => 'Ẵ', // AÜ
        (0x45, 0xC0) => 'Ề', // EÀ
        (0x45, 0xC1) => 'Ế', // EÁ
        (0x45, 0xC2) => 'Ê', // EÂ
        (0x45, 0xC3) => 'Ễ', // EÃ
        (0x45, 0xC4) => 'Ệ', // EÄ
        (0x45, 0xC5) => 'Ể', // EÅ
        (0x45, 0xCF) => 'Ẹ', // EÏ
        (0x45, 0xD5) => 'Ẽ', // EÕ
        (0x45, 0xD8) => 'È', // EØ
        (0x45, 0xD9) => 'É', // EÙ
        (0x45, 0xDB) => 'Ẻ', // EÛ
        (0x4F, 0xC0) => 'Ồ', // OÀ
        (0x4F, 0xC1) => 'Ố', // OÁ
        (0x4F, 0xC2) => 'Ô', // OÂ
        (0x4F, 0xC3) => 'Ỗ', // OÃ
        (0x4F, 0xC4) => 'Ộ', // OÄ
        (0x4F, 0xC5) => 'Ổ', // OÅ
        (0x4F, 0xCF) => 'Ọ', // OÏ
        (0x4F, 0xD5) => 'Õ', // OÕ
        (0x4F, 0xD8) => 'Ò', // OØ
        (0x4F, 0xD9) => 'Ó', // OÙ
        (0x4F, 0xDB) => 'Ỏ', // OÛ
        (0x55, 0xCF) => 'Ụ', // UÏ
        (0x55, 0xD5) => 'Ũ', // UÕ
        (0x55, 0xD8) => 'Ù', // UØ
        (0x55, 0xD9) => 'Ú', // UÙ
        (0x55, 0xDB) => 'Ủ', // UÛ
        (0x59, 0xD5) => 'Ỹ', // YÕ
        (0x59, 0xD8) => 'Ỳ', // YØ
        (0x59, 0xD9) => 'Ý', // YÙ
        (0x59, 0xDB) => 'Ỷ', // YÛ
        (0x61, 0xE0) => 'ầ', // aà
        (0x61, 0xE1) => 'ấ', // aá
        (0x61, 0xE2) => 'â', // aâ
        (0x61, 0xE3) => 'ẫ', // aã
        (0x61, 0xE4) => 'ậ', // aä
        (0x61, 0xE5) => 'ẩ', // aå
        (0x61, 0xE8) => 'ằ', // aè
        (0x61, 0xE9) => 'ắ', // aé
        (0x61, 0xEA) => 'ă', // aê
        (0x61, 0xEB) => 'ặ', // aë
        (0x61, 0xEF) => 'ạ', // aï
        (0x61, 0xF5) => 'ã', // aõ
        (0x61, 0xF8) => 'à', // aø
        (0x61, 0xF9) => 'á', // aù
        (0x61, 0xFA) => 'ẳ', // aú
        (0x61, 0xFB) => 'ả', // aû
        (0x61, 0xFC) => 'ẵ', // aü
        (0x65, 0xE0) => 'ề', // eà
        (0x65, 0xE1) => 'ế', // eá
        (0x65, 0xE2) => 'ê', // eâ
        (0x65, 0xE3) => 'ễ', // eã
        (0x65, 0xE4) => 'ệ', // eä
        (0x65, 0xE5) => 'ể', // eå
        (0x65, 0xEF) => 'ẹ', // eï
        (0x65, 0xF5) => 'ẽ', // eõ
        (0x65, 0xF8) => 'è', // eø
        (0x65, 0xF9) => 'é', // eù
        (0x65, 0xFB) => 'ẻ', // eû
        (0x6F, 0xE0) => 'ồ', // oà
        (0x6F, 0xE1) => 'ố', // oá
        (0x6F, 0xE2) => 'ô', // oâ
        (0x6F, 0xE3) => 'ỗ', // oã
        (0x6F, 0xE4) => 'ộ', // oä
        (0x6F, 0xE5) => 'ổ', // oå
        (0x6F, 0xEF) => 'ọ', // oï
        (0x6F, 0xF5) => 'õ', // oõ
        (0x6F, 0xF8) => 'ò', // oø
        (0x6F, 0xF9) => 'ó', // où
        (0x6F, 0xFB) => 'ỏ', // oû
        (0x75, 0xEF) => 'ụ', // uï
        (0x75, 0xF5) => 'ũ', // uõ
        (0x75, 0xF8) => 'ù', // uø
        (0x75, 0xF9) => 'ú', // uù
        (0x75, 0xFB) => 'ủ', // uû
        (0x79, 0xF5) => 'ỹ', // yõ
        (0x79, 0xF8) => 'ỳ', // yø
        (0x79, 0xF9) => 'ý', // yù
        (0x79, 0xFB) => 'ỷ', // yû
        (0xD4, 0xCF) => 'Ợ', // ÔÏ
        (0xD4, 0xD5) => 'Ỡ', // ÔÕ
        (0xD4, 0xD8) => 'Ờ', // ÔØ
        (0xD4, 0xD9) => 'Ớ', // ÔÙ
        (0xD4, 0xDB) => 'Ở', // ÔÛ
        (0xD6, 0xCF) => 'Ự', // ÖÏ
        (0xD6, 0xD5) => 'Ữ', // ÖÕ
        (0xD6, 0xD8) => 'Ừ', // ÖØ
        (0xD6, 0xD9) => 'Ứ', // ÖÙ
        (0xD6, 0xDB) => 'Ử', // ÖÛ
        (0xF4, 0xEF) => 'ợ', // ôï
        (0xF4, 0xF5) => 'ỡ', // ôõ
        (0xF4, 0xF8) => 'ờ', // ôø
        (0xF4, 0xF9) => 'ớ', // ôù
        (0xF4, 0xFB) => 'ở', // ôû
        (0xF6, 0xEF) => 'ự', // öï
        (0xF6, 0xF5) => 'ữ', // öõ
        (0xF6, 0xF8) => 'ừ', // öø
        (0xF6, 0xF9) => 'ứ', // öù
        (0xF6, 0xFB) => 'ử', // öû
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeMap, BTreeSet};
    use std::path::Path;

    /// Bytes 0x80–0xFF as Excel shows them: Windows-1252, where the five bytes it leaves
    /// undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) arrive as the C1 control of the same value.
    const CP1252_HIGH: [&str; 8] = [
        "€\u{81}‚ƒ„…†‡ˆ‰Š‹Œ\u{8D}Ž\u{8F}",
        "\u{90}‘’“”•–—˜™š›œ\u{9D}žŸ",
        "\u{A0}¡¢£¤¥¦§¨©ª«¬\u{AD}®¯",
        "°±²³´µ¶·¸¹º»¼½¾¿",
        "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏ",
        "ÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞß",
        "àáâãäåæçèéêëìíîï",
        "ðñòóôõö÷øùúûüýþÿ",
    ];

    #[test]
    fn every_byte_seen_through_cp1252_maps_back() {
        let seen: Vec<char> = CP1252_HIGH.concat().chars().collect();
        assert_eq!(seen.len(), 128);
        for (byte, &c) in (0x80..=0xFFu8).zip(&seen) {
            assert_eq!(legacy_byte(c), Some(byte), "{byte:#04X} seen as {c:?}");
        }
        // Below U+0100 every character is its own byte, C1 controls included (which cp1252 itself
        // would not encode).
        for byte in 0..=0xFFu8 {
            assert_eq!(legacy_byte(char::from(byte)), Some(byte), "{byte:#04X}");
        }
        // Above, only the 27 characters of the table above have a byte.
        let above: BTreeSet<char> =
            (0x100..=0x10FFFF).filter_map(char::from_u32).filter(|&c| legacy_byte(c).is_some()).collect();
        let expected: BTreeSet<char> = seen.iter().copied().filter(|&c| u32::from(c) > 0xFF).collect();
        assert_eq!(expected.len(), 27);
        assert_eq!(above, expected);
    }

    /// Each letter has one encoding: 74 TCVN3 bytes; 134 VNI letters, 18 of one byte and 116
    /// of two. (Checked without the spec, which a user's clone lacks.)
    #[test]
    fn each_letter_is_encoded_once() {
        let tcvn3: Vec<char> = (0..=0xFFu8).filter_map(tcvn3_letter).collect();
        let vni: Vec<char> = (0..=0xFFu8)
            .filter_map(vni_single)
            .chain((0..=0xFFu8).flat_map(|a| (0..=0xFFu8).filter_map(move |b| vni_pair(a, b))))
            .collect();
        let singles = (0..=0xFFu8).filter_map(vni_single).count();
        assert_eq!((tcvn3.len(), vni.len(), singles), (74, 134, 18));
        for letters in [tcvn3, vni] {
            let distinct: BTreeSet<char> = letters.iter().copied().collect();
            assert_eq!(distinct.len(), letters.len());
        }
    }

    /// A spec table read from `../shared/spec/encodings/`, split into its rows of tab-separated
    /// columns after checking its header.
    fn spec_rows(file: &str, header: &str) -> Vec<Vec<String>> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/spec/encodings");
        assert!(
            dir.is_dir(),
            "the spec's encoding tables are missing: {} (CI lays ../shared beside the project)",
            dir.display()
        );
        let path = dir.join(file);
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        let mut lines = text.lines();
        assert_eq!(lines.next(), Some(header), "the columns of {} have changed", path.display());
        lines.filter(|l| !l.is_empty()).map(|l| l.split('\t').map(str::to_owned).collect()).collect()
    }

    fn hex_byte(text: &str) -> u8 {
        u8::from_str_radix(text.trim_start_matches("0x"), 16).unwrap_or_else(|_| panic!("not a byte: {text:?}"))
    }

    fn one_char(text: &str) -> char {
        let mut chars = text.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => c,
            _ => panic!("not one character: {text:?}"),
        }
    }

    /// Both tables agree entry by entry: every row of the spec is ours, and we have no other.
    fn assert_same_table<K: Ord + std::fmt::Debug>(spec: &BTreeMap<K, char>, ours: &BTreeMap<K, char>) {
        for (key, letter) in spec {
            assert_eq!(ours.get(key), Some(letter), "the spec has {key:02X?} → {letter}");
        }
        for (key, letter) in ours {
            assert_eq!(spec.get(key), Some(letter), "our table has {key:02X?} → {letter}");
        }
    }

    #[test]
    #[ignore = "needs ../shared/spec/encodings beside the project; run with `cargo test --lib -- --ignored spec_table`"]
    fn tcvn3_is_the_spec_table() {
        let header = "byte\tchar_as_seen_in_excel(cp1252)\tcodepoint_seen\tunicode_lower\tunicode_upper_if_any";
        let mut spec = BTreeMap::new();
        for row in spec_rows("tcvn3_decode.tsv", header) {
            let [byte, seen, codepoint, lower, upper] = &row[..] else { panic!("{row:?}: five columns expected") };
            let byte = hex_byte(byte);
            // The character Excel shows maps back to the byte.
            let seen = if seen == "(soft hyphen)" { '\u{AD}' } else { one_char(seen) };
            assert_eq!(*codepoint, format!("U+{:04X}", u32::from(seen)), "{row:?}");
            assert_eq!(legacy_byte(seen), Some(byte), "{row:?}");
            // A toned letter is lower case, its capital (drawn by an `…H` font) plain Unicode
            // upper-casing; the seven capitals ABC has are given as capitals only.
            let letter = if lower.is_empty() { one_char(upper) } else { one_char(lower) };
            if !lower.is_empty() && !upper.is_empty() {
                assert_eq!(*upper, lower.to_uppercase(), "{row:?}");
            }
            assert!(spec.insert(byte, letter).is_none(), "{row:?}: byte listed twice");
        }
        let ours: BTreeMap<u8, char> = (0..=0xFFu8).filter_map(|b| Some((b, tcvn3_letter(b)?))).collect();
        assert_same_table(&spec, &ours);
    }

    #[test]
    #[ignore = "needs ../shared/spec/encodings beside the project; run with `cargo test --lib -- --ignored spec_table`"]
    fn vni_is_the_spec_table() {
        let mut spec = BTreeMap::new();
        for row in spec_rows("vni_decode.tsv", "unicode\tvni_bytes\tas_seen_in_excel(cp1252)") {
            let [letter, bytes, seen] = &row[..] else { panic!("{row:?}: three columns expected") };
            let bytes: Vec<u8> = bytes.split(' ').map(hex_byte).collect();
            // The characters Excel shows map back to the bytes.
            let back: Option<Vec<u8>> = seen.chars().map(legacy_byte).collect();
            assert_eq!(back.as_ref(), Some(&bytes), "{row:?}");
            assert!(spec.insert(bytes, one_char(letter)).is_none(), "{row:?}: bytes listed twice");
        }
        let mut ours = BTreeMap::new();
        for first in 0..=0xFFu8 {
            if let Some(letter) = vni_single(first) {
                ours.insert(vec![first], letter);
            }
            for second in 0..=0xFFu8 {
                if let Some(letter) = vni_pair(first, second) {
                    ours.insert(vec![first, second], letter);
                }
            }
        }
        assert_same_table(&spec, &ours);
    }

    /// Cross-check against glibc's TCVN5712-1 charmap. Needs `iconv`, so run it by hand:
    /// `cargo test -- --ignored iconv`.
    #[test]
    #[ignore = "needs glibc iconv; run by hand"]
    fn tcvn3_agrees_with_iconv() {
        use std::io::Write;
        use std::process::{Command, Stdio};
        // glibc also maps these bytes of the VN3 range: capitals of TCVN 5712 VN1 and five
        // combining tone marks, which ABC fonts do not have. They stay undecoded here.
        let glibc_extra: Vec<u8> = vec![
            0xAF, 0xB0, 0xB1, 0xB2, 0xB3, 0xB4, 0xBA, 0xBF, 0xC0, 0xC1, 0xC2, 0xC3, 0xC4, 0xC5, 0xCD, 0xD9, 0xDA, 0xDB,
            0xE0, 0xF0,
        ];
        for byte in 0xA1..=0xFEu8 {
            let mut child = Command::new("iconv")
                .args(["-f", "TCVN5712-1", "-t", "UTF-8"])
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .spawn()
                .expect("iconv");
            child.stdin.take().unwrap().write_all(&[byte]).unwrap();
            let output = child.wait_with_output().unwrap();
            let theirs = String::from_utf8(output.stdout).unwrap();
            match tcvn3_letter(byte) {
                Some(ours) => assert_eq!(theirs, ours.to_string(), "{byte:#X}"),
                None => assert!(glibc_extra.contains(&byte), "{byte:#X} → {theirs:?}"),
            }
        }
    }
}
