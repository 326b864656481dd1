//! [`Value`], the host's handle on any script value, and [`Bytes`], the Rust side of
//! Python `bytes`.
//!
//! A `Value` is a cheap clone (an inline number or a reference count). It belongs to the
//! interpreter that made it: like the interpreter, it is neither `Send` nor `Sync`.

use std::fmt;

use crate::vm::object::Payload;
use crate::vm::Value as VmValue;

/// Any script value, held by the host.
///
/// Get one from [`Interpreter::eval`](crate::Interpreter::eval), a global, or a host
/// function's argument; convert it to a Rust type with [`FromValue`](crate::FromValue), call
/// it with [`Interpreter::call`](crate::Interpreter::call), or inspect it with
/// [`Interpreter::repr`](crate::Interpreter::repr).
///
/// ```
/// let mut interp = gyre::Interpreter::new();
/// let v: gyre::Value = interp.eval("[1, 'two', 3.0]").unwrap();
/// assert_eq!(v.type_name(), "list");
/// assert_eq!(interp.repr(&v).unwrap(), "[1, 'two', 3.0]");
/// ```
#[derive(Clone, Default)]
pub struct Value(pub(crate) VmValue);

impl Value {
    /// Python's `None`.
    ///
    /// ```
    /// assert!(gyre::Value::none().is_none());
    /// ```
    pub fn none() -> Value {
        Value(VmValue::None)
    }

    /// Whether this is `None`.
    ///
    /// ```
    /// let mut interp = gyre::Interpreter::new();
    /// assert!(interp.eval::<gyre::Value>("print").map(|v| !v.is_none()).unwrap());
    /// ```
    pub fn is_none(&self) -> bool {
        matches!(self.0, VmValue::None | VmValue::Undef)
    }

    /// The name of the value's type, as `type(v).__name__` gives it.
    ///
    /// ```
    /// let mut interp = gyre::Interpreter::new();
    /// let v: gyre::Value = interp.eval("{'a': 1}").unwrap();
    /// assert_eq!(v.type_name(), "dict");
    /// ```
    pub fn type_name(&self) -> String {
        type_name(&self.0)
    }

    /// Whether this is the very same object as `other` (Python's `is`).
    ///
    /// ```
    /// let mut interp = gyre::Interpreter::new();
    /// interp.exec("a = []\nb = a").unwrap();
    /// let a: gyre::Value = interp.globals().get("a").unwrap();
    /// let b: gyre::Value = interp.globals().get("b").unwrap();
    /// assert!(a.is(&b));
    /// ```
    pub fn is(&self, other: &Value) -> bool {
        self.0.is(&other.0)
    }

    /// Whether the value can be called (a function, class, method or host function).
    ///
    /// ```
    /// let mut interp = gyre::Interpreter::new();
    /// assert!(interp.eval::<gyre::Value>("len").unwrap().is_callable());
    /// assert!(!interp.eval::<gyre::Value>("3").unwrap().is_callable());
    /// ```
    pub fn is_callable(&self) -> bool {
        match &self.0 {
            VmValue::Func(_) | VmValue::Class(_) => true,
            VmValue::Obj(o) => {
                matches!(o.payload, Payload::Native(_) | Payload::NativeClosure(_) | Payload::BoundMethod(..))
                    || o.class.lookup("__call__").is_some()
            }
            _ => false,
        }
    }
}

/// `type(v).__name__` without a VM (builtin variants have fixed names).
pub(crate) fn type_name(v: &VmValue) -> String {
    match v {
        VmValue::Undef | VmValue::None => "NoneType".into(),
        VmValue::Bool(_) => "bool".into(),
        VmValue::Int(_) | VmValue::BigInt(_) => "int".into(),
        VmValue::Float(_) => "float".into(),
        VmValue::Str(_) => "str".into(),
        VmValue::List(_) => "list".into(),
        VmValue::Tuple(_) => "tuple".into(),
        VmValue::Dict(_) => "dict".into(),
        VmValue::Func(_) => "function".into(),
        VmValue::Class(c) => c.meta.as_ref().map(|m| m.name()).unwrap_or_else(|| "type".into()),
        VmValue::Obj(o) => o.class.name(),
    }
}

impl fmt::Debug for Value {
    /// Numbers, strings, `None` and booleans as their Python repr; anything else as
    /// `<type object>` (use [`Interpreter::repr`](crate::Interpreter::repr) for a full repr).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            VmValue::Undef | VmValue::None => f.write_str("None"),
            VmValue::Bool(true) => f.write_str("True"),
            VmValue::Bool(false) => f.write_str("False"),
            VmValue::Int(i) => write!(f, "{i}"),
            VmValue::BigInt(b) => write!(f, "{b}"),
            VmValue::Float(x) => f.write_str(&crate::text::float_repr::repr_f64(*x)),
            VmValue::Str(s) => f.write_str(&crate::text::repr::repr_str(s.as_str())),
            other => write!(f, "<{} object>", type_name(other)),
        }
    }
}

impl From<VmValue> for Value {
    fn from(v: VmValue) -> Value {
        Value(v)
    }
}

/// Python `bytes` on the Rust side (a plain `Vec<u8>` converts to a list of ints instead).
///
/// ```
/// let mut interp = gyre::Interpreter::new();
/// let b: gyre::Bytes = interp.eval("b'hi' + bytes([33])").unwrap();
/// assert_eq!(b.0, b"hi!");
/// interp.globals().set("data", gyre::Bytes(vec![1, 2, 3])).unwrap();
/// assert_eq!(interp.eval::<usize>("len(data)").unwrap(), 3);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Bytes(pub Vec<u8>);
