//! Test and sample support for tonghop, kept out of the product: filled-in forms as units send
//! them back ([`form`]) and the bundled sample inboxes ([`samples`]). `examples/make_samples.rs`
//! writes `samples/` with it; the integration tests build their inputs with it.

pub mod form;
pub mod samples;
