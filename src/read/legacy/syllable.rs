//! Whether a word is a plausible Vietnamese syllable: the evidence that detection scores.
//!
//! A syllable is (initial consonant) vowel cluster (final consonant), with at most one tone
//! mark, placed on the cluster's main vowel. Legacy text read the wrong way breaks these rules
//! (`tÝnh`, `quèc`, `xaõ`), while the right reading keeps them.

use unicode_normalization::char::decompose_canonical;

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
pub(super) fn is_valid_syllable(word: &str) -> bool {
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
