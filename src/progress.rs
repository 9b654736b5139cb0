//! A progress line on standard error for long builds: nothing for the first second (most
//! builds are done by then), then `rendering [#####-----] 120/480` redrawn a few times a
//! second, cleared at the end. Quiet unless standard error is a terminal and `CI` is unset.

use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::thread::JoinHandle;
use std::time::Duration;

/// Nothing is drawn before this.
const DELAY: Duration = Duration::from_secs(1);
/// How often the line is redrawn.
const TICK: Duration = Duration::from_millis(120);
const WIDTH: usize = 24;

#[derive(Default)]
struct Shared {
    /// Work done in the current stage, e.g. pages rendered.
    done: AtomicUsize,
    /// `(stage name, total)`; total 0 means "no count" (a spinner-less label).
    stage: Mutex<(&'static str, usize)>,
    stopped: Mutex<bool>,
    wake: Condvar,
    /// Held while drawing; true while a line is on the screen.
    screen: Mutex<bool>,
}

/// A progress line; a no-op when quiet. Dropping it stops and clears the line.
pub struct Progress {
    shared: Arc<Shared>,
    thread: Option<JoinHandle<()>>,
}

/// Whether to draw: on a terminal, outside CI.
pub fn enabled() -> bool {
    let ci = std::env::var_os("CI").is_some_and(|v| !v.is_empty());
    !ci && std::io::stderr().is_terminal()
}

impl Progress {
    /// Starts a progress line that draws itself after a second, if [`enabled`].
    pub fn start() -> Progress {
        Progress::new(enabled())
    }

    /// A progress line that draws only when `draw` is true.
    pub fn new(draw: bool) -> Progress {
        let shared = Arc::new(Shared::default());
        let thread = draw.then(|| {
            let shared = Arc::clone(&shared);
            std::thread::spawn(move || run(&shared))
        });
        Progress { shared, thread }
    }

    /// Enters a stage of the build, e.g. `("rendering", pages)`; the count restarts at 0.
    pub fn stage(&self, name: &'static str, total: usize) {
        *self
            .shared
            .stage
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = (name, total);
        self.shared.done.store(0, Ordering::Relaxed);
    }

    /// Clears the line and keeps it clear while the guard lives, so other output (a
    /// warning, a summary) can be printed on a line of its own.
    pub fn hold(&self) -> MutexGuard<'_, bool> {
        let mut on_screen = self
            .shared
            .screen
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if *on_screen {
            let mut err = std::io::stderr();
            let _ = write!(err, "\r\x1b[2K");
            let _ = err.flush();
            *on_screen = false;
        }
        on_screen
    }

    /// The counter of the current stage, for workers to add to.
    pub fn counter(&self) -> &AtomicUsize {
        &self.shared.done
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        *self
            .shared
            .stopped
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = true;
        self.shared.wake.notify_all();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// Waits `d` or until stopped; true when stopped.
fn sleep(shared: &Shared, d: Duration) -> bool {
    let stopped = shared
        .stopped
        .lock()
        .unwrap_or_else(PoisonError::into_inner);
    let (stopped, _) = shared
        .wake
        .wait_timeout_while(stopped, d, |s| !*s)
        .unwrap_or_else(PoisonError::into_inner);
    *stopped
}

fn run(shared: &Shared) {
    if sleep(shared, DELAY) {
        return;
    }
    let mut err = std::io::stderr();
    loop {
        let (name, total) = *shared.stage.lock().unwrap_or_else(PoisonError::into_inner);
        let done = shared.done.load(Ordering::Relaxed);
        {
            let mut on_screen = shared.screen.lock().unwrap_or_else(PoisonError::into_inner);
            let _ = write!(err, "\r\x1b[2K{}", line(name, done, total));
            let _ = err.flush();
            *on_screen = true;
        }
        if sleep(shared, TICK) {
            break;
        }
    }
    let mut on_screen = shared.screen.lock().unwrap_or_else(PoisonError::into_inner);
    if *on_screen {
        let _ = write!(err, "\r\x1b[2K");
        let _ = err.flush();
        *on_screen = false;
    }
}

/// The text of the line: `rendering [#####-----] 120/480`, or the stage alone without a total.
pub fn line(name: &str, done: usize, total: usize) -> String {
    if total == 0 {
        return format!("{name}...");
    }
    let done = done.min(total);
    let filled = done * WIDTH / total;
    format!(
        "{name} [{}{}] {done}/{total}",
        "#".repeat(filled),
        "-".repeat(WIDTH - filled)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_shows_the_share_done() {
        assert_eq!(line("loading", 0, 0), "loading...");
        assert_eq!(
            line("rendering", 12, 24),
            format!("rendering [{}{}] 12/24", "#".repeat(12), "-".repeat(12))
        );
        assert!(line("rendering", 99, 10).ends_with("] 10/10"));
    }

    #[test]
    fn a_quiet_progress_counts_and_stops_without_a_thread() {
        let p = Progress::new(false);
        p.stage("rendering", 3);
        p.counter().fetch_add(2, Ordering::Relaxed);
        assert_eq!(p.counter().load(Ordering::Relaxed), 2);
        assert!(p.thread.is_none());
    }

    #[test]
    fn a_drawing_progress_stops_promptly_when_dropped() {
        // Dropped long before the delay: the thread wakes and ends without drawing.
        let p = Progress::new(true);
        p.stage("loading", 0);
        drop(p);
    }
}
