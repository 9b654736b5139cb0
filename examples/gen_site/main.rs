//! Writes a deterministic synthetic candor site of N elements, for benchmarks:
//! `cargo run --release --example gen_site -- 10000 /dev/shm/site-10k`.
//!
//! About two uses per element, one model card per 20 elements, real fideslang keys and
//! reasons of realistic length. The same N always gives the same files.
//!
//! With `--hugo HUGO_DIR` it also writes the equivalent Hugo site (one page per element and
//! per model, the same text, a layout with a table) for `scripts/bench.sh` to compare against.

mod hugo;

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

const CATEGORIES: &[&str] = &[
    "user.contact.email",
    "user.contact.address",
    "user.contact.phone_number",
    "user.name",
    "user.account.username",
    "user.behavior.purchase_history",
    "user.behavior.browsing_history",
    "user.behavior.search_history",
    "user.device.cookie_id",
    "user.device.ip_address",
    "user.location.imprecise",
    "user.payment",
    "user.content.public",
    "user.privacy_preferences",
    "user.unique_id.pseudonymous",
];

const PURPOSES: &[&str] = &[
    "essential.service",
    "essential.service.payment_processing",
    "essential.service.notifications.email",
    "essential.fraud_detection",
    "essential.legal_obligation",
    "functional.service.improve",
    "analytics.reporting.system.performance",
    "marketing.communications.email",
    "personalize.content",
    "train_ai_system",
];

const BASES: &[&str] = &[
    "contract",
    "consent",
    "legitimate_interests",
    "legal_obligation",
];
const REASONS: &[&str] = &[
    "So we can deliver what you ordered to the right place and tell you when it is on its way",
    "To keep your account secure and spot sign-ins that do not look like you",
    "To answer your questions quickly, with the details of your order at hand",
    "To show you items that match the styles and sizes you told us you like",
    "Because the law requires us to keep records of sales for tax inspections",
    "To understand which pages are slow or confusing so we can fix them",
];

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let hugo = match args.get(2..) {
        Some([flag, dir]) if flag == "--hugo" => Some(dir.clone()),
        Some([]) => None,
        _ => usage(),
    };
    let Some(n) = args.first().and_then(|n| n.parse::<usize>().ok()) else {
        usage()
    };
    let result = generate(n, Path::new(&args[1]))
        .and_then(|()| hugo.map_or(Ok(()), |dir| hugo::generate(n, Path::new(&dir))));
    if let Err(e) = result {
        eprintln!("gen_site: {e}");
        std::process::exit(1);
    }
}

fn usage() -> ! {
    eprintln!("usage: gen_site ELEMENTS DIR [--hugo HUGO_DIR]");
    std::process::exit(2);
}

/// Sizes derived from the number of elements.
fn systems(n: usize) -> usize {
    (n / 50).max(5)
}
fn recipients(n: usize) -> usize {
    (n / 200).max(4)
}
const POLICIES: usize = 8;

/// One inventory row (use `u` of element `e`), as both generators write it.
pub struct Use {
    pub purpose: &'static str,
    pub why: String,
    pub basis: &'static str,
    pub necessity: &'static str,
    pub retention: String,
    pub shared: String,
    pub reviewed: String,
}

fn use_row(n: usize, e: usize, u: usize) -> Use {
    let k = e * 2 + u;
    Use {
        purpose: PURPOSES[(e + u * 3) % PURPOSES.len()],
        why: format!("{} (element {e}, use {u}).", REASONS[k % REASONS.len()]),
        basis: BASES[k % BASES.len()],
        necessity: if k % 2 == 0 { "required" } else { "optional" },
        retention: format!("policy_{}", k % POLICIES),
        shared: if k % 3 == 0 {
            format!("recipient_{}", k % recipients(n))
        } else {
            String::new()
        },
        reviewed: format!("2026-{:02}-{:02}", 1 + k % 11, 1 + k % 28),
    }
}

/// The front matter of model `m`, shared with the Hugo site.
fn model_front_matter(m: usize) -> String {
    let first = m * 20;
    let inputs: Vec<String> = (first..first + 3).map(|e| format!("element_{e}")).collect();
    format!(
        "name: Model {m}\nversion: \"1.{m}\"\nstatus: production\nowners: [Team {}]\nsummary: Ranks items for one part of the shop.\nintended_use: Ordering lists of products.\ninputs: [{}]\nmetrics:\n  - {{ name: precision_at_10, value: 0.{:02}, slice: all, ci: [0.20, 0.40] }}\n  - {{ name: precision_at_10, value: 0.{:02}, slice: new customers }}\nlimitations: [Knows little about new customers.]\nethical_considerations:\n  - {{ risk: Narrow suggestions., mitigation: Some picks come from the whole range. }}\nlast_reviewed: 2026-06-01\n",
        m % 17,
        inputs.join(", "),
        20 + m % 60,
        15 + m % 60,
    )
}

const MODEL_BODY: &str = "orders products. It was trained on a year of orders.";

pub fn generate(n: usize, root: &Path) -> std::io::Result<()> {
    let (systems, recipients, policies) = (systems(n), recipients(n), POLICIES);
    fs::create_dir_all(root.join("content/inventory"))?;
    fs::create_dir_all(root.join("content/models"))?;
    fs::create_dir_all(root.join("content/pages"))?;
    fs::write(
        root.join("candor.toml"),
        format!("title = \"Synthetic site of {n} elements\"\norganisation = \"Bench Ltd\"\nbase_url = \"https://trust.bench.example/\"\n"),
    )?;
    let mut retention =
        String::from("id,name,duration,trigger,disposal,legal_reference,description\n");
    for p in 0..policies {
        let duration = if p == policies - 1 {
            "indefinite".to_string()
        } else {
            format!("P{}M", 3 * (p + 1))
        };
        writeln!(retention, "policy_{p},Policy {p},{duration},collection,delete,,Kept for a bounded time and then deleted.").ok();
    }
    fs::write(root.join("content/retention.csv"), retention)?;
    let mut sys = String::from("id,name,description,owner,location\n");
    for s in 0..systems {
        writeln!(
            sys,
            "system_{s},System {s},Holds customer records for one part of the business.,Team {},EU",
            s % 17
        )
        .ok();
    }
    fs::write(root.join("content/systems.csv"), sys)?;
    let mut rec = String::from("id,name,role,country,safeguards,description,dpa_url\n");
    for r in 0..recipients {
        writeln!(rec, "recipient_{r},Recipient {r},processor,Germany,,Processes data on our behalf.,https://r{r}.bench.example/dpa").ok();
    }
    fs::write(root.join("content/recipients.csv"), rec)?;
    let mut inv = String::from("element,name,category,subjects,source,systems,purpose,why,legal_basis,necessity,retention,shared_with,owner,last_reviewed\n");
    for e in 0..n {
        let category = CATEGORIES[e % CATEGORIES.len()];
        for u in 0..2 {
            let r = use_row(n, e, u);
            let (name, cat, subj, sys_col, owner) = if u == 0 {
                (
                    format!("Data element {e}"),
                    category,
                    "customer",
                    format!("system_{}", e % systems),
                    format!("Team {}", e % 17),
                )
            } else {
                (String::new(), "", "", String::new(), String::new())
            };
            writeln!(
                inv,
                "element_{e},{name},{cat},{subj},provided,{sys_col},{},\"{}\",{},{},{},{},{owner},{}",
                r.purpose, r.why, r.basis, r.necessity, r.retention, r.shared, r.reviewed,
            )
            .ok();
        }
    }
    fs::write(root.join("content/inventory/inventory.csv"), inv)?;
    for m in 0..n / 20 {
        fs::write(
            root.join(format!("content/models/model-{m}.md")),
            format!(
                "---\n{}---\n\nModel {m} {MODEL_BODY}\n",
                model_front_matter(m)
            ),
        )?;
    }
    fs::write(
        root.join("content/pages/your-rights.md"),
        "---\ntitle: Your rights\n---\n\nAsk us for a copy of your data at any time.\n",
    )?;
    Ok(())
}
