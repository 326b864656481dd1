//! The event loop's notion of time: `loop.time()` as `f64` seconds.
//!
//! Owns: the [`Clock`], either real monotonic time (what CPython's `time.monotonic()` gives the
//! selector loop) or a virtual clock for `gyre --virtual-time` and deterministic tests.
//!
//! Invariants:
//! - `now()` never decreases, for both kinds.
//! - A virtual clock moves when the loop calls [`Clock::advance_to`], which the loop does
//!   only when it would otherwise block waiting for the next timer (a real clock ignores it),
//!   and by [`VIRTUAL_TICK`] at each reading, as real time passes between two readings: timers
//!   set one after another keep the order they would have in real time instead of tying.
//! - Times are seconds since the clock was created (plus the chosen start), so they stay small
//!   and keep full `f64` precision for years of uptime.

use std::cell::Cell;
use std::time::Instant;

/// The resolution CPython reports for `time.monotonic()` on Linux
/// (`time.get_clock_info('monotonic').resolution`). `_run_once` treats a timer as due when
/// `when < now + resolution`, so using the same value keeps the same timers due.
pub const CLOCK_RESOLUTION: f64 = 1e-9;

/// How far a virtual clock moves at each reading: one nanosecond, the resolution of the real
/// clock. Without it, every `sleep(d)` started in the same loop iteration would get the very
/// same deadline, and the heap would wake the tasks in heap order rather than in the order
/// they went to sleep, as they do in real time.
pub const VIRTUAL_TICK: f64 = 1e-9;

/// Where `loop.time()` comes from.
#[derive(Debug, Clone)]
pub enum Clock {
    /// Real monotonic time: `start + seconds elapsed since origin`.
    Real {
        /// The instant that maps to `start`.
        origin: Instant,
        /// The value `now()` returned at `origin`.
        start: f64,
    },
    /// Virtual time: moves a nanosecond per reading, and jumps to the next deadline when the
    /// loop would wait.
    Virtual {
        /// The current virtual time in seconds.
        now: Cell<f64>,
    },
}

impl Clock {
    /// A real monotonic clock reading 0.0 now.
    pub fn real() -> Self {
        Clock::Real { origin: Instant::now(), start: 0.0 }
    }

    /// A virtual clock reading `start`.
    pub fn virtual_at(start: f64) -> Self {
        Clock::Virtual { now: Cell::new(start) }
    }

    /// The current time in seconds.
    pub fn now(&self) -> f64 {
        match self {
            Clock::Real { origin, start } => start + origin.elapsed().as_secs_f64(),
            Clock::Virtual { now } => {
                let t = now.get();
                now.set(t + VIRTUAL_TICK);
                t
            }
        }
    }

    /// The clock's resolution in seconds (see [`CLOCK_RESOLUTION`]).
    pub fn resolution(&self) -> f64 {
        CLOCK_RESOLUTION
    }

    /// Whether this clock is virtual (the loop then never sleeps waiting for a timer).
    pub fn is_virtual(&self) -> bool {
        matches!(self, Clock::Virtual { .. })
    }

    /// Jumps a virtual clock forward to `when`; never backwards, and never for NaN. A real clock
    /// is unaffected.
    pub fn advance_to(&mut self, when: f64) {
        if let Clock::Virtual { now } = self {
            if when > now.get() {
                now.set(when);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_clock_is_monotonic_and_starts_near_zero() {
        let clock = Clock::real();
        let a = clock.now();
        let b = clock.now();
        assert!((0.0..1.0).contains(&a));
        assert!(b >= a);
        assert!(!clock.is_virtual());
    }

    #[test]
    fn virtual_clock_only_moves_forward_on_request() {
        let mut clock = Clock::virtual_at(10.0);
        assert_eq!(clock.now(), 10.0);
        clock.advance_to(12.5);
        assert_eq!(clock.now(), 12.5);
        clock.advance_to(11.0);
        clock.advance_to(f64::NAN);
        assert!((clock.now() - 12.5).abs() < 1e-6);
        assert!(clock.is_virtual());
    }

    #[test]
    fn virtual_readings_keep_their_order() {
        let clock = Clock::virtual_at(3600.0);
        let (a, b) = (clock.now(), clock.now());
        assert!(b > a && b - a < 1e-6);
    }

    #[test]
    fn real_clock_ignores_advance() {
        let mut clock = Clock::real();
        clock.advance_to(1e6);
        assert!(clock.now() < 1.0);
    }
}
