//! Nothing lost, proved over random inboxes: valid forms, broken files, resends, other
//! months. Every file is accounted for once; every value of every used submission reaches the
//! CSV exactly once; the workbook's totals are the CSV's sums.

use std::collections::BTreeMap;
use std::str::FromStr;

use calamine::{Data, Reader, Xlsx};
use proptest::prelude::*;
use rust_decimal::Decimal;
use support::form::{FilledForm, FilledSheet, V};
use tonghop::config::Config;
use tonghop::intake::intake;

/// One file of a random inbox.
#[derive(Debug, Clone)]
enum File {
    /// A form of unit `unit` (index), for month `month` of 2024, prepared on `day`, with
    /// GS02 (a count) and VD04 (thousandths of tỷ đồng).
    Form { unit: usize, month: u32, day: u8, gs02: u32, vd04: u32 },
    /// Bytes that are no workbook.
    Broken(Vec<u8>),
}

fn file() -> impl Strategy<Value = File> {
    prop_oneof![
        4 => (0..5usize, prop_oneof![4 => Just(8u32), 1 => Just(7u32)], 1..28u8, 0..40u32, 0..5000u32)
            .prop_map(|(unit, month, day, gs02, vd04)| File::Form { unit, month, day, gs02, vd04 }),
        1 => proptest::collection::vec(any::<u8>(), 0..64).prop_map(File::Broken),
    ]
}

fn bytes(config: &Config, f: &File) -> Vec<u8> {
    match f {
        File::Form { unit, month, day, gs02, vd04 } => {
            let mut s = FilledSheet::standard(config, Some(&config.units[*unit].name), &format!("{month:02}/2024"));
            s.header("Ngày lập", V::Date(2024, *month as u8, *day));
            s.set("GS02", V::Number(f64::from(*gs02)));
            s.set("VD03", V::Number(1.0)).set("VD04", V::Number(f64::from(*vd04) / 1000.0));
            FilledForm::new(s).to_xlsx().unwrap()
        }
        File::Broken(b) => b.clone(),
    }
}

/// The `Tổng cộng` of each indicator in the workbook's `Tổng hợp` sheet, by code.
fn workbook_totals(config: &Config, xlsx: Vec<u8>) -> BTreeMap<String, Decimal> {
    let mut wb: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(xlsx)).unwrap();
    let range = wb.worksheet_range("Tổng hợp").unwrap();
    let (mut totals, header) = (BTreeMap::new(), 4);
    for row in range.rows().skip(header + 1) {
        if let (Some(Data::String(code)), Some(total)) = (row.get(1), row.get(4))
            && config.indicator(code).is_some()
        {
            let total = match total {
                Data::Float(f) => tonghop::read::value::float_to_decimal(*f).unwrap(),
                Data::Int(i) => Decimal::from(*i),
                _ => Decimal::ZERO,
            };
            totals.insert(code.clone(), total);
        }
    }
    totals
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    #[test]
    fn every_file_once_every_value_once_totals_are_the_sums(files in proptest::collection::vec(file(), 1..7)) {
        let config = Config::default_config();
        let dir = tempfile::tempdir().unwrap();
        for (i, f) in files.iter().enumerate() {
            std::fs::write(dir.path().join(format!("f{i}.xlsx")), bytes(&config, f)).unwrap();
        }
        let period = "2024-08".parse().ok();
        let got = intake(dir.path(), &config, period).unwrap();

        // Every file accounted for, exactly once.
        prop_assert_eq!(got.files.len(), files.len());
        let used = got.files.iter().filter(|f| f.outcome == tonghop::intake::Outcome::Used).count();
        prop_assert_eq!(used, got.submissions.len());
        // One submission per unit at most, and one per unit that sent an August form.
        let mut units: Vec<usize> = got.submissions.iter().map(|s| s.unit).collect();
        units.dedup();
        prop_assert_eq!(units.len(), got.submissions.len());

        // Every value of every used submission reaches the CSV exactly once.
        let csv = tonghop::render::csv::render(&config, &got).unwrap();
        let mut reader = csv::Reader::from_reader(&csv[3..]); // after the BOM
        let mut rows: BTreeMap<(String, String), Vec<Decimal>> = BTreeMap::new();
        let mut sums: BTreeMap<String, Decimal> = BTreeMap::new();
        for record in reader.records() {
            let r = record.unwrap();
            if r[6].is_empty() {
                continue; // a note without a value
            }
            let v = Decimal::from_str(&r[6]).unwrap();
            rows.entry((r[1].to_owned(), r[3].to_owned())).or_default().push(v);
            *sums.entry(r[3].to_owned()).or_default() += v;
        }
        for s in &got.submissions {
            for (i, e) in &s.entries {
                if let Some(v) = e.value {
                    let key = (config.units[s.unit].code.clone(), config.indicators[*i].code.clone());
                    prop_assert_eq!(rows.get(&key).map(Vec::as_slice), Some(&[v][..]), "{:?}", key);
                }
            }
        }
        let values = got.submissions.iter().flat_map(|s| s.entries.values()).filter(|e| e.value.is_some()).count();
        prop_assert_eq!(rows.values().map(Vec::len).sum::<usize>(), values, "nothing else in the CSV");

        // The workbook's totals are the CSV's sums.
        let consolidation = tonghop::aggregate::consolidate(&config, &got).unwrap();
        let xlsx = tonghop::render::consolidated_xlsx::render(&config, &got, &consolidation, tonghop::messages::Lang::Vi).unwrap();
        let totals = workbook_totals(&config, xlsx);
        prop_assert_eq!(totals.len(), config.indicators.len(), "a total per indicator");
        for (code, total) in totals {
            let sum = sums.get(&code).copied().unwrap_or_default();
            prop_assert_eq!(total.normalize(), sum.normalize(), "{}", code);
        }
    }
}
