//! Writing to standard output and standard error without ever panicking: `print!` and
//! `eprintln!` panic on a closed pipe or a full disk (exit 101). Output to standard output
//! reports its errors (exit 2); a closed pipe (`candor check | head`) ends it quietly, as in
//! ripgrep. Messages on standard error are best effort: there is nowhere left to report to.

use std::io::{self, Write};

use crate::diag::Error;

/// `eprintln!` that never panics; see [`stderr_line`].
#[macro_export]
macro_rules! note {
    ($($arg:tt)*) => {
        $crate::out::stderr_line(format_args!($($arg)*))
    };
}

/// Writes one line to standard error, ignoring failures.
pub fn stderr_line(args: std::fmt::Arguments<'_>) {
    let mut err = io::stderr().lock();
    let _ = err.write_fmt(args).and_then(|()| err.write_all(b"\n"));
}

/// Writes `text` to standard output and flushes it. A closed pipe is not an error; any other
/// failure is, naming standard output.
pub fn stdout(text: &[u8]) -> Result<(), Error> {
    let mut out = io::stdout().lock();
    match out.write_all(text).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Error::io("cannot write to", "standard output", e)),
    }
}

/// Writes `bytes` to `path` through a temporary file in the same folder, renamed over it at
/// the end: a failure leaves the previous file as it was.
pub fn replace_file(path: &std::path::Path, bytes: &[u8]) -> Result<(), Error> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => std::path::Path::new("."),
    };
    let name = path
        .file_name()
        .map_or_else(|| "out".into(), |n| n.to_string_lossy());
    let tmp = dir.join(format!(".{name}.candor-tmp-{}", std::process::id()));
    let written = std::fs::File::create(&tmp).and_then(|mut f| {
        f.write_all(bytes)?;
        f.sync_all()
    });
    let result = written
        .map_err(|e| Error::io("cannot write", path, e))
        .and_then(|()| std::fs::rename(&tmp, path).map_err(|e| Error::io("cannot write", path, e)));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}
