//! A progress line on standard error for long builds: nothing for the first second (most
//! builds are done by then), then `rendering [#####-----] 120/480` redrawn a few times a
//! second, cleared at the end. Quiet unless standard error is a terminal and `CI` is unset.

use std::ffi::OsStr;
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

struct Shared {
    /// Work done in the current stage, e.g. pages rendered.
    done: AtomicUsize,
    /// `(stage name, total)`; total 0 means "no count" (a spinner-less label).
    stage: Mutex<(&'static str, usize)>,
    stopped: Mutex<bool>,
    wake: Condvar,
    /// Held while drawing.
    screen: Mutex<Screen>,
}

/// Where the line is drawn, and whether it is there now.
pub struct Screen {
    on: bool,
    out: Box<dyn Write + Send>,
}

impl Screen {
    /// Clears the line if it is drawn.
    fn clear(&mut self) {
        if self.on {
            let _ = write!(self.out, "\r\x1b[2K");
            let _ = self.out.flush();
            self.on = false;
        }
    }
}

/// A progress line; a no-op when quiet. Dropping it stops and clears the line.
pub struct Progress {
    shared: Arc<Shared>,
    thread: Option<JoinHandle<()>>,
}

/// Whether to draw: on a terminal, outside CI.
pub fn enabled() -> bool {
    enabled_for(
        std::env::var_os("CI").as_deref(),
        std::io::stderr().is_terminal(),
    )
}

/// Whether to draw, given the value of `CI` and whether standard error is a terminal.
fn enabled_for(ci: Option<&OsStr>, terminal: bool) -> bool {
    let ci = ci.is_some_and(|v| !v.is_empty());
    !ci && terminal
}

impl Progress {
    /// Starts a progress line that draws itself after a second, if [`enabled`].
    pub fn start() -> Progress {
        Progress::new(enabled())
    }

    /// A progress line that draws (on standard error) only when `draw` is true.
    pub fn new(draw: bool) -> Progress {
        Progress::drawing_to(Box::new(std::io::stderr()), draw.then_some(DELAY))
    }

    /// A progress line drawn on `out` once `delay` has passed; never drawn without a delay.
    fn drawing_to(out: Box<dyn Write + Send>, delay: Option<Duration>) -> Progress {
        let shared = Arc::new(Shared {
            done: AtomicUsize::new(0),
            stage: Mutex::new(("", 0)),
            stopped: Mutex::new(false),
            wake: Condvar::new(),
            screen: Mutex::new(Screen { on: false, out }),
        });
        let thread = delay.map(|delay| {
            let shared = Arc::clone(&shared);
            std::thread::spawn(move || run(&shared, delay))
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
    pub fn hold(&self) -> MutexGuard<'_, Screen> {
        let mut screen = self
            .shared
            .screen
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        screen.clear();
        screen
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

fn run(shared: &Shared, delay: Duration) {
    if sleep(shared, delay) {
        return;
    }
    loop {
        let (name, total) = *shared.stage.lock().unwrap_or_else(PoisonError::into_inner);
        let done = shared.done.load(Ordering::Relaxed);
        {
            let mut screen = shared.screen.lock().unwrap_or_else(PoisonError::into_inner);
            let _ = write!(screen.out, "\r\x1b[2K{}", line(name, done, total));
            let _ = screen.out.flush();
            screen.on = true;
        }
        if sleep(shared, TICK) {
            break;
        }
    }
    (shared.screen.lock().unwrap_or_else(PoisonError::into_inner)).clear();
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

    /// A writer the test can read back.
    #[derive(Clone, Default)]
    struct Captured(Arc<Mutex<Vec<u8>>>);

    impl Write for Captured {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().write(buf)
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    impl Captured {
        fn text(&self) -> String {
            String::from_utf8(self.0.lock().unwrap().clone()).unwrap()
        }
        /// Waits (up to two seconds) until the text contains `what`.
        fn wait_for(&self, what: &str) -> String {
            let start = std::time::Instant::now();
            while !self.text().contains(what) && start.elapsed() < Duration::from_secs(2) {
                std::thread::sleep(Duration::from_millis(5));
            }
            self.text()
        }
    }

    #[test]
    fn quiet_in_ci_and_off_a_terminal() {
        assert!(enabled_for(None, true));
        assert!(enabled_for(Some(OsStr::new("")), true), "CI set but empty");
        assert!(!enabled_for(Some(OsStr::new("1")), true));
        assert!(!enabled_for(Some(OsStr::new("true")), true));
        assert!(!enabled_for(None, false));
        // The test harness's standard error is captured, not a terminal.
        if !std::io::stderr().is_terminal() {
            assert!(!enabled());
        }
    }

    #[test]
    fn draws_the_stage_redraws_on_one_line_and_clears_at_the_end() {
        let out = Captured::default();
        let p = Progress::drawing_to(Box::new(out.clone()), Some(Duration::ZERO));
        p.stage("rendering", 4);
        p.counter().fetch_add(2, Ordering::Relaxed);
        let bar = format!("rendering [{}{}] 2/4", "#".repeat(12), "-".repeat(12));
        let drawn = out.wait_for(&bar);
        assert!(drawn.starts_with("\r\x1b[2K"), "{drawn:?}");
        assert!(
            !drawn.contains('\n'),
            "a progress line never scrolls: {drawn:?}"
        );
        p.counter().fetch_add(2, Ordering::Relaxed);
        out.wait_for("] 4/4");
        {
            let _held = p.hold();
            let held = out.text();
            assert!(
                held.ends_with("4/4\r\x1b[2K"),
                "hold clears the line: {held:?}"
            );
            std::thread::sleep(TICK * 3);
            assert_eq!(out.text(), held, "nothing is drawn while held");
        }
        let again = out.wait_for("4/4\r\x1b[2K\r\x1b[2Krendering");
        assert!(
            again.contains("4/4\r\x1b[2K\r\x1b[2Krendering"),
            "drawn again after: {again:?}"
        );
        drop(p);
        let all = out.text();
        assert!(
            all.ends_with("4/4\r\x1b[2K"),
            "dropping clears the line: {all:?}"
        );
    }

    #[test]
    fn nothing_is_drawn_before_the_delay_and_dropping_is_prompt() {
        let out = Captured::default();
        let start = std::time::Instant::now();
        let p = Progress::drawing_to(Box::new(out.clone()), Some(DELAY));
        p.stage("loading", 0);
        drop(p);
        assert!(start.elapsed() < DELAY / 2, "{:?}", start.elapsed());
        assert_eq!(out.text(), "");
        // Quiet: no thread, nothing drawn, hold has nothing to clear.
        let out = Captured::default();
        let p = Progress::drawing_to(Box::new(out.clone()), None);
        p.stage("rendering", 1);
        drop(p.hold());
        drop(p);
        assert_eq!(out.text(), "");
    }
}
