//! Agreement records through the public API: who agreed with whom and what
//! kind of deal it was, for one short text per row (frames, references,
//! merging), and a megabyte of text read in linear time.
#![cfg(not(target_arch = "wasm32"))]

use pactlens_engine::{annotate, AgreementKind};
use AgreementKind as K;

struct Row {
    name: &'static str,
    text: &'static str,
    /// Records reported as made: sorted parties and kind.
    want: &'static [(&'static [&'static str], AgreementKind)],
}

const ROWS: &[Row] = &[
    Row {
        name: "X signed an agreement with Y",
        text: "Oracle signed a supply agreement with Siemens on Monday.",
        want: &[(&["Oracle", "Siemens"], K::Supply)],
    },
    Row {
        name: "X and Y signed (coordinated subject)",
        text: "Sony and Honda signed a memorandum of understanding last week.",
        want: &[(&["Honda", "Sony"], K::Mou)],
    },
    Row {
        name: "X and <place>'s Y agreed (described second subject)",
        text: "Germany's Siemens and Japan's Hitachi agreed to deepen their alliance on Tuesday.",
        want: &[(&["Hitachi", "Siemens"], K::Partnership)],
    },
    Row {
        name: "a name after a comma is not described by the words before it",
        text: "After meeting Toyota and trade officials, Hitachi said it had signed a licensing agreement.",
        want: &[(&["Hitachi"], K::Licensing)],
    },
    Row {
        name: "an 'and' opening the text before a described company",
        text: "and rival Siemens signed a licensing agreement.",
        want: &[(&["Siemens"], K::Licensing)],
    },
    Row {
        name: "a stage word describing a company in apposition is not the deal's stage",
        text: "Siemens, the rejected bidder for the unit, has signed a licensing agreement with Hitachi.",
        want: &[(&["Hitachi", "Siemens"], K::Licensing)],
    },
    Row {
        name: "X and <description> Y signed",
        text: "Toyota and German rival Siemens signed a licensing agreement.",
        want: &[(&["Siemens", "Toyota"], K::Licensing)],
    },
    Row {
        name: "X agreed to acquire Y",
        text: "Oracle agreed to acquire Cerner for $28 billion.",
        want: &[(&["Cerner", "Oracle"], K::Acquisition)],
    },
    Row {
        name: "X will acquire Y; the deal refers back",
        text: "Cisco will acquire Splunk. The deal is expected to close next year.",
        want: &[(&["Cisco", "Splunk"], K::Acquisition)],
    },
    Row {
        name: "passive: Y was acquired by X",
        text: "LinkedIn was acquired by Microsoft in a cash deal.",
        want: &[(&["LinkedIn", "Microsoft"], K::Acquisition)],
    },
    Row {
        name: "X invested in Y",
        text: "Google invested $300 million in Anthropic.",
        want: &[(&["Anthropic", "Google"], K::Investment)],
    },
    Row {
        name: "X merged with Y",
        text: "Walmart merged with Asda in a deal that closed in 1999.",
        want: &[(&["Asda", "Walmart"], K::Merger)],
    },
    Row {
        name: "X's acquisition of Y (nominal)",
        text: "Analysts praised Disney's acquisition of Pixar.",
        want: &[(&["Disney", "Pixar"], K::Acquisition)],
    },
    Row {
        name: "buying a stake is an investment",
        text: "Toyota bought a 5 percent stake in Uber.",
        want: &[(&["Toyota", "Uber"], K::Investment)],
    },
    Row {
        name: "X sold its unit to Y: seller and buyer",
        text: "IBM sold its PC unit to Lenovo in 2005.",
        want: &[(&["IBM", "Lenovo"], K::Acquisition)],
    },
    Row {
        name: "proposed deals produce no record",
        text: "Microsoft is in talks to acquire Activision.",
        want: &[],
    },
    Row {
        name: "failed deals produce no record",
        text: "Broadcom's proposed takeover of Qualcomm collapsed.",
        want: &[],
    },
    Row {
        name: "funding round: the company and every named investor",
        text: "Nervana raised $20 million in a funding round led by Sequoia Capital, with participation from Andreessen Horowitz and Accel.",
        want: &[(&["Accel", "Andreessen Horowitz", "Nervana", "Sequoia Capital"], K::Investment)],
    },
    Row {
        name: "investor list after the round joins it",
        text: "Nervana closed a $20 million funding round. Investors include Sequoia Capital and Accel.",
        want: &[(&["Accel", "Nervana", "Sequoia Capital"], K::Investment)],
    },
    Row {
        name: "references: the partnership and the merger resolve to the latest record",
        text: "Microsoft and Walmart announced a partnership. The partnership covers cloud and AI. The agreement runs for five years.",
        want: &[(&["Microsoft", "Walmart"], K::Partnership)],
    },
    Row {
        name: "a rumoured deal gets no record",
        text: "Rumours of a takeover of Sina by Shanda lifted its shares.",
        want: &[],
    },
    Row {
        name: "states without an event get no record",
        text: "SoftBank is an investor in Uber and works with Toyota.",
        want: &[],
    },
    Row {
        name: "an earlier deal is its own record",
        text: "Intel and Samsung signed a partnership today. In 2016, Intel bought and licensed patents from Samsung.",
        want: &[(&["Intel", "Samsung"], K::Partnership), (&["Intel", "Samsung"], K::Licensing)],
    },
    Row {
        name: "X and Y team up to develop (headline verb)",
        text: "Oracle and Siemens team up to develop factory robots",
        want: &[(&["Oracle", "Siemens"], K::Collaboration)],
    },
    Row {
        name: "owners listed with a description: co-owned by X, Y and services company Z",
        text: "SoftBank formed a joint venture co-owned by SoftBank, Oracle, and engineering services company Siemens.",
        want: &[(&["Oracle", "Siemens", "SoftBank"], K::JointVenture)],
    },
    Row {
        name: "X signed a deal with an unnamed Y to develop: one party, the purpose's kind",
        text: "Oracle has signed a deal with an unnamed automaker to further develop the technology.",
        want: &[(&["Oracle"], K::Collaboration)],
    },
    Row {
        name: "a pronoun in a later clause is the sentence's subject",
        text: "Analysts told Reuters that Oracle signed a supply deal with Siemens, while it also entered into a partnership with Nokia.",
        want: &[(&["Oracle", "Siemens"], K::Supply), (&["Nokia", "Oracle"], K::Partnership)],
    },
    Row {
        name: "a which-clause: X, which made a push with the acquisition of Y",
        text: "Oracle competes with Siemens, which recently made its own AI push with the acquisition of Nokia.",
        want: &[(&["Nokia", "Siemens"], K::Acquisition)],
    },
    Row {
        name: "coordinated mentions share the subject and stay separate deals",
        text: "Oracle signed a licensing deal with Siemens. The company also announced a deal to provide equipment for a city and a health partnership with Nokia.",
        want: &[
            (&["Oracle", "Siemens"], K::Licensing),
            (&["Oracle"], K::Supply),
            (&["Nokia", "Oracle"], K::Partnership),
        ],
    },
    Row {
        name: "its own mention: a pronoun possessor is the sentence's subject",
        text: "Intel Capital said that after it set up a new fund, which made its inaugural investment in AI startup Zentrobe, it grew.",
        want: &[(&["Intel Capital", "Zentrobe"], K::Investment)],
    },
    Row {
        name: "the latter of which is not the last subject",
        text: "Oracle acquired Siemens. Many firms exist, including Nokia and Quorvex, the latter of which raised $4 million in funding.",
        want: &[(&["Oracle", "Siemens"], K::Acquisition)],
    },
    Row {
        name: "a venture as the subject of a dealing verb makes no record of its own",
        text: "Oracle and Siemens formed a joint venture. The venture will acquire the systems owned by Nokia. \
               The new venture will acquire the\nNokia trade name.",
        want: &[(&["Oracle", "Siemens"], K::JointVenture)],
    },
    Row {
        name: "their mention: X and Y said they may expand their cooperation (an existing deal)",
        text: "On Monday, Oracle and Siemens said they may expand their cooperation to batteries.",
        want: &[(&["Oracle", "Siemens"], K::Collaboration)],
    },
    Row {
        name: "a relative clause after a common noun has that noun as subject",
        text: "Oracle said it agreed to buy a stake in a company that will sell chips made by Siemens.",
        want: &[],
    },
    Row {
        name: "a source before the subject is not a party",
        text: "According to a report by Reuters, Google has invested $300 million in Anthropic.",
        want: &[(&["Anthropic", "Google"], K::Investment)],
    },
    Row {
        name: "a headline's parent name folds into the investment arm the body names",
        text: "Microsoft invests in Zentrobe\n\nAI startup Zentrobe has closed a $3 million funding round led by Microsoft Ventures. \
               The Zentrobe investment came from the main fund.",
        want: &[(&["Microsoft Ventures", "Zentrobe"], K::Investment)],
    },
];

#[test]
fn record_table() {
    for row in ROWS {
        let ann = annotate(row.text);
        let mut got: Vec<(Vec<String>, AgreementKind)> = ann
            .agreements
            .iter()
            .filter(|r| r.status.is_made())
            .map(|r| {
                let mut p = r.parties.clone();
                p.sort();
                (p, r.kind)
            })
            .collect();
        got.sort_by(|a, b| a.0.cmp(&b.0).then(format!("{:?}", a.1).cmp(&format!("{:?}", b.1))));
        let mut want: Vec<(Vec<String>, AgreementKind)> = row
            .want
            .iter()
            .map(|(p, k)| (p.iter().map(|s| s.to_string()).collect(), *k))
            .collect();
        want.sort_by(|a, b| a.0.cmp(&b.0).then(format!("{:?}", a.1).cmp(&format!("{:?}", b.1))));
        assert_eq!(got, want, "row: {}", row.name);
    }
}

#[test]
fn a_megabyte_annotates_quickly() {
    let chunk = "Oracle signed a supply agreement with Siemens. The deal closed. Google invested in Anthropic. ";
    let text = chunk.repeat(1_000_000 / chunk.len());
    let start = std::time::Instant::now();
    let ann = annotate(&text);
    assert!(!ann.agreements.is_empty());
    // Generous for debug builds; release is far faster.
    assert!(start.elapsed().as_secs() < 30);
}
