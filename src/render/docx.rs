//! `bao-cao-YYYY-MM.docx`: the narrative as a Word document with real footnotes, laid out as
//! Nghị định 30/2020/NĐ-CP sets for administrative documents: A4, Times New Roman 14 pt,
//! margins 20 mm top and bottom, 30 mm left, 15 mm right, justified paragraphs with a 1,27 cm
//! first-line indent and 6 pt after, page numbers centred in the top margin from page 2.

use std::io::{Cursor, Read, Write};

use docx_rs::{
    AlignmentType, Docx, Footnote, Header, LineSpacing, PageMargin, PageNum, Paragraph, Run, RunFonts, RunProperty,
    SpecialIndentType, Style, StyleType, VertAlignType,
};

use crate::narrative::Narrative;
use crate::period::Period;

const FONT: &str = "Times New Roman";
/// Sizes are in half-points.
const BODY_SIZE: usize = 28;
const FOOTNOTE_SIZE: usize = 24;
/// Twips (1/20 pt): 1 mm ≈ 56,7.
const FIRST_LINE: i32 = 720; // 1,27 cm
const AFTER: u32 = 120; // 6 pt

/// The document's bytes; its dates are pinned to the period so runs are comparable.
///
/// # Errors
/// If packing the document fails (writing to memory, so in practice never).
pub fn render(n: &Narrative, period: Period) -> Result<Vec<u8>, String> {
    let fonts = RunFonts::new().ascii(FONT).hi_ansi(FONT).cs(FONT).east_asia(FONT);
    let date = format!("{}-{:02}-01T00:00:00Z", period.year(), period.month());
    let mut footnote_style = Style::new("FootnoteReference", StyleType::Character).name("footnote reference");
    footnote_style.run_property = RunProperty::new().vert_align(VertAlignType::SuperScript);
    let page_number = Paragraph::new().add_page_num(PageNum::new()).align(AlignmentType::Center).size(BODY_SIZE);
    let mut doc = Docx::new()
        .page_size(11906, 16838)
        .page_margin(PageMargin::new().top(1134).bottom(1134).left(1701).right(850).header(567).footer(567))
        .default_fonts(fonts)
        .default_size(BODY_SIZE)
        .add_style(footnote_style)
        .header(Header::new().add_paragraph(page_number))
        .first_header(Header::new())
        .title_pg()
        .created_at(&date)
        .updated_at(&date);

    let mut before_first_heading = true;
    for line in n.body.lines().filter(|l| !l.trim().is_empty()) {
        let (level, text) = heading(line);
        if level > 0 {
            before_first_heading = false;
        }
        let paragraph = match level {
            1 | 2 => Paragraph::new().align(AlignmentType::Center),
            3 | 4 => Paragraph::new().align(AlignmentType::Both).indent(
                None,
                Some(SpecialIndentType::FirstLine(FIRST_LINE)),
                None,
                None,
            ),
            _ if before_first_heading => Paragraph::new().align(AlignmentType::Center),
            _ => Paragraph::new().align(AlignmentType::Both).indent(
                None,
                Some(SpecialIndentType::FirstLine(FIRST_LINE)),
                None,
                None,
            ),
        };
        let paragraph = paragraph.line_spacing(LineSpacing::new().after(AFTER));
        doc = doc.add_paragraph(inline(paragraph, text, level > 0, BODY_SIZE, &n.footnotes));
    }
    let mut packed = Vec::new();
    doc.build().pack(Cursor::new(&mut packed)).map_err(|e| e.to_string())?;
    with_word_footnote_parts(&packed)
}

/// `## Title` → (2, "Title"); other lines → (0, line).
fn heading(line: &str) -> (usize, &str) {
    let level = line.chars().take_while(|c| *c == '#').count();
    match line[level..].strip_prefix(' ') {
        Some(rest) if (1..=6).contains(&level) => (level, rest),
        _ => (0, line),
    }
}

/// Runs of a line of our Markdown: `**bold**`, `\*` escapes, `[^n]` footnote references.
fn inline(mut p: Paragraph, text: &str, bold: bool, size: usize, footnotes: &[String]) -> Paragraph {
    let run = |t: &str, b: bool| {
        let r = Run::new().add_text(t).size(size);
        if b { r.bold() } else { r }
    };
    let mut buf = String::new();
    let mut strong = bold;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' => {
                if let Some((_, next)) = chars.next() {
                    buf.push(next);
                }
            }
            '*' if text[i..].starts_with("**") => {
                chars.next();
                if !buf.is_empty() {
                    p = p.add_run(run(&buf, strong));
                    buf.clear();
                }
                strong = !strong;
            }
            '[' if text[i..].starts_with("[^") => {
                let rest = &text[i + 2..];
                let number = rest.find(']').and_then(|end| rest[..end].parse::<usize>().ok().map(|n| (n, end)));
                match number.filter(|(n, _)| *n >= 1 && *n <= footnotes.len()) {
                    Some((n, end)) => {
                        if !buf.is_empty() {
                            p = p.add_run(run(&buf, strong));
                            buf.clear();
                        }
                        let content = inline(
                            Paragraph::new().align(AlignmentType::Both),
                            &footnotes[n - 1],
                            false,
                            FOOTNOTE_SIZE,
                            &[],
                        );
                        let note = Footnote { id: n, content: vec![content] };
                        p = p.add_run(Run::new().size(size).add_footnote_reference(note));
                        for _ in 0..end + 2 {
                            chars.next();
                        }
                    }
                    None => buf.push(c),
                }
            }
            _ => buf.push(c),
        }
    }
    if !buf.is_empty() {
        p = p.add_run(run(&buf, strong));
    }
    p
}

/// docx-rs writes footnotes without the two separator footnotes Word expects and without the
/// `footnoteRef` mark that prints each footnote's number at the foot of the page; both are
/// added here, in the packed document's `word/footnotes.xml` (and the settings that point at
/// the separators). The zip is rewritten entry by entry, in the same order, without dates.
fn with_word_footnote_parts(packed: &[u8]) -> Result<Vec<u8>, String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(packed)).map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    {
        let mut writer = zip::ZipWriter::new(Cursor::new(&mut out));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .last_modified_time(zip::DateTime::default());
        for i in 0..zip.len() {
            let mut entry = zip.by_index(i).map_err(|e| e.to_string())?;
            let name = entry.name().map_err(|e| e.to_string())?.into_owned();
            let mut data = Vec::new();
            entry.read_to_end(&mut data).map_err(|e| e.to_string())?;
            if name == "word/footnotes.xml" {
                data = footnotes_for_word(&String::from_utf8_lossy(&data)).into_bytes();
            }
            writer.start_file(name, options).map_err(|e| e.to_string())?;
            writer.write_all(&data).map_err(|e| e.to_string())?;
        }
        writer.finish().map_err(|e| e.to_string())?;
    }
    Ok(out)
}

fn footnotes_for_word(xml: &str) -> String {
    const SEPARATORS: &str = r#"<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"#;
    const MARK: &str = r#"<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr><w:footnoteRef/></w:r><w:r><w:rPr><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr><w:t xml:space="preserve"> </w:t></w:r>"#;
    let mut xml = xml.to_owned();
    // The separators go first, inside <w:footnotes ...>.
    if let Some(open_end) = xml.find("<w:footnotes").and_then(|s| xml[s..].find('>').map(|e| s + e + 1)) {
        if xml[..open_end].ends_with("/>") {
            // An empty <w:footnotes .../> element: open it.
            let start = xml.find("<w:footnotes").unwrap_or(0);
            let tag = xml[start..open_end - 2].to_owned();
            xml.replace_range(start..open_end, &format!("{tag}>{SEPARATORS}</w:footnotes>"));
        } else {
            xml.insert_str(open_end, SEPARATORS);
        }
    }
    // Each footnote's paragraph starts with the number mark, after its paragraph properties.
    let mut out = String::with_capacity(xml.len() + 256);
    let mut rest = xml.as_str();
    while let Some(start) = rest.find("<w:footnote w:id=") {
        out.push_str(&rest[..start]);
        let after = &rest[start..];
        let Some(p) = after.find("<w:p>").or_else(|| after.find("<w:p ")) else {
            out.push_str(after);
            rest = "";
            break;
        };
        let insert_at = match after[p..].find("</w:pPr>") {
            Some(e) if after[p..p + e].find("<w:r>").is_none() => p + e + "</w:pPr>".len(),
            _ => p + after[p..].find('>').map_or(0, |e| e + 1),
        };
        out.push_str(&after[..insert_at]);
        out.push_str(MARK);
        rest = &after[insert_at..];
    }
    out.push_str(rest);
    out
}
