//! The public API: incomplete-input detection for the REPL, interactive mode, source
//! decoding, line/column mapping and rendering.

use gyre_grammar::{decode_source, parse, LineIndex, Mode};

fn incomplete(src: &str) -> bool {
    match parse(src, Mode::Module) {
        Ok(_) => false,
        Err(e) => e.incomplete,
    }
}

#[test]
fn incomplete_input_is_flagged() {
    for src in [
        "if x:\n",
        "def f():\n",
        "x = (1,\n",
        "s = '''abc\n",
        "@dec\n",
        "try:\n    pass\n",
        "x = 1 + \\\n",
        "class A:\n",
    ] {
        assert!(incomplete(src), "should be incomplete: {src:?}");
    }
    for src in ["x = \n", "x = 1)\n", "if x\n", "s = 'abc\n", "1 +* 2\n", "x = 1\n"] {
        assert!(!incomplete(src), "should not be incomplete: {src:?}");
    }
}

#[test]
fn interactive_mode_allows_top_level_await() {
    assert!(parse("await f()\n", Mode::Interactive).is_ok());
    assert!(parse("async for x in y:\n    pass\n", Mode::Interactive).is_ok());
    assert_eq!(parse("await f()\n", Mode::Module).unwrap_err().msg, "'await' outside function");
    let in_def = parse("def g():\n    await f()\n", Mode::Interactive).unwrap_err();
    assert_eq!(in_def.msg, "'await' outside async function");
}

#[test]
fn bad_utf8_is_a_syntax_error() {
    let e = decode_source(b"x = '\xff'\n").unwrap_err();
    assert_eq!(e.class_name(), "SyntaxError");
    assert!(e.msg.contains("\\xff"));
}

#[test]
fn columns_are_in_characters() {
    let src = "é = 'ü'\nxy\n";
    let idx = LineIndex::new(src);
    assert_eq!(idx.line_col(src.find('=').unwrap()), (1, 2));
    assert_eq!(idx.line_col(src.find("xy").unwrap() + 1), (2, 1));
    let e = parse("é = 1 $\n", Mode::Module).unwrap_err();
    assert_eq!(e.offset("é = 1 $\n"), 7);
    assert_eq!(
        e.render("x.py", "é = 1 $\n"),
        "  File \"x.py\", line 1\n    é = 1 $\n          ^\nSyntaxError: invalid syntax"
    );
}

#[test]
fn fstring_debug_and_docstring_shapes() {
    use gyre_grammar::ast::{Constant, ExprKind, StmtKind};
    let m = parse("'''doc'''\nf'{x=}'\n", Mode::Module).unwrap();
    let StmtKind::Expr(doc) = &m.body[0].kind else { panic!("docstring is an expression statement") };
    assert_eq!(doc.kind, ExprKind::Constant(Constant::Str("doc".into())));
    let StmtKind::Expr(f) = &m.body[1].kind else { panic!("f-string statement") };
    let ExprKind::JoinedStr(parts) = &f.kind else { panic!("JoinedStr") };
    assert_eq!(parts[0].kind, ExprKind::Constant(Constant::Str("x=".into())));
    assert!(matches!(parts[1].kind, ExprKind::FormattedValue { conversion: Some('r'), .. }));
}

#[test]
fn big_ints_and_complex() {
    use gyre_grammar::ast::{Constant, ExprKind, StmtKind};
    let m = parse("123456789012345678901234567890\n", Mode::Module).unwrap();
    let StmtKind::Expr(e) = &m.body[0].kind else { panic!("expression") };
    assert!(matches!(&e.kind, ExprKind::Constant(Constant::BigInt(_))));
    let m = parse("2.5j\n", Mode::Module).unwrap();
    let StmtKind::Expr(e) = &m.body[0].kind else { panic!("expression") };
    assert_eq!(e.kind, ExprKind::Constant(Constant::Imag(2.5)));
}
