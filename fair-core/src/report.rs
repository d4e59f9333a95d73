//! The report: findings, scores, the document's facts and the versions of everything used.

use crate::document::{Document, DocumentInfo};
use crate::finding::{Applicability, Finding, FindingParts, FindingSource, Fix, Letter, Severity};
use crate::rules;
use serde::Serialize;
use std::collections::BTreeMap;

/// Version of the JSON report format (`test-vectors/report.schema.json`); it changes
/// independently of the crate version.
pub const SCHEMA_VERSION: &str = "0.1";

pub use fair_model::Resource;

/// How the profile was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ProfileSelection {
    /// Named by the caller.
    Explicit,
    /// From the record's `dct:conformsTo`.
    ConformsTo,
    /// From the record's types or JSON shape.
    Type,
    /// Nothing else applied.
    Default,
}

/// The profile a record was checked against.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProfileInfo {
    /// Profile identifier (`core`, ...).
    pub id: String,
    /// Its version.
    pub version: String,
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

/// F, A, I, R and total scores (0–100, one decimal): the weighted share of assessed indicators
/// that pass. `None` for a letter none of whose indicators could be assessed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scores {
    /// Which scoring method produced them (`unscored` until indicators are assessed).
    pub method: String,
    /// Findable.
    #[serde(rename = "F")]
    pub f: Option<f64>,
    /// Accessible.
    #[serde(rename = "A")]
    pub a: Option<f64>,
    /// Interoperable.
    #[serde(rename = "I")]
    pub i: Option<f64>,
    /// Reusable.
    #[serde(rename = "R")]
    pub r: Option<f64>,
    /// Overall.
    pub total: Option<f64>,
}

impl Scores {
    pub(crate) fn unscored() -> Self {
        Self {
            method: "unscored".to_owned(),
            f: None,
            a: None,
            i: None,
            r: None,
            total: None,
        }
    }

    /// The score of one letter.
    pub fn get(&self, letter: Letter) -> Option<f64> {
        match letter {
            Letter::F => self.f,
            Letter::A => self.a,
            Letter::I => self.i,
            Letter::R => self.r,
        }
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
    /// The profile checked against.
    pub profile: ProfileInfo,
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

/// A finding produced by a SHACL shape.
pub(crate) struct ShapeFinding {
    pub code: String,
    pub severity: Severity,
    pub principle: crate::finding::Principle,
    pub focus: String,
    pub path: Option<String>,
    pub predicate: Option<String>,
    pub value: Option<String>,
    pub context: serde_json::Value,
    pub message: String,
    pub fix: String,
    pub shape: String,
    pub component: String,
}

/// Collects findings from the checks, applying configuration (severity overrides, ignored
/// codes, value masking) and filling messages, fix hints and locations from the registry.
pub(crate) struct FindingSink<'a> {
    pub(crate) doc: &'a Document,
    pub(crate) findings: Vec<Finding>,
    pub(crate) severity: &'a BTreeMap<String, Severity>,
    pub(crate) ignore: &'a [String],
    pub(crate) include_values: bool,
}

impl FindingSink<'_> {
    /// Reports rule `code` about `focus` / `path` / `value` with message context `context`.
    pub(crate) fn emit(
        &mut self,
        code: &str,
        focus: Option<String>,
        path: Option<String>,
        value: Option<String>,
        context: serde_json::Value,
    ) {
        self.emit_at(code, focus, path, value, context, None);
    }

    /// Reports the findings of the reading (a crosswalked record's schema violations).
    pub(crate) fn extend(&mut self, raw: &[fair_model::RawFinding]) {
        for f in raw {
            self.emit_at(
                f.code.as_str(),
                f.focus.clone(),
                f.path.clone(),
                f.value.clone(),
                f.context.clone(),
                f.location.clone(),
            );
        }
    }

    /// Reports a SHACL validation result.
    pub(crate) fn emit_shape(&mut self, f: ShapeFinding) {
        if self.ignore.contains(&f.code) {
            return;
        }
        let location = match (f.predicate.as_deref(), f.value.as_deref()) {
            (Some(p), Some(v)) => self.doc.source_map().locate_value(&f.focus, p, v),
            (p, _) => self.doc.locate(&f.focus, p),
        }
        .cloned();
        let context = match f.context {
            serde_json::Value::Object(map) => map.into_iter().collect(),
            _ => BTreeMap::new(),
        };
        let url = format!("{}{}", rules::DOCS_BASE, f.code);
        // A property the record's format cannot hold (DataCite has no measurementTechnique):
        // say where else it can go.
        let fix = match f.predicate.as_deref() {
            Some(p) if f.component == "sh:MinCountConstraintComponent" => {
                self.doc.no_field_fix(p).unwrap_or(f.fix)
            }
            _ => f.fix,
        };
        self.findings.push(Finding::from(FindingParts {
            severity: self.severity.get(&f.code).copied().unwrap_or(f.severity),
            code: f.code,
            principle: f.principle,
            focus_node: Some(f.focus),
            path: f.path,
            value: if self.include_values {
                f.value
            } else {
                f.value.map(|_| "***".to_owned())
            },
            context,
            message: f.message,
            url,
            fix: Some(Fix {
                message: fix,
                applicability: Applicability::DisplayOnly,
            }),
            source: FindingSource {
                rule: None,
                shape: Some(f.shape),
                component: Some(f.component),
            },
            location,
        }));
    }

    /// Like [`FindingSink::emit`], with the location given instead of looked up.
    pub(crate) fn emit_at(
        &mut self,
        code: &str,
        focus: Option<String>,
        path: Option<String>,
        value: Option<String>,
        context: serde_json::Value,
        location: Option<crate::error::Location>,
    ) {
        if self.ignore.iter().any(|c| c == code) {
            return;
        }
        let Some(rule) = rules::rule(code) else {
            return;
        };
        let mut context: BTreeMap<String, serde_json::Value> = match context {
            serde_json::Value::Object(map) => map.into_iter().collect(),
            _ => BTreeMap::new(),
        };
        let predicate = path
            .as_deref()
            .and_then(|p| p.strip_prefix('<'))
            .and_then(|p| p.strip_suffix('>'));
        let location = location.or_else(|| {
            let focus = focus.as_deref()?;
            match (predicate, value.as_deref()) {
                (Some(p), Some(v)) => self.doc.source_map().locate_value(focus, p, v),
                _ => self.doc.locate(focus, predicate),
            }
            .cloned()
        });
        let message = rules::render_message(rule.message, &context);
        let fix = rules::render_message(rule.fix, &context);
        let (value, message) = if self.include_values {
            (value, message)
        } else {
            for v in context.values_mut() {
                if v.is_string() {
                    *v = serde_json::Value::String("***".to_owned());
                }
            }
            (
                value.map(|_| "***".to_owned()),
                rules::render_message(rule.message, &context),
            )
        };
        self.findings.push(Finding::from(FindingParts {
            code: rule.code.to_owned(),
            severity: self.severity.get(code).copied().unwrap_or(rule.severity),
            principle: rule.principle,
            focus_node: focus,
            path,
            value,
            context,
            message,
            url: format!("{}{}", rules::DOCS_BASE, rule.code),
            fix: Some(Fix {
                message: fix,
                applicability: Applicability::DisplayOnly,
            }),
            source: FindingSource {
                rule: Some(rule.slug.to_owned()),
                ..FindingSource::default()
            },
            location,
        }));
    }
}
