//! `word/numbering.xml` and the numbering of `word/styles.xml`: the list definitions that
//! give a list paragraph its marker ("1.", "a)", "iv.").

use quick_xml::events::Event;
use rustc_hash::FxHashMap;

use super::attr;

/// One level of a list definition.
#[derive(Debug, Clone)]
pub(super) struct Level {
    /// `decimal`, `lowerLetter`, `upperRoman`, `bullet`, `none`, ...
    pub(super) format: String,
    /// The marker with `%1`..`%9` standing for the levels' numbers ("%1.", "%1.%2.").
    pub(super) text: String,
    pub(super) start: u32,
}

/// `word/numbering.xml`: which abstract list each list instance uses, and its levels.
#[derive(Debug, Default)]
pub(super) struct Numbering {
    pub(super) abstract_of: FxHashMap<String, String>,
    pub(super) levels: FxHashMap<(String, usize), Level>,
    /// A list instance's `w:startOverride`s: it restarts these levels at these numbers.
    pub(super) overrides: FxHashMap<(String, usize), u32>,
    /// Paragraph styles of `word/styles.xml` that number their paragraphs (Word's "List
    /// Number", "List Bullet"): style id to its list instance, level and parent style.
    pub(super) styles: FxHashMap<String, StyleList>,
}

/// A paragraph style's numbering: its own `w:numPr` and the style it is based on.
#[derive(Debug, Default, Clone)]
pub(super) struct StyleList {
    pub(super) num_id: Option<String>,
    pub(super) ilvl: Option<usize>,
    pub(super) based_on: Option<String>,
}

impl Numbering {
    pub(super) fn parse(xml: &[u8]) -> Result<Self, quick_xml::Error> {
        let mut numbering = Self::default();
        let mut reader = quick_xml::Reader::from_reader(xml);
        let mut buf = Vec::new();
        let mut abstract_id: Option<String> = None;
        let mut level: Option<(usize, Level)> = None;
        let mut num_id: Option<String> = None;
        let mut override_level: Option<usize> = None;
        loop {
            let event = reader.read_event_into(&mut buf)?;
            let empty = matches!(event, Event::Empty(_));
            match event {
                Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                    b"abstractNum" if !empty => abstract_id = attr(&e, b"abstractNumId"),
                    b"lvl" if !empty && abstract_id.is_some() => {
                        let ilvl = attr(&e, b"ilvl").and_then(|v| v.parse().ok()).unwrap_or(0);
                        level = Some((
                            ilvl,
                            Level {
                                format: "decimal".into(),
                                text: format!("%{}.", ilvl + 1),
                                start: 1,
                            },
                        ));
                    }
                    b"start" => {
                        if let (Some((_, l)), Some(v)) = (&mut level, attr(&e, b"val")) {
                            l.start = v.parse().unwrap_or(1);
                        }
                    }
                    b"numFmt" => {
                        if let (Some((_, l)), Some(v)) = (&mut level, attr(&e, b"val")) {
                            l.format = v;
                        }
                    }
                    b"lvlText" => {
                        if let (Some((_, l)), Some(v)) = (&mut level, attr(&e, b"val")) {
                            l.text = v;
                        }
                    }
                    b"num" if !empty => num_id = attr(&e, b"numId"),
                    b"lvlOverride" => {
                        override_level = attr(&e, b"ilvl").and_then(|v| v.parse().ok());
                    }
                    b"startOverride" => {
                        if let (Some(num), Some(ilvl), Some(v)) =
                            (&num_id, override_level, attr(&e, b"val"))
                        {
                            let start = v.parse().unwrap_or(1);
                            numbering.overrides.insert((num.clone(), ilvl), start);
                        }
                    }
                    b"abstractNumId" => {
                        if let (Some(num), Some(v)) = (&num_id, attr(&e, b"val")) {
                            numbering.abstract_of.insert(num.clone(), v);
                        }
                    }
                    _ => {}
                },
                Event::End(e) => match e.local_name().as_ref() {
                    b"lvl" => {
                        if let (Some(id), Some((ilvl, l))) = (&abstract_id, level.take()) {
                            numbering.levels.insert((id.clone(), ilvl), l);
                        }
                    }
                    b"abstractNum" => abstract_id = None,
                    b"num" => num_id = None,
                    b"lvlOverride" => override_level = None,
                    _ => {}
                },
                Event::Eof => break,
                _ => {}
            }
            buf.clear();
        }
        Ok(numbering)
    }

    /// Reads the numbering of the paragraph styles of `word/styles.xml`.
    pub(super) fn parse_styles(&mut self, xml: &[u8]) -> Result<(), quick_xml::Error> {
        let mut reader = quick_xml::Reader::from_reader(xml);
        let mut buf = Vec::new();
        let mut style: Option<(String, StyleList)> = None;
        loop {
            match reader.read_event_into(&mut buf)? {
                Event::Start(e) if e.local_name().as_ref() == b"style" => {
                    style = attr(&e, b"styleId").map(|id| (id, StyleList::default()));
                }
                Event::Start(e) | Event::Empty(e) => {
                    if let Some((_, list)) = &mut style {
                        match e.local_name().as_ref() {
                            b"numId" => list.num_id = attr(&e, b"val"),
                            b"ilvl" => list.ilvl = attr(&e, b"val").and_then(|v| v.parse().ok()),
                            b"basedOn" => list.based_on = attr(&e, b"val"),
                            _ => {}
                        }
                    }
                }
                Event::End(e) if e.local_name().as_ref() == b"style" => {
                    if let Some((id, list)) = style.take()
                        && (list.num_id.is_some() || list.based_on.is_some())
                    {
                        self.styles.insert(id, list);
                    }
                }
                Event::Eof => break,
                _ => {}
            }
            buf.clear();
        }
        Ok(())
    }

    /// The list instance and level a paragraph style numbers its paragraphs with, following
    /// the styles it is based on (at most ten deep, so a loop of styles ends).
    pub(super) fn style_list(&self, style: &str) -> Option<(String, Option<usize>)> {
        let mut current = self.styles.get(style)?;
        let mut ilvl = current.ilvl;
        for _ in 0..10 {
            ilvl = ilvl.or(current.ilvl);
            if let Some(num_id) = &current.num_id {
                return Some((num_id.clone(), ilvl));
            }
            current = self.styles.get(current.based_on.as_deref()?)?;
        }
        None
    }

    /// The level of list instance `num_id` at `ilvl`.
    pub(super) fn level(&self, num_id: &str, ilvl: usize) -> Option<&Level> {
        let abstract_id = self.abstract_of.get(num_id)?;
        self.levels.get(&(abstract_id.clone(), ilvl))
    }
}

/// `n` written in a list level's number format.
pub(super) fn format_number(n: u32, format: &str) -> String {
    match format {
        "lowerLetter" | "upperLetter" => {
            // a..z, then aa..zz, as Word counts.
            let n = n.max(1) - 1;
            let letter = char::from(b'a' + (n % 26) as u8);
            let text = letter.to_string().repeat((n / 26) as usize + 1);
            if format == "upperLetter" {
                text.to_uppercase()
            } else {
                text
            }
        }
        "lowerRoman" | "upperRoman" => {
            let roman = roman(n);
            if format == "upperRoman" {
                roman.to_uppercase()
            } else {
                roman
            }
        }
        "decimalZero" if n < 10 => format!("0{n}"),
        _ => n.to_string(),
    }
}

pub(super) fn roman(mut n: u32) -> String {
    const NUMERALS: &[(u32, &str)] = &[
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    let mut out = String::new();
    for &(value, numeral) in NUMERALS {
        while n >= value {
            out.push_str(numeral);
            n -= value;
        }
    }
    out
}
