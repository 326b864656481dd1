//! The compiler stage: AST -> scope analysis -> register bytecode.
//!
//! `mangle` renames private names inside classes, `symtable` resolves names, `codegen` emits [`bytecode::Code`], and `dis` prints it.
//! The compiler never sees runtime values: constants are [`bytecode::Const`].

pub mod bytecode;
mod codegen;
pub mod dis;
pub mod mangle;
mod symtable;

use std::rc::Rc;

use gyre_grammar::{ast, LineIndex, SyntaxError};

use bytecode::{Code, Source};

/// Compiles a parsed module into its code object. `interactive` makes expression statements
/// print their value (the REPL).
pub fn compile(module: &ast::Module, source: Rc<Source>, interactive: bool) -> Result<Rc<Code>, SyntaxError> {
    let owned = mangle::mangled(module, &source.text);
    let module = owned.as_ref().unwrap_or(module);
    let table = symtable::SymbolTable::build(module)?;
    codegen::compile_module(module, &table, source, interactive)
}

/// Compiles an expression for `eval`: `module` must hold exactly one expression statement,
/// and the code returns its value. Anything else is CPython's `SyntaxError: invalid syntax`.
pub fn compile_eval(module: &ast::Module, source: Rc<Source>) -> Result<Rc<Code>, SyntaxError> {
    let table = symtable::SymbolTable::build(module)?;
    codegen::compile_eval(module, &table, source)
}

/// Makes a [`Source`] record for a file name and its text.
pub fn source(filename: &str, text: &str) -> Rc<Source> {
    Rc::new(Source { filename: filename.into(), text: text.into(), lines: LineIndex::new(text) })
}
