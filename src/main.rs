//! The `gyre` command line: run a file, `-c CODE`, `--check`, `--dis`, or the REPL.

fn main() {
    println!("gyre {}", gyre::VERSION);
}
