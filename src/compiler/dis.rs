//! The disassembler: a readable listing of a code object and its nested code objects.
//!
//! Used by `gyre --dis FILE` and by the bytecode snapshot tests, so its format is stable:
//! one header per code object, then `line pc instruction`, then constants and the
//! exception table.

use std::fmt::Write;

use super::bytecode::{Code, Const};

/// Disassembles `code` and, after it, every nested code object (depth first).
pub fn disassemble(code: &Code) -> String {
    let mut out = String::new();
    write_code(&mut out, code);
    out
}

fn write_code(out: &mut String, code: &Code) {
    let _ = writeln!(
        out,
        "== {} ({:?}) regs={} args={} posonly={} kwonly={} varargs={} varkw={}",
        code.qualname,
        code.kind,
        code.nregs,
        code.argcount,
        code.posonlycount,
        code.kwonlycount,
        code.has_varargs,
        code.has_varkw
    );
    if !code.varnames.is_empty() {
        let names: Vec<String> = code.varnames.iter().enumerate().map(|(i, n)| format!("r{i}={n}")).collect();
        let _ = writeln!(out, "   vars: {}", names.join(" "));
    }
    let mut last_line = 0;
    for (pc, instr) in code.instrs.iter().enumerate() {
        let line = code.line_of(pc);
        let shown = if line != last_line { line.to_string() } else { String::new() };
        last_line = line;
        let _ = writeln!(out, "{shown:>5} {pc:>4}  {}", format_instr(code, instr));
    }
    for h in &code.handlers {
        let _ = writeln!(
            out,
            "   except {}..{} -> {} exc=r{} depth={}",
            h.start, h.end, h.handler, h.exc.0, h.depth
        );
    }
    for c in &code.consts {
        if let Const::Code(inner) = c {
            out.push('\n');
            write_code(out, inner);
        }
    }
}

fn format_instr(code: &Code, instr: &super::bytecode::Instr) -> String {
    let text = format!("{instr:?}");
    // Annotate name and constant operands with their values for readability.
    let mut notes = Vec::new();
    for (key, is_name) in [
        ("name: NameIdx(", true),
        ("idx: ConstIdx(", false),
        ("kwnames: ConstIdx(", false),
        ("code: ConstIdx(", false),
    ] {
        if let Some(pos) = text.find(key) {
            let rest = &text[pos + key.len()..];
            let num: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
            if let Ok(i) = num.parse::<usize>() {
                if is_name {
                    notes.push(code.names.get(i).map(|n| n.to_string()).unwrap_or_default());
                } else {
                    notes.push(code.consts.get(i).map(const_text).unwrap_or_default());
                }
            }
        }
    }
    let text = text.replace("Reg(", "r(").replace("NameIdx(", "n(").replace("ConstIdx(", "k(");
    if notes.is_empty() {
        text
    } else {
        format!("{text}  ; {}", notes.join(", "))
    }
}

fn const_text(c: &Const) -> String {
    match c {
        Const::Code(code) => format!("<code {}>", code.qualname),
        Const::Str(s) => format!("{s:?}"),
        Const::Tuple(items) => format!("({})", items.iter().map(const_text).collect::<Vec<_>>().join(", ")),
        other => format!("{other:?}"),
    }
}
