//! The embedding API's synchronous core, through the public API only: running code,
//! globals, calls both ways, conversions, errors, host functions, modules and classes.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::rc::Rc;

use gyre::{Bytes, Cx, Error, Exception, Interpreter, Value};

/// An interpreter whose stdout is captured into the returned buffer.
fn interp() -> (Interpreter, Rc<RefCell<String>>) {
    let out = Rc::new(RefCell::new(String::new()));
    let sink = out.clone();
    let interp = Interpreter::builder().stdout_fn(move |s| sink.borrow_mut().push_str(s)).build();
    (interp, out)
}

fn exception(err: Error) -> Exception {
    match err {
        Error::Exception(e) => e,
        other => panic!("expected a Python exception, got {other:?}"),
    }
}

#[test]
fn exec_keeps_globals_and_prints_to_the_sink() {
    let (mut it, out) = interp();
    it.exec("x = 2").unwrap();
    it.exec("print(x * 21)").unwrap();
    assert_eq!(*out.borrow(), "42\n");
}

#[test]
fn eval_returns_values_and_rejects_statements() {
    let (mut it, _) = interp();
    assert_eq!(it.eval::<i64>("1 + 2 * 3").unwrap(), 7);
    assert_eq!(it.eval::<String>("'ab' * 2").unwrap(), "abab");
    assert!(matches!(it.eval::<i64>("x = 1"), Err(Error::Syntax(_))));
    assert!(matches!(it.eval::<i64>("1 +"), Err(Error::Syntax(_))));
}

#[test]
fn run_file_sets_file_and_finds_sibling_modules() {
    let dir = std::env::temp_dir().join(format!("gyre_embed_run_file_{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("sibling_helper.py"), "VALUE = 'from sibling'\n").unwrap();
    std::fs::write(dir.join("main.py"), "import sibling_helper\nv = sibling_helper.VALUE\nf = __file__\n")
        .unwrap();
    let (mut it, _) = interp();
    it.run_file(dir.join("main.py")).unwrap();
    assert_eq!(it.globals().get::<String>("v").unwrap(), "from sibling");
    assert!(it.globals().get::<String>("f").unwrap().ends_with("main.py"));
    assert!(matches!(it.run_file(dir.join("missing.py")), Err(Error::Io(_))));
}

#[test]
fn import_returns_the_module() {
    let (mut it, _) = interp();
    let math = it.import("math").unwrap();
    assert_eq!(math.type_name(), "module");
    let sqrt = it.getattr(&math, "sqrt").unwrap();
    assert_eq!(it.call::<f64>(&sqrt, (16,)).unwrap(), 4.0);
    let err = exception(it.import("surely_not_a_module").unwrap_err());
    assert_eq!(err.type_name(), "ModuleNotFoundError");
    assert_eq!(err.message(), "No module named 'surely_not_a_module'");
}

#[test]
fn globals_get_set_contains_remove_names() {
    let (mut it, _) = interp();
    it.globals().set("n", 5).unwrap();
    assert!(it.globals().contains("n"));
    it.exec("m = n + 1").unwrap();
    assert_eq!(it.globals().get::<i64>("m").unwrap(), 6);
    assert!(it.globals().names().contains(&"m".to_string()));
    assert!(it.globals().remove("m"));
    let err = exception(it.globals().get::<i64>("m").unwrap_err());
    assert_eq!(err.to_string(), "NameError: name 'm' is not defined");
}

#[test]
fn call_by_name_and_by_value_with_argument_tuples() {
    let (mut it, _) = interp();
    it.exec("def f(*args):\n    return list(args)").unwrap();
    assert_eq!(it.call::<Vec<i64>>("f", ()).unwrap(), Vec::<i64>::new());
    assert_eq!(it.call::<Vec<i64>>("f", (1,)).unwrap(), [1]);
    assert_eq!(it.call::<Vec<i64>>("f", (1, 2, 3, 4, 5, 6, 7, 8)).unwrap(), [1, 2, 3, 4, 5, 6, 7, 8]);
    let f: Value = it.globals().get("f").unwrap();
    assert!(f.is_callable());
    assert_eq!(it.call::<Vec<String>>(&f, ("a", "b")).unwrap(), ["a", "b"]);
    assert_eq!(it.call::<i64>("len", ("four",)).unwrap(), 4, "builtins resolve by name");
    assert!(matches!(it.call::<i64>("nope", ()), Err(Error::Exception(_))));
}

fn same_after_round_trip<T>(it: &mut Interpreter, v: T)
where
    T: gyre::IntoValue + gyre::FromValue + PartialEq + std::fmt::Debug + Clone,
{
    let value = it.value(v.clone()).unwrap();
    let back: T = it.convert(value).unwrap();
    assert_eq!(v, back);
}

#[test]
fn conversions_round_trip() {
    let (mut it, _) = interp();
    macro_rules! round_trip {
        ($($v:expr),* $(,)?) => {$(same_after_round_trip(&mut it, $v);)*};
    }
    round_trip!(
        0i8,
        -5i16,
        70_000i32,
        i64::MIN,
        i64::MAX,
        u8::MAX,
        u32::MAX,
        u64::MAX,
        i128::MIN,
        usize::MAX,
        1.5f64,
        -0.25f32,
        true,
        false,
        "text".to_string(),
        String::new(),
    );
    round_trip!(vec![1i64, 2, 3], vec![vec!["a".to_string()], vec![]], Some(4i64), None::<i64>);
    round_trip!((1i64,), (1i64, "x".to_string()), (1u8, 2u16, 3u32, 4u64, 5i8, 6i16, 7i32, 8i64));
    let mut h = HashMap::new();
    h.insert("k".to_string(), vec![1.5f64]);
    round_trip!(h);
    let mut b = BTreeMap::new();
    b.insert(3i64, "three".to_string());
    round_trip!(b);
    round_trip!(HashSet::from([1i64, 2, 3]), Bytes(vec![0, 255, 10]));
    let v = it.value(()).unwrap();
    assert!(v.is_none());
}

#[test]
fn conversions_are_strict_and_report_types() {
    let (mut it, _) = interp();
    match it.eval::<i64>("'5'") {
        Err(Error::Conversion { expected, found }) => {
            assert_eq!((expected.as_str(), found.as_str()), ("int", "str"))
        }
        other => panic!("{other:?}"),
    }
    assert!(it.eval::<bool>("1").is_err(), "bool accepts only True/False");
    assert_eq!(it.eval::<f64>("3").unwrap(), 3.0, "int converts to float");
    assert_eq!(it.eval::<i64>("True").unwrap(), 1, "bool is an int");
    let err = exception(it.eval::<u8>("300").unwrap_err());
    assert_eq!(err.type_name(), "OverflowError");
    assert_eq!(it.eval::<i128>("2**100").unwrap(), 1i128 << 100);
    assert!(it.eval::<(i64, i64)>("(1, 2, 3)").is_err());
    assert_eq!(it.eval::<Vec<i64>>("(1, 2)").unwrap(), [1, 2], "a tuple converts to Vec");
}

#[test]
fn value_debug_and_identity() {
    let (mut it, _) = interp();
    let v: Value = it.eval(r#""it's""#).unwrap();
    assert_eq!(format!("{v:?}"), "\"it's\"");
    let l: Value = it.eval("[1]").unwrap();
    assert_eq!(format!("{l:?}"), "<list object>");
    assert!(l.is(&l.clone()));
    assert!(!l.is(&it.eval::<Value>("[1]").unwrap()));
    assert_eq!(it.repr(&l).unwrap(), "[1]");
    assert_eq!(it.str(&v).unwrap(), "it's");
}

#[test]
fn errors_carry_type_message_and_traceback() {
    let (mut it, _) = interp();
    let err = it.exec_as("def inner():\n    {}['k']\n\ninner()\n", "prog.py").unwrap_err();
    assert_eq!(err.to_string(), "KeyError: 'k'");
    let e = exception(err);
    assert_eq!(e.type_name(), "KeyError");
    assert_eq!(e.message(), "'k'");
    // As CPython 3.11 prints it (checked with python3).
    let expected = "Traceback (most recent call last):\n  File \"prog.py\", line 4, in <module>\n    inner()\n  File \"prog.py\", line 2, in inner\n    {}['k']\n    ~~^^^^^\nKeyError: 'k'\n";
    assert_eq!(e.traceback(), expected);
}

#[test]
fn syntax_errors_render_like_cpython() {
    let (mut it, _) = interp();
    let Err(Error::Syntax(e)) = it.exec_as("if True\n    pass\n", "bad.py") else { panic!() };
    assert_eq!(e.type_name(), "SyntaxError");
    assert_eq!(
        e.traceback(),
        "  File \"bad.py\", line 1\n    if True\n           ^\nSyntaxError: expected ':'\n"
    );
    let Err(Error::Syntax(e)) = it.exec("if x:\npass") else { panic!() };
    assert_eq!(e.type_name(), "IndentationError");
}

#[test]
fn sys_exit_becomes_an_exit_error() {
    let (mut it, _) = interp();
    assert!(matches!(it.exec("import sys\nsys.exit(4)"), Err(Error::Exit(4))));
    assert!(matches!(it.exec("import sys\nsys.exit()"), Err(Error::Exit(0))));
    assert!(matches!(it.exec("import sys\nsys.exit('bye')"), Err(Error::Exit(1))));
    it.exec("ok = True").unwrap();
}

#[test]
fn host_functions_check_arity_and_types_like_builtins() {
    let (mut it, out) = interp();
    it.register_fn("add", |a: i64, b: i64| a + b);
    it.register_fn("one", |s: String| s.len());
    it.register_fn("none", || 7);
    it.register_fn("opt", |a: i64, b: Option<i64>| a + b.unwrap_or(100));
    let cases = [
        ("add(1, 2)", "3"),
        ("add(1)", "TypeError: add() takes exactly 2 arguments (1 given)"),
        ("add(1, 2, 3)", "TypeError: add() takes exactly 2 arguments (3 given)"),
        ("add(1, 'x')", "TypeError: add() argument 2 must be int, not str"),
        ("add(a=1, b=2)", "TypeError: add() takes no keyword arguments"),
        ("one()", "TypeError: one() takes exactly one argument (0 given)"),
        ("none(1)", "TypeError: none() takes no arguments (1 given)"),
        ("opt(1)", "101"),
        ("opt(1, 2)", "3"),
        ("opt(1, None)", "101"),
        ("opt()", "TypeError: opt() takes at least 1 argument (0 given)"),
        ("opt(1, 2, 3)", "TypeError: opt() takes at most 2 arguments (3 given)"),
        ("add", "<built-in function add>"),
    ];
    for (expr, expected) in cases {
        out.borrow_mut().clear();
        let src = format!("try:\n    print({expr})\nexcept TypeError as e:\n    print('TypeError:', e)");
        it.exec(&src).unwrap();
        assert_eq!(out.borrow().trim_end(), expected, "{expr}");
    }
}

#[test]
fn host_function_errors_become_exceptions() {
    let (mut it, _) = interp();
    it.register_fn("fail_str", || -> Result<i64, String> { Err("plain message".into()) });
    it.register_fn("fail_typed", || -> Result<i64, Exception> { Err(Exception::new("ValueError", "typed")) });
    it.register_fn("fail_io", || -> Result<i64, std::io::Error> {
        Err(std::io::Error::new(std::io::ErrorKind::NotFound, "no such thing"))
    });
    it.register_fn("fail_custom", || -> Result<i64, Exception> { Err(Exception::new("MyOwnError", "m")) });
    let summary = |it: &mut Interpreter, src: &str| exception(it.exec(src).unwrap_err()).to_string();
    assert_eq!(summary(&mut it, "fail_str()"), "RuntimeError: plain message");
    assert_eq!(summary(&mut it, "fail_typed()"), "ValueError: typed");
    assert_eq!(summary(&mut it, "fail_io()"), "FileNotFoundError: no such thing");
    assert_eq!(summary(&mut it, "fail_custom()"), "RuntimeError: MyOwnError: m");
    it.exec("try:\n    fail_typed()\nexcept ValueError as e:\n    caught = str(e)").unwrap();
    assert_eq!(it.globals().get::<String>("caught").unwrap(), "typed");
}

#[test]
fn host_functions_call_back_into_scripts() {
    let (mut it, _) = interp();
    it.register_fn("map_twice", |cx: &mut Cx, f: Value, xs: Vec<i64>| -> Result<Vec<i64>, Error> {
        let mut out = Vec::new();
        for x in xs {
            let once: i64 = cx.call(&f, (x,))?;
            out.push(cx.call(&f, (once,))?);
        }
        Ok(out)
    });
    assert_eq!(it.eval::<Vec<i64>>("map_twice(lambda n: n + 1, [1, 2])").unwrap(), [3, 4]);
    let err = exception(it.exec("map_twice(lambda n: 1 // 0, [1])").unwrap_err());
    assert_eq!(err.type_name(), "ZeroDivisionError", "a script error passes through the host function");
}

#[test]
fn script_errors_through_host_functions_keep_their_frames_and_class() {
    let (mut it, _) = interp();
    it.register_fn("host_apply", |cx: &mut Cx, f: Value| -> Result<Value, Error> {
        let err = cx.call::<Value>(&f, ()).unwrap_err();
        // What the host sees at the failed call: the script frames that unwound so far.
        let tb = err.exception().unwrap().traceback().to_string();
        assert!(tb.contains("in inner\n    raise Oops('deep', 7)"), "{tb}");
        Err(err)
    });
    let src = "class Oops(Exception):\n    pass\n\ndef inner():\n    raise Oops('deep', 7)\n\n\
               def outer():\n    return host_apply(inner)\n\nouter()\n";
    let err = exception(it.exec_as(src, "app.py").unwrap_err());
    // The same traceback CPython prints: the caller's frames, then the callee's, with no
    // frame for the host function (a builtin has none).
    assert_eq!(
        err.traceback(),
        "Traceback (most recent call last):\n  File \"app.py\", line 10, in <module>\n    outer()\n  \
         File \"app.py\", line 8, in outer\n    return host_apply(inner)\n           ^^^^^^^^^^^^^^^^^\n  \
         File \"app.py\", line 5, in inner\n    raise Oops('deep', 7)\nOops: ('deep', 7)\n"
    );
    // The script catches its own class, with its arguments, through the host function.
    it.exec("try:\n    host_apply(inner)\nexcept Oops as e:\n    caught = e.args").unwrap();
    assert_eq!(it.globals().get::<(String, i64)>("caught").unwrap(), ("deep".to_string(), 7));
}

#[test]
fn registered_modules_import_like_python_ones() {
    let (mut it, _) = interp();
    it.register_module("hostmath").function("cube", |x: i64| x * x * x).set("NAME", "host").unwrap();
    it.exec("import hostmath\nfrom hostmath import cube\nr = (hostmath.NAME, cube(3))").unwrap();
    assert_eq!(it.globals().get::<(String, i64)>("r").unwrap(), ("host".to_string(), 27));
}

#[derive(Clone, Debug, PartialEq)]
struct Account {
    owner: String,
    cents: i64,
}
impl gyre::UserData for Account {}

#[test]
fn host_classes_hold_rust_values() {
    let (mut it, _) = interp();
    it.register_class::<Account>("Account")
        .constructor(|owner: String| Account { owner, cents: 0 })
        .method("deposit", |a: &mut Account, cents: i64| -> Result<i64, Exception> {
            if cents <= 0 {
                return Err(Exception::new("ValueError", "deposit must be positive"));
            }
            a.cents += cents;
            Ok(a.cents)
        })
        .getter("owner", |a: &Account| a.owner.clone())
        .getter("cents", |a: &Account| a.cents)
        .setter("cents", |a: &mut Account, c: i64| a.cents = c);
    it.exec("acct = Account('ann')\nacct.deposit(250)\nacct.deposit(50)").unwrap();
    assert_eq!(it.eval::<i64>("acct.cents").unwrap(), 300);
    let acct: Account = it.globals().get("acct").unwrap();
    assert_eq!(acct, Account { owner: "ann".into(), cents: 300 });
    it.globals().set("other", Account { owner: "bob".into(), cents: 7 }).unwrap();
    assert_eq!(it.eval::<String>("other.owner").unwrap(), "bob");
    it.exec("other.cents = 9").unwrap();
    assert_eq!(it.eval::<i64>("other.cents").unwrap(), 9);
    let err = exception(it.exec("acct.deposit(-1)").unwrap_err());
    assert_eq!(err.to_string(), "ValueError: deposit must be positive");
    let err = exception(it.exec("Account.deposit(5, 1)").unwrap_err());
    assert_eq!(
        err.to_string(),
        "TypeError: descriptor 'deposit' requires a 'Account' object but received a 'int'"
    );
    let err = exception(it.exec("acct.owner = 'eve'").unwrap_err());
    assert_eq!(err.type_name(), "AttributeError");
    assert_eq!(it.eval::<String>("type(acct).__name__").unwrap(), "Account");
}

#[test]
fn interpreters_are_independent() {
    let (mut a, _) = interp();
    let (mut b, _) = interp();
    a.exec("x = 'a'").unwrap();
    b.exec("x = 'b'").unwrap();
    a.register_fn("only_in_a", || 1);
    assert_eq!(a.eval::<String>("x").unwrap(), "a");
    assert_eq!(b.eval::<String>("x").unwrap(), "b");
    assert!(b.eval::<i64>("only_in_a()").is_err());
}
