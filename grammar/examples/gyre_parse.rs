//! Debug helper: parses each file given on the command line and prints the AST or the error.

fn main() {
    for path in std::env::args().skip(1) {
        let bytes = std::fs::read(&path).expect("read file");
        let result = gyre_grammar::decode_source(&bytes)
            .and_then(|src| gyre_grammar::parse(src, gyre_grammar::Mode::Module).map(|m| (src, m)));
        match result {
            Ok((_, m)) => println!("{path}: ok ({} statements)", m.body.len()),
            Err(e) => {
                let src = String::from_utf8_lossy(&bytes);
                println!("{path}:\n{}", e.render(&path, &src));
            }
        }
    }
}
