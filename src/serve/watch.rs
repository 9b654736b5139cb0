//! Watching a site folder for changes (notify), debounced: a burst of events (an editor's
//! save, a `git checkout`) makes one rebuild. Only the site's sources are watched: candor.toml
//! and content/, templates/ and static/ (never the output or, say, a `target/` beside them).

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::{Duration, Instant};

use notify::event::{AccessKind, AccessMode};
use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher};

/// The folders of a site whose files feed a build.
const SOURCE_DIRS: [&str; 3] = ["content", "templates", "static"];
/// A burst is over when no event came for this long.
const QUIET: Duration = Duration::from_millis(25);
/// A burst never delays a rebuild by more than this.
const MAX_DELAY: Duration = Duration::from_millis(400);

/// Whether an event can change a build of the site at `root` (an absolute path).
pub fn relevant(root: &Path, event: &Event) -> bool {
    let kind_counts = match event.kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        _ => true,
    };
    kind_counts
        && event.paths.iter().any(|p| {
            p == &root.join("candor.toml")
                || SOURCE_DIRS.iter().any(|d| p.starts_with(root.join(d)))
        })
}

/// Watches `root` until the process ends, calling `rebuild` once after each burst of
/// relevant changes. `ready` is called once every folder is watched, so no change made after
/// it is missed. Returns only if the watcher cannot start or its channel closes.
pub fn watch(root: &Path, ready: impl FnOnce(), mut rebuild: impl FnMut()) -> notify::Result<()> {
    let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let (tx, rx) = mpsc::channel::<notify::Result<Event>>();
    let mut watcher = notify::recommended_watcher(tx)?;
    watcher.watch(&root, RecursiveMode::NonRecursive)?;
    let mut watched = HashSet::new();
    keep_watching(&mut watcher, &root, &mut watched);
    ready();
    loop {
        let Ok(first) = rx.recv() else {
            return Ok(());
        };
        if !first.is_ok_and(|e| relevant(&root, &e)) {
            continue;
        }
        let deadline = Instant::now() + MAX_DELAY;
        loop {
            match rx.recv_timeout(QUIET) {
                Ok(_) if Instant::now() < deadline => {}
                Ok(_) | Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return Ok(()),
            }
        }
        keep_watching(&mut watcher, &root, &mut watched);
        rebuild();
    }
}

/// Watches each source folder that exists (recursively), and forgets those that went away,
/// so a folder created while serving is picked up.
fn keep_watching(watcher: &mut RecommendedWatcher, root: &Path, watched: &mut HashSet<PathBuf>) {
    for dir in SOURCE_DIRS.map(|d| root.join(d)) {
        let exists = dir.is_dir();
        if exists && !watched.contains(&dir) {
            match watcher.watch(&dir, RecursiveMode::Recursive) {
                Ok(()) => {
                    watched.insert(dir);
                }
                Err(e) => eprintln!("warning: cannot watch {}: {e}", dir.display()),
            }
        } else if !exists && watched.remove(&dir) {
            let _ = watcher.unwatch(&dir);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::{CreateKind, ModifyKind};

    fn event(kind: EventKind, path: &str) -> Event {
        Event::new(kind).add_path(PathBuf::from(path))
    }

    #[test]
    fn only_source_files_count() {
        let root = Path::new("/site");
        let modify = EventKind::Modify(ModifyKind::Any);
        assert!(relevant(
            root,
            &event(modify, "/site/content/inventory/a.csv")
        ));
        assert!(relevant(root, &event(modify, "/site/candor.toml")));
        assert!(relevant(
            root,
            &event(EventKind::Create(CreateKind::Folder), "/site/templates")
        ));
        assert!(!relevant(root, &event(modify, "/site/public/index.html")));
        assert!(!relevant(root, &event(modify, "/site/target/debug/x")));
        assert!(!relevant(root, &event(modify, "/site/README.md")));
        let read = EventKind::Access(AccessKind::Read);
        assert!(!relevant(
            root,
            &event(read, "/site/content/inventory/a.csv")
        ));
        let closed = EventKind::Access(AccessKind::Close(AccessMode::Write));
        assert!(relevant(
            root,
            &event(closed, "/site/content/inventory/a.csv")
        ));
    }
}
