//! Sub-millisecond poll deadlines: a Linux `timerfd` that ends the reactor's poll at the exact
//! time the next timer is due.
//!
//! Why: `epoll_wait` takes its timeout in whole milliseconds, and mio rounds up so that a poll
//! never returns before its timeout, which made every timer fire 0.5 ms late on average (the
//! same as CPython's selector loop). A timerfd armed for the exact wait is one more source in
//! the same epoll set: its expiry ends the poll with nanosecond resolution, still never early
//! (a timerfd never expires before the time it was set for).
//!
//! Only the reactor uses it, and only for a poll whose wait is not a whole number of
//! milliseconds; elsewhere (no timerfd, another OS) polls fall back to rounding up.

use std::io;
use std::time::Duration;

#[cfg(target_os = "linux")]
mod imp {
    use std::io;
    use std::os::fd::{AsRawFd, OwnedFd};
    use std::time::Duration;

    use mio::unix::SourceFd;
    use mio::{Interest, Registry, Token};
    use rustix::time::{
        timerfd_create, timerfd_settime, Itimerspec, TimerfdClockId, TimerfdFlags, TimerfdTimerFlags,
        Timespec,
    };

    /// A monotonic, non-blocking timerfd registered with the poll.
    #[derive(Debug)]
    pub struct PreciseWake {
        fd: OwnedFd,
    }

    impl PreciseWake {
        pub fn new(registry: &Registry, token: Token) -> io::Result<PreciseWake> {
            let fd =
                timerfd_create(TimerfdClockId::Monotonic, TimerfdFlags::NONBLOCK | TimerfdFlags::CLOEXEC)?;
            registry.register(&mut SourceFd(&fd.as_raw_fd()), token, Interest::READABLE)?;
            Ok(PreciseWake { fd })
        }

        /// Expires once, `after` from now (replacing any earlier setting).
        pub fn arm(&self, after: Duration) -> io::Result<()> {
            let value = Itimerspec {
                it_interval: Timespec { tv_sec: 0, tv_nsec: 0 },
                it_value: Timespec {
                    tv_sec: after.as_secs().try_into().unwrap_or(i64::MAX),
                    tv_nsec: after.subsec_nanos().into(),
                },
            };
            timerfd_settime(&self.fd, TimerfdTimerFlags::empty(), &value)?;
            Ok(())
        }

        /// Consumes an expiry so the next one is reported again.
        pub fn clear(&self) {
            let mut count = [0u8; 8];
            let _ = rustix::io::read(&self.fd, &mut count);
        }
    }
}

#[cfg(not(target_os = "linux"))]
mod imp {
    use std::io;
    use std::time::Duration;

    use mio::{Registry, Token};

    /// No timerfd here: polls round their waits up to whole milliseconds.
    #[derive(Debug)]
    pub struct PreciseWake;

    impl PreciseWake {
        pub fn new(_registry: &Registry, _token: Token) -> io::Result<PreciseWake> {
            Err(io::Error::new(io::ErrorKind::Unsupported, "no timerfd"))
        }

        pub fn arm(&self, _after: Duration) -> io::Result<()> {
            Ok(())
        }

        pub fn clear(&self) {}
    }
}

pub use imp::PreciseWake;

/// Whether a poll waiting `wait` needs the timerfd: a positive wait with a sub-millisecond
/// part (whole milliseconds are exact for `epoll_wait` already).
pub fn needs_precise_wake(wait: Option<Duration>) -> bool {
    wait.is_some_and(|w| !w.is_zero() && w.subsec_nanos() % 1_000_000 != 0)
}

/// Arms `wake` for a poll waiting `wait`, if it needs it; an arming failure only costs
/// precision (the poll's own timeout still rounds up).
pub fn arm_for(wake: Option<&PreciseWake>, wait: Option<Duration>) -> io::Result<()> {
    match (wake, wait) {
        (Some(w), Some(t)) if needs_precise_wake(wait) => w.arm(t),
        _ => Ok(()),
    }
}
