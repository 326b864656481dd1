//! The smallest embedding: run a script, call a function, read a global.

fn main() -> Result<(), gyre::Error> {
    let mut interp = gyre::Interpreter::new();
    interp.exec("def greet(name):\n    return f'hello, {name}!'\nanswer = 6 * 7")?;
    let greeting: String = interp.call("greet", ("world",))?;
    let answer: i64 = interp.globals().get("answer")?;
    println!("{greeting} The answer is {answer}.");
    Ok(())
}
