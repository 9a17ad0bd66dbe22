//! HTML to text: the visible text of the page, block elements as paragraph breaks, scripts,
//! styles, forms and navigation chrome (nav, header, footer, aside) dropped. Parsing is
//! html5ever's, through `scraper`; the walk is iterative so deep nesting cannot overflow.

use scraper::{Html, Node};

/// Elements whose content is never visible statement text.
const SKIPPED: &[&str] = &[
    "head", "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
    "button", "select", "svg", "canvas", "iframe", "object", "menu",
];

/// Elements that stand as blocks: a paragraph break before and after.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
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
    "tr",
    "figure",
    "figcaption",
    "address",
    "hr",
    "title",
    "caption",
    "body",
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

/// The visible text of an HTML document.
pub fn extract(source: &str) -> String {
    let document = Html::parse_document(source);
    let mut out = String::with_capacity(source.len() / 2);
    // (node, entering): blocks add breaks on the way in and on the way out.
    let mut stack = vec![(document.tree.root(), true)];
    while let Some((node, entering)) = stack.pop() {
        match node.value() {
            Node::Element(element) => {
                let name = element.name();
                if SKIPPED.contains(&name)
                    || element.attr("hidden").is_some()
                    || element.attr("aria-hidden") == Some("true")
                {
                    continue;
                }
                let block = BLOCKS.contains(&name);
                if !entering {
                    if block {
                        paragraph_break(&mut out);
                    }
                    continue;
                }
                if name == "br" {
                    trim_trailing_spaces(&mut out);
                    out.push('\n');
                    continue;
                }
                if block {
                    paragraph_break(&mut out);
                } else if matches!(name, "td" | "th")
                    && !out.ends_with(['\n', ' '])
                    && !out.is_empty()
                {
                    out.push(' ');
                }
                stack.push((node, false));
                let children: Vec<_> = node.children().collect();
                stack.extend(children.into_iter().rev().map(|child| (child, true)));
            }
            Node::Text(text) if entering => push_inline(&mut out, text),
            Node::Document | Node::Fragment if entering => {
                let children: Vec<_> = node.children().collect();
                stack.extend(children.into_iter().rev().map(|child| (child, true)));
            }
            _ => {}
        }
    }
    let trimmed = out.trim();
    let mut text = trimmed.to_owned();
    text.push('\n');
    text
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

fn trim_trailing_spaces(out: &mut String) {
    while out.ends_with(' ') {
        out.pop();
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
}
