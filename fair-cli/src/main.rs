//! `fairlint`: check dataset and software metadata against FAIR profiles, offline.
//!
//! Exit codes: 0 no finding at or above `--fail-on`; 1 findings at or above `--fail-on`, or a
//! score below `--min-score`; 2 usage errors (an unknown code for `fairlint rules CODE` too) or inputs that could not be read or parsed (the rest are still checked).
//! `fairlint serve` exits 0 after a graceful shutdown and 2 when it cannot start.
//!
//! The binary is a thin face over `fair_core`: [`args`] holds the command line,
//! [`check`] runs `fairlint check` stage by stage ([`inputs`], [`batch`], [`output`]), and
//! [`list`] prints `fairlint profiles` and `fairlint rules`, [`shell`] the shell completions and
//! the manual page.

use args::{Cli, Command};
use clap::Parser;
use std::process::ExitCode;

mod args;
mod batch;
mod check;
mod fix;
mod inputs;
mod list;
mod output;
mod package;
mod serve;
mod shell;

const EXIT_OK: u8 = 0;
const EXIT_FINDINGS: u8 = 1;
const EXIT_ERROR: u8 = 2;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { EXIT_ERROR } else { EXIT_OK });
        }
    };
    let result = match cli.command {
        Command::Check(args) => check::check(args),
        Command::Fix(args) => fix::fix(args),
        Command::Profiles { format } => list::list_profiles(format),
        Command::Rules(args) => list::rules(args),
        Command::Serve(args) => serve::serve(*args),
        Command::Completions { shell } => shell::completions(shell),
        Command::Man => shell::man(),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        // The reader went away (`fairlint rules | head`): stop quietly, as Unix tools do.
        Err(e)
            if e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) =>
        {
            ExitCode::from(EXIT_OK)
        }
        Err(e) => {
            eprintln!("fairlint: error: {e:#}");
            ExitCode::from(EXIT_ERROR)
        }
    }
}
