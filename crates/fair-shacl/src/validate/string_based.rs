//! String-based constraint components: `sh:minLength`, `sh:maxLength`, `sh:pattern`,
//! `sh:languageIn`, `sh:uniqueLang`.

use oxrdf::Term;

use super::super::pattern::Pattern;
use super::super::results::ValidationResult;
use super::super::vocab as v;
use super::Focus;

/// `sh:minLength`: every value node is an IRI or literal of at least `n` characters.
pub(super) fn min_length(f: Focus<'_>, n: u64, out: &mut Vec<ValidationResult>) {
    f.each(out, v::MIN_LENGTH_CC, |t| {
        string_value(t).is_some_and(|s| s.chars().count() as u64 >= n)
    });
}

/// `sh:maxLength`: every value node is an IRI or literal of at most `n` characters.
pub(super) fn max_length(f: Focus<'_>, n: u64, out: &mut Vec<ValidationResult>) {
    f.each(out, v::MAX_LENGTH_CC, |t| {
        string_value(t).is_some_and(|s| s.chars().count() as u64 <= n)
    });
}

/// `sh:pattern`: the string value of every value node matches `re`.
/// A match that the backtracking engine had to stop is a result whose message says so.
pub(super) fn pattern(f: Focus<'_>, re: &Pattern, out: &mut Vec<ValidationResult>) {
    for value in f.values {
        let outcome = string_value(value).map_or(Ok(false), |s| re.is_match(s));
        match outcome {
            Ok(true) => {}
            Ok(false) => out.push(f.result(Some(value.clone()), v::PATTERN_CC)),
            Err(message) => {
                let mut r = f.result(Some(value.clone()), v::PATTERN_CC);
                r.messages = vec![oxrdf::Literal::new_simple_literal(message)];
                out.push(r);
            }
        }
    }
}

/// `sh:languageIn`: every value node has a language tag matching one of `ranges`.
pub(super) fn language_in(f: Focus<'_>, ranges: &[String], out: &mut Vec<ValidationResult>) {
    f.each(out, v::LANGUAGE_IN_CC, |t| match t {
        Term::Literal(l) => l
            .language()
            .is_some_and(|lang| ranges.iter().any(|r| lang_matches(lang, r))),
        _ => false,
    });
}

/// `sh:uniqueLang`: one result per language tag used by more than one value node.
pub(super) fn unique_lang(f: Focus<'_>, out: &mut Vec<ValidationResult>) {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for t in f.values {
        if let Term::Literal(l) = t {
            if let Some(lang) = l.language() {
                let lang = lang.to_ascii_lowercase();
                match counts.iter_mut().find(|(l, _)| *l == lang) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((lang, 1)),
                }
            }
        }
    }
    for (_, n) in counts {
        if n > 1 {
            out.push(f.result(None, v::UNIQUE_LANG_CC));
        }
    }
}

/// The string value of an IRI or literal (`None` for blank nodes).
fn string_value(t: &Term) -> Option<&str> {
    match t {
        Term::NamedNode(n) => Some(n.as_str()),
        Term::Literal(l) => Some(l.value()),
        _ => None,
    }
}

/// SPARQL `langMatches` (basic filtering, RFC 4647 §3.3.1).
fn lang_matches(lang: &str, range: &str) -> bool {
    if range == "*" {
        return !lang.is_empty();
    }
    let lang = lang.to_ascii_lowercase();
    lang == range
        || lang
            .strip_prefix(range)
            .is_some_and(|rest| rest.starts_with('-'))
}
