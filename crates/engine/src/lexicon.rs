//! The built-in lexicon of companies and products.
//!
//! The data is a readable TSV file (`data/lexicon.tsv`) compiled into the
//! binary with `include_str!` and parsed once on first use. Each line gives a
//! kind, a canonical name, aliases, an owner (for products), flags and where
//! the fact came from. This module only parses and indexes; deciding whether a
//! match in a text is really the entity is `recognise`'s job.

use std::collections::HashMap;
use std::fmt;
use std::sync::LazyLock;

use crate::span::Label;

/// The hand-curated TSV shipped with the engine; it wins over the
/// generated one where both list a surface form.
const BUILTIN_TSV: &str = include_str!("../data/lexicon.tsv");
/// The TSV built by `tools/lexicon/build.py` from packaged open data
/// (see `data/SOURCES.md`).
const GENERATED_TSV: &str = include_str!("../data/lexicon-generated.tsv");
/// The TSVs built by `tools/lexicon/bulk.py` from open bulk name lists, in
/// the order they are added; each share-alike source has a file of its own
/// (licences and notices: `data/SOURCES.md` and each file's header).
const BULK_TSVS: &[(&str, &str)] = &[
    ("lexicon-bulk.tsv", include_str!("../data/lexicon-bulk.tsv")),
    (
        "lexicon-openflights.tsv",
        include_str!("../data/lexicon-openflights.tsv"),
    ),
    ("lexicon-dbpedia.tsv", include_str!("../data/lexicon-dbpedia.tsv")),
];

/// One company or product the engine knows by name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// COMPANY or PRODUCT.
    pub label: Label,
    /// The canonical name ("Microsoft").
    pub name: String,
    /// Other surface forms ("Microsoft Corp.", "MSFT").
    pub aliases: Vec<String>,
    /// For products: the canonical name of the owning company.
    pub owner: Option<String>,
    /// The name is also a common word or place ("Apple", "Edge"): it is only
    /// marked with supporting evidence from the document.
    pub ambiguous: bool,
    /// The company's name is also the name of its platform or site: "on
    /// Lyft", "Share on Facebook" name the product.
    pub platform: bool,
    /// Where the fact came from (e.g. "curated").
    pub source: String,
}

impl Entry {
    /// The canonical name followed by the aliases.
    pub fn surfaces(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

/// A parsed lexicon: entries plus an index from surface form to entry.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    entries: Vec<Entry>,
    by_surface: HashMap<String, usize>,
}

/// A line of lexicon data that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexiconError {
    line: usize,
    kind: LexiconErrorKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum LexiconErrorKind {
    ColumnCount(usize),
    UnknownKind(String),
    EmptyName,
}

impl fmt::Display for LexiconError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "lexicon line {}: ", self.line)?;
        match &self.kind {
            LexiconErrorKind::ColumnCount(n) => write!(f, "expected 6 tab-separated columns, found {n}"),
            LexiconErrorKind::UnknownKind(k) => write!(f, "unknown kind {k:?} (want company or product)"),
            LexiconErrorKind::EmptyName => write!(f, "empty name"),
        }
    }
}

impl std::error::Error for LexiconError {}

impl Lexicon {
    /// Parses TSV lexicon data (see `data/lexicon.tsv` for the columns).
    ///
    /// A surface form listed twice keeps its first entry.
    pub fn parse(tsv: &str) -> Result<Self, LexiconError> {
        let mut lexicon = Lexicon::default();
        crate::tsv::for_each_row(tsv, |line, cols| {
            let entry = parse_row(cols).map_err(|kind| LexiconError { line, kind })?;
            lexicon.push(entry);
            Ok(())
        })?;
        Ok(lexicon)
    }

    /// The lexicon compiled into the engine.
    pub fn builtin() -> &'static Lexicon {
        static BUILTIN: LazyLock<Lexicon> = LazyLock::new(|| {
            // The data file is part of the source tree and checked by a unit
            // test, so a parse failure here is a build defect, not bad input.
            let mut lexicon = Lexicon::parse(BUILTIN_TSV).expect("curated lexicon parses");
            // Generated data has no curator to vouch for a name that is also a
            // word or a place ("Europe" the phone, "Genesis" the brand):
            // such entries stay out; the curated file lists the ones news needs.
            let generated = Lexicon::parse(GENERATED_TSV).expect("generated lexicon parses");
            let mut layers = vec![(generated, false)];
            // The bulk files flag an entry when one of its one-word surfaces
            // is a word ("Star" for "Star Group"): the entry stays, and the
            // matcher asks for evidence on that surface only (multi-word
            // forms need none); their generic phrases were dropped already.
            for (file, tsv) in BULK_TSVS {
                let layer = Lexicon::parse(tsv).unwrap_or_else(|e| panic!("{file}: {e}"));
                layers.push((layer, true));
            }
            // Earlier files win on a shared surface (curated > generated > bulk).
            let mut known: std::collections::HashSet<String> = lexicon.entries.iter().map(|e| e.name.clone()).collect();
            for (layer, keep_flagged) in layers {
                let kept: Vec<Entry> = layer
                    .entries
                    .into_iter()
                    .filter(|e| keep_flagged || !e.ambiguous)
                    .collect();
                known.extend(
                    kept.iter()
                        .filter(|e| e.label == Label::Company)
                        .map(|e| e.name.clone()),
                );
                // Products of a company left out go too (their owner is unknown).
                for entry in kept {
                    if entry.owner.as_ref().is_none_or(|o| known.contains(o)) {
                        lexicon.push(entry);
                    }
                }
            }
            lexicon
        });
        &BUILTIN
    }

    fn push(&mut self, entry: Entry) {
        let index = self.entries.len();
        for surface in entry.surfaces() {
            self.by_surface.entry(surface.to_string()).or_insert(index);
        }
        self.entries.push(entry);
    }

    /// All entries, in file order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The entry a surface form (name or alias, exact case) belongs to.
    pub fn lookup(&self, surface: &str) -> Option<&Entry> {
        self.by_surface.get(surface).map(|&i| &self.entries[i])
    }

    /// Every (surface form, entry index) pair, for building a matcher.
    pub fn surfaces(&self) -> impl Iterator<Item = (&str, usize)> {
        self.by_surface.iter().map(|(s, &i)| (s.as_str(), i))
    }

    /// The entry at `index` (as returned by [`Lexicon::surfaces`]).
    pub fn entry(&self, index: usize) -> &Entry {
        &self.entries[index]
    }
}

fn parse_row(cols: &[&str]) -> Result<Entry, LexiconErrorKind> {
    if cols.len() != 6 {
        return Err(LexiconErrorKind::ColumnCount(cols.len()));
    }
    let label = match cols[0] {
        "company" => Label::Company,
        "product" => Label::Product,
        other => return Err(LexiconErrorKind::UnknownKind(other.to_string())),
    };
    if cols[1].is_empty() {
        return Err(LexiconErrorKind::EmptyName);
    }
    let non_empty = |s: &str| (!s.is_empty()).then(|| s.to_string());
    Ok(Entry {
        label,
        name: cols[1].to_string(),
        aliases: cols[2]
            .split('|')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect(),
        owner: non_empty(cols[3]),
        ambiguous: cols[4].split(',').any(|f| f.trim() == "ambiguous"),
        platform: cols[4].split(',').any(|f| f.trim() == "platform"),
        source: cols[5].to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_columns_aliases_owner_and_flags() {
        let lex = Lexicon::parse(
            "# comment\ncompany\tMicrosoft\tMicrosoft Corp.|MSFT\t\t\tcurated\nproduct\tEdge\t\tMicrosoft\tambiguous\tcurated\n",
        )
        .unwrap();
        assert_eq!(lex.entries().len(), 2);
        let ms = lex.lookup("Microsoft Corp.").unwrap();
        assert_eq!(ms.name, "Microsoft");
        assert_eq!(ms.label, Label::Company);
        let edge = lex.lookup("Edge").unwrap();
        assert_eq!(edge.owner.as_deref(), Some("Microsoft"));
        assert!(edge.ambiguous);
        assert!(!ms.ambiguous);
    }

    #[test]
    fn bad_lines_name_their_line_number() {
        let err = Lexicon::parse("company\tA\t\t\t\tcurated\nfirm\tB\t\t\t\tcurated\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "lexicon line 2: unknown kind \"firm\" (want company or product)"
        );
        let err = Lexicon::parse("company\tA\n").unwrap_err();
        assert!(err.to_string().contains("found 2"));
    }

    #[test]
    fn builtin_lexicon_is_consistent() {
        let lex = Lexicon::builtin();
        assert!(lex.entries().len() > 10_000);
        for e in lex.entries() {
            if let Some(owner) = &e.owner {
                let owner_entry = lex
                    .lookup(owner)
                    .unwrap_or_else(|| panic!("owner {owner} of {} missing", e.name));
                assert_eq!(
                    owner_entry.label,
                    Label::Company,
                    "owner of {} is not a company",
                    e.name
                );
            }
        }
    }

    #[test]
    fn bulk_files_parse_and_their_entries_are_found() {
        for (file, tsv) in BULK_TSVS {
            let lex = Lexicon::parse(tsv).unwrap_or_else(|e| panic!("{file}: {e}"));
            assert!(lex.entries().len() > 1_000, "{file} is nearly empty");
        }
        let lex = Lexicon::builtin();
        let found = |surface: &str, label: Label, owner: Option<&str>, source: &str| {
            let e = lex.lookup(surface).unwrap_or_else(|| panic!("{surface} missing"));
            assert_eq!(e.label, label, "label of {surface}");
            assert_eq!(e.owner.as_deref(), owner, "owner of {surface}");
            assert!(e.source.starts_with(source), "source of {surface}: {}", e.source);
        };
        // OpenFlights: an aircraft type and an airline.
        found("Boeing 727", Label::Product, Some("Boeing"), "openflights");
        found("Juneyao Airlines", Label::Company, None, "openflights");
        // SEC EDGAR: a listed company, by its full legal name too.
        found("Honeywell International Inc", Label::Company, None, "sec:");
        // Epoch AI: a model, owned by its developer.
        found("Claude 3 Opus", Label::Product, Some("Anthropic"), "epoch-ai:");
        // DBpedia: a product whose owner comes from its leading company name.
        found("Ford Taurus", Label::Product, Some("Ford"), "dbpedia:");
        // The curated file still wins on a shared surface.
        assert_eq!(lex.lookup("Microsoft").unwrap().source, "curated");
    }
}
