//! Legacy Vietnamese 8-bit font encodings: TCVN3 (ABC) and VNI-Windows.
//!
//! Offices typed documents in these encodings for years before Unicode; the bytes were shown
//! as Vietnamese only by special fonts (`.VnTime`, `VNI-Times`, ...). In a modern .xlsx/.xls
//! the cell text is Unicode, so every legacy byte arrives as the Windows-1252 character of the
//! same value (byte 0xB8 arrives as U+00B8 `¸`). Decoding maps each character back to its byte
//! and looks the byte (TCVN3) or byte pair (VNI) up in the tables of `tables.rs`, which are the
//! spec's reference tables (`../shared/spec/encodings/`, whose README explains them) entry for
//! entry; a test there compares the two.
//!
//! Detection: text holding a letter that only Unicode can hold (ă, đ, ơ, ư, ĩ, ũ, U+1EA0–U+1EF9,
//! a Vietnamese combining mark) is Unicode. Other text is read three ways (as is, as TCVN3, as
//! VNI) and each reading gets a penalty: one point per word that is not a plausible Vietnamese
//! syllable (left-over Latin-1 symbols or letters, two tone marks, an impossible vowel cluster
//! or final, a tone on the wrong vowel, odd casing; the rules are in `syllable.rs`). Plain ASCII
//! words cost nothing in any reading. The lowest total wins; ties keep the text as is. Because
//! short strings are often ambiguous, [`group_to_unicode`] sums the penalties over a whole group
//! of texts (a sheet), and lets the group's encoding settle the texts whose own readings tie.
//!
//! This file holds what the reader calls ([`group_to_unicode`], [`Encoding`]),
//! then decoding, then scoring; the tests of the whole are in `tests.rs`.

mod syllable;
mod tables;
#[cfg(test)]
mod tests;

use syllable::is_valid_syllable;
use tables::{legacy_byte, tcvn3_letter, vni_pair, vni_single};

/// How the text of a spreadsheet cell is encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Encoding {
    /// Already Unicode: decoding only NFC-normalises.
    Unicode,
    /// TCVN3 (ABC) as typed in `.VnTime`, `.VnArial`, ...: one byte per letter. The
    /// all-capitals `…H` fonts (`.VnTimeH`) use the same bytes; their text is upper-cased where
    /// it was visibly typed in capitals (see [`repair_capitals`]).
    Tcvn3,
    /// VNI-Windows (`VNI-Times`, `VNI-Helve`, ...): base letter followed by a mark byte.
    Vni,
}

/// The readings compared by detection, in order of preference on a tie: the text as is first,
/// so that an undecidable text is never altered.
const READINGS: [Encoding; 3] = [Encoding::Unicode, Encoding::Tcvn3, Encoding::Vni];

/// Best encoding for one group of texts (e.g. all text cells of one sheet), by summed
/// plausibility scores; on a tie the order of preference is Unicode, Tcvn3, Vni.
#[cfg(test)]
pub(crate) fn detect<'a, I: IntoIterator<Item = &'a str>>(texts: I) -> Encoding {
    let mut totals = [0u64; 3];
    for text in texts {
        add(&mut totals, reading_penalties(text));
    }
    best_reading(&totals)
}

/// Convert one text of a group whose encoding was estimated as `context` (usually `detect`
/// over its sheet) to NFC Unicode. The text's own scores decide when they are clear, so a
/// clearly legacy cell in a mostly Unicode sheet (or the reverse) is still handled; `context`
/// settles only the texts whose best readings tie, such as short strings that read well both
/// ways.
#[cfg(test)]
pub(crate) fn to_unicode_in_context(text: &str, context: Encoding) -> String {
    to_unicode_scored(text, reading_penalties(text), context)
}

/// Every text of a group (a sheet) to NFC Unicode, as `detect` over the group then
/// `to_unicode_in_context` for each text would (the tests call those), with each text scored
/// once.
pub(crate) fn group_to_unicode(texts: &mut [&mut String]) {
    let penalties: Vec<[u32; 3]> = texts.iter().map(|t| reading_penalties(t)).collect();
    let mut totals = [0u64; 3];
    for p in &penalties {
        add(&mut totals, *p);
    }
    let context = best_reading(&totals);
    for (text, p) in texts.iter_mut().zip(penalties) {
        let converted = to_unicode_scored(text, p, context);
        if converted != **text {
            **text = converted;
        }
    }
}

fn add(totals: &mut [u64; 3], penalties: [u32; 3]) {
    for (total, penalty) in totals.iter_mut().zip(penalties) {
        *total += u64::from(penalty);
    }
}

fn to_unicode_scored(text: &str, penalties: [u32; 3], context: Encoding) -> String {
    let best = penalties.iter().copied().min().unwrap_or(0);
    let context_ties = READINGS.iter().zip(penalties).any(|(&reading, penalty)| reading == context && penalty == best);
    if context_ties { decode(text, context) } else { decode(text, best_reading(&penalties.map(u64::from))) }
}

/// The preferred reading with the lowest total (`min_by_key` keeps the first of equal minima).
fn best_reading(totals: &[u64; 3]) -> Encoding {
    (0..READINGS.len()).min_by_key(|&i| totals[i]).map_or(Encoding::Unicode, |i| READINGS[i])
}

/// Convert one text from the given encoding to NFC Unicode (Unicode: NFC-normalise only).
///
/// Text that already holds Vietnamese-specific Unicode letters is only NFC-normalised whatever
/// the encoding: a legacy byte string can never contain them, so such a cell was typed in
/// Unicode even if the sheet as a whole is legacy. Characters outside the tables pass through.
/// For `Tcvn3`, words visibly typed in capitals are upper-cased (`CéNG HOµ` gives `CỘNG HOÀ`,
/// not `CộNG HOà`): an ABC font has no capital toned letters, so such text came from an `…H`
/// font.
fn decode(text: &str, encoding: Encoding) -> String {
    let decoded = match encoding {
        _ if is_unicode_vietnamese(text) => text.to_owned(),
        Encoding::Unicode => text.to_owned(),
        Encoding::Tcvn3 => repair_capitals(&decode_tcvn3_raw(text)),
        Encoding::Vni => decode_vni_raw(text),
    };
    crate::names::fold::nfc(&decoded)
}

// ---------------------------------------------------------------------------------------------
// Decoding

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
    matches!(c, 'ă' | 'Ă' | 'đ' | 'Đ' | 'ĩ' | 'Ĩ' | 'ũ' | 'Ũ' | 'ơ' | 'Ơ' | 'ư' | 'Ư')
        // grave, acute, circumflex, tilde, breve, hook above, horn, dot below
        || matches!(c, '\u{300}' | '\u{301}' | '\u{302}' | '\u{303}' | '\u{306}' | '\u{309}' | '\u{31B}' | '\u{323}')
        || ('\u{1EA0}'..='\u{1EF9}').contains(&c)
}

/// Penalties of one text read as is, as TCVN3 and as VNI (the order of [`READINGS`]).
fn reading_penalties(text: &str) -> [u32; 3] {
    // ASCII reads the same in every encoding (and is most cells: codes, figures, names typed
    // without marks).
    if text.is_ascii() {
        return [0; 3];
    }
    let vietnamese = vietnamese_words(text);
    if vietnamese > 0 {
        // Certainly Unicode; weigh it against the legacy readings by how much Vietnamese it
        // shows, so that a sheet of Unicode text outvotes a few odd-looking cells.
        let weight = u32::try_from(vietnamese).unwrap_or(u32::MAX);
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

/// How many [`words`] hold a Unicode-Vietnamese letter or mark (none: the text has none), in
/// one pass: this runs for every text cell of every file.
fn vietnamese_words(text: &str) -> usize {
    let (mut count, mut in_word, mut vietnamese) = (0, false, false);
    for c in text.chars() {
        let is_vietnamese = is_unicode_vietnamese_char(c);
        // Every Vietnamese letter or mark is a word character; ASCII letters need no lookup.
        let is_word = is_vietnamese || c.is_ascii_alphabetic() || !c.is_ascii() && is_word_char(c);
        if is_word {
            in_word = true;
            vietnamese |= is_vietnamese;
        } else {
            count += usize::from(in_word && vietnamese);
            (in_word, vietnamese) = (false, false);
        }
    }
    count + usize::from(in_word && vietnamese)
}

fn is_word_char(c: char) -> bool {
    c.is_alphabetic() || ('\u{A1}'..='\u{FF}').contains(&c) || is_combining(c)
}

/// Words: maximal runs of letters, Latin-1 characters (which are letters in the legacy
/// readings, e.g. `®` is đ in TCVN3) and combining marks. Splitting the raw text once keeps
/// the words aligned across readings: every table entry lies inside such runs.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !is_word_char(c)).filter(|w| !w.is_empty())
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
