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
use fair_graph::Graph;
use fair_model::{Code, Payload};
use oxrdf::{NamedNodeRef, NamedOrBlankNodeRef, TermRef};
use serde_json::json;

mod data_entity;
mod dates;
mod format;
mod identifier;

mod payload;
mod root;
pub mod upstream;

mod workflow;

use dates::{digits, iso8601};
use root::check_root;
pub use workflow::WORKFLOW_RO_CRATE;

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
    ROCRATE_ROOT_ID_NOT_DOT = "F131" {
        slug: "rocrate-root-id-not-dot",
        principle: F1,
        severity: Warning,
        status: Preview,
        since: "0.1.0",
        message: "The RO-Crate root data entity is not denoted by the string \"./\"",
        fix: "Use \"./\" as the root data entity's @id and in the descriptor's about",
        summary: "RO-Crate 1.1 recommends \"./\" as the root data entity's @id (SHOULD).",
    }
    ROCRATE_IDENTIFIER_NO_VALUE = "F132" {
        slug: "rocrate-identifier-no-value",
        principle: F1,
        severity: Error,
        status: Preview,
        since: "0.1.0",
        message: "A PropertyValue identifier of the RO-Crate root data entity has no value",
        fix: "Give the PropertyValue entity a value (the identifier itself)",
        summary: "RO-Crate 1.2: a PropertyValue that the root data entity's identifier references includes a value.",
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
    ROCRATE_NO_CONTEXT = "I230" {
        slug: "rocrate-no-context",
        principle: I1,
        severity: Error,
        status: Preview,
        since: "0.1.0",
        message: "The RO-Crate metadata file has no @context",
        fix: "Add \"@context\": \"https://w3id.org/ro/crate/1.2/context\"",
        summary: "The RO-Crate metadata file is JSON-LD with a @context (rocrate-validator's File Descriptor JSON-LD format).",
    }
    ROCRATE_NOT_FLATTENED = "I231" {
        slug: "rocrate-not-flattened",
        principle: I1,
        severity: Error,
        status: Preview,
        since: "0.1.0",
        message: "The RO-Crate metadata file is not flattened JSON-LD (a nested object has properties of its own)",
        fix: "Move the nested entity to @graph with its own @id and refer to it as {\"@id\": \"...\"}",
        summary: "The RO-Crate metadata file is flattened JSON-LD: @graph holds the entities, nested objects are only {\"@id\"} references or value objects.",
    }
    ROCRATE_ENTITY_NO_ID = "I233" {
        slug: "rocrate-entity-no-id",
        principle: I1,
        severity: Error,
        status: Preview,
        since: "0.1.0",
        message: "An entity of the RO-Crate @graph has no @id",
        fix: "Give the entity an @id",
        summary: "Every entity of the RO-Crate @graph has an @id.",
    }
    ROCRATE_ENTITY_NO_TYPE = "I234" {
        slug: "rocrate-entity-no-type",
        principle: I1,
        severity: Error,
        status: Preview,
        since: "0.1.0",
        message: "An entity of the RO-Crate @graph has no @type",
        fix: "Give the entity an @type",
        summary: "Every entity of the RO-Crate @graph has an @type.",
    }
    ROCRATE_NOT_COMPACTED = "I235" {
        slug: "rocrate-not-compacted",
        principle: I1,
        severity: Error,
        status: Preview,
        since: "0.1.0",
        message: "The RO-Crate metadata file is not compacted JSON-LD (a key is not a term or compact IRI of the context)",
        fix: "Use the RO-Crate context's term for the property, or define the term in an extra @context object",
        summary: "The RO-Crate metadata file is compacted JSON-LD: every key is a keyword, a term or a compact IRI its @context defines.",
    }
    ROCRATE_SINGLETON_ARRAY = "I236" {
        slug: "rocrate-singleton-array",
        principle: I1,
        severity: Warning,
        status: Preview,
        since: "0.1.0",
        message: "An RO-Crate entity property with one value is written as a one-element array",
        fix: "Write the single value without the array",
        summary: "RO-Crate recommends compact JSON-LD: a property with one value is written as that value, not a one-element array (SHOULD).",
    }
    ROCRATE_CONTEXT_NOT_ROCRATE = "I237" {
        slug: "rocrate-context-not-rocrate",
        principle: I1,
        severity: Error,
        status: Preview,
        since: "0.1.0",
        message: "The RO-Crate metadata file's @context does not reference the RO-Crate context",
        fix: "Use \"@context\": \"https://w3id.org/ro/crate/1.2/context\" (or a list that holds it)",
        summary: "RO-Crate 1.2 / 1.3: the @context references https://w3id.org/ro/crate/1.2/context (1.3: .../1.3/context).",
    }
    ROCRATE_DUPLICATE_ID = "I238" {
        slug: "rocrate-duplicate-id",
        principle: I1,
        severity: Error,
        status: Preview,
        since: "0.1.0",
        message: "Two entities of the RO-Crate @graph have the same @id",
        fix: "Merge the entities that share the @id into one, or give each its own @id",
        summary: "RO-Crate 1.2: each entity of @graph has its own @id.",
    }
    ROCRATE_SUBJECT_KEYWORDS = "I239" {
        slug: "rocrate-subject-keywords",
        principle: I2,
        severity: Error,
        status: Preview,
        since: "0.1.0",
        message: "An RO-Crate entity uses subject or keyword instead of schema.org about or keywords",
        fix: "Rename subject (dct:subject) to about, keyword to keywords",
        summary: "RO-Crate 1.2: subjects are given with schema.org about and keywords with keywords.",
    }
    ROCRATE_DATA_ENTITY_ID = "I240" {
        slug: "rocrate-data-entity-id",
        principle: I1,
        severity: Error,
        status: Preview,
        since: "0.1.0",
        message: "An RO-Crate data entity's @id is not a relative URI path or an absolute URI",
        fix: "Identify a file in the crate by its path relative to the crate root, an outside resource by an absolute URI",
        summary: "RO-Crate 1.2: a data entity's @id is a URI reference relative to the crate root (no absolute or network path, no spaces or backslashes) or an absolute URI (file: URIs with an absolute path).",
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
    WORKFLOW_NO_MAIN_ENTITY = "R160" {
        slug: "workflow-no-main-entity",
        principle: R1_3,
        severity: Error,
        status: Preview,
        since: "0.1.0",
        message: "The Workflow RO-Crate's root data entity does not name one main workflow with mainEntity",
        fix: "Give the root data entity \"mainEntity\": {\"@id\": \"workflow.cwl\"}",
        summary: "Workflow RO-Crate 1.0: the root data entity's mainEntity references exactly one entity, the main workflow.",
    }
    WORKFLOW_NO_IMAGE = "R161" {
        slug: "workflow-no-image",
        principle: R1_3,
        severity: Info,
        status: Preview,
        since: "0.1.0",
        message: "The Workflow RO-Crate's main workflow has no image (workflow diagram)",
        fix: "Give the main workflow \"image\": {\"@id\": \"diagram.svg\"}",
        summary: "Workflow RO-Crate 1.0: the main workflow may have a diagram, its image (MAY).",
    }
    WORKFLOW_NO_SUBJECT_OF = "R162" {
        slug: "workflow-no-subject-of",
        principle: R1_3,
        severity: Info,
        status: Preview,
        since: "0.1.0",
        message: "The Workflow RO-Crate's main workflow has no subjectOf (CWL description)",
        fix: "Give the main workflow \"subjectOf\": {\"@id\": \"workflow.cwl\"}",
        summary: "Workflow RO-Crate 1.0: the main workflow may have a CWL description, its subjectOf (MAY).",
    }
    ROCRATE_CITATION_NOT_URI = "R163" {
        slug: "rocrate-citation-not-uri",
        principle: R1_2,
        severity: Error,
        status: Preview,
        since: "0.1.0",
        message: "An RO-Crate data entity's citation does not reference a publication by absolute URI",
        fix: "Cite the publication by its absolute URI: \"citation\": {\"@id\": \"https://doi.org/...\"}",
        summary: "RO-Crate 1.2: a data entity's citation references the publication by an absolute URI.",
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
        "FileDescriptorContext",
        "FileDescriptorFlattened",
        "FileDescriptorEntityId",
        "FileDescriptorEntityType",
        "FileDescriptorCompacted",
        "EntityPropertyCompactRepresentation",
        "MainWorkflowExistence",
        "WorkflowDiagramExistence",
        "WorkflowDescriptionExistence",
    ];
    if version == "1.1" {
        names.extend(["RootDataEntityAuthor", "RootDataEntityRelativeUri"]);
    } else {
        names.extend([
            "MetadataDescriptorConformsToReference",
            "MetadataDescriptorConformsToSingle",
            "RootDataEntityPublisher",
            "FileDescriptorRoCrateContext",
            "FileDescriptorUniqueIdentifiers",
            "FileDescriptorSubjectKeywords",
            "RootDataEntityIdentifierPropertyValue",
            "DataEntityIdentifier",
            "DataEntityCitation",
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
    /// The profile the requirements come from, as messages name it and as its id
    /// (`"RO-Crate 1.2"`, `"ro-crate-1.2"`).
    profile: (String, String),
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
        let component = format!("fairlint:{}", self.profile.1);
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
                    "profile": self.profile.1,
                    "requirement": requirement,
                    "shape": shape,
                    "component": component,
                }),
                message: format!("{} {requirement}: {}", self.profile.0, f.message),
                fix: f.fix,
                shape,
                component,
            },
            location,
        );
    }
}

impl<'a, 'b> Checker<'a, 'b> {
    fn new(version: &'static str, sink: &'a mut FindingSink<'b>) -> Self {
        Checker {
            version,
            profile: (format!("RO-Crate {version}"), format!("ro-crate-{version}")),
            sink,
            level: Level::Optional,
            payload: None,
        }
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
    let mut c = Checker::new(version, sink);
    c.payload = payload;
    let Some(md) = descriptor(graph, version) else {
        let focus = subject
            .node()
            .map(|n| n.to_string())
            .unwrap_or_else(|| "<ro-crate-metadata.json>".to_owned());
        format::check_format(&mut c, doc, &focus, None);
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
        if version != "1.1" {
            identifier::check_identifier_values(&mut c, graph, root);
        }
    }
    format::check_format(&mut c, doc, &md_focus, conforms_minor(graph, md_node));
    let level = c.level;
    if let Some(root) = root {
        let claims = workflow::claims_workflow(graph, md_node)
            || workflow::claims_workflow(graph, NamedOrBlankNodeRef::NamedNode(root));
        if claims {
            // The Workflow RO-Crate requirements do not lower the RO-Crate level.
            check_workflow_root(graph, root, version, sink);
        }
    }
    level
}

/// The minor version of the RO-Crate 1.x specification the descriptor conforms to.
fn conforms_minor(graph: &Graph, md: NamedOrBlankNodeRef<'_>) -> Option<u32> {
    [vocab::DCT_CONFORMS_TO, vocab::SCHEMA_CONFORMS_TO]
        .iter()
        .flat_map(|p| objects(graph, md, p))
        .filter_map(|t| match t {
            TermRef::NamedNode(n) => n
                .as_str()
                .strip_prefix(SPEC)?
                .trim_end_matches('/')
                .strip_prefix("1.")?
                .parse()
                .ok(),
            _ => None,
        })
        .max()
}

fn check_workflow_root(
    graph: &Graph,
    root: NamedNodeRef<'_>,
    version: &'static str,
    sink: &mut FindingSink<'_>,
) -> Level {
    let mut c = Checker::new(version, sink);
    c.profile = (
        "Workflow RO-Crate 1.0".to_owned(),
        "workflow-ro-crate-1.0".to_owned(),
    );
    workflow::check_main_workflow(&mut c, graph, root);
    c.level
}

/// Runs the Workflow RO-Crate 1.0 requirements (the main workflow, rocrate-validator's
/// Python checks) on `doc`, whatever it claims; returns the highest requirement level the
/// crate fully meets. [`check`] runs them itself when the descriptor or the root data entity
/// states `conformsTo` [`WORKFLOW_RO_CRATE`]; this is the entry point for a profile that
/// selects Workflow RO-Crate explicitly. `version` is the RO-Crate version that finds the
/// descriptor (`"1.1"` also accepts the legacy `ro-crate-metadata.jsonld`).
pub fn check_workflow(doc: &Document, version: &'static str, sink: &mut FindingSink<'_>) -> Level {
    let graph = doc.graph();
    let root = descriptor(graph, version).and_then(|md| {
        match objects(graph, NamedOrBlankNodeRef::NamedNode(md), ABOUT).as_slice() {
            [TermRef::NamedNode(root)] => Some(*root),
            _ => None,
        }
    });
    match root {
        Some(root) => check_workflow_root(graph, root, version, sink),
        // No root data entity: `check` reports the descriptor; no main workflow can be found.
        None => {
            let mut c = Checker::new(version, sink);
            c.profile = (
                "Workflow RO-Crate 1.0".to_owned(),
                "workflow-ro-crate-1.0".to_owned(),
            );
            c.fail(Failure {
                code: WORKFLOW_NO_MAIN_ENTITY,
                severity: Severity::Error,
                principle: Principle::R1_3,
                name: "MainWorkflowExistence",
                focus: "<ro-crate-metadata.json>".to_owned(),
                predicate: None,
                value: None,
                message: "the crate has no root data entity, so no main workflow".to_owned(),
                fix: "Add the metadata descriptor about the root data entity, and give the root data entity a mainEntity".to_owned(),
            });
            c.level
        }
    }
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
