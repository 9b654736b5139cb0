//! Loads a site folder and prints its diagnostics or a summary: `cargo run --example load_site DIR`.

fn main() {
    let root = std::env::args().nth(1).unwrap_or_else(|| ".".to_string());
    match candor::load_catalog(std::path::Path::new(&root)) {
        Ok(c) => println!(
            "{} elements, {} uses, {} models, {} pages",
            c.elements.len(),
            c.uses.len(),
            c.models.len(),
            c.pages.len()
        ),
        Err(d) => println!("{d}"),
    }
}
