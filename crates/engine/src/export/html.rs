//! One standalone HTML file: the article with its marks, then the summary.
//!
//! The file is meant to be mailed, archived and printed, so it is built to be
//! inert: inline CSS only, no `<script>` element, no event-handler attribute,
//! no image and no URL of any kind, so it opens offline and loads nothing
//! from the network. A Content-Security-Policy meta tag (`default-src 'none'`)
//! says the same to the browser, as a second line of defence. Every piece of
//! the article and every name goes through [`escape`].
//!
//! Marks carry their colour, an underline style (solid, dashed, double) and a
//! small letter (C, P, A), so they read in black and white and for readers
//! who do not tell the colours apart; a legend explains them.

use std::fmt::Write as _;

use super::{human_name, label_letter, placed_marks, DocumentJson};
use crate::span::Label;

/// The page's style sheet: the app's mark colours, print-friendly.
const STYLE: &str = "\
:root{--ink:#1b1f24;--muted:#5b6470;--line:#d5dae1;\
--company:#cfe3ff;--company-edge:#1d5fbf;--product:#d8f3dc;--product-edge:#1e7b3a;\
--agreement:#ffe8b3;--agreement-edge:#a05a00}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{margin:2rem auto;max-width:46rem;padding:0 1rem;color:var(--ink);background:#fff;\
font:16px/1.5 system-ui,-apple-system,\"Segoe UI\",sans-serif}
h1{font-size:1.35rem;margin:0 0 .4rem}
h2{font-size:1.05rem;margin:1.6rem 0 .5rem;border-bottom:1px solid var(--line);padding-bottom:.2rem}
h3{font-size:.95rem;margin:.8rem 0 .3rem}
.legend{display:flex;flex-wrap:wrap;gap:.4rem 1rem;margin:.3rem 0 1rem;padding:0;list-style:none;font-size:.9rem}
.article{white-space:pre-wrap;overflow-wrap:anywhere;unicode-bidi:plaintext;\
font-family:Georgia,\"Noto Serif\",serif;font-size:1.04rem;line-height:1.75}
.m{color:inherit;border-radius:3px;padding:0 .1em;text-decoration-thickness:2px;text-underline-offset:3px}
.m::after{font:600 .62em/1 system-ui,sans-serif;vertical-align:super;margin-left:.15em}
.m-company{background:var(--company);text-decoration:underline solid var(--company-edge)}
.m-company::after{content:\"C\";color:var(--company-edge)}
.m-product{background:var(--product);text-decoration:underline dashed var(--product-edge)}
.m-product::after{content:\"P\";color:var(--product-edge)}
.m-agreement{background:var(--agreement);text-decoration:underline double var(--agreement-edge)}
.m-agreement::after{content:\"A\";color:var(--agreement-edge)}
table{border-collapse:collapse;margin:.3rem 0}
th,td{text-align:left;padding:.15rem .8rem .15rem 0;border-bottom:1px solid var(--line)}
td.n{text-align:right;font-variant-numeric:tabular-nums}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(14rem,1fr));gap:.6rem}
.card{border:1px solid var(--line);border-left:4px solid var(--agreement-edge);border-radius:6px;\
padding:.5rem .65rem;break-inside:avoid}
.card dl{display:grid;grid-template-columns:auto 1fr;gap:.1rem .6rem;margin:.3rem 0 0;font-size:.88rem}
.card dt{color:var(--muted)}
.card dd{margin:0}
.parties{font-weight:600}
.none{color:var(--muted)}
footer{margin-top:2rem;color:var(--muted);font-size:.8rem}
@media print{body{margin:0;max-width:none;font-size:11pt}h2{break-after:avoid}.article{font-size:11pt}}
";

/// Escapes text for HTML element content and quoted attribute values:
/// `&`, `<`, `>`, `"` and `'` become character references (the
/// `html-escape` crate), and NUL (which HTML parsers drop or replace)
/// becomes U+FFFD. Nothing else is changed, so the result shows exactly the
/// input's characters.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    if text.contains('\0') {
        html_escape::encode_quoted_attribute_to_string(text.replace('\0', "\u{FFFD}"), &mut out);
    } else {
        html_escape::encode_quoted_attribute_to_string(text, &mut out);
    }
    out
}

/// The class suffix for a label.
fn class(label: Label) -> &'static str {
    match label {
        Label::Company => "company",
        Label::Product => "product",
        Label::Agreement => "agreement",
    }
}

/// A short title from the article's first non-empty line.
fn title(text: &str) -> String {
    let first = text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("");
    let mut t: String = first.chars().take(80).collect();
    if first.chars().nth(80).is_some() {
        t.push('…');
    }
    if t.is_empty() {
        "pactlens annotation".to_string()
    } else {
        format!("{t} · pactlens")
    }
}

/// Renders `doc` as one standalone HTML page (see the module docs).
pub fn to_html(doc: &DocumentJson) -> String {
    let mut out = String::with_capacity(doc.text.len() * 2 + 8 * 1024);
    // Writing to a String cannot fail; the results are ignored below.
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<meta name=\"generator\" content=\"pactlens {}\">\n<title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n",
        env!("CARGO_PKG_VERSION"),
        escape(&title(&doc.text)),
    );
    out.push_str("<header>\n<h1>Companies, products and agreements</h1>\n<ul class=\"legend\">");
    for (label, underline) in [
        (Label::Company, "solid"),
        (Label::Product, "dashed"),
        (Label::Agreement, "double"),
    ] {
        let _ = write!(
            out,
            "<li><span class=\"m m-{0}\">{0}</span> {underline} underline, letter {1}</li>",
            class(label),
            label_letter(label)
        );
    }
    out.push_str("</ul>\n</header>\n<main>\n<article class=\"article\">");
    write_article(&mut out, doc);
    out.push_str("</article>\n<section class=\"summary\">\n");
    write_summary(&mut out, doc);
    let _ = write!(
        out,
        "</section>\n</main>\n<footer>Made by pactlens {}. Marks are the engine's suggestions{}.</footer>\n</body>\n</html>\n",
        env!("CARGO_PKG_VERSION"),
        if doc.edits.is_empty() {
            String::new()
        } else {
            format!(" ({} edit(s) by the reader are not shown here)", doc.edits.len())
        },
    );
    out
}

fn write_article(out: &mut String, doc: &DocumentJson) {
    let text = doc.text.as_str();
    let mut at = 0;
    for p in placed_marks(doc) {
        out.push_str(&escape(&text[at..p.start]));
        let m = p.mark;
        let mut tip = format!("{} · {}", m.label.as_str(), m.canonical);
        if let Some(owner) = &m.owner {
            let _ = write!(tip, " · owner: {owner}");
        }
        let _ = write!(tip, " · source: {}", human_name(&m.source));
        let _ = write!(
            out,
            "<mark class=\"m m-{}\" title=\"{}\">{}</mark>",
            class(m.label),
            escape(&tip),
            escape(&text[p.start..p.end])
        );
        at = p.end;
    }
    out.push_str(&escape(&text[at..]));
}

fn write_summary(out: &mut String, doc: &DocumentJson) {
    out.push_str("<h2>Companies</h2>\n");
    if doc.summary.companies.is_empty() {
        out.push_str("<p class=\"none\">No companies found.</p>\n");
    } else {
        out.push_str("<table>\n<thead><tr><th>Company</th><th>Mentions</th></tr></thead>\n<tbody>\n");
        for c in &doc.summary.companies {
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td class=\"n\">{}</td></tr>",
                escape(&c.name),
                c.count
            );
        }
        out.push_str("</tbody>\n</table>\n");
    }

    out.push_str("<h2>Products</h2>\n");
    if doc.summary.products.is_empty() {
        out.push_str("<p class=\"none\">No products found.</p>\n");
    }
    for group in &doc.summary.products {
        let owner = match &group.owner {
            Some(o) => escape(o),
            None => "Owner unknown".to_string(),
        };
        let _ = writeln!(out, "<h3>{owner}</h3>");
        out.push_str("<table>\n<thead><tr><th>Product</th><th>Mentions</th></tr></thead>\n<tbody>\n");
        for p in &group.products {
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td class=\"n\">{}</td></tr>",
                escape(&p.name),
                p.count
            );
        }
        out.push_str("</tbody>\n</table>\n");
    }

    out.push_str("<h2>Agreements</h2>\n");
    if doc.agreements.is_empty() {
        out.push_str("<p class=\"none\">No agreements found.</p>\n");
        return;
    }
    out.push_str("<div class=\"cards\">\n");
    for a in &doc.agreements {
        let parties = if a.parties.is_empty() {
            "Parties not named".to_string()
        } else {
            a.parties.iter().map(|p| escape(p)).collect::<Vec<_>>().join(" · ")
        };
        let _ = write!(
            out,
            "<div class=\"card\"><div class=\"parties\">{parties}</div><dl><dt>Kind</dt><dd>{}</dd><dt>Status</dt><dd>{}</dd>",
            escape(&human_name(&a.kind)),
            escape(&human_name(&a.status)),
        );
        if let Some(date) = &a.date {
            let _ = write!(out, "<dt>Date</dt><dd>{}</dd>", escape(date));
        }
        let mentions: Vec<String> = a
            .mentions
            .iter()
            .filter_map(|&i| doc.marks.get(i))
            .map(|m| format!("“{}”", escape(&m.text)))
            .collect();
        if !mentions.is_empty() {
            let _ = write!(out, "<dt>Mentions</dt><dd>{}</dd>", mentions.join(", "));
        }
        out.push_str("</dl></div>\n");
    }
    out.push_str("</div>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_covers_the_five_specials_and_nul() {
        assert_eq!(
            escape("<script>\"a\" & 'b'</style>\0"),
            "&lt;script&gt;&quot;a&quot; &amp; &#x27;b&#x27;&lt;/style&gt;\u{FFFD}"
        );
        assert_eq!(escape("小米 😀 e\u{301}"), "小米 😀 e\u{301}");
    }
}
