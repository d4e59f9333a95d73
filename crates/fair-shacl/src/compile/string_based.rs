//! String-based constraint components: `sh:minLength`, `sh:maxLength`, `sh:pattern` (with
//! `sh:flags`), `sh:languageIn`, `sh:uniqueLang`.

use oxrdf::Term;
use regex::Regex;

use super::super::error::ShapesError;
use super::super::graph::invalid;
use super::super::vocab as v;
use super::params::{boolean, string, Params};
use super::Constraint;

/// Size limit of a compiled `sh:pattern` regular expression (bytes).
const REGEX_SIZE_LIMIT: usize = 1 << 20;

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

fn build_regex(shape: &Term, pattern: &str, flags: Option<&str>) -> Result<Regex, ShapesError> {
    let mut builder = regex::RegexBuilder::new(pattern);
    builder
        .size_limit(REGEX_SIZE_LIMIT)
        .dfa_size_limit(REGEX_SIZE_LIMIT);
    for flag in flags.unwrap_or("").chars() {
        match flag {
            'i' => builder.case_insensitive(true),
            'm' => builder.multi_line(true),
            's' => builder.dot_matches_new_line(true),
            'x' => builder.ignore_whitespace(true),
            'q' => {
                builder = regex::RegexBuilder::new(&regex::escape(pattern));
                builder.size_limit(REGEX_SIZE_LIMIT)
            }
            other => {
                return Err(invalid(
                    shape,
                    v::FLAGS,
                    format!("unsupported regex flag {other:?}"),
                ))
            }
        };
    }
    builder.build().map_err(|e| {
        invalid(
            shape,
            v::PATTERN,
            format!("invalid regular expression {pattern:?}: {e}"),
        )
    })
}
