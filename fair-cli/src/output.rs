//! What `fairlint check` writes: each input's report (or why it could not be checked) in the
//! `--format` layout, in input order, and the batch summary.

use crate::args::OutputFormat;
use crate::batch::{Failure, Outcome};
use fair_core::render::Entry;
use fair_core::{Report, Severity};
use indicatif::ProgressBar;
use std::io::Write;

/// What the whole-batch formats (SARIF, JUnit, GitHub, FTR) need of a batch to render it at
/// the end: each input's report, or why it could not be checked.
pub struct Whole {
    /// `--fail-on`, for JUnit failures.
    pub threshold: Option<Severity>,
    /// `--ftr-base`.
    pub ftr_base: String,
    collected: Vec<Collected>,
}

impl Whole {
    pub fn new(threshold: Option<Severity>, ftr_base: String) -> Self {
        Whole {
            threshold,
            ftr_base,
            collected: Vec::new(),
        }
    }
}

enum Collected {
    Report(Box<Report>),
    Failed {
        input: String,
        code: &'static str,
        message: String,
        location: Option<fair_core::Location>,
    },
}

/// Writes the outcomes of a batch, one input after the other, keeping the progress bar (if
/// any) out of the way of the text.
pub struct Output<'a, W: Write> {
    format: OutputFormat,
    out: W,
    progress: Option<&'a ProgressBar>,
    /// More than one input: JSON reports become an array, SHACL reports get a `# name` line.
    many: bool,
    first: bool,
    whole: Whole,
}

impl<'a, W: Write> Output<'a, W> {
    /// Starts the output: the opening bracket of a JSON array of reports.
    pub fn begin(
        format: OutputFormat,
        out: W,
        progress: Option<&'a ProgressBar>,
        many: bool,
        whole: Whole,
    ) -> std::io::Result<Self> {
        let mut output = Output {
            format,
            out,
            progress,
            many,
            first: true,
            whole,
        };
        if format == OutputFormat::Json && many {
            output.out.write_all(b"[\n")?;
        }
        Ok(output)
    }

    /// Writes one input's report, or why it could not be checked, given its text as
    /// [`render`] made it (`None` for the whole-batch formats, which keep the outcome for
    /// [`Output::finish`]); outside the text format the reason also goes to standard error.
    pub fn write(
        &mut self,
        name: &str,
        outcome: &Outcome,
        rendered: Option<String>,
    ) -> anyhow::Result<()> {
        let text = match rendered {
            Some(text) => text,
            None => {
                self.collect(name, outcome);
                String::new()
            }
        };
        if !self.first {
            if let Some(separator) = self.separator() {
                self.write_str(separator)?;
            }
        }
        self.write_str(&text)?;
        if let Outcome::Failed(f) = outcome {
            if self.format != OutputFormat::Text {
                let loc = f
                    .location
                    .as_ref()
                    .map(|l| format!(" at {l}"))
                    .unwrap_or_default();
                eprintln!("fairlint: {}: {} [{}]{loc}", name, f.message, f.code);
            }
        }
        self.first = false;
        Ok(())
    }

    /// Keeps an outcome for a whole-batch format.
    fn collect(&mut self, name: &str, outcome: &Outcome) {
        let item = match outcome {
            Outcome::Report(r, _) => Collected::Report(r.clone()),
            Outcome::Online(o) => Collected::Report(Box::new(o.report.clone())),
            Outcome::Failed(f) => Collected::Failed {
                input: name.to_owned(),
                code: f.code,
                message: f.message.clone(),
                location: f.location.clone(),
            },
        };
        let item = match item {
            Collected::Report(mut r) if r.input.is_none() => {
                r.set_input(name);
                Collected::Report(r)
            }
            other => other,
        };
        self.whole.collected.push(item);
    }

    /// Ends the output (the closing bracket of a JSON array, or the whole-batch document) and
    /// flushes it.
    pub fn finish(mut self) -> std::io::Result<()> {
        if self.format == OutputFormat::Json && self.many {
            self.out.write_all(b"\n]\n")?;
        }
        if self.format.whole_batch() {
            let entries: Vec<Entry<'_>> = self
                .whole
                .collected
                .iter()
                .map(|c| match c {
                    Collected::Report(r) => Entry::Report(r),
                    Collected::Failed {
                        input,
                        code,
                        message,
                        location,
                    } => Entry::Failed {
                        input,
                        code,
                        message,
                        location: location.as_ref(),
                    },
                })
                .collect();
            let base = &self.whole.ftr_base;
            let text = match self.format {
                OutputFormat::Sarif => fair_core::render::sarif_batch(&entries),
                OutputFormat::Junit => fair_core::render::junit(&entries, self.whole.threshold),
                OutputFormat::Github => fair_core::render::github(&entries),
                OutputFormat::Ftr => fair_core::render::ftr::ftr_turtle(&entries, base),
                OutputFormat::FtrJsonld => fair_core::render::ftr::ftr_jsonld(&entries, base),
                _ => String::new(),
            };
            self.out.write_all(text.as_bytes())?;
        }
        self.out.flush()
    }

    /// What goes between two inputs: a blank line between text reports, a comma between the
    /// reports of a JSON array; NDJSON and Turtle need nothing.
    fn separator(&self) -> Option<&'static str> {
        match self.format {
            OutputFormat::Text => Some("\n"),
            OutputFormat::Json if self.many => Some(",\n"),
            _ => None,
        }
    }

    fn write_str(&mut self, text: &str) -> std::io::Result<()> {
        let out = &mut self.out;
        match self.progress {
            Some(bar) => bar.suspend(|| out.write_all(text.as_bytes())),
            None => out.write_all(text.as_bytes()),
        }
    }
}

/// One input's text in the `format` layout (`many`: one of several inputs), or `None` for the
/// whole-batch formats (SARIF, JUnit, GitHub, FTR), which [`Output`] renders at the end. Pure,
/// so the worker that checked the input renders it.
pub fn render(
    format: OutputFormat,
    many: bool,
    name: &str,
    outcome: &Outcome,
) -> serde_json::Result<Option<String>> {
    Ok(Some(match format {
        OutputFormat::Text => text(name, outcome),
        OutputFormat::Json => json(name, outcome, many)?,
        OutputFormat::Ndjson => ndjson(name, outcome)?,
        OutputFormat::Shacl => shacl(name, outcome, many),
        OutputFormat::Sarif
        | OutputFormat::Junit
        | OutputFormat::Github
        | OutputFormat::Ftr
        | OutputFormat::FtrJsonld => return Ok(None),
    }))
}

/// The batch summary: the last lines of the text output, on standard error otherwise.
pub fn write_summary(format: OutputFormat, summary: &str) -> std::io::Result<()> {
    if format == OutputFormat::Text {
        writeln!(std::io::stdout(), "\n{summary}")?;
    } else {
        eprintln!("{summary}");
    }
    Ok(())
}

fn text(name: &str, outcome: &Outcome) -> String {
    match outcome {
        Outcome::Report(r, _) => fair_core::render::text(r),
        Outcome::Online(o) => o.text(),
        Outcome::Failed(f) => format!("{}: cannot check — {} [{}]\n", name, f.message, f.code),
    }
}

fn json(name: &str, outcome: &Outcome, many: bool) -> serde_json::Result<String> {
    let mut text = match outcome {
        Outcome::Report(r, _) => fair_core::render::json(r),
        Outcome::Online(o) => o.json(),
        Outcome::Failed(f) => {
            let mut t = serde_json::to_string_pretty(&failure_json(name, f))?;
            t.push('\n');
            t
        }
    };
    if many {
        // The array's separators and brackets supply the line breaks.
        text = text.trim_end().to_owned();
    }
    Ok(text)
}

fn ndjson(name: &str, outcome: &Outcome) -> serde_json::Result<String> {
    Ok(match outcome {
        Outcome::Report(r, _) => fair_core::render::ndjson(r),
        Outcome::Online(o) => o.ndjson(),
        Outcome::Failed(f) => format!("{}\n", serde_json::to_string(&failure_json(name, f))?),
    })
}

fn shacl(name: &str, outcome: &Outcome, many: bool) -> String {
    match outcome {
        Outcome::Report(_, Some(turtle)) => {
            if many {
                format!("# {name}\n{turtle}")
            } else {
                turtle.clone()
            }
        }
        Outcome::Report(_, None) | Outcome::Online(_) => String::new(),
        Outcome::Failed(f) => format!("# {}: cannot check — {} [{}]\n", name, f.message, f.code),
    }
}

pub(crate) fn failure_json(name: &str, f: &Failure) -> serde_json::Value {
    let mut error =
        serde_json::json!({ "code": f.code, "message": f.message, "location": f.location });
    if let (Some(fetch), Some(map)) = (&f.fetch, error.as_object_mut()) {
        map.insert("url".to_owned(), fetch.url.clone().into());
        map.insert("kind".to_owned(), fetch.kind.into());
        map.insert("status".to_owned(), fetch.status.into());
    }
    serde_json::json!({ "input": name, "error": error })
}
