//! `_re`: compiled regular expressions for `stdlib/re.py`, on the `fancy-regex` crate
//! (backtracking features such as backreferences and lookaround, delegating to `regex` for
//! the rest).
//!
//! Python pattern syntax is translated where the crate differs (`(?P=name)`, `\Z`, `$`
//! before a final newline, `{,n}`, a literal `{`); offsets are converted between the
//! crate's UTF-8 byte positions and Python's code-point positions. `re.py` builds Match
//! objects, `sub` templates, `split` and iteration on the spans returned here.

use std::any::Any;
use std::cell::OnceCell;

use fancy_regex::Regex;

use crate::builtins::method;
use crate::vm::ext::Ext;
use crate::vm::object::{Args, BaseKind, Object, Payload};
use crate::vm::types::builtin_class;
use crate::vm::{PyResult, Value, Vm};

/// `re.IGNORECASE`.
const FLAG_IGNORECASE: i64 = 2;
/// `re.MULTILINE`.
const FLAG_MULTILINE: i64 = 8;
/// `re.DOTALL`.
const FLAG_DOTALL: i64 = 16;
/// `re.VERBOSE`.
const FLAG_VERBOSE: i64 = 64;
/// `re.ASCII`.
const FLAG_ASCII: i64 = 256;
/// Backtracking budget per search: a pathological pattern fails cleanly instead of hanging.
const BACKTRACK_LIMIT: usize = 10_000_000;

/// A compiled pattern: the search form and, built on first use, the full-match form.
#[derive(Debug)]
struct PatternObj {
    search: Regex,
    full: OnceCell<Result<Regex, String>>,
    translated: String,
    groups: usize,
    names: Vec<(String, usize)>,
}

impl Ext for PatternObj {
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// The `_re` module.
pub fn module(vm: &mut Vm) -> PyResult<Value> {
    let m = super::new_module(vm, "_re", &[("compile", compile)]);
    let object = vm.types.object.clone();
    let cls = builtin_class("_Compiled", std::slice::from_ref(&object), BaseKind::Native);
    method(vm, &cls, "search", pattern_search);
    method(vm, &cls, "all_spans", pattern_all_spans);
    method(vm, &cls, "findall", pattern_findall);
    method(vm, &cls, "groupindex", pattern_groupindex);
    method(vm, &cls, "groups", pattern_groups);
    vm.module_set(&m, "_Compiled", Value::Class(cls));
    Ok(m)
}

fn compiled_class(vm: &mut Vm) -> PyResult<std::rc::Rc<crate::vm::object::Class>> {
    let m = vm.load_module("_re")?;
    let name = vm.intern("_Compiled");
    match vm.get_attr(&m, &name)? {
        Value::Class(c) => Ok(c),
        _ => Err(vm.new_error("SystemError", "_re._Compiled is missing")),
    }
}

/// `compile(pattern, flags)` → a compiled object, or ValueError with the crate's message.
fn compile(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pattern = match args.pos.first() {
        Some(Value::Str(s)) => s.as_str().to_string(),
        _ => return Err(vm.new_error("TypeError", "first argument must be string or compiled pattern")),
    };
    let flags = match args.pos.get(1) {
        Some(v) => vm.index_of(v)?,
        None => 0,
    };
    let translated = translate(&pattern, flags);
    let search = build(&translated).map_err(|e| vm.new_error("ValueError", &e))?;
    let groups = search.captures_len().saturating_sub(1);
    let names =
        search.capture_names().enumerate().filter_map(|(i, n)| n.map(|n| (n.to_string(), i))).collect();
    let cls = compiled_class(vm)?;
    let obj = PatternObj { search, full: OnceCell::new(), translated, groups, names };
    Ok(Value::Obj(Object::new(cls, Payload::Ext(Box::new(obj)))))
}

fn build(pattern: &str) -> Result<Regex, String> {
    fancy_regex::RegexBuilder::new(pattern)
        .backtrack_limit(BACKTRACK_LIMIT)
        .build()
        .map_err(|e| e.to_string())
}

fn this<'a>(vm: &mut Vm, args: &Args<'a>) -> PyResult<&'a PatternObj> {
    match args.pos.first().and_then(|v| v.payload()) {
        Some(Payload::Ext(e)) => match e.as_any().downcast_ref::<PatternObj>() {
            Some(p) => Ok(p),
            None => Err(vm.new_error("TypeError", "expected a compiled pattern")),
        },
        _ => Err(vm.new_error("TypeError", "expected a compiled pattern")),
    }
}

fn pattern_groups(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(this(vm, &args)?.groups as i64))
}

fn pattern_groupindex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let names = this(vm, &args)?.names.clone();
    let d = vm.new_dict();
    if let Value::Dict(dd) = &d {
        for (n, i) in names {
            vm.dict_set(dd, Value::string(n), Value::Int(i as i64))?;
        }
    }
    Ok(d)
}

/// Byte offset of code point `n` in `s` (clamped to the end).
fn byte_of(s: &str, n: usize, ascii: bool) -> usize {
    if ascii {
        return n.min(s.len());
    }
    s.char_indices().nth(n).map(|(b, _)| b).unwrap_or(s.len())
}

/// `search(string, pos, endpos, mode)`: mode 0 searches, 1 matches at `pos`, 2 fully
/// matches `pos..endpos`. Returns a tuple of code-point offsets `(start0, end0, start1, ...)`
/// with -1 for groups that did not take part, or None.
fn pattern_search(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = this(vm, &args)?;
    let text = match args.pos.get(1) {
        Some(Value::Str(s)) => s.clone(),
        Some(v) => {
            let t = vm.type_name(v);
            return Err(
                vm.new_error("TypeError", &format!("expected string or bytes-like object, got '{t}'"))
            );
        }
        None => return Err(vm.new_error("TypeError", "search() missing string")),
    };
    let s = text.as_str();
    // PyStr caches both: scanning a long subject on every search would make finditer
    // quadratic.
    let ascii = text.is_ascii();
    let nchars = text.char_len();
    let pos = vm.index_of(args.pos.get(2).unwrap_or(&Value::Int(0)))?.clamp(0, nchars as i64) as usize;
    let endpos = match args.pos.get(3) {
        Some(Value::None) | None => nchars,
        Some(v) => vm.index_of(v)?.clamp(0, nchars as i64) as usize,
    };
    let mode = vm.index_of(args.pos.get(4).unwrap_or(&Value::Int(0)))?;
    if pos > endpos {
        return Ok(Value::None);
    }
    let end_b = byte_of(s, endpos, ascii);
    let hay = &s[..end_b];
    let start_b = byte_of(s, pos, ascii);
    let re = if mode == 2 {
        match p.full.get_or_init(|| build(&format!("(?:{})\\z", p.translated))) {
            Ok(r) => r,
            Err(e) => return Err(vm.new_error("ValueError", e)),
        }
    } else {
        &p.search
    };
    let caps = match re.captures_from_pos(hay, start_b) {
        Ok(Some(c)) => c,
        Ok(None) => return Ok(Value::None),
        Err(e) => return Err(vm.new_error("RuntimeError", &format!("regular expression failed: {e}"))),
    };
    let whole = caps.get(0).map(|m| m.start()).unwrap_or(0);
    if mode != 0 && whole != start_b {
        return Ok(Value::None);
    }
    let to_chars = |b: usize| -> i64 {
        if ascii {
            b as i64
        } else {
            s[..b].chars().count() as i64
        }
    };
    let mut spans = Vec::with_capacity(2 * (p.groups + 1));
    for i in 0..=p.groups {
        match caps.get(i) {
            Some(m) => {
                spans.push(Value::Int(to_chars(m.start())));
                spans.push(Value::Int(to_chars(m.end())));
            }
            None => {
                spans.push(Value::Int(-1));
                spans.push(Value::Int(-1));
            }
        }
    }
    Ok(Value::tuple(spans))
}

/// The byte span of each group of one match (`None`: the group did not take part).
type GroupSpans = Vec<Option<(usize, usize)>>;

/// Every match of `p` in `s[..end_b]` from `start_b`, with Python 3.7+'s empty-match rule
/// (an empty match may not start where the previous match ended empty), as byte spans of
/// each group (`None` for a group that did not take part). At most `limit` matches (0 = all).
fn scan(
    vm: &mut Vm,
    p: &PatternObj,
    s: &str,
    start_b: usize,
    end_b: usize,
    limit: usize,
) -> PyResult<Vec<GroupSpans>> {
    let hay = &s[..end_b];
    let mut out = Vec::new();
    let mut pos = start_b;
    let mut prev_empty_at: Option<usize> = None;
    while pos <= hay.len() && (limit == 0 || out.len() < limit) {
        let caps = match p.search.captures_from_pos(hay, pos) {
            Ok(Some(c)) => c,
            Ok(None) => break,
            Err(e) => return Err(vm.new_error("RuntimeError", &format!("regular expression failed: {e}"))),
        };
        let Some(m) = caps.get(0) else { break };
        if m.start() == m.end() && prev_empty_at == Some(m.start()) {
            // Step one character and search again.
            match hay[pos..].chars().next() {
                Some(c) => {
                    pos += c.len_utf8();
                    prev_empty_at = None;
                    continue;
                }
                None => break,
            }
        }
        let spans: GroupSpans = (0..=p.groups).map(|i| caps.get(i).map(|g| (g.start(), g.end()))).collect();
        prev_empty_at = (m.start() == m.end()).then_some(m.end());
        pos = m.end();
        out.push(spans);
    }
    Ok(out)
}

/// Parses `(string, pos, endpos)` into the subject and its byte bounds.
fn subject<'a>(
    vm: &mut Vm,
    args: &Args<'a>,
) -> PyResult<(std::rc::Rc<crate::vm::object::PyStr>, usize, usize)> {
    let text = match args.pos.get(1) {
        Some(Value::Str(s)) => s.clone(),
        Some(v) => {
            let t = vm.type_name(v);
            return Err(
                vm.new_error("TypeError", &format!("expected string or bytes-like object, got '{t}'"))
            );
        }
        None => return Err(vm.new_error("TypeError", "missing string")),
    };
    let n = text.char_len();
    let pos = vm.index_of(args.pos.get(2).unwrap_or(&Value::Int(0)))?.clamp(0, n as i64) as usize;
    let endpos = match args.pos.get(3) {
        Some(Value::None) | None => n,
        Some(v) => vm.index_of(v)?.clamp(0, n as i64) as usize,
    };
    let ascii = text.is_ascii();
    let (a, b) = (byte_of(text.as_str(), pos, ascii), byte_of(text.as_str(), endpos.max(pos), ascii));
    Ok((text, a, b))
}

/// Converts byte offsets to code-point offsets in one forward pass over sorted queries.
struct CharCounter<'a> {
    s: &'a str,
    ascii: bool,
    byte: usize,
    chars: usize,
}

impl CharCounter<'_> {
    fn at(&mut self, b: usize) -> i64 {
        if self.ascii {
            return b as i64;
        }
        if b < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        self.chars += self.s[self.byte..b].chars().count();
        self.byte = b;
        self.chars as i64
    }
}

/// `all_spans(string, pos, endpos, count)`: a list of span tuples (as `search` returns) for
/// every match, for `finditer`, `sub` and `split`.
fn pattern_all_spans(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = this(vm, &args)?;
    let (text, a, b) = subject(vm, &args)?;
    let limit = match args.pos.get(4) {
        Some(v) => vm.index_of(v)?.max(0) as usize,
        None => 0,
    };
    let found = scan(vm, p, text.as_str(), a, b, limit)?;
    let mut cc = CharCounter { s: text.as_str(), ascii: text.is_ascii(), byte: 0, chars: 0 };
    let mut out = Vec::with_capacity(found.len());
    for spans in found {
        let mut flat = Vec::with_capacity(spans.len() * 2);
        for g in spans {
            match g {
                Some((x, y)) => {
                    flat.push(Value::Int(cc.at(x)));
                    flat.push(Value::Int(cc.at(y)));
                }
                None => {
                    flat.push(Value::Int(-1));
                    flat.push(Value::Int(-1));
                }
            }
        }
        out.push(Value::tuple(flat));
    }
    Ok(Value::list(out))
}

/// `findall(string, pos, endpos)`: CPython's findall result (whole matches, the single
/// group, or tuples of groups; '' for a group that did not take part).
fn pattern_findall(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = this(vm, &args)?;
    let (text, a, b) = subject(vm, &args)?;
    let s = text.as_str();
    let found = scan(vm, p, s, a, b, 0)?;
    let piece = |g: Option<(usize, usize)>| Value::str(g.map(|(x, y)| &s[x..y]).unwrap_or(""));
    let out: Vec<Value> = found
        .into_iter()
        .map(|spans| match p.groups {
            0 => piece(spans[0]),
            1 => piece(spans[1]),
            _ => Value::tuple(spans[1..].iter().map(|g| piece(*g)).collect()),
        })
        .collect();
    Ok(Value::list(out))
}

/// Rewrites Python pattern syntax into the crate's, prefixed with the inline flags.
fn translate(pattern: &str, flags: i64) -> String {
    let mut out = String::with_capacity(pattern.len() + 8);
    let mut inline = String::new();
    for (bit, c) in [(FLAG_IGNORECASE, 'i'), (FLAG_MULTILINE, 'm'), (FLAG_DOTALL, 's'), (FLAG_VERBOSE, 'x')] {
        if flags & bit != 0 {
            inline.push(c);
        }
    }
    if flags & FLAG_ASCII != 0 {
        inline.push_str("-u");
    }
    if !inline.is_empty() {
        out.push_str(&format!("(?{inline})"));
    }
    let multiline = flags & FLAG_MULTILINE != 0 || has_inline_flag(pattern, 'm');
    let chars: Vec<char> = pattern.chars().collect();
    let mut i = 0;
    let mut in_class = false;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\\' if i + 1 < chars.len() => {
                let n = chars[i + 1];
                if n == 'Z' && !in_class {
                    out.push_str("\\z");
                } else {
                    out.push('\\');
                    out.push(n);
                }
                i += 2;
                continue;
            }
            '[' if !in_class => {
                in_class = true;
                out.push('[');
                // A `]` or `^]` right after the opening bracket is literal in Python.
                if chars.get(i + 1) == Some(&'^') {
                    out.push('^');
                    i += 1;
                }
                if chars.get(i + 1) == Some(&']') {
                    out.push_str("\\]");
                    i += 1;
                }
            }
            '[' if in_class => out.push_str("\\["),
            ']' if in_class => {
                in_class = false;
                out.push(']');
            }
            '(' if !in_class && chars[i..].starts_with(&['(', '?', 'P', '=']) => {
                let close = chars[i..].iter().position(|&c| c == ')').map(|p| p + i);
                match close {
                    Some(end) => {
                        let name: String = chars[i + 4..end].iter().collect();
                        out.push_str(&format!("\\k<{name}>"));
                        i = end + 1;
                        continue;
                    }
                    None => out.push('('),
                }
            }
            '$' if !in_class && !multiline => out.push_str("(?=\\n?\\z)"),
            '{' if !in_class => match quantifier_end(&chars, i) {
                Some((end, lower_missing)) => {
                    out.push('{');
                    if lower_missing {
                        out.push('0');
                    }
                    out.extend(&chars[i + 1..=end]);
                    i = end + 1;
                    continue;
                }
                None => out.push_str("\\{"),
            },
            '}' if !in_class => out.push_str("\\}"),
            c => out.push(c),
        }
        i += 1;
    }
    out
}

/// True when the pattern starts with an inline flag group containing `flag`.
fn has_inline_flag(pattern: &str, flag: char) -> bool {
    pattern
        .strip_prefix("(?")
        .and_then(|rest| rest.split(')').next())
        .is_some_and(|f| f.chars().all(|c| c.is_ascii_alphabetic()) && f.contains(flag))
}

/// If `chars[i]` opens a valid `{m}`, `{m,}`, `{m,n}` or `{,n}` repeat: the index of its
/// `}` and whether the lower bound is omitted.
fn quantifier_end(chars: &[char], i: usize) -> Option<(usize, bool)> {
    let close = chars[i..].iter().position(|&c| c == '}')? + i;
    let body: String = chars[i + 1..close].iter().collect();
    let (lo, hi) = match body.split_once(',') {
        Some((lo, hi)) => (lo, Some(hi)),
        None => (body.as_str(), None),
    };
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    let ok = match hi {
        None => digits(lo),
        Some(hi) => {
            (digits(lo) || lo.is_empty())
                && (digits(hi) || hi.is_empty())
                && !(lo.is_empty() && hi.is_empty())
        }
    };
    ok.then_some((close, lo.is_empty()))
}

#[cfg(test)]
mod tests {
    use super::translate;

    #[test]
    fn translates_python_only_syntax() {
        assert_eq!(translate(r"(?P<a>x)(?P=a)\Z", 0), r"(?P<a>x)\k<a>\z");
        assert_eq!(translate("a{,3}b{2}c{x", 0), "a{0,3}b{2}c\\{x");
        assert_eq!(translate("a$", 0), "a(?=\\n?\\z)");
        assert_eq!(translate("a$", 8), "(?m)a$");
        assert_eq!(translate("[]a]", 0), "[\\]a]");
    }
}
