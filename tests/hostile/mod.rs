//! A hostile site for the "nothing injected" tests: one payload in every free-text field of
//! every file (inventory, registers, model card, free page, candor.toml).

use std::fs;
use std::path::Path;

/// Known XSS payloads, for every kind of place a value can land: element content,
/// attributes (quoted either way), URLs, inline script and style, SVG, MathML, comments,
/// template syntax, entity-encoded and whitespace-split schemes, line separators.
pub const PAYLOADS: &[&str] = &[
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "'><svg onload=alert(1)>",
    "\" onmouseover=\"alert(1)",
    "' onmouseover='alert(1)",
    "javascript:alert(1)",
    " JaVaScRiPt:alert(1)",
    "</script><script>alert(1)</script>",
    "</style><script>alert(1)</script>",
    "</title><script>alert(1)</script>",
    "</textarea><script>alert(1)</script>",
    "{{ 1234567 * 3 }}{% set z = 'TEMPLATE' ~ '-RAN' %}{{ z }}{# hidden #}{% raw %}",
    "&#x3C;script&#x3E;alert(1)&#x3C;/script&#x3E;",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
    "<a href=\"&#106;avascript:alert(1)\">x</a>",
    "<div style=\"background:url(javascript:alert(1));width:expression(alert(1))\">x</div>",
    "<style>@import 'https://evil.example/x.css';body{background:url(javascript:alert(1))}</style>",
    "<iframe src=\"javascript:alert(1)\"></iframe>",
    "<object data=\"javascript:alert(1)\"></object><embed src=\"javascript:alert(1)\">",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<math href=\"javascript:alert(1)\">x</math>",
    "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
    "<svg><script>alert(1)</script></svg>",
    "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
    "<img src=\"data:image/svg+xml,<svg onload=alert(1)>\">",
    "\u{2028}\u{2029}</script><!--<script>alert(1)//",
    "<!--<img src=\"--><img src=x onerror=alert(1)//\">",
    "<base href=\"javascript:alert(1)//\"><meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
    "<form action=\"javascript:alert(1)\"><button formaction=\"javascript:alert(1)\">x</button></form>",
    "<details open ontoggle=alert(1)><input autofocus onfocus=alert(1)>",
    "<<script>script>alert(1)<</script>/script>",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
    "<template><script>alert(1)</script></template><xmp><script>alert(1)</script></xmp>",
    "<img src=\"https://evil.example/track.png\"><link rel=stylesheet href=\"//evil.example/x.css\">",
    "]]><script>alert(1)</script><![CDATA[",
    // URLs a browser reads differently from how they look: backslash, tab, protocol-relative.
    "<img src=\"/\\evil.example/a.png\"><img src=\"/\t/evil.example/b.png\">",
    "<img src=\"\\\\evil.example/c.png\"><img src=\" \n//evil.example/d.png\">",
    "<a href=\"java\tscript:alert(1)\">x</a><a href=\"java\nscript:alert(1)\">y</a>",
];

/// Markdown spellings of the same attacks, for the Markdown bodies.
pub const MARKDOWN: &str = "[a](javascript:alert(1)) [b](JAVASCRIPT:alert(1)) \
    [c](jav&#x09;ascript:alert(1)) [d](data:text/html,<script>alert(1)</script>) \
    [e](vbscript:msgbox(1)) <javascript:alert(1)> ![f](javascript:alert(1)) \
    ![g](https://evil.example/x.png) [h](/javascript:alert(1)) [i]( javascript:alert(1) \"t\")\n\n\
    [ref][r]\n\n[r]: javascript:alert(1)\n\n\
    ![p](//evil.example/x.png) ![q](/\\evil.example/y.png) [s](java\tscript:alert(1))\n";

/// A CSV row, quoted as needed.
fn csv(rows: &[Vec<String>]) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    for r in rows {
        w.write_record(r).expect("csv");
    }
    w.into_inner().expect("csv")
}

fn row(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|c| c.to_string()).collect()
}

/// A TOML or YAML double-quoted string (JSON's escapes are valid in both).
fn quoted(s: &str) -> String {
    serde_json::to_string(s).expect("json string")
}

fn put(root: &Path, file: &str, bytes: impl AsRef<[u8]>) {
    let path = root.join(file);
    fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    fs::write(path, bytes).expect("write");
}

/// Writes a valid site at `root` with `p` in every free-text field.
pub fn write_site(root: &Path, p: &str) {
    let q = quoted(p);
    let url = quoted(&format!("https://contact.example/{p}"));
    // `base_url` must be an http(s) URL without spaces: the payload goes in its path, with
    // whitespace and controls percent-encoded.
    let base: String = p
        .chars()
        .map(|c| {
            if c.is_whitespace() || c.is_control() || c == '\\' {
                let mut b = [0u8; 4];
                c.encode_utf8(&mut b)
                    .bytes()
                    .map(|x| format!("%{x:02X}"))
                    .collect()
            } else {
                c.to_string()
            }
        })
        .collect();
    let base = quoted(&format!("https://contact.example/{base}"));
    put(
        root,
        "candor.toml",
        format!(
            "title = {q}\norganisation = {q}\ndescription = {q}\nsecurity_measures = {q}\n\
             base_url = {base}\n\n[contact]\nemail = {q}\nurl = {url}\naddress = {q}\nphone = {q}\ndpo = {q}\n\n\
             [[audit.exceptions]]\nrule = \"model-card-incomplete\"\nmodel = \"xss-model\"\nreason = {q}\nexpires = 2099-01-01\n\n\
             [[taxonomy.data_categories]]\nkey = \"user.xss_category\"\nname = {q}\ndescription = {q}\n\n\
             [[taxonomy.data_uses]]\nkey = \"marketing.xss_purpose\"\nname = {q}\ndescription = {q}\n\n\
             [[taxonomy.data_subjects]]\nkey = \"xss_subject\"\nname = {q}\ndescription = {q}\n"
        ),
    );
    let header = row(&[
        "element",
        "name",
        "category",
        "subjects",
        "source",
        "systems",
        "purpose",
        "why",
        "legal_basis",
        "necessity",
        "retention",
        "shared_with",
        "visibility",
        "owner",
        "last_reviewed",
        "notes",
        "x_note",
    ]);
    let inventory = csv(&[
        header,
        row(&[
            "email_address",
            p,
            "user.contact.email",
            "customer",
            "provided",
            "shop",
            "essential.service",
            p,
            "contract",
            "required",
            "account",
            "mailer",
            "public",
            p,
            "2026-09-01",
            p,
            p,
        ]),
        row(&[
            "style",
            p,
            "user.xss_category",
            "xss_subject",
            "provided",
            "shop",
            "marketing.xss_purpose",
            p,
            "consent",
            "optional",
            "account",
            "mailer;dpa",
            "",
            p,
            "2026-09-01",
            p,
            p,
        ]),
        row(&[
            "secret",
            p,
            "user.contact.email",
            "employee",
            "observed",
            "shop",
            "essential.service.security",
            p,
            "legitimate_interests",
            "required",
            "account",
            "",
            "internal",
            p,
            "2019-01-01",
            p,
            p,
        ]),
    ]);
    put(root, "content/inventory/a.csv", inventory);
    put(
        root,
        "content/retention.csv",
        csv(&[
            row(&[
                "id",
                "name",
                "duration",
                "trigger",
                "disposal",
                "legal_reference",
                "description",
            ]),
            row(&["account", p, "P30D", p, "delete", p, p]),
        ]),
    );
    let dpa = format!("https://dpa.example/{p}");
    put(
        root,
        "content/recipients.csv",
        csv(&[
            row(&[
                "id",
                "name",
                "role",
                "country",
                "safeguards",
                "description",
                "dpa_url",
            ]),
            row(&["mailer", p, "processor", p, p, p, &dpa]),
            row(&["dpa", p, "controller", p, p, p, &dpa]),
        ]),
    );
    put(
        root,
        "content/systems.csv",
        csv(&[
            row(&["id", "name", "description", "owner", "location"]),
            row(&["shop", p, p, p, p]),
        ]),
    );
    put(
        root,
        "content/models/xss-model.md",
        format!(
            "---\nname: {q}\nversion: {q}\nstatus: production\nowners: [{q}, {q}]\nsummary: {q}\n\
             model_type: {q}\nintended_use: {q}\nout_of_scope_uses: [{q}]\ninputs: [email_address, style]\n\
             excluded_inputs: [secret]\ntraining_data: {{ description: {q}, elements: [style] }}\n\
             evaluation_data: {{ description: {q} }}\nmetrics:\n\
             \x20 - {{ name: {q}, value: 0.5, slice: all, dataset: {q} }}\n\
             \x20 - {{ name: {q}, value: 0.4, slice: {q}, ci: [0.3, 0.5] }}\n\
             limitations: [{q}]\nethical_considerations:\n  - {{ risk: {q}, mitigation: {q} }}\n\
             human_oversight: {q}\nlicense: {q}\nlast_reviewed: 2026-10-01\n\
             internal: {{ notes: {q}, list: [{q}] }}\nx_extra: {q}\n---\n\n{p}\n\n# {p}\n\n{MARKDOWN}\n"
        ),
    );
    put(
        root,
        "content/pages/about.md",
        format!("---\ntitle: {q}\nweight: 1\n---\n\n{p}\n\n## {p}\n\n{MARKDOWN}\n\n> {p}\n"),
    );
}
