//! The bytecode verifier: run once when a code object is loaded (`Vm::load_code`, the only
//! way a `CodeObj` is built), before any of its instructions runs.
//!
//! What it proves about every code object the dispatch loop can run (the loop's unchecked
//! register access and instruction fetch rely on it: `vm::regs`, PERFORMANCE.md, the `regs`
//! and `runloop` rounds; a compiler bug that breaks these facts is caught here as a
//! SystemError rather than as memory unsafety in the middle of a program):
//! - every register operand of every instruction, including the windows an instruction
//!   reads or writes above a register (`BuildList { start, count }`, a call's arguments, the
//!   second register of `LoadMethod`, `ForIter`'s item register, ...), is below `nregs`;
//! - every jump target (jumps, `ForIter`'s exit, handlers) is an instruction index;
//! - the last instruction is a terminator (it never falls through), so `pc += 1` after any
//!   other instruction lands on an instruction;
//! - constant and name indices are in range, and so are the registers of the exception
//!   table, the closure's free variables and cells, and the named locals.
//!
//! A code object that fails is refused with a SystemError (the compiler never produces
//! one: a failure is an internal error, never a panic).

use crate::compiler::bytecode::{Code, ConstIdx, Instr, MatchKind, NameIdx, Reg};

/// Why a code object was refused.
pub type Refusal = String;

/// Proof that a code object passed the verifier: only [`verified`] makes one, and a
/// `CodeObj` cannot be built without it (nor copied from another one: it is not `Clone`).
#[derive(Debug)]
pub struct Verified(());

/// Verifies a code object's quickened instructions; the token a `CodeObj` needs.
pub fn verified(code: &Code, instrs: &[Instr]) -> Result<Verified, Refusal> {
    verify(code, instrs).map(|()| Verified(()))
}

/// The limits one code object's operands must respect.
struct Bounds {
    nregs: usize,
    ninstrs: usize,
    nconsts: usize,
    nnames: usize,
}

impl Bounds {
    /// `count` registers from `start` exist (none needed when `count` is 0).
    fn regs(&self, start: Reg, count: usize) -> Result<(), Refusal> {
        if start.idx() + count <= self.nregs {
            Ok(())
        } else {
            Err(format!("registers {}..{} beyond nregs {}", start.idx(), start.idx() + count, self.nregs))
        }
    }

    fn reg(&self, r: Reg) -> Result<(), Refusal> {
        self.regs(r, 1)
    }

    fn target(&self, t: u32) -> Result<(), Refusal> {
        if (t as usize) < self.ninstrs {
            Ok(())
        } else {
            Err(format!("jump target {t} beyond {} instructions", self.ninstrs))
        }
    }

    fn konst(&self, c: ConstIdx) -> Result<(), Refusal> {
        if (c.0 as usize) < self.nconsts {
            Ok(())
        } else {
            Err(format!("constant {} beyond {}", c.0, self.nconsts))
        }
    }

    fn name(&self, n: NameIdx) -> Result<(), Refusal> {
        if (n.0 as usize) < self.nnames {
            Ok(())
        } else {
            Err(format!("name {} beyond {}", n.0, self.nnames))
        }
    }
}

/// Checks `instrs` (the quickened copy the loop runs, same operands as `code.instrs`) and the
/// tables of `code` against `code.nregs`.
pub fn verify(code: &Code, instrs: &[Instr]) -> Result<(), Refusal> {
    let b = Bounds {
        nregs: code.nregs as usize,
        ninstrs: instrs.len(),
        nconsts: code.consts.len(),
        nnames: code.names.len(),
    };
    let at = |pc: usize, e: Refusal| format!("{}: instruction {pc} ({:?}): {e}", code.qualname, instrs[pc]);
    for (pc, instr) in instrs.iter().enumerate() {
        check(&b, instr).map_err(|e| at(pc, e))?;
        check_fused(instrs, pc).map_err(|e| at(pc, e))?;
    }
    match instrs.last() {
        Some(last) if is_terminator(last) => {}
        Some(_) => return Err(at(instrs.len() - 1, "the last instruction falls through".into())),
        None => return Err(format!("{}: no instructions", code.qualname)),
    }
    for h in &code.handlers {
        b.reg(h.exc)?;
        b.target(h.handler)?;
        if h.start > h.end || h.end as usize > b.ninstrs {
            return Err(format!("{}: handler range {}..{} out of bounds", code.qualname, h.start, h.end));
        }
    }
    for (r, _) in code.freevars.iter().chain(&code.cellvars) {
        b.reg(*r)?;
    }
    if code.varnames.len() > b.nregs {
        return Err(format!("{}: {} locals beyond nregs {}", code.qualname, code.varnames.len(), b.nregs));
    }
    Ok(())
}

/// Checks that a fused head's run of instructions, which the loop skips at once, is there:
/// a `GetAttrAddAug`/`GetAttrSubAug` at `pc` is followed by an operator, the matching
/// in-place operator and a `SetAttr`, none of which ends the code (so `pc + 4` is an
/// instruction too: the last one never falls through).
fn check_fused(instrs: &[Instr], pc: usize) -> Result<(), Refusal> {
    let sub = match instrs[pc] {
        Instr::GetAttrAddAug { .. } => false,
        Instr::GetAttrSubAug { .. } => true,
        _ => return Ok(()),
    };
    match instrs.get(pc + 1..pc + 4) {
        Some([Instr::Add { .. } | Instr::Sub { .. } | Instr::Mul { .. }, inplace, Instr::SetAttr { .. }])
            if matches!(
                (sub, inplace),
                (false, Instr::InplaceAddAttr { .. }) | (true, Instr::InplaceSubAttr { .. })
            ) =>
        {
            Ok(())
        }
        _ => Err("a fused attribute update without its three instructions".into()),
    }
}

/// True for an instruction after which execution never goes on to the next one.
fn is_terminator(instr: &Instr) -> bool {
    matches!(
        instr,
        Instr::Jump { .. }
            | Instr::Return { .. }
            | Instr::ReturnNone
            | Instr::Raise { .. }
            | Instr::Reraise { .. }
            | Instr::RaiseCurrent
            | Instr::RaiseAssert { .. }
            | Instr::EndAsyncFor { .. }
    )
}

/// Checks one instruction's operands. The match has no catch-all arm on purpose: a new
/// instruction does not compile until its operands are checked here.
fn check(b: &Bounds, instr: &Instr) -> Result<(), Refusal> {
    match *instr {
        Instr::Nop | Instr::ReturnNone | Instr::RaiseCurrent => Ok(()),
        Instr::LoadConst { dst, idx } => {
            b.reg(dst)?;
            b.konst(idx)
        }
        Instr::LoadInt { dst, .. } | Instr::LoadNone { dst } | Instr::LoadBool { dst, .. } => b.reg(dst),
        Instr::Move { dst, src } => {
            b.reg(dst)?;
            b.reg(src)
        }
        Instr::ClearTemps { from, count } => b.regs(from, count as usize),
        Instr::CheckBound { reg, name } | Instr::DeleteFast { reg, name } => {
            b.reg(reg)?;
            b.name(name)
        }
        Instr::LoadGlobal { dst, name } | Instr::LoadName { dst, name } => {
            b.reg(dst)?;
            b.name(name)
        }
        Instr::StoreGlobal { name, src } | Instr::StoreName { name, src } => {
            b.reg(src)?;
            b.name(name)
        }
        Instr::DeleteGlobal { name } | Instr::DeleteName { name } => b.name(name),
        Instr::MakeCell { reg } => b.reg(reg),
        Instr::LoadDeref { dst, cell, name } | Instr::LoadClassDeref { dst, cell, name } => {
            b.reg(dst)?;
            b.reg(cell)?;
            b.name(name)
        }
        Instr::StoreDeref { cell, src } => {
            b.reg(cell)?;
            b.reg(src)
        }
        Instr::DeleteDeref { cell, name } => {
            b.reg(cell)?;
            b.name(name)
        }
        Instr::Add { dst, a, b: y }
        | Instr::Sub { dst, a, b: y }
        | Instr::Mul { dst, a, b: y }
        | Instr::Binary { dst, a, b: y, .. }
        | Instr::Inplace { dst, a, b: y, .. }
        | Instr::Compare { dst, a, b: y, .. }
        | Instr::InplaceAdd { dst, a, b: y }
        | Instr::InplaceSub { dst, a, b: y }
        | Instr::InplaceMul { dst, a, b: y }
        | Instr::InplaceAddAttr { dst, a, b: y }
        | Instr::InplaceSubAttr { dst, a, b: y }
        | Instr::Mod { dst, a, b: y }
        | Instr::FloorDiv { dst, a, b: y }
        | Instr::TrueDiv { dst, a, b: y }
        | Instr::CompareJump { dst, a, b: y, .. } => {
            b.reg(dst)?;
            b.reg(a)?;
            b.reg(y)
        }
        Instr::BinaryI { dst, a, .. }
        | Instr::InplaceI { dst, a, .. }
        | Instr::CompareI { dst, a, .. }
        | Instr::AddI { dst, a, .. }
        | Instr::SubI { dst, a, .. }
        | Instr::InplaceAddI { dst, a, .. }
        | Instr::InplaceSubI { dst, a, .. }
        | Instr::ModI { dst, a, .. }
        | Instr::FloorDivI { dst, a, .. }
        | Instr::CompareIJump { dst, a, .. } => {
            b.reg(dst)?;
            b.reg(a)
        }
        Instr::Unary { dst, src, .. } => {
            b.reg(dst)?;
            b.reg(src)
        }
        Instr::Jump { target } => b.target(target),
        Instr::JumpIfFalse { cond, target } | Instr::JumpIfTrue { cond, target } => {
            b.reg(cond)?;
            b.target(target)
        }
        Instr::BuildList { dst, start, count }
        | Instr::BuildTuple { dst, start, count }
        | Instr::BuildSet { dst, start, count }
        | Instr::BuildString { dst, start, count } => {
            b.reg(dst)?;
            b.regs(start, count as usize)
        }
        Instr::BuildDict { dst, start, count } => {
            b.reg(dst)?;
            b.regs(start, 2 * count as usize)
        }
        Instr::BuildSlice { dst, start } => {
            b.reg(dst)?;
            b.regs(start, 3)
        }
        Instr::FormatValue { dst, src, .. } => {
            b.reg(dst)?;
            b.reg(src)
        }
        Instr::FormatWithSpec { dst, spec } => {
            b.reg(dst)?;
            b.reg(spec)
        }
        Instr::ListAppend { list: x, item: y }
        | Instr::ListExtend { list: x, iter: y }
        | Instr::ListToTuple { dst: x, list: y }
        | Instr::SetAdd { set: x, item: y }
        | Instr::SetUpdate { set: x, iter: y }
        | Instr::DictUpdate { dict: x, mapping: y }
        | Instr::DelItem { obj: x, key: y } => {
            b.reg(x)?;
            b.reg(y)
        }
        Instr::DictSet { dict: x, key: y, value: z }
        | Instr::DictMerge { dict: x, mapping: y, func: z }
        | Instr::GetItem { dst: x, obj: y, key: z }
        | Instr::SetItem { obj: x, key: y, src: z }
        | Instr::CheckExcMatch { dst: x, exc: y, typ: z }
        | Instr::ExcGroupSplit { dst: x, rest: y, typ: z }
        | Instr::ExcGroupCombine { orig: x, raised: y, rest: z }
        | Instr::WithExit { dst: x, exit: y, exc: z } => {
            b.reg(x)?;
            b.reg(y)?;
            b.reg(z)
        }
        Instr::GetAttr { dst: x, obj: y, name }
        | Instr::GetAttrAddAug { dst: x, obj: y, name }
        | Instr::GetAttrSubAug { dst: x, obj: y, name }
        | Instr::SetAttr { obj: x, src: y, name } => {
            b.reg(x)?;
            b.reg(y)?;
            b.name(name)
        }
        Instr::DelAttr { obj, name } => {
            b.reg(obj)?;
            b.name(name)
        }
        Instr::LoadMethod { dst, obj, name } => {
            b.regs(dst, 2)?;
            b.reg(obj)?;
            b.name(name)
        }
        // The callee and its arguments: `R[base..=base+argc]`.
        Instr::Call { base, argc } => b.regs(base, 1 + argc as usize),
        Instr::CallKw { base, argc, kwnames } => {
            b.regs(base, 1 + argc as usize)?;
            b.konst(kwnames)
        }
        // The callee, the receiver slot, then the arguments.
        Instr::CallMethod { base, argc } => b.regs(base, 2 + argc as usize),
        Instr::CallMethodKw { base, argc, kwnames } => {
            b.regs(base, 2 + argc as usize)?;
            b.konst(kwnames)
        }
        Instr::CallEx { base } => b.regs(base, 3),
        Instr::Return { src } => b.reg(src),
        Instr::GetIter { dst, src }
        | Instr::Yield { dst, src }
        | Instr::YieldFrom { dst, src }
        | Instr::GetAwaitable { dst, src }
        | Instr::GetAIter { dst, src }
        | Instr::GetANext { dst, src } => {
            b.reg(dst)?;
            b.reg(src)
        }
        // The iterator and the register each item goes to.
        Instr::ForIter { iter, exit } => {
            b.regs(iter, 2)?;
            b.target(exit)
        }
        Instr::UnpackSequence { dst, src, count } => {
            b.regs(dst, count as usize)?;
            b.reg(src)
        }
        Instr::UnpackEx { dst, src, before, after } => {
            b.regs(dst, before as usize + 1 + after as usize)?;
            b.reg(src)
        }
        Instr::MakeFunction { dst, code, extra } => {
            b.reg(dst)?;
            b.regs(extra, 4)?;
            b.konst(code)
        }
        Instr::MakeClass { base } => b.regs(base, 4),
        Instr::Raise { exc, cause, has_cause } => {
            b.reg(exc)?;
            if has_cause {
                b.reg(cause)?;
            }
            Ok(())
        }
        Instr::Reraise { exc } => b.reg(exc),
        Instr::RaiseAssert { msg, has_msg } => {
            if has_msg {
                b.reg(msg)?;
            }
            Ok(())
        }
        Instr::PushExcInfo { save, exc } => {
            b.reg(save)?;
            b.reg(exc)
        }
        Instr::PopExcInfo { saved } => b.reg(saved),
        Instr::WithEnter { dst, mgr } | Instr::AsyncWithEnter { dst, mgr } => {
            b.regs(dst, 2)?;
            b.reg(mgr)
        }
        Instr::EndAsyncFor { exc, target } => {
            b.reg(exc)?;
            b.target(target)
        }
        Instr::Import { dst, name, .. } => {
            b.reg(dst)?;
            b.name(name)
        }
        Instr::ImportFrom { dst, module, name } => {
            b.reg(dst)?;
            b.reg(module)?;
            b.name(name)
        }
        Instr::ImportStar { module } => b.reg(module),
        Instr::PrintExpr { src } => b.reg(src),
        Instr::Match { op, dst, subj, arg } => {
            b.reg(dst)?;
            b.reg(subj)?;
            // `Class` reads the class, the keyword names and the positional count.
            b.regs(arg, if op == MatchKind::Class { 3 } else { 1 })
        }
    }
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use super::*;
    use crate::compiler::bytecode::CmpKind;

    /// The compiled code of `src` and the nested code objects it holds, outermost first.
    fn compiled(src: &str) -> Vec<Rc<Code>> {
        let module = gyre_grammar::parse(src, gyre_grammar::Mode::Module).expect("parses");
        let code =
            crate::compiler::compile(&module, crate::compiler::source("t.py", src), false).expect("compiles");
        let mut all = vec![code];
        let mut i = 0;
        while i < all.len() {
            let nested: Vec<Rc<Code>> = all[i]
                .consts
                .iter()
                .filter_map(|c| match c {
                    crate::compiler::bytecode::Const::Code(c) => Some(c.clone()),
                    _ => None,
                })
                .collect();
            all.extend(nested);
            i += 1;
        }
        all
    }

    const PROGRAM: &str = "
import sys
def f(a, *args, k=1, **kw):
    x = [a, *args]
    y, *z = x
    with open('x') as h:
        pass
    try:
        g = (i for i in x if i)
    except* ValueError as e:
        raise RuntimeError('r') from e
    finally:
        del y
    match a:
        case [1, 2, *rest]: pass
        case {'k': v, **more}: pass
        case P(x=1, y=2): pass
    return f'{a!r:>{k}}' + sys.path[1:2]
async def co(q):
    async with q as c:
        async for item in c:
            yield await item
class C(object, metaclass=type):
    def m(self):
        nonlocal_ok = 1
        def inner():
            return nonlocal_ok + super().m()
        return inner
assert C, 'msg'
";

    #[test]
    fn compiler_output_verifies() {
        for code in compiled(PROGRAM) {
            let instrs = crate::vm::quicken::quicken(&code.instrs);
            assert_eq!(verify(&code, &instrs), Ok(()), "{}", code.qualname);
        }
    }

    /// Verifies `code` with its instruction `pc` replaced by `instr`.
    fn with(code: &Code, pc: usize, instr: Instr) -> Result<(), Refusal> {
        let mut instrs = code.instrs.clone();
        instrs[pc] = instr;
        verify(code, &instrs)
    }

    #[test]
    fn refuses_operands_out_of_range() {
        let code = &compiled("def f(a, b):\n    return a + b\n")[1];
        let n = code.nregs;
        let past = Reg(n);
        let last = Reg(n - 1);
        let bad = [
            Instr::Move { dst: past, src: Reg(0) },
            Instr::Add { dst: Reg(0), a: Reg(0), b: past },
            Instr::LoadConst { dst: Reg(0), idx: ConstIdx(code.consts.len() as u16) },
            Instr::LoadGlobal { dst: Reg(0), name: NameIdx(code.names.len() as u16) },
            Instr::Call { base: last, argc: 1 },
            Instr::CallMethod { base: last, argc: 0 },
            Instr::BuildList { dst: Reg(0), start: last, count: 2 },
            Instr::BuildDict { dst: Reg(0), start: last, count: 1 },
            Instr::UnpackSequence { dst: last, src: Reg(0), count: 2 },
            Instr::UnpackEx { dst: last, src: Reg(0), before: 0, after: 1 },
            Instr::ForIter { iter: last, exit: 0 },
            Instr::LoadMethod { dst: last, obj: Reg(0), name: NameIdx(0) },
            Instr::MakeClass { base: last },
            Instr::Yield { dst: past, src: Reg(0) },
            Instr::YieldFrom { dst: Reg(0), src: past },
            Instr::Raise { exc: Reg(0), cause: past, has_cause: true },
            Instr::Jump { target: code.instrs.len() as u32 },
            Instr::JumpIfFalse { cond: Reg(0), target: u32::MAX },
            Instr::CompareIJump { op: CmpKind::Lt, dst: past, a: Reg(0), imm: 1 },
        ];
        for instr in bad {
            assert!(with(code, 0, instr).is_err(), "{instr:?} accepted");
        }
        // A flag that says the operand is absent makes it unused.
        assert_eq!(with(code, 0, Instr::Raise { exc: Reg(0), cause: past, has_cause: false }), Ok(()));
        assert_eq!(with(code, 0, Instr::BuildList { dst: Reg(0), start: Reg(n), count: 0 }), Ok(()));
    }

    #[test]
    fn refuses_a_fused_attribute_update_without_its_run() {
        let code = &compiled("def f(o, a):\n    o.x -= a * a\n")[1];
        let instrs = crate::vm::quicken::quicken(&code.instrs);
        assert!(matches!(instrs[0], Instr::GetAttrSubAug { .. }), "{instrs:?}");
        assert_eq!(verify(code, &instrs), Ok(()));
        let head = instrs[0];
        let mut cut = instrs.to_vec();
        cut[3] = Instr::Nop;
        assert!(verify(code, &cut).is_err());
        assert!(verify(code, &[head, Instr::ReturnNone]).is_err());
    }

    #[test]
    fn refuses_a_last_instruction_that_falls_through() {
        let code = &compiled("def f(a):\n    return a\n")[1];
        let last = code.instrs.len() - 1;
        assert!(with(code, last, Instr::Nop).unwrap_err().contains("falls through"));
        assert!(verify(code, &[]).is_err());
    }

    #[test]
    fn a_refused_code_object_is_a_system_error_not_a_panic() {
        let mut vm = crate::vm::Vm::new();
        let src = "x = 1\n";
        let module = gyre_grammar::parse(src, gyre_grammar::Mode::Module).expect("parses");
        let code =
            crate::compiler::compile(&module, crate::compiler::source("t.py", src), false).expect("compiles");
        let mut code = Rc::try_unwrap(code).expect("the only reference");
        code.instrs.insert(0, Instr::Move { dst: Reg(code.nregs), src: Reg(0) });
        code.spans.insert(0, code.spans[0]);
        let err = vm.load_code(&Rc::new(code)).expect_err("refused");
        assert_eq!(err.class.name.borrow().as_str(), "SystemError");
    }
}
