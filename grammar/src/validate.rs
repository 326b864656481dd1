//! Validation: the checks CPython makes outside its grammar proper.
//!
//! Two parts. Target checks (`check_target` and friends) run inside the grammar actions, so
//! their errors come in source order with other parse errors, as in CPython's parser. The
//! context pass (`check_module`) runs after a successful parse and mirrors CPython's
//! symtable/compiler errors: `return`/`yield`/`await` outside a function, `break`/`continue`
//! outside a loop, `nonlocal` at module level, duplicate parameters, repeated keywords,
//! misplaced starred expressions. Recursion depth here is bounded by the layout pass's nesting
//! limits.

use std::collections::HashSet;

use crate::ast::*;
use crate::error::{ErrorKind, SyntaxError};
use crate::Mode;

/// Which statement a target belongs to (the messages differ).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum TargetCtx {
    Assign,
    For,
    Del,
}

fn err(msg: impl Into<String>, span: Span) -> SyntaxError {
    SyntaxError::new(ErrorKind::Syntax, msg, span)
}

/// CPython's name for an expression kind in messages (`_PyPegen_get_expr_name`).
pub fn expr_name(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Starred(_) => "starred",
        ExprKind::Name(_) => "name",
        ExprKind::List(_) => "list",
        ExprKind::Tuple(_) => "tuple",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::Call { .. } if is_with_marker(e) => "expression",
        ExprKind::Call { .. } => "function call",
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => "yield expression",
        ExprKind::Await(_) => "await expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::Dict { .. } => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::JoinedStr(_) | ExprKind::FormattedValue { .. } => "f-string expression",
        ExprKind::Constant(Constant::None) => "None",
        ExprKind::Constant(Constant::Bool(true)) => "True",
        ExprKind::Constant(Constant::Bool(false)) => "False",
        ExprKind::Constant(Constant::Ellipsis) => "ellipsis",
        ExprKind::Constant(_) => "literal",
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Slice { .. } => "slice",
    }
}

/// True for the parser's temporary `as(ctx, target)` node (parenthesised `with` items).
pub fn is_with_marker(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Call { func, .. } => matches!(&func.kind, ExprKind::Name(n) if n == "as"),
        _ => false,
    }
}

/// The first invalid part of a target (`_PyPegen_get_invalid_target`), if any.
fn invalid_target(e: &Expr, ctx: TargetCtx) -> Option<&Expr> {
    match &e.kind {
        ExprKind::List(elts) | ExprKind::Tuple(elts) => elts.iter().find_map(|x| invalid_target(x, ctx)),
        ExprKind::Starred(v) if ctx != TargetCtx::Del => invalid_target(v, ctx),
        ExprKind::Name(_) | ExprKind::Subscript { .. } | ExprKind::Attribute { .. } => None,
        _ => Some(e),
    }
}

/// Checks a `for`/comprehension target or one `del` target.
pub fn check_target(e: &Expr, ctx: TargetCtx) -> Result<(), SyntaxError> {
    let Some(bad) = invalid_target(e, ctx) else {
        return Ok(());
    };
    let verb = if ctx == TargetCtx::Del { "delete" } else { "assign to" };
    Err(err(format!("cannot {verb} {}", expr_name(bad)), bad.span))
}

/// Checks one assignment target; `first` is the target before the first `=`, where CPython
/// suggests `==` for a lone invalid expression.
pub fn check_assign_target(e: &Expr, first: bool) -> Result<(), SyntaxError> {
    let Some(bad) = invalid_target(e, TargetCtx::Assign) else {
        return Ok(());
    };
    if matches!(e.kind, ExprKind::Yield(_) | ExprKind::YieldFrom(_)) && !first {
        return Err(err("assignment to yield expression not possible", e.span));
    }
    let lone = std::ptr::eq(bad, e);
    let keyword_constant = matches!(e.kind, ExprKind::Constant(Constant::None | Constant::Bool(_)));
    let bitwise_level = !matches!(
        e.kind,
        ExprKind::Compare { .. }
            | ExprKind::IfExp { .. }
            | ExprKind::Lambda { .. }
            | ExprKind::BoolOp { .. }
            | ExprKind::NamedExpr { .. }
    ) && !matches!(&e.kind, ExprKind::UnaryOp { op: UnaryOp::Not, .. });
    if first && lone && !keyword_constant && bitwise_level {
        let msg = format!("cannot assign to {} here. Maybe you meant '==' instead of '='?", expr_name(bad));
        return Err(err(msg, bad.span));
    }
    Err(err(format!("cannot assign to {}", expr_name(bad)), bad.span))
}

/// Unpacks the parenthesised form `with (a as b, c):` and checks every `as` target.
pub fn with_items(items: Vec<WithItem>) -> Result<Vec<WithItem>, SyntaxError> {
    let paren_form = items.len() == 1
        && items[0].vars.is_none()
        && matches!(&items[0].context.kind, ExprKind::Tuple(elts) if !elts.is_empty());
    let items = if paren_form {
        let Some(WithItem { context, .. }) = items.into_iter().next() else {
            return Ok(vec![]);
        };
        let ExprKind::Tuple(elts) = context.kind else {
            return Ok(vec![]);
        };
        elts.into_iter().map(unmark).collect()
    } else {
        items
    };
    for item in &items {
        if is_with_marker(&item.context) {
            return Err(err("invalid syntax", item.context.span));
        }
        if let Some(v) = &item.vars {
            check_target(v, TargetCtx::Assign)?;
        }
    }
    Ok(items)
}

fn unmark(e: Expr) -> WithItem {
    if is_with_marker(&e) {
        if let ExprKind::Call { args, .. } = e.kind {
            let mut it = args.into_iter();
            if let (Some(context), Some(vars)) = (it.next(), it.next()) {
                return WithItem { context, vars: Some(vars) };
            }
        }
        unreachable!("a with marker always has two arguments");
    }
    WithItem { context: e, vars: None }
}

/// Where a statement or expression sits, for the context checks.
#[derive(Clone, Copy)]
struct Ctx {
    /// Inside a function: `Some(is_async)`.
    func: Option<bool>,
    in_loop: bool,
    /// Directly in a class body (not in a method).
    in_class: bool,
    /// Top-level `await` allowed (REPL input), when not inside any function.
    top_await: bool,
}

/// Runs the post-parse context checks over a module.
pub fn check_module(body: &[Stmt], mode: Mode) -> Result<(), SyntaxError> {
    let ctx = Ctx { func: None, in_loop: false, in_class: false, top_await: mode == Mode::Interactive };
    Checker.block(body, ctx)
}

struct Checker;

type R = Result<(), SyntaxError>;

impl Checker {
    fn block(&self, body: &[Stmt], ctx: Ctx) -> R {
        body.iter().try_for_each(|s| self.stmt(s, ctx))
    }

    fn async_allowed(ctx: Ctx) -> bool {
        ctx.func == Some(true) || (ctx.func.is_none() && ctx.top_await)
    }

    fn stmt(&self, s: &Stmt, ctx: Ctx) -> R {
        match &s.kind {
            StmtKind::FunctionDef(f) => {
                f.decorators.iter().try_for_each(|d| self.expr(d, ctx))?;
                self.arguments(&f.args, ctx)?;
                if let Some(r) = &f.returns {
                    self.expr(r, ctx)?;
                }
                let inner = Ctx { func: Some(f.is_async), in_loop: false, in_class: false, top_await: false };
                self.block(&f.body, inner)
            }
            StmtKind::ClassDef(c) => {
                c.decorators.iter().try_for_each(|d| self.expr(d, ctx))?;
                c.bases.iter().try_for_each(|b| self.expr_or_star(b, ctx))?;
                self.keywords(&c.keywords, ctx)?;
                let inner = Ctx { in_loop: false, in_class: true, ..ctx };
                self.block(&c.body, inner)
            }
            StmtKind::Return(v) => {
                if ctx.func.is_none() || ctx.in_class {
                    return Err(err("'return' outside function", s.span));
                }
                v.iter().try_for_each(|e| self.expr(e, ctx))
            }
            StmtKind::Delete(ts) => ts.iter().try_for_each(|t| self.expr(t, ctx)),
            StmtKind::Assign { targets, value } => {
                targets.iter().try_for_each(|t| self.store(t, ctx))?;
                self.expr(value, ctx)
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(target, ctx)?;
                self.expr(value, ctx)
            }
            StmtKind::AnnAssign { target, annotation, value, .. } => {
                self.expr(target, ctx)?;
                self.expr(annotation, ctx)?;
                value.iter().try_for_each(|v| self.expr(v, ctx))
            }
            StmtKind::For { is_async, target, iter, body, orelse } => {
                if *is_async && !Self::async_allowed(ctx) {
                    return Err(err("'async for' outside async function", s.span));
                }
                self.store(target, ctx)?;
                self.expr(iter, ctx)?;
                self.block(body, Ctx { in_loop: true, ..ctx })?;
                self.block(orelse, ctx)
            }
            StmtKind::While { test, body, orelse } => {
                self.expr(test, ctx)?;
                self.block(body, Ctx { in_loop: true, ..ctx })?;
                self.block(orelse, ctx)
            }
            StmtKind::If { test, body, orelse } => {
                self.expr(test, ctx)?;
                self.block(body, ctx)?;
                self.block(orelse, ctx)
            }
            StmtKind::With { is_async, items, body } => {
                if *is_async && !Self::async_allowed(ctx) {
                    return Err(err("'async with' outside async function", s.span));
                }
                for item in items {
                    self.expr(&item.context, ctx)?;
                    if let Some(v) = &item.vars {
                        self.store(v, ctx)?;
                    }
                }
                self.block(body, ctx)
            }
            StmtKind::Raise { exc, cause } => {
                exc.iter().chain(cause.iter()).try_for_each(|e| self.expr(e, ctx))
            }
            StmtKind::Try { body, handlers, orelse, finalbody, .. } => {
                self.block(body, ctx)?;
                for h in handlers {
                    h.typ.iter().try_for_each(|t| self.expr(t, ctx))?;
                    self.block(&h.body, ctx)?;
                }
                self.block(orelse, ctx)?;
                self.block(finalbody, ctx)
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test, ctx)?;
                msg.iter().try_for_each(|m| self.expr(m, ctx))
            }
            StmtKind::Nonlocal(_) if ctx.func.is_none() && !ctx.in_class => {
                Err(err("nonlocal declaration not allowed at module level", s.span))
            }
            StmtKind::Expr(e) => self.expr(e, ctx),
            StmtKind::Match { subject, cases } => {
                self.expr(subject, ctx)?;
                for (i, case) in cases.iter().enumerate() {
                    let last = i + 1 == cases.len();
                    crate::match_check::check_case(&case.pattern, last || case.guard.is_some())?;
                    case.guard.iter().try_for_each(|g| self.expr(g, ctx))?;
                    self.block(&case.body, ctx)?;
                }
                Ok(())
            }
            StmtKind::Break if !ctx.in_loop => Err(err("'break' outside loop", s.span)),
            StmtKind::Continue if !ctx.in_loop => Err(err("'continue' not properly in loop", s.span)),
            StmtKind::Import(_)
            | StmtKind::ImportFrom { .. }
            | StmtKind::Global(_)
            | StmtKind::Nonlocal(_)
            | StmtKind::Pass
            | StmtKind::Break
            | StmtKind::Continue => Ok(()),
        }
    }

    /// An assignment target: starred only inside a list or tuple, at most one per level.
    fn store(&self, t: &Expr, ctx: Ctx) -> R {
        match &t.kind {
            ExprKind::Starred(_) => Err(err("starred assignment target must be in a list or tuple", t.span)),
            ExprKind::List(elts) | ExprKind::Tuple(elts) => self.store_elts(elts, t.span, ctx),
            _ => self.expr(t, ctx),
        }
    }

    fn store_elts(&self, elts: &[Expr], span: Span, ctx: Ctx) -> R {
        let mut starred = false;
        for e in elts {
            if let ExprKind::Starred(inner) = &e.kind {
                if starred {
                    return Err(err("multiple starred expressions in assignment", span));
                }
                starred = true;
                self.store(inner, ctx)?;
            } else {
                self.store(e, ctx)?;
            }
        }
        Ok(())
    }

    fn arguments(&self, a: &Arguments, ctx: Ctx) -> R {
        let mut seen = HashSet::new();
        let all = a.posonly.iter().chain(&a.args).chain(&a.vararg).chain(&a.kwonly).chain(&a.kwarg);
        for arg in all {
            if !seen.insert(arg.name.as_str()) {
                return Err(err(
                    format!("duplicate argument '{}' in function definition", arg.name),
                    arg.span,
                ));
            }
            if let Some(ann) = &arg.annotation {
                self.expr(ann, ctx)?;
            }
        }
        a.defaults.iter().try_for_each(|d| self.expr(d, ctx))?;
        a.kw_defaults.iter().flatten().try_for_each(|d| self.expr(d, ctx))
    }

    fn keywords(&self, kws: &[Keyword], ctx: Ctx) -> R {
        let mut seen = HashSet::new();
        for k in kws {
            if let Some(name) = &k.arg {
                if !seen.insert(name.as_str()) {
                    return Err(err(format!("keyword argument repeated: {name}"), k.span));
                }
            }
            self.expr(&k.value, ctx)?;
        }
        Ok(())
    }

    /// An expression where `*x` is allowed (display elements, call arguments, bases).
    fn expr_or_star(&self, e: &Expr, ctx: Ctx) -> R {
        match &e.kind {
            ExprKind::Starred(inner) => self.expr(inner, ctx),
            _ => self.expr(e, ctx),
        }
    }

    /// A list, set or dict comprehension with an `await` in its element or its conditions is
    /// asynchronous (CPython's message names the comprehension, not the `await`).
    fn awaiting_comprehension(&self, elts: &[&Expr], gens: &[Comprehension], span: Span, ctx: Ctx) -> R {
        if Self::async_allowed(ctx) {
            return Ok(());
        }
        let conditions = gens.iter().flat_map(|g| g.ifs.iter());
        let later_iters = gens.iter().skip(1).map(|g| &g.iter);
        if elts.iter().copied().chain(conditions).chain(later_iters).any(contains_await) {
            return Err(err("asynchronous comprehension outside of an asynchronous function", span));
        }
        Ok(())
    }

    fn comprehension(&self, gens: &[Comprehension], span: Span, ctx: Ctx) -> R {
        for g in gens {
            if g.is_async && !Self::async_allowed(ctx) {
                return Err(err("asynchronous comprehension outside of an asynchronous function", span));
            }
            self.store(&g.target, ctx)?;
            self.expr(&g.iter, ctx)?;
            g.ifs.iter().try_for_each(|i| self.expr(i, ctx))?;
        }
        Ok(())
    }

    fn expr(&self, e: &Expr, ctx: Ctx) -> R {
        match &e.kind {
            ExprKind::BoolOp { values, .. } => values.iter().try_for_each(|v| self.expr(v, ctx)),
            ExprKind::NamedExpr { value, .. } => self.expr(value, ctx),
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left, ctx)?;
                self.expr(right, ctx)
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand, ctx),
            ExprKind::Lambda { args, body } => {
                self.arguments(args, ctx)?;
                let inner = Ctx { func: Some(false), in_loop: false, in_class: false, top_await: false };
                self.expr(body, inner)
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test, ctx)?;
                self.expr(body, ctx)?;
                self.expr(orelse, ctx)
            }
            ExprKind::Dict { keys, values } => {
                keys.iter().flatten().try_for_each(|k| self.expr(k, ctx))?;
                values.iter().try_for_each(|v| self.expr(v, ctx))
            }
            ExprKind::Set(elts) | ExprKind::List(elts) | ExprKind::Tuple(elts) => {
                elts.iter().try_for_each(|x| self.expr_or_star(x, ctx))
            }
            ExprKind::ListComp { elt, generators } | ExprKind::SetComp { elt, generators } => {
                self.awaiting_comprehension(&[elt], generators, e.span, ctx)?;
                self.comprehension(generators, e.span, ctx)?;
                self.expr(elt, ctx)
            }
            ExprKind::GeneratorExp { elt, generators } => {
                // An asynchronous generator expression is allowed anywhere: it makes an async
                // generator. Only its first iterable is evaluated in the enclosing scope.
                let later = generators.iter().skip(1).map(|g| &g.iter);
                let conditions = generators.iter().flat_map(|g| g.ifs.iter());
                let is_async = generators.iter().any(|g| g.is_async)
                    || std::iter::once(&**elt).chain(conditions).chain(later).any(contains_await);
                if !is_async {
                    self.comprehension(generators, e.span, ctx)?;
                    return self.expr(elt, ctx);
                }
                let inner = Ctx { func: Some(true), in_loop: false, in_class: false, top_await: false };
                for (i, g) in generators.iter().enumerate() {
                    self.store(&g.target, inner)?;
                    self.expr(&g.iter, if i == 0 { ctx } else { inner })?;
                    g.ifs.iter().try_for_each(|c| self.expr(c, inner))?;
                }
                self.expr(elt, inner)
            }
            ExprKind::DictComp { key, value, generators } => {
                self.awaiting_comprehension(&[key, value], generators, e.span, ctx)?;
                self.comprehension(generators, e.span, ctx)?;
                self.expr(key, ctx)?;
                self.expr(value, ctx)
            }
            ExprKind::Await(v) => {
                match ctx.func {
                    Some(true) => {}
                    Some(false) => return Err(err("'await' outside async function", e.span)),
                    None if ctx.top_await => {}
                    None => return Err(err("'await' outside function", e.span)),
                }
                self.expr(v, ctx)
            }
            ExprKind::Yield(v) => {
                if ctx.func.is_none() || ctx.in_class {
                    return Err(err("'yield' outside function", e.span));
                }
                v.iter().try_for_each(|x| self.expr(x, ctx))
            }
            ExprKind::YieldFrom(v) => {
                if ctx.func.is_none() || ctx.in_class {
                    return Err(err("'yield' outside function", e.span));
                }
                if ctx.func == Some(true) {
                    return Err(err("'yield from' inside async function", e.span));
                }
                self.expr(v, ctx)
            }
            ExprKind::Compare { left, comparators, .. } => {
                self.expr(left, ctx)?;
                comparators.iter().try_for_each(|c| self.expr(c, ctx))
            }
            ExprKind::Call { func, args, keywords } => {
                self.expr(func, ctx)?;
                args.iter().try_for_each(|a| self.expr_or_star(a, ctx))?;
                self.keywords(keywords, ctx)
            }
            ExprKind::FormattedValue { value, format_spec, .. } => {
                if let ExprKind::Starred(_) = value.kind {
                    return Err(err("f-string: cannot use starred expression here", value.span));
                }
                self.expr(value, ctx)?;
                format_spec.iter().try_for_each(|f| self.expr(f, ctx))
            }
            ExprKind::JoinedStr(values) => values.iter().try_for_each(|v| self.expr(v, ctx)),
            ExprKind::Constant(_) | ExprKind::Name(_) => Ok(()),
            ExprKind::Attribute { value, .. } => self.expr(value, ctx),
            ExprKind::Subscript { value, slice } => {
                self.expr(value, ctx)?;
                match &slice.kind {
                    ExprKind::Tuple(elts) => elts.iter().try_for_each(|x| self.expr_or_star(x, ctx)),
                    _ => self.expr_or_star(slice, ctx),
                }
            }
            ExprKind::Starred(_) => Err(err("can't use starred expression here", e.span)),
            ExprKind::Slice { lower, upper, step } => {
                lower.iter().chain(upper.iter()).chain(step.iter()).try_for_each(|x| self.expr(x, ctx))
            }
        }
    }
}

/// Whether `e` awaits, outside any nested lambda, generator expression or comprehension
/// (their own scopes, checked on their own).
fn contains_await(e: &Expr) -> bool {
    let any = |xs: &[Expr]| xs.iter().any(contains_await);
    match &e.kind {
        ExprKind::Await(_) => true,
        ExprKind::Lambda { .. } | ExprKind::GeneratorExp { .. } => false,
        ExprKind::BoolOp { values, .. } => any(values),
        ExprKind::NamedExpr { value, .. } | ExprKind::UnaryOp { operand: value, .. } => contains_await(value),
        ExprKind::BinOp { left, right, .. } => contains_await(left) || contains_await(right),
        ExprKind::IfExp { test, body, orelse } => {
            contains_await(test) || contains_await(body) || contains_await(orelse)
        }
        ExprKind::Dict { keys, values } => keys.iter().flatten().any(contains_await) || any(values),
        ExprKind::Set(elts) | ExprKind::List(elts) | ExprKind::Tuple(elts) => any(elts),
        ExprKind::Compare { left, comparators, .. } => contains_await(left) || any(comparators),
        ExprKind::Call { func, args, keywords } => {
            contains_await(func) || any(args) || keywords.iter().any(|k| contains_await(&k.value))
        }
        ExprKind::Attribute { value, .. } | ExprKind::Starred(value) => contains_await(value),
        ExprKind::Subscript { value, slice, .. } => contains_await(value) || contains_await(slice),
        ExprKind::JoinedStr(parts) => any(parts),
        ExprKind::FormattedValue { value, format_spec, .. } => {
            contains_await(value) || format_spec.as_deref().is_some_and(contains_await)
        }
        ExprKind::Slice { lower, upper, step } => {
            [lower, upper, step].into_iter().flatten().any(|x| contains_await(x))
        }
        ExprKind::Yield(v) => v.as_deref().is_some_and(contains_await),
        ExprKind::YieldFrom(v) => contains_await(v),
        // Nested comprehensions are checked on their own; names and constants never await.
        _ => false,
    }
}
