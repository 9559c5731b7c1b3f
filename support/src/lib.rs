//! Test and sample support for tonghop, kept out of the product: filled-in forms as units send
//! them back ([`form`]), the bundled sample inboxes ([`samples`]) and a generated year of them
//! ([`year`]). `examples/make_samples.rs` writes `samples/` with it; the integration tests
//! build their inputs with it.

pub mod form;
pub mod samples;
pub mod year;
