//! Legacy Vietnamese 8-bit font encodings: TCVN3 (ABC) and VNI-Windows.
//!
//! Offices typed documents in these encodings for years before Unicode; the bytes were shown
//! as Vietnamese only by special fonts (`.VnTime`, `VNI-Times`, ...). In a modern .xlsx/.xls
//! the cell text is Unicode, so every legacy byte arrives as the Windows-1252 character of the
//! same value (byte 0xB8 arrives as U+00B8 `¸`). Decoding maps each character back to its byte
//! and looks the byte (TCVN3) or byte pair (VNI) up in the tables below, which were generated
//! from the reference tables `tcvn3_decode.tsv` and `vni_decode.tsv`.
//!
//! Detection: text holding a letter that only Unicode can hold (ă, đ, ơ, ư, ĩ, ũ, U+1EA0–U+1EF9,
//! a Vietnamese combining mark) is Unicode. Other text is read three ways (as is, as TCVN3, as
//! VNI) and each reading gets a penalty: one point per word that is not a plausible Vietnamese
//! syllable (left-over Latin-1 symbols or letters, two tone marks, an impossible vowel cluster
//! or final, a tone on the wrong vowel, odd casing). Plain ASCII words cost nothing in any
//! reading. The lowest total wins; ties keep the text as is. Because short strings are often
//! ambiguous, [`detect`] sums the penalties over a whole group of texts (e.g. a sheet), and a
//! cell font name, when known, settles the question outright ([`encoding_from_font`]).

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::decompose_canonical;

/// How the text of a spreadsheet cell is encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// Already Unicode: decoding only NFC-normalises.
    Unicode,
    /// TCVN3 (ABC) as typed in `.VnTime`, `.VnArial`, ...: one byte per letter.
    Tcvn3,
    /// TCVN3 from an all-capitals `…H` font (`.VnTimeH`, `.VnArialH`): the font draws every
    /// letter as a capital, so the decoded text is upper-cased.
    Tcvn3Upper,
    /// VNI-Windows (`VNI-Times`, `VNI-Helve`, ...): base letter followed by a mark byte.
    Vni,
}

/// The readings compared by detection, in order of preference on a tie: the text as is first,
/// so that an undecidable text is never altered. `Tcvn3Upper` is not among them because its
/// bytes are the same as `Tcvn3`'s; only the font name tells them apart.
const READINGS: [Encoding; 3] = [Encoding::Unicode, Encoding::Tcvn3, Encoding::Vni];

/// Encoding implied by a cell font name, if any (".VnTime" → Tcvn3, ".VnTimeH" → Tcvn3Upper,
/// "VNI-Times" → Vni). Any other name (Unicode fonts such as "Times New Roman") gives `None`.
pub fn encoding_from_font(font_name: &str) -> Option<Encoding> {
    let name = font_name.trim();
    let lower = name.to_ascii_lowercase();
    if ["vni-", "vni ", "vni_"].iter().any(|p| lower.starts_with(p)) {
        return Some(Encoding::Vni);
    }
    if lower.starts_with(".vn") {
        // The capitals variants append an upper-case `H` ("hoa") to the family name:
        // `.VnTimeH`, `.VnArial NarrowH`, `.VnBahamasBH`.
        return Some(if name.ends_with('H') { Encoding::Tcvn3Upper } else { Encoding::Tcvn3 });
    }
    None
}

/// Best encoding for one group of texts (e.g. all text cells of one sheet), by summed
/// plausibility scores. Returns `Unicode`, `Tcvn3` or `Vni` (never `Tcvn3Upper`, which only a
/// font name can reveal); on a tie the order of preference is Unicode, Tcvn3, Vni.
pub fn detect<'a, I: IntoIterator<Item = &'a str>>(texts: I) -> Encoding {
    let mut totals = [0u64; 3];
    for text in texts {
        for (total, penalty) in totals.iter_mut().zip(reading_penalties(text)) {
            *total += u64::from(penalty);
        }
    }
    best_reading(&totals)
}

/// Convert one text from the given encoding to NFC Unicode (Unicode: NFC-normalise only).
///
/// Text that already holds Vietnamese-specific Unicode letters is only NFC-normalised whatever
/// the encoding: a legacy byte string can never contain them, so such a cell was typed in
/// Unicode even if the sheet as a whole is legacy. Characters outside the tables pass through.
/// For `Tcvn3`, words visibly typed in capitals are upper-cased (`CéNG HOµ` gives `CỘNG HOÀ`,
/// not `CộNG HOà`): an ABC font has no capital toned letters, so such text came from an `…H`
/// font.
pub fn decode(text: &str, encoding: Encoding) -> String {
    let decoded = match encoding {
        _ if is_unicode_vietnamese(text) => text.to_owned(),
        Encoding::Unicode => text.to_owned(),
        Encoding::Tcvn3 => repair_capitals(&decode_tcvn3_raw(text)),
        Encoding::Tcvn3Upper => decode_tcvn3_raw(text).to_uppercase(),
        Encoding::Vni => decode_vni_raw(text),
    };
    decoded.nfc().collect()
}

/// Convenience for a lone string: detect then decode.
pub fn to_unicode(text: &str) -> String {
    decode(text, detect([text]))
}

/// Convert one text of a group whose encoding was estimated as `context` (usually [`detect`]
/// over its sheet). The text's own scores decide when they are clear, so a clearly legacy cell
/// in a mostly Unicode sheet (or the reverse) is still handled; `context` settles only the
/// texts whose best readings tie, such as short strings that read well both ways. (A
/// `Tcvn3Upper` context upper-cases every text it settles, ASCII included, as its font would.)
pub fn to_unicode_in_context(text: &str, context: Encoding) -> String {
    let penalties = reading_penalties(text);
    let best = penalties.iter().copied().min().unwrap_or(0);
    let context_reading = match context {
        Encoding::Tcvn3Upper => Encoding::Tcvn3,
        other => other,
    };
    let context_ties =
        READINGS.iter().zip(penalties).any(|(&reading, penalty)| reading == context_reading && penalty == best);
    if context_ties { decode(text, context) } else { decode(text, best_reading(&penalties.map(u64::from))) }
}

/// The preferred reading with the lowest total (`min_by_key` keeps the first of equal minima).
fn best_reading(totals: &[u64; 3]) -> Encoding {
    (0..READINGS.len()).min_by_key(|&i| totals[i]).map_or(Encoding::Unicode, |i| READINGS[i])
}

// ---------------------------------------------------------------------------------------------
// Decoding

/// The byte a legacy character was stored as: U+0000–U+00FF directly, and the Windows-1252
/// characters that occupy 0x80–0x9F (Excel converts legacy text through cp1252).
fn legacy_byte(c: char) -> Option<u8> {
    if let Ok(byte) = u8::try_from(c) {
        return Some(byte);
    }
    Some(match c {
        '\u{20AC}' => 0x80,
        '\u{201A}' => 0x82,
        '\u{0192}' => 0x83,
        '\u{201E}' => 0x84,
        '\u{2026}' => 0x85,
        '\u{2020}' => 0x86,
        '\u{2021}' => 0x87,
        '\u{02C6}' => 0x88,
        '\u{2030}' => 0x89,
        '\u{0160}' => 0x8A,
        '\u{2039}' => 0x8B,
        '\u{0152}' => 0x8C,
        '\u{017D}' => 0x8E,
        '\u{2018}' => 0x91,
        '\u{2019}' => 0x92,
        '\u{201C}' => 0x93,
        '\u{201D}' => 0x94,
        '\u{2022}' => 0x95,
        '\u{2013}' => 0x96,
        '\u{2014}' => 0x97,
        '\u{02DC}' => 0x98,
        '\u{2122}' => 0x99,
        '\u{0161}' => 0x9A,
        '\u{203A}' => 0x9B,
        '\u{0153}' => 0x9C,
        '\u{017E}' => 0x9E,
        '\u{0178}' => 0x9F,
        _ => return None,
    })
}

/// TCVN3 decoding without case handling or normalisation: one character per byte.
fn decode_tcvn3_raw(text: &str) -> String {
    text.chars().map(|c| legacy_byte(c).and_then(tcvn3_letter).unwrap_or(c)).collect()
}

/// VNI decoding without normalisation. A base letter followed by a mark byte forms one letter;
/// the pair is tried first so that `ôù` is ớ rather than ơ followed by a stray `ù`.
fn decode_vni_raw(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let byte = legacy_byte(chars[i]);
        let next = chars.get(i + 1).copied().and_then(legacy_byte);
        let pair = match (byte, next) {
            (Some(base), Some(mark)) => vni_pair(base, mark),
            _ => None,
        };
        if let Some(letter) = pair {
            out.push(letter);
            i += 2;
            continue;
        }
        out.push(byte.and_then(vni_single).unwrap_or(chars[i]));
        i += 1;
    }
    out
}

/// Upper-case TCVN3 text that was plainly typed in capitals. An ABC font has capital glyphs
/// only for unmarked letters and Ă Â Ê Ô Ơ Ư Đ, so capitals in an `…H` font typed with Caps
/// Lock decode as `CộNG HOà`. A word with two or more capitals, no lower-case ASCII letter and
/// a lower-case Vietnamese letter is such a word; if the whole text has no lower-case ASCII
/// letter it is all capitals and is upper-cased whole (so `Xã` in `Xã HộI` follows its
/// neighbour). A lone `Hà` stays as it is: it reads correctly either way.
fn repair_capitals(decoded: &str) -> String {
    if !decoded.split(|c: char| !c.is_alphabetic()).any(is_capitals_word) {
        return decoded.to_owned();
    }
    if !decoded.chars().any(|c| c.is_ascii_lowercase()) {
        return decoded.to_uppercase();
    }
    let mut out = String::with_capacity(decoded.len());
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        if is_capitals_word(word) {
            out.push_str(&word.to_uppercase());
        } else {
            out.push_str(word);
        }
        word.clear();
    };
    for c in decoded.chars() {
        if c.is_alphabetic() {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

/// See [`repair_capitals`].
fn is_capitals_word(word: &str) -> bool {
    word.chars().filter(|c| c.is_uppercase()).count() >= 2
        && !word.chars().any(|c| c.is_ascii_lowercase())
        && word.chars().any(|c| c.is_lowercase() && !c.is_ascii())
}

// ---------------------------------------------------------------------------------------------
// Detection

/// Whether the text holds a character that no legacy byte string can hold but Vietnamese
/// Unicode text does: ă đ ĩ ũ ơ ư (either case), a letter from U+1EA0–U+1EF9, or one of the
/// combining marks used by decomposed (NFD) Vietnamese.
fn is_unicode_vietnamese(text: &str) -> bool {
    text.chars().any(is_unicode_vietnamese_char)
}

fn is_unicode_vietnamese_char(c: char) -> bool {
    const LETTERS: &str = "ăĂđĐĩĨũŨơƠưƯ";
    // grave, acute, circumflex, tilde, breve, hook above, horn, dot below
    const MARKS: &str = "\u{300}\u{301}\u{302}\u{303}\u{306}\u{309}\u{31B}\u{323}";
    LETTERS.contains(c) || MARKS.contains(c) || ('\u{1EA0}'..='\u{1EF9}').contains(&c)
}

/// Penalties of one text read as is, as TCVN3 and as VNI (the order of [`READINGS`]).
fn reading_penalties(text: &str) -> [u32; 3] {
    if is_unicode_vietnamese(text) {
        // Certainly Unicode; weigh it against the legacy readings by how much Vietnamese it
        // shows, so that a sheet of Unicode text outvotes a few odd-looking cells.
        let words = words(text).filter(|w| w.chars().any(is_unicode_vietnamese_char)).count();
        let weight = u32::try_from(words).unwrap_or(u32::MAX).max(1);
        return [0, weight, weight];
    }
    let mut penalties = [0u32; 3];
    // ASCII words read the same in every encoding, so only the others are scored.
    for word in words(text).filter(|w| !w.is_ascii()) {
        let readings = [word.to_owned(), repair_capitals(&decode_tcvn3_raw(word)), decode_vni_raw(word)];
        for (penalty, reading) in penalties.iter_mut().zip(&readings) {
            *penalty = penalty.saturating_add(word_penalty(reading));
        }
    }
    penalties
}

/// Words: maximal runs of letters, Latin-1 characters (which are letters in the legacy
/// readings, e.g. `®` is đ in TCVN3) and combining marks. Splitting the raw text once keeps
/// the words aligned across readings: every table entry lies inside such runs.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphabetic() || ('\u{A1}'..='\u{FF}').contains(&c) || is_combining(c)))
        .filter(|w| !w.is_empty())
}

fn is_combining(c: char) -> bool {
    ('\u{300}'..='\u{36F}').contains(&c)
}

/// 0 for a plausible word, 1 otherwise.
fn word_penalty(word: &str) -> u32 {
    // Standalone symbols (`×` in `3 × 4`, `°`) are normal in Unicode text.
    if !word.chars().any(char::is_alphabetic) {
        return 0;
    }
    // Other scripts survive every reading unchanged, so they carry no evidence.
    if word.chars().any(|c| c.is_alphabetic() && !c.is_ascii() && !is_latin(c)) {
        return 0;
    }
    u32::from(!is_valid_syllable(word))
}

fn is_latin(c: char) -> bool {
    ('\u{A0}'..='\u{24F}').contains(&c) || ('\u{1E00}'..='\u{1EFF}').contains(&c)
}

// ---------------------------------------------------------------------------------------------
// Vietnamese syllable structure: (initial consonant) vowel cluster (final consonant), at most
// one tone mark, placed on the cluster's main vowel.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tone {
    Level,
    Grave,
    Acute,
    Hook,
    Tilde,
    Dot,
}

const VOWELS: &str = "aăâeêioôơuưy";

fn is_vowel(c: char) -> bool {
    VOWELS.contains(c)
}

/// Split a lower-case letter into its base letter of the Vietnamese alphabet (a ă â b c d đ e
/// ê g h i k l m n o ô ơ p q r s t u ư v x y) and its tone; `None` for anything else.
fn split_letter(c: char) -> Option<(char, Tone)> {
    let mut base = None;
    let mut quality = None;
    let mut tone = Tone::Level;
    let mut ok = true;
    decompose_canonical(c, |part| {
        if base.is_none() {
            base = Some(part);
            return;
        }
        let mark_tone = match part {
            '\u{300}' => Tone::Grave,
            '\u{301}' => Tone::Acute,
            '\u{303}' => Tone::Tilde,
            '\u{309}' => Tone::Hook,
            '\u{323}' => Tone::Dot,
            '\u{302}' | '\u{306}' | '\u{31B}' if quality.is_none() => {
                quality = Some(part);
                return;
            }
            _ => {
                ok = false;
                return;
            }
        };
        if tone == Tone::Level {
            tone = mark_tone;
        } else {
            ok = false;
        }
    });
    let letter = match (base?, quality) {
        ('a', Some('\u{306}')) => 'ă',
        ('a', Some('\u{302}')) => 'â',
        ('e', Some('\u{302}')) => 'ê',
        ('o', Some('\u{302}')) => 'ô',
        ('o', Some('\u{31B}')) => 'ơ',
        ('u', Some('\u{31B}')) => 'ư',
        (b, None) if "abcdđeghiklmnopqrstuvxy".contains(b) => b,
        _ => return None,
    };
    if !ok || (tone != Tone::Level && !is_vowel(letter)) {
        return None;
    }
    Some((letter, tone))
}

/// Whether a word (letters only) is a plausible Vietnamese syllable.
fn is_valid_syllable(word: &str) -> bool {
    if !word.chars().all(char::is_alphabetic) || !has_plain_casing(word) {
        return false;
    }
    let mut letters = Vec::new();
    for c in word.chars().flat_map(char::to_lowercase) {
        match split_letter(c) {
            Some(letter) => letters.push(letter),
            None => return false,
        }
    }
    if letters.iter().filter(|l| l.1 != Tone::Level).count() > 1 {
        return false;
    }
    let bases: Vec<char> = letters.iter().map(|l| l.0).collect();
    initial_lengths(&bases).iter().any(|&n| is_valid_after_initial(&letters, n))
}

/// `abc`, `Abc` or `ABC`: legacy text read the wrong way mixes cases inside words (`tÝnh`).
fn has_plain_casing(word: &str) -> bool {
    let mut chars = word.chars();
    let first_upper = chars.next().is_some_and(char::is_uppercase);
    let rest: Vec<bool> = chars.map(char::is_uppercase).collect();
    rest.iter().all(|&u| !u) || (first_upper && rest.iter().all(|&u| u))
}

/// Possible lengths of the initial consonant. `gi` is ambiguous: `giá` is gi + a, but `gìn`
/// is g + ìn and `giếng` is g + iêng, so both splits are tried.
fn initial_lengths(bases: &[char]) -> Vec<usize> {
    const DIGRAPHS: [[char; 2]; 9] =
        [['n', 'g'], ['n', 'h'], ['c', 'h'], ['g', 'h'], ['k', 'h'], ['p', 'h'], ['t', 'h'], ['t', 'r'], ['q', 'u']];
    if bases.starts_with(&['n', 'g', 'h']) {
        vec![3]
    } else if bases.starts_with(&['g', 'i']) {
        vec![2, 1]
    } else if DIGRAPHS.iter().any(|d| bases.starts_with(d)) {
        vec![2]
    } else {
        match bases.first() {
            Some(&c) if "bcdđghklmnprstvx".contains(c) => vec![1],
            Some(&c) if is_vowel(c) => vec![0],
            _ => Vec::new(),
        }
    }
}

/// Check the rest of a syllable once the first `initial_len` letters are taken as the initial.
fn is_valid_after_initial(letters: &[(char, Tone)], initial_len: usize) -> bool {
    let (initial, rest) = letters.split_at(initial_len);
    // The i of gi and the u of qu belong to the initial and carry no tone.
    if initial.iter().any(|l| l.1 != Tone::Level) {
        return false;
    }
    let cluster_len = rest.iter().take_while(|l| is_vowel(l.0)).count();
    let (vowels, final_letters) = rest.split_at(cluster_len);
    let Some(&(first_vowel, _)) = vowels.first() else {
        return false;
    };
    let initial: String = initial.iter().map(|l| l.0).collect();
    let cluster: String = vowels.iter().map(|l| l.0).collect();
    let final_consonant: String = final_letters.iter().map(|l| l.0).collect();
    let front = matches!(first_vowel, 'e' | 'ê' | 'i' | 'y');
    // Spelling rules: k/gh/ngh before front vowels, c/g/ng elsewhere.
    let spelling_ok = match initial.as_str() {
        "c" => !front,
        "gh" | "ngh" => front && first_vowel != 'y',
        "g" => !matches!(first_vowel, 'e' | 'ê'),
        "ng" => !matches!(first_vowel, 'e' | 'ê' | 'i'),
        "gi" => first_vowel != 'i',
        "qu" => first_vowel != 'u',
        // k is spelt before e ê i y, and before a o ô u in minority names (Kạn, Kon Tum).
        "k" => !matches!(first_vowel, 'ă' | 'â' | 'ơ' | 'ư'),
        _ => true,
    };
    if !spelling_ok {
        return false;
    }
    // y alone as the vowel follows only these initials (ý, hy, kỳ, lý, mỹ, sỹ, tỷ, vỹ, quý).
    if cluster == "y" && !matches!(initial.as_str(), "" | "h" | "k" | "l" | "m" | "s" | "t" | "v" | "qu") {
        return false;
    }
    // A rounding glide (the o of oa, the u of uy) never follows a labial initial: `bua` and
    // `mùa` exist, `buỷ` and `moa` do not.
    let labial = matches!(initial.as_str(), "b" | "m" | "p" | "ph" | "v");
    if labial && has_glide(&cluster) {
        return false;
    }
    let Some(ending) = cluster_ending(&cluster) else {
        return false;
    };
    let last_vowel = vowels[vowels.len() - 1].0;
    let final_ok = match final_consonant.as_str() {
        "" => ending != Ending::Closed,
        // `k` ends minority place names (Đắk Lắk, Krông Búk) and behaves like c.
        "c" | "ng" | "k" => ending != Ending::Open && takes_c_ng(&cluster),
        "ch" | "nh" => ending != Ending::Open && matches!(last_vowel, 'a' | 'ê' | 'i' | 'y'),
        "m" | "n" | "p" | "t" => ending != Ending::Open && cluster != "oo",
        _ => false,
    };
    if !final_ok {
        return false;
    }
    let tone = vowels.iter().position(|l| l.1 != Tone::Level);
    let stop = matches!(final_consonant.as_str(), "c" | "ch" | "k" | "p" | "t");
    // Syllables closed by a stop take only the acute or dot-below tone.
    if stop {
        let stop_tone = tone.map(|i| vowels[i].1);
        if !matches!(stop_tone, Some(Tone::Acute | Tone::Dot)) {
            return false;
        }
    }
    match tone {
        None => true,
        // `oo` occurs only in a few loanwords (xoong, boong, moóc).
        Some(_) if cluster == "oo" => matches!(vowels[1].1, Tone::Acute | Tone::Grave),
        // `uya` is only `khuya`, `tuya`: toneless.
        Some(_) if cluster == "uya" => false,
        Some(pos) => tone_position_ok(&cluster, vowels, pos, !final_consonant.is_empty()),
    }
}

/// Clusters that open with a rounding glide.
fn has_glide(cluster: &str) -> bool {
    const GLIDE: [&str; 15] =
        ["oa", "oă", "oe", "oai", "oay", "oao", "oeo", "uâ", "uê", "uy", "uya", "uyê", "uyu", "uơ", "uây"];
    GLIDE.contains(&cluster)
}

/// Whether a vowel cluster ends a syllable, needs a final consonant, or allows both.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ending {
    Open,
    Closed,
    Both,
}

fn cluster_ending(cluster: &str) -> Option<Ending> {
    Some(match cluster {
        "a" | "e" | "ê" | "i" | "o" | "ô" | "ơ" | "u" | "ư" | "y" | "oa" | "oe" | "uê" | "uy" => Ending::Both,
        "ă" | "â" | "iê" | "yê" | "uô" | "ươ" | "oă" | "uâ" | "uyê" | "oo" => Ending::Closed,
        "ai" | "ao" | "au" | "ay" | "âu" | "ây" | "eo" | "êu" | "ia" | "iu" | "oi" | "ôi" | "ơi" | "ua" | "ui"
        | "ưa" | "ưi" | "ưu" | "uơ" | "iêu" | "yêu" | "oai" | "oay" | "oao" | "oeo" | "uây" | "uôi" | "ươi" | "ươu"
        | "uya" | "uyu" => Ending::Open,
        _ => return None,
    })
}

/// Clusters that can be followed by c or ng (`ic`, `êng`, `ơng` do not exist).
fn takes_c_ng(cluster: &str) -> bool {
    const C_NG: [&str; 16] = ["a", "ă", "â", "e", "o", "ô", "u", "ư", "oa", "oă", "uâ", "iê", "yê", "uô", "ươ", "oo"];
    C_NG.contains(&cluster)
}

/// The tone sits on the cluster's main vowel: the (last) vowel with a diacritic if any
/// (`người`, `chuyện`), else the last vowel before a final consonant (`hoàn`), else the first
/// vowel (`mía`, `cài`) or the middle one of three (`ngoài`). `oa`, `oe`, `uy` at the end of a
/// syllable accept both the old and the new placement (`hoà`/`hòa`, `thuỷ`/`thủy`).
fn tone_position_ok(cluster: &str, vowels: &[(char, Tone)], pos: usize, has_final: bool) -> bool {
    if let Some(marked) = vowels.iter().rposition(|l| matches!(l.0, 'ă' | 'â' | 'ê' | 'ô' | 'ơ' | 'ư')) {
        return pos == marked;
    }
    match vowels.len() {
        1 => pos == 0,
        n if has_final => pos == n - 1,
        2 => pos == 0 || matches!(cluster, "oa" | "oe" | "uy"),
        _ => pos == 1,
    }
}

// ---------------------------------------------------------------------------------------------
// Tables, generated from the reference `.tsv` files.

/// TCVN3 (ABC) byte → letter, generated from `tcvn3_decode.tsv` (74 letters).
/// Toned letters exist in lower case only; 0xA1–0xA7 are the only capitals.
fn tcvn3_letter(byte: u8) -> Option<char> {
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

/// VNI-Windows letters that take a single byte, generated from `vni_decode.tsv`.
fn vni_single(byte: u8) -> Option<char> {
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

/// VNI-Windows letters written as base byte + mark byte, generated from `vni_decode.tsv`.
fn vni_pair(base: u8, mark: u8) -> Option<char> {
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
    use std::collections::HashMap;
    use unicode_normalization::is_nfc;

    // Rows of the reference tables (tcvn3_decode.tsv: byte, letter, capital shown by an
    // `…H` font; vni_decode.tsv: letter, bytes), kept as test data so that the match arms
    // above are checked against the spec rather than against themselves.
    const TCVN3_ROWS: [(u8, char, Option<char>); 74] = [
        (0xA1, 'Ă', None),
        (0xA2, 'Â', None),
        (0xA3, 'Ê', None),
        (0xA4, 'Ô', None),
        (0xA5, 'Ơ', None),
        (0xA6, 'Ư', None),
        (0xA7, 'Đ', None),
        (0xA8, 'ă', None),
        (0xA9, 'â', None),
        (0xAA, 'ê', None),
        (0xAB, 'ô', None),
        (0xAC, 'ơ', None),
        (0xAD, 'ư', None),
        (0xAE, 'đ', None),
        (0xB5, 'à', Some('À')),
        (0xB6, 'ả', Some('Ả')),
        (0xB7, 'ã', Some('Ã')),
        (0xB8, 'á', Some('Á')),
        (0xB9, 'ạ', Some('Ạ')),
        (0xBB, 'ằ', Some('Ằ')),
        (0xBC, 'ẳ', Some('Ẳ')),
        (0xBD, 'ẵ', Some('Ẵ')),
        (0xBE, 'ắ', Some('Ắ')),
        (0xC6, 'ặ', Some('Ặ')),
        (0xC7, 'ầ', Some('Ầ')),
        (0xC8, 'ẩ', Some('Ẩ')),
        (0xC9, 'ẫ', Some('Ẫ')),
        (0xCA, 'ấ', Some('Ấ')),
        (0xCB, 'ậ', Some('Ậ')),
        (0xCC, 'è', Some('È')),
        (0xCE, 'ẻ', Some('Ẻ')),
        (0xCF, 'ẽ', Some('Ẽ')),
        (0xD0, 'é', Some('É')),
        (0xD1, 'ẹ', Some('Ẹ')),
        (0xD2, 'ề', Some('Ề')),
        (0xD3, 'ể', Some('Ể')),
        (0xD4, 'ễ', Some('Ễ')),
        (0xD5, 'ế', Some('Ế')),
        (0xD6, 'ệ', Some('Ệ')),
        (0xD7, 'ì', Some('Ì')),
        (0xD8, 'ỉ', Some('Ỉ')),
        (0xDC, 'ĩ', Some('Ĩ')),
        (0xDD, 'í', Some('Í')),
        (0xDE, 'ị', Some('Ị')),
        (0xDF, 'ò', Some('Ò')),
        (0xE1, 'ỏ', Some('Ỏ')),
        (0xE2, 'õ', Some('Õ')),
        (0xE3, 'ó', Some('Ó')),
        (0xE4, 'ọ', Some('Ọ')),
        (0xE5, 'ồ', Some('Ồ')),
        (0xE6, 'ổ', Some('Ổ')),
        (0xE7, 'ỗ', Some('Ỗ')),
        (0xE8, 'ố', Some('Ố')),
        (0xE9, 'ộ', Some('Ộ')),
        (0xEA, 'ờ', Some('Ờ')),
        (0xEB, 'ở', Some('Ở')),
        (0xEC, 'ỡ', Some('Ỡ')),
        (0xED, 'ớ', Some('Ớ')),
        (0xEE, 'ợ', Some('Ợ')),
        (0xEF, 'ù', Some('Ù')),
        (0xF1, 'ủ', Some('Ủ')),
        (0xF2, 'ũ', Some('Ũ')),
        (0xF3, 'ú', Some('Ú')),
        (0xF4, 'ụ', Some('Ụ')),
        (0xF5, 'ừ', Some('Ừ')),
        (0xF6, 'ử', Some('Ử')),
        (0xF7, 'ữ', Some('Ữ')),
        (0xF8, 'ứ', Some('Ứ')),
        (0xF9, 'ự', Some('Ự')),
        (0xFA, 'ỳ', Some('Ỳ')),
        (0xFB, 'ỷ', Some('Ỷ')),
        (0xFC, 'ỹ', Some('Ỹ')),
        (0xFD, 'ý', Some('Ý')),
        (0xFE, 'ỵ', Some('Ỵ')),
    ];
    const VNI_ROWS: [(char, &[u8]); 134] = [
        ('À', &[0x41, 0xD8]),
        ('Á', &[0x41, 0xD9]),
        ('Â', &[0x41, 0xC2]),
        ('Ã', &[0x41, 0xD5]),
        ('È', &[0x45, 0xD8]),
        ('É', &[0x45, 0xD9]),
        ('Ê', &[0x45, 0xC2]),
        ('Ì', &[0xCC]),
        ('Í', &[0xCD]),
        ('Ò', &[0x4F, 0xD8]),
        ('Ó', &[0x4F, 0xD9]),
        ('Ô', &[0x4F, 0xC2]),
        ('Õ', &[0x4F, 0xD5]),
        ('Ù', &[0x55, 0xD8]),
        ('Ú', &[0x55, 0xD9]),
        ('Ý', &[0x59, 0xD9]),
        ('à', &[0x61, 0xF8]),
        ('á', &[0x61, 0xF9]),
        ('â', &[0x61, 0xE2]),
        ('ã', &[0x61, 0xF5]),
        ('è', &[0x65, 0xF8]),
        ('é', &[0x65, 0xF9]),
        ('ê', &[0x65, 0xE2]),
        ('ì', &[0xEC]),
        ('í', &[0xED]),
        ('ò', &[0x6F, 0xF8]),
        ('ó', &[0x6F, 0xF9]),
        ('ô', &[0x6F, 0xE2]),
        ('õ', &[0x6F, 0xF5]),
        ('ù', &[0x75, 0xF8]),
        ('ú', &[0x75, 0xF9]),
        ('ý', &[0x79, 0xF9]),
        ('Ă', &[0x41, 0xCA]),
        ('ă', &[0x61, 0xEA]),
        ('Đ', &[0xD1]),
        ('đ', &[0xF1]),
        ('Ĩ', &[0xD3]),
        ('ĩ', &[0xF3]),
        ('Ũ', &[0x55, 0xD5]),
        ('ũ', &[0x75, 0xF5]),
        ('Ơ', &[0xD4]),
        ('ơ', &[0xF4]),
        ('Ư', &[0xD6]),
        ('ư', &[0xF6]),
        ('Ạ', &[0x41, 0xCF]),
        ('ạ', &[0x61, 0xEF]),
        ('Ả', &[0x41, 0xDB]),
        ('ả', &[0x61, 0xFB]),
        ('Ấ', &[0x41, 0xC1]),
        ('ấ', &[0x61, 0xE1]),
        ('Ầ', &[0x41, 0xC0]),
        ('ầ', &[0x61, 0xE0]),
        ('Ẩ', &[0x41, 0xC5]),
        ('ẩ', &[0x61, 0xE5]),
        ('Ẫ', &[0x41, 0xC3]),
        ('ẫ', &[0x61, 0xE3]),
        ('Ậ', &[0x41, 0xC4]),
        ('ậ', &[0x61, 0xE4]),
        ('Ắ', &[0x41, 0xC9]),
        ('ắ', &[0x61, 0xE9]),
        ('Ằ', &[0x41, 0xC8]),
        ('ằ', &[0x61, 0xE8]),
        ('Ẳ', &[0x41, 0xDA]),
        ('ẳ', &[0x61, 0xFA]),
        ('Ẵ', &[0x41, 0xDC]),
        ('ẵ', &[0x61, 0xFC]),
        ('Ặ', &[0x41, 0xCB]),
        ('ặ', &[0x61, 0xEB]),
        ('Ẹ', &[0x45, 0xCF]),
        ('ẹ', &[0x65, 0xEF]),
        ('Ẻ', &[0x45, 0xDB]),
        ('ẻ', &[0x65, 0xFB]),
        ('Ẽ', &[0x45, 0xD5]),
        ('ẽ', &[0x65, 0xF5]),
        ('Ế', &[0x45, 0xC1]),
        ('ế', &[0x65, 0xE1]),
        ('Ề', &[0x45, 0xC0]),
        ('ề', &[0x65, 0xE0]),
        ('Ể', &[0x45, 0xC5]),
        ('ể', &[0x65, 0xE5]),
        ('Ễ', &[0x45, 0xC3]),
        ('ễ', &[0x65, 0xE3]),
        ('Ệ', &[0x45, 0xC4]),
        ('ệ', &[0x65, 0xE4]),
        ('Ỉ', &[0xC6]),
        ('ỉ', &[0xE6]),
        ('Ị', &[0xD2]),
        ('ị', &[0xF2]),
        ('Ọ', &[0x4F, 0xCF]),
        ('ọ', &[0x6F, 0xEF]),
        ('Ỏ', &[0x4F, 0xDB]),
        ('ỏ', &[0x6F, 0xFB]),
        ('Ố', &[0x4F, 0xC1]),
        ('ố', &[0x6F, 0xE1]),
        ('Ồ', &[0x4F, 0xC0]),
        ('ồ', &[0x6F, 0xE0]),
        ('Ổ', &[0x4F, 0xC5]),
        ('ổ', &[0x6F, 0xE5]),
        ('Ỗ', &[0x4F, 0xC3]),
        ('ỗ', &[0x6F, 0xE3]),
        ('Ộ', &[0x4F, 0xC4]),
        ('ộ', &[0x6F, 0xE4]),
        ('Ớ', &[0xD4, 0xD9]),
        ('ớ', &[0xF4, 0xF9]),
        ('Ờ', &[0xD4, 0xD8]),
        ('ờ', &[0xF4, 0xF8]),
        ('Ở', &[0xD4, 0xDB]),
        ('ở', &[0xF4, 0xFB]),
        ('Ỡ', &[0xD4, 0xD5]),
        ('ỡ', &[0xF4, 0xF5]),
        ('Ợ', &[0xD4, 0xCF]),
        ('ợ', &[0xF4, 0xEF]),
        ('Ụ', &[0x55, 0xCF]),
        ('ụ', &[0x75, 0xEF]),
        ('Ủ', &[0x55, 0xDB]),
        ('ủ', &[0x75, 0xFB]),
        ('Ứ', &[0xD6, 0xD9]),
        ('ứ', &[0xF6, 0xF9]),
        ('Ừ', &[0xD6, 0xD8]),
        ('ừ', &[0xF6, 0xF8]),
        ('Ử', &[0xD6, 0xDB]),
        ('ử', &[0xF6, 0xFB]),
        ('Ữ', &[0xD6, 0xD5]),
        ('ữ', &[0xF6, 0xF5]),
        ('Ự', &[0xD6, 0xCF]),
        ('ự', &[0xF6, 0xEF]),
        ('Ỳ', &[0x59, 0xD8]),
        ('ỳ', &[0x79, 0xF8]),
        ('Ỵ', &[0xCE]),
        ('ỵ', &[0xEE]),
        ('Ỷ', &[0x59, 0xDB]),
        ('ỷ', &[0x79, 0xFB]),
        ('Ỹ', &[0x59, 0xD5]),
        ('ỹ', &[0x79, 0xF5]),
    ];

    /// Test-only encoder: Unicode → the legacy text as it arrives in a cell (bytes as
    /// Latin-1 characters). TCVN3 capitals that an ABC font lacks are written with the
    /// lower-case byte, as typists did (`Ủy` → `ñy`); other characters are kept.
    fn encode(text: &str, encoding: Encoding) -> String {
        let mut tcvn3: HashMap<char, u8> = HashMap::new();
        for &(byte, letter, upper) in TCVN3_ROWS.iter() {
            tcvn3.insert(letter, byte);
            if let Some(upper) = upper {
                tcvn3.entry(upper).or_insert(byte);
            }
        }
        let vni: HashMap<char, &[u8]> = VNI_ROWS.iter().copied().collect();
        let mut out = String::new();
        for c in text.nfc() {
            match encoding {
                Encoding::Tcvn3 | Encoding::Tcvn3Upper => match tcvn3.get(&c) {
                    Some(&byte) => out.push(char::from(byte)),
                    None => out.push(c),
                },
                Encoding::Vni => match vni.get(&c) {
                    Some(bytes) => out.extend(bytes.iter().map(|&b| char::from(b))),
                    None => out.push(c),
                },
                Encoding::Unicode => out.push(c),
            }
        }
        out
    }

    /// Every row of the README's example table, in both encodings.
    const README_EXAMPLES: [(&str, Encoding, &str); 10] = [
        ("ph\u{AD}êng An Mü", Encoding::Tcvn3, "phường An Mỹ"),
        ("x· Tam Th¨ng", Encoding::Tcvn3, "xã Tam Thăng"),
        ("tû ®ång", Encoding::Tcvn3, "tỷ đồng"),
        ("§¬n vÞ tÝnh", Encoding::Tcvn3, "Đơn vị tính"),
        // 0xF1 is ủ: ABC fonts have no capital Ủ, so the table gives lower case.
        ("ñy ban MÆt trËn Tæ quèc ViÖt Nam", Encoding::Tcvn3, "ủy ban Mặt trận Tổ quốc Việt Nam"),
        ("phöôøng An Myõ", Encoding::Vni, "phường An Mỹ"),
        ("xaõ Tam Thaêng", Encoding::Vni, "xã Tam Thăng"),
        ("tyû ñoàng", Encoding::Vni, "tỷ đồng"),
        ("Ñôn vò tính", Encoding::Vni, "Đơn vị tính"),
        ("UÛy ban Maët traän Toå quoác Vieät Nam", Encoding::Vni, "Ủy ban Mặt trận Tổ quốc Việt Nam"),
    ];

    #[test]
    fn readme_examples_decode_with_given_encoding() {
        for (input, encoding, expected) in README_EXAMPLES {
            assert_eq!(decode(input, encoding), expected, "{input:?} as {encoding:?}");
        }
    }

    #[test]
    fn readme_examples_are_detected_alone() {
        for (input, encoding, expected) in README_EXAMPLES {
            assert_eq!(detect([input]), encoding, "{input:?}");
            assert_eq!(to_unicode(input), expected, "{input:?}");
        }
    }

    #[test]
    fn readme_examples_are_what_the_test_encoder_writes() {
        for (input, encoding, expected) in README_EXAMPLES {
            assert_eq!(encode(expected, encoding), input, "{expected:?} as {encoding:?}");
        }
    }

    #[test]
    fn text_that_must_stay_as_it_is() {
        let cases = [
            "",
            " ",
            "Số liệu",
            "13,386",
            "60.000.000 đồng",
            "Ghi chú / nội dung cụ thể",
            "ĐVT",
            "Hello, world! Total: 1,234.56 (USD)",
            "UBND huyen Dien Ban",
            "Microsoft® Excel™ – “quoted” … 25°C, m², 3 × 4, ½",
            "«Tên»",
            "hyphen\u{AD}ated",
            // Unicode words made of Latin-1 letters only read well as legacy text too
            // (`Hoàng` is VNI for Hồng, `bán` is TCVN3 for bỏn): a tie keeps them.
            "Cà Mau",
            "Tây Ninh",
            "Hoàng",
            "bán",
            "Tên",
            "Mã",
            "Ý",
            "Ghi chú",
            "tính",
            "José Müller, naïve café, smørrebrød, Straße",
            "Москва 東京 😀 \u{0} \t\r\n \u{FEFF}",
        ];
        for text in cases {
            assert_eq!(to_unicode(text), text, "{text:?}");
            assert_eq!(detect([text]), Encoding::Unicode, "{text:?}");
        }
    }

    #[test]
    fn unicode_vietnamese_is_never_decoded() {
        let cases = [
            "Số liệu",
            "60.000.000 đồng",
            "Ghi chú / nội dung cụ thể",
            "ĐVT",
            "Cộng hòa xã hội chủ nghĩa Việt Nam",
            "Tổng cộng (tính đến 31/12)",
        ];
        for text in cases {
            for encoding in [Encoding::Unicode, Encoding::Tcvn3, Encoding::Tcvn3Upper, Encoding::Vni] {
                assert_eq!(decode(text, encoding), text, "{text:?} as {encoding:?}");
                assert_eq!(to_unicode_in_context(text, encoding), text, "{text:?}");
            }
        }
    }

    #[test]
    fn ascii_is_unchanged_by_every_encoding_but_upper() {
        let text = "Plain ASCII: abc XYZ 0123 !@#$%^&*()_+-=[]{};':\",./<>?`~";
        for encoding in [Encoding::Unicode, Encoding::Tcvn3, Encoding::Vni] {
            assert_eq!(decode(text, encoding), text, "{encoding:?}");
        }
        assert_eq!(decode(text, Encoding::Tcvn3Upper), text.to_uppercase());
    }

    #[test]
    fn nfd_input_becomes_nfc() {
        for text in ["Số liệu", "Cộng hòa xã hội", "Thừa Thiên Huế", "Tây Ninh"] {
            let nfd: String = text.nfd().collect();
            assert_ne!(nfd, text);
            assert_eq!(to_unicode(&nfd), text);
            for encoding in [Encoding::Unicode, Encoding::Tcvn3, Encoding::Vni] {
                assert_eq!(decode(&nfd, encoding), text, "{encoding:?}");
            }
        }
    }

    #[test]
    fn font_hints() {
        let cases = [
            (".VnTime", Some(Encoding::Tcvn3)),
            (".VnArial", Some(Encoding::Tcvn3)),
            (".VnArial Narrow", Some(Encoding::Tcvn3)),
            (" .vntime ", Some(Encoding::Tcvn3)),
            (".VnTimeH", Some(Encoding::Tcvn3Upper)),
            (".VnArialH", Some(Encoding::Tcvn3Upper)),
            (".VnArial NarrowH", Some(Encoding::Tcvn3Upper)),
            ("VNI-Times", Some(Encoding::Vni)),
            ("VNI-Helve", Some(Encoding::Vni)),
            ("vni-times", Some(Encoding::Vni)),
            ("Times New Roman", None),
            ("Calibri", None),
            ("Arial", None),
            ("", None),
        ];
        for (font, expected) in cases {
            assert_eq!(encoding_from_font(font), expected, "{font:?}");
        }
    }

    #[test]
    fn font_hint_overrides_scoring() {
        // Alone, `bá` reads fine as Unicode and stays; a `.VnTime` cell says it is bỏ.
        assert_eq!(to_unicode("bá"), "bá");
        let encoding = encoding_from_font(".VnTime").unwrap();
        assert_eq!(decode("bá", encoding), "bỏ");
        let encoding = encoding_from_font("VNI-Times").unwrap();
        assert_eq!(decode("Hoàng", encoding), "Hồng");
    }

    #[test]
    fn tcvn3_capitals() {
        let cases = [
            // `…H` font: everything is drawn as capitals.
            ("céng hoµ x· héi chñ nghÜa viÖt nam", Encoding::Tcvn3Upper, "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            ("ñy ban nh©n d©n", Encoding::Tcvn3Upper, "ỦY BAN NHÂN DÂN"),
            ("§VT: triÖu ®ång", Encoding::Tcvn3Upper, "ĐVT: TRIỆU ĐỒNG"),
            // Plain TCVN3 typed with Caps Lock: visibly capitals, so upper-cased.
            ("CéNG HOµ X· HéI", Encoding::Tcvn3, "CỘNG HOÀ XÃ HỘI"),
            ("B¸O C¸O", Encoding::Tcvn3, "BÁO CÁO"),
            ("§¬n vÞ: TRIÖU ®ång", Encoding::Tcvn3, "Đơn vị: TRIỆU đồng"),
            // Nothing shows that these are capitals.
            ("Hµ Néi", Encoding::Tcvn3, "Hà Nội"),
            ("§VT", Encoding::Tcvn3, "ĐVT"),
        ];
        for (input, encoding, expected) in cases {
            assert_eq!(decode(input, encoding), expected, "{input:?} as {encoding:?}");
        }
        assert_eq!(to_unicode("CéNG HOµ X· HéI"), "CỘNG HOÀ XÃ HỘI");
    }

    #[test]
    fn per_sheet_detection_settles_ambiguous_cells() {
        // (sheet cells, expected sheet encoding, ambiguous cell, its reading in this sheet)
        let cases: [(&[&str], Encoding, &str, &str); 5] = [
            (&["Tæng sè", "§¬n vÞ tÝnh", "bá", "Ghi chó"], Encoding::Tcvn3, "bá", "bỏ"),
            (&["Toång soá", "Ñôn vò tính", "Hoàng", "Ghi chuù"], Encoding::Vni, "Hoàng", "Hồng"),
            (&["Tổng số", "Đơn vị tính", "Hoàng", "bá"], Encoding::Unicode, "Hoàng", "Hoàng"),
            (&["STT", "1", "2", "bá"], Encoding::Unicode, "bá", "bá"),
            // A clearly legacy cell is decoded even in a Unicode sheet, and a clearly
            // Unicode cell is kept in a legacy sheet.
            (&["Tổng số", "Đơn vị tính", "Số liệu", "Y tÕ"], Encoding::Unicode, "Y tÕ", "Y tế"),
        ];
        for (cells, sheet_encoding, cell, expected) in cases {
            let encoding = detect(cells.iter().copied());
            assert_eq!(encoding, sheet_encoding, "{cells:?}");
            assert_eq!(to_unicode_in_context(cell, encoding), expected, "{cell:?}");
        }
        assert_eq!(to_unicode_in_context("Tổng số", Encoding::Tcvn3), "Tổng số");
        // Decoding a whole sheet with its encoding gives the expected text too.
        assert_eq!(decode("bá", detect(["Tæng sè", "bá"])), "bỏ");
    }

    #[test]
    fn every_tcvn3_row_decodes() {
        for &(byte, letter, upper) in TCVN3_ROWS.iter() {
            let seen = char::from(byte).to_string();
            assert_eq!(decode(&seen, Encoding::Tcvn3), letter.to_string(), "{byte:#X}");
            // The table's capital column, where filled, is plain Unicode upper-casing.
            let capital = letter.to_uppercase().to_string();
            if let Some(upper) = upper {
                assert_eq!(upper.to_string(), capital, "{byte:#X}");
            }
            assert_eq!(decode(&seen, Encoding::Tcvn3Upper), capital, "{byte:#X}");
        }
        // Bytes outside the 74 letters stay as they arrived.
        let mapped: Vec<u8> = TCVN3_ROWS.iter().map(|r| r.0).collect();
        for byte in (0..=0xFFu8).filter(|b| !mapped.contains(b)) {
            assert_eq!(tcvn3_letter(byte), None, "{byte:#X}");
        }
    }

    #[test]
    fn every_vni_row_decodes() {
        let mut singles = 0;
        let mut pairs = 0;
        for &(letter, bytes) in VNI_ROWS.iter() {
            let seen: String = bytes.iter().map(|&b| char::from(b)).collect();
            assert_eq!(decode(&seen, Encoding::Vni), letter.to_string(), "{seen:?}");
            match *bytes {
                [b] => {
                    singles += 1;
                    assert_eq!(vni_single(b), Some(letter));
                }
                [base, mark] => {
                    pairs += 1;
                    assert_eq!(vni_pair(base, mark), Some(letter));
                }
                _ => unreachable!(),
            }
        }
        // ...and nothing else is mapped.
        let count_singles = (0..=0xFFu8).filter_map(vni_single).count();
        let count_pairs = (0..=0xFFu8).flat_map(|a| (0..=0xFFu8).filter_map(move |b| vni_pair(a, b))).count();
        assert_eq!((count_singles, count_pairs), (singles, pairs));
    }

    /// All 134 Vietnamese letters outside ASCII (67 lower-case, 67 capitals), built from
    /// Unicode rather than from the tables.
    fn vietnamese_letters() -> Vec<char> {
        let mut letters = vec!['đ', 'Đ'];
        for vowel in "aăâeêioôơuưy".chars() {
            for tone in ["", "\u{300}", "\u{301}", "\u{303}", "\u{309}", "\u{323}"] {
                let lower: String = format!("{vowel}{tone}").nfc().collect();
                let mut chars = lower.chars();
                let c = chars.next().unwrap();
                assert!(chars.next().is_none());
                if !c.is_ascii() {
                    letters.push(c);
                    letters.extend(c.to_uppercase());
                }
            }
        }
        letters
    }

    #[test]
    fn round_trip_every_letter() {
        let letters = vietnamese_letters();
        assert_eq!(letters.len(), 134);
        for &letter in &letters {
            // In context too: between letters a VNI mark must still pair with its own base.
            for text in [letter.to_string(), format!("t{letter}n"), format!("ư{letter}ơ")] {
                assert!(VNI_ROWS.iter().any(|r| r.0 == letter), "{letter} not in VNI");
                let vni = encode(&text, Encoding::Vni);
                assert_eq!(decode(&vni, Encoding::Vni), text, "VNI {vni:?}");
                let tcvn3 = encode(&text, Encoding::Tcvn3);
                let lower_only = letter.is_uppercase() && !"ĂÂÊÔƠƯĐ".contains(letter);
                if lower_only {
                    // No ABC capital: the lower-case byte, drawn as a capital by `…H` fonts.
                    let upper = text.to_uppercase();
                    assert_eq!(decode(&tcvn3, Encoding::Tcvn3Upper), upper, "{tcvn3:?}");
                    let lower = text.to_lowercase();
                    assert_eq!(decode(&tcvn3, Encoding::Tcvn3), lower, "{tcvn3:?}");
                } else {
                    assert_eq!(decode(&tcvn3, Encoding::Tcvn3), text, "TCVN3 {tcvn3:?}");
                }
            }
        }
    }

    /// Typical report phrases. Capitals are unmarked or among Ă Â Ê Ô Ơ Ư Đ so that TCVN3
    /// can hold them.
    const PHRASES: [&str; 40] = [
        "Cộng hòa xã hội chủ nghĩa Việt Nam",
        "Độc lập - Tự do - Hạnh phúc",
        "Báo cáo kết quả thực hiện kế hoạch năm 2023",
        "Tổng số hộ nghèo trên địa bàn",
        "Đơn vị tính: triệu đồng",
        "Dự toán ngân sách nhà nước",
        "Phòng Tài chính - Kế hoạch",
        "Trường Trung học cơ sở Nguyễn Huệ",
        "Số người được hỗ trợ bảo hiểm y tế",
        "Giá trị sản xuất nông nghiệp",
        "Kinh phí thực hiện chương trình mục tiêu quốc gia",
        "Xây dựng nông thôn mới",
        "Thôn Phú Mỹ, xã Quế Sơn",
        "Chỉ tiêu",
        "So sánh cùng kỳ",
        "Huyện Điện Bàn, tỉnh Quảng Nam",
        "Người lập biểu",
        "Thủ trưởng đơn vị",
        "Diện tích gieo trồng lúa",
        "Sản lượng lương thực có hạt",
        "Giáo dục và đào tạo",
        "Khuyến khích doanh nghiệp đầu tư",
        "Tuyên truyền phổ biến giáo dục pháp luật",
        "Kế toán trưởng",
        "Ngày 15 tháng 3 năm 2024",
        "Giải quyết việc làm cho người lao động",
        "Giấy chứng nhận quyền sử dụng đất",
        "Thừa Thiên Huế",
        "Bà Rịa - Vũng Tàu",
        "Ước thực hiện 6 tháng đầu năm",
        "Khuya rồi, gửi giùm tôi cái ghế",
        "Hỗ trợ khắc phục hậu quả thiên tai",
        "Quỹ phòng chống thiên tai",
        "Hợp tác xã dịch vụ nông nghiệp",
        "Chương trình mục tiêu giảm nghèo bền vững",
        "Nhà văn hóa thôn",
        "Kiên cố hóa kênh mương",
        "Đường giao thông nông thôn",
        "Tiền lương, tiền công",
        "Ghi chú",
    ];

    #[test]
    fn round_trip_phrases_through_detection() {
        for phrase in PHRASES {
            assert_eq!(to_unicode(phrase), phrase);
            for encoding in [Encoding::Tcvn3, Encoding::Vni] {
                let legacy = encode(phrase, encoding);
                assert_eq!(decode(&legacy, encoding), phrase, "{legacy:?}");
                if legacy == "Ghi chó" {
                    // TCVN3 for "Ghi chú", but also good Unicode ("chó" is a word): a lone
                    // string keeps it; its sheet decides (see per_sheet_detection...).
                    assert_eq!(to_unicode(&legacy), legacy);
                } else if legacy != phrase {
                    assert_eq!(to_unicode(&legacy), phrase, "{legacy:?} ({encoding:?})");
                }
            }
        }
        // As a sheet.
        let tcvn3: Vec<String> = PHRASES.iter().map(|p| encode(p, Encoding::Tcvn3)).collect();
        assert_eq!(detect(tcvn3.iter().map(String::as_str)), Encoding::Tcvn3);
        let vni: Vec<String> = PHRASES.iter().map(|p| encode(p, Encoding::Vni)).collect();
        assert_eq!(detect(vni.iter().map(String::as_str)), Encoding::Vni);
        assert_eq!(detect(PHRASES), Encoding::Unicode);
    }

    #[test]
    fn syllables() {
        let valid = [
            "người",
            "được",
            "giữa",
            "gìn",
            "giếng",
            "quốc",
            "quý",
            "khuya",
            "khuỷu",
            "chuyện",
            "hoà",
            "hòa",
            "thuỷ",
            "thủy",
            "ngoài",
            "rượu",
            "Việt",
            "ĐƯỜNG",
            "Đắk",
            "ở",
            "ấy",
            "nghĩa",
            "hoạch",
            "huỳnh",
            "tuổi",
            "yếu",
            "xoóng",
        ];
        let invalid = [
            "tÝnh",
            "tớnh",
            "quèc",
            "xaõ",
            "Thaêng",
            "Myõ",
            "Mü",
            "ph\u{AD}êng",
            "việtt",
            "cộngg",
            "aó",
            "tõy",
            "ghá",
            "ngế",
            "kiếnn",
            "đ",
            "bàc",
            "Maởt",
            "hoặà",
        ];
        for word in valid {
            assert!(is_valid_syllable(word), "{word} should be valid");
        }
        for word in invalid {
            assert!(!is_valid_syllable(word), "{word} should be invalid");
        }
    }

    /// A small deterministic generator, so the property tests need no extra crate.
    struct Lcg(u64);
    impl Lcg {
        fn next(&mut self) -> u32 {
            self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            u32::try_from(self.0 >> 33).unwrap()
        }
        fn pick<T: Copy>(&mut self, items: &[T]) -> T {
            items[self.next() as usize % items.len()]
        }
    }

    #[test]
    fn never_panics_and_always_nfc() {
        let mut rng = Lcg(42);
        let pools: [&[(u32, u32)]; 4] = [
            &[(0, 0x7F)],
            &[(0x80, 0xFF), (0x2013, 0x2026)],
            &[(0x300, 0x36F), (0x1EA0, 0x1EF9), (0x100, 0x1B0)],
            &[(0, 0x10FFFF)],
        ];
        for _ in 0..3000 {
            let len = rng.next() % 12;
            let text: String = (0..len)
                .filter_map(|_| {
                    let pool = rng.pick(&pools);
                    let (lo, hi) = rng.pick(pool);
                    char::from_u32(lo + rng.next() % (hi - lo + 1))
                })
                .collect();
            for encoding in [Encoding::Unicode, Encoding::Tcvn3, Encoding::Tcvn3Upper, Encoding::Vni] {
                assert!(is_nfc(&decode(&text, encoding)), "{text:?}");
                assert!(is_nfc(&to_unicode_in_context(&text, encoding)), "{text:?}");
            }
            assert!(is_nfc(&to_unicode(&text)), "{text:?}");
        }
    }

    #[test]
    fn random_ascii_is_never_altered() {
        let mut rng = Lcg(7);
        for _ in 0..2000 {
            let len = rng.next() % 30;
            let text: String = (0..len).map(|_| char::from(u8::try_from(rng.next() % 0x80).unwrap())).collect();
            assert_eq!(to_unicode(&text), text);
        }
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
