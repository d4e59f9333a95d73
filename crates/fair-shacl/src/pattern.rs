//! `sh:pattern` regular expressions: the `regex` crate (linear time) for every pattern it
//! accepts, and `fancy-regex` (a backtracking engine with a step limit) only for the ECMAScript
//! features `regex` rejects: back-references (`\3`) and look-around (`(?=…)`, `(?!…)`,
//! `(?<=…)`, `(?<!…)`). The fallback is compiled on native targets only: on wasm32 it would
//! not fit the WebAssembly package's size budget, and such patterns stay a compile error.

/// Size limit of a compiled regular expression (bytes), for both engines.
pub(crate) const REGEX_SIZE_LIMIT: usize = 1 << 20;

/// Backtracking steps one match of a `fancy-regex` pattern may take; a match that needs more
/// is a failed check (a validation result that says so), never a hang.
pub const PATTERN_BACKTRACK_LIMIT: usize = 1_000_000;

/// A compiled `sh:pattern`.
#[derive(Debug)]
pub(crate) enum Pattern {
    /// Accepted by the `regex` crate: no backtracking, no step limit needed.
    Linear(regex::Regex),
    /// Needs back-references or look-around: `fancy-regex` with [`PATTERN_BACKTRACK_LIMIT`].
    #[cfg(not(target_arch = "wasm32"))]
    Backtracking(Box<fancy_regex::Regex>),
}

/// The flags of `sh:flags` that the engine knows.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Flags {
    pub case_insensitive: bool,
    pub multi_line: bool,
    pub dot_all: bool,
    pub extended: bool,
    pub literal: bool,
}

impl Flags {
    /// Parses `sh:flags` (`i`, `m`, `s`, `x`, `q`); the unknown flag is the error.
    pub(crate) fn parse(flags: &str) -> Result<Self, char> {
        let mut out = Self::default();
        for flag in flags.chars() {
            match flag {
                'i' => out.case_insensitive = true,
                'm' => out.multi_line = true,
                's' => out.dot_all = true,
                'x' => out.extended = true,
                'q' => out.literal = true,
                other => return Err(other),
            }
        }
        Ok(out)
    }
}

/// At most this many distinct linear patterns are kept compiled for the process (see
/// [`linear`]); patterns beyond it are compiled each time, as before there was a cache.
#[cfg(not(target_arch = "wasm32"))]
const CACHE_MAX_PATTERNS: usize = 512;

/// Patterns longer than this (bytes) are not kept: shapes graphs reuse short patterns (URL,
/// date, identifier syntaxes), and a bound on the key size bounds the cache's memory.
#[cfg(not(target_arch = "wasm32"))]
const CACHE_MAX_PATTERN_LEN: usize = 1024;

#[cfg(not(target_arch = "wasm32"))]
type Cache = std::sync::Mutex<std::collections::HashMap<(String, Flags), regex::Regex>>;

/// `source` compiled by the `regex` crate with `flags`, from a process-wide cache of the
/// patterns compiled so far. Compiling a pattern (parse, NFA, the meta engine's strategies)
/// costs 10-100 µs, and shapes graphs repeat a few patterns hundreds of times: the 25 bundled
/// SHACL profiles have 626 `sh:pattern`s of 7 distinct texts (499 of them `^https?://`), and
/// compiling them one by one was about a fifth of compiling the profiles. A `regex::Regex`
/// clone shares the compiled program (it only gets its own scratch space), so a cached pattern
/// matches exactly as a freshly compiled one. Errors are not cached (they are rare and end the
/// compilation). Native only: in the WebAssembly package the cache's code (about 4 KB gzipped
/// with the rest of this change) did not fit the size budget's margin.
#[cfg(not(target_arch = "wasm32"))]
fn linear(source: &str, flags: Flags) -> Result<regex::Regex, regex::Error> {
    static CACHE: std::sync::OnceLock<Cache> = std::sync::OnceLock::new();
    let cache = CACHE.get_or_init(Cache::default);
    let key = (source.to_owned(), flags);
    // A poisoned lock (a panic elsewhere while it was held) only means no caching.
    if let Some(re) = cache.lock().ok().and_then(|c| c.get(&key).cloned()) {
        return Ok(re);
    }
    let re = compile_linear(source, flags)?;
    if source.len() <= CACHE_MAX_PATTERN_LEN {
        if let Ok(mut c) = cache.lock() {
            if c.len() < CACHE_MAX_PATTERNS {
                c.insert(key, re.clone());
            }
        }
    }
    Ok(re)
}

/// `source` compiled by the `regex` crate with `flags` (no cache in the WebAssembly package).
#[cfg(target_arch = "wasm32")]
fn linear(source: &str, flags: Flags) -> Result<regex::Regex, regex::Error> {
    compile_linear(source, flags)
}

fn compile_linear(source: &str, flags: Flags) -> Result<regex::Regex, regex::Error> {
    regex::RegexBuilder::new(source)
        .size_limit(REGEX_SIZE_LIMIT)
        .dfa_size_limit(REGEX_SIZE_LIMIT)
        .case_insensitive(flags.case_insensitive)
        .multi_line(flags.multi_line)
        .dot_matches_new_line(flags.dot_all)
        .ignore_whitespace(flags.extended && !flags.literal)
        .build()
}

impl Pattern {
    /// Compiles `pattern`: with `regex` when it can, else with `fancy-regex`. The error is the
    /// `regex` crate's message when neither accepts the pattern.
    pub(crate) fn new(pattern: &str, flags: Flags) -> Result<Self, String> {
        let source = if flags.literal {
            regex::escape(pattern)
        } else {
            pattern.to_owned()
        };
        let first = match linear(&source, flags) {
            Ok(re) => return Ok(Self::Linear(re)),
            // Too big is too big for either engine.
            Err(e @ regex::Error::CompiledTooBig(_)) => return Err(e.to_string()),
            Err(e) => e.to_string(),
        };
        Self::backtracking(&source, flags, first)
    }

    #[cfg(target_arch = "wasm32")]
    fn backtracking(_source: &str, _flags: Flags, first: String) -> Result<Self, String> {
        Err(first)
    }

    #[cfg(not(target_arch = "wasm32"))]
    fn backtracking(source: &str, flags: Flags, first: String) -> Result<Self, String> {
        fancy_regex::RegexBuilder::new(source)
            .backtrack_limit(PATTERN_BACKTRACK_LIMIT)
            .delegate_size_limit(REGEX_SIZE_LIMIT)
            .case_insensitive(flags.case_insensitive)
            .multi_line(flags.multi_line)
            .dot_matches_new_line(flags.dot_all)
            .ignore_whitespace(flags.extended && !flags.literal)
            .build()
            .map(|re| Self::Backtracking(Box::new(re)))
            .map_err(|_| first)
    }

    /// Whether `text` matches; `Err` when the backtracking engine hit its step limit (or
    /// failed otherwise), with a message for the validation result.
    pub(crate) fn is_match(&self, text: &str) -> Result<bool, String> {
        match self {
            Self::Linear(re) => Ok(re.is_match(text)),
            #[cfg(not(target_arch = "wasm32"))]
            Self::Backtracking(re) => re.is_match(text).map_err(|e| match e {
                fancy_regex::Error::RuntimeError(
                    fancy_regex::RuntimeError::BacktrackLimitExceeded,
                ) => format!(
                    "sh:pattern stopped after {PATTERN_BACKTRACK_LIMIT} backtracking steps \
                     (pattern {:?})",
                    re.as_str()
                ),
                other => format!("sh:pattern could not be evaluated: {other}"),
            }),
        }
    }

    /// Whether the pattern needed the backtracking engine.
    #[cfg(all(test, not(target_arch = "wasm32")))]
    pub(crate) fn is_backtracking(&self) -> bool {
        matches!(self, Self::Backtracking(_))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn plain_patterns_stay_linear() {
        let p = Pattern::new("^a+b$", Flags::default()).unwrap();
        assert!(!p.is_backtracking());
        assert_eq!(p.is_match("aab"), Ok(true));
    }

    #[test]
    fn look_ahead_and_back_references_use_the_backtracking_engine() {
        let p = Pattern::new("^(?!preview).*$", Flags::default()).unwrap();
        assert!(p.is_backtracking());
        assert_eq!(p.is_match("release"), Ok(true));
        assert_eq!(p.is_match("preview-1"), Ok(false));
        let p = Pattern::new(r"^(\d{2})-\1$", Flags::default()).unwrap();
        assert_eq!(p.is_match("12-12"), Ok(true));
        assert_eq!(p.is_match("12-13"), Ok(false));
        let p = Pattern::new(r"(?<=x)y", Flags::default()).unwrap();
        assert_eq!(p.is_match("xy"), Ok(true));
        assert_eq!(p.is_match("zy"), Ok(false));
        let p = Pattern::new("^(?=A)a", Flags::parse("i").unwrap()).unwrap();
        assert_eq!(p.is_match("a"), Ok(true));
    }

    #[test]
    fn catastrophic_backtracking_is_bounded() {
        // A back-reference forces the backtracking engine; (a+)+ then explodes on a miss.
        let p = Pattern::new(r"^(a|a?)+(?=b)\1$", Flags::default()).unwrap();
        let text = format!("{}c", "a".repeat(40));
        let err = p.is_match(&text).unwrap_err();
        assert!(err.contains("backtracking steps"), "{err}");
    }

    #[test]
    fn cached_patterns_keep_their_flags() {
        // The second and third compile of a text come from the cache, keyed by text and flags.
        for _ in 0..2 {
            let plain = Pattern::new("^https?://cache[.]test", Flags::default()).unwrap();
            let insensitive =
                Pattern::new("^https?://cache[.]test", Flags::parse("i").unwrap()).unwrap();
            let literal =
                Pattern::new("^https?://cache[.]test", Flags::parse("q").unwrap()).unwrap();
            assert_eq!(plain.is_match("HTTPS://cache.test"), Ok(false));
            assert_eq!(plain.is_match("https://cache.test"), Ok(true));
            assert_eq!(insensitive.is_match("HTTPS://cache.test"), Ok(true));
            assert_eq!(literal.is_match("https://cache.test"), Ok(false));
            assert_eq!(literal.is_match("x^https?://cache[.]test"), Ok(true));
        }
    }

    #[test]
    fn invalid_patterns_are_errors() {
        assert!(Pattern::new("(unclosed", Flags::default()).is_err());
        assert_eq!(Flags::parse("z").unwrap_err(), 'z');
    }
}
