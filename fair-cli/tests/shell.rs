//! `fairlint completions SHELL` and `fairlint man`: every shell's completion script is produced
//! and knows the subcommands and options; the manual page is roff with every subcommand.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use assert_cmd::Command;

fn fairlint() -> Command {
    Command::cargo_bin("fairlint").unwrap()
}

fn stdout(args: &[&str]) -> String {
    let out = fairlint().args(args).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn every_shell_gets_a_completion_script_with_the_subcommands() {
    // What marks each shell's own syntax, so a script for the wrong shell fails.
    for (shell, marker) in [
        ("bash", "complete -F _fairlint"),
        ("zsh", "#compdef fairlint"),
        ("fish", "complete -c fairlint"),
        ("elvish", "set edit:completion:arg-completer[fairlint]"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let script = stdout(&["completions", shell]);
        assert!(script.contains(marker), "{shell}: no '{marker}'");
        for word in ["check", "fix", "profiles", "rules", "completions", "man"] {
            assert!(script.contains(word), "{shell}: no subcommand '{word}'");
        }
        // Options of `check` complete too (fish writes them `-l fail-on`)...
        for word in ["fail-on", "profile", "input-format"] {
            assert!(script.contains(word), "{shell}: no '{word}'");
        }
        // ... and, where the shell's generator completes values, those of `--format`.
        if matches!(shell, "bash" | "zsh" | "fish") {
            assert!(script.contains("ndjson"), "{shell}: no value 'ndjson'");
        }
    }
}

#[test]
fn bash_completion_script_is_valid_bash() {
    let script = stdout(&["completions", "bash"]);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fairlint.bash");
    std::fs::write(&path, &script).unwrap();
    // Source it and ask for the completions of `fairlint ch`: bash itself must answer `check`.
    let probe = format!(
        "source {}; COMP_WORDS=(fairlint ch); COMP_CWORD=1; COMP_LINE='fairlint ch'; COMP_POINT=11; _fairlint fairlint ch fairlint; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        path.display()
    );
    let out = std::process::Command::new("bash")
        .args(["--norc", "-c", &probe])
        .output()
        .expect("bash is needed for this test");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let replies = String::from_utf8(out.stdout).unwrap();
    assert_eq!(replies.trim(), "check", "{replies}");
}

#[test]
fn unknown_shell_is_a_usage_error() {
    let out = fairlint().args(["completions", "tcsh"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn man_page_is_roff_with_every_subcommand() {
    let page = stdout(&["man"]);
    assert!(page.contains(".TH fairlint 1"), "{page}");
    assert!(page.contains(".SH NAME"));
    assert!(page.contains(".SH SYNOPSIS"));
    assert!(page.contains(".SH SUBCOMMANDS"));
    for sub in ["check", "fix", "profiles", "rules", "completions", "man"] {
        assert!(
            page.contains(&format!("fairlint\\-{sub}(1)")),
            "no subcommand {sub} in the man page"
        );
    }
    assert!(
        page.contains("Exit codes"),
        "the exit codes are in the page"
    );
    assert!(page.contains(env!("CARGO_PKG_VERSION")));
}

#[test]
fn closed_pipe_ends_quietly() {
    use std::process::{Command as Std, Stdio};
    for args in [vec!["completions", "zsh"], vec!["man"]] {
        // stdout is a pipe whose reader is already gone, as in `fairlint man | head -0`.
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let out = Std::new(env!("CARGO_BIN_EXE_fairlint"))
            .args(&args)
            .stdout(writer)
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
    }
}
