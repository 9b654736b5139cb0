//! Reading the data records of a large CSV file in parallel pieces, with exactly the results
//! of one reader going through it from the top.
//!
//! The text after the header is cut after newlines into pieces, each read by its own reader
//! from the line it starts on. A cut may fall inside a quoted value that spans lines: the piece
//! before it then runs into its end inside an open quote. The first piece starts right after
//! the header and reading is deterministic, so a piece that ends cleanly at its cut proves that
//! the next piece starts at a record, and a piece after one that did not is read again from the
//! record with the open quote, over a longer piece. Pieces are read a few at a time, so only a
//! few pieces' records and rows are in memory at once.

use rayon::prelude::*;

use crate::diag::Diagnostic;

use super::{Reader, Record, Records};

/// How to cut the text and in what order to report.
#[derive(Debug, Clone, Copy)]
pub struct Plan {
    /// Bytes per piece (a piece ends at the first line end past this).
    pub piece: usize,
    /// Pieces read in parallel before their rows are gathered.
    pub wave: usize,
    /// Rows per reporting batch: all reading problems of a batch's rows come before the
    /// problems `parse` finds in them, as when rows were read and parsed in batches of this size.
    pub batch: usize,
}

/// The data rows of a file, parsed, and how reading went.
#[derive(Debug)]
pub struct Rows<T> {
    /// What `parse` returned for each record with as many fields as the header, in order.
    pub rows: Vec<T>,
    /// Records given to `parse`.
    pub seen: usize,
    /// True when an unclosed quote stopped reading before the end of the file.
    pub truncated: bool,
    /// Records left out (and reported) because their field count differs from the header's.
    pub dropped: usize,
}

/// Reads the rest of `records` as [`Records::next_row`] would, piece by piece in parallel,
/// passing each record to `parse`. Its diagnostics and those of the reading go to `errors` in
/// the order of reading in batches of `plan.batch` rows, each batch then parsed.
pub fn read_rows<'a, T, F>(
    records: Records<'a>,
    plan: Plan,
    errors: &mut Vec<Diagnostic>,
    parse: F,
) -> Rows<T>
where
    T: Send,
    F: Fn(&Record<'a>, &mut Vec<Diagnostic>) -> Option<T> + Sync,
{
    let text = &records.src.text;
    let mut out = Rows {
        rows: Vec::new(),
        seen: 0,
        truncated: records.truncated,
        dropped: records.dropped,
    };
    if records.truncated || records.reader.at_end() {
        return out;
    }
    let cuts = cuts(text, records.reader.pos, plan.piece);
    let lines = line_numbers(text, &cuts, records.reader.line);
    // One row per line at most: reserving that up front spares the copies (and the doubled
    // peak) of growing a large vector.
    let newlines = lines[lines.len() - 1] - 1;
    out.rows = Vec::with_capacity(newlines.saturating_sub(records.header.line) + 1);
    let last = cuts.len() - 1;
    let at = |i: usize| Start {
        pos: cuts[i],
        line: lines[i],
    };
    // The next piece to read: where it starts (always at a record) and the cut it ends at.
    let (mut start, mut end) = (at(0), 1);
    // How many more cuts a piece read again after an open quote reaches than the one before.
    let mut reach = 1;
    let mut pending = Vec::new();
    loop {
        let mut pieces = vec![(start, end)];
        while pieces.len() < plan.wave.max(1) && pieces[pieces.len() - 1].1 < last {
            let j = pieces[pieces.len() - 1].1;
            pieces.push((at(j), j + 1));
        }
        let parts: Vec<Part<T>> = pieces
            .par_iter()
            .map(|&(from, to)| read_piece(&records, from, at(to), &parse))
            .collect();
        let mut next = None;
        for (part, &(_, to)) in parts.into_iter().zip(&pieces) {
            let base = out.seen;
            pending.extend(
                (part.diagnostics.into_iter()).map(|(i, phase, d)| (key(base + i, phase, plan), d)),
            );
            out.rows.extend(part.rows);
            out.seen += part.seen;
            out.dropped += part.dropped;
            let Some(open) = part.open else { continue };
            if text[cuts[to]..].contains('"') {
                // The quote may close past this piece: read again from its record, further.
                reach = if open.at == start { reach * 2 } else { 1 };
                next = Some((open.at, (to + reach).min(last)));
            } else {
                // Never closed in the whole file: reading the file in one go ends here too.
                let phase = Phase::Read;
                let k = key(out.seen, phase, plan);
                pending.extend(open.diagnostics.into_iter().map(|d| (k, d)));
                out.truncated = true;
            }
            break;
        }
        let done = out.truncated || (next.is_none() && pieces[pieces.len() - 1].1 == last);
        flush(
            &mut pending,
            if done {
                usize::MAX
            } else {
                out.seen / plan.batch.max(1) * 2
            },
            errors,
        );
        if done {
            return out;
        }
        (start, end) = next.unwrap_or_else(|| {
            let j = pieces[pieces.len() - 1].1;
            (at(j), j + 1)
        });
    }
}

/// Reads the rest of `records` with one reader from the top, in batches of `batch` records,
/// each batch then parsed: the reference [`read_rows`] must give exactly (the fuzz target
/// `chunks` compares the two with tiny pieces).
pub fn read_rows_serial<'a, T, F>(
    mut records: Records<'a>,
    batch: usize,
    errors: &mut Vec<Diagnostic>,
    parse: F,
) -> Rows<T>
where
    F: Fn(&Record<'a>, &mut Vec<Diagnostic>) -> Option<T>,
{
    let (mut rows, mut seen) = (Vec::new(), 0);
    loop {
        let read: Vec<Record> = std::iter::from_fn(|| records.next_row(errors))
            .take(batch.max(1))
            .collect();
        if read.is_empty() {
            break;
        }
        seen += read.len();
        for record in &read {
            rows.extend(parse(record, errors));
        }
    }
    Rows {
        rows,
        seen,
        truncated: records.truncated,
        dropped: records.dropped,
    }
}

/// Where a record starts: a byte offset at the start of a line, and that 1-based line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Start {
    pub(super) pos: usize,
    pub(super) line: usize,
}

/// A record whose quote is never closed in the text read: where it starts, and its
/// diagnostics (any found before the quote, then the unclosed quote).
#[derive(Debug)]
pub(super) struct Open {
    pub(super) at: Start,
    pub(super) diagnostics: Vec<Diagnostic>,
}

/// Whether a diagnostic came from reading a record or from parsing it.
#[derive(Debug, Clone, Copy)]
enum Phase {
    Read = 0,
    Parse = 1,
}

/// The order of a diagnostic: its row's batch, then reading before parsing.
fn key(row: usize, phase: Phase, plan: Plan) -> usize {
    row / plan.batch.max(1) * 2 + phase as usize
}

/// Moves the pending diagnostics with a key below `upto` to `errors`, in key order (and in
/// the order found within a key).
fn flush(pending: &mut Vec<(usize, Diagnostic)>, upto: usize, errors: &mut Vec<Diagnostic>) {
    pending.sort_by_key(|&(k, _)| k);
    let n = pending.partition_point(|&(k, _)| k < upto);
    errors.extend(pending.drain(..n).map(|(_, d)| d));
}

/// What one piece gave.
struct Part<T> {
    rows: Vec<T>,
    /// Each diagnostic with the index in the piece of the row it belongs to.
    diagnostics: Vec<(usize, Phase, Diagnostic)>,
    seen: usize,
    dropped: usize,
    /// The record that ran into the end of the piece inside a quote, if one did.
    open: Option<Open>,
}

/// Reads the records from `from` up to `to` (a line start, or the end of the text).
fn read_piece<'a, T, F>(records: &Records<'a>, from: Start, to: Start, parse: &F) -> Part<T>
where
    F: Fn(&Record<'a>, &mut Vec<Diagnostic>) -> Option<T>,
{
    let mut piece = Records {
        src: records.src,
        reader: Reader::new(&records.src.text[..to.pos], from, records.reader.width),
        header: records.header.clone(),
        truncated: false,
        dropped: 0,
    };
    let mut part = Part {
        // At most a row per line (the last may have no newline).
        rows: Vec::with_capacity(to.line - from.line + 1),
        diagnostics: Vec::new(),
        seen: 0,
        dropped: 0,
        open: None,
    };
    let mut found = Vec::new();
    loop {
        let next = piece.try_next(&mut found);
        let row = part.seen;
        (part.diagnostics).extend(found.drain(..).map(|d| (row, Phase::Read, d)));
        match next {
            Ok(Some(record)) => {
                part.rows.extend(parse(&record, &mut found));
                (part.diagnostics).extend(found.drain(..).map(|d| (row, Phase::Parse, d)));
                part.seen += 1;
            }
            Ok(None) => break,
            Err(open) => {
                part.open = Some(open);
                break;
            }
        }
    }
    part.dropped = piece.dropped;
    part
}

/// Byte offsets that cut `text` from `from` to its end into pieces of about `piece` bytes,
/// each cut just after a newline; the first is `from`, the last the end of the text.
fn cuts(text: &str, from: usize, piece: usize) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut cuts = vec![from];
    let mut at = from;
    while let Some(i) = bytes
        .get(at + piece.max(1) - 1..)
        .and_then(|rest| rest.iter().position(|&b| b == b'\n'))
    {
        at += piece.max(1) + i;
        if at >= text.len() {
            break;
        }
        cuts.push(at);
    }
    cuts.push(text.len());
    cuts
}

/// The 1-based line of each cut, the first being `first`; counted in parallel.
fn line_numbers(text: &str, cuts: &[usize], first: usize) -> Vec<usize> {
    let counts: Vec<usize> = cuts
        .par_windows(2)
        .map(|w| newlines(&text.as_bytes()[w[0]..w[1]]))
        .collect();
    std::iter::once(first)
        .chain(counts.iter().scan(first, |line, n| {
            *line += n;
            Some(*line)
        }))
        .collect()
}

/// The number of `\n` in `bytes`, counted in runs short enough for a byte counter, which the
/// compiler turns into wide compares (a plain filter-and-count goes byte by byte).
pub(super) fn newlines(bytes: &[u8]) -> usize {
    (bytes.chunks(255))
        .map(|run| usize::from(run.iter().fold(0u8, |n, &b| n + u8::from(b == b'\n'))))
        .sum()
}

#[cfg(test)]
mod tests;
