//! Shared helpers for the integration tests: reading a folder of inputs and parsing through
//! the public API only.

#![allow(dead_code)]

pub mod dump;

use std::path::{Path, PathBuf};

/// The `*.py` files of a folder under `grammar/tests`, sorted by name.
pub fn inputs(folder: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join(folder);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    files.sort();
    files
}

/// The file name without its extension.
pub fn stem(path: &Path) -> String {
    path.file_stem().and_then(|s| s.to_str()).unwrap_or("?").to_string()
}

/// Reads and decodes a source file, then parses it as a module.
pub fn parse_file(
    path: &Path,
) -> Result<(String, gyre_grammar::ast::Module), (String, gyre_grammar::SyntaxError)> {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    let text = String::from_utf8_lossy(&bytes).into_owned();
    match gyre_grammar::decode_source(&bytes) {
        Ok(src) => match gyre_grammar::parse(src, gyre_grammar::Mode::Module) {
            Ok(m) => Ok((text, m)),
            Err(e) => Err((text, e)),
        },
        Err(e) => Err((text, e)),
    }
}
