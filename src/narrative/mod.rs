//! The narrative: the paragraphs of the monthly report that come from the units' figures, in
//! the seed report's style, with footnotes naming which unit did what.
//!
//! A minijinja template (the default one ships in the binary; `--narrative-template` replaces
//! it) writes a small Markdown: `#` headings, `- ` paragraphs, `**bold**`, and footnotes made
//! with `footnote(...)`. Each indicator's sentence is its own template, from the configuration
//! (`sentence = "..."`) or the generic one. Footnotes are numbered in the order they appear in
//! the finished text, whatever order the templates ran in. The Markdown and Word renderers
//! take the result from here, with the [`Frame`] that makes it a report ready to sign.

mod extra;
mod footnotes;

use footnotes::Footnotes;
mod frame;

pub use frame::{Frame, KIND, MOTTO, NATION, ON_BEHALF, RECIPIENTS};

use std::collections::{BTreeMap, BTreeSet};
use std::str::FromStr;
use std::sync::{Arc, Mutex};

use minijinja::value::Value;
use minijinja::{Environment, Error, ErrorKind, UndefinedBehavior, context};
use rust_decimal::Decimal;

use crate::aggregate::{Consolidation, SpanFigures};
use crate::config::{Config, Kind};
use crate::intake::{Intake, Outcome};
use crate::messages::{Lang, Msg};
use crate::vn_number;

/// The default document template.
pub(crate) const DEFAULT_TEMPLATE: &str = include_str!("default.md.j2");

/// The sentence of an indicator without one of its own, a sentence all the same: `13/13 xã,
/// phường có kết quả về lượt tương tác trên mạng xã hội, tổng cộng 1.923 lượt.` When every unit
/// reported it, the footnote would list them all: it is left out. With the archive's months,
/// the year to date follows (spec §11).
const GENERIC_COUNT: &str = "{{ i.ratio }} {{ report.unit_word }} có kết quả về {{ i.label | lowerfirst }}, tổng cộng \
                             {{ i.total | count }} {{ i.unit }}\
                             {% if i.ytd %} (lũy kế từ đầu năm: {{ i.ytd | count }} {{ i.unit }}){% endif %}\
                             {% if i.n < N %}{{ footnote(i) }}{% endif %}.";
const GENERIC_AMOUNT: &str = "{{ i.ratio }} {{ report.unit_word }} có kết quả về {{ i.label | lowerfirst }}, tổng cộng \
                              {{ i.total | amount }} {{ i.unit }}\
                              {% if i.ytd %} (lũy kế từ đầu năm: {{ i.ytd | amount }} {{ i.unit }}){% endif %}\
                              {% if i.n < N %}{{ footnote(i) }}{% endif %}.";

/// Footnote markers inside rendered text: private-use characters around the footnote's id.
const MARK_OPEN: char = '\u{E000}';
const MARK_CLOSE: char = '\u{E001}';

/// The narrative, written: Markdown body with `[^n]` references, and the footnotes' texts
/// (Markdown with `**bold**`), numbered from 1 in order of appearance; around them, the
/// header block, title, closing and signature.
#[derive(Debug, Clone, PartialEq)]
pub struct Narrative {
    pub frame: Frame,
    pub body: String,
    pub footnotes: Vec<String>,
}

/// A template that could not be compiled or rendered: its name, line and what is wrong.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TemplateError {
    pub name: String,
    pub line: Option<usize>,
    pub detail: String,
}

impl TemplateError {
    fn from_minijinja(name: &str, e: &Error) -> TemplateError {
        TemplateError {
            name: e.name().unwrap_or(name).to_owned(),
            line: e.line(),
            detail: e.detail().map(str::to_owned).unwrap_or_else(|| e.kind().to_string()),
        }
    }

    pub(crate) fn msg(&self) -> Msg {
        Msg::TemplateError { name: self.name.clone(), line: self.line, detail: self.detail.clone() }
    }
}

/// Writes a month's narrative with `template` (the default when `None`).
pub(crate) fn write(
    config: &Config,
    intake: &Intake,
    c: &Consolidation,
    template: Option<&str>,
) -> Result<Narrative, TemplateError> {
    let p = intake.period;
    let window = config.report.cutoff_day.map(|d| p.window_vn(Some(d)));
    let frame = Frame::new(&config.report, &format!("tháng {}/{}", p.month(), p.year()), window, p.year());
    write_with(config, c, month_context(config, intake, c), template, frame, Footnotes::Notes)
}

/// Writes a longer period's narrative (`tonghop report`) from the archive's figures.
pub(crate) fn write_span(config: &Config, f: &SpanFigures, template: Option<&str>) -> Result<Narrative, TemplateError> {
    let frame = Frame::new(&config.report, &f.span.vn(), None, f.span.last.year());
    // A quarter's notes are three months of them, a year's twelve: the footnotes name the
    // units and their figures; the notes, month by month, are in the workbook's `Ghi chú`.
    write_with(config, &f.figures, span_context(config, f), template, frame, Footnotes::Figures)
}

/// The narrative of figures `c` with `base` as the template's context (`report`, `period`...).
fn write_with(
    config: &Config,
    c: &Consolidation,
    base: Value,
    template: Option<&str>,
    frame: Frame,
    kind: Footnotes,
) -> Result<Narrative, TemplateError> {
    let footnotes: Arc<Mutex<Vec<String>>> = Arc::default();
    let mut env = environment();
    // The indicators each sentence really uses (`ind.VD04.total` uses VD04), from the template
    // itself: `ind.A1` is no mention of A10.
    let mentions: Vec<BTreeSet<String>> = config
        .indicators
        .iter()
        .map(|i| match i.sentence.as_deref() {
            Some(s) if !s.is_empty() => env
                .template_from_str(s)
                .map(|t| {
                    let vars = t.undeclared_variables(true);
                    vars.iter().filter_map(|v| Some(v.strip_prefix("ind.")?.split('.').next()?.to_owned())).collect()
                })
                .unwrap_or_default(),
            _ => BTreeSet::new(),
        })
        .collect();
    // A sentence that says two figures (works and their value) counts and footnotes every unit
    // whose figure enters it.
    let groups = footnotes::groups(config, &mentions);
    add_footnote(&mut env, footnotes::unit_lists(config, c, kind, &groups), Arc::clone(&footnotes));

    // Indicators without their sentence, then each sentence written with them as context.
    let mut indicators: Vec<BTreeMap<&str, Value>> =
        (0..config.indicators.len()).map(|i| indicator_value(config, c, i, &groups[i])).collect();
    let by_code = |inds: &[BTreeMap<&str, Value>]| -> BTreeMap<String, Value> {
        config.indicators.iter().zip(inds).map(|(ind, v)| (ind.code.clone(), map(v))).collect()
    };
    let all = by_code(&indicators);
    // Sentences of their own first, then the indicators covered by another's (`sentence = ""`):
    // when no sentence that mentions them was written, they get the generic one, so a figure
    // is never left out.
    let own_first = |i: &usize| config.indicators[*i].sentence.as_deref() == Some("");
    let mut order: Vec<usize> = (0..config.indicators.len()).collect();
    order.sort_by_key(own_first);
    for index in order {
        let indicator = &config.indicators[index];
        let covered_elsewhere = indicator.sentence.as_deref() == Some("")
            && mentions.iter().zip(&indicators).any(|(used, v)| {
                used.contains(&indicator.code)
                    && v.get("sentence").and_then(Value::as_str).is_some_and(|s| !s.is_empty())
            });
        let sentence = if footnotes::reporting(c, &groups[index]).is_empty() || covered_elsewhere {
            // Nobody reported it ("00/13 đơn vị ..." is never written), or another sentence says it.
            String::new()
        } else {
            let source = match (indicator.sentence.as_deref(), indicator.kind) {
                (Some(s), _) if !s.is_empty() => s,
                (_, Kind::Count) => GENERIC_COUNT,
                (_, Kind::Amount) => GENERIC_AMOUNT,
            };
            let name = format!("sentence {}", indicator.code);
            let ctx = context! { i => map(&indicators[index]), ind => all.clone(), ..base.clone() };
            env.render_named_str(&name, source, ctx).map_err(|e| TemplateError::from_minijinja(&name, &e))?
        };
        indicators[index].insert("sentence", Value::from(sentence.trim().to_owned()));
    }

    let sections: Vec<Value> = config
        .sections
        .iter()
        .map(|s| {
            let inds: Vec<Value> = config
                .indicators
                .iter()
                .zip(&indicators)
                .filter(|(ind, _)| ind.section == s.code)
                .map(|(_, v)| map(v))
                .collect();
            Value::from_pairs([
                ("code", Value::from(s.code.clone())),
                ("title", Value::from(s.title.clone())),
                ("indicators", Value::from(inds)),
            ])
        })
        .collect();
    let ctx = context! { sections => sections, ind => by_code(&indicators), ..base };
    let (name, source) = match template {
        Some(t) => ("narrative template", t),
        None => ("default narrative", DEFAULT_TEMPLATE),
    };
    let text = env.render_named_str(name, source, ctx).map_err(|e| TemplateError::from_minijinja(name, &e))?;
    let registered = footnotes.lock().map(|f| f.clone()).unwrap_or_default();
    let (body, footnotes) = number_footnotes(&tidy(&text), &registered);
    Ok(Narrative { frame, body, footnotes })
}

/// The environment shared by the document and the sentences: Vietnamese number filters and
/// the `footnote` function. Undefined variables are errors, so a typo in a template is
/// reported instead of printing nothing.
fn environment() -> Environment<'static> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_syntax(
        minijinja::syntax::SyntaxConfig::builder()
            .trim_blocks(true)
            .lstrip_blocks(true)
            .build()
            .expect("the default syntax with trimming is valid"),
    );
    env.add_filter("count", |v: Value| -> Result<String, Error> { Ok(vn_number::count(decimal(&v)?)) });
    env.add_filter("amount", |v: Value| -> Result<String, Error> { Ok(vn_number::amount(decimal(&v)?)) });
    env.add_filter("number", |v: Value| -> Result<String, Error> { Ok(vn_number::plain(decimal(&v)?)) });
    env.add_filter("ratio", |n: usize, total: usize| vn_number::ratio(n, total));
    // A label inside a sentence: `Lượt tương tác` → `lượt tương tác`. A label that starts with
    // a name (`MTTQ`, `Quỹ`) keeps it: only a capital followed by a small letter is lowered.
    env.add_filter("lowerfirst", |text: String| -> String {
        let mut chars = text.chars();
        match (chars.next(), chars.next()) {
            (Some(first), Some(second)) if first.is_uppercase() && second.is_lowercase() => {
                crate::text::lower_first(&text)
            }
            _ => text,
        }
    });
    env
}

/// The `footnote(...)` function: an indicator's list from `lists` (or a text), registered in
/// `footnotes` and marked in the text where it is called.
fn add_footnote(env: &mut Environment<'static>, lists: BTreeMap<String, String>, footnotes: Arc<Mutex<Vec<String>>>) {
    env.add_function("footnote", move |v: Value| -> Result<String, Error> {
        let text = if let Some(text) = v.as_str() {
            text.to_owned()
        } else {
            let code = v.get_attr("code")?;
            let code = code
                .as_str()
                .ok_or_else(|| Error::new(ErrorKind::InvalidOperation, "footnote() takes a text or an indicator"))?;
            lists.get(code).cloned().unwrap_or_default()
        };
        if text.trim().is_empty() {
            return Ok(String::new());
        }
        let mut notes = footnotes.lock().map_err(|_| Error::new(ErrorKind::InvalidOperation, "footnotes poisoned"))?;
        notes.push(text);
        Ok(format!("{MARK_OPEN}{}{MARK_CLOSE}", notes.len() - 1))
    });
}

/// A number from a template value: an exact decimal string (how totals are passed), or a number.
fn decimal(v: &Value) -> Result<Decimal, Error> {
    let bad = || Error::new(ErrorKind::InvalidOperation, format!("not a number: {v}"));
    if let Some(s) = v.as_str() {
        return Decimal::from_str(s).map_err(|_| bad());
    }
    if let Some(i) = v.as_i64() {
        return Ok(Decimal::from(i));
    }
    f64::try_from(v.clone()).ok().and_then(|f| Decimal::from_str(&f.to_string()).ok()).ok_or_else(bad)
}

/// User text inside our Markdown, kept on one line: `*` would start bold, `[` a footnote,
/// `\` escapes, and a line break would end the paragraph or footnote.
pub(crate) fn escape(text: &str) -> String {
    let mut one_line = String::with_capacity(text.len());
    for line in text.split(['\n', '\r']).map(str::trim).filter(|l| !l.is_empty()) {
        if !one_line.is_empty() {
            one_line.push_str(if one_line.ends_with([':', ';', ',']) { " " } else { "; " });
        }
        one_line.push_str(line);
    }
    one_line.replace('\\', "\\\\").replace('*', "\\*").replace('[', "\\[")
}

/// A template map from a map of names to values.
fn map(m: &BTreeMap<&str, Value>) -> Value {
    Value::from_pairs(m.iter().map(|(k, v)| (*k, v.clone())))
}

/// An indicator as templates see it; `group` is what its sentence speaks of (itself, and the
/// indicators its sentence uses), whose units `n` and `ratio` count.
fn indicator_value(config: &Config, c: &Consolidation, index: usize, group: &[usize]) -> BTreeMap<&'static str, Value> {
    let n = footnotes::reporting(c, group).len();
    let ind = &config.indicators[index];
    let t = &c.indicators[index];
    let units: Vec<Value> = config
        .units
        .iter()
        .enumerate()
        .filter(|(u, _)| t.values[*u].is_some() || t.notes[*u].is_some())
        .map(|(u, unit)| {
            Value::from_pairs([
                ("code", Value::from(unit.code.clone())),
                ("name", Value::from(unit.name.clone())),
                ("value", t.values[u].map(|v| Value::from(v.to_string())).unwrap_or_default()),
                ("note", t.notes[u].as_deref().map(|n| Value::from(escape(n))).unwrap_or_default()),
            ])
        })
        .collect();
    BTreeMap::from([
        ("code", Value::from(ind.code.clone())),
        ("label", Value::from(ind.label.clone())),
        ("unit", Value::from(ind.unit.clone())),
        ("kind", Value::from(if ind.kind == Kind::Count { "count" } else { "amount" })),
        ("notes", Value::from(ind.notes)),
        // Exact: a decimal string the number filters read without rounding.
        ("total", Value::from(t.total.to_string())),
        ("n", Value::from(n)),
        ("ratio", Value::from(vn_number::ratio(n, c.units))),
        ("units", Value::from(units)),
        ("sentence", Value::from("")),
        // Against the archive (spec §11): exact decimal strings, none when a month is missing
        // or there is no history.
        ("ytd", decimal_or_none(c.cumulative.get(index).and_then(|h| h.ytd))),
        ("same_period_last_year", decimal_or_none(c.cumulative.get(index).and_then(|h| h.same_period_last_year))),
        ("ytd_last_year", decimal_or_none(c.cumulative.get(index).and_then(|h| h.ytd_last_year))),
        ("change", decimal_or_none(c.cumulative.get(index).and_then(|h| h.change))),
    ])
}

fn decimal_or_none(d: Option<Decimal>) -> Value {
    d.map(|d| Value::from(d.normalize().to_string())).unwrap_or(Value::from(()))
}

/// What every narrative's context holds, month or longer period.
fn common_context(config: &Config, c: &Consolidation) -> Value {
    // "Báo cáo kết quả công tác Mặt trận" → subject "Kết quả công tác Mặt trận".
    let subject = frame::subject(config.report.title.trim());
    context! {
        report => context! {
            organisation => config.report.organisation.clone(),
            unit_word => config.report.unit_word.clone(),
            title => config.report.title.clone(),
            subject => subject,
        },
        N => c.units,
        submitted => c.submitted.len(),
        submitted_ratio => vn_number::ratio(c.submitted.len(), c.units),
        missing => names(config, &c.missing),
        // Units whose every file was refused (`rejected` has the files, for a month).
        rejected_units => names(config, &c.rejected),
        // Months a year-to-date figure needed that the archive lacks (`03/2024`).
        history_missing => c.history_missing.iter().map(|p| p.vn()).collect::<Vec<_>>(),
    }
}

fn names(config: &Config, units: &[usize]) -> Vec<String> {
    units.iter().map(|&u| config.units[u].name.clone()).collect()
}

/// A month's context: the period with its window, who was on time, the rejected files.
fn month_context(config: &Config, intake: &Intake, c: &Consolidation) -> Value {
    // Every rejected file, whether or not its unit is known.
    let rejected: Vec<Value> = intake
        .files
        .iter()
        .filter(|f| f.outcome == Outcome::Rejected)
        .map(|f| {
            let reason = f.reason().map(|x| x.text(Lang::Vi)).unwrap_or_default();
            Value::from_pairs([
                ("name", Value::from(f.unit.map(|u| config.units[u].name.clone()).unwrap_or_default())),
                ("file", Value::from(escape(&f.shown()))),
                ("reason", Value::from(escape(&reason))),
            ])
        })
        .collect();
    let p = intake.period;
    context! {
        period => context! {
            month => p.month(),
            year => p.year(),
            vn => p.vn(),
            iso => p.to_string(),
            // How the title and the heading name it: `tháng 8/2024`, `tháng 8 năm 2024`.
            title => format!("tháng {}/{}", p.month(), p.year()),
            heading => format!("tháng {} năm {}", p.month(), p.year()),
            // `Từ 15/9/2024 đến 14/10/2024` with a cutoff day (spec §11), else none.
            window => config.report.cutoff_day.map(|d| p.window_vn(Some(d))),
            span => false,
            months => 1,
            absent => Vec::<String>::new(),
        },
        // `10/12` of the expected units on time, with a deadline configured, else none.
        on_time_ratio => config.report.deadline_days.map(|_| {
            vn_number::ratio(intake.on_time(), c.units)
        }),
        rejected => rejected,
        incomplete => Vec::<Value>::new(),
        ..common_context(config, c)
    }
}

/// A longer period's context: the period as reports name it (`quý III năm 2024`), the months
/// the archive lacks, the units whose months are not all there.
fn span_context(config: &Config, f: &SpanFigures) -> Value {
    let name = f.span.vn();
    let incomplete: Vec<Value> = f
        .incomplete()
        .into_iter()
        .map(|(u, missing)| {
            let m = &f.months[u];
            Value::from_pairs([
                ("name", Value::from(config.units[u].name.clone())),
                ("ratio", Value::from(vn_number::ratio(m.reported.len(), m.expected.len()))),
                ("missing", Value::from(missing.iter().map(|p| p.vn()).collect::<Vec<_>>())),
            ])
        })
        .collect();
    context! {
        period => context! {
            month => (),
            year => f.span.last.year(),
            vn => name.clone(),
            iso => f.span.name.clone(),
            title => name.clone(),
            heading => name,
            window => (),
            span => true,
            months => f.span.months().len(),
            // Months of the period the archive lacks (`08/2024`).
            absent => f.absent.iter().map(|p| p.vn()).collect::<Vec<_>>(),
        },
        on_time_ratio => (),
        rejected => Vec::<Value>::new(),
        incomplete => incomplete,
        ..common_context(config, &f.figures)
    }
}

/// Trailing spaces off, at most one blank line in a row, one final newline.
fn tidy(text: &str) -> String {
    let mut out = String::new();
    let mut blank = 0;
    for line in text.lines().map(str::trim_end) {
        if line.is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() && blank > 0 {
            out.push('\n');
        }
        blank = 0;
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// Replaces footnote markers by `[^n]`, numbered by first appearance; unused ones are dropped.
/// The body and the footnotes.
fn number_footnotes(text: &str, registered: &[String]) -> (String, Vec<String>) {
    let mut body = String::with_capacity(text.len());
    let mut footnotes = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(MARK_OPEN) {
        body.push_str(&rest[..start]);
        let after = &rest[start + MARK_OPEN.len_utf8()..];
        let Some(end) = after.find(MARK_CLOSE) else {
            rest = after;
            continue;
        };
        if let Some(content) = after[..end].parse::<usize>().ok().and_then(|id| registered.get(id)) {
            footnotes.push(content.clone());
            body.push_str(&format!("[^{}]", footnotes.len()));
        }
        rest = &after[end + MARK_CLOSE.len_utf8()..];
    }
    body.push_str(rest);
    (body, footnotes)
}
