//! Build script: keeps the committed parser (`src/parser/python.rs`) in step with the grammar.
//!
//! Running lalrpop on every clean build would roughly double this crate's build time, so the
//! generated parser is committed. With the `regen` feature this script regenerates it and
//! stamps the grammar's hash into its first line; without it, the script only recomputes the
//! hash (std-only FNV-1a) and fails loudly if the grammar changed since the last regen.

use std::fs;

const GRAMMAR: &str = "src/parser/python.lalrpop";
const PARSER: &str = "src/parser/python.rs";
const STAMP: &str = "// gyre-grammar-hash: ";

fn fnv1a(text: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes().filter(|&b| b != b'\r') {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

fn main() {
    println!("cargo:rerun-if-changed={GRAMMAR}");
    println!("cargo:rerun-if-changed={PARSER}");
    let grammar = fs::read_to_string(GRAMMAR).expect("read the grammar");
    let want = format!("{STAMP}{:016x}", fnv1a(&grammar));
    regen(&want);
    let parser = fs::read_to_string(PARSER).unwrap_or_default();
    let have = parser.lines().next().unwrap_or("");
    if have != want {
        panic!(
            "src/parser/python.rs is stale (grammar hash {want:?}, parser has {have:?}): \
             run `cargo build -p gyre-grammar --features regen` and commit"
        );
    }
}

#[cfg(feature = "regen")]
fn regen(stamp: &str) {
    lalrpop::Configuration::new()
        .emit_whitespace(false)
        .emit_rerun_directives(true)
        .force_build(true)
        .process_file(GRAMMAR)
        .expect("lalrpop failed");
    let body = fs::read_to_string(PARSER).expect("read generated parser");
    fs::write(PARSER, format!("{stamp}\n{body}")).expect("write generated parser");
}

#[cfg(not(feature = "regen"))]
fn regen(_stamp: &str) {}
