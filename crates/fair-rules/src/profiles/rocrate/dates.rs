//! ISO 8601 dates and date-times, as RO-Crate's `datePublished` needs them.

/// Whether `s` is an ISO 8601 date or date-time (calendar, week or ordinal date, extended or
/// basic format, optional time and zone); `Some(true)` when it gives at least the day.
pub(super) fn iso8601(s: &str) -> Option<bool> {
    let s = s.trim();
    let (date, time) = match s.find(['T', ' ']) {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    let day = iso_date(date)?;
    if let Some(time) = time {
        if !day || !iso_time(time) {
            return None;
        }
    }
    Some(day)
}

pub(super) fn digits(s: &str, n: usize) -> Option<u32> {
    (s.len() == n && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// Calendar (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`, `YYYYMMDD`), week (`YYYY-Www[-D]`) or ordinal
/// (`YYYY-DDD`) date; `Some(true)` when it names a day.
fn iso_date(s: &str) -> Option<bool> {
    let s = s.strip_prefix(['+', '-']).unwrap_or(s);
    let year = s.get(..4)?;
    digits(year, 4)?;
    let rest = &s[4..];
    if rest.is_empty() {
        return Some(false);
    }
    let (rest, dash) = match rest.strip_prefix('-') {
        Some(r) => (r, true),
        None => (rest, false),
    };
    if let Some(week) = rest.strip_prefix('W') {
        let w = digits(week.get(..2)?, 2)?;
        if !(1..=53).contains(&w) {
            return None;
        }
        let d = &week[2..];
        if d.is_empty() {
            return Some(false);
        }
        let d = if dash { d.strip_prefix('-')? } else { d };
        return (digits(d, 1).is_some_and(|d| (1..=7).contains(&d))).then_some(true);
    }
    match (rest.len(), dash) {
        // YYYY-MM, and YYYYMM, which ISO 8601 itself does not allow but rocrate-validator's
        // pattern (and so RO-Crate practice) accepts.
        (2, _) => digits(rest, 2)
            .filter(|m| (1..=12).contains(m))
            .map(|_| false),
        (3, _) => digits(rest, 3)
            .filter(|d| (1..=366).contains(d))
            .map(|_| true),
        (5, true) | (4, false) => {
            let (m, d) = if dash {
                (rest.get(..2)?, rest.strip_prefix(rest.get(..3)?)?)
            } else {
                (rest.get(..2)?, rest.get(2..)?)
            };
            if dash && rest.as_bytes().get(2) != Some(&b'-') {
                return None;
            }
            let m = digits(m, 2)?;
            let d = digits(d, 2)?;
            ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some(true)
        }
        _ => None,
    }
}

/// `hh[:mm[:ss[.f]]]` (or basic `hhmmss`) with an optional `Z` or `±hh[:mm]` zone.
fn iso_time(s: &str) -> bool {
    let (clock, zone) = match s.find(['Z', 'z', '+', '-']) {
        Some(i) => (&s[..i], &s[i..]),
        None => (s, ""),
    };
    let zone_ok = match zone {
        "" | "Z" | "z" => true,
        z => {
            let z = &z[1..];
            let z = z.replace(':', "");
            matches!(z.len(), 2 | 4)
                && digits(&z[..2], 2).is_some_and(|h| h <= 23)
                && (z.len() == 2 || digits(&z[2..], 2).is_some_and(|m| m <= 59))
        }
    };
    let (main, fraction) = match clock.find(['.', ',']) {
        Some(i) => (&clock[..i], Some(&clock[i + 1..])),
        None => (clock, None),
    };
    if fraction.is_some_and(|f| f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit())) {
        return false;
    }
    let parts: Vec<&str> = if main.contains(':') {
        main.split(':').collect()
    } else {
        (0..main.len() / 2)
            .map(|i| main.get(2 * i..2 * i + 2).unwrap_or(""))
            .collect()
    };
    if main.len() % 2 == 1 && !main.contains(':') {
        return false;
    }
    let limits = [24, 59, 60];
    zone_ok
        && !parts.is_empty()
        && parts.len() <= 3
        && parts
            .iter()
            .zip(limits)
            .all(|(p, max)| digits(p, 2).is_some_and(|v| v <= max))
}
