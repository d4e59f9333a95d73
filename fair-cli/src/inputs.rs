//! The inputs of `fairlint check`: files, directories walked in sorted order, or standard input.

use anyhow::Context as _;
use fair_core::Format;
use std::io::Read;
use std::path::{Path, PathBuf};

/// One input to check.
pub struct Input {
    pub name: String,
    pub path: Option<PathBuf>,
}

fn is_metadata_file(path: &Path) -> bool {
    path.to_str().and_then(Format::from_extension).is_some()
}

pub fn collect_inputs(args: &[String]) -> anyhow::Result<Vec<Input>> {
    let mut inputs = Vec::new();
    for arg in args {
        if arg == "-" {
            inputs.push(Input {
                name: "<stdin>".to_owned(),
                path: None,
            });
            continue;
        }
        let path = PathBuf::from(arg);
        if path.is_dir() {
            for entry in walkdir::WalkDir::new(&path).sort_by_file_name() {
                let entry = entry.with_context(|| format!("cannot walk {arg}"))?;
                if entry.file_type().is_file() && is_metadata_file(entry.path()) {
                    inputs.push(Input {
                        name: entry.path().display().to_string(),
                        path: Some(entry.into_path()),
                    });
                }
            }
        } else {
            // A missing file is reported with the other per-file errors.
            inputs.push(Input {
                name: arg.clone(),
                path: Some(path),
            });
        }
    }
    Ok(inputs)
}

/// Standard input, read once if an input is `-` (empty otherwise).
pub fn read_stdin(inputs: &[Input]) -> anyhow::Result<Vec<u8>> {
    let mut stdin = Vec::new();
    if inputs.iter().any(|i| i.path.is_none()) {
        std::io::stdin()
            .read_to_end(&mut stdin)
            .context("cannot read standard input")?;
    }
    Ok(stdin)
}
