//! `bao-cao-YYYY-MM.md`: the report as Markdown: the header block and title, the narrative,
//! the closing, recipients and signature, then the footnotes as `[^n]` definitions.

use crate::narrative::{Frame, KIND, MOTTO, NATION, Narrative, ON_BEHALF, RECIPIENTS};

pub(crate) fn render(n: &Narrative) -> Vec<u8> {
    let f = &n.frame;
    let mut out = head(f);
    out.push_str(&n.body);
    out.push('\n');
    out.push_str(&tail(f));
    if !n.footnotes.is_empty() {
        out.push('\n');
        for (i, note) in n.footnotes.iter().enumerate() {
            out.push_str(&format!("[^{}]: {}\n", i + 1, note));
        }
    }
    out.into_bytes()
}

/// The header block, each of its lines a paragraph of its own (Markdown has no columns),
/// then the title and subject as the first headings.
fn head(f: &Frame) -> String {
    let mut lines = vec![
        escape(&f.organisation.join(" ")),
        format!("**{}**", escape(&f.issuer)),
        escape(&f.number),
        format!("**{NATION}**"),
        format!("**{MOTTO}**"),
        format!("*{}*", escape(&f.place_date)),
    ];
    lines.push(format!("# {KIND}\n## {}", escape(&f.subject)));
    if let Some(window) = &f.window {
        lines.push(escape(window));
    }
    lines.join("\n\n") + "\n\n"
}

/// The closing sentence, the recipients, the signature block.
fn tail(f: &Frame) -> String {
    let mut out = format!("{}\n\n**{RECIPIENTS}**\n", escape(&f.closing));
    for r in &f.recipients {
        out.push_str(&escape(r));
        out.push('\n');
    }
    out.push_str(&format!("\n**{ON_BEHALF}**\n\n**{}**\n", escape(&f.signer_title)));
    if !f.signer_name.is_empty() {
        out.push_str(&format!("\n**{}**\n", escape(&f.signer_name)));
    }
    out
}

/// Configured text as Markdown text: `*`, `[` and `\` would be markup.
fn escape(text: &str) -> String {
    crate::narrative::escape(text)
}
