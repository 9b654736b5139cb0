//! Bearer CLI's privacy report (`bearer scan . --report privacy --format json`):
//! `subjects[]` (`subject_name`, `name` = data type, `detection_count`) and `third_party[]`
//! (`third_party`, `subject_name`, `data_types[]`). Bearer writes `Unknown` for a data type
//! it could not name; such a third party is a detection without a data type.

use serde_json::Value;

use super::{quoted, Detection, Shape};
use crate::diag::Diagnostic;
use crate::load::SourceFile;

/// Bearer's word for "no data type known".
const UNKNOWN: &str = "Unknown";

pub fn parse(src: &SourceFile, v: &Value) -> Result<Vec<Detection>, Vec<Diagnostic>> {
    let mut shape = Shape::new(src);
    let mut out = Vec::new();
    for (i, s) in shape.array(v, "subjects", "").iter().enumerate() {
        let pointer = format!("/subjects/{i}");
        let Some(name) = shape.text(s, "name", &pointer) else {
            shape.wrong(
                &format!("{pointer}/name"),
                "the data type's name",
                "\"subject_name\"",
            );
            continue;
        };
        let count = match s.get("detection_count") {
            None | Some(Value::Null) => 1,
            Some(c) => c.as_u64().unwrap_or_else(|| {
                shape.wrong(
                    &format!("{pointer}/detection_count"),
                    "a whole number",
                    "\"detection_count\"",
                );
                1
            }),
        };
        let line = shape.line_of(&quoted(&name));
        out.push(Detection {
            data_type: Some(name).filter(|n| n != UNKNOWN),
            third_party: None,
            domains: Vec::new(),
            system: None,
            location: None,
            count,
            pointer,
            line,
        });
    }
    for (i, t) in shape.array(v, "third_party", "").iter().enumerate() {
        let pointer = format!("/third_party/{i}");
        let Some(party) = shape.text(t, "third_party", &pointer) else {
            shape.wrong(
                &format!("{pointer}/third_party"),
                "the third party's name",
                "\"third_party\"",
            );
            continue;
        };
        let line = shape.line_of(&quoted(&party));
        let types = shape.array(t, "data_types", &pointer);
        let mut names: Vec<Option<String>> = Vec::new();
        for (j, d) in types.iter().enumerate() {
            match d.as_str() {
                Some(UNKNOWN) => names.push(None),
                Some(n) if !n.trim().is_empty() => names.push(Some(n.trim().to_string())),
                _ => shape.wrong(
                    &format!("{pointer}/data_types/{j}"),
                    "a data type's name",
                    "\"data_types\"",
                ),
            }
        }
        if names.is_empty() {
            names.push(None);
        }
        names.dedup();
        for name in names {
            out.push(Detection {
                data_type: name,
                third_party: Some(party.clone()),
                domains: Vec::new(),
                system: None,
                location: None,
                count: 1,
                pointer: pointer.clone(),
                line,
            });
        }
    }
    shape.finish(out)
}
