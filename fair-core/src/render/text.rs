//! Human-readable text: a summary line, the scores, then findings grouped by FAIR letter.

use crate::finding::{Finding, Letter, Severity};
use crate::report::{ProfileSelection, Report};
use crate::scoring::{Priority, Status};
use std::fmt::Write;

/// Renders a report for people. Plain text (no colour codes), deterministic.
pub fn text(report: &Report) -> String {
    let mut out = String::new();
    summary(&mut out, report);
    profile_line(&mut out, report);
    scores(&mut out, report);
    top_fixes(&mut out, report);
    for letter in Letter::ALL {
        findings(&mut out, report, letter);
    }
    if report.truncated {
        let _ = writeln!(out, "\n  (findings truncated at the configured maximum)");
    }
    out
}

/// `name: verdict — N errors, N warnings, N info`.
fn summary(out: &mut String, report: &Report) {
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
}

/// The document's format and size, and the profile it was checked against (and why).
fn profile_line(out: &mut String, report: &Report) {
    let _ = writeln!(
        out,
        "  {} · {} triples · profile {} {} ({})",
        report.document.format,
        report.document.triples,
        report.profile.id,
        report.profile.version,
        how(report.profile.selected_by)
    );
    // The other profiles, when several apply (the first is the one above).
    for p in report.profiles.iter().skip(1) {
        let _ = writeln!(
            out,
            "  also profile {} {} for {} ({})",
            p.id,
            p.version,
            p.node.as_deref().unwrap_or("the record"),
            how(p.selected_by)
        );
    }
}

/// How a profile was chosen, in words.
fn how(selected_by: ProfileSelection) -> &'static str {
    match selected_by {
        ProfileSelection::Explicit => "chosen by you",
        ProfileSelection::ConformsTo => "from dct:conformsTo",
        ProfileSelection::Type => "from the record's type",
        ProfileSelection::Default => "default",
    }
}

/// One bar and score per letter, the total, then the method and what was not assessed.
fn scores(out: &mut String, report: &Report) {
    out.push_str("\n ");
    for letter in Letter::ALL {
        let v = report.scores.get(letter);
        let _ = write!(out, " {:?} {} {:>3} ", letter, bar(v), score(v));
    }
    let _ = writeln!(out, "  total {}", score(report.scores.total));
    let not_assessed = report
        .indicators
        .iter()
        .filter(|i| i.status == Status::NotAssessed)
        .count();
    let _ = writeln!(
        out,
        "  ({}; {} of {} indicators need the network or the data and were not assessed)",
        report.scores.method,
        not_assessed,
        report.indicators.len()
    );
}

/// A score rounded to a whole number; `–` when there is none.
fn score(v: Option<f64>) -> String {
    v.map_or_else(|| "–".to_owned(), |v| format!("{v:.0}"))
}

/// A ten-cell bar of the score; dotted when there is none.
fn bar(v: Option<f64>) -> String {
    match v {
        Some(v) => {
            let filled = ((v / 10.0).round() as usize).min(10);
            format!("{}{}", "█".repeat(filled), "░".repeat(10 - filled))
        }
        None => "··········".to_owned(),
    }
}

/// The numbered "Fix first" list, if any.
fn top_fixes(out: &mut String, report: &Report) {
    if report.top_fixes.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n  Fix first:");
    for (n, fix) in report.top_fixes.iter().enumerate() {
        let priority = match fix.priority {
            Priority::Essential => "essential",
            Priority::Important => "important",
            Priority::Useful => "useful",
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

/// The findings of one FAIR letter, most severe first, under a heading with their count;
/// nothing when there are none.
fn findings(out: &mut String, report: &Report, letter: Letter) {
    let mut group: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.principle.letter() == letter)
        .collect();
    if group.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n  {} ({})", letter.title(), group.len());
    group.sort_by_key(|f| std::cmp::Reverse(f.severity));
    for f in group {
        finding(out, f);
    }
}

/// One finding: severity, code, principle and message, then where it is and its fix.
fn finding(out: &mut String, f: &Finding) {
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

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
