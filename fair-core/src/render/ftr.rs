//! FAIR Test Results (FTR): the reports of a batch in the OSTrails FAIR Testing Resource
//! vocabulary (`https://w3id.org/ftr#`, built on DCAT, DQV and PROV), as Turtle or JSON-LD.
//!
//! One `ftr:TestResultSet` per input; in it one `ftr:TestResult` per indicator of the catalogue
//! (`prov:value` `pass` / `fail` / `indeterminate`, fairlint's own status in `ftr:status`, the
//! findings behind it in `ftr:log`), each pointing with `ftr:outputFromTest` to the `ftr:Test`
//! that assessed it; the F/A/I/R/total scores as `dqv:QualityMeasurement`s. An input that could
//! not be read or parsed still gets its result set, every result `indeterminate` with the error
//! in its log. The tests themselves are described by [`tests_turtle`] / [`tests_jsonld`].
//!
//! Test IRIs are `{base}test/{indicator}` (metrics `{base}metric/{indicator}`), with
//! [`FTR_BASE`] (`urn:fairlint:`) unless the caller gives another base: fairlint has no hosted
//! site, so the default names the tests without pretending to resolve. Pure functions, no I/O;
//! blank nodes are labelled by position, so the same input gives the same bytes.

use super::Entry;
use crate::finding::{Finding, Severity};
use crate::report::Report;
use crate::scoring::{Indicator, IndicatorResult, Status, Test};
use oxrdf::vocab::{rdf, xsd};
use oxrdf::{BlankNode, Literal, NamedNode, NamedOrBlankNode, Term, Triple};

/// The default base of test and metric IRIs: a URN, since fairlint publishes no resolvable
/// site for them (see `docs/architecture.md`, "CI output formats").
pub const FTR_BASE: &str = "urn:fairlint:";

/// The FAIR Testing Resource vocabulary.
pub const FTR: &str = "https://w3id.org/ftr#";
const PROV: &str = "http://www.w3.org/ns/prov#";
const DQV: &str = "http://www.w3.org/ns/dqv#";
const DCAT: &str = "http://www.w3.org/ns/dcat#";
const DCTERMS: &str = "http://purl.org/dc/terms/";
const SIO: &str = "http://semanticscience.org/resource/";
const RDFS: &str = "http://www.w3.org/2000/01/rdf-schema#";

/// The RDA FAIR Data Maturity Model, which defines the indicators the tests implement.
const RDA_MATURITY_MODEL: &str = "https://doi.org/10.15497/rda00050";
/// fairlint's licence, for the test descriptions (SPDX licence IRIs).
const LICENCES: [&str; 2] = [
    "https://spdx.org/licenses/MIT",
    "https://spdx.org/licenses/Apache-2.0",
];

const PREFIXES: [(&str, &str); 9] = [
    ("ftr", FTR),
    ("prov", PROV),
    ("dqv", DQV),
    ("dcat", DCAT),
    ("dcterms", DCTERMS),
    ("sio", SIO),
    ("rdfs", RDFS),
    ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
];

/// Why a base cannot be used: `{base}test/X` must be an absolute IRI.
pub fn check_base(base: &str) -> Result<(), String> {
    NamedNode::new(format!("{base}test/RDA-F1-01M"))
        .map(|_| ())
        .map_err(|e| format!("'{base}' cannot start test IRIs: {e}"))
}

/// The IRI of the test that assesses `indicator`, under `base`.
pub fn test_iri(base: &str, indicator: &str) -> String {
    format!("{base}test/{indicator}")
}

/// The IRI of the metric (the RDA indicator as a `dqv:Metric`) under `base`.
pub fn metric_iri(base: &str, indicator: &str) -> String {
    format!("{base}metric/{indicator}")
}

/// The batch as FTR in Turtle: one result set per entry, in order.
pub fn ftr_turtle(entries: &[Entry<'_>], base: &str) -> String {
    let mut serializer = Ok(oxttl::TurtleSerializer::new());
    for (name, iri) in PREFIXES {
        serializer = serializer.and_then(|s| s.with_prefix(name, iri));
    }
    let mut out = Vec::new();
    let written = match serializer {
        Ok(serializer) => {
            let mut w = serializer.for_writer(&mut out);
            let mut written = Ok(());
            result_triples(entries, base, |part| {
                if written.is_ok() {
                    written = part.iter().try_for_each(|t| w.serialize_triple(t));
                }
            });
            written.and_then(|()| w.finish().map(|_| ()))
        }
        // A prefix the serialiser refuses (none of ours): no output, as below.
        Err(_) => Ok(()),
    };
    match (written, String::from_utf8(out)) {
        (Ok(()), Ok(text)) => text,
        _ => String::new(),
    }
}

/// The batch as FTR in JSON-LD (the same graph as [`ftr_turtle`]).
pub fn ftr_jsonld(entries: &[Entry<'_>], base: &str) -> String {
    jsonld(|sink| result_triples(entries, base, sink))
}

/// Every test (one per indicator of the catalogue) with its description, as Turtle; `only`
/// keeps the tests of those indicators.
pub fn tests_turtle(base: &str, only: Option<&[String]>) -> String {
    crate::shacl::write_turtle(&test_triples(base, only), &PREFIXES)
}

/// The test descriptions as JSON-LD.
pub fn tests_jsonld(base: &str, only: Option<&[String]>) -> String {
    jsonld(|sink| sink(test_triples(base, only)))
}

/// `docs/ftr-tests.md`: every test's IRI (under [`FTR_BASE`]) and description, generated from
/// the indicator catalogue; a test keeps the committed file up to date.
pub fn tests_markdown() -> String {
    let mut out = String::from(
        "# FAIR Test Results: fairlint's tests\n\n<!-- Generated from crates/fair-rules/data/indicators.json by `fair_core::render::ftr::tests_markdown()`; a test fails when this file is stale. Regenerate: `FAIRLINT_UPDATE_DOCS=1 cargo test -p fair-core --test ftr_docs`. -->\n\n",
    );
    out.push_str(
        "`fairlint check --format ftr` (or `ftr-jsonld`) writes one `ftr:TestResult` per indicator, \
each pointing with `ftr:outputFromTest` to the test below. The IRIs are under the base \
`urn:fairlint:` (a name, not a web address: fairlint has no hosted site); `--ftr-base IRI` \
moves them under another base. `fairlint rules --format ftr` prints these descriptions as \
RDF. The mapping to the FTR vocabulary is in `docs/architecture.md` (*CI output formats*).\n\n",
    );
    out.push_str("| test | metric | description |\n|---|---|---|\n");
    if let Some(catalogue) = crate::scoring::catalogue() {
        for i in &catalogue.indicators {
            out.push_str(&format!(
                "| `{}` | `{}` | {} |\n",
                test_iri(FTR_BASE, &i.id),
                metric_iri(FTR_BASE, &i.id),
                test_description(i).replace('|', "\\|")
            ));
        }
    }
    out
}

/// The human-readable description of the test of `indicator`: what the indicator asks and how
/// fairlint decides it (published in the docs and in the RDF of the test).
pub fn test_description(indicator: &Indicator) -> String {
    let how = how(indicator);
    let mut text = format!(
        "{} ({}, {} priority). Assessed on the metadata record: {how}.",
        indicator.description,
        indicator.id,
        priority_name(indicator)
    );
    if !indicator.fails_on.is_empty() {
        text.push_str(&format!(
            " It fails when the record has a finding (warning or error) with code {}.",
            indicator.fails_on.join(", ")
        ));
    }
    text
}

/// How fairlint decides `indicator`, as a clause.
fn how(indicator: &Indicator) -> String {
    match &indicator.test {
        Test::NotAssessed { reason } => {
            format!("fairlint does not assess it offline ({reason}); the result is indeterminate")
        }
        Test::NotApplicable { reason } => {
            format!("it does not apply to the records fairlint checks ({reason}); the result is indeterminate")
        }
        Test::PersistentIdentifier { properties } => format!(
            "passes when the main resource's IRI, or a value of {}, is a persistent identifier (DOI, Handle, ARK, PURL, w3id, identifiers.org or n2t, URN:NBN)",
            list(properties)
        ),
        Test::UniqueIdentifier { properties } => format!(
            "passes when the main resource has an absolute IRI, or a value of {}",
            list(properties)
        ),
        Test::MinProperties { min, properties } => format!(
            "passes when the main resource has at least {min} of {}",
            list(properties)
        ),
        Test::AnyProperty { properties } => {
            format!("passes when the main resource has one of {}", list(properties))
        }
        Test::AnyLink { properties } => format!(
            "passes when the main resource links to an IRI through one of {}",
            list(properties)
        ),
        Test::Statements => "passes when the document yields RDF statements".to_owned(),
        Test::Typed => "passes when the document describes a typed resource".to_owned(),
        Test::VocabularyTerms { namespaces } => format!(
            "passes when some object IRI of the document is a term of {}",
            list(namespaces)
        ),
        Test::NamespaceProperties { namespaces } => format!(
            "passes when some predicate of the document is in {}",
            list(namespaces)
        ),
        Test::ProfileConformance => {
            "passes when a community profile was selected and its shapes report no error"
                .to_owned()
        }
    }
}

fn list(items: &[String]) -> String {
    items.join(", ")
}

fn priority_name(indicator: &Indicator) -> &'static str {
    match indicator.priority {
        crate::scoring::Priority::Essential => "essential",
        crate::scoring::Priority::Important => "important",
        crate::scoring::Priority::Useful => "useful",
    }
}

fn iri(s: &str) -> NamedNode {
    NamedNode::new_unchecked(s)
}

fn ns(namespace: &str, local: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{namespace}{local}"))
}

fn string(s: impl Into<String>) -> Term {
    Literal::new_simple_literal(s).into()
}

fn blank(label: String) -> NamedOrBlankNode {
    BlankNode::new_unchecked(label).into()
}

/// Triples of one subject, pushed in order.
struct Out(Vec<Triple>);

impl Out {
    fn add(&mut self, s: &NamedOrBlankNode, p: NamedNode, o: impl Into<Term>) {
        self.0.push(Triple::new(s.clone(), p, o));
    }
}

fn test_triples(base: &str, only: Option<&[String]>) -> Vec<Triple> {
    let mut out = Out(Vec::new());
    let Some(catalogue) = crate::scoring::catalogue() else {
        return out.0;
    };
    for indicator in &catalogue.indicators {
        if only.is_some_and(|ids| !ids.contains(&indicator.id)) {
            continue;
        }
        describe_test(&mut out, base, indicator);
    }
    out.0
}

fn describe_test(out: &mut Out, base: &str, indicator: &Indicator) {
    let test: NamedOrBlankNode = iri(&test_iri(base, &indicator.id)).into();
    let metric = iri(&metric_iri(base, &indicator.id));
    out.add(&test, rdf::TYPE.into_owned(), ns(FTR, "Test"));
    out.add(&test, rdf::TYPE.into_owned(), ns(DCAT, "DataService"));
    out.add(
        &test,
        ns(DCTERMS, "identifier"),
        string(indicator.id.clone()),
    );
    out.add(
        &test,
        ns(DCTERMS, "title"),
        string(format!("fairlint test for {}", indicator.id)),
    );
    out.add(
        &test,
        ns(DCTERMS, "description"),
        string(test_description(indicator)),
    );
    out.add(
        &test,
        ns(DCAT, "version"),
        string(env!("CARGO_PKG_VERSION")),
    );
    for licence in LICENCES {
        out.add(&test, ns(DCTERMS, "license"), iri(licence));
    }
    out.add(
        &test,
        ns(DCAT, "keyword"),
        string(indicator.principle.name()),
    );
    out.add(
        &test,
        ns(DQV, "inDimension"),
        iri(&format!("{base}dimension/{}", letter(indicator))),
    );
    out.add(&test, ns(SIO, "SIO_000233"), metric.clone());
    let metric: NamedOrBlankNode = metric.into();
    out.add(&metric, rdf::TYPE.into_owned(), ns(FTR, "Metric"));
    out.add(&metric, rdf::TYPE.into_owned(), ns(DQV, "Metric"));
    out.add(
        &metric,
        ns(DCTERMS, "identifier"),
        string(indicator.id.clone()),
    );
    out.add(
        &metric,
        ns(DCTERMS, "title"),
        string(indicator.description.clone()),
    );
    out.add(&metric, ns(RDFS, "isDefinedBy"), iri(RDA_MATURITY_MODEL));
}

fn letter(indicator: &Indicator) -> &'static str {
    match indicator.principle.letter() {
        crate::finding::Letter::F => "F",
        crate::finding::Letter::A => "A",
        crate::finding::Letter::I => "I",
        crate::finding::Letter::R => "R",
    }
}

/// FTR's value for a status: `pass`, `fail` or `indeterminate` (not assessed and not
/// applicable are indeterminate; the exact status is in `ftr:status`).
fn ftr_value(status: Status) -> &'static str {
    match status {
        Status::Pass => "pass",
        Status::Fail => "fail",
        Status::Indeterminate | Status::NotAssessed | Status::NotApplicable => "indeterminate",
    }
}

fn status_name(status: Status) -> &'static str {
    match status {
        Status::Pass => "pass",
        Status::Fail => "fail",
        Status::Indeterminate => "indeterminate",
        Status::NotAssessed => "not-assessed",
        Status::NotApplicable => "not-applicable",
    }
}

/// The batch's triples, handed to `sink` a part at a time (fairlint as agent, then each
/// entry's result set), each part grouped by subject: a large batch is never held as one
/// graph.
fn result_triples(entries: &[Entry<'_>], base: &str, mut sink: impl FnMut(Vec<Triple>)) {
    let mut out = Out(Vec::new());
    let catalogue = crate::scoring::catalogue();
    let tool = blank("fairlint".to_owned());
    out.add(&tool, rdf::TYPE.into_owned(), ns(PROV, "SoftwareAgent"));
    out.add(&tool, ns(DCTERMS, "title"), string("fairlint"));
    out.add(
        &tool,
        ns(DCAT, "version"),
        string(env!("CARGO_PKG_VERSION")),
    );
    for (n, entry) in entries.iter().enumerate() {
        sink(grouped(std::mem::take(&mut out.0)));
        let set = blank(format!("set{n}"));
        let target = blank(format!("set{n}-target"));
        let activity = blank(format!("set{n}-activity"));
        out.add(&set, rdf::TYPE.into_owned(), ns(FTR, "TestResultSet"));
        out.add(&set, ns(DCTERMS, "identifier"), string(format!("set{n}")));
        out.add(&set, ns(FTR, "assessmentTarget"), target.clone());
        out.add(&set, ns(PROV, "wasGeneratedBy"), activity.clone());
        out.add(&target, rdf::TYPE.into_owned(), ns(PROV, "Entity"));
        out.add(&target, ns(DCTERMS, "identifier"), string(entry.input()));
        out.add(
            &activity,
            rdf::TYPE.into_owned(),
            ns(FTR, "TestExecutionActivity"),
        );
        out.add(&activity, ns(PROV, "used"), target.clone());
        out.add(&activity, ns(PROV, "wasAssociatedWith"), tool.clone());
        match entry {
            Entry::Report(report) => {
                out.add(
                    &set,
                    ns(DCTERMS, "title"),
                    string(format!(
                        "fairlint assessment of {} (profile {} {})",
                        entry.input(),
                        report.profile.id,
                        report.profile.version
                    )),
                );
                out.add(&set, ns(FTR, "status"), string("checked"));
                for (i, result) in report.indicators.iter().enumerate() {
                    let node = blank(format!("set{n}-r{i}"));
                    out.add(&set, ns(PROV, "hadMember"), node.clone());
                    test_result(&mut out, &node, base, &target, &activity, report, result);
                }
                scores(&mut out, n, base, &set, &target, report);
            }
            Entry::Failed {
                code,
                message,
                location,
                ..
            } => {
                let at = location.map(|l| format!(" at {l}")).unwrap_or_default();
                let log = format!("the input could not be checked: {message} [{code}]{at}");
                out.add(
                    &set,
                    ns(DCTERMS, "title"),
                    string(format!("fairlint assessment of {} (failed)", entry.input())),
                );
                out.add(&set, ns(FTR, "status"), string("error"));
                out.add(&set, ns(FTR, "log"), string(log.clone()));
                let indicators = catalogue.map(|c| c.indicators.as_slice()).unwrap_or(&[]);
                for (i, indicator) in indicators.iter().enumerate() {
                    let node = blank(format!("set{n}-r{i}"));
                    out.add(&set, ns(PROV, "hadMember"), node.clone());
                    result_head(&mut out, &node, base, &indicator.id, &target, &activity);
                    out.add(&node, ns(PROV, "value"), string("indeterminate"));
                    out.add(&node, ns(FTR, "status"), string("error"));
                    out.add(&node, ns(FTR, "completion"), integer(0));
                    out.add(
                        &node,
                        ns(DCTERMS, "description"),
                        string(format!("{} could not be assessed", indicator.id)),
                    );
                    out.add(&node, ns(FTR, "log"), string(log.clone()));
                }
            }
        }
    }
    sink(grouped(out.0));
}

/// The triples with each subject's together, subjects in order of first appearance (so the
/// Turtle writer states each subject once); stable, so deterministic.
fn grouped(triples: Vec<Triple>) -> Vec<Triple> {
    let mut first: std::collections::HashMap<NamedOrBlankNode, usize> =
        std::collections::HashMap::new();
    for t in &triples {
        let next = first.len();
        first.entry(t.subject.clone()).or_insert(next);
    }
    let mut keyed: Vec<(usize, Triple)> = triples
        .into_iter()
        .map(|t| (first.get(&t.subject).copied().unwrap_or(0), t))
        .collect();
    keyed.sort_by_key(|(k, _)| *k);
    keyed.into_iter().map(|(_, t)| t).collect()
}

fn integer(n: u32) -> Term {
    Literal::new_typed_literal(n.to_string(), xsd::INTEGER).into()
}

/// What every result has: its type, identifier, title, test, target and activity.
fn result_head(
    out: &mut Out,
    node: &NamedOrBlankNode,
    base: &str,
    indicator: &str,
    target: &NamedOrBlankNode,
    activity: &NamedOrBlankNode,
) {
    out.add(node, rdf::TYPE.into_owned(), ns(FTR, "TestResult"));
    out.add(
        node,
        ns(DCTERMS, "identifier"),
        string(indicator.to_owned()),
    );
    out.add(
        node,
        ns(DCTERMS, "title"),
        string(format!("Result of the fairlint test for {indicator}")),
    );
    out.add(
        node,
        ns(FTR, "outputFromTest"),
        iri(&test_iri(base, indicator)),
    );
    out.add(node, ns(FTR, "assessmentTarget"), target.clone());
    out.add(node, ns(PROV, "wasGeneratedBy"), activity.clone());
}

fn test_result(
    out: &mut Out,
    node: &NamedOrBlankNode,
    base: &str,
    target: &NamedOrBlankNode,
    activity: &NamedOrBlankNode,
    report: &Report,
    result: &IndicatorResult,
) {
    result_head(out, node, base, &result.id, target, activity);
    out.add(node, ns(PROV, "value"), string(ftr_value(result.status)));
    out.add(node, ns(FTR, "status"), string(status_name(result.status)));
    let assessed = matches!(result.status, Status::Pass | Status::Fail);
    out.add(
        node,
        ns(FTR, "completion"),
        integer(if assessed { 100 } else { 0 }),
    );
    let description = match result.status {
        Status::Pass => format!("{} is met", result.id),
        Status::Fail => format!("{} is not met", result.id),
        Status::Indeterminate => format!("{} could not be decided from the record", result.id),
        Status::NotAssessed => format!("{} is not assessed offline", result.id),
        Status::NotApplicable => format!("{} does not apply to this record", result.id),
    };
    out.add(node, ns(DCTERMS, "description"), string(description));
    out.add(node, ns(FTR, "log"), string(log(report, result)));
}

/// The evidence: the reason or online evidence, then every finding whose code bears on the
/// indicator (one line each: code, severity, message, where).
fn log(report: &Report, result: &IndicatorResult) -> String {
    let mut lines = Vec::new();
    if let Some(reason) = &result.reason {
        lines.push(reason.clone());
    }
    if let Some(evidence) = &result.evidence {
        lines.push(evidence.clone());
    }
    let indicator =
        crate::scoring::catalogue().and_then(|c| c.indicators.iter().find(|i| i.id == result.id));
    let codes: &[String] = indicator.map(|i| i.fails_on.as_slice()).unwrap_or(&[]);
    for f in report
        .findings
        .iter()
        .filter(|f| codes.contains(&f.code) || result.failed_by.contains(&f.code))
    {
        lines.push(finding_line(f));
    }
    if lines.is_empty() {
        // No finding behind the outcome: the data-driven test decided it.
        let test = indicator.map(how).unwrap_or_default();
        lines.push(match result.status {
            Status::Pass => format!("met, no finding bears on it; the test {test}"),
            Status::Fail => format!("not met; the test {test}, which this record does not"),
            other => format!("{}; the test {test}", status_name(other)),
        });
    }
    lines.join("\n")
}

fn finding_line(f: &Finding) -> String {
    let severity = match f.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    };
    let mut line = format!("{} {severity}: {}", f.code, f.message);
    if let Some(focus) = &f.focus_node {
        line.push_str(&format!(" (focus {focus})"));
    }
    if let Some(location) = &f.location {
        line.push_str(&format!(" at {location}"));
    }
    line
}

/// The scores as DQV quality measurements of the target, one per letter and the total.
fn scores(
    out: &mut Out,
    n: usize,
    base: &str,
    set: &NamedOrBlankNode,
    target: &NamedOrBlankNode,
    report: &Report,
) {
    let s = &report.scores;
    for (name, value) in [
        ("F", s.f),
        ("A", s.a),
        ("I", s.i),
        ("R", s.r),
        ("total", s.total),
    ] {
        let Some(value) = value else { continue };
        let node = blank(format!("set{n}-score-{name}"));
        out.add(&node, rdf::TYPE.into_owned(), ns(DQV, "QualityMeasurement"));
        out.add(
            &node,
            ns(DQV, "isMeasurementOf"),
            iri(&format!("{base}metric/score-{name}")),
        );
        out.add(&node, ns(DQV, "computedOn"), target.clone());
        out.add(
            &node,
            ns(DQV, "value"),
            Literal::new_typed_literal(format!("{value}"), xsd::DOUBLE),
        );
        out.add(&node, ns(PROV, "wasDerivedFrom"), set.clone());
        out.add(
            &node,
            ns(DCTERMS, "description"),
            string(format!("fairlint {} score ({}), 0 to 100", name, s.method)),
        );
    }
}

/// JSON-LD of the triples `feed` hands over, a part at a time, written as they come.
fn jsonld(feed: impl FnOnce(&mut dyn FnMut(Vec<Triple>))) -> String {
    let mut out = Vec::new();
    let mut serializer = Ok(oxjsonld::JsonLdSerializer::new());
    for (name, iri) in PREFIXES {
        serializer = serializer.and_then(|s| s.with_prefix(name, iri));
    }
    let written = match serializer {
        Ok(serializer) => {
            let mut w = serializer.for_writer(&mut out);
            let mut written = Ok(());
            feed(&mut |part: Vec<Triple>| {
                if written.is_ok() {
                    written = part.iter().try_for_each(|t| {
                        w.serialize_quad(t.as_ref().in_graph(oxrdf::GraphNameRef::DefaultGraph))
                    });
                }
            });
            written.and_then(|()| w.finish().map(|_| ()))
        }
        // A prefix the serialiser refuses (none of ours): no output, as below.
        Err(_) => Ok(()),
    };
    match (written, String::from_utf8(out)) {
        (Ok(()), Ok(mut text)) if !text.is_empty() => {
            if !text.ends_with('\n') {
                text.push('\n');
            }
            text
        }
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use super::*;
    use crate::{Engine, Format};
    use fair_graph::Graph;

    fn parse(turtle: &str) -> Graph {
        let mut g = Graph::new();
        for t in oxttl::TurtleParser::new().for_slice(turtle.as_bytes()) {
            g.insert(&t.unwrap());
        }
        g
    }

    fn count(g: &Graph, class: &str) -> usize {
        g.subjects_for_predicate_object(rdf::TYPE, NamedNode::new(class).unwrap().as_ref())
            .count()
    }

    #[test]
    fn one_result_set_per_entry_and_a_result_per_indicator() {
        let engine = Engine::builder().profile("core").build().unwrap();
        let ttl = b"@prefix schema: <http://schema.org/> .\n<https://example.org/ds/1> a schema:Dataset ; schema:name \"x\" .\n";
        let mut report = engine
            .check(ttl, Some(Format::Turtle), Some("a.ttl"))
            .unwrap();
        report.set_input("a.ttl");
        let entries = [
            Entry::Report(&report),
            Entry::Failed {
                input: "b.json",
                code: "parse_error",
                message: "bad JSON",
                location: None,
            },
        ];
        let text = ftr_turtle(&entries, FTR_BASE);
        assert_eq!(text, ftr_turtle(&entries, FTR_BASE), "deterministic");
        let g = parse(&text);
        assert_eq!(count(&g, "https://w3id.org/ftr#TestResultSet"), 2);
        let n = crate::scoring::catalogue().unwrap().indicators.len();
        assert_eq!(count(&g, "https://w3id.org/ftr#TestResult"), 2 * n);
        assert_eq!(count(&g, "http://www.w3.org/ns/dqv#QualityMeasurement"), 5);
        assert!(text.contains("urn:fairlint:test/RDA-F1-01M"));
        assert!(text.contains("bad JSON [parse_error]"));
    }

    #[test]
    fn every_test_is_described() {
        let text = tests_turtle("https://example.org/fl/", None);
        let g = parse(&text);
        let n = crate::scoring::catalogue().unwrap().indicators.len();
        assert_eq!(count(&g, "https://w3id.org/ftr#Test"), n);
        assert!(text.contains("<https://example.org/fl/test/RDA-R1.1-01M>"));
        assert!(check_base("not an iri").is_err());
        assert!(check_base(FTR_BASE).is_ok());
    }
}
