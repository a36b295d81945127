//! The engine's output: marks, agreement records, and the summary the
//! sidebar shows.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::agreements::{AgreementKind, Status};
use crate::span::{Label, Source, Span};

/// One marked span of the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mark {
    /// Byte range in the text.
    pub span: Span,
    /// COMPANY, PRODUCT or AGREEMENT.
    pub label: Label,
    /// Why the engine made it.
    pub source: Source,
    /// The entity's canonical name (for agreements: the span's text).
    pub canonical: String,
    /// For products: the owning company, from the lexicon or the text.
    pub owner: Option<String>,
    /// For agreements: the kind the words suggest.
    pub kind: Option<AgreementKind>,
}

/// One real-world agreement the text reports, however often it is mentioned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgreementRecord {
    /// Canonical names of the companies party to it.
    pub parties: Vec<String>,
    /// What they agreed to do.
    pub kind: AgreementKind,
    /// What the text says happened to it: signed, proposed, failed...
    pub status: Status,
    /// Indexes into [`Annotation::marks`] of its AGREEMENT mentions.
    pub mentions: Vec<usize>,
    /// The date expression the text ties to it, as written.
    pub date: Option<String>,
    /// What it covers, in a few words ("cloud, AI and laptop-type devices").
    #[serde(default)]
    pub scope: Option<String>,
    /// Its value as written ("$4.4 billion").
    #[serde(default)]
    pub value: Option<String>,
    /// The sentences it was read from.
    pub evidence: Vec<Span>,
}

/// Everything the engine found in one text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Annotation {
    /// Non-overlapping marks sorted by position.
    pub marks: Vec<Mark>,
    /// Agreement records in order of first evidence.
    pub agreements: Vec<AgreementRecord>,
}

/// A company and how often the text mentions it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompanyCount {
    /// Canonical name.
    pub name: String,
    /// Number of COMPANY marks for it.
    pub count: usize,
}

/// A product and how often the text mentions it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductCount {
    /// Canonical name.
    pub name: String,
    /// Number of PRODUCT marks for it.
    pub count: usize,
}

/// The products of one owner (or of no known owner).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnerProducts {
    /// The owning company, `None` for products whose owner is unknown.
    pub owner: Option<String>,
    /// Its products, most mentioned first.
    pub products: Vec<ProductCount>,
}

/// What the sidebar shows: who is mentioned and which products are whose.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// Companies, most mentioned first (ties: first mentioned first).
    pub companies: Vec<CompanyCount>,
    /// Products grouped by owner; owners in the order of `companies`, the
    /// unowned group last.
    pub products: Vec<OwnerProducts>,
}

impl Annotation {
    /// Counts companies and groups products under their owners.
    pub fn summary(&self) -> Summary {
        let companies = count_by_name(self.marks.iter().filter(|m| m.label == Label::Company));
        let mut groups: HashMap<Option<String>, Vec<&Mark>> = HashMap::new();
        for m in self.marks.iter().filter(|m| m.label == Label::Product) {
            groups.entry(m.owner.clone()).or_default().push(m);
        }
        let rank = |owner: &Option<String>| match owner {
            Some(o) => companies.iter().position(|c| &c.name == o).unwrap_or(companies.len()),
            None => usize::MAX,
        };
        let mut products: Vec<OwnerProducts> = groups
            .into_iter()
            .map(|(owner, marks)| OwnerProducts {
                owner,
                products: count_by_name(marks.into_iter())
                    .into_iter()
                    .map(|c| ProductCount {
                        name: c.name,
                        count: c.count,
                    })
                    .collect(),
            })
            .collect();
        products.sort_by(|a, b| rank(&a.owner).cmp(&rank(&b.owner)).then_with(|| a.owner.cmp(&b.owner)));
        Summary { companies, products }
    }
}

fn count_by_name<'m>(marks: impl Iterator<Item = &'m Mark>) -> Vec<CompanyCount> {
    let mut order: Vec<CompanyCount> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for m in marks {
        match index.get(m.canonical.as_str()) {
            Some(&i) => order[i].count += 1,
            None => {
                index.insert(&m.canonical, order.len());
                order.push(CompanyCount {
                    name: m.canonical.clone(),
                    count: 1,
                });
            }
        }
    }
    // Stable: ties keep first-mention order.
    order.sort_by_key(|c| std::cmp::Reverse(c.count));
    order
}
