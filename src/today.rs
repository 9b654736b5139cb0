//! The date the audit's review rules compare against.
//!
//! `--today YYYY-MM-DD` wins, then `SOURCE_DATE_EPOCH` (seconds since 1970, UTC), then the
//! clock, so CI runs and tests are reproducible. `check`, `build` and `diff` all use this.

use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::Timestamp;

use crate::diag::Error;

/// Today for this run: the flag, else `SOURCE_DATE_EPOCH`, else the local date.
pub fn today(flag: Option<Date>) -> Result<Date, Error> {
    let epoch = std::env::var("SOURCE_DATE_EPOCH").ok();
    resolve(flag, epoch.as_deref(), || {
        Timestamp::now()
            .to_zoned_datetime(TimeZone::system())
            .date()
    })
}

/// [`today`] with its inputs passed in, so it can be tested without the environment.
pub fn resolve(
    flag: Option<Date>,
    source_date_epoch: Option<&str>,
    clock: impl FnOnce() -> Date,
) -> Result<Date, Error> {
    if let Some(date) = flag {
        return Ok(date);
    }
    Ok(epoch_date(source_date_epoch)?.unwrap_or_else(clock))
}

/// The date of `SOURCE_DATE_EPOCH` (UTC), only when it is set: a build shows it as its
/// "generated on" date, and shows none otherwise, so the same input gives the same bytes.
pub fn source_date() -> Result<Option<Date>, Error> {
    epoch_date(std::env::var("SOURCE_DATE_EPOCH").ok().as_deref())
}

/// Parses a `SOURCE_DATE_EPOCH` value; unset or blank is `None`, anything else must be a
/// number of seconds since 1970.
fn epoch_date(source_date_epoch: Option<&str>) -> Result<Option<Date>, Error> {
    let Some(text) = source_date_epoch.map(str::trim).filter(|s| !s.is_empty()) else {
        return Ok(None);
    };
    text.parse::<i64>()
        .ok()
        .and_then(|secs| Timestamp::from_second(secs).ok())
        .map(|ts| Some(ts.to_zoned_datetime(TimeZone::UTC).date()))
        .ok_or_else(|| {
            Error::Usage(format!(
                "SOURCE_DATE_EPOCH must be a number of seconds since 1970-01-01, found `{text}`"
            ))
        })
}

/// Parses `--today`: a calendar date `YYYY-MM-DD` (used as a clap value parser).
pub fn parse_date(text: &str) -> Result<Date, String> {
    text.trim()
        .parse::<Date>()
        .map_err(|_| format!("expected a date like 2026-11-30, found `{text}`"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn never() -> Date {
        panic!("the clock must not be read")
    }

    #[test]
    fn flag_wins_over_epoch() {
        let d = resolve(Some(date(2026, 1, 2)), Some("0"), never).unwrap();
        assert_eq!(d, date(2026, 1, 2));
    }

    #[test]
    fn epoch_is_read_as_utc_seconds() {
        // 2026-11-30T23:59:59Z
        let d = resolve(None, Some("1796083199"), never).unwrap();
        assert_eq!(d, date(2026, 11, 30));
    }

    #[test]
    fn clock_when_nothing_given() {
        let d = resolve(None, Some("  "), || date(2030, 5, 6)).unwrap();
        assert_eq!(d, date(2030, 5, 6));
    }

    #[test]
    fn bad_epoch_is_a_usage_error() {
        let e = resolve(None, Some("yesterday"), never).unwrap_err();
        assert!(e.to_string().contains("SOURCE_DATE_EPOCH"), "{e}");
    }

    #[test]
    fn epoch_dates_only_when_set() {
        assert_eq!(epoch_date(None).unwrap(), None);
        assert_eq!(epoch_date(Some(" ")).unwrap(), None);
        assert_eq!(
            epoch_date(Some("1796083200")).unwrap(),
            Some(date(2026, 12, 1))
        );
        assert!(epoch_date(Some("-x")).is_err());
    }

    #[test]
    fn parses_flag_dates() {
        assert_eq!(parse_date("2026-02-28"), Ok(date(2026, 2, 28)));
        assert!(parse_date("2026-02-30").is_err());
        assert!(parse_date("28.02.2026").unwrap_err().contains("2026-11-30"));
    }
}
