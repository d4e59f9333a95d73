//! `fairlint fix` (and `fairlint check --fix`): apply the machine-applicable fixes to the
//! inputs' text, print, write back or diff the result, and exit as `check` would on it.

use crate::args::{CheckArgs, FixArgs};
use crate::check::{build_engine, load_config};
use crate::inputs::{collect_inputs, read_stdin, Input, Kind};
use crate::{EXIT_ERROR, EXIT_FINDINGS, EXIT_OK};
use anyhow::Context as _;
use fair_core::{Engine, FixOptions, FixResult, InputOptions};
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// What to do with a fixed document.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Print,
    Write,
    Diff,
}

pub fn fix(args: FixArgs) -> anyhow::Result<u8> {
    let mode = if args.write {
        Mode::Write
    } else if args.diff {
        Mode::Diff
    } else {
        Mode::Print
    };
    let check = &args.check;
    if check.online.online {
        anyhow::bail!("fairlint fix works on local files; --online is not available");
    }
    let inputs = collect_inputs(&check.inputs, false)?;
    if inputs.is_empty() {
        anyhow::bail!("no metadata files found in {}", check.inputs.join(", "));
    }
    if mode == Mode::Print && inputs.len() > 1 {
        anyhow::bail!(
            "{} inputs: give --write to fix them in place or --diff to see the changes",
            inputs.len()
        );
    }
    let engine = build_engine(load_config(check)?, &check.shapes, None)?;
    run(&engine, check, &inputs, mode)
}

/// `fairlint check --fix`: the safe (and, with --unsafe-fixes, unsafe) fixes written to the
/// files before they are checked.
pub fn fix_before_check(engine: &Engine, args: &CheckArgs) -> anyhow::Result<()> {
    let inputs = collect_inputs(&args.inputs, false)?;
    run(engine, args, &inputs, Mode::Write).map(|_| ())
}

fn run(engine: &Engine, args: &CheckArgs, inputs: &[Input], mode: Mode) -> anyhow::Result<u8> {
    let options = FixOptions::new().unsafe_fixes(args.unsafe_fixes);
    let threshold = args.fail_on.threshold();
    let stdin = read_stdin(inputs)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = false;
    let mut failing = false;
    let (mut applied, mut left) = (0usize, 0usize);
    for input in inputs {
        let (path, bytes) = match source(input, &stdin) {
            Ok(read) => read,
            Err(e) => {
                eprintln!("fairlint: {}: {e:#}", input.name);
                failed = true;
                continue;
            }
        };
        if mode == Mode::Write && path.is_none() {
            eprintln!(
                "fairlint: {}: standard input cannot be written back; leave out --write",
                input.name
            );
            failed = true;
            continue;
        }
        let base = path.as_deref().map(fair_core::file_base_iri);
        let mut load = InputOptions::new().format(args.input_format);
        if let Some(base) = &base {
            load = load.name(&input.name).base_iri(base);
        }
        let result = match engine.fix(&bytes, &load, &options) {
            Ok(result) => result,
            Err(e) => {
                eprintln!("fairlint: {}: {} ({})", input.name, e, e.code());
                failed = true;
                continue;
            }
        };
        applied += result.applied.len();
        left += result.skipped.len();
        describe(&input.name, &result);
        if threshold.is_some_and(|t| result.report.findings.iter().any(|f| f.severity >= t)) {
            failing = true;
        }
        match mode {
            Mode::Print => out.write_all(result.text.as_bytes())?,
            Mode::Diff => {
                let original = String::from_utf8_lossy(&bytes);
                if original != result.text {
                    let diff = similar::TextDiff::from_lines(original.as_ref(), &result.text);
                    write!(
                        out,
                        "{}",
                        diff.unified_diff()
                            .context_radius(3)
                            .header(&format!("a/{}", input.name), &format!("b/{}", input.name))
                    )?;
                }
            }
            Mode::Write => {
                if let (Some(path), true) = (&path, result.changed()) {
                    std::fs::write(path, result.text.as_bytes())
                        .with_context(|| format!("cannot write {}", path.display()))?;
                }
            }
        }
    }
    out.flush()?;
    if inputs.len() > 1 || mode != Mode::Print {
        eprintln!(
            "fairlint: {applied} fix{} applied, {left} fixable finding{} left",
            if applied == 1 { "" } else { "es" },
            if left == 1 { "" } else { "s" },
        );
    }
    Ok(if failed {
        EXIT_ERROR
    } else if failing {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    })
}

/// The text to fix and the file it goes back to (none for standard input).
fn source(input: &Input, stdin: &[u8]) -> anyhow::Result<(Option<PathBuf>, Vec<u8>)> {
    let path: &Path = match (&input.kind, &input.path) {
        (_, None) => return Ok((None, stdin.to_vec())),
        (Kind::File, Some(path)) => path,
        // An RO-Crate directory: its metadata descriptor.
        (Kind::CrateDir(descriptor), Some(_)) => descriptor,
        (Kind::Zip, _) => anyhow::bail!("fixes are not written into zip packages; unzip it first"),
        (Kind::Remote, _) => anyhow::bail!("a remote record cannot be fixed; download it first"),
    };
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    Ok((Some(path.to_owned()), bytes))
}

/// One line per fix applied and per fixable finding left, on standard error.
fn describe(name: &str, result: &FixResult) {
    let at = |l: &Option<fair_core::Location>| {
        l.as_ref()
            .and_then(|l| l.pointer.clone())
            .map(|p| format!(" at {}", if p.is_empty() { "/" } else { &p }))
            .unwrap_or_default()
    };
    for f in &result.applied {
        let edits: Vec<String> = f
            .edits
            .iter()
            .map(|e| format!("'{}' -> '{}'", e.find, e.replace))
            .collect();
        eprintln!(
            "{name}: fixed {}{}: {}",
            f.code,
            at(&f.location),
            edits.join(", ")
        );
    }
    for f in &result.skipped {
        eprintln!(
            "{name}: not fixed {}{} ({}): {}",
            f.code,
            at(&f.location),
            f.applicability.name(),
            f.reason
        );
    }
}
