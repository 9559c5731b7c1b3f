//! The code's shape, as the README's Development section promises it: no source file over 700
//! lines, and no import cycle between the crate's top-level modules (the pipeline's stages
//! depend on earlier stages and shared vocabulary, never back).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const MAX_LINES: usize = 700;

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn no_source_file_is_over_700_lines() {
    let mut files = Vec::new();
    for dir in ["src", "tests", "support", "examples"] {
        rust_files(&root().join(dir), &mut files);
    }
    let long: Vec<String> = files
        .iter()
        .filter_map(|f| {
            let n = std::fs::read_to_string(f).unwrap().lines().count();
            (n > MAX_LINES).then(|| format!("{} ({n} lines)", f.strip_prefix(root()).unwrap().display()))
        })
        .collect();
    assert!(long.is_empty(), "split these: {long:?}");
}

/// The top-level module a file of `src/` belongs to: `src/read/table/mod.rs` → `read`.
fn module_of(file: &Path) -> String {
    let rel = file.strip_prefix(root().join("src")).unwrap();
    let first = rel.components().next().unwrap().as_os_str().to_string_lossy().into_owned();
    first.trim_end_matches(".rs").to_owned()
}

/// The top-level modules a file's code names as `crate::x` (comments and tests left out).
fn uses(code: &str) -> BTreeSet<String> {
    let code = code.split("#[cfg(test)]").next().unwrap();
    let mut found = BTreeSet::new();
    for line in code.lines().filter(|l| !l.trim_start().starts_with("//")) {
        for (i, _) in line.match_indices("crate::") {
            let rest = &line[i + "crate::".len()..];
            if let Some(group) = rest.strip_prefix('{') {
                // use crate::{a::X, b};
                let group = group.split('}').next().unwrap_or("");
                for item in group.split(',') {
                    found.insert(item.trim().split("::").next().unwrap().to_owned());
                }
            } else {
                let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                found.insert(name);
            }
        }
    }
    found.retain(|m| !m.is_empty());
    found
}

#[test]
fn no_import_cycle_between_modules() {
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for f in &files {
        let module = module_of(f);
        let deps = uses(&std::fs::read_to_string(f).unwrap());
        graph.entry(module.clone()).or_default().extend(deps.into_iter().filter(|d| *d != module));
    }
    // A cycle is a module reachable from itself.
    for start in graph.keys() {
        let mut stack: Vec<(String, Vec<String>)> = vec![(start.clone(), vec![start.clone()])];
        let mut seen = BTreeSet::new();
        while let Some((m, path)) = stack.pop() {
            for next in graph.get(&m).into_iter().flatten() {
                assert!(next != start, "import cycle: {} → {start}", path.join(" → "));
                if seen.insert(next.clone()) {
                    let mut p = path.clone();
                    p.push(next.clone());
                    stack.push((next.clone(), p));
                }
            }
        }
    }
    // The check itself sees imports: `read` uses `config`.
    assert!(graph["read"].contains("config"));
}
