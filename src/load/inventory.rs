//! `content/inventory/*.csv` -> [`RawUse`] rows: one per element x purpose, each keeping its
//! file, line and cell columns so `link` can point at any value it rejects.

use std::collections::BTreeMap;

use jiff::civil::Date;

use crate::diag::{Diagnostic, Origin};
use crate::model::{LegalBasis, Necessity, Source, SpecialCategoryCondition, Visibility};

use super::columns::{no_rows, open_table, Col, Columns, Spec};
use super::source::SourceFile;
use super::table::chunks::{read_rows, read_rows_serial, Plan};
use super::table::{Cell, Record};
use super::values::{at_cell, opt_enum, parse_date, split_list};
use crate::ids::{check_id, IdKind};

/// The inventory columns, in the order DESIGN.md lists them.
pub const COLUMNS: &[&str] = &[
    "element",
    "name",
    "category",
    "subjects",
    "source",
    "systems",
    "purpose",
    "why",
    "legal_basis",
    "special_category_condition",
    "legal_reference",
    "necessity",
    "opt_out",
    "retention",
    "shared_with",
    "visibility",
    "owner",
    "last_reviewed",
    "notes",
];

const SPEC: Spec = Spec {
    what: "inventory",
    known: COLUMNS,
    required: &["element", "name", "category", "purpose", "why"],
    example: "element,name,category,purpose,why,legal_basis,retention",
    optional: true,
};

pub const SOURCES: &[(&str, Source)] = &[
    ("provided", Source::Provided),
    ("observed", Source::Observed),
    ("inferred", Source::Inferred),
    ("third_party", Source::ThirdParty),
];

pub const LEGAL_BASES: &[(&str, LegalBasis)] = &[
    ("consent", LegalBasis::Consent),
    ("contract", LegalBasis::Contract),
    ("legal_obligation", LegalBasis::LegalObligation),
    ("vital_interests", LegalBasis::VitalInterests),
    ("public_task", LegalBasis::PublicTask),
    ("legitimate_interests", LegalBasis::LegitimateInterests),
];

pub const NECESSITIES: &[(&str, Necessity)] = &[
    ("required", Necessity::Required),
    ("optional", Necessity::Optional),
];

pub const VISIBILITIES: &[(&str, Visibility)] = &[
    ("public", Visibility::Public),
    ("internal", Visibility::Internal),
];

/// One inventory row, parsed but not yet linked. Element-level cells may be empty.
#[derive(Debug, Clone)]
pub struct RawUse {
    pub origin: Origin,
    /// The element id (checked).
    pub element: String,
    pub name: Cell,
    /// The other element-level columns; `None` when all of them are empty on this row (as on
    /// most rows after an element's first), so those rows carry no copies of empty cells.
    pub element_cells: Option<Box<ElementCells>>,
    /// Where the `category` cell is, for "no category on its first row" (line 0 when the
    /// column is absent).
    pub category_at: (usize, usize),
    /// The data use key; empty only when already reported.
    pub purpose: Cell,
    pub why: String,
    pub legal_basis: Option<LegalBasis>,
    pub special_category_condition: Option<SpecialCategoryCondition>,
    pub legal_reference: Option<String>,
    pub necessity: Option<Necessity>,
    pub opt_out: Option<String>,
    pub retention: Option<Cell>,
    pub shared_with: Vec<Cell>,
    pub visibility: Visibility,
    pub last_reviewed: Option<Date>,
    pub notes: Option<String>,
    pub extra: BTreeMap<String, String>,
}

/// The element-level cells of one inventory row.
#[derive(Debug, Clone, Default)]
pub struct ElementCells {
    pub category: Cell,
    pub subjects: Vec<Cell>,
    /// The parsed `source`, `None` when empty or invalid (already reported).
    pub source: Option<Source>,
    /// The column of the `source` cell.
    pub source_column: usize,
    pub systems: Vec<Cell>,
    pub owner: Cell,
}

/// How the file is read: pieces of this many bytes, a few per thread at a time, so the file's
/// records are never all in memory at once. Diagnostics come in the order of reading and
/// parsing rows in batches of 4096. Tests cut small pieces so that every file is read in several.
pub fn plan() -> Plan {
    Plan {
        piece: if cfg!(test) { 48 } else { 256 << 10 },
        wave: 4 * rayon::current_num_threads(),
        batch: 4096,
    }
}

/// How [`load_inventory_with`] reads the records.
#[derive(Debug, Clone, Copy)]
pub enum Reading {
    /// In parallel pieces ([`read_rows`]); [`plan`] is what a build uses.
    Pieces(Plan),
    /// With one reader from the top, in batches of this many records: the reference the
    /// pieces must match (fuzzed with tiny pieces by `fuzz/fuzz_targets/chunks.rs`).
    Serial(usize),
}

/// Reads one inventory file. Rows without a valid element id are reported and left out; other
/// invalid values are reported and read as empty, so no error is reported twice.
pub fn load_inventory(src: &SourceFile, errors: &mut Vec<Diagnostic>) -> Vec<RawUse> {
    load_inventory_with(src, errors, Reading::Pieces(plan()))
}

/// [`load_inventory`], reading the records as `reading` says.
pub fn load_inventory_with(
    src: &SourceFile,
    errors: &mut Vec<Diagnostic>,
    reading: Reading,
) -> Vec<RawUse> {
    let Some((records, cols)) = open_table(src, &SPEC, errors) else {
        return Vec::new();
    };
    let header_line = records.header.line;
    let at = At::new(&cols);
    let parse = |row: &Record, errs: &mut Vec<Diagnostic>| read_row(src, &at, &cols, row, errs);
    let read = match reading {
        Reading::Pieces(plan) => read_rows(records, plan, errors, parse),
        Reading::Serial(batch) => read_rows_serial(records, batch, errors, parse),
    };
    if read.seen == 0 && !read.truncated && read.dropped == 0 {
        errors.push(no_rows(src, &SPEC, header_line));
    }
    read.rows
}

/// Where each inventory column is, looked up once per file rather than once per cell.
struct At {
    element: Col,
    name: Col,
    category: Col,
    subjects: Col,
    source: Col,
    systems: Col,
    purpose: Col,
    why: Col,
    legal_basis: Col,
    special_category_condition: Col,
    legal_reference: Col,
    necessity: Col,
    opt_out: Col,
    retention: Col,
    shared_with: Col,
    visibility: Col,
    owner: Col,
    last_reviewed: Col,
    notes: Col,
}

impl At {
    fn new(cols: &Columns) -> At {
        At {
            element: cols.col("element"),
            name: cols.col("name"),
            category: cols.col("category"),
            subjects: cols.col("subjects"),
            source: cols.col("source"),
            systems: cols.col("systems"),
            purpose: cols.col("purpose"),
            why: cols.col("why"),
            legal_basis: cols.col("legal_basis"),
            special_category_condition: cols.col("special_category_condition"),
            legal_reference: cols.col("legal_reference"),
            necessity: cols.col("necessity"),
            opt_out: cols.col("opt_out"),
            retention: cols.col("retention"),
            shared_with: cols.col("shared_with"),
            visibility: cols.col("visibility"),
            owner: cols.col("owner"),
            last_reviewed: cols.col("last_reviewed"),
            notes: cols.col("notes"),
        }
    }
}

fn read_row(
    src: &SourceFile,
    at: &At,
    cols: &Columns,
    row: &Record,
    errors: &mut Vec<Diagnostic>,
) -> Option<RawUse> {
    let element = at.element.of(row);
    if element.is_empty() {
        errors.push(
            at_cell(src, row, element, "this row has no `element` id")
                .help("every row names the data element it is about, e.g. `email_address`"),
        );
        return None;
    }
    if let Err(e) = check_id(&element.value, IdKind::Element, "element id") {
        errors.push(e.at(src, element));
        return None;
    }
    let source_cell = at.source.of(row);
    let source = opt_enum(src, source_cell, "source", SOURCES, errors);
    let legal_basis = opt_enum(
        src,
        at.legal_basis.of(row),
        "legal_basis",
        LEGAL_BASES,
        errors,
    );
    let special_category_condition = opt_enum(
        src,
        at.special_category_condition.of(row),
        "special_category_condition",
        SpecialCategoryCondition::ALL,
        errors,
    );
    let necessity = opt_enum(src, at.necessity.of(row), "necessity", NECESSITIES, errors);
    let visibility = opt_enum(
        src,
        at.visibility.of(row),
        "visibility",
        VISIBILITIES,
        errors,
    )
    .unwrap_or_default();
    let purpose = at.purpose.of(row);
    if purpose.is_empty() {
        errors.push(
            at_cell(
                src,
                row,
                purpose,
                format!("`purpose` is empty for element `{}`", element.value),
            )
            .help("name the data use, e.g. `marketing.communications.email` (fideslang data use keys)"),
        );
    }
    let why = at.why.of(row);
    if why.is_empty() {
        errors.push(
            at_cell(
                src,
                row,
                why,
                format!("`why` is empty for element `{}`", element.value),
            )
            .help("say in plain words why this data is used for this purpose: it is shown to the public"),
        );
    }
    let reviewed = at.last_reviewed.of(row);
    let last_reviewed = if reviewed.is_empty() {
        None
    } else {
        parse_date(&reviewed.value, "last_reviewed")
            .map_err(|e| errors.push(e.at(src, reviewed)))
            .ok()
    };
    let retention = at.retention.of(row);
    let extra = cols
        .extra
        .iter()
        .filter_map(|(name, i)| {
            let v = row.cells.get(*i)?;
            (!v.is_empty()).then(|| (name.clone(), v.value.to_string()))
        })
        .collect();
    let (name, category) = (at.name.of(row), at.category.of(row));
    let (subjects, systems, owner) = (at.subjects.of(row), at.systems.of(row), at.owner.of(row));
    let element_level = [category, subjects, source_cell, systems, owner];
    let element_cells = element_level.iter().any(|c| !c.is_empty()).then(|| {
        Box::new(ElementCells {
            category: Cell::from(category),
            subjects: split_list(subjects),
            source,
            source_column: source_cell.column,
            systems: split_list(systems),
            owner: Cell::from(owner),
        })
    });
    Some(RawUse {
        origin: Origin::new(&src.path, row.line),
        element: element.value.to_string(),
        name: Cell::from(name),
        element_cells,
        category_at: (category.line, category.column),
        purpose: Cell::from(purpose),
        why: why.value.to_string(),
        legal_basis,
        special_category_condition,
        legal_reference: at.legal_reference.text(row),
        necessity,
        opt_out: at.opt_out.text(row),
        retention: (!retention.is_empty()).then(|| Cell::from(retention)),
        shared_with: split_list(at.shared_with.of(row)),
        visibility,
        last_reviewed,
        notes: at.notes.text(row),
        extra,
    })
}

#[cfg(test)]
mod tests;
