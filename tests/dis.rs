//! Bytecode snapshots: `gyre --dis` over every `tests/dis/*.py` (one construct per file),
//! compared with the committed insta snapshots. A snapshot whose input is gone fails too.

use std::path::{Path, PathBuf};
use std::process::Command;

fn inputs() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/dis");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("read tests/dis")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    files.sort();
    files
}

fn disassemble(path: &Path) -> String {
    let out =
        Command::new(env!("CARGO_BIN_EXE_gyre")).arg("--dis").arg(path).output().expect("run gyre --dis");
    assert!(
        out.status.success(),
        "gyre --dis {} failed: {}",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 listing")
}

#[test]
fn disassembly_snapshots() {
    let files = inputs();
    assert!(files.len() >= 10, "want at least 10 dis inputs");
    for path in files {
        let name = path.file_stem().and_then(|s| s.to_str()).expect("file name").to_string();
        insta::assert_snapshot!(name, disassemble(&path));
    }
}

#[test]
fn every_snapshot_has_an_input() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let Ok(entries) = std::fs::read_dir(root.join("snapshots")) else { return };
    let mut orphans = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = name.strip_prefix("dis__").and_then(|n| n.strip_suffix(".snap")) else { continue };
        if !root.join("dis").join(format!("{rest}.py")).is_file() {
            orphans.push(format!("{name}: tests/dis/{rest}.py is gone"));
        }
    }
    assert!(orphans.is_empty(), "orphaned snapshots (delete them):\n{}", orphans.join("\n"));
}
