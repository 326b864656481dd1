//! Deterministic fuzzing: random bytes, random token soup and mutated corpus programs fed to
//! `parse` must never panic (a syntax error is fine). Fixed seeds, a std-only PRNG.

mod common;

use std::panic::{catch_unwind, AssertUnwindSafe};

/// xorshift64*: small, fast, and reproducible across platforms.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn check(input: &[u8]) {
    let result = catch_unwind(AssertUnwindSafe(|| {
        if let Ok(src) = gyre_grammar::decode_source(input) {
            for mode in [gyre_grammar::Mode::Module, gyre_grammar::Mode::Interactive] {
                if let Err(e) = gyre_grammar::parse(src, mode) {
                    let _ = e.render("fuzz.py", src);
                }
            }
            let _ = gyre_grammar::tokenize_debug(src);
        }
    }));
    if result.is_err() {
        panic!("parse panicked on input {:?}", String::from_utf8_lossy(input));
    }
}

const SOUP: &[&str] = &[
    "if",
    "else",
    "elif",
    "for",
    "in",
    "while",
    "def",
    "class",
    "return",
    "yield",
    "await",
    "async",
    "with",
    "as",
    "try",
    "except",
    "finally",
    "lambda",
    "not",
    "and",
    "or",
    "import",
    "from",
    "x",
    "y",
    "f",
    "1",
    "0x1",
    "1.5",
    "'s'",
    "f'{x}'",
    "f'{x!r:>{y}}'",
    "b'b'",
    "\"\"\"t\"\"\"",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    ";",
    ".",
    "=",
    "==",
    "+",
    "-",
    "*",
    "**",
    "/",
    "//",
    "%",
    "@",
    "|",
    "&",
    "^",
    "~",
    "<",
    ">",
    ":=",
    "->",
    "+=",
    "...",
    "\n",
    "\n    ",
    "\n\t",
    "\\\n",
    " ",
    "#c",
    "*",
    "match",
    "None",
    "global",
    "nonlocal",
    "del",
    "pass",
    "break",
];

#[test]
fn random_bytes_never_panic() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for _ in 0..3000 {
        let len = rng.below(64);
        let bytes: Vec<u8> =
            (0..len).map(|_| b"ab1 (){}[]:=\n\t\\'\"#f.,*+-<>!@$\xc3\xa9\x80"[rng.below(30)]).collect();
        check(&bytes);
        let raw: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        check(&raw);
    }
}

#[test]
fn token_soup_never_panics() {
    let mut rng = Rng(0x1234_5678_9abc_def1);
    for _ in 0..3000 {
        let n = 1 + rng.below(40);
        let mut s = String::new();
        for _ in 0..n {
            s.push_str(SOUP[rng.below(SOUP.len())]);
            if rng.below(3) == 0 {
                s.push(' ');
            }
        }
        check(s.as_bytes());
    }
}

#[test]
fn corpus_mutations_never_panic() {
    let mut rng = Rng(0xdead_beef_cafe_f00d);
    let files: Vec<Vec<u8>> =
        common::inputs("corpus").iter().map(|p| std::fs::read(p).expect("read corpus")).collect();
    for round in 0..1500 {
        let mut b = files[round % files.len()].clone();
        for _ in 0..1 + rng.below(3) {
            if b.is_empty() {
                break;
            }
            let i = rng.below(b.len());
            let j = (i + 1 + rng.below(12)).min(b.len());
            match rng.below(4) {
                0 => {
                    b.drain(i..j);
                }
                1 => {
                    let piece = b[i..j].to_vec();
                    b.splice(i..i, piece);
                }
                2 => {
                    let k = rng.below(b.len());
                    b.swap(i, k);
                }
                _ => {
                    let tok = SOUP[rng.below(SOUP.len())].as_bytes();
                    b.splice(i..i, tok.iter().copied());
                }
            }
        }
        check(&b);
    }
}
