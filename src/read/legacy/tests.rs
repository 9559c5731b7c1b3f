//! Tests of decoding and detection through the functions the reader calls. The tables are
//! checked against the spec in `tables.rs`, the syllable rules in `syllable.rs`.

use std::collections::HashMap;
use std::sync::LazyLock;

use unicode_normalization::is_nfc;

use super::tables::{tcvn3_letter, vni_pair, vni_single};
use super::*;
use unicode_normalization::UnicodeNormalization;

/// How the reader converts a lone text: a sheet of one cell.
fn read_alone(text: &str) -> String {
    to_unicode_in_context(text, detect([text]))
}

/// Letter → TCVN3 byte, the inverse of the table. Capitals that an ABC font lacks take the
/// byte of their lower-case letter, as typists wrote them (`Ủy` → `ñy`).
static TCVN3_BYTES: LazyLock<HashMap<char, u8>> = LazyLock::new(|| {
    let letters: Vec<(u8, char)> = (0..=0xFFu8).filter_map(|b| Some((b, tcvn3_letter(b)?))).collect();
    let mut bytes: HashMap<char, u8> = letters.iter().map(|&(byte, letter)| (letter, byte)).collect();
    for &(byte, letter) in &letters {
        for capital in letter.to_uppercase() {
            bytes.entry(capital).or_insert(byte);
        }
    }
    bytes
});

/// Letter → its one or two VNI bytes, the inverse of the table.
static VNI_BYTES: LazyLock<HashMap<char, Vec<u8>>> = LazyLock::new(|| {
    let mut bytes = HashMap::new();
    for first in 0..=0xFFu8 {
        if let Some(letter) = vni_single(first) {
            bytes.insert(letter, vec![first]);
        }
        for second in 0..=0xFFu8 {
            if let Some(letter) = vni_pair(first, second) {
                bytes.insert(letter, vec![first, second]);
            }
        }
    }
    bytes
});

/// Test-only encoder: Unicode → the legacy text as it arrives in a cell (bytes as Latin-1
/// characters). Characters outside the tables are kept.
fn encode(text: &str, encoding: Encoding) -> String {
    let mut out = String::new();
    for c in text.nfc() {
        let bytes = match encoding {
            Encoding::Unicode => None,
            Encoding::Tcvn3 => TCVN3_BYTES.get(&c).map(std::slice::from_ref),
            Encoding::Vni => VNI_BYTES.get(&c).map(Vec::as_slice),
        };
        match bytes {
            Some(bytes) => out.extend(bytes.iter().map(|&b| char::from(b))),
            None => out.push(c),
        }
    }
    out
}

/// Every row of the README's example table, in both encodings.
const README_EXAMPLES: [(&str, Encoding, &str); 10] = [
    ("ph\u{AD}êng An Mü", Encoding::Tcvn3, "phường An Mỹ"),
    ("x· Tam Th¨ng", Encoding::Tcvn3, "xã Tam Thăng"),
    ("tû ®ång", Encoding::Tcvn3, "tỷ đồng"),
    ("§¬n vÞ tÝnh", Encoding::Tcvn3, "Đơn vị tính"),
    // 0xF1 is ủ: ABC fonts have no capital Ủ, so the table gives lower case.
    ("ñy ban MÆt trËn Tæ quèc ViÖt Nam", Encoding::Tcvn3, "ủy ban Mặt trận Tổ quốc Việt Nam"),
    ("phöôøng An Myõ", Encoding::Vni, "phường An Mỹ"),
    ("xaõ Tam Thaêng", Encoding::Vni, "xã Tam Thăng"),
    ("tyû ñoàng", Encoding::Vni, "tỷ đồng"),
    ("Ñôn vò tính", Encoding::Vni, "Đơn vị tính"),
    ("UÛy ban Maët traän Toå quoác Vieät Nam", Encoding::Vni, "Ủy ban Mặt trận Tổ quốc Việt Nam"),
];

#[test]
fn readme_examples_decode_with_given_encoding() {
    for (input, encoding, expected) in README_EXAMPLES {
        assert_eq!(decode(input, encoding), expected, "{input:?} as {encoding:?}");
    }
}

#[test]
fn readme_examples_are_detected_alone() {
    for (input, encoding, expected) in README_EXAMPLES {
        assert_eq!(detect([input]), encoding, "{input:?}");
        assert_eq!(read_alone(input), expected, "{input:?}");
    }
}

#[test]
fn readme_examples_are_what_the_test_encoder_writes() {
    for (input, encoding, expected) in README_EXAMPLES {
        assert_eq!(encode(expected, encoding), input, "{expected:?} as {encoding:?}");
    }
}

#[test]
fn text_that_must_stay_as_it_is() {
    let cases = [
        "",
        " ",
        "Số liệu",
        "13,386",
        "60.000.000 đồng",
        "Ghi chú / nội dung cụ thể",
        "ĐVT",
        "Hello, world! Total: 1,234.56 (USD)",
        "UBND huyen Dien Ban",
        "Microsoft® Excel™ – “quoted” … 25°C, m², 3 × 4, ½",
        "«Tên»",
        "hyphen\u{AD}ated",
        // Unicode words made of Latin-1 letters only read well as legacy text too
        // (`Hoàng` is VNI for Hồng, `bán` is TCVN3 for bỏn): a tie keeps them.
        "Cà Mau",
        "Tây Ninh",
        "Hoàng",
        "bán",
        "Tên",
        "Mã",
        "Ý",
        "Ghi chú",
        "tính",
        "José Müller, naïve café, smørrebrød, Straße",
        "Москва 東京 😀 \u{0} \t\r\n \u{FEFF}",
    ];
    for text in cases {
        assert_eq!(read_alone(text), text, "{text:?}");
        assert_eq!(detect([text]), Encoding::Unicode, "{text:?}");
    }
}

#[test]
fn unicode_vietnamese_is_never_decoded() {
    let cases = [
        "Số liệu",
        "60.000.000 đồng",
        "Ghi chú / nội dung cụ thể",
        "ĐVT",
        "Cộng hòa xã hội chủ nghĩa Việt Nam",
        "Tổng cộng (tính đến 31/12)",
    ];
    for text in cases {
        for encoding in [Encoding::Unicode, Encoding::Tcvn3, Encoding::Vni] {
            assert_eq!(decode(text, encoding), text, "{text:?} as {encoding:?}");
            assert_eq!(to_unicode_in_context(text, encoding), text, "{text:?}");
        }
    }
}

#[test]
fn ascii_is_unchanged_by_every_encoding() {
    let text = "Plain ASCII: abc XYZ 0123 !@#$%^&*()_+-=[]{};':\",./<>?`~";
    for encoding in [Encoding::Unicode, Encoding::Tcvn3, Encoding::Vni] {
        assert_eq!(decode(text, encoding), text, "{encoding:?}");
    }
}

#[test]
fn nfd_input_becomes_nfc() {
    for text in ["Số liệu", "Cộng hòa xã hội", "Thừa Thiên Huế", "Tây Ninh"] {
        let nfd: String = text.nfd().collect();
        assert_ne!(nfd, text);
        assert_eq!(read_alone(&nfd), text);
        for encoding in [Encoding::Unicode, Encoding::Tcvn3, Encoding::Vni] {
            assert_eq!(decode(&nfd, encoding), text, "{encoding:?}");
        }
    }
}

#[test]
fn tcvn3_capitals() {
    let cases = [
        // Plain TCVN3 typed with Caps Lock: visibly capitals, so upper-cased.
        ("CéNG HOµ X· HéI", Encoding::Tcvn3, "CỘNG HOÀ XÃ HỘI"),
        ("B¸O C¸O", Encoding::Tcvn3, "BÁO CÁO"),
        ("§¬n vÞ: TRIÖU ®ång", Encoding::Tcvn3, "Đơn vị: TRIỆU đồng"),
        // Nothing shows that these are capitals.
        ("Hµ Néi", Encoding::Tcvn3, "Hà Nội"),
        ("§VT", Encoding::Tcvn3, "ĐVT"),
    ];
    for (input, encoding, expected) in cases {
        assert_eq!(decode(input, encoding), expected, "{input:?} as {encoding:?}");
    }
    assert_eq!(read_alone("CéNG HOµ X· HéI"), "CỘNG HOÀ XÃ HỘI");
}

#[test]
fn per_sheet_detection_settles_ambiguous_cells() {
    // (sheet cells, expected sheet encoding, ambiguous cell, its reading in this sheet)
    let cases: [(&[&str], Encoding, &str, &str); 5] = [
        (&["Tæng sè", "§¬n vÞ tÝnh", "bá", "Ghi chó"], Encoding::Tcvn3, "bá", "bỏ"),
        (&["Toång soá", "Ñôn vò tính", "Hoàng", "Ghi chuù"], Encoding::Vni, "Hoàng", "Hồng"),
        (&["Tổng số", "Đơn vị tính", "Hoàng", "bá"], Encoding::Unicode, "Hoàng", "Hoàng"),
        (&["STT", "1", "2", "bá"], Encoding::Unicode, "bá", "bá"),
        // A clearly legacy cell is decoded even in a Unicode sheet, and a clearly
        // Unicode cell is kept in a legacy sheet.
        (&["Tổng số", "Đơn vị tính", "Số liệu", "Y tÕ"], Encoding::Unicode, "Y tÕ", "Y tế"),
    ];
    for (cells, sheet_encoding, cell, expected) in cases {
        let encoding = detect(cells.iter().copied());
        assert_eq!(encoding, sheet_encoding, "{cells:?}");
        assert_eq!(to_unicode_in_context(cell, encoding), expected, "{cell:?}");
    }
    assert_eq!(to_unicode_in_context("Tổng số", Encoding::Tcvn3), "Tổng số");
    // Decoding a whole sheet with its encoding gives the expected text too.
    assert_eq!(decode("bá", detect(["Tæng sè", "bá"])), "bỏ");
    // Alone, `bá` and `Hoàng` read fine as Unicode and stay; decoded as legacy text they change.
    assert_eq!(read_alone("bá"), "bá");
    assert_eq!(decode("bá", Encoding::Tcvn3), "bỏ");
    assert_eq!(read_alone("Hoàng"), "Hoàng");
    assert_eq!(decode("Hoàng", Encoding::Vni), "Hồng");
}

/// All 134 Vietnamese letters outside ASCII (67 lower-case, 67 capitals), built from
/// Unicode rather than from the tables.
fn vietnamese_letters() -> Vec<char> {
    let mut letters = vec!['đ', 'Đ'];
    for vowel in "aăâeêioôơuưy".chars() {
        for tone in ["", "\u{300}", "\u{301}", "\u{303}", "\u{309}", "\u{323}"] {
            let lower: String = format!("{vowel}{tone}").nfc().collect();
            let mut chars = lower.chars();
            let c = chars.next().unwrap();
            assert!(chars.next().is_none());
            if !c.is_ascii() {
                letters.push(c);
                letters.extend(c.to_uppercase());
            }
        }
    }
    letters
}

#[test]
fn round_trip_every_letter() {
    let letters = vietnamese_letters();
    assert_eq!(letters.len(), 134);
    for &letter in &letters {
        // In context too: between letters a VNI mark must still pair with its own base.
        for text in [letter.to_string(), format!("t{letter}n"), format!("ư{letter}ơ")] {
            assert!(VNI_BYTES.contains_key(&letter), "{letter} not in VNI");
            let vni = encode(&text, Encoding::Vni);
            assert_eq!(decode(&vni, Encoding::Vni), text, "VNI {vni:?}");
            let tcvn3 = encode(&text, Encoding::Tcvn3);
            let lower_only = letter.is_uppercase() && !"ĂÂÊÔƠƯĐ".contains(letter);
            if lower_only {
                // No ABC capital: the lower-case byte (drawn as a capital only by `…H` fonts),
                // which decodes to lower case.
                let lower = text.to_lowercase();
                assert_eq!(decode(&tcvn3, Encoding::Tcvn3), lower, "{tcvn3:?}");
            } else {
                assert_eq!(decode(&tcvn3, Encoding::Tcvn3), text, "TCVN3 {tcvn3:?}");
            }
        }
    }
}

/// Typical report phrases. Capitals are unmarked or among Ă Â Ê Ô Ơ Ư Đ so that TCVN3
/// can hold them.
const PHRASES: [&str; 40] = [
    "Cộng hòa xã hội chủ nghĩa Việt Nam",
    "Độc lập - Tự do - Hạnh phúc",
    "Báo cáo kết quả thực hiện kế hoạch năm 2023",
    "Tổng số hộ nghèo trên địa bàn",
    "Đơn vị tính: triệu đồng",
    "Dự toán ngân sách nhà nước",
    "Phòng Tài chính - Kế hoạch",
    "Trường Trung học cơ sở Nguyễn Huệ",
    "Số người được hỗ trợ bảo hiểm y tế",
    "Giá trị sản xuất nông nghiệp",
    "Kinh phí thực hiện chương trình mục tiêu quốc gia",
    "Xây dựng nông thôn mới",
    "Thôn Phú Mỹ, xã Quế Sơn",
    "Chỉ tiêu",
    "So sánh cùng kỳ",
    "Huyện Điện Bàn, tỉnh Quảng Nam",
    "Người lập biểu",
    "Thủ trưởng đơn vị",
    "Diện tích gieo trồng lúa",
    "Sản lượng lương thực có hạt",
    "Giáo dục và đào tạo",
    "Khuyến khích doanh nghiệp đầu tư",
    "Tuyên truyền phổ biến giáo dục pháp luật",
    "Kế toán trưởng",
    "Ngày 15 tháng 3 năm 2024",
    "Giải quyết việc làm cho người lao động",
    "Giấy chứng nhận quyền sử dụng đất",
    "Thừa Thiên Huế",
    "Bà Rịa - Vũng Tàu",
    "Ước thực hiện 6 tháng đầu năm",
    "Khuya rồi, gửi giùm tôi cái ghế",
    "Hỗ trợ khắc phục hậu quả thiên tai",
    "Quỹ phòng chống thiên tai",
    "Hợp tác xã dịch vụ nông nghiệp",
    "Chương trình mục tiêu giảm nghèo bền vững",
    "Nhà văn hóa thôn",
    "Kiên cố hóa kênh mương",
    "Đường giao thông nông thôn",
    "Tiền lương, tiền công",
    "Ghi chú",
];

#[test]
fn round_trip_phrases_through_detection() {
    for phrase in PHRASES {
        assert_eq!(read_alone(phrase), phrase);
        for encoding in [Encoding::Tcvn3, Encoding::Vni] {
            let legacy = encode(phrase, encoding);
            assert_eq!(decode(&legacy, encoding), phrase, "{legacy:?}");
            if legacy == "Ghi chó" {
                // TCVN3 for "Ghi chú", but also good Unicode ("chó" is a word): a lone
                // string keeps it; its sheet decides (see per_sheet_detection...).
                assert_eq!(read_alone(&legacy), legacy);
            } else if legacy != phrase {
                assert_eq!(read_alone(&legacy), phrase, "{legacy:?} ({encoding:?})");
            }
        }
    }
    // As a sheet.
    let tcvn3: Vec<String> = PHRASES.iter().map(|p| encode(p, Encoding::Tcvn3)).collect();
    assert_eq!(detect(tcvn3.iter().map(String::as_str)), Encoding::Tcvn3);
    let vni: Vec<String> = PHRASES.iter().map(|p| encode(p, Encoding::Vni)).collect();
    assert_eq!(detect(vni.iter().map(String::as_str)), Encoding::Vni);
    assert_eq!(detect(PHRASES), Encoding::Unicode);
}

/// A small deterministic generator, so the property tests need no extra crate.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u32 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        u32::try_from(self.0 >> 33).unwrap()
    }
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.next() as usize % items.len()]
    }
}

#[test]
fn never_panics_and_always_nfc() {
    let mut rng = Lcg(42);
    let pools: [&[(u32, u32)]; 4] = [
        &[(0, 0x7F)],
        &[(0x80, 0xFF), (0x2013, 0x2026)],
        &[(0x300, 0x36F), (0x1EA0, 0x1EF9), (0x100, 0x1B0)],
        &[(0, 0x10FFFF)],
    ];
    for _ in 0..3000 {
        let len = rng.next() % 12;
        let text: String = (0..len)
            .filter_map(|_| {
                let pool = rng.pick(&pools);
                let (lo, hi) = rng.pick(pool);
                char::from_u32(lo + rng.next() % (hi - lo + 1))
            })
            .collect();
        for encoding in [Encoding::Unicode, Encoding::Tcvn3, Encoding::Vni] {
            assert!(is_nfc(&decode(&text, encoding)), "{text:?}");
            assert!(is_nfc(&to_unicode_in_context(&text, encoding)), "{text:?}");
        }
        assert!(is_nfc(&read_alone(&text)), "{text:?}");
    }
}

#[test]
fn random_ascii_is_never_altered() {
    let mut rng = Lcg(7);
    for _ in 0..2000 {
        let len = rng.next() % 30;
        let text: String = (0..len).map(|_| char::from(u8::try_from(rng.next() % 0x80).unwrap())).collect();
        assert_eq!(read_alone(&text), text);
    }
}

proptest::proptest! {
    /// The one-pass count equals counting the split words, and is non-zero exactly when the
    /// text holds a Unicode-Vietnamese letter or mark.
    #[test]
    fn vietnamese_words_are_counted_as_split(text in "[a-zA-Zăâđêôơưàáạảãộớ\u{300}\u{301}\u{323}\u{A9}\u{E0}\u{F5} ,.1-]{0,30}|\\PC{0,30}") {
        let split = words(&text).filter(|w| w.chars().any(is_unicode_vietnamese_char)).count();
        proptest::prop_assert_eq!(vietnamese_words(&text), split);
        proptest::prop_assert_eq!(split > 0, is_unicode_vietnamese(&text));
    }
}
