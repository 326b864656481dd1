//! Private name mangling: inside a class, an identifier `__spam` (two leading underscores, not
//! two trailing ones) means `_Class__spam`, as in CPython (`_Py_Mangle`).
//!
//! The rewrite runs on a copy of the syntax tree before the symbol table and code generator
//! see it, so both passes stay unaware of it: names, attribute names, parameters, `global` and
//! `nonlocal` declarations, `import ... as` and `except ... as` targets and pattern captures
//! are renamed in every scope nested in a class body (the innermost class gives the prefix).
//! The names `def` and `class` bind are the one exception: the function or class keeps its
//! own `__name__`, so the tree keeps the plain name and the two passes ask [`mangle`] for the
//! binding (through the `private` name the symbol table records per scope). Keyword argument
//! names in calls are not mangled (CPython does not mangle them either); nor are string
//! arguments such as `getattr(obj, "__x")`.

use std::borrow::Cow;

use gyre_grammar::ast::{
    Arguments, Comprehension, ExceptHandler, Expr, ExprKind, Keyword, Module, Pattern, PatternKind, Stmt,
    StmtKind,
};

/// `name` as written inside class `private` (CPython's `_Py_Mangle`): unchanged outside a
/// class, for names not starting with `__`, for dunder names, dotted names, and inside a class
/// whose name is only underscores.
pub fn mangle<'n>(private: Option<&str>, name: &'n str) -> Cow<'n, str> {
    let Some(class) = private else { return Cow::Borrowed(name) };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return Cow::Borrowed(name);
    }
    let stripped = class.trim_start_matches('_');
    if stripped.is_empty() {
        return Cow::Borrowed(name);
    }
    Cow::Owned(format!("_{stripped}{name}"))
}

/// The module with private names mangled, or `None` when no class in it can use one (the
/// common case: no copy is made). `text` is the module's source: a module whose text has no
/// identifier-like `__x` word is not copied (copying every module with a class cost 8 % of
/// the instructions of importing asyncio, json, enum and unittest).
pub fn mangled(module: &Module, text: &str) -> Option<Module> {
    if !may_have_private_name(text) || !module.body.iter().any(stmt_has_private_class) {
        return None;
    }
    let mut copy = module.clone();
    let mut m = Mangler { private: None };
    m.stmts(&mut copy.body);
    Some(copy)
}

/// Whether `text` has a word (a run of identifier characters) starting with `__` and not
/// ending with `__`: a cheap, conservative test (words in strings and comments count too).
fn may_have_private_name(text: &str) -> bool {
    let is_word = |b: u8| b == b'_' || b.is_ascii_alphanumeric() || b >= 0x80;
    let bytes = text.as_bytes();
    let mut at = 0;
    // Only the places holding `__` are looked at (a substring search, not a byte loop).
    while let Some(off) = text[at..].find("__") {
        let start = at + off;
        let end = bytes[start..].iter().position(|&b| !is_word(b)).map_or(bytes.len(), |n| start + n);
        let word = &bytes[start..end];
        let begins_word = start == 0 || !is_word(bytes[start - 1]);
        if begins_word && word.len() > 2 && !word.ends_with(b"__") {
            return true;
        }
        // `end` is at an ASCII byte or the end, so it is a char boundary.
        at = end;
    }
    false
}

/// Whether `s` is or contains a class statement (only class bodies can need a rewrite).
fn stmt_has_private_class(s: &Stmt) -> bool {
    match &s.kind {
        StmtKind::ClassDef(_) => true,
        StmtKind::FunctionDef(f) => f.body.iter().any(stmt_has_private_class),
        StmtKind::For { body, orelse, .. }
        | StmtKind::While { body, orelse, .. }
        | StmtKind::If { body, orelse, .. } => body.iter().chain(orelse).any(stmt_has_private_class),
        StmtKind::With { body, .. } => body.iter().any(stmt_has_private_class),
        StmtKind::Try { body, handlers, orelse, finalbody, .. } => body
            .iter()
            .chain(orelse)
            .chain(finalbody)
            .chain(handlers.iter().flat_map(|h| &h.body))
            .any(stmt_has_private_class),
        StmtKind::Match { cases, .. } => cases.iter().flat_map(|c| &c.body).any(stmt_has_private_class),
        _ => false,
    }
}

/// The rewrite's state: the innermost enclosing class name.
struct Mangler {
    private: Option<String>,
}

impl Mangler {
    fn name(&self, n: &mut String) {
        if let Cow::Owned(m) = mangle(self.private.as_deref(), n) {
            *n = m;
        }
    }

    fn opt_name(&self, n: &mut Option<String>) {
        if let Some(n) = n {
            self.name(n);
        }
    }

    fn stmts(&mut self, body: &mut [Stmt]) {
        for s in body {
            self.stmt(s);
        }
    }

    fn stmt(&mut self, s: &mut Stmt) {
        match &mut s.kind {
            StmtKind::FunctionDef(def) => {
                self.exprs(&mut def.decorators);
                self.arguments(&mut def.args);
                self.opt_expr(def.returns.as_mut());
                self.stmts(&mut def.body);
            }
            StmtKind::ClassDef(class) => {
                self.exprs(&mut class.decorators);
                self.exprs(&mut class.bases);
                self.keywords(&mut class.keywords);
                let outer = self.private.replace(class.name.clone());
                self.stmts(&mut class.body);
                self.private = outer;
            }
            StmtKind::Return(e) => self.opt_expr(e.as_mut()),
            StmtKind::Delete(targets) => self.exprs(targets),
            StmtKind::Assign { targets, value } => {
                self.exprs(targets);
                self.expr(value);
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(target);
                self.expr(value);
            }
            StmtKind::AnnAssign { target, annotation, value, .. } => {
                self.expr(target);
                self.expr(annotation);
                self.opt_expr(value.as_mut());
            }
            StmtKind::For { target, iter, body, orelse, .. } => {
                self.expr(target);
                self.expr(iter);
                self.stmts(body);
                self.stmts(orelse);
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                self.expr(test);
                self.stmts(body);
                self.stmts(orelse);
            }
            StmtKind::With { items, body, .. } => {
                for item in items {
                    self.expr(&mut item.context);
                    self.opt_expr(item.vars.as_mut());
                }
                self.stmts(body);
            }
            StmtKind::Raise { exc, cause } => {
                self.opt_expr(exc.as_mut());
                self.opt_expr(cause.as_mut());
            }
            StmtKind::Try { body, handlers, orelse, finalbody, .. } => {
                self.stmts(body);
                for h in handlers {
                    self.handler(h);
                }
                self.stmts(orelse);
                self.stmts(finalbody);
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test);
                self.opt_expr(msg.as_mut());
            }
            StmtKind::Import(aliases) => self.aliases(aliases, false),
            StmtKind::ImportFrom { names, .. } => self.aliases(names, true),
            StmtKind::Global(names) | StmtKind::Nonlocal(names) => {
                names.iter_mut().for_each(|n| self.name(n))
            }
            StmtKind::Expr(e) => self.expr(e),
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
            StmtKind::Match { subject, cases } => {
                self.expr(subject);
                for c in cases {
                    self.pattern(&mut c.pattern);
                    self.opt_expr(c.guard.as_mut());
                    self.stmts(&mut c.body);
                }
            }
        }
    }

    /// The names an import binds: `as` names, or (for `import __m` and `from m import __n`)
    /// the bound name given explicitly as the mangled `as` name.
    fn aliases(&self, aliases: &mut [gyre_grammar::ast::Alias], from: bool) {
        for a in aliases {
            match &mut a.asname {
                Some(n) => self.name(n),
                None if a.name != "*" && (from || !a.name.contains('.')) => {
                    if let Cow::Owned(m) = mangle(self.private.as_deref(), &a.name) {
                        a.asname = Some(m);
                    }
                }
                None => {}
            }
        }
    }

    fn handler(&mut self, h: &mut ExceptHandler) {
        self.opt_expr(h.typ.as_mut());
        self.opt_name(&mut h.name);
        self.stmts(&mut h.body);
    }

    fn arguments(&mut self, args: &mut Arguments) {
        self.exprs(&mut args.defaults);
        for d in args.kw_defaults.iter_mut().flatten() {
            self.expr(d);
        }
        let all = args
            .posonly
            .iter_mut()
            .chain(&mut args.args)
            .chain(&mut args.vararg)
            .chain(&mut args.kwonly)
            .chain(&mut args.kwarg);
        for a in all {
            if let Cow::Owned(m) = mangle(self.private.as_deref(), &a.name) {
                a.name = m;
            }
            if let Some(ann) = &mut a.annotation {
                self.expr(ann);
            }
        }
    }

    fn keywords(&mut self, keywords: &mut [Keyword]) {
        for k in keywords {
            self.expr(&mut k.value);
        }
    }

    fn pattern(&mut self, p: &mut Pattern) {
        match &mut p.kind {
            PatternKind::Value(e) => self.expr(e),
            PatternKind::Singleton(_) => {}
            PatternKind::Sequence(ps) | PatternKind::Or(ps) => ps.iter_mut().for_each(|p| self.pattern(p)),
            PatternKind::Star(n) => self.opt_name(n),
            PatternKind::Mapping { keys, patterns, rest } => {
                self.exprs(keys);
                patterns.iter_mut().for_each(|p| self.pattern(p));
                self.opt_name(rest);
            }
            PatternKind::Class { cls, patterns, kwd_attrs, kwd_patterns } => {
                self.expr(cls);
                patterns.iter_mut().for_each(|p| self.pattern(p));
                kwd_attrs.iter_mut().for_each(|n| self.name(n));
                kwd_patterns.iter_mut().for_each(|p| self.pattern(p));
            }
            PatternKind::As { pattern, name } => {
                if let Some(p) = pattern {
                    self.pattern(p);
                }
                self.opt_name(name);
            }
        }
    }

    fn exprs(&mut self, es: &mut [Expr]) {
        for e in es {
            self.expr(e);
        }
    }

    fn opt_expr(&mut self, e: Option<&mut Expr>) {
        if let Some(e) = e {
            self.expr(e);
        }
    }

    fn comprehensions(&mut self, gens: &mut [Comprehension]) {
        for g in gens {
            self.expr(&mut g.target);
            self.expr(&mut g.iter);
            self.exprs(&mut g.ifs);
        }
    }

    fn expr(&mut self, e: &mut Expr) {
        match &mut e.kind {
            ExprKind::Name(n) => self.name(n),
            ExprKind::Attribute { value, attr } => {
                self.expr(value);
                self.name(attr);
            }
            ExprKind::BoolOp { values, .. } => self.exprs(values),
            ExprKind::NamedExpr { target, value } => {
                self.expr(target);
                self.expr(value);
            }
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left);
                self.expr(right);
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand),
            ExprKind::Lambda { args, body } => {
                self.arguments(args);
                self.expr(body);
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test);
                self.expr(body);
                self.expr(orelse);
            }
            ExprKind::Dict { keys, values } => {
                keys.iter_mut().flatten().for_each(|k| self.expr(k));
                self.exprs(values);
            }
            ExprKind::Set(items)
            | ExprKind::List(items)
            | ExprKind::Tuple(items)
            | ExprKind::JoinedStr(items) => self.exprs(items),
            ExprKind::ListComp { elt, generators }
            | ExprKind::SetComp { elt, generators }
            | ExprKind::GeneratorExp { elt, generators } => {
                self.comprehensions(generators);
                self.expr(elt);
            }
            ExprKind::DictComp { key, value, generators } => {
                self.comprehensions(generators);
                self.expr(key);
                self.expr(value);
            }
            ExprKind::Await(v) | ExprKind::YieldFrom(v) | ExprKind::Starred(v) => self.expr(v),
            ExprKind::Yield(v) => {
                if let Some(v) = v {
                    self.expr(v);
                }
            }
            ExprKind::Compare { left, comparators, .. } => {
                self.expr(left);
                self.exprs(comparators);
            }
            ExprKind::Call { func, args, keywords } => {
                self.expr(func);
                self.exprs(args);
                self.keywords(keywords);
            }
            ExprKind::FormattedValue { value, format_spec, .. } => {
                self.expr(value);
                if let Some(f) = format_spec {
                    self.expr(f);
                }
            }
            ExprKind::Constant(_) => {}
            ExprKind::Subscript { value, slice } => {
                self.expr(value);
                self.expr(slice);
            }
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper, step].into_iter().flatten() {
                    self.expr(part);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{mangle, may_have_private_name};

    #[test]
    fn mangling_follows_cpython_rules() {
        assert_eq!(mangle(Some("C"), "__x"), "_C__x");
        assert_eq!(mangle(Some("__Priv"), "__x"), "_Priv__x");
        assert_eq!(mangle(Some("C"), "__x__"), "__x__");
        assert_eq!(mangle(Some("C"), "_x"), "_x");
        assert_eq!(mangle(Some("C"), "__a.b"), "__a.b");
        assert_eq!(mangle(Some("___"), "__x"), "__x");
        assert_eq!(mangle(None, "__x"), "__x");
        // Mangling twice changes nothing (the passes may see a name already mangled).
        assert_eq!(mangle(Some("C"), &mangle(Some("C"), "__x")), "_C__x");
    }

    #[test]
    fn the_text_filter_finds_private_words_only() {
        assert!(may_have_private_name("self.__x = 1"));
        assert!(may_have_private_name("__x"));
        assert!(!may_have_private_name("def __init__(self): a__b = x.__len__()"));
        assert!(!may_have_private_name("__ = 1; _x = 2"));
    }
}
