//! Limits: deep nesting gives clean SyntaxErrors (never a stack overflow), both in the
//! parser and when dropping or validating the AST.

fn parse(src: &str) -> Result<gyre_grammar::ast::Module, gyre_grammar::SyntaxError> {
    gyre_grammar::parse(src, gyre_grammar::Mode::Module)
}

fn msg(src: &str) -> String {
    match parse(src) {
        Ok(_) => "ok".into(),
        Err(e) => format!("{}: {}", e.class_name(), e.msg),
    }
}

#[test]
fn nested_parentheses_limit_is_200() {
    let ok = format!("x = {}1{}\n", "(".repeat(200), ")".repeat(200));
    assert_eq!(msg(&ok), "ok");
    let deep = format!("x = {}1{}\n", "(".repeat(100_000), ")".repeat(100_000));
    assert_eq!(msg(&deep), "SyntaxError: too many nested parentheses");
}

#[test]
fn indentation_limit() {
    let mut src = String::new();
    for i in 0..10_000 {
        src.push_str(&" ".repeat(i));
        src.push_str("if x:\n");
    }
    src.push_str(&" ".repeat(10_000));
    src.push_str("pass\n");
    assert_eq!(msg(&src), "IndentationError: too many levels of indentation");
}

#[test]
fn ninety_nine_levels_parse() {
    let mut src = String::new();
    for i in 0..98 {
        src.push_str(&" ".repeat(i));
        src.push_str("if x:\n");
    }
    src.push_str(&" ".repeat(98));
    src.push_str("pass\n");
    assert_eq!(msg(&src), "ok");
}

#[test]
fn long_operator_chains_are_bounded() {
    let long = format!("x = {}1\n", "1+".repeat(100_000));
    assert!(msg(&long).starts_with("SyntaxError: too many nested expressions"));
    let unary = format!("x = {}1\n", "-".repeat(100_000));
    assert!(msg(&unary).starts_with("SyntaxError: too many nested expressions"));
    let attrs = format!("x = a{}\n", ".b".repeat(100_000));
    assert!(msg(&attrs).starts_with("SyntaxError: too many nested expressions"));
    // A chain that fits is parsed, validated and dropped without trouble.
    let fits = format!("x = {}1\n", "1+".repeat(240));
    assert_eq!(msg(&fits), "ok");
    // Long flat lists are not nesting.
    let flat = format!("x = [{}]\n", "1, ".repeat(100_000));
    assert_eq!(msg(&flat), "ok");
}

#[test]
fn deep_chain_then_error_does_not_overflow() {
    let src = format!("x = {}1 +\n", "1+".repeat(240));
    assert_eq!(msg(&src), "SyntaxError: invalid syntax");
}
