//! Printing an uncaught exception exactly as CPython 3.11's default `sys.excepthook` does:
//! the `__cause__`/`__context__` chain, `File "x.py", line N, in f` entries with the source
//! line and its `^^^^`/`~~~^^^` position markers, `[Previous line repeated N more times]`,
//! exception groups in their `+-+---- 1 ----` boxes, `__notes__`, and the "Did you mean"
//! suggestions for NameError and AttributeError.

use std::collections::HashSet;
use std::rc::Rc;

use gyre_grammar::ast::{ExprKind, StmtKind};

use super::object::{Object, TbEntry};
use super::value::Value;
use super::{Exc, Vm};

/// Identical consecutive traceback lines shown before they are collapsed (CPython's
/// `TB_RECURSIVE_CUTOFF`).
const RECURSIVE_CUTOFF: usize = 3;

/// Most traceback entries printed, the innermost ones (CPython's default tracebacklimit).
const TRACEBACK_LIMIT: usize = 1000;

/// Members of an exception group printed before `and N more exceptions`.
const MAX_GROUP_WIDTH: usize = 15;

/// Nesting of exception groups printed before `... (max_group_depth is 10)`.
const MAX_GROUP_DEPTH: usize = 10;

/// Candidates considered for a "Did you mean" suggestion (CPython's MAX_CANDIDATE_ITEMS).
const MAX_SUGGESTION_CANDIDATES: usize = 750;

/// Longest name compared for suggestions (CPython's MAX_STRING_SIZE).
const MAX_SUGGESTION_LEN: usize = 40;

/// Cost of an insertion, deletion or substitution in the suggestion distance.
const MOVE_COST: usize = 2;

/// Cost of a substitution that only changes case.
const CASE_COST: usize = 1;

const CAUSE_MESSAGE: &str = "\nThe above exception was the direct cause of the following exception:\n\n";
const CONTEXT_MESSAGE: &str = "\nDuring handling of the above exception, another exception occurred:\n\n";

/// Where we are inside nested exception groups while printing.
#[derive(Default)]
struct PrintContext {
    /// Exceptions already printed (a set: chains can be hundreds of thousands long).
    seen: HashSet<*const Object>,
    group_depth: usize,
    need_close: bool,
    /// `traceback.format_exception(..., limit=n)`: the outermost `n` entries of each
    /// traceback (the innermost `-n` when negative); None shows them all.
    limit: Option<isize>,
}

impl PrintContext {
    fn indent(&self) -> String {
        " ".repeat(2 * self.group_depth)
    }

    /// Appends `text` with every line prefixed by the group margin.
    fn emit(&self, out: &mut String, text: &str, margin: char) {
        let mut prefix = self.indent();
        if self.group_depth > 0 {
            prefix.push(margin);
            prefix.push(' ');
        }
        for line in text.split_inclusive('\n') {
            out.push_str(&prefix);
            out.push_str(line);
        }
    }
}

impl Vm {
    /// Formats a full traceback with its chain, as CPython prints an uncaught exception.
    pub fn format_exception(&mut self, e: &Exc) -> String {
        let mut out = String::new();
        let mut ctx = PrintContext::default();
        self.format_exc(e, &mut ctx, &mut out);
        out
    }

    /// [`Vm::format_exception`] (or, without `chain`, the unchained form) showing at most
    /// `limit` entries of each traceback, as `traceback.format_exception(..., limit=n)`.
    pub fn format_exception_limited(&mut self, e: &Exc, chain: bool, limit: isize) -> String {
        let mut out = String::new();
        let mut ctx = PrintContext { limit: Some(limit), ..PrintContext::default() };
        if chain {
            self.format_exc(e, &mut ctx, &mut out);
        } else {
            self.format_one(e, &mut ctx, &mut out);
        }
        out
    }

    /// One exception's traceback without its chain, as CPython's default unraisable hook
    /// prints it.
    pub fn format_exception_unchained(&mut self, e: &Exc) -> String {
        let mut out = String::new();
        let mut ctx = PrintContext::default();
        self.format_one(e, &mut ctx, &mut out);
        out
    }

    /// One exception with the exceptions it was chained from (`TracebackException.format`).
    fn format_exc(&mut self, e: &Exc, ctx: &mut PrintContext, out: &mut String) {
        let mut chain: Vec<(Option<&'static str>, Exc)> = Vec::new();
        let mut cur = Some(e.clone());
        while let Some(exc) = cur.take() {
            ctx.seen.insert(Rc::as_ptr(&exc));
            let Some(d) = exc.exc() else {
                chain.push((None, exc));
                break;
            };
            let (cause, context) = (d.cause.borrow().clone(), d.context.borrow().clone());
            let next = match (&cause, &context) {
                (Value::Obj(c), _) if c.exc().is_some() => Some((CAUSE_MESSAGE, c.clone())),
                (Value::None, Value::Obj(c)) if !d.suppress_context.get() && c.exc().is_some() => {
                    Some((CONTEXT_MESSAGE, c.clone()))
                }
                _ => None,
            };
            let msg = match next {
                Some((msg, c)) if !ctx.seen.contains(&Rc::as_ptr(&c)) => {
                    cur = Some(c);
                    Some(msg)
                }
                _ => None,
            };
            chain.push((msg, exc));
        }
        // `chain[i].0` is the message printed *before* chain[i - 1] (the outer exception).
        for i in (0..chain.len()).rev() {
            let exc = chain[i].1.clone();
            self.format_one(&exc, ctx, out);
            if i > 0 {
                if let Some(msg) = chain[i - 1].0 {
                    ctx.emit(out, msg, '|');
                }
            }
        }
    }

    /// One exception without its chain: a plain traceback or an exception group's box.
    fn format_one(&mut self, exc: &Exc, ctx: &mut PrintContext, out: &mut String) {
        let mut entries = exc.exc().map(|d| d.traceback.borrow().clone()).unwrap_or_default();
        if let Some(limit) = ctx.limit {
            limit_entries(&mut entries, limit);
        }
        if !self.is_exception_group(exc) {
            if !entries.is_empty() {
                ctx.emit(out, "Traceback (most recent call last):\n", '|');
                let stack = self.format_stack(&entries);
                ctx.emit(out, &stack, '|');
            }
            let only = self.format_exception_only(exc);
            ctx.emit(out, &only, '|');
            return;
        }
        if ctx.group_depth > MAX_GROUP_DEPTH {
            ctx.emit(out, &format!("... (max_group_depth is {MAX_GROUP_DEPTH})\n"), '|');
            return;
        }
        let toplevel = ctx.group_depth == 0;
        if toplevel {
            ctx.group_depth += 1;
        }
        if !entries.is_empty() {
            ctx.emit(
                out,
                "Exception Group Traceback (most recent call last):\n",
                if toplevel { '+' } else { '|' },
            );
            let stack = self.format_stack(&entries);
            ctx.emit(out, &stack, '|');
        }
        let only = self.format_exception_only(exc);
        ctx.emit(out, &only, '|');
        let members = self.group_members(exc);
        let n = members.len().min(MAX_GROUP_WIDTH + 1);
        ctx.need_close = false;
        for (i, member) in members.iter().take(n).enumerate() {
            let last = i == n - 1;
            if last {
                ctx.need_close = true;
            }
            let truncated = i >= MAX_GROUP_WIDTH;
            let title = if truncated { "...".to_string() } else { (i + 1).to_string() };
            out.push_str(&ctx.indent());
            out.push_str(if i == 0 { "+-" } else { "  " });
            out.push_str(&format!("+---------------- {title} ----------------\n"));
            ctx.group_depth += 1;
            if truncated {
                let remaining = members.len() - MAX_GROUP_WIDTH;
                let plural = if remaining > 1 { "s" } else { "" };
                ctx.emit(out, &format!("and {remaining} more exception{plural}\n"), '|');
            } else if let Value::Obj(m) = member {
                self.format_exc(m, ctx, out);
            }
            if last && ctx.need_close {
                out.push_str(&ctx.indent());
                out.push_str("+------------------------------------\n");
                ctx.need_close = false;
            }
            ctx.group_depth -= 1;
        }
        if toplevel {
            ctx.group_depth = 0;
        }
    }

    /// The `File ...` lines of a traceback (entries are stored innermost first).
    fn format_stack(&mut self, entries: &[TbEntry]) -> String {
        let mut out = String::new();
        let shown = &entries[..entries.len().min(TRACEBACK_LIMIT)];
        let mut last: Option<(Rc<str>, u32, Rc<str>)> = None;
        let mut repeats = 0;
        for entry in shown.iter().rev() {
            let code = &entry.code;
            let key = (code.source.filename.clone(), code.line_of(entry.pc as usize), code.name.clone());
            if last.as_ref() == Some(&key) {
                repeats += 1;
                if repeats > RECURSIVE_CUTOFF {
                    continue;
                }
            } else {
                push_repeated(&mut out, repeats);
                repeats = 1;
                last = Some(key);
            }
            out.push_str(&format_entry(entry));
        }
        push_repeated(&mut out, repeats);
        out
    }

    /// The last line(s): `TypeName: message`, a suggestion, then any `__notes__`.
    pub fn format_exception_only(&mut self, e: &Exc) -> String {
        let is_syntax = e.class.is_subclass(&self.exc_class("SyntaxError"));
        let (mut line, suffix) = if is_syntax { self.syntax_location(e) } else { Default::default() };
        line.push_str(&self.exc_summary(e));
        line.push_str(&suffix);
        if let Some(s) = self.suggestion(e) {
            line.push_str(&format!(". Did you mean: '{s}'?"));
        }
        line.push('\n');
        match e.get_attr("__notes__") {
            None => {}
            Some(notes @ (Value::List(_) | Value::Tuple(_))) => {
                for note in self.collect(&notes).unwrap_or_default() {
                    let text = match &note {
                        Value::Str(s) => s.as_str().to_string(),
                        other => self.str_of(other).unwrap_or_else(|_| "<note str() failed>".into()),
                    };
                    line.push_str(&text);
                    line.push('\n');
                }
            }
            Some(other) => {
                let r = self.repr(&other).unwrap_or_else(|_| "<__notes__ repr() failed>".into());
                line.push_str(&r);
                line.push('\n');
            }
        }
        line
    }

    /// The lines above a SyntaxError's message, as `traceback.format_exception_only` writes
    /// them: `File "f", line N`, the source line without its indentation, carets from
    /// `offset` to `end_offset`; and the message's suffix (` (file)` without a line number).
    fn syntax_location(&mut self, e: &Exc) -> (String, String) {
        let int = |v: Value| if let Value::Int(n) = v { Some(n) } else { None };
        let file = self.syntax_field(e, "filename");
        let file = file.as_str().map(str::to_string);
        let mut out = String::new();
        let Some(lineno) = int(self.syntax_field(e, "lineno")) else {
            return (out, file.map(|f| format!(" ({f})")).unwrap_or_default());
        };
        let shown = file.as_deref().unwrap_or("<string>");
        out.push_str(&format!("  File \"{shown}\", line {lineno}\n"));
        let text = self.syntax_field(e, "text");
        let Some(text) = text.as_str() else { return (out, String::new()) };
        let rtext = text.trim_end_matches('\n');
        let ltext = rtext.trim_start_matches([' ', '\n', '\x0c']);
        let spaces = (rtext.chars().count() - ltext.chars().count()) as i64;
        out.push_str(&format!("    {ltext}\n"));
        if let Some(offset) = int(self.syntax_field(e, "offset")) {
            let mut end = int(self.syntax_field(e, "end_offset")).filter(|&n| n != 0).unwrap_or(offset);
            if end == offset || end == -1 {
                end = offset + 1;
            }
            let (col, end_col) = (offset - 1 - spaces, end - 1 - spaces);
            if col >= 0 {
                let pad: String = ltext
                    .chars()
                    .take(col as usize)
                    .map(|c| if c.is_whitespace() { c } else { ' ' })
                    .collect();
                let width = (end_col - col).max(0) as usize;
                out.push_str(&format!("    {pad}{}\n", "^".repeat(width)));
            }
        }
        (out, String::new())
    }

    /// The "Did you mean" name for a NameError (the innermost frame's locals, then its
    /// globals, then builtins) or an AttributeError (`dir(obj)`).
    fn suggestion(&mut self, e: &Exc) -> Option<String> {
        let Some(Value::Str(name)) = e.get_attr("name") else { return None };
        if e.class.is_subclass(&self.exc_class("NameError")) {
            let entries = e.exc()?.traceback.borrow().clone();
            let inner = entries.first()?;
            let locals: Vec<String> = inner.code.varnames.iter().map(|n| n.to_string()).collect();
            let globals = inner.globals.as_ref().map(|g| dict_names(g)).unwrap_or_default();
            let builtins = dict_names(&self.builtins);
            return [locals, globals, builtins].iter().find_map(|c| best_match(name.as_str(), c));
        }
        if e.class.is_subclass(&self.exc_class("AttributeError")) {
            let obj = e.get_attr("obj")?;
            let names = self.dir_names(&obj).ok()?;
            return best_match(name.as_str(), &names);
        }
        None
    }
}

fn dict_names(d: &super::object::Dict) -> Vec<String> {
    d.map.borrow().iter().filter_map(|(k, _)| k.as_str().map(str::to_string)).collect()
}

fn push_repeated(out: &mut String, count: usize) {
    if count > RECURSIVE_CUTOFF {
        let more = count - RECURSIVE_CUTOFF;
        let s = if more > 1 { "s" } else { "" };
        out.push_str(&format!("  [Previous line repeated {more} more time{s}]\n"));
    }
}

/// Pseudo-files such as `<stdin>` and `<string>`, whose lines CPython's linecache cannot find.
pub fn is_pseudo_file(name: &str) -> bool {
    name.starts_with('<') && name.ends_with('>')
}

/// One `  File "x.py", line N, in f` entry, its source line and the position markers.
pub fn format_entry(entry: &TbEntry) -> String {
    let code = &entry.code;
    let pc = entry.pc as usize;
    let line_no = code.line_of(pc);
    let mut out = format!("  File \"{}\", line {}, in {}\n", code.source.filename, line_no, code.name);
    let src = &code.source;
    // The line keeps trailing spaces, as CPython prints it.
    let line = src.lines.line_text(&src.text, line_no as usize);
    let stripped = line.trim_start_matches([' ', '\t', '\x0c']);
    // Like CPython's linecache, which finds no lines for pseudo-files such as `<stdin>` and
    // `<string>`: their frames show no source line.
    if stripped.trim_end().is_empty() || is_pseudo_file(&src.filename) {
        return out;
    }
    out.push_str("    ");
    out.push_str(stripped);
    out.push('\n');
    if let Some(span) = code.spans.get(pc) {
        if span.end > span.start {
            if let Some(carets) = carets(src, line, line_no as usize, span.start as usize, span.end as usize)
            {
                out.push_str(&carets);
            }
        }
    }
    out
}

/// The marker line under `line` for the instruction at byte range `start..end` of the source,
/// or None when it would cover the whole (stripped) line.
fn carets(
    src: &crate::compiler::bytecode::Source,
    line: &str,
    line_no: usize,
    start: usize,
    end: usize,
) -> Option<String> {
    let (start_line, start_col) = src.lines.line_col(start);
    let (end_line, end_col) = src.lines.line_col(end);
    if start_line != line_no {
        return None;
    }
    let indent = line.chars().count() - line.trim_start_matches([' ', '\t', '\x0c']).chars().count();
    let len = line.chars().count();
    let (mut anchors, end_col) = if end_line == start_line {
        let segment: String = line.chars().skip(start_col).take(end_col.saturating_sub(start_col)).collect();
        (anchors(&segment).map(|(l, r)| (l + start_col, r + start_col)), end_col.min(len))
    } else {
        // A multi-line expression: mark to the end of its first line.
        (None, line.trim_end().chars().count())
    };
    if end_col <= start_col {
        return None;
    }
    if end_col - start_col == len - indent && anchors.is_none() {
        return None;
    }
    let mut out = " ".repeat(4 + start_col.saturating_sub(indent));
    let (primary, secondary) = if anchors.is_some() { ('~', '^') } else { ('^', '^') };
    if let Some((l, r)) = anchors.as_mut() {
        *r = (*r).min(end_col);
        *l = (*l).min(*r);
    }
    for col in start_col..end_col {
        let c = match anchors {
            Some((l, r)) if col >= l && col < r => secondary,
            _ => primary,
        };
        out.push(c);
    }
    out.push('\n');
    Some(out)
}

/// CPython's secondary ranges: the operator of a binary operation, or the `[...]` of a
/// subscript, as character offsets into `segment` (parsed on its own as a statement).
fn anchors(segment: &str) -> Option<(usize, usize)> {
    let module = gyre_grammar::parse(segment, gyre_grammar::Mode::Module).ok()?;
    let [stmt] = module.body.as_slice() else { return None };
    let StmtKind::Expr(expr) = &stmt.kind else { return None };
    let bytes = segment.as_bytes();
    let to_char = |b: usize| segment[..b.min(segment.len())].chars().count();
    let is_ws = |c: u8| matches!(c, b' ' | b'\t' | b'\x0c' | b'\n' | b'\r');
    match &expr.kind {
        ExprKind::BinOp { left, right, .. } => {
            let (from, to) = (left.span.end as usize, right.span.start as usize);
            let mut found = None;
            let mut i = from;
            while i < to {
                if is_ws(bytes[i]) {
                    i += 1;
                    continue;
                }
                let mut r = i + 1;
                if i + 1 < to && !is_ws(bytes[i + 1]) {
                    r += 1;
                }
                found = Some((i, r));
                // A closing parenthesis of the left operand is not the operator.
                if i + 1 < to && bytes[i] == b')' {
                    i += 1;
                    continue;
                }
                break;
            }
            found.map(|(l, r)| (to_char(l), to_char(r)))
        }
        ExprKind::Subscript { value, slice } => {
            let len = bytes.len();
            let mut l = value.span.end as usize;
            let mut r = slice.span.end as usize + 1;
            while l < len && bytes[l] != b'[' {
                l += 1;
            }
            while r < len && bytes[r] != b']' {
                r += 1;
            }
            if r < len {
                r += 1;
            }
            Some((to_char(l), to_char(r)))
        }
        _ => None,
    }
}

/// The candidate closest to `name` within CPython's distance budget, if any.
fn best_match(name: &str, candidates: &[String]) -> Option<String> {
    if candidates.len() >= MAX_SUGGESTION_CANDIDATES {
        return None;
    }
    let mut best: Option<(&str, usize)> = None;
    for item in candidates {
        if item == name {
            continue;
        }
        // No more than about a third of the characters may need changing.
        let mut max = (name.len() + item.len() + 3) * MOVE_COST / 6;
        if let Some((_, d)) = best {
            max = max.min(d.saturating_sub(1));
        }
        let d = levenshtein(name.as_bytes(), item.as_bytes(), max);
        if d > max {
            continue;
        }
        if best.is_none_or(|(_, bd)| d < bd) {
            best = Some((item, d));
        }
    }
    best.map(|(s, _)| s.to_string())
}

fn substitution_cost(a: u8, b: u8) -> usize {
    if a & 31 != b & 31 {
        return MOVE_COST;
    }
    if a == b {
        return 0;
    }
    if a.eq_ignore_ascii_case(&b) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// CPython's suggestion distance (case changes are cheaper), giving up above `max_cost`.
fn levenshtein<'a>(mut a: &'a [u8], mut b: &'a [u8], max_cost: usize) -> usize {
    while let (Some(x), Some(y)) = (a.first(), b.first()) {
        if x != y {
            break;
        }
        a = &a[1..];
        b = &b[1..];
    }
    while let (Some(x), Some(y)) = (a.last(), b.last()) {
        if x != y {
            break;
        }
        a = &a[..a.len() - 1];
        b = &b[..b.len() - 1];
    }
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_SUGGESTION_LEN || b.len() > MAX_SUGGESTION_LEN {
        return max_cost + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    let mut row: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (bi, &code) in b.iter().enumerate() {
        let mut distance = bi * MOVE_COST;
        result = distance;
        let mut minimum = usize::MAX;
        for (ai, &ac) in a.iter().enumerate() {
            let substitute = distance + substitution_cost(code, ac);
            distance = row[ai];
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            row[ai] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

/// Keeps the entries `limit` selects (entries are stored innermost first): the outermost
/// `limit` ones, or the innermost `-limit` when it is negative.
fn limit_entries(entries: &mut Vec<TbEntry>, limit: isize) {
    let n = limit.unsigned_abs().min(entries.len());
    if limit >= 0 {
        entries.drain(..entries.len() - n);
    } else {
        entries.truncate(n);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_match_cpython() {
        let names: Vec<String> = ["total", "items", "print"].iter().map(|s| s.to_string()).collect();
        assert_eq!(best_match("totl", &names).as_deref(), Some("total"));
        assert_eq!(best_match("prnt", &names).as_deref(), Some("print"));
        assert_eq!(best_match("zzzzzz", &names), None);
    }

    #[test]
    fn binop_and_subscript_anchors() {
        assert_eq!(anchors("a / b"), Some((2, 3)));
        assert_eq!(anchors("a // b"), Some((2, 4)));
        assert_eq!(anchors("table[key]"), Some((5, 10)));
        assert_eq!(anchors("f(x)"), None);
    }
}
