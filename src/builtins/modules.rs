//! The registry of native modules (`sys`, `math`, `time`, `_asyncio`, the native halves of
//! stdlib modules in `crate::stdlib`) and of the
//! `stdlib/*.py` modules embedded in the binary.

use std::rc::Rc;

use super::native;
use crate::vm::import::NativeModule;
use crate::vm::object::Dict;
use crate::vm::{Value, Vm};

/// The constructor of a native module, if `name` is one.
pub fn native_module(name: &str) -> Option<NativeModule> {
    Some(match name {
        "sys" => super::sys::sys_module,
        "builtins" => builtins_module,
        "math" => super::math::math_module,
        "time" => super::time::time_module,
        "gc" => super::gc::gc_module,
        "_asyncio" => crate::asyncio::asyncio_module,
        "_net" => crate::net::module::net_module,
        "socket" => crate::net::module::socket_module,
        "_random" => crate::stdlib::random::module,
        "_collections" => crate::stdlib::collections::module,
        "_json" => crate::stdlib::json::module,
        "_re" => crate::stdlib::re::module,
        "_os" => crate::stdlib::os::module,
        "_struct" => crate::stdlib::structs::module,
        "_subprocess" => crate::stdlib::subprocess::module,
        "_traceback" => crate::stdlib::traceback::module,
        "_contextvars" => crate::stdlib::contextvars::module,
        "_sha2" => crate::stdlib::digests::module,
        "_weakref" => crate::stdlib::weakref::module,
        "_typename" => crate::stdlib::typename::module,
        _ => return None,
    })
}

/// The `builtins` module: a module over the very namespace name lookup falls back to, so
/// `builtins.print is print` and assigning `builtins.x` makes `x` visible everywhere.
fn builtins_module(vm: &mut Vm) -> crate::vm::PyResult<Value> {
    let dict = vm.builtins.clone();
    Ok(vm.new_module("builtins", dict))
}

/// Embedded stdlib sources: (module name, source, is package).
const STDLIB: &[(&str, &str, bool)] = &[
    ("asyncio", include_str!("../../stdlib/asyncio/__init__.py"), true),
    ("asyncio.exceptions", include_str!("../../stdlib/asyncio/exceptions.py"), false),
    ("asyncio.base_events", include_str!("../../stdlib/asyncio/base_events.py"), false),
    ("asyncio.green", include_str!("../../stdlib/asyncio/green.py"), false),
    ("asyncio.events", include_str!("../../stdlib/asyncio/events.py"), false),
    ("asyncio.base_tasks", include_str!("../../stdlib/asyncio/base_tasks.py"), false),
    ("asyncio.tasks", include_str!("../../stdlib/asyncio/tasks.py"), false),
    ("asyncio.timeouts", include_str!("../../stdlib/asyncio/timeouts.py"), false),
    ("asyncio.taskgroups", include_str!("../../stdlib/asyncio/taskgroups.py"), false),
    ("asyncio.locks", include_str!("../../stdlib/asyncio/locks.py"), false),
    ("asyncio.queues", include_str!("../../stdlib/asyncio/queues.py"), false),
    ("asyncio.runners", include_str!("../../stdlib/asyncio/runners.py"), false),
    ("asyncio.protocols", include_str!("../../stdlib/asyncio/protocols.py"), false),
    ("asyncio.transports", include_str!("../../stdlib/asyncio/transports.py"), false),
    ("asyncio.streams", include_str!("../../stdlib/asyncio/streams.py"), false),
    ("asyncio.net_events", include_str!("../../stdlib/asyncio/net_events.py"), false),
    ("asyncio.subprocess", include_str!("../../stdlib/asyncio/subprocess.py"), false),
    ("aiohttp", include_str!("../../stdlib/aiohttp/__init__.py"), true),
    ("aiofiles", include_str!("../../stdlib/aiofiles/__init__.py"), true),
    ("abc", include_str!("../../stdlib/abc.py"), false),
    ("bisect", include_str!("../../stdlib/bisect.py"), false),
    ("cmath", include_str!("../../stdlib/cmath.py"), false),
    ("collections", include_str!("../../stdlib/collections/__init__.py"), true),
    ("collections.abc", include_str!("../../stdlib/collections/abc.py"), false),
    ("operator", include_str!("../../stdlib/operator.py"), false),
    ("itertools", include_str!("../../stdlib/itertools.py"), false),
    ("functools", include_str!("../../stdlib/functools.py"), false),
    ("heapq", include_str!("../../stdlib/heapq.py"), false),
    ("json", include_str!("../../stdlib/json.py"), false),
    ("string", include_str!("../../stdlib/string.py"), false),
    ("traceback", include_str!("../../stdlib/traceback.py"), false),
    ("types", include_str!("../../stdlib/types.py"), false),
    ("copy", include_str!("../../stdlib/copy.py"), false),
    ("contextlib", include_str!("../../stdlib/contextlib.py"), false),
    ("contextvars", include_str!("../../stdlib/contextvars.py"), false),
    ("enum", include_str!("../../stdlib/enum.py"), false),
    ("dataclasses", include_str!("../../stdlib/dataclasses.py"), false),
    ("typing", include_str!("../../stdlib/typing.py"), false),
    ("random", include_str!("../../stdlib/random.py"), false),
    ("re", include_str!("../../stdlib/re.py"), false),
    ("os", include_str!("../../stdlib/os.py"), false),
    ("posixpath", include_str!("../../stdlib/posixpath.py"), false),
    ("io", include_str!("../../stdlib/io.py"), false),
    ("tempfile", include_str!("../../stdlib/tempfile.py"), false),
    ("struct", include_str!("../../stdlib/struct.py"), false),
    ("array", include_str!("../../stdlib/array.py"), false),
    ("textwrap", include_str!("../../stdlib/textwrap.py"), false),
    ("datetime", include_str!("../../stdlib/datetime.py"), false),
    ("logging", include_str!("../../stdlib/logging.py"), false),
    ("inspect", include_str!("../../stdlib/inspect.py"), false),
    ("warnings", include_str!("../../stdlib/warnings.py"), false),
    ("fnmatch", include_str!("../../stdlib/fnmatch.py"), false),
    ("shlex", include_str!("../../stdlib/shlex.py"), false),
    ("html", include_str!("../../stdlib/html.py"), false),
    ("binascii", include_str!("../../stdlib/binascii.py"), false),
    ("base64", include_str!("../../stdlib/base64.py"), false),
    ("http", include_str!("../../stdlib/http/__init__.py"), true),
    ("urllib", include_str!("../../stdlib/urllib/__init__.py"), true),
    ("urllib.parse", include_str!("../../stdlib/urllib/parse.py"), false),
    ("fractions", include_str!("../../stdlib/fractions.py"), false),
    ("decimal", include_str!("../../stdlib/decimal.py"), false),
    ("keyword", include_str!("../../stdlib/keyword.py"), false),
    ("errno", include_str!("../../stdlib/errno.py"), false),
    ("atexit", include_str!("../../stdlib/atexit.py"), false),
    ("numbers", include_str!("../../stdlib/numbers.py"), false),
    ("statistics", include_str!("../../stdlib/statistics.py"), false),
    ("queue", include_str!("../../stdlib/queue.py"), false),
    ("subprocess", include_str!("../../stdlib/subprocess.py"), false),
    ("threading", include_str!("../../stdlib/threading.py"), false),
    ("pprint", include_str!("../../stdlib/pprint.py"), false),
    ("secrets", include_str!("../../stdlib/secrets.py"), false),
    ("calendar", include_str!("../../stdlib/calendar.py"), false),
    ("uuid", include_str!("../../stdlib/uuid.py"), false),
    ("_purehash", include_str!("../../stdlib/_purehash.py"), false),
    ("hashlib", include_str!("../../stdlib/hashlib.py"), false),
    ("difflib", include_str!("../../stdlib/difflib.py"), false),
    ("unittest", include_str!("../../stdlib/unittest.py"), false),
    ("argparse", include_str!("../../stdlib/argparse.py"), false),
    ("csv", include_str!("../../stdlib/csv.py"), false),
    ("signal", include_str!("../../stdlib/signal.py"), false),
    ("timeit", include_str!("../../stdlib/timeit.py"), false),
    ("platform", include_str!("../../stdlib/platform.py"), false),
    ("glob", include_str!("../../stdlib/glob.py"), false),
    ("shutil", include_str!("../../stdlib/shutil.py"), false),
    ("pathlib", include_str!("../../stdlib/pathlib.py"), false),
    ("sched", include_str!("../../stdlib/sched.py"), false),
    ("locale", include_str!("../../stdlib/locale.py"), false),
    ("codecs", include_str!("../../stdlib/codecs.py"), false),
    ("weakref", include_str!("../../stdlib/weakref.py"), false),
    ("_weakrefset", include_str!("../../stdlib/_weakrefset.py"), false),
    ("graphlib", include_str!("../../stdlib/graphlib.py"), false),
    ("reprlib", include_str!("../../stdlib/reprlib.py"), false),
    ("hmac", include_str!("../../stdlib/hmac.py"), false),
    ("getopt", include_str!("../../stdlib/getopt.py"), false),
    ("stat", include_str!("../../stdlib/stat.py"), false),
    ("configparser", include_str!("../../stdlib/configparser.py"), false),
    ("concurrent", include_str!("../../stdlib/concurrent/__init__.py"), true),
    ("concurrent.futures", include_str!("../../stdlib/concurrent/futures/__init__.py"), true),
];

/// The source of an embedded stdlib module and whether it is a package.
pub fn stdlib_source(name: &str) -> Option<(&'static str, bool)> {
    STDLIB.iter().find(|(n, _, _)| *n == name).map(|(_, s, p)| (*s, *p))
}

/// A native module with these functions.
pub fn module(vm: &mut Vm, name: &str, funcs: &[(&'static str, crate::vm::object::NativeFn)]) -> Value {
    let m = vm.new_module(name, Rc::new(Dict::default()));
    for (n, f) in funcs {
        let v = native(vm, n, *f);
        vm.module_set(&m, n, v);
    }
    m
}
