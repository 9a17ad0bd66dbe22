//! .docx to text: the paragraphs of `word/document.xml` in order (runs joined, tabs and line
//! breaks kept), read with `zip` and `quick-xml`. Decompression is capped at
//! [`super::MAX_TEXT_BYTES`] so a zip bomb cannot exhaust memory.

use std::io::{Cursor, Read};
use std::path::Path;

use quick_xml::events::Event;

use super::{LoadError, MAX_TEXT_BYTES};

/// Extracts the text of a .docx held in `bytes`.
pub fn extract(path: &Path, bytes: &[u8]) -> Result<String, LoadError> {
    let bad = |reason: String| LoadError::BadDocument {
        path: path.to_path_buf(),
        reason,
    };
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| bad(format!("not a valid .docx (bad zip archive: {e})")))?;
    let mut entry = archive
        .by_name("word/document.xml")
        .map_err(|_| bad("not a Word .docx (the archive has no word/document.xml)".into()))?;
    let mut xml = Vec::new();
    entry
        .by_ref()
        .take(MAX_TEXT_BYTES + 1)
        .read_to_end(&mut xml)
        .map_err(|e| {
            bad(format!(
                "corrupt .docx (cannot decompress word/document.xml: {e})"
            ))
        })?;
    if xml.len() as u64 > MAX_TEXT_BYTES {
        return Err(bad(format!(
            "word/document.xml expands past {MAX_TEXT_BYTES} bytes"
        )));
    }
    paragraphs(&xml).map_err(|e| bad(format!("corrupt .docx (bad XML in word/document.xml: {e})")))
}

/// Text of the `w:p` paragraphs of a WordprocessingML body, one blank line between them.
fn paragraphs(xml: &[u8]) -> Result<String, quick_xml::Error> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut out = String::new();
    let mut paragraph = String::new();
    let mut in_text = false;
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf)? {
            Event::Start(e) if e.local_name().as_ref() == b"t" => in_text = true,
            Event::End(e) if e.local_name().as_ref() == b"t" => in_text = false,
            Event::Empty(e) | Event::Start(e) if matches!(e.local_name().as_ref(), b"tab") => {
                paragraph.push('\t')
            }
            Event::Empty(e) if matches!(e.local_name().as_ref(), b"br" | b"cr") => {
                paragraph.push('\n')
            }
            Event::End(e) if e.local_name().as_ref() == b"p" => {
                let text = paragraph.trim();
                if !text.is_empty() {
                    out.push_str(text);
                    out.push_str("\n\n");
                }
                paragraph.clear();
            }
            Event::Text(t) if in_text => {
                let raw = String::from_utf8_lossy(t.as_ref()).into_owned();
                paragraph.push_str(
                    &quick_xml::escape::unescape(&raw).map_or(raw.clone(), |s| s.into_owned()),
                );
            }
            Event::GeneralRef(r) if in_text => {
                let name = String::from_utf8_lossy(r.as_ref()).into_owned();
                let entity = format!("&{name};");
                paragraph.push_str(
                    &quick_xml::escape::unescape(&entity)
                        .map_or(entity.clone(), |s| s.into_owned()),
                );
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    if !out.is_empty() {
        out.push('\n');
    }
    Ok(out)
}
