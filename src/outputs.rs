//! The names of what `tonghop build` writes. The renderers and the writer use them to make the
//! outputs; discovery and the reader use them to recognise an output dropped back into an inbox
//! (spec: S04), so both sides read one list.

use crate::period::{Period, Span};

/// The consolidated workbook and the CSV: `tong-hop-YYYY-MM.{xlsx,csv}`.
pub const CONSOLIDATED: &str = "tong-hop";
/// The written report: `bao-cao-YYYY-MM.{md,docx}`.
pub const REPORT: &str = "bao-cao";
/// Each output file stem with its extensions.
pub const FILES: [(&str, &[&str]); 2] = [(CONSOLIDATED, &["xlsx", "csv"]), (REPORT, &["md", "docx"])];

/// The file name of an output of a month or a longer period: `tong-hop-2024-08.xlsx`,
/// `bao-cao-2024-Q3.docx`.
pub fn file_name(stem: &str, period: &impl std::fmt::Display, extension: &str) -> String {
    format!("{stem}-{period}.{extension}")
}

/// Whether a file name is one `tonghop build` writes (of any period).
pub fn is_output_file_name(name: &str) -> bool {
    FILES.iter().any(|(stem, exts)| {
        name.strip_prefix(stem)
            .and_then(|rest| rest.strip_prefix('-'))
            .and_then(|rest| rest.rsplit_once('.'))
            .is_some_and(|(period, ext)| exts.contains(&ext) && is_period_name(period))
    })
}

/// `2024-08`, or a longer period as `report` names it (`2024-Q3`, `2024-01..2024-09`).
fn is_period_name(name: &str) -> bool {
    (name.len() == 7 && name.parse::<Period>().is_ok()) || name.parse::<Span>().is_ok_and(|span| span.name == name)
}

pub const SHEET_SUMMARY: &str = "Tổng hợp";
pub const SHEET_SUBMISSIONS: &str = "Nộp báo cáo";
pub const SHEET_FINDINGS: &str = "Kiểm tra";
pub const SHEET_NOTES: &str = "Ghi chú";
/// The figures of each unit, one row per unit: only in the workbook of a configuration too
/// large for one column per unit on `Tổng hợp` ([`MANY_UNITS`](crate::render::MANY_UNITS)).
pub const SHEET_BY_UNIT: &str = "Theo đơn vị";
/// The archive's rows as typed cells, for people: the CSV is for machines.
pub const SHEET_DATA: &str = "Dữ liệu";
/// The sheets every consolidated workbook has, in order: also how a copy of it is recognised
/// in an inbox, whatever it is called. [`SHEET_BY_UNIT`] is left out on purpose: a workbook is
/// ours when it has all of these, so recognition must not depend on the optional sheet.
pub const SHEETS: [&str; 4] = [SHEET_SUMMARY, SHEET_SUBMISSIONS, SHEET_FINDINGS, SHEET_NOTES];

/// The CSV's header, exactly (spec §6): the archive's columns, read back as history.
pub const CSV_HEADER: [&str; 11] = [
    "ky_bao_cao",
    "ma_don_vi",
    "don_vi",
    "ma_chi_tieu",
    "chi_tieu",
    "don_vi_tinh",
    "gia_tri",
    "ghi_chu",
    "tep_nguon",
    "o",
    "sha256",
];

/// A field that starts like a formula (`=`, `+`, `-`, `@`, tab, CR) gets a leading `'`, so a
/// spreadsheet shows it as text instead of running it (OWASP's CSV injection advice).
pub fn inert(field: &str) -> std::borrow::Cow<'_, str> {
    match field.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{field}").into(),
        _ => field.into(),
    }
}

/// The text [`inert`] was given back: the archive's notes, read as history.
pub fn uninert(field: &str) -> &str {
    match field.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => field,
    }
}
