//! Structure snapshots: the token stream of each `tests/tokens/*.py` and the AST dump of each
//! `tests/ast/*.py`.

mod common;

#[test]
fn token_snapshots() {
    for path in common::inputs("tokens") {
        let src = std::fs::read_to_string(&path).expect("read token case");
        insta::assert_snapshot!(
            format!("tokens__{}", common::stem(&path)),
            gyre_grammar::tokenize_debug(&src)
        );
    }
}

#[test]
fn ast_snapshots() {
    for path in common::inputs("ast") {
        let (_, module) = common::parse_file(&path)
            .unwrap_or_else(|(src, e)| panic!("{}", e.render(&path.display().to_string(), &src)));
        insta::assert_snapshot!(format!("ast__{}", common::stem(&path)), common::dump::module(&module));
    }
}
