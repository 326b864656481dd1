//! The event loop's notion of time: `loop.time()` as `f64` seconds.
//!
//! Owns: the [`Clock`], either real monotonic time (what CPython's `time.monotonic()` gives the
//! selector loop) or a virtual clock for `gyre --virtual-time` and deterministic tests.
//!
//! Invariants:
//! - `now()` never decreases, for both kinds.
//! - A virtual clock moves only when the loop calls [`Clock::advance_to`], which the loop does
//!   only when it would otherwise block waiting for the next timer; a real clock ignores it.
//! - Times are seconds since the clock was created (plus the chosen start), so they stay small
//!   and keep full `f64` precision for years of uptime.

use std::time::Instant;

/// The resolution CPython reports for `time.monotonic()` on Linux
/// (`time.get_clock_info('monotonic').resolution`). `_run_once` treats a timer as due when
/// `when < now + resolution`, so using the same value keeps the same timers due.
pub const CLOCK_RESOLUTION: f64 = 1e-9;

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
    /// Virtual time: stands still until the loop jumps it to the next deadline.
    Virtual {
        /// The current virtual time in seconds.
        now: f64,
    },
}

impl Clock {
    /// A real monotonic clock reading 0.0 now.
    pub fn real() -> Self {
        Clock::Real { origin: Instant::now(), start: 0.0 }
    }

    /// A virtual clock reading `start`.
    pub fn virtual_at(start: f64) -> Self {
        Clock::Virtual { now: start }
    }

    /// The current time in seconds.
    pub fn now(&self) -> f64 {
        match self {
            Clock::Real { origin, start } => start + origin.elapsed().as_secs_f64(),
            Clock::Virtual { now } => *now,
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
            if when > *now {
                *now = when;
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
        assert_eq!(clock.now(), 12.5);
        assert!(clock.is_virtual());
    }

    #[test]
    fn real_clock_ignores_advance() {
        let mut clock = Clock::real();
        clock.advance_to(1e6);
        assert!(clock.now() < 1.0);
    }
}
