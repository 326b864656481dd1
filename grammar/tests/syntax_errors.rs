//! Diagnostics: every case in `tests/syntax_errors/` must give CPython's class, message and
//! line (from `expected.txt`, written by `gen_expected.py` running CPython 3.11), and its
//! full rendering is recorded as an insta snapshot.

mod common;

use std::collections::HashMap;

fn expectations() -> HashMap<String, (String, usize, usize, String)> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/syntax_errors/expected.txt");
    let text = std::fs::read_to_string(path).expect("read expected.txt (run gen_expected.py)");
    text.lines()
        .filter(|l| !l.is_empty())
        .map(|l| {
            let f: Vec<&str> = l.splitn(5, '\t').collect();
            let num = |s: &str| s.parse::<usize>().unwrap_or(0);
            (f[0].to_string(), (f[1].to_string(), num(f[2]), num(f[3]), f[4].to_string()))
        })
        .collect()
}

#[test]
fn syntax_errors_match_cpython() {
    let expected = expectations();
    let files = common::inputs("syntax_errors");
    assert!(files.len() >= 40, "want at least 40 distinct syntax errors");
    let mut failures = Vec::new();
    let mut offsets_differ = Vec::new();
    let mut renders = Vec::new();
    for path in &files {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("?").to_string();
        let Some((class, line, offset, msg)) = expected.get(&name) else {
            failures.push(format!("{name}: no expectation (run gen_expected.py)"));
            continue;
        };
        let (src, err) = match common::parse_file(path) {
            Ok(_) => {
                failures.push(format!("{name}: parsed without error"));
                continue;
            }
            Err(x) => x,
        };
        let got = (err.class_name(), err.line(&src), err.msg.as_str());
        if got != (class.as_str(), *line, msg.as_str()) {
            failures.push(format!(
                "{name}: want {class} line {line} {msg:?}, got {} line {} {:?}",
                got.0, got.1, got.2
            ));
        } else if *offset != 0 && err.offset(&src) != *offset {
            offsets_differ.push(format!("{name}: offset {} (CPython {offset})", err.offset(&src)));
        }
        renders.push((common::stem(path), err.render(&name, &src)));
    }
    if !offsets_differ.is_empty() {
        eprintln!("caret columns that differ from CPython:\n{}", offsets_differ.join("\n"));
    }
    assert!(failures.is_empty(), "{} mismatches:\n{}", failures.len(), failures.join("\n"));
    for (stem, rendered) in renders {
        insta::assert_snapshot!(format!("syntax_error__{stem}"), rendered);
    }
}
