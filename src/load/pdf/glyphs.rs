//! Positioned glyphs from the PDF's drawing commands: `pdf-extract` interprets each page's
//! content stream and calls [`OutputDev::output_character`] for every glyph with its text
//! rendering matrix; this collector keeps upright glyphs with their box on the page, in page
//! space (points, origin at the page's lower left, y up), and turns the characters that only
//! matter to typesetting (ligatures, no-break and other spaces, zero-width marks) into plain
//! text. Nothing here decides about words or lines: that is [`super::layout`].

use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

/// Most glyphs read from one document (a 50-page statement has about 150 000): past it the
/// file is refused as a text bomb rather than laid out.
pub const MAX_GLYPHS: usize = 4_000_000;

/// One glyph as drawn: its box on the page and the text it stands for.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    /// Left edge of the glyph's advance, in points.
    pub x0: f64,
    /// Right edge of the glyph's advance.
    pub x1: f64,
    /// Baseline.
    pub y: f64,
    /// Font size on the page (the text matrix's vertical scale included), in points.
    pub size: f64,
    /// The characters, already plain (ligatures expanded, spaces and zero-width marks out).
    pub text: String,
    /// A space character (or a no-break or other typographic space) came just before it.
    pub space_before: bool,
}

/// One page's glyphs in drawing order.
#[derive(Debug, Clone, Default)]
pub struct Page {
    /// The glyphs.
    pub glyphs: Vec<Glyph>,
}

/// An [`OutputDev`] that records glyphs page by page.
#[derive(Default)]
pub struct Collector {
    /// Pages finished and the one being read.
    pub pages: Vec<Page>,
    /// Lower-left corner of the current page's media box (glyphs are made relative to it).
    origin: (f64, f64),
    /// A space was seen and no glyph has followed it yet.
    pending_space: bool,
    /// Glyphs recorded so far, all pages.
    count: usize,
    /// Set when [`MAX_GLYPHS`] was passed (the parser is then stopped with an error).
    pub too_many: bool,
}

/// What a decoded character becomes in plain text.
enum Plain {
    /// A word separator.
    Space,
    /// Nothing (a zero-width or control character).
    Drop,
    /// These characters.
    Text(&'static str),
    /// The character itself.
    Keep(char),
}

/// Plain form of one character: ligatures expanded, typographic spaces made spaces, invisible
/// marks dropped. A soft hyphen is kept: the layout decides whether it ends a line.
fn plain(c: char) -> Plain {
    match c {
        ' ' | '\t' | '\u{A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => {
            Plain::Space
        }
        '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' => Plain::Drop,
        '\u{FB00}' => Plain::Text("ff"),
        '\u{FB01}' => Plain::Text("fi"),
        '\u{FB02}' => Plain::Text("fl"),
        '\u{FB03}' => Plain::Text("ffi"),
        '\u{FB04}' => Plain::Text("ffl"),
        '\u{FB05}' | '\u{FB06}' => Plain::Text("st"),
        c if c.is_control() => Plain::Drop,
        c => Plain::Keep(c),
    }
}

impl OutputDev for Collector {
    fn begin_page(
        &mut self,
        _page_num: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.origin = (media_box.llx, media_box.lly);
        self.pending_space = false;
        self.pages.push(Page::default());
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        char: &str,
    ) -> Result<(), OutputError> {
        let mut text = String::new();
        let mut space = false;
        for c in char.chars() {
            match plain(c) {
                Plain::Space => space = true,
                Plain::Drop => {}
                Plain::Text(s) => text.push_str(s),
                Plain::Keep(c) => text.push(c),
            }
        }
        if text.is_empty() {
            self.pending_space |= space;
            return Ok(());
        }
        // Upright text only: rotated or mirrored glyphs are stamps, watermarks and margin notes.
        let (horizontal, vertical) = (trm.m11 * font_size, trm.m22 * font_size);
        let upright = horizontal > 0.0
            && vertical > 0.0
            && trm.m12.abs() * 10.0 <= trm.m11.abs()
            && trm.m21.abs() * 10.0 <= trm.m22.abs();
        let finite = [trm.m31, trm.m32, width, horizontal, vertical]
            .iter()
            .all(|v| v.is_finite());
        if !upright || !finite {
            self.pending_space = false;
            return Ok(());
        }
        self.count += 1;
        if self.count > MAX_GLYPHS {
            self.too_many = true;
            return Err(OutputError::FormatError(std::fmt::Error));
        }
        let x0 = trm.m31 - self.origin.0;
        let glyph = Glyph {
            x0,
            x1: x0 + width.max(0.0) * horizontal,
            y: trm.m32 - self.origin.1,
            size: vertical,
            text,
            space_before: std::mem::take(&mut self.pending_space) || space,
        };
        if self.pages.is_empty() {
            self.pages.push(Page::default());
        }
        if let Some(page) = self.pages.last_mut() {
            // The same glyph drawn again at (almost) the same place is a fake bold or a shadow.
            let tolerance = glyph.size * 0.15;
            let repeated = page.glyphs.iter().rev().take(4).any(|g| {
                g.text == glyph.text
                    && (g.x0 - glyph.x0).abs() < tolerance
                    && (g.y - glyph.y).abs() < tolerance
            });
            if !repeated {
                page.glyphs.push(glyph);
            }
        }
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}
