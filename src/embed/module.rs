//! Native modules defined by the host: [`Module`] adds functions, async functions, values
//! and classes to a module that scripts `import` like any other.
//!
//! Invariant: the module is in the interpreter's module table (`sys.modules`) from the
//! moment it is registered, so an `import` finds it before any `.py` file of the same name.

use std::rc::Rc;

use super::async_fn::{async_fn_value, AsyncHostFn};
use super::context::Cx;
use super::convert::IntoValue;
use super::error::Error;
use super::host_fn::{closure_value, HostFn};
use super::userdata::{Class, UserData};
use super::value::Value;
use crate::vm::object::Dict;
use crate::vm::{Value as VmValue, Vm};

/// A host-defined module under construction (from
/// [`Interpreter::register_module`](crate::Interpreter::register_module)).
///
/// ```
/// let mut interp = gyre::Interpreter::new();
/// let mut geo = interp.register_module("geo");
/// geo.function("dist", |x: f64, y: f64| (x * x + y * y).sqrt());
/// geo.set("ORIGIN", (0.0, 0.0)).unwrap();
/// interp.exec("import geo\nd = geo.dist(*geo.ORIGIN) + geo.dist(3, 4)").unwrap();
/// assert_eq!(interp.globals().get::<f64>("d").unwrap(), 5.0);
/// ```
pub struct Module<'a> {
    vm: &'a mut Vm,
    module: VmValue,
}

impl<'a> Module<'a> {
    /// Creates module `name` and enters it in the module table (a dotted name also becomes
    /// an attribute of its already registered parent).
    pub(crate) fn create(vm: &'a mut Vm, name: &str) -> Module<'a> {
        let module = vm.new_module(name, Rc::new(Dict::default()));
        vm.module_insert(name, module.clone());
        if let Some((parent, child)) = name.rsplit_once('.') {
            if let Some(p) = vm.module_get(parent) {
                vm.module_set(&p, child, module.clone());
            }
        }
        Module { vm, module }
    }

    /// Adds a host function (see [`HostFn`]).
    ///
    /// ```
    /// let mut interp = gyre::Interpreter::new();
    /// interp.register_module("text").function("shout", |s: String| s.to_uppercase());
    /// assert_eq!(interp.eval::<String>("__import__('text').shout('hey')").unwrap(), "HEY");
    /// ```
    pub fn function<M: 'static, F: HostFn<M>>(&mut self, name: &str, f: F) -> &mut Self {
        let v = closure_value(self.vm, name, f, false);
        self.vm.module_set(&self.module, name, v);
        self
    }

    /// Adds an async host function (see [`AsyncHostFn`]).
    ///
    /// ```
    /// let mut interp = gyre::Interpreter::new();
    /// interp.register_module("net2").async_function("ping", || async { "pong" });
    /// interp.exec("import asyncio, net2\nasync def main():\n    return await net2.ping()").unwrap();
    /// assert_eq!(interp.run::<String>("main", ()).unwrap(), "pong");
    /// ```
    pub fn async_function<M: 'static, F: AsyncHostFn<M>>(&mut self, name: &str, f: F) -> &mut Self {
        match async_fn_value(self.vm, name, f) {
            Ok(v) => self.vm.module_set(&self.module, name, v),
            Err(e) => {
                // Compiling the three-line wrapper cannot fail for a valid name; keep the
                // failure visible to scripts rather than dropping it.
                self.vm.module_set(&self.module, name, VmValue::Obj(e));
            }
        }
        self
    }

    /// Sets a module attribute to a value.
    ///
    /// ```
    /// let mut interp = gyre::Interpreter::new();
    /// interp.register_module("config").set("DEBUG", true).unwrap();
    /// assert!(interp.eval::<bool>("__import__('config').DEBUG").unwrap());
    /// ```
    pub fn set(&mut self, name: &str, value: impl IntoValue) -> Result<&mut Self, Error> {
        let v = value.into_value(&mut Cx::new(self.vm))?;
        self.vm.module_set(&self.module, name, v.0);
        Ok(self)
    }

    /// Adds a host class (see [`Class`]).
    ///
    /// ```
    /// struct Color(u8, u8, u8);
    /// impl gyre::UserData for Color {}
    /// let mut interp = gyre::Interpreter::new();
    /// interp.register_module("paint")
    ///     .class::<Color>("Color")
    ///     .constructor(|r: u8, g: u8, b: u8| Color(r, g, b))
    ///     .method("hex", |c: &mut Color| format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2));
    /// assert_eq!(interp.eval::<String>("__import__('paint').Color(255, 0, 16).hex()").unwrap(), "#ff0010");
    /// ```
    pub fn class<T: UserData>(&mut self, name: &str) -> Class<'_, T> {
        let module = self.module.clone();
        let (mut class, value) = Class::create(self.vm, name);
        class.vm_mut().module_set(&module, name, value);
        class
    }

    /// The module object.
    ///
    /// ```
    /// let mut interp = gyre::Interpreter::new();
    /// let m = interp.register_module("empty").value();
    /// assert_eq!(m.type_name(), "module");
    /// ```
    pub fn value(&self) -> Value {
        Value(self.module.clone())
    }
}
