//! Human-readable text: a summary line, the scores, then findings grouped by FAIR letter.

use crate::finding::{Letter, Severity};
use crate::report::Report;
use std::fmt::Write;

/// Renders a report for people. Plain text (no colour codes), deterministic.
pub fn text(report: &Report) -> String {
    let mut out = String::new();
    let name = report.input.as_deref().unwrap_or("<input>");
    let verdict = if report.conforms {
        "no findings"
    } else if report.has_errors() {
        "fails"
    } else {
        "passes with remarks"
    };
    let _ = writeln!(
        out,
        "{name}: {verdict} — {} error{}, {} warning{}, {} info",
        report.counts.error,
        plural(report.counts.error),
        report.counts.warning,
        plural(report.counts.warning),
        report.counts.info
    );
    let _ = writeln!(
        out,
        "  {} · {} triples · profile {} {} ({})",
        report.document.format,
        report.document.triples,
        report.profile.id,
        report.profile.version,
        match report.profile.selected_by {
            crate::report::ProfileSelection::Explicit => "chosen by you",
            crate::report::ProfileSelection::ConformsTo => "from dct:conformsTo",
            crate::report::ProfileSelection::Type => "from the record's type",
            crate::report::ProfileSelection::Default => "default",
        }
    );
    let score = |v: Option<f64>| v.map_or_else(|| "–".to_owned(), |v| format!("{v:.0}"));
    let bar = |v: Option<f64>| match v {
        Some(v) => {
            let filled = ((v / 10.0).round() as usize).min(10);
            format!("{}{}", "█".repeat(filled), "░".repeat(10 - filled))
        }
        None => "··········".to_owned(),
    };
    out.push_str("\n ");
    for letter in Letter::ALL {
        let v = report.scores.get(letter);
        let _ = write!(out, " {:?} {} {:>3} ", letter, bar(v), score(v));
    }
    let _ = writeln!(out, "  total {}", score(report.scores.total));
    let not_assessed = report
        .indicators
        .iter()
        .filter(|i| i.status == crate::scoring::Status::NotAssessed)
        .count();
    let _ = writeln!(
        out,
        "  ({}; {} of {} indicators need the network or the data and were not assessed)",
        report.scores.method,
        not_assessed,
        report.indicators.len()
    );
    if !report.top_fixes.is_empty() {
        let _ = writeln!(out, "\n  Fix first:");
        for (n, fix) in report.top_fixes.iter().enumerate() {
            let priority = match fix.priority {
                crate::scoring::Priority::Essential => "essential",
                crate::scoring::Priority::Important => "important",
                crate::scoring::Priority::Useful => "useful",
            };
            let _ = writeln!(
                out,
                "    {}. {} ({priority}, {})",
                n + 1,
                fix.message,
                fix.indicator
            );
        }
    }

    for letter in Letter::ALL {
        let group: Vec<_> = report
            .findings
            .iter()
            .filter(|f| f.principle.letter() == letter)
            .collect();
        if group.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n  {} ({})", letter.title(), group.len());
        let mut group = group;
        group.sort_by_key(|f| std::cmp::Reverse(f.severity));
        for f in group {
            let mark = match f.severity {
                Severity::Error => "✗ error  ",
                Severity::Warning => "! warning",
                Severity::Info => "i info   ",
            };
            let _ = writeln!(out, "    {mark} {} [{}] {}", f.code, f.principle, f.message);
            let mut place = Vec::new();
            if let Some(focus) = &f.focus_node {
                place.push(focus.clone());
            }
            if let Some(path) = &f.path {
                place.push(path.clone());
            }
            if let Some(location) = &f.location {
                place.push(format!("at {location}"));
            }
            if !place.is_empty() {
                let _ = writeln!(out, "              {}", place.join(" "));
            }
            if let Some(fix) = &f.fix {
                let _ = writeln!(out, "              fix: {}", fix.message);
            }
        }
    }
    if report.truncated {
        let _ = writeln!(out, "\n  (findings truncated at the configured maximum)");
    }
    out
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
