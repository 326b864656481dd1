//! Calls in both directions: the script calls Rust (a host function, a native module, a host
//! class), and Rust calls the script (functions by name, with arguments and results
//! converted both ways, and an exception coming back as an error with its traceback).

use gyre::{Cx, Error, Exception, Interpreter, UserData, Value};

/// A Rust value scripts hold as an object of a host class.
struct Inventory {
    items: Vec<(String, u32)>,
}
impl UserData for Inventory {}

const SCRIPT: &str = r#"
import pricing

def total(inv):
    return sum(pricing.price_of(name) * count for name, count in inv.items())

def describe(inv, formatter):
    return [formatter(name, count) for name, count in inv.items()]

def checked(n):
    if n < 0:
        raise ValueError(f"negative count: {n}")
    return n
"#;

fn main() -> Result<(), Error> {
    let mut interp = Interpreter::builder().stdout(std::io::stdout()).build();

    // Rust -> script: a native module with a function that may raise.
    interp.register_module("pricing").function("price_of", |name: String| -> Result<f64, Exception> {
        match name.as_str() {
            "apple" => Ok(0.5),
            "pear" => Ok(0.75),
            other => Err(Exception::new("KeyError", format!("no price for {other:?}"))),
        }
    });
    // A host class with a constructor and methods.
    interp
        .register_class::<Inventory>("Inventory")
        .constructor(|| Inventory { items: Vec::new() })
        .method("add", |inv: &mut Inventory, name: String, count: u32| inv.items.push((name, count)))
        .method("items", |inv: &mut Inventory| inv.items.clone());
    // A host function that calls back into the script.
    interp.register_fn("apply", |cx: &mut Cx, f: Value, x: i64| cx.call::<i64>(&f, (x,)));

    interp.exec(SCRIPT)?;

    // Script -> Rust: build a host object, pass it in, get converted results back.
    interp.exec("inv = Inventory()\ninv.add('apple', 4)\ninv.add('pear', 2)")?;
    let inv: Value = interp.globals().get("inv")?;
    let total: f64 = interp.call("total", (&inv,))?;
    println!("total: {total:.2}");

    let shout = interp.eval::<Value>("lambda name, n: f'{n} x {name.upper()}'")?;
    let lines: Vec<String> = interp.call("describe", (&inv, shout))?;
    println!("lines: {lines:?}");
    println!("apply: {}", interp.eval::<i64>("apply(lambda n: n * n, 12)")?);

    // A script exception comes back as an Error with type, message and traceback.
    match interp.call::<i64>("checked", (-3,)) {
        Err(Error::Exception(e)) => {
            println!("error type: {}, message: {}", e.type_name(), e.message());
            print!("{}", e.traceback());
        }
        other => println!("unexpected: {other:?}"),
    }
    // So does a host function's error, raised as the exception type it chose.
    let err = interp.exec("inv.add('plum', 1)\ntotal(inv)").unwrap_err();
    println!("from the host: {err}");
    Ok(())
}
