//! The benchmark of issue #11, outside the shipped crate: an inbox of N units generated from the
//! default configuration (`gen`), and what calamine alone costs to read it (`floor`). The runner
//! `bench/run` times `tonghop build`, the floor and a pandas script on the same files;
//! BENCHMARKS.md says what is measured and why.

pub mod inbox;
pub mod units;

/// The period every generated submission reports: the month of the bundled samples, inside the
/// year the default configuration is written for.
pub const PERIOD: &str = "08/2024";
/// The same period as `tonghop build --period` takes it.
pub const PERIOD_ISO: &str = "2024-08";

/// A small deterministic generator (splitmix64): the data must be the same on every machine and
/// every run, and a crate from the registry would be a dependency for twenty lines.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A whole number in `lo..=hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next_u64() % (hi - lo + 1)
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }

    /// One item of a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.next_u64() as usize % items.len()]
    }
}
