//! Whatever bytes land in the inbox, every file is accounted for and nothing panics.

use proptest::prelude::*;
use tonghop::config::Config;
use tonghop::intake::intake;

fn bytes_like_a_file() -> impl Strategy<Value = Vec<u8>> {
    let magic = prop_oneof![
        Just(b"PK\x03\x04".to_vec()),
        Just(vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]),
        Just(b"%PDF".to_vec()),
        Just(Vec::new()),
    ];
    (magic, proptest::collection::vec(any::<u8>(), 0..600)).prop_map(|(mut m, rest)| {
        m.extend(rest);
        m
    })
}

/// A real form cut or corrupted at a random place.
fn damaged_form() -> impl Strategy<Value = Vec<u8>> {
    let form = support::form::FilledForm::new(crate::fixtures::clean("Phường An Mỹ")).to_xlsx().unwrap();
    let len = form.len();
    (0..len, any::<u8>(), any::<bool>()).prop_map(move |(at, byte, truncate)| {
        let mut f = form.clone();
        if truncate {
            f.truncate(at);
        } else {
            f[at] = byte;
        }
        f
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn every_file_is_accounted_for(files in proptest::collection::vec(prop_oneof![bytes_like_a_file(), damaged_form()], 1..5)) {
        let dir = tempfile::tempdir().unwrap();
        for (i, bytes) in files.iter().enumerate() {
            std::fs::write(dir.path().join(format!("f{i}.xlsx")), bytes).unwrap();
        }
        let config = Config::default_config();
        let period = "2024-08".parse().ok();
        let result = intake(dir.path(), &config, period).unwrap();
        prop_assert_eq!(result.files.len(), files.len());
        let used = result.files.iter().filter(|f| f.outcome == tonghop::intake::Outcome::Used).count();
        prop_assert_eq!(used, result.submissions.len());
    }
}
