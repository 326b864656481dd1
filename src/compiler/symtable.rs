//! Scope analysis: which names are local, cell, free, global or class-namespace names.
//!
//! Pass 1 walks the AST and records, per scope, what each name is used for (assigned,
//! parameter, read, declared `global`/`nonlocal`). Pass 2 resolves every name to a
//! [`Binding`], following Python's rules (reference §4.2.2): function locals are names bound
//! in the function; a read of a name bound in an enclosing *function* is free there (and a cell
//! in the binder); class scopes are skipped by nested functions; everything else is global.
//! Comprehensions and lambdas are function scopes; walrus targets inside a comprehension bind
//! in the nearest enclosing non-comprehension scope.
//!
//! Scopes are found again by codegen through the address of their AST node, which is stable
//! because the AST is not moved between the two passes.

use std::collections::HashMap;

use gyre_grammar::ast::{self, Expr, ExprKind, Stmt, StmtKind};
use gyre_grammar::{ErrorKind, SyntaxError};

/// Index of a scope in [`SymbolTable::scopes`].
pub type ScopeId = usize;

/// What kind of block a scope is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    /// The module body.
    Module,
    /// A class body.
    Class,
    /// A `def` or `lambda`.
    Function,
    /// A list/set/dict comprehension or generator expression.
    Comprehension,
}

/// Where a name lives at run time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Binding {
    /// A plain local register.
    Local,
    /// A local register holding a cell (captured by a nested function).
    Cell,
    /// A register holding a cell received from the closure.
    Free,
    /// The module globals (then builtins).
    Global,
    /// The class namespace (then globals, then builtins).
    Name,
    /// In a class body: the class namespace, else a free variable of an enclosing function.
    ClassFree,
}

const ASSIGNED: u8 = 1;
const PARAM: u8 = 2;
const USED: u8 = 4;
const GLOBAL: u8 = 8;
const NONLOCAL: u8 = 16;

/// One scope and its resolved names.
#[derive(Debug)]
pub struct Scope {
    /// The kind of block.
    pub kind: ScopeKind,
    /// The enclosing scope (None for the module).
    pub parent: Option<ScopeId>,
    /// Parameter names in declaration order (positional, `*args`, keyword-only, `**kwargs`).
    pub params: Vec<String>,
    /// Every name in first-seen order.
    pub order: Vec<String>,
    flags: HashMap<String, u8>,
    /// The resolved binding of each name.
    pub bindings: HashMap<String, Binding>,
    /// Names this scope receives through its closure, in closure order.
    pub free: Vec<String>,
    /// True when the body contains `yield` (or is a generator expression).
    pub is_generator: bool,
    /// True for `async def` (and comprehensions using `await`/`async for`).
    pub is_async: bool,
    /// Class scopes: a method uses `super()` or `__class__`, so the class needs the cell.
    pub needs_class_cell: bool,
    /// The innermost enclosing class's name (this scope's own for a class body): the prefix
    /// of private names (`compiler::mangle`).
    pub private: Option<String>,
}

impl Scope {
    fn new(kind: ScopeKind, parent: Option<ScopeId>) -> Scope {
        Scope {
            kind,
            parent,
            params: Vec::new(),
            order: Vec::new(),
            flags: HashMap::new(),
            bindings: HashMap::new(),
            free: Vec::new(),
            is_generator: false,
            is_async: false,
            needs_class_cell: false,
            private: None,
        }
    }

    fn mark(&mut self, name: &str, flag: u8) {
        match self.flags.get_mut(name) {
            Some(f) => *f |= flag,
            None => {
                self.flags.insert(name.to_string(), flag);
                self.order.push(name.to_string());
            }
        }
    }

    fn has(&self, name: &str, flag: u8) -> bool {
        self.flags.get(name).is_some_and(|f| f & flag != 0)
    }

    /// The binding of `name` (Global when the name never appeared).
    pub fn binding(&self, name: &str) -> Binding {
        self.bindings.get(name).copied().unwrap_or(match self.kind {
            ScopeKind::Class => Binding::Name,
            _ => Binding::Global,
        })
    }

    fn binds_locally(&self, name: &str) -> bool {
        self.has(name, ASSIGNED | PARAM) && !self.has(name, GLOBAL | NONLOCAL)
    }
}

/// All scopes of one module.
#[derive(Debug)]
pub struct SymbolTable {
    /// The scopes; index 0 is the module.
    pub scopes: Vec<Scope>,
    by_node: HashMap<usize, ScopeId>,
}

impl SymbolTable {
    /// Analyses a module.
    pub fn build(module: &ast::Module) -> Result<SymbolTable, SyntaxError> {
        let mut b = Builder { table: SymbolTable { scopes: Vec::new(), by_node: HashMap::new() }, cur: 0 };
        b.table.scopes.push(Scope::new(ScopeKind::Module, None));
        b.stmts(&module.body)?;
        let mut table = b.table;
        table.resolve(0, &[])?;
        Ok(table)
    }

    /// The scope created for an AST node (function def, lambda, comprehension or class).
    pub fn scope_of<T>(&self, node: &T) -> ScopeId {
        self.by_node[&(node as *const T as usize)]
    }

    /// Resolves the bindings of `id` and its children. `enclosing` lists the names bound in
    /// enclosing function scopes (visible as free variables).
    fn resolve(&mut self, id: ScopeId, enclosing: &[String]) -> Result<(), SyntaxError> {
        let names: Vec<String> = self.scopes[id].order.clone();
        for name in &names {
            let binding = self.resolve_name(id, name, enclosing)?;
            let scope = &mut self.scopes[id];
            scope.bindings.insert(name.clone(), binding);
            if matches!(binding, Binding::Free | Binding::ClassFree) && !scope.free.contains(name) {
                scope.free.push(name.clone());
            }
        }
        let mut inner: Vec<String> = enclosing.to_vec();
        if matches!(self.scopes[id].kind, ScopeKind::Function | ScopeKind::Comprehension) {
            for name in &names {
                if self.scopes[id].binds_locally(name) || self.scopes[id].has(name, NONLOCAL) {
                    inner.push(name.clone());
                }
            }
        }
        if self.scopes[id].kind == ScopeKind::Class && self.scopes[id].needs_class_cell {
            inner.push("__class__".to_string());
        }
        let children: Vec<ScopeId> =
            (0..self.scopes.len()).filter(|&c| self.scopes[c].parent == Some(id)).collect();
        for child in children {
            self.resolve(child, &inner)?;
            for name in self.scopes[child].free.clone() {
                self.capture(id, &name);
            }
        }
        Ok(())
    }

    fn resolve_name(&self, id: ScopeId, name: &str, enclosing: &[String]) -> Result<Binding, SyntaxError> {
        let scope = &self.scopes[id];
        if scope.has(name, GLOBAL) {
            return Ok(Binding::Global);
        }
        if scope.has(name, NONLOCAL) {
            if !enclosing.iter().any(|n| n == name) {
                return Err(SyntaxError::new(
                    ErrorKind::Syntax,
                    format!("no binding for nonlocal '{name}' found"),
                    Default::default(),
                ));
            }
            return Ok(Binding::Free);
        }
        Ok(match scope.kind {
            ScopeKind::Module => Binding::Global,
            ScopeKind::Class if scope.binds_locally(name) => Binding::Name,
            ScopeKind::Class if enclosing.iter().any(|n| n == name) => Binding::ClassFree,
            ScopeKind::Class => Binding::Name,
            _ if scope.binds_locally(name) => Binding::Local,
            _ if enclosing.iter().any(|n| n == name) => Binding::Free,
            _ => Binding::Global,
        })
    }

    /// A child of `id` needs `name` from its closure: make it a cell here, or pass it through.
    fn capture(&mut self, id: ScopeId, name: &str) {
        let scope = &mut self.scopes[id];
        if name == "__class__" && scope.kind == ScopeKind::Class {
            return;
        }
        match scope.bindings.get(name).copied() {
            Some(Binding::Local) => {
                scope.bindings.insert(name.to_string(), Binding::Cell);
            }
            Some(Binding::Cell) | Some(Binding::Free) | Some(Binding::ClassFree) => {}
            _ if scope.kind == ScopeKind::Class && !scope.binds_locally(name) => {
                scope.bindings.entry(name.to_string()).or_insert(Binding::ClassFree);
                if !scope.free.iter().any(|n| n == name) {
                    scope.free.push(name.to_string());
                }
            }
            _ => {
                if scope.kind != ScopeKind::Class {
                    scope.bindings.insert(name.to_string(), Binding::Free);
                }
                if !scope.free.iter().any(|n| n == name) {
                    scope.free.push(name.to_string());
                }
            }
        }
        let binding = self.scopes[id].bindings.get(name).copied();
        if binding == Some(Binding::Free) && !self.scopes[id].free.iter().any(|n| n == name) {
            self.scopes[id].free.push(name.to_string());
        }
    }
}

struct Builder {
    table: SymbolTable,
    cur: ScopeId,
}

fn err(msg: String, span: ast::Span) -> SyntaxError {
    SyntaxError::new(ErrorKind::Syntax, msg, span)
}

impl Builder {
    fn scope(&mut self) -> &mut Scope {
        &mut self.table.scopes[self.cur]
    }

    fn push_scope<T>(&mut self, kind: ScopeKind, node: &T) -> ScopeId {
        let id = self.table.scopes.len();
        let mut scope = Scope::new(kind, Some(self.cur));
        scope.private = self.table.scopes[self.cur].private.clone();
        self.table.scopes.push(scope);
        self.table.by_node.insert(node as *const T as usize, id);
        let prev = self.cur;
        self.cur = id;
        prev
    }

    /// The name a `def` or `class` statement binds in the current scope (private names are
    /// mangled; the tree keeps the plain name for `__name__`).
    fn bound_name(&mut self, name: &str) -> String {
        super::mangle::mangle(self.scope().private.as_deref(), name).into_owned()
    }

    fn stmts(&mut self, body: &[Stmt]) -> Result<(), SyntaxError> {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    fn declare(&mut self, names: &[String], flag: u8, span: ast::Span) -> Result<(), SyntaxError> {
        for name in names {
            let word = if flag == GLOBAL { "global" } else { "nonlocal" };
            let scope = self.scope();
            if scope.has(name, PARAM) {
                return Err(err(format!("name '{name}' is parameter and {word}"), span));
            }
            if scope.has(name, ASSIGNED) {
                return Err(err(format!("name '{name}' is assigned to before {word} declaration"), span));
            }
            if scope.has(name, USED) {
                return Err(err(format!("name '{name}' is used prior to {word} declaration"), span));
            }
            let other = if flag == GLOBAL { NONLOCAL } else { GLOBAL };
            if scope.has(name, other) {
                return Err(err(format!("name '{name}' is nonlocal and global"), span));
            }
            scope.mark(name, flag);
        }
        Ok(())
    }

    fn stmt(&mut self, stmt: &Stmt) -> Result<(), SyntaxError> {
        match &stmt.kind {
            StmtKind::FunctionDef(def) => {
                for d in &def.decorators {
                    self.expr(d)?;
                }
                self.arg_defaults(&def.args)?;
                self.annotations(&def.args, def.returns.as_ref())?;
                let bound = self.bound_name(&def.name);
                self.scope().mark(&bound, ASSIGNED);
                let prev = self.push_scope(ScopeKind::Function, &**def);
                self.scope().is_async = def.is_async;
                self.params(&def.args);
                self.stmts(&def.body)?;
                self.cur = prev;
            }
            StmtKind::ClassDef(class) => {
                for e in class.decorators.iter().chain(&class.bases) {
                    self.expr(e)?;
                }
                for k in &class.keywords {
                    self.expr(&k.value)?;
                }
                let bound = self.bound_name(&class.name);
                self.scope().mark(&bound, ASSIGNED);
                let prev = self.push_scope(ScopeKind::Class, &**class);
                self.scope().private = Some(class.name.clone());
                self.stmts(&class.body)?;
                self.cur = prev;
            }
            StmtKind::Return(value) => self.opt(value.as_ref())?,
            StmtKind::Delete(targets) => targets.iter().try_for_each(|t| self.target(t))?,
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                targets.iter().try_for_each(|t| self.target(t))?;
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(value)?;
                if let ExprKind::Name(n) = &target.kind {
                    self.scope().mark(n, USED);
                }
                self.target(target)?;
            }
            StmtKind::AnnAssign { target, annotation, value, simple } => {
                self.opt(value.as_ref())?;
                if !*simple || self.scope().kind != ScopeKind::Function {
                    self.expr(annotation)?;
                }
                if value.is_some() || matches!(target.kind, ExprKind::Name(_)) {
                    self.target(target)?;
                }
            }
            StmtKind::For { target, iter, body, orelse, .. } => {
                self.expr(iter)?;
                self.target(target)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                self.expr(test)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::With { items, body, .. } => {
                for item in items {
                    self.expr(&item.context)?;
                    if let Some(v) = &item.vars {
                        self.target(v)?;
                    }
                }
                self.stmts(body)?;
            }
            StmtKind::Raise { exc, cause } => {
                self.opt(exc.as_ref())?;
                self.opt(cause.as_ref())?;
            }
            StmtKind::Try { body, handlers, orelse, finalbody, .. } => {
                self.stmts(body)?;
                for h in handlers {
                    self.opt(h.typ.as_ref())?;
                    if let Some(n) = &h.name {
                        self.scope().mark(n, ASSIGNED);
                    }
                    self.stmts(&h.body)?;
                }
                self.stmts(orelse)?;
                self.stmts(finalbody)?;
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                self.opt(msg.as_ref())?;
            }
            StmtKind::Import(names) => {
                for alias in names {
                    let bound = alias
                        .asname
                        .clone()
                        .unwrap_or_else(|| alias.name.split('.').next().unwrap_or("").to_string());
                    self.scope().mark(&bound, ASSIGNED);
                }
            }
            StmtKind::ImportFrom { names, .. } => {
                for alias in names {
                    if alias.name == "*" {
                        if self.scope().kind != ScopeKind::Module {
                            return Err(err("import * only allowed at module level".into(), alias.span));
                        }
                        continue;
                    }
                    let bound = alias.asname.as_ref().unwrap_or(&alias.name).clone();
                    self.scope().mark(&bound, ASSIGNED);
                }
            }
            StmtKind::Global(names) => self.declare(names, GLOBAL, stmt.span)?,
            StmtKind::Nonlocal(names) => {
                if self.scope().kind == ScopeKind::Module {
                    return Err(err("nonlocal declaration not allowed at module level".into(), stmt.span));
                }
                self.declare(names, NONLOCAL, stmt.span)?
            }
            StmtKind::Expr(e) => self.expr(e)?,
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
            StmtKind::Match { subject, cases } => {
                self.expr(subject)?;
                for case in cases {
                    self.pattern(&case.pattern)?;
                    self.opt(case.guard.as_ref())?;
                    self.stmts(&case.body)?;
                }
            }
        }
        Ok(())
    }

    /// A `case` pattern: its captures are assignments, its values and classes are loads.
    fn pattern(&mut self, p: &ast::Pattern) -> Result<(), SyntaxError> {
        use ast::PatternKind as P;
        match &p.kind {
            P::Value(e) => self.expr(e)?,
            P::Singleton(_) => {}
            P::Sequence(items) | P::Or(items) => items.iter().try_for_each(|i| self.pattern(i))?,
            P::Star(name) => self.capture(name.as_deref()),
            P::Mapping { keys, patterns, rest } => {
                keys.iter().try_for_each(|k| self.expr(k))?;
                patterns.iter().try_for_each(|i| self.pattern(i))?;
                self.capture(rest.as_deref());
            }
            P::Class { cls, patterns, kwd_patterns, .. } => {
                self.expr(cls)?;
                patterns.iter().chain(kwd_patterns).try_for_each(|i| self.pattern(i))?;
            }
            P::As { pattern, name } => {
                if let Some(inner) = pattern {
                    self.pattern(inner)?;
                }
                self.capture(name.as_deref());
            }
        }
        Ok(())
    }

    fn capture(&mut self, name: Option<&str>) {
        if let Some(n) = name {
            self.scope().mark(n, ASSIGNED);
        }
    }

    fn arg_defaults(&mut self, args: &ast::Arguments) -> Result<(), SyntaxError> {
        for d in &args.defaults {
            self.expr(d)?;
        }
        for d in args.kw_defaults.iter().flatten() {
            self.expr(d)?;
        }
        Ok(())
    }

    fn annotations(&mut self, args: &ast::Arguments, returns: Option<&Expr>) -> Result<(), SyntaxError> {
        let all =
            args.posonly.iter().chain(&args.args).chain(&args.vararg).chain(&args.kwonly).chain(&args.kwarg);
        for a in all {
            self.opt(a.annotation.as_ref())?;
        }
        self.opt(returns)
    }

    fn params(&mut self, args: &ast::Arguments) {
        let all =
            args.posonly.iter().chain(&args.args).chain(&args.vararg).chain(&args.kwonly).chain(&args.kwarg);
        for a in all {
            self.scope().mark(&a.name, PARAM);
            self.scope().params.push(a.name.clone());
        }
    }

    fn opt(&mut self, e: Option<&Expr>) -> Result<(), SyntaxError> {
        e.map_or(Ok(()), |e| self.expr(e))
    }

    fn target(&mut self, t: &Expr) -> Result<(), SyntaxError> {
        match &t.kind {
            ExprKind::Name(n) => {
                self.scope().mark(n, ASSIGNED);
                Ok(())
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => items.iter().try_for_each(|i| self.target(i)),
            ExprKind::Starred(inner) => self.target(inner),
            _ => self.expr(t),
        }
    }

    fn comprehension(
        &mut self,
        node: &Expr,
        gens: &[ast::Comprehension],
        elts: &[&Expr],
    ) -> Result<(), SyntaxError> {
        // The first iterable is evaluated in the enclosing scope.
        self.expr(&gens[0].iter)?;
        let prev = self.push_scope(ScopeKind::Comprehension, node);
        self.scope().mark(".0", PARAM);
        self.scope().params.push(".0".into());
        if matches!(node.kind, ExprKind::GeneratorExp { .. }) {
            self.scope().is_generator = true;
        }
        for (i, g) in gens.iter().enumerate() {
            if i > 0 {
                self.expr(&g.iter)?;
            }
            self.target(&g.target)?;
            for cond in &g.ifs {
                self.expr(cond)?;
            }
            if g.is_async {
                self.scope().is_async = true;
            }
        }
        for e in elts {
            self.expr(e)?;
        }
        self.cur = prev;
        Ok(())
    }

    fn walrus_target(&mut self, name: &str) {
        let mut id = self.cur;
        while self.table.scopes[id].kind == ScopeKind::Comprehension {
            self.table.scopes[id].mark(name, NONLOCAL | USED);
            id = self.table.scopes[id].parent.unwrap_or(0);
        }
        let scope = &mut self.table.scopes[id];
        if scope.kind == ScopeKind::Module && id != self.cur {
            // Module-level comprehension: the name is a global of the comprehension.
            let mut c = self.cur;
            while c != id {
                let s = &mut self.table.scopes[c];
                if let Some(f) = s.flags.get_mut(name) {
                    *f = (*f & !NONLOCAL) | GLOBAL;
                }
                c = s.parent.unwrap_or(0);
            }
        }
        self.table.scopes[id].mark(name, ASSIGNED);
    }

    fn expr(&mut self, e: &Expr) -> Result<(), SyntaxError> {
        match &e.kind {
            ExprKind::Name(n) => {
                self.scope().mark(n, USED);
                if n == "super" || n == "__class__" {
                    self.note_class_use();
                }
            }
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                if let ExprKind::Name(n) = &target.kind {
                    self.walrus_target(n);
                }
            }
            ExprKind::Lambda { args, body } => {
                self.arg_defaults(args)?;
                let prev = self.push_scope(ScopeKind::Function, e);
                self.params(args);
                self.expr(body)?;
                self.cur = prev;
            }
            ExprKind::ListComp { elt, generators }
            | ExprKind::SetComp { elt, generators }
            | ExprKind::GeneratorExp { elt, generators } => self.comprehension(e, generators, &[elt])?,
            ExprKind::DictComp { key, value, generators } => {
                self.comprehension(e, generators, &[key, value])?
            }
            ExprKind::Yield(v) => {
                self.scope().is_generator = true;
                if let Some(v) = v {
                    self.expr(v)?;
                }
            }
            ExprKind::YieldFrom(v) => {
                self.scope().is_generator = true;
                self.expr(v)?;
            }
            ExprKind::Await(v) => {
                if self.scope().kind == ScopeKind::Comprehension {
                    self.scope().is_async = true;
                }
                self.expr(v)?;
            }
            _ => self.children(e)?,
        }
        Ok(())
    }

    /// `super`/`__class__` inside a function nested in a class: the class needs its cell.
    fn note_class_use(&mut self) {
        let mut id = self.cur;
        if self.table.scopes[id].kind != ScopeKind::Function {
            return;
        }
        self.table.scopes[id].mark("__class__", USED);
        while let Some(parent) = self.table.scopes[id].parent {
            if self.table.scopes[parent].kind == ScopeKind::Class {
                self.table.scopes[parent].needs_class_cell = true;
                return;
            }
            id = parent;
        }
    }

    fn children(&mut self, e: &Expr) -> Result<(), SyntaxError> {
        match &e.kind {
            ExprKind::BoolOp { values, .. } => values.iter().try_for_each(|v| self.expr(v)),
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left)?;
                self.expr(right)
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand),
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test)?;
                self.expr(body)?;
                self.expr(orelse)
            }
            ExprKind::Dict { keys, values } => {
                keys.iter().flatten().try_for_each(|k| self.expr(k))?;
                values.iter().try_for_each(|v| self.expr(v))
            }
            ExprKind::Set(items)
            | ExprKind::List(items)
            | ExprKind::Tuple(items)
            | ExprKind::JoinedStr(items) => items.iter().try_for_each(|i| self.expr(i)),
            ExprKind::Compare { left, comparators, .. } => {
                self.expr(left)?;
                comparators.iter().try_for_each(|c| self.expr(c))
            }
            ExprKind::Call { func, args, keywords } => {
                self.expr(func)?;
                args.iter().try_for_each(|a| self.expr(a))?;
                keywords.iter().try_for_each(|k| self.expr(&k.value))
            }
            ExprKind::FormattedValue { value, format_spec, .. } => {
                self.expr(value)?;
                format_spec.as_deref().map_or(Ok(()), |s| self.expr(s))
            }
            ExprKind::Attribute { value, .. } | ExprKind::Starred(value) => self.expr(value),
            ExprKind::Subscript { value, slice } => {
                self.expr(value)?;
                self.expr(slice)
            }
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper, step].into_iter().flatten() {
                    self.expr(part)?;
                }
                Ok(())
            }
            ExprKind::Constant(_) => Ok(()),
            _ => Ok(()),
        }
    }
}
