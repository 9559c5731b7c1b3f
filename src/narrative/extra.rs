//! The committee's own section (spec §13): what the clerk writes in `noi-dung.md` (or gives
//! with `--extra`), added after the consolidated results, before the closing.

use super::Narrative;
use crate::names::fold::nfc;

impl Narrative {
    /// The narrative with the committee's own text after the consolidated results: `markdown`
    /// in the narrative's subset (`#` headings, paragraphs, `- ` paragraphs, `**bold**`), its
    /// headings moved to the narrative's levels (its first level is the level of the
    /// narrative's sections, `I.`), its lines joined into paragraphs as Markdown joins them.
    /// It refers to no footnote: a `[` in it is text.
    pub fn with_extra(mut self, markdown: &str) -> Narrative {
        let markdown = nfc(markdown.trim_start_matches('\u{FEFF}'));
        let level = |line: &str| {
            let n = line.chars().take_while(|c| *c == '#').count();
            ((1..=6).contains(&n) && line[n..].starts_with(' ')).then_some(n)
        };
        let top = self.body.lines().filter_map(level).min().unwrap_or(1);
        let own_top = markdown.lines().map(str::trim).filter_map(level).min().unwrap_or(1);
        let mut paragraphs: Vec<String> = Vec::new();
        let mut open = false;
        for line in markdown.lines().map(str::trim) {
            let text = line.replace('[', "\\[");
            if line.is_empty() {
                open = false;
            } else if let Some(n) = level(line) {
                let shifted = (n + top).saturating_sub(own_top).clamp(1, 6);
                paragraphs.push(format!("{} {}", "#".repeat(shifted), line[n..].trim()));
                open = false;
            } else if open && !line.starts_with("- ") {
                let last = paragraphs.last_mut().expect("an open paragraph exists");
                last.push(' ');
                last.push_str(&text);
            } else {
                paragraphs.push(text);
                open = true;
            }
        }
        if !paragraphs.is_empty() {
            self.body.push('\n');
            self.body.push_str(&paragraphs.join("\n\n"));
            self.body.push('\n');
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::narrative::Frame;

    #[test]
    fn the_committee_s_text_follows_at_the_narrative_s_levels() {
        let n = Narrative {
            frame: Frame::default(), body: "### I. KẾT QUẢ\n\n- Một.\n".to_owned(), footnotes: vec![]
        };
        let n = n.with_extra("\u{FEFF}# II. NHIỆM VỤ\n\n## 1. Tuyên truyền\nTiếp tục\nvận động [^1].\n- **Hai**\n");
        assert_eq!(
            n.body,
            "### I. KẾT QUẢ\n\n- Một.\n\n### II. NHIỆM VỤ\n\n#### 1. Tuyên truyền\n\nTiếp tục vận động \\[^1].\n\n\
             - **Hai**\n"
        );
    }
}
