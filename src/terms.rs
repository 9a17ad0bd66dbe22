//! The analyst's terms: rows added to the engine's two tables, equivalent terms
//! (`assets/equivalences.txt`: "US | U.S. | United States") and the counterparts vocabulary
//! (`assets/counterparts.txt`: "reaffirm | reiterate").
//!
//! Kept in the app's settings, and written to and read from a plain text file: the format the
//! command line's `--equivalences FILE` reads, extended by a `[counterparts]` line after which
//! the lines are counterparts. A row turned off is written as a comment, `# off: ...`, so the
//! command line skips it and an import brings it back turned off.

use serde::{Deserialize, Serialize};

use crate::engine::{Equivalences, Lexicon, TableError};

/// The built-in table of counterparts, as text (rows the terms window lists apart).
pub const BUILTIN_COUNTERPARTS: &str = include_str!("../assets/counterparts.txt");
/// The built-in table of equivalent terms, as text.
pub const BUILTIN_EQUIVALENCES: &str = include_str!("../assets/equivalences.txt");

/// The line that starts the counterparts in a terms file.
pub const COUNTERPARTS_HEADER: &str = "[counterparts]";
/// What starts a row turned off in a terms file.
const OFF: &str = "# off: ";

/// Which table a row belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Table {
    /// Equivalent terms: different wordings of one thing (word diff and links).
    Equivalent,
    /// Counterparts vocabulary: words that count as one concept for the links.
    Counterpart,
}

impl Table {
    /// What the terms window calls it.
    pub fn name(self) -> &'static str {
        match self {
            Self::Equivalent => "equivalent terms",
            Self::Counterpart => "counterparts",
        }
    }
}

/// One row the analyst taught.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Term {
    /// Its table.
    pub table: Table,
    /// The line, in the table's format ("COAS | Army Chief | Field Marshal").
    pub line: String,
    /// Whether it applies (a row turned off is kept, not applied).
    pub enabled: bool,
}

impl Term {
    /// An enabled row.
    pub fn new(table: Table, line: impl Into<String>) -> Self {
        Self {
            table,
            line: line.into(),
            enabled: true,
        }
    }

    /// Why the row cannot be read, if it cannot (an equivalence line with an empty form,
    /// say); counterparts lines are read leniently, as the built-in table is.
    pub fn problem(&self) -> Option<String> {
        let line = self.line.trim();
        if line.is_empty() {
            return Some("the row is empty".into());
        }
        match self.table {
            Table::Equivalent => Equivalences::parse(line).err().map(|e| e.message.clone()),
            Table::Counterpart => {
                (!line.contains('|') && !line.contains('=') && !line.contains(':'))
                    .then(|| "write the forms separated by \" | \", the concept first".into())
            }
        }
    }
}

/// The analyst's rows, in the order taught.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Terms {
    /// The rows.
    pub rows: Vec<Term>,
}

impl Terms {
    /// Reads a terms file: equivalence lines, then (after a `[counterparts]` line)
    /// counterparts lines; `# off: ` lines are rows turned off, other comments are skipped.
    /// An equivalence line that cannot be read is an error naming its line.
    pub fn parse(text: &str) -> Result<Self, TableError> {
        let mut rows = Vec::new();
        let mut table = Table::Equivalent;
        // The enabled equivalence rows at their own lines, to check them together (a form
        // belongs to one group) with the file's line numbers.
        let mut together = String::new();
        for (index, raw) in text.lines().enumerate() {
            if index > 0 {
                together.push('\n');
            }
            let trimmed = raw.trim();
            if trimmed.eq_ignore_ascii_case(COUNTERPARTS_HEADER) {
                table = Table::Counterpart;
                continue;
            }
            let (line, enabled) = match trimmed.strip_prefix(OFF.trim_end()) {
                Some(rest) => (rest.trim(), false),
                None => (trimmed.split('#').next().unwrap_or("").trim(), true),
            };
            if line.is_empty() {
                continue;
            }
            let term = Term {
                table,
                line: line.to_owned(),
                enabled,
            };
            if table == Table::Equivalent
                && let Err(e) = Equivalences::parse(line)
            {
                return Err(TableError {
                    line: index + 1,
                    message: e.message,
                });
            }
            if table == Table::Equivalent && enabled {
                together.push_str(line);
            }
            rows.push(term);
        }
        Equivalences::parse(&together)?;
        Ok(Self { rows })
    }

    /// The file the command line's `--equivalences` reads (see [`Terms::parse`]).
    pub fn to_text(&self) -> String {
        let mut out = String::from(
            "# Parallax: the analyst's terms. Equivalent terms, one group per line, forms \
             separated by \" | \"\n# (the format of --equivalences); after [counterparts], \
             words that count as one concept.\n",
        );
        let write = |out: &mut String, table: Table| {
            for row in self.rows.iter().filter(|r| r.table == table) {
                if !row.enabled {
                    out.push_str(OFF);
                }
                out.push_str(row.line.trim());
                out.push('\n');
            }
        };
        write(&mut out, Table::Equivalent);
        if self.rows.iter().any(|r| r.table == Table::Counterpart) {
            out.push_str(COUNTERPARTS_HEADER);
            out.push('\n');
            write(&mut out, Table::Counterpart);
        }
        out
    }

    /// The enabled rows of `table` that can be read, one a line.
    fn lines(&self, table: Table) -> String {
        self.rows
            .iter()
            .filter(|r| r.table == table && r.enabled && r.problem().is_none())
            .map(|r| format!("{}\n", r.line.trim()))
            .collect()
    }

    /// Whether any row applies.
    pub fn any_enabled(&self) -> bool {
        self.rows.iter().any(|r| r.enabled)
    }

    /// The table of equivalent terms: the built-in one with the enabled rows (a row replaces
    /// the built-in group sharing a form with it).
    pub fn equivalences(&self) -> Equivalences {
        let mut table = Equivalences::builtin();
        // Row by row, so that one row clashing with another only leaves that row out.
        let mut kept = String::new();
        let mut own = Equivalences::default();
        for line in self.lines(Table::Equivalent).lines() {
            let joined = format!("{kept}{line}\n");
            if let Ok(parsed) = Equivalences::parse(&joined) {
                own = parsed;
                kept = joined;
            }
        }
        table.extend(own);
        table
    }

    /// [`Self::lexicon`] when the rows add counterparts to the built-in table; `None` when
    /// they add none, and [`Lexicon::builtin`] is the same table, read once.
    pub fn own_lexicon(&self) -> Option<Lexicon> {
        let own = self.lines(Table::Counterpart);
        (!own.is_empty()).then(|| Lexicon::parse(&format!("{BUILTIN_COUNTERPARTS}\n{own}")))
    }

    /// The counterparts vocabulary: the built-in table with the enabled rows.
    pub fn lexicon(&self) -> Lexicon {
        Lexicon::parse(&format!(
            "{BUILTIN_COUNTERPARTS}\n{}",
            self.lines(Table::Counterpart)
        ))
    }

    /// The enabled rows as reports list them in the provenance ("equivalent terms: COAS |
    /// Army Chief").
    pub fn provenance(&self) -> Vec<String> {
        self.rows
            .iter()
            .filter(|r| r.enabled)
            .map(|r| format!("{}: {}", r.table.name(), r.line.trim()))
            .collect()
    }
}

/// The rows of a built-in table as the terms window lists them: each line without comments.
pub fn builtin_rows(text: &str) -> Vec<&str> {
    text.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_terms_file_round_trips_with_rows_turned_off() {
        let terms = Terms {
            rows: vec![
                Term::new(Table::Equivalent, "COAS | Army Chief | Field Marshal"),
                Term {
                    enabled: false,
                    ..Term::new(Table::Equivalent, "ZQX | Zed Quux Xylo")
                },
                Term::new(Table::Counterpart, "reaffirm | underline"),
            ],
        };
        let text = terms.to_text();
        assert_eq!(Terms::parse(&text), Ok(terms.clone()));
        // The command line reads the equivalences part as a table and skips the rest.
        let equivalences = terms.equivalences();
        assert!(equivalences.group_of("COAS").is_some());
        assert_eq!(
            equivalences.group_of("COAS"),
            equivalences.group_of("Field Marshal")
        );
        assert!(equivalences.group_of("ZQX").is_none());
    }

    #[test]
    fn a_bad_equivalence_line_names_its_line() {
        let error = Terms::parse("US | U.S.\nFM | | Foreign Minister\n").unwrap_err();
        assert_eq!(error.line, 2);
        // A form in two groups, after a comment line.
        let error = Terms::parse("A | B\n# two\nC | a\n").unwrap_err();
        assert_eq!(error.line, 3);
    }
}
