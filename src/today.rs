//! The run's dates, resolved once: the one place that reads `SOURCE_DATE_EPOCH`.
//!
//! `--today YYYY-MM-DD` wins, then `SOURCE_DATE_EPOCH` (seconds since 1970, UTC), then the
//! clock, so CI runs and tests are reproducible. Every command takes its dates from one
//! [`Clock`]: the audit's "today", the footer's "generated on", the feed's `updated` and the
//! export timestamp. A set but invalid `SOURCE_DATE_EPOCH` is an error for all of them.

use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::Timestamp;

use crate::diag::Error;

/// The dates of one run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock {
    /// What the audit's review rules compare against: the flag, else the date (UTC) of
    /// `SOURCE_DATE_EPOCH`, else the local date.
    pub today: Date,
    /// `--today` as given.
    flag: Option<Date>,
    /// `SOURCE_DATE_EPOCH`, when set.
    epoch: Option<Timestamp>,
    /// The time the clock was read; only when neither the flag nor the epoch was given.
    now: Option<Timestamp>,
}

impl Clock {
    /// The clock of this run: `flag` (`--today`), else `SOURCE_DATE_EPOCH`, else the time now.
    pub fn from_env(flag: Option<Date>) -> Result<Clock, Error> {
        let epoch = std::env::var("SOURCE_DATE_EPOCH").ok();
        Clock::resolve(flag, epoch.as_deref(), Timestamp::now)
    }

    /// [`Clock::from_env`] with its inputs passed in, so it can be tested without the
    /// environment. `now` is read only when neither the flag nor the epoch gives a date.
    pub fn resolve(
        flag: Option<Date>,
        source_date_epoch: Option<&str>,
        now: impl FnOnce() -> Timestamp,
    ) -> Result<Clock, Error> {
        let epoch = parse_epoch(source_date_epoch)?;
        let now = (flag.is_none() && epoch.is_none()).then(now);
        let today = match (flag, epoch, now) {
            (Some(d), _, _) => d,
            (None, Some(e), _) => e.to_zoned_datetime(TimeZone::UTC).date(),
            (None, None, Some(n)) => n.to_zoned_datetime(TimeZone::system()).date(),
            (None, None, None) => Timestamp::UNIX_EPOCH
                .to_zoned_datetime(TimeZone::UTC)
                .date(),
        };
        Ok(Clock {
            today,
            flag,
            epoch,
            now,
        })
    }

    /// A clock fixed at `today`, as `--today` gives (for tests and benches).
    pub fn fixed(today: Date) -> Clock {
        Clock {
            today,
            flag: Some(today),
            epoch: None,
            now: None,
        }
    }

    /// The "generated on" date of a build: the date of `SOURCE_DATE_EPOCH` (UTC), only when
    /// it is set, so the same input gives the same bytes.
    pub fn generated_on(&self) -> Option<Date> {
        self.epoch
            .map(|e| e.to_zoned_datetime(TimeZone::UTC).date())
    }

    /// The timestamp of an export: `SOURCE_DATE_EPOCH`, only when it is set.
    pub fn stamp(&self) -> Option<Timestamp> {
        self.epoch
    }

    /// When a feed built today is dated: midnight (UTC) of `--today` when it is given, else
    /// the `SOURCE_DATE_EPOCH` second, else midnight (UTC) of the UTC date of now — not the
    /// local date, which is a day ahead or behind UTC for part of every day in most time
    /// zones, while the feed says `Z`. Never the time of day of the build.
    pub fn feed_time(&self) -> Timestamp {
        let midnight = |d: Date| {
            d.to_zoned_datetime(TimeZone::UTC)
                .map(|z| z.timestamp())
                .unwrap_or(Timestamp::UNIX_EPOCH)
        };
        if let Some(d) = self.flag {
            return midnight(d);
        }
        if let Some(e) = self.epoch {
            return e;
        }
        let now = self.now.unwrap_or(Timestamp::UNIX_EPOCH);
        midnight(now.to_zoned_datetime(TimeZone::UTC).date())
    }
}

/// Parses a `SOURCE_DATE_EPOCH` value; unset or blank is `None`, anything else must be a
/// number of seconds since 1970.
fn parse_epoch(source_date_epoch: Option<&str>) -> Result<Option<Timestamp>, Error> {
    let Some(text) = source_date_epoch.map(str::trim).filter(|s| !s.is_empty()) else {
        return Ok(None);
    };
    text.parse::<i64>()
        .ok()
        .and_then(|secs| Timestamp::from_second(secs).ok())
        .map(Some)
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

    fn never() -> Timestamp {
        panic!("the clock must not be read")
    }

    #[test]
    fn flag_wins_over_epoch() {
        let c = Clock::resolve(Some(date(2026, 1, 2)), Some("0"), never).unwrap();
        assert_eq!(c.today, date(2026, 1, 2));
        assert_eq!(c.generated_on(), Some(date(1970, 1, 1)));
    }

    #[test]
    fn epoch_is_read_as_utc_seconds() {
        // 2026-11-30T23:59:59Z
        let c = Clock::resolve(None, Some("1796083199"), never).unwrap();
        assert_eq!(c.today, date(2026, 11, 30));
        assert_eq!(c.stamp().unwrap().to_string(), "2026-11-30T23:59:59Z");
    }

    #[test]
    fn clock_when_nothing_given() {
        let noon = || "2030-05-06T12:00:00Z".parse::<Timestamp>().unwrap();
        let c = Clock::resolve(None, Some("  "), noon).unwrap();
        assert_eq!(c.generated_on(), None);
        assert_eq!(c.stamp(), None);
        assert_eq!(c.feed_time().to_string(), "2030-05-06T00:00:00Z");
    }

    /// One behaviour: a bad value is an error even when `--today` makes it unused for the
    /// audit, because the footer, feed and exports would read it.
    #[test]
    fn bad_epoch_is_a_usage_error_everywhere() {
        for flag in [None, Some(date(2026, 1, 2))] {
            let e = Clock::resolve(flag, Some("yesterday"), never).unwrap_err();
            assert!(
                matches!(&e, Error::Usage(m) if m.contains("`yesterday`")),
                "{e}"
            );
        }
        assert!(Clock::resolve(None, Some("-x"), never).is_err());
    }

    #[test]
    fn generated_on_only_when_the_epoch_is_set() {
        let c = Clock::resolve(None, Some("1796083200"), never).unwrap();
        assert_eq!(c.generated_on(), Some(date(2026, 12, 1)));
        assert_eq!(Clock::fixed(date(2026, 12, 1)).generated_on(), None);
    }

    #[test]
    fn feed_time_never_reads_the_time_of_day() {
        // 2026-11-30T15:00Z: already 2026-12-01 in Kiritimati (+14), still 11-30 in UTC.
        let now = || Timestamp::from_second(1_796_050_800).unwrap();
        let feed = |flag, epoch| Clock::resolve(flag, epoch, now).unwrap().feed_time();
        assert_eq!(
            feed(Some(date(2026, 1, 2)), Some("1796083199")).to_string(),
            "2026-01-02T00:00:00Z"
        );
        assert_eq!(
            feed(None, Some("1796083199")).to_string(),
            "2026-11-30T23:59:59Z"
        );
        assert_eq!(feed(None, None).to_string(), "2026-11-30T00:00:00Z");
    }

    #[test]
    fn parses_flag_dates() {
        assert_eq!(parse_date("2026-02-28"), Ok(date(2026, 2, 28)));
        assert!(parse_date("2026-02-30").is_err());
        assert!(parse_date("28.02.2026").unwrap_err().contains("2026-11-30"));
    }
}
