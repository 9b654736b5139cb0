//! The record of processing is internal by default (GDPR Art. 30: it is kept for the
//! supervisory authority), whatever candor.toml's `audience`, and carries the Art. 30(1)(a)
//! controller details from candor.toml.

mod common;

use std::path::Path;

use common::{candor, copy_site, read, write};

fn ropa(root: &Path, audience: Option<&str>) -> String {
    let mut cmd = candor();
    cmd.args(["export", "--format", "ropa-csv", "--root"])
        .arg(root);
    if let Some(a) = audience {
        cmd.args(["--audience", a]);
    }
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn ropa_defaults_to_internal_even_when_the_site_is_public() {
    let demo = Path::new(env!("CARGO_MANIFEST_DIR"));
    assert!(read(&demo.join("candor.toml")).contains("audience = \"public\""));
    let default = ropa(demo, None);
    assert_eq!(default, ropa(demo, Some("internal")));
    let public = ropa(demo, Some("public"));
    assert_ne!(default, public, "the demo has internal processing");
    // The internal record has the owner and note columns the public one leaves out.
    assert_ne!(default.lines().next(), public.lines().next());
}

#[test]
fn controller_details_come_from_candor_toml() {
    let site = copy_site("site");
    let toml = read(&site.path().join("candor.toml"));
    let toml = format!("{toml}\n[controller]\nrepresentative = \"EU Rep GmbH, rep@example.eu\"\njoint_controllers = [\"Partner AG, privacy@partner.example\", \"Other BV\"]\n");
    write(site.path(), "candor.toml", toml);
    let text = ropa(site.path(), Some("public"));
    let mut rows = csv::Reader::from_reader(text.as_bytes());
    let headers = rows.headers().unwrap().clone();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no {name}: {headers:?}"))
    };
    let (rep, joint) = (col("eu_representative"), col("joint_controllers"));
    assert_eq!(col("dpo") + 1, rep);
    let first = rows.records().next().unwrap().unwrap();
    assert_eq!(&first[rep], "EU Rep GmbH, rep@example.eu");
    assert!(
        first[joint].contains("Partner AG, privacy@partner.example")
            && first[joint].contains("Other BV"),
        "{}",
        &first[joint]
    );
    // A misspelt key is an error, as everywhere in candor.toml.
    let bad = read(&site.path().join("candor.toml")).replace("representative =", "represntative =");
    write(site.path(), "candor.toml", bad);
    let out = candor()
        .args(["export", "--format", "ropa-csv", "--root"])
        .arg(site.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}
