//! `retention.csv`, `systems.csv` and `recipients.csv` -> their catalog records (references to
//! them are resolved later by `link`).

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use crate::diag::{Diagnostic, Origin};
use crate::link::{Disposal, Recipient, RecipientRole, RetentionPolicy, System};

use super::columns::{read_table, Columns, Spec};
use super::duration::parse_duration;
use super::ids::{check_id, IdKind};
use super::source::SourceFile;
use super::table::Record;
use super::values::{at_cell, opt_enum};

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
    known: &["id", "name", "description", "owner", "location"],
    required: &["id"],
    example: "id,name,description,owner,location",
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
    ],
    required: &["id"],
    example: "id,name,role,country,safeguards,description,dpa_url",
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
struct RowCtx<'a> {
    src: &'a SourceFile,
    cols: &'a Columns,
    row: &'a Record<'a>,
    id: String,
}

impl RowCtx<'_> {
    fn text(&self, name: &str) -> Option<String> {
        self.cols.text(self.row, name)
    }
    fn origin(&self) -> Origin {
        Origin::new(&self.src.path, self.row.line)
    }
}

/// Reads a register file with `read` building each row; `None` from `read` means the row was
/// reported invalid.
fn load<T>(
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
    load(src, &SYSTEMS, "system", errors, |r, _| {
        Some(System {
            name: r.text("name").unwrap_or_else(|| r.id.clone()),
            id: r.id.clone(),
            description: r.text("description"),
            owner: r.text("owner"),
            location: r.text("location"),
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
        let url = r.cols.cell(r.row, "dpa_url");
        let lower = url.value.to_ascii_lowercase();
        if !url.is_empty() && !lower.starts_with("https://") && !lower.starts_with("http://") {
            errors.push(
                Diagnostic::at(
                    r.src.path.to_path_buf(),
                    url.line,
                    format!(
                        "`dpa_url` must be a web address starting with https://; found `{}`",
                        url.value
                    ),
                )
                .column(url.column)
                .snippet(r.src.line(url.line))
                .help(url_help(&url.value)),
            );
        }
        if errors.len() > before {
            return None;
        }
        Some(Recipient {
            name: r.text("name").unwrap_or_else(|| r.id.clone()),
            id: r.id.clone(),
            role,
            country: r.text("country"),
            safeguards: r.text("safeguards"),
            description: r.text("description"),
            dpa_url: r.text("dpa_url"),
            uses: Vec::new(),
            origin: r.origin(),
        })
    })
}

/// How to fix a `dpa_url` that is not a web address.
fn url_help(value: &str) -> String {
    let host = value.split('/').next().unwrap_or("");
    if host.contains('.') && !value.contains([' ', ':']) {
        format!("did you mean `https://{value}`?")
    } else {
        "write the full address of the data processing agreement, e.g. `https://example.com/dpa`"
            .to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;
    use std::sync::Arc;

    fn src(name: &str, text: &str) -> SourceFile {
        SourceFile::new(Arc::from(Path::new("content").join(name).as_path()), text)
    }

    #[test]
    fn retention_rows_parse_and_bad_ones_are_marked_broken() {
        let s = src(
            "retention.csv",
            "id,name,duration,trigger,disposal\nshort,Short,P30D,collection,Anonymize\nhours,Hours,PT72H,,\nodd,Odd,P1Y,,shred\nnameless,,P1Y,,\n",
        );
        let mut e = Vec::new();
        let reg = load_retention(&s, &mut e);
        assert_eq!(reg.items.len(), 1);
        assert_eq!(reg.items[0].disposal, Some(Disposal::Anonymize));
        assert_eq!(reg.items[0].trigger.as_deref(), Some("collection"));
        let broken: Vec<&str> = {
            let mut b: Vec<&str> = reg.broken.iter().map(String::as_str).collect();
            b.sort_unstable();
            b
        };
        assert_eq!(broken, ["hours", "nameless", "odd"]);
        assert_eq!(e.len(), 3, "{e:?}");
        assert_eq!((e[0].line, e[0].column), (Some(3), Some(13)));
        assert_eq!(
            e[1].help.as_deref(),
            Some("what happens when the period ends: `delete`, `anonymize` or `archive`"),
            "no near miss for `shred`: the values are explained"
        );
        assert!(
            e[1].message.contains("delete, anonymize, archive"),
            "{}",
            e[1].message
        );
        assert_eq!(e[2].message, "retention policy `nameless` has no name");
    }

    #[test]
    fn missing_duration_and_duplicate_ids() {
        let s = src(
            "retention.csv",
            "id,name,duration\na,A,\nb,B,P1D\nb,B2,P2D\n",
        );
        let mut e = Vec::new();
        let reg = load_retention(&s, &mut e);
        assert_eq!(e[0].message, "retention policy `a` has no duration");
        assert_eq!(
            e[1].message,
            "retention policy `b` is defined twice: here and at line 3"
        );
        assert_eq!(e[1].line, Some(4));
        assert_eq!(reg.items.len(), 1);
        assert_eq!(reg.items[0].name, "B");
    }

    #[test]
    fn unsafe_ids_are_rejected() {
        let s = src("systems.csv", "id,name\n../x,X\ncon,Console\nok-1,\n");
        let mut e = Vec::new();
        let reg = load_systems(&s, &mut e);
        assert_eq!(e.len(), 2);
        assert!(e[0].message.starts_with("system id `../x` is not valid"));
        assert!(e[1].message.contains("reserved device name"));
        assert_eq!(reg.items[0].name, "ok-1", "name defaults to the id");
        assert!(reg.broken.contains("con"));
    }

    #[test]
    fn recipients_check_role_and_dpa_url() {
        let s = src(
            "recipients.csv",
            "id,name,role,dpa_url\na,A,Joint controller,https://a.example/dpa\nb,B,procesor,\nc,C,,javascript:alert(1)\n",
        );
        let mut e = Vec::new();
        let reg = load_recipients(&s, &mut e);
        assert_eq!(reg.items.len(), 1);
        assert_eq!(reg.items[0].role, Some(RecipientRole::JointController));
        assert_eq!(e[0].help.as_deref(), Some("did you mean `processor`?"));
        assert!(e[1].message.starts_with("`dpa_url` must be a web address"));
        assert_eq!(e[1].column, Some(6));
        assert!(e[1].help.as_deref().unwrap().contains("e.g. `https://"));
        assert_eq!(
            url_help("dpa.example/x"),
            "did you mean `https://dpa.example/x`?"
        );
    }

    #[test]
    fn unreadable_header_marks_the_register() {
        let s = src("retention.csv", "id,name,duraton\na,A,P1D\n");
        let mut e = Vec::new();
        let reg = load_retention(&s, &mut e);
        assert!(reg.unreadable);
        assert_eq!(e.len(), 1, "{e:?}");
        assert!(e[0]
            .help
            .as_deref()
            .unwrap()
            .starts_with("did you mean `duration`?"));
    }
}
