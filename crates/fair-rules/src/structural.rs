//! Structural checks that make sense for any record: it yields statements, it describes a typed
//! resource, its prefixes are defined, it states the profile it claims.

use crate::document::{Document, SchemaOrgNamespace};
use crate::pass::{CheckContext, Pass};
use crate::profiles::Profile;
use crate::sink::FindingSink;
use crate::subject::{parse_subject, Subject};
use crate::vocab;
use oxrdf::TermRef;
use serde_json::json;
use std::collections::BTreeSet;

crate::registry::rules! {
    NO_STATEMENTS = "I001" {
        slug: "no-statements",
        principle: I1,
        severity: Error,
        status: Preview,
        since: "0.1.0",
        message: "The {format} input parsed but yields no RDF statements",
        fix: "Describe the record in a knowledge-representation language: for JSON, add a JSON-LD \"@context\" such as \"https://schema.org/\" so keys become properties",
        summary: "The document yields at least one RDF statement.",
    }
    NO_TYPED_RESOURCE = "I002" {
        slug: "no-typed-resource",
        principle: I1,
        severity: Error,
        status: Preview,
        since: "0.1.0",
        message: "No resource in the document has a type ({triples} statements, none of them rdf:type)",
        fix: "Give the main resource a class from a shared vocabulary, e.g. \"@type\": \"Dataset\" or \"@type\": \"SoftwareApplication\" with the schema.org context",
        summary: "The document describes at least one typed resource.",
    }
    UNDEFINED_PREFIX = "I003" {
        slug: "undefined-prefix",
        principle: I1,
        severity: Warning,
        status: Preview,
        since: "0.1.0",
        message: "'{iri}' looks like a compact IRI whose prefix '{prefix}' is not defined, so it was read as an IRI with the unknown scheme '{prefix}:'",
        fix: "Declare the prefix in the JSON-LD @context (or with @prefix in Turtle), e.g. \"{prefix}\": \"http://...\", or write the full IRI",
        summary: "Properties and classes use IRIs with known schemes, not compact IRIs with undeclared prefixes.",
    }
    MIXED_SCHEMA_ORG_NAMESPACES = "I004" {
        slug: "mixed-schema-org-namespaces",
        principle: I2,
        severity: Info,
        status: Preview,
        since: "0.1.0",
        message: "The document mixes http://schema.org/ and https://schema.org/; fairlint treats them as one vocabulary",
        fix: "Use one spelling throughout; schema.org's own context uses http://schema.org/",
        summary: "schema.org terms are written with one namespace spelling.",
    }
    DROPPED_KEY = "I005" {
        slug: "dropped-key",
        principle: I1,
        severity: Warning,
        status: Preview,
        since: "0.1.0",
        message: "JSON key '{key}' produced no statement: JSON-LD processing dropped it and everything under it (the @context does not define it, or its value is not valid for the term, such as free text where an IRI is expected)",
        fix: "Define '{key}' in the @context (or use the schema.org context, \"@context\": \"https://schema.org/\"), and give it a value of the kind the term expects (a full IRI for IRI-valued terms such as license or url)",
        summary: "Every JSON key of a JSON-LD record yields statements; undefined keys and invalid values are silently dropped by JSON-LD processing.",
    }
    MOVING_CONTEXT_ALIAS = "I006" {
        slug: "moving-context-alias",
        principle: I1,
        severity: Info,
        status: Preview,
        since: "0.1.0",
        message: "The @context '{alias}' is a moving alias (a draft or branch whose content changes over time); fairlint read it as the bundled {context} ({release})",
        fix: "Refer to the released context, {release_iri}, so the record reads the same tomorrow",
        summary: "JSON-LD records refer to released contexts, not to drafts or branches that move (read as the release they stand for).",
    }
    NO_CONFORMS_TO = "R001" {
        slug: "no-conforms-to",
        principle: R1_3,
        severity: Warning,
        status: Preview,
        since: "0.1.0",
        message: "{focus} does not state which profile it conforms to (dct:conformsTo)",
        fix: "Add \"dct:conformsTo\": {\"@id\": \"{profile}\"} to the main resource",
        summary: "The main resource states the community profile it claims to meet.",
    }
}

/// IRI schemes that are really schemes, not undeclared JSON-LD / Turtle prefixes.
const KNOWN_SCHEMES: &[&str] = &[
    "http", "https", "urn", "mailto", "file", "ftp", "tag", "did", "data", "info", "arcp", "doi",
    "ark", "hdl", "isni", "orcid", "tel", "geo", "ni", "uuid",
];

/// The structural checks as a pass.
pub struct Structural;

impl Pass for Structural {
    fn run(&self, cx: &CheckContext<'_>, sink: &mut FindingSink<'_>) {
        check(cx.doc, cx.subject, cx.profile, sink);
    }
}

/// Structural checks; `profile` is the profile the record is checked against, which R001's fix
/// names.
fn check(doc: &Document, subject: &Subject, profile: &Profile, sink: &mut FindingSink<'_>) {
    let graph = doc.graph();
    if graph.is_empty() {
        sink.report(NO_STATEMENTS)
            .context(json!({ "format": doc.format().name() }))
            .emit();
        return;
    }
    let rdf_type = oxrdf::NamedNodeRef::new_unchecked(vocab::RDF_TYPE);

    // The subject has a typed main resource exactly when some resource is typed.
    if subject.typed().is_none() {
        sink.report(NO_TYPED_RESOURCE)
            .context(json!({ "triples": graph.len() }))
            .emit();
    }

    // Undeclared prefixes in predicates and classes.
    let mut reported = BTreeSet::new();
    for t in graph.iter() {
        // The predicate, and the class of a type statement (its value written out only for a
        // finding).
        let class = match t.object {
            TermRef::NamedNode(class) if t.predicate == rdf_type => Some(class),
            _ => None,
        };
        let candidates = std::iter::once((t.predicate.as_str(), None))
            .chain(class.map(|class| (class.as_str(), Some(class))));
        for (iri, class) in candidates {
            let Some((scheme, rest)) = iri.split_once(':') else {
                continue;
            };
            if KNOWN_SCHEMES
                .iter()
                .any(|known| known.eq_ignore_ascii_case(scheme))
                || rest.starts_with("//")
            {
                continue;
            }
            if !reported.insert((t.subject.to_string(), iri.to_owned())) {
                continue;
            }
            let path = if class.is_some() {
                format!("<{}>", vocab::RDF_TYPE)
            } else {
                format!("<{iri}>")
            };
            sink.report(UNDEFINED_PREFIX)
                .focus(t.subject.to_string())
                .path(path)
                .value(class.map_or_else(|| format!("<{iri}>"), |class| class.to_string()))
                .context(json!({ "iri": iri, "prefix": scheme }))
                .emit();
        }
    }

    undefined_terms(doc, sink);

    if doc.info().schema_org == Some(SchemaOrgNamespace::Mixed) {
        sink.report(MIXED_SCHEMA_ORG_NAMESPACES)
            .context(json!({}))
            .emit();
    }

    // dct:conformsTo (or schema:conformsTo) on some typed resource.
    let conforms = [vocab::DCT_CONFORMS_TO, vocab::SCHEMA_CONFORMS_TO]
        .iter()
        .any(|p| {
            graph
                .triples_for_predicate(oxrdf::NamedNodeRef::new_unchecked(p))
                .next()
                .is_some()
        });
    // RO-Crate states its profile on the metadata descriptor; the profile's own R150 says
    // where, so R001 would repeat it with the wrong place.
    let rocrate = matches!(profile.native, crate::profiles::Native::RoCrate(_));
    if let (false, false, Some(focus)) = (conforms, rocrate, subject.typed()) {
        let focus = focus.to_string();
        // Name the profile the record was checked against (chosen by type or by the caller).
        let profile_iri = profile.conforms_to.first().copied().unwrap_or(
            "the IRI of the profile your record follows, e.g. https://bioschemas.org/profiles/Dataset/1.0-RELEASE",
        );
        sink.report(NO_CONFORMS_TO)
            .focus(focus.clone())
            .path(format!("<{}>", vocab::DCT_CONFORMS_TO))
            .context(json!({ "focus": focus, "profile": profile_iri }))
            .emit();
    }
}

/// JSON keys that produced no statement although every statement of their node is explained
/// by another key: the context does not define them and JSON-LD dropped them.
fn undefined_terms(doc: &Document, sink: &mut FindingSink<'_>) {
    let graph = doc.graph();
    for (node, keys) in doc.source_map().json_keys() {
        let Some(subject) = parse_subject(node) else {
            continue;
        };
        let predicates: BTreeSet<&str> = graph
            .triples_for_subject(subject.as_ref())
            .map(|t| t.predicate.as_str())
            .collect();
        let explained = predicates.iter().all(|p| {
            keys.iter()
                .any(|(k, _)| fair_ingest::SourceMap::key_matches(k, p))
        });
        if !explained {
            continue;
        }
        for (key, location) in &keys {
            if matches!(*key, "@type" | "type" | "id") {
                continue;
            }
            if predicates
                .iter()
                .any(|p| fair_ingest::SourceMap::key_matches(key, p))
            {
                continue;
            }
            sink.report(DROPPED_KEY)
                .focus(node.to_owned())
                .context(json!({ "key": key }))
                .location((*location).clone())
                .emit();
        }
    }
}
