//! Heap object layouts: strings, lists, tuples, dicts, classes, functions, and `Object`,
//! whose `Payload` covers every other kind of value (exceptions, methods, iterators,
//! generators, modules, ...).
//!
//! Invariant: interior mutability is `RefCell`/`Cell`, and no borrow is held while script code
//! runs (callers clone what they need out of a borrow first).

use std::cell::{Cell, OnceCell, RefCell};
use std::fmt;
use std::rc::Rc;

use compact_str::CompactString;

use super::dict::DictMap;
use super::frame::Fiber;
use super::set::SetTable;
use super::swap::Swap;
use super::value::Value;
use super::{PyResult, Vm};
use crate::compiler::bytecode::{Code, CodeKind};

/// An immutable `str` with its cached hash and code-point count.
///
/// The text is a `CompactString`: up to 24 bytes live inline, so most strings (words,
/// names, dict keys) are one allocation, the `Rc`'s, instead of two.
pub struct PyStr {
    s: CompactString,
    hash: Cell<i64>,
    nchars: usize,
}

/// Marks "hash not computed yet" (a real hash is never -1, as in CPython).
const NO_HASH: i64 = -1;

impl PyStr {
    /// Wraps a string slice.
    pub fn new(s: &str) -> PyStr {
        PyStr::from_compact(CompactString::new(s))
    }

    /// Wraps an owned string.
    pub fn from_string(s: String) -> PyStr {
        PyStr::from_compact(CompactString::from(s))
    }

    /// The concatenation of `parts`, built in place: a short result needs no buffer of its
    /// own, and the code-point count is the parts' sum (no rescan).
    pub fn concat<'a, I>(parts: I) -> PyStr
    where
        I: Iterator<Item = &'a PyStr> + Clone,
    {
        let len = parts.clone().map(|p| p.s.len()).sum();
        let mut s = CompactString::with_capacity(len);
        let mut nchars = 0;
        for p in parts {
            s.push_str(&p.s);
            nchars += p.nchars;
        }
        PyStr { s, hash: Cell::new(NO_HASH), nchars }
    }

    /// Wraps ASCII text (the caller knows it is: a piece of an ASCII str), without the scan
    /// that counts code points.
    pub fn ascii(s: &str) -> PyStr {
        debug_assert!(s.is_ascii());
        PyStr { s: CompactString::new(s), hash: Cell::new(NO_HASH), nchars: s.len() }
    }

    /// [`PyStr::ascii`] with its hash already computed (`hash == str_hash(s)`).
    pub fn ascii_hashed(s: &str, hash: i64) -> PyStr {
        debug_assert!(s.is_ascii() && hash == str_hash(s));
        PyStr { s: CompactString::new(s), hash: Cell::new(hash), nchars: s.len() }
    }

    /// Wraps text whose code-point count the caller summed from its parts (`str.join`).
    pub fn with_char_len(s: String, nchars: usize) -> PyStr {
        debug_assert_eq!(s.chars().count(), nchars);
        PyStr { s: CompactString::from(s), hash: Cell::new(NO_HASH), nchars }
    }

    /// The decimal text of `i` (`str(i)`), built in place.
    pub fn from_int(i: i64) -> PyStr {
        PyStr::from_compact(compact_str::ToCompactString::to_compact_string(&i))
    }

    fn from_compact(s: CompactString) -> PyStr {
        let nchars = if s.is_ascii() { s.len() } else { s.chars().count() };
        PyStr { s, hash: Cell::new(NO_HASH), nchars }
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        &self.s
    }

    /// Length in code points.
    pub fn char_len(&self) -> usize {
        self.nchars
    }

    /// True when every character is ASCII (byte index = code-point index).
    pub fn is_ascii(&self) -> bool {
        self.nchars == self.s.len()
    }

    /// The hash (FNV-1a over the bytes; str hashing is unspecified across processes).
    #[inline(always)]
    pub fn hash(&self) -> i64 {
        let h = self.hash.get();
        if h != NO_HASH {
            return h;
        }
        self.hash_first()
    }

    /// [`PyStr::hash`] of a str not hashed yet: computes and remembers it (out of line, so
    /// that the remembered hash's read inlines into the attribute caches).
    #[inline(never)]
    fn hash_first(&self) -> i64 {
        let h = str_hash(&self.s);
        self.hash.set(h);
        h
    }
}

/// `a == b` for two texts, inline for the short ones (at most 24 bytes, the words that
/// `str.split()` shares and dict keys): two or three overlapping word loads compare every
/// byte, where `==` calls `memcmp` (about 20 instructions and a call for a 6-byte word).
#[inline(always)]
pub fn text_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let n = a.len();
    if n != b.len() {
        return false;
    }
    match n {
        0 => true,
        1..=3 => a[0] == b[0] && a[n / 2] == b[n / 2] && a[n - 1] == b[n - 1],
        4..=7 => word4(a, 0) == word4(b, 0) && word4(a, n - 4) == word4(b, n - 4),
        8..=16 => word8(a, 0) == word8(b, 0) && word8(a, n - 8) == word8(b, n - 8),
        17..=24 => {
            word8(a, 0) == word8(b, 0) && word8(a, 8) == word8(b, 8) && word8(a, n - 8) == word8(b, n - 8)
        }
        _ => a == b,
    }
}

/// The 4 bytes of `s` from `i` as one word (`i + 4 <= s.len()`).
#[inline(always)]
fn word4(s: &[u8], i: usize) -> u32 {
    let mut w = [0; 4];
    w.copy_from_slice(&s[i..i + 4]);
    u32::from_ne_bytes(w)
}

/// The 8 bytes of `s` from `i` as one word (`i + 8 <= s.len()`).
#[inline(always)]
fn word8(s: &[u8], i: usize) -> u64 {
    let mut w = [0; 8];
    w.copy_from_slice(&s[i..i + 8]);
    u64::from_ne_bytes(w)
}

/// Hash of a string as gyre's `hash(str)` computes it (a `const fn`, so hot paths can use
/// the hashes of fixed names as constants).
pub const fn str_hash(s: &str) -> i64 {
    let bytes = s.as_bytes();
    // CPython hashes the empty str (and empty bytes) to 0 whatever the hash seed.
    if bytes.is_empty() {
        return 0;
    }
    let mut h: u64 = 0xcbf29ce484222325;
    let mut i = 0;
    while i < bytes.len() {
        h ^= bytes[i] as u64;
        h = h.wrapping_mul(0x100000001b3);
        i += 1;
    }
    let h = (h >> 1) as i64;
    if h == NO_HASH {
        -2
    } else {
        h
    }
}

impl fmt::Debug for PyStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.s)
    }
}

/// Where a registered container sits in the cycle collector's node table while a collection
/// runs, so that the collector finds it from a reference without a hash lookup. The value is
/// left behind after a collection: the collector only trusts it after checking that the node
/// at that index is this very object (see `gc::Nodes::slot`).
#[derive(Debug, Default)]
pub struct GcSlot(pub Cell<u32>);

/// A `list`.
#[derive(Debug, Default)]
pub struct List {
    /// The elements.
    pub items: RefCell<Vec<Value>>,
    /// The cycle collector's index of the list during a collection.
    pub gc_slot: GcSlot,
    /// True while the list is left out of the collector's registry: it was built holding
    /// only atoms (`[x % 100, x]`), which cannot make a cycle. The first store of anything
    /// else registers it (`Vm::gc_note_store`). CPython leaves such tuples and dicts out too.
    pub untracked: Cell<bool>,
}

impl Drop for List {
    fn drop(&mut self) {
        let items = self.items.get_mut();
        if items.is_empty() {
            return;
        }
        let items = std::mem::take(items);
        super::drop::release_vec(items);
    }
}

impl List {
    /// Makes a list.
    pub fn new(items: Vec<Value>) -> List {
        List { items: RefCell::new(items), gc_slot: GcSlot::default(), untracked: Cell::new(false) }
    }
}

/// A `tuple`.
#[derive(Debug)]
pub struct Tuple {
    /// The elements.
    pub items: Box<[Value]>,
}

impl Drop for Tuple {
    fn drop(&mut self) {
        if !self.items.is_empty() {
            super::drop::release_vec(std::mem::take(&mut self.items).into_vec());
        }
    }
}

impl Tuple {
    /// Makes a tuple.
    pub fn new(items: Vec<Value>) -> Tuple {
        Tuple { items: items.into_boxed_slice() }
    }
}

/// A `dict`.
#[derive(Debug, Default)]
pub struct Dict {
    /// The table.
    pub map: RefCell<DictMap>,
    /// The cycle collector's index of the dict during a collection.
    pub gc_slot: GcSlot,
}

/// The builtin layout a class's instances have (inherited by subclasses).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BaseKind {
    /// Plain objects (`object` and user classes).
    Object,
    /// `type` and metaclasses.
    Type,
    /// `NoneType`.
    NoneType,
    /// `bool`.
    Bool,
    /// `int`.
    Int,
    /// `float`.
    Float,
    /// `str`.
    Str,
    /// `bytes`.
    Bytes,
    /// `bytearray`.
    ByteArray,
    /// `list`.
    List,
    /// `tuple`.
    Tuple,
    /// `dict`.
    Dict,
    /// `set`.
    Set,
    /// `frozenset`.
    FrozenSet,
    /// `BaseException` and subclasses.
    Exception,
    /// Any other builtin type whose instances are made natively.
    Native,
}

/// A class: builtin or defined by a `class` statement.
pub struct Class {
    /// `__name__`.
    pub name: RefCell<String>,
    /// `__qualname__`.
    pub qualname: RefCell<String>,
    /// Direct bases.
    pub bases: Vec<Rc<Class>>,
    /// The method resolution order *excluding* this class itself.
    pub mro: Vec<Rc<Class>>,
    /// The class namespace.
    pub dict: RefCell<DictMap>,
    /// The instance layout.
    pub kind: BaseKind,
    /// The metaclass, when not `type`.
    pub meta: Option<Rc<Class>>,
    /// True for classes defined by scripts (their instances get a `__dict__`).
    pub is_heap: bool,
    /// Which attribute hooks the class (or a base) overrides: [`HOOK_GETATTRIBUTE`] ...
    pub hooks: Cell<u8>,
    /// With `__slots__` on the class and every script base (and no `"__dict__"` among them):
    /// the only instance attribute names allowed. Instances then have no visible `__dict__`.
    pub slots: Option<Box<[Rc<str>]>>,
    /// True when the class (or a base) defines `__del__`: dropping an instance then hands it
    /// to `graveyard` so that the VM runs the finalizer (see `finalize`).
    pub has_del: Cell<bool>,
    /// Script classes: the VM's queue of drops it must finish (`None` for builtin classes).
    pub graveyard: Option<Graveyard>,
    /// Classes created with this one as a direct base (`__subclasses__()`), weakly held.
    pub subclasses: RefCell<Vec<std::rc::Weak<Class>>>,
    /// The class epoch in which `cls(...)` was last found to create its instances with
    /// `object.__new__` (0: not known). The epoch changes with any class namespace, so
    /// instantiation checks `__new__` once per epoch instead of on every call.
    pub plain_new_epoch: Cell<u64>,
    /// The `__init__` found in the epoch `plain_new_epoch` names (weak: the class namespace
    /// owns it, and a stale entry must not keep a replaced function alive).
    pub plain_init: RefCell<std::rc::Weak<Function>>,
    /// True when the `__init__` of the epoch `plain_new_epoch` names is `object.__init__`
    /// (`cls()` then only makes the instance).
    pub plain_object_init: Cell<bool>,
    /// Entries to reserve in a new instance's attribute dict: the most attributes a fresh
    /// instance of the class was seen to take (capped at [`DICT_HINT_MAX`]), so `__init__`'s
    /// stores do not grow the entry vector.
    pub dict_hint: Cell<u8>,
    /// Emptied attribute dicts of dead instances (at most [`SPARE_DICTS`]), kept for the next
    /// instances: making and freeing instances in a loop (small value objects) then costs no
    /// dict allocation.
    pub spare_dicts: SpareDicts,
    /// Dead instances kept whole (object and emptied dict) for the next `cls(...)`, at most
    /// [`SPARE_OBJECTS`] (see [`Object::release`]). While kept, an instance's class is the
    /// class's last base (`object`), so that the stack makes no cycle through the class.
    pub spare_objects: SpareObjects,
    /// The cycle collector's index of the class during a collection.
    pub gc_slot: GcSlot,
    /// The name error messages give the class's instances when it differs from `__name__`:
    /// a class standing for one of CPython's C types is named by its module there
    /// (`'decimal.Decimal' object is not callable`). Not inherited by subclasses.
    pub type_name: RefCell<Option<Box<str>>>,
}

/// The most emptied instance dicts a class keeps (see [`Class::spare_dicts`]): enough for
/// the few temporaries of an expression like `a.add(b.scale(k))`.
pub const SPARE_DICTS: usize = 4;

/// A class's stack of emptied instance dicts ([`Class::spare_dicts`]).
pub type SpareDicts = SpareStack<Rc<Dict>, SPARE_DICTS>;

/// The most dead instances a class keeps for reuse (see [`Class::spare_objects`]): as many
/// as the temporaries of an expression like `a.add(b.scale(k))` leave at once.
pub const SPARE_OBJECTS: usize = 4;

/// A class's stack of dead instances kept whole ([`Class::spare_objects`]).
pub type SpareObjects = SpareStack<Rc<Object>, SPARE_OBJECTS>;

/// A small stack of spare parts a class keeps for its next instances: a fixed array of
/// cells with a length, so that a push or pop is a few loads and stores (no borrow flag, no
/// out-of-line `Vec` growth path). Dropping a value pushed onto a full stack is the caller's.
pub struct SpareStack<T, const N: usize> {
    slots: [Cell<Option<T>>; N],
    len: Cell<usize>,
}

impl<T, const N: usize> Default for SpareStack<T, N> {
    fn default() -> Self {
        SpareStack { slots: std::array::from_fn(|_| Cell::new(None)), len: Cell::new(0) }
    }
}

impl<T, const N: usize> SpareStack<T, N> {
    /// True when another push would be refused.
    #[inline]
    pub fn is_full(&self) -> bool {
        self.len.get() >= N
    }

    /// The most recently kept value, if any.
    #[inline(always)]
    pub fn pop(&self) -> Option<T> {
        let len = self.len.get().checked_sub(1)?;
        self.len.set(len);
        self.slots.get(len)?.take()
    }

    /// Keeps `v`, or gives it back when the stack is full.
    #[inline(always)]
    pub fn push(&self, v: T) -> Result<(), T> {
        let len = self.len.get();
        let Some(slot) = self.slots.get(len) else { return Err(v) };
        slot.set(Some(v));
        self.len.set(len + 1);
        Ok(())
    }
}

/// The largest [`Class::dict_hint`]: past it an instance dict builds its hash index anyway.
pub const DICT_HINT_MAX: usize = super::dict::SMALL_ENTRIES;

/// Entries of the type attribute cache (`1 << 12`; the slot is the top 12 bits of a hash).
pub const TYPE_CACHE_SIZE: usize = 1 << 12;

thread_local! {
    /// Bumped whenever a class namespace changes or a class is created, which invalidates
    /// every cached lookup at once (so an entry can never outlive its class's contents, or be
    /// mistaken for a new class at the same address).
    static CLASS_EPOCH: Cell<u64> = const { Cell::new(1) };
}

/// The current class epoch (see `CLASS_EPOCH`).
#[inline]
pub fn class_epoch() -> u64 {
    CLASS_EPOCH.with(|c| c.get())
}

/// Invalidates the type attribute cache (a class was created or its namespace changed).
pub fn bump_class_epoch() {
    CLASS_EPOCH.with(|c| c.set(c.get() + 1));
}

/// One cached MRO lookup (`Vm::type_cache`).
#[derive(Debug, Default)]
pub struct TypeCacheEntry {
    /// Address of the class.
    pub class: usize,
    /// The class epoch when it was filled.
    pub epoch: u64,
    /// The name's hash.
    pub hash: i64,
    /// The name.
    pub name: Box<str>,
    /// What the MRO gave.
    pub value: Option<Value>,
}

/// `Class::hooks` bit: a script `__getattribute__` replaces `object.__getattribute__`.
pub const HOOK_GETATTRIBUTE: u8 = 1;
/// `Class::hooks` bit: a `__getattr__` fallback exists.
pub const HOOK_GETATTR: u8 = 2;
/// `Class::hooks` bit: a script `__setattr__` replaces `object.__setattr__`.
pub const HOOK_SETATTR: u8 = 4;
/// `Class::hooks` bit: a script `__delattr__` replaces `object.__delattr__`.
pub const HOOK_DELATTR: u8 = 8;

/// The hook bit a class attribute name controls (0 for other names).
pub fn hook_bit(name: &str) -> u8 {
    match name {
        "__getattribute__" => HOOK_GETATTRIBUTE,
        "__getattr__" => HOOK_GETATTR,
        "__setattr__" => HOOK_SETATTR,
        "__delattr__" => HOOK_DELATTR,
        _ => 0,
    }
}

impl fmt::Debug for Class {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<class '{}'>", self.name.borrow())
    }
}

impl Class {
    /// The class name.
    pub fn name(&self) -> String {
        self.name.borrow().clone()
    }

    /// The name error messages give an instance of the class (CPython's `tp_name`): the
    /// class name, or the dotted name set for a stand-in of a C type.
    pub fn type_name(&self) -> String {
        match &*self.type_name.borrow() {
            Some(n) => n.to_string(),
            None => self.name(),
        }
    }

    /// Looks an attribute up along the MRO (this class first). Hot paths go through
    /// [`Vm::lookup_cached`](super::Vm::lookup_cached) instead.
    pub fn lookup(&self, name: &str) -> Option<Value> {
        self.lookup_hashed(str_hash(name), name)
    }

    /// True when `self` is `other` or inherits from it.
    pub fn is_subclass(self: &Rc<Class>, other: &Rc<Class>) -> bool {
        Rc::ptr_eq(self, other) || self.mro.iter().any(|c| Rc::ptr_eq(c, other))
    }

    /// Runs `f` on the class namespace for writing; every class's lookup cache is invalidated.
    pub fn with_dict_mut<R>(&self, f: impl FnOnce(&mut DictMap) -> R) -> R {
        bump_class_epoch();
        f(&mut self.dict.borrow_mut())
    }

    /// Sets an attribute in the class namespace.
    pub fn set_attr(&self, name: &str, value: Value) {
        self.set_attr_key(Rc::new(PyStr::new(name)), value);
    }

    /// [`Class::set_attr`] with the key given as a `str` (an interned name: the method
    /// caches then match it by address).
    pub fn set_attr_key(&self, key: Rc<PyStr>, value: Value) {
        bump_class_epoch();
        let name = key.as_str();
        let bit = hook_bit(name);
        if name == "__del__" && self.graveyard.is_some() {
            self.has_del.set(true);
        }
        if bit != 0 && self.is_heap {
            self.hooks.set(self.hooks.get() | bit);
        }
        let hash = key.hash();
        self.dict.borrow_mut().set_str(hash, Value::Str(key), value);
    }

    /// True when this class or a base overrides the attribute hook `bit`.
    #[inline]
    pub fn has_hook(&self, bit: u8) -> bool {
        self.hooks.get() & bit != 0
    }

    /// Looks an attribute up along the MRO with a precomputed hash.
    pub fn lookup_hashed(&self, hash: i64, name: &str) -> Option<Value> {
        if let Some(v) = self.dict.borrow().get_str(hash, name) {
            return Some(v.clone());
        }
        for c in &self.mro {
            if let Some(v) = c.dict.borrow().get_str(hash, name) {
                return Some(v.clone());
            }
        }
        None
    }
}

/// A code object as the VM runs it: the compiler's [`Code`] plus its constants as values.
#[derive(Debug)]
pub struct CodeObj {
    /// `code.instrs` quickened (`vm::quicken`: same indices, some instructions replaced by
    /// specialised forms), copied here so that the dispatch loop's instruction fetch is one
    /// pointer away from the code object it holds.
    pub instrs: Box<[crate::compiler::bytecode::Instr]>,
    /// `code.nregs` (the call and return paths size and clear frames with it).
    pub nregs: u16,
    /// The compiled code.
    pub code: Rc<Code>,
    /// `code.consts` converted to values (nested code becomes `CodeObj` values).
    pub consts: Box<[Value]>,
    /// `code.names` as interned string values.
    pub names: Box<[Value]>,
    /// `LoadGlobal` cache by name index, one slot per name from the start: a hit reads its
    /// `Cell` with no `RefCell` borrow to take and release.
    pub global_cache: Box<[Cell<GlobalSlot>]>,
    /// Instance attribute caches by name index (empty until first used).
    pub attr_cache: super::attr_cache::AttrSlots,
    /// The positional argument count when a call can bind arguments by position alone (no
    /// `*args`, `**kwargs`, keyword-only parameters, and not a generator or coroutine): the
    /// dispatch loop's fast call path.
    pub fast_argc: Option<u16>,
    /// Registers that must start unbound (parameters, locals, cells and free variables).
    pub nlocals: u16,
    /// `instrs` passed the bytecode verifier (the dispatch loop's unchecked accesses rely on
    /// it: `vm::verify`).
    pub verified: super::verify::Verified,
}

pub use super::frame_ref::GlobalSlot;

/// A function defined by `def` or `lambda`.
#[derive(Debug)]
pub struct Function {
    /// The code to run.
    pub code: Rc<CodeObj>,
    /// The module globals the function sees.
    pub globals: Rc<Dict>,
    /// `__name__`.
    pub name: RefCell<Value>,
    /// `__qualname__`.
    pub qualname: RefCell<Value>,
    /// Positional defaults (for the last parameters).
    pub defaults: Vec<Value>,
    /// Keyword-only defaults.
    pub kwdefaults: Option<Rc<Dict>>,
    /// Cells captured from enclosing scopes, in `code.freevars` order.
    pub closure: Vec<Value>,
    /// Function attributes (`__doc__`, `__wrapped__`, user attributes).
    pub dict: RefCell<DictMap>,
    /// The cycle collector's index of the function during a collection.
    pub gc_slot: GcSlot,
}

/// Arguments passed to a native function: positional values and keyword pairs.
#[derive(Clone, Copy, Debug)]
pub struct Args<'a> {
    /// Positional arguments (for methods, `self` first).
    pub pos: &'a [Value],
    /// Keyword arguments, names first.
    pub kw: &'a [(Value, Value)],
}

impl<'a> Args<'a> {
    /// Positional arguments only.
    pub fn new(pos: &'a [Value]) -> Args<'a> {
        Args { pos, kw: &[] }
    }

    /// The keyword argument `name`, if given.
    pub fn kwarg(&self, name: &str) -> Option<&'a Value> {
        self.kw.iter().find(|(k, _)| k.as_str() == Some(name)).map(|(_, v)| v)
    }
}

/// A native function pointer.
pub type NativeFn = fn(&mut Vm, Args<'_>) -> PyResult<Value>;

/// A native function with captured state (embedding API).
pub type NativeClosure = Rc<dyn Fn(&mut Vm, Args<'_>) -> PyResult<Value>>;

/// A native function with captured state: host functions and methods of host classes.
#[derive(Clone)]
pub struct Closure {
    /// The name shown in reprs and errors.
    pub name: Rc<str>,
    /// The implementation.
    pub f: NativeClosure,
    /// True for methods of host classes: attribute lookup on an instance binds `self`.
    pub is_method: bool,
}

/// A builtin function or method.
#[derive(Clone)]
pub struct Native {
    /// The name shown in reprs and errors.
    pub name: &'static str,
    /// The implementation.
    pub f: NativeFn,
    /// True for methods of builtin types: attribute lookup on an instance binds `self`.
    pub is_method: bool,
    /// True for builtins that look at their caller's frame (`globals()`, `locals()`, `vars()`,
    /// `dir()`): a call from the dispatch loop records it in `Vm::caller` first.
    pub frame: bool,
    /// The keyword arguments it accepts, checked before the call with CPython's messages
    /// (`Some(&[])`: none at all); `None` leaves checking to the function.
    pub kwargs: Option<&'static [&'static str]>,
    /// For methods: the builtin class that defines it (for `<method 'append' of 'list'
    /// objects>`).
    pub owner: Option<std::rc::Weak<Class>>,
    /// Which of the methods `CallMethod` runs in place it is (`crate::builtins::quick`).
    pub quick: Quick,
}

/// The builtin methods the dispatch loop's `CallMethod` runs without the general call path
/// when the receiver is an exact builtin of the method's type (see `crate::builtins::quick`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Quick {
    /// Any other native: the general call path.
    No,
    /// `dict.get`.
    DictGet,
    /// `list.append`.
    ListAppend,
}

/// Dunder methods of builtin types that CPython exposes as method descriptors rather than
/// slot wrappers (the rest of the `__x__` names are slot wrappers).
const METHOD_DUNDERS: &[&str] = &[
    "__format__",
    "__reduce__",
    "__reduce_ex__",
    "__sizeof__",
    "__getnewargs__",
    "__dir__",
    "__init_subclass__",
    "__subclasshook__",
    "__class_getitem__",
    "__reversed__",
    "__length_hint__",
    "__getstate__",
    "__round__",
    "__trunc__",
    "__floor__",
    "__ceil__",
    "__enter__",
    "__exit__",
    "__copy__",
    "__deepcopy__",
    "__setstate__",
];

impl Native {
    /// True for a `slot wrapper` (`<slot wrapper '__add__' of 'int' objects>`; bound, a
    /// `method-wrapper`), false for a plain method descriptor.
    pub fn is_slot_wrapper(&self) -> bool {
        self.is_method
            && self.name.len() > 4
            && self.name.starts_with("__")
            && self.name.ends_with("__")
            && !METHOD_DUNDERS.contains(&self.name)
    }
}

/// A traceback entry: a frame's code and the instruction that was running.
#[derive(Clone, Debug)]
pub struct TbEntry {
    /// The code.
    pub code: Rc<Code>,
    /// The instruction index.
    pub pc: u32,
    /// The frame's globals (for NameError suggestions).
    pub globals: Option<Rc<Dict>>,
}

/// The state of an exception instance.
#[derive(Debug, Default)]
pub struct ExcData {
    /// `args` (always a tuple).
    pub args: RefCell<Value>,
    /// Traceback entries, innermost first.
    pub traceback: RefCell<Vec<TbEntry>>,
    /// `__cause__` (`None` when unset).
    pub cause: RefCell<Value>,
    /// `__context__` (`None` when unset).
    pub context: RefCell<Value>,
    /// `__suppress_context__`.
    pub suppress_context: Cell<bool>,
}

/// Where a generator, coroutine or async generator is in its life.
#[derive(Debug)]
pub enum GenState {
    /// Suspended (or not yet started): its frame waits in this fiber.
    Suspended(Box<Fiber>),
    /// Currently running.
    Running,
    /// Returned or raised.
    Finished,
}

/// A generator, coroutine or async generator object.
pub struct Generator {
    /// Generator, Coroutine or AsyncGenerator.
    pub kind: CodeKind,
    /// The state.
    pub state: RefCell<GenState>,
    /// True once it has started running.
    pub started: Cell<bool>,
    /// `__name__` and `__qualname__` when they are not the code's own (a function renamed
    /// before it was called); `None`, the common case, costs no space beyond the pointer.
    pub names: Option<Box<[Value; 2]>>,
    /// The code (for reprs and `gi_code`).
    pub code: Rc<Code>,
    /// Async generators: an `athrow`/`asend` is in progress.
    pub running_async: Cell<bool>,
    /// Async generators: the `firstiter` hook has seen it.
    pub hooked: Cell<bool>,
    /// Async generators started under a running loop: where the generator goes when it is
    /// dropped while suspended, so that the loop can still close it (PEP 525's finalizer).
    pub finalizer: Cell<Option<Rc<GenFinalizer>>>,
    /// While suspended: its own "exception being handled" (CPython's `gi_exc_state`). While
    /// running: the `Vm::handled_outer` of its resumer, restored when it stops. Kept here, in the payload's room,
    /// rather than in the fiber, whose malloc chunk it would take up a size class.
    pub handled: Cell<Option<Rc<Object>>>,
}

/// An object in its `Rc` is 104 bytes, a 112-byte malloc chunk: a generator's fields must
/// leave it there (every suspended coroutine is one).
const _: () = assert!(std::mem::size_of::<Object>() <= 88);

/// Async generators dropped while suspended, waiting for their loop to run `aclose()` on
/// them (CPython's `loop._asyncgen_finalizer_hook`). A drop cannot run script code, so the
/// generator's state moves here and the loop resurrects it as a new object.
pub type AsyncGenGraveyard = Rc<RefCell<Vec<Generator>>>;

/// A drop whose end needs script code, which a Rust `Drop` cannot run: the value's state
/// moves to the VM's [`Graveyard`] and the VM finishes it at its next safe point.
#[derive(Debug)]
pub enum Dead {
    /// A generator suspended inside `try`/`with`: the VM closes it.
    Gen(Generator),
    /// An instance of a class with `__del__`, resurrected (already marked finalized): the VM
    /// calls `__del__` on it, and it is freed when that leaves no reference (PEP 442).
    Obj(Rc<Object>),
    /// An instance with `__del__` the cycle collector found in garbage (already marked
    /// finalized, and still registered with the collector).
    Cyclic(Rc<Object>),
    /// The address of an object that died with weak references to it: the VM runs their
    /// callbacks (see `stdlib::weakref`).
    Weak(usize),
}

/// The VM's queue of [`Dead`] values, oldest first (see `finalize`).
pub type Graveyard = Rc<Grave>;

/// The queue behind a [`Graveyard`], with a flag saying it is not empty: the dispatch loop
/// tests for pending finalizers on every call and return, and a plain `bool` is one load where
/// the queue's length sits behind its `RefCell`'s borrow flag.
#[derive(Debug, Default)]
pub struct Grave {
    /// The dead values, oldest first.
    queue: RefCell<Vec<Dead>>,
    /// True while `queue` is not empty (set by [`GraveQueue::push`], cleared by
    /// [`Grave::pop_front`] when it takes the last one).
    pending: Cell<bool>,
}

/// The graveyard's queue borrowed for pushing (see [`Grave::try_borrow_mut`]).
pub struct GraveQueue<'a> {
    queue: std::cell::RefMut<'a, Vec<Dead>>,
    pending: &'a Cell<bool>,
}

impl GraveQueue<'_> {
    /// Queues `dead` behind what is already there.
    pub fn push(&mut self, dead: Dead) {
        self.queue.push(dead);
        self.pending.set(true);
    }
}

impl Grave {
    /// True when dead values wait to be finished.
    #[inline(always)]
    pub fn is_pending(&self) -> bool {
        self.pending.get()
    }

    /// The queue, for pushing; an error while it is borrowed (a drop while the VM takes from
    /// it).
    pub fn try_borrow_mut(&self) -> Result<GraveQueue<'_>, std::cell::BorrowMutError> {
        Ok(GraveQueue { queue: self.queue.try_borrow_mut()?, pending: &self.pending })
    }

    /// Takes the oldest dead value, if any.
    pub fn pop_front(&self) -> Option<Dead> {
        let mut q = self.queue.borrow_mut();
        let dead = (!q.is_empty()).then(|| q.remove(0));
        self.pending.set(!q.is_empty());
        dead
    }
}

/// Where a generator goes when it is dropped unfinished. Generators share one behind an `Rc`
/// (the VM's, or their loop's): one pointer in every generator instead of a tagged pair.
#[derive(Debug)]
pub enum GenFinalizer {
    /// A plain generator: the VM closes it.
    Vm(Graveyard),
    /// An async generator started under a loop: the loop closes it.
    Loop(AsyncGenGraveyard),
}

impl fmt::Debug for Generator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Generator").field("kind", &self.kind).field("code", &self.code.qualname).finish()
    }
}

impl Generator {
    /// Whether `name`/`qualname` need storing (see [`Generator::names`]).
    pub fn own_names(code: &Code, name: Value, qualname: Value) -> Option<Box<[Value; 2]>> {
        let same = name.as_str() == Some(&*code.name) && qualname.as_str() == Some(&*code.qualname);
        (!same).then(|| Box::new([name, qualname]))
    }

    /// `__name__`.
    pub fn name(&self) -> Value {
        match &self.names {
            Some(n) => n[0].clone(),
            None => Value::str(&self.code.name),
        }
    }

    /// `__qualname__`.
    pub fn qualname(&self) -> Value {
        match &self.names {
            Some(n) => n[1].clone(),
            None => Value::str(&self.code.qualname),
        }
    }

    /// A plain generator that closing would run code in: suspended at a `yield` inside a
    /// `try` or `with` (CPython closes every generator it frees; only these notice).
    pub fn needs_close(&self) -> bool {
        let finalizer = self.finalizer.take();
        let has_finalizer = finalizer.is_some();
        self.finalizer.set(finalizer);
        if self.kind != CodeKind::Generator || !has_finalizer {
            return false;
        }
        // A generator borrowed right now is running: not suspended, nothing to close.
        match self.state.try_borrow().as_deref() {
            Ok(GenState::Suspended(f)) => {
                f.suspended && f.frames.iter().any(|fr| fr.code.code.find_handler(fr.pc).is_some())
            }
            _ => false,
        }
    }

    /// For the cycle collector: a plain generator found in cyclic garbage that closing would
    /// run code in moves its state to the graveyard, to be closed like a dropped one (CPython
    /// finalizes generators in garbage cycles before clearing them, PEP 442). Returns false,
    /// leaving the generator as it was, when it needs no closing.
    pub fn finalize_from_cycle(&self) -> bool {
        if !self.needs_close() {
            return false;
        }
        let finalizer = self.finalizer.take();
        let graveyard = match finalizer.as_deref() {
            Some(GenFinalizer::Vm(graveyard)) => graveyard.clone(),
            _ => {
                self.finalizer.set(finalizer);
                return false;
            }
        };
        let Ok(mut state) = self.state.try_borrow_mut() else { return false };
        let g = Generator {
            kind: self.kind,
            state: RefCell::new(std::mem::replace(&mut *state, GenState::Finished)),
            started: Cell::new(true),
            names: self.names.clone(),
            code: self.code.clone(),
            running_async: Cell::new(false),
            hooked: Cell::new(true),
            finalizer: Cell::new(None),
            handled: Cell::new(self.handled.take()),
        };
        drop(state);
        if let Ok(mut q) = graveyard.try_borrow_mut() {
            q.push(Dead::Gen(g));
        }
        true
    }

    /// This generator's state moved into a new `Generator` (a drop hands it on this way).
    fn resurrect(&mut self) -> Generator {
        Generator {
            kind: self.kind,
            state: RefCell::new(std::mem::replace(self.state.get_mut(), GenState::Finished)),
            started: Cell::new(true),
            names: self.names.take(),
            code: self.code.clone(),
            running_async: Cell::new(false),
            hooked: Cell::new(true),
            finalizer: Cell::new(None),
            handled: Cell::new(self.handled.take()),
        }
    }
}

impl Drop for Generator {
    fn drop(&mut self) {
        if self.kind == CodeKind::Generator {
            if self.needs_close() {
                if let Some(GenFinalizer::Vm(graveyard)) = self.finalizer.get_mut().take().as_deref() {
                    let g = self.resurrect();
                    // The VM never holds the graveyard borrowed while values drop.
                    if let Ok(mut q) = graveyard.try_borrow_mut() {
                        q.push(Dead::Gen(g));
                    }
                }
            }
            return;
        }
        if self.kind != CodeKind::AsyncGenerator {
            return;
        }
        let finalizer = self.finalizer.get_mut().take();
        let Some(GenFinalizer::Loop(graveyard)) = finalizer.as_deref() else { return };
        if matches!(self.state.get_mut(), GenState::Suspended(f) if f.suspended) {
            let resurrected = self.resurrect();
            // A graveyard borrowed right now belongs to a loop draining it; the generator
            // is then dropped unclosed, as CPython does for a loop that is shutting down.
            if let Ok(mut g) = graveyard.try_borrow_mut() {
                g.push(resurrected);
            }
        }
    }
}

/// The iterator kinds implemented natively.
#[derive(Debug)]
#[allow(clippy::enum_variant_names)] // `SeqIter` names CPython's iterator type
pub enum Iter {
    /// Over a list by index (sees appends).
    List(Rc<List>, usize),
    /// Over a tuple.
    Tuple(Rc<Tuple>, usize),
    /// Over a range of ints.
    Range { next: i64, stop: i64, step: i64 },
    /// Over a range of big ints (`longrange_iterator`).
    BigRange(Box<super::bigrange::BigRange>),
    /// Over a str's code points (byte position).
    Str(Rc<PyStr>, usize),
    /// Over bytes values.
    Bytes(Value, usize),
    /// Over dict keys (entry position, expected length).
    DictKeys(Rc<Dict>, usize, usize),
    /// Over dict values.
    DictValues(Rc<Dict>, usize, usize),
    /// Over dict items.
    DictItems(Rc<Dict>, usize, usize),
    /// Over a set (table position, expected length).
    Set(Value, usize, usize),
    /// `enumerate(it, start)`.
    Enumerate(Value, Value),
    /// `zip(*its)`, with `strict`.
    Zip(Vec<Value>, bool),
    /// `map(f, *its)`.
    Map(Value, Vec<Value>),
    /// `filter(f, it)`.
    Filter(Value, Value),
    /// `reversed(seq)` by index, counting down.
    Reversed(Value, usize),
    /// The `__getitem__` protocol from 0 upwards.
    SeqIter(Value, usize),
    /// `iter(callable, sentinel)`.
    Callable(Value, Value),
    /// Exhausted.
    Done,
}

impl Iter {
    /// CPython's type name for this iterator (the generic `iterator` for the `__getitem__`
    /// protocol and for the ones built by enumerate/zip/map/filter, which get their own class).
    pub fn type_name(&self) -> &'static str {
        match self {
            Iter::List(..) => "list_iterator",
            Iter::Tuple(..) => "tuple_iterator",
            Iter::Range { .. } => "range_iterator",
            Iter::BigRange(_) => "longrange_iterator",
            Iter::Str(s, _) if s.is_ascii() => "str_ascii_iterator",
            Iter::Str(..) => "str_iterator",
            Iter::Bytes(b, _) if matches!(b.payload(), Some(Payload::ByteArray(_))) => "bytearray_iterator",
            Iter::Bytes(..) => "bytes_iterator",
            Iter::DictKeys(..) => "dict_keyiterator",
            Iter::DictValues(..) => "dict_valueiterator",
            Iter::DictItems(..) => "dict_itemiterator",
            Iter::Set(..) => "set_iterator",
            Iter::Callable(..) => "callable_iterator",
            Iter::Reversed(Value::List(_), _) => "list_reverseiterator",
            Iter::Reversed(..) => "reversed",
            _ => "iterator",
        }
    }
}

/// A module object.
#[derive(Debug)]
pub struct Module {
    /// The module's name.
    pub name: String,
    /// The module globals (its attributes).
    pub dict: Rc<Dict>,
}

/// Everything that is not one of `Value`'s direct variants.
pub enum Payload {
    /// An instance of a plain class (attributes live in `Object::dict`).
    Plain,
    /// An exception instance (boxed, as the largest payload: every object is as big as
    /// the largest variant).
    Exception(Box<ExcData>),
    /// A builtin function or method descriptor.
    Native(Native),
    /// A native closure (host function or host method).
    NativeClosure(Closure),
    /// A method bound to its object: (function, self).
    BoundMethod(Value, Value),
    /// A closure cell.
    Cell(RefCell<Value>),
    /// A code object.
    Code(Rc<CodeObj>),
    /// A module.
    Module(Module),
    /// A `range(start, stop, step)`.
    Range(i64, i64, i64),
    /// A `range` needing integers beyond 64 bits.
    BigRange(Box<super::bigrange::BigRange>),
    /// A `slice(start, stop, step)`.
    Slice(Value, Value, Value),
    /// A `property(fget, fset, fdel, doc)` (boxed: rare, and large).
    Property(Box<PropertyData>),
    /// `staticmethod(f)`.
    StaticMethod(Value),
    /// `classmethod(f)`.
    ClassMethod(Value),
    /// `super(cls, obj)`: lookups start after `cls` in `type(obj)`'s MRO.
    Super(Rc<Class>, Value),
    /// A native iterator.
    Iter(RefCell<Iter>),
    /// A generator, coroutine or async generator.
    Generator(Generator),
    /// A `set` (also user subclasses).
    Set(RefCell<SetTable>),
    /// A `frozenset`.
    FrozenSet(SetTable),
    /// `bytes`.
    Bytes(Box<[u8]>),
    /// `bytearray`.
    ByteArray(ByteBuf),
    /// `memoryview` over a bytes or bytearray object.
    MemoryView(super::memview::MemView),
    /// A `list` subclass instance.
    ListData(Rc<List>),
    /// A `dict` subclass instance.
    DictData(Rc<Dict>),
    /// An `int`/`str`/`float`/`tuple` subclass instance: the builtin value it wraps.
    Boxed(Value),
    /// A `complex` (real, imaginary).
    Complex(f64, f64),
    /// `NotImplemented`.
    NotImplemented,
    /// `...`.
    Ellipsis,
    /// A dict view: 0 = keys, 1 = values, 2 = items.
    DictView(u8, Rc<Dict>),
    /// A read-only view of a class namespace (`Cls.__dict__`), a snapshot.
    MappingProxy(Rc<Dict>),
    /// The descriptor for one `__slots__` name: the name and its class's `__name__` (for
    /// the repr `<member 'x' of 'C' objects>`).
    SlotMember(Rc<str>, Rc<str>),
    /// An async generator operation (`__anext__`, `asend`, `athrow`, `aclose` awaitable).
    AsyncGenOp(RefCell<AsyncGenOp>),
    /// A value yielded by an async generator's `yield` (as opposed to an inner `await`).
    AsyncYield(Value),
    /// A natively implemented object defined outside the VM core (asyncio futures and
    /// tasks, streams, host userdata).
    Ext(Box<dyn super::ext::Ext>),
    /// An `asyncio.sleep(d > 0)` awaitable: an [`Ext`](super::ext::Ext) kept inline, not
    /// boxed, as every task parked in a sleep holds one (the box was a 64-byte allocation
    /// per parked task).
    Sleep(crate::asyncio::sleep::SleepCoro),
    /// An asyncio `Future` or `Task`: an [`Ext`](super::ext::Ext) kept inline, with its
    /// future state boxed, so that a task is its object and a 56-byte state (a 64-byte
    /// malloc chunk) rather than the object and a boxed 104-byte `FutureObj` (112 bytes).
    Future(crate::asyncio::future::FutureObj),
}

impl Payload {
    /// The native behaviour of an extension object (boxed or inline), if it is one.
    #[inline]
    pub fn ext(&self) -> Option<&dyn super::ext::Ext> {
        match self {
            Payload::Ext(e) => Some(&**e),
            Payload::Sleep(s) => Some(s),
            Payload::Future(f) => Some(f),
            _ => None,
        }
    }
}

/// A `bytearray`'s storage (it dereferences to the byte vector's `RefCell`) and how many
/// memoryviews export it: while any does, the bytearray cannot change size.
#[derive(Debug, Default)]
pub struct ByteBuf {
    data: RefCell<Vec<u8>>,
    /// Unreleased memoryviews of this buffer.
    pub exports: Cell<usize>,
}

impl ByteBuf {
    /// A buffer holding `data`, not exported.
    pub fn new(data: Vec<u8>) -> ByteBuf {
        ByteBuf { data: RefCell::new(data), exports: Cell::new(0) }
    }
}

impl std::ops::Deref for ByteBuf {
    type Target = RefCell<Vec<u8>>;

    fn deref(&self) -> &RefCell<Vec<u8>> {
        &self.data
    }
}

/// The parts of a `property`.
#[derive(Debug)]
pub struct PropertyData {
    /// The getter (or None).
    pub fget: Value,
    /// The setter (or None).
    pub fset: Value,
    /// The deleter (or None).
    pub fdel: Value,
    /// The `doc` argument (or None).
    pub doc: Value,
    /// The attribute name, set by `__set_name__` when the owning class is created.
    pub name: RefCell<Value>,
}

/// What an async generator operation asks of the generator.
#[derive(Debug, Clone)]
pub enum AsyncGenOpKind {
    /// `__anext__()`
    Next,
    /// `asend(value)`
    Send(Value),
    /// `athrow(exc)`
    Throw(Rc<Object>),
    /// `aclose()`
    Close,
    /// `anext(it, default)`: the target is the awaitable `it.__anext__()` returned, and
    /// StopAsyncIteration from it becomes this default value.
    Default(Value),
}

/// Where an async generator operation is in its life (CPython's `AWAITABLE_STATE_*`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AsyncGenOpState {
    /// Not awaited yet.
    Init,
    /// Being awaited: the generator runs on its behalf.
    Iter,
    /// Finished; awaiting it again is an error.
    Closed,
}

/// The state of one async generator operation awaitable.
#[derive(Debug)]
pub struct AsyncGenOp {
    /// The async generator (for `Default`, the wrapped awaitable).
    pub target: Value,
    /// What to do.
    pub kind: AsyncGenOpKind,
    /// Where the operation is.
    pub state: AsyncGenOpState,
}

impl fmt::Debug for Payload {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = match self {
            Payload::Plain => "Plain",
            Payload::Exception(_) => "Exception",
            Payload::Native(n) => n.name,
            Payload::NativeClosure(c) => &c.name,
            Payload::BoundMethod(..) => "BoundMethod",
            Payload::Cell(_) => "Cell",
            Payload::Code(_) => "Code",
            Payload::Module(_) => "Module",
            Payload::Range(..) => "Range",
            Payload::BigRange(..) => "BigRange",
            Payload::Slice(..) => "Slice",
            Payload::Property(..) => "Property",
            Payload::StaticMethod(_) => "StaticMethod",
            Payload::ClassMethod(_) => "ClassMethod",
            Payload::Super(..) => "Super",
            Payload::Iter(_) => "Iter",
            Payload::Generator(_) => "Generator",
            Payload::Set(_) => "Set",
            Payload::FrozenSet(_) => "FrozenSet",
            Payload::Bytes(_) => "Bytes",
            Payload::ByteArray(_) => "ByteArray",
            Payload::MemoryView(_) => "MemoryView",
            Payload::ListData(_) => "ListData",
            Payload::DictData(_) => "DictData",
            Payload::Boxed(_) => "Boxed",
            Payload::Complex(..) => "Complex",
            Payload::NotImplemented => "NotImplemented",
            Payload::Ellipsis => "Ellipsis",
            Payload::DictView(..) => "DictView",
            Payload::MappingProxy(_) => "MappingProxy",
            Payload::SlotMember(..) => "SlotMember",
            Payload::AsyncGenOp(_) => "AsyncGenOp",
            Payload::AsyncYield(_) => "AsyncYield",
            Payload::Ext(_) => "Ext",
            Payload::Sleep(_) => "Sleep",
            Payload::Future(_) => "Future",
        };
        f.write_str(name)
    }
}

/// A dict slot holding `d`, if any.
fn dict_cell(d: Option<Rc<Dict>>) -> Swap<OnceCell<Rc<Dict>>> {
    Swap::new(d.map_or_else(OnceCell::new, OnceCell::from))
}

/// A heap object of any kind not covered by `Value`'s direct variants.
#[derive(Debug)]
pub struct Object {
    /// Its class (replaced only by `obj.__class__ = C`, see [`Object::set_class`]).
    pub class: Swap<Rc<Class>>,
    /// Its attribute dict, for instances of script classes (shared with `obj.__dict__`).
    /// Read it with [`Object::dict`]; objects made by [`Object::with_lazy_dict`] have none
    /// until a script stores an attribute or asks for `__dict__`.
    pub dict: Swap<OnceCell<Rc<Dict>>>,
    /// What it is.
    pub payload: Payload,
    /// Set once `__del__` has been scheduled for it: finalizers run at most once (PEP 442).
    pub finalized: Cell<bool>,
    /// The object's attribute dict is hidden and made on first store (see
    /// [`Object::with_lazy_dict`]).
    /// Lives in what was padding after `finalized`: it costs no space.
    pub lazy_dict: bool,
    /// Weak references point to it: its death queues `Dead::Weak` so that the VM runs their
    /// callbacks (in padding too).
    pub weak_watched: Cell<bool>,
    /// The cycle collector's index of the object during a collection (in what was padding).
    pub gc_slot: GcSlot,
    /// A plain instance not registered with the cycle collector yet: the `cls(...)` fast path
    /// leaves out an instance whose attributes can hold no reference (CPython's untracking of
    /// atom-only tuples and dicts), so that a value object made and dropped in a loop costs no
    /// registry entry. `Vm::gc_note_attr` registers it before a store of anything but an
    /// atom, `__dict__` and `vars()` before handing out its dict, and a full collection
    /// adopts it when a tracked object refers to it (its class reference could close a
    /// cycle through the class). In padding too.
    pub untracked: Cell<bool>,
}

impl Drop for Object {
    fn drop(&mut self) {
        let dead = self.class.has_del.get() && !self.finalized.get() && self.send_to_finalizer();
        if self.weak_watched.get() {
            self.notify_weak();
        }
        if dead {
            return;
        }
        if self.dict.get().is_none() && matches!(self.payload, Payload::Plain | Payload::Native(_)) {
            return;
        }
        if super::drop::enter() {
            // The fields drop right after this, still inside the counted level.
            if let Some(dict) = self.dict.take() {
                self.recycle_dict(dict);
            }
            if !matches!(self.payload, Payload::Plain) {
                drop(std::mem::replace(&mut self.payload, Payload::Plain));
            }
            super::drop::leave();
        } else {
            let mut out = Vec::new();
            super::drop::take_object(self, &mut out);
            super::drop::defer(out);
        }
    }
}

impl Object {
    /// Drops the attribute dict of a dying instance, or, when nothing else holds it (no
    /// `__dict__` reference, no weak reference) and it is small, empties it and keeps it as
    /// its class's [`Class::spare_dicts`]. Runs inside a counted drop level.
    fn recycle_dict(&self, dict: Rc<Dict>) {
        if !self.class.is_heap || self.lazy_dict || Rc::strong_count(&dict) != 1 || Rc::weak_count(&dict) != 0
        {
            return;
        }
        if self.class.spare_dicts.is_full() {
            return;
        }
        // The values drop under the dict's borrow: nothing else holds the dict (no strong or
        // weak reference, checked above), so no drop they cascade into can reach it.
        let Ok(mut map) = dict.map.try_borrow_mut() else { return };
        if !map.clear_small() {
            return;
        }
        drop(map);
        // The values' drops may have filled the stack meanwhile: then the dict just drops.
        let _ = self.class.spare_dicts.push(dict);
    }

    /// Releases a reference to an object held by a register. When it is the last reference to
    /// a plain instance, the instance goes whole (object and emptied dict) onto its class's
    /// [`Class::spare_objects`] instead of being freed, for [`Object::revive`].
    #[inline(always)]
    pub fn release(o: Rc<Object>) {
        if Rc::strong_count(&o) == 1 && matches!(o.payload, Payload::Plain) {
            Object::release_last(o);
        } else {
            drop(o);
        }
    }

    /// [`Object::release`] of the last reference. An instance is kept only when nothing can
    /// tell it from a freed one: no weak reference (nor a collector registry entry: the
    /// `Rc`'s weak count is zero), left out of the registry (`untracked`: its attributes hold
    /// atoms only, so emptying its dict runs no drop that could reach other objects), no
    /// `__del__` on its class, and a small dict nothing else holds. Anything else drops as
    /// usual.
    #[inline(never)]
    fn release_last(mut o: Rc<Object>) {
        let Some(obj) = Rc::get_mut(&mut o) else { return };
        if !obj.untracked.get() || obj.weak_watched.get() || obj.lazy_dict {
            return;
        }
        let cls: &Class = &obj.class;
        if !cls.is_heap || cls.has_del.get() || cls.spare_objects.is_full() {
            return;
        }
        let Some(base) = cls.mro.last().cloned() else { return };
        let emptied = obj.dict.get_mut().and_then(Rc::get_mut).is_some_and(|d| d.map.get_mut().clear_small());
        if !emptied {
            return;
        }
        // While kept, the instance holds its class's last base, not the class (no cycle).
        let cls = std::mem::replace(&mut *obj.class, base);
        if let Err(o) = cls.spare_objects.push(o) {
            drop(o);
        }
    }

    /// An instance of `cls` from its [`Class::spare_objects`], with an empty dict, if the
    /// class keeps one.
    #[inline(always)]
    pub fn revive(cls: &Rc<Class>) -> Option<Rc<Object>> {
        let mut o = cls.spare_objects.pop()?;
        let obj = Rc::get_mut(&mut o)?;
        *obj.class = cls.clone();
        obj.finalized.set(false);
        Some(o)
    }

    /// Makes an object without an attribute dict.
    pub fn new(class: Rc<Class>, payload: Payload) -> Rc<Object> {
        Rc::new(Object {
            class: Swap::new(class),
            dict: Swap::new(OnceCell::new()),
            payload,
            finalized: Cell::new(false),
            weak_watched: Cell::new(false),
            lazy_dict: false,
            gc_slot: GcSlot::default(),
            untracked: Cell::new(false),
        })
    }

    /// Makes an object with an (empty) attribute dict.
    pub fn with_dict(class: Rc<Class>, payload: Payload) -> Rc<Object> {
        let dict = match class.spare_dicts.pop() {
            Some(d) => d,
            None => {
                let map = DictMap::with_capacity(class.dict_hint.get() as usize);
                Rc::new(Dict { map: RefCell::new(map), gc_slot: GcSlot::default() })
            }
        };
        let dict = Swap::new(OnceCell::from(dict));
        Rc::new(Object {
            class: Swap::new(class),
            dict,
            payload,
            finalized: Cell::new(false),
            weak_watched: Cell::new(false),
            lazy_dict: false,
            gc_slot: GcSlot::default(),
            untracked: Cell::new(false),
        })
    }

    /// Makes an object whose attribute dict is hidden and made on the first attribute store,
    /// like CPython's native types that take instance attributes without a `__dict__`
    /// descriptor (`_asyncio.Future`, `_asyncio.Task`): scripts can store and read attributes,
    /// but `__dict__` and `vars()` fail and `dir()` does not list them. For native objects that
    /// exist in large numbers and rarely carry attributes: no dict is allocated for them.
    pub fn with_lazy_dict(class: Rc<Class>, payload: Payload) -> Rc<Object> {
        Rc::new(Object {
            class: Swap::new(class),
            dict: Swap::new(OnceCell::new()),
            payload,
            finalized: Cell::new(false),
            weak_watched: Cell::new(false),
            lazy_dict: true,
            gc_slot: GcSlot::default(),
            untracked: Cell::new(false),
        })
    }

    /// The attribute dict, if the object has one already.
    #[inline(always)]
    pub fn dict(&self) -> Option<&Rc<Dict>> {
        self.dict.get()
    }

    /// `obj.__class__ = class` once `Vm::assign_class` checked it: returns the old class,
    /// which the caller keeps alive (`swap` module docs).
    pub fn set_class(&self, class: Rc<Class>) -> Rc<Class> {
        Swap::replace(&self.class, class)
    }

    /// `obj.__dict__ = dict`: returns the old dict cell, which the caller keeps alive (`swap`
    /// module docs).
    pub fn set_dict(&self, dict: Rc<Dict>) -> Option<Rc<Dict>> {
        Swap::replace(&self.dict, OnceCell::from(dict)).into_inner()
    }

    /// The attribute dict scripts see as `__dict__` (none for a hidden, lazy one).
    pub fn visible_dict(&self) -> Option<&Rc<Dict>> {
        if self.lazy_dict {
            return None;
        }
        self.dict.get()
    }

    /// The attribute dict for a store: made now for a lazy-dict object.
    pub fn dict_for_write(&self) -> Option<&Rc<Dict>> {
        if self.lazy_dict {
            return Some(self.dict.get_or_init(|| Rc::new(Dict::default())));
        }
        self.dict.get()
    }

    /// The last reference to an instance with `__del__` went away: moves its state into a new
    /// object on the class's graveyard, where the VM calls `__del__` (a drop cannot run script
    /// code). The new object has another address, so `id(self)` inside `__del__` differs from
    /// the one the object had. False when the graveyard is busy (the object is then freed
    /// without its finalizer).
    #[cold]
    /// Queues the callbacks of the weak references to this dying object (after its
    /// `__del__`, as CPython clears weak references once the finalizer has run).
    fn notify_weak(&self) {
        let Some(graveyard) = &self.class.graveyard else { return };
        if let Ok(mut q) = graveyard.try_borrow_mut() {
            q.push(Dead::Weak(self as *const Object as usize));
        }
    }

    fn send_to_finalizer(&mut self) -> bool {
        let Some(graveyard) = &self.class.graveyard else { return false };
        let Ok(mut q) = graveyard.try_borrow_mut() else { return false };
        let obj = Object {
            class: Swap::new(self.class.clone()),
            dict: dict_cell(self.dict.take()),
            payload: std::mem::replace(&mut self.payload, Payload::Plain),
            finalized: Cell::new(true),
            weak_watched: Cell::new(false),
            lazy_dict: self.lazy_dict,
            gc_slot: GcSlot::default(),
            untracked: Cell::new(false),
        };
        q.push(Dead::Obj(Rc::new(obj)));
        true
    }

    /// The exception state, if this is an exception.
    pub fn exc(&self) -> Option<&ExcData> {
        match &self.payload {
            Payload::Exception(e) => Some(e),
            _ => None,
        }
    }

    /// Reads an attribute from the instance dict.
    pub fn get_attr(&self, name: &str) -> Option<Value> {
        self.dict()?.map.borrow().get_str(str_hash(name), name).cloned()
    }

    /// Writes an attribute into the instance dict (ignored when there is none).
    pub fn set_attr(&self, name: &str, value: Value) {
        if let Some(d) = self.dict_for_write() {
            d.map.borrow_mut().set_str(str_hash(name), Value::str(name), value);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every object is as big as the largest payload: large variants are boxed, and a new
    /// variant that grows `Object` should be boxed too (asyncio tasks are three objects each).
    #[test]
    fn object_stays_small() {
        assert!(std::mem::size_of::<Payload>() <= 72, "Payload is {} bytes", std::mem::size_of::<Payload>());
        assert!(std::mem::size_of::<Object>() <= 96, "Object is {} bytes", std::mem::size_of::<Object>());
    }
}
