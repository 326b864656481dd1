//! Conversions between Rust and script values: [`FromValue`] and [`IntoValue`] for numbers,
//! `bool`, strings, `Vec`, maps, sets, `Option`, tuples up to 8, [`Bytes`] and [`Value`];
//! [`IntoArgs`] for argument lists.
//!
//! Conversions are strict, like CPython's argument parsing: a `str` never becomes a number,
//! an `int` becomes a float but not the other way round, `bool` accepts only `True`/`False`.
//! A mismatch is [`Error::Conversion`]; an out-of-range integer is `OverflowError`.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::hash::Hash;

use num_bigint::BigInt;

use super::context::Cx;
use super::error::{Error, Exception};
use super::value::{type_name, Bytes, Value};
use crate::vm::object::Payload;
use crate::vm::{Value as VmValue, Vm};

/// Converts a script value into a Rust value.
///
/// Implemented for integers, floats, `bool`, `String`, `Vec<T>` (from a list or tuple),
/// `HashMap`/`BTreeMap` (from a dict), `HashSet` (from a set), `Option<T>` (`None` or a
/// `T`), tuples up to 8 (from a tuple or list of that length), [`Bytes`], `()` (accepts
/// anything) and [`Value`] (no conversion). Implement it for your own types to accept them
/// as host function arguments.
///
/// ```
/// use std::collections::HashMap;
/// let mut interp = gyre::Interpreter::new();
/// let m: HashMap<String, Vec<i64>> = interp.eval("{'a': [1, 2], 'b': []}").unwrap();
/// assert_eq!(m["a"], vec![1, 2]);
/// let pair: (String, Option<f64>) = interp.eval("('x', None)").unwrap();
/// assert_eq!(pair, ("x".to_string(), None));
/// assert!(interp.eval::<i64>("'not a number'").is_err());
/// ```
pub trait FromValue: Sized {
    /// Converts `value`, or fails with [`Error::Conversion`] naming the expected type.
    fn from_value(value: Value, cx: &mut Cx<'_>) -> Result<Self, Error>;

    /// The value to use when a host function's trailing argument is left out; `None` means
    /// the argument is required. Only `Option<T>` makes arguments optional.
    #[doc(hidden)]
    fn when_missing() -> Option<Self> {
        None
    }
}

/// Converts a Rust value into a script value.
///
/// Implemented for the same types as [`FromValue`], plus `&str`, `char` and slices. Vectors
/// and slices become lists, maps become dicts, tuples become tuples, `None` becomes `None`.
///
/// ```
/// use std::collections::BTreeMap;
/// let mut interp = gyre::Interpreter::new();
/// let mut scores = BTreeMap::new();
/// scores.insert("ann".to_string(), 3);
/// interp.globals().set("scores", scores).unwrap();
/// interp.globals().set("names", vec!["ann", "bob"]).unwrap();
/// assert_eq!(interp.eval::<String>("repr((scores, names))").unwrap(), "({'ann': 3}, ['ann', 'bob'])");
/// ```
pub trait IntoValue {
    /// Converts `self` into a script value of this interpreter.
    fn into_value(self, cx: &mut Cx<'_>) -> Result<Value, Error>;
}

/// A list of arguments for [`Interpreter::call`](crate::Interpreter::call): `()`, a tuple of
/// up to 8 [`IntoValue`] values (write one argument as `(x,)`), or a `Vec<Value>`.
///
/// ```
/// let mut interp = gyre::Interpreter::new();
/// interp.exec("def add(a, b=10):\n    return a + b").unwrap();
/// assert_eq!(interp.call::<i64>("add", (1,)).unwrap(), 11);
/// assert_eq!(interp.call::<i64>("add", (1, 2)).unwrap(), 3);
/// let args = vec![gyre::Value::none()];
/// assert!(interp.call::<i64>("add", args).is_err());
/// ```
pub trait IntoArgs {
    /// Converts the arguments into script values.
    #[doc(hidden)]
    fn into_args(self, cx: &mut Cx<'_>) -> Result<Vec<VmValue>, Error>;
}

fn mismatch(expected: &str, v: &VmValue) -> Error {
    Error::conversion(expected, type_name(v))
}

/// The builtin value inside an instance of a subclass of `int`, `str`, `float` or `tuple`.
fn unboxed(v: &VmValue) -> &VmValue {
    match v.payload() {
        Some(Payload::Boxed(inner)) => inner,
        _ => v,
    }
}

fn overflow(target: &str) -> Error {
    Error::Exception(Exception::new("OverflowError", format!("Python int too large to convert to {target}")))
}

impl FromValue for Value {
    fn from_value(value: Value, _cx: &mut Cx<'_>) -> Result<Value, Error> {
        Ok(value)
    }
}

impl IntoValue for Value {
    fn into_value(self, _cx: &mut Cx<'_>) -> Result<Value, Error> {
        Ok(self)
    }
}

impl IntoValue for &Value {
    fn into_value(self, _cx: &mut Cx<'_>) -> Result<Value, Error> {
        Ok(self.clone())
    }
}

impl FromValue for () {
    fn from_value(_value: Value, _cx: &mut Cx<'_>) -> Result<(), Error> {
        Ok(())
    }
}

impl IntoValue for () {
    fn into_value(self, _cx: &mut Cx<'_>) -> Result<Value, Error> {
        Ok(Value::none())
    }
}

macro_rules! int_conversions {
    ($($t:ty),*) => {$(
        impl FromValue for $t {
            fn from_value(value: Value, _cx: &mut Cx<'_>) -> Result<$t, Error> {
                match unboxed(&value.0) {
                    VmValue::Int(i) => <$t>::try_from(*i).map_err(|_| overflow(stringify!($t))),
                    VmValue::Bool(b) => Ok(*b as $t),
                    VmValue::BigInt(b) => <$t>::try_from(&**b).map_err(|_| overflow(stringify!($t))),
                    other => Err(mismatch("int", other)),
                }
            }
        }

        impl IntoValue for $t {
            fn into_value(self, _cx: &mut Cx<'_>) -> Result<Value, Error> {
                Ok(Value(match i64::try_from(self) {
                    Ok(i) => VmValue::Int(i),
                    Err(_) => VmValue::from_bigint(BigInt::from(self)),
                }))
            }
        }
    )*};
}

int_conversions!(i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize);

impl FromValue for f64 {
    fn from_value(value: Value, _cx: &mut Cx<'_>) -> Result<f64, Error> {
        match unboxed(&value.0) {
            VmValue::Float(f) => Ok(*f),
            VmValue::Int(i) => Ok(*i as f64),
            VmValue::Bool(b) => Ok(*b as i64 as f64),
            VmValue::BigInt(b) => crate::vm::ops::big_to_f64(b).ok_or_else(|| {
                Error::Exception(Exception::new("OverflowError", "int too large to convert to float"))
            }),
            other => Err(mismatch("float", other)),
        }
    }
}

impl IntoValue for f64 {
    fn into_value(self, _cx: &mut Cx<'_>) -> Result<Value, Error> {
        Ok(Value(VmValue::Float(self)))
    }
}

impl FromValue for f32 {
    fn from_value(value: Value, cx: &mut Cx<'_>) -> Result<f32, Error> {
        f64::from_value(value, cx).map(|f| f as f32)
    }
}

impl IntoValue for f32 {
    fn into_value(self, _cx: &mut Cx<'_>) -> Result<Value, Error> {
        Ok(Value(VmValue::Float(self as f64)))
    }
}

impl FromValue for bool {
    fn from_value(value: Value, _cx: &mut Cx<'_>) -> Result<bool, Error> {
        match &value.0 {
            VmValue::Bool(b) => Ok(*b),
            other => Err(mismatch("bool", other)),
        }
    }
}

impl IntoValue for bool {
    fn into_value(self, _cx: &mut Cx<'_>) -> Result<Value, Error> {
        Ok(Value(VmValue::Bool(self)))
    }
}

impl FromValue for String {
    fn from_value(value: Value, _cx: &mut Cx<'_>) -> Result<String, Error> {
        match unboxed(&value.0) {
            VmValue::Str(s) => Ok(s.as_str().to_string()),
            other => Err(mismatch("str", other)),
        }
    }
}

impl IntoValue for String {
    fn into_value(self, _cx: &mut Cx<'_>) -> Result<Value, Error> {
        Ok(Value(VmValue::string(self)))
    }
}

impl IntoValue for &str {
    fn into_value(self, _cx: &mut Cx<'_>) -> Result<Value, Error> {
        Ok(Value(VmValue::str(self)))
    }
}

impl IntoValue for &String {
    fn into_value(self, _cx: &mut Cx<'_>) -> Result<Value, Error> {
        Ok(Value(VmValue::str(self)))
    }
}

impl IntoValue for char {
    fn into_value(self, _cx: &mut Cx<'_>) -> Result<Value, Error> {
        Ok(Value(VmValue::string(self.to_string())))
    }
}

impl FromValue for Bytes {
    fn from_value(value: Value, cx: &mut Cx<'_>) -> Result<Bytes, Error> {
        cx.vm.bytes_of(&value.0).map(Bytes).ok_or_else(|| mismatch("bytes", &value.0))
    }
}

impl IntoValue for Bytes {
    fn into_value(self, cx: &mut Cx<'_>) -> Result<Value, Error> {
        let v = cx.vm.new_bytes(self.0);
        cx.track(&v)?;
        Ok(Value(v))
    }
}

impl<T: FromValue> FromValue for Option<T> {
    fn from_value(value: Value, cx: &mut Cx<'_>) -> Result<Option<T>, Error> {
        if value.is_none() {
            return Ok(None);
        }
        T::from_value(value, cx).map(Some)
    }

    fn when_missing() -> Option<Option<T>> {
        Some(None)
    }
}

impl<T: IntoValue> IntoValue for Option<T> {
    fn into_value(self, cx: &mut Cx<'_>) -> Result<Value, Error> {
        match self {
            Some(v) => v.into_value(cx),
            None => Ok(Value::none()),
        }
    }
}

/// The items of a list or tuple (cloned out, so no borrow is held while converting them).
fn sequence_items(v: &VmValue) -> Option<Vec<VmValue>> {
    match unboxed(v) {
        VmValue::List(l) => Some(l.items.borrow().clone()),
        VmValue::Tuple(t) => Some(t.items.to_vec()),
        _ => match v.payload() {
            Some(Payload::ListData(l)) => Some(l.items.borrow().clone()),
            _ => None,
        },
    }
}

impl<T: FromValue> FromValue for Vec<T> {
    fn from_value(value: Value, cx: &mut Cx<'_>) -> Result<Vec<T>, Error> {
        let items = sequence_items(&value.0).ok_or_else(|| mismatch("list", &value.0))?;
        items.into_iter().map(|v| T::from_value(Value(v), cx)).collect()
    }
}

/// Converts items into a new list value, charged to the memory limit.
fn list_of<T: IntoValue>(items: impl Iterator<Item = T>, cx: &mut Cx<'_>) -> Result<Value, Error> {
    let items = items.map(|x| x.into_value(cx).map(|v| v.0)).collect::<Result<Vec<_>, _>>()?;
    let v = VmValue::list(items);
    cx.track(&v)?;
    Ok(Value(v))
}

impl<T: IntoValue> IntoValue for Vec<T> {
    fn into_value(self, cx: &mut Cx<'_>) -> Result<Value, Error> {
        list_of(self.into_iter(), cx)
    }
}

impl<T: IntoValue + Clone> IntoValue for &[T] {
    fn into_value(self, cx: &mut Cx<'_>) -> Result<Value, Error> {
        list_of(self.iter().cloned(), cx)
    }
}

/// The (key, value) pairs of a dict (cloned out of the table first).
fn dict_items(v: &VmValue, vm: &Vm) -> Option<Vec<(VmValue, VmValue)>> {
    let d = vm.dict_of(v)?;
    let items = d.map.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
    Some(items)
}

fn map_from_value<K: FromValue, V: FromValue, M: FromIterator<(K, V)>>(
    value: Value,
    cx: &mut Cx<'_>,
) -> Result<M, Error> {
    let items = dict_items(&value.0, cx.vm).ok_or_else(|| mismatch("dict", &value.0))?;
    items.into_iter().map(|(k, v)| Ok((K::from_value(Value(k), cx)?, V::from_value(Value(v), cx)?))).collect()
}

fn dict_of<K: IntoValue, V: IntoValue>(
    items: impl Iterator<Item = (K, V)>,
    cx: &mut Cx<'_>,
) -> Result<Value, Error> {
    let d = cx.vm.new_dict();
    let VmValue::Dict(dict) = &d else { unreachable!("new_dict makes a dict") };
    for (k, v) in items {
        let (k, v) = (k.into_value(cx)?.0, v.into_value(cx)?.0);
        cx.vm.dict_set(dict, k, v).map_err(|e| cx.error(&e))?;
    }
    cx.track(&d)?;
    Ok(Value(d))
}

impl<K: FromValue + Eq + Hash, V: FromValue, S: std::hash::BuildHasher + Default> FromValue
    for HashMap<K, V, S>
{
    fn from_value(value: Value, cx: &mut Cx<'_>) -> Result<Self, Error> {
        map_from_value(value, cx)
    }
}

impl<K: IntoValue, V: IntoValue, S> IntoValue for HashMap<K, V, S> {
    fn into_value(self, cx: &mut Cx<'_>) -> Result<Value, Error> {
        dict_of(self.into_iter(), cx)
    }
}

impl<K: FromValue + Ord, V: FromValue> FromValue for BTreeMap<K, V> {
    fn from_value(value: Value, cx: &mut Cx<'_>) -> Result<Self, Error> {
        map_from_value(value, cx)
    }
}

impl<K: IntoValue, V: IntoValue> IntoValue for BTreeMap<K, V> {
    fn into_value(self, cx: &mut Cx<'_>) -> Result<Value, Error> {
        dict_of(self.into_iter(), cx)
    }
}

impl<T: FromValue + Eq + Hash, S: std::hash::BuildHasher + Default> FromValue for HashSet<T, S> {
    fn from_value(value: Value, cx: &mut Cx<'_>) -> Result<Self, Error> {
        let is_set = matches!(value.0.payload(), Some(Payload::Set(_) | Payload::FrozenSet(_)));
        if !is_set {
            return Err(mismatch("set", &value.0));
        }
        let items = cx.vm.set_items(&value.0);
        items.into_iter().map(|v| T::from_value(Value(v), cx)).collect()
    }
}

impl<T: IntoValue, S> IntoValue for HashSet<T, S> {
    fn into_value(self, cx: &mut Cx<'_>) -> Result<Value, Error> {
        let items = self.into_iter().map(|x| x.into_value(cx).map(|v| v.0)).collect::<Result<Vec<_>, _>>()?;
        let v = cx.vm.new_set(items).map_err(|e| cx.error(&e))?;
        cx.track(&v)?;
        Ok(Value(v))
    }
}

macro_rules! tuple_conversions {
    ($len:expr; $($T:ident $i:tt),+) => {
        impl<$($T: FromValue),+> FromValue for ($($T,)+) {
            fn from_value(value: Value, cx: &mut Cx<'_>) -> Result<Self, Error> {
                let items = sequence_items(&value.0).ok_or_else(|| mismatch("tuple", &value.0))?;
                if items.len() != $len {
                    let found = format!("{} of length {}", type_name(&value.0), items.len());
                    return Err(Error::conversion(concat!("tuple of length ", $len), found));
                }
                let mut items = items.into_iter();
                Ok(($($T::from_value(Value(items.next().unwrap_or_default()), cx)?,)+))
            }
        }

        impl<$($T: IntoValue),+> IntoValue for ($($T,)+) {
            fn into_value(self, cx: &mut Cx<'_>) -> Result<Value, Error> {
                Ok(Value(VmValue::tuple(vec![$(self.$i.into_value(cx)?.0),+])))
            }
        }

        impl<$($T: IntoValue),+> IntoArgs for ($($T,)+) {
            fn into_args(self, cx: &mut Cx<'_>) -> Result<Vec<VmValue>, Error> {
                Ok(vec![$(self.$i.into_value(cx)?.0),+])
            }
        }
    };
}

tuple_conversions!(1; A 0);
tuple_conversions!(2; A 0, B 1);
tuple_conversions!(3; A 0, B 1, C 2);
tuple_conversions!(4; A 0, B 1, C 2, D 3);
tuple_conversions!(5; A 0, B 1, C 2, D 3, E 4);
tuple_conversions!(6; A 0, B 1, C 2, D 3, E 4, F 5);
tuple_conversions!(7; A 0, B 1, C 2, D 3, E 4, F 5, G 6);
tuple_conversions!(8; A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7);

impl IntoArgs for () {
    fn into_args(self, _cx: &mut Cx<'_>) -> Result<Vec<VmValue>, Error> {
        Ok(Vec::new())
    }
}

impl IntoArgs for Vec<Value> {
    fn into_args(self, _cx: &mut Cx<'_>) -> Result<Vec<VmValue>, Error> {
        Ok(self.into_iter().map(|v| v.0).collect())
    }
}
