//! Host functions: Rust closures that scripts call like builtins.
//!
//! Owns: [`HostFn`], implemented for closures of up to 8 [`FromValue`] parameters (optionally
//! preceded by `&mut Cx`) returning a [`HostReturn`]; the argument checking with CPython's
//! messages for builtins (`f() takes exactly 2 arguments (3 given)`, `f() argument 2 must be
//! int, not str`, `f() takes no keyword arguments`); and turning a closure into a callable
//! script value.
//!
//! The parameter types are found through a marker type parameter (a tuple of them, or
//! `WithCx<tuple>`), which is what lets one `register_fn` accept closures of any arity on
//! stable Rust.

use std::rc::Rc;

use super::context::Cx;
use super::convert::{FromValue, IntoValue};
use super::error::{raise_host_error, BoxError, Error};
use super::value::{type_name, Value};
use crate::vm::object::{Args, Closure, Object, Payload};
use crate::vm::{PyResult, Value as VmValue, Vm};

/// Why a host function call failed before or after running the closure.
#[doc(hidden)]
pub enum CallError {
    /// Bad arguments: the TypeError message.
    Args(String),
    /// The closure (or a conversion) failed: raised as a script exception.
    Raised(BoxError),
}

/// What a host function may return: any [`IntoValue`], or `Result<T, E>` where `T:
/// IntoValue` and `E` converts into a boxed error (`String`, `&str`,
/// [`Exception`](crate::Exception) to choose the Python exception type, [`Error`],
/// `std::io::Error` (raised as `OSError`), or any `std::error::Error + Send + Sync`, raised
/// as `RuntimeError`).
///
/// ```
/// let mut interp = gyre::Interpreter::new();
/// interp.register_fn("half", |n: i64| -> Result<i64, String> {
///     if n % 2 == 1 { Err(format!("{n} is odd")) } else { Ok(n / 2) }
/// });
/// interp.register_fn("double", |n: i64| n * 2);
/// assert_eq!(interp.eval::<i64>("double(half(8))").unwrap(), 8);
/// let err = interp.eval::<i64>("half(3)").unwrap_err();
/// assert_eq!(err.exception().unwrap().message(), "3 is odd");
/// ```
pub trait HostReturn {
    /// Converts the closure's result into a script value or an error to raise.
    #[doc(hidden)]
    fn into_result(self, cx: &mut Cx<'_>) -> Result<Value, BoxError>;
}

impl<T: IntoValue> HostReturn for T {
    fn into_result(self, cx: &mut Cx<'_>) -> Result<Value, BoxError> {
        self.into_value(cx).map_err(|e| Box::new(e) as BoxError)
    }
}

impl<T: IntoValue, E: Into<BoxError>> HostReturn for Result<T, E> {
    fn into_result(self, cx: &mut Cx<'_>) -> Result<Value, BoxError> {
        match self {
            Ok(v) => v.into_value(cx).map_err(|e| Box::new(e) as BoxError),
            Err(e) => Err(e.into()),
        }
    }
}

/// Marks host functions whose first parameter is `&mut Cx`.
#[doc(hidden)]
pub struct WithCx<T>(std::marker::PhantomData<T>);

/// A Rust closure scripts can call: `Fn(A, B, ...) -> R` or `Fn(&mut Cx, A, B, ...) -> R`
/// with up to 8 [`FromValue`] parameters and a [`HostReturn`] result. Trailing `Option`
/// parameters may be left out by the caller.
///
/// ```
/// let mut interp = gyre::Interpreter::new();
/// interp.register_fn("greet", |name: String, punct: Option<String>| {
///     format!("hello, {name}{}", punct.unwrap_or_default())
/// });
/// assert_eq!(interp.eval::<String>("greet('ann', '!')").unwrap(), "hello, ann!");
/// assert_eq!(interp.eval::<String>("greet('bob')").unwrap(), "hello, bob");
/// let err = interp.eval::<String>("greet(1)").unwrap_err();
/// assert_eq!(err.to_string(), "TypeError: greet() argument 1 must be str, not int");
/// ```
pub trait HostFn<Marker>: 'static {
    /// Checks and converts the arguments, runs the closure, converts the result.
    #[doc(hidden)]
    fn call_host(&self, cx: &mut Cx<'_>, name: &str, args: &[VmValue]) -> Result<Value, CallError>;
}

/// Checks the argument count against `params` (the parameters' `when_missing` values tell
/// which are optional), with CPython's messages for builtins.
#[doc(hidden)]
pub fn check_arity(name: &str, given: usize, optional: &[bool]) -> Result<(), CallError> {
    let max = optional.len();
    let min = max - optional.iter().rev().take_while(|o| **o).count();
    if (min..=max).contains(&given) {
        return Ok(());
    }
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    let msg = if min == max {
        match max {
            0 => format!("{name}() takes no arguments ({given} given)"),
            1 => format!("{name}() takes exactly one argument ({given} given)"),
            n => format!("{name}() takes exactly {n} arguments ({given} given)"),
        }
    } else if given < min {
        format!("{name}() takes at least {min} argument{} ({given} given)", plural(min))
    } else {
        format!("{name}() takes at most {max} argument{} ({given} given)", plural(max))
    };
    Err(CallError::Args(msg))
}

/// Converts argument `index` (1-based) for function `name`, or its missing default.
#[doc(hidden)]
pub fn convert_arg<T: FromValue>(
    cx: &mut Cx<'_>,
    name: &str,
    index: usize,
    arg: Option<&VmValue>,
) -> Result<T, CallError> {
    let Some(v) = arg else {
        return T::when_missing()
            .ok_or_else(|| CallError::Args(format!("{name}() missing argument {index}")));
    };
    T::from_value(Value(v.clone()), cx).map_err(|e| match e {
        Error::Conversion { expected, .. } => {
            CallError::Args(format!("{name}() argument {index} must be {expected}, not {}", type_name(v)))
        }
        other => CallError::Raised(Box::new(other)),
    })
}

macro_rules! host_fn_impls {
    ($($A:ident),*) => {
        impl<Func, R, $($A: FromValue,)*> HostFn<($($A,)*)> for Func
        where
            Func: Fn($($A),*) -> R + 'static,
            R: HostReturn,
        {
            #[allow(non_snake_case, unused_mut, unused_variables)]
            fn call_host(&self, cx: &mut Cx<'_>, name: &str, args: &[VmValue]) -> Result<Value, CallError> {
                check_arity(name, args.len(), &[$($A::when_missing().is_some()),*])?;
                let mut args = args.iter();
                let mut index = 0;
                $(index += 1; let $A: $A = convert_arg(cx, name, index, args.next())?;)*
                (self)($($A),*).into_result(cx).map_err(CallError::Raised)
            }
        }

        impl<Func, R, $($A: FromValue,)*> HostFn<WithCx<($($A,)*)>> for Func
        where
            Func: for<'a, 'b> Fn(&'a mut Cx<'b>, $($A),*) -> R + 'static,
            R: HostReturn,
        {
            #[allow(non_snake_case, unused_mut, unused_variables)]
            fn call_host(&self, cx: &mut Cx<'_>, name: &str, args: &[VmValue]) -> Result<Value, CallError> {
                check_arity(name, args.len(), &[$($A::when_missing().is_some()),*])?;
                let mut args = args.iter();
                let mut index = 0;
                $(index += 1; let $A: $A = convert_arg(cx, name, index, args.next())?;)*
                (self)(cx, $($A),*).into_result(cx).map_err(CallError::Raised)
            }
        }
    };
}

host_fn_impls!();
host_fn_impls!(A);
host_fn_impls!(A, B);
host_fn_impls!(A, B, C);
host_fn_impls!(A, B, C, D);
host_fn_impls!(A, B, C, D, E);
host_fn_impls!(A, B, C, D, E, F);
host_fn_impls!(A, B, C, D, E, F, G);
host_fn_impls!(A, B, C, D, E, F, G, H);

/// Runs a host function for the VM: keyword arguments are refused, errors become script
/// exceptions.
pub(crate) fn invoke<M, F: HostFn<M>>(f: &F, vm: &mut Vm, name: &str, args: Args<'_>) -> PyResult<VmValue> {
    if !args.kw.is_empty() {
        return Err(vm.new_error("TypeError", &format!("{name}() takes no keyword arguments")));
    }
    let mut cx = Cx::new(vm);
    match f.call_host(&mut cx, name, args.pos) {
        Ok(v) => Ok(v.0),
        Err(CallError::Args(msg)) => Err(vm.new_error("TypeError", &msg)),
        Err(CallError::Raised(e)) => Err(raise_host_error(vm, e)),
    }
}

/// A callable script value running `f`. `is_method` makes attribute lookup on instances
/// bind `self` as the first argument (methods of host classes).
pub(crate) fn closure_value<M: 'static, F: HostFn<M>>(
    vm: &mut Vm,
    name: &str,
    f: F,
    is_method: bool,
) -> VmValue {
    let name: Rc<str> = Rc::from(name);
    let shown = name.clone();
    let call = move |vm: &mut Vm, args: Args<'_>| invoke(&f, vm, &shown, args);
    let closure = Closure { name, f: Rc::new(call), is_method };
    VmValue::Obj(Object::new(vm.types.builtin_function.clone(), Payload::NativeClosure(closure)))
}
