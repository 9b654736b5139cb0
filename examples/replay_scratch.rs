use candor::load::{
    inventory::load_inventory, model_card::load_model_card, registers::load_retention, SourceFile,
};
use std::path::Path;
fn main() {
    for p in std::env::args().skip(1) {
        let data = std::fs::read(&p).unwrap();
        let rel = if p.contains("model_card") {
            "content/models/m.md"
        } else if p.contains("registers") {
            "content/retention.csv"
        } else {
            "content/inventory/i.csv"
        };
        let mut e = Vec::new();
        match SourceFile::from_bytes(Path::new(rel), &data) {
            Ok(src) => {
                if rel.ends_with(".md") {
                    load_model_card(&src, &mut e);
                } else if rel.contains("retention") {
                    load_retention(&src, &mut e);
                } else {
                    load_inventory(&src, &mut e);
                }
            }
            Err(d) => e.push(d),
        }
        println!("##### {p}");
        for d in e {
            println!("{d}");
        }
    }
}
