//! Fuzz target `parse`: arbitrary bytes through source decoding, the lexer, the layout pass,
//! the parser and validation, in both module and interactive modes. Any result is fine; a
//! panic, abort or stack overflow is a bug.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = gyre_grammar::decode_source(data) else { return };
    let _ = gyre_grammar::parse(text, gyre_grammar::Mode::Module);
    let _ = gyre_grammar::parse_interactive(text);
    let _ = gyre_grammar::tokenize_debug(text);
});
