//! Names as people type them: folding to a comparison key, and finding the configured unit a
//! text names. Nothing here knows the configuration's types, so `config` (which checks names
//! for clashes) and `validate` (which looks units up) both build on it.

pub mod fold;
pub mod units;
