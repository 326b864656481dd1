//! The reactor: the only file in gyre that uses mio (with [`super::precise_wake`], whose
//! timerfd it registers).
//!
//! Owns: the `mio::Poll`, every socket the loop watches (in a generation-checked slab keyed by
//! [`SourceId`]), per-socket readiness flags and interest, the `mio::Waker`, and the thread-safe
//! [`Inbox`] that other threads post to.
//!
//! Invariants:
//! - **Level-triggered emulation.** mio is edge-triggered; CPython's selector loop is
//!   level-triggered and its transports read once per iteration. Each source therefore keeps a
//!   `readable` and a `writable` flag, set by mio events and cleared only when an operation on
//!   it returns `WouldBlock` (the wrappers here do it; owners doing their own I/O call
//!   [`Reactor::clear_readable`]/[`Reactor::clear_writable`]). Every [`Reactor::poll`] reports
//!   each source whose flag is set and whose owner wants that direction, and never blocks while
//!   such a source exists, just as `select` returns at once for a ready fd.
//! - Sources are reported in the order they became ready (epoll's level-triggered ready list
//!   keeps that order too), each at most once per poll. A source keeps its place from the
//!   poll that first flags it until a poll finds both its flags cleared.
//! - A poll costs O(events + due sources), never O(watched sockets): only sources ready in a
//!   direction their owner wants are kept in the ordered `due` set, so thousands of idle
//!   connections (always writable, nobody writing) cost the loop nothing per iteration.
//! - Each socket is registered once for `READABLE | WRITABLE`; interest is bookkeeping here,
//!   never an `epoll_ctl` call, so toggling readers and writers costs no syscall.
//! - A token carries the slab index and the slot's generation; closing a source bumps the
//!   generation, so a stale event or a stale [`SourceId`] never reaches a later socket.
//! - A poll never ends before its timeout, so the loop never wakes before the timer it waits
//!   for is due: timeouts are rounded up to whole microseconds, `epoll_wait` rounds up to
//!   milliseconds, and a sub-millisecond remainder is kept by a timerfd
//!   ([`super::precise_wake`]) that ends the poll at the exact time.
//! - [`Inbox::post`] wakes the poll only when the queue goes from empty to non-empty; the owner
//!   drains the whole queue after every poll, so no message waits for a wake that never comes.
//!
//! Non-goals: timers (the loop's own heap does them; mio has none), files (mio cannot poll
//! regular files; they go to the blocking thread pool), TLS, Windows named pipes, and any
//! scheduling policy: the reactor only says what is ready, the loop decides what runs.

use std::collections::VecDeque;

use super::due::DueSet;
use std::io::{self, Read, Write};
use std::net::{Shutdown, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use mio::event::Event;
use mio::net::{TcpListener, TcpStream, UdpSocket};
use mio::{Events, Interest, Poll, Token, Waker};

use super::precise_wake::{arm_for, PreciseWake};

#[cfg(unix)]
use mio::net::{UnixListener, UnixStream};
#[cfg(unix)]
use std::path::{Path, PathBuf};

/// How many mio events one poll takes at most; more stay queued in the kernel for the next poll.
/// 1024 amortises the syscall without a large buffer (CPython's epoll asks for up to one per fd).
const EVENT_CAPACITY: usize = 1024;

/// Bits of a token (and of a [`SourceId`] index) that hold the slab index; the rest hold the
/// generation. Half a `usize` allows 4 billion sources on 64-bit (65 535 on 32-bit).
const INDEX_BITS: u32 = usize::BITS / 2;
const INDEX_MASK: usize = (1 << INDEX_BITS) - 1;

/// The waker's token: its index part is `INDEX_MASK`, one past the largest source index.
const WAKE_TOKEN: Token = Token(usize::MAX);
/// The token of the timerfd that ends polls at sub-millisecond deadlines.
const PRECISE_TOKEN: Token = Token(usize::MAX - 1);

/// The longest poll timeout in milliseconds: `MAX_POLL_TIMEOUT` (24 h) fits well inside it,
/// and it keeps the `f64 -> u64` conversion exact.
const MAX_TIMEOUT_MS: f64 = 1e12;

/// Names one watched socket. Stale ids (of closed sockets) are rejected by every method.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SourceId {
    index: usize,
    generation: u32,
}

impl SourceId {
    fn token(self) -> Token {
        let generation = (self.generation as usize) & INDEX_MASK;
        Token(self.index | (generation << INDEX_BITS))
    }
}

/// A socket address of either family, as reported by `accept`, `local_addr` and `peer_addr`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PeerAddr {
    /// An IPv4 or IPv6 address.
    Inet(SocketAddr),
    /// A Unix-domain path; `None` for unnamed or abstract sockets.
    #[cfg(unix)]
    Unix(Option<PathBuf>),
}

/// What one poll found for one source: directions that are ready **and** wanted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Readiness {
    /// The source.
    pub source: SourceId,
    /// The source is readable (or at EOF or in error) and its owner wants reads.
    pub readable: bool,
    /// The source is writable (or in error) and its owner wants writes.
    pub writable: bool,
}

/// The mio socket behind a source.
#[derive(Debug)]
enum Socket {
    TcpListener(TcpListener),
    TcpStream(TcpStream),
    Udp(UdpSocket),
    #[cfg(unix)]
    UnixListener(UnixListener),
    #[cfg(unix)]
    UnixStream(UnixStream),
}

/// A watched socket with its level-triggered flags and its owner's interest.
#[derive(Debug)]
struct Source {
    socket: Socket,
    readable: bool,
    writable: bool,
    want_read: bool,
    want_write: bool,
    /// Whether the source holds a place (`seq`) in the report order: from the event that
    /// first flags it until a poll finds both flags cleared.
    queued: bool,
    /// Its place in the report order while `queued` (later places are larger).
    seq: u64,
    /// Whether it is in `Reactor::due` (kept equal to `is_due()` by `Reactor::update`).
    in_due: bool,
    /// Whether it is in `Reactor::unflagged`.
    unflag_pending: bool,
    /// An event reported the read side closed or an error: no later edge will come for it,
    /// so a short read no longer proves the socket drained (see [`Reactor::recv`]).
    read_closed: bool,
}

impl Source {
    fn is_due(&self) -> bool {
        (self.readable && self.want_read) || (self.writable && self.want_write)
    }
}

#[derive(Debug)]
struct Slot {
    generation: u32,
    source: Option<Source>,
}

/// The sending half of the loop's inbox: cloneable and `Send`, for worker threads and host
/// wakers. Messages are plain data (`M: Send`); script values never cross threads.
#[derive(Debug)]
pub struct Inbox<M> {
    queue: Arc<Mutex<VecDeque<M>>>,
    waker: Arc<Waker>,
}

impl<M> Clone for Inbox<M> {
    fn clone(&self) -> Self {
        Inbox { queue: Arc::clone(&self.queue), waker: Arc::clone(&self.waker) }
    }
}

impl<M> Inbox<M> {
    /// Queues `msg` for the loop and wakes its poll if the queue was empty. An error means the
    /// wake failed (the message is still queued and is seen at the loop's next poll).
    pub fn post(&self, msg: M) -> io::Result<()> {
        let was_empty = {
            let mut queue = self.queue.lock().unwrap_or_else(|p| p.into_inner());
            let was_empty = queue.is_empty();
            queue.push_back(msg);
            was_empty
        };
        if was_empty {
            self.waker.wake()?;
        }
        Ok(())
    }

    fn take_all(&self) -> VecDeque<M> {
        let mut queue = self.queue.lock().unwrap_or_else(|p| p.into_inner());
        std::mem::take(&mut *queue)
    }
}

/// The readiness reactor over mio, with the inbox for messages of type `M`.
#[derive(Debug)]
pub struct Reactor<M> {
    poll: Poll,
    events: Events,
    slots: Vec<Slot>,
    free: Vec<usize>,
    /// The sources ready in a direction their owner wants, by `Source::seq`: what the next
    /// poll reports, in order.
    due: DueSet<SourceId>,
    /// The place the next newly flagged source gets.
    next_seq: u64,
    /// Queued sources whose flags were both cleared since the last poll; the poll gives up
    /// their places unless an event flagged them again meanwhile. May hold stale ids.
    unflagged: Vec<SourceId>,
    /// This poll's events as (token, readable, writable, read side closed), reused across polls so that a poll
    /// allocates nothing.
    scratch: Vec<(Token, bool, bool, bool)>,
    live: usize,
    /// Sources whose owner wants at least one direction (kept so `has_interest` is O(1)).
    interested: usize,
    inbox: Inbox<M>,
    /// Ends a poll at a sub-millisecond deadline (None where no timerfd could be made).
    precise: Option<PreciseWake>,
}

/// The live source of `id` in `slots` (None for a stale id).
fn source_in(slots: &[Slot], id: SourceId) -> Option<&Source> {
    let slot = slots.get(id.index)?;
    if slot.generation != id.generation {
        return None;
    }
    slot.source.as_ref()
}

/// Rounds a timeout in seconds up to whole microseconds (so a positive wait never becomes a
/// zero one); `None` (block) stays `None`; negative and NaN become zero.
pub fn timeout_from_secs(secs: Option<f64>) -> Option<Duration> {
    let us = (secs? * 1e6).ceil();
    let us = if us > 0.0 { us.min(MAX_TIMEOUT_MS * 1e3) } else { 0.0 };
    Some(Duration::from_micros(us as u64))
}

impl<M> Reactor<M> {
    /// A reactor with its own epoll/kqueue instance and waker.
    pub fn new() -> io::Result<Self> {
        let poll = Poll::new()?;
        let waker = Arc::new(Waker::new(poll.registry(), WAKE_TOKEN)?);
        let precise = PreciseWake::new(poll.registry(), PRECISE_TOKEN).ok();
        Ok(Reactor {
            poll,
            events: Events::with_capacity(EVENT_CAPACITY),
            slots: Vec::new(),
            free: Vec::new(),
            due: DueSet::default(),
            next_seq: 0,
            unflagged: Vec::new(),
            scratch: Vec::new(),
            live: 0,
            interested: 0,
            inbox: Inbox { queue: Arc::new(Mutex::new(VecDeque::new())), waker },
            precise,
        })
    }

    /// A sender for this reactor's inbox.
    pub fn inbox(&self) -> Inbox<M> {
        self.inbox.clone()
    }

    /// Takes every message posted so far, oldest first.
    pub fn drain_inbox(&mut self) -> impl Iterator<Item = M> {
        self.inbox.take_all().into_iter()
    }

    /// How many sockets are registered.
    pub fn source_count(&self) -> usize {
        self.live
    }

    /// Whether any registered source wants reads or writes (if not, no I/O can wake the loop).
    pub fn has_interest(&self) -> bool {
        self.interested > 0
    }

    /// The poll's file descriptor, for a host that waits on it (e.g. tokio's `AsyncFd`) and
    /// then steps the loop.
    #[cfg(unix)]
    pub fn as_raw_fd(&self) -> std::os::fd::RawFd {
        use std::os::fd::AsRawFd;
        self.poll.as_raw_fd()
    }

    /// Waits up to `timeout` (`None` = until something happens) and writes to `out` (cleared
    /// first) every source that is ready in a direction its owner wants. Returns `true` if the
    /// waker fired. Never blocks while a wanted direction is already flagged.
    pub fn poll(&mut self, timeout: Option<Duration>, out: &mut Vec<Readiness>) -> io::Result<bool> {
        out.clear();
        let timeout = if self.due.is_empty() { timeout } else { Some(Duration::ZERO) };
        // Without the timerfd the poll's own (rounded-up) timeout still ends it, only later.
        let _ = arm_for(self.precise.as_ref(), timeout);
        let woken = match self.poll.poll(&mut self.events, timeout) {
            Ok(()) => self.absorb_events(),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => false,
            Err(e) => return Err(e),
        };
        self.collect_due(out);
        Ok(woken)
    }

    /// Sets which directions the owner of `id` wants reported. Returns `false` for a stale id.
    pub fn set_interest(&mut self, id: SourceId, read: bool, write: bool) -> bool {
        let mut had = false;
        let known = self.update(id, |source| {
            had = source.want_read || source.want_write;
            source.want_read = read;
            source.want_write = write;
        });
        if !known {
            return false;
        }
        match (had, read || write) {
            (false, true) => self.interested += 1,
            (true, false) => self.interested -= 1,
            _ => {}
        }
        true
    }

    /// Records that a read on `id` returned `WouldBlock`.
    pub fn clear_readable(&mut self, id: SourceId) {
        self.update(id, |source| source.readable = false);
    }

    /// Records that a write on `id` returned `WouldBlock`.
    pub fn clear_writable(&mut self, id: SourceId) {
        self.update(id, |source| source.writable = false);
    }

    /// Deregisters and closes `id`. Returns `false` if it was already closed.
    pub fn close(&mut self, id: SourceId) -> bool {
        let Some(slot) = self.slots.get_mut(id.index) else {
            return false;
        };
        if slot.generation != id.generation {
            return false;
        }
        let Some(mut source) = slot.source.take() else {
            return false;
        };
        slot.generation = slot.generation.wrapping_add(1);
        self.free.push(id.index);
        self.live -= 1;
        if source.want_read || source.want_write {
            self.interested -= 1;
        }
        if source.in_due {
            self.due.remove();
        }
        // Closing the fd removes it from epoll anyway; an error here changes nothing.
        let _ = with_source(&mut source.socket, |s| self.poll.registry().deregister(s));
        true
    }

    /// Applies this poll's events to the flags; returns whether the waker fired.
    fn absorb_events(&mut self) -> bool {
        let mut woken = false;
        let mut newly = std::mem::take(&mut self.scratch);
        newly.clear();
        for event in self.events.iter() {
            if event.token() == WAKE_TOKEN {
                woken = true;
                continue;
            }
            if event.token() == PRECISE_TOKEN {
                if let Some(p) = &self.precise {
                    p.clear();
                }
                continue;
            }
            let (readable, writable) = directions(event);
            let closed = event.is_read_closed() || event.is_error();
            newly.push((event.token(), readable, writable, closed));
        }
        for &(token, readable, writable, closed) in &newly {
            self.flag(token, readable, writable, closed);
        }
        self.scratch = newly;
        woken
    }

    fn flag(&mut self, token: Token, readable: bool, writable: bool, closed: bool) {
        let index = token.0 & INDEX_MASK;
        let generation = token.0 >> INDEX_BITS;
        let Some(slot) = self.slots.get_mut(index) else {
            return;
        };
        if (slot.generation as usize) & INDEX_MASK != generation {
            return; // an event for a closed socket
        }
        let id = SourceId { index, generation: slot.generation };
        let seq = self.next_seq;
        let mut placed = false;
        self.update(id, |source| {
            if !source.queued {
                source.queued = true;
                source.seq = seq;
                placed = true;
            }
            source.readable |= readable;
            source.writable |= writable;
            source.read_closed |= closed;
        });
        if placed {
            self.next_seq += 1;
        }
    }

    /// Applies `change` to the flags or interest of `id`, then brings `due` and `unflagged` up
    /// to date. Returns `false` for a stale id.
    fn update(&mut self, id: SourceId, change: impl FnOnce(&mut Source)) -> bool {
        let Some(slot) = self.slots.get_mut(id.index).filter(|slot| slot.generation == id.generation) else {
            return false;
        };
        let Some(source) = slot.source.as_mut() else {
            return false;
        };
        change(source);
        let due = source.is_due();
        if due != source.in_due {
            source.in_due = due;
            if due {
                self.due.insert(source.seq, id);
            } else {
                self.due.remove();
            }
        }
        if source.queued && !source.readable && !source.writable && !source.unflag_pending {
            source.unflag_pending = true;
            self.unflagged.push(id);
        }
        true
    }

    /// Gives up the places of sources whose flags are still both clear, then reports the due
    /// ones in order.
    fn collect_due(&mut self, out: &mut Vec<Readiness>) {
        let mut unflagged = std::mem::take(&mut self.unflagged);
        for id in unflagged.drain(..) {
            if let Some(source) = self.source_mut(id) {
                source.unflag_pending = false;
                if !(source.readable || source.writable) {
                    source.queued = false;
                }
            }
        }
        self.unflagged = unflagged;
        let slots = &self.slots;
        self.due.retain(|seq, id| {
            let Some(source) = source_in(slots, id).filter(|s| s.in_due && s.seq == seq) else {
                return false;
            };
            out.push(Readiness {
                source: id,
                readable: source.readable && source.want_read,
                writable: source.writable && source.want_write,
            });
            true
        });
    }

    fn source(&self, id: SourceId) -> Option<&Source> {
        source_in(&self.slots, id)
    }

    fn source_mut(&mut self, id: SourceId) -> Option<&mut Source> {
        let slot = self.slots.get_mut(id.index)?;
        if slot.generation != id.generation {
            return None;
        }
        slot.source.as_mut()
    }

    fn socket(&self, id: SourceId) -> io::Result<&Socket> {
        self.source(id).map(|s| &s.socket).ok_or_else(closed)
    }

    /// Registers `socket` for both directions under a fresh id, with no interest yet.
    fn add(&mut self, mut socket: Socket) -> io::Result<SourceId> {
        let index = match self.free.pop() {
            Some(index) => index,
            None if self.slots.len() < INDEX_MASK => {
                self.slots.push(Slot { generation: 0, source: None });
                self.slots.len() - 1
            }
            None => return Err(io::Error::other("too many sockets registered")),
        };
        let id = SourceId { index, generation: self.slots[index].generation };
        let both = Interest::READABLE | Interest::WRITABLE;
        let registered = with_source(&mut socket, |s| self.poll.registry().register(s, id.token(), both));
        if let Err(e) = registered {
            self.free.push(index);
            return Err(e);
        }
        self.slots[index].source = Some(Source {
            socket,
            readable: false,
            writable: false,
            want_read: false,
            want_write: false,
            queued: false,
            seq: 0,
            in_due: false,
            unflag_pending: false,
            read_closed: false,
        });
        self.live += 1;
        Ok(id)
    }

    /// Runs an operation on a source, retrying on `EINTR` and clearing the readable
    /// (`read = true`) or writable flag when it returns `WouldBlock`.
    fn io<T>(
        &mut self,
        id: SourceId,
        read: bool,
        mut op: impl FnMut(&Socket) -> io::Result<T>,
    ) -> io::Result<T> {
        let socket = self.socket(id)?;
        let result = loop {
            match op(socket) {
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                other => break other,
            }
        };
        if matches!(&result, Err(e) if e.kind() == io::ErrorKind::WouldBlock) {
            if read {
                self.clear_readable(id);
            } else {
                self.clear_writable(id);
            }
        }
        result
    }
}

/// Socket constructors: each registers the new socket and returns its id.
impl<M> Reactor<M> {
    /// Binds a listening TCP socket (`SO_REUSEADDR` set, backlog 1024 as mio does).
    pub fn listen_tcp(&mut self, addr: SocketAddr) -> io::Result<SourceId> {
        self.add(Socket::TcpListener(TcpListener::bind(addr)?))
    }

    /// Starts a non-blocking TCP connect. The source turns writable when the connect
    /// finishes; then check [`Reactor::take_error`] and [`Reactor::peer_addr`].
    pub fn connect_tcp(&mut self, addr: SocketAddr) -> io::Result<SourceId> {
        self.add(Socket::TcpStream(TcpStream::connect(addr)?))
    }

    /// Binds a UDP socket.
    pub fn bind_udp(&mut self, addr: SocketAddr) -> io::Result<SourceId> {
        self.add(Socket::Udp(UdpSocket::bind(addr)?))
    }

    /// Adopts a connected std TCP stream (made non-blocking here).
    pub fn adopt_tcp_stream(&mut self, stream: std::net::TcpStream) -> io::Result<SourceId> {
        stream.set_nonblocking(true)?;
        self.add(Socket::TcpStream(TcpStream::from_std(stream)))
    }

    /// Adopts a std TCP listener (made non-blocking here).
    pub fn adopt_tcp_listener(&mut self, listener: std::net::TcpListener) -> io::Result<SourceId> {
        listener.set_nonblocking(true)?;
        self.add(Socket::TcpListener(TcpListener::from_std(listener)))
    }

    /// Adopts a std UDP socket (made non-blocking here).
    pub fn adopt_udp(&mut self, socket: std::net::UdpSocket) -> io::Result<SourceId> {
        socket.set_nonblocking(true)?;
        self.add(Socket::Udp(UdpSocket::from_std(socket)))
    }

    /// Adopts a std Unix-domain listener (made non-blocking here).
    #[cfg(unix)]
    pub fn adopt_unix_listener(
        &mut self,
        listener: std::os::unix::net::UnixListener,
    ) -> io::Result<SourceId> {
        listener.set_nonblocking(true)?;
        self.add(Socket::UnixListener(UnixListener::from_std(listener)))
    }

    /// Adopts a std Unix-domain stream, connected or connecting (made non-blocking here).
    #[cfg(unix)]
    pub fn adopt_unix_stream(&mut self, stream: std::os::unix::net::UnixStream) -> io::Result<SourceId> {
        stream.set_nonblocking(true)?;
        self.add(Socket::UnixStream(UnixStream::from_std(stream)))
    }

    /// Binds a listening Unix-domain socket at `path`.
    #[cfg(unix)]
    pub fn listen_unix(&mut self, path: &Path) -> io::Result<SourceId> {
        self.add(Socket::UnixListener(UnixListener::bind(path)?))
    }

    /// Starts a non-blocking Unix-domain connect to `path`.
    #[cfg(unix)]
    pub fn connect_unix(&mut self, path: &Path) -> io::Result<SourceId> {
        self.add(Socket::UnixStream(UnixStream::connect(path)?))
    }

    /// A connected pair of Unix-domain streams (`socket.socketpair()`).
    #[cfg(unix)]
    pub fn unix_pair(&mut self) -> io::Result<(SourceId, SourceId)> {
        let (a, b) = UnixStream::pair()?;
        let a = self.add(Socket::UnixStream(a))?;
        match self.add(Socket::UnixStream(b)) {
            Ok(b) => Ok((a, b)),
            Err(e) => {
                self.close(a);
                Err(e)
            }
        }
    }
}

/// Socket operations. Each clears the matching flag on `WouldBlock`, and fails with
/// `NotConnected` for a stale id or `Unsupported` for the wrong kind of socket.
impl<M> Reactor<M> {
    /// Accepts one connection on a listener and registers it.
    pub fn accept(&mut self, id: SourceId) -> io::Result<(SourceId, PeerAddr)> {
        let (socket, addr) = self.io(id, true, accept_one)?;
        Ok((self.add(socket)?, addr))
    }

    /// Reads into `buf` from a stream (or a connected UDP socket); `Ok(0)` is EOF.
    ///
    /// A stream read that returns less than `buf` holds took everything the kernel had
    /// (`recv` copies until the buffer is full or the receive queue is empty), so the readable
    /// flag is cleared at once: the next `recv` would only say `WouldBlock`, one wasted
    /// syscall and loop callback per message. Data arriving later raises a new edge. The
    /// shortcut is off once an event reported the read side closed or an error, as that edge
    /// will not come again and the owner must read on until EOF.
    pub fn recv(&mut self, id: SourceId, buf: &mut [u8]) -> io::Result<usize> {
        let mut stream = false;
        let result = self.io(id, true, |socket| match socket {
            Socket::TcpStream(s) => {
                stream = true;
                (&*s).read(buf)
            }
            Socket::Udp(s) => s.recv(buf),
            #[cfg(unix)]
            Socket::UnixStream(s) => {
                stream = true;
                (&*s).read(buf)
            }
            _ => Err(unsupported()),
        });
        if let Ok(n) = result {
            if stream && n > 0 && n < buf.len() {
                self.update(id, |source| source.readable = source.read_closed);
            }
        }
        result
    }

    /// Writes from `buf` to a stream (or a connected UDP socket); returns the bytes taken.
    pub fn send(&mut self, id: SourceId, buf: &[u8]) -> io::Result<usize> {
        self.io(id, false, |socket| match socket {
            Socket::TcpStream(s) => (&*s).write(buf),
            Socket::Udp(s) => s.send(buf),
            #[cfg(unix)]
            Socket::UnixStream(s) => (&*s).write(buf),
            _ => Err(unsupported()),
        })
    }

    /// Receives one datagram.
    pub fn recv_from(&mut self, id: SourceId, buf: &mut [u8]) -> io::Result<(usize, SocketAddr)> {
        self.io(id, true, |socket| match socket {
            Socket::Udp(s) => s.recv_from(buf),
            _ => Err(unsupported()),
        })
    }

    /// Sends one datagram to `target`.
    pub fn send_to(&mut self, id: SourceId, buf: &[u8], target: SocketAddr) -> io::Result<usize> {
        self.io(id, false, |socket| match socket {
            Socket::Udp(s) => s.send_to(buf, target),
            _ => Err(unsupported()),
        })
    }

    /// Shuts down one or both directions of a stream.
    pub fn shutdown(&mut self, id: SourceId, how: Shutdown) -> io::Result<()> {
        match self.socket(id)? {
            Socket::TcpStream(s) => s.shutdown(how),
            #[cfg(unix)]
            Socket::UnixStream(s) => s.shutdown(how),
            _ => Err(unsupported()),
        }
    }

    /// Runs `f` on the socket's file descriptor (for socket options the reactor does not
    /// wrap); the reactor keeps ownership.
    #[cfg(unix)]
    pub fn with_fd<T>(
        &self,
        id: SourceId,
        f: impl FnOnce(std::os::fd::BorrowedFd<'_>) -> T,
    ) -> io::Result<T> {
        use std::os::fd::AsFd;
        Ok(match self.socket(id)? {
            Socket::TcpListener(s) => f(s.as_fd()),
            Socket::TcpStream(s) => f(s.as_fd()),
            Socket::Udp(s) => f(s.as_fd()),
            Socket::UnixListener(s) => f(s.as_fd()),
            Socket::UnixStream(s) => f(s.as_fd()),
        })
    }

    /// Takes the socket's pending error (`SO_ERROR`), e.g. the outcome of a connect.
    pub fn take_error(&self, id: SourceId) -> io::Result<Option<io::Error>> {
        match self.socket(id)? {
            Socket::TcpListener(s) => s.take_error(),
            Socket::TcpStream(s) => s.take_error(),
            Socket::Udp(s) => s.take_error(),
            #[cfg(unix)]
            Socket::UnixListener(s) => s.take_error(),
            #[cfg(unix)]
            Socket::UnixStream(s) => s.take_error(),
        }
    }

    /// The socket's own address.
    pub fn local_addr(&self, id: SourceId) -> io::Result<PeerAddr> {
        match self.socket(id)? {
            Socket::TcpListener(s) => s.local_addr().map(PeerAddr::Inet),
            Socket::TcpStream(s) => s.local_addr().map(PeerAddr::Inet),
            Socket::Udp(s) => s.local_addr().map(PeerAddr::Inet),
            #[cfg(unix)]
            Socket::UnixListener(s) => s.local_addr().map(unix_addr),
            #[cfg(unix)]
            Socket::UnixStream(s) => s.local_addr().map(unix_addr),
        }
    }

    /// The connected peer's address (`NotConnected` while a connect is in progress).
    pub fn peer_addr(&self, id: SourceId) -> io::Result<PeerAddr> {
        match self.socket(id)? {
            Socket::TcpStream(s) => s.peer_addr().map(PeerAddr::Inet),
            Socket::Udp(s) => s.peer_addr().map(PeerAddr::Inet),
            #[cfg(unix)]
            Socket::UnixStream(s) => s.peer_addr().map(unix_addr),
            _ => Err(unsupported()),
        }
    }
}

/// Which directions an event makes ready. EOF and errors count as readable (and errors as
/// writable), as `select` reports them, so the owner's next operation sees the condition.
fn directions(event: &Event) -> (bool, bool) {
    let readable = event.is_readable() || event.is_read_closed() || event.is_error();
    let writable = event.is_writable() || event.is_write_closed() || event.is_error();
    (readable, writable)
}

fn accept_one(socket: &Socket) -> io::Result<(Socket, PeerAddr)> {
    match socket {
        Socket::TcpListener(l) => {
            let (s, addr) = l.accept()?;
            Ok((Socket::TcpStream(s), PeerAddr::Inet(addr)))
        }
        #[cfg(unix)]
        Socket::UnixListener(l) => {
            let (s, addr) = l.accept()?;
            Ok((Socket::UnixStream(s), unix_addr(addr)))
        }
        _ => Err(unsupported()),
    }
}

/// Runs `f` on the socket as a `mio::event::Source` (for register and deregister).
fn with_source<T>(
    socket: &mut Socket,
    f: impl FnOnce(&mut dyn mio::event::Source) -> io::Result<T>,
) -> io::Result<T> {
    match socket {
        Socket::TcpListener(s) => f(s),
        Socket::TcpStream(s) => f(s),
        Socket::Udp(s) => f(s),
        #[cfg(unix)]
        Socket::UnixListener(s) => f(s),
        #[cfg(unix)]
        Socket::UnixStream(s) => f(s),
    }
}

#[cfg(unix)]
fn unix_addr(addr: std::os::unix::net::SocketAddr) -> PeerAddr {
    PeerAddr::Unix(addr.as_pathname().map(Path::to_path_buf))
}

fn closed() -> io::Error {
    io::Error::new(io::ErrorKind::NotConnected, "socket is closed")
}

fn unsupported() -> io::Error {
    io::Error::new(io::ErrorKind::Unsupported, "operation not supported on this kind of socket")
}

/// Lets another thread sleep until a reactor has something to report: its poll's file
/// descriptor is registered in a second, private poll. A host that steps the loop from its own
/// runtime uses it to learn when to step again without spinning (see the embedding API's
/// async driver).
///
/// The registration is edge-triggered: every time the reactor's ready list goes from empty to
/// non-empty (a socket event, an inbox post) [`ReadinessWaiter::wait`] returns; the owner
/// steps the loop, which drains the reactor, before waiting again.
#[cfg(unix)]
#[derive(Debug)]
pub struct ReadinessWaiter {
    poll: Poll,
    events: Events,
    waker: Arc<Waker>,
}

#[cfg(unix)]
impl ReadinessWaiter {
    const READY: Token = Token(0);
    const WAKE: Token = Token(1);

    /// Watches the poll of `reactor`.
    pub fn new<M>(reactor: &Reactor<M>) -> io::Result<ReadinessWaiter> {
        let poll = Poll::new()?;
        let fd = reactor.as_raw_fd();
        poll.registry().register(&mut mio::unix::SourceFd(&fd), Self::READY, Interest::READABLE)?;
        let waker = Arc::new(Waker::new(poll.registry(), Self::WAKE)?);
        Ok(ReadinessWaiter { poll, events: Events::with_capacity(4), waker })
    }

    /// A handle that makes a pending [`ReadinessWaiter::wait`] return [`Woke::Interrupted`].
    pub fn waker(&self) -> Arc<Waker> {
        self.waker.clone()
    }

    /// Blocks until the reactor has events, the timeout passes, or the waker fires.
    pub fn wait(&mut self, timeout: Option<Duration>) -> io::Result<Woke> {
        match self.poll.poll(&mut self.events, timeout) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::Interrupted => return Ok(Woke::Interrupted),
            Err(e) => return Err(e),
        }
        let mut woke = Woke::TimedOut;
        for event in self.events.iter() {
            if event.token() == Self::READY {
                return Ok(Woke::Ready);
            }
            woke = Woke::Interrupted;
        }
        Ok(woke)
    }
}

/// Why [`ReadinessWaiter::wait`] returned.
#[cfg(unix)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Woke {
    /// The reactor has events.
    Ready,
    /// The timeout passed.
    TimedOut,
    /// The waiter's own waker fired (or a signal interrupted the wait).
    Interrupted,
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Instant;

    /// Generous bound for "returns at once" on a loaded 2-core machine.
    const PROMPT: Duration = Duration::from_secs(2);
    const LONG: Option<Duration> = Some(Duration::from_secs(10));

    fn reactor() -> Reactor<u32> {
        Reactor::new().unwrap()
    }

    /// Polls until `id` is reported, up to 5 s.
    fn poll_until(r: &mut Reactor<u32>, id: SourceId) -> Readiness {
        let deadline = Instant::now() + Duration::from_secs(5);
        let mut out = Vec::new();
        while Instant::now() < deadline {
            r.poll(Some(Duration::from_millis(100)), &mut out).unwrap();
            if let Some(found) = out.iter().find(|x| x.source == id) {
                return *found;
            }
        }
        panic!("source never became ready");
    }

    #[cfg(unix)]
    #[test]
    fn a_readiness_waiter_wakes_on_an_inbox_post_and_again_after_draining() {
        let mut r = reactor();
        let mut waiter = ReadinessWaiter::new(&r).unwrap();
        let started = Instant::now();
        assert_eq!(waiter.wait(Some(Duration::from_millis(30))).unwrap(), Woke::TimedOut);
        assert!(started.elapsed() >= Duration::from_millis(25), "nothing ready yet: times out");
        for round in 0..2 {
            let inbox = r.inbox();
            let poster = std::thread::spawn(move || {
                std::thread::sleep(Duration::from_millis(20));
                inbox.post(round).unwrap();
            });
            let started = Instant::now();
            assert_eq!(waiter.wait(LONG).unwrap(), Woke::Ready);
            assert!(started.elapsed() < PROMPT);
            poster.join().unwrap();
            r.poll(Some(Duration::ZERO), &mut Vec::new()).unwrap();
            assert_eq!(r.drain_inbox().collect::<Vec<_>>(), [round]);
        }
        waiter.waker().wake().unwrap();
        assert_eq!(waiter.wait(LONG).unwrap(), Woke::Interrupted);
    }

    #[test]
    fn timeouts_round_up_to_whole_milliseconds() {
        assert_eq!(timeout_from_secs(None), None);
        assert_eq!(timeout_from_secs(Some(0.0)), Some(Duration::ZERO));
        assert_eq!(timeout_from_secs(Some(0.0001)), Some(Duration::from_micros(100)));
        assert_eq!(timeout_from_secs(Some(0.0000001)), Some(Duration::from_micros(1)));
        assert_eq!(timeout_from_secs(Some(1.0005)), Some(Duration::from_micros(1_000_500)));
        assert_eq!(timeout_from_secs(Some(-3.0)), Some(Duration::ZERO));
        assert_eq!(timeout_from_secs(Some(f64::NAN)), Some(Duration::ZERO));
    }

    #[test]
    fn waker_from_another_thread_wakes_a_blocked_poll() {
        let mut r = reactor();
        let inbox = r.inbox();
        let poster = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(50));
            inbox.post(7).unwrap();
            inbox.post(8).unwrap();
        });
        let start = Instant::now();
        let mut out = Vec::new();
        let woken = r.poll(LONG, &mut out).unwrap();
        assert!(woken);
        assert!(start.elapsed() < PROMPT, "blocked {:?}", start.elapsed());
        poster.join().unwrap();
        assert_eq!(r.drain_inbox().collect::<Vec<_>>(), [7, 8]);
        assert_eq!(r.drain_inbox().count(), 0);
    }

    #[test]
    fn tcp_accept_and_read_are_level_triggered() {
        let mut r = reactor();
        let listener = r.listen_tcp("127.0.0.1:0".parse().unwrap()).unwrap();
        let PeerAddr::Inet(addr) = r.local_addr(listener).unwrap() else { panic!("not inet") };
        r.set_interest(listener, true, false);
        let client = r.connect_tcp(addr).unwrap();
        r.set_interest(client, false, true);

        assert!(poll_until(&mut r, listener).readable);
        let (server, _) = r.accept(listener).unwrap();
        assert_eq!(r.accept(listener).unwrap_err().kind(), io::ErrorKind::WouldBlock);
        assert!(poll_until(&mut r, client).writable, "connect finished");
        assert!(r.take_error(client).unwrap().is_none());
        assert_eq!(r.send(client, b"hello").unwrap(), 5);
        r.set_interest(client, false, false);

        r.set_interest(server, true, false);
        assert!(poll_until(&mut r, server).readable);
        let mut buf = [0u8; 2];
        assert_eq!(r.recv(server, &mut buf).unwrap(), 2);
        // Data remains: a long poll must report the server again at once, with no new edge.
        let start = Instant::now();
        let mut out = Vec::new();
        r.poll(LONG, &mut out).unwrap();
        assert!(start.elapsed() < PROMPT);
        assert_eq!(out.iter().filter(|x| x.source == server).count(), 1);
        let mut rest = [0u8; 16];
        assert_eq!(r.recv(server, &mut rest).unwrap(), 3);
        assert_eq!(&rest[..3], b"llo");
        assert_eq!(r.recv(server, &mut rest).unwrap_err().kind(), io::ErrorKind::WouldBlock);
        // Drained: the flag is clear, so a short poll reports nothing for the server.
        r.poll(Some(Duration::from_millis(20)), &mut out).unwrap();
        assert!(out.iter().all(|x| x.source != server));
    }

    #[cfg(unix)]
    #[test]
    fn unwanted_directions_are_not_reported_but_remembered() {
        let mut r = reactor();
        let (a, b) = r.unix_pair().unwrap();
        r.send(a, b"x").unwrap();
        let mut out = Vec::new();
        r.poll(Some(Duration::from_millis(50)), &mut out).unwrap();
        assert!(out.is_empty(), "nobody wants anything yet: {out:?}");
        r.set_interest(b, true, false);
        r.poll(LONG, &mut out).unwrap();
        assert_eq!(out, [Readiness { source: b, readable: true, writable: false }]);
    }

    /// Idle connections (writable, but nobody wants to write) are remembered as writable
    /// without joining the set each poll walks, and a source that turns due keeps the place
    /// it got when it was first flagged, not the place of the interest change.
    #[cfg(unix)]
    #[test]
    fn idle_sources_stay_out_of_the_due_set_and_keep_their_order() {
        let mut r = reactor();
        let pairs: Vec<(SourceId, SourceId)> = (0..50).map(|_| r.unix_pair().unwrap()).collect();
        let mut out = Vec::new();
        r.poll(Some(Duration::from_millis(50)), &mut out).unwrap();
        assert!(out.is_empty() && r.due.is_empty(), "{} sources due", r.due.len());
        // All 100 are writable; wanting writes on the last and then the first reports them in
        // the order they became writable.
        let (first, last) = (pairs[0].0, pairs[49].1);
        r.set_interest(last, false, true);
        r.set_interest(first, false, true);
        r.poll(LONG, &mut out).unwrap();
        let order: Vec<SourceId> = out.iter().map(|x| x.source).collect();
        assert_eq!(order, [first, last]);
        assert_eq!(r.due.len(), 2);
        // Losing interest or closing takes a source out of the set.
        r.set_interest(last, false, false);
        assert!(r.close(first));
        r.poll(Some(Duration::ZERO), &mut out).unwrap();
        assert!(out.is_empty() && r.due.is_empty());
    }

    /// A source whose flags are cleared gives up its place at the next poll, and comes back
    /// behind the sources that stayed flagged.
    #[cfg(unix)]
    #[test]
    fn a_source_drained_between_polls_goes_to_the_back() {
        let mut r = reactor();
        let (a1, b1) = r.unix_pair().unwrap();
        let (a2, b2) = r.unix_pair().unwrap();
        r.set_interest(b1, true, false);
        r.set_interest(b2, true, false);
        r.send(a1, b"1").unwrap();
        assert!(poll_until(&mut r, b1).readable);
        r.send(a2, b"2").unwrap();
        let mut out = Vec::new();
        r.poll(LONG, &mut out).unwrap();
        let order: Vec<SourceId> = out.iter().map(|x| x.source).collect();
        assert_eq!(order, [b1, b2]);
        // b1 is drained (both flags: a Unix stream is writable too) and polled without
        // events, so it loses its place; new data puts it behind b2.
        let mut buf = [0u8; 8];
        r.recv(b1, &mut buf).unwrap();
        assert_eq!(r.recv(b1, &mut buf).unwrap_err().kind(), io::ErrorKind::WouldBlock);
        r.clear_writable(b1);
        r.poll(Some(Duration::ZERO), &mut out).unwrap();
        assert_eq!(out.iter().map(|x| x.source).collect::<Vec<_>>(), [b2]);
        r.send(a1, b"1").unwrap();
        r.poll(LONG, &mut out).unwrap();
        assert_eq!(out.iter().map(|x| x.source).collect::<Vec<_>>(), [b2, b1]);
    }

    /// A short stream read clears the readable flag (no `WouldBlock` recv needed); data that
    /// arrives later flags it again.
    #[cfg(unix)]
    #[test]
    fn a_short_read_clears_the_readable_flag() {
        let mut r = reactor();
        let (a, b) = r.unix_pair().unwrap();
        r.set_interest(b, true, false);
        r.send(a, b"abc").unwrap();
        assert!(poll_until(&mut r, b).readable);
        let mut buf = [0u8; 16];
        assert_eq!(r.recv(b, &mut buf).unwrap(), 3);
        let mut out = Vec::new();
        r.poll(Some(Duration::from_millis(20)), &mut out).unwrap();
        assert!(out.iter().all(|x| x.source != b), "drained by the short read: {out:?}");
        r.send(a, b"de").unwrap();
        assert!(poll_until(&mut r, b).readable);
        assert_eq!(r.recv(b, &mut buf).unwrap(), 2);
    }

    /// Data and EOF that arrive before one poll: the short read of the data must leave the
    /// flag set, since no further edge will announce the EOF.
    #[cfg(unix)]
    #[test]
    fn a_short_read_before_eof_keeps_the_flag() {
        let mut r = reactor();
        let (a, b) = r.unix_pair().unwrap();
        r.set_interest(b, true, false);
        r.send(a, b"abc").unwrap();
        r.shutdown(a, Shutdown::Write).unwrap();
        assert!(poll_until(&mut r, b).readable);
        let mut buf = [0u8; 16];
        assert_eq!(r.recv(b, &mut buf).unwrap(), 3);
        let start = Instant::now();
        let mut out = Vec::new();
        r.poll(LONG, &mut out).unwrap();
        assert!(start.elapsed() < PROMPT);
        assert!(out.iter().any(|x| x.source == b && x.readable));
        assert_eq!(r.recv(b, &mut buf).unwrap(), 0);
    }

    #[cfg(unix)]
    #[test]
    fn stale_ids_never_reach_a_new_socket() {
        let mut r = reactor();
        let (a, b) = r.unix_pair().unwrap();
        assert!(r.close(a));
        assert!(!r.close(a));
        let (c, _d) = r.unix_pair().unwrap();
        assert_eq!(c.index, a.index, "slot reused");
        assert_ne!(c.token(), a.token());
        assert!(!r.set_interest(a, true, true));
        assert_eq!(r.send(a, b"x").unwrap_err().kind(), io::ErrorKind::NotConnected);
        assert_eq!(r.source_count(), 3);
        // b's peer is gone: b reads EOF, reported as readable.
        r.set_interest(b, true, false);
        assert!(poll_until(&mut r, b).readable);
        assert_eq!(r.recv(b, &mut [0u8; 4]).unwrap(), 0);
    }

    #[test]
    fn udp_round_trip() {
        let mut r = reactor();
        let any: SocketAddr = "127.0.0.1:0".parse().unwrap();
        let (a, b) = (r.bind_udp(any).unwrap(), r.bind_udp(any).unwrap());
        let PeerAddr::Inet(b_addr) = r.local_addr(b).unwrap() else { panic!("not inet") };
        r.send_to(a, b"ping", b_addr).unwrap();
        r.set_interest(b, true, false);
        assert!(poll_until(&mut r, b).readable);
        let mut buf = [0u8; 8];
        let (n, from) = r.recv_from(b, &mut buf).unwrap();
        assert_eq!(&buf[..n], b"ping");
        assert_eq!(r.local_addr(a).unwrap(), PeerAddr::Inet(from));
        assert_eq!(r.recv(a, &mut buf).unwrap_err().kind(), io::ErrorKind::WouldBlock);
    }
}
