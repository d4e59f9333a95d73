//! RO-Crate 1.1 / 1.2: the metadata descriptor and root data entity requirements, natively.
//!
//! Written from the RO-Crate specification ("Root Data Entity", "RO-Crate Metadata Descriptor")
//! and the requirements rocrate-validator 0.13.0 checks for them (its SHACL shapes and Python
//! checks; see `shapes/ro-crate/README.md`): MUST → error, SHOULD → warning, MAY →
//! info. The upstream shapes need SHACL Advanced Features (SPARQL targets, triple rules) and
//! ECMAScript regular expressions (look-ahead, back-references), so these requirements are
//! code here: the descriptor is the entity whose `@id` ends in `ro-crate-metadata.json`
//! (`.jsonld` for 1.1's legacy name) and the root data entity is what it is `about`.

use crate::document::Document;
use crate::finding::{Principle, Severity};
use crate::profiles::Level;
use crate::shapes;
use crate::sink::{FindingSink, ResolvedFinding};
use crate::subject::Subject;
use crate::vocab;
use fair_model::{Code, Payload};
use oxrdf::{Graph, NamedNodeRef, NamedOrBlankNodeRef, TermRef};
use serde_json::json;

mod dates;
mod payload;
mod root;
pub mod upstream;

use dates::{digits, iso8601};
use root::check_root;

crate::registry::rules! {
    ROCRATE_DATA_ENTITY_NOT_IN_PAYLOAD = "A130" {
        slug: "rocrate-data-entity-not-in-payload",
        principle: A1,
        severity: Error,
        status: Preview,
        since: "0.1.0",
        message: "An RO-Crate data entity with a relative @id is not present in the crate's payload",
        fix: "Add the file or directory to the crate, or identify the entity by a web address or a '#' local identifier",
        summary: "In an attached RO-Crate (a directory or a zip), every File or Dataset whose @id is a relative path exists in the payload (checked only when the caller lists the payload).",
    }
    ROCRATE_ROOT_ID = "F130" {
        slug: "rocrate-root-id",
        principle: F1,
        severity: Error,
        status: Preview,
        since: "0.1.0",
        message: "The RO-Crate root data entity's @id does not end with '/'",
        fix: "Use \"./\" as the root data entity's @id (and in the descriptor's about)",
        summary: "The RO-Crate root data entity is identified by \"./\" or an absolute URI ending in '/'.",
    }
    DATE_NOT_DAY_PRECISION = "I211" {
        slug: "date-not-day-precision",
        principle: I1,
        severity: Warning,
        status: Preview,
        since: "0.1.0",
        message: "The date should give at least the day (YYYY-MM-DD)",
        fix: "Write the date to the day, e.g. 2024-05-31",
        summary: "RO-Crate recommends datePublished to at least the precision of a day.",
    }
    ROCRATE_NO_METADATA_DESCRIPTOR = "I220" {
        slug: "rocrate-no-metadata-descriptor",
        principle: I1,
        severity: Error,
        status: Preview,
        since: "0.1.0",
        message: "The RO-Crate has no metadata descriptor (an entity 'ro-crate-metadata.json' about the root data entity)",
        fix: "Add {\"@id\": \"ro-crate-metadata.json\", \"@type\": \"CreativeWork\", \"conformsTo\": {\"@id\": \"https://w3id.org/ro/crate/1.2\"}, \"about\": {\"@id\": \"./\"}} to @graph",
        summary: "An RO-Crate's @graph holds the metadata descriptor entity ro-crate-metadata.json, which is about the root data entity.",
    }
    ROCRATE_DESCRIPTOR_TYPE = "I221" {
        slug: "rocrate-descriptor-type",
        principle: I1,
        severity: Error,
        status: Preview,
        since: "0.1.0",
        message: "The RO-Crate metadata descriptor is not typed CreativeWork",
        fix: "Give the ro-crate-metadata.json entity \"@type\": \"CreativeWork\"",
        summary: "The RO-Crate metadata descriptor is a schema:CreativeWork.",
    }
    ROCRATE_DESCRIPTOR_ABOUT = "I222" {
        slug: "rocrate-descriptor-about",
        principle: I1,
        severity: Error,
        status: Preview,
        since: "0.1.0",
        message: "The RO-Crate metadata descriptor is not about exactly one root data entity",
        fix: "Give the ro-crate-metadata.json entity \"about\": {\"@id\": \"./\"}",
        summary: "The RO-Crate metadata descriptor's about references exactly one entity, the root data entity, by its @id.",
    }
    ROCRATE_ROOT_NOT_DATASET = "I223" {
        slug: "rocrate-root-not-dataset",
        principle: I1,
        severity: Error,
        status: Preview,
        since: "0.1.0",
        message: "The RO-Crate root data entity is not typed Dataset",
        fix: "Give the root data entity \"@type\": \"Dataset\"",
        summary: "The RO-Crate root data entity is a schema:Dataset.",
    }
    ROCRATE_DATA_ENTITY_NOT_IN_HAS_PART = "I224" {
        slug: "rocrate-data-entity-not-in-has-part",
        principle: I1,
        severity: Error,
        status: Preview,
        since: "0.1.0",
        message: "An RO-Crate data entity is not reached from the root data entity through hasPart",
        fix: "Add the entity's @id to the hasPart of the root data entity (or of a Dataset the root reaches through hasPart)",
        summary: "Every RO-Crate data entity (a File or Dataset inside the crate) is linked from the root data entity through hasPart, directly or indirectly.",
    }
    ROCRATE_DESCRIPTOR_CONFORMS_TO = "R150" {
        slug: "rocrate-descriptor-conforms-to",
        principle: R1_3,
        severity: Error,
        status: Preview,
        since: "0.1.0",
        message: "The RO-Crate metadata descriptor does not state conformsTo the RO-Crate specification",
        fix: "Give the ro-crate-metadata.json entity \"conformsTo\": {\"@id\": \"https://w3id.org/ro/crate/1.2\"}",
        summary: "The RO-Crate metadata descriptor's conformsTo names the RO-Crate specification version (https://w3id.org/ro/crate/1.x).",
    }
    ROCRATE_DESCRIPTOR_CONFORMS_TO_FORM = "R151" {
        slug: "rocrate-descriptor-conforms-to-form",
        principle: R1_3,
        severity: Warning,
        status: Preview,
        since: "0.1.0",
        message: "The RO-Crate metadata descriptor's conformsTo is not a single reference object",
        fix: "Write conformsTo as one {\"@id\": \"https://w3id.org/ro/crate/1.2\"}",
        summary: "RO-Crate 1.2: the descriptor's conformsTo values are reference objects (MUST) and there is one (SHOULD).",
    }
    LICENCE_NOT_CONTEXTUAL_ENTITY = "R152" {
        slug: "licence-not-contextual-entity",
        principle: R1_1,
        severity: Warning,
        status: Preview,
        since: "0.1.0",
        message: "The RO-Crate root data entity's license does not link to a contextual entity of the crate",
        fix: "Link license to {\"@id\": \"https://spdx.org/licenses/...\"} and describe that @id in @graph with a name",
        summary: "An RO-Crate's licence is a contextual entity described in the crate (SHOULD).",
    }
    LICENCE_ENTITY_UNNAMED = "R153" {
        slug: "licence-entity-unnamed",
        principle: R1_1,
        severity: Info,
        status: Preview,
        since: "0.1.0",
        message: "The RO-Crate licence entity has no name or no description",
        fix: "Give the licence entity a name (e.g. \"MIT License\") and a description",
        summary: "An RO-Crate licence entity may have a name and description (MAY).",
    }
}

const SHAPES: &str = "https://w3id.org/fairlint/rules/ro-crate#";
const ABOUT: &str = vocab::SCHEMA_ABOUT;
const CREATIVE_WORK: &str = "http://schema.org/CreativeWork";
const DATASET: &str = "http://schema.org/Dataset";
const SPEC: &str = "https://w3id.org/ro/crate/";

/// Every requirement the checks of RO-Crate `version` can report (the fragment of a finding's
/// `source.shape`), for coverage tests and documentation.
pub fn requirements(version: &str) -> Vec<&'static str> {
    let mut names = vec![
        "MetadataDescriptorExists",
        "MetadataDescriptorType",
        "MetadataDescriptorConformsTo",
        "MetadataDescriptorAbout",
        "RootDataEntityType",
        "RootDataEntityId",
        "RootDataEntityName",
        "RootDataEntityDescription",
        "RootDataEntityLicense",
        "RootDataEntityDatePublished",
        "RootDataEntityNameText",
        "RootDataEntityDescriptionText",
        "RootDataEntityDatePublishedFormat",
        "RootDataEntityDatePublishedPrecision",
        "RootDataEntityPublisherType",
        "RootDataEntityLicenseEntity",
        "LicenseEntityName",
        "LicenseEntityDescription",
        "DataEntityInHasPart",
    ];
    if version == "1.1" {
        names.push("RootDataEntityAuthor");
    } else {
        names.extend([
            "MetadataDescriptorConformsToReference",
            "MetadataDescriptorConformsToSingle",
            "RootDataEntityPublisher",
        ]);
    }
    names
}

/// The requirements that need the crate's payload listed ([`check`]'s `payload`): test vectors
/// have none, so they are kept apart from [`requirements`].
pub fn payload_requirements() -> Vec<&'static str> {
    vec!["DataEntityInPayload"]
}

/// One requirement that failed.
struct Failure<'a> {
    code: Code,
    severity: Severity,
    principle: Principle,
    /// Short name of the requirement (the `source.shape` fragment).
    name: &'static str,
    focus: String,
    predicate: Option<&'a str>,
    value: Option<String>,
    message: String,
    fix: String,
}

struct Checker<'a, 'b> {
    version: &'static str,
    sink: &'a mut FindingSink<'b>,
    level: Level,
    /// The crate's payload, when the caller listed it.
    payload: Option<&'a Payload>,
}

impl Checker<'_, '_> {
    fn fail(&mut self, f: Failure<'_>) {
        self.fail_at(f, None);
    }

    /// [`Checker::fail`] at `location` (a JSON Pointer into the descriptor) when given.
    fn fail_at(&mut self, f: Failure<'_>, location: Option<fair_model::Location>) {
        let requirement = match f.severity {
            Severity::Error => "MUST",
            Severity::Warning => "SHOULD",
            Severity::Info => "MAY",
        };
        let at = match f.severity {
            Severity::Error => Level::None,
            Severity::Warning => Level::Minimum,
            Severity::Info => Level::Recommended,
        };
        self.level = self.level.min(at);
        let shape = format!("{SHAPES}{}", f.name);
        let component = format!("fairlint:ro-crate-{}", self.version);
        self.sink.emit_resolved_at(
            ResolvedFinding {
                code: f.code.as_str().to_owned(),
                severity: f.severity,
                principle: f.principle,
                focus: f.focus,
                path: f.predicate.map(|p| format!("<{p}>")),
                predicate: f.predicate.map(str::to_owned),
                value: f.value,
                context: json!({
                    "profile": format!("ro-crate-{}", self.version),
                    "requirement": requirement,
                    "shape": shape,
                    "component": component,
                }),
                message: format!("RO-Crate {} {requirement}: {}", self.version, f.message),
                fix: f.fix,
                shape,
                component,
            },
            location,
        );
    }
}

fn iri(s: &str) -> NamedNodeRef<'_> {
    NamedNodeRef::new_unchecked(s)
}

fn objects<'g>(
    graph: &'g Graph,
    subject: NamedOrBlankNodeRef<'g>,
    predicate: &str,
) -> Vec<TermRef<'g>> {
    graph
        .objects_for_subject_predicate(subject, iri(predicate))
        .collect()
}

fn has_type(graph: &Graph, node: NamedOrBlankNodeRef<'_>, class: &str) -> bool {
    graph.contains(oxrdf::TripleRef::new(
        node,
        iri(vocab::RDF_TYPE),
        TermRef::NamedNode(iri(class)),
    ))
}

/// Whether `iri` names an RO-Crate metadata descriptor (`.../ro-crate-metadata.json`, or the
/// 1.1 legacy `.jsonld` when `legacy`).
pub fn is_descriptor_iri(iri: &str, legacy: bool) -> bool {
    iri.ends_with("/ro-crate-metadata.json")
        || (legacy && iri.ends_with("/ro-crate-metadata.jsonld"))
}

/// The metadata descriptor: a named node whose IRI ends in `ro-crate-metadata.json` (or the
/// 1.1 legacy `.jsonld`), preferring one that is `about` something.
fn descriptor<'g>(graph: &'g Graph, version: &str) -> Option<NamedNodeRef<'g>> {
    let is_name = |s: &str| is_descriptor_iri(s, version == "1.1");
    let mut found: Vec<(bool, NamedNodeRef<'g>)> = graph
        .iter()
        .filter_map(|t| match t.subject {
            NamedOrBlankNodeRef::NamedNode(n) if is_name(n.as_str()) => Some(n),
            _ => None,
        })
        .map(|n| {
            let about = graph
                .objects_for_subject_predicate(n, iri(ABOUT))
                .next()
                .is_some();
            (!about, n)
        })
        .collect();
    found.sort_by(|a, b| (a.0, a.1.as_str()).cmp(&(b.0, b.1.as_str())));
    found.first().map(|(_, n)| *n)
}

/// Runs the RO-Crate `version` (`"1.1"` or `"1.2"`) requirements on `doc` and returns the
/// highest requirement level the crate fully meets. With `payload` (the files and directories
/// of an attached crate) the local data entities must also exist in it.
pub fn check(
    doc: &Document,
    subject: &Subject,
    version: &'static str,
    payload: Option<&Payload>,
    sink: &mut FindingSink<'_>,
) -> Level {
    let graph = doc.graph();
    let mut c = Checker {
        version,
        sink,
        level: Level::Optional,
        payload,
    };
    let Some(md) = descriptor(graph, version) else {
        c.fail(Failure {
            code: ROCRATE_NO_METADATA_DESCRIPTOR,
            severity: Severity::Error,
            principle: Principle::I1,
            name: "MetadataDescriptorExists",
            focus: subject
                .node()
                .map(|n| n.to_string())
                .unwrap_or_else(|| "<ro-crate-metadata.json>".to_owned()),
            predicate: None,
            value: None,
            message: "the crate has no metadata descriptor, an entity with @id 'ro-crate-metadata.json' that is about the root data entity".to_owned(),
            fix: "Add {\"@id\": \"ro-crate-metadata.json\", \"@type\": \"CreativeWork\", \"conformsTo\": {\"@id\": \"https://w3id.org/ro/crate/VERSION\"}, \"about\": {\"@id\": \"./\"}} to @graph".replace("VERSION", version),
        });
        return c.level;
    };
    let md_focus = md.to_string();
    let md_node = NamedOrBlankNodeRef::NamedNode(md);
    if !has_type(graph, md_node, CREATIVE_WORK) {
        c.fail(Failure {
            code: ROCRATE_DESCRIPTOR_TYPE,
            severity: Severity::Error,
            principle: Principle::I1,
            name: "MetadataDescriptorType",
            focus: md_focus.clone(),
            predicate: Some(vocab::RDF_TYPE),
            value: None,
            message: "the metadata descriptor must be typed CreativeWork".to_owned(),
            fix: "Give the ro-crate-metadata.json entity \"@type\": \"CreativeWork\"".to_owned(),
        });
    }
    check_conforms_to(&mut c, graph, md_node, &md_focus);
    let mut about = objects(graph, md_node, ABOUT);
    about.sort_by_cached_key(ToString::to_string);
    let root = match about.as_slice() {
        [TermRef::NamedNode(root)] => Some(*root),
        _ => None,
    };
    if root.is_none() {
        c.fail(Failure {
            code: ROCRATE_DESCRIPTOR_ABOUT,
            severity: Severity::Error,
            principle: Principle::I1,
            name: "MetadataDescriptorAbout",
            focus: md_focus.clone(),
            predicate: Some(ABOUT),
            value: about.first().map(ToString::to_string),
            message: format!(
                "the metadata descriptor must be about exactly one root data entity given by its @id (it has {} value(s))",
                about.len()
            ),
            fix: "Give the ro-crate-metadata.json entity \"about\": {\"@id\": \"./\"}, naming the root data entity".to_owned(),
        });
    }
    if let Some(root) = root {
        check_root(&mut c, doc, root);
    }
    c.level
}

fn check_conforms_to(
    c: &mut Checker<'_, '_>,
    graph: &Graph,
    md: NamedOrBlankNodeRef<'_>,
    focus: &str,
) {
    let mut values: Vec<TermRef<'_>> = [vocab::DCT_CONFORMS_TO, vocab::SCHEMA_CONFORMS_TO]
        .iter()
        .flat_map(|p| objects(graph, md, p))
        .collect();
    values.sort_by_cached_key(ToString::to_string);
    // 1.1: the 1.1 specification; 1.2 (and later versions checked as 1.2): a versioned
    // specification IRI, https://w3id.org/ro/crate/1.N.
    let version = c.version;
    let spec = |t: &TermRef<'_>| match t {
        TermRef::NamedNode(n) => n
            .as_str()
            .strip_prefix(SPEC)
            .map(|v| v.trim_end_matches('/'))
            .is_some_and(|v| {
                if version == "1.1" {
                    v == "1.1"
                } else {
                    v.strip_prefix("1.")
                        .is_some_and(|minor| digits(minor, minor.len()).is_some())
                }
            }),
        _ => false,
    };
    if !values.iter().any(spec) {
        c.fail(Failure {
            code: ROCRATE_DESCRIPTOR_CONFORMS_TO,
            severity: Severity::Error,
            principle: Principle::R1_3,
            name: "MetadataDescriptorConformsTo",
            focus: focus.to_owned(),
            predicate: Some(vocab::DCT_CONFORMS_TO),
            value: values.first().map(ToString::to_string),
            message: format!(
                "the metadata descriptor must state conformsTo the RO-Crate specification ({SPEC}{})",
                c.version
            ),
            fix: format!(
                "Give the ro-crate-metadata.json entity \"conformsTo\": {{\"@id\": \"{SPEC}{}\"}}",
                c.version
            ),
        });
    }
    // 1.2: each value is a reference object (MUST), and there is one (SHOULD).
    if c.version == "1.2" {
        for v in values.iter().filter(|v| matches!(v, TermRef::Literal(_))) {
            c.fail(Failure {
                code: ROCRATE_DESCRIPTOR_CONFORMS_TO_FORM,
                severity: Severity::Error,
                principle: Principle::R1_3,
                name: "MetadataDescriptorConformsToReference",
                focus: focus.to_owned(),
                predicate: Some(vocab::DCT_CONFORMS_TO),
                value: Some(v.to_string()),
                message: "each conformsTo value of the metadata descriptor must be a reference object with an @id, not a string".to_owned(),
                fix: "Write conformsTo as {\"@id\": \"https://w3id.org/ro/crate/1.2\"}".to_owned(),
            });
        }
        if values.len() > 1 {
            c.fail(Failure {
                code: ROCRATE_DESCRIPTOR_CONFORMS_TO_FORM,
                severity: Severity::Warning,
                principle: Principle::R1_3,
                name: "MetadataDescriptorConformsToSingle",
                focus: focus.to_owned(),
                predicate: Some(vocab::DCT_CONFORMS_TO),
                value: None,
                message: format!(
                    "the metadata descriptor should have a single conformsTo value (it has {})",
                    values.len()
                ),
                fix: "Keep only the RO-Crate specification in the descriptor's conformsTo; state other profiles in the root data entity's conformsTo".to_owned(),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::iso8601;

    #[test]
    fn iso8601_dates() {
        for (s, want) in [
            ("2024", Some(false)),
            ("2024-05", Some(false)),
            ("202405", Some(false)),
            ("2024-05-31", Some(true)),
            ("20240531", Some(true)),
            ("2024-W22", Some(false)),
            ("2024-W22-5", Some(true)),
            ("2024-152", Some(true)),
            ("2024-05-31T12:00:00Z", Some(true)),
            ("2024-05-31T12:00:00.123+02:00", Some(true)),
            ("2024-05-31 12:00", Some(true)),
            ("2024-05-31T12", Some(true)),
            ("2024-13-01", None),
            ("2024-05-32", None),
            ("May 2024", None),
            ("31/05/2024", None),
            ("2024-05T12:00", None),
            ("2024-05-31T25:00", None),
            ("2024-05-31T12:00:00+2", None),
            ("", None),
            ("2024-5-1", None),
        ] {
            assert_eq!(iso8601(s), want, "{s}");
        }
    }
}
