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
    let _ = write!(out, "  scores:");
    for letter in Letter::ALL {
        let _ = write!(out, " {:?} {}", letter, score(report.scores.get(letter)));
    }
    let _ = write!(out, " · total {}", score(report.scores.total));
    if report.scores.total.is_none() {
        let _ = write!(out, " (not scored: {})", report.scores.method);
    }
    out.push('\n');

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
