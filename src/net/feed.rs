//! The stream read path's fast route: received bytes go straight from the loop's receive
//! buffer into a native StreamReader's buffer, with no `bytes` object and no Python call.
//!
//! It applies only where the result is exactly what CPython would do: the protocol's
//! `data_received` is `StreamReaderProtocol.data_received` itself (registered by `streams.py`,
//! not overridden by a subclass or an instance attribute), and its `_stream_reader_wr` is a
//! native reader whose `feed_data` is the native one. That method's whole body is
//! `reader.feed_data(data)` (or nothing when the reader is None), so calling the reader's feed
//! directly keeps every observable effect: buffer contents, waiter wake-up order, the limit
//! and `pause_reading()`. Any other protocol — a user's `Protocol` subclass included — gets
//! `data_received(bytes)` as before.
//!
//! The decision takes attribute lookups, so it is cached per transport and keyed on what can
//! change it: the class epoch (bumped whenever any class namespace changes), the protocol
//! object, and the versions of the protocol's and the reader's instance dicts.

use std::cell::RefCell;
use std::rc::Rc;

use super::module::classes;
use super::reader::{reader_of, ReaderObj};
use crate::vm::object::{class_epoch, str_hash, Object};
use crate::vm::{Value, Vm};

const DATA_RECEIVED: &str = "data_received";
const FEED_DATA: &str = "feed_data";
const READER_ATTR: &str = "_stream_reader_wr";

/// Where a transport's received bytes go.
#[derive(Debug, Clone, Default)]
pub enum Route {
    /// Call `protocol.data_received(bytes)`.
    #[default]
    Call,
    /// Feed this native reader directly.
    Feed(Value),
    /// `StreamReaderProtocol.data_received` with no reader: the bytes are dropped.
    Drop,
}

/// The cached route and the state it was decided in.
#[derive(Debug, Default)]
pub struct RouteCache {
    key: Option<Key>,
    route: Route,
}

#[derive(Debug, PartialEq, Eq, Clone, Copy)]
struct Key {
    epoch: u64,
    protocol: usize,
    protocol_dict: u64,
    reader_dict: u64,
}

/// The version of an object's instance dict (0 without one), watched: cached attribute
/// stores into it change it too (see `DictMap::watch_version`).
fn dict_version(o: &Object) -> u64 {
    o.dict().map_or(0, |d| d.map.borrow().watch_version())
}

fn key_of(protocol: &Rc<Object>, route: &Route) -> Key {
    let reader_dict = match route {
        Route::Feed(Value::Obj(r)) => dict_version(r),
        _ => 0,
    };
    Key {
        epoch: class_epoch(),
        protocol: Rc::as_ptr(protocol) as usize,
        protocol_dict: dict_version(protocol),
        reader_dict,
    }
}

/// The route for bytes received for `protocol`, from `cache` when nothing it depends on
/// has changed.
pub fn route(vm: &mut Vm, cache: &RefCell<RouteCache>, protocol: &Value) -> Route {
    let Value::Obj(p) = protocol else { return Route::Call };
    {
        let c = cache.borrow();
        if c.key == Some(key_of(p, &c.route)) {
            return c.route.clone();
        }
    }
    let route = decide(vm, p);
    let key = key_of(p, &route);
    *cache.borrow_mut() = RouteCache { key: Some(key), route: route.clone() };
    route
}

/// True when `o`'s instance dict holds `name` (shadowing its class's attribute). Inlined so
/// that a constant name's hash is computed at compile time.
#[inline(always)]
pub(super) fn shadowed(o: &Object, name: &str) -> bool {
    o.dict().is_some_and(|d| d.map.borrow().get_str(str_hash(name), name).is_some())
}

/// Looks the route up from scratch.
fn decide(vm: &mut Vm, p: &Rc<Object>) -> Route {
    let c = classes(vm);
    let Some(registered) = c.stream_data_received.borrow().clone() else { return Route::Call };
    if shadowed(p, DATA_RECEIVED) {
        return Route::Call;
    }
    let method = vm.lookup_cached(&p.class, str_hash(DATA_RECEIVED), DATA_RECEIVED);
    if !method.is_some_and(|m| m.is(&registered)) {
        return Route::Call;
    }
    let Some(reader) =
        p.dict().and_then(|d| d.map.borrow().get_str(str_hash(READER_ATTR), READER_ATTR).cloned())
    else {
        return Route::Call; // the Python method's AttributeError is the behaviour to keep
    };
    if reader.is_none() {
        return Route::Drop;
    }
    let Value::Obj(r) = &reader else { return Route::Call };
    if reader_of(&reader).is_none() || shadowed(r, FEED_DATA) {
        return Route::Call;
    }
    let native = vm.lookup_cached(&c.reader_base, str_hash(FEED_DATA), FEED_DATA);
    let feed = vm.lookup_cached(&r.class, str_hash(FEED_DATA), FEED_DATA);
    match (native, feed) {
        (Some(n), Some(f)) if n.is(&f) => Route::Feed(reader),
        _ => Route::Call,
    }
}

/// The native reader of a `Route::Feed`.
pub fn reader(route: &Route) -> Option<&ReaderObj> {
    match route {
        Route::Feed(r) => reader_of(r),
        _ => None,
    }
}
