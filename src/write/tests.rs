//! Tests of the atomic publish.

use super::*;

mod first {
    use super::*;

    fn files(list: &[(&str, &str)]) -> Vec<(PathBuf, Vec<u8>)> {
        list.iter()
            .map(|(p, b)| (PathBuf::from(p), b.as_bytes().to_vec()))
            .collect()
    }

    fn publish_owned(out: &Path, f: &[(PathBuf, Vec<u8>)]) -> Result<(), Error> {
        publish(out, f.iter().map(|(p, b)| (p.as_path(), b.as_slice())))
    }

    #[test]
    fn safe_join_refuses_escapes() {
        let base = Path::new("/out");
        assert!(safe_join(base, Path::new("data/email/index.html")).is_ok());
        for bad in [
            "../x",
            "/etc/passwd",
            "a/../../b",
            "",
            "con/index.html",
            "data/COM1.html",
            "a/\0b",
        ] {
            assert!(safe_join(base, Path::new(bad)).is_err(), "{bad:?} accepted");
        }
    }

    #[test]
    fn publishes_then_replaces_its_own_output() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        publish_owned(
            &out,
            &files(&[("index.html", "one"), ("data/a/index.html", "a")]),
        )
        .unwrap();
        assert_eq!(
            fs::read_to_string(out.join("data/a/index.html")).unwrap(),
            "a"
        );
        assert!(out.join(MARKER).is_file());
        publish_owned(&out, &files(&[("index.html", "two")])).unwrap();
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "two");
        assert!(!out.join("data").exists(), "stale files must go");
        let leftovers: Vec<_> = fs::read_dir(tmp.path()).unwrap().collect();
        assert_eq!(
            leftovers.len(),
            1,
            "no staging or old directories left behind"
        );
    }

    #[test]
    fn refuses_a_directory_it_did_not_make() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("docs");
        fs::create_dir(&out).unwrap();
        fs::write(out.join("precious.txt"), "keep me").unwrap();
        let err = publish_owned(&out, &files(&[("index.html", "x")])).unwrap_err();
        assert!(
            err.to_string().contains("was not written by candor"),
            "{err}"
        );
        assert_eq!(
            fs::read_to_string(out.join("precious.txt")).unwrap(),
            "keep me"
        );
    }

    #[test]
    fn failed_write_leaves_previous_output() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        publish_owned(&out, &files(&[("index.html", "old")])).unwrap();
        let err = publish_owned(&out, &files(&[("index.html", "new"), ("../evil", "x")]));
        assert!(err.is_err());
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "old");
        let leftovers: Vec<_> = fs::read_dir(tmp.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1);
    }
}

#[cfg(test)]
mod more_tests {
    use super::*;

    fn publish_list(out: &Path, list: &[(&str, &str)]) -> Result<(), Error> {
        publish(out, list.iter().map(|(p, b)| (Path::new(*p), b.as_bytes())))
    }

    /// Every file under `dir` with its contents, and nothing beside it but `dir` itself.
    fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
        let mut v: Vec<_> = walkdir::WalkDir::new(dir)
            .into_iter()
            .map(|e| e.expect("walk"))
            .map(|e| {
                let bytes = if e.file_type().is_file() {
                    fs::read(e.path()).expect("read")
                } else {
                    Vec::new()
                };
                (e.path().to_path_buf(), bytes)
            })
            .collect();
        v.sort();
        v
    }

    #[test]
    fn a_file_where_a_directory_must_go_fails_and_keeps_the_previous_output() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        publish_list(&out, &[("index.html", "old"), ("data/x/index.html", "x")]).unwrap();
        let before = snapshot(tmp.path());
        let err = publish_list(&out, &[("index.html", "new"), ("a", "file"), ("a/b", "f")])
            .unwrap_err()
            .to_string();
        assert_eq!(snapshot(tmp.path()), before, "previous output changed");
        assert!(err.contains(&out.display().to_string()), "{err}");
        assert!(!err.contains("candor-new"), "names the staging dir: {err}");
    }

    #[test]
    fn a_marker_that_is_a_link_does_not_make_a_directory_replaceable() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("docs");
        fs::create_dir(&out).unwrap();
        fs::write(out.join("precious.txt"), "keep").unwrap();
        fs::write(tmp.path().join("elsewhere"), "a marker elsewhere").unwrap();
        std::os::unix::fs::symlink(tmp.path().join("elsewhere"), out.join(MARKER)).unwrap();
        let err = publish_list(&out, &[("index.html", "x")]).unwrap_err();
        assert!(err.to_string().contains("not written by candor"), "{err}");
        assert_eq!(
            fs::read_to_string(out.join("precious.txt")).unwrap(),
            "keep"
        );
    }

    #[test]
    fn replacing_never_follows_a_link_in_the_previous_output() {
        let tmp = tempfile::tempdir().unwrap();
        let outside = tmp.path().join("outside");
        fs::create_dir(&outside).unwrap();
        fs::write(outside.join("keep.txt"), "keep").unwrap();
        let out = tmp.path().join("public");
        publish_list(&out, &[("index.html", "one")]).unwrap();
        std::os::unix::fs::symlink(&outside, out.join("data")).unwrap();
        std::os::unix::fs::symlink(outside.join("keep.txt"), out.join("index2.html")).unwrap();
        publish_list(&out, &[("index.html", "two"), ("data/index.html", "d")]).unwrap();
        assert_eq!(
            fs::read_to_string(outside.join("keep.txt")).unwrap(),
            "keep"
        );
        assert_eq!(fs::read_dir(&outside).unwrap().count(), 1);
        assert!(fs::symlink_metadata(out.join("data")).unwrap().is_dir());
        assert!(!out.join("index2.html").exists());
    }

    #[test]
    fn a_long_output_name_still_builds() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("p".repeat(250));
        publish_list(&out, &[("index.html", "one")]).unwrap();
        publish_list(&out, &[("index.html", "two")]).unwrap();
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "two");
        assert_eq!(fs::read_dir(tmp.path()).unwrap().count(), 1);
    }

    #[test]
    fn reserved_names_are_refused_by_name() {
        let err = safe_join(Path::new("/out"), Path::new("img/aux.png")).unwrap_err();
        assert!(err.to_string().contains("reserved device name"), "{err}");
    }
}
