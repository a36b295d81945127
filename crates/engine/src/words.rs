//! The engine's word lists and cue phrases, as data: one registry, one
//! plain-text file per list in `data/words/`, embedded in the binary and
//! read once, the first time a list is used.
//!
//! A list file starts with comment lines: `# id: <id>` (the file's name
//! without `.txt`), then one or two sentences saying what the list means and
//! which rule reads it, with an example. Then one entry a line, in the order
//! the rules see them (entries may hold spaces). Other forms of line:
//! * `@<id>`: every entry of another list, in its order, here (a list that
//!   holds another concept whole includes it instead of copying it:
//!   `not_name_start` holds `@weekdays`);
//! * `"<text>"`: the text between the quotes, for entries that start or end
//!   with a space (`" and "`);
//! * `# columns: <name>, <name>, …`: in the header, makes the list a table
//!   whose rows are tab-separated cells; the list's entries are the first
//!   cells (what the rules look up), [`WordList::rows`] gives whole rows.
//!   The rule that reads a table parses its cells once (`parse_rows`); a
//!   cell that names an agreement kind or a status uses the id the JSON
//!   writes (`joint_venture`, `completed`), `-` for none.
//!
//! Each list is a [`WordList`] static that dereferences to a slice of its
//! entries, so `LEGAL_SUFFIXES.contains(&word)` reads as it did when the
//! lists were Rust constants, at the same cost. A unit test checks the
//! registry: unique ids that match the file names, comments, no empty list,
//! no duplicate entry, and no word written in two lists unless the pair is
//! declared related (`RELATED`, with the reason).

use std::collections::HashSet;
use std::ops::Deref;
use std::sync::OnceLock;

/// The entries of a word list shipped as text (`data/*.txt`): one a line,
/// `#` comments and blank lines skipped.
pub(crate) fn word_list(data: &'static str) -> HashSet<&'static str> {
    data_lines(data).collect()
}

/// The lines of a data file shipped as text, in order, without `#` comment
/// lines and blank lines: the shared reader of [`word_list`] and the
/// registry.
pub(crate) fn data_lines(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines().filter(|l| !l.starts_with('#') && !l.is_empty())
}

/// One list of the registry (see the module docs): its id, its comment and
/// its entries, read from its data file on first use.
pub struct WordList {
    id: &'static str,
    source: &'static str,
    parsed: OnceLock<Parsed>,
}

/// A list as read, includes expanded.
struct Parsed {
    comment: String,
    columns: Vec<&'static str>,
    entries: Vec<&'static str>,
    rows: Vec<Vec<&'static str>>,
}

/// A line of a list file's body.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Item {
    /// An entry: its cells (one unless the list is a table).
    Entry(Vec<&'static str>),
    /// `@id`: another list's entries.
    Include(&'static str),
}

/// A list file as written, includes not expanded.
#[derive(Debug)]
struct Raw {
    id: &'static str,
    comment: String,
    columns: Vec<&'static str>,
    items: Vec<Item>,
}

impl Raw {
    /// The entries written in the file itself (first cells), without the
    /// included lists'.
    #[cfg(test)]
    fn own(&self) -> Vec<&'static str> {
        self.items
            .iter()
            .filter_map(|item| match item {
                Item::Entry(cells) => cells.first().copied(),
                Item::Include(_) => None,
            })
            .collect()
    }
}

/// Reads a list file; the error says which line is wrong.
fn read(source: &'static str) -> Result<Raw, String> {
    let mut header = source.lines().take_while(|l| l.starts_with('#'));
    let id = header
        .next()
        .and_then(|l| l.strip_prefix("# id: "))
        .map(str::trim)
        .ok_or("the first line is not `# id: <id>`")?;
    let mut comment = Vec::new();
    let mut columns = Vec::new();
    for line in header {
        let text = line.trim_start_matches('#').trim();
        if let Some(names) = text.strip_prefix("columns:") {
            columns = names.split(',').map(str::trim).collect();
        } else if !text.is_empty() {
            comment.push(text);
        }
    }
    let mut items = Vec::new();
    for line in data_lines(source) {
        let item = if let Some(other) = line.strip_prefix('@') {
            Item::Include(other)
        } else if let Some(quoted) = line.strip_prefix('"').and_then(|l| l.strip_suffix('"')) {
            Item::Entry(vec![quoted])
        } else if columns.is_empty() {
            Item::Entry(vec![line])
        } else {
            let cells: Vec<&str> = line.split('\t').collect();
            if cells.len() != columns.len() {
                return Err(format!(
                    "{id}: `{line}` has {} cells, not {}",
                    cells.len(),
                    columns.len()
                ));
            }
            Item::Entry(cells)
        };
        items.push(item);
    }
    Ok(Raw {
        id,
        comment: comment.join(" "),
        columns,
        items,
    })
}

/// Appends the rows of `raw` to `rows`, those of included lists in their
/// place. `depth` stops a cycle of includes (the registry's test forbids
/// them).
fn expand(raw: &Raw, depth: usize, rows: &mut Vec<Vec<&'static str>>) -> Result<(), String> {
    if depth > 8 {
        return Err(format!("{}: includes nest too deep (a cycle?)", raw.id));
    }
    for item in &raw.items {
        match item {
            Item::Entry(cells) => rows.push(cells.clone()),
            Item::Include(other) => {
                let list = by_id(other).ok_or_else(|| format!("{}: no list `{other}` to include", raw.id))?;
                expand(&read(list.source)?, depth + 1, rows)?;
            }
        }
    }
    Ok(())
}

impl WordList {
    const fn new(id: &'static str, source: &'static str) -> Self {
        WordList {
            id,
            source,
            parsed: OnceLock::new(),
        }
    }

    fn parsed(&self) -> &Parsed {
        self.parsed.get_or_init(|| {
            let parse = || -> Result<Parsed, String> {
                let raw = read(self.source)?;
                let mut rows = Vec::new();
                expand(&raw, 0, &mut rows)?;
                Ok(Parsed {
                    comment: raw.comment,
                    columns: raw.columns,
                    entries: rows.iter().filter_map(|r| r.first().copied()).collect(),
                    rows,
                })
            };
            // The files are part of the build and checked by the unit tests
            // below; a failure here is a build defect.
            parse().unwrap_or_else(|e| panic!("data/words/{}.txt: {e}", self.id))
        })
    }

    /// The list's id (its file's name without `.txt`).
    pub fn id(&self) -> &'static str {
        self.id
    }

    /// What the list means and which rule reads it (the file's comment).
    pub fn comment(&self) -> &str {
        &self.parsed().comment
    }

    /// The entries in file order, included lists' entries in their place;
    /// for a table, the first cell of each row.
    pub fn entries(&self) -> &[&'static str] {
        &self.parsed().entries
    }

    /// For a table (`# columns:`), the column names; empty otherwise.
    pub fn columns(&self) -> &[&'static str] {
        &self.parsed().columns
    }

    /// Every row's cells, in file order (one cell a row unless the list is
    /// a table).
    pub fn rows(&self) -> &[Vec<&'static str>] {
        &self.parsed().rows
    }

    /// Every row read by `parse` (a table's typed cells, say), in file
    /// order. The files are part of the build and the tests read every
    /// table, so a row `parse` rejects is a build defect: it panics, naming
    /// the list and the row.
    pub(crate) fn parse_rows<T>(&self, parse: impl Fn(&[&'static str]) -> Option<T>) -> Vec<T> {
        self.rows()
            .iter()
            .map(|row| {
                parse(row)
                    .unwrap_or_else(|| panic!("data/words/{}.txt: the row `{}` does not read", self.id, row.join("\t")))
            })
            .collect()
    }
}

impl Deref for WordList {
    type Target = [&'static str];

    fn deref(&self) -> &[&'static str] {
        self.entries()
    }
}

impl std::fmt::Debug for WordList {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WordList").field("id", &self.id).finish_non_exhaustive()
    }
}

/// The list with id `id`, if the registry has one.
pub fn by_id(id: &str) -> Option<&'static WordList> {
    ALL.iter().copied().find(|l| l.id == id)
}

macro_rules! registry {
    ($($(#[doc = $doc:literal])* $name:ident = $id:literal;)*) => {
        $(
            $(#[doc = $doc])*
            pub static $name: WordList = WordList::new($id, include_str!(concat!("../data/words/", $id, ".txt")));
        )*

        /// Every list of the registry.
        pub static ALL: &[&WordList] = &[$(&$name),*];

        /// (Rust name, id) of every list, for the test that they agree.
        #[cfg(test)]
        const NAMES: &[(&str, &str)] = &[$((stringify!($name), $id)),*];
    };
}

registry! {
    // Company cues (context, recognise, names).
    /// Nouns right before a name that say it is a company ("AI startup Zentrobe").
    NOUN_CUES = "noun_cues";
    /// Phrases right before a name that make it a party to a deal ("acquisition of").
    DEAL_CUES = "deal_cues";
    /// Words right after a name that say it is a company ("Zentrobe CEO").
    ROLE_CUES = "role_cues";
    /// Words right after a name that show it is used as a company ("Apple said").
    COMPANY_CUES = "company_cues";
    /// Last words that make a multi-word name a company ("Lux Capital").
    COMPANY_HEADS = "company_heads";
    /// Company heads the shortest name leaves out ("Samsung Electronics").
    SHORT_NAME_HEADS = "short_name_heads";
    /// Words inside a full name that short mentions drop ("Zorbluk Global").
    DESCRIPTORS = "descriptors";
    /// Legal suffixes that make the words before them a company ("Acme Corp.").
    LEGAL_SUFFIXES = "legal_suffixes";
    /// Legal suffixes written with a full stop ("Corp.").
    DOTTED_LEGAL_SUFFIXES = "dotted_legal_suffixes";
    /// Nouns for a new business that a name is given to ("a venture called X").
    VENTURE_NOUNS = "venture_nouns";
    /// Words that make a sentence a report about investors ("Investors include").
    INVESTOR_CUES = "investor_cues";
    /// Nouns that name a company only in an apposition ("the dairy group").
    APPOSITION_CUES = "apposition_cues";
    /// Words that may follow an apposition's noun inside it ("a startup based in").
    APPOSITION_GOES_ON = "apposition_goes_on";

    // What is not a company or a product.
    /// Words that make a run an institution, a place or a title ("University").
    NOT_COMPANY_WORDS = "not_company_words";
    /// Capitalised words that start a sentence but never a name ("The").
    NOT_NAME_START = "not_name_start";
    /// The days of the week ("Monday"); records' dates too.
    WEEKDAYS = "weekdays";
    /// The months ("March"); records' dates too.
    MONTHS = "months";
    /// Technologies, categories and nationalities, never products ("AI", "5G").
    GENERIC_TERMS = "generic_terms";
    /// The nationalities in both generic_terms and demonyms ("Chinese").
    COMMON_NATIONALITIES = "common_nationalities";
    /// Nationality and direction words that never name a company ("South Korean").
    DEMONYMS = "demonyms";
    /// Endings of inflected common words that open sentences ("Initially").
    INFLECTED_ENDINGS = "inflected_endings";

    // Products.
    /// Nouns that make the name beside them a product ("search engine").
    PRODUCT_NOUNS = "product_nouns";
    /// Words that end the modifiers between a name and a product noun ("said").
    FUNCTION_WORDS = "function_words";
    /// Words before a platform company that make it the platform ("on Lyft").
    PLATFORM_CUES = "platform_cues";
    /// Words that name a model in a product line ("Pro", "mini").
    MODEL_WORDS = "model_words";
    /// Words after a number that make it a quantity ("30 GB").
    QUANTITY_UNITS = "quantity_units";

    // Lists of names and the words inside names.
    /// Text between names that lists them ("Quen Data, Orlix").
    LIST_JOINS = "list_joins";
    /// Text between a company and a name listed after it ("Acme & Bolt").
    COMPANY_LIST_JOINS = "company_list_joins";
    /// Text between two coordinated names ("OpenAI and Meta", "X vs Y").
    COORDINATION_JOINS = "coordination_joins";
    /// Lower-case words inside company names ("Bank of America").
    NAME_CONNECTORS = "name_connectors";
    /// Lower-case words a learned company span may hold ("Banco de Chile").
    NAME_JOINERS = "name_joiners";
    /// Words left out of a name's initials ("Bank of Far Isles" is "BFI").
    INITIALS_SKIP = "initials_skip";

    // People and places.
    /// Titles written before a surname ("Mr Hazelhoff").
    TITLES = "titles";
    /// Titles written with a full stop ("Dr.").
    DOTTED_TITLES = "dotted_titles";
    /// Words before a place ("built in Australia").
    PLACE_PREPOSITIONS = "place_prepositions";

    // Agreements.
    /// Words after "venture" that make it a modifier ("venture capital").
    VENTURE_MODIFIERS = "venture_modifiers";
    /// Words between a determiner and an agreement head ("the proposed deal").
    AGREEMENT_STATUS_WORDS = "agreement_status_words";
    /// Determiners that introduce a specific agreement ("the deal").
    AGREEMENT_DETERMINERS = "agreement_determiners";
    /// Verbs that give or get a permit ("granted a licence").
    PERMIT_VERBS = "permit_verbs";
    /// Agreement head nouns with strength and kind, longest first (a table: "deal").
    AGREEMENT_HEADS = "agreement_heads";
    /// Words before a head inside the span, with the kind they set (a table: "patent").
    AGREEMENT_KIND_WORDS = "agreement_kind_words";
    /// The article, singular demonstratives and possessives ("the", "their").
    DEFINITE_DETERMINERS = "definite_determiners";
    /// Status words both agreements and records skip before a deal ("the first deal").
    PRE_AGREEMENT_WORDS = "pre_agreement_words";
    /// Adjectives that make a deal only proposed ("a proposed merger").
    PROPOSAL_ADJECTIVES = "proposal_adjectives";

    // Records: who agreed with whom.
    /// Nouns after a company that make it a modifier, not a party ("OpenAI rivals").
    MODIFIER_NOUNS = "modifier_nouns";
    /// Nouns that name a kind of company ("startup", "chipmaker").
    COMPANY_KIND_NOUNS = "company_kind_nouns";
    /// Words that start another clause and end a party scan ("but", "unlike").
    CLAUSE_STOPS = "clause_stops";
    /// Words that end the scan for a subject left of a trigger ("if").
    LEFT_STOPS = "left_stops";
    /// Words that end the scans right of a trigger ("which", "said").
    RIGHT_STOPS = "right_stops";
    /// Prepositions through which a mention reaches its parties ("a deal with").
    MENTION_PREPOSITIONS = "mention_prepositions";
    /// Words before a mention that make it a reference to a told deal ("the deal").
    REFERENCE_DETERMINERS = "reference_determiners";
    /// Words between a determiner and a mention, outside it ("its own investment").
    PRE_MENTION_WORDS = "pre_mention_words";
    /// Words that stand in for a subject named earlier ("it", "the company").
    PRONOUN_SUBJECTS = "pronoun_subjects";
    /// Words before a deal that make it only proposed ("considering").
    PROPOSAL_CUES = "proposal_cues";
    /// Phrases that place a deal in the past ("years ago"); order matters.
    PAST_CUES = "past_cues";
    /// Phrases that date a report relative to it ("yesterday"); order matters.
    RELATIVE_DATES = "relative_dates";
    /// Dealing verbs with kind, stage and whether alone (a table: "acquired").
    DEALING_VERBS = "dealing_verbs";
    /// Verbs after "to" that say what a deal is for, with the kind (a table: "to acquire").
    PURPOSE_VERBS = "purpose_verbs";

    // Tokens.
    /// Abbreviations whose final full stop belongs to the word ("U.S.").
    ABBREVIATIONS = "abbreviations";
}

/// Pairs of lists that may share words, each with the reason: different
/// concepts that some words belong to both of. A list that holds another
/// whole includes it (`@id`) instead, and no pair, related or not, may have
/// one list's own words all in the other (that is a copy).
#[cfg(test)]
const RELATED: &[(&str, &[&str], &str)] = &[
    (
        "function_words",
        &[
            "agreement_determiners",
            "apposition_goes_on",
            "clause_stops",
            "company_cues",
            "definite_determiners",
            "mention_prepositions",
            "name_connectors",
            "place_prepositions",
            "platform_cues",
            "pre_agreement_words",
            "pre_mention_words",
            "pronoun_subjects",
            "quantity_units",
            "reference_determiners",
            "right_stops",
        ],
        "a stop list of closed-class words and reporting verbs (the product cue stops at any of them); the \
         others use some of the same determiners, prepositions, pronouns and verbs as cues of their own, \
         or as the stops of the records' own scans (\"but\", \"which\", \"said\")",
    ),
    (
        "apposition_goes_on",
        &[
            "agreement_determiners",
            "definite_determiners",
            "investor_cues",
            "mention_prepositions",
            "name_connectors",
            "place_prepositions",
            "quantity_units",
            "right_stops",
        ],
        "relative words, prepositions and participles that continue an apposition (\"that\", \"of\", \"in\", \
         \"led\", \"backed\") are also determiners, connectors, place prepositions, investor words, \"in\" \
         the inch, prepositions that link a deal to its parties (\"a deal with\"), and relative words that \
         end the records' scans right of a trigger",
    ),
    (
        "company_cues",
        &[
            "agreement_status_words",
            "deal_cues",
            "dotted_legal_suffixes",
            "investor_cues",
            "legal_suffixes",
            "dealing_verbs",
            "pre_agreement_words",
            "right_stops",
            "role_cues",
            "venture_modifiers",
        ],
        "what follows a company's name: its suffix (\"Inc\"), its people (\"CEO\"), its stock and \
         investors, what it did (\"said\", \"agreed\", \"bought\"); the other lists hold some of the same \
         words for cues in other positions",
    ),
    (
        "venture_modifiers",
        &["company_kind_nouns", "investor_cues", "noun_cues", "venture_nouns"],
        "business nouns after \"venture\" (\"venture firm\", \"venture funding\") are company nouns and \
         investor words elsewhere",
    ),
    (
        "noun_cues",
        &["investor_cues", "venture_nouns"],
        "a noun before a name (\"startup X\") can also be given a name (\"a startup called X\") or make an \
         investor sentence (\"investor\")",
    ),
    (
        "quantity_units",
        &["agreement_status_words", "place_prepositions"],
        "\"million\", \"billion\" and \"in\" (inches) are units after a number, status words before a deal, \
         and a preposition",
    ),
    (
        "definite_determiners",
        &["name_connectors", "platform_cues"],
        "\"the\" also joins names (\"Bank of the West\"); \"his\", \"her\" also make a platform (\"her Twitter\")",
    ),
    (
        "descriptors",
        &["legal_suffixes", "not_name_start"],
        "\"Group\", \"Holdings\", \"Corporation\" are legal forms and descriptors short mentions drop; \
         \"Company\" also opens sentences (\"Company shares fell\")",
    ),
    (
        "apposition_cues",
        &["venture_nouns"],
        "\"business\" names a company in an apposition and a new business given a name",
    ),
    (
        "company_kind_nouns",
        &["venture_nouns"],
        "a kind of company before a name (\"startup X\") can also be given a name (\"a startup called X\")",
    ),
    (
        "modifier_nouns",
        &[
            "agreement_status_words",
            "apposition_cues",
            "company_cues",
            "company_kind_nouns",
            "investor_cues",
            "noun_cues",
            "product_nouns",
            "role_cues",
            "venture_modifiers",
            "venture_nouns",
        ],
        "a company's people, stock, units and products (\"OpenAI rivals\", \"Apple shares\", \"Nvidia \
         chips\") after its name make it a modifier, not a party; the same nouns are cues that a name is a \
         company or a product, kinds of company (\"chip giant Nvidia\"), investor words, a new venture's noun, and \
         \"stock\" a kind of payment before a deal (\"a stock deal\")",
    ),
    (
        "right_stops",
        &["agreement_determiners", "definite_determiners"],
        "\"that\" and \"whose\" are determiners before a deal (\"that deal\", \"whose partnership\") and relative \
         words that start a clause, where the records' scans right of a trigger stop",
    ),
    (
        "mention_prepositions",
        &["name_connectors", "place_prepositions", "quantity_units"],
        "the prepositions that link a deal to its parties (\"a deal with Y\", \"an investment in Y\") also join words \
         inside a name (\"Bank of America\") and come before a place; \"in\" is also the inch",
    ),
    (
        "pronoun_subjects",
        &[
            "apposition_cues",
            "company_kind_nouns",
            "noun_cues",
            "venture_modifiers",
            "venture_nouns",
        ],
        "the generic company nouns stand in for a company named earlier (\"the company\", \"the firm\", \
         \"the group\"); the same nouns say that a name beside them is a company or a new venture, and \
         make \"venture\" a modifier (\"venture firms\")",
    ),
    (
        "dealing_verbs",
        &[
            "investor_cues",
            "modifier_nouns",
            "noun_cues",
            "pre_agreement_words",
            "purpose_verbs",
            "venture_modifiers",
        ],
        "the records' triggers are verbs in all their forms; some forms are also investor words (\"raised\"), a \
         status before a deal (\"the agreed deal\"), after \"to\" a deal's purpose (\"agreed to acquire\" has \
         both), and as nouns a company's relation (\"partner\") or team (the frames read \"team up\" only)",
    ),
    (
        "deal_cues",
        &["dealing_verbs", "purpose_verbs"],
        "verbs of buying before a name make it a party to a deal in recognition (\"acquired X\"); the records \
         read the same forms as triggers (\"acquired\") and, after \"to\", as a deal's purpose (\"to acquire\")",
    ),
    (
        "agreement_heads",
        &[
            "agreement_kind_words",
            "dealing_verbs",
            "investor_cues",
            "purpose_verbs",
            "venture_modifiers",
            "venture_nouns",
        ],
        "an agreement's head nouns also stand before another head as kind words (\"partnership agreement\", \
         \"license agreement\", which the mention finder reads so), are verbs (\"to license\"), investor \
         words (\"funding round\"), nouns that make \"venture\" a modifier (\"venture funding\"), and the noun \
         for a new business (\"the venture, known as X\")",
    ),
    (
        "agreement_kind_words",
        &[
            "dealing_verbs",
            "investor_cues",
            "modifier_nouns",
            "pre_mention_words",
            "product_nouns",
            "purpose_verbs",
            "venture_modifiers",
        ],
        "the words that say what kind an agreement is (\"supply deal\", \"cloud partnership\") are elsewhere \
         verbs (\"to supply\", \"license\"), products and services, a company's business after its name \
         (\"Apple services\"), investor words (\"funding\"); \"full\" is inside the span here (\"full \
         partnership\") and skipped before a mention by the records' definite check",
    ),
    (
        "past_cues",
        &["relative_dates"],
        "\"last year\" both dates a report (its date) and places the deal in the past (its era, which keeps \
         it apart from a deal made now)",
    ),
];

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet, HashSet};

    use super::*;

    fn raw(list: &WordList) -> Raw {
        read(list.source).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn ids_are_unique_and_match_the_file_and_rust_names() {
        let mut seen = HashSet::new();
        for list in ALL {
            assert!(seen.insert(list.id), "two lists have the id {}", list.id);
            assert_eq!(
                raw(list).id,
                list.id,
                "data/words/{}.txt: `# id:` is not the file name",
                list.id
            );
        }
        for (name, id) in NAMES {
            assert_eq!(*name, id.to_uppercase(), "the static of {id}");
        }
    }

    /// Reads the data directory, so not in the browser.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn every_file_is_registered() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/words");
        let files: BTreeSet<String> = std::fs::read_dir(&dir)
            .expect("data/words is readable")
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .collect();
        let registered: BTreeSet<String> = ALL.iter().map(|l| format!("{}.txt", l.id)).collect();
        assert_eq!(
            files, registered,
            "files in data/words and lists in the registry differ"
        );
    }

    #[test]
    fn every_list_reads_and_is_commented_non_empty_and_without_duplicates() {
        for list in ALL {
            let raw = raw(list);
            assert!(list.comment().len() >= 20, "{} has no comment", list.id);
            assert!(!list.is_empty() && !raw.own().is_empty(), "{} is empty", list.id);
            let mut seen = HashSet::new();
            for entry in list.iter() {
                assert!(seen.insert(*entry), "{} has `{entry}` twice", list.id);
                assert!(!entry.is_empty(), "{} has an empty entry", list.id);
            }
            for item in &raw.items {
                if let Item::Entry(cells) = item {
                    for cell in cells {
                        // A space at either end is written in quotes, so that
                        // it is seen; other entries have none.
                        let quoted = list.source.lines().any(|l| l == format!("\"{cell}\""));
                        assert_eq!(quoted, cell.trim() != *cell, "{}: `{cell}`", list.id);
                    }
                }
            }
            // Tables are read by column; an include would mix layouts.
            let includes = raw.items.iter().any(|i| matches!(i, Item::Include(_)));
            assert!(
                raw.columns.is_empty() || !includes,
                "{} is a table with includes",
                list.id
            );
            assert!(list.rows().iter().all(|r| r.len() == list.columns().len().max(1)));
        }
    }

    #[test]
    #[should_panic(expected = "data/words/model_words.txt: the row `pro\tiPhone 11 Pro` does not read")]
    fn a_row_that_does_not_read_is_a_defect_that_names_the_list_and_row() {
        MODEL_WORDS.parse_rows(|row| (row[0] != "pro").then_some(()));
    }

    #[test]
    fn includes_name_lists_and_make_no_cycle() {
        let includes: BTreeMap<&str, Vec<&str>> = ALL
            .iter()
            .map(|l| {
                let raw = raw(l);
                let inc = raw
                    .items
                    .iter()
                    .filter_map(|i| match i {
                        Item::Include(id) => Some(*id),
                        Item::Entry(_) => None,
                    })
                    .collect();
                (l.id, inc)
            })
            .collect();
        fn reaches(includes: &BTreeMap<&str, Vec<&str>>, from: &str, to: &str, depth: usize) -> bool {
            depth < 16
                && includes[from]
                    .iter()
                    .any(|&i| i == to || reaches(includes, i, to, depth + 1))
        }
        for (id, inc) in &includes {
            for i in inc {
                assert!(includes.contains_key(i), "{id} includes `{i}`, which is no list");
                assert!(
                    by_id(i).is_some_and(|l| l.columns().is_empty()),
                    "{id} includes the table {i}"
                );
            }
            assert!(!reaches(&includes, id, id, 0), "{id} includes itself");
        }
    }

    #[test]
    fn no_word_is_written_in_two_lists_unless_they_are_related() {
        let related: HashSet<(&str, &str)> = RELATED
            .iter()
            .flat_map(|(a, others, _)| others.iter().flat_map(move |b| [(*a, *b), (*b, *a)]))
            .collect();
        let own: Vec<(&str, BTreeSet<&str>)> = ALL.iter().map(|l| (l.id, raw(l).own().into_iter().collect())).collect();
        let mut used = HashSet::new();
        for (i, (a, words_a)) in own.iter().enumerate() {
            for (b, words_b) in &own[i + 1..] {
                let shared: Vec<&&str> = words_a.intersection(words_b).collect();
                if shared.is_empty() {
                    continue;
                }
                assert!(
                    related.contains(&(*a, *b)),
                    "{a} and {b} share {shared:?}: include one list in the other, move the shared words to a \
                     list both include, or declare the pair in RELATED with the reason"
                );
                used.insert((*a, *b));
                used.insert((*b, *a));
                // A related pair shares some words, never one list whole.
                let whole = shared.len() == words_a.len() || shared.len() == words_b.len();
                assert!(
                    !whole,
                    "{a} and {b}: one is a copy of part of the other; include it instead"
                );
            }
        }
        for pair in &related {
            assert!(
                by_id(pair.0).is_some() && by_id(pair.1).is_some(),
                "RELATED names no list: {pair:?}"
            );
            assert!(used.contains(pair), "RELATED declares {pair:?}, which share no word");
        }
    }
}
