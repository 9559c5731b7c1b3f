//! Reading a configuration file and reporting every problem in it at once, each with its
//! line and column, the way a compiler does: a clerk fixing a copied configuration should
//! see all that is wrong in one run, not one error per try.

use std::collections::{BTreeSet, HashMap};
use std::ops::Range;

use minijinja::Environment;
use rust_decimal::Decimal;
use toml::Spanned;
use toml::de::DeTable;

use super::fields::Fields;
use super::{
    Aggregate, Config, DEFAULT_DOCUMENT_NUMBER_SUFFIX, DEFAULT_FOOTNOTE_MAX_UNITS, DEFAULT_RECIPIENTS,
    DEFAULT_SIGNER_TITLE, DEFAULT_UNIT_PREFIXES, Footnote, Indicator, Kind, Report, Rule, Section, Unit,
};
use crate::finding::Severity;
use crate::messages::Msg;
use crate::names::units::UnitMatcher;
use crate::period::Period;

/// One problem in a configuration file, at a 1-based line and column.
#[derive(Debug, Clone, PartialEq)]
pub struct ConfigProblem {
    pub line: usize,
    pub column: usize,
    pub msg: Msg,
}

/// Every problem in a configuration text (empty when it is valid).
pub fn check(source: &str) -> Vec<ConfigProblem> {
    match parse(source) {
        Ok(_) => Vec::new(),
        Err(problems) => problems,
    }
}

pub(super) fn parse(source: &str) -> Result<Config, Vec<ConfigProblem>> {
    let line_starts = std::iter::once(0).chain(source.match_indices('\n').map(|(i, _)| i + 1)).collect();
    let mut w = Walker { source, line_starts, problems: Vec::new() };
    let (doc, syntax_errors) = DeTable::parse_recoverable(source);
    for e in &syntax_errors {
        let span = e.span().unwrap_or(0..0);
        w.at(span, Msg::ConfigSyntax { detail: e.message().trim().to_owned() });
    }
    // What a broken document recovers to is a guess: checking its structure would report
    // problems that are not there. Syntax first; the rest on the next run.
    if !syntax_errors.is_empty() {
        return Err(w.problems);
    }
    let config = w.config(doc.get_ref());
    let mut problems = w.problems;
    if problems.is_empty() {
        return Ok(config);
    }
    problems.sort_by_key(|p| (p.line, p.column));
    problems.dedup();
    Err(problems)
}

/// Walks the parsed document, collecting problems instead of stopping at the first.
pub(super) struct Walker<'s> {
    source: &'s str,
    /// Byte offsets where each line starts: a position's line by binary search, so that a
    /// configuration of 200,000 units is checked in linear time.
    line_starts: Vec<usize>,
    problems: Vec<ConfigProblem>,
}

pub(super) type Str = Spanned<String>;

impl Walker<'_> {
    /// One of a key's words (`aggregate = "sum"`): absent, the first option; another word is a
    /// problem at its place, and the first option is kept so the rest is still checked.
    fn choice<T: Copy>(&mut self, value: Option<Str>, options: &[(&str, T)], unknown: impl Fn(String) -> Msg) -> T {
        let Some(value) = value else { return options[0].1 };
        match options.iter().find(|(word, _)| *word == value.get_ref().as_str()) {
            Some((_, t)) => *t,
            None => {
                self.at(value.span(), unknown(value.get_ref().clone()));
                options[0].1
            }
        }
    }

    pub(super) fn at(&mut self, span: Range<usize>, msg: Msg) {
        let (line, column) = self.line_column(span.start);
        self.problems.push(ConfigProblem { line, column, msg });
    }

    fn line_of(&self, span: &Range<usize>) -> usize {
        self.line_column(span.start).0
    }

    /// 1-based line and column (in characters) of a byte offset.
    fn line_column(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.source.len());
        let line = self.line_starts.partition_point(|&start| start <= offset);
        let start = self.line_starts[line - 1];
        let column = self.source.get(start..offset).map_or(1, |s| s.chars().count() + 1);
        (line, column)
    }

    fn config(&mut self, doc: &DeTable<'_>) -> Config {
        const TOP: &[&str] = &["report", "unit", "section", "indicator", "rule"];
        for (key, _) in doc.iter() {
            if !TOP.contains(&key.get_ref().as_ref()) {
                self.at(key.span(), Msg::ConfigUnknownKey { table: "", key: key.get_ref().to_string() });
            }
        }
        let report = self.report(doc);
        let units = self.tables(doc, "unit").into_iter().filter_map(|t| self.unit(t)).collect::<Vec<_>>();
        let sections = self.tables(doc, "section").into_iter().filter_map(|t| self.section(t)).collect::<Vec<_>>();
        let indicators =
            self.tables(doc, "indicator").into_iter().filter_map(|t| self.indicator(t)).collect::<Vec<_>>();
        let rules = self.tables(doc, "rule").into_iter().filter_map(|t| self.rule(t)).collect::<Vec<_>>();

        if units.is_empty() {
            self.at(0..0, Msg::ConfigNoEntries { table: "unit" });
        }
        if indicators.is_empty() {
            self.at(0..0, Msg::ConfigNoEntries { table: "indicator" });
        }
        self.duplicates("unit", units.iter().map(|u| &u.0.code));
        let unit_codes: BTreeSet<&str> = units.iter().map(|u| u.0.code.get_ref().as_str()).collect();
        for (u, _) in &units {
            if let Some(target) = &u.merged_into
                && (!unit_codes.contains(target.get_ref().as_str()) || target.get_ref() == u.code.get_ref())
            {
                self.at(target.span(), Msg::ConfigMergedIntoUnknown { code: target.get_ref().clone() });
            }
        }
        self.duplicates("section", sections.iter().map(|s| &s.code));
        self.duplicates("indicator", indicators.iter().map(|i| &i.code));
        self.duplicates("rule", rules.iter().map(|r| &r.code));
        self.name_clashes(&report, &units);

        let section_codes: BTreeSet<&str> = sections.iter().map(|s| s.code.get_ref().as_str()).collect();
        for i in &indicators {
            if !section_codes.contains(i.section.get_ref().as_str()) {
                self.at(
                    i.section.span(),
                    Msg::ConfigUnknownSection {
                        indicator: i.code.get_ref().clone(),
                        section: i.section.get_ref().clone(),
                    },
                );
            }
        }
        for i in &indicators {
            if let Some(sentence) = i.sentence.as_ref().filter(|s| !s.get_ref().is_empty()) {
                self.sentence(i.code.get_ref(), sentence);
            }
        }
        let codes: BTreeSet<&str> = indicators.iter().map(|i| i.code.get_ref().as_str()).collect();
        for r in &rules {
            for expr in r.when.iter().chain(std::iter::once(&r.require)) {
                self.expression(expr, &codes);
            }
        }

        Config {
            report,
            units: units.into_iter().map(|(u, _)| u.into()).collect(),
            sections: sections.into_iter().map(Into::into).collect(),
            indicators: indicators.into_iter().map(Into::into).collect(),
            rules: rules.into_iter().map(Into::into).collect(),
        }
    }

    fn report(&mut self, doc: &DeTable<'_>) -> Report {
        let Some(v) = doc.get("report") else {
            self.at(0..0, Msg::ConfigMissingTable { table: "report" });
            return Report {
                organisation: String::new(),
                unit_word: String::new(),
                title: String::new(),
                unit_prefixes: Vec::new(),
                area_names: Vec::new(),
                footnote_max_units: DEFAULT_FOOTNOTE_MAX_UNITS,
                cutoff_day: None,
                deadline_days: None,
                outlier_z: Decimal::new(35, 1),
                sibling_z: Decimal::from(5),
                place: default_place(&[]),
                document_number_suffix: DEFAULT_DOCUMENT_NUMBER_SUFFIX.to_owned(),
                recipients: DEFAULT_RECIPIENTS.iter().map(|s| (*s).to_owned()).collect(),
                signer_title: DEFAULT_SIGNER_TITLE.to_owned(),
                signer_name: String::new(),
            };
        };
        let empty = DeTable::default();
        let table = match v.get_ref().as_table() {
            Some(t) => t,
            None => {
                self.at(v.span(), Msg::ConfigWrongType { field: "report".into(), expected: "table" });
                &empty
            }
        };
        let mut f = Fields::new(self, "report", table, v.span());
        let organisation = f.string("organisation", true);
        let unit_word = f.string("unit_word", false);
        let title = f.string("title", false);
        let period = f.string("period", false);
        let prefixes = f.strings("unit_prefixes");
        let areas = f.strings("area_names");
        let footnote_max_units = f.whole("footnote_max_units");
        // Day 29 and later do not exist in every month: a window must end on a real day.
        let cutoff_day = f.whole_in("cutoff_day", 1, 28);
        let deadline_days = f.whole_in("deadline_days", 0, 365);
        let outlier_z = f.decimal("outlier_z").map(Spanned::into_inner).filter(|z| *z > Decimal::ZERO);
        let sibling_z = f.decimal("sibling_z").map(Spanned::into_inner).filter(|z| *z > Decimal::ZERO);
        // The report as a document (spec §13).
        let place = f.string("place", false).map(Spanned::into_inner);
        let suffix = f.string("document_number_suffix", false).map(Spanned::into_inner);
        let recipients = f.strings("recipients");
        let signer_title = f.string("signer_title", false).map(Spanned::into_inner);
        let signer_name = f.spanned_text_allow_empty("signer_name").map(Spanned::into_inner);
        f.finish(&[
            "organisation",
            "unit_word",
            "title",
            "period",
            "unit_prefixes",
            "area_names",
            "footnote_max_units",
            "cutoff_day",
            "deadline_days",
            "outlier_z",
            "sibling_z",
            "place",
            "document_number_suffix",
            "recipients",
            "signer_title",
            "signer_name",
        ]);
        if let Some(p) = &period
            && p.get_ref() != "month"
        {
            self.at(p.span(), Msg::ConfigUnknownPeriod { value: p.get_ref().clone() });
        }
        let organisation = organisation.map(Spanned::into_inner).unwrap_or_default();
        let unit_prefixes = prefixes.unwrap_or_else(|| DEFAULT_UNIT_PREFIXES.iter().map(|s| (*s).to_owned()).collect());
        let area_names = areas.unwrap_or_else(|| default_area_names(&organisation, &unit_prefixes));
        Report {
            place: place.unwrap_or_else(|| default_place(&area_names)),
            area_names,
            organisation,
            unit_word: unit_word.map(Spanned::into_inner).unwrap_or_else(|| "đơn vị".to_owned()),
            title: title.map(Spanned::into_inner).unwrap_or_else(|| "Báo cáo kết quả công tác".to_owned()),
            unit_prefixes,
            footnote_max_units: footnote_max_units.unwrap_or(DEFAULT_FOOTNOTE_MAX_UNITS),
            cutoff_day: cutoff_day.map(|d| d as u32),
            deadline_days: deadline_days.map(|d| d as u32),
            outlier_z: outlier_z.unwrap_or(Decimal::new(35, 1)),
            sibling_z: sibling_z.unwrap_or(Decimal::from(5)),
            // `Số: …/BC-MTTQ-BTT` writes the slash itself.
            document_number_suffix: suffix
                .map(|s| s.trim_start_matches('/').to_owned())
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| DEFAULT_DOCUMENT_NUMBER_SUFFIX.to_owned()),
            recipients: recipients.unwrap_or_else(|| DEFAULT_RECIPIENTS.iter().map(|s| (*s).to_owned()).collect()),
            signer_title: signer_title.unwrap_or_else(|| DEFAULT_SIGNER_TITLE.to_owned()),
            signer_name: signer_name.unwrap_or_default(),
        }
    }

    /// The tables of an array of tables (`[[unit]]`), with their spans.
    fn tables<'d, 'i>(&mut self, doc: &'d DeTable<'i>, name: &'static str) -> Vec<(&'d DeTable<'i>, Range<usize>)> {
        let Some(v) = doc.get(name) else { return Vec::new() };
        let Some(items) = v.get_ref().as_array() else {
            self.at(v.span(), Msg::ConfigWrongType { field: name.into(), expected: "array of tables" });
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in items.iter() {
            match item.get_ref().as_table() {
                Some(t) => out.push((t, item.span())),
                None => self.at(item.span(), Msg::ConfigWrongType { field: name.into(), expected: "table" }),
            }
        }
        out
    }

    fn unit(&mut self, (table, span): (&DeTable<'_>, Range<usize>)) -> Option<(RawUnit, Range<usize>)> {
        let mut f = Fields::new(self, "unit", table, span.clone());
        let code = f.string("code", true);
        let name = f.string("name", true);
        let aliases = f.spanned_strings("aliases");
        let from = f.period("from");
        let until = f.period("until");
        let merged_into = f.string("merged_into", false);
        f.finish(&["code", "name", "aliases", "from", "until", "merged_into"]);
        if let (Some(a), Some(b)) = (&from, &until)
            && a.get_ref() > b.get_ref()
        {
            self.at(b.span(), Msg::ConfigUnitSpan { from: a.get_ref().to_string(), until: b.get_ref().to_string() });
        }
        let (code, name) = (code?, name?);
        if !is_unit_code(code.get_ref()) {
            self.at(code.span(), Msg::ConfigBadUnitCode { code: code.get_ref().clone() });
        } else if is_reserved(code.get_ref()) {
            self.at(code.span(), Msg::ConfigReservedCode { code: code.get_ref().clone() });
        }
        let (from, until) = (from.map(Spanned::into_inner), until.map(Spanned::into_inner));
        Some((RawUnit { code, name, aliases, from, until, merged_into }, span))
    }

    fn section(&mut self, (table, span): (&DeTable<'_>, Range<usize>)) -> Option<RawSection> {
        let mut f = Fields::new(self, "section", table, span);
        let code = f.string("code", true);
        let title = f.string("title", true);
        f.finish(&["code", "title"]);
        Some(RawSection { code: code?, title: title?.into_inner() })
    }

    fn indicator(&mut self, (table, span): (&DeTable<'_>, Range<usize>)) -> Option<RawIndicator> {
        const KEYS: &[&str] = &[
            "code",
            "section",
            "label",
            "unit",
            "kind",
            "aliases",
            "unit_aliases",
            "max",
            "notes",
            "sentence",
            "aggregate",
            "footnote",
        ];
        let mut f = Fields::new(self, "indicator", table, span);
        let code = f.string("code", true);
        let section = f.string("section", true);
        let label = f.string("label", true);
        let unit = f.string("unit", true);
        let kind = f.string("kind", true);
        let aliases = f.strings("aliases").unwrap_or_default();
        let unit_aliases = f.strings("unit_aliases").unwrap_or_default();
        let max = f.decimal("max");
        let notes = f.boolean("notes").unwrap_or(false);
        let sentence = f.spanned_text_allow_empty("sentence");
        let aggregate = f.string("aggregate", false);
        let footnote = f.string("footnote", false);
        f.finish(KEYS);
        let footnote = self.choice(footnote, &[("notes", Footnote::Notes), ("units", Footnote::Units)], |value| {
            Msg::ConfigUnknownFootnote { value }
        });
        let aggregate = self.choice(aggregate, &[("sum", Aggregate::Sum), ("last", Aggregate::Last)], |value| {
            Msg::ConfigUnknownAggregate { value }
        });
        let (code, section, label, unit, kind) = (code?, section?, label?, unit?, kind?);
        if !is_indicator_code(code.get_ref()) {
            self.at(code.span(), Msg::ConfigBadIndicatorCode { code: code.get_ref().clone() });
        } else if is_reserved(code.get_ref()) {
            self.at(code.span(), Msg::ConfigReservedCode { code: code.get_ref().clone() });
        }
        let kind_value = Kind::parse(kind.get_ref()).unwrap_or_else(|| {
            // Kept with a placeholder kind, so its other problems are reported too.
            self.at(kind.span(), Msg::ConfigUnknownKind { value: kind.get_ref().clone() });
            Kind::Count
        });
        if let Some(max) = &max
            && max.get_ref().is_sign_negative()
        {
            self.at(max.span(), Msg::ConfigNegativeMax { value: max.get_ref().to_string() });
        }
        Some(RawIndicator {
            code,
            section,
            label: label.into_inner(),
            unit: unit.into_inner(),
            kind: kind_value,
            aliases,
            unit_aliases,
            max: max.map(Spanned::into_inner),
            notes,
            sentence,
            aggregate,
            footnote,
        })
    }

    fn rule(&mut self, (table, span): (&DeTable<'_>, Range<usize>)) -> Option<RawRule> {
        let mut f = Fields::new(self, "rule", table, span);
        let code = f.string("code", true);
        let when = f.string("when", false);
        let require = f.string("require", true);
        let severity = f.string("severity", false);
        let message = f.string("message", true);
        f.finish(&["code", "when", "require", "severity", "message"]);
        let severity = match &severity {
            None => Severity::Error,
            Some(s) => match s.get_ref().as_str() {
                "error" => Severity::Error,
                "warning" => Severity::Warning,
                other => {
                    // Kept with a placeholder, so its expressions are checked too.
                    self.at(s.span(), Msg::ConfigUnknownSeverity { value: other.to_owned() });
                    Severity::Error
                }
            },
        };
        Some(RawRule { code: code?, when, require: require?, severity, message: message?.into_inner() })
    }

    fn duplicates<'a>(&mut self, table: &'static str, codes: impl Iterator<Item = &'a Str>) {
        let mut seen: HashMap<&str, Range<usize>> = HashMap::new();
        let mut found = Vec::new();
        for code in codes {
            match seen.get(code.get_ref().as_str()) {
                Some(first) => found.push((code.span(), code.get_ref().clone(), self.line_of(first))),
                None => {
                    seen.insert(code.get_ref(), code.span());
                }
            }
        }
        for (span, code, first_line) in found {
            self.at(span, Msg::ConfigDuplicateCode { table, code, first_line });
        }
    }

    /// Two units whose names (or aliases) fold to the same key could never be told apart.
    fn name_clashes(&mut self, report: &Report, units: &[(RawUnit, Range<usize>)]) {
        // The keys the reader will match by. A matcher without units folds the prefixes once;
        // `unit_key` folds them again for every name, which was most of the time a configuration
        // of 200,000 units took to check.
        let keys = UnitMatcher::new(&report.unit_prefixes, &[], std::iter::empty());
        let mut seen: HashMap<String, (usize, usize)> = HashMap::with_capacity(units.len()); // key → (unit, line)
        let mut found = Vec::new();
        for (i, (u, _)) in units.iter().enumerate() {
            for name in std::iter::once(&u.name).chain(&u.aliases) {
                let key = keys.key(name.get_ref());
                if key.is_empty() {
                    continue;
                }
                match seen.get(&key) {
                    Some(&(j, line)) if j != i => found.push((name.span(), name.get_ref().clone(), j, line)),
                    Some(_) => {}
                    None => {
                        seen.insert(key, (i, self.line_of(&name.span())));
                    }
                }
            }
        }
        for (span, name, other, other_line) in found {
            let other_name = units[other].0.name.get_ref().clone();
            self.at(span, Msg::ConfigNameClash { name, other: other_name, other_line });
        }
    }

    /// A narrative sentence must be a valid template (its variables are checked when it runs).
    fn sentence(&mut self, code: &str, sentence: &Str) {
        let env = Environment::new();
        if let Err(e) = env.template_from_str(sentence.get_ref()) {
            let detail = e.detail().unwrap_or("").to_owned();
            self.at(sentence.span(), Msg::ConfigSentenceSyntax { indicator: code.to_owned(), detail });
        }
    }

    /// A rule expression must parse and name only indicator codes.
    fn expression(&mut self, expr: &Str, codes: &BTreeSet<&str>) {
        let env = Environment::new();
        match env.compile_expression(expr.get_ref()) {
            Err(e) => {
                let detail = e.detail().unwrap_or("").to_owned();
                self.at(expr.span(), Msg::ConfigRuleSyntax { expr: expr.get_ref().clone(), detail });
            }
            Ok(compiled) => {
                let mut unknown: Vec<String> =
                    compiled.undeclared_variables(false).into_iter().filter(|v| !codes.contains(v.as_str())).collect();
                unknown.sort();
                for name in unknown {
                    self.at(expr.span(), Msg::ConfigRuleUnknownCode { expr: expr.get_ref().clone(), name });
                }
            }
        }
    }
}

struct RawUnit {
    code: Str,
    name: Str,
    aliases: Vec<Str>,
    from: Option<Period>,
    until: Option<Period>,
    merged_into: Option<Str>,
}

impl From<RawUnit> for Unit {
    fn from(u: RawUnit) -> Unit {
        Unit {
            code: u.code.into_inner(),
            name: u.name.into_inner(),
            aliases: u.aliases.into_iter().map(Spanned::into_inner).collect(),
            from: u.from,
            until: u.until,
            merged_into: u.merged_into.map(Spanned::into_inner),
        }
    }
}

struct RawSection {
    code: Str,
    title: String,
}

impl From<RawSection> for Section {
    fn from(s: RawSection) -> Section {
        Section { code: s.code.into_inner(), title: s.title }
    }
}

struct RawIndicator {
    code: Str,
    section: Str,
    label: String,
    unit: String,
    kind: Kind,
    aliases: Vec<String>,
    unit_aliases: Vec<String>,
    max: Option<Decimal>,
    notes: bool,
    sentence: Option<Str>,
    aggregate: Aggregate,
    footnote: Footnote,
}

impl From<RawIndicator> for Indicator {
    fn from(i: RawIndicator) -> Indicator {
        Indicator {
            code: i.code.into_inner(),
            section: i.section.into_inner(),
            label: i.label,
            unit: i.unit,
            kind: i.kind,
            aliases: i.aliases,
            unit_aliases: i.unit_aliases,
            max: i.max,
            notes: i.notes,
            sentence: i.sentence.map(Spanned::into_inner),
            aggregate: i.aggregate,
            footnote: i.footnote,
        }
    }
}

struct RawRule {
    code: Str,
    when: Option<Str>,
    require: Str,
    severity: Severity,
    message: String,
}

impl From<RawRule> for Rule {
    fn from(r: RawRule) -> Rule {
        Rule {
            code: r.code.into_inner(),
            when: r.when.map(Spanned::into_inner),
            require: r.require.into_inner(),
            severity: r.severity,
            message: r.message,
        }
    }
}

/// Unit codes go into file names and the CSV: lower-case ASCII letters, digits, `-`, `_`.
/// The committee's own area, from its name: `Ủy ban MTTQ Việt Nam thành phố Tam Kỳ` →
/// `thành phố Tam Kỳ`. Units add it after their names (`Phường An Mỹ, TP. Tam Kỳ`).
fn default_area_names(organisation: &str, prefixes: &[String]) -> Vec<String> {
    let mut words: Vec<&str> = organisation.split_whitespace().collect();
    let mut sorted: Vec<Vec<String>> = prefixes.iter().map(|p| crate::names::fold::words(p)).collect();
    sorted.sort_by_key(|p| std::cmp::Reverse(p.len()));
    // Drop the organisation's own prefix (`Ủy ban MTTQ Việt Nam`), longest first.
    if let Some(p) = sorted.iter().find(|p| {
        !p.is_empty()
            && p.len() < words.len()
            && words[..p.len()].iter().map(|w| crate::names::fold::fold(w)).eq(p.iter().cloned())
    }) {
        words.drain(..p.len());
    }
    let area = words.join(" ");
    if area.is_empty() { Vec::new() } else { vec![area] }
}

/// `place` when the configuration gives none: the name after the first word for a level in
/// the committee's area (`thành phố Tam Kỳ` → `Tam Kỳ`, `huyện X, tỉnh Y` → `X`); without
/// one, dots for the clerk to fill.
fn default_place(area_names: &[String]) -> String {
    const LEVELS: &[&str] = &["thanh pho", "thi xa", "thi tran", "tinh", "huyen", "quan", "xa", "phuong", "tp", "tx"];
    let words: Vec<&str> = area_names.first().map(|a| a.split_whitespace().collect()).unwrap_or_default();
    // The length of a level word starting at `i` (two words first: `thị xã` is not `xã`).
    let level_at = |i: usize| {
        [2, 1].into_iter().find(|&n| {
            i + n <= words.len() && LEVELS.contains(&crate::names::fold::fold(&words[i..i + n].join(" ")).as_str())
        })
    };
    let Some((start, n)) = (0..words.len()).find_map(|i| level_at(i).map(|n| (i, n))) else {
        return "…".to_owned();
    };
    let mut name = Vec::new();
    for (i, word) in words.iter().enumerate().skip(start + n) {
        if level_at(i).is_some() {
            break;
        }
        name.push(word.trim_end_matches(','));
        if word.ends_with(',') {
            break;
        }
    }
    if name.is_empty() { "…".to_owned() } else { name.join(" ") }
}

/// Words that mean something else in a rule or a narrative template: `true`, `none`, `and`,
/// `loop`... An indicator called `none` would be the value none in its rules, which then
/// never fail; the names the narrative gives its context (`i`, `ind`, `report`, `period`) too.
const RESERVED: &[&str] = &[
    "true",
    "false",
    "none",
    "and",
    "or",
    "not",
    "in",
    "is",
    "if",
    "else",
    "elif",
    "endif",
    "for",
    "endfor",
    "loop",
    "self",
    "super",
    "caller",
    "varargs",
    "kwargs",
    "block",
    "extends",
    "include",
    "import",
    "from",
    "macro",
    "call",
    "set",
    "with",
    "filter",
    "raw",
    "range",
    "namespace",
    "i",
    "ind",
    "report",
    "period",
];

fn is_reserved(code: &str) -> bool {
    RESERVED.contains(&code.to_ascii_lowercase().as_str())
}

fn is_unit_code(code: &str) -> bool {
    !code.is_empty() && code.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

/// Indicator codes are variables in rule expressions: a letter or `_`, then letters, digits, `_`.
fn is_indicator_code(code: &str) -> bool {
    let mut bytes = code.bytes();
    matches!(bytes.next(), Some(b) if b.is_ascii_alphabetic() || b == b'_')
        && bytes.all(|b| b.is_ascii_alphanumeric() || b == b'_')
}
