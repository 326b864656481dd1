//! Deeply nested source and data never overflow the Rust stack: nesting past CPython's
//! static limits is a SyntaxError with CPython's message, nesting past gyre's own bounds on
//! the recursive passes is a SyntaxError naming the bound, and runaway recursion at run time
//! is a RecursionError. Every case runs on a thread with a 2 MiB stack (Rust's default for
//! spawned threads) to prove the bound holds where embedders run scripts, in debug builds
//! as well as release.

use gyre::{Error, Interpreter};

/// The stack of the threads the cases run on.
const STACK: usize = 2 << 20;

/// Runs `src` in a fresh interpreter on a small-stack thread: Ok, or the exception's type
/// and message.
fn run(src: String) -> Result<(), (String, String)> {
    std::thread::Builder::new()
        .stack_size(STACK)
        .spawn(move || {
            let mut it = Interpreter::builder().stdout(std::io::sink()).stderr(std::io::sink()).build();
            match it.exec(&src) {
                Ok(()) => Ok(()),
                Err(Error::Syntax(e)) | Err(Error::Exception(e)) | Err(Error::Limit { exception: e, .. }) => {
                    Err((e.type_name().to_string(), e.message().to_string()))
                }
                Err(other) => Err(("?".into(), other.to_string())),
            }
        })
        .expect("spawn")
        .join()
        .expect("the script thread panicked")
}

/// Asserts `src` is rejected with `kind` and a message starting with `msg`.
fn rejects(label: &str, src: String, kind: &str, msg: &str) {
    match run(src) {
        Err((k, m)) => {
            assert_eq!(k, kind, "{label}: {m}");
            assert!(m.starts_with(msg), "{label}: {m:?} should start with {msg:?}");
        }
        Ok(()) => panic!("{label}: ran"),
    }
}

fn runs(label: &str, src: String) {
    if let Err((k, m)) = run(src) {
        panic!("{label}: {k}: {m}");
    }
}

/// `header` nested `n` deep, with `inner` in the innermost block.
fn nest(header: &str, n: usize, inner: &str) -> String {
    let mut s: String = (0..n).map(|i| format!("{}{header}\n", " ".repeat(i))).collect();
    s.push_str(&format!("{}{inner}\n", " ".repeat(n)));
    s
}

#[test]
fn a_hundred_thousand_open_brackets_are_too_many_nested_parentheses() {
    for (open, close) in [("(", ")"), ("[", "]"), ("{", "}"), ("f(", ")"), ("[(", ")]")] {
        let src = format!("f = print\nx = {}1{}", open.repeat(100_000), close.repeat(100_000));
        rejects(open, src, "SyntaxError", "too many nested parentheses");
    }
    runs("199 parentheses", format!("x = {}1{}", "(".repeat(199), ")".repeat(199)));
}

#[test]
fn ten_thousand_nested_blocks_are_too_many_levels_of_indentation() {
    for header in ["if True:", "for x in []:", "while False:", "try:", "with c:", "def f():", "class C:"] {
        let src = nest(header, 10_000, "pass");
        rejects(header, src, "IndentationError", "too many levels of indentation");
    }
    runs("98 levels", nest("if True:", 98, "pass"));
}

#[test]
fn more_than_twenty_loops_or_handlers_are_too_many_statically_nested_blocks() {
    for header in ["for x in [1]:", "while True:", "with c:", "async for x in y:"] {
        let src = format!("import contextlib\nc = contextlib.nullcontext()\nasync def g():\n{}", {
            let body = nest(header, 21, "pass");
            body.lines().map(|l| format!("    {l}\n")).collect::<String>()
        });
        rejects(header, src, "SyntaxError", "too many statically nested blocks");
    }
    runs("20 loops", nest("for x in [1]:", 20, "y = x"));
}

#[test]
fn elif_chains_and_deep_expressions_are_bounded_syntax_errors() {
    let elifs = format!(
        "x = 1\nif x == 0:\n    pass\n{}else:\n    pass\n",
        "elif x == 0:\n    pass\n".repeat(100_000)
    );
    rejects("elif chain", elifs, "SyntaxError", "too many nested blocks");
    let ok =
        format!("x = 1\nif x == 0:\n    pass\n{}else:\n    y = 2\n", "elif x == 0:\n    pass\n".repeat(400));
    runs("400 elifs", ok);
    let deep = [
        ("negation", format!("x = {}1", "-".repeat(100_000))),
        ("not", format!("x = {}True", "not ".repeat(100_000))),
        ("lambda", format!("x = {}1", "lambda: ".repeat(100_000))),
        ("power", format!("x = {}1", "1**".repeat(100_000))),
        ("addition", format!("a = 1\nx = {}a", "a+".repeat(100_000))),
        ("conditional", format!("x = {}2", "1 if 0 else ".repeat(100_000))),
        ("attributes", format!("x = print{}", ".a".repeat(100_000))),
        ("subscripts", format!("a = [1]\nx = a{}", "[0]".repeat(100_000))),
        // Regression: a chain of brackets alone (`f()()...`) was never checked and overflowed.
        ("calls", format!("f = print\nx = f{}", "()".repeat(100_000))),
        ("await", format!("async def f():\n    return {}g()", "await ".repeat(100_000))),
        ("star", format!("x = [{}1{}]", "*[".repeat(150), "]".repeat(150))),
    ];
    for (label, src) in deep {
        match run(src) {
            Err((k, _)) => assert_eq!(k, "SyntaxError", "{label}"),
            Ok(()) => panic!("{label}: ran"),
        }
    }
}

#[test]
fn long_flat_chains_are_not_nesting() {
    runs("and", format!("x = {}", vec!["1"; 10_000].join(" and ")));
    runs("or", format!("x = {}", vec!["0"; 10_000].join(" or ")));
    runs("compare", format!("x = {}", (0..1000).map(|i| i.to_string()).collect::<Vec<_>>().join(" < ")));
    runs("statements", format!("x = 0\n{}", "x += 1\n".repeat(100_000)));
    runs("semicolons", format!("x = 0\n{}\n", "x += 1; ".repeat(10_000)));
    runs("string concatenation", format!("x = {}", "'a' ".repeat(100_000)));
    runs("decorators", format!("{}def f(): pass", "@(lambda f: f)\n".repeat(10_000)));
    runs("nested f-strings", "x = 1\ny = f'{f\"{x!r:>{x}}\"}'".to_string());
}

#[test]
fn runaway_recursion_through_dunders_and_generators_is_a_recursion_error() {
    let cases = [
        "class R:\n    def __repr__(self):\n        return repr(self)\nrepr(R())",
        "class E:\n    def __eq__(self, o):\n        return self == o\nE() == E()",
        "class H:\n    def __hash__(self):\n        return hash(self)\n{H()}",
        "class L:\n    def __lt__(self, o):\n        return self < o\nsorted([L(), L()])",
        "def k(x):\n    return k(x)\nsorted([1, 2], key=k)",
        "class S:\n    def __str__(self):\n        return str(self)\nstr([S()]); str(S())",
        "def g():\n    yield from g()\nlist(g())",
        "import asyncio\nasync def f():\n    await f()\nasyncio.run(f())",
        "x = []\nfor _ in range(1_000_000):\n    x = [x]\nrepr(x)",
        "a = []\nb = []\nfor _ in range(1_000_000):\n    a = [a]\n    b = [b]\na == b",
        "d = {}\nfor _ in range(1_000_000):\n    d = {1: d}\nstr(d)",
    ];
    for src in cases {
        rejects(src, src.to_string(), "RecursionError", "maximum recursion depth exceeded");
    }
    runs(
        "self-containing containers",
        "x = [1]\nx.append(x)\nd = {}\nd[1] = d\nt = ([],)\nt[0].append(t)\n\
         assert str(x) == '[1, [...]]' and repr(d) == '{1: {...}}' and repr(t) == '([(...)],)'"
            .to_string(),
    );
}
