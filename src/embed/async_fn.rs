//! Async host functions: Rust futures that scripts call and `await` like coroutines.
//!
//! A call `fetch(url)` from a script converts the arguments at once (a wrong count or type is
//! a TypeError at the call, as for any function), builds the Rust future without polling it,
//! and returns a real coroutine object named `fetch`. Awaiting the coroutine hands the
//! future to the running event loop (`asyncio::host`), which polls it with a waker that
//! posts to the loop's inbox; its output is converted on the loop's thread. A coroutine that
//! is never awaited drops its future unpolled; an awaiting task that is cancelled drops it
//! within one loop iteration.

use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use super::context::Cx;
use super::convert::FromValue;
use super::error::{raise_host_error, BoxError};
use super::host_fn::{check_arity, convert_arg, CallError, HostReturn};
use super::value::Value;
use crate::asyncio::host::{spawn, HostFuture, HostOutput};
use crate::vm::ext::Ext;
use crate::vm::object::{Args, Closure, Dict, Object, Payload};
use crate::vm::{PyResult, Value as VmValue, Vm};

/// The boxed future an async host function produces, with its output conversion.
#[doc(hidden)]
pub type Started = Pin<Box<dyn Future<Output = Box<dyn FnOnce(&mut Cx<'_>) -> Result<Value, BoxError>>>>>;

/// A Rust closure returning a future, callable and awaitable from scripts:
/// `Fn(A, B, ...) -> impl Future<Output = R>` with up to 8 [`FromValue`] parameters and a
/// [`HostReturn`] output. The future needs neither `Send` nor a particular runtime, but it
/// is polled on the interpreter's thread inside whatever drives the loop: a future that
/// needs tokio must run under [`Interpreter::call_async`](crate::Interpreter::call_async)
/// awaited in tokio, or with a tokio runtime entered around
/// [`Interpreter::run`](crate::Interpreter::run).
///
/// ```
/// use std::time::Duration;
/// let mut interp = gyre::Interpreter::new();
/// interp.register_async_fn("double_later", |x: i64| async move {
///     // Any future works; this one completes at once.
///     std::future::ready(()).await;
///     x * 2
/// });
/// interp.exec("import asyncio\nasync def main():\n    return await asyncio.gather(double_later(1), double_later(2))").unwrap();
/// assert_eq!(interp.run::<Vec<i64>>("main", ()).unwrap(), [2, 4]);
/// ```
pub trait AsyncHostFn<Marker>: 'static {
    /// Converts the arguments and creates the (unpolled) future.
    #[doc(hidden)]
    fn start(&self, cx: &mut Cx<'_>, name: &str, args: &[VmValue]) -> Result<Started, CallError>;
}

macro_rules! async_fn_impls {
    ($($A:ident),*) => {
        impl<Func, Fut, R, $($A: FromValue,)*> AsyncHostFn<($($A,)*)> for Func
        where
            Func: Fn($($A),*) -> Fut + 'static,
            Fut: Future<Output = R> + 'static,
            R: HostReturn + 'static,
        {
            #[allow(non_snake_case, unused_mut, unused_variables)]
            fn start(&self, cx: &mut Cx<'_>, name: &str, args: &[VmValue]) -> Result<Started, CallError> {
                check_arity(name, args.len(), &[$($A::when_missing().is_some()),*])?;
                let mut args = args.iter();
                let mut index = 0;
                $(index += 1; let $A: $A = convert_arg(cx, name, index, args.next())?;)*
                let fut = (self)($($A),*);
                Ok(Box::pin(async move {
                    let r = fut.await;
                    Box::new(move |cx: &mut Cx<'_>| r.into_result(cx))
                        as Box<dyn FnOnce(&mut Cx<'_>) -> Result<Value, BoxError>>
                }))
            }
        }
    };
}

async_fn_impls!();
async_fn_impls!(A);
async_fn_impls!(A, B);
async_fn_impls!(A, B, C);
async_fn_impls!(A, B, C, D);
async_fn_impls!(A, B, C, D, E);
async_fn_impls!(A, B, C, D, E, F);
async_fn_impls!(A, B, C, D, E, F, G);
async_fn_impls!(A, B, C, D, E, F, G, H);

/// An unstarted host future, carried by the coroutine until it is awaited.
struct PendingCall {
    future: std::cell::RefCell<Option<Started>>,
}

impl std::fmt::Debug for PendingCall {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PendingCall")
    }
}

impl Ext for PendingCall {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// Makes the script-visible callable for an async host function: a native function that
/// converts the arguments and returns a coroutine (named `name`) awaiting the host future.
pub(crate) fn async_fn_value<M: 'static, F: AsyncHostFn<M>>(
    vm: &mut Vm,
    name: &str,
    f: F,
) -> PyResult<VmValue> {
    let coroutine_fn = coroutine_function(vm, name)?;
    let shown: Rc<str> = Rc::from(name);
    let n = shown.clone();
    let call = move |vm: &mut Vm, args: Args<'_>| -> PyResult<VmValue> {
        if !args.kw.is_empty() {
            return Err(vm.new_error("TypeError", &format!("{n}() takes no keyword arguments")));
        }
        let started = match f.start(&mut Cx::new(vm), &n, args.pos) {
            Ok(s) => s,
            Err(CallError::Args(msg)) => return Err(vm.new_error("TypeError", &msg)),
            Err(CallError::Raised(e)) => return Err(raise_host_error(vm, e)),
        };
        let token = PendingCall { future: std::cell::RefCell::new(Some(started)) };
        let token = VmValue::Obj(Object::new(vm.types.object.clone(), Payload::Ext(Box::new(token))));
        vm.call(&coroutine_fn, vec![token])
    };
    let closure = Closure { name: shown, f: Rc::new(call), is_method: false };
    Ok(VmValue::Obj(Object::new(vm.types.builtin_function.clone(), Payload::NativeClosure(closure))))
}

/// Compiles `async def NAME(token): return await _spawn(token)`, so the coroutine a call
/// returns is a real coroutine object with the host function's name.
fn coroutine_function(vm: &mut Vm, name: &str) -> PyResult<VmValue> {
    let ident = is_identifier(name);
    let def_name = if ident { name } else { "host_coroutine" };
    let source = format!("async def {def_name}(__gyre_call):\n    return await __gyre_spawn(__gyre_call)\n");
    let globals = Rc::new(Dict::default());
    let spawn_fn = spawn_value(vm);
    let spawn_name = vm.intern("__gyre_spawn");
    vm.store_global(&globals, &spawn_name, spawn_fn);
    let builtins_name = vm.intern("__builtins__");
    let builtins = VmValue::Dict(vm.builtins.clone());
    vm.store_global(&globals, &builtins_name, builtins);
    vm.exec_source(&source, "<host>", &globals)?;
    let def = vm.intern(def_name);
    vm.load_global(&globals, &def)
}

fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_alphabetic() || c == '_')
        && chars.all(|c| c.is_alphanumeric() || c == '_')
        && !matches!(
            name,
            "False"
                | "None"
                | "True"
                | "and"
                | "as"
                | "assert"
                | "async"
                | "await"
                | "break"
                | "class"
                | "continue"
                | "def"
                | "del"
                | "elif"
                | "else"
                | "except"
                | "finally"
                | "for"
                | "from"
                | "global"
                | "if"
                | "import"
                | "in"
                | "is"
                | "lambda"
                | "nonlocal"
                | "not"
                | "or"
                | "pass"
                | "raise"
                | "return"
                | "try"
                | "while"
                | "with"
                | "yield"
        )
}

/// `__gyre_spawn(call)`: hands the call's future to the running loop; returns the asyncio
/// Future to await.
fn spawn_value(vm: &mut Vm) -> VmValue {
    let f = |vm: &mut Vm, args: Args<'_>| -> PyResult<VmValue> {
        let started = match args.pos.first().and_then(|v| v.payload()) {
            Some(Payload::Ext(e)) => {
                e.as_any().downcast_ref::<PendingCall>().and_then(|p| p.future.borrow_mut().take())
            }
            _ => None,
        };
        let Some(started) = started else {
            return Err(vm.new_error("RuntimeError", "cannot reuse already awaited coroutine"));
        };
        let loop_obj = vm.running_loop.clone();
        if loop_obj.is_none() {
            return Err(vm.new_error("RuntimeError", "no running event loop"));
        }
        let future: HostFuture = Box::pin(async move {
            let convert = started.await;
            Box::new(move |vm: &mut Vm| {
                let out = convert(&mut Cx::new(vm));
                out.map(|v| v.0).map_err(|e| raise_host_error(vm, e))
            }) as HostOutput
        });
        spawn(vm, &loop_obj, future).map(VmValue::Obj)
    };
    let closure = Closure { name: Rc::from("__gyre_spawn"), f: Rc::new(f), is_method: false };
    VmValue::Obj(Object::new(vm.types.builtin_function.clone(), Payload::NativeClosure(closure)))
}
