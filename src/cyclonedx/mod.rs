//! The CycloneDX vocabulary candor shares between `export` (which writes model cards as
//! CycloneDX) and `import` (which reads them back): the `candor:*` property names and the
//! serde names of enum values.

use serde::Serialize;
use serde_json::Value;

pub mod props;

/// The serde name of a unit enum variant (`ModelStatus::Production` -> `production`).
pub fn enum_name<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(Value::String(s)) => s,
        _ => String::new(),
    }
}
