//! `retention.csv`, `systems.csv` and `recipients.csv` -> their catalog records (references to
//! them are resolved later by `link`).

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use crate::diag::{Diagnostic, Origin};
use crate::model::{
    Disposal, Recipient, RecipientRole, RetentionPolicy, System, TransferMechanism,
};

use super::columns::{read_table, Columns, Spec};
use super::duration::parse_duration;
use super::source::SourceFile;
use super::table::Record;
use super::values::{at_cell, opt_enum, parse_date};
use crate::ids::{check_id, IdKind};

/// The rows of one register file, with what `link` needs to avoid cascading errors.
#[derive(Debug, Clone)]
pub struct Register<T> {
    /// The file, relative to the site root.
    pub file: PathBuf,
    pub items: Vec<T>,
    /// Ids of rows already reported as invalid: references to them are not reported again.
    pub broken: HashSet<String>,
    /// False when the file does not exist.
    pub present: bool,
    /// True when the file exists but could not be read as a whole: references are not checked.
    pub unreadable: bool,
}

impl<T> Register<T> {
    pub fn missing(file: PathBuf) -> Self {
        Register {
            file,
            items: Vec::new(),
            broken: HashSet::new(),
            present: false,
            unreadable: false,
        }
    }
}

pub const RETENTION: Spec = Spec {
    what: "retention",
    known: &[
        "id",
        "name",
        "duration",
        "trigger",
        "disposal",
        "legal_reference",
        "description",
    ],
    required: &["id", "name", "duration"],
    example: "id,name,duration,trigger,disposal,legal_reference,description",
    optional: false,
};

pub const SYSTEMS: Spec = Spec {
    what: "systems",
    known: &[
        "id",
        "name",
        "description",
        "owner",
        "location",
        "country",
        "transfer_mechanism",
        "security",
    ],
    required: &["id"],
    example: "id,name,description,owner,location,country,transfer_mechanism,security",
    optional: true,
};

pub const RECIPIENTS: Spec = Spec {
    what: "recipients",
    known: &[
        "id",
        "name",
        "role",
        "country",
        "safeguards",
        "description",
        "dpa_url",
        "transfer_mechanism",
        "tia_date",
        "aliases",
    ],
    required: &["id"],
    example: "id,name,role,country,safeguards,transfer_mechanism,tia_date,description,dpa_url",
    optional: true,
};

const DISPOSALS: &[(&str, Disposal)] = &[
    ("delete", Disposal::Delete),
    ("anonymize", Disposal::Anonymize),
    ("archive", Disposal::Archive),
];

const ROLES: &[(&str, RecipientRole)] = &[
    ("processor", RecipientRole::Processor),
    ("controller", RecipientRole::Controller),
    ("joint_controller", RecipientRole::JointController),
];

/// One row of a register, after its id was checked.
pub(super) struct RowCtx<'a> {
    pub src: &'a SourceFile,
    pub cols: &'a Columns,
    pub row: &'a Record<'a>,
    pub id: String,
}

impl RowCtx<'_> {
    pub(super) fn text(&self, name: &str) -> Option<String> {
        self.cols.text(self.row, name)
    }
    pub(super) fn origin(&self) -> Origin {
        Origin::new(&self.src.path, self.row.line)
    }
    /// A web-address cell; reported (naming `what` it should point at) when it is not one.
    pub(super) fn url(
        &self,
        column: &str,
        what: &str,
        errors: &mut Vec<Diagnostic>,
    ) -> Option<String> {
        let url = self.cols.cell(self.row, column);
        let lower = url.value.to_ascii_lowercase();
        if !url.is_empty() && !lower.starts_with("https://") && !lower.starts_with("http://") {
            errors.push(
                Diagnostic::at(
                    self.src.path.to_path_buf(),
                    url.line,
                    format!(
                        "`{column}` must be a web address starting with https://; found `{}`",
                        url.value
                    ),
                )
                .column(url.column)
                .snippet(self.src.line(url.line))
                .help(url_help(&url.value, what)),
            );
            return None;
        }
        self.text(column)
    }
    /// The `transfer_mechanism` cell, reported when invalid.
    fn mechanism(&self, errors: &mut Vec<Diagnostic>) -> Option<TransferMechanism> {
        let cell = self.cols.cell(self.row, "transfer_mechanism");
        opt_enum(
            self.src,
            cell,
            "transfer_mechanism",
            TransferMechanism::ALL,
            errors,
        )
    }
}

/// Reads a register file with `read` building each row; `None` from `read` means the row was
/// reported invalid.
pub(super) fn load<T>(
    src: &SourceFile,
    spec: &Spec,
    what: &str,
    errors: &mut Vec<Diagnostic>,
    mut read: impl FnMut(&RowCtx, &mut Vec<Diagnostic>) -> Option<T>,
) -> Register<T> {
    let mut reg = Register::missing(src.path.to_path_buf());
    reg.present = true;
    let Some((table, cols)) = read_table(src, spec, errors) else {
        reg.unreadable = true;
        return reg;
    };
    // An unclosed quote ends the file early: the rows after it are unknown.
    reg.unreadable = table.truncated;
    let mut seen: HashMap<String, usize> = HashMap::new();
    for row in &table.rows {
        let id_cell = cols.cell(row, "id");
        if id_cell.is_empty() {
            errors.push(
                at_cell(src, row, id_cell, format!("this {what} has no `id`"))
                    .help("every row needs an id that the inventory refers to"),
            );
            continue;
        }
        if let Some(&first) = seen.get(&*id_cell.value) {
            errors.push(
                at_cell(
                    src,
                    row,
                    id_cell,
                    format!(
                        "{what} `{}` is defined twice: here and at line {first}",
                        id_cell.value
                    ),
                )
                .help(format!(
                    "each {what} needs its own id; remove or rename one of them"
                )),
            );
            continue;
        }
        seen.insert(id_cell.value.to_string(), row.line);
        if let Err(e) = check_id(&id_cell.value, IdKind::Other, &format!("{what} id")) {
            errors.push(e.at(src, id_cell));
            reg.broken.insert(id_cell.value.to_string());
            continue;
        }
        let ctx = RowCtx {
            src,
            cols: &cols,
            row,
            id: id_cell.value.to_string(),
        };
        match read(&ctx, errors) {
            Some(item) => reg.items.push(item),
            None => {
                reg.broken.insert(ctx.id);
            }
        }
    }
    reg
}

/// Reads `content/retention.csv`.
pub fn load_retention(src: &SourceFile, errors: &mut Vec<Diagnostic>) -> Register<RetentionPolicy> {
    load(src, &RETENTION, "retention policy", errors, |r, errors| {
        let before = errors.len();
        let cell = r.cols.cell(r.row, "duration");
        let name = r.cols.cell(r.row, "name");
        if name.is_empty() {
            errors.push(
                at_cell(
                    r.src,
                    r.row,
                    name,
                    format!("retention policy `{}` has no name", r.id),
                )
                .help("give it a name readers understand, e.g. `While your account is open`"),
            );
        }
        let period = if cell.is_empty() {
            errors.push(
                at_cell(
                    r.src,
                    r.row,
                    cell,
                    format!("retention policy `{}` has no duration", r.id),
                )
                .help("write an ISO 8601 duration like `P30D` or `P2Y`, or `indefinite`"),
            );
            None
        } else {
            parse_duration(&cell.value)
                .map_err(|e| errors.push(e.at(r.src, cell)))
                .ok()
        };
        let disposal_cell = r.cols.cell(r.row, "disposal");
        let disposal = opt_enum(r.src, disposal_cell, "disposal", DISPOSALS, errors);
        if errors.len() > before {
            return None;
        }
        Some(RetentionPolicy {
            name: name.value.to_string(),
            id: r.id.clone(),
            period: period?,
            trigger: r.text("trigger"),
            disposal,
            legal_reference: r.text("legal_reference"),
            description: r.text("description"),
            uses: Vec::new(),
            origin: r.origin(),
        })
    })
}

/// Reads `content/systems.csv`.
pub fn load_systems(src: &SourceFile, errors: &mut Vec<Diagnostic>) -> Register<System> {
    load(src, &SYSTEMS, "system", errors, |r, errors| {
        let before = errors.len();
        let transfer_mechanism = r.mechanism(errors);
        if errors.len() > before {
            return None;
        }
        Some(System {
            name: r.text("name").unwrap_or_else(|| r.id.clone()),
            id: r.id.clone(),
            description: r.text("description"),
            owner: r.text("owner"),
            location: r.text("location"),
            country: r.text("country"),
            transfer_mechanism,
            security: r.text("security"),
            elements: Vec::new(),
            origin: r.origin(),
        })
    })
}

/// Reads `content/recipients.csv`.
pub fn load_recipients(src: &SourceFile, errors: &mut Vec<Diagnostic>) -> Register<Recipient> {
    load(src, &RECIPIENTS, "recipient", errors, |r, errors| {
        let before = errors.len();
        let role = opt_enum(r.src, r.cols.cell(r.row, "role"), "role", ROLES, errors);
        let transfer_mechanism = r.mechanism(errors);
        let tia = r.cols.cell(r.row, "tia_date");
        let tia_date = if tia.is_empty() {
            None
        } else {
            parse_date(&tia.value, "tia_date")
                .map_err(|e| errors.push(e.at(r.src, tia)))
                .ok()
        };
        let dpa_url = r.url("dpa_url", "the data processing agreement", errors);
        if errors.len() > before {
            return None;
        }
        Some(Recipient {
            name: r.text("name").unwrap_or_else(|| r.id.clone()),
            id: r.id.clone(),
            role,
            country: r.text("country"),
            safeguards: r.text("safeguards"),
            transfer_mechanism,
            tia_date,
            description: r.text("description"),
            dpa_url,
            aliases: r
                .text("aliases")
                .map(|a| {
                    a.split(';')
                        .map(str::trim)
                        .filter(|a| !a.is_empty())
                        .map(str::to_string)
                        .collect()
                })
                .unwrap_or_default(),
            uses: Vec::new(),
            origin: r.origin(),
        })
    })
}

/// How to fix a `dpa_url` that is not a web address.
fn url_help(value: &str, what: &str) -> String {
    let host = value.split('/').next().unwrap_or("");
    if host.contains('.') && !value.contains([' ', ':']) {
        format!("did you mean `https://{value}`?")
    } else {
        format!("write the full address of {what}, e.g. `https://example.com/dpa`")
    }
}

#[cfg(test)]
mod tests;
