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
        if let Some(q) = quickened(*instr, next).or_else(|| aug_head(&instrs[i..])) {
            out[i] = q;
        }
    }
    out.into_boxed_slice()
}

/// The fused head of `obj.name += x <op> y` (or `-=`) when `run` starts with its four
/// instructions: `GetAttr` of the attribute into `r`, `Add`/`Sub`/`Mul` into `t`, the
/// in-place `+`/`-` of `t` into `r`, and the `SetAttr` of `r` back (see
/// `Instr::GetAttrAddAug`). The head runs them together only if no operand of the operator
/// is `r` and neither `r` nor `t` is the object's register, so that running them at once
/// reads and writes the same values as running them one by one.
fn aug_head(run: &[Instr]) -> Option<Instr> {
    let [Instr::GetAttr { dst: r, obj, name }, op, inplace, Instr::SetAttr { obj: o2, name: n2, src }, ..] =
        *run
    else {
        return None;
    };
    let (Instr::Add { dst: t, a, b } | Instr::Sub { dst: t, a, b } | Instr::Mul { dst: t, a, b }) = op else {
        return None;
    };
    let sub = match inplace {
        Instr::Inplace { op: BinKind::Add, dst, a: x, b: y } if (dst, x, y) == (r, r, t) => false,
        Instr::Inplace { op: BinKind::Sub, dst, a: x, b: y } if (dst, x, y) == (r, r, t) => true,
        _ => return None,
    };
    let same_target = (o2, n2.0, src) == (obj, name.0, r);
    if !same_target || t == r || a == r || b == r || obj == r || obj == t {
        return None;
    }
    Some(if sub {
        Instr::GetAttrSubAug { dst: r, obj, name }
    } else {
        Instr::GetAttrAddAug { dst: r, obj, name }
    })
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
        Instr::BinaryI { op: BinKind::Mod, dst, a, imm } => Instr::ModI { dst, a, imm },
        Instr::BinaryI { op: BinKind::FloorDiv, dst, a, imm } => Instr::FloorDivI { dst, a, imm },
        Instr::Binary { op: BinKind::Mod, dst, a, b } => Instr::Mod { dst, a, b },
        Instr::Binary { op: BinKind::FloorDiv, dst, a, b } => Instr::FloorDiv { dst, a, b },
        Instr::Binary { op: BinKind::TrueDiv, dst, a, b } => Instr::TrueDiv { dst, a, b },
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
    fn specialises_division_and_modulo() {
        let (d, a, b) = (Reg(2), Reg(0), Reg(1));
        let q = quicken(&[
            Instr::Binary { op: BinKind::Mod, dst: d, a, b },
            Instr::Binary { op: BinKind::FloorDiv, dst: d, a, b },
            Instr::Binary { op: BinKind::TrueDiv, dst: d, a, b },
            Instr::BinaryI { op: BinKind::Mod, dst: d, a, imm: 7 },
            Instr::BinaryI { op: BinKind::FloorDiv, dst: d, a, imm: -3 },
            Instr::Binary { op: BinKind::Pow, dst: d, a, b },
        ]);
        assert!(matches!(q[0], Instr::Mod { .. }));
        assert!(matches!(q[1], Instr::FloorDiv { .. }));
        assert!(matches!(q[2], Instr::TrueDiv { .. }));
        assert!(matches!(q[3], Instr::ModI { imm: 7, .. }));
        assert!(matches!(q[4], Instr::FloorDivI { imm: -3, .. }));
        assert!(matches!(q[5], Instr::Binary { op: BinKind::Pow, .. }));
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

    #[test]
    fn fuses_a_whole_attribute_update_only_when_its_registers_allow() {
        use crate::compiler::bytecode::NameIdx;
        let (o, r, t, n) = (Reg(0), Reg(3), Reg(4), NameIdx(1));
        let run = |a: Reg, obj2: Reg| {
            quicken(&[
                Instr::GetAttr { dst: r, obj: o, name: n },
                Instr::Mul { dst: t, a, b: Reg(2) },
                Instr::Inplace { op: BinKind::Sub, dst: r, a: r, b: t },
                Instr::SetAttr { obj: obj2, name: n, src: r },
                Instr::ReturnNone,
            ])
        };
        let q = run(Reg(1), o);
        assert!(matches!(q[0], Instr::GetAttrSubAug { .. }));
        assert!(matches!(q[2], Instr::InplaceSubAttr { .. }));
        // An operand that is the loaded attribute, or a store into another object: unfused.
        assert!(matches!(run(r, o)[0], Instr::GetAttr { .. }));
        assert!(matches!(run(Reg(1), Reg(1))[0], Instr::GetAttr { .. }));
    }
}
