//! The `gyre` command line: run a file, `-c CODE`, `--check`, `--dis`, `--dump-ast`,
//! `--virtual-time`.

use std::path::Path;
use std::process::ExitCode;

const USAGE: &str = "usage: gyre [option] ... [-c cmd | file] [arg] ...
Options:
  -c CMD          run the program passed as a string
  --check FILE    parse and compile FILE only; exit 0, or 1 with the SyntaxError
  --dis FILE      print the bytecode disassembly of FILE
  --dump-ast FILE print the parsed AST of FILE
  --virtual-time  run with a virtual event-loop clock: time jumps to the next timer
                  whenever the loop would wait (sleeps finish at once, same output)
  --version       print the version and exit
  -h, --help      print this help and exit
  file            program read from a script file
  arg ...         arguments passed to the program in sys.argv[1:]
";

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().collect();
    let mut clock = gyre::Clock::Real;
    if args.get(1).map(String::as_str) == Some("--virtual-time") {
        clock = gyre::Clock::Virtual;
        args.remove(1);
    }
    let code = run(&args, clock);
    ExitCode::from(code.clamp(0, 255) as u8)
}

/// The interpreter the command line runs scripts in: every capability granted.
fn interpreter(clock: gyre::Clock) -> gyre::Interpreter {
    gyre::Interpreter::builder().allow_all().clock(clock).build()
}

fn run(args: &[String], clock: gyre::Clock) -> i32 {
    match args.get(1).map(String::as_str) {
        None => {
            eprintln!("gyre: the REPL is not available yet; pass a file or -c CODE");
            2
        }
        Some("-h") | Some("--help") => {
            print!("{USAGE}");
            0
        }
        Some("--version") | Some("-V") => {
            println!("gyre {}", gyre::VERSION);
            0
        }
        Some("-c") => {
            let Some(code) = args.get(2) else {
                eprintln!("Argument expected for the -c option");
                return 2;
            };
            let mut it = interpreter(clock);
            let mut argv = vec!["-c".to_string()];
            argv.extend(args[3..].iter().cloned());
            it.set_argv(argv);
            it.run_source(code, "<string>")
        }
        Some("--check") | Some("--dis") | Some("--dump-ast") => {
            let Some(file) = args.get(2) else {
                eprintln!("{} needs a file", args[1]);
                return 2;
            };
            gyre::tools::inspect(&args[1], Path::new(file))
        }
        Some(flag) if flag.starts_with('-') && flag.len() > 1 => {
            eprintln!("unknown option {flag}\n{USAGE}");
            2
        }
        Some(file) => {
            let mut it = interpreter(clock);
            it.set_argv(args[1..].to_vec());
            it.run_main(Path::new(file))
        }
    }
}
