//! Markdown: the article with its marks, then tables of companies, products
//! and agreements.
//!
//! A mark is written in bold with its label's letter after it:
//! `**Microsoft**\[C\]` renders as **Microsoft**\[C\] (C company, P product,
//! A agreement). Everything taken from the article is escaped
//! ([`escape`]) so that its own `*`, `_`, `#`, `[`, `|`, `<`, … show as
//! written instead of formatting; table cells also turn line breaks into
//! spaces so a cell never ends its row.

use std::fmt::Write as _;

use super::{human_name, label_letter, placed_marks, DocumentJson};

/// Escapes `text` so that CommonMark (and GitHub's tables) show it as
/// written: a backslash before every character that can start or end
/// formatting, links, HTML, code, tables or entities, and before `-`, `+`,
/// `=` and the `.`/`)` of a number that begin a line (lists, headings).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut line_start = true;
    let mut chars = text.chars().peekable();
    while let Some(ch) = chars.next() {
        match ch {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '#' | '&' | '!' | '{' | '}' => {
                out.push('\\');
                out.push(ch);
            }
            '-' | '+' | '=' if line_start => {
                out.push('\\');
                out.push(ch);
            }
            d if line_start && d.is_ascii_digit() => {
                out.push(d);
                while let Some(&next) = chars.peek() {
                    if !next.is_ascii_digit() {
                        break;
                    }
                    out.push(next);
                    chars.next();
                }
                if let Some(&next @ ('.' | ')')) = chars.peek() {
                    out.push('\\');
                    out.push(next);
                    chars.next();
                }
            }
            c => out.push(c),
        }
        line_start = ch == '\n' || (line_start && (ch == ' ' || ch == '\t' || ch == '\r'));
    }
    out
}

/// [`escape`] for a table cell: also joins lines, so the row stays one line.
pub fn escape_cell(text: &str) -> String {
    let one_line: String = text
        .chars()
        .map(|c| if matches!(c, '\n' | '\r') { ' ' } else { c })
        .collect();
    escape(&one_line)
}

/// Renders `doc` as Markdown (see the module docs).
pub fn to_markdown(doc: &DocumentJson) -> String {
    let text = doc.text.as_str();
    let mut out = String::with_capacity(text.len() * 2 + 1024);
    out.push_str("# Companies, products and agreements\n\n");
    out.push_str("Marks: **name**\\[C\\] company, **name**\\[P\\] product, **name**\\[A\\] agreement.\n\n");
    out.push_str("## Article\n\n");
    let mut at = 0;
    for p in placed_marks(doc) {
        out.push_str(&escape(&text[at..p.start]));
        let _ = write!(
            out,
            "**{}**\\[{}\\]",
            escape(&text[p.start..p.end]),
            label_letter(p.mark.label)
        );
        at = p.end;
    }
    out.push_str(&escape(&text[at..]));
    if !out.ends_with('\n') {
        out.push('\n');
    }

    out.push_str("\n## Companies\n\n");
    if doc.summary.companies.is_empty() {
        out.push_str("No companies found.\n");
    } else {
        out.push_str("| Company | Mentions |\n| --- | ---: |\n");
        for c in &doc.summary.companies {
            let _ = writeln!(out, "| {} | {} |", escape_cell(&c.name), c.count);
        }
    }

    out.push_str("\n## Products\n\n");
    if doc.summary.products.is_empty() {
        out.push_str("No products found.\n");
    } else {
        out.push_str("| Product | Owner | Mentions |\n| --- | --- | ---: |\n");
        for group in &doc.summary.products {
            let owner = group
                .owner
                .as_deref()
                .map_or_else(|| "unknown".to_string(), escape_cell);
            for p in &group.products {
                let _ = writeln!(out, "| {} | {owner} | {} |", escape_cell(&p.name), p.count);
            }
        }
    }

    out.push_str("\n## Agreements\n\n");
    if doc.agreements.is_empty() {
        out.push_str("No agreements found.\n");
    } else {
        out.push_str("| Parties | Kind | Status | Date |\n| --- | --- | --- | --- |\n");
        for a in &doc.agreements {
            let parties = a.parties.iter().map(|p| escape_cell(p)).collect::<Vec<_>>().join("; ");
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                parties,
                escape_cell(&human_name(&a.kind)),
                escape_cell(&human_name(&a.status)),
                a.date.as_deref().map(escape_cell).unwrap_or_default()
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specials_are_escaped() {
        assert_eq!(
            escape("a*b_c [x](y) <b> | # ~"),
            "a\\*b\\_c \\[x\\](y) \\<b\\> \\| \\# \\~"
        );
        assert_eq!(escape("- item\n1. one\n  + two"), "\\- item\n1\\. one\n  \\+ two");
        assert_eq!(escape("a - b 2. c"), "a - b 2. c");
        assert_eq!(escape_cell("A|B\nC"), "A\\|B C");
    }
}
