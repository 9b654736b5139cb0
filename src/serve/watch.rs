//! Watching a site folder for changes (notify), debounced: a burst of events (an editor's
//! save, a `git checkout`) makes one rebuild. Only the site's sources are watched: candor.toml
//! and content/, templates/ and static/ (never the output or, say, a `target/` beside them).

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
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
            !is_scratch(p)
                && (p == &root.join("candor.toml")
                    || SOURCE_DIRS.iter().any(|d| p.starts_with(root.join(d))))
        })
}

/// Editors' swap, backup and lock files, which no build reads.
fn is_scratch(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    name.starts_with(".#")
        || name.ends_with('~')
        || [".swp", ".swx", ".swo"]
            .iter()
            .any(|ext| name.ends_with(ext))
}

/// A watcher on a site's sources, already registered: changes made after [`Watch::start`]
/// returns are never missed.
pub struct Watch {
    root: PathBuf,
    watcher: RecommendedWatcher,
    events: Receiver<notify::Result<Event>>,
    watched: HashSet<PathBuf>,
}

impl Watch {
    /// Starts watching `root` (candor.toml and the source folders that exist).
    pub fn start(root: &Path) -> notify::Result<Watch> {
        let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
        let (tx, events) = mpsc::channel::<notify::Result<Event>>();
        let mut watcher = notify::recommended_watcher(tx)?;
        watcher.watch(&root, RecursiveMode::NonRecursive)?;
        let mut watch = Watch {
            root,
            watcher,
            events,
            watched: HashSet::new(),
        };
        watch.keep_watching();
        Ok(watch)
    }

    /// Calls `rebuild` once after each burst of relevant changes, until the process ends.
    pub fn run(mut self, mut rebuild: impl FnMut()) {
        loop {
            let Ok(first) = self.events.recv() else {
                return;
            };
            if !first.is_ok_and(|e| relevant(&self.root, &e)) {
                continue;
            }
            let deadline = Instant::now() + MAX_DELAY;
            loop {
                match self.events.recv_timeout(QUIET) {
                    Ok(_) if Instant::now() < deadline => {}
                    Ok(_) | Err(RecvTimeoutError::Timeout) => break,
                    Err(RecvTimeoutError::Disconnected) => return,
                }
            }
            self.keep_watching();
            rebuild();
        }
    }

    /// Watches each source folder that exists (recursively), and forgets those that went
    /// away, so a folder created while serving is picked up.
    fn keep_watching(&mut self) {
        for dir in SOURCE_DIRS.map(|d| self.root.join(d)) {
            let exists = dir.is_dir();
            if exists && !self.watched.contains(&dir) {
                match self.watcher.watch(&dir, RecursiveMode::Recursive) {
                    Ok(()) => {
                        self.watched.insert(dir);
                    }
                    Err(e) => crate::note!("warning: cannot watch {}: {e}", dir.display()),
                }
            } else if !exists && self.watched.remove(&dir) {
                let _ = self.watcher.unwatch(&dir);
            }
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
        assert!(!relevant(
            root,
            &event(modify, "/site/content/inventory/.a.csv.swp")
        ));
        assert!(!relevant(
            root,
            &event(modify, "/site/content/inventory/a.csv~")
        ));
        assert!(!relevant(
            root,
            &event(modify, "/site/content/models/.#card.md")
        ));
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
