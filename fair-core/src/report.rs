//! The report: findings, scores, the document's facts and the versions of everything used.

use crate::document::DocumentInfo;
use crate::finding::{Finding, Severity};
use serde::Serialize;

/// Version of the JSON report format (`test-vectors/report.schema.json`); it changes
/// independently of the crate version.
pub const SCHEMA_VERSION: &str = "0.1";

pub use fair_model::Resource;
pub use fair_rules::profiles::ProfileSelection;
pub use fair_rules::scoring::Scores;

/// The profile a record was checked against.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProfileInfo {
    /// Profile identifier (`core`, ...).
    pub id: String,
    /// Its version.
    pub version: String,
    /// In the report's `profiles` only: the node (N-Triples form, as findings' `focus_node`)
    /// that claims the profile or has its type; never set in `profile`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub node: Option<String>,
    /// How it was chosen.
    pub selected_by: ProfileSelection,
    /// For a Bioschemas profile: the highest marginality level the record fully meets
    /// (`none`, `minimum`, `recommended`, `optional`); absent for `core`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<crate::profiles::Level>,
}

/// Counts of findings by severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Errors.
    pub error: usize,
    /// Warnings.
    pub warning: usize,
    /// Infos.
    pub info: usize,
}

impl Counts {
    /// The counts of `findings`.
    pub fn of(findings: &[Finding]) -> Self {
        let mut counts = Self::default();
        for f in findings {
            match f.severity {
                Severity::Error => counts.error += 1,
                Severity::Warning => counts.warning += 1,
                Severity::Info => counts.info += 1,
            }
        }
        counts
    }
}

/// The result of checking one record. Serialises to the JSON report
/// (`test-vectors/report.schema.json`); same engine and input give the same bytes.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Report {
    /// Report format version.
    pub schema_version: &'static str,
    /// fairlint version that produced it.
    pub fairlint_version: &'static str,
    /// The input's name (file path) when the caller gave one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub input: Option<String>,
    /// Facts about the parsed document.
    pub document: DocumentInfo,
    /// The profile checked against (the main one when several apply).
    pub profile: ProfileInfo,
    /// When the record is checked against more than one profile (typed nodes of different
    /// Bioschemas families): each of them, the main one (`profile`) first; absent otherwise.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub profiles: Vec<ProfileInfo>,
    /// SHACL sense: no findings at all.
    pub conforms: bool,
    /// Findings by severity.
    pub counts: Counts,
    /// F/A/I/R scores.
    pub scores: Scores,
    /// The most valuable fixes (at most three): failed indicators of highest priority first.
    pub top_fixes: Vec<crate::scoring::TopFix>,
    /// Findings, sorted by (focus node, path, code, value).
    pub findings: Vec<Finding>,
    /// Every indicator of the catalogue with its outcome, in catalogue order.
    pub indicators: Vec<crate::scoring::IndicatorResult>,
    /// Whether findings were cut at `max_findings`.
    pub truncated: bool,
    /// Versions of fairlint's bundled resources used for this report.
    pub resources: Vec<Resource>,
}

impl Report {
    /// The findings.
    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }

    /// No findings at all (the SHACL sense of conformance).
    pub fn conforms(&self) -> bool {
        self.conforms
    }

    /// Whether any finding is an error.
    pub fn has_errors(&self) -> bool {
        self.counts.error > 0
    }

    /// How many findings have `severity`.
    pub fn count(&self, severity: Severity) -> usize {
        match severity {
            Severity::Error => self.counts.error,
            Severity::Warning => self.counts.warning,
            Severity::Info => self.counts.info,
        }
    }

    /// Whether findings were cut at the configured maximum.
    pub fn truncated(&self) -> bool {
        self.truncated
    }

    /// The most severe finding, if any.
    pub fn max_severity(&self) -> Option<Severity> {
        self.findings.iter().map(|f| f.severity).max()
    }

    /// Records the input's name (a file path) in the report.
    pub fn set_input(&mut self, name: impl Into<String>) {
        self.input = Some(name.into());
    }
}
