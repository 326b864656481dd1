//! The dispatch loop, and `drive`, which switches between fibers when generators resume.
//!
//! `execute` runs the frames of one fiber: script calls push frames and continue in the same
//! loop, returns pop them. It stops only when the fiber's base frame returns, when a frame
//! yields, when an exception escapes the base frame, or when it must resume another fiber (a
//! generator or coroutine). `drive` handles those switches with an explicit stack of parent
//! fibers, so neither script calls nor generator resumption recurse on the Rust stack.
//!
//! Program counter convention: while a frame is not executing (it called out, or is
//! suspended), `frame.pc` is the index of the instruction in progress. A frame resumed after
//! a callee returned continues at `pc + 1`.

use std::ops::IndexMut;
use std::rc::Rc;

use super::agen::OpEnd;
use super::frame::{ChildResult, Fiber, Frame, FrameKind, Incoming, Stack};
use super::frame_ref::FrameRef;
use super::iter::InlineNext;
use super::object::{CodeObj, Dict, GenState, Object, Payload, PyStr};
use super::regs::{Pc, Slot, Window};
use super::value::Value;
use super::{Exc, PyResult, Vm};
use crate::compiler::bytecode::{BinKind, CodeKind, Instr, Reg, UnaryKind};

/// How a fiber stopped running.
pub(crate) enum Outcome {
    /// Its base frame returned.
    Returned(Value),
    /// It yielded (the fiber was stored back into its generator).
    Yielded(Value),
    /// An exception escaped its base frame.
    Raised(Exc),
}

/// Why `execute` stopped.
enum Step {
    Return(Value),
    Yield(Value),
    Raise(Exc),
    Resume(Rc<Object>, Incoming),
}

/// What a YieldFrom-style delegation step decided.
pub enum Delegate {
    /// The sub-iterator finished with this value.
    Done(Value),
    /// The sub-iterator produced a value: the delegating frame yields it.
    Yield(Value),
    /// Resume this generator object (stackless).
    Resume(Rc<Object>, Incoming),
}

impl Vm {
    /// Runs `fiber` (owned by the generator object `owner`, if any) until it returns, yields or
    /// raises, switching into and out of the generators it resumes.
    pub(crate) fn drive(&mut self, fiber: Box<Fiber>, owner: Option<Rc<Object>>) -> Outcome {
        let mut cur = fiber;
        let mut cur_owner = owner;
        // Reuse the VM's parent stack so that resuming a task through a chain of awaits does
        // not allocate (a nested `drive`, from native code, takes an empty one).
        let mut parents = std::mem::take(&mut self.drive_parents);
        let base = parents.len();
        let outcome = loop {
            let step = self.execute(&mut cur);
            let result = match step {
                Step::Resume(gen, incoming) => {
                    match self.take_fiber(&gen, incoming) {
                        Ok(child) => {
                            let parent = std::mem::replace(&mut cur, child);
                            parents.push((parent, cur_owner.replace(gen)));
                        }
                        Err(result) => cur.set_child(result),
                    }
                    continue;
                }
                Step::Yield(v) => ChildResult::Yielded(v),
                Step::Return(v) => ChildResult::Returned(v),
                Step::Raise(e) => ChildResult::Raised(e),
            };
            let result = self.finish_fiber(cur, cur_owner.as_ref(), result);
            if parents.len() > base {
                if let Some((parent, parent_owner)) = parents.pop() {
                    cur = parent;
                    cur_owner = parent_owner;
                    cur.set_child(result);
                    continue;
                }
            }
            break match result {
                ChildResult::Yielded(v) => Outcome::Yielded(v),
                ChildResult::Returned(v) => Outcome::Returned(v),
                ChildResult::Raised(e) => Outcome::Raised(e),
            };
        };
        if self.drive_parents.capacity() < parents.capacity() {
            self.drive_parents = parents;
        }
        outcome
    }

    /// Takes a generator's fiber to run it, or answers at once (finished, or a throw into a
    /// generator that never started).
    pub(crate) fn take_generator_fiber(
        &mut self,
        gen: &Rc<Object>,
        incoming: Incoming,
    ) -> Result<Box<Fiber>, Outcome> {
        self.take_fiber(gen, incoming).map_err(|r| match r {
            ChildResult::Yielded(v) => Outcome::Yielded(v),
            ChildResult::Returned(v) => Outcome::Returned(v),
            ChildResult::Raised(e) => Outcome::Raised(e),
        })
    }

    fn take_fiber(&mut self, gen: &Rc<Object>, incoming: Incoming) -> Result<Box<Fiber>, ChildResult> {
        let Payload::Generator(g) = &gen.payload else { unreachable!("resume of a non-generator") };
        let state = std::mem::replace(&mut *g.state.borrow_mut(), GenState::Running);
        match state {
            GenState::Suspended(mut fiber) => {
                if !fiber.suspended {
                    if let Incoming::Throw(e) = incoming {
                        *g.state.borrow_mut() = GenState::Finished;
                        return Err(ChildResult::Raised(e));
                    }
                }
                if self.depth >= self.recursion_limit {
                    // A resumed frame counts towards the depth as in CPython, so generators
                    // and coroutines delegating to themselves end in RecursionError instead
                    // of an endless chain of fibers.
                    *g.state.borrow_mut() = GenState::Suspended(fiber);
                    return Err(ChildResult::Raised(
                        self.new_error("RecursionError", "maximum recursion depth exceeded"),
                    ));
                }
                g.started.set(true);
                let own = g.handled.take();
                // Neither side handling an exception (the common case) leaves all None.
                if own.is_some() || !self.handled.is_none() || self.handled_outer.is_some() {
                    let has_own = own.is_some();
                    let resumer =
                        exc_slot(std::mem::replace(&mut self.handled, own.map_or(Value::None, Value::Obj)));
                    if let (true, Incoming::Throw(e)) = (has_own, &incoming) {
                        // CPython chains a thrown exception to the generator's own state only.
                        self.set_context(e);
                    }
                    inherit_handled(&mut self.handled, resumer.as_ref());
                    g.handled.set(std::mem::replace(&mut self.handled_outer, resumer));
                }
                // `send(None)` to a generator that has not started starts it: an awaitable
                // its first `await` reaches must see a first entry, not a resumption (a bare
                // `sleep(0)` driven by hand yields once, as CPython's does).
                let incoming = match incoming {
                    Incoming::Send(v) if !fiber.suspended && v.is_none() => Incoming::Start,
                    other => other,
                };
                fiber.set_incoming(incoming);
                self.depth += suspended_frames(&fiber);
                Ok(fiber)
            }
            other => {
                let finished = matches!(other, GenState::Finished);
                *g.state.borrow_mut() = other;
                let err = if finished {
                    match g.kind {
                        CodeKind::Coroutine => {
                            self.new_error("RuntimeError", "cannot reuse already awaited coroutine")
                        }
                        _ => return Err(ChildResult::Returned(Value::None)),
                    }
                } else {
                    let what = if g.kind == CodeKind::Coroutine { "coroutine" } else { "generator" };
                    self.new_error("ValueError", &format!("{what} already executing"))
                };
                Err(ChildResult::Raised(err))
            }
        }
    }

    /// Stores a yielding fiber back into its generator, or marks the generator finished and
    /// keeps the fiber for reuse.
    fn finish_fiber(
        &mut self,
        mut fiber: Box<Fiber>,
        owner: Option<&Rc<Object>>,
        result: ChildResult,
    ) -> ChildResult {
        let Some(Payload::Generator(g)) = owner.map(|o| &o.payload) else {
            if !matches!(result, ChildResult::Yielded(_)) {
                self.recycle_fiber(fiber);
            }
            return result;
        };
        let outer = g.handled.take();
        if outer.is_some() || !self.handled.is_none() || self.handled_outer.is_some() {
            let resumer = std::mem::replace(&mut self.handled_outer, outer);
            let mut own =
                exc_slot(std::mem::replace(&mut self.handled, resumer.map_or(Value::None, Value::Obj)));
            disinherit_handled(&mut own, &self.handled);
            g.handled.set(own);
        }
        let result = match result {
            ChildResult::Yielded(v) => {
                // A suspended frame no longer counts towards the depth (a finished one was
                // already taken off by `pop_frame`).
                self.depth = self.depth.saturating_sub(suspended_frames(&fiber));
                fiber.suspended = true;
                *g.state.borrow_mut() = GenState::Suspended(fiber);
                return ChildResult::Yielded(v);
            }
            ChildResult::Returned(v) => {
                *g.state.borrow_mut() = GenState::Finished;
                drop(g.handled.take());
                ChildResult::Returned(v)
            }
            ChildResult::Raised(e) => {
                *g.state.borrow_mut() = GenState::Finished;
                drop(g.handled.take());
                ChildResult::Raised(self.generator_raised(g.kind, e))
            }
        };
        self.recycle_fiber(fiber);
        result
    }

    /// A fiber to run `code`: a finished one reused when there is one, else a new one.
    #[inline]
    pub(crate) fn new_fiber(
        &mut self,
        code: Rc<CodeObj>,
        globals: Rc<Dict>,
        regs: impl IntoIterator<Item = Value>,
    ) -> Box<Fiber> {
        match self.spare_fibers.pop() {
            Some(mut fiber) => {
                fiber.start(code, globals, regs);
                fiber
            }
            None => Fiber::new(code, globals, regs),
        }
    }

    /// Keeps a finished fiber for [`Vm::new_fiber`] (dropping what it still holds).
    fn recycle_fiber(&mut self, mut fiber: Box<Fiber>) {
        if self.spare_fibers.len() < super::frame::MAX_SPARE_FIBERS && fiber.clear() {
            self.spare_fibers.push(fiber);
        }
    }

    /// PEP 479: StopIteration escaping a generator becomes RuntimeError.
    fn generator_raised(&mut self, kind: CodeKind, e: Exc) -> Exc {
        let stop = self.exc_class("StopIteration");
        let stop_async = self.exc_class("StopAsyncIteration");
        let msg = if e.class.is_subclass(&stop) {
            match kind {
                CodeKind::Generator => "generator raised StopIteration",
                CodeKind::Coroutine => "coroutine raised StopIteration",
                _ => "async generator raised StopIteration",
            }
        } else if kind == CodeKind::AsyncGenerator && e.class.is_subclass(&stop_async) {
            "async generator raised StopAsyncIteration"
        } else {
            return e;
        };
        let new = self.new_error("RuntimeError", msg);
        if let Some(data) = new.exc() {
            *data.cause.borrow_mut() = Value::Obj(e.clone());
            *data.context.borrow_mut() = Value::Obj(e);
        }
        new
    }

    /// Runs the frames of one fiber until it must stop (see the module docs).
    fn execute(&mut self, fiber: &mut Fiber) -> Step {
        let mut pending = self.apply_resume(fiber);
        loop {
            if let Some((exc, reraise)) = pending.take() {
                if let Err(exc) = self.unwind(fiber, exc, reraise) {
                    return Step::Raise(exc);
                }
            }
            match self.run(fiber) {
                Flow::Raise(e) => {
                    // A green fiber's `time.sleep`: suspend at the call (see `green_switch`).
                    if let Some(v) = self.green_switch.take() {
                        return Step::Yield(v);
                    }
                    pending = Some((e, false))
                }
                Flow::Reraise(e) => pending = Some((e, true)),
                Flow::Return(v) => return Step::Return(v),
                Flow::Yield(v) => return Step::Yield(v),
                Flow::Resume(g, inc) => return Step::Resume(g, inc),
            }
        }
    }

    /// Delivers a child's result or a resumption value to the instruction the top frame is
    /// stopped at. Returns an exception to raise there, if any.
    fn apply_resume(&mut self, fiber: &mut Fiber) -> Option<(Exc, bool)> {
        if fiber.frames.is_empty() {
            return None;
        }
        let child = fiber.take_child();
        // What a suspended fiber is resumed with (taken before the frame is borrowed).
        let incoming = (child.is_none() && fiber.suspended).then(|| {
            fiber.suspended = false;
            fiber.take_incoming()
        });
        let frame = fiber.frames.last_mut()?;
        let pc = frame.pc as usize;
        let base = frame.base as usize;
        let instr = frame.code.code.instrs.get(pc).copied();
        if let Some(result) = child {
            if let Some(Instr::YieldFrom { dst, src }) = instr {
                let sub = &fiber.stack[base + src.idx()];
                if super::agen::is_async_op(sub) {
                    let sub = sub.clone();
                    return match self.async_op_end(&sub, result) {
                        OpEnd::Yield(v) => {
                            fiber.set_child(ChildResult::Yielded(v));
                            None
                        }
                        OpEnd::Done(v) => {
                            fiber.stack[base + dst.idx()] = v;
                            frame.pc += 1;
                            None
                        }
                        OpEnd::Raise(e) => Some((e, false)),
                    };
                }
            }
            return match (instr, result) {
                (Some(Instr::ForIter { iter, .. }), ChildResult::Yielded(v)) => {
                    fiber.stack[base + iter.idx() + 1] = v;
                    frame.pc += 1;
                    None
                }
                (Some(Instr::ForIter { exit, .. }), ChildResult::Returned(_)) => {
                    frame.pc = exit;
                    None
                }
                (Some(Instr::YieldFrom { .. }), ChildResult::Yielded(v)) => {
                    // Re-yield from this frame: the parent sees it as this fiber's yield.
                    fiber.set_child(ChildResult::Yielded(v));
                    None
                }
                (Some(Instr::YieldFrom { dst, .. }), ChildResult::Returned(v)) => {
                    fiber.stack[base + dst.idx()] = v;
                    frame.pc += 1;
                    None
                }
                (_, ChildResult::Raised(e)) => Some((e, false)),
                (_, ChildResult::Yielded(v)) | (_, ChildResult::Returned(v)) => {
                    // A native-requested resume (next/send): the value is the call's result.
                    let ret = frame.ret_slot_for_resume(pc, base);
                    fiber.stack[ret] = v;
                    frame.pc += 1;
                    None
                }
            };
        }
        let incoming = incoming?;
        match (instr, incoming) {
            (Some(Instr::Yield { dst, .. }), Incoming::Send(v)) => {
                fiber.stack[base + dst.idx()] = v;
                frame.pc += 1;
                None
            }
            (Some(Instr::Yield { dst, .. }), Incoming::Start) => {
                fiber.stack[base + dst.idx()] = Value::None;
                frame.pc += 1;
                None
            }
            (Some(Instr::Yield { .. }), Incoming::Throw(e)) => Some((e, false)),
            (Some(Instr::YieldFrom { .. }), incoming) => {
                // YieldFrom re-executes and forwards what came in. A plain resumption is
                // forwarded as `send(None)`, so that at a YieldFrom `Incoming::Start` always
                // means "first entry": an awaitable that yields once (a pending future, a bare
                // `sleep(0)`) then knows, without state of its own, that it is being resumed.
                fiber.set_incoming(match incoming {
                    Incoming::Start => Incoming::Send(Value::None),
                    other => other,
                });
                None
            }
            (Some(call), incoming) if fiber.green && is_call(call) => {
                // A green fiber suspended inside a call (`Vm::green_switch`): what it is sent
                // is the call's result.
                let v = match incoming {
                    Incoming::Throw(e) => return Some((e, false)),
                    Incoming::Send(v) => v,
                    Incoming::Start => Value::None,
                };
                fiber.stack[frame.ret_slot_for_resume(pc, base)] = v;
                frame.pc += 1;
                None
            }
            (_, Incoming::Throw(e)) => Some((e, false)),
            _ => None,
        }
    }

    /// Finds a handler for `exc` in the fiber's frames, popping frames that have none.
    fn unwind(&mut self, fiber: &mut Fiber, exc: Exc, reraise: bool) -> Result<(), Exc> {
        let mut first = !reraise;
        loop {
            let Some(frame) = fiber.frames.last_mut() else { return Err(exc) };
            if first {
                self.add_traceback(&exc, &frame.code.code, frame.pc, &frame.globals);
            }
            first = true;
            if let Some(h) = frame.code.code.find_handler(frame.pc) {
                fiber.stack[frame.base as usize + h.exc.idx()] = Value::Obj(exc);
                frame.pc = h.handler;
                return Ok(());
            }
            let frame = self.pop_frame(fiber);
            if frame.kind == FrameKind::Init {
                // The instance `__init__` was making dies with it (it sat in the return slot).
                Value::put(&mut fiber.stack[frame.ret as usize], Value::Undef);
            }
            if fiber.frames.is_empty() {
                return Err(exc);
            }
        }
    }

    /// Pops the top frame, releasing its registers (the stack keeps its length: the next call
    /// reuses the slots without reallocating).
    fn pop_frame(&mut self, fiber: &mut Fiber) -> Frame {
        let frame = fiber.frames.pop().expect("a frame to pop");
        self.depth = self.depth.saturating_sub(1);
        let base = frame.base as usize;
        if fiber.frames.is_empty() {
            fiber.stack.truncate(base);
        } else {
            let end = (base + frame.code.code.nregs as usize).min(fiber.stack.len());
            clear_regs(&mut fiber.stack[base..end]);
        }
        frame
    }

    /// The call fast path for a frame of kind `kind`: `f` binds its `argc` arguments by
    /// position (they already sit in its register window above `at`), so the frame is pushed
    /// with no argument vector at all (for `__init__` of a new instance, the caller stores the
    /// instance in the return slot `at` once the frame is pushed).
    #[inline(always)]
    pub(crate) fn push_fast_kind(
        &mut self,
        fiber: &mut Fiber,
        f: &Rc<super::object::Function>,
        at: usize,
        argc: usize,
        kind: FrameKind,
    ) -> PyResult<()> {
        self.push_window(fiber, FrameRef::new(f), at, argc, kind, true)?;
        closure_into(&mut fiber.stack, f, at + 1);
        Ok(())
    }

    /// The frame push of the fast call paths, for function `f` with its `argc` positional
    /// arguments in place above `at`. The frame owns its code and globals (`owns`), or borrows
    /// them from `f`, which must then be the function in register `at` (a `Normal` frame of
    /// the loop's fast call path: `vm::frame_ref`). The caller binds the closure's cells, if
    /// the function has any ([`closure_into`]).
    #[inline(always)]
    fn push_window(
        &mut self,
        fiber: &mut Fiber,
        f: FrameRef<super::object::Function>,
        at: usize,
        argc: usize,
        kind: FrameKind,
        owns: bool,
    ) -> PyResult<()> {
        let code = &f.code;
        if self.has_pending_finalizers() {
            self.run_finalizers();
        }
        if self.depth >= self.recursion_limit {
            return Err(self.new_error("RecursionError", "maximum recursion depth exceeded"));
        }
        self.tick()?;
        self.depth += 1;
        let window = at + 1;
        // The stack only grows while it has frames (`vm::regs`, point 2): it covers the
        // caller's window already, so only the callee's end is checked.
        let own = window + code.nregs as usize;
        if fiber.stack.len() < own {
            fiber.stack.resize(own, Value::Undef);
        }
        // The arguments are the first locals (`fast_argc` is the parameter count).
        let nlocals = code.nlocals as usize;
        if nlocals > argc {
            for slot in &mut fiber.stack[window + argc..window + nlocals] {
                Value::put(slot, Value::Undef);
            }
        }
        let room = super::frame_ref::room(&mut fiber.frames);
        if owns {
            room.push(Frame::new(f.code.clone(), f.globals.clone(), None, window, at, kind));
        } else {
            debug_assert!(kind == FrameKind::Normal && matches!(&fiber.stack[at], Value::Func(g) if f.is(g)));
            room.push(Frame::borrowing(&f, window, at));
        }
        Ok(())
    }

    /// The return fast path: pops a frame whose caller runs on the same fiber, puts its result
    /// in its return slot as `put` says, and returns the caller's code (borrowed from its
    /// frame), register base and next instruction, for the dispatch loop to go on with. The
    /// caller's `pc` stays at its call instruction (read, not written back): the loop saves it
    /// again before anything can read it (`save_pc!`, `fail!`).
    #[inline(always)]
    fn return_fast(&mut self, fiber: &mut Fiber, put: Put) -> (FrameRef<CodeObj>, usize, usize) {
        let Some(frame) = fiber.frames.last() else { unreachable!("a frame to pop") };
        self.depth -= 1;
        let (base, ret, nregs) = (frame.base as usize, frame.ret as usize, frame.code.nregs as usize);
        // The frame is read before the result goes in: for a borrowing frame that releases
        // the function its code and globals are borrowed from (`vm::frame_ref`). It leaves
        // the frame vector only after that, in place (`discard_top`: no copy, no drop glue).
        match put {
            Put::Moved(src) => move_reg(&mut fiber.stack, src, ret),
            Put::None => Value::put(&mut fiber.stack[ret], Value::None),
            Put::Kept => {}
        }
        // The window is inside the stack (`vm::regs`, point 2): one check, no clamping.
        if let Some(regs) = fiber.stack.get_mut(base..base + nregs) {
            clear_regs(regs);
        }
        super::frame_ref::discard_top(&mut fiber.frames);
        let caller = fiber.frames.last().expect("a caller frame");
        (FrameRef::new(&caller.code), caller.base as usize, caller.pc as usize + 1)
    }

    /// Pushes a frame for a script function whose registers are already in place at `base`.
    pub(crate) fn push_frame(&mut self, fiber: &mut Fiber, frame: Frame) -> PyResult<()> {
        if self.depth >= self.recursion_limit {
            return Err(self.new_error("RecursionError", "maximum recursion depth exceeded"));
        }
        self.tick()?;
        self.depth += 1;
        let own = frame.base as usize + frame.code.code.nregs as usize;
        if fiber.stack.len() < own {
            fiber.stack.resize(own, Value::Undef);
        }
        super::frame_ref::room(&mut fiber.frames).push(frame);
        Ok(())
    }

    /// The main loop over the top frame of `fiber`.
    fn run(&mut self, fiber: &mut Fiber) -> Flow {
        // Only `apply_resume` leaves a child's yield to pass on: nothing in the loop does.
        if let Some(ChildResult::Yielded(v)) = fiber.take_child() {
            return Flow::Yield(v);
        }
        'frames: loop {
            let Some(frame) = fiber.frames.last() else { return Flow::Return(Value::None) };
            // The running frame's code, register base and program counter live in locals; the
            // fast call and return paths switch them in place instead of going round 'frames.
            // `code` is borrowed from the running frame (`FrameRef`: re-taken at every push
            // and pop of a frame), so calls and returns update no reference counts for it.
            let mut code = FrameRef::new(&frame.code);
            let mut base = frame.base as usize;
            let at = frame.pc as usize;
            // Every way into a frame checks its window against the stack once (`vm::regs`):
            // registers and instructions are then read without bounds checks.
            let Some(mut win) = Window::enter(&fiber.stack, &code, base, at) else {
                return Flow::Raise(self.new_error("SystemError", "frame outside its register stack"));
            };
            let mut pc = Pc::at(&code, at);
            // A frame entered by a fast path (a call or a return that stays in the loop): no
            // check, as `vm::regs` (point 4) says why.
            macro_rules! enter {
                () => {
                    win = Window::entered_before(&fiber.stack, &code, base, pc)
                };
            }
            macro_rules! reg {
                ($r:expr) => {
                    fiber.stack[win.slot($r)]
                };
            }
            macro_rules! fail {
                ($e:expr) => {{
                    fiber.frames.last_mut().expect("frame").pc = (pc.index(&code) - 1) as u32;
                    return Flow::Raise($e);
                }};
            }
            macro_rules! tryv {
                ($e:expr) => {
                    match $e {
                        Ok(v) => v,
                        Err(e) => fail!(e),
                    }
                };
            }
            macro_rules! save_pc {
                () => {
                    fiber.frames.last_mut().expect("frame").pc = (pc.index(&code) - 1) as u32
                };
            }
            // Arithmetic with a small int constant operand.
            macro_rules! arith_imm {
                ($op:expr, $dst:expr, $a:expr, $imm:expr, $slow:ident) => {{
                    // Each branch stores its own result: merging them first would build the
                    // value in memory and reload it whole (a store-forwarding stall).
                    match super::ops::arith_fast_imm($op, &reg!($a), $imm as i64) {
                        Some(n) => n.put(&mut reg!($dst)),
                        None => {
                            let k = Value::Int($imm as i64);
                            let x = reg!($a).clone();
                            save_pc!();
                            let v = tryv!(self.$slow($op, &x, &k));
                            Value::put(&mut reg!($dst), v);
                        }
                    }
                }};
            }
            // Arithmetic: the allocation-free int/float cases inline, the rest through `$slow`.
            macro_rules! arith {
                ($op:expr, $dst:expr, $a:expr, $b:expr, $slow:ident) => {{
                    match super::ops::arith_fast($op, &reg!($a), &reg!($b)) {
                        Some(n) => n.put(&mut reg!($dst)),
                        None => {
                            let (x, y) = (reg!($a).clone(), reg!($b).clone());
                            save_pc!();
                            let v = tryv!(self.$slow($op, &x, &y));
                            Value::put(&mut reg!($dst), v);
                        }
                    }
                }};
            }
            // An in-place operator fused with the `SetAttr` of its result (`vm::quicken`): a
            // scalar result goes into the attribute through the cache, and the `SetAttr` is
            // skipped; otherwise the `SetAttr` runs next as usual.
            macro_rules! arith_attr {
                ($op:expr, $dst:expr, $a:expr, $b:expr) => {{
                    match super::ops::arith_fast($op, &reg!($a), &reg!($b)) {
                        Some(n) => {
                            n.put(&mut reg!($dst));
                            if let Instr::SetAttr { obj, name, .. } = pc.peek(&code) {
                                if super::attr_cache::cached_set_scalar(&code, &reg!(obj), name.0 as usize, n)
                                {
                                    pc.skip();
                                }
                            }
                        }
                        // The general operator (it tries the fast cases again, in vain).
                        None => arith!($op, $dst, $a, $b, inplace_op),
                    }
                }};
            }
            // `R[dst] = obj.name`, through the attribute cache when it knows the attribute.
            macro_rules! get_attr {
                ($dst:expr, $obj:expr, $name:expr) => {{
                    let idx = $name.0 as usize;
                    let (o, d) = (win.slot($obj), win.slot($dst));
                    if !super::attr_cache::cached_get_into(&code, &mut fiber.stack, o, d, idx) {
                        let o = reg!($obj).clone();
                        save_pc!();
                        reg!($dst) = tryv!(self.get_attr_slow(&code, &o, idx));
                    }
                }};
            }
            // The head of a fused `obj.name += x <op> y` (`vm::quicken`): the whole statement
            // at once when the cache and the fast operators allow, skipping the operator, the
            // in-place operator and the `SetAttr`; else a plain `GetAttr`, and they run next.
            macro_rules! get_attr_aug {
                ($op:expr, $dst:expr, $obj:expr, $name:expr) => {{
                    let (o, r, idx) = (win.slot($obj), win.slot($dst), $name.0 as usize);
                    let next = pc.peek(&code);
                    if super::attr_cache::cached_aug(&code, &mut fiber.stack, win, next, o, r, idx, $op) {
                        pc.skip();
                        pc.skip();
                        pc.skip();
                    } else {
                        get_attr!($dst, $obj, $name)
                    }
                }};
            }
            // The fused `JumpIfFalse` after a quickened comparison (`vm::quicken`), on the
            // decided result `$r`: skip it when true, take its jump when false.
            macro_rules! jump_unless {
                ($r:expr) => {{
                    if let Instr::JumpIfFalse { target, .. } = pc.peek(&code) {
                        if $r {
                            pc.skip();
                        } else {
                            pc = Pc::at(&code, target as usize);
                        }
                    }
                }};
            }
            // The general return of `$v`: from the base frame, or from an `__init__` whose
            // result is not None.
            macro_rules! return_slow {
                ($v:expr) => {{
                    match self.return_from(fiber, $v) {
                        Ok(Some(v)) => return Flow::Return(v),
                        Ok(None) => continue 'frames,
                        Err(e) => return Flow::Raise(e),
                    }
                }};
            }
            // The fast call path: pushes a frame borrowing its code and globals from the
            // function `$f` in register `$at` (`vm::frame_ref`), whose `$n` arguments are in
            // place above it, binds its closure cells if it has some and goes on in the callee.
            macro_rules! push_call {
                ($f:expr, $at:expr, $n:expr) => {{
                    let (f, at): (FrameRef<super::object::Function>, usize) = ($f, $at);
                    let callee = FrameRef::new(&f.code);
                    if let Err(e) = self.push_window(fiber, f, at, $n, FrameKind::Normal, false) {
                        return Flow::Raise(e);
                    }
                    if !f.closure.is_empty() {
                        closure_into(&mut fiber.stack, &f, at + 1);
                    }
                    code = callee;
                    base = at + 1;
                    pc = Pc::at(&code, 0);
                    enter!();
                    continue;
                }};
            }
            // Goes on in the caller, the result put in its return slot as `$put` says.
            macro_rules! returned {
                ($put:expr) => {{
                    let at;
                    (code, base, at) = self.return_fast(fiber, $put);
                    pc = Pc::at(&code, at);
                    self.finalize_pending();
                    enter!();
                    continue;
                }};
            }
            loop {
                debug_assert!(fiber.frames.last().is_some_and(|f| code.is(&f.code)), "stale FrameRef");
                // Matched in place: each arm loads its own operands from the instruction, so the
                // head keeps no decoded fields live across the arms (they took the machine
                // registers the program counter needs).
                match *pc.fetch(&code) {
                    Instr::Nop => {}
                    Instr::LoadConst { dst, idx } => reg!(dst) = code.consts[idx.0 as usize].clone(),
                    Instr::LoadInt { dst, val } => Value::put_int(&mut reg!(dst), val as i64),
                    Instr::LoadNone { dst } => reg!(dst) = Value::None,
                    Instr::LoadBool { dst, val } => reg!(dst) = Value::Bool(val),
                    Instr::Move { dst, src } => copy_reg(&mut fiber.stack, win.slot(src), win.slot(dst)),
                    Instr::CheckBound { reg, name } => {
                        if reg!(reg).is_undef() {
                            let n = code.code.names[name.0 as usize].clone();
                            fail!(self.unbound_local(&n));
                        }
                    }
                    Instr::LoadGlobal { dst, name } => {
                        let frame = fiber.frames.last().expect("frame");
                        let idx = name.0 as usize;
                        if !self.cached_global(&code, &frame.globals, idx, &mut reg!(dst)) {
                            let frame = fiber.frames.last().expect("frame");
                            let v = tryv!(self.load_global_cached(&code, &frame.globals, idx));
                            reg!(dst) = v;
                        }
                    }
                    Instr::StoreGlobal { name, src } => {
                        let v = reg!(src).clone();
                        let frame = fiber.frames.last().expect("frame");
                        self.store_global(&frame.globals, &code.names[name.0 as usize], v);
                        self.finalize_pending();
                    }
                    Instr::LoadDeref { dst, cell, name } => {
                        let v = cell_get(&reg!(cell));
                        if v.is_undef() {
                            let n = code.code.names[name.0 as usize].clone();
                            fail!(self.unbound_free(&n, &code.code, cell));
                        }
                        reg!(dst) = v;
                    }
                    Instr::StoreDeref { cell, src } => {
                        let v = reg!(src).clone();
                        cell_set(&reg!(cell), v);
                    }
                    Instr::Add { dst, a, b } => arith!(BinKind::Add, dst, a, b, binary_op),
                    Instr::Sub { dst, a, b } => arith!(BinKind::Sub, dst, a, b, binary_op),
                    Instr::Mul { dst, a, b } => arith!(BinKind::Mul, dst, a, b, binary_op),
                    Instr::Binary { op, dst, a, b } => arith!(op, dst, a, b, binary_op),
                    Instr::Inplace { op, dst, a, b } => arith!(op, dst, a, b, inplace_op),
                    Instr::BinaryI { op, dst, a, imm } => arith_imm!(op, dst, a, imm, binary_op),
                    Instr::InplaceI { op, dst, a, imm } => arith_imm!(op, dst, a, imm, inplace_op),
                    Instr::InplaceAdd { dst, a, b } => arith!(BinKind::Add, dst, a, b, inplace_op),
                    Instr::InplaceSub { dst, a, b } => arith!(BinKind::Sub, dst, a, b, inplace_op),
                    Instr::InplaceMul { dst, a, b } => arith!(BinKind::Mul, dst, a, b, inplace_op),
                    Instr::AddI { dst, a, imm } => arith_imm!(BinKind::Add, dst, a, imm, binary_op),
                    Instr::SubI { dst, a, imm } => arith_imm!(BinKind::Sub, dst, a, imm, binary_op),
                    Instr::InplaceAddI { dst, a, imm } => arith_imm!(BinKind::Add, dst, a, imm, inplace_op),
                    Instr::InplaceSubI { dst, a, imm } => arith_imm!(BinKind::Sub, dst, a, imm, inplace_op),
                    Instr::Mod { dst, a, b } => arith!(BinKind::Mod, dst, a, b, binary_op),
                    Instr::FloorDiv { dst, a, b } => arith!(BinKind::FloorDiv, dst, a, b, binary_op),
                    Instr::TrueDiv { dst, a, b } => arith!(BinKind::TrueDiv, dst, a, b, binary_op),
                    Instr::ModI { dst, a, imm } => arith_imm!(BinKind::Mod, dst, a, imm, binary_op),
                    Instr::FloorDivI { dst, a, imm } => arith_imm!(BinKind::FloorDiv, dst, a, imm, binary_op),
                    Instr::InplaceAddAttr { dst, a, b } => arith_attr!(BinKind::Add, dst, a, b),
                    Instr::InplaceSubAttr { dst, a, b } => arith_attr!(BinKind::Sub, dst, a, b),
                    Instr::CompareJump { op, dst, a, b } => {
                        match super::ops::compare_fast(op, &reg!(a), &reg!(b)) {
                            Some(r) => {
                                Value::put_bool(&mut reg!(dst), r);
                                jump_unless!(r);
                            }
                            None => {
                                // The `JumpIfFalse` that follows decides (the result may be
                                // any object).
                                let (x, y) = (reg!(a).clone(), reg!(b).clone());
                                save_pc!();
                                let v = tryv!(self.compare_op(op, &x, &y));
                                Value::put(&mut reg!(dst), v);
                            }
                        }
                    }
                    Instr::CompareIJump { op, dst, a, imm } => {
                        match super::ops::compare_fast_imm(op, &reg!(a), imm as i64) {
                            Some(r) => {
                                Value::put_bool(&mut reg!(dst), r);
                                jump_unless!(r);
                            }
                            None => {
                                let k = Value::Int(imm as i64);
                                let x = reg!(a).clone();
                                save_pc!();
                                let v = tryv!(self.compare_op(op, &x, &k));
                                Value::put(&mut reg!(dst), v);
                            }
                        }
                    }
                    Instr::CompareI { op, dst, a, imm } => {
                        match super::ops::compare_fast_imm(op, &reg!(a), imm as i64) {
                            Some(r) => Value::put_bool(&mut reg!(dst), r),
                            None => {
                                let k = Value::Int(imm as i64);
                                let x = reg!(a).clone();
                                save_pc!();
                                let v = tryv!(self.compare_op(op, &x, &k));
                                Value::put(&mut reg!(dst), v);
                            }
                        }
                    }
                    Instr::Unary { op, dst, src } => {
                        let x = reg!(src).clone();
                        save_pc!();
                        if op == UnaryKind::Not {
                            // `not x` (`if not data:`): the truth test, no generic operator.
                            let t = tryv!(self.truthy(&x));
                            x.release();
                            Value::put_bool(&mut reg!(dst), !t);
                        } else {
                            reg!(dst) = tryv!(self.unary_op(op, &x));
                        }
                    }
                    Instr::Compare { op, dst, a, b } => {
                        match super::ops::compare_fast(op, &reg!(a), &reg!(b)) {
                            Some(r) => Value::put_bool(&mut reg!(dst), r),
                            None => {
                                let (x, y) = (reg!(a).clone(), reg!(b).clone());
                                save_pc!();
                                let v = tryv!(self.compare_op(op, &x, &y));
                                Value::put(&mut reg!(dst), v);
                            }
                        }
                    }
                    Instr::Jump { target } => {
                        // A back-edge spends fuel; the program counter is saved only when the
                        // countdown runs out and the limits are checked.
                        if pc.is_past(&code, target) && !self.tick_fast() {
                            save_pc!();
                            tryv!(self.tick_slow());
                        }
                        pc = Pc::at(&code, target as usize);
                    }
                    Instr::JumpIfFalse { cond, target } => {
                        let t = match &reg!(cond) {
                            Value::Bool(b) => *b,
                            other => {
                                let other = other.clone();
                                save_pc!();
                                tryv!(self.truthy(&other))
                            }
                        };
                        if !t {
                            pc = Pc::at(&code, target as usize);
                        }
                    }
                    Instr::JumpIfTrue { cond, target } => {
                        let t = match &reg!(cond) {
                            Value::Bool(b) => *b,
                            other => {
                                let other = other.clone();
                                save_pc!();
                                tryv!(self.truthy(&other))
                            }
                        };
                        if t {
                            pc = Pc::at(&code, target as usize);
                        }
                    }
                    Instr::BuildList { dst, start, count } => {
                        let items = take_regs(&mut fiber.stack, base + start.idx(), count);
                        let list = Rc::new(super::object::List::new(items));
                        self.gc_track_built_list(&list);
                        reg!(dst) = Value::List(list);
                    }
                    Instr::BuildTuple { dst, start, count } => {
                        let items = take_regs(&mut fiber.stack, base + start.idx(), count);
                        reg!(dst) = Value::tuple(items);
                    }
                    Instr::BuildString { dst, start, count } => {
                        let lo = base + start.idx();
                        let parts = fiber.stack[lo..lo + count as usize].iter().filter_map(|v| match v {
                            Value::Str(p) => Some(&**p),
                            _ => None,
                        });
                        reg!(dst) = Value::Str(Rc::new(PyStr::concat(parts)));
                    }
                    Instr::ListAppend { list, item } => {
                        let v = reg!(item).clone();
                        if let Value::List(l) = &reg!(list) {
                            self.gc_note_store(l, &v);
                            l.items.borrow_mut().push(v);
                        }
                        if self.memory.limited() {
                            let l = reg!(list).clone();
                            save_pc!();
                            tryv!(self.mem_track_value(&l));
                        }
                    }
                    Instr::GetItem { dst, obj, key } => {
                        let (o, k, d) = (base + obj.idx(), base + key.idx(), base + dst.idx());
                        if list_item_into(&mut fiber.stack, o, k, d) {
                            continue;
                        }
                        let v = match (&reg!(obj), &reg!(key)) {
                            (Value::List(l), Value::Int(i)) => {
                                let items = l.items.borrow();
                                let idx = if *i < 0 { *i + items.len() as i64 } else { *i };
                                match items.get(idx as usize) {
                                    Some(v) if idx >= 0 => Some(v.clone()),
                                    _ => None,
                                }
                            }
                            (Value::Dict(d), k @ Value::Str(_)) => {
                                d.map.try_borrow().ok().and_then(|m| m.get_str_key(k).cloned())
                            }
                            _ => None,
                        };
                        let v = match v {
                            Some(v) => v,
                            None => {
                                let (o, k) = (reg!(obj).clone(), reg!(key).clone());
                                save_pc!();
                                tryv!(self.get_item(&o, &k))
                            }
                        };
                        reg!(dst) = v;
                    }
                    Instr::SetItem { obj, key, src } => {
                        // `d[k] = v` replacing a str key's value: one probe, nothing cloned
                        // but the value (the old one is dropped after the map's borrow).
                        if let Value::Dict(d) = &reg!(obj) {
                            let old = d
                                .map
                                .try_borrow_mut()
                                .ok()
                                .and_then(|mut m| m.replace_str_key(&reg!(key), &reg!(src)));
                            if old.is_some() {
                                continue;
                            }
                        }
                        let (o, k, v) = (reg!(obj).clone(), reg!(key).clone(), reg!(src).clone());
                        save_pc!();
                        tryv!(self.set_item(&o, k, v));
                    }
                    Instr::GetAttr { dst, obj, name } => get_attr!(dst, obj, name),
                    Instr::GetAttrAddAug { dst, obj, name } => get_attr_aug!(BinKind::Add, dst, obj, name),
                    Instr::GetAttrSubAug { dst, obj, name } => get_attr_aug!(BinKind::Sub, dst, obj, name),
                    Instr::SetAttr { obj, name, src } => {
                        let idx = name.0 as usize;
                        if !super::attr_cache::cached_set(&code, &reg!(obj), idx, &reg!(src)) {
                            let (o, v) = (reg!(obj).clone(), reg!(src).clone());
                            save_pc!();
                            tryv!(self.set_attr_slow(&code, &o, idx, v));
                        }
                    }
                    Instr::LoadMethod { dst, obj, name } => {
                        let idx = name.0 as usize;
                        let (o, d) = (win.slot(obj), [win.slot(dst), win.slot(dst.offset(1))]);
                        if !super::attr_cache::cached_method_into(
                            &code,
                            &self.types,
                            &mut fiber.stack,
                            o,
                            d,
                            idx,
                        ) {
                            let o = reg!(obj).clone();
                            save_pc!();
                            let (f, s) = tryv!(self.load_method_slow(&code, &o, idx));
                            reg!(dst) = f;
                            reg!(dst.offset(1)) = s;
                        }
                    }
                    Instr::Call { base: b, argc } => {
                        save_pc!();
                        let at = base + b.idx();
                        // Nothing is cloned: the function stays in its register for the call,
                        // and the frame borrows from it.
                        let fast = match &reg!(b) {
                            Value::Func(f) if f.code.fast_argc == Some(argc) => Some(FrameRef::new(f)),
                            _ => None,
                        };
                        if let Some(f) = fast {
                            push_call!(f, at, argc as usize);
                        }
                        match self.call_at(fiber, at, at + 1, argc as usize, None) {
                            Ok(true) => continue 'frames,
                            Ok(false) => {}
                            Err(e) => return Flow::Raise(e),
                        }
                    }
                    Instr::CallMethod { base: b, argc } => {
                        save_pc!();
                        let at = base + b.idx();
                        // A plain method with its receiver in place: the fast call path.
                        let fast = match (&reg!(b), &reg!(b.offset(1))) {
                            (Value::Func(f), s) if !s.is_undef() && f.code.fast_argc == Some(argc + 1) => {
                                Some(FrameRef::new(f))
                            }
                            _ => None,
                        };
                        if let Some(f) = fast {
                            push_call!(f, at, argc as usize + 1);
                        }
                        // `d.get(k)`, `l.append(x)` on exact builtins: run in place.
                        match crate::builtins::quick::call_method(self, &mut fiber.stack, at, argc as usize) {
                            Some(Ok(())) => continue,
                            Some(Err(e)) => return Flow::Raise(e),
                            None => {}
                        }
                        let (window, n) =
                            if reg!(b.offset(1)).is_undef() { (at + 2, argc) } else { (at + 1, argc + 1) };
                        match self.call_at(fiber, at, window, n as usize, None) {
                            Ok(true) => continue 'frames,
                            Ok(false) => {}
                            Err(e) => return Flow::Raise(e),
                        }
                    }
                    Instr::Return { src } => {
                        let top = fiber.frames.last().expect("frame");
                        if fiber.frames.len() > 1 && top.kind == FrameKind::Normal {
                            returned!(Put::Moved(win.slot(src)));
                        }
                        let v = std::mem::take(&mut reg!(src));
                        if fiber.frames.len() > 1 && v.is_none() {
                            // `__init__` returning None: the instance is in the return slot.
                            returned!(Put::Kept);
                        }
                        return_slow!(v);
                    }
                    Instr::ReturnNone => {
                        let top = fiber.frames.last().expect("frame");
                        if fiber.frames.len() > 1 {
                            if top.kind == FrameKind::Normal {
                                returned!(Put::None);
                            }
                            // `__init__`: the instance is in the return slot.
                            returned!(Put::Kept);
                        }
                        return_slow!(Value::None);
                    }
                    Instr::GetIter { dst, src } => {
                        let v = reg!(src).clone();
                        save_pc!();
                        tryv!(self.get_iter_into(&v, &mut reg!(dst)));
                    }
                    Instr::ForIter { iter, exit } => {
                        match super::iter::next_inline(&reg!(iter)) {
                            Some(InlineNext::Int(i)) => {
                                Value::put_int(&mut reg!(iter.offset(1)), i);
                                continue;
                            }
                            Some(InlineNext::Value(v)) => {
                                Value::put(&mut reg!(iter.offset(1)), v);
                                continue;
                            }
                            Some(InlineNext::Done) => {
                                pc = Pc::at(&code, exit as usize);
                                continue;
                            }
                            None => {}
                        }
                        let it = reg!(iter).clone();
                        if let Value::Obj(o) = &it {
                            if let Payload::Generator(g) = &o.payload {
                                if g.kind == CodeKind::Generator {
                                    save_pc!();
                                    return Flow::Resume(o.clone(), Incoming::Start);
                                }
                            }
                        }
                        save_pc!();
                        match self.iter_next(&it) {
                            Ok(Some(v)) => reg!(iter.offset(1)) = v,
                            Ok(None) => pc = Pc::at(&code, exit as usize),
                            Err(e) => fail!(e),
                        }
                    }
                    Instr::Yield { src, .. } => {
                        let v = reg!(src).clone();
                        save_pc!();
                        return Flow::Yield(self.wrap_async_yield(&code.code, v));
                    }
                    Instr::YieldFrom { dst, src } => {
                        let sub = reg!(src).clone();
                        let incoming = fiber.take_incoming();
                        save_pc!();
                        match self.delegate(&sub, incoming) {
                            Ok(Delegate::Done(v)) => reg!(dst) = v,
                            Ok(Delegate::Yield(v)) => return Flow::Yield(v),
                            Ok(Delegate::Resume(g, inc)) => return Flow::Resume(g, inc),
                            Err(e) => fail!(e),
                        }
                    }
                    Instr::GetAwaitable { dst, src } => {
                        let v = reg!(src).clone();
                        save_pc!();
                        reg!(dst) = tryv!(self.get_awaitable(&v));
                    }
                    // The rare instructions, out of line: `run` stays small enough for its hot locals
                    // (the program counter, the code, the register base) to live in machine registers.
                    rare => match self.run_rare(fiber, &code, win, base, pc.index(&code), rare) {
                        Cold::Next => {}
                        Cold::Jump(target) => pc = Pc::at(&code, target as usize),
                        Cold::Frames => continue 'frames,
                        Cold::Out(flow) => return flow,
                    },
                }
            }
        }
    }

    /// The rare instructions of [`Vm::run`]'s loop (exceptions, `with`, imports, displays
    /// other than lists and tuples, deletions, class and function making, async iteration,
    /// unpacking, f-string values, keyword calls, module-level names, ...), out of line
    /// so that the loop's own code stays small: `run` keeps its hot locals in machine
    /// registers only when little else competes for them (PERFORMANCE.md, the `runloop`
    /// round). `win`, `base` and `pc` are the loop's (with `pc` already past `instr`).
    #[inline(never)]
    #[cold]
    fn run_rare(
        &mut self,
        fiber: &mut Fiber,
        code: &CodeObj,
        win: Window,
        base: usize,
        pc: usize,
        instr: Instr,
    ) -> Cold {
        macro_rules! reg {
            ($r:expr) => {
                fiber.stack[win.slot($r)]
            };
        }
        macro_rules! fail {
            ($e:expr) => {{
                fiber.frames.last_mut().expect("frame").pc = (pc - 1) as u32;
                return Cold::Out(Flow::Raise($e));
            }};
        }
        macro_rules! tryv {
            ($e:expr) => {
                match $e {
                    Ok(v) => v,
                    Err(e) => fail!(e),
                }
            };
        }
        macro_rules! save_pc {
            () => {
                fiber.frames.last_mut().expect("frame").pc = (pc - 1) as u32
            };
        }
        match instr {
            Instr::ClearTemps { from, count } => {
                // Releasing runs no script code (finalizers wait for the next safe point).
                let start = base + from.idx();
                let end = (start + count as usize).min(fiber.stack.len());
                for slot in fiber.stack.get_mut(start..end).unwrap_or(&mut []) {
                    *slot = Value::None;
                }
            }
            Instr::DeleteFast { reg, name } => {
                if reg!(reg).is_undef() {
                    let n = code.code.names[name.0 as usize].clone();
                    fail!(self.unbound_local(&n));
                }
                let old = std::mem::take(&mut reg!(reg));
                let temps = fiber
                    .stack
                    .get(base + code.nlocals as usize..base + code.code.nregs as usize)
                    .unwrap_or(&[]);
                self.finalize_deleted(old, temps);
            }
            Instr::DeleteGlobal { name } => {
                let frame = fiber.frames.last().expect("frame");
                let g = Rc::clone(&frame.globals);
                let old = tryv!(self.delete_global(&g, &code.names[name.0 as usize]));
                let temps = fiber
                    .stack
                    .get(base + code.nlocals as usize..base + code.code.nregs as usize)
                    .unwrap_or(&[]);
                self.finalize_deleted(old, temps);
            }
            Instr::DeleteName { name } => {
                let frame = fiber.frames.last().expect("frame");
                let ns = frame.locals.clone().unwrap_or_else(|| Rc::clone(&frame.globals));
                let old = tryv!(self.delete_global(&ns, &code.names[name.0 as usize]));
                let temps = fiber
                    .stack
                    .get(base + code.nlocals as usize..base + code.code.nregs as usize)
                    .unwrap_or(&[]);
                self.finalize_deleted(old, temps);
            }
            Instr::MakeCell { reg } => {
                let v = std::mem::take(&mut reg!(reg));
                let cell = self.new_cell(v);
                self.gc_track(&cell);
                reg!(reg) = cell;
            }
            Instr::DeleteDeref { cell, name } => {
                if cell_get(&reg!(cell)).is_undef() {
                    let n = code.code.names[name.0 as usize].clone();
                    fail!(self.unbound_free(&n, &code.code, cell));
                }
                cell_set(&reg!(cell), Value::Undef);
                self.finalize_pending();
            }
            Instr::LoadClassDeref { dst, cell, name } => {
                let frame = fiber.frames.last().expect("frame");
                let n = &code.names[name.0 as usize];
                let local = frame.locals.as_ref().and_then(|l| self.dict_get_str(l, n));
                let v = match local {
                    Some(v) => v,
                    None => cell_get(&reg!(cell)),
                };
                if v.is_undef() {
                    let n = code.code.names[name.0 as usize].clone();
                    fail!(self.unbound_free(&n, &code.code, cell));
                }
                reg!(dst) = v;
            }
            Instr::BuildSet { dst, start, count } => {
                let items = take_regs(&mut fiber.stack, base + start.idx(), count);
                save_pc!();
                reg!(dst) = tryv!(self.new_set(items));
            }
            Instr::BuildDict { dst, start, count } => {
                let items = take_regs(&mut fiber.stack, base + start.idx(), count * 2);
                save_pc!();
                let dict = tryv!(self.new_dict_from_pairs(items));
                self.gc_track(&dict);
                reg!(dst) = dict;
            }
            Instr::BuildSlice { dst, start } => {
                let items = take_regs(&mut fiber.stack, base + start.idx(), 3);
                reg!(dst) = self.new_slice(items);
            }
            Instr::FormatWithSpec { dst, spec } => {
                let (v, s) = (reg!(dst).clone(), reg!(spec).clone());
                save_pc!();
                reg!(dst) = tryv!(self.format_with_spec(&v, &s));
            }
            Instr::ListExtend { list, iter } => {
                let (l, it) = (reg!(list).clone(), reg!(iter).clone());
                save_pc!();
                tryv!(self.list_extend_star(&l, &it));
            }
            Instr::ListToTuple { dst, list } => {
                let v = match &reg!(list) {
                    Value::List(l) => Value::tuple(l.items.borrow().clone()),
                    other => other.clone(),
                };
                reg!(dst) = v;
            }
            Instr::SetAdd { set, item } => {
                let (s, v) = (reg!(set).clone(), reg!(item).clone());
                save_pc!();
                tryv!(self.set_add(&s, v));
            }
            Instr::SetUpdate { set, iter } => {
                let (s, it) = (reg!(set).clone(), reg!(iter).clone());
                save_pc!();
                tryv!(self.set_update(&s, &it));
            }
            Instr::DictSet { dict, key, value } => {
                let (d, k, v) = (reg!(dict).clone(), reg!(key).clone(), reg!(value).clone());
                save_pc!();
                tryv!(self.set_item(&d, k, v));
            }
            Instr::DictUpdate { dict, mapping } => {
                let (d, m) = (reg!(dict).clone(), reg!(mapping).clone());
                save_pc!();
                tryv!(self.dict_update_display(&d, &m));
            }
            Instr::DictMerge { dict, mapping, func } => {
                let (d, m, f) = (reg!(dict).clone(), reg!(mapping).clone(), reg!(func).clone());
                save_pc!();
                tryv!(self.dict_merge_kwargs(&d, &m, &f));
            }
            Instr::DelItem { obj, key } => {
                let (o, k) = (reg!(obj).clone(), reg!(key).clone());
                save_pc!();
                tryv!(self.del_item(&o, &k));
            }
            Instr::DelAttr { obj, name } => {
                let o = reg!(obj).clone();
                save_pc!();
                tryv!(self.del_attr(&o, &code.names[name.0 as usize]));
            }
            Instr::CallMethodKw { base: b, argc, kwnames } => {
                save_pc!();
                let at = base + b.idx();
                let names = code.consts[kwnames.0 as usize].clone();
                let (window, n) =
                    if reg!(b.offset(1)).is_undef() { (at + 2, argc) } else { (at + 1, argc + 1) };
                match self.call_at(fiber, at, window, n as usize, Some(&names)) {
                    Ok(true) => return Cold::Frames,
                    Ok(false) => {}
                    Err(e) => return Cold::Out(Flow::Raise(e)),
                }
            }
            Instr::CallEx { base: b } => {
                save_pc!();
                let at = base + b.idx();
                match self.call_ex(fiber, at) {
                    Ok(true) => return Cold::Frames,
                    Ok(false) => {}
                    Err(e) => return Cold::Out(Flow::Raise(e)),
                }
            }
            Instr::UnpackEx { dst, src, before, after } => {
                let v = reg!(src).clone();
                save_pc!();
                let items = tryv!(self.unpack(&v, before as usize, Some(after as usize)));
                for (i, item) in items.into_iter().enumerate() {
                    fiber.stack[base + dst.idx() + i] = item;
                }
            }
            Instr::MakeFunction { dst, code: c, extra } => {
                let frame = fiber.frames.last().expect("frame");
                let globals = Rc::clone(&frame.globals);
                let parts = [
                    reg!(extra).clone(),
                    reg!(extra.offset(1)).clone(),
                    reg!(extra.offset(2)).clone(),
                    reg!(extra.offset(3)).clone(),
                ];
                let func = self.make_function(&code.consts[c.0 as usize], globals, parts);
                self.gc_track(&func);
                reg!(dst) = func;
            }
            Instr::MakeClass { base: b } => {
                save_pc!();
                let parts = take_regs(&mut fiber.stack, base + b.idx(), 4);
                let frame = fiber.frames.last().expect("frame");
                let globals = Rc::clone(&frame.globals);
                reg!(b) = tryv!(self.make_class(parts, globals));
            }
            Instr::Raise { exc, cause, has_cause } => {
                let e = reg!(exc).clone();
                let c = if has_cause { Some(reg!(cause).clone()) } else { None };
                save_pc!();
                let e = match self.prepare_raise(&e, c) {
                    Ok(e) | Err(e) => e,
                };
                return Cold::Out(Flow::Raise(e));
            }
            Instr::Reraise { exc } => {
                save_pc!();
                match &reg!(exc) {
                    Value::Obj(o) if o.exc().is_some() => return Cold::Out(Flow::Reraise(o.clone())),
                    _ => fail!(self.new_error("SystemError", "reraise of a non-exception")),
                }
            }
            Instr::RaiseCurrent => {
                save_pc!();
                match self.handled.clone() {
                    Value::Obj(o) if o.exc().is_some() => return Cold::Out(Flow::Reraise(o)),
                    _ => fail!(self.new_error("RuntimeError", "No active exception to reraise")),
                }
            }
            Instr::RaiseAssert { msg, has_msg } => {
                let args = if has_msg { vec![reg!(msg).clone()] } else { vec![] };
                save_pc!();
                let cls = self.exc_class("AssertionError");
                let e = match self.instantiate_exception(&cls, args) {
                    Ok(e) | Err(e) => e,
                };
                self.set_context(&e);
                return Cold::Out(Flow::Raise(e));
            }
            Instr::PushExcInfo { save, exc } => {
                let e = reg!(exc).clone();
                let before = std::mem::replace(&mut self.handled, e);
                // A generator's caller's exception is not its own state: an empty one is saved.
                reg!(save) =
                    if is_outer(&before, self.handled_outer.as_ref()) { Value::None } else { before };
            }
            Instr::PopExcInfo { saved } => {
                self.handled = std::mem::take(&mut reg!(saved));
                if self.handled.is_undef() || self.handled.is_none() {
                    // An empty state falls through to the running generator's resumer's.
                    self.handled = self.handled_outer.clone().map_or(Value::None, Value::Obj);
                }
            }
            Instr::CheckExcMatch { dst, exc, typ } => {
                let (e, t) = (reg!(exc).clone(), reg!(typ).clone());
                save_pc!();
                reg!(dst) = Value::Bool(tryv!(self.exception_matches(&e, &t)));
            }
            Instr::ExcGroupSplit { dst, rest, typ } => {
                let (r, t) = (reg!(rest).clone(), reg!(typ).clone());
                save_pc!();
                let (m, left) = tryv!(self.exception_group_split(&r, &t));
                reg!(dst) = m;
                reg!(rest) = left;
            }
            Instr::ExcGroupCombine { orig, raised, rest } => {
                let (o, r, l) = (reg!(orig).clone(), reg!(raised).clone(), reg!(rest).clone());
                save_pc!();
                reg!(raised) = tryv!(self.exception_group_combine(&o, &r, &l));
            }
            Instr::WithEnter { dst, mgr } => {
                let m = reg!(mgr).clone();
                save_pc!();
                let (exit, entered) = tryv!(self.with_enter(&m));
                reg!(dst) = exit;
                reg!(dst.offset(1)) = entered;
            }
            Instr::AsyncWithEnter { dst, mgr } => {
                let m = reg!(mgr).clone();
                save_pc!();
                let (exit, entered) = tryv!(self.async_with_enter(&m));
                reg!(dst) = exit;
                reg!(dst.offset(1)) = entered;
            }
            Instr::WithExit { dst, exit, exc } => {
                let (f, e) = (reg!(exit).clone(), reg!(exc).clone());
                save_pc!();
                reg!(dst) = tryv!(self.with_exit(&f, &e));
            }
            Instr::Import { dst, name, level, top } => {
                save_pc!();
                let frame = fiber.frames.last().expect("frame");
                let globals = Rc::clone(&frame.globals);
                let n = code.code.names[name.0 as usize].clone();
                reg!(dst) = tryv!(self.import(&n, level as usize, top, &globals));
            }
            Instr::ImportFrom { dst, module, name } => {
                let m = reg!(module).clone();
                save_pc!();
                reg!(dst) = tryv!(self.import_from(&m, &code.code.names[name.0 as usize]));
            }
            Instr::ImportStar { module } => {
                let m = reg!(module).clone();
                save_pc!();
                let frame = fiber.frames.last().expect("frame");
                let ns = frame.locals.clone().unwrap_or_else(|| Rc::clone(&frame.globals));
                tryv!(self.import_star(&m, &ns));
            }
            Instr::PrintExpr { src } => {
                let v = reg!(src).clone();
                save_pc!();
                tryv!(self.print_expr(&v));
            }
            Instr::LoadName { dst, name } => {
                let frame = fiber.frames.last().expect("frame");
                let (g, l) = (Rc::clone(&frame.globals), frame.locals.clone());
                let v = tryv!(self.load_name(&g, l.as_ref(), &code.names[name.0 as usize]));
                reg!(dst) = v;
            }
            Instr::StoreName { name, src } => {
                let v = reg!(src).clone();
                let frame = fiber.frames.last().expect("frame");
                let ns = frame.locals.clone().unwrap_or_else(|| Rc::clone(&frame.globals));
                self.store_global(&ns, &code.names[name.0 as usize], v);
                self.finalize_pending();
            }
            Instr::FormatValue { dst, src, conv } => {
                let v = reg!(src).clone();
                save_pc!();
                reg!(dst) = tryv!(self.format_value(&v, conv));
            }
            Instr::CallKw { base: b, argc, kwnames } => {
                save_pc!();
                let at = base + b.idx();
                let names = code.consts[kwnames.0 as usize].clone();
                match self.call_at(fiber, at, at + 1, argc as usize, Some(&names)) {
                    Ok(true) => return Cold::Frames,
                    Ok(false) => {}
                    Err(e) => return Cold::Out(Flow::Raise(e)),
                }
            }
            Instr::UnpackSequence { dst, src, count } => {
                let v = reg!(src).clone();
                save_pc!();
                let items = tryv!(self.unpack(&v, count as usize, None));
                for (i, item) in items.into_iter().enumerate() {
                    fiber.stack[base + dst.idx() + i] = item;
                }
            }
            Instr::GetAIter { dst, src } => {
                let v = reg!(src).clone();
                save_pc!();
                reg!(dst) = tryv!(self.get_aiter(&v));
            }
            Instr::GetANext { dst, src } => {
                let v = reg!(src).clone();
                save_pc!();
                reg!(dst) = tryv!(self.get_anext(&v, true));
            }
            Instr::EndAsyncFor { exc, target } => {
                let e = reg!(exc).clone();
                let stop = self.exc_class("StopAsyncIteration");
                match &e {
                    Value::Obj(o) if o.class.is_subclass(&stop) => return Cold::Jump(target),
                    Value::Obj(o) => {
                        save_pc!();
                        return Cold::Out(Flow::Reraise(o.clone()));
                    }
                    _ => fail!(self.new_error("SystemError", "bad async for state")),
                }
            }
            Instr::Match { op, dst, subj, arg } => {
                let s = reg!(subj).clone();
                let n = if op == crate::compiler::bytecode::MatchKind::Class { 3 } else { 1 };
                let at = base + arg.idx();
                let args: Vec<Value> = fiber.stack[at..at + n].to_vec();
                save_pc!();
                reg!(dst) = tryv!(self.match_op(op, &s, &args));
            }
            // Every other instruction is handled by `run` itself.
            _ => {}
        }
        Cold::Next
    }

    /// Returns from the top frame. `Some(v)` when it was the fiber's base frame.
    fn return_from(&mut self, fiber: &mut Fiber, v: Value) -> PyResult<Option<Value>> {
        let frame = self.pop_frame(fiber);
        self.finalize_pending();
        let v = match frame.kind {
            FrameKind::Normal => v,
            FrameKind::Init => {
                if !v.is_none() {
                    Value::put(&mut fiber.stack[frame.ret as usize], Value::Undef);
                    let t = self.type_name(&v);
                    let e = self.new_error("TypeError", &format!("__init__() should return None, not '{t}'"));
                    return self.raise_in_caller(fiber, e);
                }
                // The instance is in the return slot already.
                if let Some(caller) = fiber.frames.last_mut() {
                    caller.pc += 1;
                    return Ok(None);
                }
                return Ok(Some(std::mem::take(&mut fiber.stack[frame.ret as usize])));
            }
        };
        match fiber.frames.last_mut() {
            None => Ok(Some(v)),
            Some(caller) => {
                fiber.stack[frame.ret as usize] = v;
                caller.pc += 1;
                Ok(None)
            }
        }
    }

    fn raise_in_caller(&mut self, fiber: &mut Fiber, e: Exc) -> PyResult<Option<Value>> {
        if fiber.frames.is_empty() {
            return Err(e);
        }
        Err(e)
    }
}

/// Where the loop's fast return (`Vm::return_fast`) finds the result for the return slot.
#[derive(Clone, Copy)]
enum Put {
    /// In this register of the returning frame (moved).
    Moved(Slot),
    /// None.
    None,
    /// Already there (an `__init__` frame's instance).
    Kept,
}

/// What the loop does after a rare instruction ran out of line (`Vm::run_rare`).
enum Cold {
    /// Go on with the next instruction.
    Next,
    /// Go round the outer loop (a frame was pushed or popped).
    Frames,
    /// Go on at this instruction (a verified jump target).
    Jump(u32),
    /// Leave `run`.
    Out(Flow),
}

/// Control flow out of `run`.
enum Flow {
    Return(Value),
    Yield(Value),
    Raise(Exc),
    Reraise(Exc),
    Resume(Rc<Object>, Incoming),
}

/// How many frames a suspended fiber takes off the depth: its own, and for a green fiber
/// suspended inside a call, the frames of the functions it was calling too.
#[inline(always)]
fn suspended_frames(fiber: &Fiber) -> usize {
    if fiber.green {
        fiber.frames.len().max(1)
    } else {
        1
    }
}

/// True for the instructions that call something.
fn is_call(instr: Instr) -> bool {
    matches!(
        instr,
        Instr::Call { .. }
            | Instr::CallKw { .. }
            | Instr::CallMethod { .. }
            | Instr::CallMethodKw { .. }
            | Instr::CallEx { .. }
    )
}

impl Frame {
    /// The stack slot that receives a value delivered to the call instruction at `pc`.
    fn ret_slot_for_resume(&self, pc: usize, base: usize) -> usize {
        match self.code.code.instrs.get(pc) {
            Some(Instr::Call { base: b, .. })
            | Some(Instr::CallKw { base: b, .. })
            | Some(Instr::CallMethod { base: b, .. })
            | Some(Instr::CallMethodKw { base: b, .. })
            | Some(Instr::CallEx { base: b }) => base + b.idx(),
            _ => base,
        }
    }
}

/// Binds the cells of `f`'s closure into its free-variable registers of the window at
/// `window` (registers that start unbound, so a function without cells needs nothing).
#[inline(always)]
pub(crate) fn closure_into(stack: &mut [Value], f: &super::object::Function, window: usize) {
    if f.closure.is_empty() {
        return;
    }
    for (i, (r, _)) in f.code.code.freevars.iter().enumerate() {
        stack[window + r.idx()] = f.closure.get(i).cloned().unwrap_or_default();
    }
}

/// Releases what the registers of a frame being left hold. A scalar needs no release and is
/// left in place: every frame push unbinds its own locals (`push_window`, `Vm::call_at`'s
/// binding) and writes a temporary before reading it, so nothing reads a stale scalar.
/// (`Value::put` went through the drop glue's jump table for every slot, about a tenth of a
/// call's instructions in `fib`; storing the `Undef` tag was a store per register.)
#[inline(always)]
fn clear_regs(slots: &mut [Value]) {
    super::frame::release_values(slots);
}

/// Moves stack slot `src` into slot `dst` (a return value into the caller's return slot). A
/// scalar is copied as its tag and payload: the instruction before usually just wrote it, and
/// reloading it as one wide word would stall on store forwarding.
#[inline(always)]
#[allow(clippy::ptr_arg)] // `Slot` indexes a `Vec` (`vm::regs`).
fn move_reg(stack: &mut Stack, src: Slot, dst: usize) {
    if !put_scalar(stack, src, dst) {
        let v = std::mem::take(&mut stack[src]);
        Value::put(&mut stack[dst], v);
    }
}

/// Writes a scalar in slot `src` to slot `dst` by tag and payload; false (nothing written)
/// for any other value.
#[inline(always)]
#[allow(clippy::ptr_arg)] // `Slot` indexes a `Vec` (`vm::regs`).
fn put_scalar<S: Copy, D: Copy>(stack: &mut Stack, src: S, dst: D) -> bool
where
    Stack: IndexMut<S, Output = Value> + IndexMut<D, Output = Value>,
{
    match stack[src] {
        Value::Int(i) => Value::put_int(&mut stack[dst], i),
        Value::Float(f) => Value::put_float(&mut stack[dst], f),
        Value::Bool(b) => Value::put_bool(&mut stack[dst], b),
        _ => return false,
    }
    true
}

/// Copies register `src` into `dst`: a scalar by tag and payload (a clone built whole and
/// stored at once would be reloaded wide and stall on store forwarding), anything else by
/// reference.
#[inline(always)]
#[allow(clippy::ptr_arg)] // `Slot` indexes a `Vec` (`vm::regs`).
fn copy_reg(stack: &mut Stack, src: Slot, dst: Slot) {
    if !put_scalar(stack, src, dst) {
        let v = stack[src].clone();
        Value::put(&mut stack[dst], v);
    }
}

/// `stack[dst] = stack[obj][stack[key]]` for a list and an in-range int, copied straight
/// into the register (no staged copy of the whole value); false for anything else, which
/// the general `GetItem` path handles (including `obj == dst`).
#[inline(always)]
fn list_item_into(stack: &mut [Value], obj: usize, key: usize, dst: usize) -> bool {
    let Value::Int(i) = stack[key] else { return false };
    if obj == dst || obj >= stack.len() || dst >= stack.len() {
        return false;
    }
    let (o, d) = if obj < dst {
        let (a, b) = stack.split_at_mut(dst);
        (&a[obj], &mut b[0])
    } else {
        let (a, b) = stack.split_at_mut(obj);
        (&b[0], &mut a[dst])
    };
    let Value::List(l) = o else { return false };
    // The register's old value is released after the list borrow ends.
    let old = if d.is_inline() { None } else { Some(std::mem::take(d)) };
    let hit = {
        let items = l.items.borrow();
        let idx = if i < 0 { i + items.len() as i64 } else { i };
        match usize::try_from(idx).ok().and_then(|n| items.get(n)) {
            Some(v) => {
                match *v {
                    Value::Int(n) => Value::put_int(d, n),
                    Value::Float(f) => Value::put_float(d, f),
                    _ => d.clone_from(v),
                }
                true
            }
            None => false,
        }
    };
    if !hit {
        if let Some(old) = old {
            *d = old;
        }
    }
    hit
}

/// Moves `count` registers out of the stack, leaving them unbound.
fn take_regs(stack: &mut [Value], start: usize, count: u16) -> Vec<Value> {
    stack[start..start + count as usize].iter_mut().map(std::mem::take).collect()
}

/// The contents of a cell value (`Undef` when empty).
pub(crate) fn cell_get(cell: &Value) -> Value {
    match cell {
        Value::Obj(o) => match &o.payload {
            Payload::Cell(c) => c.borrow().clone(),
            _ => Value::Undef,
        },
        _ => Value::Undef,
    }
}

/// Sets the contents of a cell value.
pub(crate) fn cell_set(cell: &Value, v: Value) {
    if let Value::Obj(o) = cell {
        if let Payload::Cell(c) = &o.payload {
            *c.borrow_mut() = v;
        }
    }
}

/// Silences an unused-import warning for `Reg` in builds without debug helpers.
#[allow(dead_code)]
fn _reg(_: Reg) {}

/// A resumed generator with no exception of its own being handled sees its caller's, as
/// CPython's exception-state stack does for `sys.exc_info()` and `__context__`.
#[inline]
fn inherit_handled(own: &mut Value, caller: Option<&Rc<Object>>) {
    if let (true, Some(c)) = (own.is_none(), caller) {
        *own = Value::Obj(c.clone());
    }
}

/// The inverse of `inherit_handled` when the generator suspends or ends: its caller's
/// exception is not its own.
#[inline]
fn disinherit_handled(own: &mut Option<Rc<Object>>, caller: &Value) {
    if let (Some(a), Value::Obj(b)) = (&*own, caller) {
        if Rc::ptr_eq(a, b) {
            *own = None;
        }
    }
}

/// Whether `v` is the exception the running generator's resumer handles.
#[inline]
fn is_outer(v: &Value, outer: Option<&Rc<Object>>) -> bool {
    matches!((v, outer), (Value::Obj(a), Some(b)) if Rc::ptr_eq(a, b))
}

/// The exception being handled as a generator keeps it (`Vm::handled` is None or an
/// exception object).
#[inline]
fn exc_slot(v: Value) -> Option<Rc<Object>> {
    match v {
        Value::Obj(o) => Some(o),
        _ => None,
    }
}
