//! Where an output folder may not be: around the site (a rebuild would delete its sources) or
//! inside one of its input folders (every build would be read into the next one, an internal
//! build into a public one).

use std::path::{Component, Path, PathBuf};

use crate::diag::Error;

/// The folders of a site that are read.
const INPUTS: [&str; 3] = ["content", "static", "templates"];

/// Refuses `output` when it contains or is one of `roots` (the site and any other site the
/// build reads, e.g. `--previous`), or lies inside one of their input folders.
pub fn check_placement(output: &Path, roots: &[&Path]) -> Result<(), Error> {
    let out = resolve(output);
    for root in roots {
        let r = resolve(root);
        if r.starts_with(&out) {
            return Err(Error::Usage(format!(
                "refusing to build into `{}`: it contains the site folder `{}`, which a build \
                 would replace. Choose an output folder outside the site, e.g. `{}`.",
                output.display(),
                root.display(),
                root.join("public").display()
            )));
        }
        for input in INPUTS {
            let folder = resolve(&root.join(input));
            if folder.starts_with(&out) {
                return Err(Error::Usage(format!(
                    "refusing to build into `{}`: it contains `{}`, which the build reads and a \
                     build would replace. Choose an output folder outside the site.",
                    output.display(),
                    root.join(input).display()
                )));
            }
            if out.starts_with(&folder) {
                return Err(Error::Usage(format!(
                    "refusing to build into `{}`: it is inside `{}`, which the build reads, so \
                     every build would be published again by the next one. Choose an output \
                     folder outside {input}/, e.g. `{}`.",
                    output.display(),
                    root.join(input).display(),
                    root.join("public").display()
                )));
            }
        }
    }
    Ok(())
}

/// `path` made absolute with every link resolved, as far as it exists; the rest appended
/// with `.` and `..` applied.
fn resolve(path: &Path) -> PathBuf {
    let abs = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    let mut existing = abs.as_path();
    let mut rest = Vec::new();
    loop {
        if let Ok(c) = std::fs::canonicalize(existing) {
            let mut out = c;
            for comp in rest.iter().rev() {
                match comp {
                    Component::ParentDir => {
                        out.pop();
                    }
                    Component::Normal(n) => out.push(n),
                    _ => {}
                }
            }
            return out;
        }
        match (existing.parent(), existing.components().next_back()) {
            (Some(parent), Some(last)) => {
                rest.push(last);
                existing = parent;
            }
            _ => return abs,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_around_the_site_and_inside_its_inputs() {
        let tmp = tempfile::tempdir().expect("tmp");
        let site = tmp.path().join("work/site");
        std::fs::create_dir_all(site.join("static")).expect("mkdir");
        let ok = |o: &Path| check_placement(o, &[&site]);
        assert!(ok(&site.join("public")).is_ok());
        assert!(ok(&tmp.path().join("out")).is_ok());
        assert!(ok(&site).is_err());
        assert!(ok(&tmp.path().join("work")).is_err());
        assert!(ok(&site.join("public/../..")).is_err());
        assert!(ok(&site.join("static/out")).is_err());
        assert!(ok(&site.join("content/x/y")).is_err());
        assert!(ok(&site.join("templates")).is_err());
    }
}
