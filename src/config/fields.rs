//! Typed access to the fields of one configuration table: each getter reports a missing,
//! mistyped or out-of-range value at its line, and `finish` the keys nobody asked for.

use std::ops::Range;
use std::str::FromStr;

use rust_decimal::Decimal;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::load::{Str, Walker};
use crate::messages::Msg;
use crate::period::Period;

/// Typed access to the fields of one table, reporting missing, mistyped and unknown keys.
pub(super) struct Fields<'w, 's, 'd, 'i> {
    w: &'w mut Walker<'s>,
    table_name: &'static str,
    table: &'d DeTable<'i>,
    span: Range<usize>,
}

impl<'w, 's, 'd, 'i> Fields<'w, 's, 'd, 'i> {
    pub(super) fn new(
        w: &'w mut Walker<'s>,
        table_name: &'static str,
        table: &'d DeTable<'i>,
        span: Range<usize>,
    ) -> Self {
        Fields { w, table_name, table, span }
    }

    pub(super) fn value(&mut self, key: &str, required: bool) -> Option<&'d Spanned<DeValue<'i>>> {
        let v = self.table.get(key);
        if v.is_none() && required {
            self.w.at(self.span.clone(), Msg::ConfigMissingField { table: self.table_name, field: key.to_owned() });
        }
        v
    }

    pub(super) fn wrong_type(&mut self, key: &str, span: Range<usize>, expected: &'static str) {
        self.w.at(span, Msg::ConfigWrongType { field: key.to_owned(), expected });
    }

    /// A non-empty string, NFC-normalised.
    pub(super) fn string(&mut self, key: &str, required: bool) -> Option<Str> {
        let v = self.value(key, required)?;
        match v.get_ref().as_str() {
            Some(s) if s.trim().is_empty() => {
                self.w.at(v.span(), Msg::ConfigEmptyField { field: key.to_owned() });
                None
            }
            Some(s) => Some(Spanned::new(v.span(), crate::names::fold::nfc(s.trim()))),
            None => {
                self.wrong_type(key, v.span(), "text");
                None
            }
        }
    }

    /// An optional string that may be empty (an empty `sentence` means "no sentence of its own").
    pub(super) fn spanned_text_allow_empty(&mut self, key: &str) -> Option<Str> {
        let v = self.value(key, false)?;
        let s = v.get_ref().as_str().map(|s| Spanned::new(v.span(), crate::names::fold::nfc(s.trim())));
        if s.is_none() {
            self.wrong_type(key, v.span(), "text");
        }
        s
    }

    pub(super) fn spanned_strings(&mut self, key: &str) -> Vec<Str> {
        let Some(v) = self.value(key, false) else { return Vec::new() };
        let Some(items) = v.get_ref().as_array() else {
            self.wrong_type(key, v.span(), "list of texts");
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in items.iter() {
            match item.get_ref().as_str() {
                Some(s) if !s.trim().is_empty() => {
                    out.push(Spanned::new(item.span(), crate::names::fold::nfc(s.trim())))
                }
                Some(_) => {}
                None => self.wrong_type(key, item.span(), "list of texts"),
            }
        }
        out
    }

    pub(super) fn strings(&mut self, key: &str) -> Option<Vec<String>> {
        self.table.get(key)?;
        Some(self.spanned_strings(key).into_iter().map(Spanned::into_inner).collect())
    }

    pub(super) fn boolean(&mut self, key: &str) -> Option<bool> {
        let v = self.value(key, false)?;
        let b = v.get_ref().as_bool();
        if b.is_none() {
            self.wrong_type(key, v.span(), "true/false");
        }
        b
    }

    /// An integer or decimal number, kept exact (the TOML text, not a float).
    pub(super) fn decimal(&mut self, key: &str) -> Option<Spanned<Decimal>> {
        let v = self.value(key, false)?;
        let text = match v.get_ref() {
            DeValue::Integer(i) if i.radix() == 10 => Some(i.as_str()),
            DeValue::Float(f) => Some(f.as_str()),
            _ => None,
        };
        let parsed = text.and_then(|t| {
            let t = t.replace('_', "");
            Decimal::from_str(&t).or_else(|_| Decimal::from_scientific(&t)).ok()
        });
        if parsed.is_none() {
            self.wrong_type(key, v.span(), "number");
        }
        parsed.map(|d| Spanned::new(v.span(), d))
    }

    /// A whole number of 0 or more (a count of units).
    pub(super) fn whole(&mut self, key: &str) -> Option<usize> {
        let v = self.value(key, false)?;
        let DeValue::Integer(i) = v.get_ref() else {
            // A float is a number, but not a count: say which number is wrong.
            match v.get_ref() {
                DeValue::Float(f) => self
                    .w
                    .at(v.span(), Msg::ConfigNotWholeNumber { field: key.to_owned(), value: f.as_str().to_owned() }),
                _ => self.wrong_type(key, v.span(), "whole number"),
            }
            return None;
        };
        let parsed = usize::from_str_radix(i.as_str(), i.radix()).ok();
        if parsed.is_none() {
            self.w.at(v.span(), Msg::ConfigNotWholeNumber { field: key.to_owned(), value: i.as_str().to_owned() });
        }
        parsed
    }

    /// A whole number between `min` and `max`.
    pub(super) fn whole_in(&mut self, key: &str, min: usize, max: usize) -> Option<usize> {
        let n = self.whole(key)?;
        if (min..=max).contains(&n) {
            return Some(n);
        }
        let span = self.value(key, false).map(|v| v.span()).unwrap_or(self.span.clone());
        self.w.at(span, Msg::ConfigOutOfRange { field: key.to_owned(), value: n, min, max });
        None
    }

    /// A month, `"YYYY-MM"`.
    pub(super) fn period(&mut self, key: &str) -> Option<Spanned<Period>> {
        let text = self.string(key, false)?;
        match text.get_ref().parse::<Period>() {
            Ok(p) if text.get_ref().len() == 7 && text.get_ref().as_bytes()[4] == b'-' => {
                Some(Spanned::new(text.span(), p))
            }
            _ => {
                self.w.at(text.span(), Msg::ConfigBadMonth { field: key.to_owned(), value: text.get_ref().clone() });
                None
            }
        }
    }

    pub(super) fn finish(self, known: &[&str]) {
        for (key, _) in self.table.iter() {
            if !known.contains(&key.get_ref().as_ref()) {
                self.w.at(key.span(), Msg::ConfigUnknownKey { table: self.table_name, key: key.get_ref().to_string() });
            }
        }
    }
}
