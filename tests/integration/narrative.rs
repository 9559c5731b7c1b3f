//! The narrative report: Markdown and Word, from the August 2024 samples, in the seed's style.

use std::path::{Path, PathBuf};

use crate::common::{tonghop, xlsx_part};

pub(crate) fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("samples")
}

/// Builds the August samples into `dir/out` and returns the Markdown.
pub(crate) fn august(dir: &Path) -> String {
    let out = tonghop(dir).arg("build").arg(samples().join("2024-08")).args(["-o", "out"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    std::fs::read_to_string(dir.join("out/bao-cao-2024-08.md")).unwrap()
}

/// The footnote a sentence points at, by the sentence's text.
fn footnote_of(md: &str, sentence: &str) -> String {
    let line = md.lines().find(|l| l.contains(sentence)).unwrap_or_else(|| panic!("no sentence {sentence:?} in\n{md}"));
    let at = line.find("[^").unwrap_or_else(|| panic!("no footnote on {line:?}"));
    let n: String = line[at + 2..].chars().take_while(char::is_ascii_digit).collect();
    let def = format!("[^{n}]: ");
    md.lines().find_map(|l| l.strip_prefix(&def)).unwrap_or_else(|| panic!("no definition {def}")).to_owned()
}

#[test]
fn the_august_narrative_says_what_the_seed_says() {
    let dir = tempfile::tempdir().unwrap();
    let md = august(dir.path());
    for sentence in [
        "13/13 xã, phường đã tổ chức 35 công trình, phần việc với tổng giá trị hơn 13,386 tỷ đồng",
        "04/13 đơn vị tổ chức các hoạt động văn hóa - văn nghệ, sự kiện chào mừng Đại hội MTTQ Việt Nam các cấp",
        "Có 09/13 đơn vị Mặt trận cấp xã, phường tổ chức Hội nghị đối thoại trực tiếp giữa người đứng đầu cấp ủy, chính quyền với Nhân dân",
        "07/13 đơn vị tổ chức Diễn đàn lắng nghe ý kiến Nhân dân",
        "03/13 đơn vị tổ chức Tọa đàm nâng cao chất lượng hoạt động Mặt trận",
        "13/13 xã, phường tổ chức Hội nghị tiếp xúc cử tri",
        "13/13 đơn vị tổ chức tập huấn công tác Mặt trận",
        "Ủy ban MTTQ Việt Nam các xã, phường đã đăng 31 tin, bài, hình ảnh hoạt động",
    ] {
        assert!(md.contains(sentence), "missing {sentence:?} in\n{md}");
    }
    // The header block of Nghị định 30/2020, then the title, then section I.
    assert!(
        md.starts_with(
            "ỦY BAN MTTQ VIỆT NAM THÀNH PHỐ TAM KỲ\n\n**BAN THƯỜNG TRỰC**\n\nSố: …/BC-MTTQ-BTT\n\n**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\n\n\
             **Độc lập - Tự do - Hạnh phúc**\n\n*Tam Kỳ, ngày … tháng … năm 2024*\n\n\
             # BÁO CÁO\n## Kết quả công tác Mặt trận tháng 8/2024\n\n### I. KẾT QUẢ CÔNG TÁC MẶT TRẬN THÁNG 8 NĂM 2024\n\n\
             13/13 xã, phường đã gửi báo cáo.\n\n#### 1. "
        ),
        "{md}"
    );
    for section in [
        "#### 1. Công tác tuyên truyền, vận động tập hợp các tầng lớp Nhân dân",
        "#### 5. Hoàn thiện cơ chế nâng cao năng lực của hệ thống Mặt trận",
    ] {
        assert!(md.contains(section), "{section}");
    }
    // After the results, the closing, the recipients and the signature; then the footnotes.
    let end = &md[md.find("Trên đây là").unwrap()..md.find("[^1]: ").unwrap()];
    assert_eq!(
        end,
        "Trên đây là báo cáo kết quả công tác Mặt trận tháng 8/2024 của Ban Thường trực Ủy ban MTTQ Việt Nam \
         thành phố Tam Kỳ./.\n\n**Nơi nhận:**\n- TT Ủy ban MTTQ Việt Nam tỉnh (b/c);\n- TT Thành ủy (b/c);\n- Lưu: VT.\n\n\
         **TM. BAN THƯỜNG TRỰC**\n\n**CHỦ TỊCH**\n\n"
    );

    // Footnotes as the seed shows them, units in configuration order.
    assert_eq!(
        footnote_of(&md, "07/13 đơn vị tổ chức Diễn đàn"),
        "Phường An Mỹ (02 cuộc), Phường Hòa Hương, Phường Hòa Thuận, Phường Tân Thạnh, Xã Tam Phú, Xã Tam Thanh (02 cuộc), Xã Tam Thăng."
    );
    assert_eq!(
        footnote_of(&md, "03/13 đơn vị tổ chức Tọa đàm"),
        "**Phường An Mỹ:** Tọa đàm nâng cao chất lượng hòa giải cơ sở; **Phường Hòa Hương:** Tọa đàm nâng cao chất lượng, hiệu quả hoạt động công tác Mặt trận; **Xã Tam Thăng:** Tọa đàm nâng cao “Tộc văn hóa” gắn với xây dựng nông thôn mới."
    );
    let tt03 = footnote_of(&md, "04/13 đơn vị tổ chức các hoạt động văn hóa");
    assert!(
        tt03.starts_with("**Phường An Phú:** Tổ chức ra mắt mô hình “Vận động Nhân dân khai thác thủy sản bền vững"),
        "{tt03}"
    );
    assert!(tt03.ends_with("**Xã Tam Thanh:** Bàn giao nhà Địa đoàn kết cho hộ cận nghèo."), "{tt03}");
    let gs03 = footnote_of(&md, "Có 09/13 đơn vị Mặt trận");
    let units: Vec<&str> = gs03.split("**").skip(1).step_by(2).collect();
    assert_eq!(
        units,
        [
            "Phường An Sơn:",
            "Phường An Xuân:",
            "Phường An Phú:",
            "Phường Hòa Hương:",
            "Phường Hòa Thuận:",
            "Phường Phước Hòa:",
            "Phường Tân Thạnh:",
            "Phường Trường Xuân:",
            "Xã Tam Thăng:"
        ]
    );
    assert!(gs03.contains("**Xã Tam Thăng:** Đối thoại trực tiếp giữa cấp ủy, chính quyền với trẻ em"), "{gs03}");
    // Footnotes are numbered in order of appearance, each defined once.
    let refs: Vec<usize> = md
        .lines()
        .filter(|l| !l.starts_with("[^"))
        .flat_map(|l| l.match_indices("[^").map(move |(i, _)| l[i + 2..].split(']').next().unwrap().parse().unwrap()))
        .collect();
    assert_eq!(refs, (1..=refs.len()).collect::<Vec<_>>());
    assert_eq!(md.lines().filter(|l| l.starts_with("[^")).count(), refs.len());
}

#[test]
fn past_footnote_max_units_a_footnote_counts_the_units_instead_of_naming_them() {
    let dir = tempfile::tempdir().unwrap();
    let config = tonghop::config::DEFAULT_TOML.replacen("[report]\n", "[report]\nfootnote_max_units = 5\n", 1);
    std::fs::write(dir.path().join("cau-hinh.toml"), config).unwrap();
    let out = tonghop(dir.path())
        .args(["--config", "cau-hinh.toml", "build"])
        .arg(samples().join("2024-08"))
        .args(["-o", "out"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let md = std::fs::read_to_string(dir.path().join("out/bao-cao-2024-08.md")).unwrap();
    let gs04 = footnote_of(&md, "07/13 đơn vị tổ chức Diễn đàn lắng nghe ý kiến Nhân dân");
    assert_eq!(gs04, "07 xã, phường; chi tiết tại bảng tổng hợp.");
    // Five units or fewer are still named.
    let gs05 = footnote_of(&md, "03/13 đơn vị tổ chức Tọa đàm");
    assert!(gs05.contains("**Xã Tam Thăng:**"), "{gs05}");
}

#[test]
fn outputs_are_identical_across_runs() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    assert_eq!(august(a.path()), august(b.path()), "byte-identical Markdown");
    let docx = |d: &Path| std::fs::read(d.join("out/bao-cao-2024-08.docx")).unwrap();
    assert!(docx(a.path()) == docx(b.path()), "the .docx is byte-identical too (dates pinned)");
}

#[test]
fn the_word_document_has_real_footnotes_and_the_official_layout() {
    let dir = tempfile::tempdir().unwrap();
    let md = august(dir.path());
    let path = dir.path().join("out/bao-cao-2024-08.docx");
    let document = xlsx_part(&path, "word/document.xml");
    let footnotes = xlsx_part(&path, "word/footnotes.xml");
    let styles = xlsx_part(&path, "word/styles.xml");
    let n = md.lines().filter(|l| l.starts_with("[^")).count();
    assert!(n >= 8, "{n}");
    for id in 1..=n {
        assert!(document.contains(&format!("<w:footnoteReference w:id=\"{id}\"")), "reference {id}");
        assert!(footnotes.contains(&format!("<w:footnote w:id=\"{id}\">")), "footnote {id}");
    }
    assert_eq!(footnotes.matches("<w:footnoteRef/>").count(), n, "each footnote prints its number");
    assert!(footnotes.contains("w:type=\"separator\" w:id=\"-1\""));
    // Unit names bold in footnotes.
    assert!(
        footnotes.contains("<w:b/><w:bCs/></w:rPr><w:t xml:space=\"preserve\">Phường An Phú:</w:t>"),
        "bold unit names"
    );
    // A4, margins 20/20/30/15 mm, Times New Roman 14 pt (footnotes 12 pt), justified with a
    // 1,27 cm first line and 6 pt after.
    assert!(document.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"), "A4");
    assert!(document.contains(
        "<w:pgMar w:top=\"1134\" w:right=\"850\" w:bottom=\"1134\" w:left=\"1701\" w:header=\"567\" w:footer=\"567\""
    ));
    assert!(
        styles.contains("<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"Times New Roman\" w:cs=\"Times New Roman\"/><w:sz w:val=\"28\"/>"),
        "Times New Roman 14 pt"
    );
    assert!(styles.contains("<w:rPr><w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/></w:rPr>"), "footnotes 12 pt");
    assert!(
        document
            .contains("<w:pPr><w:spacing w:after=\"120\"/><w:ind w:firstLine=\"720\"/><w:jc w:val=\"both\"/></w:pPr>")
    );
    // Page numbers in the header, not on the first page.
    assert!(document.contains("<w:titlePg/>") && document.contains("w:type=\"first\""));
    let header = xlsx_part(&path, "word/header1.xml");
    assert!(header.contains("PAGE"), "{header}");
    // The text is the Markdown's.
    assert!(document.contains("04/13 đơn vị tổ chức các hoạt động văn hóa - văn nghệ"));
}

#[test]
fn who_did_not_send_is_one_sentence_and_no_file_is_named() {
    // Spec §13: the files and why they were refused are the clerk's (terminal, workbook); the
    // report says who sent, who did not, whose report could not be used, in one sentence.
    let dir = tempfile::tempdir().unwrap();
    let out = tonghop(dir.path())
        .arg("build")
        .arg(samples().join("messy"))
        .args(["--period", "2024-08", "-o", "out"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "done, with errors found");
    let md = std::fs::read_to_string(dir.path().join("out/bao-cao-2024-08.md")).unwrap();
    let sent: Vec<&str> = md.lines().filter(|l| l.contains("gửi báo cáo")).collect();
    assert_eq!(
        sent,
        ["11/13 xã, phường đã gửi báo cáo; báo cáo của Phường Hòa Hương, Phường Phước Hòa chưa sử dụng được."]
    );
    for name in [".xlsx", ".xls", "TÌNH HÌNH NỘP BÁO CÁO", "không sử dụng được: tệp"] {
        assert!(!md.contains(name), "{name} in\n{md}");
    }
    let docx = dir.path().join("out/bao-cao-2024-08.docx");
    for part in ["word/document.xml", "word/footnotes.xml"] {
        let xml = xlsx_part(&docx, part);
        assert!(!xml.contains(".xlsx") && !xml.contains(".xls"), "{part}");
    }
    // Nobody reported GS05 in the messy inbox: no "00/13 đơn vị" sentence.
    assert!(!md.contains("00/"), "{md}");
    assert!(!md.contains("Tọa đàm nâng cao chất lượng hoạt động Mặt trận"), "{md}");
}

#[test]
fn a_user_template_replaces_the_default_and_its_errors_name_the_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("mau.md.j2"),
        "# {{ report.organisation }}\n\n{% for s in sections %}{% for i in s.indicators if i.code == 'VD04' %}- Giá trị: {{ i.total | amount }} {{ i.unit }}; {{ i.n | ratio(N) }}{{ footnote(i) }}\n{% endfor %}{% endfor %}",
    )
    .unwrap();
    let out = tonghop(dir.path())
        .arg("build")
        .arg(samples().join("2024-08"))
        .args(["-o", "out", "--narrative-template", "mau.md.j2"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let md = std::fs::read_to_string(dir.path().join("out/bao-cao-2024-08.md")).unwrap();
    // The template writes the body; the header block and the title are the document's.
    assert!(
        md.contains(
            "## Kết quả công tác Mặt trận tháng 8/2024\n\n# Ủy ban MTTQ Việt Nam thành phố Tam Kỳ\n\n\
             - Giá trị: hơn 13,386 tỷ đồng; 13/13[^1]\n\nTrên đây là báo cáo"
        ),
        "{md}"
    );
    assert!(md.contains("[^1]: Phường An Mỹ (1,25 tỷ đồng), "), "{md}");

    std::fs::write(dir.path().join("hong.md.j2"), "# Báo cáo\n\n{{ sections | nope }}\n").unwrap();
    let out = tonghop(dir.path())
        .arg("build")
        .arg(samples().join("2024-08"))
        .args(["-o", "out2", "--narrative-template", "hong.md.j2"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("Lỗi mẫu báo cáo (narrative template, dòng 3)"), "{err}");
    assert!(!dir.path().join("out2").exists(), "nothing written");
}

#[test]
fn a_sentence_that_is_not_a_template_is_a_configuration_problem() {
    let text = tonghop::config::DEFAULT_TOML.replace(
        "sentence = \"{{ i.ratio }} đơn vị tổ chức Diễn đàn",
        "sentence = \"{{ i.ratio }} đơn vị {% if %} tổ chức Diễn đàn",
    );
    let problems = tonghop::config::check(&text);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        matches!(&problems[0].msg, tonghop::messages::Msg::ConfigSentenceSyntax { indicator, .. } if indicator == "GS04")
    );
}

#[test]
fn a_figure_covered_by_another_sentence_is_said_there_even_alone() {
    // CB02 is said in CB01's sentence (`sentence = ""`), which counts every unit whose figure
    // enters it: with no CB01 anywhere, it is still written, for CB02's unit.
    let dir = tempfile::tempdir().unwrap();
    let mut s = crate::fixtures::clean("Phường An Mỹ");
    s.set("CB01", support::form::V::Empty).set("CB02", support::form::V::Number(40.0));
    crate::fixtures::write(&dir.path().join("inbox/an-my.xlsx"), &s);
    tonghop(dir.path()).args(["build", "inbox", "-o", "out"]).assert().code(0);
    let md = std::fs::read_to_string(dir.path().join("out/bao-cao-2024-08.md")).unwrap();
    assert!(md.contains("- 01/13 đơn vị tổ chức tập huấn công tác Mặt trận cho 40 lượt cán bộ."), "{md}");
    assert!(!md.contains("Lượt cán bộ tham gia tập huấn:"), "said once: {md}");
}

#[test]
fn notes_stay_inside_their_footnote() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = crate::fixtures::clean("Phường An Mỹ");
    s.set("GS03", support::form::V::Number(1.0)).note("GS03", "Hai nội dung:\n- Đối thoại *trực tiếp*\n[^1]: giả");
    crate::fixtures::write(&dir.path().join("inbox/an-my.xlsx"), &s);
    tonghop(dir.path()).args(["build", "inbox", "-o", "out"]).assert().code(0);
    let md = std::fs::read_to_string(dir.path().join("out/bao-cao-2024-08.md")).unwrap();
    let defs: Vec<&str> = md.lines().filter(|l| l.starts_with("[^")).collect();
    assert_eq!(defs.len(), 2, "VD03's and GS03's, nothing injected: {md}");
    assert_eq!(defs[1], "[^2]: **Phường An Mỹ:** Hai nội dung: - Đối thoại \\*trực tiếp\\*; \\[^1]: giả.");
    let docx = crate::common::xlsx_part(&dir.path().join("out/bao-cao-2024-08.docx"), "word/footnotes.xml");
    assert!(docx.contains("Đối thoại *trực tiếp*; [^1]: giả."), "escapes are undone in Word");
}

#[test]
fn an_indicator_is_covered_only_by_a_sentence_that_uses_it() {
    // VD0 has no sentence of its own; VD03's sentence uses ind.VD04, which merely starts with
    // "ind.VD0". VD0's figure must still be said.
    let dir = tempfile::tempdir().unwrap();
    let extra = "\n[[indicator]]\ncode = \"VD0\"\nsection = \"I.2\"\nlabel = \"Mô hình dân vận khéo\"\nunit = \"mô hình\"\nkind = \"count\"\nsentence = \"\"\n";
    std::fs::write(dir.path().join("c.toml"), format!("{}{extra}", tonghop::config::DEFAULT_TOML)).unwrap();
    let config = tonghop::config::Config::parse(&std::fs::read_to_string(dir.path().join("c.toml")).unwrap()).unwrap();
    let mut s = support::form::FilledSheet::standard(&config, Some("Phường An Mỹ"), "08/2024");
    s.set("VD0", support::form::V::Number(5.0)).set("VD03", support::form::V::Number(2.0));
    s.set("VD04", support::form::V::Number(1.5));
    crate::fixtures::write(&dir.path().join("inbox/an-my.xlsx"), &s);
    tonghop(dir.path())
        .args(["--config", "c.toml", "build", "inbox", "--period", "2024-08", "-o", "out"])
        .assert()
        .code(0);
    let md = std::fs::read_to_string(dir.path().join("out/bao-cao-2024-08.md")).unwrap();
    assert!(
        md.contains("01/13 xã, phường có kết quả về mô hình dân vận khéo, tổng cộng 05 mô hình[^"),
        "VD0's figure vanished:\n{md}"
    );
    assert!(md.contains("02 công trình, phần việc với tổng giá trị 1,5 tỷ đồng"), "{md}");
}

/// Every part of a .docx, by name, in the zip's order.
pub(crate) fn docx_parts(bytes: &[u8]) -> Vec<(String, String)> {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..zip.len())
        .filter_map(|i| {
            let mut entry = zip.by_index(i).unwrap();
            let name = entry.name().unwrap().into_owned();
            if name.ends_with('/') {
                return None;
            }
            let mut text = String::new();
            entry.read_to_string(&mut text).unwrap();
            Some((name, text))
        })
        .collect()
}

pub(crate) fn part<'a>(parts: &'a [(String, String)], name: &str) -> &'a str {
    parts.iter().find(|(n, _)| n == name).map(|(_, xml)| xml.as_str()).unwrap_or_else(|| panic!("no part {name}"))
}

/// Each element named `name` (start or empty tag) in document order, with its attributes.
/// Reading goes to the end, so a part that is not well-formed XML (a tag left open, an end
/// tag that does not match, a character XML 1.0 forbids) fails here.
pub(crate) fn elements(part: &str, xml: &str, name: &str) -> Vec<std::collections::BTreeMap<String, String>> {
    use quick_xml::XmlVersion;
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut found = Vec::new();
    loop {
        match reader.read_event() {
            Ok(Event::Eof) => break,
            Ok(Event::Start(e) | Event::Empty(e)) if e.name().as_ref() == name => found.push(
                e.attributes()
                    .map(|a| {
                        let a = a.unwrap_or_else(|e| panic!("{part}: {e}"));
                        let value =
                            a.normalized_value(XmlVersion::Implicit1_0).unwrap_or_else(|e| panic!("{part}: {e}"));
                        (a.key.as_ref().to_owned(), value.into_owned())
                    })
                    .collect(),
            ),
            Ok(Event::Text(t)) => {
                let text = t.xml10_content();
                assert!(!text.chars().any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r')), "{part}: {text:?}");
            }
            Ok(Event::GeneralRef(r)) if r.is_char_ref() => {
                let c = r.resolve_char_ref().unwrap_or_else(|e| panic!("{part}: {e}"));
                assert!(c.is_some_and(|c| !c.is_control() || matches!(c, '\t' | '\n' | '\r')), "{part}: {c:?}");
            }
            Ok(_) => {}
            Err(e) => panic!("{part}: {e} at {}", reader.buffer_position()),
        }
    }
    found
}

/// The text of a part, escapes undone, runs joined.
pub(crate) fn text_of(xml: &str) -> String {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut text = String::new();
    loop {
        match reader.read_event().unwrap() {
            Event::Eof => break,
            Event::Text(t) => text.push_str(&t.xml10_content()),
            Event::GeneralRef(r) if r.is_char_ref() => text.push(r.resolve_char_ref().unwrap().unwrap()),
            Event::GeneralRef(r) => {
                let name = r.xml10_content();
                let resolved =
                    quick_xml::escape::resolve_predefined_entity(&name).unwrap_or_else(|| panic!("&{name};"));
                text.push_str(resolved);
            }
            _ => {}
        }
    }
    text
}

pub(crate) fn attr<'a>(e: &'a std::collections::BTreeMap<String, String>, key: &str) -> Option<&'a str> {
    e.get(key).map(String::as_str)
}

#[test]
fn every_part_of_the_word_document_is_well_formed_and_its_footnotes_are_word_s() {
    let dir = tempfile::tempdir().unwrap();
    let md = august(dir.path());
    let n = md.lines().filter(|l| l.starts_with("[^")).count();
    let parts = docx_parts(&std::fs::read(dir.path().join("out/bao-cao-2024-08.docx")).unwrap());
    for (name, xml) in &parts {
        elements(name, xml, "");
    }
    // The package: every part a relationship names exists, every XML part has its content type.
    let types = elements("types", part(&parts, "[Content_Types].xml"), "Override");
    for (name, _) in parts.iter().filter(|(n, _)| !n.ends_with(".rels") && n != "[Content_Types].xml") {
        assert!(types.iter().any(|t| attr(t, "PartName") == Some(&format!("/{name}"))), "no content type for {name}");
    }
    for (rels, base) in [("_rels/.rels", ""), ("word/_rels/document.xml.rels", "word/")] {
        for r in elements(rels, part(&parts, rels), "Relationship") {
            let target = format!("{base}{}", attr(&r, "Target").unwrap());
            assert!(parts.iter().any(|(n, _)| *n == target), "{rels} points at a missing {target}");
        }
    }
    // Word's footnotes: the separator (-1) and the continuation separator (0) first, which the
    // settings name, then one footnote per narrative footnote, each printing its number.
    let footnotes = part(&parts, "word/footnotes.xml");
    let notes = elements("footnotes", footnotes, "w:footnote");
    let kinds: Vec<(Option<&str>, Option<&str>)> = notes.iter().map(|e| (attr(e, "w:type"), attr(e, "w:id"))).collect();
    assert_eq!(kinds[..2], [(Some("separator"), Some("-1")), (Some("continuationSeparator"), Some("0"))]);
    let ids: Vec<String> = kinds[2..].iter().map(|(kind, id)| format!("{kind:?} {}", id.unwrap())).collect();
    assert_eq!(ids, (1..=n).map(|i| format!("None {i}")).collect::<Vec<_>>());
    assert_eq!(elements("footnotes", footnotes, "w:footnoteRef").len(), n);
    assert_eq!(elements("footnotes", footnotes, "w:separator").len(), 1);
    assert_eq!(elements("footnotes", footnotes, "w:continuationSeparator").len(), 1);
    let settings = part(&parts, "word/settings.xml");
    let named: Vec<_> =
        elements("settings", settings, "w:footnote").iter().map(|e| attr(e, "w:id").map(str::to_owned)).collect();
    assert_eq!(named, [Some("-1".to_owned()), Some("0".to_owned())], "{settings}");
    // Footnote paragraphs are in the footnote text style (12 pt), the marks in the reference style.
    let styles = part(&parts, "word/styles.xml");
    let ids: Vec<_> =
        elements("styles", styles, "w:style").iter().map(|s| attr(s, "w:styleId").unwrap().to_owned()).collect();
    for id in ["Normal", "FootnoteText", "FootnoteReference", "Heading1", "Heading2", "Heading3"] {
        assert!(ids.iter().any(|s| s == id), "style {id} in {ids:?}");
    }
    let in_text_style = elements("footnotes", footnotes, "w:pStyle")
        .iter()
        .filter(|s| attr(s, "w:val") == Some("FootnoteText"))
        .count();
    assert_eq!(in_text_style, n);
}

#[test]
fn the_page_set_up_is_in_the_order_word_reads_it() {
    let dir = tempfile::tempdir().unwrap();
    august(dir.path());
    let parts = docx_parts(&std::fs::read(dir.path().join("out/bao-cao-2024-08.docx")).unwrap());
    let document = part(&parts, "word/document.xml");
    // The section's children in the schema's order: header references first.
    let section = &document[document.rfind("<w:sectPr").unwrap()..];
    let order: Vec<usize> = ["<w:headerReference", "<w:pgSz", "<w:pgMar", "<w:titlePg"]
        .iter()
        .map(|tag| section.find(tag).unwrap_or_else(|| panic!("no {tag} in {section}")))
        .collect();
    assert!(order.is_sorted(), "{section}");
    // The first page's header is empty, but a header holds at least one paragraph.
    let rels = elements("rels", part(&parts, "word/_rels/document.xml.rels"), "Relationship");
    let first = elements("document", document, "w:headerReference")
        .into_iter()
        .find(|h| attr(h, "w:type") == Some("first"))
        .unwrap();
    let target = rels.iter().find(|r| attr(r, "Id") == attr(&first, "r:id")).and_then(|r| attr(r, "Target")).unwrap();
    let header = part(&parts, &format!("word/{target}"));
    assert_eq!(elements("header", header, "w:p").len(), 1, "{header}");
    assert_eq!(text_of(header).trim(), "");
}

#[test]
fn text_xml_cannot_hold_is_left_out_and_markup_is_only_text() {
    let narrative = tonghop::narrative::Narrative {
        frame: tonghop::narrative::Frame::default(),
        body: "# Tiêu đề <b>\n\nDòng \u{1b}[31m có\u{0B} <b> & \"x\" \\*\\*[^1].\n".to_owned(),
        footnotes: vec!["**Đơn vị:** a < b & c\u{7}; ]]> xong".to_owned()],
    };
    let bytes = tonghop::render::docx::render(&narrative, tonghop::period::Period::new(2024, 8).unwrap()).unwrap();
    let parts = docx_parts(&bytes);
    for (name, xml) in &parts {
        elements(name, xml, "");
    }
    let body = text_of(part(&parts, "word/document.xml"));
    assert!(body.contains("Tiêu đề <b>") && body.contains("Dòng [31m có <b> & \"x\" **."), "{body}");
    let notes = text_of(part(&parts, "word/footnotes.xml"));
    assert!(notes.contains("Đơn vị: a < b & c; ]]> xong"), "{notes}");
}

#[test]
fn a_footnote_referenced_twice_is_two_footnotes_in_word() {
    // Word numbers its footnotes by position and prints one per reference: two references to
    // the same id would be one note shown twice, or a broken document.
    let narrative = tonghop::narrative::Narrative {
        frame: tonghop::narrative::Frame::default(),
        body: "Một[^1] hai[^1] ba[^2] bốn[^3].\n".to_owned(),
        footnotes: vec!["Thứ nhất.".to_owned(), "Thứ hai.".to_owned()],
    };
    let bytes = tonghop::render::docx::render(&narrative, tonghop::period::Period::new(2024, 8).unwrap()).unwrap();
    let parts = docx_parts(&bytes);
    let refs: Vec<_> = elements("document", part(&parts, "word/document.xml"), "w:footnoteReference")
        .iter()
        .map(|r| attr(r, "w:id").unwrap().to_owned())
        .collect();
    assert_eq!(refs, ["1", "2", "3"]);
    let footnotes = part(&parts, "word/footnotes.xml");
    let ids: Vec<_> =
        elements("footnotes", footnotes, "w:footnote").iter().map(|r| attr(r, "w:id").unwrap().to_owned()).collect();
    assert_eq!(ids, ["-1", "0", "1", "2", "3"]);
    assert_eq!(text_of(footnotes).matches("Thứ nhất.").count(), 2);
    // [^3] has no footnote: it stays text.
    assert!(text_of(part(&parts, "word/document.xml")).contains("bốn[^3]."));
}

/// On the messy sample (units whose works have no value, or a value without works), every
/// sentence's `n/13` is the number of units its footnote names: each unit counted appears in the
/// footnote, and each unit of the footnote is counted.
#[test]
fn on_the_messy_sample_each_sentence_counts_the_units_its_footnote_names() {
    let dir = tempfile::tempdir().unwrap();
    let out = tonghop(dir.path())
        .arg("build")
        .arg(samples().join("messy"))
        .args(["--period", "2024-08", "-o", "out"])
        .output();
    assert_eq!(out.unwrap().status.code(), Some(1), "errors found, outputs written");
    let md = std::fs::read_to_string(dir.path().join("out/bao-cao-2024-08.md")).unwrap();
    let config = tonghop::config::Config::default_config();
    let footnote = |k: &str| -> String {
        let start = format!("[^{k}]: ");
        md.lines().find_map(|l| l.strip_prefix(&start)).unwrap_or_else(|| panic!("footnote {k}: {md}")).to_owned()
    };
    let mut checked = 0;
    for line in md.lines().filter(|l| l.starts_with("- ")) {
        let Some(at) = line.find("/13") else { continue };
        let Some(k) = line.split("[^").nth(1).and_then(|r| r.split(']').next()) else { continue };
        let n: usize = line[at - 2..at].parse().unwrap();
        let text = footnote(k);
        let named = config.units.iter().filter(|u| text.contains(u.name.as_str())).count();
        assert_eq!(named, n, "{line}\n[^{k}]: {text}");
        checked += 1;
    }
    assert!(checked >= 3, "{md}");
    // The sentence of works and their value counts the unit that sent a value without works,
    // and its footnote says so; amounts as the sentences write them.
    assert!(md.contains("10/13 xã, phường đã tổ chức 18 công trình"), "{md}");
    assert!(md.contains("Phường An Xuân (không ghi số công trình, 2,5 tỷ đồng)"), "{md}");
}

/// Every indicator of the default configuration speaks in a sentence of its own (or is said in
/// another's), none through the generic one, which reads like a table row.
#[test]
fn every_default_indicator_has_a_sentence_in_the_seed_s_voice() {
    let config = tonghop::config::Config::default_config();
    let without: Vec<&str> =
        config.indicators.iter().filter(|i| i.sentence.is_none()).map(|i| i.code.as_str()).collect();
    assert!(without.is_empty(), "{without:?}");
    let dir = tempfile::tempdir().unwrap();
    tonghop(dir.path()).arg("build").arg(samples().join("2024-08")).args(["-o", "out"]).assert().code(0);
    let md = std::fs::read_to_string(dir.path().join("out/bao-cao-2024-08.md")).unwrap();
    assert!(md.contains("- Vận động ủng hộ Quỹ “Vì người nghèo” được 56,25 triệu đồng[^"), "{md}");
    assert!(md.contains("- Có 03 tập thể, cá nhân được đề nghị khen thưởng[^"), "{md}");
    assert!(!md.contains(": 1.923 lượt ("), "no table row in the prose: {md}");
}

/// A footnote where some units wrote a note and others only a figure: every unit in bold, each
/// with its note (capitalised) or its figures, even a count of one.
#[test]
fn a_footnote_mixing_notes_and_figures_names_every_unit_alike() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = crate::fixtures::clean("Phường An Mỹ");
    a.set("GS05", support::form::V::Number(1.0)).note("GS05", "tọa đàm về hòa giải cơ sở");
    crate::fixtures::write(&dir.path().join("inbox/an-my.xlsx"), &a);
    let mut b = crate::fixtures::clean("Phường An Sơn");
    b.set("GS05", support::form::V::Number(1.0));
    crate::fixtures::write(&dir.path().join("inbox/an-son.xlsx"), &b);
    tonghop(dir.path()).args(["build", "inbox", "-o", "out"]).assert().code(0);
    let md = std::fs::read_to_string(dir.path().join("out/bao-cao-2024-08.md")).unwrap();
    let line = md.lines().find(|l| l.contains("Tọa đàm về hòa giải")).unwrap_or_else(|| panic!("{md}"));
    assert!(line.ends_with("**Phường An Mỹ:** Tọa đàm về hòa giải cơ sở; **Phường An Sơn:** 01 tọa đàm."), "{line}");
}
