//! The inputs of `fairlint check`: files, RO-Crate packages (a directory holding
//! `ro-crate-metadata.json`, or a `.zip`), other directories walked in sorted order, or
//! standard input.
//!
//! Precedence for a directory named on the command line: when it holds
//! `ro-crate-metadata.json` (or the legacy `ro-crate-metadata.jsonld`) it is one RO-Crate
//! input, its descriptor checked against its payload; otherwise it is walked and every
//! metadata file in it is an input, as before (a crate directory met while walking is not a
//! package: its files are inputs like any others, and `.zip` files are skipped).

use crate::package;
use anyhow::Context as _;
use fair_core::Format;
use std::io::Read;
use std::path::{Path, PathBuf};

/// One input to check.
pub struct Input {
    pub name: String,
    pub path: Option<PathBuf>,
    pub kind: Kind,
}

/// What an input is.
pub enum Kind {
    /// A metadata file (or standard input).
    File,
    /// An RO-Crate directory and its descriptor.
    CrateDir(PathBuf),
    /// A zip file, read as an RO-Crate package.
    Zip,
    /// A published record (URL, `doi:…`, `hdl:…`), checked online (`--online` only).
    Remote,
}

fn is_metadata_file(path: &Path) -> bool {
    path.to_str().and_then(Format::from_extension).is_some()
}

/// The inputs named on the command line. A URL, `doi:` or `hdl:` input is refused without
/// `online` (before anything is read or fetched).
pub fn collect_inputs(args: &[String], online: bool) -> anyhow::Result<Vec<Input>> {
    let mut inputs = Vec::new();
    for arg in args {
        if fair_online::is_remote_input(arg) {
            if !online {
                anyhow::bail!(
                    "'{arg}' is a URL or persistent identifier: fairlint checks published records only with --online (nothing was fetched)"
                );
            }
            inputs.push(Input {
                name: arg.clone(),
                path: None,
                kind: Kind::Remote,
            });
            continue;
        }
        if arg == "-" {
            inputs.push(Input {
                name: "<stdin>".to_owned(),
                path: None,
                kind: Kind::File,
            });
            continue;
        }
        let path = PathBuf::from(arg);
        if let Some(descriptor) = path
            .is_dir()
            .then(|| package::descriptor_in(&path))
            .flatten()
        {
            inputs.push(Input {
                name: arg.clone(),
                path: Some(path),
                kind: Kind::CrateDir(descriptor),
            });
        } else if path.is_dir() {
            for entry in walkdir::WalkDir::new(&path).sort_by_file_name() {
                let entry = entry.with_context(|| format!("cannot walk {arg}"))?;
                if entry.file_type().is_file() && is_metadata_file(entry.path()) {
                    inputs.push(Input {
                        name: entry.path().display().to_string(),
                        path: Some(entry.into_path()),
                        kind: Kind::File,
                    });
                }
            }
        } else {
            // A missing file is reported with the other per-file errors.
            let kind = if package::is_zip(&path) {
                Kind::Zip
            } else {
                Kind::File
            };
            inputs.push(Input {
                name: arg.clone(),
                path: Some(path),
                kind,
            });
        }
    }
    Ok(inputs)
}

/// Standard input, read once if an input is `-` (empty otherwise).
pub fn read_stdin(inputs: &[Input]) -> anyhow::Result<Vec<u8>> {
    let mut stdin = Vec::new();
    if inputs
        .iter()
        .any(|i| i.path.is_none() && !matches!(i.kind, Kind::Remote))
    {
        std::io::stdin()
            .read_to_end(&mut stdin)
            .context("cannot read standard input")?;
    }
    Ok(stdin)
}
