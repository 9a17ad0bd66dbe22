//! The words sentence splitting reads: abbreviations and the usual openers of a sentence.

/// Abbreviations that never end a sentence: titles before a name.
pub(super) const TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Messrs", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Cmdr", "Adm",
    "Sgt", "Gov", "Sen", "Rep", "Amb", "Hon", "Rev", "Pres", "Supt", "Fr", "St", "Mt", "Ft",
    "Brig", "Cdr", "Insp", "Dept", "Sec", "Gov't", "Govt", "vs", "cf", "viz", "approx", "ca",
];

/// Abbreviations that stand before a number or a bracketed reference ("No. 5", "Art. 51",
/// "Jan. 3", "Eq. (4)", "Ref. [16]").
pub(super) const BEFORE_NUMBER: &[&str] = &[
    "No", "Nos", "Nr", "Art", "Arts", "Vol", "Vols", "Fig", "Figs", "Sect", "Para", "Paras", "Ch",
    "Chap", "pp", "p", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct",
    "Nov", "Dec", "Res", "Reg", "Eq", "Eqs", "Ref", "Refs", "Tab", "Thm", "Prop", "Def", "Cor",
    "Lem", "Ann", "App", "Sch", "Cl",
];

/// Abbreviations that may end a sentence ("Ltd.", "Jr.", "etc."): they do when the next word is
/// a usual sentence opener.
pub(super) const MAYBE_FINAL: &[&str] = &[
    "Jr", "Sr", "Inc", "Ltd", "Co", "Corp", "Bros", "etc", "al", "Esq", "Ph.D", "a.m", "p.m",
];

/// Words that usually open a sentence: after an ambiguous abbreviation, they mean it ended one.
pub(super) const OPENERS: &[&str] = &[
    "The",
    "This",
    "That",
    "These",
    "Those",
    "It",
    "Its",
    "We",
    "He",
    "She",
    "They",
    "I",
    "In",
    "On",
    "At",
    "As",
    "But",
    "And",
    "However",
    "Meanwhile",
    "A",
    "An",
    "Our",
    "Their",
    "His",
    "Her",
    "There",
    "Both",
    "Today",
    "Yesterday",
    "After",
    "Before",
    "When",
    "While",
    "Since",
    "Earlier",
    "Later",
    "Also",
    "Furthermore",
    "Moreover",
    "Separately",
    "If",
    "For",
    "To",
    "With",
    "According",
    "During",
    "Under",
    "No",
    "Yes",
    "Such",
    "Each",
    "All",
    "Some",
    "Many",
    "What",
    "Who",
    "Why",
    "How",
    "You",
    "Your",
    "My",
    "Then",
    "Thus",
    "Therefore",
    "Further",
    "Finally",
];
