//! Renderers: pure functions from tonghop's data to the bytes of an output file.
//! None of them touches the file system; [`crate::write`] does.

pub mod form_xlsx;
