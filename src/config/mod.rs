//! The configuration: who consolidates, which units report, which indicators they report,
//! and which cross-field rules their figures must satisfy.
//!
//! The default (Tam Kỳ, 2024) is `config/tam-ky-2024.toml`, embedded in the binary; any other
//! organisation gives its own file with `--config`. Nothing else in tonghop knows about Tam Kỳ.

mod fields;
mod load;

use rust_decimal::Decimal;

pub use load::{ConfigProblem, check};

use crate::finding::Severity;
use crate::names::units::UnitMatcher;
use crate::period::Period;

/// The embedded default configuration, as text (what `tonghop config` prints).
pub const DEFAULT_TOML: &str = include_str!("../../config/tam-ky-2024.toml");

/// `footnote_max_units` when the configuration gives none: as many units as the workbook
/// still gives a column each (`render::MANY_UNITS`), so that a city's footnotes name every
/// unit, as the seed report does, and a province's do not.
pub const DEFAULT_FOOTNOTE_MAX_UNITS: usize = 30;

/// Prefixes dropped before unit names are compared, when the configuration gives none.
pub const DEFAULT_UNIT_PREFIXES: &[&str] = &[
    "Ủy ban Mặt trận Tổ quốc Việt Nam",
    "Ủy ban MTTQ Việt Nam",
    "Ủy ban MTTQ",
    "UBMTTQVN",
    "UB MTTQ Việt Nam",
    "UB MTTQ VN",
    "UB MTTQ",
    "UBMTTQ",
    "MTTQ VN",
    "MTTQVN",
    "MTTQ",
    "Mặt trận",
    "Phường",
    "P.",
    "Xã",
    "X.",
    "Thị trấn",
    "TT.",
];

#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    pub report: Report,
    pub units: Vec<Unit>,
    pub sections: Vec<Section>,
    pub indicators: Vec<Indicator>,
    pub rules: Vec<Rule>,
}

/// `[report]`: the consolidating organisation and how its report is titled.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// Who consolidates, e.g. "Ủy ban MTTQ Việt Nam thành phố Tam Kỳ".
    pub organisation: String,
    /// How the units are called together, e.g. "xã, phường".
    pub unit_word: String,
    /// Title of the form and the consolidated report, e.g. "Báo cáo kết quả công tác Mặt trận".
    pub title: String,
    /// Words dropped at the start of a unit name before matching ("Phường", "UBMTTQ"...).
    pub unit_prefixes: Vec<String>,
    /// The committee's area and its parents (`thành phố Tam Kỳ`, `tỉnh Quảng Nam`), dropped at
    /// the end of a unit name (`Phường An Mỹ, TP. Tam Kỳ`). Default: from `organisation`.
    pub area_names: Vec<String>,
    /// A narrative footnote naming more units than this gives their count instead, and points
    /// to the workbook: a province's footnote would otherwise list a hundred communes.
    pub footnote_max_units: usize,
    /// Month M runs from day `cutoff_day + 1` of M-1 to day `cutoff_day` of M (spec §11);
    /// `None`: the calendar month.
    pub cutoff_day: Option<u32>,
    /// A submission is on time if received by the end of the window plus this many days;
    /// `None`: no deadline (on time is not judged).
    pub deadline_days: Option<u32>,
    /// How far (modified z-score) a unit's figure may be from its own history before O01.
    pub outlier_z: Decimal,
    /// How far a unit's figure may be from the other units' before O02.
    pub sibling_z: Decimal,
    /// Where the report is signed, for its date line (`Tam Kỳ, ngày … tháng … năm 2024`).
    /// Default: the committee's area without its level (`thành phố Tam Kỳ` → `Tam Kỳ`).
    pub place: String,
    /// What follows the number in `Số: …/BC-MTTQ-BTT` (spec §13).
    pub document_number_suffix: String,
    /// The report's `Nơi nhận:` list, one recipient each (`TT Thành ủy (b/c)`, `Lưu: VT.`).
    pub recipients: Vec<String>,
    /// The signer's title under `TM. BAN THƯỜNG TRỰC` (`CHỦ TỊCH`).
    pub signer_title: String,
    /// The signer's name under the space for the signature; empty: left for the clerk.
    pub signer_name: String,
}

/// `document_number_suffix` when the configuration gives none: a report (BC) of the
/// Front's (MTTQ) standing committee (BTT).
pub const DEFAULT_DOCUMENT_NUMBER_SUFFIX: &str = "BC-MTTQ-BTT";

/// `signer_title` when the configuration gives none.
pub const DEFAULT_SIGNER_TITLE: &str = "CHỦ TỊCH";

/// `recipients` when the configuration gives none: the committee's own archive.
pub const DEFAULT_RECIPIENTS: &[&str] = &["Lưu: VT."];

/// `[[unit]]`: one reporting unit (commune, ward...).
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    /// Stable ASCII id, used in file names and the CSV.
    pub code: String,
    /// Full name as printed.
    pub name: String,
    pub aliases: Vec<String>,
    /// First period the unit reports for (inclusive); `None`: since always.
    pub from: Option<Period>,
    /// Last period the unit reports for (inclusive); `None`: still reporting.
    pub until: Option<Period>,
    /// The unit's code it merged into after `until` (a merger, e.g. Phước Hòa into An Xuân).
    pub merged_into: Option<String>,
}

impl Unit {
    /// Whether the unit is expected to report for `period`.
    pub fn exists_in(&self, period: Period) -> bool {
        self.from.is_none_or(|f| f <= period) && self.until.is_none_or(|u| period <= u)
    }
}

/// `[[section]]`: a heading that groups indicators.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub code: String,
    pub title: String,
}

/// What values an indicator takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A whole number ≥ 0.
    Count,
    /// A decimal ≥ 0 in the indicator's unit (money, usually).
    Amount,
}

impl Kind {
    pub fn parse(s: &str) -> Option<Kind> {
        match s {
            "count" => Some(Kind::Count),
            "amount" => Some(Kind::Amount),
            _ => None,
        }
    }
}

/// `[[indicator]]`: one figure every unit reports.
#[derive(Debug, Clone, PartialEq)]
pub struct Indicator {
    /// What the form's code column holds, e.g. "GS03"; also the variable name in rules.
    pub code: String,
    /// Code of the section it belongs to.
    pub section: String,
    pub label: String,
    /// Unit of measure (đơn vị tính), e.g. "hội nghị", "tỷ đồng".
    pub unit: String,
    pub kind: Kind,
    /// Other labels recognised when a row has no code.
    pub aliases: Vec<String>,
    /// Other words for the unit of measure (`cuộc` for `hội nghị`), accepted in a row's
    /// `Đơn vị tính` cell with a warning.
    pub unit_aliases: Vec<String>,
    /// A larger value from one unit is an error (a likely typo).
    pub max: Option<Decimal>,
    /// Whether the note column feeds the narrative's footnotes.
    pub notes: bool,
    /// The indicator's own narrative sentence (a minijinja template); `Some("")` when it has
    /// none of its own (another indicator's sentence covers it); `None` for the generic one.
    pub sentence: Option<String>,
    /// How months add up into a longer period (spec §11).
    pub aggregate: Aggregate,
    /// What the indicator's footnote lists for each unit.
    pub footnote: Footnote,
}

/// `footnote = "notes"` (the default): each unit's note, when the indicator has `notes = true`;
/// `"units"`: the units' names and figures only, one line where the notes would be pages (the
/// works of every unit).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Footnote {
    #[default]
    Notes,
    Units,
}

/// How an indicator's months add up: flows (meetings, money) are summed, stocks (members,
/// houses standing) take the last month's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Aggregate {
    #[default]
    Sum,
    Last,
}

/// `[[rule]]`: a cross-field check evaluated on each submission.
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    pub code: String,
    /// Condition under which the rule applies; always when absent.
    pub when: Option<String>,
    /// What must then hold.
    pub require: String,
    pub severity: Severity,
    pub message: String,
}

impl Config {
    /// The configuration as it applies to `period`: only the units expected then (spec §11),
    /// so that `n/N`, the status list and the missing units follow mergers.
    pub fn for_period(&self, period: Period) -> Config {
        let mut config = self.clone();
        config.units.retain(|u| u.exists_in(period));
        config
    }

    /// The configuration as it applies to a longer period: the units expected in at least one
    /// of its months (a unit merged away mid-year still has its months before).
    pub fn for_months(&self, months: &[Period]) -> Config {
        let mut config = self.clone();
        config.units.retain(|u| months.iter().any(|p| u.exists_in(*p)));
        config
    }

    /// The index that finds the unit a cell or file name names.
    pub fn unit_matcher(&self) -> UnitMatcher {
        let units = self.units.iter().map(|u| {
            let names = std::iter::once(&u.name).chain(&u.aliases).map(String::as_str).collect();
            (u.code.as_str(), names)
        });
        UnitMatcher::new(&self.report.unit_prefixes, &self.report.area_names, units)
    }

    /// The embedded Tam Kỳ 2024 configuration.
    pub fn default_config() -> Config {
        Config::parse(DEFAULT_TOML).expect("the embedded default configuration is valid (tested)")
    }

    /// Parses a configuration; on failure returns every problem found, in file order.
    pub fn parse(source: &str) -> Result<Config, Vec<ConfigProblem>> {
        load::parse(source)
    }

    pub fn unit(&self, code: &str) -> Option<&Unit> {
        self.units.iter().find(|u| u.code == code)
    }

    pub fn indicator(&self, code: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.code == code)
    }

    /// Indicators of one section, in configuration order.
    pub fn indicators_of<'a>(&'a self, section: &'a str) -> impl Iterator<Item = &'a Indicator> {
        self.indicators.iter().filter(move |i| i.section == section)
    }
}
