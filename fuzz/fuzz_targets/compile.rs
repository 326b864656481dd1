//! Fuzz target `compile`: arbitrary bytes parsed and compiled to bytecode (never run). Any
//! result is fine, including a rendered SyntaxError; a panic or stack overflow is a bug, and
//! so is compiled code the VM's bytecode verifier refuses.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Err(e) = gyre::tools::compile_check(text, "<fuzz>") {
        assert!(!e.starts_with(gyre::tools::INTERNAL_ERROR), "{e}");
    }
});
