//! The flow `commands → render / rules / derive → ledger → workbook → base`, held by a test:
//! every `crate::…`, `super::…` and `self::…` path in `src/**/*.rs` (in `use` items, types,
//! expressions and macro bodies alike, read with `syn`) is mapped to the top-level module it
//! reaches, and an arrow that the table below does not allow fails with file:line.
//!
//! One crate with a test rather than a workspace of crates: on the two cores this is built on,
//! a workspace recompiles more and links more, and the test says the same thing with a clearer
//! message (the file, the line and the forbidden arrow).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use proc_macro2::{TokenStream, TokenTree};
use syn::visit::Visit;

/// The layers, lowest first, for the message and for a check of [`ALLOWED`] itself: an
/// allowed arrow never points at a higher layer.
const LAYERS: &[(&str, &[&str])] = &[
    // cell references, A1 names, text folding, numbers as printed, OS errors in words; the
    // tables of the templates (titles, headers, columns)
    ("base", &["base", "schema"]),
    // reading cells (workbook), and writing files from plain data (output policy, the umya
    // editor, data.json, our templates): the two never meet
    (
        "cells",
        &["workbook", "output", "edit", "normalised", "templates"],
    ),
    // the typed model, every value with its source cell
    ("model", &["ledger", "inventory"]),
    // facts over the model: software categories; the checker and what configures it; a
    // ledger drafted from the inventories with the categories
    ("checks", &["classify", "rules", "config", "draft"]),
    // a run over a unit: the checker's report and its metrics
    ("run", &["metrics", "batch"]),
    // what is made from a report: derived tables, roll-ups, drawings
    ("products", &["derive", "rollup", "render"]),
    // the commands, the command line and the crate root (run(), RunError)
    ("commands", &["commands", "cli", "crate root"]),
];

/// Which top-level module may use which. Rules, derive and metrics see the model, never the
/// grids (`workbook`); writers never see the reader's types.
const ALLOWED: &[(&str, &[&str])] = &[
    ("base", &[]),
    ("schema", &["base"]),
    ("workbook", &["base", "schema"]),
    ("output", &["base"]),
    ("edit", &["base", "output"]),
    ("normalised", &["base", "schema", "output"]),
    (
        "templates",
        &["base", "schema", "output", "edit", "normalised"],
    ),
    ("ledger", &["base", "schema", "workbook", "inventory"]),
    // what is installed on the computers, read from collectors' files and other inventories
    ("inventory", &["base", "schema", "workbook"]),
    ("classify", &["base", "schema", "ledger"]),
    (
        "rules",
        &["base", "schema", "ledger", "classify", "inventory"],
    ),
    // a ledger drafted from inventories: the inventory model and the catalogue in, plain
    // normalised data out; never the grids, never a workbook
    (
        "draft",
        &["base", "schema", "inventory", "classify", "normalised"],
    ),
    // the configuration names rules and classification patterns, and checks them at load;
    // its [limits] table sets the reader's limits
    (
        "config",
        &["base", "schema", "workbook", "ledger", "classify", "rules"],
    ),
    (
        "metrics",
        &["base", "schema", "ledger", "classify", "rules"],
    ),
    (
        "batch",
        &[
            "base",
            "schema",
            "workbook",
            "ledger",
            "classify",
            "rules",
            "config",
            "metrics",
            "inventory",
        ],
    ),
    (
        "derive",
        &[
            "base",
            "schema",
            "ledger",
            "classify",
            "rules",
            "config",
            "metrics",
            "batch",
            "edit",
            "templates",
            "output",
            "inventory",
        ],
    ),
    (
        "rollup",
        &[
            "base",
            "schema",
            "ledger",
            "classify",
            "rules",
            "config",
            "metrics",
            "batch",
            "derive",
            "normalised",
            "output",
            "inventory",
        ],
    ),
    // renderers draw the grids around a diagnostic, so they alone above the model read cells
    (
        "render",
        &[
            "base",
            "schema",
            "workbook",
            "ledger",
            "classify",
            "rules",
            "config",
            "metrics",
            "batch",
            "derive",
            "rollup",
            "normalised",
            "templates",
            "edit",
            "output",
            "inventory",
        ],
    ),
    (
        "commands",
        &[
            "base",
            "schema",
            "workbook",
            "ledger",
            "classify",
            "rules",
            "config",
            "metrics",
            "batch",
            "derive",
            "rollup",
            "render",
            "normalised",
            "templates",
            "edit",
            "output",
            "cli",
            "crate root",
            "inventory",
            "draft",
        ],
    ),
    (
        "cli",
        &["base", "schema", "rules", "config", "render", "output"],
    ),
    (
        "crate root",
        &[
            "base",
            "schema",
            "workbook",
            "ledger",
            "classify",
            "rules",
            "config",
            "metrics",
            "batch",
            "derive",
            "rollup",
            "render",
            "normalised",
            "templates",
            "edit",
            "output",
            "cli",
            "commands",
        ],
    ),
];

/// One arrow found in a file.
struct Arrow {
    file: PathBuf,
    line: usize,
    from: String,
    to: String,
    path: String,
}

fn layer_of() -> BTreeMap<&'static str, usize> {
    let mut map = BTreeMap::new();
    for (rank, (_, modules)) in LAYERS.iter().enumerate() {
        for m in *modules {
            map.insert(*m, rank);
        }
    }
    map
}

/// The module path of a source file: `src/rules/files/x.rs` → `["rules", "files", "x"]`.
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).unwrap();
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let last = parts.pop().unwrap();
    let stem = last.trim_end_matches(".rs");
    if stem != "mod" && stem != "lib" {
        parts.push(stem.to_string());
    }
    parts
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Collects every path that starts at `crate`, `super` or `self`, resolved to absolute
/// segments, with its line.
struct Paths {
    /// The module of the file plus the inline modules entered so far.
    base: Vec<String>,
    found: Vec<(usize, Vec<String>)>,
}

impl Paths {
    /// Resolves `segments` (starting with crate/super/self) against the current module.
    fn resolve(&self, segments: &[String]) -> Option<Vec<String>> {
        let mut abs = match segments.first().map(String::as_str) {
            Some("crate") => Vec::new(),
            Some("self") | Some("super") => self.base.clone(),
            _ => return None,
        };
        let mut rest = if segments[0] == "crate" || segments[0] == "self" {
            &segments[1..]
        } else {
            segments
        };
        while rest.first().is_some_and(|s| s == "super") {
            abs.pop();
            rest = &rest[1..];
        }
        abs.extend(rest.iter().cloned());
        Some(abs)
    }

    fn push(&mut self, line: usize, segments: &[String]) {
        if let Some(abs) = self.resolve(segments) {
            self.found.push((line, abs));
        }
    }

    fn use_tree(&mut self, prefix: &mut Vec<String>, tree: &syn::UseTree) {
        match tree {
            syn::UseTree::Path(p) => {
                prefix.push(p.ident.to_string());
                self.use_tree(prefix, &p.tree);
                prefix.pop();
            }
            syn::UseTree::Name(n) => {
                prefix.push(n.ident.to_string());
                self.push(n.ident.span().start().line, &prefix.clone());
                prefix.pop();
            }
            syn::UseTree::Rename(r) => {
                prefix.push(r.ident.to_string());
                self.push(r.ident.span().start().line, &prefix.clone());
                prefix.pop();
            }
            syn::UseTree::Glob(g) => {
                self.push(g.star_token.spans[0].start().line, &prefix.clone());
            }
            syn::UseTree::Group(g) => {
                for t in &g.items {
                    self.use_tree(prefix, t);
                }
            }
        }
    }

    /// Paths inside macro bodies (`format!`, `vec!`, `assert!`) are only tokens to syn.
    fn tokens(&mut self, tokens: TokenStream) {
        let flat: Vec<TokenTree> = tokens.into_iter().collect();
        let mut i = 0;
        while i < flat.len() {
            match &flat[i] {
                TokenTree::Group(g) => self.tokens(g.stream()),
                TokenTree::Ident(id) if ["crate", "super", "self"].contains(&&*id.to_string()) => {
                    let line = id.span().start().line;
                    let mut segments = vec![id.to_string()];
                    let mut j = i + 1;
                    loop {
                        let colons = matches!((&flat.get(j), &flat.get(j + 1)),
                            (Some(TokenTree::Punct(a)), Some(TokenTree::Punct(b)))
                                if a.as_char() == ':' && b.as_char() == ':');
                        match (colons, flat.get(j + 2)) {
                            (true, Some(TokenTree::Ident(next))) => {
                                segments.push(next.to_string());
                                j += 3;
                            }
                            _ => break,
                        }
                    }
                    if segments.len() > 1 {
                        self.push(line, &segments);
                    }
                    i = j;
                    continue;
                }
                _ => {}
            }
            i += 1;
        }
    }
}

impl<'ast> Visit<'ast> for Paths {
    fn visit_item_mod(&mut self, m: &'ast syn::ItemMod) {
        if m.content.is_some() {
            self.base.push(m.ident.to_string());
            syn::visit::visit_item_mod(self, m);
            self.base.pop();
        }
    }

    fn visit_item_use(&mut self, u: &'ast syn::ItemUse) {
        self.use_tree(&mut Vec::new(), &u.tree);
    }

    fn visit_path(&mut self, p: &'ast syn::Path) {
        if p.leading_colon.is_none() {
            let segments: Vec<String> = p.segments.iter().map(|s| s.ident.to_string()).collect();
            if segments.len() > 1 {
                let line = p.segments[0].ident.span().start().line;
                self.push(line, &segments);
            }
        }
        syn::visit::visit_path(self, p);
    }

    // `pub(crate)` and `pub(super)` say who may see an item, not what it uses
    fn visit_vis_restricted(&mut self, _: &'ast syn::VisRestricted) {}

    fn visit_meta_list(&mut self, m: &'ast syn::MetaList) {
        self.tokens(m.tokens.clone());
    }

    fn visit_macro(&mut self, m: &'ast syn::Macro) {
        syn::visit::visit_macro(self, m);
        self.tokens(m.tokens.clone());
    }
}

/// Every arrow between two top-level modules in `src/` (the binary `main.rs` is left out: it
/// is the top and may use anything).
fn arrows() -> (Vec<Arrow>, BTreeSet<String>) {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    files(&src, &mut all);
    all.retain(|f| f != &src.join("main.rs"));
    let top: BTreeSet<String> = all
        .iter()
        .filter_map(|f| module_of(&src, f).first().cloned())
        .collect();
    let mut arrows = Vec::new();
    for file in all {
        let text = std::fs::read_to_string(&file).unwrap();
        let ast = syn::parse_file(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let base = module_of(&src, &file);
        let from = base.first().cloned().unwrap_or_else(|| "crate root".into());
        let mut paths = Paths {
            base,
            found: Vec::new(),
        };
        paths.visit_file(&ast);
        for (line, abs) in paths.found {
            let to = match abs.first() {
                Some(m) if top.contains(m) => m.clone(),
                _ => "crate root".to_string(),
            };
            if to != from {
                arrows.push(Arrow {
                    file: file.strip_prefix(src.parent().unwrap()).unwrap().into(),
                    line,
                    from: from.clone(),
                    to,
                    path: abs.join("::"),
                });
            }
        }
    }
    (arrows, top)
}

#[test]
fn the_table_points_down() {
    let layer = layer_of();
    for (from, tos) in ALLOWED {
        for to in *tos {
            assert!(
                layer[to] <= layer[from],
                "ALLOWED lets {from} ({}) use {to} ({}), a higher layer",
                LAYERS[layer[from]].0,
                LAYERS[layer[to]].0
            );
        }
    }
}

#[test]
fn imports_follow_the_layers() {
    let layer = layer_of();
    let allowed: BTreeMap<&str, &[&str]> = ALLOWED.iter().copied().collect();
    let (arrows, top) = arrows();
    for m in &top {
        assert!(
            layer.contains_key(m.as_str()) && allowed.contains_key(m.as_str()),
            "src/{m}: a top-level module with no layer; add it to LAYERS and ALLOWED in tests/layers.rs"
        );
    }
    let mut wrong = Vec::new();
    for a in &arrows {
        if !allowed[a.from.as_str()].contains(&a.to.as_str()) {
            let (f, t) = (layer[a.from.as_str()], layer[a.to.as_str()]);
            let why = if t > f {
                format!("{} is above {}", LAYERS[t].0, LAYERS[f].0)
            } else {
                format!("{} may not use {}", a.from, a.to)
            };
            wrong.push(format!(
                "{}:{}: {} → {} (crate::{}; {})",
                a.file.display(),
                a.line,
                a.from,
                a.to,
                a.path,
                why
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} import(s) against the layers:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

#[test]
fn no_cycles_between_modules() {
    let (arrows, _) = arrows();
    let mut graph: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    let mut example: BTreeMap<(&str, &str), String> = BTreeMap::new();
    for a in &arrows {
        graph.entry(&a.from).or_default().insert(&a.to);
        example
            .entry((&a.from, &a.to))
            .or_insert_with(|| format!("{}:{}", a.file.display(), a.line));
    }
    // the crate root and the commands dispatch to each other by design (run() → commands,
    // commands → RunError); everything else is one way
    let exempt = |a: &str, b: &str| {
        matches!(
            (a, b),
            ("crate root", "commands")
                | ("commands", "crate root")
                | ("crate root", "cli")
                | ("cli", "commands")
                | ("commands", "cli")
        )
    };
    let mut cycles = Vec::new();
    for (&a, tos) in &graph {
        for &b in tos {
            if exempt(a, b) {
                continue;
            }
            // is there a way back from b to a?
            let mut seen = BTreeSet::new();
            let mut stack = vec![(b, vec![b])];
            while let Some((n, trail)) = stack.pop() {
                if n == a {
                    let mut hops = vec![format!("{a} → {b} ({})", example[&(a, b)])];
                    for w in trail.windows(2) {
                        hops.push(format!("{} → {} ({})", w[0], w[1], example[&(w[0], w[1])]));
                    }
                    cycles.push(hops.join(", "));
                    break;
                }
                if !seen.insert(n) {
                    continue;
                }
                for &next in graph.get(n).into_iter().flatten() {
                    if !exempt(n, next) {
                        let mut t = trail.clone();
                        t.push(next);
                        stack.push((next, t));
                    }
                }
            }
        }
    }
    assert!(cycles.is_empty(), "import cycles:\n{}", cycles.join("\n"));
}
