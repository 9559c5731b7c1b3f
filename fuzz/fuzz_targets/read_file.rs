//! Bytes → findings: the whole read-and-extract path of one received file (sniffing, the
//! extent checks, calamine, sparse sheets, legacy text, header and table detection, values).
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use tonghop::config::Config;

static CONFIG: LazyLock<Config> = LazyLock::new(Config::default_config);

fuzz_target!(|data: &[u8]| {
    // The name matters only for the extension (a PDF named .xlsx is F08, else S03).
    let _ = tonghop::read::read_bytes("bao-cao.xlsx", data, &CONFIG);
});
