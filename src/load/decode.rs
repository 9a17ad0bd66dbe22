//! Bytes to text: byte-order marks (UTF-8, UTF-16 LE/BE), UTF-8, then legacy single-byte
//! encodings (Windows-1252 and kin) guessed by chardetng and decoded by encoding_rs. Line
//! endings are kept as they are (the engine reads CRLF and CR as line breaks).

use std::path::Path;

use super::{Encoding, LoadError};

/// Most damaged bytes (invalid UTF-8 sequences and NULs) a readable text may have to be
/// offered "open anyway": one in 200 bytes, and at least 8 (a bad copy from a PDF, a stray
/// NUL); more is binary data or another encoding.
fn damage_allowed(len: usize) -> usize {
    (len / 200).max(8)
}

/// Counts the damage in text that is UTF-8 but for some bytes: invalid sequences and NULs,
/// with the offset of the first. `None` when there is none, or too much for it to be text.
fn damage(bytes: &[u8]) -> Option<(usize, usize)> {
    let mut count = 0;
    let mut first = None;
    let mut at = 0;
    let mut rest = bytes;
    loop {
        let valid_len = match std::str::from_utf8(rest) {
            Ok(_) => rest.len(),
            Err(e) => e.valid_up_to(),
        };
        // NULs inside the valid stretch are damage too.
        for (i, &b) in rest[..valid_len].iter().enumerate() {
            if b == 0 {
                count += 1;
                first.get_or_insert(at + i);
            }
        }
        if valid_len == rest.len() {
            break;
        }
        let bad = std::str::from_utf8(&rest[valid_len..])
            .err()
            .and_then(|e| e.error_len())
            .unwrap_or(rest.len() - valid_len)
            .max(1);
        count += 1;
        first.get_or_insert(at + valid_len);
        at += valid_len + bad;
        rest = rest.get(valid_len + bad..).unwrap_or(&[]);
    }
    let first = first?;
    (count <= damage_allowed(bytes.len())).then_some((count, first))
}

/// Decodes `bytes` as UTF-8 with each invalid sequence and NUL replaced by U+FFFD; the
/// encoding's name says how many were.
pub fn decode_anyway(path: &Path, bytes: &[u8]) -> Result<(String, Encoding), LoadError> {
    let Some((count, _)) = damage(bytes) else {
        return decode(path, bytes);
    };
    let text = String::from_utf8_lossy(bytes).replace('\0', "\u{FFFD}");
    Ok((
        text,
        Encoding {
            name: "UTF-8".to_owned(),
            replaced: count,
        },
    ))
}

/// Decodes `bytes` to text and names the encoding, or says why they are not text.
pub fn decode(path: &Path, bytes: &[u8]) -> Result<(String, Encoding), LoadError> {
    let damaged = |(count, first): (usize, usize)| LoadError::Damaged {
        path: path.to_path_buf(),
        count,
        first,
    };
    let not_text = |reason: String| LoadError::NotText {
        path: path.to_path_buf(),
        reason,
    };
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        if had_errors {
            return Err(not_text(format!(
                "invalid {} after its byte-order mark",
                encoding.name()
            )));
        }
        return checked(
            path,
            text.into_owned(),
            Encoding::new(format!("{} (BOM)", encoding.name())),
        );
    }
    if let Some(kind) = binary_signature(bytes) {
        return Err(not_text(format!("binary data: looks like {kind}")));
    }
    // `contains` scans a word at a time; most texts have no NUL to find the place of.
    if bytes.contains(&0)
        && let Some(at) = bytes.iter().position(|&b| b == 0)
    {
        // A few stray NULs in otherwise readable UTF-8 text can be opened anyway.
        if let Some(found) = damage(bytes) {
            return Err(damaged(found));
        }
        return Err(not_text(format!("binary data: NUL byte at offset {at}")));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => checked(path, text.to_owned(), Encoding::new("UTF-8")),
        Err(utf8_error) => {
            let invalid = || {
                not_text(format!(
                    "invalid UTF-8 at byte {} and not a recognisable legacy encoding",
                    utf8_error.valid_up_to()
                ))
            };
            // Text in a legacy single-byte encoding practically never holds a valid multi-byte
            // UTF-8 sequence; a file that does is broken UTF-8, not Windows-1252: with a few
            // bad bytes (a bad copy from a PDF) it can be opened anyway.
            if has_utf8_multibyte(bytes) {
                return Err(damage(bytes).map_or_else(invalid, damaged));
            }
            let mut detector =
                chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
            detector.feed(bytes, true);
            let encoding = detector.guess(None, chardetng::Utf8Detection::Deny);
            let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
            if had_errors {
                return Err(invalid());
            }
            checked(path, text.into_owned(), Encoding::new(encoding.name())).map_err(|_| invalid())
        }
    }
}

/// Whether `bytes` contain at least one well-formed multi-byte UTF-8 sequence.
fn has_utf8_multibyte(bytes: &[u8]) -> bool {
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(valid) => return !valid.is_ascii(),
            Err(e) => {
                let (valid, after) = rest.split_at(e.valid_up_to());
                // from_utf8 only errors after the valid prefix, which is safe to check.
                if std::str::from_utf8(valid).is_ok_and(|v| !v.is_ascii()) {
                    return true;
                }
                let skip = e.error_len().unwrap_or(after.len()).max(1);
                rest = after.get(skip..).unwrap_or(&[]);
                if rest.is_empty() {
                    return false;
                }
            }
        }
    }
}

/// Rejects decoded text that holds control characters no statement has (a sign of binary
/// data decoded as text).
fn checked(path: &Path, text: String, encoding: Encoding) -> Result<(String, Encoding), LoadError> {
    let controls = if text.is_ascii() {
        ascii_controls(text.as_bytes())
    } else {
        text.chars()
            .filter(|&c| {
                (c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}')) || c == '\u{fffd}'
            })
            .count()
    };
    if controls > 0 && controls * 1000 > text.chars().count() {
        return Err(LoadError::NotText {
            path: path.to_path_buf(),
            reason: format!("binary data: {controls} control characters"),
        });
    }
    Ok((text, encoding))
}

/// How many of ASCII `bytes` are control characters other than line breaks, tabs and form
/// feeds (below 0x20, or 0x7f): the count [`checked`] makes of `char`s, by bytes, without a
/// branch, so that it runs 16 bytes at a time (a byte-by-byte filter was 11 instructions a
/// byte, a tenth of loading a text).
fn ascii_controls(bytes: &[u8]) -> usize {
    let control = |b: u8| {
        let allowed = (b == b'\n') | (b == b'\r') | (b == b'\t') | (b == 0x0c);
        u8::from(((b < 0x20) & !allowed) | (b == 0x7f))
    };
    // A byte counter per chunk of at most 255 bytes cannot overflow.
    bytes
        .chunks(255)
        .map(|chunk| usize::from(chunk.iter().fold(0u8, |n, &b| n + control(b))))
        .sum()
}

/// Names common binary formats by their first bytes.
fn binary_signature(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF87a", "a GIF image"),
        (b"GIF89a", "a GIF image"),
        (b"\x7FELF", "an executable"),
        (b"\x1F\x8B", "gzip-compressed data"),
        (
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
            "an old Office document (.doc); save it as .docx",
        ),
        (b"RIFF", "audio or video"),
        (b"\x00\x00\x01\x00", "an icon"),
    ];
    SIGNATURES
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|(_, kind)| *kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The branch-free count of controls is the count of `char`s it stands for.
    #[test]
    fn ascii_controls_are_counted_as_chars_are() {
        let mut bytes: Vec<u8> = (0u8..=0x7f).cycle().take(5000).collect();
        bytes.extend_from_slice(b"plain text\n\r\t\x0c\x7f\x00");
        let by_chars = |bytes: &[u8]| {
            bytes
                .iter()
                .map(|&b| char::from(b))
                .filter(|&c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
                .count()
        };
        for end in [0, 1, 31, 255, 256, 1000, bytes.len()] {
            assert_eq!(ascii_controls(&bytes[..end]), by_chars(&bytes[..end]));
        }
        assert_eq!(ascii_controls(b"a line\n\tand\r\n\x0c"), 0);
    }

    fn run(bytes: &[u8]) -> Result<(String, Encoding), LoadError> {
        decode(Path::new("x.txt"), bytes)
    }

    #[test]
    fn encodings_are_detected() {
        assert_eq!(
            run("Chargé".as_bytes())
                .map(|r| r.1.to_string())
                .ok()
                .as_deref(),
            Some("UTF-8")
        );
        let bom = [&b"\xEF\xBB\xBF"[..], "Chargé".as_bytes()].concat();
        assert_eq!(
            run(&bom).ok(),
            Some(("Chargé".into(), "UTF-8 (BOM)".into()))
        );
        let utf16le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Dar’s".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(
            run(&utf16le).ok(),
            Some(("Dar’s".into(), "UTF-16LE (BOM)".into()))
        );
        let utf16be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("Dar".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(run(&utf16be).map(|r| r.0).ok().as_deref(), Some("Dar"));
        let (cp1252, _, _) = encoding_rs::WINDOWS_1252
            .encode("The Chargé d’Affaires said the “dialogue” was constructive and that both sides agreed.");
        let (text, encoding) = run(&cp1252).expect("legacy text decodes");
        assert!(text.contains("Chargé d’Affaires"));
        assert_eq!(encoding, "windows-1252");
    }

    #[test]
    fn a_few_bad_bytes_in_utf8_text_can_be_opened_anyway() {
        let mut bytes = "Pakistan’s statement on the dialogue, with one bad byte: "
            .as_bytes()
            .to_vec();
        bytes.push(0xC3);
        bytes.extend_from_slice(" and a stray NUL".as_bytes());
        bytes.push(0);
        bytes.extend_from_slice(" in it.\n".as_bytes());
        let path = Path::new("bad.txt");
        match decode(path, &bytes) {
            Err(LoadError::Damaged { count, first, .. }) => {
                assert_eq!((count, first), (2, 59));
            }
            other => panic!("not offered to open anyway: {other:?}"),
        }
        let (text, encoding) = decode_anyway(path, &bytes).expect("opened anyway");
        assert_eq!(text.matches('\u{FFFD}').count(), 2, "{text:?}");
        assert!(text.starts_with("Pakistan’s statement"));
        assert_eq!(encoding, "UTF-8, 2 damaged bytes replaced with U+FFFD");
    }

    #[test]
    fn binary_is_refused() {
        assert!(run(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").is_err());
        assert!(run(b"abc\0def").is_err());
        let noise: Vec<u8> = (0..4000u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8 | 1)
            .collect();
        assert!(
            run(&noise).is_err(),
            "random bytes are not a legacy encoding"
        );
    }
}
