//! String literals: escape decoding, implicit concatenation and f-strings (Python reference
//! 2.4.1 to 2.4.3, with CPython 3.11's f-string rules).
//!
//! An f-string's replacement fields are found by a small scanner that follows CPython 3.11's
//! `fstring_find_expr`, then each field's expression is parsed on its own, at its real
//! offset in the file, so that every span points into the source. Errors found by the scanner
//! are reported at the end of the string token, as CPython does.

use crate::ast::{Constant, Expr, ExprKind, Span};
use crate::error::{ErrorKind, SyntaxError};
use crate::token::StrLit;

/// CPython allows a replacement field inside a format spec, but no deeper.
const MAX_FSTRING_NESTING: usize = 2;

/// Builds the expression for one or more adjacent string tokens.
pub fn concat(src: &str, parts: Vec<(usize, Box<StrLit>, usize)>) -> Result<Expr, SyntaxError> {
    let start = parts.first().map_or(0, |p| p.0);
    let end = parts.last().map_or(0, |p| p.2);
    let span = Span::new(start, end);
    let bytes = parts[0].1.bytes;
    if parts.iter().any(|p| p.1.bytes != bytes) {
        return Err(err("cannot mix bytes and nonbytes literals", Span::new(end, end)));
    }
    if bytes {
        let mut out = Vec::new();
        for (s, lit, e) in &parts {
            decode_bytes(src, lit, (*s, *e), &mut out)?;
        }
        return Ok(Expr::new(ExprKind::Constant(Constant::Bytes(out)), span));
    }
    if !parts.iter().any(|p| p.1.fstring) {
        let mut out = String::new();
        for (s, lit, e) in &parts {
            decode_str(src, lit.body, lit.raw, (*s, *e), &mut out)?;
        }
        return Ok(Expr::new(ExprKind::Constant(Constant::Str(out)), span));
    }
    let mut pieces = Pieces { values: Vec::new(), text: String::new(), span };
    for (s, lit, e) in &parts {
        if lit.fstring {
            let mut scan = FScan { src, pos: lit.body.0, end: lit.body.1, raw: lit.raw, token: (*s, *e) };
            scan.body(&mut pieces, 0)?;
        } else {
            decode_str(src, lit.body, lit.raw, (*s, *e), &mut pieces.text)?;
        }
    }
    Ok(Expr::new(ExprKind::JoinedStr(pieces.finish()), span))
}

/// The parts of a JoinedStr under construction: literal text is buffered and merged.
struct Pieces {
    values: Vec<Expr>,
    text: String,
    span: Span,
}

impl Pieces {
    fn flush(&mut self) {
        if !self.text.is_empty() {
            let text = std::mem::take(&mut self.text);
            self.values.push(Expr::new(ExprKind::Constant(Constant::Str(text)), self.span));
        }
    }

    fn finish(mut self) -> Vec<Expr> {
        self.flush();
        self.values
    }
}

/// Scans an f-string body (or a format spec inside one) between `pos` and `end`.
struct FScan<'s> {
    src: &'s str,
    pos: usize,
    end: usize,
    raw: bool,
    /// The whole string token, where scanner errors are reported.
    token: (usize, usize),
}

impl FScan<'_> {
    fn fail(&self, msg: &str) -> SyntaxError {
        err(msg, Span::new(self.token.1, self.token.1))
    }

    fn peek(&self, at: usize) -> Option<u8> {
        (at < self.end).then(|| self.src.as_bytes()[at])
    }

    /// Literal text and fields up to `end` (a whole f-string) or to the `}` closing a format
    /// spec (`level > 0`), which is left unconsumed.
    fn body(&mut self, out: &mut Pieces, level: usize) -> Result<(), SyntaxError> {
        let mut lit_start = self.pos;
        while self.pos < self.end {
            let c = self.src.as_bytes()[self.pos];
            if c == b'\\' && !self.raw {
                self.pos += 2.min(self.end - self.pos);
                continue;
            }
            if c == b'{' || c == b'}' {
                let doubled = self.peek(self.pos + 1) == Some(c);
                if level > 0 && c == b'}' {
                    break;
                }
                self.literal(lit_start, self.pos, out)?;
                if doubled && level == 0 {
                    out.text.push(c as char);
                    self.pos += 2;
                    lit_start = self.pos;
                    continue;
                }
                if c == b'}' {
                    return Err(self.fail("f-string: single '}' is not allowed"));
                }
                self.pos += 1;
                self.field(out, level)?;
                lit_start = self.pos;
                continue;
            }
            self.pos += 1;
        }
        self.literal(lit_start, self.pos, out)
    }

    fn literal(&self, from: usize, to: usize, out: &mut Pieces) -> Result<(), SyntaxError> {
        decode_str(self.src, (from, to), self.raw, self.token, &mut out.text)
    }

    /// One replacement field, just after its `{`; consumes through the closing `}`.
    fn field(&mut self, out: &mut Pieces, level: usize) -> Result<(), SyntaxError> {
        if level >= MAX_FSTRING_NESTING {
            return Err(self.fail("f-string: expressions nested too deeply"));
        }
        let expr_start = self.pos;
        let expr_end = self.scan_expr()?;
        let text = &self.src[expr_start..expr_end];
        if text.trim_matches([' ', '\t', '\n', '\r', '\x0c']).is_empty() {
            return Err(self.fail("f-string: empty expression not allowed"));
        }
        let value = crate::parser::parse_field(self.src, expr_start, expr_end)?;
        let mut debug = false;
        if self.peek(self.pos) == Some(b'=') {
            self.pos += 1;
            while self.peek(self.pos).is_some_and(|b| b.is_ascii_whitespace()) {
                self.pos += 1;
            }
            debug = true;
            out.text.push_str(&self.src[expr_start..self.pos]);
        }
        let mut conversion = None;
        if self.peek(self.pos) == Some(b'!') {
            let Some(c) = self.peek(self.pos + 1) else {
                return Err(self.fail("f-string: expecting '}'"));
            };
            if !matches!(c, b's' | b'r' | b'a') {
                return Err(self.fail("f-string: invalid conversion character: expected 's', 'r', or 'a'"));
            }
            conversion = Some(c as char);
            self.pos += 2;
        }
        let mut format_spec = None;
        if self.peek(self.pos) == Some(b':') {
            self.pos += 1;
            let spec_start = self.pos;
            let mut spec = Pieces { values: Vec::new(), text: String::new(), span: out.span };
            self.body(&mut spec, level + 1)?;
            let span = Span::new(spec_start, self.pos);
            format_spec = Some(Box::new(Expr::new(ExprKind::JoinedStr(spec.finish()), span)));
        }
        if self.peek(self.pos) != Some(b'}') {
            return Err(self.fail("f-string: expecting '}'"));
        }
        self.pos += 1;
        if debug && conversion.is_none() && format_spec.is_none() {
            conversion = Some('r');
        }
        out.flush();
        let span = Span::new(expr_start - 1, self.pos);
        out.values.push(Expr::new(
            ExprKind::FormattedValue { value: Box::new(value), conversion, format_spec },
            span,
        ));
        Ok(())
    }

    /// Finds where a field's expression ends (at `!`, `:`, `}` or `=` outside brackets and
    /// strings), following CPython 3.11's rules and messages.
    fn scan_expr(&mut self) -> Result<usize, SyntaxError> {
        let mut stack: Vec<u8> = Vec::new();
        let mut quote: Option<(u8, bool)> = None;
        while self.pos < self.end {
            let c = self.src.as_bytes()[self.pos];
            if c == b'\\' {
                return Err(self.fail("f-string expression part cannot include a backslash"));
            }
            if let Some((q, triple)) = quote {
                if c == q {
                    if !triple {
                        quote = None;
                    } else if self.peek(self.pos + 1) == Some(q) && self.peek(self.pos + 2) == Some(q) {
                        self.pos += 2;
                        quote = None;
                    }
                }
                self.pos += 1;
                continue;
            }
            match c {
                b'\'' | b'"' => {
                    let triple = self.peek(self.pos + 1) == Some(c) && self.peek(self.pos + 2) == Some(c);
                    if triple {
                        self.pos += 2;
                    }
                    quote = Some((c, triple));
                }
                b'[' | b'{' | b'(' => {
                    if stack.len() >= 200 {
                        return Err(self.fail("f-string: too many nested parenthesis"));
                    }
                    stack.push(c);
                }
                b'#' => return Err(self.fail("f-string expression part cannot include '#'")),
                b'!' | b':' | b'}' | b'=' | b'>' | b'<' if stack.is_empty() => {
                    let next = self.peek(self.pos + 1);
                    if next == Some(b'=') && c != b':' && c != b'}' {
                        self.pos += 2;
                        continue;
                    }
                    if c == b'>' || c == b'<' {
                        self.pos += 1;
                        continue;
                    }
                    return Ok(self.pos);
                }
                b']' | b'}' | b')' => {
                    let Some(open) = stack.pop() else {
                        return Err(self.fail(&format!("f-string: unmatched '{}'", c as char)));
                    };
                    let want = match open {
                        b'(' => b')',
                        b'[' => b']',
                        _ => b'}',
                    };
                    if c != want {
                        let msg = format!(
                            "f-string: closing parenthesis '{}' does not match opening parenthesis '{}'",
                            c as char, open as char
                        );
                        return Err(self.fail(&msg));
                    }
                }
                _ => {}
            }
            self.pos += 1;
        }
        if quote.is_some() {
            return Err(self.fail("f-string: unterminated string"));
        }
        if let Some(&open) = stack.last() {
            return Err(self.fail(&format!("f-string: unmatched '{}'", open as char)));
        }
        Err(self.fail("f-string: expecting '}'"))
    }
}

/// Decodes `src[body]` as str literal text (escapes unless `raw`) onto `out`.
fn decode_str(
    src: &str,
    body: (usize, usize),
    raw: bool,
    token: (usize, usize),
    out: &mut String,
) -> Result<(), SyntaxError> {
    let text = &src[body.0..body.1];
    if raw || !text.contains('\\') {
        out.push_str(&text.replace("\r\n", "\n"));
        return Ok(());
    }
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '\r' {
            if chars.peek().map(|p| p.1) == Some('\n') {
                chars.next();
            }
            out.push('\n');
            continue;
        }
        if c != '\\' {
            out.push(c);
            continue;
        }
        let Some((_, e)) = chars.next() else {
            out.push('\\');
            break;
        };
        match e {
            '\n' => {}
            '\r' => {
                if chars.peek().map(|p| p.1) == Some('\n') {
                    chars.next();
                }
            }
            '\\' | '\'' | '"' => out.push(e),
            'a' => out.push('\x07'),
            'b' => out.push('\x08'),
            'f' => out.push('\x0c'),
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            't' => out.push('\t'),
            'v' => out.push('\x0b'),
            '0'..='7' => {
                let mut v = e.to_digit(8).unwrap_or(0);
                for _ in 0..2 {
                    match chars.peek() {
                        Some(&(_, d)) if d.is_digit(8) => {
                            v = v * 8 + d.to_digit(8).unwrap_or(0);
                            chars.next();
                        }
                        _ => break,
                    }
                }
                out.push(char::from_u32(v).unwrap_or('\u{fffd}'));
            }
            'x' | 'u' | 'U' => {
                let (n, name) = match e {
                    'x' => (2, "\\xXX"),
                    'u' => (4, "\\uXXXX"),
                    _ => (8, "\\UXXXXXXXX"),
                };
                let mut v = 0u32;
                let mut got = 0;
                while got < n {
                    match chars.peek() {
                        Some(&(_, d)) if d.is_ascii_hexdigit() => {
                            v = v * 16 + d.to_digit(16).unwrap_or(0);
                            chars.next();
                            got += 1;
                        }
                        _ => break,
                    }
                }
                let last = i + 1 + got;
                if got < n {
                    let msg = format!(
                        "(unicode error) 'unicodeescape' codec can't decode bytes in position {i}-{last}: truncated {name} escape"
                    );
                    return Err(err(msg, Span::new(token.1, token.1)));
                }
                let Some(ch) = char::from_u32(v) else {
                    let msg = format!(
                        "(unicode error) 'unicodeescape' codec can't decode bytes in position {i}-{last}: illegal Unicode character"
                    );
                    return Err(err(msg, Span::new(token.1, token.1)));
                };
                out.push(ch);
            }
            'N' => {
                let (ch, end) = named_escape(text, i).map_err(|m| err(m, Span::new(token.1, token.1)))?;
                while chars.peek().is_some_and(|&(j, _)| j <= end) {
                    chars.next();
                }
                out.push(ch);
            }
            other => {
                out.push('\\');
                out.push(other);
            }
        }
    }
    Ok(())
}

/// The character of the `\\N{NAME}` escape whose backslash is at byte `at` of `text`, and the
/// byte index of its closing brace; CPython's message when the escape is malformed or names
/// no character.
fn named_escape(text: &str, at: usize) -> Result<(char, usize), String> {
    let fail = |end: usize, what: &str| {
        format!("(unicode error) 'unicodeescape' codec can't decode bytes in position {at}-{end}: {what}")
    };
    let brace = at + 2;
    if text.as_bytes().get(brace) != Some(&b'{') {
        return Err(fail(at + 1, "malformed \\N character escape"));
    }
    let Some(len) = text[brace + 1..].find('}') else {
        return Err(fail(text.len() - 1, "malformed \\N character escape"));
    };
    if len == 0 {
        return Err(fail(brace, "malformed \\N character escape"));
    }
    let close = brace + 1 + len;
    let name = &text[brace + 1..close];
    // Every Unicode name starts with a letter or digit. The lookup crate reads the byte
    // before a leading hyphen (an arithmetic overflow, a panic when overflow checks are
    // on, as in debug builds): such a name is unknown without asking it.
    if name.starts_with('-') {
        return Err(fail(close, "unknown Unicode character name"));
    }
    match unicode_names2::character(name) {
        Some(ch) => Ok((ch, close)),
        None => Err(fail(close, "unknown Unicode character name")),
    }
}

/// Decodes one bytes literal onto `out`.
fn decode_bytes(
    src: &str,
    lit: &StrLit,
    token: (usize, usize),
    out: &mut Vec<u8>,
) -> Result<(), SyntaxError> {
    let text = &src[lit.body.0..lit.body.1];
    if !text.is_ascii() {
        return Err(err("bytes can only contain ASCII literal characters", Span::new(token.0, token.1)));
    }
    let b = text.as_bytes();
    if lit.raw {
        out.extend(text.replace("\r\n", "\n").bytes());
        return Ok(());
    }
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        i += 1;
        if c == b'\r' {
            if b.get(i) == Some(&b'\n') {
                i += 1;
            }
            out.push(b'\n');
            continue;
        }
        if c != b'\\' || i >= b.len() {
            out.push(c);
            continue;
        }
        let e = b[i];
        i += 1;
        match e {
            b'\n' => {}
            b'\r' => {
                if b.get(i) == Some(&b'\n') {
                    i += 1;
                }
            }
            b'\\' | b'\'' | b'"' => out.push(e),
            b'a' => out.push(7),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'v' => out.push(11),
            b'0'..=b'7' => {
                let mut v = u32::from(e - b'0');
                for _ in 0..2 {
                    match b.get(i) {
                        Some(&d @ b'0'..=b'7') => {
                            v = v * 8 + u32::from(d - b'0');
                            i += 1;
                        }
                        _ => break,
                    }
                }
                out.push((v & 0xff) as u8);
            }
            b'x' => {
                let hex = b.get(i..i + 2).filter(|h| h.iter().all(u8::is_ascii_hexdigit));
                let Some(h) = hex else {
                    let msg = format!("(value error) invalid \\x escape at position {}", i - 2);
                    return Err(err(msg, Span::new(token.1, token.1)));
                };
                let s = std::str::from_utf8(h).unwrap_or("0");
                out.push(u8::from_str_radix(s, 16).unwrap_or(0));
                i += 2;
            }
            other => {
                out.push(b'\\');
                out.push(other);
            }
        }
    }
    Ok(())
}

fn err(msg: impl Into<String>, span: Span) -> SyntaxError {
    SyntaxError::new(ErrorKind::Syntax, msg, span)
}

#[cfg(test)]
mod tests {
    use super::named_escape;

    /// Found by the `parse` fuzz target: a name starting with a hyphen made the name lookup
    /// overflow (a panic in builds with overflow checks, e.g. `cargo test` without
    /// `--release` and the fuzz builds).
    #[test]
    fn named_escape_with_a_leading_hyphen_is_an_unknown_name() {
        for text in [r"\N{-------}", r"\N{->PACE}", r"\N{-}", r"\N{-A}"] {
            let e = named_escape(text, 0).unwrap_err();
            assert!(e.ends_with("unknown Unicode character name"), "{text}: {e}");
        }
        assert_eq!(named_escape(r"\N{SPACE}", 0).unwrap().0, ' ');
        assert_eq!(named_escape(r"\N{euro sign}", 0).unwrap().0, '€');
    }
}
