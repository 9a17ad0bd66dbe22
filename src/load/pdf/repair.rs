//! Repairs applied to the parsed document before `pdf-extract` reads it, for what it reads
//! wrongly.
//!
//! A CID font's glyph widths (`/W`) come in two forms: `c [w1 w2 ...]` (widths from code `c`
//! on) and `c_first c_last w` (one width for a range). `pdf-extract` 0.12 reads the second form
//! wrongly (it takes all three numbers from the first), so every glyph of such a range gets
//! the default width, and since it advances the pen by that width, the glyphs after it in the
//! same string are placed wrongly: words run together ("bilateralfree") or split ("COVID -19").
//! Chromium and fpdf2 write ranges for every run of glyphs of equal width. Rewriting each range
//! into the first form gives the parser the widths the producer wrote.

use pdf_extract::{Document, Object};

/// Most width entries written in all; a range past it is left as it is.
const MAX_WIDTH_ENTRIES: usize = 1 << 20;

/// Rewrites every CID font's `/W` ranges as lists of widths.
pub fn cid_widths(doc: &mut Document) {
    let fonts: Vec<_> = doc
        .objects
        .iter()
        .filter(|(_, object)| {
            object.as_dict().is_ok_and(|d| {
                d.get(b"Subtype")
                    .and_then(Object::as_name)
                    .is_ok_and(|s| s == b"CIDFontType0" || s == b"CIDFontType2")
            })
        })
        .map(|(id, _)| *id)
        .collect();
    let mut budget = MAX_WIDTH_ENTRIES;
    for id in fonts {
        let widths = match doc.get_dictionary(id).and_then(|d| d.get(b"W")) {
            Ok(Object::Array(widths)) => widths.clone(),
            Ok(Object::Reference(target)) => match doc.get_object(*target) {
                Ok(Object::Array(widths)) => widths.clone(),
                _ => continue,
            },
            _ => continue,
        };
        let Some(rewritten) = lists_only(&widths, &mut budget) else {
            continue;
        };
        if let Ok(dict) = doc.get_dictionary_mut(id) {
            dict.set("W", Object::Array(rewritten));
        }
    }
}

fn number(object: &Object) -> Option<f64> {
    match object {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(r) => Some(f64::from(*r)),
        _ => None,
    }
}

/// The `/W` array with its ranges written out, or `None` if it is malformed or too large.
fn lists_only(widths: &[Object], budget: &mut usize) -> Option<Vec<Object>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < widths.len() {
        let first = widths.get(i)?.as_i64().ok()?;
        match widths.get(i + 1)? {
            Object::Array(list) => {
                out.push(Object::Integer(first));
                out.push(Object::Array(list.clone()));
                i += 2;
            }
            last => {
                let last = last.as_i64().ok()?;
                let width = number(widths.get(i + 2)?)?;
                let count = usize::try_from(last.checked_sub(first)?.checked_add(1)?).ok()?;
                *budget = budget.checked_sub(count)?;
                out.push(Object::Integer(first));
                out.push(Object::Array(vec![Object::Real(width as f32); count]));
                i += 3;
            }
        }
    }
    Some(out)
}
