//! Cross-field rules (`[[rule]]`), evaluated per submission with minijinja's expression engine.
//!
//! Indicator codes are the variables; an empty or refused value counts as 0.

use std::collections::{BTreeMap, BTreeSet};

use minijinja::{Environment, Expression, Value};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::config::{Config, Rule};
use crate::finding::{Code, Finding};
use crate::messages::Msg;
use crate::read::table::Entry;
use crate::vn_number::plain;

/// The configured rules, each expression compiled once for the whole run (compiling was most
/// of the cost of checking a file).
pub(crate) struct Rules<'a> {
    rules: Vec<Compiled<'a>>,
}

struct Compiled<'a> {
    rule: &'a Rule,
    when: Option<Result<Expression<'a, 'a>, String>>,
    require: Result<Expression<'a, 'a>, String>,
    /// The indicator codes the rule mentions, sorted, to show their values.
    variables: BTreeSet<String>,
}

impl<'a> Rules<'a> {
    /// The rules of `config`, compiled in `env` (a plain `Environment::new()`: rules are
    /// expressions, no templates).
    pub(crate) fn new(env: &'a Environment<'a>, config: &'a Config) -> Rules<'a> {
        let compile = |expr: &'a str| env.compile_expression(expr).map_err(|e| e.to_string());
        let rules = config
            .rules
            .iter()
            .map(|rule| {
                let when = rule.when.as_deref().map(compile);
                let require = compile(&rule.require);
                let variables = when
                    .iter()
                    .chain(std::iter::once(&require))
                    .filter_map(|e| e.as_ref().ok())
                    .flat_map(|e| e.undeclared_variables(false))
                    .collect();
                Compiled { rule, when, require, variables }
            })
            .collect();
        Rules { rules }
    }

    /// Every rule that fails for these entries, as findings.
    pub(crate) fn evaluate(
        &self,
        config: &Config,
        entries: &BTreeMap<usize, Entry>,
        file: &str,
        sheet: &str,
    ) -> Vec<Finding> {
        let values: BTreeMap<&str, Decimal> = config
            .indicators
            .iter()
            .enumerate()
            .map(|(i, ind)| (ind.code.as_str(), entries.get(&i).and_then(|e| e.value).unwrap_or_default()))
            .collect();
        // One context value for every rule (turning a map into a context is the costly part).
        let context = Value::from_pairs(values.iter().map(|(k, v)| (*k, to_value(*v))));
        let mut findings = Vec::new();
        for compiled in &self.rules {
            let rule = compiled.rule;
            match compiled.check(&context) {
                Ok(true) => {}
                Ok(false) => {
                    let shown = compiled
                        .variables
                        .iter()
                        .filter_map(|v| values.get(v.as_str()).map(|d| format!("{v} = {}", plain(*d))))
                        .collect::<Vec<_>>()
                        .join("; ");
                    let msg = Msg::RuleViolated {
                        message: rule.message.clone(),
                        require: rule.require.clone(),
                        values: shown,
                    };
                    findings.push(Finding::rule(&rule.code, rule.severity, file, msg).at_sheet(sheet));
                }
                Err(detail) => {
                    let msg = Msg::RuleFailed { rule: rule.code.clone(), detail };
                    findings.push(Finding::new(Code::RuleFailed, file, msg).at_sheet(sheet));
                }
            }
        }
        findings
    }
}

impl Compiled<'_> {
    /// Whether the rule holds: `when` false, or `require` true.
    fn check(&self, context: &Value) -> Result<bool, String> {
        let eval = |compiled: &Result<Expression<'_, '_>, String>| -> Result<bool, String> {
            let expr = compiled.as_ref().map_err(Clone::clone)?;
            expr.eval(context).map(|v| v.is_true()).map_err(|e| e.to_string())
        };
        if let Some(when) = &self.when
            && !eval(when)?
        {
            return Ok(true);
        }
        eval(&self.require)
    }
}

/// Whole numbers stay integers (exact comparisons); others become floats, which is enough
/// for a check (totals are never computed here).
fn to_value(d: Decimal) -> Value {
    let d = d.normalize();
    match (d.fract().is_zero(), d.to_i64()) {
        (true, Some(i)) => Value::from(i),
        _ => Value::from(d.to_f64().unwrap_or(f64::NAN)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn entries(config: &Config, values: &[(&str, &str)]) -> BTreeMap<usize, Entry> {
        values
            .iter()
            .map(|(code, v)| {
                let i = config.indicators.iter().position(|ind| ind.code == *code).unwrap();
                let entry = Entry {
                    value: Some(Decimal::from_str(v).unwrap()),
                    value_cell: crate::finding::Cell::new(0, 4),
                    note: None,
                    note_cell: None,
                };
                (i, entry)
            })
            .collect()
    }

    #[test]
    fn default_rules() {
        let c = Config::default_config();
        let codes = |vals: &[(&str, &str)]| -> Vec<String> {
            Rules::new(&Environment::new(), &c)
                .evaluate(&c, &entries(&c, vals), "f.xlsx", "Báo cáo")
                .into_iter()
                .map(|f| f.code)
                .collect()
        };
        assert_eq!(codes(&[("VD03", "3"), ("VD04", "1.5")]), Vec::<String>::new());
        assert_eq!(codes(&[("VD04", "2.5")]), ["R01"]);
        assert_eq!(codes(&[("VD03", "2")]), ["R02"]);
        assert_eq!(codes(&[("CB02", "40")]), ["R03"]);
        assert_eq!(codes(&[("VD03", "1"), ("VD04", "25")]), ["R04"]);
        assert_eq!(codes(&[]), Vec::<String>::new(), "empty values count as 0");
    }

    #[test]
    fn violation_quotes_the_values() {
        let c = Config::default_config();
        let f = Rules::new(&Environment::new(), &c).evaluate(&c, &entries(&c, &[("VD04", "2.5")]), "f.xlsx", "Báo cáo");
        let text = f[0].text(crate::messages::Lang::Vi);
        assert!(text.contains("VD03 = 0; VD04 = 2,5"), "{text}");
    }
}
