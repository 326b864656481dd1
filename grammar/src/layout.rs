//! The layout pass: raw tokens to Python's logical-line tokens (Python reference 2.1).
//!
//! It drops line breaks inside brackets (implicit joining), drops blank and comment-only
//! lines, emits NEWLINE at the end of each logical line and INDENT/DEDENT when indentation
//! changes (tabs by CPython's rule: the column must compare the same with tab size 8 and
//! tab size 1, else TabError), and flushes NEWLINE and DEDENTs at EOF. It also enforces the
//! nesting limits, so that no later stage (parser, validation, drop, compiler) can recurse
//! deeply enough to overflow the stack.
//!
//! INDENT and DEDENT have zero-width spans at the first token of their line.

use crate::ast::Span;
use crate::error::{ErrorKind, SyntaxError};
use crate::lexer::{LexError, Lexer};
use crate::token::Tok;

/// CPython's tokenizer limit on open brackets (MAXLEVEL).
pub const MAX_BRACKETS: usize = 200;
/// CPython's tokenizer limit on indentation levels (MAXINDENT, counting the level 0).
pub const MAX_INDENT: usize = 100;
/// An upper bound on expression nesting, estimated from the tokens of one statement: the
/// operators and keywords between two commas, summed over the open brackets. Every AST level
/// owns at least one such token, so the real depth is below this estimate. It keeps
/// validation, `Drop` and the compiler's recursion bounded for inputs like `1+1+...+1` with
/// 100k terms (CPython answers those with RecursionError during compilation). 250 keeps
/// the recursive passes well inside a 2 MiB test-thread stack even in debug builds, where
/// a validation frame is a few KiB; real programs stay far below it.
pub const MAX_EXPR_DEPTH: u32 = 250;

/// An upper bound on statement nesting: indentation levels plus, at each level, the `elif`
/// branches before the current one (the AST nests each `elif` in the `orelse` of the one
/// before, so a chain of n branches is n levels deep for every recursive pass). CPython
/// compiles about 3000 levels before its RecursionError; this bound keeps the recursive
/// passes inside a 2 MiB thread stack in debug builds, with room for a maximal expression
/// at the innermost level.
pub const MAX_BLOCK_DEPTH: u32 = 500;

/// A token with its byte span.
pub type Spanned = (usize, Tok, usize);

/// What the layout pass produced: the tokens it could make, then why it stopped early.
pub struct Layout {
    /// Tokens, ending with the NEWLINE and DEDENTs flushed at EOF when lexing finished.
    pub toks: Vec<Spanned>,
    /// The first lexer or layout error, if any; tokens stop just before it.
    pub error: Option<LexError>,
    /// Brackets still open at EOF: (opening token, its start offset).
    pub unclosed: Option<(Tok, usize)>,
}

struct State<'s> {
    src: &'s str,
    toks: Vec<Spanned>,
    /// Indentation stack: (column with tab size 8, column with tab size 1).
    indents: Vec<(usize, usize)>,
    /// For each indentation level, the `elif` branches so far of the `if` statement open
    /// there (see MAX_BLOCK_DEPTH), and their sum.
    elifs: Vec<u32>,
    elif_sum: u32,
    /// The previous token closed a bracket, so an opening one starts a trailer (`f()()`,
    /// `a[0][0]`), which nests one level deeper.
    after_close: bool,
    brackets: Vec<(Tok, usize)>,
    /// Operator counts of the enclosing bracket levels (see MAX_EXPR_DEPTH).
    depth_stack: Vec<u32>,
    depth_sum: u32,
    depth_cur: u32,
    /// A line break was seen at bracket depth 0 since the last token: (start, end) of it.
    pending_break: Option<(usize, usize)>,
    /// The current logical line has tokens (so a NEWLINE must end it).
    line_open: bool,
}

/// Runs the lexer and the layout pass over `src[start..end]`. With `in_brackets`, the text is
/// treated as if inside parentheses (an f-string field): no NEWLINE, INDENT or DEDENT at all.
pub fn layout(src: &str, start: usize, end: usize, in_brackets: bool) -> Layout {
    let mut st = State {
        src,
        toks: Vec::new(),
        indents: vec![(0, 0)],
        elifs: vec![0],
        elif_sum: 0,
        after_close: false,
        brackets: Vec::new(),
        depth_stack: Vec::new(),
        depth_sum: 0,
        depth_cur: 0,
        pending_break: if in_brackets { None } else { Some((start, start)) },
        line_open: false,
    };
    if in_brackets {
        st.brackets.push((Tok::LPar, start));
    }
    let mut error = None;
    for item in Lexer::new(src, start, end) {
        let res = match item {
            Ok(t) => st.token(t),
            Err(e) => Err(e),
        };
        if let Err(e) = res {
            error = Some(e);
            break;
        }
    }
    if in_brackets {
        st.brackets.pop();
    }
    let mut unclosed = None;
    if error.is_none() {
        if let Some(open) = st.brackets.first() {
            unclosed = Some(st.brackets.last().cloned().unwrap_or_else(|| open.clone()));
        } else if !in_brackets {
            st.flush(end);
        }
    }
    Layout { toks: st.toks, error, unclosed }
}

impl State<'_> {
    fn token(&mut self, (s, tok, e): Spanned) -> Result<(), LexError> {
        if tok == Tok::Newline {
            if self.brackets.is_empty() && self.pending_break.is_none() {
                self.pending_break = Some((s, e));
            }
            return Ok(());
        }
        if let Some(brk) = self.pending_break.take() {
            self.line_start(brk, s)?;
            self.count_elifs(&tok, s)?;
        }
        self.brackets_and_depth(&tok, s)?;
        self.toks.push((s, tok, e));
        self.line_open = true;
        Ok(())
    }

    /// The first token of a logical line at `at`: end the previous line, then indent/dedent.
    fn line_start(&mut self, (bs, be): (usize, usize), at: usize) -> Result<(), LexError> {
        if self.line_open {
            self.toks.push((bs, Tok::Newline, be));
            self.line_open = false;
        }
        self.depth_cur = 0;
        let line_start = self.src[..at].rfind(['\n', '\r']).map_or(0, |i| i + 1);
        let (mut col, mut alt) = (0usize, 0usize);
        for c in self.src[line_start..at].chars() {
            match c {
                ' ' => {
                    col += 1;
                    alt += 1;
                }
                '\t' => {
                    col = (col / 8 + 1) * 8;
                    alt += 1;
                }
                '\x0c' => {
                    col = 0;
                    alt = 0;
                }
                _ => {}
            }
        }
        let (top, top_alt) = *self.indents.last().unwrap_or(&(0, 0));
        let tab_error =
            || indent_err(ErrorKind::Tab, "inconsistent use of tabs and spaces in indentation", line_start);
        if col == top {
            if alt != top_alt {
                return Err(tab_error());
            }
        } else if col > top {
            if alt <= top_alt {
                return Err(tab_error());
            }
            if self.indents.len() >= MAX_INDENT {
                return Err(indent_err(ErrorKind::Indentation, "too many levels of indentation", line_start));
            }
            self.indents.push((col, alt));
            self.elifs.push(0);
            self.toks.push((at, Tok::Indent, at));
        } else {
            while self.indents.len() > 1 && col < self.indents.last().map_or(0, |t| t.0) {
                self.indents.pop();
                self.elif_sum -= self.elifs.pop().unwrap_or(0);
                self.toks.push((at, Tok::Dedent, at));
            }
            let (top, top_alt) = *self.indents.last().unwrap_or(&(0, 0));
            if col != top {
                let eol = self.src[at..].find(['\n', '\r']).map_or(self.src.len(), |n| at + n);
                let msg = "unindent does not match any outer indentation level";
                return Err(indent_err(ErrorKind::Indentation, msg, eol));
            }
            if alt != top_alt {
                return Err(tab_error());
            }
        }
        Ok(())
    }

    /// The first token of a logical line: an `elif` nests one level deeper than the branch
    /// before it; any statement but `elif`/`else` ends the chain at its level.
    fn count_elifs(&mut self, tok: &Tok, at: usize) -> Result<(), LexError> {
        let Some(top) = self.elifs.last_mut() else { return Ok(()) };
        match tok {
            Tok::Elif => {
                *top += 1;
                self.elif_sum += 1;
            }
            Tok::Else => {}
            _ => {
                self.elif_sum -= *top;
                *top = 0;
            }
        }
        if self.indents.len() as u32 + self.elif_sum > MAX_BLOCK_DEPTH {
            let msg =
                format!("too many nested blocks (the limit is {MAX_BLOCK_DEPTH} levels, counting each elif)");
            return Err(strong(msg, Span::new(at, at + 1)));
        }
        Ok(())
    }

    fn brackets_and_depth(&mut self, tok: &Tok, at: usize) -> Result<(), LexError> {
        let after_close = std::mem::replace(&mut self.after_close, tok.is_close());
        if tok.is_open() {
            if after_close {
                self.depth_cur += 1;
            }
            if self.brackets.len() >= MAX_BRACKETS {
                return Err(strong("too many nested parentheses", Span::new(at, at + 1)));
            }
            self.brackets.push((tok.clone(), at));
            self.depth_stack.push(self.depth_cur);
            self.depth_sum += self.depth_cur + 1;
            self.depth_cur = 0;
            return self.check_depth(at);
        }
        if tok.is_close() {
            let Some((open, open_at)) = self.brackets.pop() else {
                return Err(strong(format!("unmatched '{}'", bracket_char(tok)), Span::new(at, at + 1)));
            };
            if !matches!(
                (&open, tok),
                (Tok::LPar, Tok::RPar) | (Tok::LSqb, Tok::RSqb) | (Tok::LBrace, Tok::RBrace)
            ) {
                let (c, o) = (bracket_char(tok), bracket_char(&open));
                let open_line = self.src[..open_at].matches('\n').count() + 1;
                let line = self.src[..at].matches('\n').count() + 1;
                let msg = if open_line == line {
                    format!("closing parenthesis '{c}' does not match opening parenthesis '{o}'")
                } else {
                    format!("closing parenthesis '{c}' does not match opening parenthesis '{o}' on line {open_line}")
                };
                return Err(strong(msg, Span::new(at, at + 1)));
            }
            let saved = self.depth_stack.pop().unwrap_or(0);
            self.depth_sum = self.depth_sum.saturating_sub(saved + 1);
            self.depth_cur = saved;
            return self.check_depth(at);
        }
        match tok {
            Tok::Comma => self.depth_cur = 0,
            Tok::Semi => self.depth_cur = 0,
            Tok::Name(_)
            | Tok::Int(_)
            | Tok::BigInt(_)
            | Tok::Float(_)
            | Tok::Imag(_)
            | Tok::Str(_)
            | Tok::Equal
            | Tok::Colon
            // `and`, `or` and comparison chains are flat in the AST (one node with a list),
            // so however long, they add no depth.
            | Tok::And
            | Tok::Or
            | Tok::In
            | Tok::Is
            | Tok::Less
            | Tok::Greater
            | Tok::LessEqual
            | Tok::GreaterEqual
            | Tok::EqEqual
            | Tok::NotEqual => {}
            _ => self.depth_cur += 1,
        }
        self.check_depth(at)
    }

    /// Fails once the estimated expression depth passes MAX_EXPR_DEPTH. Checked after every
    /// token, brackets included, so that chains of brackets alone (`f()()()...`) are bounded.
    fn check_depth(&self, at: usize) -> Result<(), LexError> {
        if self.depth_sum + self.depth_cur > MAX_EXPR_DEPTH {
            let msg = format!("too many nested expressions (the limit is {MAX_EXPR_DEPTH} levels)");
            return Err(strong(msg, Span::new(at, at + 1)));
        }
        Ok(())
    }

    /// EOF: end the last logical line and close every open block.
    fn flush(&mut self, end: usize) {
        if self.line_open {
            let (s, e) = self.pending_break.unwrap_or((end, end));
            self.toks.push((s, Tok::Newline, e));
        }
        while self.indents.len() > 1 {
            self.indents.pop();
            self.toks.push((end, Tok::Dedent, end));
        }
    }
}

fn bracket_char(tok: &Tok) -> char {
    match tok {
        Tok::LPar => '(',
        Tok::RPar => ')',
        Tok::LSqb => '[',
        Tok::RSqb => ']',
        Tok::LBrace => '{',
        _ => '}',
    }
}

fn strong(msg: impl Into<String>, span: Span) -> LexError {
    LexError { err: SyntaxError::new(ErrorKind::Syntax, msg, span), weak: false }
}

fn indent_err(kind: ErrorKind, msg: &str, at: usize) -> LexError {
    LexError { err: SyntaxError::new(kind, msg, Span::new(at, at)), weak: false }
}
