//! CPU clocks for the benchmark examples (`#[path]`-included by `shacl_bench` and `budgets`):
//! on a machine shared with other work, CPU time stays meaningful where wall time does not.
//!
//! `clock_gettime` is what Python's `time.process_time` reads for the other engines.
//! `/proc/thread-self/schedstat` would need no FFI but only advances at scheduler ticks (4 ms
//! here), too coarse for one record. Elsewhere than 64-bit Linux both clocks read 0.
#![allow(dead_code)]

#[cfg(all(target_os = "linux", target_pointer_width = "64"))]
#[allow(unsafe_code)]
fn clock_us(clock: i32) -> f64 {
    #[repr(C)]
    struct Timespec {
        tv_sec: i64,
        tv_nsec: i64,
    }
    extern "C" {
        fn clock_gettime(clock: i32, tp: *mut Timespec) -> i32;
    }
    let mut t = Timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `t` is a valid, writable timespec; the libc function only writes into it.
    if unsafe { clock_gettime(clock, &mut t) } != 0 {
        return 0.0;
    }
    t.tv_sec as f64 * 1e6 + t.tv_nsec as f64 / 1e3
}

#[cfg(not(all(target_os = "linux", target_pointer_width = "64")))]
fn clock_us(_clock: i32) -> f64 {
    0.0
}

/// CPU time of the calling thread, in µs (`CLOCK_THREAD_CPUTIME_ID`).
pub fn thread_us() -> f64 {
    clock_us(3)
}

/// CPU time of the whole process (all threads), in µs (`CLOCK_PROCESS_CPUTIME_ID`).
pub fn process_us() -> f64 {
    clock_us(2)
}
