//! F/A/I/R scores from the indicator catalogue (`crates/fair-rules/data/indicators.json`): each RDA FAIR
//! Data Maturity Model indicator is assessed on the record (a data-driven test of the main
//! resource plus the finding codes that fail it), then weighted by priority. The method is
//! documented in `docs/scoring.md`, whose tables are generated from the catalogue.

use crate::document::Document;
use crate::finding::{Finding, Letter, Principle, Severity};
use crate::subject::Subject;
use crate::vocab;
use oxrdf::{NamedNodeRef, NamedOrBlankNode, NamedOrBlankNodeRef, TermRef};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::sync::OnceLock;

mod docs;
mod evidence;

pub use docs::scoring_docs;

use evidence::evidence;
pub use evidence::is_persistent;

const CATALOGUE: &str = include_str!("../../data/indicators.json");

/// Priority of an indicator in the RDA FAIR Data Maturity Model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Priority {
    /// Useful.
    Useful,
    /// Important.
    Important,
    /// Essential.
    Essential,
}

/// How an indicator is assessed on a record (the catalogue's `test`).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Test {
    /// Cannot be assessed offline from the metadata alone.
    NotAssessed {
        /// Why.
        reason: String,
    },
    /// Does not apply to this kind of record.
    NotApplicable {
        /// Why.
        reason: String,
    },
    /// The main resource's IRI or one of `properties` is a persistent identifier.
    PersistentIdentifier {
        /// Properties that may carry the identifier.
        properties: Vec<String>,
    },
    /// The main resource has an absolute IRI, or one of `properties`.
    UniqueIdentifier {
        /// Properties that may carry the identifier.
        properties: Vec<String>,
    },
    /// The main resource has at least `min` of `properties`.
    MinProperties {
        /// How many.
        min: usize,
        /// Which.
        properties: Vec<String>,
    },
    /// The main resource has one of `properties`.
    AnyProperty {
        /// Which.
        properties: Vec<String>,
    },
    /// The main resource links to an IRI (or absolute URL) through one of `properties`.
    AnyLink {
        /// Which.
        properties: Vec<String>,
    },
    /// The document yields statements.
    Statements,
    /// The document describes a typed resource.
    Typed,
    /// Some object IRI of the document is a term in one of `namespaces`.
    VocabularyTerms {
        /// Namespaces of shared vocabularies.
        namespaces: Vec<String>,
    },
    /// Some predicate of the document is in one of `namespaces`.
    NamespaceProperties {
        /// Namespaces.
        namespaces: Vec<String>,
    },
    /// A community profile was selected and its shapes report no error.
    ProfileConformance,
}

/// One indicator of the catalogue.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// RDA identifier, e.g. `RDA-F1-01M`.
    pub id: String,
    /// FAIR principle.
    pub principle: Principle,
    /// Priority (weight).
    pub priority: Priority,
    /// What it asks.
    pub description: String,
    /// Corresponding FAIRsFAIR / F-UJI metric identifiers.
    pub fuji: Vec<String>,
    /// How fairlint assesses it.
    pub test: Test,
    /// Finding codes that make it fail (at warning or error severity).
    pub fails_on: Vec<String>,
    /// What to do when it fails.
    #[serde(default)]
    pub fix: Option<String>,
}

/// Weights by priority.
#[derive(Debug, Clone, Copy, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Weights {
    /// Essential indicators.
    pub essential: u32,
    /// Important indicators.
    pub important: u32,
    /// Useful indicators.
    pub useful: u32,
}

impl Weights {
    fn of(&self, p: Priority) -> u32 {
        match p {
            Priority::Essential => self.essential,
            Priority::Important => self.important,
            Priority::Useful => self.useful,
        }
    }
}

/// The indicator catalogue.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    /// Scoring method name.
    pub method: String,
    /// Scoring method version.
    pub method_version: String,
    /// Where the indicators come from.
    pub source: String,
    /// Weights by priority.
    pub weights: Weights,
    /// The indicators, in catalogue order.
    pub indicators: Vec<Indicator>,
}

/// The bundled catalogue (parsed once). `None` only if the bundled file is broken, which a
/// unit test rules out.
pub fn catalogue() -> Option<&'static Catalogue> {
    static CAT: OnceLock<Option<Catalogue>> = OnceLock::new();
    CAT.get_or_init(|| serde_json::from_str(CATALOGUE).ok())
        .as_ref()
}

/// How an indicator ended for a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Met.
    Pass,
    /// Not met.
    Fail,
    /// Assessed, but the record does not let fairlint decide.
    Indeterminate,
    /// Needs the network or the deposited object.
    NotAssessed,
    /// Does not apply.
    NotApplicable,
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
    /// No score at all (nothing assessed yet).
    pub fn unscored() -> Self {
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

/// An indicator's outcome in a report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndicatorResult {
    /// RDA identifier.
    pub id: String,
    /// FAIR principle.
    pub principle: Principle,
    /// Priority.
    pub priority: Priority,
    /// Outcome.
    pub status: Status,
    /// F-UJI metric identifiers.
    pub fuji: Vec<String>,
    /// Finding codes that made it fail.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub failed_by: Vec<String>,
    /// Why it was not assessed, or is indeterminate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// What an online check saw (only in online reports): the URL fetched and its answer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
}

/// One of the most valuable fixes: the failed indicators of highest weight first.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TopFix {
    /// The indicator it would make pass.
    pub indicator: String,
    /// That indicator's principle.
    pub principle: Principle,
    /// Its priority.
    pub priority: Priority,
    /// What to do.
    pub message: String,
    /// The finding codes behind it, if any.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub codes: Vec<String>,
}

/// Everything scoring adds to a report.
pub struct Assessment {
    /// The F/A/I/R scores.
    pub scores: Scores,
    /// Every indicator with its outcome, in catalogue order.
    pub indicators: Vec<IndicatorResult>,
    /// The most valuable fixes (at most three).
    pub top_fixes: Vec<TopFix>,
}

/// What scoring needs to know about the record beyond the graph.
pub struct Context<'a> {
    /// The record.
    pub doc: &'a Document,
    /// Its main resource.
    pub main: Option<NamedOrBlankNode>,
    /// The statements of the main resource and then of what describes it and counts as its
    /// metadata (an RO-Crate's metadata descriptor states the crate's profile (`conformsTo`)
    /// and may license the metadata), as (subject index, predicate IRI, object), subject 0 the
    /// main resource: read from the graph once for every indicator (a lookup per indicator and
    /// property cost more than the rest of the scoring).
    statements: Vec<(usize, &'a str, TermRef<'a>)>,
    /// The report's findings.
    pub findings: &'a [Finding],
    /// Whether a community profile (not only `core`) was checked.
    pub community_profile: bool,
}

impl<'a> Context<'a> {
    /// The context of `doc`'s assessment: its main resource and what describes it, looked up
    /// once for every indicator.
    pub fn new(
        doc: &'a Document,
        subject: &Subject,
        findings: &'a [Finding],
        community_profile: bool,
    ) -> Self {
        let main = subject.node().cloned();
        let describers: Vec<NamedOrBlankNode> = main
            .as_ref()
            .map(|main| {
                doc.graph()
                    .subjects_for_predicate_object(
                        NamedNodeRef::new_unchecked(vocab::SCHEMA_ABOUT),
                        TermRef::from(main.as_ref()),
                    )
                    .filter(|s| match s {
                        NamedOrBlankNodeRef::NamedNode(n) => {
                            crate::profiles::rocrate::is_descriptor_iri(n.as_str(), true)
                        }
                        NamedOrBlankNodeRef::BlankNode(_) => false,
                    })
                    .map(NamedOrBlankNodeRef::into_owned)
                    .collect()
            })
            .unwrap_or_default();
        let graph = doc.graph();
        let statements = main
            .iter()
            .chain(&describers)
            .enumerate()
            .flat_map(|(i, s)| {
                graph
                    .triples_for_subject(s.as_ref())
                    .map(move |t| (i, t.predicate.as_str(), t.object))
            })
            .collect();
        Self {
            doc,
            main,
            statements,
            findings,
            community_profile,
        }
    }
}

/// Assesses every indicator and computes the scores.
pub fn assess(cx: &Context<'_>) -> Assessment {
    let Some(cat) = catalogue() else {
        return Assessment {
            scores: Scores::unscored(),
            indicators: Vec::new(),
            top_fixes: Vec::new(),
        };
    };
    let indicators: Vec<IndicatorResult> =
        cat.indicators.iter().map(|i| assess_one(i, cx)).collect();
    Assessment {
        scores: scores(cat, &indicators),
        top_fixes: top_fixes(cat, &indicators, cx.findings),
        indicators,
    }
}

/// The F, A, I, R and total scores of the assessed `indicators`.
fn scores(cat: &Catalogue, indicators: &[IndicatorResult]) -> Scores {
    let score = |filter: &dyn Fn(&IndicatorResult) -> bool| -> Option<f64> {
        let (mut got, mut total) = (0u32, 0u32);
        for r in indicators.iter().filter(|r| filter(r)) {
            let w = cat.weights.of(r.priority);
            match r.status {
                Status::Pass => {
                    got += w;
                    total += w;
                }
                Status::Fail => total += w,
                _ => {}
            }
        }
        (total > 0).then(|| (f64::from(got) * 1000.0 / f64::from(total)).round() / 10.0)
    };
    let letter = |l: Letter| score(&|r: &IndicatorResult| r.principle.letter() == l);
    Scores {
        method: format!("{} {}", cat.method, cat.method_version),
        f: letter(Letter::F),
        a: letter(Letter::A),
        i: letter(Letter::I),
        r: letter(Letter::R),
        total: score(&|_| true),
    }
}

/// The most valuable fixes: the failed indicators of highest priority first, at most three and
/// one per principle, each with the fix of a finding that failed it or the indicator's own.
fn top_fixes(cat: &Catalogue, indicators: &[IndicatorResult], findings: &[Finding]) -> Vec<TopFix> {
    let mut failed: Vec<(&Indicator, &IndicatorResult)> = cat
        .indicators
        .iter()
        .zip(indicators)
        .filter(|(_, r)| r.status == Status::Fail)
        .collect();
    failed.sort_by_key(|(i, _)| std::cmp::Reverse(i.priority));
    let mut top_fixes: Vec<TopFix> = Vec::new();
    for (indicator, result) in failed {
        let from_finding = findings
            .iter()
            .find(|f| result.failed_by.contains(&f.code))
            .and_then(|f| f.fix.as_ref().map(|x| x.message.clone()));
        let Some(message) = from_finding.or_else(|| indicator.fix.clone()) else {
            continue;
        };
        // One fix per principle keeps the three different (F1-01M and F1-01D share a fix).
        if top_fixes
            .iter()
            .any(|t| t.message == message || t.principle == indicator.principle)
        {
            continue;
        }
        top_fixes.push(TopFix {
            indicator: indicator.id.clone(),
            principle: indicator.principle,
            priority: indicator.priority,
            message,
            codes: result.failed_by.clone(),
        });
        if top_fixes.len() == 3 {
            break;
        }
    }
    top_fixes
}

/// An online check (`fairlint check --online`, crate `fair-online`): the indicators it moves
/// from `not_assessed` to pass or fail, and when it passes. Offline, none runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OnlineCheckSpec {
    /// The check's name, as `harvest.checks[].check` reports it.
    pub check: &'static str,
    /// The RDA indicators it assesses (empty: reported only).
    pub indicators: &'static [&'static str],
    /// When it passes.
    pub passes_when: &'static str,
}

/// Every online check, in the order they run.
pub const ONLINE_CHECKS: &[OnlineCheckSpec] = &[
    OnlineCheckSpec {
        check: "metadata_retrievable",
        indicators: &["RDA-F4-01M"],
        passes_when: "the record was retrieved in a machine-readable form by a route harvesters use: content negotiation on the URL or identifier given, a Signposting `describedby` link, or JSON-LD embedded in the landing page (when no route gives a record there is no report: the input is a `fetch_error` or `parse_error`)",
    },
    OnlineCheckSpec {
        check: "pid_resolves",
        indicators: &["RDA-A1-03M"],
        passes_when: "the record's identifier (the DOI or Handle given, else the Signposting `cite-as` link, else the main resource's http(s) IRI) resolves, through the configured resolver (`--resolver-base`) and redirects, to a 2xx answer; fails on any other answer, a fetch error, or when the record names no resolvable identifier",
    },
    OnlineCheckSpec {
        check: "metadata_protocol",
        indicators: &["RDA-A1-04M", "RDA-A1.1-01M"],
        passes_when: "the record was answered over HTTP or HTTPS (open, free, standardised protocols) without authentication (no 401 or 403 on the way)",
    },
    OnlineCheckSpec {
        check: "landing_page",
        indicators: &["RDA-A1-02M"],
        passes_when: "a landing page for people answers 2xx with HTML: the URL given, when it answered HTML, else a `schema:url` of the main resource (at most 3 probed); fails when none answers so or none is named",
    },
    OnlineCheckSpec {
        check: "content_url",
        indicators: &["RDA-A1-03D", "RDA-A1-04D"],
        passes_when: "every probed data URL (`contentUrl` of the main resource and its distributions, Signposting `item` links; at most 3, the first 64 KiB read) answers over HTTP(S) with 2xx, or 401/403 (the object is there, behind authorisation); not assessed when the record names none",
    },
    OnlineCheckSpec {
        check: "content_url_open",
        indicators: &["RDA-A1.1-01D"],
        passes_when: "every probed data URL answers 2xx without authentication; not assessed when the record names none",
    },
    OnlineCheckSpec {
        check: "data_https",
        indicators: &["RDA-A1.2-01D"],
        passes_when: "every data URL uses HTTPS, a protocol that supports authentication and authorisation; not assessed when the record names none",
    },
    OnlineCheckSpec {
        check: "license_resolves",
        indicators: &[],
        passes_when: "every http(s) `license` URL of the main resource answers 2xx (at most 3 probed); reported in `harvest.checks` only (R1.1 is assessed offline)",
    },
];

/// The outcome of an online check for one indicator the offline assessment leaves
/// `not_assessed` (it needs the network).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OnlineOutcome {
    /// The RDA indicator identifier.
    pub indicator: String,
    /// `true` for pass, `false` for fail.
    pub pass: bool,
    /// What was seen (the URL and its answer).
    pub evidence: String,
}

/// Moves the `not_assessed` indicators that `outcomes` name to pass or fail with their
/// evidence, then recomputes the scores and the fixes. Indicators assessed offline are never
/// touched, so an online report keeps every offline outcome.
pub fn apply_online(
    indicators: &mut [IndicatorResult],
    outcomes: &[OnlineOutcome],
    findings: &[Finding],
) -> Option<(Scores, Vec<TopFix>)> {
    let cat = catalogue()?;
    for outcome in outcomes {
        if let Some(r) = indicators
            .iter_mut()
            .find(|r| r.id == outcome.indicator && r.status == Status::NotAssessed)
        {
            r.status = if outcome.pass {
                Status::Pass
            } else {
                Status::Fail
            };
            r.reason = None;
            r.evidence = Some(outcome.evidence.clone());
        }
    }
    Some((
        scores(cat, indicators),
        top_fixes(cat, indicators, findings),
    ))
}

fn assess_one(i: &Indicator, cx: &Context<'_>) -> IndicatorResult {
    let mut result = IndicatorResult {
        id: i.id.clone(),
        principle: i.principle,
        priority: i.priority,
        status: Status::Pass,
        fuji: i.fuji.clone(),
        failed_by: Vec::new(),
        reason: None,
        evidence: None,
    };
    match &i.test {
        Test::NotAssessed { reason } => {
            result.status = Status::NotAssessed;
            result.reason = Some(reason.clone());
            return result;
        }
        Test::NotApplicable { reason } => {
            result.status = Status::NotApplicable;
            result.reason = Some(reason.clone());
            return result;
        }
        _ => {}
    }
    let failed_by: BTreeSet<String> = cx
        .findings
        .iter()
        .filter(|f| f.severity >= Severity::Warning && i.fails_on.contains(&f.code))
        .map(|f| f.code.clone())
        .collect();
    if !failed_by.is_empty() {
        result.status = Status::Fail;
        result.failed_by = failed_by.into_iter().collect();
        return result;
    }
    let (status, reason) = evidence(&i.test, cx);
    result.status = status;
    result.reason = reason;
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogue_has_the_41_rda_indicators() {
        let cat = catalogue().expect("bundled catalogue parses");
        assert_eq!(cat.indicators.len(), 41);
        let ids: BTreeSet<_> = cat.indicators.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids.len(), 41, "ids are unique");
        let count = |p| cat.indicators.iter().filter(|i| i.priority == p).count();
        assert_eq!(
            (
                count(Priority::Essential),
                count(Priority::Important),
                count(Priority::Useful)
            ),
            (20, 14, 7)
        );
        for i in &cat.indicators {
            assert!(
                i.id.starts_with(&format!("RDA-{}-", i.principle.name())),
                "{}",
                i.id
            );
            for code in &i.fails_on {
                assert!(crate::rule(code).is_some(), "{}: unknown code {code}", i.id);
            }
            let assessed = !matches!(
                i.test,
                Test::NotAssessed { .. } | Test::NotApplicable { .. }
            );
            assert!(
                !assessed || i.fix.is_some(),
                "{} is assessed but has no fix",
                i.id
            );
        }
    }

    #[test]
    fn persistent_identifiers() {
        for pid in [
            "https://doi.org/10.5281/zenodo.1234567",
            "doi:10.1093/nar/gkab1101",
            "10.1000/xyz",
            "http://hdl.handle.net/11304/abc",
            "ark:/13030/tf5p30086k",
            "https://w3id.org/ro/crate",
            "https://identifiers.org/taxonomy:9606",
        ] {
            assert!(is_persistent(pid), "{pid}");
        }
        for other in [
            "https://bio.tools/x",
            "https://example.org/ds/1",
            "pubmed:123",
        ] {
            assert!(!is_persistent(other), "{other}");
        }
    }
}
