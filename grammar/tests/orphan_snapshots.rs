//! Every committed snapshot must belong to an input that still exists: a snapshot whose input
//! was renamed or deleted is an orphan and fails this test (insta itself fails on stale ones).

use std::path::Path;

/// Snapshot-name prefix (test file and snapshot kind) -> input folder under `tests/`.
const KINDS: &[(&str, &str)] = &[
    ("snapshots_tokens_ast__ast__", "ast"),
    ("snapshots_tokens_ast__tokens__", "tokens"),
    ("syntax_errors__syntax_error__", "syntax_errors"),
];

#[test]
fn every_snapshot_has_an_input() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut orphans = Vec::new();
    for entry in std::fs::read_dir(root.join("snapshots")).expect("read tests/snapshots").flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(stem) = name.strip_suffix(".snap") else {
            orphans.push(format!("{name}: not a .snap file (a pending .snap.new?)"));
            continue;
        };
        let input = KINDS.iter().find_map(|(prefix, dir)| stem.strip_prefix(prefix).map(|rest| (dir, rest)));
        match input {
            Some((dir, rest)) if root.join(dir).join(format!("{rest}.py")).is_file() => {}
            Some((dir, rest)) => orphans.push(format!("{name}: tests/{dir}/{rest}.py is gone")),
            None => orphans.push(format!("{name}: unknown snapshot kind")),
        }
    }
    assert!(orphans.is_empty(), "orphaned snapshots (delete them):\n{}", orphans.join("\n"));
}
