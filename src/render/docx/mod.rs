//! `bao-cao-YYYY-MM.docx`: the narrative as a Word document with real footnotes, laid out as
//! Nghị định 30/2020/NĐ-CP sets for administrative documents: A4, Times New Roman 14 pt,
//! margins 20 mm top and bottom, 30 mm left, 15 mm right, justified paragraphs with a 1,27 cm
//! first-line indent and 6 pt after, page numbers centred in the top margin from page 2.
//!
//! Around the text, `frame` lays out the header block, title, closing, recipients and
//! signature of spec §13. This file turns the narrative's Markdown into paragraphs, its
//! headings into Word's heading styles; `ooxml` and `package` are a small WordprocessingML
//! writer of our own, which writes the parts Word itself writes for such a document (footnote
//! separators, footnote number marks, built-in styles) and nothing else.

mod frame;
mod ooxml;
mod package;
mod xml;

use ooxml::{Align, Block, Footnote, Format, Page, Paragraph, ParagraphStyle, Run};
use package::{Document, Look};

use crate::narrative::Narrative;
use crate::period::Period;

/// Twips (1/20 pt): 1 mm ≈ 56,7.
const A4: Page =
    Page { width: 11906, height: 16838, top: 1134, bottom: 1134, left: 1701, right: 850, header: 567, footer: 567 };
/// The width of the text, between the margins.
const TEXT_WIDTH: u32 = A4.width - A4.left - A4.right;
const FIRST_LINE: u32 = 720; // 1,27 cm
const AFTER: u32 = 120; // 6 pt

/// The text: justified, its first line indented, 6 pt after.
const JUSTIFIED: Format =
    Format { align: Some(Align::Both), first_line: Some(FIRST_LINE), space_after: Some(AFTER), ..Format::NONE };

/// Headings as the seed report has them: bold (the styles' own), justified and indented as
/// the text; a section (level 1) set off by 6 pt above.
const LOOK: Look = Look {
    font: "Times New Roman",
    // Half-points.
    size: 28,
    footnote_size: 24,
    lang: "vi-VN",
    headings: [Format { space_before: Some(AFTER), ..JUSTIFIED }, JUSTIFIED, JUSTIFIED],
};

/// The document's bytes; its dates are pinned to the period so runs are comparable.
///
/// # Errors
/// If packing the document fails (writing to memory, so in practice never).
pub fn render(n: &Narrative, period: Period) -> Result<Vec<u8>, String> {
    let mut notes = Notes { texts: &n.footnotes, written: Vec::new() };
    let mut body = frame::head(&n.frame);
    // The narrative's shallowest heading level is the document's first (`### I.` → heading 1).
    let top = n.body.lines().map(|l| heading(l).0).filter(|l| *l > 0).min().unwrap_or(1);
    for line in n.body.lines().filter(|l| !l.trim().is_empty()) {
        let (level, text) = heading(line);
        let paragraph = if level == 0 {
            Paragraph { style: None, format: JUSTIFIED, runs: runs(text, false, &mut notes) }
        } else {
            let style = match level - top {
                0 => ParagraphStyle::Heading1,
                1 => ParagraphStyle::Heading2,
                _ => ParagraphStyle::Heading3,
            };
            // Bold comes from the style.
            Paragraph { style: Some(style), format: Format::default(), runs: runs(text, false, &mut notes) }
        };
        body.push(Block::Paragraph(paragraph));
    }
    body.extend(frame::tail(&n.frame));
    let page_number = Paragraph {
        style: None,
        format: Format { align: Some(Align::Center), ..Format::default() },
        runs: vec![Run::PageNumber],
    };
    Document {
        look: LOOK,
        page: A4,
        body,
        footnotes: notes.written,
        header: vec![page_number],
        date: format!("{}-{:02}-01T00:00:00Z", period.year(), period.month()),
        author: n.frame.author.clone(),
        title: n.frame.title.clone(),
        application: "tonghop",
    }
    .package()
}

/// `## Title` → (2, "Title"); other lines → (0, line).
fn heading(line: &str) -> (usize, &str) {
    let level = line.chars().take_while(|c| *c == '#').count();
    match line[level..].strip_prefix(' ') {
        Some(rest) if (1..=6).contains(&level) => (level, rest),
        _ => (0, line),
    }
}

/// The narrative's footnote texts, and the Word footnotes written for the references so far.
struct Notes<'a> {
    texts: &'a [String],
    written: Vec<Footnote>,
}

/// Runs of a line of our Markdown: `**` toggles bold (from `bold`), `\` makes the next
/// character plain text, `[^n]` refers to footnote n (a number with no footnote stays text).
/// A single `*` is text. Each reference becomes its own Word footnote, numbered in order:
/// Word prints one note per reference, and its ids must be unique.
fn runs(text: &str, bold: bool, notes: &mut Notes) -> Vec<Run> {
    let mut runs = Vec::new();
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
                runs.push(Run::text(std::mem::take(&mut buf), strong));
                strong = !strong;
            }
            '[' if text[i..].starts_with("[^") => {
                let rest = &text[i + 2..];
                let number = rest.find(']').and_then(|end| rest[..end].parse::<usize>().ok().map(|n| (n, end)));
                match number.filter(|(n, _)| *n >= 1 && *n <= notes.texts.len()) {
                    Some((n, end)) => {
                        runs.push(Run::text(std::mem::take(&mut buf), strong));
                        let id = u32::try_from(notes.written.len() + 1).unwrap_or(u32::MAX);
                        // A footnote's own text refers to no footnote.
                        let content = runs_of_note(&notes.texts[n - 1]);
                        let paragraph = Paragraph {
                            style: None,
                            format: Format { align: Some(Align::Both), ..Format::default() },
                            runs: content,
                        };
                        notes.written.push(Footnote::new(id, paragraph));
                        runs.push(Run::FootnoteReference(id));
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
    runs.push(Run::text(buf, strong));
    // Empty runs (bold toggled at the start or the end) write nothing; leave them out.
    runs.retain(|r| !matches!(r, Run::Text { text, .. } if text.is_empty()));
    runs
}

fn runs_of_note(text: &str) -> Vec<Run> {
    runs(text, false, &mut Notes { texts: &[], written: Vec::new() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_marks_become_runs() {
        let texts = ["**Đơn vị:** ghi chú".to_owned()];
        let mut notes = Notes { texts: &texts, written: Vec::new() };
        assert_eq!(
            runs("Có **02** đơn vị\\*, *một* sao[^1] và [^2] [^x\\[^1].", false, &mut notes),
            [
                Run::text("Có ", false),
                Run::text("02", true),
                Run::text(" đơn vị*, *một* sao", false),
                Run::FootnoteReference(1),
                Run::text(" và [^2] [^x[^1].", false),
            ]
        );
        assert_eq!(notes.written.len(), 1);
        // In a heading, ** turns bold off.
        assert_eq!(
            runs("Mục **phụ** hết", true, &mut notes),
            [Run::text("Mục ", true), Run::text("phụ", false), Run::text(" hết", true)]
        );
        // A trailing backslash escapes nothing and is dropped, as before.
        assert_eq!(runs("a\\", false, &mut notes), [Run::text("a", false)]);
    }

    #[test]
    fn headings_are_only_hashes_and_a_space() {
        assert_eq!(heading("## Tiêu đề"), (2, "Tiêu đề"));
        assert_eq!(heading("#Tiêu đề"), (0, "#Tiêu đề"));
        assert_eq!(heading("####### bảy"), (0, "####### bảy"));
    }
}
