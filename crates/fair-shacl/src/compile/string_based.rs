//! String-based constraint components: `sh:minLength`, `sh:maxLength`, `sh:pattern` (with
//! `sh:flags`), `sh:languageIn`, `sh:uniqueLang`.

use oxrdf::Term;

use super::super::error::ShapesError;
use super::super::graph::invalid;
use super::super::pattern::{Flags, Pattern};
use super::super::vocab as v;
use super::params::{boolean, string, Params};
use super::Constraint;

pub(super) fn compile(s: &Params<'_>, out: &mut Vec<Constraint>) -> Result<(), ShapesError> {
    let id = s.id;
    s.integers(v::MIN_LENGTH, Constraint::MinLength, out)?;
    s.integers(v::MAX_LENGTH, Constraint::MaxLength, out)?;
    let flags = match s.vals(v::FLAGS) {
        [] => None,
        [f] => Some(string(id, v::FLAGS, f)?),
        _ => {
            return Err(invalid(
                id,
                v::FLAGS,
                "at most one sh:flags value is allowed",
            ))
        }
    };
    for t in s.vals(v::PATTERN) {
        let pattern = string(id, v::PATTERN, t)?;
        out.push(Constraint::Pattern(build_regex(id, pattern, flags)?));
    }
    for t in s.vals(v::LANGUAGE_IN) {
        let tags = s
            .list(v::LANGUAGE_IN, t)?
            .iter()
            .map(|t| string(id, v::LANGUAGE_IN, t).map(str::to_ascii_lowercase))
            .collect::<Result<Vec<_>, _>>()?;
        out.push(Constraint::LanguageIn(tags));
    }
    for t in s.vals(v::UNIQUE_LANG) {
        if boolean(id, v::UNIQUE_LANG, t)? && s.path.is_some() {
            out.push(Constraint::UniqueLang);
        }
    }
    Ok(())
}

fn build_regex(shape: &Term, pattern: &str, flags: Option<&str>) -> Result<Pattern, ShapesError> {
    let flags = Flags::parse(flags.unwrap_or(""))
        .map_err(|other| invalid(shape, v::FLAGS, format!("unsupported regex flag {other:?}")))?;
    Pattern::new(pattern, flags).map_err(|e| {
        invalid(
            shape,
            v::PATTERN,
            format!("invalid regular expression {pattern:?}: {e}"),
        )
    })
}
