//! tonghop: consolidates the monthly Excel reports that units send to a committee.
//!
//! The pipeline: discover files → read a workbook → extract a submission → validate →
//! aggregate → render (xlsx, csv, narrative) → write. Each stage is a module; each command
//! in [`cmd`] strings the stages it needs together.

pub mod aggregate;
pub mod cli;
pub mod cmd;
pub mod config;
pub(crate) mod discover;
pub mod error;
pub mod finding;
pub mod form;
pub mod history;
pub mod intake;
pub mod messages;
pub mod names;
pub mod narrative;
pub mod outputs;
pub mod period;
pub mod read;
pub mod render;
pub mod text;
pub(crate) mod validate;
pub(crate) mod vn_number;
pub(crate) mod write;
