//! The .docx package: the parts around the text (styles, settings, fonts, properties,
//! relationships, content types) and the zip that holds them all.
//!
//! The zip's entries are always the same, in the same order, dated 1980-01-01, and the
//! document's dates are given by the caller: the same document gives the same bytes.

use std::io::{Cursor, Write};

use super::ooxml::{self, Block, FOOTNOTE_REFERENCE, Footnote, Format, NS_W, Page, Paragraph, ParagraphStyle};
use super::xml::Xml;

/// Fonts and sizes (half-points) of the whole document, and the formatting of the heading
/// styles (levels 1 to 3).
#[derive(Debug, Clone, Copy)]
pub(super) struct Look {
    pub font: &'static str,
    pub size: u32,
    pub footnote_size: u32,
    /// The language of the text (spelling, hyphenation), e.g. `vi-VN`.
    pub lang: &'static str,
    pub headings: [Format; 3],
}

pub(super) struct Document {
    pub look: Look,
    pub page: Page,
    pub body: Vec<Block>,
    pub footnotes: Vec<Footnote>,
    /// The header of every page but the first, whose header is empty.
    pub header: Vec<Paragraph>,
    /// The creation and modification date, W3CDTF (`2024-08-01T00:00:00Z`).
    pub date: String,
    /// `dc:creator` and `cp:lastModifiedBy`: who the document is from (the organisation).
    pub author: String,
    /// `dc:title`.
    pub title: String,
    /// The application named in `docProps/app.xml`.
    pub application: &'static str,
}

const NS_PACKAGE_RELS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
const WORD_TYPE: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.";

impl Document {
    /// The .docx bytes.
    ///
    /// # Errors
    /// If zipping fails (in memory, so in practice never).
    pub(super) fn package(&self) -> Result<Vec<u8>, String> {
        // (part name, content type, XML) in the zip's order, [Content_Types].xml going first as
        // Word puts it. Relationship parts have no content type of their own: theirs is the
        // `rels` extension's, a Default in [Content_Types].xml.
        let mut parts: Vec<(&str, String, String)> = vec![
            ("_rels/.rels", String::new(), package_rels()),
            (
                "docProps/core.xml",
                "application/vnd.openxmlformats-package.core-properties+xml".to_owned(),
                self.core_xml(),
            ),
            (
                "docProps/app.xml",
                "application/vnd.openxmlformats-officedocument.extended-properties+xml".to_owned(),
                app_xml(self.application),
            ),
            ("word/document.xml", format!("{WORD_TYPE}document.main+xml"), ooxml::document_xml(&self.body, &self.page)),
            ("word/_rels/document.xml.rels", String::new(), document_rels()),
            ("word/styles.xml", format!("{WORD_TYPE}styles+xml"), styles_xml(&self.look)),
            ("word/settings.xml", format!("{WORD_TYPE}settings+xml"), settings_xml(self.look.lang)),
            ("word/fontTable.xml", format!("{WORD_TYPE}fontTable+xml"), font_table_xml(self.look.font)),
            ("word/footnotes.xml", format!("{WORD_TYPE}footnotes+xml"), ooxml::footnotes_xml(&self.footnotes)),
            ("word/header1.xml", format!("{WORD_TYPE}header+xml"), ooxml::header_xml(&self.header)),
            ("word/header2.xml", format!("{WORD_TYPE}header+xml"), ooxml::header_xml(&[])),
        ];
        let types = content_types(&parts);
        parts.insert(0, ("[Content_Types].xml", String::new(), types));

        let mut out = Vec::new();
        let mut zip = zip::ZipWriter::new(Cursor::new(&mut out));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .last_modified_time(zip::DateTime::default())
            .unix_permissions(0o644);
        for (name, _, xml) in &parts {
            zip.start_file(*name, options).map_err(|e| e.to_string())?;
            zip.write_all(xml.as_bytes()).map_err(|e| e.to_string())?;
        }
        zip.finish().map_err(|e| e.to_string())?;
        Ok(out)
    }

    fn core_xml(&self) -> String {
        Xml::part(|x| {
            x.elem(
                "cp:coreProperties",
                &[
                    ("xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"),
                    ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
                    ("xmlns:dcterms", "http://purl.org/dc/terms/"),
                    ("xmlns:dcmitype", "http://purl.org/dc/dcmitype/"),
                    ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
                ],
                |x| {
                    // In the schema's order: title, creator, lastModifiedBy, language...
                    if !self.title.is_empty() {
                        x.text_elem("dc:title", &[], &self.title);
                    }
                    x.text_elem("dc:creator", &[], &self.author);
                    x.text_elem("cp:lastModifiedBy", &[], &self.author);
                    x.text_elem("dc:language", &[], self.look.lang);
                    x.text_elem("cp:revision", &[], "1");
                    x.text_elem("dcterms:created", &[("xsi:type", "dcterms:W3CDTF")], &self.date);
                    x.text_elem("dcterms:modified", &[("xsi:type", "dcterms:W3CDTF")], &self.date);
                },
            );
        })
    }
}

/// The content type of each part but the relationships, which have theirs by extension.
fn content_types(parts: &[(&str, String, String)]) -> String {
    Xml::part(|x| {
        x.elem("Types", &[("xmlns", "http://schemas.openxmlformats.org/package/2006/content-types")], |x| {
            x.empty(
                "Default",
                &[("Extension", "rels"), ("ContentType", "application/vnd.openxmlformats-package.relationships+xml")],
            );
            x.empty("Default", &[("Extension", "xml"), ("ContentType", "application/xml")]);
            for (name, content_type, _) in parts.iter().filter(|(_, t, _)| !t.is_empty()) {
                x.empty("Override", &[("PartName", &format!("/{name}")), ("ContentType", content_type)]);
            }
        });
    })
}

fn relationships(rels: &[(&str, &str, &str)]) -> String {
    Xml::part(|x| {
        x.elem("Relationships", &[("xmlns", NS_PACKAGE_RELS)], |x| {
            for (id, kind, target) in rels {
                x.empty("Relationship", &[("Id", id), ("Type", kind), ("Target", target)]);
            }
        });
    })
}

fn package_rels() -> String {
    relationships(&[
        ("rId1", &format!("{REL}officeDocument"), "word/document.xml"),
        (
            "rId2",
            "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
            "docProps/core.xml",
        ),
        ("rId3", &format!("{REL}extended-properties"), "docProps/app.xml"),
    ])
}

fn document_rels() -> String {
    relationships(&[
        ("rId1", &format!("{REL}styles"), "styles.xml"),
        ("rId2", &format!("{REL}settings"), "settings.xml"),
        ("rId3", &format!("{REL}fontTable"), "fontTable.xml"),
        ("rId4", &format!("{REL}footnotes"), "footnotes.xml"),
        (ooxml::RID_HEADER, &format!("{REL}header"), "header1.xml"),
        (ooxml::RID_FIRST_HEADER, &format!("{REL}header"), "header2.xml"),
    ])
}

fn app_xml(application: &str) -> String {
    Xml::part(|x| {
        x.elem(
            "Properties",
            &[
                ("xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"),
                ("xmlns:vt", "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"),
            ],
            |x| x.text_elem("Application", &[], application),
        );
    })
}

/// The document defaults (font, size, language, single spacing and nothing after a
/// paragraph, written out rather than left to each application's idea of a default) and the
/// styles: Normal, the headings, and the footnotes' two, under the built-in names Word knows
/// them by (`heading 1`, `footnote text`...), so Word's own features treat them as such.
fn styles_xml(look: &Look) -> String {
    let size = |x: &mut Xml, half_points: u32| {
        let v = half_points.to_string();
        x.empty("w:sz", &[("w:val", &v)]);
        x.empty("w:szCs", &[("w:val", &v)]);
    };
    Xml::part(|x| {
        x.elem("w:styles", &[("xmlns:w", NS_W)], |x| {
            x.elem("w:docDefaults", &[], |x| {
                x.elem("w:rPrDefault", &[], |x| {
                    x.elem("w:rPr", &[], |x| {
                        let f = look.font;
                        x.empty("w:rFonts", &[("w:ascii", f), ("w:hAnsi", f), ("w:eastAsia", f), ("w:cs", f)]);
                        size(x, look.size);
                        x.empty("w:lang", &[("w:val", look.lang)]);
                    });
                });
                x.elem("w:pPrDefault", &[], |x| x.elem("w:pPr", &[], single_spacing));
            });
            style(x, "paragraph", "Normal", "Normal", StyleKind::Default, |_| {});
            style(x, "character", "DefaultParagraphFont", "Default Paragraph Font", StyleKind::DefaultHidden, |_| {});
            let headings = [ParagraphStyle::Heading1, ParagraphStyle::Heading2, ParagraphStyle::Heading3];
            for (level, (heading, format)) in headings.iter().zip(&look.headings).enumerate() {
                let name = format!("heading {}", level + 1);
                style(x, "paragraph", heading.id(), &name, StyleKind::Heading, |x| {
                    x.elem("w:pPr", &[], |x| {
                        // Kept with the paragraph that follows, never alone at the foot of a
                        // page, and in the outline (navigation pane, table of contents).
                        ooxml::format(x, &Format { keep_next: true, keep_lines: true, ..*format });
                        x.empty("w:outlineLvl", &[("w:val", &level.to_string())]);
                    });
                    x.elem("w:rPr", &[], |x| {
                        x.empty("w:b", &[]);
                        x.empty("w:bCs", &[]);
                    });
                });
            }
            style(x, "paragraph", ParagraphStyle::FootnoteText.id(), "footnote text", StyleKind::Note("Normal"), |x| {
                x.elem("w:pPr", &[], single_spacing);
                x.elem("w:rPr", &[], |x| size(x, look.footnote_size));
            });
            style(
                x,
                "character",
                FOOTNOTE_REFERENCE,
                "footnote reference",
                StyleKind::Note("DefaultParagraphFont"),
                |x| {
                    x.elem("w:rPr", &[], |x| x.empty("w:vertAlign", &[("w:val", "superscript")]));
                },
            );
        });
    })
}

/// What a style is, for the elements that come before its properties.
enum StyleKind {
    /// The default paragraph style (Normal).
    Default,
    /// The default character style, which Word lists nowhere.
    DefaultHidden,
    /// A heading: based on Normal, followed by Normal, in the style gallery.
    Heading,
    /// A footnote style, based on the given one, shown once used.
    Note(&'static str),
}

/// A `w:style`: the elements before its properties in the schema's order (name, basedOn,
/// next, uiPriority, semiHidden, unhideWhenUsed, qFormat), then what `properties` writes.
fn style(x: &mut Xml, kind: &'static str, id: &str, name: &str, what: StyleKind, properties: impl FnOnce(&mut Xml)) {
    let default = matches!(what, StyleKind::Default | StyleKind::DefaultHidden);
    let mut attrs = vec![("w:type", kind)];
    if default {
        attrs.push(("w:default", "1"));
    }
    attrs.push(("w:styleId", id));
    x.elem("w:style", &attrs, |x| {
        x.empty("w:name", &[("w:val", name)]);
        match what {
            StyleKind::Default => x.empty("w:qFormat", &[]),
            StyleKind::DefaultHidden => {
                x.empty("w:uiPriority", &[("w:val", "1")]);
                x.empty("w:semiHidden", &[]);
                x.empty("w:unhideWhenUsed", &[]);
            }
            StyleKind::Heading => {
                x.empty("w:basedOn", &[("w:val", "Normal")]);
                x.empty("w:next", &[("w:val", "Normal")]);
                x.empty("w:uiPriority", &[("w:val", "9")]);
                x.empty("w:qFormat", &[]);
            }
            StyleKind::Note(based_on) => {
                x.empty("w:basedOn", &[("w:val", based_on)]);
                x.empty("w:uiPriority", &[("w:val", "99")]);
                x.empty("w:semiHidden", &[]);
                x.empty("w:unhideWhenUsed", &[]);
            }
        }
        properties(x);
    });
}

fn single_spacing(x: &mut Xml) {
    x.empty("w:spacing", &[("w:after", "0"), ("w:line", "240"), ("w:lineRule", "auto")]);
}

/// The settings Word needs: the footnote separators by id, compatibility mode 15 (Word
/// 2013 and later; without it Word opens the file in compatibility mode), and the language
/// of the theme's fonts (`lang`, as the styles' default).
fn settings_xml(lang: &str) -> String {
    const WORD: &str = "http://schemas.microsoft.com/office/word";
    Xml::part(|x| {
        x.elem("w:settings", &[("xmlns:w", NS_W)], |x| {
            x.empty("w:zoom", &[("w:percent", "100")]);
            x.empty("w:defaultTabStop", &[("w:val", "720")]);
            x.empty("w:characterSpacingControl", &[("w:val", "doNotCompress")]);
            x.elem("w:footnotePr", &[], |x| {
                x.empty("w:footnote", &[("w:id", "-1")]);
                x.empty("w:footnote", &[("w:id", "0")]);
            });
            x.elem("w:compat", &[], |x| {
                for (name, value) in [
                    ("compatibilityMode", "15"),
                    ("overrideTableStyleFontSizeAndJustification", "1"),
                    ("enableOpenTypeFeatures", "1"),
                    ("doNotFlipMirrorIndents", "1"),
                    ("differentiateMultirowTableHeaders", "1"),
                ] {
                    x.empty("w:compatSetting", &[("w:name", name), ("w:uri", WORD), ("w:val", value)]);
                }
            });
            x.empty("w:themeFontLang", &[("w:val", lang)]);
        });
    })
}

/// The font the document uses, described so that a machine without it substitutes a serif.
fn font_table_xml(font: &str) -> String {
    Xml::part(|x| {
        x.elem("w:fonts", &[("xmlns:w", NS_W)], |x| {
            x.elem("w:font", &[("w:name", font)], |x| {
                if font == "Times New Roman" {
                    x.empty("w:panose1", &[("w:val", "02020603050405020304")]);
                }
                x.empty("w:charset", &[("w:val", "00")]);
                x.empty("w:family", &[("w:val", "roman")]);
                x.empty("w:pitch", &[("w:val", "variable")]);
            });
        });
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::docx::ooxml::Align;

    fn look() -> Look {
        let centred = Format { align: Some(Align::Center), space_after: Some(120), ..Format::default() };
        Look { font: "Times New Roman", size: 28, footnote_size: 24, lang: "vi-VN", headings: [centred; 3] }
    }

    #[test]
    fn styles_name_the_fonts_sizes_and_language_and_the_built_in_styles() {
        let xml = styles_xml(&look());
        assert!(xml.contains(
            "<w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"Times New Roman\" \
             w:cs=\"Times New Roman\"/><w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/><w:lang w:val=\"vi-VN\"/></w:rPr>"
        ));
        assert!(xml.contains(
            "<w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:name w:val=\"heading 2\"/>\
             <w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"9\"/><w:qFormat/>\
             <w:pPr><w:keepNext/><w:keepLines/><w:spacing w:after=\"120\"/><w:jc w:val=\"center\"/>\
             <w:outlineLvl w:val=\"1\"/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr></w:style>"
        ));
        assert!(xml.contains("<w:name w:val=\"footnote text\"/>"));
        assert!(xml.contains("<w:rPr><w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/></w:rPr>"));
        assert!(xml.contains("<w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr>"));
    }

    #[test]
    fn every_part_has_its_content_type_and_the_bytes_are_the_same_each_time() {
        let doc = Document {
            look: look(),
            page: Page { width: 11906, height: 16838, top: 1, bottom: 1, left: 1, right: 1, header: 1, footer: 1 },
            body: vec![],
            footnotes: vec![],
            header: vec![],
            date: "2024-08-01T00:00:00Z".to_owned(),
            author: "Ủy ban".to_owned(),
            title: "Báo cáo".to_owned(),
            application: "tonghop",
        };
        let bytes = doc.package().unwrap();
        assert_eq!(bytes, doc.package().unwrap());
        let mut zip = zip::ZipArchive::new(Cursor::new(&bytes)).unwrap();
        assert_eq!(zip.by_index(0).unwrap().name().unwrap(), "[Content_Types].xml");
        let mut types = String::new();
        std::io::Read::read_to_string(&mut zip.by_name("[Content_Types].xml").unwrap(), &mut types).unwrap();
        for name in ["word/document.xml", "word/footnotes.xml", "word/header2.xml", "docProps/core.xml"] {
            assert!(types.contains(&format!("PartName=\"/{name}\"")), "{name}");
        }
    }
}
