//! .docx to text, with nothing of the body dropped, read with `zip` and `quick-xml`.
//!
//! - Paragraphs of `word/document.xml` in order (runs joined, tabs and line breaks kept), a
//!   blank line between them.
//! - List paragraphs (their own `w:numPr` or their style's, from `word/styles.xml`) start with
//!   their marker as Word shows it, from `word/numbering.xml`: "1.", "a)", "iii." counted per
//!   abstract list and level (instances of one list continue its count unless they override
//!   its start), "•" for bullets.
//! - Tables: one line per row, the cells' text separated by " | "; a table inside a cell is
//!   folded into that cell, its rows separated by "; ".
//! - Footnotes and endnotes: the reference mark stays in the text as "[n]", numbered in the
//!   order the references appear (footnotes and endnotes share one sequence, so no two marks
//!   are alike), and the notes' text (from `word/footnotes.xml` and `word/endnotes.xml`)
//!   follows the body under a "Notes" heading, one "[n] text" paragraph each.
//!
//! Decompression is capped at [`super::MAX_TEXT_BYTES`] over all the parts read, so a zip bomb
//! cannot exhaust memory.

use std::io::{Cursor, Read, Seek};
use std::path::Path;

use quick_xml::events::{BytesStart, Event};
use rustc_hash::{FxHashMap, FxHashSet};

use super::{LoadError, MAX_TEXT_BYTES};

mod numbering;
use numbering::{Numbering, format_number};

/// Extracts the text of a .docx held in `bytes`.
pub fn extract(path: &Path, bytes: &[u8]) -> Result<String, LoadError> {
    let bad = |reason: String| LoadError::BadDocument {
        path: path.to_path_buf(),
        reason,
    };
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| bad(format!("not a valid .docx (bad zip archive: {e})")))?;
    let mut budget = MAX_TEXT_BYTES;
    let document = read_part(&mut archive, "word/document.xml", &mut budget)
        .map_err(bad)?
        .ok_or_else(|| bad("not a Word .docx (the archive has no word/document.xml)".into()))?;
    // Numbering only decorates list paragraphs: a damaged numbering part loses the markers,
    // not the document.
    let numbering = read_part(&mut archive, "word/numbering.xml", &mut budget)
        .map_err(bad)?
        .and_then(|xml| Numbering::parse(&xml).ok())
        .unwrap_or_default();
    let mut numbering = numbering;
    if let Some(xml) = read_part(&mut archive, "word/styles.xml", &mut budget).map_err(bad)? {
        // As for numbering: damaged styles lose list markers only.
        if numbering.parse_styles(&xml).is_err() {
            numbering.styles.clear();
        }
    }
    let mut walker = Walker::new(&numbering);
    for (part, kind) in [
        ("word/footnotes.xml", NoteKind::Footnote),
        ("word/endnotes.xml", NoteKind::Endnote),
    ] {
        if let Some(xml) = read_part(&mut archive, part, &mut budget).map_err(bad)? {
            walker
                .notes_part(&xml, kind)
                .map_err(|e| bad(format!("corrupt .docx (bad XML in {part}: {e})")))?;
        }
    }
    let body = walker
        .body(&document)
        .map_err(|e| bad(format!("corrupt .docx (bad XML in word/document.xml: {e})")))?;
    Ok(walker.with_notes(body))
}

/// The bytes of the archive's part `name`, if it has one; `budget` is what may still be
/// decompressed.
fn read_part<R: Read + Seek>(
    archive: &mut zip::ZipArchive<R>,
    name: &str,
    budget: &mut u64,
) -> Result<Option<Vec<u8>>, String> {
    let mut entry = match archive.by_name(name) {
        Ok(entry) => entry,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(format!("corrupt .docx (cannot open {name}: {e})")),
    };
    let mut xml = Vec::new();
    entry
        .by_ref()
        .take(*budget + 1)
        .read_to_end(&mut xml)
        .map_err(|e| format!("corrupt .docx (cannot decompress {name}: {e})"))?;
    if xml.len() as u64 > *budget {
        return Err(format!(
            "{name} expands past {MAX_TEXT_BYTES} bytes of text in all"
        ));
    }
    *budget -= xml.len() as u64;
    Ok(Some(xml))
}

/// The value of the attribute whose local name is `name` (`w:val`, `w:id`, ...).
fn attr(element: &BytesStart<'_>, name: &[u8]) -> Option<String> {
    element
        .attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .map(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map_or_else(
                    |_| String::from_utf8_lossy(&a.value).into_owned(),
                    |v| v.into_owned(),
                )
        })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum NoteKind {
    Footnote,
    Endnote,
}

/// A table being read: its finished rows, the current row's cells and the current cell.
#[derive(Default)]
struct Table {
    rows: Vec<String>,
    cells: Vec<String>,
    cell: Option<String>,
}

/// What a walk through one part holds while it reads.
#[derive(Default)]
struct Part {
    /// The blocks read so far (in a notes part, the current note's text).
    out: String,
    /// The paragraph being read.
    paragraph: String,
    in_text: bool,
    in_properties: bool,
    /// The paragraph's list instance and level, if it names them.
    list: (Option<String>, Option<usize>),
    /// The paragraph's style, if it names one.
    style: Option<String>,
    /// The tables open, innermost last.
    tables: Vec<Table>,
    /// The id of the note being read.
    note: Option<String>,
}

impl Part {
    /// A table ends: its rows go into the enclosing table's open cell, or to the blocks.
    fn close_table(&mut self) {
        let Some(table) = self.tables.pop() else {
            return;
        };
        match self.tables.last_mut().and_then(|t| t.cell.as_mut()) {
            Some(cell) => {
                if !cell.is_empty() && !table.rows.is_empty() {
                    cell.push(' ');
                }
                cell.push_str(&table.rows.join("; "));
            }
            None if !table.rows.is_empty() => {
                self.out.push_str(&table.rows.join("\n"));
                self.out.push_str("\n\n");
            }
            None => {}
        }
    }
}

/// Reads WordprocessingML paragraphs, lists, tables and note references into text.
struct Walker<'n> {
    numbering: &'n Numbering,
    /// Per abstract list, the current number at each level (None: not counted yet). List
    /// instances of one abstract list continue one sequence, as Word numbers them.
    counters: FxHashMap<String, [Option<u32>; 9]>,
    /// List instances and levels whose start override has been applied.
    restarted: FxHashSet<(String, usize)>,
    /// The notes' text, by kind and id.
    notes: FxHashMap<(NoteKind, String), String>,
    /// Note references in the order they appear in the body.
    references: Vec<(NoteKind, String)>,
}

impl<'n> Walker<'n> {
    fn new(numbering: &'n Numbering) -> Self {
        Self {
            numbering,
            counters: FxHashMap::default(),
            restarted: FxHashSet::default(),
            notes: FxHashMap::default(),
            references: Vec::new(),
        }
    }

    /// Reads the notes of `word/footnotes.xml` or `word/endnotes.xml` (separators skipped).
    fn notes_part(&mut self, xml: &[u8], kind: NoteKind) -> Result<(), quick_xml::Error> {
        let mut notes = Vec::new();
        self.walk(xml, Some((kind, &mut notes)))?;
        self.notes
            .extend(notes.into_iter().map(|(id, text)| ((kind, id), text)));
        Ok(())
    }

    /// The text of the body.
    fn body(&mut self, xml: &[u8]) -> Result<String, quick_xml::Error> {
        self.walk(xml, None)
    }

    /// The body's text followed by the notes it refers to.
    fn with_notes(&self, body: String) -> String {
        let mut out = body;
        let mut notes = String::new();
        for (i, key) in self.references.iter().enumerate() {
            let text = self.notes.get(key).map_or("", String::as_str);
            notes.push_str(format!("[{}] {text}", i + 1).trim_end());
            notes.push_str("\n\n");
        }
        if !notes.is_empty() && !out.trim().is_empty() {
            out.push_str("\n\nNotes\n\n");
            out.push_str(&notes);
        }
        let trimmed = out.trim_end().len();
        out.truncate(trimmed);
        if !out.is_empty() {
            out.push('\n');
        }
        out
    }

    /// Walks a part. In a notes part (`notes` given), each `w:footnote`/`w:endnote`'s text is
    /// collected as one paragraph; in the body, the blocks are returned.
    fn walk(
        &mut self,
        xml: &[u8],
        mut notes: Option<(NoteKind, &mut Vec<(String, String)>)>,
    ) -> Result<String, quick_xml::Error> {
        let mut reader = quick_xml::Reader::from_reader(xml);
        let mut part = Part::default();
        let in_notes = notes.is_some();
        let mut buf = Vec::new();
        loop {
            let event = reader.read_event_into(&mut buf)?;
            let empty = matches!(event, Event::Empty(_));
            match event {
                Event::Start(e) | Event::Empty(e) => self.open(&mut part, &e, empty, in_notes),
                Event::End(e) => match e.local_name().as_ref() {
                    b"t" => part.in_text = false,
                    b"pPr" => part.in_properties = false,
                    b"p" => self.close_paragraph(&mut part),
                    b"tc" => {
                        if let Some(table) = part.tables.last_mut() {
                            table.cells.extend(table.cell.take());
                        }
                    }
                    b"tr" => {
                        if let Some(table) = part.tables.last_mut() {
                            let cells = std::mem::take(&mut table.cells);
                            if cells.iter().any(|c| !c.is_empty()) {
                                table.rows.push(cells.join(" | ").trim().to_owned());
                            }
                        }
                    }
                    b"tbl" => part.close_table(),
                    b"footnote" | b"endnote" => {
                        if let (Some((_, found)), Some(id)) = (notes.as_mut(), part.note.take()) {
                            let text = part.out.split_whitespace().collect::<Vec<_>>().join(" ");
                            found.push((id, text));
                        }
                        part.out.clear();
                    }
                    _ => {}
                },
                Event::Text(t) if part.in_text => {
                    let raw = String::from_utf8_lossy(t.as_ref()).into_owned();
                    part.paragraph.push_str(
                        &quick_xml::escape::unescape(&raw).map_or(raw.clone(), |s| s.into_owned()),
                    );
                }
                Event::GeneralRef(r) if part.in_text => {
                    let name = String::from_utf8_lossy(r.as_ref()).into_owned();
                    let entity = format!("&{name};");
                    part.paragraph.push_str(
                        &quick_xml::escape::unescape(&entity)
                            .map_or(entity.clone(), |s| s.into_owned()),
                    );
                }
                Event::Eof => break,
                _ => {}
            }
            buf.clear();
        }
        let mut out = part.out;
        let trimmed = out.trim_end().len();
        out.truncate(trimmed);
        Ok(out)
    }

    /// An element opens (or stands empty): text, breaks, a paragraph's list and style, a
    /// table cell, a note reference, a note.
    fn open(&mut self, part: &mut Part, e: &BytesStart<'_>, empty: bool, in_notes: bool) {
        match e.local_name().as_ref() {
            b"t" if !empty => part.in_text = true,
            b"tab" if !part.in_properties => part.paragraph.push('\t'),
            b"br" | b"cr" => part.paragraph.push('\n'),
            b"noBreakHyphen" => part.paragraph.push('-'),
            b"pPr" if !empty => part.in_properties = true,
            b"numId" if part.in_properties => part.list.0 = attr(e, b"val"),
            b"ilvl" if part.in_properties => {
                part.list.1 = attr(e, b"val").and_then(|v| v.parse().ok())
            }
            b"pStyle" if part.in_properties => part.style = attr(e, b"val"),
            b"tbl" if !empty => part.tables.push(Table::default()),
            b"tc" => {
                if let Some(table) = part.tables.last_mut() {
                    table.cell = Some(String::new());
                    if empty {
                        table.cells.extend(table.cell.take());
                    }
                }
            }
            b"footnoteReference" | b"endnoteReference" if !in_notes => {
                let kind = if e.local_name().as_ref() == b"footnoteReference" {
                    NoteKind::Footnote
                } else {
                    NoteKind::Endnote
                };
                if let Some(id) = attr(e, b"id") {
                    self.references.push((kind, id));
                    part.paragraph
                        .push_str(&format!("[{}]", self.references.len()));
                }
            }
            b"footnote" | b"endnote" if !empty && in_notes => {
                let separator = attr(e, b"type").is_some_and(|t| t != "normal");
                part.note = if separator { None } else { attr(e, b"id") };
                part.out.clear();
            }
            _ => {}
        }
    }

    /// A paragraph ends: its text, with its list marker, goes to the open table cell or to the
    /// part's blocks.
    fn close_paragraph(&mut self, part: &mut Part) {
        let numbered = match (part.list.0.take(), part.style.take()) {
            (Some(num_id), _) => Some((num_id, part.list.1.unwrap_or(0))),
            (None, Some(style)) => self
                .numbering
                .style_list(&style)
                .map(|(num_id, ilvl)| (num_id, part.list.1.or(ilvl).unwrap_or(0))),
            (None, None) => None,
        };
        part.list.1 = None;
        let marker = numbered.and_then(|list| self.marker(&list));
        let text = part.paragraph.trim();
        if !text.is_empty() {
            let text = match marker {
                Some(marker) => format!("{marker} {text}"),
                None => text.to_owned(),
            };
            match part.tables.last_mut().and_then(|t| t.cell.as_mut()) {
                Some(cell) => {
                    if !cell.is_empty() {
                        cell.push(' ');
                    }
                    cell.push_str(&text.replace(['\n', '\t'], " "));
                }
                None => {
                    part.out.push_str(&text);
                    part.out.push_str("\n\n");
                }
            }
        }
        part.paragraph.clear();
    }

    /// The marker of a list paragraph (list instance and level), counting it; None outside a
    /// list or for a level without one.
    fn marker(&mut self, list: &(String, usize)) -> Option<String> {
        let (num_id, ilvl) = list;
        let ilvl = (*ilvl).min(8);
        if num_id == "0" {
            return None;
        }
        let level = self.numbering.level(num_id, ilvl)?;
        let abstract_id = self.numbering.abstract_of.get(num_id)?.clone();
        let counters = self.counters.entry(abstract_id).or_insert([None; 9]);
        let key = (num_id.clone(), ilvl);
        counters[ilvl] = match self.numbering.overrides.get(&key) {
            // A start override restarts the level the first time its instance is used.
            Some(&start) if !self.restarted.contains(&key) => {
                self.restarted.insert(key);
                Some(start)
            }
            _ => Some(counters[ilvl].map_or(level.start, |n| n.saturating_add(1))),
        };
        for deeper in counters.iter_mut().skip(ilvl + 1) {
            *deeper = None;
        }
        let counters = *counters;
        match level.format.as_str() {
            "none" => None,
            "bullet" => Some("•".to_owned()),
            _ => {
                let mut text = level.text.clone();
                for (k, count) in counters.iter().enumerate().take(ilvl + 1).rev() {
                    let format = self
                        .numbering
                        .level(num_id, k)
                        .map_or("decimal", |l| l.format.as_str());
                    let start = self.numbering.level(num_id, k).map_or(1, |l| l.start);
                    let n = count.unwrap_or(start);
                    text = text.replace(&format!("%{}", k + 1), &format_number(n, format));
                }
                let text = text.trim().to_owned();
                (!text.is_empty()).then_some(text)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_their_formats() {
        assert_eq!(format_number(3, "lowerLetter"), "c");
        assert_eq!(format_number(28, "upperLetter"), "BB");
        assert_eq!(format_number(14, "lowerRoman"), "xiv");
        assert_eq!(format_number(4, "upperRoman"), "IV");
        assert_eq!(format_number(7, "decimal"), "7");
    }

    #[test]
    fn nested_lists_count_per_level() {
        let numbering = br#"<w:numbering xmlns:w="w"><w:abstractNum w:abstractNumId="3">
            <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
            <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl>
            </w:abstractNum><w:num w:numId="5"><w:abstractNumId w:val="3"/></w:num></w:numbering>"#;
        let numbering = Numbering::parse(numbering).expect("parses");
        let item = |level: u8, text: &str| {
            format!(
                r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="5"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
            )
        };
        let body = format!(
            r#"<w:document xmlns:w="w"><w:body>{}{}{}{}</w:body></w:document>"#,
            item(0, "One"),
            item(1, "sub"),
            item(1, "sub"),
            item(0, "Two")
        );
        let mut walker = Walker::new(&numbering);
        let text = walker.body(body.as_bytes()).expect("walks");
        assert_eq!(text, "1. One\n\n(a) sub\n\n(b) sub\n\n2. Two");
    }
}
