//! Text → number, period, date: what units type into value cells and the header block.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    // The text of a cell, then the indicator's unit of measure after a NUL.
    let (cell, unit) = text.split_once('\0').unwrap_or((text, "tỷ đồng"));
    let _ = tonghop::read::value_text::parse_value_text(cell, unit);
    let _ = tonghop::read::value_text::money_factor(unit);
    let _ = tonghop::read::dates::parse_period_text(cell);
    let _ = tonghop::read::dates::parse_prepared_text(cell);
    let _ = tonghop::text::clean_text(cell);
    let _ = tonghop::names::fold::fold(cell);
});
