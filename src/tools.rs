//! Developer tools behind CLI flags: `--check`, `--dis` and `--dump-ast`.

use std::path::Path;

/// Parses and compiles `source` as the module `name` without running it: the rendered
/// SyntaxError on failure. The `compile` fuzz target drives the front end and compiler
/// through this. The compiled code objects also go through the bytecode verifier the VM runs
/// when it loads code (`vm::verify`): a refusal is an error starting with
/// [`INTERNAL_ERROR`], which the fuzz target treats as a crash (the compiler produced code
/// the VM would refuse).
pub fn compile_check(source: &str, name: &str) -> Result<(), String> {
    let module =
        gyre_grammar::parse(source, gyre_grammar::Mode::Module).map_err(|e| e.render(name, source))?;
    let code = crate::compiler::compile(&module, crate::compiler::source(name, source), false)
        .map_err(|e| e.render(name, source))?;
    let mut pending = vec![code];
    while let Some(code) = pending.pop() {
        let instrs = crate::vm::quicken::quicken(&code.instrs);
        crate::vm::verify::verify(&code, &instrs).map_err(|e| format!("{INTERNAL_ERROR}: {e}"))?;
        for c in &code.consts {
            if let crate::compiler::bytecode::Const::Code(nested) = c {
                pending.push(nested.clone());
            }
        }
    }
    Ok(())
}

/// How [`compile_check`] starts the message of a compiler bug (code the verifier refuses).
pub const INTERNAL_ERROR: &str = "internal error: the bytecode verifier refused the compiler's output";

/// Runs one inspection command on a file and returns the exit status. Output goes to
/// stdout (the listing) or stderr (a rendered SyntaxError).
pub fn inspect(command: &str, path: &Path) -> i32 {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("gyre: can't open file '{}': {e}", path.display());
            return 2;
        }
    };
    let name = path.display().to_string();
    let text = match gyre_grammar::decode_source(&bytes) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("SyntaxError: {} in file {name}", e.msg);
            return 1;
        }
    };
    let module = match gyre_grammar::parse(text, gyre_grammar::Mode::Module) {
        Ok(m) => m,
        Err(e) => {
            eprintln!("{}", e.render(&name, text));
            return 1;
        }
    };
    if command == "--dump-ast" {
        println!("{module:#?}");
        return 0;
    }
    let code = match crate::compiler::compile(&module, crate::compiler::source(&name, text), false) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{}", e.render(&name, text));
            return 1;
        }
    };
    if command == "--dis" {
        print!("{}", crate::compiler::dis::disassemble(&code));
    }
    0
}
