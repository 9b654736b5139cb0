//! Privado's `.privado/privado.json`: `sources[]` (`id` such as
//! `Data.Sensitive.ContactData.EmailAddress`, `name`), and `dataFlow.third_parties[]`
//! (`sourceId`, `sinks[]` with `name`, `domains[]`, `paths`); `createdAt` (milliseconds) dates
//! the scan. Sources are named by their rule id, which the mapping table knows.

use jiff::civil::Date;
use serde_json::Value;

use super::{quoted, Detection, Shape};
use crate::diag::Diagnostic;
use crate::load::SourceFile;

pub fn parse(
    src: &SourceFile,
    v: &Value,
) -> Result<(Option<Date>, Vec<Detection>), Vec<Diagnostic>> {
    let mut shape = Shape::new(src);
    let mut out = Vec::new();
    let date = v
        .get("createdAt")
        .and_then(Value::as_i64)
        .and_then(|ms| jiff::Timestamp::from_millisecond(ms).ok())
        .map(|t| t.to_zoned_datetime(jiff::tz::TimeZone::UTC).date());
    let occurrences = first_occurrences(v);
    for (i, s) in shape.array(v, "sources", "").iter().enumerate() {
        let pointer = format!("/sources/{i}");
        let Some(id) = shape.text(s, "id", &pointer) else {
            shape.wrong(
                &format!("{pointer}/id"),
                "the source rule's id",
                "\"sources\"",
            );
            continue;
        };
        let line = shape.line_of(&quoted(&id));
        out.push(Detection {
            location: occurrences
                .iter()
                .find(|(k, _)| *k == id)
                .map(|(_, l)| l.clone()),
            data_type: Some(id),
            third_party: None,
            domains: Vec::new(),
            system: None,
            count: 1,
            pointer,
            line,
        });
    }
    let flow = v.get("dataFlow").unwrap_or(&Value::Null);
    if !flow.is_null() && !flow.is_object() {
        shape.wrong("/dataFlow", "an object", "\"dataFlow\"");
    }
    for (i, f) in shape
        .array(flow, "third_parties", "/dataFlow")
        .iter()
        .enumerate()
    {
        let pointer = format!("/dataFlow/third_parties/{i}");
        let source = shape.text(f, "sourceId", &pointer);
        for (j, sink) in shape.array(f, "sinks", &pointer).iter().enumerate() {
            let p = format!("{pointer}/sinks/{j}");
            let name = shape
                .text(sink, "name", &p)
                .or_else(|| shape.text(sink, "id", &p));
            let Some(name) = name else {
                shape.wrong(&format!("{p}/name"), "the third party's name", "\"sinks\"");
                continue;
            };
            let domains = shape
                .array(sink, "domains", &p)
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect();
            let line = shape.line_of(&quoted(&name));
            out.push(Detection {
                data_type: source.clone(),
                third_party: Some(name),
                domains,
                system: None,
                location: sink_location(sink),
                count: 1,
                pointer: p,
                line,
            });
        }
    }
    shape.finish((date, out))
}

/// `file:line` of the first occurrence of each source in `processing[]`.
fn first_occurrences(v: &Value) -> Vec<(String, String)> {
    let Some(list) = v.get("processing").and_then(Value::as_array) else {
        return Vec::new();
    };
    list.iter()
        .filter_map(|p| {
            let id = p.get("sourceId")?.as_str()?;
            let first = p.get("occurrences")?.as_array()?.first()?;
            Some((id.to_string(), at(first)?))
        })
        .collect()
}

/// The last step of a sink's first path: where the data leaves the code.
fn sink_location(sink: &Value) -> Option<String> {
    let path = sink
        .get("paths")?
        .as_array()?
        .first()?
        .get("path")?
        .as_array()?;
    at(path.last()?)
}

fn at(step: &Value) -> Option<String> {
    let file = step.get("fileName")?.as_str()?;
    let line = step.get("lineNumber").and_then(Value::as_i64).unwrap_or(0);
    Some(format!("{file}:{line}"))
}
