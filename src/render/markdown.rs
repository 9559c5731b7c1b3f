//! `bao-cao-YYYY-MM.md`: the narrative as Markdown, footnotes as `[^n]` with their
//! definitions at the end.

use crate::narrative::Narrative;

pub(crate) fn render(n: &Narrative) -> Vec<u8> {
    let mut out = n.body.clone();
    if !n.footnotes.is_empty() {
        out.push('\n');
        for (i, note) in n.footnotes.iter().enumerate() {
            out.push_str(&format!("[^{}]: {}\n", i + 1, note));
        }
    }
    out.into_bytes()
}
