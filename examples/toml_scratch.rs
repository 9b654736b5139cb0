use candor::load::{parse_config, SourceFile};
use std::path::Path;
use std::sync::Arc;
fn main() {
    let cases = [
        "title = \"x\nb = 1\n",
        "[review]\nmax_age_days = \"one year\"\n",
        "audience = \"everyone\"\n",
        "title = \"a\"\ntitle = \"b\"\n",
        "title = x\n",
        "[review\nmax_age_days = 1\n",
        "title\n",
        "[[audit.exceptions]]\nrule = \"x\"\nexpires = \"soon\"\n",
        "[[taxonomy.data_categories]]\nkey = \"user.x\"\nsensitive = \"yes\"\n",
        "[audit]\nrules = [\"a\"]\n",
        "[review]\nmax_age_days = -5\n",
        "[review]\nmax_age_days = 1.5\n",
        "[contact]\nemail = 5\n",
        "[[taxonomy.data_cats]]\nkey = \"a\"\n",
        "title = 'x' y\n",
    ];
    for c in cases {
        let src = SourceFile::new(Arc::from(Path::new("candor.toml")), c);
        let mut e = Vec::new();
        parse_config(&src, &mut e);
        println!("--- {c:?}");
        for d in e {
            println!("{d}");
        }
    }
}
