//! Code generation: AST plus resolved scopes -> register bytecode.
//!
//! Registers: parameters first, then the other locals, then the closure's free variables,
//! then temporaries allocated in stack order (`alloc`/`free_to`). `expr_to(e, dst)` evaluates
//! into a chosen register; `expr(e)` returns a register holding the value, which for a local
//! variable is the variable's own register (no copy: the point of a register VM).
//!
//! Exception handling compiles to a zero-cost table: protected pc ranges map to handler code.
//! `return`/`break`/`continue` inside `try ... finally` or `with` emit the cleanup inline,
//! with the ranges that cover the cleanup paused so that it is not protected by itself.

use std::collections::HashMap;
use std::rc::Rc;

use gyre_grammar::ast::{self, BoolOp, Expr, ExprKind, Span, Stmt, StmtKind};
use gyre_grammar::{ErrorKind, SyntaxError};

use super::bytecode::*;
use super::symtable::{Binding, ScopeId, ScopeKind, SymbolTable};

mod patterns;

/// Registers are u16; a function needing more is rejected (CPython has similar limits).
const MAX_REGS: usize = 60000;
/// CPython's limit on statically nested blocks in one code object (CO_MAXBLOCKS): loops,
/// `with`, `try` bodies and handlers. Past it CPython refuses to compile, and so do we.
const MAX_STATIC_BLOCKS: u16 = 20;

pub(super) fn compile_module(
    module: &ast::Module,
    table: &SymbolTable,
    source: Rc<Source>,
    interactive: bool,
) -> Result<Rc<Code>, SyntaxError> {
    let mut unit = Unit::new(table, 0, CodeKind::Module, "<module>".into(), "<module>".into(), source, 1);
    unit.interactive = interactive;
    if !interactive && docstring(&module.body).is_some() {
        let r = unit.alloc()?;
        unit.store_docstring(&module.body, r);
        unit.free_to(r.0);
    }
    unit.setup_annotations(&module.body)?;
    unit.stmts(&module.body)?;
    unit.emit(Instr::ReturnNone);
    Ok(unit.finish())
}

pub(super) fn compile_eval(
    module: &ast::Module,
    table: &SymbolTable,
    source: Rc<Source>,
) -> Result<Rc<Code>, SyntaxError> {
    let expr = match module.body.as_slice() {
        [Stmt { kind: StmtKind::Expr(e), .. }] => e,
        [] => return Err(syntax("invalid syntax", Span::default())),
        [first, ..] => return Err(syntax("invalid syntax", first.span)),
    };
    let mut unit = Unit::new(table, 0, CodeKind::Module, "<module>".into(), "<module>".into(), source, 1);
    unit.span = expr.span;
    let r = unit.expr(expr)?;
    unit.emit(Instr::Return { src: r });
    Ok(unit.finish())
}

/// A protected range being built for one `try`/`with` handler.
struct Protect {
    ranges: Vec<(u32, u32)>,
    open: Option<u32>,
    exc: Reg,
    depth: u16,
}

/// What `return`/`break`/`continue` must clean up when leaving a block.
enum Block<'a> {
    /// A loop: `break` jumps are patched at its end; `continue` goes to `cont`.
    Loop { cont: u32, breaks: Vec<usize> },
    /// `try ... finally`: the final body is emitted inline on exit.
    Finally { body: &'a [Stmt], protect: usize },
    /// `with`: the exit function is called with None on exit.
    With { exit: Reg, is_async: bool, protect: usize },
    /// Inside an `except` handler: restore the exception being handled on exit.
    Handler { saved: Reg, protect: usize },
}

/// The code object under construction, one per function, class body, comprehension or module.
struct Unit<'a> {
    table: &'a SymbolTable,
    scope: ScopeId,
    kind: CodeKind,
    name: Rc<str>,
    qualname: Rc<str>,
    source: Rc<Source>,
    first_line: u32,
    interactive: bool,
    instrs: Vec<Instr>,
    spans: Vec<Span>,
    consts: Vec<Const>,
    names: Vec<Rc<str>>,
    name_ids: HashMap<Rc<str>, u16>,
    regs: HashMap<String, Reg>,
    varnames: Vec<Rc<str>>,
    assigned: Vec<bool>,
    nlocals: u16,
    next_reg: u16,
    max_reg: u16,
    /// The highest `next_reg` since the statement being compiled began.
    stmt_high: u16,
    /// Set by [`Unit::stmts`] for the statement it compiles next: the frame ends right after
    /// it (a `return` follows, or it ends a function body), so its temporaries need no clearing.
    frame_ends_after: bool,
    protects: Vec<Protect>,
    handlers: Vec<Handler>,
    blocks: Vec<Block<'a>>,
    span: Span,
    freevars: Vec<(Reg, Rc<str>)>,
    cellvars: Vec<(Reg, Rc<str>)>,
    argcount: u16,
    posonlycount: u16,
    kwonlycount: u16,
    has_varargs: bool,
    has_varkw: bool,
    class_cell: Option<Reg>,
    doc: Option<Rc<str>>,
    /// The statement being compiled (some instructions are located at the whole statement).
    stmt_span: Span,
    /// CPython's count of statically nested blocks (its fblock stack) at this point; see
    /// [`MAX_STATIC_BLOCKS`].
    static_blocks: u16,
}

/// A small int literal usable as an immediate operand (`x + 1`, `n < 2`).
fn small_int(e: &Expr) -> Option<i16> {
    match &e.kind {
        ExprKind::Constant(ast::Constant::Int(i)) => i16::try_from(*i).ok(),
        _ => None,
    }
}

/// True when a module or class body (outside nested functions and classes) annotates a
/// simple name.
fn has_annotations(body: &[Stmt]) -> bool {
    body.iter().any(|s| match &s.kind {
        StmtKind::AnnAssign { target, simple, .. } => *simple && matches!(target.kind, ExprKind::Name(_)),
        StmtKind::If { body, orelse, .. }
        | StmtKind::While { body, orelse, .. }
        | StmtKind::For { body, orelse, .. } => has_annotations(body) || has_annotations(orelse),
        StmtKind::With { body, .. } => has_annotations(body),
        StmtKind::Try { body, handlers, orelse, finalbody, .. } => {
            has_annotations(body)
                || handlers.iter().any(|h| has_annotations(&h.body))
                || has_annotations(orelse)
                || has_annotations(finalbody)
        }
        _ => false,
    })
}

/// The docstring of a body: its first statement when that is a string literal.
fn docstring(body: &[Stmt]) -> Option<Rc<str>> {
    match body.first() {
        Some(Stmt {
            kind: StmtKind::Expr(Expr { kind: ExprKind::Constant(ast::Constant::Str(doc)), .. }),
            ..
        }) => Some(doc.as_str().into()),
        _ => None,
    }
}

fn syntax(msg: &str, span: Span) -> SyntaxError {
    SyntaxError::new(ErrorKind::Syntax, msg, span)
}

impl<'a> Unit<'a> {
    fn new(
        table: &'a SymbolTable,
        scope: ScopeId,
        kind: CodeKind,
        name: Rc<str>,
        qualname: Rc<str>,
        source: Rc<Source>,
        first_line: u32,
    ) -> Unit<'a> {
        let mut unit = Unit {
            table,
            scope,
            kind,
            name,
            qualname,
            source,
            first_line,
            interactive: false,
            instrs: Vec::new(),
            spans: Vec::new(),
            consts: Vec::new(),
            names: Vec::new(),
            name_ids: HashMap::new(),
            regs: HashMap::new(),
            varnames: Vec::new(),
            assigned: Vec::new(),
            nlocals: 0,
            next_reg: 0,
            max_reg: 0,
            stmt_high: 0,
            frame_ends_after: false,
            protects: Vec::new(),
            handlers: Vec::new(),
            blocks: Vec::new(),
            span: Span::default(),
            freevars: Vec::new(),
            cellvars: Vec::new(),
            argcount: 0,
            posonlycount: 0,
            kwonlycount: 0,
            has_varargs: false,
            has_varkw: false,
            class_cell: None,
            doc: None,
            stmt_span: Span::default(),
            static_blocks: 0,
        };
        unit.layout_registers();
        unit
    }

    /// Gives every parameter, local, cell and free variable its register.
    fn layout_registers(&mut self) {
        let scope = &self.table.scopes[self.scope];
        let is_fn = matches!(scope.kind, ScopeKind::Function | ScopeKind::Comprehension);
        let mut order: Vec<String> = scope.params.clone();
        if is_fn {
            for name in &scope.order {
                let b = scope.binding(name);
                if matches!(b, Binding::Local | Binding::Cell) && !order.contains(name) {
                    order.push(name.clone());
                }
            }
        }
        for name in order {
            let reg = Reg(self.varnames.len() as u16);
            self.varnames.push(name.as_str().into());
            self.assigned.push(scope.params.contains(&name));
            if scope.binding(&name) == Binding::Cell {
                self.cellvars.push((reg, name.as_str().into()));
            }
            self.regs.insert(name, reg);
        }
        for name in &scope.free {
            let reg = Reg(self.varnames.len() as u16);
            self.varnames.push(name.as_str().into());
            self.assigned.push(true);
            self.freevars.push((reg, name.as_str().into()));
            self.regs.insert(name.clone(), reg);
        }
        if scope.kind == ScopeKind::Class && scope.needs_class_cell {
            let reg = Reg(self.varnames.len() as u16);
            self.varnames.push("__class__".into());
            self.assigned.push(true);
            self.cellvars.push((reg, "__class__".into()));
            self.class_cell = Some(reg);
        }
        self.nlocals = self.varnames.len() as u16;
        self.next_reg = self.nlocals;
        self.max_reg = self.nlocals;
    }

    fn finish(mut self) -> Rc<Code> {
        for (reg, _) in self.cellvars.clone() {
            // Cells are created before anything else runs; prepend them.
            self.instrs.insert(0, Instr::MakeCell { reg });
            self.spans.insert(0, Span::default());
            for h in &mut self.handlers {
                h.start += 1;
                h.end += 1;
                h.handler += 1;
            }
            shift_jumps(&mut self.instrs[1..]);
        }
        Rc::new(Code {
            name: self.name,
            qualname: self.qualname,
            kind: self.kind,
            instrs: self.instrs,
            spans: self.spans,
            consts: self.consts,
            names: self.names,
            nregs: self.max_reg.max(1),
            argcount: self.argcount,
            posonlycount: self.posonlycount,
            kwonlycount: self.kwonlycount,
            has_varargs: self.has_varargs,
            has_varkw: self.has_varkw,
            varnames: self.varnames,
            freevars: self.freevars,
            cellvars: self.cellvars,
            handlers: self.handlers,
            first_line: self.first_line,
            source: self.source,
            doc: self.doc,
        })
    }

    // ----- emission helpers -----

    fn pc(&self) -> u32 {
        self.instrs.len() as u32
    }

    fn emit(&mut self, instr: Instr) -> usize {
        self.instrs.push(instr);
        self.spans.push(self.span);
        self.instrs.len() - 1
    }

    fn patch(&mut self, at: usize, target: u32) {
        match &mut self.instrs[at] {
            Instr::Jump { target: t }
            | Instr::JumpIfFalse { target: t, .. }
            | Instr::JumpIfTrue { target: t, .. }
            | Instr::ForIter { exit: t, .. }
            | Instr::EndAsyncFor { target: t, .. } => *t = target,
            _ => unreachable!("patching a non-jump"),
        }
    }

    fn patch_here(&mut self, at: usize) {
        let pc = self.pc();
        self.patch(at, pc);
    }

    fn alloc(&mut self) -> Result<Reg, SyntaxError> {
        self.alloc_n(1)
    }

    fn alloc_n(&mut self, n: usize) -> Result<Reg, SyntaxError> {
        let reg = Reg(self.next_reg);
        let next = self.next_reg as usize + n;
        if next > MAX_REGS {
            return Err(syntax("too many local variables or temporaries in one function", self.span));
        }
        self.next_reg = next as u16;
        self.max_reg = self.max_reg.max(self.next_reg);
        self.stmt_high = self.stmt_high.max(self.next_reg);
        Ok(reg)
    }

    fn free_to(&mut self, mark: u16) {
        self.next_reg = mark;
    }

    fn constant(&mut self, c: Const) -> ConstIdx {
        if !matches!(c, Const::Code(_) | Const::Float(_)) {
            if let Some(i) = self.consts.iter().position(|x| *x == c) {
                return ConstIdx(i as u16);
            }
        }
        self.consts.push(c);
        ConstIdx((self.consts.len() - 1) as u16)
    }

    fn name(&mut self, name: &str) -> NameIdx {
        if let Some(&i) = self.name_ids.get(name) {
            return NameIdx(i);
        }
        let rc: Rc<str> = name.into();
        let i = self.names.len() as u16;
        self.names.push(rc.clone());
        self.name_ids.insert(rc, i);
        NameIdx(i)
    }

    fn scope_kind(&self) -> ScopeKind {
        self.table.scopes[self.scope].kind
    }

    fn binding(&self, name: &str) -> Binding {
        self.table.scopes[self.scope].binding(name)
    }

    // ----- exception-table bookkeeping -----

    fn push_protect(&mut self, exc: Reg) -> usize {
        let depth = self.protects.len() as u16;
        let pc = self.pc();
        self.protects.push(Protect { ranges: Vec::new(), open: Some(pc), exc, depth });
        self.protects.len() - 1
    }

    fn close_range(&mut self, idx: usize) {
        let pc = self.pc();
        let p = &mut self.protects[idx];
        if let Some(start) = p.open.take() {
            if start < pc {
                p.ranges.push((start, pc));
            }
        }
    }

    /// Ends protection `idx` (the innermost); the handler code must start right after.
    fn pop_protect(&mut self, idx: usize) -> Protect {
        self.close_range(idx);
        debug_assert_eq!(idx, self.protects.len() - 1);
        self.protects.pop().expect("protect stack")
    }

    fn install_handler(&mut self, p: Protect, handler: u32) {
        for (start, end) in p.ranges {
            self.handlers.push(Handler { start, end, handler, exc: p.exc, depth: p.depth });
        }
    }

    fn pause_from(&mut self, idx: usize) {
        for i in idx..self.protects.len() {
            self.close_range(i);
        }
    }

    fn resume_from(&mut self, idx: usize) {
        let pc = self.pc();
        for p in &mut self.protects[idx..] {
            p.open = Some(pc);
        }
    }

    // ----- statements -----

    fn stmts(&mut self, body: &'a [Stmt]) -> Result<(), SyntaxError> {
        self.stmts_then(body, false)
    }

    /// A function's body: its last statement is followed by the frame's end.
    fn body_stmts(&mut self, body: &'a [Stmt]) -> Result<(), SyntaxError> {
        self.stmts_then(body, true)
    }

    /// `body`, knowing whether the frame ends after its last statement.
    fn stmts_then(&mut self, body: &'a [Stmt], frame_ends: bool) -> Result<(), SyntaxError> {
        for (i, s) in body.iter().enumerate() {
            self.frame_ends_after = match body.get(i + 1) {
                Some(next) => matches!(next.kind, StmtKind::Return(_)),
                None => frame_ends,
            };
            self.stmt(s)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &'a Stmt) -> Result<(), SyntaxError> {
        self.span = s.span;
        self.stmt_span = s.span;
        let mark = self.next_reg;
        let frame_ends = std::mem::take(&mut self.frame_ends_after);
        let outer_high = std::mem::replace(&mut self.stmt_high, mark);
        self.stmt_kind(s)?;
        let high = std::mem::replace(&mut self.stmt_high, outer_high.max(mark));
        self.stmt_high = self.stmt_high.max(high);
        self.free_to(mark);
        if high > mark && !frame_ends && self.clears_temps_after(s) {
            self.clear_temps(mark, high - mark);
        }
        Ok(())
    }

    /// Releases registers `from..from + count`: one or two by `LoadNone` (the dispatch loop's
    /// cheapest store, where `ClearTemps` is one of its out-of-line instructions).
    fn clear_temps(&mut self, from: u16, count: u16) {
        if count <= 2 {
            for r in from..from + count {
                self.emit(Instr::LoadNone { dst: Reg(r) });
            }
        } else {
            self.emit(Instr::ClearTemps { from: Reg(from), count });
        }
    }

    /// Whether the temporaries `s` leaves are released right after it: CPython frees an
    /// expression's intermediate values at once, and a register left holding one would keep
    /// it alive (its `__del__` late, a weak reference to it not yet dead). Not inside a loop,
    /// where the next iteration soon reuses the registers and the clearing would cost every
    /// iteration (the loop's own statement clears them once it ends), nor after a statement
    /// that never falls through.
    fn clears_temps_after(&self, s: &Stmt) -> bool {
        !matches!(s.kind, StmtKind::Return(_) | StmtKind::Raise { .. } | StmtKind::Break | StmtKind::Continue)
            && !self.blocks.iter().any(|b| matches!(b, Block::Loop { .. }))
    }

    fn stmt_kind(&mut self, s: &'a Stmt) -> Result<(), SyntaxError> {
        match &s.kind {
            StmtKind::Expr(e) => {
                if self.interactive && self.scope_kind() == ScopeKind::Module {
                    let r = self.expr(e)?;
                    self.span = s.span;
                    self.emit(Instr::PrintExpr { src: r });
                } else if !matches!(e.kind, ExprKind::Constant(_)) {
                    self.expr(e)?;
                }
            }
            StmtKind::Assign { targets, value } => self.assign(targets, value)?,
            StmtKind::AugAssign { target, op, value } => self.aug_assign(target, *op, value)?,
            StmtKind::AnnAssign { target, annotation, value, simple } => {
                self.ann_assign(target, annotation, value.as_ref(), *simple)?
            }
            StmtKind::Pass => {}
            StmtKind::Return(value) => self.return_stmt(value.as_ref(), s.span)?,
            StmtKind::If { test, body, orelse } => self.if_stmt(test, body, orelse)?,
            StmtKind::While { test, body, orelse } => self.while_stmt(test, body, orelse)?,
            StmtKind::For { is_async, target, iter, body, orelse } => {
                if *is_async {
                    self.async_for_stmt(target, iter, body, orelse)?
                } else {
                    self.for_stmt(target, iter, body, orelse)?
                }
            }
            StmtKind::Break => self.break_stmt(s.span)?,
            StmtKind::Continue => self.continue_stmt(s.span)?,
            StmtKind::FunctionDef(def) => self.function_def(def)?,
            StmtKind::ClassDef(class) => self.class_def(class)?,
            StmtKind::Delete(targets) => targets.iter().try_for_each(|t| self.delete(t))?,
            StmtKind::Raise { exc, cause } => self.raise_stmt(exc.as_ref(), cause.as_ref())?,
            StmtKind::Try { body, handlers, orelse, finalbody, is_star } => {
                if finalbody.is_empty() {
                    self.try_except(body, handlers, orelse, *is_star)?
                } else {
                    self.try_finally(body, handlers, orelse, finalbody, *is_star)?
                }
            }
            StmtKind::Assert { test, msg } => self.assert_stmt(test, msg.as_ref())?,
            StmtKind::With { is_async, items, body } => self.with_stmt(items, body, *is_async)?,
            StmtKind::Import(names) => self.import(names)?,
            StmtKind::ImportFrom { module, names, level } => {
                self.import_from(module.as_deref(), names, *level)?
            }
            StmtKind::Global(_) | StmtKind::Nonlocal(_) => {}
            StmtKind::Match { subject, cases } => self.match_stmt(subject, cases)?,
        }
        Ok(())
    }

    fn return_stmt(&mut self, value: Option<&'a Expr>, span: Span) -> Result<(), SyntaxError> {
        if !matches!(self.scope_kind(), ScopeKind::Function | ScopeKind::Comprehension) {
            return Err(syntax("'return' outside function", span));
        }
        if value.is_some() && self.kind == CodeKind::AsyncGenerator {
            return Err(syntax("'return' with value in async generator", span));
        }
        match value {
            Some(v) => {
                let r = if self.blocks.is_empty() {
                    self.expr(v)?
                } else {
                    let t = self.alloc()?;
                    self.expr_to(v, t)?;
                    t
                };
                self.unwind_blocks(0)?;
                self.span = span;
                self.emit(Instr::Return { src: r });
            }
            None => {
                self.unwind_blocks(0)?;
                self.span = span;
                self.emit(Instr::ReturnNone);
            }
        }
        Ok(())
    }

    /// Emits the cleanup of every block above `keep` (innermost first), for an early exit.
    fn unwind_blocks(&mut self, keep: usize) -> Result<(), SyntaxError> {
        let n = self.blocks.len();
        for i in (keep..n).rev() {
            self.unwind_one(i)?;
        }
        Ok(())
    }

    fn unwind_one(&mut self, i: usize) -> Result<(), SyntaxError> {
        match &self.blocks[i] {
            Block::Loop { .. } => {}
            Block::Finally { body, protect } => {
                let (body, protect) = (*body, *protect);
                self.pause_from(protect);
                // The final body runs outside its own block (a `return` in it must not loop).
                let saved: Vec<Block<'a>> = self.blocks.drain(i..).collect();
                let mark = self.next_reg;
                self.stmts(body)?;
                self.free_to(mark);
                self.blocks.extend(saved);
                self.resume_from(protect);
            }
            Block::With { exit, is_async, protect } => {
                let (exit, is_async, protect) = (*exit, *is_async, *protect);
                self.pause_from(protect);
                let mark = self.next_reg;
                let none = self.alloc()?;
                self.emit(Instr::LoadNone { dst: none });
                let res = self.alloc()?;
                self.emit(Instr::WithExit { dst: res, exit, exc: none });
                if is_async {
                    self.await_reg(res, res)?;
                }
                self.free_to(mark);
                self.resume_from(protect);
            }
            Block::Handler { saved, protect } => {
                let (saved, protect) = (*saved, *protect);
                self.pause_from(protect);
                self.emit(Instr::PopExcInfo { saved });
                self.resume_from(protect);
            }
        }
        Ok(())
    }

    fn innermost_loop(&self) -> Option<usize> {
        self.blocks.iter().rposition(|b| matches!(b, Block::Loop { .. }))
    }

    fn break_stmt(&mut self, span: Span) -> Result<(), SyntaxError> {
        let Some(l) = self.innermost_loop() else { return Err(syntax("'break' outside loop", span)) };
        self.unwind_blocks(l + 1)?;
        let j = self.emit(Instr::Jump { target: 0 });
        if let Block::Loop { breaks, .. } = &mut self.blocks[l] {
            breaks.push(j);
        }
        Ok(())
    }

    fn continue_stmt(&mut self, span: Span) -> Result<(), SyntaxError> {
        let Some(l) = self.innermost_loop() else {
            return Err(syntax("'continue' not properly in loop", span));
        };
        self.unwind_blocks(l + 1)?;
        let Block::Loop { cont, .. } = self.blocks[l] else { unreachable!() };
        self.emit(Instr::Jump { target: cont });
        Ok(())
    }

    /// Runs `f` with the definite-assignment state restored afterwards (a branch).
    /// Compiles `f` inside `n` more of CPython's statically nested blocks, each pushed in
    /// turn, failing as CPython does at `at` when one would pass [`MAX_STATIC_BLOCKS`].
    fn in_blocks<T>(
        &mut self,
        n: u16,
        at: Span,
        f: impl FnOnce(&mut Self) -> Result<T, SyntaxError>,
    ) -> Result<T, SyntaxError> {
        if self.static_blocks + n > MAX_STATIC_BLOCKS {
            return Err(syntax("too many statically nested blocks", at));
        }
        self.static_blocks += n;
        let r = f(self);
        self.static_blocks -= n;
        r
    }

    fn branch<T>(&mut self, f: impl FnOnce(&mut Self) -> Result<T, SyntaxError>) -> Result<T, SyntaxError> {
        let saved = self.assigned.clone();
        let r = f(self);
        self.assigned = saved;
        r
    }

    fn if_stmt(&mut self, test: &'a Expr, body: &'a [Stmt], orelse: &'a [Stmt]) -> Result<(), SyntaxError> {
        let jf = self.jump_if(test, false)?;
        self.branch(|u| u.stmts(body))?;
        if orelse.is_empty() {
            self.patch_here(jf);
        } else {
            let j = self.emit(Instr::Jump { target: 0 });
            self.patch_here(jf);
            self.branch(|u| u.stmts(orelse))?;
            self.patch_here(j);
        }
        Ok(())
    }

    /// Evaluates `test` and emits a jump taken when its truth equals `when`; returns the jump.
    fn jump_if(&mut self, test: &'a Expr, when: bool) -> Result<usize, SyntaxError> {
        let mark = self.next_reg;
        let r = self.expr(test)?;
        self.free_to(mark);
        Ok(if when {
            self.emit(Instr::JumpIfTrue { cond: r, target: 0 })
        } else {
            self.emit(Instr::JumpIfFalse { cond: r, target: 0 })
        })
    }

    fn while_stmt(
        &mut self,
        test: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> Result<(), SyntaxError> {
        let top = self.pc();
        let always = matches!(test.kind, ExprKind::Constant(ast::Constant::Bool(true)));
        let exit = if always { None } else { Some(self.jump_if(test, false)?) };
        self.blocks.push(Block::Loop { cont: top, breaks: Vec::new() });
        let at = self.stmt_span;
        self.in_blocks(1, at, |u| u.branch(|u| u.stmts(body)))?;
        self.emit(Instr::Jump { target: top });
        let Some(Block::Loop { breaks, .. }) = self.blocks.pop() else { unreachable!() };
        if let Some(exit) = exit {
            self.patch_here(exit);
        }
        self.branch(|u| u.stmts(orelse))?;
        for b in breaks {
            self.patch_here(b);
        }
        Ok(())
    }

    fn for_stmt(
        &mut self,
        target: &'a Expr,
        iter: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> Result<(), SyntaxError> {
        let it = self.alloc_n(2)?;
        let stmt_span = self.stmt_span;
        let src = self.expr(iter)?;
        // CPython locates the loop's GET_ITER and FOR_ITER at the whole `for` statement.
        self.span = stmt_span;
        self.emit(Instr::GetIter { dst: it, src });
        self.free_to(it.0 + 2);
        let top = self.pc();
        let fi = self.emit(Instr::ForIter { iter: it, exit: 0 });
        self.blocks.push(Block::Loop { cont: top, breaks: Vec::new() });
        self.in_blocks(1, stmt_span, |u| {
            u.branch(|u| {
                u.store(target, it.offset(1))?;
                u.stmts(body)
            })
        })?;
        self.emit(Instr::Jump { target: top });
        let Some(Block::Loop { breaks, .. }) = self.blocks.pop() else { unreachable!() };
        self.patch_here(fi);
        self.branch(|u| u.stmts(orelse))?;
        self.release_iter_after_break(breaks, it, src);
        Ok(())
    }

    /// `break` out of a `for`/`async for` loop drops the iterator at once, as CPython pops
    /// it: a generator left unfinished is finalized before the statement after the loop.
    /// `src`, the iterable, is cleared too when it is a temporary (past the loop's two
    /// registers; a generator is its own iterator, so it holds the same object); temporaries
    /// are dead once the loop is left.
    fn release_iter_after_break(&mut self, breaks: Vec<usize>, it: Reg, src: Reg) {
        if breaks.is_empty() {
            return;
        }
        let skip = self.emit(Instr::Jump { target: 0 });
        for b in breaks {
            self.patch_here(b);
        }
        self.emit(Instr::LoadNone { dst: it });
        if src.0 >= it.0 + 2 {
            self.emit(Instr::LoadNone { dst: src });
        }
        self.patch_here(skip);
    }

    fn async_for_stmt(
        &mut self,
        target: &'a Expr,
        iter: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> Result<(), SyntaxError> {
        let it = self.alloc_n(2)?;
        let src = self.expr(iter)?;
        self.span = iter.span;
        self.emit(Instr::GetAIter { dst: it, src });
        self.free_to(it.0 + 2);
        let exc = self.alloc()?;
        let top = self.pc();
        let p = self.push_protect(exc);
        let val = it.offset(1);
        self.emit(Instr::GetANext { dst: val, src: it });
        self.await_reg(val, val)?;
        let p = self.pop_protect(p);
        self.blocks.push(Block::Loop { cont: top, breaks: Vec::new() });
        let at = self.stmt_span;
        self.in_blocks(1, at, |u| {
            u.branch(|u| {
                u.store(target, val)?;
                u.stmts(body)
            })
        })?;
        self.emit(Instr::Jump { target: top });
        let Some(Block::Loop { breaks, .. }) = self.blocks.pop() else { unreachable!() };
        let handler = self.pc();
        self.install_handler(p, handler);
        let end = self.emit(Instr::EndAsyncFor { exc, target: 0 });
        self.patch_here(end);
        self.branch(|u| u.stmts(orelse))?;
        self.release_iter_after_break(breaks, it, src);
        Ok(())
    }

    fn raise_stmt(&mut self, exc: Option<&'a Expr>, cause: Option<&'a Expr>) -> Result<(), SyntaxError> {
        let Some(exc) = exc else {
            self.emit(Instr::RaiseCurrent);
            return Ok(());
        };
        let e = self.expr(exc)?;
        let (c, has_cause) = match cause {
            Some(c) => (self.expr(c)?, true),
            None => (e, false),
        };
        // CPython locates the raise at the whole statement.
        self.span = self.stmt_span;
        self.emit(Instr::Raise { exc: e, cause: c, has_cause });
        Ok(())
    }

    fn assert_stmt(&mut self, test: &'a Expr, msg: Option<&'a Expr>) -> Result<(), SyntaxError> {
        let ok = self.jump_if(test, true)?;
        match msg {
            Some(m) => {
                let r = self.expr(m)?;
                self.span = self.stmt_span;
                self.emit(Instr::RaiseAssert { msg: r, has_msg: true });
            }
            None => {
                self.span = self.stmt_span;
                self.emit(Instr::RaiseAssert { msg: Reg(0), has_msg: false });
            }
        }
        self.patch_here(ok);
        Ok(())
    }

    fn try_except(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ast::ExceptHandler],
        orelse: &'a [Stmt],
        is_star: bool,
    ) -> Result<(), SyntaxError> {
        let exc = self.alloc()?;
        let p = self.push_protect(exc);
        let at = self.stmt_span;
        self.in_blocks(1, at, |u| u.branch(|u| u.stmts(body)))?;
        let p = self.pop_protect(p);
        self.branch(|u| u.stmts(orelse))?;
        let to_end = self.emit(Instr::Jump { target: 0 });
        let handler_pc = self.pc();
        self.install_handler(p, handler_pc);
        let mut ends = vec![to_end];
        if is_star {
            self.star_handlers(exc, handlers, &mut ends)?;
        } else {
            self.handlers_code(exc, handlers, &mut ends)?;
        }
        for j in ends {
            self.patch_here(j);
        }
        Ok(())
    }

    /// The `except` clauses, entered with the exception in `exc`.
    fn handlers_code(
        &mut self,
        exc: Reg,
        handlers: &'a [ast::ExceptHandler],
        ends: &mut Vec<usize>,
    ) -> Result<(), SyntaxError> {
        let saved = self.alloc()?;
        self.emit(Instr::PushExcInfo { save: saved, exc });
        let exc2 = self.alloc()?;
        let p = self.push_protect(exc2);
        let mut bound_names: Vec<&'a str> = Vec::new();
        for h in handlers {
            self.span = h.span;
            let mark = self.next_reg;
            let next = match &h.typ {
                Some(t) => {
                    let tr = self.expr(t)?;
                    let m = self.alloc()?;
                    self.span = t.span;
                    self.emit(Instr::CheckExcMatch { dst: m, exc, typ: tr });
                    Some(self.emit(Instr::JumpIfFalse { cond: m, target: 0 }))
                }
                None => None,
            };
            self.free_to(mark);
            if let Some(name) = &h.name {
                self.store_name(name, exc)?;
                bound_names.push(name);
            }
            self.blocks.push(Block::Handler { saved, protect: p });
            self.in_blocks(2, h.span, |u| u.branch(|u| u.stmts(&h.body)))?;
            self.blocks.pop();
            if let Some(name) = &h.name {
                self.unbind_handler_name(name)?;
            }
            self.pause_from(p);
            self.emit(Instr::PopExcInfo { saved });
            ends.push(self.emit(Instr::Jump { target: 0 }));
            self.resume_from(p);
            if let Some(next) = next {
                self.patch_here(next);
            }
        }
        let p = self.pop_protect(p);
        // No clause matched: restore and propagate.
        self.emit(Instr::PopExcInfo { saved });
        self.emit(Instr::Reraise { exc });
        // An exception inside a handler body: restore, unbind, propagate.
        let cleanup = self.pc();
        self.install_handler(p, cleanup);
        self.emit(Instr::PopExcInfo { saved });
        for name in bound_names {
            self.unbind_handler_name(name)?;
        }
        self.emit(Instr::Reraise { exc: exc2 });
        Ok(())
    }

    /// `except*` clauses: each splits off its matching part of the group and runs on it.
    fn star_handlers(
        &mut self,
        exc: Reg,
        handlers: &'a [ast::ExceptHandler],
        ends: &mut Vec<usize>,
    ) -> Result<(), SyntaxError> {
        let saved = self.alloc()?;
        let rest = self.alloc()?;
        let raised = self.alloc()?;
        let part = self.alloc()?;
        self.emit(Instr::Move { dst: rest, src: exc });
        self.emit(Instr::BuildList { dst: raised, start: raised, count: 0 });
        for h in handlers {
            self.span = h.span;
            let mark = self.next_reg;
            let Some(t) = &h.typ else { return Err(syntax("expected one or more exception types", h.span)) };
            let tr = self.expr(t)?;
            self.emit(Instr::ExcGroupSplit { dst: part, rest, typ: tr });
            self.free_to(mark);
            let skip = self.emit(Instr::JumpIfFalse { cond: part, target: 0 });
            self.emit(Instr::PushExcInfo { save: saved, exc: part });
            let inner = self.alloc()?;
            let p = self.push_protect(inner);
            if let Some(name) = &h.name {
                self.store_name(name, part)?;
            }
            self.blocks.push(Block::Handler { saved, protect: p });
            self.in_blocks(2, h.span, |u| u.branch(|u| u.stmts(&h.body)))?;
            self.blocks.pop();
            let p = self.pop_protect(p);
            let done = self.emit(Instr::Jump { target: 0 });
            let catch = self.pc();
            self.install_handler(p, catch);
            self.emit(Instr::ListAppend { list: raised, item: inner });
            self.patch_here(done);
            self.emit(Instr::PopExcInfo { saved });
            if let Some(name) = &h.name {
                self.unbind_handler_name(name)?;
            }
            self.patch_here(skip);
            self.free_to(mark);
        }
        // The handlers' raised list is dead after the combine, so its register takes the result.
        let out = raised;
        self.emit(Instr::ExcGroupCombine { orig: exc, raised, rest });
        ends.push(self.emit(Instr::JumpIfFalse { cond: out, target: 0 }));
        self.emit(Instr::Reraise { exc: out });
        Ok(())
    }

    fn unbind_handler_name(&mut self, name: &str) -> Result<(), SyntaxError> {
        let none = self.alloc()?;
        self.emit(Instr::LoadNone { dst: none });
        self.store_name(name, none)?;
        self.delete_name(name)?;
        self.free_to(none.0);
        Ok(())
    }

    fn try_finally(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ast::ExceptHandler],
        orelse: &'a [Stmt],
        finalbody: &'a [Stmt],
        is_star: bool,
    ) -> Result<(), SyntaxError> {
        let exc = self.alloc()?;
        let p = self.push_protect(exc);
        self.blocks.push(Block::Finally { body: finalbody, protect: p });
        let at = self.stmt_span;
        self.in_blocks(1, at, |u| {
            if handlers.is_empty() {
                u.branch(|u| u.stmts(body))
            } else {
                u.try_except(body, handlers, orelse, is_star)
            }
        })?;
        self.blocks.pop();
        let p = self.pop_protect(p);
        // Normal exit: run the final body.
        self.branch(|u| u.stmts(finalbody))?;
        let to_end = self.emit(Instr::Jump { target: 0 });
        // Exceptional exit: run it, then re-raise.
        let handler = self.pc();
        self.install_handler(p, handler);
        let saved = self.alloc()?;
        self.emit(Instr::PushExcInfo { save: saved, exc });
        let exc2 = self.alloc()?;
        let p2 = self.push_protect(exc2);
        self.blocks.push(Block::Handler { saved, protect: p2 });
        self.in_blocks(1, at, |u| u.branch(|u| u.stmts(finalbody)))?;
        self.blocks.pop();
        let p2 = self.pop_protect(p2);
        self.emit(Instr::PopExcInfo { saved });
        self.emit(Instr::Reraise { exc });
        let cleanup = self.pc();
        self.install_handler(p2, cleanup);
        self.emit(Instr::PopExcInfo { saved });
        self.emit(Instr::Reraise { exc: exc2 });
        self.patch_here(to_end);
        Ok(())
    }

    fn with_stmt(
        &mut self,
        items: &'a [ast::WithItem],
        body: &'a [Stmt],
        is_async: bool,
    ) -> Result<(), SyntaxError> {
        let Some((item, rest)) = items.split_first() else { return self.stmts(body) };
        // The `__exit__` calls belong to the whole statement (CPython 3.11 reports them at
        // the `with` line, without carets).
        let stmt_span = self.span;
        let mgr = self.expr(&item.context)?;
        let pair = self.alloc_n(2)?;
        self.span = item.context.span;
        if is_async {
            self.emit(Instr::AsyncWithEnter { dst: pair, mgr });
            self.await_reg(pair.offset(1), pair.offset(1))?;
        } else {
            self.emit(Instr::WithEnter { dst: pair, mgr });
        }
        let exit = pair;
        let exc = self.alloc()?;
        let p = self.push_protect(exc);
        if let Some(v) = &item.vars {
            self.store(v, pair.offset(1))?
        }
        self.blocks.push(Block::With { exit, is_async, protect: p });
        let at = self.stmt_span;
        self.in_blocks(1, at, |u| {
            u.branch(|u| if rest.is_empty() { u.stmts(body) } else { u.with_stmt(rest, body, is_async) })
        })?;
        self.blocks.pop();
        let p = self.pop_protect(p);
        // Normal exit.
        self.span = stmt_span;
        let none = self.alloc()?;
        self.emit(Instr::LoadNone { dst: none });
        let res = self.alloc()?;
        self.emit(Instr::WithExit { dst: res, exit, exc: none });
        if is_async {
            self.await_reg(res, res)?;
        }
        let to_end = self.emit(Instr::Jump { target: 0 });
        // Exceptional exit: the exit function decides whether to suppress.
        let handler = self.pc();
        self.install_handler(p, handler);
        let saved = self.alloc()?;
        self.emit(Instr::PushExcInfo { save: saved, exc });
        let exc2 = self.alloc()?;
        let p2 = self.push_protect(exc2);
        self.span = stmt_span;
        self.emit(Instr::WithExit { dst: res, exit, exc });
        if is_async {
            self.await_reg(res, res)?;
        }
        let p2 = self.pop_protect(p2);
        let suppress = self.emit(Instr::JumpIfTrue { cond: res, target: 0 });
        self.emit(Instr::PopExcInfo { saved });
        self.emit(Instr::Reraise { exc });
        self.patch_here(suppress);
        self.emit(Instr::PopExcInfo { saved });
        let to_end2 = self.emit(Instr::Jump { target: 0 });
        let cleanup = self.pc();
        self.install_handler(p2, cleanup);
        self.emit(Instr::PopExcInfo { saved });
        self.emit(Instr::Reraise { exc: exc2 });
        self.patch_here(to_end);
        self.patch_here(to_end2);
        Ok(())
    }

    fn import(&mut self, names: &'a [ast::Alias]) -> Result<(), SyntaxError> {
        for alias in names {
            self.span = self.stmt_span;
            let r = self.alloc()?;
            let n = self.name(&alias.name);
            match &alias.asname {
                Some(asname) => {
                    self.emit(Instr::Import { dst: r, name: n, level: 0, top: false });
                    self.store_name(asname, r)?;
                }
                None => {
                    self.emit(Instr::Import { dst: r, name: n, level: 0, top: true });
                    let first = alias.name.split('.').next().unwrap_or("");
                    self.store_name(first, r)?;
                }
            }
            self.free_to(r.0);
        }
        Ok(())
    }

    fn import_from(
        &mut self,
        module: Option<&str>,
        names: &'a [ast::Alias],
        level: u32,
    ) -> Result<(), SyntaxError> {
        let m = self.alloc()?;
        let n = self.name(module.unwrap_or(""));
        self.emit(Instr::Import { dst: m, name: n, level: level.min(255) as u8, top: false });
        for alias in names {
            self.span = self.stmt_span;
            if alias.name == "*" {
                self.emit(Instr::ImportStar { module: m });
                continue;
            }
            let r = self.alloc()?;
            let n = self.name(&alias.name);
            self.emit(Instr::ImportFrom { dst: r, module: m, name: n });
            self.store_name(alias.asname.as_ref().unwrap_or(&alias.name), r)?;
            self.free_to(r.0);
        }
        Ok(())
    }

    // ----- assignment -----

    fn assign(&mut self, targets: &'a [Expr], value: &'a Expr) -> Result<(), SyntaxError> {
        if let [target] = targets {
            if let ExprKind::Name(n) = &target.kind {
                if let Some(reg) = self.local_reg(n) {
                    if self.binding(n) == Binding::Local {
                        self.expr_to(value, reg)?;
                        self.assigned[reg.idx()] = true;
                        return Ok(());
                    }
                }
            }
            if let (ExprKind::Tuple(ts), ExprKind::Tuple(vs)) = (&target.kind, &value.kind) {
                if ts.len() == vs.len()
                    && !ts.iter().chain(vs).any(|e| matches!(e.kind, ExprKind::Starred(_)))
                {
                    // `a, b = b, a`: evaluate all values into temps, then store.
                    let base = self.alloc_n(vs.len())?;
                    for (i, v) in vs.iter().enumerate() {
                        self.expr_to(v, base.offset(i as u16))?;
                    }
                    for (i, t) in ts.iter().enumerate() {
                        self.store(t, base.offset(i as u16))?;
                    }
                    return Ok(());
                }
            }
        }
        let v = self.expr(value)?;
        for t in targets {
            self.store(t, v)?;
        }
        Ok(())
    }

    fn local_reg(&self, name: &str) -> Option<Reg> {
        self.regs.get(name).copied()
    }

    /// Stores the value in `src` into the assignment target `t`.
    fn store(&mut self, t: &'a Expr, src: Reg) -> Result<(), SyntaxError> {
        self.span = t.span;
        match &t.kind {
            ExprKind::Name(n) => self.store_name(n, src),
            ExprKind::Attribute { value, attr } => {
                let mark = self.next_reg;
                let obj = self.expr(value)?;
                let name = self.name(attr);
                self.span = t.span;
                self.emit(Instr::SetAttr { obj, name, src });
                self.free_to(mark);
                Ok(())
            }
            ExprKind::Subscript { value, slice } => {
                let mark = self.next_reg;
                let obj = self.expr(value)?;
                let key = self.expr(slice)?;
                self.span = t.span;
                self.emit(Instr::SetItem { obj, key, src });
                self.free_to(mark);
                Ok(())
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => self.unpack(items, src, t.span),
            ExprKind::Starred(_) => {
                Err(syntax("starred assignment target must be in a list or tuple", t.span))
            }
            _ => Err(syntax("cannot assign to expression", t.span)),
        }
    }

    fn unpack(&mut self, items: &'a [Expr], src: Reg, span: Span) -> Result<(), SyntaxError> {
        let mark = self.next_reg;
        let star = items.iter().position(|e| matches!(e.kind, ExprKind::Starred(_)));
        let base = self.alloc_n(items.len())?;
        self.span = span;
        match star {
            None => {
                self.emit(Instr::UnpackSequence { dst: base, src, count: items.len() as u16 });
            }
            Some(i) => {
                let after = items.len() - i - 1;
                if i > 255 || after > 255 {
                    return Err(syntax("too many expressions in star-unpacking assignment", span));
                }
                self.emit(Instr::UnpackEx { dst: base, src, before: i as u8, after: after as u8 });
            }
        }
        for (i, item) in items.iter().enumerate() {
            let target = match &item.kind {
                ExprKind::Starred(inner) => inner,
                _ => item,
            };
            self.store(target, base.offset(i as u16))?;
        }
        self.free_to(mark);
        Ok(())
    }

    fn store_name(&mut self, name: &str, src: Reg) -> Result<(), SyntaxError> {
        match self.binding(name) {
            Binding::Local => {
                let reg = self.regs[name];
                if reg != src {
                    self.emit(Instr::Move { dst: reg, src });
                }
                self.assigned[reg.idx()] = true;
            }
            Binding::Cell | Binding::Free => {
                let cell = self.regs[name];
                self.emit(Instr::StoreDeref { cell, src });
            }
            Binding::Global => {
                let n = self.name(name);
                self.emit(Instr::StoreGlobal { name: n, src });
            }
            Binding::Name | Binding::ClassFree => {
                let n = self.name(name);
                self.emit(Instr::StoreName { name: n, src });
            }
        }
        Ok(())
    }

    fn delete_name(&mut self, name: &str) -> Result<(), SyntaxError> {
        let n = self.name(name);
        match self.binding(name) {
            Binding::Local => {
                let reg = self.regs[name];
                self.emit(Instr::DeleteFast { reg, name: n });
                self.assigned[reg.idx()] = false;
            }
            Binding::Cell | Binding::Free => {
                let cell = self.regs[name];
                self.emit(Instr::DeleteDeref { cell, name: n });
            }
            Binding::Global => {
                self.emit(Instr::DeleteGlobal { name: n });
            }
            Binding::Name | Binding::ClassFree => {
                self.emit(Instr::DeleteName { name: n });
            }
        }
        Ok(())
    }

    fn delete(&mut self, t: &'a Expr) -> Result<(), SyntaxError> {
        self.span = t.span;
        let mark = self.next_reg;
        match &t.kind {
            ExprKind::Name(n) => self.delete_name(n)?,
            ExprKind::Attribute { value, attr } => {
                let obj = self.expr(value)?;
                let name = self.name(attr);
                self.span = t.span;
                self.emit(Instr::DelAttr { obj, name });
            }
            ExprKind::Subscript { value, slice } => {
                let obj = self.expr(value)?;
                let key = self.expr(slice)?;
                self.span = t.span;
                self.emit(Instr::DelItem { obj, key });
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                items.iter().try_for_each(|i| self.delete(i))?
            }
            _ => return Err(syntax("cannot delete expression", t.span)),
        }
        self.free_to(mark);
        Ok(())
    }

    fn aug_assign(&mut self, target: &'a Expr, op: ast::BinOp, value: &'a Expr) -> Result<(), SyntaxError> {
        let op = bin_kind(op);
        match &target.kind {
            ExprKind::Name(n) => {
                let cur = self.expr(target)?;
                let imm = small_int(value);
                let v = if imm.is_some() { cur } else { self.expr(value)? };
                let dst = match self.binding(n) {
                    Binding::Local => self.regs[n.as_str()],
                    _ => self.alloc()?,
                };
                self.span = target.span.to(value.span);
                match imm {
                    Some(imm) => self.emit(Instr::InplaceI { op, dst, a: cur, imm }),
                    None => self.emit(Instr::Inplace { op, dst, a: cur, b: v }),
                };
                self.store_name(n, dst)
            }
            ExprKind::Attribute { value: obj, attr } => {
                let o = self.expr(obj)?;
                let name = self.name(attr);
                let cur = self.alloc()?;
                self.span = target.span;
                self.emit(Instr::GetAttr { dst: cur, obj: o, name });
                let v = self.expr(value)?;
                self.span = target.span.to(value.span);
                self.emit(Instr::Inplace { op, dst: cur, a: cur, b: v });
                self.span = target.span;
                self.emit(Instr::SetAttr { obj: o, name, src: cur });
                Ok(())
            }
            ExprKind::Subscript { value: obj, slice } => {
                let o = self.expr(obj)?;
                let k = self.expr(slice)?;
                let cur = self.alloc()?;
                self.span = target.span;
                self.emit(Instr::GetItem { dst: cur, obj: o, key: k });
                let v = self.expr(value)?;
                self.span = target.span.to(value.span);
                self.emit(Instr::Inplace { op, dst: cur, a: cur, b: v });
                self.span = target.span;
                self.emit(Instr::SetItem { obj: o, key: k, src: cur });
                Ok(())
            }
            _ => Err(syntax("'expression' is an illegal expression for augmented assignment", target.span)),
        }
    }

    // ----- functions and classes -----

    /// The name a `def` or `class` statement binds here (private names are mangled, the
    /// function or class keeps the plain name).
    fn bound_name(&self, name: &str) -> String {
        super::mangle::mangle(self.table.scopes[self.scope].private.as_deref(), name).into_owned()
    }

    fn child_qualname(&self, name: &str) -> Rc<str> {
        match self.scope_kind() {
            ScopeKind::Module => name.into(),
            ScopeKind::Class => format!("{}.{}", self.qualname, name).into(),
            _ => format!("{}.<locals>.{}", self.qualname, name).into(),
        }
    }

    fn line_of(&self, span: Span) -> u32 {
        self.source.lines.line_col(span.start as usize).0 as u32
    }

    fn function_def(&mut self, def: &'a ast::FunctionDef) -> Result<(), SyntaxError> {
        let mark = self.next_reg;
        let decos = self.alloc_n(def.decorators.len())?;
        for (i, d) in def.decorators.iter().enumerate() {
            self.expr_to(d, decos.offset(i as u16))?;
        }
        let scope = self.table.scope_of(def);
        let kind = code_kind(self.table, scope, def.is_async);
        let qualname = self.child_qualname(&def.name);
        let line = self.line_of(def.decorators.first().map_or(self.span, |d| d.span));
        let mut unit =
            Unit::new(self.table, scope, kind, def.name.as_str().into(), qualname, self.source.clone(), line);
        unit.params(&def.args);
        unit.doc = docstring(&def.body);
        unit.body_stmts(&def.body)?;
        unit.emit(Instr::ReturnNone);
        let code = unit.finish();
        let f = self.alloc()?;
        self.make_function(code, &def.args, def.returns.as_ref(), f)?;
        for i in (0..def.decorators.len()).rev() {
            let base = self.alloc_n(2)?;
            self.emit(Instr::Move { dst: base, src: decos.offset(i as u16) });
            self.emit(Instr::Move { dst: base.offset(1), src: f });
            self.emit(Instr::Call { base, argc: 1 });
            self.emit(Instr::Move { dst: f, src: base });
            self.free_to(base.0);
        }
        let bound = self.bound_name(&def.name);
        self.store_name(&bound, f)?;
        self.free_to(mark);
        Ok(())
    }

    fn params(&mut self, args: &ast::Arguments) {
        self.argcount = (args.posonly.len() + args.args.len()) as u16;
        self.posonlycount = args.posonly.len() as u16;
        self.kwonlycount = args.kwonly.len() as u16;
        self.has_varargs = args.vararg.is_some();
        self.has_varkw = args.kwarg.is_some();
    }

    /// Emits `MakeFunction` for `code` with the defaults and closure of `args` into `dst`.
    fn make_function(
        &mut self,
        code: Rc<Code>,
        args: &'a ast::Arguments,
        returns: Option<&'a Expr>,
        dst: Reg,
    ) -> Result<(), SyntaxError> {
        let extra = self.alloc_n(4)?;
        if args.defaults.is_empty() {
            self.emit(Instr::LoadNone { dst: extra });
        } else {
            let base = self.alloc_n(args.defaults.len())?;
            for (i, d) in args.defaults.iter().enumerate() {
                self.expr_to(d, base.offset(i as u16))?;
            }
            self.emit(Instr::BuildTuple { dst: extra, start: base, count: args.defaults.len() as u16 });
            self.free_to(base.0);
        }
        let kw: Vec<(&ast::Arg, &'a Expr)> = args
            .kwonly
            .iter()
            .zip(&args.kw_defaults)
            .filter_map(|(a, d)| d.as_ref().map(|d| (a, d)))
            .collect();
        if kw.is_empty() {
            self.emit(Instr::LoadNone { dst: extra.offset(1) });
        } else {
            let base = self.alloc_n(kw.len() * 2)?;
            for (i, (a, d)) in kw.iter().enumerate() {
                let c = self.constant(Const::Str(a.name.as_str().into()));
                self.emit(Instr::LoadConst { dst: base.offset(2 * i as u16), idx: c });
                self.expr_to(d, base.offset(2 * i as u16 + 1))?;
            }
            self.emit(Instr::BuildDict { dst: extra.offset(1), start: base, count: kw.len() as u16 });
            self.free_to(base.0);
        }
        self.closure_tuple(&code, extra.offset(2))?;
        self.annotations_dict(args, returns, extra.offset(3))?;
        let c = self.constant(Const::Code(code));
        self.emit(Instr::MakeFunction { dst, code: c, extra });
        self.free_to(extra.0);
        Ok(())
    }

    /// `MakeFunction` for code without defaults or annotations (class bodies, comprehensions).
    fn make_plain_function(&mut self, code: Rc<Code>, dst: Reg) -> Result<(), SyntaxError> {
        let extra = self.alloc_n(4)?;
        self.emit(Instr::LoadNone { dst: extra });
        self.emit(Instr::LoadNone { dst: extra.offset(1) });
        self.closure_tuple(&code, extra.offset(2))?;
        self.emit(Instr::LoadNone { dst: extra.offset(3) });
        let c = self.constant(Const::Code(code));
        self.emit(Instr::MakeFunction { dst, code: c, extra });
        self.free_to(extra.0);
        Ok(())
    }

    /// The `__annotations__` dict of a `def` (parameters in order, then `return`), or None.
    fn annotations_dict(
        &mut self,
        args: &'a ast::Arguments,
        returns: Option<&'a Expr>,
        dst: Reg,
    ) -> Result<(), SyntaxError> {
        let params =
            args.posonly.iter().chain(&args.args).chain(&args.vararg).chain(&args.kwonly).chain(&args.kwarg);
        let mut items: Vec<(&str, &'a Expr)> =
            params.filter_map(|a| a.annotation.as_ref().map(|e| (a.name.as_str(), e))).collect();
        if let Some(r) = returns {
            items.push(("return", r));
        }
        if items.is_empty() {
            self.emit(Instr::LoadNone { dst });
            return Ok(());
        }
        let base = self.alloc_n(items.len() * 2)?;
        for (i, (name, e)) in items.iter().enumerate() {
            let c = self.constant(Const::Str((*name).into()));
            self.emit(Instr::LoadConst { dst: base.offset(2 * i as u16), idx: c });
            self.expr_to(e, base.offset(2 * i as u16 + 1))?;
        }
        self.emit(Instr::BuildDict { dst, start: base, count: items.len() as u16 });
        self.free_to(base.0);
        Ok(())
    }

    /// Builds the tuple of cells a nested code object captures, or None.
    fn closure_tuple(&mut self, code: &Code, dst: Reg) -> Result<(), SyntaxError> {
        if code.freevars.is_empty() {
            self.emit(Instr::LoadNone { dst });
            return Ok(());
        }
        let base = self.alloc_n(code.freevars.len())?;
        for (i, (_, name)) in code.freevars.iter().enumerate() {
            let class_cell = self.class_cell.filter(|_| &**name == "__class__");
            let cell = if let Some(cell) = class_cell {
                cell
            } else {
                match self.regs.get(&**name) {
                    Some(&r) => r,
                    None => return Err(syntax("internal error: missing closure cell", self.span)),
                }
            };
            self.emit(Instr::Move { dst: base.offset(i as u16), src: cell });
        }
        self.emit(Instr::BuildTuple { dst, start: base, count: code.freevars.len() as u16 });
        self.free_to(base.0);
        Ok(())
    }

    fn class_def(&mut self, class: &'a ast::ClassDef) -> Result<(), SyntaxError> {
        let mark = self.next_reg;
        let decos = self.alloc_n(class.decorators.len())?;
        for (i, d) in class.decorators.iter().enumerate() {
            self.expr_to(d, decos.offset(i as u16))?;
        }
        let scope = self.table.scope_of(class);
        let qualname = self.child_qualname(&class.name);
        let line = self.line_of(self.span);
        let mut unit = Unit::new(
            self.table,
            scope,
            CodeKind::Class,
            class.name.as_str().into(),
            qualname.clone(),
            self.source.clone(),
            line,
        );
        unit.class_body(class, &qualname)?;
        let code = unit.finish();
        let base = self.alloc_n(4)?;
        self.make_plain_function(code, base)?;
        let n = self.constant(Const::Str(class.name.as_str().into()));
        self.emit(Instr::LoadConst { dst: base.offset(1), idx: n });
        self.sequence_to_tuple(&class.bases, base.offset(2))?;
        if class.keywords.is_empty() {
            self.emit(Instr::LoadNone { dst: base.offset(3) });
        } else {
            self.keywords_dict(&class.keywords, base.offset(3), base)?;
        }
        self.emit(Instr::MakeClass { base });
        for i in (0..class.decorators.len()).rev() {
            let call = self.alloc_n(2)?;
            self.emit(Instr::Move { dst: call, src: decos.offset(i as u16) });
            self.emit(Instr::Move { dst: call.offset(1), src: base });
            self.emit(Instr::Call { base: call, argc: 1 });
            self.emit(Instr::Move { dst: base, src: call });
            self.free_to(call.0);
        }
        let bound = self.bound_name(&class.name);
        self.store_name(&bound, base)?;
        self.free_to(mark);
        Ok(())
    }

    /// `target: annotation [= value]`. In module and class bodies a simple name's annotation
    /// is stored in `__annotations__`; in functions annotations are not evaluated.
    fn ann_assign(
        &mut self,
        target: &'a Expr,
        annotation: &'a Expr,
        value: Option<&'a Expr>,
        simple: bool,
    ) -> Result<(), SyntaxError> {
        if let Some(v) = value {
            self.assign(std::slice::from_ref(target), v)?;
        }
        if !matches!(self.kind, CodeKind::Module | CodeKind::Class) {
            return Ok(());
        }
        match (&target.kind, simple) {
            (ExprKind::Name(name), true) => {
                let mark = self.next_reg;
                let ann = self.expr(annotation)?;
                let dict = self.alloc()?;
                let n = self.name("__annotations__");
                self.emit(Instr::LoadName { dst: dict, name: n });
                let key = self.alloc()?;
                let c = self.constant(Const::Str(name.as_str().into()));
                self.emit(Instr::LoadConst { dst: key, idx: c });
                self.emit(Instr::SetItem { obj: dict, key, src: ann });
                self.free_to(mark);
            }
            _ => {
                self.expr(annotation)?;
            }
        }
        Ok(())
    }

    /// CPython's SETUP_ANNOTATIONS: a module or class body with variable annotations starts
    /// with an empty `__annotations__` dict.
    /// `__doc__ = "..."` when a module or class body starts with a string literal.
    fn store_docstring(&mut self, body: &[Stmt], r: Reg) {
        if let Some(doc) = docstring(body) {
            let d = self.constant(Const::Str(doc));
            self.emit(Instr::LoadConst { dst: r, idx: d });
            let dn = self.name("__doc__");
            self.emit(Instr::StoreName { name: dn, src: r });
        }
    }

    fn setup_annotations(&mut self, body: &[Stmt]) -> Result<(), SyntaxError> {
        if !has_annotations(body) {
            return Ok(());
        }
        let r = self.alloc()?;
        self.emit(Instr::BuildDict { dst: r, start: r, count: 0 });
        let n = self.name("__annotations__");
        self.emit(Instr::StoreName { name: n, src: r });
        self.free_to(r.0);
        Ok(())
    }

    fn class_body(&mut self, class: &'a ast::ClassDef, qualname: &str) -> Result<(), SyntaxError> {
        let r = self.alloc()?;
        let module = self.name("__name__");
        self.emit(Instr::LoadGlobal { dst: r, name: module });
        let m = self.name("__module__");
        self.emit(Instr::StoreName { name: m, src: r });
        let q = self.constant(Const::Str(qualname.into()));
        self.emit(Instr::LoadConst { dst: r, idx: q });
        let qn = self.name("__qualname__");
        self.emit(Instr::StoreName { name: qn, src: r });
        self.store_docstring(&class.body, r);
        self.free_to(r.0);
        self.setup_annotations(&class.body)?;
        self.stmts(&class.body)?;
        match self.class_cell {
            Some(cell) => {
                self.emit(Instr::Return { src: cell });
            }
            None => {
                self.emit(Instr::ReturnNone);
            }
        }
        Ok(())
    }

    // ----- expressions -----

    /// Evaluates `e` and returns a register holding its value. Locals are returned in place.
    fn expr(&mut self, e: &'a Expr) -> Result<Reg, SyntaxError> {
        if let ExprKind::Name(n) = &e.kind {
            if self.binding(n) == Binding::Local {
                let reg = self.regs[n.as_str()];
                if !self.assigned[reg.idx()] {
                    self.span = e.span;
                    let name = self.name(n);
                    self.emit(Instr::CheckBound { reg, name });
                }
                return Ok(reg);
            }
        }
        let r = self.alloc()?;
        self.expr_to(e, r)?;
        Ok(r)
    }

    /// True when `dst` is a variable's register that the expression may read again.
    fn is_var(&self, dst: Reg) -> bool {
        dst.0 < self.nlocals
    }

    /// Evaluates `e` into `dst`.
    fn expr_to(&mut self, e: &'a Expr, dst: Reg) -> Result<(), SyntaxError> {
        self.span = e.span;
        let mark = self.next_reg;
        match &e.kind {
            ExprKind::Constant(c) => self.constant_to(c, dst),
            ExprKind::Name(n) => self.load_name(n, dst, e.span)?,
            ExprKind::BinOp { left, op, right } => {
                let a = self.expr(left)?;
                if let Some(imm) = small_int(right) {
                    self.span = e.span;
                    self.emit(Instr::BinaryI { op: bin_kind(*op), dst, a, imm });
                    self.free_to(mark);
                    return Ok(());
                }
                let b = self.expr(right)?;
                self.span = e.span;
                let instr = match op {
                    ast::BinOp::Add => Instr::Add { dst, a, b },
                    ast::BinOp::Sub => Instr::Sub { dst, a, b },
                    ast::BinOp::Mult => Instr::Mul { dst, a, b },
                    other => Instr::Binary { op: bin_kind(*other), dst, a, b },
                };
                self.emit(instr);
            }
            ExprKind::UnaryOp { op, operand } => {
                if let (ast::UnaryOp::USub, ExprKind::Constant(c)) = (op, &operand.kind) {
                    if let Some(neg) = negate_const(c) {
                        self.constant_to(&neg, dst);
                        self.free_to(mark);
                        return Ok(());
                    }
                }
                let src = self.expr(operand)?;
                self.span = e.span;
                let op = match op {
                    ast::UnaryOp::Invert => UnaryKind::Invert,
                    ast::UnaryOp::Not => UnaryKind::Not,
                    ast::UnaryOp::UAdd => UnaryKind::Pos,
                    ast::UnaryOp::USub => UnaryKind::Neg,
                };
                self.emit(Instr::Unary { op, dst, src });
            }
            ExprKind::BoolOp { op, values } => self.bool_op(*op, values, dst)?,
            ExprKind::Compare { left, ops, comparators } => self.compare(left, ops, comparators, dst)?,
            ExprKind::IfExp { test, body, orelse } => {
                let t = if self.is_var(dst) { self.alloc()? } else { dst };
                let jf = self.jump_if(test, false)?;
                self.branch(|u| u.expr_to(body, t))?;
                let j = self.emit(Instr::Jump { target: 0 });
                self.patch_here(jf);
                self.branch(|u| u.expr_to(orelse, t))?;
                self.patch_here(j);
                if t != dst {
                    self.emit(Instr::Move { dst, src: t });
                }
            }
            ExprKind::NamedExpr { target, value } => {
                let ExprKind::Name(n) = &target.kind else {
                    return Err(syntax("cannot use assignment expressions with this target", target.span));
                };
                self.expr_to(value, dst)?;
                self.store_name(n, dst)?;
            }
            ExprKind::Attribute { value, attr } => {
                let obj = self.expr(value)?;
                let name = self.name(attr);
                self.span = e.span;
                self.emit(Instr::GetAttr { dst, obj, name });
            }
            ExprKind::Subscript { value, slice } => {
                let obj = self.expr(value)?;
                let key = self.expr(slice)?;
                self.span = e.span;
                self.emit(Instr::GetItem { dst, obj, key });
            }
            ExprKind::Slice { lower, upper, step } => {
                let base = self.alloc_n(3)?;
                for (i, part) in [lower, upper, step].into_iter().enumerate() {
                    match part {
                        Some(p) => self.expr_to(p, base.offset(i as u16))?,
                        None => {
                            self.emit(Instr::LoadNone { dst: base.offset(i as u16) });
                        }
                    }
                }
                self.emit(Instr::BuildSlice { dst, start: base });
            }
            ExprKind::Call { func, args, keywords } => self.call(func, args, keywords, dst, e.span)?,
            ExprKind::List(items) => self.display(items, dst, Collection::List)?,
            ExprKind::Tuple(items) => self.display(items, dst, Collection::Tuple)?,
            ExprKind::Set(items) => self.display(items, dst, Collection::Set)?,
            ExprKind::Dict { keys, values } => self.dict_display(keys, values, dst)?,
            ExprKind::JoinedStr(parts) => self.joined_str(parts, dst)?,
            ExprKind::FormattedValue { .. } => self.joined_str(std::slice::from_ref(e), dst)?,
            ExprKind::Lambda { args, body } => self.lambda(e, args, body, dst)?,
            ExprKind::ListComp { .. }
            | ExprKind::SetComp { .. }
            | ExprKind::DictComp { .. }
            | ExprKind::GeneratorExp { .. } => self.comprehension(e, dst)?,
            ExprKind::Yield(value) => {
                self.check_in_function("'yield' outside function", e.span)?;
                let src = match value {
                    Some(v) => self.expr(v)?,
                    None => {
                        let r = self.alloc()?;
                        self.emit(Instr::LoadNone { dst: r });
                        r
                    }
                };
                self.span = e.span;
                self.emit(Instr::Yield { dst, src });
            }
            ExprKind::YieldFrom(value) => {
                self.check_in_function("'yield' outside function", e.span)?;
                let v = self.expr(value)?;
                let it = self.alloc()?;
                self.span = e.span;
                self.emit(Instr::GetIter { dst: it, src: v });
                self.emit(Instr::YieldFrom { dst, src: it });
            }
            ExprKind::Await(value) => {
                let v = self.expr(value)?;
                self.span = e.span;
                self.await_reg(dst, v)?;
            }
            ExprKind::Starred(_) => return Err(syntax("can't use starred expression here", e.span)),
        }
        self.free_to(mark);
        Ok(())
    }

    fn check_in_function(&self, msg: &str, span: Span) -> Result<(), SyntaxError> {
        match self.scope_kind() {
            ScopeKind::Function | ScopeKind::Comprehension => Ok(()),
            _ => Err(syntax(msg, span)),
        }
    }

    /// `R[dst] = await R[src]`.
    fn await_reg(&mut self, dst: Reg, src: Reg) -> Result<(), SyntaxError> {
        if self.interactive && self.scope_kind() == ScopeKind::Module {
            // Top-level `await` in REPL input: like CPython's CO_COROUTINE under
            // PyCF_ALLOW_TOP_LEVEL_AWAIT, running the code gives a coroutine to await.
            self.kind = CodeKind::Coroutine;
        }
        let it = self.alloc()?;
        self.emit(Instr::GetAwaitable { dst: it, src });
        self.emit(Instr::YieldFrom { dst, src: it });
        self.free_to(it.0);
        Ok(())
    }

    fn constant_to(&mut self, c: &ast::Constant, dst: Reg) {
        match c {
            ast::Constant::None => {
                self.emit(Instr::LoadNone { dst });
            }
            ast::Constant::Bool(b) => {
                self.emit(Instr::LoadBool { dst, val: *b });
            }
            ast::Constant::Int(i) if i32::try_from(*i).is_ok() => {
                self.emit(Instr::LoadInt { dst, val: *i as i32 });
            }
            other => {
                let idx = self.constant(const_of(other));
                self.emit(Instr::LoadConst { dst, idx });
            }
        }
    }

    fn load_name(&mut self, n: &str, dst: Reg, span: Span) -> Result<(), SyntaxError> {
        let name = self.name(n);
        self.span = span;
        match self.binding(n) {
            Binding::Local => {
                let reg = self.regs[n];
                if !self.assigned[reg.idx()] {
                    self.emit(Instr::CheckBound { reg, name });
                }
                if reg != dst {
                    self.emit(Instr::Move { dst, src: reg });
                }
            }
            Binding::Cell | Binding::Free => {
                let cell = self.regs[n];
                self.emit(Instr::LoadDeref { dst, cell, name });
            }
            Binding::Global => {
                self.emit(Instr::LoadGlobal { dst, name });
            }
            Binding::Name => {
                self.emit(Instr::LoadName { dst, name });
            }
            Binding::ClassFree => {
                let cell = self.regs[n];
                self.emit(Instr::LoadClassDeref { dst, cell, name });
            }
        }
        Ok(())
    }

    fn bool_op(&mut self, op: BoolOp, values: &'a [Expr], dst: Reg) -> Result<(), SyntaxError> {
        let t = if self.is_var(dst) { self.alloc()? } else { dst };
        let mut jumps = Vec::new();
        for (i, v) in values.iter().enumerate() {
            self.expr_to(v, t)?;
            if i + 1 < values.len() {
                jumps.push(match op {
                    BoolOp::And => self.emit(Instr::JumpIfFalse { cond: t, target: 0 }),
                    BoolOp::Or => self.emit(Instr::JumpIfTrue { cond: t, target: 0 }),
                });
            }
        }
        for j in jumps {
            self.patch_here(j);
        }
        if t != dst {
            self.emit(Instr::Move { dst, src: t });
        }
        Ok(())
    }

    fn compare(
        &mut self,
        left: &'a Expr,
        ops: &[ast::CmpOp],
        comparators: &'a [Expr],
        dst: Reg,
    ) -> Result<(), SyntaxError> {
        let t = if self.is_var(dst) || ops.len() > 1 { self.alloc()? } else { dst };
        let mut a = self.expr(left)?;
        let mut jumps = Vec::new();
        for (i, (op, right)) in ops.iter().zip(comparators).enumerate() {
            let kind = cmp_kind(*op);
            let rich = !matches!(kind, CmpKind::Is | CmpKind::IsNot | CmpKind::In | CmpKind::NotIn);
            if let (Some(imm), true, true) = (small_int(right), rich, ops.len() == 1) {
                self.span = left.span.to(right.span);
                self.emit(Instr::CompareI { op: kind, dst: t, a, imm });
                continue;
            }
            let b = self.expr(right)?;
            self.span = left.span.to(right.span);
            self.emit(Instr::Compare { op: kind, dst: t, a, b });
            if i + 1 < ops.len() {
                jumps.push(self.emit(Instr::JumpIfFalse { cond: t, target: 0 }));
            }
            a = b;
        }
        for j in jumps {
            self.patch_here(j);
        }
        if t != dst {
            self.emit(Instr::Move { dst, src: t });
        }
        Ok(())
    }

    fn display(&mut self, items: &'a [Expr], dst: Reg, kind: Collection) -> Result<(), SyntaxError> {
        let has_star = items.iter().any(|e| matches!(e.kind, ExprKind::Starred(_)));
        if !has_star {
            let base = self.alloc_n(items.len())?;
            for (i, item) in items.iter().enumerate() {
                self.expr_to(item, base.offset(i as u16))?;
            }
            let count = items.len() as u16;
            self.emit(match kind {
                Collection::List => Instr::BuildList { dst, start: base, count },
                Collection::Tuple => Instr::BuildTuple { dst, start: base, count },
                Collection::Set => Instr::BuildSet { dst, start: base, count },
            });
            return Ok(());
        }
        let acc = self.alloc()?;
        match kind {
            Collection::Set => self.emit(Instr::BuildSet { dst: acc, start: acc, count: 0 }),
            _ => self.emit(Instr::BuildList { dst: acc, start: acc, count: 0 }),
        };
        for item in items {
            let mark = self.next_reg;
            match &item.kind {
                ExprKind::Starred(inner) => {
                    let r = self.expr(inner)?;
                    self.span = item.span;
                    match kind {
                        Collection::Set => self.emit(Instr::SetUpdate { set: acc, iter: r }),
                        _ => self.emit(Instr::ListExtend { list: acc, iter: r }),
                    };
                }
                _ => {
                    let r = self.expr(item)?;
                    match kind {
                        Collection::Set => self.emit(Instr::SetAdd { set: acc, item: r }),
                        _ => self.emit(Instr::ListAppend { list: acc, item: r }),
                    };
                }
            }
            self.free_to(mark);
        }
        match kind {
            Collection::Tuple => self.emit(Instr::ListToTuple { dst, list: acc }),
            _ => self.emit(Instr::Move { dst, src: acc }),
        };
        Ok(())
    }

    fn sequence_to_tuple(&mut self, items: &'a [Expr], dst: Reg) -> Result<(), SyntaxError> {
        self.display(items, dst, Collection::Tuple)
    }

    fn dict_display(
        &mut self,
        keys: &'a [Option<Expr>],
        values: &'a [Expr],
        dst: Reg,
    ) -> Result<(), SyntaxError> {
        if keys.iter().all(Option::is_some) {
            let base = self.alloc_n(keys.len() * 2)?;
            for (i, (k, v)) in keys.iter().zip(values).enumerate() {
                self.expr_to(k.as_ref().expect("checked"), base.offset(2 * i as u16))?;
                self.expr_to(v, base.offset(2 * i as u16 + 1))?;
            }
            self.emit(Instr::BuildDict { dst, start: base, count: keys.len() as u16 });
            return Ok(());
        }
        let acc = self.alloc()?;
        self.emit(Instr::BuildDict { dst: acc, start: acc, count: 0 });
        for (k, v) in keys.iter().zip(values) {
            let mark = self.next_reg;
            match k {
                Some(k) => {
                    let kr = self.expr(k)?;
                    let vr = self.expr(v)?;
                    self.emit(Instr::DictSet { dict: acc, key: kr, value: vr });
                }
                None => {
                    let m = self.expr(v)?;
                    self.span = v.span;
                    self.emit(Instr::DictUpdate { dict: acc, mapping: m });
                }
            }
            self.free_to(mark);
        }
        self.emit(Instr::Move { dst, src: acc });
        Ok(())
    }

    fn joined_str(&mut self, parts: &'a [Expr], dst: Reg) -> Result<(), SyntaxError> {
        let base = self.alloc_n(parts.len())?;
        for (i, part) in parts.iter().enumerate() {
            let r = base.offset(i as u16);
            match &part.kind {
                ExprKind::FormattedValue { value, conversion, format_spec } => {
                    let v = self.expr(value)?;
                    let conv = match conversion {
                        Some('s') => 1,
                        Some('r') => 2,
                        Some('a') => 3,
                        _ => 0,
                    };
                    self.span = value.span;
                    match format_spec {
                        None => {
                            self.emit(Instr::FormatValue { dst: r, src: v, conv });
                        }
                        Some(spec) => {
                            // Convert first (format is applied after the spec is evaluated).
                            let conv_val = if conv == 0 { v } else { self.alloc()? };
                            if conv != 0 {
                                self.emit(Instr::FormatValue { dst: conv_val, src: v, conv: conv + 8 });
                            }
                            let s = self.expr(spec)?;
                            self.emit(Instr::Move { dst: r, src: conv_val });
                            self.emit(Instr::FormatWithSpec { dst: r, spec: s });
                        }
                    }
                    self.free_to(base.0 + parts.len() as u16);
                }
                _ => self.expr_to(part, r)?,
            }
        }
        if parts.len() == 1 && matches!(parts[0].kind, ExprKind::Constant(_)) {
            self.emit(Instr::Move { dst, src: base });
        } else {
            self.emit(Instr::BuildString { dst, start: base, count: parts.len() as u16 });
        }
        Ok(())
    }

    fn lambda(
        &mut self,
        e: &'a Expr,
        args: &'a ast::Arguments,
        body: &'a Expr,
        dst: Reg,
    ) -> Result<(), SyntaxError> {
        let scope = self.table.scope_of(e);
        let kind = code_kind(self.table, scope, false);
        let qualname = self.child_qualname("<lambda>");
        let line = self.line_of(e.span);
        let mut unit =
            Unit::new(self.table, scope, kind, "<lambda>".into(), qualname, self.source.clone(), line);
        unit.params(args);
        let r = unit.expr(body)?;
        if kind == CodeKind::Generator {
            unit.emit(Instr::ReturnNone);
        } else {
            unit.emit(Instr::Return { src: r });
        }
        let code = unit.finish();
        self.make_function(code, args, None, dst)
    }

    fn comprehension(&mut self, e: &'a Expr, dst: Reg) -> Result<(), SyntaxError> {
        let (name, generators) = match &e.kind {
            ExprKind::ListComp { generators, .. } => ("<listcomp>", generators),
            ExprKind::SetComp { generators, .. } => ("<setcomp>", generators),
            ExprKind::DictComp { generators, .. } => ("<dictcomp>", generators),
            ExprKind::GeneratorExp { generators, .. } => ("<genexpr>", generators),
            _ => unreachable!("not a comprehension"),
        };
        let scope = self.table.scope_of(e);
        let is_async = self.table.scopes[scope].is_async;
        let kind = match (&e.kind, is_async) {
            (ExprKind::GeneratorExp { .. }, true) => CodeKind::AsyncGenerator,
            (ExprKind::GeneratorExp { .. }, false) => CodeKind::Generator,
            (_, true) => CodeKind::Coroutine,
            (_, false) => CodeKind::Function,
        };
        let qualname = self.child_qualname(name);
        let line = self.line_of(e.span);
        let mut unit = Unit::new(self.table, scope, kind, name.into(), qualname, self.source.clone(), line);
        unit.argcount = 1;
        unit.comprehension_body(e, generators)?;
        let code = unit.finish();
        let base = self.alloc_n(2)?;
        self.make_plain_function(code, base)?;
        let first = &generators[0];
        let src = self.expr(&first.iter)?;
        self.span = e.span;
        if first.is_async {
            self.emit(Instr::GetAIter { dst: base.offset(1), src });
        } else {
            self.emit(Instr::GetIter { dst: base.offset(1), src });
        }
        self.span = e.span;
        self.emit(Instr::Call { base, argc: 1 });
        if is_async && kind != CodeKind::AsyncGenerator {
            self.await_reg(dst, base)?;
        } else {
            self.emit(Instr::Move { dst, src: base });
        }
        Ok(())
    }

    fn comprehension_body(
        &mut self,
        e: &'a Expr,
        generators: &'a [ast::Comprehension],
    ) -> Result<(), SyntaxError> {
        let acc = self.alloc()?;
        match &e.kind {
            ExprKind::ListComp { .. } => self.emit(Instr::BuildList { dst: acc, start: acc, count: 0 }),
            ExprKind::SetComp { .. } => self.emit(Instr::BuildSet { dst: acc, start: acc, count: 0 }),
            ExprKind::DictComp { .. } => self.emit(Instr::BuildDict { dst: acc, start: acc, count: 0 }),
            _ => self.emit(Instr::LoadNone { dst: acc }),
        };
        self.comp_level(e, generators, 0, acc)?;
        match &e.kind {
            ExprKind::GeneratorExp { .. } => self.emit(Instr::ReturnNone),
            _ => self.emit(Instr::Return { src: acc }),
        };
        Ok(())
    }

    fn comp_level(
        &mut self,
        e: &'a Expr,
        gens: &'a [ast::Comprehension],
        level: usize,
        acc: Reg,
    ) -> Result<(), SyntaxError> {
        let Some(g) = gens.get(level) else { return self.comp_element(e, acc) };
        let it = self.alloc_n(2)?;
        if level == 0 {
            self.emit(Instr::Move { dst: it, src: Reg(0) });
        } else {
            let src = self.expr(&g.iter)?;
            self.span = e.span;
            if g.is_async {
                self.emit(Instr::GetAIter { dst: it, src });
            } else {
                self.emit(Instr::GetIter { dst: it, src });
            }
            self.free_to(it.0 + 2);
        }
        if g.is_async {
            return self.async_comp_level(e, gens, level, acc, it);
        }
        let top = self.pc();
        // Comprehension loops are located at the whole comprehension, as in CPython.
        self.span = e.span;
        let fi = self.emit(Instr::ForIter { iter: it, exit: 0 });
        self.store(&g.target, it.offset(1))?;
        let mut skips = Vec::new();
        for cond in &g.ifs {
            skips.push(self.jump_if(cond, false)?);
        }
        self.comp_level(e, gens, level + 1, acc)?;
        for s in skips {
            self.patch(s, top);
        }
        self.emit(Instr::Jump { target: top });
        self.patch_here(fi);
        self.free_to(it.0);
        Ok(())
    }

    fn async_comp_level(
        &mut self,
        e: &'a Expr,
        gens: &'a [ast::Comprehension],
        level: usize,
        acc: Reg,
        it: Reg,
    ) -> Result<(), SyntaxError> {
        let g = &gens[level];
        let exc = self.alloc()?;
        let top = self.pc();
        let p = self.push_protect(exc);
        self.emit(Instr::GetANext { dst: it.offset(1), src: it });
        self.await_reg(it.offset(1), it.offset(1))?;
        let p = self.pop_protect(p);
        self.store(&g.target, it.offset(1))?;
        let mut skips = Vec::new();
        for cond in &g.ifs {
            skips.push(self.jump_if(cond, false)?);
        }
        self.comp_level(e, gens, level + 1, acc)?;
        for s in skips {
            self.patch(s, top);
        }
        self.emit(Instr::Jump { target: top });
        let handler = self.pc();
        self.install_handler(p, handler);
        let end = self.emit(Instr::EndAsyncFor { exc, target: 0 });
        self.patch_here(end);
        self.free_to(it.0);
        Ok(())
    }

    fn comp_element(&mut self, e: &'a Expr, acc: Reg) -> Result<(), SyntaxError> {
        let mark = self.next_reg;
        match &e.kind {
            ExprKind::ListComp { elt, .. } => {
                let r = self.expr(elt)?;
                self.emit(Instr::ListAppend { list: acc, item: r });
            }
            ExprKind::SetComp { elt, .. } => {
                let r = self.expr(elt)?;
                self.emit(Instr::SetAdd { set: acc, item: r });
            }
            ExprKind::DictComp { key, value, .. } => {
                let k = self.expr(key)?;
                let v = self.expr(value)?;
                self.emit(Instr::DictSet { dict: acc, key: k, value: v });
            }
            ExprKind::GeneratorExp { elt, .. } => {
                let r = self.expr(elt)?;
                let sent = self.alloc()?;
                self.emit(Instr::Yield { dst: sent, src: r });
            }
            _ => unreachable!("not a comprehension"),
        }
        self.free_to(mark);
        Ok(())
    }

    // ----- calls -----

    fn call(
        &mut self,
        func: &'a Expr,
        args: &'a [Expr],
        keywords: &'a [ast::Keyword],
        dst: Reg,
        span: Span,
    ) -> Result<(), SyntaxError> {
        let simple = !args.iter().any(|a| matches!(a.kind, ExprKind::Starred(_)))
            && !keywords.iter().any(|k| k.arg.is_none());
        if !simple {
            return self.call_ex(func, args, keywords, dst, span);
        }
        if let ExprKind::Name(n) = &func.kind {
            if n == "super" && args.is_empty() && keywords.is_empty() {
                if let Some(done) = self.zero_arg_super(dst, span)? {
                    return Ok(done);
                }
            }
        }
        let argc = args.len() + keywords.len();
        let kwnames = if keywords.is_empty() {
            None
        } else {
            let names: Vec<Const> =
                keywords.iter().map(|k| Const::Str(k.arg.as_deref().unwrap_or("").into())).collect();
            Some(self.constant(Const::Tuple(names.into())))
        };
        if let ExprKind::Attribute { value, attr } = &func.kind {
            let base = self.call_base(dst, 2 + argc)?;
            let obj = self.expr(value)?;
            let name = self.name(attr);
            self.span = func.span;
            self.emit(Instr::LoadMethod { dst: base, obj, name });
            self.args_to(args, keywords, base.offset(2))?;
            self.span = span;
            let argc = argc as u16;
            match kwnames {
                None => self.emit(Instr::CallMethod { base, argc }),
                Some(kwnames) => self.emit(Instr::CallMethodKw { base, argc, kwnames }),
            };
            if dst != base {
                self.emit(Instr::Move { dst, src: base });
            }
            return Ok(());
        }
        let base = self.call_base(dst, 1 + argc)?;
        self.expr_to(func, base)?;
        self.args_to(args, keywords, base.offset(1))?;
        self.span = span;
        let argc = argc as u16;
        match kwnames {
            None => self.emit(Instr::Call { base, argc }),
            Some(kwnames) => self.emit(Instr::CallKw { base, argc, kwnames }),
        };
        if dst != base {
            self.emit(Instr::Move { dst, src: base });
        }
        Ok(())
    }

    /// Where a call puts its callee and arguments (`size` registers): at `dst` itself when
    /// `dst` is the topmost temporary, so the result needs no `Move`; otherwise above it.
    fn call_base(&mut self, dst: Reg, size: usize) -> Result<Reg, SyntaxError> {
        if !self.is_var(dst) && dst.0 + 1 == self.next_reg {
            self.alloc_n(size - 1)?;
            return Ok(dst);
        }
        self.alloc_n(size)
    }

    fn args_to(
        &mut self,
        args: &'a [Expr],
        keywords: &'a [ast::Keyword],
        base: Reg,
    ) -> Result<(), SyntaxError> {
        for (i, a) in args.iter().enumerate() {
            self.expr_to(a, base.offset(i as u16))?;
        }
        for (i, k) in keywords.iter().enumerate() {
            self.expr_to(&k.value, base.offset((args.len() + i) as u16))?;
        }
        Ok(())
    }

    /// `super()` inside a method: `super(__class__, <first argument>)`.
    fn zero_arg_super(&mut self, dst: Reg, span: Span) -> Result<Option<()>, SyntaxError> {
        if self.binding("super") != Binding::Global || self.argcount + self.has_varargs as u16 == 0 {
            return Ok(None);
        }
        let Some(&cell) = self.regs.get("__class__") else { return Ok(None) };
        let base = self.alloc_n(3)?;
        let n = self.name("super");
        self.emit(Instr::LoadGlobal { dst: base, name: n });
        let cn = self.name("__class__");
        self.emit(Instr::LoadDeref { dst: base.offset(1), cell, name: cn });
        // The first parameter lives in a cell when a nested scope (a comprehension, a
        // lambda) uses it; super() then takes the cell's contents, as CPython's does.
        match self.cellvars.iter().find(|(reg, _)| *reg == Reg(0)).map(|(_, n)| n.clone()) {
            Some(first) => {
                let name = self.name(&first);
                self.emit(Instr::LoadDeref { dst: base.offset(2), cell: Reg(0), name });
            }
            None => {
                self.emit(Instr::Move { dst: base.offset(2), src: Reg(0) });
            }
        }
        self.span = span;
        self.emit(Instr::Call { base, argc: 2 });
        self.emit(Instr::Move { dst, src: base });
        Ok(Some(()))
    }

    fn call_ex(
        &mut self,
        func: &'a Expr,
        args: &'a [Expr],
        keywords: &'a [ast::Keyword],
        dst: Reg,
        span: Span,
    ) -> Result<(), SyntaxError> {
        let base = self.alloc_n(3)?;
        self.expr_to(func, base)?;
        match args {
            // `f(*x)`: `x` goes to the call as it is (CALL_FUNCTION_EX collects it), so a
            // non-iterable is reported against `f` as in CPython.
            [Expr { kind: ExprKind::Starred(inner), .. }] => self.expr_to(inner, base.offset(1))?,
            _ => self.sequence_to_tuple(args, base.offset(1))?,
        }
        if keywords.is_empty() {
            self.emit(Instr::LoadNone { dst: base.offset(2) });
        } else {
            self.keywords_dict(keywords, base.offset(2), base)?;
        }
        self.span = span;
        self.emit(Instr::CallEx { base });
        if dst != base {
            self.emit(Instr::Move { dst, src: base });
        }
        Ok(())
    }

    fn keywords_dict(
        &mut self,
        keywords: &'a [ast::Keyword],
        dst: Reg,
        func: Reg,
    ) -> Result<(), SyntaxError> {
        let acc = self.alloc()?;
        self.emit(Instr::BuildDict { dst: acc, start: acc, count: 0 });
        for k in keywords {
            let mark = self.next_reg;
            let pair = self.alloc_n(2)?;
            match &k.arg {
                Some(name) => {
                    let c = self.constant(Const::Str(name.as_str().into()));
                    self.emit(Instr::LoadConst { dst: pair, idx: c });
                    self.expr_to(&k.value, pair.offset(1))?;
                    let d = self.alloc()?;
                    self.emit(Instr::BuildDict { dst: d, start: pair, count: 1 });
                    self.span = k.span;
                    self.emit(Instr::DictMerge { dict: acc, mapping: d, func });
                }
                None => {
                    let m = self.expr(&k.value)?;
                    self.span = k.span;
                    self.emit(Instr::DictMerge { dict: acc, mapping: m, func });
                }
            }
            self.free_to(mark);
        }
        self.emit(Instr::Move { dst, src: acc });
        Ok(())
    }
}

#[derive(Clone, Copy)]
enum Collection {
    List,
    Tuple,
    Set,
}

fn code_kind(table: &SymbolTable, scope: ScopeId, is_async: bool) -> CodeKind {
    let s = &table.scopes[scope];
    match (is_async, s.is_generator) {
        (true, true) => CodeKind::AsyncGenerator,
        (true, false) => CodeKind::Coroutine,
        (false, true) => CodeKind::Generator,
        (false, false) => CodeKind::Function,
    }
}

fn shift_jumps(instrs: &mut [Instr]) {
    for i in instrs {
        match i {
            Instr::Jump { target }
            | Instr::JumpIfFalse { target, .. }
            | Instr::JumpIfTrue { target, .. }
            | Instr::ForIter { exit: target, .. }
            | Instr::EndAsyncFor { target, .. } => *target += 1,
            _ => {}
        }
    }
}

fn const_of(c: &ast::Constant) -> Const {
    match c {
        ast::Constant::None => Const::None,
        ast::Constant::Bool(b) => Const::Bool(*b),
        ast::Constant::Ellipsis => Const::Ellipsis,
        ast::Constant::Int(i) => Const::Int(*i),
        ast::Constant::BigInt(b) => Const::BigInt(Rc::new((**b).clone())),
        ast::Constant::Float(f) => Const::Float(*f),
        ast::Constant::Imag(f) => Const::Imag(*f),
        ast::Constant::Str(s) => Const::Str(s.as_str().into()),
        ast::Constant::Bytes(b) => Const::Bytes(b.as_slice().into()),
    }
}

fn negate_const(c: &ast::Constant) -> Option<ast::Constant> {
    match c {
        ast::Constant::Int(i) => i.checked_neg().map(ast::Constant::Int),
        ast::Constant::Float(f) => Some(ast::Constant::Float(-f)),
        _ => None,
    }
}

fn bin_kind(op: ast::BinOp) -> BinKind {
    match op {
        ast::BinOp::Add => BinKind::Add,
        ast::BinOp::Sub => BinKind::Sub,
        ast::BinOp::Mult => BinKind::Mul,
        ast::BinOp::MatMult => BinKind::MatMul,
        ast::BinOp::Div => BinKind::TrueDiv,
        ast::BinOp::Mod => BinKind::Mod,
        ast::BinOp::Pow => BinKind::Pow,
        ast::BinOp::LShift => BinKind::LShift,
        ast::BinOp::RShift => BinKind::RShift,
        ast::BinOp::BitOr => BinKind::Or,
        ast::BinOp::BitXor => BinKind::Xor,
        ast::BinOp::BitAnd => BinKind::And,
        ast::BinOp::FloorDiv => BinKind::FloorDiv,
    }
}

fn cmp_kind(op: ast::CmpOp) -> CmpKind {
    match op {
        ast::CmpOp::Eq => CmpKind::Eq,
        ast::CmpOp::NotEq => CmpKind::Ne,
        ast::CmpOp::Lt => CmpKind::Lt,
        ast::CmpOp::LtE => CmpKind::Le,
        ast::CmpOp::Gt => CmpKind::Gt,
        ast::CmpOp::GtE => CmpKind::Ge,
        ast::CmpOp::Is => CmpKind::Is,
        ast::CmpOp::IsNot => CmpKind::IsNot,
        ast::CmpOp::In => CmpKind::In,
        ast::CmpOp::NotIn => CmpKind::NotIn,
    }
}
