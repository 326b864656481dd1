//! A compact, readable AST dump for snapshots (one node per line, indented by depth).

use gyre_grammar::ast::*;

/// Dumps a module, one statement tree after another.
pub fn module(m: &Module) -> String {
    let mut out = String::new();
    for s in &m.body {
        stmt(&mut out, s, 0);
    }
    out
}

fn line(out: &mut String, depth: usize, text: &str) {
    out.push_str(&"  ".repeat(depth));
    out.push_str(text);
    out.push('\n');
}

fn block(out: &mut String, label: &str, body: &[Stmt], depth: usize) {
    if body.is_empty() {
        return;
    }
    line(out, depth, label);
    for s in body {
        stmt(out, s, depth + 1);
    }
}

fn opt(out: &mut String, label: &str, e: &Option<Expr>, depth: usize) {
    if let Some(e) = e {
        line(out, depth, label);
        expr(out, e, depth + 1);
    }
}

fn args(out: &mut String, a: &Arguments, depth: usize) {
    let names = |v: &[Arg]| v.iter().map(|a| a.name.clone()).collect::<Vec<_>>().join(",");
    line(
        out,
        depth,
        &format!(
            "args posonly=[{}] args=[{}] vararg={:?} kwonly=[{}] kwarg={:?}",
            names(&a.posonly),
            names(&a.args),
            a.vararg.as_ref().map(|a| &a.name),
            names(&a.kwonly),
            a.kwarg.as_ref().map(|a| &a.name)
        ),
    );
    for arg in a.posonly.iter().chain(&a.args).chain(&a.vararg).chain(&a.kwonly).chain(&a.kwarg) {
        opt(out, &format!("annotation {}:", arg.name), &arg.annotation, depth + 1);
    }
    for d in &a.defaults {
        line(out, depth + 1, "default:");
        expr(out, d, depth + 2);
    }
    for d in a.kw_defaults.iter().flatten() {
        line(out, depth + 1, "kw_default:");
        expr(out, d, depth + 2);
    }
}

fn stmt(out: &mut String, s: &Stmt, d: usize) {
    let at = format!("@{}..{}", s.span.start, s.span.end);
    match &s.kind {
        StmtKind::FunctionDef(f) => {
            line(out, d, &format!("FunctionDef {}{} {at}", if f.is_async { "async " } else { "" }, f.name));
            for dec in &f.decorators {
                line(out, d + 1, "decorator:");
                expr(out, dec, d + 2);
            }
            args(out, &f.args, d + 1);
            opt(out, "returns:", &f.returns, d + 1);
            block(out, "body:", &f.body, d + 1);
        }
        StmtKind::ClassDef(c) => {
            line(out, d, &format!("ClassDef {} {at}", c.name));
            for dec in &c.decorators {
                line(out, d + 1, "decorator:");
                expr(out, dec, d + 2);
            }
            for b in &c.bases {
                line(out, d + 1, "base:");
                expr(out, b, d + 2);
            }
            keywords(out, &c.keywords, d + 1);
            block(out, "body:", &c.body, d + 1);
        }
        StmtKind::Return(v) => {
            line(out, d, &format!("Return {at}"));
            opt(out, "value:", v, d + 1);
        }
        StmtKind::Delete(ts) => {
            line(out, d, &format!("Delete {at}"));
            ts.iter().for_each(|t| expr(out, t, d + 1));
        }
        StmtKind::Assign { targets, value } => {
            line(out, d, &format!("Assign {at}"));
            for t in targets {
                line(out, d + 1, "target:");
                expr(out, t, d + 2);
            }
            line(out, d + 1, "value:");
            expr(out, value, d + 2);
        }
        StmtKind::AugAssign { target, op, value } => {
            line(out, d, &format!("AugAssign {op:?} {at}"));
            expr(out, target, d + 1);
            expr(out, value, d + 1);
        }
        StmtKind::AnnAssign { target, annotation, value, simple } => {
            line(out, d, &format!("AnnAssign simple={simple} {at}"));
            expr(out, target, d + 1);
            expr(out, annotation, d + 1);
            opt(out, "value:", value, d + 1);
        }
        StmtKind::For { is_async, target, iter, body, orelse } => {
            line(out, d, &format!("For{} {at}", if *is_async { " async" } else { "" }));
            expr(out, target, d + 1);
            expr(out, iter, d + 1);
            block(out, "body:", body, d + 1);
            block(out, "orelse:", orelse, d + 1);
        }
        StmtKind::While { test, body, orelse } => {
            line(out, d, &format!("While {at}"));
            expr(out, test, d + 1);
            block(out, "body:", body, d + 1);
            block(out, "orelse:", orelse, d + 1);
        }
        StmtKind::If { test, body, orelse } => {
            line(out, d, &format!("If {at}"));
            expr(out, test, d + 1);
            block(out, "body:", body, d + 1);
            block(out, "orelse:", orelse, d + 1);
        }
        StmtKind::With { is_async, items, body } => {
            line(out, d, &format!("With{} {at}", if *is_async { " async" } else { "" }));
            for i in items {
                line(out, d + 1, "item:");
                expr(out, &i.context, d + 2);
                opt(out, "as:", &i.vars, d + 2);
            }
            block(out, "body:", body, d + 1);
        }
        StmtKind::Raise { exc, cause } => {
            line(out, d, &format!("Raise {at}"));
            opt(out, "exc:", exc, d + 1);
            opt(out, "cause:", cause, d + 1);
        }
        StmtKind::Try { body, handlers, orelse, finalbody, is_star } => {
            line(out, d, &format!("Try{} {at}", if *is_star { " star" } else { "" }));
            block(out, "body:", body, d + 1);
            for h in handlers {
                line(out, d + 1, &format!("except as={:?} @{}..{}", h.name, h.span.start, h.span.end));
                opt(out, "type:", &h.typ, d + 2);
                block(out, "body:", &h.body, d + 2);
            }
            block(out, "orelse:", orelse, d + 1);
            block(out, "finally:", finalbody, d + 1);
        }
        StmtKind::Assert { test, msg } => {
            line(out, d, &format!("Assert {at}"));
            expr(out, test, d + 1);
            opt(out, "msg:", msg, d + 1);
        }
        StmtKind::Import(names) => line(out, d, &format!("Import {} {at}", aliases(names))),
        StmtKind::ImportFrom { module, names, level } => {
            line(out, d, &format!("ImportFrom {module:?} level={level} {} {at}", aliases(names)))
        }
        StmtKind::Global(n) => line(out, d, &format!("Global {n:?} {at}")),
        StmtKind::Nonlocal(n) => line(out, d, &format!("Nonlocal {n:?} {at}")),
        StmtKind::Expr(e) => {
            line(out, d, &format!("Expr {at}"));
            expr(out, e, d + 1);
        }
        StmtKind::Pass => line(out, d, &format!("Pass {at}")),
        StmtKind::Break => line(out, d, &format!("Break {at}")),
        StmtKind::Continue => line(out, d, &format!("Continue {at}")),
        StmtKind::Match { subject, cases } => {
            line(out, d, &format!("Match {at}"));
            expr(out, subject, d + 1);
            for c in cases {
                line(out, d + 1, "case:");
                pattern(out, &c.pattern, d + 2);
                opt(out, "guard:", &c.guard, d + 2);
                block(out, "body:", &c.body, d + 2);
            }
        }
    }
}

fn pattern(out: &mut String, p: &Pattern, d: usize) {
    let at = format!("@{}..{}", p.span.start, p.span.end);
    match &p.kind {
        PatternKind::Value(e) => {
            line(out, d, &format!("MatchValue {at}"));
            expr(out, e, d + 1);
        }
        PatternKind::Singleton(c) => line(out, d, &format!("MatchSingleton {c:?} {at}")),
        PatternKind::Sequence(items) => {
            line(out, d, &format!("MatchSequence {at}"));
            items.iter().for_each(|i| pattern(out, i, d + 1));
        }
        PatternKind::Star(name) => line(out, d, &format!("MatchStar {name:?} {at}")),
        PatternKind::Mapping { keys, patterns, rest } => {
            line(out, d, &format!("MatchMapping rest={rest:?} {at}"));
            for (k, v) in keys.iter().zip(patterns) {
                expr(out, k, d + 1);
                pattern(out, v, d + 2);
            }
        }
        PatternKind::Class { cls, patterns, kwd_attrs, kwd_patterns } => {
            line(out, d, &format!("MatchClass {at}"));
            expr(out, cls, d + 1);
            patterns.iter().for_each(|i| pattern(out, i, d + 1));
            for (a, v) in kwd_attrs.iter().zip(kwd_patterns) {
                line(out, d + 1, &format!("{a}="));
                pattern(out, v, d + 2);
            }
        }
        PatternKind::As { pattern: inner, name } => {
            line(out, d, &format!("MatchAs {name:?} {at}"));
            if let Some(i) = inner {
                pattern(out, i, d + 1);
            }
        }
        PatternKind::Or(alts) => {
            line(out, d, &format!("MatchOr {at}"));
            alts.iter().for_each(|i| pattern(out, i, d + 1));
        }
    }
}

fn aliases(names: &[Alias]) -> String {
    let parts: Vec<String> = names
        .iter()
        .map(|a| match &a.asname {
            Some(x) => format!("{} as {x}", a.name),
            None => a.name.clone(),
        })
        .collect();
    format!("[{}]", parts.join(", "))
}

fn keywords(out: &mut String, kws: &[Keyword], d: usize) {
    for k in kws {
        line(out, d, &format!("keyword {}:", k.arg.as_deref().unwrap_or("**")));
        expr(out, &k.value, d + 1);
    }
}

fn comps(out: &mut String, gens: &[Comprehension], d: usize) {
    for g in gens {
        line(out, d, &format!("for{}:", if g.is_async { " async" } else { "" }));
        expr(out, &g.target, d + 1);
        expr(out, &g.iter, d + 1);
        for i in &g.ifs {
            line(out, d + 1, "if:");
            expr(out, i, d + 2);
        }
    }
}

fn expr(out: &mut String, e: &Expr, d: usize) {
    let at = format!("@{}..{}", e.span.start, e.span.end);
    let each = |out: &mut String, v: &[Expr]| v.iter().for_each(|x| expr(out, x, d + 1));
    match &e.kind {
        ExprKind::BoolOp { op, values } => {
            line(out, d, &format!("BoolOp {op:?} {at}"));
            each(out, values);
        }
        ExprKind::NamedExpr { target, value } => {
            line(out, d, &format!("NamedExpr {at}"));
            expr(out, target, d + 1);
            expr(out, value, d + 1);
        }
        ExprKind::BinOp { left, op, right } => {
            line(out, d, &format!("BinOp {op:?} {at}"));
            expr(out, left, d + 1);
            expr(out, right, d + 1);
        }
        ExprKind::UnaryOp { op, operand } => {
            line(out, d, &format!("UnaryOp {op:?} {at}"));
            expr(out, operand, d + 1);
        }
        ExprKind::Lambda { args: a, body } => {
            line(out, d, &format!("Lambda {at}"));
            args(out, a, d + 1);
            expr(out, body, d + 1);
        }
        ExprKind::IfExp { test, body, orelse } => {
            line(out, d, &format!("IfExp {at}"));
            expr(out, test, d + 1);
            expr(out, body, d + 1);
            expr(out, orelse, d + 1);
        }
        ExprKind::Dict { keys, values } => {
            line(out, d, &format!("Dict {at}"));
            for (k, v) in keys.iter().zip(values) {
                match k {
                    Some(k) => expr(out, k, d + 1),
                    None => line(out, d + 1, "**"),
                }
                expr(out, v, d + 2);
            }
        }
        ExprKind::Set(v) => {
            line(out, d, &format!("Set {at}"));
            each(out, v);
        }
        ExprKind::ListComp { elt, generators } => {
            line(out, d, &format!("ListComp {at}"));
            expr(out, elt, d + 1);
            comps(out, generators, d + 1);
        }
        ExprKind::SetComp { elt, generators } => {
            line(out, d, &format!("SetComp {at}"));
            expr(out, elt, d + 1);
            comps(out, generators, d + 1);
        }
        ExprKind::DictComp { key, value, generators } => {
            line(out, d, &format!("DictComp {at}"));
            expr(out, key, d + 1);
            expr(out, value, d + 1);
            comps(out, generators, d + 1);
        }
        ExprKind::GeneratorExp { elt, generators } => {
            line(out, d, &format!("GeneratorExp {at}"));
            expr(out, elt, d + 1);
            comps(out, generators, d + 1);
        }
        ExprKind::Await(v) => {
            line(out, d, &format!("Await {at}"));
            expr(out, v, d + 1);
        }
        ExprKind::Yield(v) => {
            line(out, d, &format!("Yield {at}"));
            if let Some(v) = v {
                expr(out, v, d + 1);
            }
        }
        ExprKind::YieldFrom(v) => {
            line(out, d, &format!("YieldFrom {at}"));
            expr(out, v, d + 1);
        }
        ExprKind::Compare { left, ops, comparators } => {
            line(out, d, &format!("Compare {ops:?} {at}"));
            expr(out, left, d + 1);
            each(out, comparators);
        }
        ExprKind::Call { func, args: a, keywords: k } => {
            line(out, d, &format!("Call {at}"));
            expr(out, func, d + 1);
            each(out, a);
            keywords(out, k, d + 1);
        }
        ExprKind::FormattedValue { value, conversion, format_spec } => {
            line(out, d, &format!("FormattedValue conversion={conversion:?} {at}"));
            expr(out, value, d + 1);
            if let Some(f) = format_spec {
                line(out, d + 1, "spec:");
                expr(out, f, d + 2);
            }
        }
        ExprKind::JoinedStr(v) => {
            line(out, d, &format!("JoinedStr {at}"));
            each(out, v);
        }
        ExprKind::Constant(c) => line(out, d, &format!("Constant {c:?} {at}")),
        ExprKind::Attribute { value, attr } => {
            line(out, d, &format!("Attribute .{attr} {at}"));
            expr(out, value, d + 1);
        }
        ExprKind::Subscript { value, slice } => {
            line(out, d, &format!("Subscript {at}"));
            expr(out, value, d + 1);
            expr(out, slice, d + 1);
        }
        ExprKind::Starred(v) => {
            line(out, d, &format!("Starred {at}"));
            expr(out, v, d + 1);
        }
        ExprKind::Name(n) => line(out, d, &format!("Name {n} {at}")),
        ExprKind::List(v) => {
            line(out, d, &format!("List {at}"));
            each(out, v);
        }
        ExprKind::Tuple(v) => {
            line(out, d, &format!("Tuple {at}"));
            each(out, v);
        }
        ExprKind::Slice { lower, upper, step } => {
            line(out, d, &format!("Slice {at}"));
            for (label, part) in [("lower:", lower), ("upper:", upper), ("step:", step)] {
                if let Some(p) = part {
                    line(out, d + 1, label);
                    expr(out, p, d + 2);
                }
            }
        }
    }
}
