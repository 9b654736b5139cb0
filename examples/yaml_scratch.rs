use candor::load::{model_card::load_model_card, SourceFile};
use std::path::Path;
use std::sync::Arc;
fn main() {
    let cases = [
        "---\nname: C\ninputs: [a, b\nstatus: pilot\n---\n",
        "---\nname: C\nmetrics:\n  - name: auc\n     value: 0.8\n---\n",
        "---\nname: C\nmetrics:\n  - { name: auc, value: high }\n---\n",
        "---\nname: C\nowners: {a: 1}\n---\n",
        "---\nname: [a]\n---\n",
        "---\nname: C\nname: D\n---\n",
        "---\nname: C\n\tstatus: pilot\n---\n",
        "---\nname: 'C\n---\n",
        "---\nname: C\nmetrics: [{name: auc}]\n---\n",
        "---\nname: C\nlimitations: - a\n---\n",
        "---\nname: C\ntraining_data: [a]\n---\n",
        "---\n- a\n- b\n---\n",
        "---\nname: C\nethical_considerations: [{risk: a, mitigate: b}]\n---\n",
        "---\nname: C\nversion: 1.10\ninternal: *x\n---\n",
        "---\nname: C\nsummary: a: b\n---\n",
        "---\njust text\n---\n",
        "---\nname: C\nmetrics: [{name: auc, value: 0.8, ci: [1]}]\n---\n",
    ];
    for c in cases {
        let src = SourceFile::new(Arc::from(Path::new("content/models/m.md")), c);
        let mut e = Vec::new();
        load_model_card(&src, &mut e);
        println!("--- {c:?}");
        for d in e {
            println!("{d}");
        }
    }
}
