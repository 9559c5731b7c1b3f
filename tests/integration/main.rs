//! Integration tests: one binary, one module per area (keeps link time down).

mod common;
mod config;
mod template;
