//! Integration tests: one binary, one module per area (keeps link time down).

mod build;
mod cli;
mod common;
mod config;
mod corpus;
mod document;
mod fixtures;
mod fuzz_regressions;
mod large;
mod layout;
mod narrative;
mod nothing_lost;
mod read;
mod report;
mod robust;
mod template;
mod time;
mod trust_columns;
mod trust_files;
mod trust_sheets;
mod trust_support;
mod workspace;
