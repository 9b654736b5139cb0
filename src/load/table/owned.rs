//! Owned copies of what the reader borrows, for values kept past their source text.

use super::{Field, Record};

/// One field that owns its text, to keep past the source it was read from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Cell {
    pub value: String,
    pub line: usize,
    pub column: usize,
}

impl Cell {
    pub fn is_empty(&self) -> bool {
        self.value.is_empty()
    }
}

impl From<&Field<'_>> for Cell {
    fn from(f: &Field<'_>) -> Cell {
        Cell {
            value: f.value.to_string(),
            line: f.line,
            column: f.column,
        }
    }
}

/// One record with owned cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub line: usize,
    pub cells: Vec<Cell>,
}

impl From<Record<'_>> for Row {
    fn from(r: Record<'_>) -> Row {
        Row {
            line: r.line,
            cells: r.cells.iter().map(Cell::from).collect(),
        }
    }
}
