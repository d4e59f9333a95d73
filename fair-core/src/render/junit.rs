//! JUnit XML: one `<testsuite>` for the batch, one `<testcase>` per input. An input with
//! findings at or above the `--fail-on` severity gets one `<failure>` listing them; an input
//! that could not be checked gets an `<error>`. The format CI systems (GitLab, Jenkins, Azure
//! Pipelines, GitHub test reporters) read; the schema is the de-facto Ant/Surefire one.

use super::Entry;
use crate::finding::Severity;
use std::fmt::Write as _;

/// The batch as a JUnit XML document. `threshold` is the least severity that fails an input
/// (`None`: nothing fails). Deterministic: test cases in entry order, no timings.
pub fn junit(entries: &[Entry<'_>], threshold: Option<Severity>) -> String {
    let mut cases = String::new();
    let (mut failures, mut errors) = (0usize, 0usize);
    for entry in entries {
        let name = escape(entry.input());
        match entry {
            Entry::Report(report) => {
                let failing: Vec<_> = report
                    .findings
                    .iter()
                    .filter(|f| threshold.is_some_and(|t| f.severity >= t))
                    .collect();
                let _ = write!(
                    cases,
                    "    <testcase classname=\"fairlint.{}\" name=\"{name}\"",
                    escape(&report.profile.id)
                );
                if failing.is_empty() {
                    cases.push_str(" />\n");
                    continue;
                }
                failures += 1;
                let mut body = String::new();
                for f in &failing {
                    let at = f
                        .location
                        .as_ref()
                        .map(|l| format!(" at {l}"))
                        .unwrap_or_default();
                    let _ = writeln!(body, "{} {}: {}{at}", f.code, f.severity, f.message);
                }
                let _ = write!(
                    cases,
                    ">\n      <failure message=\"{} finding(s) at or above {}\" type=\"{}\">{}</failure>\n    </testcase>\n",
                    failing.len(),
                    threshold.map_or("never", Severity::name),
                    escape(&failing.iter().map(|f| f.code.as_str()).collect::<Vec<_>>().join(" ")),
                    escape(&body)
                );
            }
            Entry::Failed {
                code,
                message,
                location,
                ..
            } => {
                errors += 1;
                let at = location.map(|l| format!(" at {l}")).unwrap_or_default();
                let _ = write!(
                    cases,
                    "    <testcase classname=\"fairlint\" name=\"{name}\">\n      <error message=\"{}\" type=\"{}\">{}{}</error>\n    </testcase>\n",
                    escape(message),
                    escape(code),
                    escape(message),
                    escape(&at)
                );
            }
        }
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"fairlint\" tests=\"{n}\" failures=\"{failures}\" errors=\"{errors}\">\n  <testsuite name=\"fairlint\" tests=\"{n}\" failures=\"{failures}\" errors=\"{errors}\" skipped=\"0\">\n{cases}  </testsuite>\n</testsuites>\n",
        n = entries.len()
    )
}

/// Text or attribute content: the five XML escapes, and characters XML 1.0 forbids (control
/// characters other than tab and line breaks) written as `\u{..}`, since XML cannot hold them.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn escapes_markup_and_forbidden_characters() {
        assert_eq!(escape("a<b>&\"'\u{1}"), "a&lt;b&gt;&amp;&quot;&apos;\\u{1}");
    }

    #[test]
    fn a_failed_input_is_an_error() {
        let text = junit(
            &[Entry::Failed {
                input: "x<.json",
                code: "parse_error",
                message: "bad",
                location: None,
            }],
            Some(Severity::Error),
        );
        assert!(text.contains("errors=\"1\""));
        assert!(text.contains("name=\"x&lt;.json\""));
        assert!(text.contains("<error message=\"bad\" type=\"parse_error\">bad</error>"));
    }
}
