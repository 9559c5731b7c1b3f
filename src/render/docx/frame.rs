//! The report's frame in Word, as Nghị định 30/2020/NĐ-CP (Phụ lục I) lays it out: the header
//! block in two columns of a borderless table (the organisation, a short rule under it, and
//! the number on the left; the national name, the motto underlined, and the place and date in
//! italics on the right), the title and subject centred with a short rule under them; after
//! the text, the closing sentence, then the recipients (12 and 11 pt) beside the signature.

use super::ooxml::{Align, Block, Char, Format, Paragraph, Run, Table};
use super::{AFTER, FIRST_LINE, TEXT_WIDTH};
use crate::narrative::{Frame, KIND, MOTTO, NATION, ON_BEHALF, RECIPIENTS};

/// The header block's left column, the organisation's (6,5 cm); the right one has the rest.
const LEFT: u32 = 3686;
/// Half-points: 13 pt for the header block's names and the number, 12 and 11 pt for the
/// recipients.
const PT13: u32 = 26;
const PT12: u32 = 24;
const PT11: u32 = 22;
/// Lines of space left for the signature and the seal.
const SIGNATURE_LINES: usize = 4;

fn centred(runs: Vec<Run>) -> Paragraph {
    Paragraph { style: None, format: Format { align: Some(Align::Center), ..Format::NONE }, runs }
}

fn look(bold: bool, italic: bool, size: Option<u32>) -> Char {
    Char { bold, italic, underline: false, size }
}

/// A short line centred in a width of `width`, `length` long, a little below the line above.
fn rule(width: u32, length: u32) -> Paragraph {
    let indent = width.saturating_sub(length) / 2;
    Paragraph {
        style: None,
        format: Format {
            left: Some(indent),
            right: Some(indent),
            space_before: Some(AFTER / 2),
            line_exact: Some(80),
            rule_above: true,
            ..Format::NONE
        },
        runs: Vec::new(),
    }
}

/// The header block and the title.
pub(super) fn head(f: &Frame) -> Vec<Block> {
    let right = TEXT_WIDTH - LEFT;
    let organisation = centred(vec![
        Run::with(format!("{}\n", f.organisation.join("\n")), look(false, false, Some(PT13))),
        Run::with(f.issuer.as_str(), look(true, false, Some(PT13))),
    ]);
    let nation = centred(vec![Run::with(NATION, look(true, false, Some(PT12)))]);
    let motto = centred(vec![Run::with(MOTTO, Char { underline: true, ..look(true, false, None) })]);
    let below = |mut p: Paragraph| {
        p.format.space_before = Some(AFTER);
        p
    };
    let number = below(centred(vec![Run::with(f.number.as_str(), look(false, false, Some(PT13)))]));
    let date = below(centred(vec![Run::with(f.place_date.as_str(), look(false, true, None))]));
    let block = Table {
        columns: vec![LEFT, right],
        rows: vec![vec![vec![organisation, rule(LEFT, LEFT / 3)], vec![nation, motto]], vec![vec![number], vec![date]]],
    };
    let mut title = centred(vec![Run::with(KIND, Char::BOLD)]);
    title.format.space_before = Some(3 * AFTER);
    let mut blocks = vec![
        Block::Table(block),
        Block::Paragraph(title),
        Block::Paragraph(centred(vec![Run::with(f.subject.as_str(), Char::BOLD)])),
    ];
    if let Some(window) = &f.window {
        blocks.push(Block::Paragraph(centred(vec![Run::with(window.as_str(), look(false, true, None))])));
    }
    let mut under = rule(TEXT_WIDTH, TEXT_WIDTH / 5);
    under.format.space_before = Some(AFTER);
    under.format.space_after = Some(2 * AFTER);
    blocks.push(Block::Paragraph(under));
    blocks
}

/// The closing sentence, kept on the page of the signature; the recipients beside the
/// signature block.
pub(super) fn tail(f: &Frame) -> Vec<Block> {
    let closing = Paragraph {
        style: None,
        format: Format {
            align: Some(Align::Both),
            first_line: Some(FIRST_LINE),
            space_after: Some(AFTER),
            keep_next: true,
            ..Format::NONE
        },
        runs: vec![Run::text(f.closing.as_str(), false)],
    };
    let left_aligned = |text: &str, look: Char| Paragraph {
        style: None,
        format: Format { align: Some(Align::Left), ..Format::NONE },
        runs: vec![Run::with(text, look)],
    };
    let mut heading = left_aligned(RECIPIENTS, look(true, true, Some(PT12)));
    heading.format.space_before = Some(AFTER);
    let mut recipients = vec![heading];
    recipients.extend(f.recipients.iter().map(|r| left_aligned(r, look(false, false, Some(PT11)))));
    let mut on_behalf = centred(vec![Run::with(ON_BEHALF, Char::BOLD)]);
    on_behalf.format.space_before = Some(AFTER);
    let mut signature = vec![on_behalf, centred(vec![Run::with(f.signer_title.as_str(), Char::BOLD)])];
    signature.extend((0..SIGNATURE_LINES).map(|_| centred(Vec::new())));
    signature.push(centred(vec![Run::with(f.signer_name.as_str(), Char::BOLD)]));
    let half = TEXT_WIDTH / 2;
    let block = Table { columns: vec![half, TEXT_WIDTH - half], rows: vec![vec![recipients, signature]] };
    // A document ends with a paragraph (Word adds one after a last table); a thin one, so it
    // never makes a page of its own.
    let end = Paragraph { style: None, format: Format { line_exact: Some(20), ..Format::NONE }, runs: Vec::new() };
    vec![Block::Paragraph(closing), Block::Table(block), Block::Paragraph(end)]
}
