//! `fairlint completions SHELL` and `fairlint man`: the shell completion scripts
//! (clap_complete) and the manual page (clap_mangen), generated from the command line's
//! definition so they never drift from it.

use crate::args::Cli;
use crate::EXIT_OK;
use clap::CommandFactory;
use std::io::Write;

/// Writes the completion script for `shell` to standard output.
pub fn completions(shell: clap_complete::Shell) -> anyhow::Result<u8> {
    // Generated into memory first: clap_complete panics on a failed write, and a reader that
    // goes away (`fairlint completions bash | head`) must end the run quietly instead.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "fairlint", &mut script);
    let mut out = std::io::stdout().lock();
    out.write_all(&script)?;
    out.flush()?;
    Ok(EXIT_OK)
}

/// Writes the manual page, `fairlint(1)` in roff, to standard output: the synopsis, the
/// options, every subcommand with its description, and the exit codes.
pub fn man() -> anyhow::Result<u8> {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut page)?;
    let mut out = std::io::stdout().lock();
    out.write_all(&page)?;
    out.flush()?;
    Ok(EXIT_OK)
}
