//! Native modules (`sys`, `math`, `time`) and the registry of `stdlib/*.py` modules that are
//! embedded in the binary.

use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::{One, ToPrimitive, Zero};

use super::native;
use crate::vm::import::NativeModule;
use crate::vm::object::{Args, Dict, Object, Payload};
use crate::vm::{PyResult, Value, Vm};

/// The constructor of a native module, if `name` is one.
pub fn native_module(name: &str) -> Option<NativeModule> {
    Some(match name {
        "sys" => sys_module,
        "math" => math_module,
        "time" => time_module,
        "_asyncio" => crate::asyncio::asyncio_module,
        "_random" => crate::stdlib::random::module,
        "_collections" => crate::stdlib::collections::module,
        "_json" => crate::stdlib::json::module,
        "_re" => crate::stdlib::re::module,
        "_os" => crate::stdlib::os::module,
        "_struct" => crate::stdlib::structs::module,
        _ => return None,
    })
}

/// Embedded stdlib sources: (module name, source, is package).
const STDLIB: &[(&str, &str, bool)] = &[
    ("asyncio", include_str!("../../stdlib/asyncio/__init__.py"), true),
    ("asyncio.exceptions", include_str!("../../stdlib/asyncio/exceptions.py"), false),
    ("asyncio.tasks", include_str!("../../stdlib/asyncio/tasks.py"), false),
    ("asyncio.timeouts", include_str!("../../stdlib/asyncio/timeouts.py"), false),
    ("asyncio.taskgroups", include_str!("../../stdlib/asyncio/taskgroups.py"), false),
    ("asyncio.locks", include_str!("../../stdlib/asyncio/locks.py"), false),
    ("asyncio.queues", include_str!("../../stdlib/asyncio/queues.py"), false),
    ("asyncio.runners", include_str!("../../stdlib/asyncio/runners.py"), false),
    ("bisect", include_str!("../../stdlib/bisect.py"), false),
    ("collections", include_str!("../../stdlib/collections/__init__.py"), true),
    ("collections.abc", include_str!("../../stdlib/collections/abc.py"), false),
    ("operator", include_str!("../../stdlib/operator.py"), false),
    ("itertools", include_str!("../../stdlib/itertools.py"), false),
    ("functools", include_str!("../../stdlib/functools.py"), false),
    ("heapq", include_str!("../../stdlib/heapq.py"), false),
    ("json", include_str!("../../stdlib/json.py"), false),
    ("string", include_str!("../../stdlib/string.py"), false),
    ("copy", include_str!("../../stdlib/copy.py"), false),
    ("contextlib", include_str!("../../stdlib/contextlib.py"), false),
    ("enum", include_str!("../../stdlib/enum.py"), false),
    ("dataclasses", include_str!("../../stdlib/dataclasses.py"), false),
    ("typing", include_str!("../../stdlib/typing.py"), false),
    ("re", include_str!("../../stdlib/re.py"), false),
    ("os", include_str!("../../stdlib/os.py"), false),
    ("os.path", include_str!("../../stdlib/posixpath.py"), false),
    ("posixpath", include_str!("../../stdlib/posixpath.py"), false),
    ("io", include_str!("../../stdlib/io.py"), false),
    ("tempfile", include_str!("../../stdlib/tempfile.py"), false),
    ("struct", include_str!("../../stdlib/struct.py"), false),
    ("array", include_str!("../../stdlib/array.py"), false),
    ("textwrap", include_str!("../../stdlib/textwrap.py"), false),
    ("datetime", include_str!("../../stdlib/datetime.py"), false),
    ("logging", include_str!("../../stdlib/logging.py"), false),
    ("random", include_str!("../../stdlib/random.py"), false),
];

/// The source of an embedded stdlib module and whether it is a package.
pub fn stdlib_source(name: &str) -> Option<(&'static str, bool)> {
    STDLIB.iter().find(|(n, _, _)| *n == name).map(|(_, s, p)| (*s, *p))
}

fn module(vm: &mut Vm, name: &str, funcs: &[(&'static str, crate::vm::object::NativeFn)]) -> Value {
    let m = vm.new_module(name, Rc::new(Dict::default()));
    for (n, f) in funcs {
        let v = native(vm, n, *f);
        vm.module_set(&m, n, v);
    }
    m
}

/// The `sys` module.
fn sys_module(vm: &mut Vm) -> PyResult<Value> {
    let m = module(
        vm,
        "sys",
        &[
            ("exit", sys_exit),
            ("getrecursionlimit", getrecursionlimit),
            ("setrecursionlimit", setrecursionlimit),
            ("intern", sys_intern),
            ("exc_info", sys_exc_info),
            ("exception", sys_exception),
        ],
    );
    let argv = Value::list(vm.argv.iter().map(|a| Value::str(a)).collect());
    vm.module_set(&m, "argv", argv);
    let path = Value::list(vm.search_paths.iter().map(|p| Value::string(p.display().to_string())).collect());
    vm.module_set(&m, "path", path);
    vm.module_set(&m, "version", Value::string(format!("3.11.7 (gyre {})", crate::VERSION)));
    vm.module_set(
        &m,
        "version_info",
        Value::tuple(vec![Value::Int(3), Value::Int(11), Value::Int(7), Value::str("final"), Value::Int(0)]),
    );
    vm.module_set(&m, "maxsize", Value::Int(i64::MAX));
    vm.module_set(&m, "platform", Value::str(std::env::consts::OS));
    vm.module_set(&m, "byteorder", Value::str(if cfg!(target_endian = "little") { "little" } else { "big" }));
    vm.module_set(&m, "implementation", Value::str("gyre"));
    let stdout = stream_object(vm, 1);
    let stderr = stream_object(vm, 2);
    vm.module_set(&m, "stdout", stdout.clone());
    vm.module_set(&m, "stderr", stderr.clone());
    vm.module_set(&m, "__stdout__", stdout);
    vm.module_set(&m, "__stderr__", stderr);
    let modules = Value::Dict(vm.modules.clone());
    vm.module_set(&m, "modules", modules);
    Ok(m)
}

/// A `sys.stdout`/`sys.stderr` object: `fd` 1 or 2.
fn stream_object(vm: &mut Vm, fd: i64) -> Value {
    let cls = crate::vm::types::builtin_class(
        "TextIOWrapper",
        std::slice::from_ref(&vm.types.object),
        crate::vm::object::BaseKind::Native,
    );
    super::method(vm, &cls, "write", stream_write);
    super::method(vm, &cls, "flush", stream_flush);
    Value::Obj(Object::new(cls, Payload::Boxed(Value::Int(fd))))
}

fn stream_fd(args: &Args) -> i64 {
    match args.pos.first().and_then(|v| v.payload()) {
        Some(Payload::Boxed(Value::Int(fd))) => *fd,
        _ => 1,
    }
}

fn stream_write(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let fd = stream_fd(&args);
    let s = match args.pos.get(1) {
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(v) => {
            let t = vm.type_name(v);
            return Err(vm.new_error("TypeError", &format!("write() argument must be str, not {t}")));
        }
        None => return Err(vm.new_error("TypeError", "write() takes exactly one argument (0 given)")),
    };
    if fd == 2 {
        vm.write_stderr(&s);
    } else {
        vm.write_stdout(&s);
    }
    Ok(Value::Int(s.chars().count() as i64))
}

fn stream_flush(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if stream_fd(&args) == 2 {
        let _ = vm.stderr.flush();
    } else {
        let _ = vm.stdout.flush();
    }
    Ok(Value::None)
}

fn sys_exit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = vm.exc_class("SystemExit");
    Err(vm.new_exception(&cls, args.pos.iter().take(1).cloned().collect()))
}

fn getrecursionlimit(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Int(vm.recursion_limit as i64))
}

fn setrecursionlimit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let n = vm.index_of(args.pos.first().unwrap_or(&Value::None))?;
    if n < 1 {
        return Err(vm.new_error("ValueError", "recursion limit must be greater or equal than 1"));
    }
    vm.recursion_limit = (n as usize).min(vm.limits.max_recursion);
    Ok(Value::None)
}

/// `sys.exception()`: the exception being handled, or None.
fn sys_exception(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(if vm.handled.is_undef() { Value::None } else { vm.handled.clone() })
}

/// `sys.exc_info()`: `(type, value, traceback)` of the handled exception (traceback is
/// None: gyre has no traceback objects).
fn sys_exc_info(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let e = sys_exception(vm, args)?;
    if e.is_none() {
        return Ok(Value::tuple(vec![Value::None, Value::None, Value::None]));
    }
    let t = Value::Class(vm.type_of(&e));
    Ok(Value::tuple(vec![t, e, Value::None]))
}

fn sys_intern(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(args.pos.first().cloned().unwrap_or(Value::None))
}

fn fnum(vm: &mut Vm, v: Option<&Value>) -> PyResult<f64> {
    match v {
        Some(v) => super::constructors::to_float(vm, v).map_err(|_| {
            let t = vm.type_name(v);
            vm.new_error("TypeError", &format!("must be real number, not {t}"))
        }),
        None => Err(vm.new_error("TypeError", "function missing required argument")),
    }
}

fn domain(vm: &mut Vm) -> crate::vm::Exc {
    vm.new_error("ValueError", "math domain error")
}

macro_rules! math_f {
    ($name:ident, |$x:ident| $body:expr, $check:expr) => {
        fn $name(vm: &mut Vm, args: Args) -> PyResult<Value> {
            let $x = fnum(vm, args.pos.first())?;
            if !$check {
                return Err(domain(vm));
            }
            let r: f64 = $body;
            if r.is_infinite() && $x.is_finite() {
                return Err(vm.new_error("OverflowError", "math range error"));
            }
            Ok(Value::Float(r))
        }
    };
}

math_f!(m_sqrt, |x| x.sqrt(), x >= 0.0 || x.is_nan());
math_f!(m_exp, |x| x.exp(), true);
math_f!(m_sin, |x| x.sin(), !x.is_infinite());
math_f!(m_cos, |x| x.cos(), !x.is_infinite());
math_f!(m_tan, |x| x.tan(), !x.is_infinite());
math_f!(m_asin, |x| x.asin(), (-1.0..=1.0).contains(&x) || x.is_nan());
math_f!(m_acos, |x| x.acos(), (-1.0..=1.0).contains(&x) || x.is_nan());
math_f!(m_atan, |x| x.atan(), true);
math_f!(m_sinh, |x| x.sinh(), true);
math_f!(m_cosh, |x| x.cosh(), true);
math_f!(m_tanh, |x| x.tanh(), true);
math_f!(m_log2, |x| x.log2(), x > 0.0 || x.is_nan());
math_f!(m_log10, |x| x.log10(), x > 0.0 || x.is_nan());
math_f!(m_log1p, |x| x.ln_1p(), x > -1.0 || x.is_nan());
math_f!(m_fabs, |x| x.abs(), true);
math_f!(m_degrees, |x| x.to_degrees(), true);
math_f!(m_radians, |x| x.to_radians(), true);
math_f!(m_expm1, |x| x.exp_m1(), true);

fn m_log(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = match args.pos.first() {
        Some(v @ (Value::Int(_) | Value::BigInt(_))) => {
            let b = crate::vm::ops::big_of(v).unwrap_or_default();
            if b <= BigInt::zero() {
                return Err(domain(vm));
            }
            match b.to_f64().filter(|f| f.is_finite()) {
                Some(f) => f.ln(),
                None => {
                    let bits = b.bits() as i64 - 60;
                    let top = (b >> bits as usize).to_f64().unwrap_or(1.0);
                    top.ln() + bits as f64 * std::f64::consts::LN_2
                }
            }
        }
        v => {
            let x = fnum(vm, v)?;
            if x <= 0.0 {
                return Err(domain(vm));
            }
            x.ln()
        }
    };
    match args.pos.get(1) {
        Some(b) => {
            let base = fnum(vm, Some(b))?;
            if base <= 0.0 || base == 1.0 {
                return Err(if base == 1.0 {
                    vm.new_error("ZeroDivisionError", "float division by zero")
                } else {
                    domain(vm)
                });
            }
            Ok(Value::Float(x / base.ln()))
        }
        None => Ok(Value::Float(x)),
    }
}

fn m_pow(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = fnum(vm, args.pos.first())?;
    let y = fnum(vm, args.pos.get(1))?;
    if x == 0.0 && y < 0.0 || (x < 0.0 && y.fract() != 0.0 && y.is_finite()) {
        return Err(domain(vm));
    }
    let r = x.powf(y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(vm.new_error("OverflowError", "math range error"));
    }
    Ok(Value::Float(r))
}

fn m_atan2(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let y = fnum(vm, args.pos.first())?;
    let x = fnum(vm, args.pos.get(1))?;
    Ok(Value::Float(y.atan2(x)))
}

fn m_hypot(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let mut acc = 0.0f64;
    for v in args.pos {
        let x = fnum(vm, Some(v))?;
        acc = acc.hypot(x);
    }
    Ok(Value::Float(acc))
}

fn to_int_rounded(vm: &mut Vm, args: &Args, f: fn(f64) -> f64, dunder: &str) -> PyResult<Value> {
    match args.pos.first() {
        Some(v @ (Value::Int(_) | Value::BigInt(_))) => Ok(v.clone()),
        Some(Value::Bool(b)) => Ok(Value::Int(*b as i64)),
        Some(Value::Float(x)) => {
            crate::text::round::float_to_bigint(f(*x)).map(Value::from_bigint).map_err(|e| vm.text_error(e))
        }
        Some(v) => match vm.call_dunder(v, dunder, vec![])? {
            Some(r) => Ok(r),
            None => {
                let x = fnum(vm, Some(v))?;
                crate::text::round::float_to_bigint(f(x))
                    .map(Value::from_bigint)
                    .map_err(|e| vm.text_error(e))
            }
        },
        None => Err(vm.new_error("TypeError", "function missing required argument")),
    }
}

fn m_floor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    to_int_rounded(vm, &args, f64::floor, "__floor__")
}

fn m_ceil(vm: &mut Vm, args: Args) -> PyResult<Value> {
    to_int_rounded(vm, &args, f64::ceil, "__ceil__")
}

fn m_trunc(vm: &mut Vm, args: Args) -> PyResult<Value> {
    to_int_rounded(vm, &args, f64::trunc, "__trunc__")
}

fn int_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<BigInt> {
    match v.and_then(crate::vm::ops::big_of) {
        Some(b) => Ok(b),
        None => {
            let t = v.map(|v| vm.type_name(v)).unwrap_or_default();
            Err(vm.new_error("TypeError", &format!("'{t}' object cannot be interpreted as an integer")))
        }
    }
}

fn m_gcd(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let mut g = BigInt::zero();
    for v in args.pos {
        let b = int_arg(vm, Some(v))?;
        g = num_integer::Integer::gcd(&g, &b);
    }
    Ok(Value::from_bigint(g))
}

fn m_lcm(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let mut l = BigInt::one();
    for v in args.pos {
        let b = int_arg(vm, Some(v))?;
        if b.is_zero() {
            return Ok(Value::Int(0));
        }
        l = num_integer::Integer::lcm(&l, &b);
    }
    Ok(Value::from_bigint(l))
}

fn m_factorial(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let n = int_arg(vm, args.pos.first())?;
    if n < BigInt::zero() {
        return Err(vm.new_error("ValueError", "factorial() not defined for negative values"));
    }
    let n = n.to_u64().unwrap_or(u64::MAX);
    if n > 100_000 {
        return Err(vm.new_error("OverflowError", "factorial() argument should not exceed 100000"));
    }
    let mut acc = BigInt::one();
    for i in 2..=n {
        acc *= i;
    }
    Ok(Value::from_bigint(acc))
}

fn m_isqrt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let n = int_arg(vm, args.pos.first())?;
    if n < BigInt::zero() {
        return Err(vm.new_error("ValueError", "isqrt() argument must be nonnegative"));
    }
    Ok(Value::from_bigint(n.sqrt()))
}

fn m_comb(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let n = int_arg(vm, args.pos.first())?;
    let k = int_arg(vm, args.pos.get(1))?;
    if n < BigInt::zero() || k < BigInt::zero() {
        return Err(vm.new_error("ValueError", "n must be a non-negative integer"));
    }
    if k > n {
        return Ok(Value::Int(0));
    }
    let k = k.to_u64().unwrap_or(0);
    let mut acc = BigInt::one();
    for i in 0..k {
        acc = acc * (&n - i) / (i + 1);
    }
    Ok(Value::from_bigint(acc))
}

fn m_perm(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let n = int_arg(vm, args.pos.first())?;
    let k = match args.pos.get(1) {
        Some(v) if !v.is_none() => int_arg(vm, Some(v))?,
        _ => n.clone(),
    };
    if k > n {
        return Ok(Value::Int(0));
    }
    let mut acc = BigInt::one();
    let k = k.to_u64().unwrap_or(0);
    for i in 0..k {
        acc *= &n - i;
    }
    Ok(Value::from_bigint(acc))
}

fn m_isclose(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = fnum(vm, args.pos.first())?;
    let b = fnum(vm, args.pos.get(1))?;
    let rel = match args.kwarg("rel_tol") {
        Some(v) => fnum(vm, Some(v))?,
        None => 1e-9,
    };
    let abs = match args.kwarg("abs_tol") {
        Some(v) => fnum(vm, Some(v))?,
        None => 0.0,
    };
    if rel < 0.0 || abs < 0.0 {
        return Err(vm.new_error("ValueError", "tolerances must be non-negative"));
    }
    if a == b {
        return Ok(Value::Bool(true));
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let diff = (b - a).abs();
    Ok(Value::Bool(diff <= (rel * b).abs() || diff <= (rel * a).abs() || diff <= abs))
}

fn m_isnan(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(fnum(vm, args.pos.first())?.is_nan()))
}

fn m_isinf(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(fnum(vm, args.pos.first())?.is_infinite()))
}

fn m_isfinite(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(fnum(vm, args.pos.first())?.is_finite()))
}

fn m_copysign(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = fnum(vm, args.pos.first())?;
    let b = fnum(vm, args.pos.get(1))?;
    Ok(Value::Float(a.copysign(b)))
}

fn m_fmod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = fnum(vm, args.pos.first())?;
    let b = fnum(vm, args.pos.get(1))?;
    if b == 0.0 || a.is_infinite() {
        return Err(domain(vm));
    }
    Ok(Value::Float(a % b))
}

fn m_modf(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = fnum(vm, args.pos.first())?;
    Ok(Value::tuple(vec![Value::Float(a.fract()), Value::Float(a.trunc())]))
}

fn m_fsum(vm: &mut Vm, args: Args) -> PyResult<Value> {
    // Neumaier summation: exact enough for the usual cases (CPython is exactly rounded).
    let mut sum = 0.0f64;
    let mut c = 0.0f64;
    for v in vm.collect(args.pos.first().unwrap_or(&Value::None))? {
        let x = fnum(vm, Some(&v))?;
        let t = sum + x;
        if sum.abs() >= x.abs() {
            c += (sum - t) + x;
        } else {
            c += (x - t) + sum;
        }
        sum = t;
    }
    Ok(Value::Float(sum + c))
}

fn m_prod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let mut acc = args.kwarg("start").cloned().unwrap_or(Value::Int(1));
    for v in vm.collect(args.pos.first().unwrap_or(&Value::None))? {
        acc = vm.binary_op(crate::compiler::bytecode::BinKind::Mul, &acc, &v)?;
    }
    Ok(acc)
}

fn m_dist(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = vm.collect(args.pos.first().unwrap_or(&Value::None))?;
    let q = vm.collect(args.pos.get(1).unwrap_or(&Value::None))?;
    let mut acc = 0.0f64;
    for (a, b) in p.iter().zip(q.iter()) {
        let d = fnum(vm, Some(a))? - fnum(vm, Some(b))?;
        acc = acc.hypot(d);
    }
    Ok(Value::Float(acc))
}

/// The `math` module.
fn math_module(vm: &mut Vm) -> PyResult<Value> {
    let m = module(
        vm,
        "math",
        &[
            ("sqrt", m_sqrt),
            ("exp", m_exp),
            ("expm1", m_expm1),
            ("sin", m_sin),
            ("cos", m_cos),
            ("tan", m_tan),
            ("asin", m_asin),
            ("acos", m_acos),
            ("atan", m_atan),
            ("atan2", m_atan2),
            ("sinh", m_sinh),
            ("cosh", m_cosh),
            ("tanh", m_tanh),
            ("log", m_log),
            ("log2", m_log2),
            ("log10", m_log10),
            ("log1p", m_log1p),
            ("pow", m_pow),
            ("fabs", m_fabs),
            ("floor", m_floor),
            ("ceil", m_ceil),
            ("trunc", m_trunc),
            ("gcd", m_gcd),
            ("lcm", m_lcm),
            ("factorial", m_factorial),
            ("isqrt", m_isqrt),
            ("comb", m_comb),
            ("perm", m_perm),
            ("isclose", m_isclose),
            ("isnan", m_isnan),
            ("isinf", m_isinf),
            ("isfinite", m_isfinite),
            ("copysign", m_copysign),
            ("fmod", m_fmod),
            ("modf", m_modf),
            ("fsum", m_fsum),
            ("prod", m_prod),
            ("hypot", m_hypot),
            ("dist", m_dist),
            ("degrees", m_degrees),
            ("radians", m_radians),
        ],
    );
    vm.module_set(&m, "pi", Value::Float(std::f64::consts::PI));
    vm.module_set(&m, "e", Value::Float(std::f64::consts::E));
    vm.module_set(&m, "tau", Value::Float(std::f64::consts::TAU));
    vm.module_set(&m, "inf", Value::Float(f64::INFINITY));
    vm.module_set(&m, "nan", Value::Float(f64::NAN));
    Ok(m)
}

fn t_time(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs_f64())
        .unwrap_or(0.0);
    Ok(Value::Float(now))
}

fn t_monotonic(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Float(vm.monotonic()))
}

fn t_process_time(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let fields: Vec<&str> = stat.rsplit(')').next().unwrap_or("").split_whitespace().collect();
    let ticks: f64 = fields.get(11).and_then(|u| u.parse::<f64>().ok()).unwrap_or(0.0)
        + fields.get(12).and_then(|s| s.parse::<f64>().ok()).unwrap_or(0.0);
    Ok(Value::Float(ticks / 100.0))
}

fn t_sleep(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let secs = fnum(vm, args.pos.first())?;
    if secs < 0.0 {
        return Err(vm.new_error("ValueError", "sleep length must be non-negative"));
    }
    std::thread::sleep(std::time::Duration::from_secs_f64(secs.min(1e9)));
    Ok(Value::None)
}

fn t_time_ns(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Value::Float(t) = t_time(vm, args)? else { return Ok(Value::Int(0)) };
    Ok(Value::Int((t * 1e9) as i64))
}

fn t_monotonic_ns(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Int((vm.monotonic() * 1e9) as i64))
}

/// The `time` module.
fn time_module(vm: &mut Vm) -> PyResult<Value> {
    Ok(module(
        vm,
        "time",
        &[
            ("time", t_time),
            ("time_ns", t_time_ns),
            ("monotonic", t_monotonic),
            ("monotonic_ns", t_monotonic_ns),
            ("perf_counter", t_monotonic),
            ("perf_counter_ns", t_monotonic_ns),
            ("process_time", t_process_time),
            ("sleep", t_sleep),
            ("gmtime", crate::stdlib::timefmt::gmtime),
            ("localtime", crate::stdlib::timefmt::localtime),
            ("mktime", crate::stdlib::timefmt::mktime),
            ("strftime", crate::stdlib::timefmt::strftime),
            ("asctime", crate::stdlib::timefmt::asctime),
            ("ctime", crate::stdlib::timefmt::ctime),
        ],
    ))
}
