//! Retention durations: ISO 8601 with years, months, weeks and days (`P30D`, `P1Y6M`), or
//! `indefinite`. A time part (`PT72H`) is refused: retention is counted in days or longer.

use crate::model::RetentionPeriod;

use crate::ids::Invalid;

/// Parses a `duration` cell of retention.csv.
pub fn parse_duration(raw: &str) -> Result<RetentionPeriod, Invalid> {
    let raw = raw.trim();
    if raw.eq_ignore_ascii_case("indefinite") {
        return Ok(RetentionPeriod::Indefinite);
    }
    let upper = raw.to_ascii_uppercase();
    let Some(body) = upper.strip_prefix('P') else {
        return Err(invalid(raw, guess(raw)));
    };
    if let Some(t) = body.find('T') {
        return Err(Invalid {
            message: format!(
                "`duration` `{raw}` counts hours, minutes or seconds (the part after `T`); retention is counted in days, weeks, months or years"
            ),
            help: Some(match hours_as_days(&body[t + 1..]) {
                Some(days) if t == 0 => format!("write `P{days}D`"),
                _ => "drop the part after `T`, e.g. `P3D` instead of `PT72H`".to_string(),
            }),
        });
    }
    let (mut years, mut months, mut weeks, mut days) = (None, None, None, None);
    let mut digits = String::new();
    let mut last_unit = 0;
    for c in body.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
            continue;
        }
        let (slot, order) = match c {
            'Y' => (&mut years, 1),
            'M' => (&mut months, 2),
            'W' => (&mut weeks, 3),
            'D' => (&mut days, 4),
            _ => return Err(invalid(raw, None)),
        };
        if digits.is_empty() || order <= last_unit || slot.is_some() {
            return Err(invalid(raw, None));
        }
        let n: u32 = digits.parse().map_err(|_| Invalid {
            message: format!("`duration` `{raw}` is too long to count"),
            help: Some("use `indefinite` for data kept without a limit".to_string()),
        })?;
        *slot = Some(n);
        last_unit = order;
        digits.clear();
    }
    if !digits.is_empty() || last_unit == 0 {
        return Err(invalid(raw, None));
    }
    Ok(RetentionPeriod::Fixed {
        iso: raw.to_string(),
        years: years.unwrap_or(0),
        months: months.unwrap_or(0),
        weeks: weeks.unwrap_or(0),
        days: days.unwrap_or(0),
    })
}

fn invalid(raw: &str, guess: Option<String>) -> Invalid {
    Invalid {
        message: format!(
            "`duration` must be an ISO 8601 duration such as `P30D` (30 days), `P24M` (24 months), `P1Y6M` (1 year and 6 months) or `indefinite`; found `{raw}`"
        ),
        help: Some(match guess {
            Some(g) => format!("did you mean `{g}`?"),
            None => "write P, then numbers with Y (years), M (months), W (weeks), D (days) in that order".to_string(),
        }),
    }
}

/// `30 days` -> `P30D`, `2 years` -> `P2Y`: the ISO form of a duration written in words.
fn guess(raw: &str) -> Option<String> {
    let mut parts = raw.split_whitespace();
    let (n, unit) = (parts.next()?, parts.next()?);
    if parts.next().is_some() || n.parse::<u32>().is_err() {
        return None;
    }
    let letter = match unit.to_ascii_lowercase().trim_end_matches('s') {
        "year" | "yr" => 'Y',
        "month" | "mo" => 'M',
        "week" | "wk" => 'W',
        "day" => 'D',
        _ => return None,
    };
    Some(format!("P{n}{letter}"))
}

/// `72H` -> 3 when the time part is a whole number of days in hours.
fn hours_as_days(time: &str) -> Option<u32> {
    let hours: u32 = time.strip_suffix('H')?.parse().ok()?;
    (hours > 0 && hours % 24 == 0).then_some(hours / 24)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(raw: &str) -> (u32, u32, u32, u32) {
        match parse_duration(raw).unwrap() {
            RetentionPeriod::Fixed {
                years,
                months,
                weeks,
                days,
                ..
            } => (years, months, weeks, days),
            RetentionPeriod::Indefinite => panic!("indefinite"),
        }
    }

    #[test]
    fn parses_the_documented_forms() {
        assert_eq!(fixed("P30D"), (0, 0, 0, 30));
        assert_eq!(fixed("P24M"), (0, 24, 0, 0));
        assert_eq!(fixed("P7Y"), (7, 0, 0, 0));
        assert_eq!(fixed("P1Y6M"), (1, 6, 0, 0));
        assert_eq!(fixed("P2W"), (0, 0, 2, 0));
        assert_eq!(fixed("p1y"), (1, 0, 0, 0));
        assert_eq!(
            parse_duration("Indefinite").unwrap(),
            RetentionPeriod::Indefinite
        );
        let RetentionPeriod::Fixed { iso, .. } = parse_duration(" P30D ").unwrap() else {
            panic!()
        };
        assert_eq!(iso, "P30D");
    }

    #[test]
    fn refuses_time_parts_with_a_fix() {
        let e = parse_duration("PT72H").unwrap_err();
        assert!(e.message.contains("counts hours"), "{}", e.message);
        assert_eq!(e.help.as_deref(), Some("write `P3D`"));
        let e = parse_duration("P1DT5H").unwrap_err();
        assert!(e.help.unwrap().contains("drop the part after `T`"));
    }

    #[test]
    fn refuses_junk() {
        for bad in ["", "P", "30D", "P30", "PD", "P1D1Y", "P1Y1Y", "P1X", "P-1D"] {
            let e = parse_duration(bad).unwrap_err();
            assert!(e.message.contains("ISO 8601"), "{bad}: {}", e.message);
        }
        let e = parse_duration("P99999999999D").unwrap_err();
        assert!(e.message.contains("too long"));
    }

    #[test]
    fn suggests_iso_for_words() {
        let e = parse_duration("30 days").unwrap_err();
        assert_eq!(e.help.as_deref(), Some("did you mean `P30D`?"));
        let e = parse_duration("2 years").unwrap_err();
        assert_eq!(e.help.as_deref(), Some("did you mean `P2Y`?"));
    }
}
