//! The optional `serde` feature: [`Serde<T>`] carries any `Serialize`/`Deserialize` type
//! across the script boundary, and [`Value`] implements `Serialize` so a script value can be
//! written with any serde format (`serde_json::to_string(&value)`).
//!
//! The data model, both ways: a struct or map is a `dict` (struct fields become `str` keys),
//! a sequence is a `list`, a tuple or tuple struct is a `tuple`, `None`/`()`/a unit struct is
//! `None`, `Some(x)` is `x`, bytes are `bytes`, and an enum is externally tagged as in
//! serde_json (`"Unit"`, `{"Newtype": value}`, `{"Tuple": (a, b)}`, `{"Struct": {...}}`).
//! Reading accepts a tuple where a sequence is wanted and a set or frozenset too.
//!
//! Invariants: no walk recurses deeper than [`MAX_NESTING`] levels, so a cyclic script value
//! (`a = []; a.append(a)`) or absurdly deep data is a clean error, never a Rust stack
//! overflow; every container built is charged to the memory limit, like other conversions.

use std::fmt;
use std::rc::Rc;

use num_bigint::BigInt;
use serde::de::{self, DeserializeOwned, IntoDeserializer, Visitor};
use serde::ser::{self, Serialize};

use super::context::Cx;
use super::convert::{FromValue, IntoValue};
use super::error::{Error, Exception};
use super::value::{type_name, Value};
use crate::vm::object::Payload;
use crate::vm::object::{Dict, PyStr};
use crate::vm::Value as VmValue;

/// How deep a serde walk may nest. Real data rarely passes a few dozen levels; the bound
/// exists because each level costs Rust stack, and a cyclic list or dict would otherwise
/// recurse until the process aborts. 256 levels fit easily in a 2 MB thread stack.
pub const MAX_NESTING: usize = 256;

/// Any serde type as a script value: `Serde<T>` is [`IntoValue`] when `T: Serialize` and
/// [`FromValue`] when `T: Deserialize`, so it works everywhere those traits do: `eval`,
/// `call`, globals, and host function arguments and results. Needs the `serde` feature.
///
/// Structs and maps become dicts, sequences lists, tuples tuples, `None` and `()` become
/// `None`, enums are tagged as in serde_json. Reading is strict about types (a `str` is never
/// a number) and an `int` outside the Rust integer's range is an `OverflowError`.
///
/// ```
/// use gyre::Serde;
/// use serde::{Deserialize, Serialize};
///
/// #[derive(Serialize, Deserialize, Debug, PartialEq)]
/// struct Point {
///     x: i32,
///     y: i32,
///     label: Option<String>,
/// }
///
/// let mut interp = gyre::Interpreter::new();
/// // Rust to script: a struct becomes a dict.
/// interp.globals().set("p", Serde(Point { x: 1, y: 2, label: None })).unwrap();
/// assert_eq!(interp.eval::<String>("repr(p)").unwrap(), "{'x': 1, 'y': 2, 'label': None}");
/// // Script to Rust: a dict becomes a struct.
/// let Serde(q) = interp.eval::<Serde<Point>>("{'x': p['x'] + 10, 'y': 0, 'label': 'q'}").unwrap();
/// assert_eq!(q, Point { x: 11, y: 0, label: Some("q".into()) });
/// // Host functions take and return serde types.
/// interp.register_fn("mirror", |Serde(p): Serde<Point>| Serde(Point { x: p.y, y: p.x, ..p }));
/// assert_eq!(interp.eval::<String>("repr(mirror(p))").unwrap(), "{'x': 2, 'y': 1, 'label': None}");
/// // A missing field is a clean error.
/// let err = interp.eval::<Serde<Point>>("{'x': 1}").unwrap_err();
/// assert_eq!(err.to_string(), "TypeError: missing field `y`");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Serde<T>(pub T);

impl<T: Serialize> IntoValue for Serde<T> {
    fn into_value(self, cx: &mut Cx<'_>) -> Result<Value, Error> {
        let ser = ValueSerializer { cx, depth: 0 };
        self.0.serialize(ser).map(Value).map_err(|e| e.0)
    }
}

impl<T: DeserializeOwned> FromValue for Serde<T> {
    fn from_value(value: Value, cx: &mut Cx<'_>) -> Result<Serde<T>, Error> {
        let de = ValueDeserializer { cx, value: value.0, depth: 0 };
        T::deserialize(de).map(Serde).map_err(|e| e.0)
    }
}

/// The error serde sees while walking: a gyre [`Error`], with serde's own messages
/// (`missing field`, `invalid type`) as a `TypeError`.
#[derive(Debug)]
pub struct SerdeError(Error);

impl fmt::Display for SerdeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for SerdeError {}

impl ser::Error for SerdeError {
    fn custom<M: fmt::Display>(msg: M) -> SerdeError {
        exception("TypeError", msg.to_string())
    }
}

impl de::Error for SerdeError {
    fn custom<M: fmt::Display>(msg: M) -> SerdeError {
        exception("TypeError", msg.to_string())
    }
}

fn exception(type_name: &str, message: String) -> SerdeError {
    SerdeError(Error::Exception(Exception::new(type_name, message)))
}

fn too_deep() -> SerdeError {
    exception("ValueError", format!("value nested more than {MAX_NESTING} levels deep (or cyclic)"))
}

fn not_data(v: &VmValue) -> SerdeError {
    let expected = "None, bool, int, float, str, bytes, list, tuple, dict or set";
    SerdeError(Error::conversion(expected, type_name(v)))
}

/// The builtin value inside an instance of a subclass of `int`, `str`, `float`, `list`,
/// `dict` or `tuple`.
fn unboxed(v: &VmValue) -> VmValue {
    match v.payload() {
        Some(Payload::Boxed(inner)) => inner.clone(),
        Some(Payload::ListData(l)) => VmValue::List(l.clone()),
        Some(Payload::DictData(d)) => VmValue::Dict(d.clone()),
        _ => v.clone(),
    }
}

/// The shape of a value for a serde walk, with container items cloned out so no `RefCell`
/// borrow is held while the walk goes on.
enum Shape {
    None,
    Bool(bool),
    Int(i64),
    Big(Rc<BigInt>),
    Float(f64),
    Str(Rc<PyStr>),
    Bytes(Vec<u8>),
    Seq(Vec<VmValue>),
    Map(Vec<(VmValue, VmValue)>),
    Other,
}

fn shape(v: &VmValue) -> Shape {
    match unboxed(v) {
        VmValue::Undef | VmValue::None => Shape::None,
        VmValue::Bool(b) => Shape::Bool(b),
        VmValue::Int(i) => Shape::Int(i),
        VmValue::BigInt(b) => Shape::Big(b),
        VmValue::Float(f) => Shape::Float(f),
        VmValue::Str(s) => Shape::Str(s),
        VmValue::List(l) => Shape::Seq(l.items.borrow().clone()),
        VmValue::Tuple(t) => Shape::Seq(t.items.to_vec()),
        VmValue::Dict(d) => Shape::Map(d.map.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect()),
        VmValue::Obj(o) => match &o.payload {
            Payload::Bytes(b) => Shape::Bytes(b.to_vec()),
            Payload::ByteArray(b) => Shape::Bytes(b.borrow().clone()),
            Payload::Set(s) => Shape::Seq(s.borrow().iter().cloned().collect()),
            Payload::FrozenSet(s) => Shape::Seq(s.iter().cloned().collect()),
            _ => Shape::Other,
        },
        _ => Shape::Other,
    }
}

fn big_too_large() -> SerdeError {
    exception("OverflowError", "int too large to convert (more than 128 bits)".into())
}

// ---------------------------------------------------------------------------------------
// Script value -> any serde format (no interpreter needed).

/// Writes a script value with any serde format. Dicts become maps, lists, tuples and sets
/// sequences, `None` a unit; functions, classes and other objects are an error. Needs the
/// `serde` feature.
///
/// ```
/// let mut interp = gyre::Interpreter::new();
/// let v: gyre::Value = interp.eval("{'name': 'gyre', 'tags': ('fast', 'async'), 'n': 2 ** 70}").unwrap();
/// assert_eq!(
///     serde_json::to_string(&v).unwrap(),
///     r#"{"name":"gyre","tags":["fast","async"],"n":1180591620717411303424}"#
/// );
/// let f: gyre::Value = interp.eval("print").unwrap();
/// assert!(serde_json::to_string(&f).is_err());
/// ```
impl Serialize for Value {
    fn serialize<S: ser::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Walk { value: &self.0, depth: 0 }.serialize(serializer)
    }
}

/// A script value being written, with its nesting depth.
struct Walk<'v> {
    value: &'v VmValue,
    depth: usize,
}

impl Serialize for Walk<'_> {
    fn serialize<S: ser::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use ser::{Error as _, SerializeMap, SerializeSeq};
        if self.depth > MAX_NESTING {
            return Err(S::Error::custom(too_deep()));
        }
        let depth = self.depth + 1;
        match shape(self.value) {
            Shape::None => serializer.serialize_unit(),
            Shape::Bool(b) => serializer.serialize_bool(b),
            Shape::Int(i) => serializer.serialize_i64(i),
            Shape::Big(b) => match (i128::try_from(&*b), u128::try_from(&*b)) {
                (Ok(i), _) => serializer.serialize_i128(i),
                (_, Ok(u)) => serializer.serialize_u128(u),
                _ => Err(S::Error::custom(big_too_large())),
            },
            Shape::Float(f) => serializer.serialize_f64(f),
            Shape::Str(s) => serializer.serialize_str(s.as_str()),
            Shape::Bytes(b) => serializer.serialize_bytes(&b),
            Shape::Seq(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for value in &items {
                    seq.serialize_element(&Walk { value, depth })?;
                }
                seq.end()
            }
            Shape::Map(items) => {
                let mut map = serializer.serialize_map(Some(items.len()))?;
                for (k, v) in &items {
                    map.serialize_entry(&Walk { value: k, depth }, &Walk { value: v, depth })?;
                }
                map.end()
            }
            Shape::Other => Err(S::Error::custom(not_data(self.value))),
        }
    }
}

// ---------------------------------------------------------------------------------------
// Any Serialize type -> script value.

/// A serde `Serializer` whose output is a script value of the interpreter behind `cx`.
struct ValueSerializer<'c, 'a> {
    cx: &'c mut Cx<'a>,
    depth: usize,
}

impl<'c, 'a> ValueSerializer<'c, 'a> {
    fn nested(&mut self) -> Result<ValueSerializer<'_, 'a>, SerdeError> {
        if self.depth >= MAX_NESTING {
            return Err(too_deep());
        }
        Ok(ValueSerializer { cx: &mut *self.cx, depth: self.depth + 1 })
    }

    fn tracked(self, v: VmValue) -> Result<VmValue, SerdeError> {
        self.cx.track(&v).map_err(SerdeError)?;
        Ok(v)
    }

    fn seq(self, kind: SeqKind, len: Option<usize>) -> SeqBuilder<'c, 'a> {
        let items = Vec::with_capacity(len.unwrap_or(0).min(4096));
        SeqBuilder { ser: self, items, kind }
    }

    fn map(self, variant: Option<&'static str>) -> MapBuilder<'c, 'a> {
        MapBuilder { ser: self, dict: Rc::new(Dict::default()), key: None, variant }
    }

    /// `{variant: value}`: an enum variant carrying data, tagged as serde_json does.
    fn tagged(self, variant: &'static str, value: VmValue) -> Result<VmValue, SerdeError> {
        let dict = Rc::new(Dict::default());
        self.cx
            .vm
            .dict_set(&dict, VmValue::str(variant), value)
            .map_err(|e| SerdeError(self.cx.error(&e)))?;
        self.tracked(VmValue::Dict(dict))
    }
}

/// What a serialized sequence becomes.
#[derive(Clone, Copy)]
enum SeqKind {
    List,
    Tuple,
    /// A tuple variant: `{name: (items...)}`.
    Variant(&'static str),
}

struct SeqBuilder<'c, 'a> {
    ser: ValueSerializer<'c, 'a>,
    items: Vec<VmValue>,
    kind: SeqKind,
}

impl SeqBuilder<'_, '_> {
    fn push<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), SerdeError> {
        let v = value.serialize(self.ser.nested()?)?;
        self.items.push(v);
        Ok(())
    }

    fn finish(self) -> Result<VmValue, SerdeError> {
        match self.kind {
            SeqKind::List => self.ser.tracked(VmValue::list(self.items)),
            SeqKind::Tuple => self.ser.tracked(VmValue::tuple(self.items)),
            SeqKind::Variant(name) => {
                let t = VmValue::tuple(self.items);
                self.ser.tagged(name, t)
            }
        }
    }
}

struct MapBuilder<'c, 'a> {
    ser: ValueSerializer<'c, 'a>,
    dict: Rc<Dict>,
    key: Option<VmValue>,
    /// A struct variant: the dict is wrapped as `{name: dict}`.
    variant: Option<&'static str>,
}

impl MapBuilder<'_, '_> {
    fn insert(&mut self, key: VmValue, value: VmValue) -> Result<(), SerdeError> {
        let cx = &mut *self.ser.cx;
        cx.vm.dict_set(&self.dict, key, value).map_err(|e| SerdeError(cx.error(&e)))
    }

    fn field<T: Serialize + ?Sized>(&mut self, name: &'static str, value: &T) -> Result<(), SerdeError> {
        let v = value.serialize(self.ser.nested()?)?;
        self.insert(VmValue::str(name), v)
    }

    fn finish(self) -> Result<VmValue, SerdeError> {
        let d = VmValue::Dict(self.dict);
        match self.variant {
            None => self.ser.tracked(d),
            Some(name) => self.ser.tagged(name, d),
        }
    }
}

impl<'c, 'a> ser::Serializer for ValueSerializer<'c, 'a> {
    type Ok = VmValue;
    type Error = SerdeError;
    type SerializeSeq = SeqBuilder<'c, 'a>;
    type SerializeTuple = SeqBuilder<'c, 'a>;
    type SerializeTupleStruct = SeqBuilder<'c, 'a>;
    type SerializeTupleVariant = SeqBuilder<'c, 'a>;
    type SerializeMap = MapBuilder<'c, 'a>;
    type SerializeStruct = MapBuilder<'c, 'a>;
    type SerializeStructVariant = MapBuilder<'c, 'a>;

    fn serialize_bool(self, v: bool) -> Result<VmValue, SerdeError> {
        Ok(VmValue::Bool(v))
    }
    fn serialize_i8(self, v: i8) -> Result<VmValue, SerdeError> {
        Ok(VmValue::Int(v.into()))
    }
    fn serialize_i16(self, v: i16) -> Result<VmValue, SerdeError> {
        Ok(VmValue::Int(v.into()))
    }
    fn serialize_i32(self, v: i32) -> Result<VmValue, SerdeError> {
        Ok(VmValue::Int(v.into()))
    }
    fn serialize_i64(self, v: i64) -> Result<VmValue, SerdeError> {
        Ok(VmValue::Int(v))
    }
    fn serialize_i128(self, v: i128) -> Result<VmValue, SerdeError> {
        Ok(i64::try_from(v).map(VmValue::Int).unwrap_or_else(|_| VmValue::from_bigint(v.into())))
    }
    fn serialize_u8(self, v: u8) -> Result<VmValue, SerdeError> {
        Ok(VmValue::Int(v.into()))
    }
    fn serialize_u16(self, v: u16) -> Result<VmValue, SerdeError> {
        Ok(VmValue::Int(v.into()))
    }
    fn serialize_u32(self, v: u32) -> Result<VmValue, SerdeError> {
        Ok(VmValue::Int(v.into()))
    }
    fn serialize_u64(self, v: u64) -> Result<VmValue, SerdeError> {
        self.serialize_u128(v.into())
    }
    fn serialize_u128(self, v: u128) -> Result<VmValue, SerdeError> {
        Ok(i64::try_from(v).map(VmValue::Int).unwrap_or_else(|_| VmValue::from_bigint(v.into())))
    }
    fn serialize_f32(self, v: f32) -> Result<VmValue, SerdeError> {
        Ok(VmValue::Float(v.into()))
    }
    fn serialize_f64(self, v: f64) -> Result<VmValue, SerdeError> {
        Ok(VmValue::Float(v))
    }
    fn serialize_char(self, v: char) -> Result<VmValue, SerdeError> {
        Ok(VmValue::string(v.to_string()))
    }
    fn serialize_str(self, v: &str) -> Result<VmValue, SerdeError> {
        self.tracked(VmValue::str(v))
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<VmValue, SerdeError> {
        let b = self.cx.vm.new_bytes(v.to_vec());
        self.tracked(b)
    }
    fn serialize_none(self) -> Result<VmValue, SerdeError> {
        Ok(VmValue::None)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<VmValue, SerdeError> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<VmValue, SerdeError> {
        Ok(VmValue::None)
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<VmValue, SerdeError> {
        Ok(VmValue::None)
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<VmValue, SerdeError> {
        Ok(VmValue::str(variant))
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<VmValue, SerdeError> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        mut self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<VmValue, SerdeError> {
        let v = value.serialize(self.nested()?)?;
        self.tagged(variant, v)
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<SeqBuilder<'c, 'a>, SerdeError> {
        Ok(self.seq(SeqKind::List, len))
    }
    fn serialize_tuple(self, len: usize) -> Result<SeqBuilder<'c, 'a>, SerdeError> {
        Ok(self.seq(SeqKind::Tuple, Some(len)))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<SeqBuilder<'c, 'a>, SerdeError> {
        Ok(self.seq(SeqKind::Tuple, Some(len)))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<SeqBuilder<'c, 'a>, SerdeError> {
        Ok(self.seq(SeqKind::Variant(variant), Some(len)))
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<MapBuilder<'c, 'a>, SerdeError> {
        Ok(self.map(None))
    }
    fn serialize_struct(self, _: &'static str, _len: usize) -> Result<MapBuilder<'c, 'a>, SerdeError> {
        Ok(self.map(None))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<MapBuilder<'c, 'a>, SerdeError> {
        Ok(self.map(Some(variant)))
    }
}

macro_rules! seq_impls {
    ($($trait:ident :: $method:ident),*) => {$(
        impl ser::$trait for SeqBuilder<'_, '_> {
            type Ok = VmValue;
            type Error = SerdeError;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), SerdeError> {
                self.push(value)
            }
            fn end(self) -> Result<VmValue, SerdeError> {
                self.finish()
            }
        }
    )*};
}

seq_impls!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

impl ser::SerializeMap for MapBuilder<'_, '_> {
    type Ok = VmValue;
    type Error = SerdeError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), SerdeError> {
        self.key = Some(key.serialize(self.ser.nested()?)?);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), SerdeError> {
        let v = value.serialize(self.ser.nested()?)?;
        let key =
            self.key.take().ok_or_else(|| <SerdeError as ser::Error>::custom("map value without a key"))?;
        self.insert(key, v)
    }
    fn end(self) -> Result<VmValue, SerdeError> {
        self.finish()
    }
}

macro_rules! struct_impls {
    ($($trait:ident),*) => {$(
        impl ser::$trait for MapBuilder<'_, '_> {
            type Ok = VmValue;
            type Error = SerdeError;
            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                name: &'static str,
                value: &T,
            ) -> Result<(), SerdeError> {
                self.field(name, value)
            }
            fn end(self) -> Result<VmValue, SerdeError> {
                self.finish()
            }
        }
    )*};
}

struct_impls!(SerializeStruct, SerializeStructVariant);

// ---------------------------------------------------------------------------------------
// Script value -> any Deserialize type.

/// A serde `Deserializer` reading one script value.
struct ValueDeserializer<'c, 'a> {
    cx: &'c mut Cx<'a>,
    value: VmValue,
    depth: usize,
}

impl<'c, 'a> ValueDeserializer<'c, 'a> {
    fn items(self, items: Vec<VmValue>) -> Result<SeqDe<'c, 'a>, SerdeError> {
        check_depth(self.depth)?;
        Ok(SeqDe { cx: self.cx, items: items.into_iter(), depth: self.depth + 1 })
    }
}

fn check_depth(depth: usize) -> Result<(), SerdeError> {
    if depth >= MAX_NESTING {
        return Err(too_deep());
    }
    Ok(())
}

fn overflow(target: &str) -> SerdeError {
    exception("OverflowError", format!("Python int too large to convert to {target}"))
}

/// Integer hints convert with a range check, so an out-of-range `int` is an OverflowError
/// naming the Rust type (as plain [`FromValue`] conversions do) rather than serde's generic
/// "invalid value".
macro_rules! deserialize_int {
    ($($method:ident $t:ty => $visit:ident),*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, SerdeError> {
            let n = match shape(&self.value) {
                Shape::Int(i) => <$t>::try_from(i).ok(),
                Shape::Big(b) => <$t>::try_from(&*b).ok(),
                _ => return self.deserialize_any(visitor),
            };
            visitor.$visit(n.ok_or_else(|| overflow(stringify!($t)))?)
        }
    )*};
}

impl<'de> de::Deserializer<'de> for ValueDeserializer<'_, '_> {
    type Error = SerdeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, SerdeError> {
        match shape(&self.value) {
            Shape::None => visitor.visit_unit(),
            Shape::Bool(b) => visitor.visit_bool(b),
            Shape::Int(i) => visitor.visit_i64(i),
            Shape::Big(b) => match (i128::try_from(&*b), u128::try_from(&*b)) {
                (Ok(i), _) => visitor.visit_i128(i),
                (_, Ok(u)) => visitor.visit_u128(u),
                _ => Err(big_too_large()),
            },
            Shape::Float(f) => visitor.visit_f64(f),
            Shape::Str(s) => visitor.visit_str(s.as_str()),
            Shape::Bytes(b) => visitor.visit_byte_buf(b),
            Shape::Seq(items) => {
                let mut seq = self.items(items)?;
                let out = visitor.visit_seq(&mut seq)?;
                seq.finish(out)
            }
            Shape::Map(items) => {
                check_depth(self.depth)?;
                let mut map =
                    MapDe { cx: self.cx, items: items.into_iter(), value: None, depth: self.depth + 1 };
                visitor.visit_map(&mut map)
            }
            Shape::Other => Err(not_data(&self.value)),
        }
    }

    deserialize_int!(
        deserialize_i8 i8 => visit_i8, deserialize_i16 i16 => visit_i16,
        deserialize_i32 i32 => visit_i32, deserialize_i64 i64 => visit_i64,
        deserialize_i128 i128 => visit_i128, deserialize_u8 u8 => visit_u8,
        deserialize_u16 u16 => visit_u16, deserialize_u32 u32 => visit_u32,
        deserialize_u64 u64 => visit_u64, deserialize_u128 u128 => visit_u128
    );

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, SerdeError> {
        match shape(&self.value) {
            Shape::None => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, SerdeError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, SerdeError> {
        match shape(&self.value) {
            Shape::Str(s) => visitor.visit_enum(s.as_str().to_string().into_deserializer()),
            Shape::Map(items) if items.len() == 1 => {
                check_depth(self.depth)?;
                let (variant, value) = items.into_iter().next().unwrap_or_default();
                visitor.visit_enum(EnumDe { cx: self.cx, variant, value, depth: self.depth + 1 })
            }
            _ => Err(SerdeError(Error::conversion(
                "str or a dict of one item (an enum)",
                type_name(&self.value),
            ))),
        }
    }

    serde::forward_to_deserialize_any! {
        bool f32 f64 char str string bytes byte_buf unit unit_struct seq tuple
        tuple_struct map struct identifier ignored_any
    }
}

/// The items of a list, tuple or set being read.
struct SeqDe<'c, 'a> {
    cx: &'c mut Cx<'a>,
    items: std::vec::IntoIter<VmValue>,
    depth: usize,
}

impl SeqDe<'_, '_> {
    /// Fails if the visitor stopped before the end (a tuple of the wrong length).
    fn finish<T>(self, out: T) -> Result<T, SerdeError> {
        match self.items.len() {
            0 => Ok(out),
            left => Err(<SerdeError as de::Error>::custom(format!("{left} more items than expected"))),
        }
    }
}

impl<'de> de::SeqAccess<'de> for SeqDe<'_, '_> {
    type Error = SerdeError;

    fn next_element_seed<T: de::DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, SerdeError> {
        match self.items.next() {
            None => Ok(None),
            Some(value) => {
                seed.deserialize(ValueDeserializer { cx: &mut *self.cx, value, depth: self.depth }).map(Some)
            }
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

/// The items of a dict being read.
struct MapDe<'c, 'a> {
    cx: &'c mut Cx<'a>,
    items: std::vec::IntoIter<(VmValue, VmValue)>,
    value: Option<VmValue>,
    depth: usize,
}

impl<'de> de::MapAccess<'de> for MapDe<'_, '_> {
    type Error = SerdeError;

    fn next_key_seed<K: de::DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, SerdeError> {
        let Some((key, value)) = self.items.next() else { return Ok(None) };
        self.value = Some(value);
        seed.deserialize(ValueDeserializer { cx: &mut *self.cx, value: key, depth: self.depth }).map(Some)
    }

    fn next_value_seed<V: de::DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, SerdeError> {
        let value = self.value.take().unwrap_or_default();
        seed.deserialize(ValueDeserializer { cx: &mut *self.cx, value, depth: self.depth })
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

/// An enum variant written as `{variant: value}`.
struct EnumDe<'c, 'a> {
    cx: &'c mut Cx<'a>,
    variant: VmValue,
    value: VmValue,
    depth: usize,
}

impl<'de, 'c, 'a> de::EnumAccess<'de> for EnumDe<'c, 'a> {
    type Error = SerdeError;
    type Variant = ValueDeserializer<'c, 'a>;

    fn variant_seed<V: de::DeserializeSeed<'de>>(
        self,
        seed: V,
    ) -> Result<(V::Value, Self::Variant), SerdeError> {
        let tag = seed.deserialize(ValueDeserializer {
            cx: &mut *self.cx,
            value: self.variant,
            depth: self.depth,
        })?;
        Ok((tag, ValueDeserializer { cx: self.cx, value: self.value, depth: self.depth }))
    }
}

impl<'de> de::VariantAccess<'de> for ValueDeserializer<'_, '_> {
    type Error = SerdeError;

    fn unit_variant(self) -> Result<(), SerdeError> {
        de::Deserialize::deserialize(self)
    }

    fn newtype_variant_seed<T: de::DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, SerdeError> {
        seed.deserialize(self)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, SerdeError> {
        de::Deserializer::deserialize_seq(self, visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, SerdeError> {
        de::Deserializer::deserialize_map(self, visitor)
    }
}
