//! The report as a document (spec §13): the Word file is a draft ready to sign, with the
//! header block of Nghị định 30/2020, real heading styles, the language and author set, the
//! closing, the recipients and the signature.

use std::path::Path;

use crate::narrative::{attr, august, docx_parts, elements, part, text_of};

/// A paragraph of `word/document.xml` as read back: its style, text, and how its text runs
/// are formatted (any run bold, italic, underlined), and whether it is inside a table. A line
/// break is a `\n`.
#[derive(Debug, Default)]
struct Para {
    style: Option<String>,
    text: String,
    bold: bool,
    italic: bool,
    underline: bool,
    in_table: bool,
}

fn paragraphs(xml: &str) -> Vec<Para> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = Vec::new();
    let mut tables = 0;
    let mut current: Option<Para> = None;
    let mut in_text = false;
    loop {
        let event = reader.read_event().unwrap();
        let (start, empty) = match &event {
            Event::Start(e) => (Some(e.clone()), false),
            Event::Empty(e) => (Some(e.clone()), true),
            _ => (None, false),
        };
        if let Some(e) = start {
            let value = || e.attributes().flatten().find(|a| a.key.as_ref() == "w:val").map(|a| a.value.to_string());
            match e.name().as_ref() {
                "w:tbl" => tables += 1,
                "w:p" if !empty => current = Some(Para { in_table: tables > 0, ..Para::default() }),
                "w:pStyle" => current.as_mut().unwrap().style = value(),
                "w:b" => current.as_mut().unwrap().bold = true,
                "w:i" => current.as_mut().unwrap().italic = true,
                "w:u" => current.as_mut().unwrap().underline = true,
                "w:t" => in_text = !empty,
                "w:br" => current.as_mut().unwrap().text.push('\n'),
                _ => {}
            }
            continue;
        }
        match event {
            Event::End(e) if e.name().as_ref() == "w:tbl" => tables -= 1,
            Event::End(e) if e.name().as_ref() == "w:p" => out.push(current.take().unwrap()),
            Event::End(e) if e.name().as_ref() == "w:t" => in_text = false,
            Event::Text(t) if in_text => current.as_mut().unwrap().text.push_str(&t.xml10_content()),
            Event::GeneralRef(r) if in_text => {
                let name = r.xml10_content();
                current.as_mut().unwrap().text.push_str(quick_xml::escape::resolve_predefined_entity(&name).unwrap());
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

fn find<'a>(paragraphs: &'a [Para], text: &str) -> (usize, &'a Para) {
    paragraphs.iter().enumerate().find(|(_, p)| p.text == text).unwrap_or_else(|| {
        panic!("no paragraph {text:?} in {:#?}", paragraphs.iter().map(|p| &p.text).collect::<Vec<_>>())
    })
}

fn docx_of(dir: &Path) -> Vec<(String, String)> {
    docx_parts(&std::fs::read(dir.join("out/bao-cao-2024-08.docx")).unwrap())
}

#[test]
fn the_word_report_is_a_draft_ready_to_sign() {
    let dir = tempfile::tempdir().unwrap();
    august(dir.path());
    let parts = docx_of(dir.path());
    // Every part is well-formed XML (reading one to its end fails otherwise).
    for (name, xml) in &parts {
        elements(name, xml, "");
    }
    let document = part(&parts, "word/document.xml");
    let p = paragraphs(document);

    // The header block: two columns of a table without borders; the organisation over the
    // number on the left, the national name over the motto (underlined) and the date line
    // (italic) on the right.
    let tables = elements("document", document, "w:tbl");
    assert_eq!(tables.len(), 2, "the header block and the signature block");
    let grid = elements("document", document, "w:gridCol");
    assert_eq!(grid.len(), 4, "two columns each");
    let borders: Vec<_> =
        elements("document", document, "w:insideV").iter().map(|b| attr(b, "w:val").map(str::to_owned)).collect();
    assert_eq!(borders, [Some("nil".to_owned()), Some("nil".to_owned())]);
    // The organisation in regular type over the issuing body in bold (ND 30/2020).
    let (org, organisation) = find(&p, "ỦY BAN MTTQ VIỆT NAM\nTHÀNH PHỐ TAM KỲ\nBAN THƯỜNG TRỰC");
    assert!(organisation.in_table && organisation.bold);
    let (number_at, number) = find(&p, "Số: …/BC-MTTQ-BTT");
    assert!(number.in_table && !number.bold);
    let (nation_at, nation) = find(&p, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    assert!(nation.in_table && nation.bold);
    let (motto_at, motto) = find(&p, "Độc lập - Tự do - Hạnh phúc");
    assert!(motto.in_table && motto.bold && motto.underline);
    let (date_at, date) = find(&p, "Tam Kỳ, ngày … tháng … năm 2024");
    assert!(date.in_table && date.italic && !date.bold);
    // Row by row: organisation, (rule), national name, motto; then number, date.
    assert!(org < nation_at && nation_at < motto_at && motto_at < number_at && number_at < date_at);
    let rules = elements("document", document, "w:pBdr").len();
    assert_eq!(rules, 2, "a short rule under the organisation and one under the subject");

    // The title, centred and bold, outside the table.
    let (title_at, title) = find(&p, "BÁO CÁO");
    let (subject_at, subject) = find(&p, "Kết quả công tác Mặt trận tháng 8/2024");
    assert!(!title.in_table && title.bold && subject.bold && title_at == date_at + 1 && subject_at == title_at + 1);

    // Headings in Word's heading styles: section I, then its five parts.
    let headings: Vec<(&str, &str)> = p.iter().filter_map(|p| Some((p.style.as_deref()?, p.text.as_str()))).collect();
    assert_eq!(headings[0], ("Heading1", "I. KẾT QUẢ CÔNG TÁC MẶT TRẬN THÁNG 8 NĂM 2024"));
    assert_eq!(headings[1], ("Heading2", "1. Công tác tuyên truyền, vận động tập hợp các tầng lớp Nhân dân"));
    assert_eq!(headings.iter().filter(|(s, _)| *s == "Heading2").count(), 5, "{headings:?}");
    assert_eq!(headings.len(), 6, "{headings:?}");
    let styles = part(&parts, "word/styles.xml");
    for level in 1..=3 {
        let id = format!("Heading{level}");
        let start = styles.find(&format!("w:styleId=\"{id}\"")).unwrap_or_else(|| panic!("no {id}"));
        let style = &styles[start..start + styles[start..].find("</w:style>").unwrap()];
        assert!(style.contains(&format!("<w:name w:val=\"heading {level}\"/>")), "{style}");
        assert!(style.contains("<w:keepNext/>") && style.contains("<w:keepLines/>"), "never alone at a page's foot");
        assert!(style.contains(&format!("<w:outlineLvl w:val=\"{}\"/>", level - 1)), "{style}");
    }

    // The end: the closing sentence kept with the signature; the recipients (bold italic 12 pt,
    // then 11 pt) beside the signature block.
    let closing = "Trên đây là báo cáo kết quả công tác Mặt trận tháng 8/2024 của Ban Thường trực Ủy ban MTTQ Việt \
                   Nam thành phố Tam Kỳ./.";
    let (closing_at, closing) = find(&p, closing);
    assert!(!closing.in_table);
    let (last_heading, _) = find(&p, "5. Hoàn thiện cơ chế nâng cao năng lực của hệ thống Mặt trận");
    assert!(last_heading < closing_at);
    let (to_at, to) = find(&p, "Nơi nhận:");
    assert!(to.in_table && to.bold && to.italic && to_at == closing_at + 1);
    let recipients: Vec<&str> = p[to_at + 1..to_at + 4].iter().map(|p| p.text.as_str()).collect();
    assert_eq!(recipients, ["- TT Ủy ban MTTQ Việt Nam tỉnh (b/c);", "- TT Thành ủy (b/c);", "- Lưu: VT."]);
    let (on_behalf_at, on_behalf) = find(&p, "TM. BAN THƯỜNG TRỰC");
    assert!(on_behalf.in_table && on_behalf.bold && on_behalf_at == to_at + 4);
    assert!(p[on_behalf_at + 1].text == "CHỦ TỊCH" && p[on_behalf_at + 1].bold);
    assert!(p[on_behalf_at + 2..on_behalf_at + 6].iter().all(|p| p.text.is_empty()), "room to sign");
    let xml_of = |text: &str| {
        let at = document.find(&format!(">{text}<")).unwrap();
        &document[document[..at].rfind("<w:p>").unwrap()..at]
    };
    assert!(xml_of("Nơi nhận:").contains("<w:sz w:val=\"24\"/>"), "12 pt");
    assert!(xml_of("- TT Thành ủy (b/c);").contains("<w:sz w:val=\"22\"/>"), "11 pt");
    assert!(xml_of(closing.text.as_str()).contains("<w:keepNext/>"));

    // Vietnamese, by the organisation, titled as the report.
    assert!(styles.contains("<w:lang w:val=\"vi-VN\"/>"), "the styles' default language");
    assert!(part(&parts, "word/settings.xml").contains("<w:themeFontLang w:val=\"vi-VN\"/>"));
    let core = part(&parts, "docProps/core.xml");
    let field =
        |name: &str| text_of(&core[core.find(&format!("<{name}")).unwrap()..core.find(&format!("</{name}>")).unwrap()]);
    assert_eq!(field("dc:creator"), "Ủy ban MTTQ Việt Nam thành phố Tam Kỳ");
    assert_eq!(field("cp:lastModifiedBy"), "Ủy ban MTTQ Việt Nam thành phố Tam Kỳ");
    assert_eq!(field("dc:title"), "Báo cáo kết quả công tác Mặt trận tháng 8/2024");
    assert!(core.contains(">vi-VN</dc:language>"));
}

#[test]
fn a_signer_s_name_is_printed_under_the_space_to_sign() {
    let dir = tempfile::tempdir().unwrap();
    let config = tonghop::config::DEFAULT_TOML
        .replacen("[report]\n", "[report]\nsigner_name = \"Nguyễn Văn A\"\nsigner_title = \"PHÓ CHỦ TỊCH\"\n", 1)
        .replace("signer_title = \"CHỦ TỊCH\"\n", "");
    std::fs::write(dir.path().join("c.toml"), config).unwrap();
    let out = crate::common::tonghop(dir.path())
        .args(["--config", "c.toml", "build"])
        .arg(crate::narrative::samples().join("2024-08"))
        .args(["-o", "out"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let p = paragraphs(part(&docx_of(dir.path()), "word/document.xml"));
    let (at, _) = find(&p, "PHÓ CHỦ TỊCH");
    assert_eq!(p[at + 5].text, "Nguyễn Văn A");
    assert!(p[at + 5].bold);
    let md = std::fs::read_to_string(dir.path().join("out/bao-cao-2024-08.md")).unwrap();
    assert!(md.contains("**TM. BAN THƯỜNG TRỰC**\n\n**PHÓ CHỦ TỊCH**\n\n**Nguyễn Văn A**\n"), "{md}");
}

/// The committee's own section, as a clerk types it: a heading of its own level, paragraphs,
/// bold, a bracket that is no footnote.
const NOI_DUNG: &str = "# II. NHIỆM VỤ TRỌNG TÂM THÁNG 9\n\n- Tổ chức **Ngày hội Đại đoàn kết** toàn dân tộc\nở các khu dân cư.\n\n## 1. Giám sát\n\nTheo kế hoạch [^1] đã ban hành.\n";

#[test]
fn the_committee_s_own_text_comes_between_the_results_and_the_closing() {
    let dir = tempfile::tempdir().unwrap();
    // noi-dung.md beside the inbox is found by itself.
    let inbox = dir.path().join("thang-8");
    std::fs::create_dir(&inbox).unwrap();
    for entry in std::fs::read_dir(crate::narrative::samples().join("2024-08")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), inbox.join(entry.file_name())).unwrap();
    }
    std::fs::write(dir.path().join("noi-dung.md"), NOI_DUNG).unwrap();
    crate::common::tonghop(dir.path()).args(["build", "thang-8", "-o", "out"]).assert().code(0);
    let md = std::fs::read_to_string(dir.path().join("out/bao-cao-2024-08.md")).unwrap();
    let (results, own, closing) = (
        md.find("- Có 03 tập thể, cá nhân được đề nghị khen thưởng").unwrap(),
        md.find("### II. NHIỆM VỤ TRỌNG TÂM THÁNG 9\n\n- Tổ chức **Ngày hội Đại đoàn kết** toàn dân tộc ở các khu dân cư.\n\n\
                 #### 1. Giám sát\n\nTheo kế hoạch \\[^1] đã ban hành.\n")
            .unwrap_or_else(|| panic!("{md}")),
        md.find("Trên đây là báo cáo").unwrap(),
    );
    assert!(results < own && own < closing, "{md}");
    // In Word: its headings in the heading styles of section I's level, between the last
    // result and the closing; its bracket is text, not a footnote.
    let parts = docx_of(dir.path());
    let document = part(&parts, "word/document.xml");
    let p = paragraphs(document);
    let (heading_at, heading) = find(&p, "II. NHIỆM VỤ TRỌNG TÂM THÁNG 9");
    assert_eq!(heading.style.as_deref(), Some("Heading1"));
    let (_, part_one) = find(&p, "1. Giám sát");
    assert_eq!(part_one.style.as_deref(), Some("Heading2"));
    let (bold_at, bold) = find(&p, "- Tổ chức Ngày hội Đại đoàn kết toàn dân tộc ở các khu dân cư.");
    assert!(bold.bold && bold_at == heading_at + 1);
    let (text_at, _) = find(&p, "Theo kế hoạch [^1] đã ban hành.");
    let (closing_at, _) = find(&p, &md[closing..md[closing..].find('\n').unwrap() + closing]);
    let (results_at, _) = p.iter().enumerate().find(|(_, p)| p.text.starts_with("- Có 03 tập thể, cá nhân")).unwrap();
    assert!(results_at < heading_at && text_at + 1 == closing_at);
    let footnotes = elements("document", document, "w:footnoteReference").len();
    assert_eq!(footnotes, md.lines().filter(|l| l.starts_with("[^")).count(), "no footnote of its own");

    // --extra names another file; on `report` too.
    std::fs::write(dir.path().join("them.md"), "Nội dung khác.\n").unwrap();
    let mut build = crate::common::tonghop(dir.path());
    build.args(["build", "thang-8", "-o", "luu", "--extra", "them.md"]).assert().code(0);
    let md = std::fs::read_to_string(dir.path().join("luu/bao-cao-2024-08.md")).unwrap();
    assert!(md.contains("\nNội dung khác.\n\nTrên đây là báo cáo") && !md.contains("NHIỆM VỤ"), "{md}");
    let mut report = crate::common::tonghop(dir.path());
    report.args(["report", "--period", "2024-Q3", "--archive", "luu", "-o", "ra", "--extra", "them.md"]);
    report.assert().code(0);
    let md = std::fs::read_to_string(dir.path().join("ra/bao-cao-2024-Q3.md")).unwrap();
    assert!(md.contains("\nNội dung khác.\n\nTrên đây là báo cáo kết quả công tác Mặt trận quý III năm 2024"), "{md}");
    // A file that is not there stops the build, as a missing template does.
    let mut missing = crate::common::tonghop(dir.path());
    missing.args(["build", "thang-8", "-o", "x", "--extra", "khong-co.md"]).assert().code(2);
    assert!(!dir.path().join("x").exists());
}
