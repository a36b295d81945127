//! Checks `ARCHITECTURE.md` against the engine's source: every module the
//! layer table names exists and every module is in it, no module imports a
//! module of a later layer, the modules import each other without a cycle,
//! and no source file is over 800 lines.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

const MAX_LINES: usize = 800;

fn engine_src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every `.rs` file under `dir`.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a source file belongs to (`records/frames.rs` →
/// `records`), or `None` for `lib.rs`.
fn module_of(path: &Path) -> Option<String> {
    let rel = path.strip_prefix(engine_src()).ok()?;
    let first = rel.components().next()?.as_os_str().to_str()?;
    let name = first.strip_suffix(".rs").unwrap_or(first);
    (name != "lib").then(|| name.to_string())
}

/// The modules `source` names as `crate::<module>`, comments left out.
fn imports(source: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for line in source.lines().filter(|l| !l.trim_start().starts_with("//")) {
        let mut rest = line;
        while let Some(at) = rest.find("crate::") {
            let after = &rest[at + "crate::".len()..];
            let name: String = after
                .chars()
                .take_while(|c| c.is_ascii_lowercase() || *c == '_' || c.is_ascii_digit())
                .collect();
            if !name.is_empty() {
                out.insert(name);
            }
            rest = after;
        }
    }
    out
}

/// Module → the modules it imports, over every source file.
fn import_graph() -> BTreeMap<String, BTreeSet<String>> {
    let mut files = Vec::new();
    rust_files(&engine_src(), &mut files);
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in files {
        let Some(module) = module_of(&file) else { continue };
        let source = fs::read_to_string(&file).unwrap_or_default();
        let deps = graph.entry(module.clone()).or_default();
        deps.extend(imports(&source).into_iter().filter(|d| *d != module));
    }
    graph
}

/// (module, layer) rows of the table in ARCHITECTURE.md: lines of the form
/// "| `module` | 3 | ... |".
fn layer_table() -> BTreeMap<String, u32> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ARCHITECTURE.md");
    let doc = fs::read_to_string(path).unwrap_or_default();
    let mut out = BTreeMap::new();
    for line in doc.lines() {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        if cells.len() < 4 {
            continue;
        }
        let (Some(name), Ok(layer)) = (
            cells[1].strip_prefix('`').and_then(|c| c.strip_suffix('`')),
            cells[2].parse::<u32>(),
        ) else {
            continue;
        };
        out.insert(name.to_string(), layer);
    }
    out
}

/// A cycle in `graph`, if there is one (depth-first search).
fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        m: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        done: &mut BTreeSet<String>,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|p| p == m) {
            let mut cycle = path[at..].to_vec();
            cycle.push(m.to_string());
            return Some(cycle);
        }
        if done.contains(m) {
            return None;
        }
        path.push(m.to_string());
        for dep in graph.get(m).into_iter().flatten() {
            if let Some(c) = visit(dep, graph, done, path) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(m.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph.keys().find_map(|m| visit(m, graph, &mut done, &mut Vec::new()))
}

#[test]
fn the_layer_table_names_exactly_the_engine_modules() {
    let table = layer_table();
    assert!(
        table.len() >= 10,
        "ARCHITECTURE.md's layer table did not read: {table:?}"
    );
    let modules: BTreeSet<String> = import_graph().into_keys().collect();
    let named: BTreeSet<String> = table.keys().cloned().collect();
    let missing: Vec<_> = named.difference(&modules).collect();
    assert!(
        missing.is_empty(),
        "ARCHITECTURE.md names modules that do not exist: {missing:?}"
    );
    let unlisted: Vec<_> = modules.difference(&named).collect();
    assert!(
        unlisted.is_empty(),
        "modules missing from ARCHITECTURE.md: {unlisted:?}"
    );
}

#[test]
fn no_module_imports_a_later_layer() {
    let table = layer_table();
    let mut wrong = Vec::new();
    for (module, deps) in import_graph() {
        let Some(&layer) = table.get(&module) else { continue };
        for dep in deps {
            if let Some(&dep_layer) = table.get(&dep) {
                if dep_layer > layer {
                    wrong.push(format!("{module} (layer {layer}) imports {dep} (layer {dep_layer})"));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn modules_import_each_other_without_a_cycle() {
    let graph = import_graph();
    assert!(
        graph.get("annotate").is_some_and(|d| d.contains("records")),
        "the import scan found nothing"
    );
    assert_eq!(find_cycle(&graph), None);
}

#[test]
fn the_cycle_finder_finds_a_cycle() {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    graph.entry("a".into()).or_default().insert("b".into());
    graph.entry("b".into()).or_default().insert("c".into());
    graph.entry("c".into()).or_default().insert("a".into());
    assert_eq!(find_cycle(&graph).map(|c| c.len()), Some(4));
    graph.entry("c".into()).or_default().clear();
    assert_eq!(find_cycle(&graph), None);
}

#[test]
fn no_source_file_is_over_800_lines() {
    let mut files = Vec::new();
    rust_files(&engine_src(), &mut files);
    let long: Vec<String> = files
        .iter()
        .filter_map(|f| {
            let n = fs::read_to_string(f).ok()?.lines().count();
            (n > MAX_LINES).then(|| format!("{} ({n} lines)", f.display()))
        })
        .collect();
    assert!(files.len() > 20, "no source files found");
    assert!(long.is_empty(), "over {MAX_LINES} lines: {long:?}");
}
