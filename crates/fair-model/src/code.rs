//! Rule codes as a type, and a finding before the rule registry has filled it in.

use crate::error::Location;
use std::fmt;

/// A rule code: a FAIR letter (or `X`) and three digits, such as `F010`.
///
/// Checks name codes through the constants their rule family declares
/// (`fair_rules::identifiers::UNKNOWN_PREFIX`, …), never as bare strings, so a check cannot
/// report a code that has no entry in the registry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Code(&'static str);

impl Code {
    /// The code for `code`. Only rule families (and the readers that report at ingest time)
    /// declare codes; the registry's tests check that every declared code is registered.
    #[doc(hidden)]
    pub const fn new(code: &'static str) -> Self {
        Self(code)
    }

    /// The code as text (`F010`).
    pub const fn as_str(self) -> &'static str {
        self.0
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

/// A finding as a check or a reader produces it: the code, what it is about and the values
/// for its message template. The rule registry turns it into a [`crate::Finding`] (severity,
/// principle, message, fix and documentation URL), and the configuration may drop it.
#[derive(Debug, Clone, PartialEq)]
pub struct RawFinding {
    /// The rule.
    pub code: Code,
    /// The focus node, in N-Triples syntax.
    pub focus: Option<String>,
    /// The property path, in SPARQL syntax (`<iri>`).
    pub path: Option<String>,
    /// The offending value.
    pub value: Option<String>,
    /// Values for the message and fix templates (`{name}` placeholders).
    pub context: serde_json::Value,
    /// Where it is, when the producer knows better than the source map.
    pub location: Option<Location>,
}

impl RawFinding {
    /// A finding of `code` with nothing filled in yet.
    pub fn new(code: Code) -> Self {
        Self {
            code,
            focus: None,
            path: None,
            value: None,
            context: serde_json::Value::Null,
            location: None,
        }
    }
}
