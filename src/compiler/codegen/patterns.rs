//! Code generation for `match` statements (PEP 634).
//!
//! The subject is evaluated once into a register; each case's pattern compiles to a chain of
//! tests that jump to the next case on failure. Sub-subjects (sequence items, mapping values,
//! class attributes) land in fresh registers, and captures are remembered as (name, register)
//! pairs and stored only once the whole pattern has matched, as in CPython; the guard runs
//! after the stores.

use gyre_grammar::ast::{MatchCase, Pattern, PatternKind};

use super::*;

/// What a compiled pattern leaves behind: the jumps taken on failure (to be patched to the
/// next case) and the captures to store on success.
#[derive(Default)]
struct Outcome<'a> {
    fails: Vec<usize>,
    binds: Vec<(&'a str, Reg)>,
}

fn is_wildcard(p: &Pattern) -> bool {
    matches!(p.kind, PatternKind::As { pattern: None, name: None } | PatternKind::Star(None))
}

impl<'a> Unit<'a> {
    pub(super) fn match_stmt(
        &mut self,
        subject: &'a Expr,
        cases: &'a [MatchCase],
    ) -> Result<(), SyntaxError> {
        let subj = self.alloc()?;
        self.expr_to(subject, subj)?;
        let mut ends = Vec::new();
        for (i, case) in cases.iter().enumerate() {
            let mark = self.next_reg;
            let mut out = Outcome::default();
            self.branch(|u| {
                u.pattern(&case.pattern, subj, &mut out)?;
                u.span = case.pattern.span;
                for (name, reg) in std::mem::take(&mut out.binds) {
                    u.store_name(name, reg)?;
                }
                u.free_to(mark);
                if let Some(guard) = &case.guard {
                    let j = u.jump_if(guard, false)?;
                    out.fails.push(j);
                }
                u.stmts(&case.body)
            })?;
            if i + 1 < cases.len() {
                ends.push(self.emit(Instr::Jump { target: 0 }));
            }
            for f in out.fails {
                self.patch_here(f);
            }
            self.free_to(mark);
        }
        for e in ends {
            self.patch_here(e);
        }
        Ok(())
    }

    fn pattern(&mut self, p: &'a Pattern, subj: Reg, out: &mut Outcome<'a>) -> Result<(), SyntaxError> {
        self.span = p.span;
        match &p.kind {
            PatternKind::Value(e) => {
                let r = self.expr(e)?;
                self.span = p.span;
                let t = self.alloc()?;
                self.emit(Instr::Compare { op: CmpKind::Eq, dst: t, a: subj, b: r });
                self.fail_unless(t, out);
            }
            PatternKind::Singleton(c) => {
                let r = self.alloc()?;
                self.constant_to(c, r);
                self.emit(Instr::Compare { op: CmpKind::Is, dst: r, a: subj, b: r });
                self.fail_unless(r, out);
            }
            PatternKind::As { pattern, name } => {
                if let Some(inner) = pattern {
                    self.pattern(inner, subj, out)?;
                }
                if let Some(n) = name {
                    out.binds.push((n, subj));
                }
            }
            PatternKind::Star(_) => return Err(syntax("can't use starred name here", p.span)),
            PatternKind::Sequence(items) => self.sequence_pattern(items, subj, out, p.span)?,
            PatternKind::Mapping { keys, patterns, rest } => {
                self.mapping_pattern(keys, patterns, rest.as_deref(), subj, out)?
            }
            PatternKind::Class { cls, patterns, kwd_attrs, kwd_patterns } => {
                self.class_pattern(cls, patterns, kwd_attrs, kwd_patterns, subj, out, p.span)?
            }
            PatternKind::Or(alts) => self.or_pattern(alts, subj, out)?,
        }
        Ok(())
    }

    fn fail_unless(&mut self, cond: Reg, out: &mut Outcome<'a>) {
        out.fails.push(self.emit(Instr::JumpIfFalse { cond, target: 0 }));
    }

    fn fail_if_none(&mut self, r: Reg, out: &mut Outcome<'a>) -> Result<(), SyntaxError> {
        let t = self.alloc()?;
        self.emit(Instr::LoadNone { dst: t });
        self.emit(Instr::Compare { op: CmpKind::IsNot, dst: t, a: r, b: t });
        self.fail_unless(t, out);
        Ok(())
    }

    fn match_op(&mut self, op: MatchKind, dst: Reg, subj: Reg, arg: Reg) {
        self.emit(Instr::Match { op, dst, subj, arg });
    }

    /// Fails unless `len(subj) op n`.
    fn check_len(
        &mut self,
        subj: Reg,
        op: CmpKind,
        n: usize,
        out: &mut Outcome<'a>,
        span: Span,
    ) -> Result<(), SyntaxError> {
        let imm = i16::try_from(n).map_err(|_| syntax("too many sub-patterns in pattern", span))?;
        let t = self.alloc()?;
        self.match_op(MatchKind::Len, t, subj, subj);
        self.emit(Instr::CompareI { op, dst: t, a: t, imm });
        self.fail_unless(t, out);
        Ok(())
    }

    fn sequence_pattern(
        &mut self,
        items: &'a [Pattern],
        subj: Reg,
        out: &mut Outcome<'a>,
        span: Span,
    ) -> Result<(), SyntaxError> {
        let t = self.alloc()?;
        self.match_op(MatchKind::IsSequence, t, subj, subj);
        self.fail_unless(t, out);
        let n = items.len();
        let star = items.iter().position(|i| matches!(i.kind, PatternKind::Star(_)));
        match star {
            None => self.check_len(subj, CmpKind::Eq, n, out, span)?,
            Some(_) if n > 1 => self.check_len(subj, CmpKind::Ge, n - 1, out, span)?,
            Some(_) => {}
        }
        if items.iter().all(is_wildcard) {
            return Ok(());
        }
        let base = self.alloc_n(n)?;
        self.span = span;
        match star {
            None => {
                let count = u16::try_from(n).map_err(|_| syntax("too many sub-patterns in pattern", span))?;
                self.emit(Instr::UnpackSequence { dst: base, src: subj, count });
            }
            Some(i) => {
                let (before, after) = (u8::try_from(i), u8::try_from(n - i - 1));
                let (Ok(before), Ok(after)) = (before, after) else {
                    return Err(syntax("too many sub-patterns in pattern", span));
                };
                self.emit(Instr::UnpackEx { dst: base, src: subj, before, after });
            }
        }
        for (i, item) in items.iter().enumerate() {
            let r = base.offset(i as u16);
            match &item.kind {
                PatternKind::Star(Some(name)) => out.binds.push((name, r)),
                PatternKind::Star(None) => {}
                _ => self.pattern(item, r, out)?,
            }
        }
        Ok(())
    }

    /// Unpacks the tuple in `tuple` into fresh registers and matches `patterns` against them.
    fn sub_patterns(
        &mut self,
        patterns: impl Iterator<Item = &'a Pattern> + Clone,
        tuple: Reg,
        out: &mut Outcome<'a>,
    ) -> Result<(), SyntaxError> {
        let n = patterns.clone().count();
        if n == 0 {
            return Ok(());
        }
        let base = self.alloc_n(n)?;
        self.emit(Instr::UnpackSequence { dst: base, src: tuple, count: n as u16 });
        for (i, p) in patterns.enumerate() {
            if !is_wildcard(p) {
                self.pattern(p, base.offset(i as u16), out)?;
            }
        }
        Ok(())
    }

    fn mapping_pattern(
        &mut self,
        keys: &'a [Expr],
        patterns: &'a [Pattern],
        rest: Option<&'a str>,
        subj: Reg,
        out: &mut Outcome<'a>,
    ) -> Result<(), SyntaxError> {
        let span = self.span;
        let t = self.alloc()?;
        self.match_op(MatchKind::IsMapping, t, subj, subj);
        self.fail_unless(t, out);
        if keys.is_empty() && rest.is_none() {
            return Ok(());
        }
        if !keys.is_empty() {
            self.check_len(subj, CmpKind::Ge, keys.len(), out, span)?;
        }
        let kbase = self.alloc_n(keys.len())?;
        for (i, k) in keys.iter().enumerate() {
            self.expr_to(k, kbase.offset(i as u16))?;
        }
        self.span = span;
        let kt = self.alloc()?;
        self.emit(Instr::BuildTuple { dst: kt, start: kbase, count: keys.len() as u16 });
        if !keys.is_empty() {
            let vals = self.alloc()?;
            self.match_op(MatchKind::Keys, vals, subj, kt);
            self.fail_if_none(vals, out)?;
            self.sub_patterns(patterns.iter(), vals, out)?;
        }
        if let Some(name) = rest {
            self.span = span;
            let r = self.alloc()?;
            self.match_op(MatchKind::Rest, r, subj, kt);
            out.binds.push((name, r));
        }
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn class_pattern(
        &mut self,
        cls: &'a Expr,
        patterns: &'a [Pattern],
        kwd_attrs: &'a [String],
        kwd_patterns: &'a [Pattern],
        subj: Reg,
        out: &mut Outcome<'a>,
        span: Span,
    ) -> Result<(), SyntaxError> {
        let base = self.alloc_n(3)?;
        self.expr_to(cls, base)?;
        self.span = span;
        let names: Rc<[Const]> = kwd_attrs.iter().map(|a| Const::Str(a.as_str().into())).collect();
        let idx = self.constant(Const::Tuple(names));
        self.emit(Instr::LoadConst { dst: base.offset(1), idx });
        let npos =
            i32::try_from(patterns.len()).map_err(|_| syntax("too many sub-patterns in pattern", span))?;
        self.emit(Instr::LoadInt { dst: base.offset(2), val: npos });
        let r = self.alloc()?;
        self.match_op(MatchKind::Class, r, subj, base);
        self.fail_if_none(r, out)?;
        self.sub_patterns(patterns.iter().chain(kwd_patterns), r, out)
    }

    fn or_pattern(
        &mut self,
        alts: &'a [Pattern],
        subj: Reg,
        out: &mut Outcome<'a>,
    ) -> Result<(), SyntaxError> {
        let names = gyre_grammar::bound_names(&alts[0]);
        let fixed = self.alloc_n(names.len())?;
        let mut ends = Vec::new();
        for (i, alt) in alts.iter().enumerate() {
            let mark = self.next_reg;
            let mut sub = Outcome::default();
            self.pattern(alt, subj, &mut sub)?;
            for (name, r) in sub.binds {
                let k = names
                    .iter()
                    .position(|n| *n == name)
                    .ok_or_else(|| syntax("alternative patterns bind different names", alt.span))?;
                self.emit(Instr::Move { dst: fixed.offset(k as u16), src: r });
            }
            self.free_to(mark);
            if i + 1 == alts.len() {
                out.fails.extend(sub.fails);
            } else {
                ends.push(self.emit(Instr::Jump { target: 0 }));
                for f in sub.fails {
                    self.patch_here(f);
                }
            }
        }
        for e in ends {
            self.patch_here(e);
        }
        for (k, name) in names.into_iter().enumerate() {
            out.binds.push((name, fixed.offset(k as u16)));
        }
        Ok(())
    }
}
