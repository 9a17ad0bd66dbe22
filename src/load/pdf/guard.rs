//! Checks that keep a hostile PDF from exhausting memory or the stack before the parser sees
//! it: compressed streams that inflate past a limit (a "zip bomb" in PDF form), and form
//! XObjects that draw themselves (the parser follows `Do` recursively) or nest too deep, and
//! a page tree whose `Parent` links loop. Each check answers with the reason in words.

use std::collections::HashSet;
use std::io::Read;

use pdf_extract::{Document, Object, ObjectId, content::Content};

/// Most bytes one compressed stream may inflate to.
const MAX_STREAM_BYTES: u64 = 64 * 1024 * 1024;

/// Most bytes all compressed streams together may inflate to.
const MAX_INFLATED_BYTES: u64 = 256 * 1024 * 1024;

/// Deepest nesting of form XObjects followed (real documents use a handful).
const MAX_FORM_DEPTH: usize = 24;

/// Most form XObject visits the nesting check makes before giving up on the file.
const MAX_FORM_VISITS: usize = 20_000;

/// Deepest page tree followed from a page to its root.
const MAX_TREE_DEPTH: usize = 64;

/// Inflates every Flate-compressed stream of the raw file, counting bytes without keeping
/// them, and says so if one or all of them would be too large. Runs on the bytes before
/// parsing because the parser inflates streams without a limit.
pub fn inflated_size(bytes: &[u8]) -> Result<(), String> {
    let mut total: u64 = 0;
    let mut rest = bytes;
    while let Some(start) = find(rest, b"stream") {
        let after = &rest[start + b"stream".len()..];
        let preceded_by_end = start >= 3 && rest.get(start - 3..start) == Some(b"end");
        rest = after;
        if preceded_by_end {
            continue;
        }
        let data = match after {
            [b'\r', b'\n', data @ ..] | [b'\n', data @ ..] | [b'\r', data @ ..] => data,
            _ => continue,
        };
        let end = find(data, b"endstream").unwrap_or(data.len());
        let data = &data[..end];
        let size = inflate_count(flate2::read::ZlibDecoder::new(data))
            .max(inflate_count(flate2::read::DeflateDecoder::new(data)));
        if size > MAX_STREAM_BYTES {
            return Err(format!(
                "a compressed stream expands to over {} MiB (a PDF bomb?)",
                MAX_STREAM_BYTES >> 20
            ));
        }
        total += size;
        if total > MAX_INFLATED_BYTES {
            return Err(format!(
                "its compressed streams expand to over {} MiB (a PDF bomb?)",
                MAX_INFLATED_BYTES >> 20
            ));
        }
        rest = &data[end..];
    }
    Ok(())
}

/// Bytes `decoder` gives before it ends, fails, or passes one byte over the per-stream limit.
fn inflate_count(decoder: impl Read) -> u64 {
    let mut counted = 0;
    let mut limited = decoder.take(MAX_STREAM_BYTES + 1);
    let mut buffer = [0u8; 64 * 1024];
    loop {
        match limited.read(&mut buffer) {
            Ok(0) | Err(_) => return counted,
            Ok(n) => counted += n as u64,
        }
    }
}

/// Position of `needle` in `haystack`.
fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

/// Checks the parsed document's structure for what would send the parser into unbounded
/// recursion: a page whose `Parent` chain loops, a form XObject drawn from within itself.
pub fn structure(doc: &Document) -> Result<(), String> {
    let mut visits = 0;
    for (_, page_id) in doc.get_pages() {
        let mut seen = HashSet::new();
        let mut current = page_id;
        loop {
            if !seen.insert(current) || seen.len() > MAX_TREE_DEPTH {
                return Err("its page tree loops on itself".into());
            }
            let parent = doc
                .get_dictionary(current)
                .ok()
                .and_then(|d| d.get(b"Parent").ok())
                .and_then(|p| p.as_reference().ok());
            match parent {
                Some(parent) => current = parent,
                None => break,
            }
        }
        let resources = inherited_resources(doc, page_id);
        let mut path = Vec::new();
        forms(
            doc,
            resources,
            &page_content_names(doc, page_id),
            &mut path,
            &mut visits,
        )?;
    }
    Ok(())
}

/// The names a page's content draws with `Do`.
fn page_content_names(doc: &Document, page_id: ObjectId) -> Vec<Vec<u8>> {
    doc.get_page_content(page_id)
        .ok()
        .map(|content| drawn_names(&content))
        .unwrap_or_default()
}

/// The names a content stream draws with `Do`.
fn drawn_names(content: &[u8]) -> Vec<Vec<u8>> {
    let Ok(content) = Content::decode(content) else {
        return Vec::new();
    };
    content
        .operations
        .iter()
        .filter(|op| op.operator == "Do")
        .filter_map(|op| op.operands.first()?.as_name().ok().map(<[u8]>::to_vec))
        .collect()
}

/// The page's resource dictionary, looked up through its parents as the parser does.
fn inherited_resources(doc: &Document, page_id: ObjectId) -> Option<&pdf_extract::Dictionary> {
    let mut current = doc.get_dictionary(page_id).ok()?;
    for _ in 0..MAX_TREE_DEPTH {
        if let Ok(resources) = current.get(b"Resources") {
            return dereference(doc, resources)?.as_dict().ok();
        }
        let parent = current.get(b"Parent").ok()?.as_reference().ok()?;
        current = doc.get_dictionary(parent).ok()?;
    }
    None
}

fn dereference<'a>(doc: &'a Document, object: &'a Object) -> Option<&'a Object> {
    match object {
        Object::Reference(id) => doc.get_object(*id).ok(),
        other => Some(other),
    }
}

/// Follows the forms drawn by `names` under `resources`, failing on a form that is already
/// being drawn (`path`) or on nesting past [`MAX_FORM_DEPTH`].
fn forms(
    doc: &Document,
    resources: Option<&pdf_extract::Dictionary>,
    names: &[Vec<u8>],
    path: &mut Vec<ObjectId>,
    visits: &mut usize,
) -> Result<(), String> {
    let Some(xobjects) = resources
        .and_then(|r| r.get(b"XObject").ok())
        .and_then(|x| dereference(doc, x))
        .and_then(|x| x.as_dict().ok())
    else {
        return Ok(());
    };
    for name in names {
        let Some(id) = xobjects.get(name).ok().and_then(|o| o.as_reference().ok()) else {
            continue;
        };
        if path.contains(&id) {
            return Err("a drawing in it draws itself (a PDF bomb?)".into());
        }
        *visits += 1;
        if path.len() >= MAX_FORM_DEPTH || *visits > MAX_FORM_VISITS {
            return Err("its drawings are nested too deep to read".into());
        }
        let Ok(stream) = doc.get_object(id).and_then(Object::as_stream) else {
            continue;
        };
        let is_form = stream
            .dict
            .get(b"Subtype")
            .and_then(Object::as_name)
            .is_ok_and(|s| s == b"Form");
        if !is_form {
            continue;
        }
        let own = stream
            .dict
            .get(b"Resources")
            .ok()
            .and_then(|r| dereference(doc, r))
            .and_then(|r| r.as_dict().ok());
        let content = stream
            .decompressed_content()
            .unwrap_or_else(|_| stream.content.clone());
        let inner = drawn_names(&content);
        path.push(id);
        let result = forms(doc, own.or(resources), &inner, path, visits);
        path.pop();
        result?;
    }
    Ok(())
}
