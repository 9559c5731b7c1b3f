//! Finding the configured unit a text names: a unit cell, an alias, a code or a file name.
//!
//! A name is reduced to its key: [`fold`](crate::names::fold::fold)ed words with the leading
//! organisational prefixes (`Phường`, `P.`, `Xã`, `UBMTTQ`, `Ủy ban MTTQ Việt Nam`...) removed.
//! `Phường Hoà Thuận`, `P. Hòa Thuận`, `hoa thuan` and `UBMTTQ phường Hòa Thuận` all have the
//! key `hoa thuan`. Lookup is by exact key only; a near miss gets a suggestion, never a guess.

use std::collections::HashMap;

use crate::names::fold::words;

/// Index of every key that names a unit, built once from a configuration.
#[derive(Debug, Clone)]
pub struct UnitMatcher {
    prefixes: Vec<Vec<String>>,
    /// Folded words of the committee's area names without their level (`tam ky`), dropped at
    /// the end of a name.
    areas: Vec<Vec<String>>,
    /// key → index of the unit in the configuration.
    keys: HashMap<String, usize>,
    /// The longest key, in words: file names are searched for runs of words up to this long.
    longest_key: usize,
    /// Unit codes as given (they are matched verbatim too, `an-my`) → index.
    codes: HashMap<String, usize>,
}

impl UnitMatcher {
    /// An index of `units`, each its code and the names it goes by (name, then aliases), in
    /// configuration order; `prefixes` are dropped before a name, `area_names` after it.
    pub fn new<'a>(
        prefixes: &[String],
        area_names: &[String],
        units: impl IntoIterator<Item = (&'a str, Vec<&'a str>)>,
    ) -> UnitMatcher {
        let prefixes = prefix_words(prefixes);
        let mut keys = HashMap::new();
        let mut codes = HashMap::new();
        for (i, (code, names)) in units.into_iter().enumerate() {
            for name in names.into_iter().chain(std::iter::once(code)) {
                let key = key_with(&prefixes, name);
                if !key.is_empty() {
                    // First unit wins; `config --check` reports clashes.
                    keys.entry(key).or_insert(i);
                }
            }
            codes.entry(code.to_owned()).or_insert(i);
        }
        let longest_key = keys.keys().map(|k| k.split(' ').count()).max().unwrap_or(0);
        let areas = area_names
            .iter()
            .map(|a| {
                let mut w = words(a);
                while let Some(n) = level_at(&w, 0) {
                    w.drain(..n);
                }
                w
            })
            .filter(|w| !w.is_empty())
            .collect();
        UnitMatcher { prefixes, areas, keys, longest_key, codes }
    }

    /// The key of a name: folded words without leading prefixes.
    pub fn key(&self, name: &str) -> String {
        key_with(&self.prefixes, name)
    }

    /// The unit (its index in the configuration) a name, alias or code denotes exactly.
    pub fn lookup(&self, text: &str) -> Option<usize> {
        let trimmed = text.trim();
        if let Some(&i) = self.codes.get(trimmed) {
            return Some(i);
        }
        let key = self.key(text);
        self.keys.get(&key).or_else(|| self.keys.get(&self.without_area(&key))).copied()
    }

    /// A key without the committee's area after it: `an my tp tam ky` and `an my tam ky` →
    /// `an my`. Never strips a name to nothing.
    fn without_area(&self, key: &str) -> String {
        let mut w: Vec<String> = key.split(' ').filter(|w| !w.is_empty()).map(str::to_owned).collect();
        loop {
            let before = w.len();
            for area in &self.areas {
                if w.len() > area.len() && w.ends_with(area) {
                    w.truncate(w.len() - area.len());
                }
            }
            // A level left behind (`an my tp`), when nothing else follows it.
            if let Some(n) = (1..w.len()).rev().find_map(|start| level_at(&w, start).filter(|n| start + n == w.len())) {
                w.truncate(w.len() - n);
            }
            if w.len() == before {
                break;
            }
        }
        w.join(" ")
    }

    /// The unit a file name mentions, e.g. `Bao cao T8 - Phuong An My.xls` or `an my.xlsx`.
    ///
    /// The longest unit key found as a run of whole words of the file stem wins; when two
    /// different units match equally long, the file name is ambiguous and nothing is returned.
    pub fn lookup_file_name(&self, file_name: &str) -> Option<usize> {
        let stem = match file_name.rsplit_once('.') {
            Some((stem, ext)) if !ext.contains(['/', '\\', ' ']) && !stem.is_empty() => stem,
            _ => file_name,
        };
        let stem_words = words(stem);
        let mut best: Option<(usize, usize)> = None; // (length in words, unit)
        let mut tie = false;
        // Every run of up to `longest_key` words of the name is looked up: linear in the
        // name's length, whatever the number of units.
        for n in 1..=self.longest_key.min(stem_words.len()) {
            for run in stem_words.windows(n) {
                let Some(&unit) = self.keys.get(&run.join(" ")) else { continue };
                match best {
                    Some((len, u)) if len == n && u != unit => tie = true,
                    Some((len, _)) if len >= n => {}
                    _ => {
                        best = Some((n, unit));
                        tie = false;
                    }
                }
            }
        }
        if tie { None } else { best.map(|(_, u)| u) }
    }

    /// For a name that matched nothing: the unit whose key is closest (one or two edits
    /// away), to offer as "did you mean", never to use.
    pub fn suggest(&self, text: &str) -> Option<usize> {
        let key = self.without_area(&self.key(text));
        if key.is_empty() {
            return None;
        }
        self.keys
            .iter()
            .map(|(k, &u)| (strsim::levenshtein(&key, k), u))
            .filter(|&(d, _)| d <= 2)
            .min_by_key(|&(d, u)| (d, u))
            .map(|(_, u)| u)
    }
}

/// Administrative levels written before a place name (folded): `TP. Tam Kỳ`, `tỉnh Quảng Nam`.
const AREA_LEVELS: &[&str] = &["thanh pho", "tp", "thi xa", "tx", "huyen", "quan", "tinh", "thi tran"];

/// The number of words of the level that starts at `start`, if one does.
fn level_at(w: &[String], start: usize) -> Option<usize> {
    AREA_LEVELS.iter().find_map(|level| {
        let lw: Vec<&str> = level.split(' ').collect();
        let end = start + lw.len();
        (end <= w.len() && w[start..end].iter().map(String::as_str).eq(lw.iter().copied())).then_some(lw.len())
    })
}

/// The key of a name under the given prefixes (used by `config --check` for clashes).
pub fn unit_key(prefixes: &[String], name: &str) -> String {
    key_with(&prefix_words(prefixes), name)
}

fn prefix_words(prefixes: &[String]) -> Vec<Vec<String>> {
    let mut p: Vec<Vec<String>> = prefixes.iter().map(|p| words(p)).filter(|w| !w.is_empty()).collect();
    // Longest first, so "Ủy ban MTTQ Việt Nam" is removed whole before "Ủy ban MTTQ".
    p.sort_by_key(|w| std::cmp::Reverse(w.len()));
    p
}

fn key_with(prefixes: &[Vec<String>], name: &str) -> String {
    let w = words(name);
    let mut start = 0;
    'strip: loop {
        for p in prefixes {
            let rest = &w[start..];
            // Never strip a prefix that would leave nothing: "Phường" alone stays "phuong".
            if rest.len() > p.len() && rest[..p.len()] == p[..] {
                start += p.len();
                continue 'strip;
            }
        }
        break;
    }
    w[start..].join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    fn matcher() -> (Config, UnitMatcher) {
        let c = Config::default_config();
        let m = c.unit_matcher();
        (c, m)
    }

    fn code_of(c: &Config, i: Option<usize>) -> Option<&str> {
        i.map(|i| c.units[i].code.as_str())
    }

    #[test]
    fn spellings_of_hoa_thuan_match_one_unit() {
        let (c, m) = matcher();
        let nfd = "Phu\u{031B}\u{0300}o\u{031B}ng Ho\u{0300}a Thua\u{0323}\u{0302}n";
        for name in ["Phường Hoà Thuận", "P. Hòa Thuận", "hoa thuan", "UBMTTQ phường Hòa Thuận", nfd, "hoa-thuan"]
        {
            assert_eq!(code_of(&c, m.lookup(name)), Some("hoa-thuan"), "{name:?}");
        }
    }

    #[test]
    fn one_letter_apart_are_different_units() {
        let (c, m) = matcher();
        assert_eq!(code_of(&c, m.lookup("Xã Tam Thanh")), Some("tam-thanh"));
        assert_eq!(code_of(&c, m.lookup("Xã Tam Thăng")), Some("tam-thang"));
        assert_eq!(code_of(&c, m.lookup("Phường Tân Thạnh")), Some("tan-thanh"));
        assert_eq!(m.lookup("Xã Tam Thành Phố"), None);
    }

    #[test]
    fn unit_cells_with_the_committee_s_place_match() {
        let (c, m) = matcher();
        for name in [
            "Phường An Mỹ, TP. Tam Kỳ",
            "Phường An Mỹ - thành phố Tam Kỳ",
            "UB MTTQ VN P. An Mỹ",
            "Ủy ban MTTQ Việt Nam phường An Mỹ, thành phố Tam Kỳ",
            "P. An Mỹ (Tam Kỳ)",
        ] {
            assert_eq!(code_of(&c, m.lookup(name)), Some("an-my"), "{name}");
        }
        assert_eq!(code_of(&c, m.lookup("Xã Tam Ngọc (Tam Kỳ)")), Some("tam-ngoc"));
        // Only the committee's own area: another city is not dropped.
        assert_eq!(m.lookup("Phường An Mỹ, TP. Hội An"), None);
        assert_eq!(c.report.area_names, ["thành phố Tam Kỳ"]);
    }

    #[test]
    fn near_miss_is_suggested_not_matched() {
        let (c, m) = matcher();
        assert_eq!(m.lookup("Phường An Mỹy"), None);
        assert_eq!(code_of(&c, m.suggest("Phường An Mỹy")), Some("an-my"));
        assert_eq!(m.suggest("Quận Ba Đình Hà Nội"), None);
    }

    #[test]
    fn file_names_name_units() {
        let (c, m) = matcher();
        let cases = [
            ("an my.xlsx", Some("an-my")),
            ("Bao cao T8 - Phuong An My.xls", Some("an-my")),
            ("BC thang 8 Tam Thăng.ods", Some("tam-thang")),
            ("hoa-thuan_2024-08.xlsx", Some("hoa-thuan")),
            ("bao cao.xlsx", None),
            // Both named: ambiguous, so neither.
            ("an my va an son.xlsx", None),
        ];
        for (file, want) in cases {
            assert_eq!(code_of(&c, m.lookup_file_name(file)), want, "{file}");
        }
    }

    #[test]
    fn prefix_alone_is_not_stripped_to_nothing() {
        let (_, m) = matcher();
        assert_eq!(m.key("Phường"), "phuong");
        assert_eq!(m.key("Ủy ban MTTQ Việt Nam phường An Mỹ"), "an my");
    }
}
