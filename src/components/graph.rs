//! The partner graph: companies that are party to an agreement as nodes
//! (sized by mentions), agreements as edges labelled by kind. Drawn as SVG
//! by the app; every edge is focusable and opens its card.

use std::collections::HashMap;

use pactlens_engine::{Annotation, Label};
use yew::prelude::*;

use crate::components::cards::{kind_name, status_name, toggle_handlers};
use crate::shared::Shared;

/// Props: the annotation and how to open a card.
#[derive(Properties, PartialEq)]
pub struct GraphProps {
    /// The engine's output.
    pub annotation: Shared<Annotation>,
    /// The open card, if any.
    pub focused: Option<usize>,
    /// Called with the record to open.
    pub on_focus: Callback<Option<usize>>,
}

const SIZE: f64 = 300.0;
const RADIUS: f64 = 105.0;

/// The graph, or nothing when no agreement has two parties.
#[function_component(PartnerGraph)]
pub fn partner_graph(props: &GraphProps) -> Html {
    let ann = &props.annotation;
    // Parties in order of first appearance.
    let mut nodes: Vec<&str> = Vec::new();
    for r in ann.agreements.iter().filter(|r| r.parties.len() >= 2) {
        for p in &r.parties {
            if !nodes.contains(&p.as_str()) {
                nodes.push(p);
            }
        }
    }
    if nodes.len() < 2 {
        return html! {};
    }
    let mut mentions: HashMap<&str, usize> = HashMap::new();
    for m in ann.marks.iter().filter(|m| m.label == Label::Company) {
        *mentions.entry(m.canonical.as_str()).or_default() += 1;
    }
    let most = nodes
        .iter()
        .map(|n| mentions.get(n).copied().unwrap_or(1))
        .max()
        .unwrap_or(1) as f64;
    let centre = SIZE / 2.0;
    let place = |i: usize| {
        let angle = std::f64::consts::TAU * i as f64 / nodes.len() as f64 - std::f64::consts::FRAC_PI_2;
        (centre + RADIUS * angle.cos(), centre + RADIUS * angle.sin())
    };
    let index: HashMap<&str, usize> = nodes.iter().enumerate().map(|(i, n)| (*n, i)).collect();

    let edges = ann.agreements.iter().enumerate().flat_map(|(ri, r)| {
        let ends: Vec<usize> = r
            .parties
            .iter()
            .filter_map(|p| index.get(p.as_str()).copied())
            .collect();
        let pairs: Vec<(usize, usize)> = ends
            .iter()
            .enumerate()
            .flat_map(|(k, &a)| ends[k + 1..].iter().map(move |&b| (a, b)))
            .collect();
        let open = props.focused == Some(ri);
        pairs.into_iter().map(move |(a, b)| (ri, a, b, open, r))
    });
    let edges = edges.map(|(ri, a, b, open, r)| {
        let ((x1, y1), (x2, y2)) = (place(a), place(b));
        let (onclick, onkeydown) = toggle_handlers(&props.on_focus, ri, open);
        let tip = format!(
            "{}: {} ({}){}",
            r.parties.join(" – "),
            kind_name(r.kind),
            status_name(r.status),
            r.date.as_ref().map(|d| format!(", {d}")).unwrap_or_default()
        );
        html! {
            <g class={classes!("edge", open.then_some("open"))} tabindex="0" role="button" {onclick} {onkeydown}
                aria-label={tip.clone()}>
                <title>{ tip }</title>
                <line x1={x1.to_string()} y1={y1.to_string()} x2={x2.to_string()} y2={y2.to_string()} />
                <text x={((x1 + x2) / 2.0).to_string()} y={((y1 + y2) / 2.0 - 4.0).to_string()} class="edge-label">
                    { kind_name(r.kind) }
                </text>
            </g>
        }
    });
    let circles = nodes.iter().enumerate().map(|(i, n)| {
        let (x, y) = place(i);
        let count = mentions.get(n).copied().unwrap_or(1) as f64;
        let r = 7.0 + 13.0 * (count / most).sqrt();
        html! {
            <g class="node">
                <title>{ format!("{n}: {count} mentions") }</title>
                <circle cx={x.to_string()} cy={y.to_string()} r={r.to_string()} />
                <text x={x.to_string()} y={(y + r + 12.0).to_string()} class="node-label">{ *n }</text>
            </g>
        }
    });
    html! {
        <figure class="graph">
            <svg viewBox={format!("-40 -20 {} {}", SIZE + 80.0, SIZE + 50.0)} role="img"
                aria-label="Partner graph: companies joined by their agreements">
                { for edges }
                { for circles }
            </svg>
            <figcaption>{"Who agreed with whom. Select a line to see its card."}</figcaption>
        </figure>
    }
}
