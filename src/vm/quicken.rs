//! Load-time specialisation of bytecode ("quickening").
//!
//! The compiler emits general instructions (`Inplace { op, .. }`, `BinaryI { op, .. }`,
//! `Compare` then `JumpIfFalse`). When the VM loads a code object it copies the instructions
//! it will run; this module rewrites that copy into the quickened forms of `Instr` (see its
//! docs): an operator-specific instruction has no second dispatch on the operator, and a
//! comparison fused with its conditional jump saves a dispatch and the reload of the flag;
//! an in-place `+`/`-` whose result a `SetAttr` stores next (`obj.x += v`) stores a scalar
//! result itself, saving the `SetAttr`'s dispatch and the reload of the value.
//! The rewrite keeps every instruction at its index (tracebacks, handlers and resumption
//! points read the original `Code`, whose indices are the same), and a fused comparison
//! leaves its `JumpIfFalse` in place, so a jump landing on it still works.

use crate::compiler::bytecode::{BinKind, Instr};

/// The instructions the dispatch loop runs for `instrs`.
pub fn quicken(instrs: &[Instr]) -> Box<[Instr]> {
    let mut out: Vec<Instr> = instrs.to_vec();
    for (i, instr) in instrs.iter().enumerate() {
        let next = instrs.get(i + 1);
        if let Some(q) = quickened(*instr, next) {
            out[i] = q;
        }
    }
    out.into_boxed_slice()
}

/// The quickened form of `instr` (followed by `next`), if it has one.
fn quickened(instr: Instr, next: Option<&Instr>) -> Option<Instr> {
    let jumps_on = |r| matches!(next, Some(Instr::JumpIfFalse { cond, .. }) if *cond == r);
    let stored = |r| matches!(next, Some(Instr::SetAttr { src, .. }) if *src == r);
    Some(match instr {
        Instr::Inplace { op: BinKind::Add, dst, a, b } if stored(dst) => Instr::InplaceAddAttr { dst, a, b },
        Instr::Inplace { op: BinKind::Sub, dst, a, b } if stored(dst) => Instr::InplaceSubAttr { dst, a, b },
        Instr::Inplace { op: BinKind::Add, dst, a, b } => Instr::InplaceAdd { dst, a, b },
        Instr::Inplace { op: BinKind::Sub, dst, a, b } => Instr::InplaceSub { dst, a, b },
        Instr::Inplace { op: BinKind::Mul, dst, a, b } => Instr::InplaceMul { dst, a, b },
        Instr::BinaryI { op: BinKind::Add, dst, a, imm } => Instr::AddI { dst, a, imm },
        Instr::BinaryI { op: BinKind::Sub, dst, a, imm } => Instr::SubI { dst, a, imm },
        Instr::InplaceI { op: BinKind::Add, dst, a, imm } => Instr::InplaceAddI { dst, a, imm },
        Instr::InplaceI { op: BinKind::Sub, dst, a, imm } => Instr::InplaceSubI { dst, a, imm },
        Instr::Compare { op, dst, a, b } if jumps_on(dst) => Instr::CompareJump { op, dst, a, b },
        Instr::CompareI { op, dst, a, imm } if jumps_on(dst) => Instr::CompareIJump { op, dst, a, imm },
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compiler::bytecode::{CmpKind, Reg};

    #[test]
    fn fuses_a_comparison_only_with_a_jump_on_its_result() {
        let cmp = Instr::CompareI { op: CmpKind::Lt, dst: Reg(2), a: Reg(0), imm: 2 };
        let on_result = Instr::JumpIfFalse { cond: Reg(2), target: 9 };
        let elsewhere = Instr::JumpIfFalse { cond: Reg(3), target: 9 };
        let q = quicken(&[cmp, on_result, cmp, elsewhere]);
        assert!(matches!(q[0], Instr::CompareIJump { op: CmpKind::Lt, .. }));
        assert!(matches!(q[1], Instr::JumpIfFalse { .. }));
        assert!(matches!(q[2], Instr::CompareI { .. }));
        assert_eq!(q.len(), 4);
    }

    #[test]
    fn specialises_the_common_operators_only() {
        let add = Instr::Inplace { op: BinKind::Add, dst: Reg(0), a: Reg(0), b: Reg(1) };
        let pow = Instr::Inplace { op: BinKind::Pow, dst: Reg(0), a: Reg(0), b: Reg(1) };
        let q = quicken(&[add, pow]);
        assert!(matches!(q[0], Instr::InplaceAdd { .. }));
        assert!(matches!(q[1], Instr::Inplace { op: BinKind::Pow, .. }));
    }

    #[test]
    fn fuses_an_in_place_operator_only_with_a_store_of_its_result() {
        use crate::compiler::bytecode::NameIdx;
        let sub = Instr::Inplace { op: BinKind::Sub, dst: Reg(2), a: Reg(2), b: Reg(1) };
        let stores = Instr::SetAttr { obj: Reg(0), name: NameIdx(0), src: Reg(2) };
        let other = Instr::SetAttr { obj: Reg(0), name: NameIdx(0), src: Reg(1) };
        let q = quicken(&[sub, stores, sub, other]);
        assert!(matches!(q[0], Instr::InplaceSubAttr { .. }));
        assert!(matches!(q[1], Instr::SetAttr { .. }));
        assert!(matches!(q[2], Instr::InplaceSub { .. }));
        assert_eq!(q.len(), 4);
    }
}
