//! The token type shared by the lexer, the layout pass and the parser.
//!
//! The lexer produces every variant except `Indent`, `Dedent` and the start pseudo-tokens,
//! which the layout pass adds. `Newline` from the lexer means "a physical line break";
//! after the layout pass it means "end of a logical line" (Python's NEWLINE token).

use num_bigint::BigInt;

/// A string literal as written: where its body is and which prefix letters it had.
/// The body is decoded later (in the parser actions), so lexing never allocates for it.
#[derive(Clone, Debug, PartialEq)]
pub struct StrLit {
    /// Byte range of the text between the quotes.
    pub body: (usize, usize),
    /// `r` prefix: escapes are kept verbatim.
    pub raw: bool,
    /// `b` prefix.
    pub bytes: bool,
    /// `f` prefix.
    pub fstring: bool,
    /// Length of the quote (1 or 3), needed to locate errors.
    pub quote_len: usize,
}

/// One token. Payload-carrying variants hold already-decoded numbers.
#[derive(Clone, Debug, PartialEq)]
pub enum Tok {
    Name(String),
    Int(i64),
    BigInt(Box<BigInt>),
    Float(f64),
    /// An imaginary literal (`2j`): its imaginary part.
    Imag(f64),
    Str(Box<StrLit>),
    Newline,
    Indent,
    Dedent,
    /// Pseudo-token selecting the module entry point of the single grammar.
    StartModule,
    /// Pseudo-token selecting the expression entry point (f-string fields).
    StartExpr,
    // Keywords (Python reference 2.3.1).
    False,
    None,
    True,
    And,
    As,
    Assert,
    Async,
    Await,
    Break,
    Class,
    Continue,
    Def,
    Del,
    Elif,
    Else,
    Except,
    Finally,
    For,
    From,
    Global,
    If,
    Import,
    In,
    Is,
    Lambda,
    Nonlocal,
    Not,
    Or,
    Pass,
    Raise,
    Return,
    Try,
    While,
    With,
    Yield,
    /// The soft keyword `match`, only where it starts a match statement (see `soft_keywords`).
    Match,
    /// The soft keyword `case`, only where it starts a case block.
    Case,
    // Operators and delimiters (Python reference 2.5, 2.6).
    Plus,
    Minus,
    Star,
    DoubleStar,
    Slash,
    DoubleSlash,
    Percent,
    At,
    LShift,
    RShift,
    Amper,
    VBar,
    Circumflex,
    Tilde,
    ColonEqual,
    Less,
    Greater,
    LessEqual,
    GreaterEqual,
    EqEqual,
    NotEqual,
    LPar,
    RPar,
    LSqb,
    RSqb,
    LBrace,
    RBrace,
    Comma,
    Colon,
    Dot,
    Semi,
    Equal,
    RArrow,
    PlusEqual,
    MinusEqual,
    StarEqual,
    SlashEqual,
    DoubleSlashEqual,
    PercentEqual,
    AtEqual,
    AmperEqual,
    VBarEqual,
    CircumflexEqual,
    RShiftEqual,
    LShiftEqual,
    DoubleStarEqual,
    Ellipsis,
}

impl Tok {
    /// The keyword token for an identifier, if it is a (hard) keyword.
    pub fn keyword(name: &str) -> Option<Tok> {
        Some(match name {
            "False" => Tok::False,
            "None" => Tok::None,
            "True" => Tok::True,
            "and" => Tok::And,
            "as" => Tok::As,
            "assert" => Tok::Assert,
            "async" => Tok::Async,
            "await" => Tok::Await,
            "break" => Tok::Break,
            "class" => Tok::Class,
            "continue" => Tok::Continue,
            "def" => Tok::Def,
            "del" => Tok::Del,
            "elif" => Tok::Elif,
            "else" => Tok::Else,
            "except" => Tok::Except,
            "finally" => Tok::Finally,
            "for" => Tok::For,
            "from" => Tok::From,
            "global" => Tok::Global,
            "if" => Tok::If,
            "import" => Tok::Import,
            "in" => Tok::In,
            "is" => Tok::Is,
            "lambda" => Tok::Lambda,
            "nonlocal" => Tok::Nonlocal,
            "not" => Tok::Not,
            "or" => Tok::Or,
            "pass" => Tok::Pass,
            "raise" => Tok::Raise,
            "return" => Tok::Return,
            "try" => Tok::Try,
            "while" => Tok::While,
            "with" => Tok::With,
            "yield" => Tok::Yield,
            _ => return None,
        })
    }

    /// True for tokens that open a bracket.
    pub fn is_open(&self) -> bool {
        matches!(self, Tok::LPar | Tok::LSqb | Tok::LBrace)
    }

    /// True for tokens that close a bracket.
    pub fn is_close(&self) -> bool {
        matches!(self, Tok::RPar | Tok::RSqb | Tok::RBrace)
    }
}
