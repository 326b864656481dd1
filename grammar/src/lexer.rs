//! The lexer: source text to raw tokens (Python reference, chapter 2).
//!
//! logos recognises the regular tokens; numbers and string literals are scanned by hand
//! from their first characters, because their error messages (and error positions) follow
//! CPython's tokenizer closely. Line structure is not handled here: a physical line break is a
//! plain `Newline` token and the layout pass turns those into NEWLINE/INDENT/DEDENT.
//!
//! Error positions follow CPython's convention: a tokenizer error "at cur" is reported at the
//! character just before the tokenizer's read position.

use logos::Logos;
use num_bigint::BigInt;

use crate::ast::Span;
use crate::error::{ErrorKind, SyntaxError};
use crate::token::{StrLit, Tok};

/// A lexer error. `weak` errors (an unknown ASCII character) are what CPython calls an
/// ERRORTOKEN: they only surface if the parser gets that far, while strong errors win over
/// any parser error, as in CPython's second tokenizer pass.
#[derive(Clone, Debug)]
pub struct LexError {
    pub err: SyntaxError,
    pub weak: bool,
}

#[derive(Logos, Clone, Copy, Debug, PartialEq)]
#[logos(skip r"[ \t\x0c]+")]
#[logos(skip(r"#[^\r\n]*", allow_greedy = true))]
enum Raw {
    #[regex(r"\r\n|\r|\n")]
    Newline,
    #[token("\\")]
    Backslash,
    #[regex(r"[A-Za-z_\x{80}-\x{10FFFF}][A-Za-z0-9_\x{80}-\x{10FFFF}]*")]
    Name,
    #[regex(r#"([rRbBuUfF]|[rR][bBfF]|[bBfF][rR])?['"]"#)]
    StrStart,
    #[regex(r"[0-9]|\.[0-9]")]
    NumStart,
    #[token("+")]
    Plus,
    #[token("-")]
    Minus,
    #[token("*")]
    Star,
    #[token("**")]
    DoubleStar,
    #[token("/")]
    Slash,
    #[token("//")]
    DoubleSlash,
    #[token("%")]
    Percent,
    #[token("@")]
    At,
    #[token("<<")]
    LShift,
    #[token(">>")]
    RShift,
    #[token("&")]
    Amper,
    #[token("|")]
    VBar,
    #[token("^")]
    Circumflex,
    #[token("~")]
    Tilde,
    #[token(":=")]
    ColonEqual,
    #[token("<")]
    Less,
    #[token(">")]
    Greater,
    #[token("<=")]
    LessEqual,
    #[token(">=")]
    GreaterEqual,
    #[token("==")]
    EqEqual,
    #[token("!=")]
    NotEqual,
    #[token("(")]
    LPar,
    #[token(")")]
    RPar,
    #[token("[")]
    LSqb,
    #[token("]")]
    RSqb,
    #[token("{")]
    LBrace,
    #[token("}")]
    RBrace,
    #[token(",")]
    Comma,
    #[token(":")]
    Colon,
    #[token(".")]
    Dot,
    #[token(";")]
    Semi,
    #[token("=")]
    Equal,
    #[token("->")]
    RArrow,
    #[token("+=")]
    PlusEqual,
    #[token("-=")]
    MinusEqual,
    #[token("*=")]
    StarEqual,
    #[token("/=")]
    SlashEqual,
    #[token("//=")]
    DoubleSlashEqual,
    #[token("%=")]
    PercentEqual,
    #[token("@=")]
    AtEqual,
    #[token("&=")]
    AmperEqual,
    #[token("|=")]
    VBarEqual,
    #[token("^=")]
    CircumflexEqual,
    #[token(">>=")]
    RShiftEqual,
    #[token("<<=")]
    LShiftEqual,
    #[token("**=")]
    DoubleStarEqual,
    #[token("...")]
    Ellipsis,
}

/// An iterator of raw tokens with absolute byte spans.
pub struct Lexer<'s> {
    src: &'s str,
    inner: logos::Lexer<'s, Raw>,
    done: bool,
}

impl<'s> Lexer<'s> {
    /// Lexes `src[start..end]`, reporting positions relative to the whole of `src`.
    pub fn new(src: &'s str, start: usize, end: usize) -> Lexer<'s> {
        let mut inner = Raw::lexer(&src[..end]);
        inner.bump(start);
        if start == 0 && src.starts_with('\u{feff}') {
            inner.bump('\u{feff}'.len_utf8());
        }
        Lexer { src, inner, done: false }
    }

    fn next_token(&mut self) -> Option<Result<(usize, Tok, usize), LexError>> {
        let raw = self.inner.next()?;
        let span = self.inner.span();
        let Ok(raw) = raw else {
            return Some(Err(self.bad_char(span.start)));
        };
        let tok = match raw {
            Raw::Newline => Tok::Newline,
            Raw::Backslash => return self.continuation(span.start),
            Raw::Name => return Some(self.name(span.start, span.end)),
            Raw::StrStart => return Some(self.string(span.start, span.end)),
            Raw::NumStart => return Some(self.number(span.start)),
            other => simple(other),
        };
        Some(Ok((span.start, tok, span.end)))
    }

    /// `\` must be followed by a line break, which it joins away.
    fn continuation(&mut self, at: usize) -> Option<Result<(usize, Tok, usize), LexError>> {
        let rest = self.inner.remainder();
        let nl = if rest.starts_with("\r\n") {
            2
        } else if rest.starts_with('\n') || rest.starts_with('\r') {
            1
        } else if rest.is_empty() {
            let err = SyntaxError::new(
                ErrorKind::Syntax,
                "unexpected EOF while parsing",
                point(self.inner.span().end),
            );
            return Some(Err(LexError { err: SyntaxError { incomplete: true, ..err }, weak: false }));
        } else {
            let msg = "unexpected character after line continuation character";
            return Some(Err(strong(msg, point(at + 1))));
        };
        self.inner.bump(nl);
        // A continuation line that is empty up to EOF is still an unexpected EOF.
        if self.inner.remainder().trim_matches([' ', '\t', '\x0c']).is_empty() {
            let err = SyntaxError::new(ErrorKind::Syntax, "unexpected EOF while parsing", point(at + 1));
            return Some(Err(LexError { err: SyntaxError { incomplete: true, ..err }, weak: false }));
        }
        self.next_token()
    }

    fn bad_char(&self, at: usize) -> LexError {
        let c = self.src[at..].chars().next().unwrap_or(' ');
        if c.is_ascii() && !c.is_ascii_control() {
            return LexError {
                err: SyntaxError::new(ErrorKind::Syntax, "invalid syntax", Span::new(at, at + 1)),
                weak: true,
            };
        }
        strong(bad_char_msg(c), point(at))
    }

    fn name(&mut self, start: usize, end: usize) -> Result<(usize, Tok, usize), LexError> {
        let text = &self.src[start..end];
        if !text.is_ascii() {
            for (i, c) in text.char_indices() {
                let ok = if i == 0 {
                    c == '_' || unicode_ident::is_xid_start(c)
                } else {
                    unicode_ident::is_xid_continue(c)
                };
                if !ok {
                    return Err(strong(bad_char_msg(c), point(start + i)));
                }
            }
        }
        let tok = Tok::keyword(text).unwrap_or_else(|| Tok::Name(text.to_string()));
        Ok((start, tok, end))
    }

    fn string(&mut self, start: usize, open_end: usize) -> Result<(usize, Tok, usize), LexError> {
        let prefix = &self.src[start..open_end - 1];
        let quote = self.src.as_bytes()[open_end - 1];
        let lower = prefix.to_ascii_lowercase();
        let bytes = self.src.as_bytes();
        let triple = bytes.get(open_end) == Some(&quote) && bytes.get(open_end + 1) == Some(&quote);
        let body_start = if triple { open_end + 2 } else { open_end };
        let limit = self.inner.span().end + self.inner.remainder().len();
        let mut i = body_start;
        let body_end = loop {
            if i >= limit {
                return Err(self.unterminated(start, triple));
            }
            let b = bytes[i];
            if b == b'\\' {
                i += 2;
                if i > limit {
                    return Err(self.unterminated(start, triple));
                }
                // Keep `i` on a char boundary after skipping an escaped multi-byte char.
                while i < limit && !self.src.is_char_boundary(i) {
                    i += 1;
                }
                continue;
            }
            if b == quote {
                if !triple {
                    break i;
                }
                if bytes.get(i + 1) == Some(&quote) && bytes.get(i + 2) == Some(&quote) {
                    break i;
                }
            } else if (b == b'\n' || b == b'\r') && !triple {
                return Err(self.unterminated(start, triple));
            }
            i += 1;
        };
        let quote_len = if triple { 3 } else { 1 };
        let end = body_end + quote_len;
        self.inner.bump(end - open_end);
        let lit = StrLit {
            body: (body_start, body_end),
            raw: lower.contains('r'),
            bytes: lower.contains('b'),
            fstring: lower.contains('f'),
            quote_len,
        };
        Ok((start, Tok::Str(Box::new(lit)), end))
    }

    fn unterminated(&self, start: usize, triple: bool) -> LexError {
        let limit = self.inner.span().end + self.inner.remainder().len();
        let text = &self.src[..limit];
        let line = if triple {
            text.matches('\n').count() + 1 - usize::from(text.ends_with('\n'))
        } else {
            let eol = text[start..].find(['\n', '\r']).map_or(limit, |n| start + n);
            text[..eol].matches('\n').count() + 1
        };
        let msg = if triple {
            format!("unterminated triple-quoted string literal (detected at line {line})")
        } else {
            format!("unterminated string literal (detected at line {line})")
        };
        let err =
            SyntaxError { incomplete: triple, ..SyntaxError::new(ErrorKind::Syntax, msg, point(start)) };
        LexError { err, weak: false }
    }

    fn number(&mut self, start: usize) -> Result<(usize, Tok, usize), LexError> {
        let limit = self.inner.span().end + self.inner.remainder().len();
        let mut scan = NumScan { src: self.src, cur: start, limit };
        let kind = scan.scan()?;
        let end = scan.cur;
        self.inner.bump(end - self.inner.span().end);
        let text: String = self.src[start..end].chars().filter(|&c| c != '_').collect();
        let tok = match kind {
            NumKind::Imaginary => Tok::Imag(text[..text.len() - 1].parse().unwrap_or(f64::INFINITY)),
            NumKind::Float => Tok::Float(text.parse().unwrap_or(f64::INFINITY)),
            NumKind::Int(radix) => {
                let digits = if radix == 10 { &text[..] } else { &text[2..] };
                match i64::from_str_radix(digits, radix) {
                    Ok(v) => Tok::Int(v),
                    Err(_) => match BigInt::parse_bytes(digits.as_bytes(), radix) {
                        Some(b) => Tok::BigInt(Box::new(b)),
                        None => return Err(strong("invalid decimal literal", point(start))),
                    },
                }
            }
        };
        Ok((start, tok, end))
    }
}

impl Iterator for Lexer<'_> {
    type Item = Result<(usize, Tok, usize), LexError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let item = self.next_token();
        if matches!(item, Some(Err(_)) | None) {
            self.done = true;
        }
        item
    }
}

fn simple(raw: Raw) -> Tok {
    match raw {
        Raw::Plus => Tok::Plus,
        Raw::Minus => Tok::Minus,
        Raw::Star => Tok::Star,
        Raw::DoubleStar => Tok::DoubleStar,
        Raw::Slash => Tok::Slash,
        Raw::DoubleSlash => Tok::DoubleSlash,
        Raw::Percent => Tok::Percent,
        Raw::At => Tok::At,
        Raw::LShift => Tok::LShift,
        Raw::RShift => Tok::RShift,
        Raw::Amper => Tok::Amper,
        Raw::VBar => Tok::VBar,
        Raw::Circumflex => Tok::Circumflex,
        Raw::Tilde => Tok::Tilde,
        Raw::ColonEqual => Tok::ColonEqual,
        Raw::Less => Tok::Less,
        Raw::Greater => Tok::Greater,
        Raw::LessEqual => Tok::LessEqual,
        Raw::GreaterEqual => Tok::GreaterEqual,
        Raw::EqEqual => Tok::EqEqual,
        Raw::NotEqual => Tok::NotEqual,
        Raw::LPar => Tok::LPar,
        Raw::RPar => Tok::RPar,
        Raw::LSqb => Tok::LSqb,
        Raw::RSqb => Tok::RSqb,
        Raw::LBrace => Tok::LBrace,
        Raw::RBrace => Tok::RBrace,
        Raw::Comma => Tok::Comma,
        Raw::Colon => Tok::Colon,
        Raw::Dot => Tok::Dot,
        Raw::Semi => Tok::Semi,
        Raw::Equal => Tok::Equal,
        Raw::RArrow => Tok::RArrow,
        Raw::PlusEqual => Tok::PlusEqual,
        Raw::MinusEqual => Tok::MinusEqual,
        Raw::StarEqual => Tok::StarEqual,
        Raw::SlashEqual => Tok::SlashEqual,
        Raw::DoubleSlashEqual => Tok::DoubleSlashEqual,
        Raw::PercentEqual => Tok::PercentEqual,
        Raw::AtEqual => Tok::AtEqual,
        Raw::AmperEqual => Tok::AmperEqual,
        Raw::VBarEqual => Tok::VBarEqual,
        Raw::CircumflexEqual => Tok::CircumflexEqual,
        Raw::RShiftEqual => Tok::RShiftEqual,
        Raw::LShiftEqual => Tok::LShiftEqual,
        Raw::DoubleStarEqual => Tok::DoubleStarEqual,
        Raw::Ellipsis => Tok::Ellipsis,
        Raw::Newline | Raw::Backslash | Raw::Name | Raw::StrStart | Raw::NumStart => Tok::Newline,
    }
}

/// CPython's message for a character that cannot start or continue a token.
pub fn bad_char_msg(c: char) -> String {
    let nonprint = c.is_control()
        || c.is_whitespace()
        || matches!(c, '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{feff}');
    if nonprint {
        format!("invalid non-printable character U+{:04X}", c as u32)
    } else {
        format!("invalid character '{c}' (U+{:04X})", c as u32)
    }
}

fn strong(msg: impl Into<String>, span: Span) -> LexError {
    LexError { err: SyntaxError::new(ErrorKind::Syntax, msg, span), weak: false }
}

fn point(at: usize) -> Span {
    Span::new(at, at)
}

enum NumKind {
    Int(u32),
    Float,
    Imaginary,
}

/// A hand-written scanner for numeric literals that mirrors CPython's tokenizer step by step,
/// so that error messages and positions match (`tok_get` and `verify_end_of_number`).
struct NumScan<'s> {
    src: &'s str,
    cur: usize,
    limit: usize,
}

type NumResult<T> = Result<T, LexError>;

impl NumScan<'_> {
    fn next(&mut self) -> Option<u8> {
        if self.cur >= self.limit {
            return None;
        }
        let b = self.src.as_bytes()[self.cur];
        self.cur += 1;
        Some(b)
    }

    fn backup(&mut self, c: Option<u8>) {
        if c.is_some() {
            self.cur -= 1;
        }
    }

    /// A tokenizer error reported "at cur": the caret goes on the character before `cur`.
    fn err(&self, msg: impl Into<String>) -> LexError {
        let mut at = self.cur.saturating_sub(1);
        while at > 0 && !self.src.is_char_boundary(at) {
            at -= 1;
        }
        if self.cur == 0 {
            at = 0;
        }
        strong(msg, point(at))
    }

    fn scan(&mut self) -> NumResult<NumKind> {
        let first = self.next();
        if first == Some(b'.') {
            let c = self.next();
            return self.fraction(c);
        }
        if first == Some(b'0') {
            return self.zero();
        }
        let c = self.decimal_tail()?;
        self.after_int(c)
    }

    fn after_int(&mut self, c: Option<u8>) -> NumResult<NumKind> {
        match c {
            Some(b'.') => {
                let c = self.next();
                self.fraction(c)
            }
            Some(b'e' | b'E') => self.exponent(c),
            Some(b'j' | b'J') => self.imaginary(),
            _ => {
                self.end_of_number(c, "decimal")?;
                self.backup(c);
                Ok(NumKind::Int(10))
            }
        }
    }

    fn zero(&mut self) -> NumResult<NumKind> {
        let mut c = self.next();
        match c {
            Some(b'x' | b'X') => return self.radix(16, "hexadecimal"),
            Some(b'o' | b'O') => return self.radix(8, "octal"),
            Some(b'b' | b'B') => return self.radix(2, "binary"),
            _ => {}
        }
        let token_start = self.cur - 1 - usize::from(c.is_some());
        let mut nonzero = false;
        loop {
            while c == Some(b'0') {
                c = self.next();
            }
            if c == Some(b'_') {
                c = self.next();
                if !is_digit(c) {
                    self.backup(c);
                    return Err(self.err("invalid decimal literal"));
                }
                continue;
            }
            break;
        }
        let zeros_end = self.cur - usize::from(c.is_some());
        if is_digit(c) {
            nonzero = true;
            c = self.decimal_tail()?;
        }
        match c {
            Some(b'.' | b'e' | b'E' | b'j' | b'J') => self.after_int(c),
            _ if nonzero => {
                let msg =
                    "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers";
                Err(strong(msg, Span::new(token_start, zeros_end)))
            }
            _ => {
                self.end_of_number(c, "decimal")?;
                self.backup(c);
                Ok(NumKind::Int(10))
            }
        }
    }

    fn radix(&mut self, radix: u32, kind: &str) -> NumResult<NumKind> {
        let mut c = self.next();
        loop {
            if c == Some(b'_') {
                c = self.next();
            }
            if !c.is_some_and(|b| (b as char).is_digit(radix)) {
                if radix < 10 && is_digit(c) {
                    return Err(
                        self.err(format!("invalid digit '{}' in {kind} literal", c.unwrap_or(b'0') as char))
                    );
                }
                self.backup(c);
                return Err(self.err(format!("invalid {kind} literal")));
            }
            while c.is_some_and(|b| (b as char).is_digit(radix)) {
                c = self.next();
            }
            if c != Some(b'_') {
                break;
            }
        }
        if radix < 10 && is_digit(c) {
            return Err(self.err(format!("invalid digit '{}' in {kind} literal", c.unwrap_or(b'0') as char)));
        }
        self.end_of_number(c, kind)?;
        self.backup(c);
        Ok(NumKind::Int(radix))
    }

    /// Digits with single underscores between them; returns the first character after.
    fn decimal_tail(&mut self) -> NumResult<Option<u8>> {
        loop {
            let mut c;
            loop {
                c = self.next();
                if !is_digit(c) {
                    break;
                }
            }
            if c != Some(b'_') {
                return Ok(c);
            }
            c = self.next();
            if !is_digit(c) {
                self.backup(c);
                return Err(self.err("invalid decimal literal"));
            }
        }
    }

    fn fraction(&mut self, mut c: Option<u8>) -> NumResult<NumKind> {
        if is_digit(c) {
            c = self.decimal_tail()?;
        }
        match c {
            Some(b'e' | b'E') => self.exponent(c),
            Some(b'j' | b'J') => self.imaginary(),
            _ => {
                self.end_of_number(c, "decimal")?;
                self.backup(c);
                Ok(NumKind::Float)
            }
        }
    }

    fn exponent(&mut self, e: Option<u8>) -> NumResult<NumKind> {
        let mut c = self.next();
        if matches!(c, Some(b'+' | b'-')) {
            c = self.next();
            if !is_digit(c) {
                self.backup(c);
                return Err(self.err("invalid decimal literal"));
            }
        } else if !is_digit(c) {
            self.backup(c);
            self.end_of_number(e, "decimal")?;
            self.backup(e);
            // CPython ends the number before the `e` here (`1else` is `1 else`).
            let is_float = self.src[..self.cur]
                .rsplit(|c: char| !c.is_ascii_alphanumeric() && c != '_' && c != '.')
                .next()
                .is_some_and(|t| t.contains('.'));
            return Ok(if is_float { NumKind::Float } else { NumKind::Int(10) });
        }
        c = self.decimal_tail()?;
        if matches!(c, Some(b'j' | b'J')) {
            return self.imaginary();
        }
        self.end_of_number(c, "decimal")?;
        self.backup(c);
        Ok(NumKind::Float)
    }

    fn imaginary(&mut self) -> NumResult<NumKind> {
        let c = self.next();
        self.end_of_number(c, "imaginary")?;
        self.backup(c);
        Ok(NumKind::Imaginary)
    }

    /// `verify_end_of_number`: a number may be directly followed by a keyword that can follow
    /// a number in valid code (`1if x else y`), but not by other identifier characters.
    fn end_of_number(&mut self, c: Option<u8>, kind: &str) -> NumResult<()> {
        let rest = &self.src.as_bytes()[self.cur.min(self.limit)..self.limit];
        let keyword_follows = match c {
            Some(b'a') => rest.starts_with(b"nd"),
            Some(b'e') => rest.starts_with(b"lse"),
            Some(b'f') => rest.starts_with(b"or"),
            Some(b'i') => matches!(rest.first(), Some(b'f' | b'n' | b's')),
            Some(b'o') => rest.starts_with(b"r"),
            Some(b'n') => rest.starts_with(b"ot"),
            _ => false,
        };
        if keyword_follows {
            return Ok(());
        }
        // Like CPython 3.11, only ASCII characters count here: a non-ASCII character after a
        // number is reported as an invalid character instead.
        if c.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_') {
            self.backup(c);
            return Err(self.err(format!("invalid {kind} literal")));
        }
        Ok(())
    }
}

fn is_digit(c: Option<u8>) -> bool {
    c.is_some_and(|b| b.is_ascii_digit())
}
