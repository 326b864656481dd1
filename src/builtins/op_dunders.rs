//! The operator methods of the builtin types, callable by name: `int.__add__(2, 3)`,
//! `(1.5).__lt__(2)`, `[1].__mul__(2)`, `{1} .__or__({2})`, `'a'.__hash__()`...
//!
//! The dispatch loop never goes through these (operators on builtin values are computed
//! directly in `vm/ops.rs`); they exist for scripts that name them, for `dir()`, and for
//! subclasses that call `super().__add__(other)`. Each follows its CPython slot wrapper:
//! the receiver must be an instance of the type ("descriptor '__add__' requires a 'int'
//! object but received a 'str'"); an operand of a type the slot does not handle gives
//! `NotImplemented` (`(1).__eq__(1.0)` is NotImplemented: only `float` compares across the
//! two); sequence concatenation and repetition raise as the operators do.

use std::rc::Rc;

use super::{functions, method, method_arity};
use crate::compiler::bytecode::{BinKind, CmpKind, UnaryKind};
use crate::vm::object::{Args, Class, NativeFn, Payload};
use crate::vm::ops::unboxed;
use crate::vm::{PyResult, Value, Vm};

/// The builtin type families with operator methods.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Family {
    Int,
    Float,
    Str,
    Bytes,
    List,
    Tuple,
    Dict,
    Set,
}

impl Family {
    /// The type name in "requires a '...' object" messages.
    fn label(self) -> &'static str {
        match self {
            Family::Int => "int",
            Family::Float => "float",
            Family::Str => "str",
            Family::Bytes => "bytes",
            Family::List => "list",
            Family::Tuple => "tuple",
            Family::Dict => "dict",
            Family::Set => "set",
        }
    }
}

/// The family of a value (subclass instances already unboxed).
fn family_of(v: &Value) -> Option<Family> {
    Some(match v {
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => Family::Int,
        Value::Float(_) => Family::Float,
        Value::Str(_) => Family::Str,
        Value::List(_) => Family::List,
        Value::Tuple(_) => Family::Tuple,
        Value::Dict(_) => Family::Dict,
        Value::Obj(o) => match o.payload {
            Payload::Bytes(_) | Payload::ByteArray(_) => Family::Bytes,
            Payload::Set(_) | Payload::FrozenSet(_) => Family::Set,
            _ => return None,
        },
        _ => return None,
    })
}

/// A value as its builtin representation (an int subclass instance as its int...).
fn prim(v: &Value) -> Value {
    unboxed(v).unwrap_or_else(|| v.clone())
}

/// The receiver of `name`, checked to belong to `fam` and unboxed.
fn receiver(vm: &mut Vm, args: &Args, name: &str, fam: Family) -> PyResult<Value> {
    let Some(s) = args.pos.first() else {
        let msg = format!("descriptor '{name}' of '{}' object needs an argument", fam.label());
        return Err(vm.new_error("TypeError", &msg));
    };
    let p = prim(s);
    if family_of(&p) != Some(fam) {
        let t = vm.type_name(s);
        let msg = format!("descriptor '{name}' requires a '{}' object but received a '{t}'", fam.label());
        return Err(vm.new_error("TypeError", &msg));
    }
    Ok(p)
}

/// Whether `fam`'s slot for `op` handles operand `b` (else NotImplemented).
fn accepts(fam: Family, op: BinKind, b: &Value) -> bool {
    let other = family_of(b);
    match fam {
        Family::Int => other == Some(Family::Int),
        Family::Float => matches!(other, Some(Family::Int | Family::Float)),
        // Concatenation, repetition and %-formatting raise their own TypeErrors.
        Family::Str | Family::Bytes | Family::List | Family::Tuple => {
            matches!(op, BinKind::Add | BinKind::Mul | BinKind::Mod) || other == Some(fam)
        }
        Family::Dict | Family::Set => other == Some(fam),
    }
}

/// `T.__op__(self, other)` / `T.__rop__(self, other)`.
fn binary(vm: &mut Vm, args: Args, name: &str, fam: Family, op: BinKind, reflected: bool) -> PyResult<Value> {
    let max = if op == BinKind::Pow { 2 } else { 1 };
    method_arity(vm, name, &args, 1, max)?;
    let a = receiver(vm, &args, name, fam)?;
    let b = prim(&args.pos[1]);
    if !accepts(fam, op, &b) {
        return Ok(vm.not_implemented());
    }
    let (x, y) = if reflected { (b, a) } else { (a, b) };
    match args.pos.get(2) {
        Some(m) if !m.is_none() => functions::pow(vm, Args::new(&[x, y, m.clone()])),
        _ => vm.binary_op(op, &x, &y),
    }
}

/// `T.__iop__(self, other)` (in place for mutable types).
fn inplace(vm: &mut Vm, args: Args, name: &str, fam: Family, op: BinKind) -> PyResult<Value> {
    method_arity(vm, name, &args, 1, 1)?;
    // The unboxed receiver: handing a subclass instance to `inplace_op` would find this
    // method again.
    let a = receiver(vm, &args, name, fam)?;
    let b = prim(&args.pos[1]);
    if !accepts(fam, op, &b) {
        return Ok(vm.not_implemented());
    }
    // Called directly, `list.__imul__` wants an index (the `*=` operator's message differs).
    let b = if op == BinKind::Mul { Value::Int(vm.index_of(&b)?) } else { b };
    let r = vm.inplace_op(op, &a, &b)?;
    // A list's in-place operators return the list itself: for a subclass instance, that is
    // the instance.
    Ok(if r.is(&a) { args.pos[0].clone() } else { r })
}

/// `T.__divmod__` / `T.__rdivmod__`.
fn divmod(vm: &mut Vm, args: Args, name: &str, fam: Family, reflected: bool) -> PyResult<Value> {
    method_arity(vm, name, &args, 1, 1)?;
    let a = receiver(vm, &args, name, fam)?;
    let b = prim(&args.pos[1]);
    if !accepts(fam, BinKind::FloorDiv, &b) {
        return Ok(vm.not_implemented());
    }
    let pair = if reflected { [b, a] } else { [a, b] };
    functions::divmod(vm, Args::new(&pair))
}

/// `T.__eq__`, `T.__lt__`... : NotImplemented unless the slot compares with `other`'s type.
fn compare(vm: &mut Vm, args: Args, name: &str, fam: Family, op: CmpKind) -> PyResult<Value> {
    method_arity(vm, name, &args, 1, 1)?;
    let a = receiver(vm, &args, name, fam)?;
    let b = prim(&args.pos[1]);
    let ok = match fam {
        Family::Int => family_of(&b) == Some(Family::Int),
        Family::Float => matches!(family_of(&b), Some(Family::Int | Family::Float)),
        // dict only has equality; the order operators leave it unsupported.
        Family::Dict => matches!(op, CmpKind::Eq | CmpKind::Ne) && family_of(&b) == Some(fam),
        _ => family_of(&b) == Some(fam),
    };
    if !ok {
        return Ok(vm.not_implemented());
    }
    vm.compare_op(op, &a, &b)
}

/// A one-operand method of a number: the receiver unboxed, then `f`.
fn unary(
    vm: &mut Vm,
    args: Args,
    name: &str,
    fam: Family,
    f: fn(&mut Vm, Value) -> PyResult<Value>,
) -> PyResult<Value> {
    method_arity(vm, name, &args, 0, 0)?;
    let a = receiver(vm, &args, name, fam)?;
    f(vm, a)
}

fn neg(vm: &mut Vm, a: Value) -> PyResult<Value> {
    vm.unary_op(UnaryKind::Neg, &a)
}

fn pos(vm: &mut Vm, a: Value) -> PyResult<Value> {
    vm.unary_op(UnaryKind::Pos, &a)
}

fn invert(vm: &mut Vm, a: Value) -> PyResult<Value> {
    vm.unary_op(UnaryKind::Invert, &a)
}

fn abs(vm: &mut Vm, a: Value) -> PyResult<Value> {
    match a {
        Value::Float(f) => Ok(Value::Float(f.abs())),
        Value::Int(i) if i != i64::MIN => Ok(Value::Int(i.abs())),
        Value::Bool(b) => Ok(Value::Int(b as i64)),
        other => {
            let neg = vm.compare_op(CmpKind::Lt, &other, &Value::Int(0))?;
            if vm.truthy(&neg)? {
                vm.unary_op(UnaryKind::Neg, &other)
            } else {
                Ok(other)
            }
        }
    }
}

fn to_bool(vm: &mut Vm, a: Value) -> PyResult<Value> {
    Ok(Value::Bool(vm.truthy(&a)?))
}

fn to_int(vm: &mut Vm, a: Value) -> PyResult<Value> {
    let int = Value::Class(vm.types.int.clone());
    vm.call(&int, vec![a])
}

fn to_float(vm: &mut Vm, a: Value) -> PyResult<Value> {
    let float = Value::Class(vm.types.float.clone());
    vm.call(&float, vec![a])
}

fn hash(vm: &mut Vm, a: Value) -> PyResult<Value> {
    Ok(Value::Int(vm.hash(&a)?))
}

fn floor(vm: &mut Vm, a: Value) -> PyResult<Value> {
    match a {
        Value::Float(f) => to_int(vm, Value::Float(f.floor())),
        other => to_int(vm, other),
    }
}

fn ceil(vm: &mut Vm, a: Value) -> PyResult<Value> {
    match a {
        Value::Float(f) => to_int(vm, Value::Float(f.ceil())),
        other => to_int(vm, other),
    }
}

/// `T.__round__(self[, ndigits])`.
fn round(vm: &mut Vm, args: Args, fam: Family) -> PyResult<Value> {
    method_arity(vm, "__round__", &args, 0, 1)?;
    let a = receiver(vm, &args, "__round__", fam)?;
    let mut call = vec![a];
    call.extend(args.pos.get(1).cloned());
    functions::round(vm, Args::new(&call))
}

/// Defines one native per (family, operator) and the tables that install them.
macro_rules! natives {
    ($( $fname:ident => $body:expr ;)*) => {
        $( fn $fname(vm: &mut Vm, args: Args) -> PyResult<Value> { ($body)(vm, args) } )*
    };
}

macro_rules! bin {
    ($fam:ident, $name:literal, $op:ident, $refl:literal) => {
        |vm, args| binary(vm, args, $name, Family::$fam, BinKind::$op, $refl)
    };
}

macro_rules! cmp {
    ($fam:ident, $name:literal, $op:ident) => {
        |vm, args| compare(vm, args, $name, Family::$fam, CmpKind::$op)
    };
}

macro_rules! una {
    ($fam:ident, $name:literal, $f:ident) => {
        |vm, args| unary(vm, args, $name, Family::$fam, $f)
    };
}

natives! {
    int_add => bin!(Int, "__add__", Add, false);
    int_radd => bin!(Int, "__radd__", Add, true);
    int_sub => bin!(Int, "__sub__", Sub, false);
    int_rsub => bin!(Int, "__rsub__", Sub, true);
    int_mul => bin!(Int, "__mul__", Mul, false);
    int_rmul => bin!(Int, "__rmul__", Mul, true);
    int_truediv => bin!(Int, "__truediv__", TrueDiv, false);
    int_rtruediv => bin!(Int, "__rtruediv__", TrueDiv, true);
    int_floordiv => bin!(Int, "__floordiv__", FloorDiv, false);
    int_rfloordiv => bin!(Int, "__rfloordiv__", FloorDiv, true);
    int_mod => bin!(Int, "__mod__", Mod, false);
    int_rmod => bin!(Int, "__rmod__", Mod, true);
    int_pow => bin!(Int, "__pow__", Pow, false);
    int_rpow => bin!(Int, "__rpow__", Pow, true);
    int_lshift => bin!(Int, "__lshift__", LShift, false);
    int_rlshift => bin!(Int, "__rlshift__", LShift, true);
    int_rshift => bin!(Int, "__rshift__", RShift, false);
    int_rrshift => bin!(Int, "__rrshift__", RShift, true);
    int_and => bin!(Int, "__and__", And, false);
    int_rand => bin!(Int, "__rand__", And, true);
    int_or => bin!(Int, "__or__", Or, false);
    int_ror => bin!(Int, "__ror__", Or, true);
    int_xor => bin!(Int, "__xor__", Xor, false);
    int_rxor => bin!(Int, "__rxor__", Xor, true);
    int_divmod => |vm, args| divmod(vm, args, "__divmod__", Family::Int, false);
    int_rdivmod => |vm, args| divmod(vm, args, "__rdivmod__", Family::Int, true);
    int_eq => cmp!(Int, "__eq__", Eq);
    int_ne => cmp!(Int, "__ne__", Ne);
    int_lt => cmp!(Int, "__lt__", Lt);
    int_le => cmp!(Int, "__le__", Le);
    int_gt => cmp!(Int, "__gt__", Gt);
    int_ge => cmp!(Int, "__ge__", Ge);
    int_neg => una!(Int, "__neg__", neg);
    int_pos => una!(Int, "__pos__", pos);
    int_abs => una!(Int, "__abs__", abs);
    int_invert => una!(Int, "__invert__", invert);
    int_bool => una!(Int, "__bool__", to_bool);
    int_int => una!(Int, "__int__", to_int);
    int_index => una!(Int, "__index__", to_int);
    int_float => una!(Int, "__float__", to_float);
    int_hash => una!(Int, "__hash__", hash);
    int_trunc => una!(Int, "__trunc__", to_int);
    int_floor => una!(Int, "__floor__", to_int);
    int_ceil => una!(Int, "__ceil__", to_int);
    int_round => |vm, args| round(vm, args, Family::Int);

    float_add => bin!(Float, "__add__", Add, false);
    float_radd => bin!(Float, "__radd__", Add, true);
    float_sub => bin!(Float, "__sub__", Sub, false);
    float_rsub => bin!(Float, "__rsub__", Sub, true);
    float_mul => bin!(Float, "__mul__", Mul, false);
    float_rmul => bin!(Float, "__rmul__", Mul, true);
    float_truediv => bin!(Float, "__truediv__", TrueDiv, false);
    float_rtruediv => bin!(Float, "__rtruediv__", TrueDiv, true);
    float_floordiv => bin!(Float, "__floordiv__", FloorDiv, false);
    float_rfloordiv => bin!(Float, "__rfloordiv__", FloorDiv, true);
    float_mod => bin!(Float, "__mod__", Mod, false);
    float_rmod => bin!(Float, "__rmod__", Mod, true);
    float_pow => bin!(Float, "__pow__", Pow, false);
    float_rpow => bin!(Float, "__rpow__", Pow, true);
    float_divmod => |vm, args| divmod(vm, args, "__divmod__", Family::Float, false);
    float_rdivmod => |vm, args| divmod(vm, args, "__rdivmod__", Family::Float, true);
    float_eq => cmp!(Float, "__eq__", Eq);
    float_ne => cmp!(Float, "__ne__", Ne);
    float_lt => cmp!(Float, "__lt__", Lt);
    float_le => cmp!(Float, "__le__", Le);
    float_gt => cmp!(Float, "__gt__", Gt);
    float_ge => cmp!(Float, "__ge__", Ge);
    float_neg => una!(Float, "__neg__", neg);
    float_pos => una!(Float, "__pos__", pos);
    float_abs => una!(Float, "__abs__", abs);
    float_bool => una!(Float, "__bool__", to_bool);
    float_int => una!(Float, "__int__", to_int);
    float_float => una!(Float, "__float__", to_float);
    float_hash => una!(Float, "__hash__", hash);
    float_trunc => una!(Float, "__trunc__", to_int);
    float_floor => una!(Float, "__floor__", floor);
    float_ceil => una!(Float, "__ceil__", ceil);
    float_round => |vm, args| round(vm, args, Family::Float);

    str_add => bin!(Str, "__add__", Add, false);
    str_mul => bin!(Str, "__mul__", Mul, false);
    str_rmul => bin!(Str, "__rmul__", Mul, true);
    str_mod => bin!(Str, "__mod__", Mod, false);
    str_eq => cmp!(Str, "__eq__", Eq);
    str_ne => cmp!(Str, "__ne__", Ne);
    str_lt => cmp!(Str, "__lt__", Lt);
    str_le => cmp!(Str, "__le__", Le);
    str_gt => cmp!(Str, "__gt__", Gt);
    str_ge => cmp!(Str, "__ge__", Ge);
    str_hash => una!(Str, "__hash__", hash);

    bytes_add => bin!(Bytes, "__add__", Add, false);
    bytes_mul => bin!(Bytes, "__mul__", Mul, false);
    bytes_rmul => bin!(Bytes, "__rmul__", Mul, true);
    bytes_mod => bin!(Bytes, "__mod__", Mod, false);
    bytes_eq => cmp!(Bytes, "__eq__", Eq);
    bytes_ne => cmp!(Bytes, "__ne__", Ne);
    bytes_lt => cmp!(Bytes, "__lt__", Lt);
    bytes_le => cmp!(Bytes, "__le__", Le);
    bytes_gt => cmp!(Bytes, "__gt__", Gt);
    bytes_ge => cmp!(Bytes, "__ge__", Ge);
    bytes_hash => una!(Bytes, "__hash__", hash);

    list_add => bin!(List, "__add__", Add, false);
    list_mul => bin!(List, "__mul__", Mul, false);
    list_rmul => bin!(List, "__rmul__", Mul, true);
    list_iadd => |vm, args| inplace(vm, args, "__iadd__", Family::List, BinKind::Add);
    list_imul => |vm, args| inplace(vm, args, "__imul__", Family::List, BinKind::Mul);
    list_ne => cmp!(List, "__ne__", Ne);
    list_lt => cmp!(List, "__lt__", Lt);
    list_le => cmp!(List, "__le__", Le);
    list_gt => cmp!(List, "__gt__", Gt);
    list_ge => cmp!(List, "__ge__", Ge);

    tuple_add => bin!(Tuple, "__add__", Add, false);
    tuple_mul => bin!(Tuple, "__mul__", Mul, false);
    tuple_rmul => bin!(Tuple, "__rmul__", Mul, true);
    tuple_ne => cmp!(Tuple, "__ne__", Ne);
    tuple_lt => cmp!(Tuple, "__lt__", Lt);
    tuple_le => cmp!(Tuple, "__le__", Le);
    tuple_gt => cmp!(Tuple, "__gt__", Gt);
    tuple_ge => cmp!(Tuple, "__ge__", Ge);
    tuple_hash => una!(Tuple, "__hash__", hash);

    dict_or => bin!(Dict, "__or__", Or, false);
    dict_ror => bin!(Dict, "__ror__", Or, true);
    dict_ior => |vm, args| inplace(vm, args, "__ior__", Family::Dict, BinKind::Or);
    dict_ne => cmp!(Dict, "__ne__", Ne);

    set_or => bin!(Set, "__or__", Or, false);
    set_ror => bin!(Set, "__ror__", Or, true);
    set_and => bin!(Set, "__and__", And, false);
    set_rand => bin!(Set, "__rand__", And, true);
    set_sub => bin!(Set, "__sub__", Sub, false);
    set_rsub => bin!(Set, "__rsub__", Sub, true);
    set_xor => bin!(Set, "__xor__", Xor, false);
    set_rxor => bin!(Set, "__rxor__", Xor, true);
    set_ior => |vm, args| inplace(vm, args, "__ior__", Family::Set, BinKind::Or);
    set_iand => |vm, args| inplace(vm, args, "__iand__", Family::Set, BinKind::And);
    set_isub => |vm, args| inplace(vm, args, "__isub__", Family::Set, BinKind::Sub);
    set_ixor => |vm, args| inplace(vm, args, "__ixor__", Family::Set, BinKind::Xor);
    set_eq => cmp!(Set, "__eq__", Eq);
    set_ne => cmp!(Set, "__ne__", Ne);
    set_lt => cmp!(Set, "__lt__", Lt);
    set_le => cmp!(Set, "__le__", Le);
    set_gt => cmp!(Set, "__gt__", Gt);
    set_ge => cmp!(Set, "__ge__", Ge);
    set_hash => una!(Set, "__hash__", hash);
}

const INT: &[(&str, NativeFn)] = &[
    ("__add__", int_add),
    ("__radd__", int_radd),
    ("__sub__", int_sub),
    ("__rsub__", int_rsub),
    ("__mul__", int_mul),
    ("__rmul__", int_rmul),
    ("__truediv__", int_truediv),
    ("__rtruediv__", int_rtruediv),
    ("__floordiv__", int_floordiv),
    ("__rfloordiv__", int_rfloordiv),
    ("__mod__", int_mod),
    ("__rmod__", int_rmod),
    ("__pow__", int_pow),
    ("__rpow__", int_rpow),
    ("__lshift__", int_lshift),
    ("__rlshift__", int_rlshift),
    ("__rshift__", int_rshift),
    ("__rrshift__", int_rrshift),
    ("__and__", int_and),
    ("__rand__", int_rand),
    ("__or__", int_or),
    ("__ror__", int_ror),
    ("__xor__", int_xor),
    ("__rxor__", int_rxor),
    ("__divmod__", int_divmod),
    ("__rdivmod__", int_rdivmod),
    ("__eq__", int_eq),
    ("__ne__", int_ne),
    ("__lt__", int_lt),
    ("__le__", int_le),
    ("__gt__", int_gt),
    ("__ge__", int_ge),
    ("__neg__", int_neg),
    ("__pos__", int_pos),
    ("__abs__", int_abs),
    ("__invert__", int_invert),
    ("__bool__", int_bool),
    ("__int__", int_int),
    ("__index__", int_index),
    ("__float__", int_float),
    ("__hash__", int_hash),
    ("__trunc__", int_trunc),
    ("__floor__", int_floor),
    ("__ceil__", int_ceil),
    ("__round__", int_round),
];

const FLOAT: &[(&str, NativeFn)] = &[
    ("__add__", float_add),
    ("__radd__", float_radd),
    ("__sub__", float_sub),
    ("__rsub__", float_rsub),
    ("__mul__", float_mul),
    ("__rmul__", float_rmul),
    ("__truediv__", float_truediv),
    ("__rtruediv__", float_rtruediv),
    ("__floordiv__", float_floordiv),
    ("__rfloordiv__", float_rfloordiv),
    ("__mod__", float_mod),
    ("__rmod__", float_rmod),
    ("__pow__", float_pow),
    ("__rpow__", float_rpow),
    ("__divmod__", float_divmod),
    ("__rdivmod__", float_rdivmod),
    ("__eq__", float_eq),
    ("__ne__", float_ne),
    ("__lt__", float_lt),
    ("__le__", float_le),
    ("__gt__", float_gt),
    ("__ge__", float_ge),
    ("__neg__", float_neg),
    ("__pos__", float_pos),
    ("__abs__", float_abs),
    ("__bool__", float_bool),
    ("__int__", float_int),
    ("__float__", float_float),
    ("__hash__", float_hash),
    ("__trunc__", float_trunc),
    ("__floor__", float_floor),
    ("__ceil__", float_ceil),
    ("__round__", float_round),
];

const STR: &[(&str, NativeFn)] = &[
    ("__add__", str_add),
    ("__mul__", str_mul),
    ("__rmul__", str_rmul),
    ("__mod__", str_mod),
    ("__eq__", str_eq),
    ("__ne__", str_ne),
    ("__lt__", str_lt),
    ("__le__", str_le),
    ("__gt__", str_gt),
    ("__ge__", str_ge),
    ("__hash__", str_hash),
];

const BYTES: &[(&str, NativeFn)] = &[
    ("__add__", bytes_add),
    ("__mul__", bytes_mul),
    ("__rmul__", bytes_rmul),
    ("__mod__", bytes_mod),
    ("__eq__", bytes_eq),
    ("__ne__", bytes_ne),
    ("__lt__", bytes_lt),
    ("__le__", bytes_le),
    ("__gt__", bytes_gt),
    ("__ge__", bytes_ge),
];

const LIST: &[(&str, NativeFn)] = &[
    ("__add__", list_add),
    ("__mul__", list_mul),
    ("__rmul__", list_rmul),
    ("__iadd__", list_iadd),
    ("__imul__", list_imul),
    ("__ne__", list_ne),
    ("__lt__", list_lt),
    ("__le__", list_le),
    ("__gt__", list_gt),
    ("__ge__", list_ge),
];

const TUPLE: &[(&str, NativeFn)] = &[
    ("__add__", tuple_add),
    ("__mul__", tuple_mul),
    ("__rmul__", tuple_rmul),
    ("__ne__", tuple_ne),
    ("__lt__", tuple_lt),
    ("__le__", tuple_le),
    ("__gt__", tuple_gt),
    ("__ge__", tuple_ge),
    ("__hash__", tuple_hash),
];

const DICT: &[(&str, NativeFn)] =
    &[("__or__", dict_or), ("__ror__", dict_ror), ("__ior__", dict_ior), ("__ne__", dict_ne)];

const SET_OPS: &[(&str, NativeFn)] = &[
    ("__or__", set_or),
    ("__ror__", set_ror),
    ("__and__", set_and),
    ("__rand__", set_rand),
    ("__sub__", set_sub),
    ("__rsub__", set_rsub),
    ("__xor__", set_xor),
    ("__rxor__", set_rxor),
    ("__eq__", set_eq),
    ("__ne__", set_ne),
    ("__lt__", set_lt),
    ("__le__", set_le),
    ("__gt__", set_gt),
    ("__ge__", set_ge),
];

const SET_INPLACE: &[(&str, NativeFn)] =
    &[("__ior__", set_ior), ("__iand__", set_iand), ("__isub__", set_isub), ("__ixor__", set_ixor)];

/// Adds the methods a class does not define yet (methods installed earlier stay).
fn install_missing(vm: &mut Vm, cls: &Rc<Class>, table: &[(&'static str, NativeFn)]) {
    for (name, f) in table {
        if cls.dict.borrow().get_str(crate::vm::object::str_hash(name), name).is_none() {
            method(vm, cls, name, *f);
        }
    }
}

/// Installs the operator methods on the builtin types, and `__hash__ = None` on the mutable
/// ones (so script subclasses of them are unhashable, as in CPython).
pub fn install(vm: &mut Vm) {
    let t = &vm.types;
    let (int, float, str_, bytes, bytearray) =
        (t.int.clone(), t.float.clone(), t.str_.clone(), t.bytes.clone(), t.bytearray.clone());
    let (list, tuple, dict, set, frozenset) =
        (t.list.clone(), t.tuple.clone(), t.dict.clone(), t.set.clone(), t.frozenset.clone());
    install_missing(vm, &int, INT);
    install_missing(vm, &float, FLOAT);
    install_missing(vm, &str_, STR);
    install_missing(vm, &bytes, BYTES);
    install_missing(vm, &bytes, &[("__hash__", bytes_hash)]);
    install_missing(vm, &bytearray, BYTES);
    install_missing(vm, &list, LIST);
    install_missing(vm, &tuple, TUPLE);
    install_missing(vm, &dict, DICT);
    install_missing(vm, &set, SET_OPS);
    install_missing(vm, &set, SET_INPLACE);
    install_missing(vm, &frozenset, SET_OPS);
    install_missing(vm, &frozenset, &[("__hash__", set_hash)]);
    for cls in [&list, &dict, &set, &bytearray] {
        cls.set_attr("__hash__", Value::None);
    }
}
