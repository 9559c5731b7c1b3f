//! A small WordprocessingML model — paragraphs of runs, footnotes, one section — and the XML
//! of the parts that hold text: `word/document.xml`, `word/footnotes.xml` and the headers.
//! The other parts and the zip are in [`super::package`].
//!
//! Elements are written in the order the schema (ECMA-376 part 1) gives: Word is strict about
//! it in places (a section's header references come before its page size), LibreOffice is
//! lenient, so following the schema everywhere is what keeps both happy.

use super::xml::Xml;

pub(super) const NS_W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
pub(super) const NS_R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// The paragraph styles [`super::package`] defines; a paragraph names one with `style`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ParagraphStyle {
    Heading1,
    Heading2,
    Heading3,
    FootnoteText,
}

impl ParagraphStyle {
    /// The `w:styleId`.
    pub(super) fn id(self) -> &'static str {
        match self {
            ParagraphStyle::Heading1 => "Heading1",
            ParagraphStyle::Heading2 => "Heading2",
            ParagraphStyle::Heading3 => "Heading3",
            ParagraphStyle::FootnoteText => "FootnoteText",
        }
    }
}

/// The character style of footnote numbers, in the text and at the foot of the page.
pub(super) const FOOTNOTE_REFERENCE: &str = "FootnoteReference";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Align {
    Left,
    Center,
    /// Justified.
    Both,
}

/// Direct paragraph formatting, also what a heading style sets. Distances in twips.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Format {
    pub align: Option<Align>,
    pub first_line: Option<u32>,
    /// Indents from the left and the right edge (of the text area, or of a table cell).
    pub left: Option<u32>,
    pub right: Option<u32>,
    pub space_before: Option<u32>,
    pub space_after: Option<u32>,
    /// The line height, exactly (a thin paragraph that only draws its border).
    pub line_exact: Option<u32>,
    /// On the same page as the next paragraph (a heading, the closing before the signature).
    pub keep_next: bool,
    /// Not split across pages.
    pub keep_lines: bool,
    /// A line along the paragraph's top edge, from indent to indent: the short rules under
    /// the organisation and under the subject.
    pub rule_above: bool,
}

impl Format {
    /// No direct formatting (`Format::default()`, in a constant).
    pub(super) const NONE: Format = Format {
        align: None,
        first_line: None,
        left: None,
        right: None,
        space_before: None,
        space_after: None,
        line_exact: None,
        keep_next: false,
        keep_lines: false,
        rule_above: false,
    };
}

/// Direct character formatting of a run. `size` in half-points.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Char {
    pub bold: bool,
    pub italic: bool,
    pub underline: bool,
    pub size: Option<u32>,
}

impl Char {
    pub(super) const BOLD: Char = Char { bold: true, italic: false, underline: false, size: None };
}

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Run {
    Text {
        text: String,
        look: Char,
    },
    /// In the text: the superscript number of footnote `id`.
    FootnoteReference(u32),
    /// At the start of a footnote: Word prints the footnote's own number here.
    FootnoteNumber,
    /// A PAGE field: the number of the page it is printed on.
    PageNumber,
}

impl Run {
    pub(super) fn text(text: impl Into<String>, bold: bool) -> Run {
        Run::Text { text: text.into(), look: Char { bold, ..Char::default() } }
    }

    pub(super) fn with(text: impl Into<String>, look: Char) -> Run {
        Run::Text { text: text.into(), look }
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Paragraph {
    pub style: Option<ParagraphStyle>,
    pub format: Format,
    pub runs: Vec<Run>,
}

/// A table without borders, for laying out side by side: the header block's two columns,
/// the recipients beside the signature. Each row is kept on one page.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Table {
    /// The columns' widths, in twips.
    pub columns: Vec<u32>,
    /// Rows of cells, a cell's paragraphs (at least one: a cell ends with a paragraph).
    pub rows: Vec<Vec<Vec<Paragraph>>>,
}

/// What the body holds.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Block {
    Paragraph(Paragraph),
    Table(Table),
}

/// A footnote, as Word writes one: in the footnote text style, starting with its number and a
/// space. The fields are private so that no footnote goes without them.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Footnote {
    id: u32,
    paragraph: Paragraph,
}

impl Footnote {
    /// Footnote `id` (from 1; -1 and 0 are the separators), its text in `paragraph`.
    pub(super) fn new(id: u32, mut paragraph: Paragraph) -> Footnote {
        paragraph.style = Some(ParagraphStyle::FootnoteText);
        paragraph.runs.splice(0..0, [Run::FootnoteNumber, Run::text(" ", false)]);
        Footnote { id, paragraph }
    }
}

/// Page size and margins, in twips.
#[derive(Debug, Clone, Copy)]
pub(super) struct Page {
    pub width: u32,
    pub height: u32,
    pub top: u32,
    pub bottom: u32,
    pub left: u32,
    pub right: u32,
    pub header: u32,
    pub footer: u32,
}

/// Relationship ids of `word/document.xml`'s parts, shared by the document and its rels.
pub(super) const RID_HEADER: &str = "rId5";
pub(super) const RID_FIRST_HEADER: &str = "rId6";

/// `word/document.xml`: the body, then the one section, with its header on every page but the
/// first (`titlePg`, the first page getting the empty first-page header).
pub(super) fn document_xml(body: &[Block], page: &Page) -> String {
    Xml::part(|x| {
        x.elem("w:document", &[("xmlns:w", NS_W), ("xmlns:r", NS_R)], |x| {
            x.elem("w:body", &[], |x| {
                for block in body {
                    match block {
                        Block::Paragraph(p) => paragraph(x, p),
                        Block::Table(t) => table(x, t),
                    }
                }
                x.elem("w:sectPr", &[], |x| {
                    x.empty("w:headerReference", &[("w:type", "default"), ("r:id", RID_HEADER)]);
                    x.empty("w:headerReference", &[("w:type", "first"), ("r:id", RID_FIRST_HEADER)]);
                    x.empty("w:pgSz", &[("w:w", &page.width.to_string()), ("w:h", &page.height.to_string())]);
                    x.empty(
                        "w:pgMar",
                        &[
                            ("w:top", &page.top.to_string()),
                            ("w:right", &page.right.to_string()),
                            ("w:bottom", &page.bottom.to_string()),
                            ("w:left", &page.left.to_string()),
                            ("w:header", &page.header.to_string()),
                            ("w:footer", &page.footer.to_string()),
                            ("w:gutter", "0"),
                        ],
                    );
                    x.empty("w:cols", &[("w:space", "720")]);
                    x.empty("w:titlePg", &[]);
                });
            });
        });
    })
}

/// `word/footnotes.xml`: the separator line above the footnotes (id -1) and the one Word draws
/// when a footnote continues on the next page (id 0), which `word/settings.xml` names, then
/// the footnotes.
pub(super) fn footnotes_xml(notes: &[Footnote]) -> String {
    Xml::part(|x| {
        x.elem("w:footnotes", &[("xmlns:w", NS_W), ("xmlns:r", NS_R)], |x| {
            for (kind, id, mark) in
                [("separator", "-1", "w:separator"), ("continuationSeparator", "0", "w:continuationSeparator")]
            {
                x.elem("w:footnote", &[("w:type", kind), ("w:id", id)], |x| {
                    x.elem("w:p", &[], |x| {
                        x.elem("w:pPr", &[], |x| {
                            x.empty("w:spacing", &[("w:after", "0"), ("w:line", "240"), ("w:lineRule", "auto")]);
                        });
                        x.elem("w:r", &[], |x| x.empty(mark, &[]));
                    });
                });
            }
            for note in notes {
                x.elem("w:footnote", &[("w:id", &note.id.to_string())], |x| paragraph(x, &note.paragraph));
            }
        });
    })
}

/// A header part. A header holds at least one paragraph, so an empty one gets an empty
/// paragraph (the first page's header: nothing printed there).
pub(super) fn header_xml(paragraphs: &[Paragraph]) -> String {
    Xml::part(|x| {
        x.elem("w:hdr", &[("xmlns:w", NS_W), ("xmlns:r", NS_R)], |x| {
            if paragraphs.is_empty() {
                paragraph(x, &Paragraph::default());
            }
            for p in paragraphs {
                paragraph(x, p);
            }
        });
    })
}

/// A table: its properties (width, no borders, fixed layout, no cell margins: the columns
/// are the layout), its grid, its rows.
fn table(x: &mut Xml, t: &Table) {
    let twips = |w: u32| w.to_string();
    x.elem("w:tbl", &[], |x| {
        x.elem("w:tblPr", &[], |x| {
            x.empty("w:tblW", &[("w:w", &twips(t.columns.iter().sum())), ("w:type", "dxa")]);
            x.elem("w:tblBorders", &[], |x| {
                for side in ["w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"] {
                    x.empty(side, &[("w:val", "nil")]);
                }
            });
            x.empty("w:tblLayout", &[("w:type", "fixed")]);
            x.elem("w:tblCellMar", &[], |x| {
                x.empty("w:left", &[("w:w", "0"), ("w:type", "dxa")]);
                x.empty("w:right", &[("w:w", "0"), ("w:type", "dxa")]);
            });
        });
        x.elem("w:tblGrid", &[], |x| {
            for w in &t.columns {
                x.empty("w:gridCol", &[("w:w", &twips(*w))]);
            }
        });
        for row in &t.rows {
            x.elem("w:tr", &[], |x| {
                x.elem("w:trPr", &[], |x| x.empty("w:cantSplit", &[]));
                for (cell, width) in row.iter().zip(&t.columns) {
                    x.elem("w:tc", &[], |x| {
                        x.elem("w:tcPr", &[], |x| x.empty("w:tcW", &[("w:w", &twips(*width)), ("w:type", "dxa")]));
                        if cell.is_empty() {
                            paragraph(x, &Paragraph::default());
                        }
                        for p in cell {
                            paragraph(x, p);
                        }
                    });
                }
            });
        }
    });
}

fn paragraph(x: &mut Xml, p: &Paragraph) {
    x.elem("w:p", &[], |x| {
        if p.style.is_some() || p.format != Format::default() {
            x.elem("w:pPr", &[], |x| {
                if let Some(style) = p.style {
                    x.empty("w:pStyle", &[("w:val", style.id())]);
                }
                format(x, &p.format);
            });
        }
        for r in &p.runs {
            run(x, r);
        }
    });
}

/// The children of `w:pPr` a [`Format`] sets, in the schema's order (keepNext, keepLines,
/// pBdr, spacing, ind, jc); [`super::package`] writes them in styles too.
pub(super) fn format(x: &mut Xml, f: &Format) {
    if f.keep_next {
        x.empty("w:keepNext", &[]);
    }
    if f.keep_lines {
        x.empty("w:keepLines", &[]);
    }
    if f.rule_above {
        x.elem("w:pBdr", &[], |x| {
            x.empty("w:top", &[("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "auto")]);
        });
    }
    let spacing: Vec<(&'static str, String)> = [
        ("w:before", f.space_before.map(|v| v.to_string())),
        ("w:after", f.space_after.map(|v| v.to_string())),
        ("w:line", f.line_exact.map(|v| v.to_string())),
        ("w:lineRule", f.line_exact.map(|_| "exact".to_owned())),
    ]
    .into_iter()
    .filter_map(|(k, v)| Some((k, v?)))
    .collect();
    if !spacing.is_empty() {
        x.empty("w:spacing", &spacing.iter().map(|(k, v)| (*k, v.as_str())).collect::<Vec<_>>());
    }
    let indents: Vec<(&'static str, String)> =
        [("w:left", f.left), ("w:right", f.right), ("w:firstLine", f.first_line)]
            .into_iter()
            .filter_map(|(k, v)| Some((k, v?.to_string())))
            .collect();
    if !indents.is_empty() {
        x.empty("w:ind", &indents.iter().map(|(k, v)| (*k, v.as_str())).collect::<Vec<_>>());
    }
    if let Some(align) = f.align {
        let value = match align {
            Align::Left => "left",
            Align::Center => "center",
            Align::Both => "both",
        };
        x.empty("w:jc", &[("w:val", value)]);
    }
}

fn run(x: &mut Xml, r: &Run) {
    let in_reference_style = |x: &mut Xml| {
        x.elem("w:rPr", &[], |x| x.empty("w:rStyle", &[("w:val", FOOTNOTE_REFERENCE)]));
    };
    match r {
        Run::Text { text, .. } if text.is_empty() => {}
        Run::Text { text, look } => x.elem("w:r", &[], |x| {
            if *look != Char::default() {
                x.elem("w:rPr", &[], |x| char_format(x, look));
            }
            run_text(x, text);
        }),
        Run::FootnoteReference(id) => x.elem("w:r", &[], |x| {
            in_reference_style(x);
            x.empty("w:footnoteReference", &[("w:id", &id.to_string())]);
        }),
        Run::FootnoteNumber => x.elem("w:r", &[], |x| {
            in_reference_style(x);
            x.empty("w:footnoteRef", &[]);
        }),
        // A complex field, as Word writes it: begin, instruction, separate, the last
        // computed result (the header is printed from page 2), end. Each part its own run.
        Run::PageNumber => {
            x.elem("w:r", &[], |x| x.empty("w:fldChar", &[("w:fldCharType", "begin")]));
            x.elem("w:r", &[], |x| x.text_elem("w:instrText", &[("xml:space", "preserve")], " PAGE "));
            x.elem("w:r", &[], |x| x.empty("w:fldChar", &[("w:fldCharType", "separate")]));
            x.elem("w:r", &[], |x| x.text_elem("w:t", &[], "2"));
            x.elem("w:r", &[], |x| x.empty("w:fldChar", &[("w:fldCharType", "end")]));
        }
    }
}

/// The children of `w:rPr` a [`Char`] sets, in the schema's order (b, i, sz, u).
fn char_format(x: &mut Xml, c: &Char) {
    if c.bold {
        x.empty("w:b", &[]);
        x.empty("w:bCs", &[]);
    }
    if c.italic {
        x.empty("w:i", &[]);
        x.empty("w:iCs", &[]);
    }
    if let Some(size) = c.size {
        let v = size.to_string();
        x.empty("w:sz", &[("w:val", &v)]);
        x.empty("w:szCs", &[("w:val", &v)]);
    }
    if c.underline {
        x.empty("w:u", &[("w:val", "single")]);
    }
}

/// A run's text: in `w:t` (spaces kept), a tab as `w:tab` and a line break as `w:br`, which
/// is how WordprocessingML holds them (a raw tab or newline in `w:t` shows as a space).
fn run_text(x: &mut Xml, text: &str) {
    let mut rest = text;
    while !rest.is_empty() {
        let end = rest.find(['\t', '\n', '\r']).unwrap_or(rest.len());
        if end > 0 {
            x.text_elem("w:t", &[("xml:space", "preserve")], &rest[..end]);
        }
        let mut tail = rest[end..].chars();
        match tail.next() {
            Some('\t') => x.empty("w:tab", &[]),
            Some('\r') if tail.as_str().starts_with('\n') => {
                tail.next();
                x.empty("w:br", &[]);
            }
            Some(_) => x.empty("w:br", &[]),
            None => {}
        }
        rest = tail.as_str();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body_of(p: Paragraph) -> String {
        let xml = document_xml(
            &[Block::Paragraph(p)],
            &Page { width: 1, height: 2, top: 3, bottom: 4, left: 5, right: 6, header: 7, footer: 8 },
        );
        let start = xml.find("<w:body>").unwrap() + "<w:body>".len();
        xml[start..xml.find("<w:sectPr>").unwrap()].to_owned()
    }

    #[test]
    fn a_paragraph_s_properties_come_in_the_schema_s_order() {
        let p = Paragraph {
            style: Some(ParagraphStyle::Heading3),
            format: Format {
                align: Some(Align::Both),
                first_line: Some(720),
                space_after: Some(120),
                keep_next: true,
                ..Format::default()
            },
            runs: vec![Run::text("Đầu", true), Run::FootnoteReference(3), Run::text("", false)],
        };
        assert_eq!(
            body_of(p),
            "<w:p><w:pPr><w:pStyle w:val=\"Heading3\"/><w:keepNext/><w:spacing w:after=\"120\"/><w:ind w:firstLine=\"720\"/>\
             <w:jc w:val=\"both\"/></w:pPr><w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space=\"preserve\">Đầu</w:t></w:r>\
             <w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteReference w:id=\"3\"/></w:r></w:p>"
        );
        assert_eq!(body_of(Paragraph::default()), "<w:p></w:p>");
    }

    #[test]
    fn a_table_has_no_borders_and_each_cell_ends_with_a_paragraph() {
        let xml = document_xml(
            &[Block::Table(Table { columns: vec![100, 200], rows: vec![vec![vec![], vec![Paragraph::default()]]] })],
            &Page { width: 1, height: 2, top: 3, bottom: 4, left: 5, right: 6, header: 7, footer: 8 },
        );
        assert!(xml.contains(
            "<w:tbl><w:tblPr><w:tblW w:w=\"300\" w:type=\"dxa\"/><w:tblBorders><w:top w:val=\"nil\"/>\
             <w:left w:val=\"nil\"/><w:bottom w:val=\"nil\"/><w:right w:val=\"nil\"/><w:insideH w:val=\"nil\"/>\
             <w:insideV w:val=\"nil\"/></w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar>\
             <w:left w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"0\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr>\
             <w:tblGrid><w:gridCol w:w=\"100\"/><w:gridCol w:w=\"200\"/></w:tblGrid><w:tr><w:trPr><w:cantSplit/></w:trPr>\
             <w:tc><w:tcPr><w:tcW w:w=\"100\" w:type=\"dxa\"/></w:tcPr><w:p></w:p></w:tc>\
             <w:tc><w:tcPr><w:tcW w:w=\"200\" w:type=\"dxa\"/></w:tcPr><w:p></w:p></w:tc></w:tr></w:tbl>"
        ));
    }

    #[test]
    fn a_rule_and_character_formats_come_in_the_schema_s_order() {
        let p = Paragraph {
            style: None,
            format: Format {
                left: Some(10),
                right: Some(20),
                space_before: Some(60),
                line_exact: Some(80),
                keep_lines: true,
                rule_above: true,
                ..Format::NONE
            },
            runs: vec![Run::with("Độc lập", Char { bold: true, italic: true, underline: true, size: Some(26) })],
        };
        assert_eq!(
            body_of(p),
            "<w:p><w:pPr><w:keepLines/><w:pBdr><w:top w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"auto\"/>\
             </w:pBdr><w:spacing w:before=\"60\" w:line=\"80\" w:lineRule=\"exact\"/><w:ind w:left=\"10\" w:right=\"20\"/>\
             </w:pPr><w:r><w:rPr><w:b/><w:bCs/><w:i/><w:iCs/><w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/>\
             <w:u w:val=\"single\"/></w:rPr><w:t xml:space=\"preserve\">Độc lập</w:t></w:r></w:p>"
        );
    }

    #[test]
    fn tabs_and_line_breaks_are_word_s_own_elements() {
        let p = Paragraph { runs: vec![Run::text("a\tb\r\nc\n", false)], ..Paragraph::default() };
        assert_eq!(
            body_of(p),
            "<w:p><w:r><w:t xml:space=\"preserve\">a</w:t><w:tab/><w:t xml:space=\"preserve\">b</w:t><w:br/>\
             <w:t xml:space=\"preserve\">c</w:t><w:br/></w:r></w:p>"
        );
    }

    #[test]
    fn a_footnote_starts_with_its_number_in_the_footnote_text_style() {
        let note = Footnote::new(1, Paragraph { runs: vec![Run::text("Ghi chú", false)], ..Paragraph::default() });
        let xml = footnotes_xml(&[note]);
        assert!(xml.contains(
            "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" \
             w:lineRule=\"auto\"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>\
             <w:footnote w:type=\"continuationSeparator\" w:id=\"0\">"
        ));
        assert!(xml.contains(
            "<w:footnote w:id=\"1\"><w:p><w:pPr><w:pStyle w:val=\"FootnoteText\"/></w:pPr>\
             <w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteRef/></w:r>\
             <w:r><w:t xml:space=\"preserve\"> </w:t></w:r><w:r><w:t xml:space=\"preserve\">Ghi chú</w:t></w:r></w:p></w:footnote>"
        ));
    }

    #[test]
    fn an_empty_header_still_has_its_paragraph() {
        assert!(header_xml(&[]).ends_with("<w:hdr xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><w:p></w:p></w:hdr>"));
    }
}
