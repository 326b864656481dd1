//! Link settings for the `gyre` command-line binary (the library is unaffected).
//!
//! On Linux the binary is linked as a position-dependent executable: a PIE build of gyre
//! carries about 23,000 relative relocations (vtables, jump tables, static tables) that the
//! dynamic loader applies at every start, about a fifth of `gyre -c pass`'s instructions and
//! a copy-on-write page fault per touched page. Without PIE they are resolved at link time.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if os == "linux" && env == "gnu" {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}
