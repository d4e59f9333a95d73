//! Checking one input: read it, load it, validate it, and keep the report or the failure.

use crate::inputs::Input;
use fair_core::{Engine, Format, Report, ValidateError};

pub enum Outcome {
    Report(Box<Report>, Option<String>),
    Failed(Failure),
}

pub struct Failure {
    pub code: &'static str,
    pub message: String,
    pub location: Option<fair_core::Location>,
}

impl From<ValidateError> for Failure {
    fn from(e: ValidateError) -> Self {
        Failure {
            code: e.code(),
            location: e.location().cloned(),
            message: e.to_string(),
        }
    }
}

pub fn run_one(
    engine: &Engine,
    input: &Input,
    format: Option<Format>,
    stdin: &[u8],
    shacl: bool,
) -> Outcome {
    let bytes = match &input.path {
        Some(path) => match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                return Outcome::Failed(Failure {
                    code: "io_error",
                    message: format!("cannot read {}: {e}", path.display()),
                    location: None,
                })
            }
        },
        None => stdin.to_vec(),
    };
    let name = input.path.as_ref().map(|_| input.name.as_str());
    let result = engine.load(&bytes, format, name).and_then(|doc| {
        let report = engine.validate(&doc)?;
        let turtle = if shacl {
            engine.shacl_report(&doc).map(|r| r.to_turtle())
        } else {
            None
        };
        Ok((report, turtle))
    });
    match result {
        Ok((mut report, turtle)) => {
            report.set_input(input.name.clone());
            Outcome::Report(Box::new(report), turtle)
        }
        Err(e) => Outcome::Failed(e.into()),
    }
}
