//! The smallest XML writer the Word parts need, well-formed by construction: element and
//! attribute names are `&'static str` (our constants, never data), an element's content is
//! written inside a closure so every start tag gets its end tag, and every attribute value
//! and text goes through [`escape`]. Nothing is ever spliced into finished XML.

/// What Word itself writes first in each part.
const DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n";

pub(super) struct Xml {
    out: String,
}

impl Xml {
    /// A whole part: the declaration, then what `content` writes (its one root element).
    pub(super) fn part(content: impl FnOnce(&mut Xml)) -> String {
        let mut xml = Xml { out: String::from(DECLARATION) };
        content(&mut xml);
        xml.out
    }

    /// `<name attrs>…</name>`, the content written by `content`.
    pub(super) fn elem(&mut self, name: &'static str, attrs: &[(&'static str, &str)], content: impl FnOnce(&mut Xml)) {
        self.start_tag(name, attrs);
        self.out.push('>');
        content(self);
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push('>');
    }

    /// `<name attrs/>`.
    pub(super) fn empty(&mut self, name: &'static str, attrs: &[(&'static str, &str)]) {
        self.start_tag(name, attrs);
        self.out.push_str("/>");
    }

    /// `<name attrs>text</name>`.
    pub(super) fn text_elem(&mut self, name: &'static str, attrs: &[(&'static str, &str)], text: &str) {
        self.elem(name, attrs, |x| x.text(text));
    }

    /// Character data.
    pub(super) fn text(&mut self, text: &str) {
        escape(&mut self.out, text);
    }

    fn start_tag(&mut self, name: &'static str, attrs: &[(&'static str, &str)]) {
        self.out.push('<');
        self.out.push_str(name);
        for (key, value) in attrs {
            self.out.push(' ');
            self.out.push_str(key);
            self.out.push_str("=\"");
            escape(&mut self.out, value);
            self.out.push('"');
        }
    }
}

/// Appends `text` as XML character data, good in text and in a double-quoted attribute: the
/// markup characters become references (`>` too, so `]]>` cannot appear), and characters
/// XML 1.0 cannot hold at all, even as references (C0 controls but tab, LF and CR; U+FFFE,
/// U+FFFF), are left out: a parser would refuse the whole part for one of them, and Word and
/// LibreOffice then refuse the document.
pub(super) fn escape(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // In an attribute, a literal tab, LF or CR would be normalised to a space.
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if allowed(c) => out.push(c),
            _ => {}
        }
    }
}

/// XML 1.0's `Char` production (Rust's `char` already excludes the surrogates).
fn allowed(c: char) -> bool {
    !(c < ' ' && !matches!(c, '\t' | '\n' | '\r') || matches!(c, '\u{FFFE}' | '\u{FFFF}'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elements_nest_and_everything_is_escaped() {
        let xml = Xml::part(|x| {
            x.elem("a", &[("k", "1 < 2 & \"3\"")], |x| {
                x.empty("b", &[]);
                x.text_elem("c", &[], "x ]]> y\u{1b}[0m\u{0B}\u{FFFF}\tz");
            })
        });
        assert_eq!(
            xml,
            format!("{DECLARATION}<a k=\"1 &lt; 2 &amp; &quot;3&quot;\"><b/><c>x ]]&gt; y[0m&#9;z</c></a>")
        );
    }
}
