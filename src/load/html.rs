//! HTML to text: the statement a page carries, without the site around it.
//!
//! A page saved from a ministry's site holds the statement inside the site's chrome: skip
//! links, a cookie or archive banner, navigation, breadcrumbs, share buttons, related links, a
//! footer. The rules, general rather than per site:
//!
//! 1. **Where to read.** The page's main content: its `<main>`, else its `[role=main]`, else its
//!    `<article>` holding the most text, else the whole `<body>`. If that holds no text once
//!    cleaned, the body is read instead.
//! 2. **What to drop.** Elements that are never statement text (`script`, `style`, `noscript`,
//!    `template`, forms and their controls, `svg`, frames); site chrome by element (`nav`,
//!    `aside`, `menu`, and `header`/`footer` unless they belong to an `article`, `section` or
//!    `main`, where they are the statement's own heading or closing) and by ARIA role
//!    (`navigation`, `banner`, `contentinfo`, `complementary`, `search`, `dialog`, ...); what is
//!    not shown (`hidden`, `aria-hidden=true`, an inline `display:none`); and elements whose
//!    class or id names chrome ([`CHROME_NAMES`]: cookie, consent, banner, notice, share, social,
//!    breadcrumb, skip, related, newsletter, menu, sidebar, footer, ...). A name-marked element is
//!    kept when it holds the page's `<h1>` or more than half of the text read, since chrome is
//!    never the bulk of a page nor its title (a "page-banner" around the statement's heading).
//! 3. **Boilerplate lines.** Lines that are only a chrome phrase ("Skip to content", "Share
//!    this", "Print", "Back to top", ...: [`BOILERPLATE`]), several of them in a row ("Print |
//!    Back to top"), or a breadcrumb trail starting at "Home" are dropped wherever they are.
//!
//! Headings, paragraphs and list items are blocks with a blank line between them; a table is
//! one line per row, its cells separated by " | ". Parsing is html5ever's, through `scraper`;
//! every walk is iterative so deep nesting cannot overflow.

use rustc_hash::{FxHashMap, FxHashSet};
use scraper::{ElementRef, Html, Node, node::Element};

/// Elements whose content is never visible statement text, or is site chrome by its nature.
const SKIPPED: &[&str] = &[
    "head", "script", "style", "noscript", "template", "nav", "aside", "form", "button", "select",
    "input", "textarea", "label", "svg", "canvas", "iframe", "object", "embed", "menu", "dialog",
];

/// ARIA roles of site chrome.
const CHROME_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
    "dialog",
    "alertdialog",
    "menu",
    "menubar",
    "toolbar",
];

/// Words in a class or id that name site chrome. A class or id is split into words at any
/// character that is not a letter or digit and at lower-to-upper case changes; a word names
/// chrome when it starts with one of these ("breadcrumbs", "sharebar", "cookieNotice" all do),
/// except the words in [`NOT_CHROME_NAMES`].
pub const CHROME_NAMES: &[&str] = &[
    "cookie",
    "consent",
    "gdpr",
    "banner",
    "notice",
    "alert",
    "share",
    "sharing",
    "social",
    "breadcrumb",
    "skip",
    "related",
    "newsletter",
    "subscribe",
    "menu",
    "sidebar",
    "navbar",
    "topbar",
    "toolbar",
    "footer",
    "masthead",
    "promo",
    "advert",
];

/// Words that start like a chrome name but are not chrome.
const NOT_CHROME_NAMES: &[&str] = &["shared", "advertorial"];

/// Lines that are only site chrome wherever they stand (compared lowercased, without the
/// punctuation or symbols around them).
const BOILERPLATE: &[&str] = &[
    "skip to content",
    "skip to main content",
    "skip to navigation",
    "skip to main navigation",
    "skip navigation",
    "skip to search",
    "jump to content",
    "jump to main content",
    "share",
    "share this",
    "share this page",
    "share this article",
    "share this story",
    "share on facebook",
    "share on twitter",
    "share on x",
    "share on linkedin",
    "share on whatsapp",
    "share via email",
    "share by email",
    "print",
    "print this page",
    "print page",
    "print article",
    "back to top",
    "go to top",
    "to the top",
    "top of page",
    "return to top",
    "scroll to top",
    "email",
    "e-mail",
    "tweet",
    "facebook",
    "twitter",
    "linkedin",
    "whatsapp",
    "telegram",
    "copy link",
    "follow us",
    "menu",
    "close",
    "search",
    "home",
    "you are here",
    "accept",
    "accept all",
    "reject all",
    "accept cookies",
    "cookie settings",
    "manage cookies",
    "related links",
    "related articles",
    "related content",
    "related news",
    "previous",
    "next",
];

/// Whether decoded text looks like an HTML document rather than prose mentioning tags.
pub fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .trim_start()
        .chars()
        .take(512)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || (head.starts_with('<') && head.contains("<body"))
}

/// The statement text of an HTML document ("\n" when nothing is left once the chrome is gone).
pub fn extract(source: &str) -> String {
    let document = Html::parse_document(source);
    let whole = document.root_element();
    let body = elements(whole).find(|e| e.value().name() == "body");
    let mut roots = Vec::with_capacity(2);
    if let Some(main) = content_root(whole) {
        roots.push(main);
    }
    roots.push(body.unwrap_or(whole));
    for root in roots {
        let text = drop_boilerplate(&render(root));
        if !text.trim().is_empty() {
            return text;
        }
    }
    "\n".to_owned()
}

/// `root` and the elements under it, in document order.
fn elements(root: ElementRef<'_>) -> impl Iterator<Item = ElementRef<'_>> {
    root.descendants().filter_map(ElementRef::wrap)
}

/// The length of the text under each element of `root` (whitespace around each text node left
/// out), from one pass over the nodes from last to first, so each element's descendants are
/// counted before it.
fn text_lengths<'a>(root: ElementRef<'a>) -> impl Fn(ElementRef<'a>) -> usize + 'a {
    let mut text = FxHashMap::default();
    let nodes: Vec<_> = root.descendants().collect();
    for node in nodes.iter().rev() {
        let own = match node.value() {
            Node::Text(t) => t.trim().len(),
            Node::Element(_) => text.get(&node.id()).copied().unwrap_or(0),
            _ => 0,
        };
        if node.id() != root.id()
            && let Some(parent) = node.parent()
        {
            *text.entry(parent.id()).or_insert(0) += own;
        }
    }
    move |element: ElementRef<'a>| text.get(&element.id()).copied().unwrap_or(0)
}

/// The page's main content: `<main>`, `[role=main]`, or the `<article>` with the most text.
fn content_root(whole: ElementRef<'_>) -> Option<ElementRef<'_>> {
    let shown = |e: &ElementRef<'_>| !is_hidden(e.value());
    if let Some(main) = elements(whole).find(|e| e.value().name() == "main" && shown(e)) {
        return Some(main);
    }
    if let Some(main) = elements(whole).find(|e| {
        e.value()
            .attr("role")
            .is_some_and(|r| r.trim().eq_ignore_ascii_case("main"))
            && shown(e)
    }) {
        return Some(main);
    }
    let text_len = text_lengths(whole);
    let mut best: Option<(usize, ElementRef<'_>)> = None;
    for article in elements(whole).filter(|e| e.value().name() == "article" && shown(e)) {
        let len = text_len(article);
        // The first of equals wins.
        if best.is_none_or(|(most, _)| len > most) {
            best = Some((len, article));
        }
    }
    best.map(|(_, article)| article)
}

/// Not shown: `hidden`, `aria-hidden=true`, or an inline style hiding it.
fn is_hidden(element: &Element) -> bool {
    if element.attr("hidden").is_some()
        || element
            .attr("aria-hidden")
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
    {
        return true;
    }
    element.attr("style").is_some_and(|style| {
        let style: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        style.contains("display:none") || style.contains("visibility:hidden")
    })
}

/// Whether the element is chrome by its name, role or visibility (rule 2 but the class/id one).
fn is_chrome_element(element: &Element, scoped: bool) -> bool {
    let name = element.name();
    SKIPPED.contains(&name)
        || (matches!(name, "header" | "footer") && !scoped)
        || element.attr("role").is_some_and(|role| {
            role.split_whitespace()
                .any(|r| CHROME_ROLES.contains(&r.to_ascii_lowercase().as_str()))
        })
        || is_hidden(element)
}

/// Whether the element's class or id names chrome ([`CHROME_NAMES`]).
fn has_chrome_name(element: &Element) -> bool {
    let names = element.classes().chain(element.id());
    names.flat_map(words).any(|word| {
        !NOT_CHROME_NAMES.contains(&word.as_str())
            && CHROME_NAMES.iter().any(|chrome| word.starts_with(chrome))
    })
}

/// The lowercase words of a class or id: split at non-alphanumerics and at camelCase humps.
fn words(name: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut previous_lower = false;
    for c in name.chars() {
        if !c.is_alphanumeric() {
            if !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
            previous_lower = false;
            continue;
        }
        if c.is_uppercase() && previous_lower && !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
        previous_lower = c.is_lowercase() || c.is_ascii_digit();
        word.extend(c.to_lowercase());
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// Elements that stand as blocks: a paragraph break before and after.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "table",
    "figure",
    "figcaption",
    "address",
    "hr",
    "caption",
    "details",
    "summary",
    "body",
];

/// Rule 2's exception: whether a name-marked element under `root` holds the page's `<h1>` or
/// more than half of `root`'s text.
fn content_test<'a>(root: ElementRef<'a>) -> impl Fn(ElementRef<'a>) -> bool + 'a {
    let text_len = text_lengths(root);
    let mut holds_h1 = FxHashSet::default();
    for h1 in elements(root).filter(|e| e.value().name() == "h1") {
        for ancestor in h1.ancestors() {
            // Stop where an earlier heading already marked the rest of the way up.
            if !holds_h1.insert(ancestor.id()) {
                break;
            }
        }
    }
    let total = text_len(root);
    move |element: ElementRef<'a>| {
        holds_h1.contains(&element.id()) || (total > 0 && text_len(element) * 2 > total)
    }
}

/// The text under `root` with the chrome elements dropped, blocks separated by blank lines.
fn render(root: ElementRef<'_>) -> String {
    let is_content = content_test(root);
    let mut out = String::new();
    // Table cells open around the current node: blocks inside a cell are spaces.
    let mut cells = 0usize;
    // (node, inside an article, section or main, leaving it)
    let mut stack = vec![(*root, false, false)];
    while let Some((node, scoped, leaving)) = stack.pop() {
        match node.value() {
            Node::Element(element) if leaving => {
                let name = element.name();
                if matches!(name, "td" | "th") {
                    cells = cells.saturating_sub(1);
                } else if cells > 0 && (BLOCKS.contains(&name) || name == "tr") {
                    push_space(&mut out);
                } else if name == "tr" {
                    line_break(&mut out);
                } else if BLOCKS.contains(&name) {
                    paragraph_break(&mut out);
                }
            }
            Node::Element(element) => {
                let name = element.name();
                if node.id() != root.id()
                    && (is_chrome_element(element, scoped)
                        || (has_chrome_name(element)
                            && !ElementRef::wrap(node).is_some_and(&is_content)))
                {
                    continue;
                }
                if name == "br" {
                    if cells > 0 {
                        push_space(&mut out);
                    } else {
                        line_break(&mut out);
                    }
                    continue;
                }
                if matches!(name, "td" | "th") {
                    if cells == 0 && !out.is_empty() && !out.ends_with('\n') {
                        trim_trailing_spaces(&mut out);
                        out.push_str(" | ");
                    }
                    cells += 1;
                } else if cells > 0 && (BLOCKS.contains(&name) || name == "tr") {
                    push_space(&mut out);
                } else if name == "tr" {
                    line_break(&mut out);
                } else if BLOCKS.contains(&name) {
                    paragraph_break(&mut out);
                }
                stack.push((node, scoped, true));
                let scoped = scoped
                    || matches!(name, "article" | "section" | "main")
                    || element
                        .attr("role")
                        .is_some_and(|r| r.trim().eq_ignore_ascii_case("main"));
                let children: Vec<_> = node.children().collect();
                stack.extend(children.into_iter().rev().map(|c| (c, scoped, false)));
            }
            Node::Text(text) if !leaving => push_inline(&mut out, text),
            _ => {}
        }
    }
    out
}

/// Rule 3: the text without boilerplate lines, blocks separated by one blank line, ending
/// with a line break.
fn drop_boilerplate(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for block in text.split("\n\n") {
        let lines: Vec<&str> = block
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty() && !is_boilerplate(line))
            .collect();
        if lines.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&lines.join("\n"));
    }
    out.push('\n');
    out
}

/// Whether a line is only a chrome phrase or a breadcrumb trail from "Home".
fn is_boilerplate(line: &str) -> bool {
    if line.chars().count() > 120 {
        return false;
    }
    let core = line
        .trim_matches(|c: char| !c.is_alphanumeric())
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    if BOILERPLATE.contains(&core.as_str()) {
        return true;
    }
    // "Print | Back to top", "Facebook · X · Email": chrome phrases in a row.
    let parts: Vec<&str> = core
        .split(['|', '·', '•'])
        .map(|part| part.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|part| !part.is_empty())
        .collect();
    if parts.len() > 1 && parts.iter().all(|part| BOILERPLATE.contains(part)) {
        return true;
    }
    // "Home > Media Centre > Press Releases", "Home / News": a trail, not a sentence.
    let separators = ['>', '›', '»', '/', '|', '→'];
    core.starts_with("home")
        && core["home".len()..]
            .trim_start()
            .starts_with(|c| separators.contains(&c))
        && !core.contains(['.', '!', '?'])
}

/// Appends inline text with HTML's whitespace collapsing.
fn push_inline(out: &mut String, text: &str) {
    for (i, word) in text.split_whitespace().enumerate() {
        let starts_with_space = text.starts_with(char::is_whitespace);
        if (i > 0 || starts_with_space) && !out.is_empty() && !out.ends_with([' ', '\n']) {
            out.push(' ');
        }
        out.push_str(word);
    }
    if text.ends_with(char::is_whitespace) && !text.trim().is_empty() && !out.ends_with([' ', '\n'])
    {
        out.push(' ');
    }
}

fn push_space(out: &mut String) {
    if !out.is_empty() && !out.ends_with([' ', '\n']) {
        out.push(' ');
    }
}

fn trim_trailing_spaces(out: &mut String) {
    while out.ends_with(' ') {
        out.pop();
    }
}

fn line_break(out: &mut String) {
    trim_trailing_spaces(out);
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

fn paragraph_break(out: &mut String) {
    trim_trailing_spaces(out);
    if out.is_empty() || out.ends_with("\n\n") {
        return;
    }
    if out.ends_with('\n') {
        out.push('\n');
    } else {
        out.push_str("\n\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visible_text_with_paragraphs() {
        let html = "<!DOCTYPE html><html><head><title>T</title><style>p{}</style></head><body>\
            <nav>Home | About</nav><h1>Joint Statement</h1><p>Both sides <b>met</b> in\n  Islamabad.</p>\
            <script>alert(1)</script><p>They agreed.<br>Next line.</p><footer>Copyright</footer></body></html>";
        assert_eq!(
            extract(html),
            "Joint Statement\n\nBoth sides met in Islamabad.\n\nThey agreed.\nNext line.\n"
        );
    }

    #[test]
    fn detection() {
        assert!(looks_like_html("  <!doctype html><p>x"));
        assert!(!looks_like_html("We use <b> tags in prose."));
    }

    #[test]
    fn class_and_id_words() {
        assert_eq!(
            words("cookieNotice site-Banner_2"),
            ["cookie", "notice", "site", "banner", "2"]
        );
        let page = |attrs: &str| {
            extract(&format!(
                "<html><body><div {attrs}>Chrome here.</div><p>The statement, longer than the chrome.</p></body></html>"
            ))
        };
        for marked in [
            "class='cookie-banner'",
            "id='breadcrumbs'",
            "class='c-shareBar'",
            "class='x relatedLinks'",
            "id='skip-link'",
            "class='gem-c-notice'",
            "class='alert alert-warning'",
        ] {
            assert_eq!(
                page(marked),
                "The statement, longer than the chrome.\n",
                "{marked}"
            );
        }
        assert_eq!(
            page("class='shared-content'"),
            "Chrome here.\n\nThe statement, longer than the chrome.\n"
        );
    }

    #[test]
    fn tables_are_a_row_per_line() {
        let html = "<html><body><table><tr><th>Side</th><th>Lead</th></tr>\
            <tr><td><p>Pakistan</p></td><td>Munir</td></tr></table></body></html>";
        assert_eq!(extract(html), "Side | Lead\nPakistan | Munir\n");
    }

    #[test]
    fn an_article_header_is_the_statement_s_own() {
        let html = "<html><body><header>Ministry</header><article><header><h1>Title</h1></header>\
            <p>Text.</p><footer>Share this</footer></article><footer>Contact</footer></body></html>";
        assert_eq!(extract(html), "Title\n\nText.\n");
    }

    #[test]
    fn boilerplate_lines() {
        for line in [
            "Skip to content",
            "↑ Back to top",
            "Share this:",
            "Home > News > 2024",
        ] {
            assert!(is_boilerplate(line), "{line}");
        }
        for line in ["Print media were briefed.", "Home affairs were discussed."] {
            assert!(!is_boilerplate(line), "{line}");
        }
    }
}
