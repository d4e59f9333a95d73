//! GitHub Actions workflow commands: one annotation per finding
//! (`::error file=…,line=…,col=…,title=CODE::message`; warnings as `::warning`, infos as
//! `::notice`) and one `::error` per input that could not be checked. Data and property values
//! are escaped as the Actions toolkit does (`%`, CR, LF; in properties also `:` and `,`), so a
//! message cannot end the command or start another.

use super::Entry;
use crate::finding::Severity;
use std::fmt::Write as _;

/// The batch as workflow commands, one line each, in entry and report order.
pub fn github(entries: &[Entry<'_>]) -> String {
    let mut out = String::new();
    for entry in entries {
        let file = property(entry.input());
        match entry {
            Entry::Report(report) => {
                for f in &report.findings {
                    let command = match f.severity {
                        Severity::Error => "error",
                        Severity::Warning => "warning",
                        Severity::Info => "notice",
                    };
                    let mut props = format!("file={file}");
                    let location = f.location.as_ref();
                    if let Some(line) = location.and_then(|l| l.line) {
                        let _ = write!(props, ",line={line}");
                        if let Some(col) = location.and_then(|l| l.column) {
                            let _ = write!(props, ",col={col}");
                        }
                    }
                    let _ = write!(props, ",title={}", property(&f.code));
                    let mut message = f.message.clone();
                    // No line to point at (JSON-LD): say where in the document.
                    if let Some(l) = location.filter(|l| l.line.is_none()) {
                        let _ = write!(message, " (at {l})");
                    }
                    let _ = writeln!(out, "::{command} {props}::{}", data(&message));
                }
            }
            Entry::Failed {
                code,
                message,
                location,
                ..
            } => {
                let mut props = format!("file={file}");
                if let Some(line) = location.and_then(|l| l.line) {
                    let _ = write!(props, ",line={line}");
                    if let Some(col) = location.and_then(|l| l.column) {
                        let _ = write!(props, ",col={col}");
                    }
                }
                let _ = write!(props, ",title={}", property(code));
                let _ = writeln!(
                    out,
                    "::error {props}::{}",
                    data(&format!("cannot check: {message}"))
                );
            }
        }
    }
    out
}

/// A command's message.
fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A property value.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_as_the_toolkit() {
        assert_eq!(data("50%\r\nx::y"), "50%25%0D%0Ax::y");
        assert_eq!(property("a:b,c%"), "a%3Ab%2Cc%25");
        let out = github(&[Entry::Failed {
            input: "dir/a,b.json",
            code: "parse_error",
            message: "line 1\nline 2",
            location: None,
        }]);
        assert_eq!(
            out,
            "::error file=dir/a%2Cb.json,title=parse_error::cannot check: line 1%0Aline 2\n"
        );
    }
}
