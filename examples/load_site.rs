//! Loads a site folder and prints its diagnostics or a summary, with the time each stage took:
//! `cargo run --example load_site DIR`.

use std::time::Instant;

fn main() {
    let root = std::env::args().nth(1).unwrap_or_else(|| ".".to_string());
    let t = Instant::now();
    let (raw, load_errors) = candor::load::load(std::path::Path::new(&root));
    let loaded = t.elapsed();
    let linked = candor::link::link(raw);
    eprintln!("load {loaded:?}, link {:?}", t.elapsed() - loaded);
    match linked {
        Ok(c) if load_errors.is_empty() => println!(
            "{} elements, {} uses, {} models, {} pages",
            c.elements.len(),
            c.uses.len(),
            c.models.len(),
            c.pages.len()
        ),
        Ok(_) => println!("{}", load_errors.sorted()),
        Err(mut d) => {
            d.extend(load_errors);
            println!("{}", d.sorted());
        }
    }
}
