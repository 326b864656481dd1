//! Host classes: Rust values living inside script objects, with methods and properties
//! written as Rust closures.
//!
//! Owns: the [`UserData`] marker, the [`Class`] builder, the per-interpreter registry from a
//! Rust type to its script class, and the conversions of user data to and from values.
//!
//! Invariants: a user-data object holds its Rust value in a `RefCell`; a method borrows it
//! mutably only while the closure runs, so a method that re-enters the same object through
//! the script gets `RuntimeError` instead of a panic. Each Rust type has at most one class
//! per interpreter (registering it again replaces the class for new objects).

use std::any::{Any, TypeId};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use super::context::Cx;
use super::convert::{FromValue, IntoValue};
use super::error::{raise_host_error, Error};
use super::host_fn::{check_arity, closure_value, convert_arg, CallError, HostFn, HostReturn};
use super::value::{type_name, Value};
use crate::vm::ext::Ext;
use crate::vm::object::{Args, BaseKind, Class as VmClass, Closure, Object, Payload, PropertyData};
use crate::vm::types::builtin_class;
use crate::vm::{PyResult, Value as VmValue, Vm};

/// Marks a Rust type that scripts can hold as an object of a host class. Register the class
/// with [`Interpreter::register_class`](crate::Interpreter::register_class); then values of
/// the type convert into script objects ([`IntoValue`]) and, when `Clone`, back
/// ([`FromValue`]).
///
/// ```
/// #[derive(Clone)]
/// struct Point { x: f64, y: f64 }
/// impl gyre::UserData for Point {}
///
/// let mut interp = gyre::Interpreter::new();
/// interp.register_class::<Point>("Point")
///     .constructor(|x: f64, y: f64| Point { x, y })
///     .getter("x", |p: &Point| p.x)
///     .method("norm", |p: &mut Point| (p.x * p.x + p.y * p.y).sqrt());
/// assert_eq!(interp.eval::<f64>("Point(3, 4).norm()").unwrap(), 5.0);
/// interp.globals().set("origin", Point { x: 0.0, y: 0.0 }).unwrap();
/// assert_eq!(interp.eval::<f64>("origin.x").unwrap(), 0.0);
/// let p: Point = interp.eval("Point(1, 2)").unwrap();
/// assert_eq!(p.y, 2.0);
/// ```
pub trait UserData: 'static {}

/// The payload of a user-data object.
struct Cell<T> {
    value: RefCell<T>,
}

impl<T> std::fmt::Debug for Cell<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("UserData")
    }
}

impl<T: 'static> Ext for Cell<T> {
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// The `RefCell` inside a user-data value of type `T`, if it is one.
fn cell_of<T: 'static>(v: &VmValue) -> Option<&RefCell<T>> {
    match v.payload()? {
        Payload::Ext(e) => e.as_any().downcast_ref::<Cell<T>>().map(|c| &c.value),
        _ => None,
    }
}

const REGISTRY_KEY: &str = "embed.classes";

type Registry = RefCell<HashMap<TypeId, Rc<VmClass>>>;

fn registry(vm: &mut Vm) -> Rc<Registry> {
    if let Some(r) = vm.ext_state.get(REGISTRY_KEY).and_then(|r| r.clone().downcast::<Registry>().ok()) {
        return r;
    }
    let r: Rc<Registry> = Rc::default();
    vm.ext_state.insert(REGISTRY_KEY, r.clone() as Rc<dyn Any>);
    r
}

fn class_for<T: 'static>(vm: &mut Vm) -> Option<Rc<VmClass>> {
    registry(vm).borrow().get(&TypeId::of::<T>()).cloned()
}

/// Wraps a Rust value in an object of its registered class.
fn wrap<T: UserData>(vm: &mut Vm, value: T) -> Result<VmValue, Error> {
    let Some(cls) = class_for::<T>(vm) else {
        let msg = format!("no class is registered for {}", std::any::type_name::<T>());
        return Err(Error::Host(msg));
    };
    Ok(VmValue::Obj(Object::new(cls, Payload::Ext(Box::new(Cell { value: RefCell::new(value) })))))
}

impl<T: UserData> IntoValue for T {
    fn into_value(self, cx: &mut Cx<'_>) -> Result<Value, Error> {
        wrap(cx.vm, self).map(Value)
    }
}

impl<T: UserData + Clone> FromValue for T {
    fn from_value(value: Value, cx: &mut Cx<'_>) -> Result<T, Error> {
        let expected = class_for::<T>(cx.vm).map(|c| c.name()).unwrap_or_else(|| "object".into());
        let cell =
            cell_of::<T>(&value.0).ok_or_else(|| Error::conversion(expected.clone(), type_name(&value.0)))?;
        let borrowed = cell.try_borrow().map_err(|_| in_use(&expected))?;
        Ok(borrowed.clone())
    }
}

fn in_use(class: &str) -> Error {
    Error::Exception(super::error::Exception::new(
        "RuntimeError",
        format!("{class} object is already in use (re-entered from one of its own methods)"),
    ))
}

impl Cx<'_> {
    /// Runs `f` on the Rust value inside a user-data object.
    ///
    /// ```
    /// struct Counter(i64);
    /// impl gyre::UserData for Counter {}
    /// let mut interp = gyre::Interpreter::new();
    /// interp.register_class::<Counter>("Counter").constructor(|| Counter(0));
    /// interp.register_fn("bump", |cx: &mut gyre::Cx, c: gyre::Value| {
    ///     cx.with_userdata(&c, |c: &mut Counter| { c.0 += 1; c.0 })
    /// });
    /// assert_eq!(interp.eval::<i64>("bump(Counter())").unwrap(), 1);
    /// ```
    pub fn with_userdata<T: UserData, R>(
        &mut self,
        value: &Value,
        f: impl FnOnce(&mut T) -> R,
    ) -> Result<R, Error> {
        let name = class_for::<T>(self.vm).map(|c| c.name()).unwrap_or_else(|| "object".into());
        let cell =
            cell_of::<T>(&value.0).ok_or_else(|| Error::conversion(name.clone(), type_name(&value.0)))?;
        let mut borrowed = cell.try_borrow_mut().map_err(|_| in_use(&name))?;
        Ok(f(&mut borrowed))
    }
}

/// A Rust closure usable as a method of a host class: `Fn(&mut T, A, B, ...) -> R` with up
/// to 6 [`FromValue`] parameters after the receiver and a [`HostReturn`] result.
///
/// ```
/// struct Acc(Vec<String>);
/// impl gyre::UserData for Acc {}
/// let mut interp = gyre::Interpreter::new();
/// interp.register_class::<Acc>("Acc")
///     .constructor(|| Acc(Vec::new()))
///     .method("add", |a: &mut Acc, s: String| a.0.push(s))
///     .method("joined", |a: &mut Acc, sep: String| a.0.join(&sep));
/// assert_eq!(interp.eval::<String>("(lambda a: (a.add('x'), a.add('y'), a.joined('-'))[2])(Acc())").unwrap(), "x-y");
/// ```
pub trait Method<T, Marker>: 'static {
    /// Converts the arguments, borrows the receiver, runs the closure.
    #[doc(hidden)]
    fn call_method(
        &self,
        cx: &mut Cx<'_>,
        name: &str,
        this: &mut T,
        args: &[VmValue],
    ) -> Result<Value, CallError>;
}

macro_rules! method_impls {
    ($($A:ident),*) => {
        impl<T: 'static, Func, R, $($A: FromValue,)*> Method<T, ($($A,)*)> for Func
        where
            Func: for<'a> Fn(&'a mut T, $($A),*) -> R + 'static,
            R: HostReturn,
        {
            #[allow(non_snake_case, unused_mut, unused_variables)]
            fn call_method(&self, cx: &mut Cx<'_>, name: &str, this: &mut T, args: &[VmValue]) -> Result<Value, CallError> {
                check_arity(name, args.len(), &[$($A::when_missing().is_some()),*])?;
                let mut args = args.iter();
                let mut index = 0;
                $(index += 1; let $A: $A = convert_arg(cx, name, index, args.next())?;)*
                (self)(this, $($A),*).into_result(cx).map_err(CallError::Raised)
            }
        }
    };
}

method_impls!();
method_impls!(A);
method_impls!(A, B);
method_impls!(A, B, C);
method_impls!(A, B, C, D);
method_impls!(A, B, C, D, E);
method_impls!(A, B, C, D, E, F);

/// Runs a method: checks the receiver's type, borrows it, converts arguments.
fn invoke_method<T: UserData, M, F: Method<T, M>>(
    f: &F,
    vm: &mut Vm,
    class: &str,
    name: &str,
    args: Args<'_>,
) -> PyResult<VmValue> {
    if !args.kw.is_empty() {
        return Err(vm.new_error("TypeError", &format!("{name}() takes no keyword arguments")));
    }
    let Some((this, rest)) = args.pos.split_first() else {
        let msg = format!("unbound method {class}.{name}() needs an argument");
        return Err(vm.new_error("TypeError", &msg));
    };
    let Some(cell) = cell_of::<T>(this) else {
        let msg =
            format!("descriptor '{name}' requires a '{class}' object but received a '{}'", type_name(this));
        return Err(vm.new_error("TypeError", &msg));
    };
    let this = this.clone();
    let Ok(mut borrowed) = cell.try_borrow_mut() else {
        return Err(in_use(class).to_exc(vm));
    };
    let mut cx = Cx::new(vm);
    let result = f.call_method(&mut cx, name, &mut borrowed, rest);
    drop(borrowed);
    drop(this);
    match result {
        Ok(v) => Ok(v.0),
        Err(CallError::Args(msg)) => Err(vm.new_error("TypeError", &msg)),
        Err(CallError::Raised(e)) => Err(raise_host_error(vm, e)),
    }
}

/// Builds a host class: its constructor, methods and properties. From
/// [`Interpreter::register_class`](crate::Interpreter::register_class) or
/// [`Module::class`](crate::Module::class).
///
/// ```
/// struct Temp { celsius: f64 }
/// impl gyre::UserData for Temp {}
/// let mut interp = gyre::Interpreter::new();
/// interp.register_class::<Temp>("Temp")
///     .constructor(|c: f64| Temp { celsius: c })
///     .getter("fahrenheit", |t: &Temp| t.celsius * 9.0 / 5.0 + 32.0)
///     .setter("celsius", |t: &mut Temp, c: f64| t.celsius = c);
/// interp.exec("t = Temp(100)\nt.celsius = 0").unwrap();
/// assert_eq!(interp.eval::<f64>("t.fahrenheit").unwrap(), 32.0);
/// ```
pub struct Class<'a, T> {
    vm: &'a mut Vm,
    class: Rc<VmClass>,
    _type: std::marker::PhantomData<T>,
}

impl<'a, T: UserData> Class<'a, T> {
    /// Creates the class `name` for `T` and registers it (the caller binds the name).
    pub(crate) fn create(vm: &'a mut Vm, name: &str) -> (Class<'a, T>, VmValue) {
        let object = vm.types.object.clone();
        let class = builtin_class(name, &[object], BaseKind::Native);
        registry(vm).borrow_mut().insert(TypeId::of::<T>(), class.clone());
        let value = VmValue::Class(class.clone());
        (Class { vm, class, _type: std::marker::PhantomData }, value)
    }

    pub(crate) fn vm_mut(&mut self) -> &mut Vm {
        self.vm
    }

    /// How scripts create objects: `Name(args)` runs `ctor` (a host function returning `T`
    /// or `Result<T, E>`). Without a constructor, scripts cannot create instances; the host
    /// still can, by converting a `T`.
    ///
    /// ```
    /// struct Id(u32);
    /// impl gyre::UserData for Id {}
    /// let mut interp = gyre::Interpreter::new();
    /// interp.register_class::<Id>("Id").constructor(|n: u32| Id(n));
    /// interp.exec("a = Id(7)").unwrap();
    /// assert!(interp.exec("Id(-1)").is_err());
    /// ```
    pub fn constructor<M: 'static, F: HostFn<M>>(self, ctor: F) -> Self {
        let name = self.class.name();
        let inner = closure_value(self.vm, &name, ctor, false);
        let VmValue::Obj(inner) = inner else { unreachable!("closure_value makes an object") };
        let Payload::NativeClosure(inner) = &inner.payload else { unreachable!("a closure") };
        let run = inner.f.clone();
        // `__new__` receives the class first; the constructor does not want it.
        let new = move |vm: &mut Vm, args: Args<'_>| {
            let rest = args.pos.get(1..).unwrap_or(&[]);
            run(vm, Args { pos: rest, kw: args.kw })
        };
        let closure = Closure { name: Rc::from("__new__"), f: Rc::new(new), is_method: false };
        let value = VmValue::Obj(Object::new(
            self.vm.types.builtin_function.clone(),
            Payload::NativeClosure(closure),
        ));
        self.class.set_attr("__new__", value);
        self
    }

    /// A method: `obj.name(args)` runs `f(&mut value, args)`.
    ///
    /// ```
    /// struct Stack(Vec<i64>);
    /// impl gyre::UserData for Stack {}
    /// let mut interp = gyre::Interpreter::new();
    /// interp.register_class::<Stack>("Stack")
    ///     .constructor(|| Stack(vec![]))
    ///     .method("push", |s: &mut Stack, v: i64| s.0.push(v))
    ///     .method("pop", |s: &mut Stack| s.0.pop());
    /// interp.exec("s = Stack()\ns.push(1)\ns.push(2)\ntop = s.pop()").unwrap();
    /// assert_eq!(interp.globals().get::<i64>("top").unwrap(), 2);
    /// ```
    pub fn method<M: 'static, F: Method<T, M>>(mut self, name: &str, f: F) -> Self {
        let value = self.method_value(name, f, true);
        self.class.set_attr(name, value);
        self
    }

    fn method_value<M: 'static, F: Method<T, M>>(&mut self, name: &str, f: F, is_method: bool) -> VmValue {
        let class = self.class.name();
        let shown: Rc<str> = Rc::from(name);
        let n = shown.clone();
        let call = move |vm: &mut Vm, args: Args<'_>| invoke_method(&f, vm, &class, &n, args);
        let closure = Closure { name: shown, f: Rc::new(call), is_method };
        VmValue::Obj(Object::new(self.vm.types.builtin_function.clone(), Payload::NativeClosure(closure)))
    }

    /// A read-only property: `obj.name` is `f(&value)`.
    ///
    /// ```
    /// struct Named(String);
    /// impl gyre::UserData for Named {}
    /// let mut interp = gyre::Interpreter::new();
    /// interp.register_class::<Named>("Named")
    ///     .constructor(|s: String| Named(s))
    ///     .getter("name", |n: &Named| n.0.clone());
    /// assert_eq!(interp.eval::<String>("Named('x').name").unwrap(), "x");
    /// assert!(interp.exec("Named('x').name = 'y'").is_err());
    /// ```
    pub fn getter<R: HostReturn + 'static>(mut self, name: &str, f: impl Fn(&T) -> R + 'static) -> Self {
        let get = self.method_value(name, move |t: &mut T| f(t), false);
        self.set_property(name, get, VmValue::None)
    }

    /// A writable property: `obj.name = v` runs `f(&mut value, v)`. Combine with
    /// [`getter`](Class::getter) to make it readable too.
    ///
    /// ```
    /// struct Level(u8);
    /// impl gyre::UserData for Level {}
    /// let mut interp = gyre::Interpreter::new();
    /// interp.register_class::<Level>("Level")
    ///     .constructor(|| Level(0))
    ///     .getter("value", |l: &Level| l.0)
    ///     .setter("value", |l: &mut Level, v: u8| l.0 = v);
    /// interp.exec("l = Level()\nl.value = 9").unwrap();
    /// assert_eq!(interp.eval::<u8>("l.value").unwrap(), 9);
    /// ```
    pub fn setter<V: FromValue + 'static, R: HostReturn + 'static>(
        mut self,
        name: &str,
        f: impl Fn(&mut T, V) -> R + 'static,
    ) -> Self {
        let set = self.method_value(name, move |t: &mut T, v: V| f(t, v), false);
        self.set_property(name, VmValue::None, set)
    }

    /// Sets property `name`, keeping the half (getter or setter) not given here.
    fn set_property(self, name: &str, get: VmValue, set: VmValue) -> Self {
        let existing = self.class.dict.borrow().get_str(crate::vm::object::str_hash(name), name).cloned();
        let (get, set) = match existing.as_ref().and_then(|v| v.payload()) {
            Some(Payload::Property(p)) => (
                if get.is_none() { p.fget.clone() } else { get },
                if set.is_none() { p.fset.clone() } else { set },
            ),
            _ => (get, set),
        };
        let cls = self.vm.types.property.clone();
        let prop = Payload::Property(Box::new(PropertyData {
            fget: get,
            fset: set,
            fdel: VmValue::None,
            doc: VmValue::None,
            name: RefCell::new(VmValue::str(name)),
        }));
        self.class.set_attr(name, VmValue::Obj(Object::new(cls, prop)));
        self
    }
}
