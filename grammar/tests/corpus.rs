//! Valid programs: every `tests/corpus/*.py` (each checked to compile under CPython 3.11) and
//! every `.py` of the shared conformance suite must parse without error.

mod common;

use std::path::Path;

fn parse_all(files: &[std::path::PathBuf]) -> Vec<String> {
    let mut failures = Vec::new();
    for path in files {
        if let Err((src, e)) = common::parse_file(path) {
            failures.push(e.render(&path.display().to_string(), &src));
        }
    }
    failures
}

#[test]
fn corpus_parses() {
    let files = common::inputs("corpus");
    assert!(files.len() >= 40, "want at least 40 corpus programs");
    let failures = parse_all(&files);
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn conformance_suite_parses() {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/conformance"));
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut files: Vec<_> =
        entries.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "py")).collect();
    files.sort();
    let failures = parse_all(&files);
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
