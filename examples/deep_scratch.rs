use candor::load::{model_card::load_model_card, parse_config, SourceFile};
use std::path::Path;
use std::sync::Arc;
fn main() {
    let n: usize = std::env::args().nth(1).unwrap().parse().unwrap();
    let which = std::env::args().nth(2).unwrap();
    let mut e = Vec::new();
    match which.as_str() {
        "yaml" => {
            let text = format!("---\nx: {}\n---\n", "[".repeat(n));
            let src = SourceFile::new(Arc::from(Path::new("content/models/m.md")), &text);
            load_model_card(&src, &mut e);
        }
        "yaml-closed" => {
            let text = format!("---\nx: {}{}\n---\n", "[".repeat(n), "]".repeat(n));
            let src = SourceFile::new(Arc::from(Path::new("content/models/m.md")), &text);
            load_model_card(&src, &mut e);
        }
        "yaml-block" => {
            let mut t = String::from("---\n");
            for i in 0..n {
                t.push_str(&" ".repeat(i));
                t.push_str("- \n");
            }
            t.push_str("---\n");
            let src = SourceFile::new(Arc::from(Path::new("content/models/m.md")), &t);
            load_model_card(&src, &mut e);
        }
        _ => {
            let text = format!("a = {}{}\n", "[".repeat(n), "]".repeat(n));
            let src = SourceFile::new(Arc::from(Path::new("candor.toml")), &text);
            parse_config(&src, &mut e);
        }
    }
    println!(
        "{} errors; first: {}",
        e.len(),
        e.first().map(|d| d.message.clone()).unwrap_or_default()
    );
}
