//! What the server serves: the files of the last good build, the error of the last build if
//! it failed, and a generation number that changes with every build, good or bad, which open
//! pages wait on to reload.

use std::collections::HashMap;
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use crate::render::OutputFile;

/// Files by URL path relative to the site root (`data/email/index.html`).
pub type Files = HashMap<String, Arc<[u8]>>;

/// One moment of the server's state; cheap to clone.
#[derive(Debug, Clone, Default)]
pub struct Snapshot {
    /// Bumped by every build.
    pub generation: u64,
    /// The last good build (empty until one succeeds).
    pub files: Arc<Files>,
    /// Whether any build has succeeded yet.
    pub built: bool,
    /// Why the last build failed, when it did.
    pub error: Option<Arc<str>>,
}

/// The shared state, and a condition variable for waiting on the next build.
#[derive(Debug, Default)]
pub struct State {
    inner: Mutex<Snapshot>,
    changed: Condvar,
}

impl State {
    pub fn new() -> Self {
        State::default()
    }

    /// The lock, even if a thread panicked while holding it (the snapshot is always whole).
    fn lock(&self) -> MutexGuard<'_, Snapshot> {
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }

    pub fn snapshot(&self) -> Snapshot {
        self.lock().clone()
    }

    /// A good build: its files replace the previous ones and any error is cleared. A build
    /// identical to the one served (say, after an editor touched a swap file) changes nothing,
    /// so open pages do not reload; returns whether anything changed.
    pub fn publish(&self, files: Vec<OutputFile>) -> bool {
        let map: Files = files
            .into_iter()
            .map(|f| {
                let path = f.path.to_string_lossy().replace('\\', "/");
                (path, Arc::from(f.bytes))
            })
            .collect();
        let mut s = self.lock();
        if s.built && s.error.is_none() && *s.files == map {
            return false;
        }
        s.generation += 1;
        s.files = Arc::new(map);
        s.built = true;
        s.error = None;
        drop(s);
        self.changed.notify_all();
        true
    }

    /// A failed build: the last good files stay, the error is shown over them.
    pub fn fail(&self, message: String) {
        let mut s = self.lock();
        s.generation += 1;
        s.error = Some(Arc::from(message));
        drop(s);
        self.changed.notify_all();
    }

    /// Waits until the generation differs from `since` or `timeout` passes; returns the
    /// generation then.
    pub fn wait_change(&self, since: u64, timeout: Duration) -> u64 {
        let deadline = Instant::now() + timeout;
        let mut s = self.lock();
        while s.generation == since {
            let now = Instant::now();
            if now >= deadline {
                break;
            }
            s = self
                .changed
                .wait_timeout(s, deadline - now)
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
        s.generation
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_build_keeps_the_last_good_files() {
        let st = State::new();
        assert!(!st.snapshot().built);
        assert!(st.publish(vec![OutputFile {
            path: "data/index.html".into(),
            bytes: b"ok".to_vec(),
        }]));
        st.fail("broken".into());
        let s = st.snapshot();
        assert_eq!(s.generation, 2);
        assert!(s.built);
        assert_eq!(s.error.as_deref(), Some("broken"));
        assert_eq!(s.files["data/index.html"].as_ref(), b"ok");
        assert!(st.publish(Vec::new()));
        assert!(st.snapshot().error.is_none());
        assert_eq!(st.snapshot().generation, 3);
    }

    #[test]
    fn the_same_build_again_changes_nothing() {
        let st = State::new();
        let files = || {
            vec![OutputFile {
                path: "index.html".into(),
                bytes: b"same".to_vec(),
            }]
        };
        assert!(st.publish(files()));
        assert!(!st.publish(files()));
        assert_eq!(st.snapshot().generation, 1);
        // After a failure, the same good build clears the error: that is a change.
        st.fail("x".into());
        assert!(st.publish(files()));
        assert_eq!(st.snapshot().generation, 3);
    }

    #[test]
    fn waiting_returns_at_once_when_the_generation_already_moved() {
        let st = State::new();
        st.fail("x".into());
        assert_eq!(st.wait_change(0, Duration::from_secs(60)), 1);
        assert_eq!(st.wait_change(1, Duration::ZERO), 1);
    }

    #[test]
    fn waiting_wakes_on_the_next_build() {
        let st = Arc::new(State::new());
        let waiter = {
            let st = Arc::clone(&st);
            std::thread::spawn(move || st.wait_change(0, Duration::from_secs(60)))
        };
        st.publish(Vec::new());
        assert_eq!(waiter.join().unwrap(), 1);
    }
}
