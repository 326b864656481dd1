//! Where `print()`, `input()` prompts and other "write to sys.stdout" paths send text:
//! the VM's own sinks while `sys.stdout`/`sys.stderr` are the original stream objects, or
//! the `write` method of whatever object a script put there (`io.StringIO`,
//! `contextlib.redirect_stdout`, a logger...), as CPython does.
//!
//! Invariant: the common case costs one version compare per write, not a dict lookup. The
//! resolved targets are cached against the version of the dict that decides them: the `sys`
//! module's namespace once `sys` exists, `sys.modules` before (so the cache refreshes when
//! `sys` is first imported). Dict versions are unique across all dicts of the thread, so a
//! stale cache can never match.

use std::io::Write;

use super::{DictRef, PyResult, Value, Vm};

/// One standard stream as a write target.
#[derive(Clone, Debug, Default)]
pub enum Target {
    /// The VM's stdout sink (`sys.stdout` is the original stream object).
    #[default]
    Stdout,
    /// The VM's stderr sink (the original stderr object, possibly assigned to `sys.stdout`).
    Stderr,
    /// `sys.stdout` is `None`: `print` writes nothing, as in CPython.
    Discard,
    /// Any other object: text goes through its `write` method.
    Object(Value),
    /// The attribute was deleted from `sys`.
    Lost,
}

/// The resolved `sys.stdout` and `sys.stderr`, cached (see the module doc).
#[derive(Default)]
pub struct StdStreams {
    /// The original `sys.stdout` and `sys.stderr` objects, recorded when `sys` is built.
    originals: Option<(Value, Value)>,
    /// The dict whose version keys the cache, and that version.
    keyed_on: Option<(DictRef, u64)>,
    stdout: Target,
    stderr: Target,
}

impl StdStreams {
    /// Records the stream objects `sys` starts with.
    pub fn set_originals(&mut self, stdout: Value, stderr: Value) {
        self.originals = Some((stdout, stderr));
        self.keyed_on = None;
    }

    fn fresh(&self) -> bool {
        matches!(&self.keyed_on, Some((d, v)) if d.map.borrow().version() == *v)
    }

    /// The target for a stream object: the sinks for the original streams, else the object.
    pub fn classify(&self, v: Option<Value>) -> Target {
        let Some(v) = v else { return Target::Lost };
        if let Some((out, err)) = &self.originals {
            if v.is(out) {
                return Target::Stdout;
            }
            if v.is(err) {
                return Target::Stderr;
            }
        }
        match v {
            Value::None => Target::Discard,
            v => Target::Object(v),
        }
    }
}

impl Vm {
    /// Where text for `sys.stdout` (`err == false`) or `sys.stderr` goes now.
    pub fn std_target(&mut self, err: bool) -> Target {
        if !self.streams.fresh() {
            self.refresh_streams();
        }
        if err {
            self.streams.stderr.clone()
        } else {
            self.streams.stdout.clone()
        }
    }

    /// Looks `sys.stdout`/`sys.stderr` up again (only after the deciding dict changed).
    fn refresh_streams(&mut self) {
        let sys = self.module_get("sys").and_then(|m| self.module_dict(&m));
        let (stdout, stderr, keyed_on) = match sys {
            Some(d) => {
                let out = self.dict_get_str(&d, &Value::str("stdout"));
                let err = self.dict_get_str(&d, &Value::str("stderr"));
                (self.streams.classify(out), self.streams.classify(err), d)
            }
            None => (Target::Stdout, Target::Stderr, self.modules.clone()),
        };
        let version = keyed_on.map.borrow().version();
        self.streams.stdout = stdout;
        self.streams.stderr = stderr;
        self.streams.keyed_on = Some((keyed_on, version));
    }

    /// Writes `text` to `sys.stdout` (or `sys.stderr`), honouring a replaced stream.
    pub fn write_std(&mut self, err: bool, text: &str) -> PyResult<()> {
        let target = self.std_target(err);
        self.write_target(&target, err, text)
    }

    /// Writes `text` to a resolved target.
    pub fn write_target(&mut self, target: &Target, err: bool, text: &str) -> PyResult<()> {
        match target {
            Target::Stdout => self.write_stdout(text),
            Target::Stderr => self.write_stderr(text),
            Target::Discard => {}
            Target::Object(o) => {
                self.call_method(o, "write", vec![Value::str(text)])?;
            }
            Target::Lost => return Err(self.lost_stream(err)),
        }
        Ok(())
    }

    /// Flushes `sys.stdout` (or `sys.stderr`): the sink, or the object's `flush()`.
    pub fn flush_target(&mut self, target: &Target, err: bool) -> PyResult<()> {
        match target {
            Target::Stdout => {
                let _ = self.stdout.flush();
            }
            Target::Stderr => {
                let _ = self.stderr.flush();
            }
            Target::Discard => {}
            Target::Object(o) => {
                self.call_method(o, "flush", vec![])?;
            }
            Target::Lost => return Err(self.lost_stream(err)),
        }
        Ok(())
    }

    fn lost_stream(&mut self, err: bool) -> super::Exc {
        let name = if err { "stderr" } else { "stdout" };
        self.new_error("RuntimeError", &format!("lost sys.{name}"))
    }
}
