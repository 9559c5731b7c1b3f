//! N units and the configuration that lists them: the default configuration's report, sections,
//! indicators and rules, with its 13 units replaced by N generated ones.

use std::collections::BTreeMap;

use tonghop::config::{Config, DEFAULT_TOML};
use tonghop::names::units::unit_key;

/// Place names of Quảng Nam communes and wards: units look like the real ones (diacritics,
/// shared words such as `Tam`, `Bình`, `Hòa`) so folding and matching do their real work.
const PLACES: &[&str] = &[
    "Bình An",
    "Tam Hiệp",
    "Hòa Phước",
    "Điện Ngọc",
    "Quế Xuân",
    "Bình Dương",
    "Duy Trung",
    "Tam Nghĩa",
    "Tiên Cẩm",
    "Phú Ninh",
    "Đại Hồng",
    "Hiệp Hòa",
    "Quế Lộc",
    "Phước Năng",
    "Trà Đốc",
    "Tam Anh Nam",
    "Điện Thắng Bắc",
    "Cẩm Hà",
    "Xuân Phú",
    "Hương Trà",
    "Tam Xuân",
    "Bình Nguyên",
    "Đại Lãnh",
    "Duy Hải",
    "Thăng Phước",
    "Quế Thuận",
    "Tiên Lộc",
    "Điện Minh",
    "Hòa Hải",
    "Tân Thạnh",
    "Ba Ngọc",
    "Lăng Vân",
];

/// One generated unit: the configuration's `[[unit]]`.
#[derive(Debug, Clone, PartialEq)]
pub struct GenUnit {
    pub code: String,
    pub name: String,
    pub alias: Option<String>,
}

/// `n` units whose names, aliases and codes fold to distinct keys: the unit's number (padded to
/// at least four digits, `Xã Bình An 0001`) is in every name, so two units never share a key
/// whatever their prefix (`Phường`, `Xã`, `Thị trấn` are dropped when names are matched).
pub fn units(n: usize) -> Vec<GenUnit> {
    let width = n.to_string().len().max(4);
    (1..=n)
        .map(|i| {
            let place = PLACES[(i - 1) % PLACES.len()];
            let prefix = match i {
                _ if i % 11 == 0 => "Thị trấn",
                _ if i % 4 == 0 => "Phường",
                _ => "Xã",
            };
            let number = format!("{i:0width$}");
            let code = format!("{}-{number}", tonghop::names::fold::fold(place).replace(' ', "-"));
            // One unit in ten goes by a second name, as units renamed or merged do.
            let alias = (i % 10 == 0).then(|| format!("UBMTTQ {} {place} số {i}", prefix.to_lowercase()));
            GenUnit { code, name: format!("{prefix} {place} {number}"), alias }
        })
        .collect()
}

/// The configuration's text: the default one with its `[[unit]]` tables replaced by `units`,
/// where the first of them stood (comments and order of the rest kept).
pub fn config_toml(units: &[GenUnit]) -> String {
    let mut out = String::with_capacity(DEFAULT_TOML.len() + units.len() * 64);
    let mut in_unit = false;
    let mut written = false;
    let mut after_blank = false;
    for line in DEFAULT_TOML.lines() {
        let trimmed = line.trim();
        let blank_before = std::mem::replace(&mut after_blank, trimmed.is_empty());
        if trimmed == "[[unit]]" {
            in_unit = true;
            if !written {
                for u in units {
                    out.push_str(&format!("[[unit]]\ncode = \"{}\"\nname = \"{}\"\n", u.code, u.name));
                    if let Some(a) = &u.alias {
                        out.push_str(&format!("aliases = [\"{a}\"]\n"));
                    }
                    out.push('\n');
                }
                written = true;
            }
            continue;
        }
        if in_unit {
            // A unit's table ends at the next table, or at a comment after a blank line (the
            // next part's heading); a comment inside a unit (Phước Hòa's merger) is the unit's.
            if trimmed.starts_with('[') || (trimmed.starts_with('#') && blank_before) {
                in_unit = false;
            } else {
                continue;
            }
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// Checks what `tonghop config --check` checks, and that every name, alias and code folds to
/// a key of its own unit only (the generator's promise, not left to tonghop to discover).
///
/// # Errors
/// The problems found, one per line.
pub fn check(toml: &str, units: &[GenUnit]) -> Result<Config, String> {
    let problems = tonghop::config::check(toml);
    if !problems.is_empty() {
        return Err(problems.iter().map(|p| format!("{p:?}")).collect::<Vec<_>>().join("\n"));
    }
    let config = Config::parse(toml).map_err(|p| format!("{p:?}"))?;
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for (i, u) in units.iter().enumerate() {
        for name in [Some(&u.name), u.alias.as_ref(), Some(&u.code)].into_iter().flatten() {
            let key = unit_key(&config.report.unit_prefixes, name);
            if let Some(&j) = seen.get(&key)
                && j != i
            {
                return Err(format!("`{name}` folds to `{key}`, as a name of {}", units[j].name));
            }
            seen.insert(key, i);
        }
    }
    Ok(config)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ten_thousand_units_make_a_valid_configuration() {
        let units = units(10_000);
        let config = check(&config_toml(&units), &units).unwrap();
        assert_eq!(config.units.len(), 10_000);
        assert_eq!(config.indicators.len(), 17);
        assert_eq!(config.units[0].name, "Xã Bình An 00001");
    }

    #[test]
    fn thirteen_units_keep_the_default_rest() {
        let units = units(13);
        let config = check(&config_toml(&units), &units).unwrap();
        let default = Config::default_config();
        assert_eq!(config.units[0].name, "Xã Bình An 0001");
        assert_eq!(
            (config.sections, config.indicators, config.rules),
            (default.sections, default.indicators, default.rules)
        );
    }
}
