//! The findings sink: what the checks report goes through it, and comes out as findings with
//! the configuration applied (severity overrides, ignored codes, value masking) and the message,
//! fix, documentation URL and location filled in from the registry and the source map.

use crate::registry;
use fair_ingest::Document;
use fair_model::{
    Applicability, Code, Finding, FindingParts, FindingSource, Fix, RawFinding, Severity,
};
use std::collections::BTreeMap;

/// A finding whose message and fix are already rendered: a SHACL validation result, or a
/// requirement of the native RO-Crate profile.
pub struct ResolvedFinding {
    pub code: String,
    pub severity: Severity,
    pub principle: fair_model::Principle,
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
pub struct FindingSink<'a> {
    doc: &'a Document,
    findings: Vec<Finding>,
    severity: &'a BTreeMap<String, Severity>,
    ignore: &'a [String],
    include_values: bool,
}

impl<'a> FindingSink<'a> {
    /// A sink for the findings on `doc`, applying the configuration's severity overrides,
    /// ignored codes and value masking.
    pub fn new(
        doc: &'a Document,
        severity: &'a BTreeMap<String, Severity>,
        ignore: &'a [String],
        include_values: bool,
    ) -> Self {
        Self {
            doc,
            findings: Vec::new(),
            severity,
            ignore,
            include_values,
        }
    }

    /// The findings, sorted by (focus node, path, code, value), duplicates removed, cut at
    /// `max_findings`; and whether they were cut.
    pub fn finish(self, max_findings: usize) -> (Vec<Finding>, bool) {
        let mut findings = self.findings;
        findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        findings.dedup_by(|a, b| a.sort_key() == b.sort_key());
        let truncated = findings.len() > max_findings;
        findings.truncate(max_findings);
        (findings, truncated)
    }

    /// Starts a finding of rule `code`: name what it is about with the builder's methods,
    /// then [`NewFinding::emit`] reports it.
    pub fn report(&mut self, code: Code) -> NewFinding<'_, 'a> {
        NewFinding {
            sink: self,
            raw: RawFinding::new(code),
        }
    }

    /// Reports the findings of the reading (a crosswalked record's schema violations).
    pub fn extend(&mut self, raw: &[RawFinding]) {
        for f in raw {
            self.push(f.clone());
        }
    }

    /// Reports a finding whose message and fix are rendered (a SHACL result, an RO-Crate requirement).
    pub fn emit_resolved(&mut self, f: ResolvedFinding) {
        self.emit_resolved_at(f, None);
    }

    /// [`FindingSink::emit_resolved`] at `location` when given (a check that read the JSON as
    /// written knows the JSON Pointer), else where the source map places it.
    pub fn emit_resolved_at(&mut self, f: ResolvedFinding, location: Option<fair_model::Location>) {
        if self.ignore.contains(&f.code) {
            return;
        }
        let location =
            location.or_else(|| self.locate(&f.focus, f.predicate.as_deref(), f.value.as_deref()));
        let context = context_map(f.context);
        let url = registry::docs_url(&f.code);
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
            fix: Some(display_only(fix)),
            source: FindingSource {
                rule: None,
                shape: Some(f.shape),
                component: Some(f.component),
            },
            location,
        }));
    }

    /// Reports `raw`: the registry fills in its severity, principle, message, fix and URL, the
    /// source map its location (unless it has one), and the configuration may drop it or mask
    /// its values.
    pub fn push(&mut self, raw: RawFinding) {
        let RawFinding {
            code,
            focus,
            path,
            value,
            context,
            location,
        } = raw;
        let code = code.as_str();
        if self.ignore.iter().any(|c| c == code) {
            return;
        }
        let Some(rule) = registry::template(code) else {
            return;
        };
        let mut context = context_map(context);
        let predicate = path
            .as_deref()
            .and_then(|p| p.strip_prefix('<'))
            .and_then(|p| p.strip_suffix('>'));
        let location =
            location.or_else(|| self.locate(focus.as_deref()?, predicate, value.as_deref()));
        let message = registry::render_message(rule.message, &context);
        let fix = registry::render_message(rule.fix, &context);
        let fix = match crate::fixes::fix_for(
            code,
            &context,
            focus.as_deref(),
            value.as_deref(),
            self.doc,
        ) {
            Some((applicability, edits)) => Fix {
                message: fix,
                applicability,
                edits,
            },
            None => display_only(fix),
        };
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
                registry::render_message(rule.message, &context),
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
            url: registry::docs_url(rule.code),
            fix: Some(fix),
            source: FindingSource {
                rule: Some(rule.slug.to_owned()),
                ..FindingSource::default()
            },
            location,
        }));
    }
}

impl FindingSink<'_> {
    /// Where `focus` (with `predicate`, and `value` of it) is in the input.
    fn locate(
        &self,
        focus: &str,
        predicate: Option<&str>,
        value: Option<&str>,
    ) -> Option<fair_model::Location> {
        match (predicate, value) {
            (Some(p), Some(v)) => self.doc.source_map().locate_value(focus, p, v),
            (p, _) => self.doc.locate(focus, p),
        }
        .cloned()
    }
}

/// A finding's context: the JSON object's entries (anything else gives none).
fn context_map(context: serde_json::Value) -> BTreeMap<String, serde_json::Value> {
    match context {
        serde_json::Value::Object(map) => map.into_iter().collect(),
        _ => BTreeMap::new(),
    }
}

/// A fix fairlint shows but does not apply.
fn display_only(message: String) -> Fix {
    Fix {
        message,
        applicability: Applicability::DisplayOnly,
        edits: Vec::new(),
    }
}

/// A finding being built: [`FindingSink::report`] starts it, [`NewFinding::emit`] reports it.
#[must_use = "a finding is reported only by .emit()"]
pub struct NewFinding<'s, 'a> {
    sink: &'s mut FindingSink<'a>,
    raw: RawFinding,
}

impl NewFinding<'_, '_> {
    /// The focus node, in N-Triples syntax.
    pub fn focus(mut self, focus: impl Into<Option<String>>) -> Self {
        self.raw.focus = focus.into();
        self
    }

    /// The property path, in SPARQL syntax (`<iri>`).
    pub fn path(mut self, path: impl Into<Option<String>>) -> Self {
        self.raw.path = path.into();
        self
    }

    /// The offending value.
    pub fn value(mut self, value: impl Into<Option<String>>) -> Self {
        self.raw.value = value.into();
        self
    }

    /// Values for the rule's message and fix templates (a JSON object).
    pub fn context(mut self, context: serde_json::Value) -> Self {
        self.raw.context = context;
        self
    }

    /// Where it is, when the check knows better than the source map.
    pub fn location(mut self, location: fair_model::Location) -> Self {
        self.raw.location = Some(location);
        self
    }

    /// Reports it.
    pub fn emit(self) {
        self.sink.push(self.raw);
    }
}
