//! The `gyre` command line, shaped like `python3`'s: run a file, `-c CODE`, `-m MODULE`, a
//! program piped on stdin (or `-`), the interactive prompt (no arguments on a terminal, or
//! `-i` after running something), and the developer tools `--check`, `--dis`, `--dump-ast`.
//! Exit statuses follow CPython: 0, 1 for an uncaught exception, `n` for `sys.exit(n)`, 2 for
//! a usage error or a file that cannot be opened. `--virtual-time` runs the event loop on a
//! virtual clock.

use std::io::{IsTerminal, Read};
use std::path::Path;
use std::process::ExitCode;

const USAGE: &str = "usage: gyre [option] ... [-c cmd | -m mod | file | -] [arg] ...
Options:
  -c CMD          run the program passed as a string (terminates the option list)
  -m MOD          run a module from the search path or the embedded stdlib as __main__
                  (terminates the option list)
  -i              run the program, then start the interactive prompt with its globals
  --check FILE    parse and compile FILE only; exit 0, or 1 with the SyntaxError
  --dis FILE      print the bytecode disassembly of FILE
  --dump-ast FILE print the parsed AST of FILE
  --virtual-time  run the event loop on a virtual clock: time jumps to the next timer
                  whenever the loop would wait (sleeps end at once, output unchanged)
  -V, --version   print the version and exit
  -h, --help      print this help and exit
  file            program read from a script file
  -               program read from stdin (the default when stdin is not a terminal)
  arg ...         arguments passed to the program in sys.argv[1:]
With no program on a terminal, gyre starts the interactive prompt (top-level await works).
";

/// Exit status for command-line usage errors, as CPython.
const USAGE_ERROR: i32 = 2;

/// What to run, from the command line.
enum Program {
    File(String),
    Code(String),
    Module(String),
    Stdin,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let code = run(&args);
    if code == gyre::STATUS_KEYBOARD_INTERRUPT {
        // As CPython: end by the signal itself, so the parent sees a SIGINT death (130 in a
        // shell); 130 if the signal cannot be raised.
        let _ = signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGINT);
        return ExitCode::from(130);
    }
    // The OS keeps the low 8 bits of the status, as for CPython's exit(): 259 -> 3, -1 -> 255.
    ExitCode::from((code & 0xff) as u8)
}

fn run(args: &[String]) -> i32 {
    let mut inspect = false;
    let mut clock = gyre::Clock::Real;
    let mut i = 1;
    let program = loop {
        let Some(arg) = args.get(i).map(String::as_str) else { break None };
        match arg {
            "-h" | "--help" => {
                print!("{USAGE}");
                return 0;
            }
            "-V" | "--version" => {
                println!("gyre {}", gyre::VERSION);
                return 0;
            }
            "-i" => inspect = true,
            "--virtual-time" => clock = gyre::Clock::Virtual,
            "-c" | "-m" => {
                let Some(value) = args.get(i + 1) else {
                    eprintln!("Argument expected for the {arg} option\n{USAGE}");
                    return USAGE_ERROR;
                };
                i += 1;
                break Some(if arg == "-c" {
                    Program::Code(value.clone())
                } else {
                    Program::Module(value.clone())
                });
            }
            "--check" | "--dis" | "--dump-ast" => {
                let Some(file) = args.get(i + 1) else {
                    eprintln!("{arg} needs a file");
                    return USAGE_ERROR;
                };
                return gyre::tools::inspect(arg, Path::new(file));
            }
            "-" => break Some(Program::Stdin),
            flag if flag.starts_with('-') => {
                eprintln!("unknown option {flag}\n{USAGE}");
                return USAGE_ERROR;
            }
            file => break Some(Program::File(file.to_string())),
        }
        i += 1;
    };
    let rest = args.get(i + 1..).unwrap_or_default();
    let interactive_terminal = std::io::stdin().is_terminal();
    // The command line trusts its script: every capability is granted.
    let mut it = gyre::Interpreter::builder().allow_all().clock(clock).build();
    let status = match program {
        None if interactive_terminal || inspect => {
            it.set_argv(argv("", rest));
            return it.run_repl();
        }
        None => run_stdin(&mut it, argv("", rest)),
        Some(Program::Stdin) => run_stdin(&mut it, argv("-", rest)),
        Some(Program::Code(code)) => {
            it.set_argv(argv("-c", rest));
            it.run_source(&code, "<string>")
        }
        Some(Program::Module(name)) => {
            it.set_argv(argv(&name, rest));
            it.run_module(&name)
        }
        Some(Program::File(file)) => {
            it.set_argv(argv(&file, rest));
            it.run_main(Path::new(&file))
        }
    };
    let status = if inspect { it.run_repl() } else { status };
    it.shutdown();
    status
}

/// `sys.argv`: the program's name, then the remaining arguments.
fn argv(first: &str, rest: &[String]) -> Vec<String> {
    std::iter::once(first.to_string()).chain(rest.iter().cloned()).collect()
}

/// Runs the whole of stdin as a program named `<stdin>`, exactly as a file would run.
fn run_stdin(it: &mut gyre::Interpreter, argv: Vec<String>) -> i32 {
    let mut bytes = Vec::new();
    if let Err(e) = std::io::stdin().read_to_end(&mut bytes) {
        eprintln!("gyre: can't read stdin: {e}");
        return USAGE_ERROR;
    }
    it.set_argv(argv);
    match gyre::grammar::decode_source(&bytes) {
        Ok(text) => it.run_source(text, "<stdin>"),
        Err(e) => {
            eprintln!("SyntaxError: {} in file <stdin>, but no encoding declared", e.msg);
            1
        }
    }
}
