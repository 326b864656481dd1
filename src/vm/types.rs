//! The builtin type objects and the exception hierarchy, created once per `Vm`.
//!
//! Also C3 linearisation (`c3_mro`), shared with classes created by scripts.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use super::dict::DictMap;
use super::object::{BaseKind, Class};

/// Every builtin type the VM needs to name.
#[allow(missing_docs)]
pub struct Types {
    pub object: Rc<Class>,
    pub type_: Rc<Class>,
    pub none: Rc<Class>,
    pub bool_: Rc<Class>,
    pub int: Rc<Class>,
    pub float: Rc<Class>,
    pub complex: Rc<Class>,
    pub str_: Rc<Class>,
    pub bytes: Rc<Class>,
    pub bytearray: Rc<Class>,
    pub memoryview: Rc<Class>,
    pub list: Rc<Class>,
    pub tuple: Rc<Class>,
    pub dict: Rc<Class>,
    pub set: Rc<Class>,
    pub frozenset: Rc<Class>,
    pub range: Rc<Class>,
    pub slice: Rc<Class>,
    pub function: Rc<Class>,
    pub builtin_function: Rc<Class>,
    /// The class of a native slot bound to an object (`(1).__add__`).
    pub method_wrapper: Rc<Class>,
    pub method: Rc<Class>,
    pub module: Rc<Class>,
    pub cell: Rc<Class>,
    pub code: Rc<Class>,
    pub property: Rc<Class>,
    pub staticmethod: Rc<Class>,
    pub classmethod: Rc<Class>,
    pub super_: Rc<Class>,
    pub generator: Rc<Class>,
    pub coroutine: Rc<Class>,
    pub async_generator: Rc<Class>,
    pub async_gen_op: Rc<Class>,
    /// `async_generator_athrow` (the awaitable of `athrow()` and `aclose()`).
    pub async_gen_athrow: Rc<Class>,
    /// `anext_awaitable` (the awaitable of `anext(it, default)`).
    pub anext_awaitable: Rc<Class>,
    /// `coroutine_wrapper` (what `coroutine.__await__()` returns).
    pub coroutine_wrapper: Rc<Class>,
    /// `frame` (what `cr_frame`/`gi_frame` show of a live generator).
    pub frame: Rc<Class>,
    pub iterator: Rc<Class>,
    pub not_implemented: Rc<Class>,
    pub ellipsis: Rc<Class>,
    pub dict_keys: Rc<Class>,
    pub dict_values: Rc<Class>,
    pub dict_items: Rc<Class>,
    pub mappingproxy: Rc<Class>,
    pub traceback: Rc<Class>,
    pub member_descriptor: Rc<Class>,
    pub enumerate: Rc<Class>,
    pub zip: Rc<Class>,
    pub map: Rc<Class>,
    pub filter: Rc<Class>,
    pub reversed: Rc<Class>,
    /// Exception classes by name.
    pub exceptions: HashMap<&'static str, Rc<Class>>,
    /// The native iterator types by name (`list_iterator`, `range_iterator`, ...).
    pub iterators: HashMap<&'static str, Rc<Class>>,
    /// `list_iterator`, `tuple_iterator` and `range_iterator` of [`Types::iterators`], which
    /// `for` loops make most: [`Vm::new_iter`](super::Vm::new_iter) takes them without
    /// hashing the name.
    pub hot_iterators: [Rc<Class>; 3],
}

/// CPython's names for the iterator types of the builtin containers.
pub const ITERATOR_TYPES: &[&str] = &[
    "list_iterator",
    "list_reverseiterator",
    "tuple_iterator",
    "range_iterator",
    "longrange_iterator",
    "str_iterator",
    "str_ascii_iterator",
    "bytes_iterator",
    "bytearray_iterator",
    "dict_keyiterator",
    "dict_valueiterator",
    "dict_itemiterator",
    "dict_reversekeyiterator",
    "dict_reversevalueiterator",
    "dict_reverseitemiterator",
    "set_iterator",
    "callable_iterator",
];

/// The names of [`Types::hot_iterators`], in its order.
pub const HOT_ITERATORS: [&str; 3] = ["list_iterator", "tuple_iterator", "range_iterator"];

/// (name, bases) of the builtin exception hierarchy, parents before children.
const EXCEPTIONS: &[(&str, &[&str])] = &[
    ("BaseException", &[]),
    ("BaseExceptionGroup", &["BaseException"]),
    ("GeneratorExit", &["BaseException"]),
    ("KeyboardInterrupt", &["BaseException"]),
    ("SystemExit", &["BaseException"]),
    ("Exception", &["BaseException"]),
    ("ArithmeticError", &["Exception"]),
    ("FloatingPointError", &["ArithmeticError"]),
    ("OverflowError", &["ArithmeticError"]),
    ("ZeroDivisionError", &["ArithmeticError"]),
    ("AssertionError", &["Exception"]),
    ("AttributeError", &["Exception"]),
    ("BufferError", &["Exception"]),
    ("EOFError", &["Exception"]),
    ("ExceptionGroup", &["BaseExceptionGroup", "Exception"]),
    ("ImportError", &["Exception"]),
    ("ModuleNotFoundError", &["ImportError"]),
    ("LookupError", &["Exception"]),
    ("IndexError", &["LookupError"]),
    ("KeyError", &["LookupError"]),
    ("MemoryError", &["Exception"]),
    ("NameError", &["Exception"]),
    ("UnboundLocalError", &["NameError"]),
    ("OSError", &["Exception"]),
    ("BlockingIOError", &["OSError"]),
    ("ChildProcessError", &["OSError"]),
    ("ConnectionError", &["OSError"]),
    ("BrokenPipeError", &["ConnectionError"]),
    ("ConnectionAbortedError", &["ConnectionError"]),
    ("ConnectionRefusedError", &["ConnectionError"]),
    ("ConnectionResetError", &["ConnectionError"]),
    ("FileExistsError", &["OSError"]),
    ("FileNotFoundError", &["OSError"]),
    ("InterruptedError", &["OSError"]),
    ("IsADirectoryError", &["OSError"]),
    ("NotADirectoryError", &["OSError"]),
    ("PermissionError", &["OSError"]),
    ("ProcessLookupError", &["OSError"]),
    ("TimeoutError", &["OSError"]),
    ("ReferenceError", &["Exception"]),
    ("RuntimeError", &["Exception"]),
    ("NotImplementedError", &["RuntimeError"]),
    ("RecursionError", &["RuntimeError"]),
    ("StopAsyncIteration", &["Exception"]),
    ("StopIteration", &["Exception"]),
    ("SyntaxError", &["Exception"]),
    ("IndentationError", &["SyntaxError"]),
    ("TabError", &["IndentationError"]),
    ("SystemError", &["Exception"]),
    ("TypeError", &["Exception"]),
    ("ValueError", &["Exception"]),
    ("UnicodeError", &["ValueError"]),
    ("UnicodeDecodeError", &["UnicodeError"]),
    ("UnicodeEncodeError", &["UnicodeError"]),
    ("Warning", &["Exception"]),
    ("DeprecationWarning", &["Warning"]),
    ("PendingDeprecationWarning", &["Warning"]),
    ("RuntimeWarning", &["Warning"]),
    ("SyntaxWarning", &["Warning"]),
    ("UserWarning", &["Warning"]),
    ("FutureWarning", &["Warning"]),
    ("ImportWarning", &["Warning"]),
    ("UnicodeWarning", &["Warning"]),
    ("BytesWarning", &["Warning"]),
    ("ResourceWarning", &["Warning"]),
    ("EncodingWarning", &["Warning"]),
];

/// Makes a builtin class with the given bases (MRO by C3).
pub fn builtin_class(name: &str, bases: &[Rc<Class>], kind: BaseKind) -> Rc<Class> {
    super::object::bump_class_epoch();
    let mro = c3_mro(bases).unwrap_or_else(|_| bases.to_vec());
    let cls = Rc::new(Class {
        name: RefCell::new(name.to_string()),
        qualname: RefCell::new(name.to_string()),
        bases: bases.to_vec(),
        mro,
        dict: RefCell::new(DictMap::new()),
        kind,
        meta: None,
        is_heap: false,
        hooks: std::cell::Cell::new(0),
        slots: None,
        has_del: std::cell::Cell::new(false),
        graveyard: None,
        subclasses: RefCell::new(Vec::new()),
        plain_new_epoch: std::cell::Cell::new(0),
        plain_init: RefCell::new(std::rc::Weak::new()),
        plain_object_init: std::cell::Cell::new(false),
        dict_hint: std::cell::Cell::new(0),
        spare_dicts: Default::default(),
        spare_objects: Default::default(),
        gc_slot: Default::default(),
        type_name: RefCell::new(None),
    });
    register_subclass(&cls);
    cls
}

/// Records `cls` in its bases' `__subclasses__()` lists, pruning entries of dead classes.
pub fn register_subclass(cls: &Rc<Class>) {
    for base in &cls.bases {
        let mut subs = base.subclasses.borrow_mut();
        subs.retain(|w| w.strong_count() > 0);
        subs.push(Rc::downgrade(cls));
    }
}

/// C3 linearisation of a class with these bases, excluding the class itself.
pub fn c3_mro(bases: &[Rc<Class>]) -> Result<Vec<Rc<Class>>, String> {
    let mut seqs: Vec<Vec<Rc<Class>>> = bases
        .iter()
        .map(|b| {
            let mut s = vec![b.clone()];
            s.extend(b.mro.iter().cloned());
            s
        })
        .collect();
    seqs.push(bases.to_vec());
    let mut out = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let head = seqs
            .iter()
            .map(|s| s[0].clone())
            .find(|cand| !seqs.iter().any(|s| s[1..].iter().any(|c| Rc::ptr_eq(c, cand))));
        let Some(head) = head else {
            let names: Vec<String> = bases.iter().map(|b| b.name()).collect();
            return Err(format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            ));
        };
        for s in &mut seqs {
            if Rc::ptr_eq(&s[0], &head) {
                s.remove(0);
            }
        }
        out.push(head);
    }
}

impl Types {
    /// Creates the builtin types.
    pub fn new() -> Types {
        let object = builtin_class("object", &[], BaseKind::Object);
        let o = std::slice::from_ref(&object);
        let mk = |name: &str, kind: BaseKind| builtin_class(name, o, kind);
        let int = mk("int", BaseKind::Int);
        let bool_ = builtin_class("bool", std::slice::from_ref(&int), BaseKind::Bool);
        let mut exceptions: HashMap<&'static str, Rc<Class>> = HashMap::new();
        for (name, bases) in EXCEPTIONS {
            let bases: Vec<Rc<Class>> = if bases.is_empty() {
                vec![object.clone()]
            } else {
                bases.iter().map(|b| exceptions[b].clone()).collect()
            };
            exceptions.insert(name, builtin_class(name, &bases, BaseKind::Exception));
        }
        let iterators: HashMap<&'static str, Rc<Class>> =
            ITERATOR_TYPES.iter().map(|n| (*n, mk(n, BaseKind::Native))).collect();
        let hot_iterators = HOT_ITERATORS.map(|n| iterators[n].clone());
        Types {
            iterators,
            hot_iterators,
            type_: mk("type", BaseKind::Type),
            none: mk("NoneType", BaseKind::NoneType),
            bool_,
            int,
            float: mk("float", BaseKind::Float),
            complex: mk("complex", BaseKind::Native),
            str_: mk("str", BaseKind::Str),
            bytes: mk("bytes", BaseKind::Bytes),
            bytearray: mk("bytearray", BaseKind::ByteArray),
            memoryview: mk("memoryview", BaseKind::Native),
            list: mk("list", BaseKind::List),
            tuple: mk("tuple", BaseKind::Tuple),
            dict: mk("dict", BaseKind::Dict),
            set: mk("set", BaseKind::Set),
            frozenset: mk("frozenset", BaseKind::FrozenSet),
            range: mk("range", BaseKind::Native),
            slice: mk("slice", BaseKind::Native),
            function: mk("function", BaseKind::Native),
            builtin_function: mk("builtin_function_or_method", BaseKind::Native),
            method_wrapper: mk("method-wrapper", BaseKind::Native),
            method: mk("method", BaseKind::Native),
            module: mk("module", BaseKind::Native),
            cell: mk("cell", BaseKind::Native),
            code: mk("code", BaseKind::Native),
            property: mk("property", BaseKind::Native),
            staticmethod: mk("staticmethod", BaseKind::Native),
            classmethod: mk("classmethod", BaseKind::Native),
            super_: mk("super", BaseKind::Native),
            generator: mk("generator", BaseKind::Native),
            coroutine: mk("coroutine", BaseKind::Native),
            async_generator: mk("async_generator", BaseKind::Native),
            async_gen_op: mk("async_generator_asend", BaseKind::Native),
            async_gen_athrow: mk("async_generator_athrow", BaseKind::Native),
            anext_awaitable: mk("anext_awaitable", BaseKind::Native),
            coroutine_wrapper: mk("coroutine_wrapper", BaseKind::Native),
            frame: mk("frame", BaseKind::Native),
            iterator: mk("iterator", BaseKind::Native),
            not_implemented: mk("NotImplementedType", BaseKind::Native),
            ellipsis: mk("ellipsis", BaseKind::Native),
            dict_keys: mk("dict_keys", BaseKind::Native),
            mappingproxy: mk("mappingproxy", BaseKind::Native),
            traceback: mk("traceback", BaseKind::Native),
            member_descriptor: mk("member_descriptor", BaseKind::Native),
            dict_values: mk("dict_values", BaseKind::Native),
            dict_items: mk("dict_items", BaseKind::Native),
            enumerate: mk("enumerate", BaseKind::Native),
            zip: mk("zip", BaseKind::Native),
            map: mk("map", BaseKind::Native),
            filter: mk("filter", BaseKind::Native),
            reversed: mk("reversed", BaseKind::Native),
            exceptions,
            object,
        }
    }
}

impl Default for Types {
    fn default() -> Types {
        Types::new()
    }
}
