//! Bundled profiles: what a record is checked against.
//!
//! `core` holds the checks that apply to any record and stays on for every profile. The
//! Bioschemas profiles add SHACL shapes (`shapes/bioschemas/*.ttl`, embedded at compile time)
//! with their minimum / recommended / optional marginality as Violation / Warning / Info.
//! DCAT-AP 3.0.1 and CodeMeta 2.0 / 3.0 are SHACL profiles too (`shapes/dcat-ap/`,
//! `shapes/codemeta/`, mandatory / recommended / optional likewise); RO-Crate 1.1 / 1.2 are
//! checked by a native rule module (`rocrate`) written from the requirements of the
//! RO-Crate specification as rocrate-validator implements them, together with
//! rocrate-validator's own SHACL profiles (`rocrate::upstream`), which also give the RO-Crate
//! family: Workflow RO-Crate, Process / Workflow / Provenance Run Crate, Workflow Testing
//! RO-Crate and ISA RO-Crate.

pub mod bioschemas;
pub mod rocrate;
mod select;
#[doc(hidden)]
pub mod shacl;

pub use select::{
    bioschemas_profile, class_name, parse_bioschemas_iri, same_class, select, select_all, Applied,
    ProfileSelection,
};

use crate::pass::CheckContext;
use crate::sink::FindingSink;
use serde::Serialize;

/// Runs one applied profile's own checks (its SHACL shapes, or the native RO-Crate rules) and
/// returns the level the record meets; `None` for a profile with neither (`core`).
///
/// A profile's shapes target its classes in their own spelling; a node typed with another
/// spelling of one of them (`http://bioschemas.org/Gene`, `bioschemas:types/Gene`, see
/// [`select::class_name`]) is validated as if it also had the profile's spelling.
pub fn run(cx: &CheckContext<'_>, applied: &Applied, sink: &mut FindingSink<'_>) -> Option<Level> {
    let profile = applied.profile;
    if let Native::RoCrate(version) = profile.native {
        let native = rocrate::check(cx.doc, cx.subject, version, cx.payload, sink);
        let upstream =
            rocrate::upstream::check(cx.doc, profile.upstream, cx.max_sparql_steps, sink);
        return Some(native.min(upstream));
    }
    let index = PROFILES.iter().position(|p| p.id == profile.id)?;
    let shapes = shacl::bundled_profile_shapes(index)?;
    // The resource that claims the profile, else the node it was chosen for, else the main
    // resource.
    let focus = select::conforms_to_values(cx.doc)
        .find(|(_, iri)| by_conforms_to(iri).is_some_and(|p| p.id == profile.id))
        .map(|(subject, _)| subject)
        .or_else(|| applied.node.clone())
        .or_else(|| cx.subject.typed().map(ToString::to_string));
    let has_target = shacl::check_profile_target(cx.doc, profile, focus, sink);
    let report = match respelled(cx.doc, profile) {
        None => shapes.validate(cx.doc, cx.max_sparql_steps),
        Some(graph) => shapes.validate_graph(&graph, cx.max_sparql_steps),
    };
    shapes.report_findings(&report, sink);
    Some(shacl::marginality_level(&report, has_target))
}

/// The record's graph with `rdf:type` statements giving the profile's spelling of a target
/// class to the nodes typed with another spelling of it only; `None` when there are none (the
/// record's own graph is validated).
fn respelled(doc: &crate::document::Document, profile: &Profile) -> Option<fair_graph::Graph> {
    let rdf_type = oxrdf::NamedNodeRef::new_unchecked(crate::vocab::RDF_TYPE);
    let graph = doc.graph();
    let mut copy: Option<fair_graph::Graph> = None;
    for t in graph.triples_for_predicate(rdf_type) {
        let oxrdf::TermRef::NamedNode(class) = t.object else {
            continue;
        };
        if profile.target_types.contains(&class.as_str()) {
            continue;
        }
        let spellings = || {
            profile
                .target_types
                .iter()
                .filter(|target| select::same_class(class.as_str(), target))
                .map(|target| oxrdf::NamedNodeRef::new_unchecked(target))
        };
        // A node with one of the profile's spellings is a focus node already.
        if spellings().any(|s| graph.contains(oxrdf::TripleRef::new(t.subject, rdf_type, s))) {
            continue;
        }
        for target in spellings() {
            // A copy of the sorted arrays and the term table, not triple-by-triple inserts.
            let copy = copy.get_or_insert_with(|| graph.clone());
            copy.insert(oxrdf::TripleRef::new(t.subject, rdf_type, target));
        }
    }
    copy
}

/// Whether `profile` targets the class `iri` (in any spelling of a schema.org / Bioschemas
/// class, see [`select::class_name`]).
pub fn targets(profile: &Profile, iri: &str) -> bool {
    profile
        .target_types
        .iter()
        .any(|t| select::same_class(iri, t))
}

/// The bundled profile families with the versions of each, as the report's `resources` list
/// them.
pub fn resources() -> Vec<fair_model::Resource> {
    let mut resources = Vec::new();
    for (name, prefix, source) in [
        (
            "Bioschemas profiles (SHACL)",
            "bioschemas-",
            "shapes/bioschemas, from the bioschemas.org specifications (CC BY-SA 4.0)",
        ),
        (
            "DCAT-AP profile (SHACL)",
            "dcat-ap-",
            "shapes/dcat-ap, written from the DCAT-AP 3.0.1 specification (SEMIC, CC BY 4.0)",
        ),
        (
            "CodeMeta profiles (SHACL)",
            "codemeta-",
            "shapes/codemeta, written from the CodeMeta 2.0 / 3.0 crosswalk and terms (Apache-2.0)",
        ),
        (
            "RO-Crate profiles (native rules)",
            "ro-crate-",
            // One text for every build (reports are the same in Rust, Python and the browser;
            // the WebAssembly package runs the family profiles' native rules only).
            "crates/fair-rules/src/profiles/rocrate, from the RO-Crate specification and rocrate-validator 0.13.0; the RO-Crate family profiles also run rocrate-validator's SHACL profiles (shapes/rocrate-validator, PyPI roc-validator 0.13.0, Apache-2.0) outside the WebAssembly package",
        ),
    ] {
        resources.push(fair_model::Resource {
            name: name.to_owned(),
            version: PROFILES
                .iter()
                .filter(|p| p.id.starts_with(prefix))
                .map(|p| format!("{} {}", p.family, p.version))
                .collect::<Vec<_>>()
                .join(", "),
            source: source.to_owned(),
        });
    }
    resources
}

/// The highest Bioschemas marginality level a record fully meets (ordered: `None` <
/// `Minimum` < `Recommended` < `Optional`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Some minimum property is missing or wrong (or nothing the profile targets).
    None,
    /// Every minimum property is right; some recommended one is missing or wrong.
    Minimum,
    /// Every minimum and recommended property is right; some optional one is wrong.
    Recommended,
    /// No finding of the profile's shapes at all.
    Optional,
}

/// Checks a profile runs besides its SHACL shapes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Native {
    /// None: the shapes are the whole profile.
    None,
    /// The RO-Crate metadata descriptor and root data entity rules of this spec version
    /// (`"1.1"`, `"1.2"`).
    RoCrate(&'static str),
}

/// A bundled profile.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Profile {
    /// Identifier used with `--profile` (`core`, `bioschemas-dataset-1.0`, ...).
    pub id: &'static str,
    /// Version.
    pub version: &'static str,
    /// What it checks.
    pub description: &'static str,
    /// IRIs a record may name in `dct:conformsTo` to ask for this profile.
    pub conforms_to: &'static [&'static str],
    /// Classes (full IRIs, schema.org normalised to `http://schema.org/`) the profile's shapes
    /// target; a record's main resource with one of these types selects the profile when it
    /// is the family's `default_for_type`. A schema.org or Bioschemas class matches in every
    /// spelling (`https://bioschemas.org/Gene` also matches `http://bioschemas.org/Gene`,
    /// `https://bioschemas.org/types/Gene` and `http://schema.org/Gene`; [`class_name`]).
    pub target_types: &'static [&'static str],
    /// Profile family (`Dataset`, `ComputationalTool`, ...); empty for `core`.
    pub family: &'static str,
    /// Whether detection by type picks this version of the family (the latest release).
    pub default_for_type: bool,
    /// The profile's SHACL shapes (Turtle); empty for `core`.
    #[serde(skip)]
    pub shapes: &'static str,
    /// Name of the shapes file in `shapes/` (for errors and provenance).
    #[serde(skip)]
    pub shapes_file: &'static str,
    /// Bundled JSON-LD contexts (their names in the report's `document.contexts`) whose use
    /// selects this profile when no `dct:conformsTo` does (CodeMeta, RO-Crate).
    #[serde(skip)]
    pub contexts: &'static [&'static str],
    /// Native checks of the profile.
    #[serde(skip)]
    pub native: Native,
    /// Whether the shapes are generated at run time from the Bioschemas extract
    /// ([`bioschemas`], `shapes/bioschemas/profiles.json`) rather than embedded Turtle.
    #[serde(skip)]
    pub generated: bool,
    /// rocrate-validator profile folders whose shapes the profile runs (its own and the
    /// profiles it inherits from), see [`rocrate::upstream`]; empty for the others.
    #[serde(skip)]
    pub upstream: &'static [&'static str],
}

impl Profile {
    /// The profile's SHACL shapes as Turtle: the embedded file, or for a generated Bioschemas
    /// profile the text [`bioschemas::turtle`] writes from the embedded extract (the same as
    /// the committed `shapes/` file); empty for a profile without shapes.
    pub fn shapes_turtle(&self) -> std::borrow::Cow<'static, str> {
        if self.generated {
            return bioschemas::definition(self.family, self.version)
                .map(|d| std::borrow::Cow::Owned(bioschemas::turtle(d)))
                .unwrap_or_default();
        }
        std::borrow::Cow::Borrowed(self.shapes)
    }
}

/// A bundled profile, each fact written once and the rest derived from it:
///
/// - `Bioschemas { id, family, release, [dated,] a, target_types, default_for_type }`: the
///   version is `{release}[-{dated}]`, the `conforms_to` IRIs the bioschemas.org profile
///   `{family}/{version}` (https and http, with and without the trailing slash), the shapes
///   `shapes/bioschemas/{family}-{release}.ttl` and the description
///   `Bioschemas {family} {release} (a {a})`.
/// - `Shacl { id, family, version, shapes_dir, what, conforms_to, target_types, contexts,
///   default_for_type }`: the shapes are `shapes/{shapes_dir}/{family}-{version}.ttl` and the
///   description `{family} {version} {what}`.
/// - `RoCrate { id, version, contexts, default_for_type }`: the native RO-Crate rules of spec
///   `version`, asked for by `https://w3id.org/ro/crate/{version}`.
macro_rules! profile {
    (Bioschemas {
        id: $id:literal,
        family: $family:literal,
        release: $release:literal,
        $(dated: $date:literal,)?
        a: $a:literal,
        target_types: $target_types:expr,
        default_for_type: $default:literal $(,)?
    }) => {
        Profile {
            id: $id,
            version: concat!($release $(, "-", $date)?),
            description: concat!("Bioschemas ", $family, " ", $release, " (a ", $a, ")"),
            conforms_to: bioschemas_iris!($family, "/", $release $(, "-", $date)?),
            target_types: $target_types,
            family: $family,
            default_for_type: $default,
            shapes: "",
            shapes_file: shapes_file!("bioschemas", $family, $release),
            contexts: &[],
            native: Native::None,
            generated: true,
            upstream: &[],
        }
    };
    (Shacl {
        id: $id:literal,
        family: $family:literal,
        version: $version:literal,
        shapes_dir: $dir:literal,
        what: $what:literal,
        conforms_to: $conforms_to:expr,
        target_types: $target_types:expr,
        contexts: $contexts:expr,
        default_for_type: $default:literal $(,)?
    }) => {
        Profile {
            id: $id,
            version: $version,
            description: concat!($family, " ", $version, " ", $what),
            conforms_to: $conforms_to,
            target_types: $target_types,
            family: $family,
            default_for_type: $default,
            shapes: include_shapes!($dir, $family, $version),
            shapes_file: shapes_file!($dir, $family, $version),
            contexts: $contexts,
            native: Native::None,
            generated: false,
            upstream: &[],
        }
    };
    (RoCrateFamily {
        id: $id:literal,
        family: $family:literal,
        version: $version:literal,
        spec: $spec:literal,
        what: $what:literal,
        conforms_to: $conforms_to:expr,
        upstream: $upstream:expr $(,)?
    }) => {
        Profile {
            id: $id,
            version: $version,
            description: concat!($family, " ", $version, ": ", $what, " (rocrate-validator's profile, MUST / SHOULD / MAY)"),
            conforms_to: $conforms_to,
            target_types: &[],
            family: $family,
            default_for_type: true,
            shapes: "",
            shapes_file: "",
            contexts: &[],
            native: Native::RoCrate($spec),
            generated: false,
            upstream: $upstream,
        }
    };
    (RoCrate {
        id: $id:literal,
        version: $version:literal,
        contexts: $contexts:expr,
        upstream: $upstream:expr,
        default_for_type: $default:literal $(,)?
    }) => {
        Profile {
            id: $id,
            version: $version,
            description: concat!(
                "RO-Crate ",
                $version,
                ": the metadata descriptor, root data entity and data entity linkage requirements",
                " (MUST / SHOULD / MAY)"
            ),
            conforms_to: &[concat!("https://w3id.org/ro/crate/", $version)],
            target_types: &[],
            family: "RO-Crate",
            default_for_type: $default,
            shapes: "",
            shapes_file: "",
            contexts: $contexts,
            native: Native::RoCrate($version),
            generated: false,
            upstream: $upstream,
        }
    };
}

/// `conforms_to` list for a Bioschemas profile IRI (`{family}/{version}`, in parts): https and
/// http, with and without the trailing slash.
macro_rules! bioschemas_iris {
    ($($path:literal),+) => {
        &[
            concat!("https://bioschemas.org/profiles/", $($path),+),
            concat!("https://bioschemas.org/profiles/", $($path),+, "/"),
            concat!("http://bioschemas.org/profiles/", $($path),+),
            concat!("http://bioschemas.org/profiles/", $($path),+, "/"),
        ]
    };
}

/// A shapes file's name in `shapes/`: `{dir}/{family}-{version}.ttl`.
macro_rules! shapes_file {
    ($dir:literal, $family:literal, $version:literal) => {
        concat!($dir, "/", $family, "-", $version, ".ttl")
    };
}

/// The text of `shapes_file!(dir, family, version)`, embedded at compile time without its
/// full-line comments (`build.rs`).
macro_rules! include_shapes {
    ($dir:literal, $family:literal, $version:literal) => {
        include_str!(concat!(
            env!("OUT_DIR"),
            "/shapes/",
            shapes_file!($dir, $family, $version)
        ))
    };
}

const SOFTWARE_APPLICATION: &[&str] = &[
    "http://schema.org/SoftwareApplication",
    "http://schema.org/WebApplication",
    "http://schema.org/MobileApplication",
];
const DATASET: &[&str] = &["http://schema.org/Dataset"];
const WORKFLOW: &[&str] = &[
    "https://bioschemas.org/ComputationalWorkflow",
    "http://bioschemas.org/ComputationalWorkflow",
    "http://schema.org/ComputationalWorkflow",
];
/// A Bioschemas type in Bioschemas' namespace (https, http) and schema.org's.
macro_rules! bioschemas_type {
    ($t:literal) => {
        &[
            concat!("https://bioschemas.org/", $t),
            concat!("http://bioschemas.org/", $t),
            concat!("http://schema.org/", $t),
        ]
    };
}
const SAMPLE: &[&str] = &[
    "https://bioschemas.org/BioSample",
    "http://bioschemas.org/BioSample",
    "http://schema.org/BioSample",
    "https://bioschemas.org/Sample",
    "http://bioschemas.org/Sample",
    "http://schema.org/Sample",
];

const CODEMETA: &[&str] = &[
    "http://schema.org/SoftwareSourceCode",
    "http://schema.org/SoftwareApplication",
];
const DCAT: &[&str] = &[
    "http://www.w3.org/ns/dcat#Catalog",
    "http://www.w3.org/ns/dcat#Dataset",
    "http://www.w3.org/ns/dcat#DatasetSeries",
    "http://www.w3.org/ns/dcat#DataService",
    "http://www.w3.org/ns/dcat#Distribution",
];

/// Every bundled profile; the first is the default. Detection by type tries the families in
/// this order, so a resource typed both `ComputationalWorkflow` and `SoftwareApplication` is
/// checked as a workflow.
pub static PROFILES: &[Profile] = &[
    Profile {
        id: "core",
        version: "0.1.0",
        description: "Checks that apply to any metadata record: it parses, yields statements, describes a typed resource with defined prefixes and states the profile it claims",
        conforms_to: &[],
        target_types: &[],
        family: "",
        default_for_type: false,
        shapes: "",
        shapes_file: "",
        contexts: &[],
        native: Native::None,
        generated: false,
        upstream: &[],
    },
    profile!(Bioschemas {
        id: "bioschemas-computationalworkflow-1.0",
        family: "ComputationalWorkflow",
        release: "1.0-RELEASE",
        a: "bioschemas:ComputationalWorkflow",
        target_types: WORKFLOW,
        default_for_type: true,
    }),
    profile!(Bioschemas {
        id: "bioschemas-computationaltool-1.0",
        family: "ComputationalTool",
        release: "1.0-RELEASE",
        a: "schema:SoftwareApplication",
        target_types: SOFTWARE_APPLICATION,
        default_for_type: true,
    }),
    profile!(Bioschemas {
        id: "bioschemas-computationaltool-1.1",
        family: "ComputationalTool",
        release: "1.1-DRAFT",
        a: "schema:SoftwareApplication",
        target_types: SOFTWARE_APPLICATION,
        default_for_type: false,
    }),
    profile!(Bioschemas {
        id: "bioschemas-datacatalog-0.3",
        family: "DataCatalog",
        release: "0.3-RELEASE",
        dated: "2019_07_01",
        a: "schema:DataCatalog",
        target_types: &["http://schema.org/DataCatalog"],
        default_for_type: true,
    }),
    profile!(Bioschemas {
        id: "bioschemas-dataset-1.0",
        family: "Dataset",
        release: "1.0-RELEASE",
        a: "schema:Dataset",
        target_types: DATASET,
        default_for_type: true,
    }),
    profile!(Bioschemas {
        id: "bioschemas-dataset-1.1",
        family: "Dataset",
        release: "1.1-DRAFT",
        a: "schema:Dataset",
        target_types: DATASET,
        default_for_type: false,
    }),
    profile!(Bioschemas {
        id: "bioschemas-trainingmaterial-1.0",
        family: "TrainingMaterial",
        release: "1.0-RELEASE",
        a: "schema:LearningResource",
        target_types: &["http://schema.org/LearningResource"],
        default_for_type: true,
    }),
    profile!(Bioschemas {
        id: "bioschemas-sample-0.2",
        family: "Sample",
        release: "0.2-RELEASE",
        dated: "2018_11_10",
        a: "bioschemas:BioSample / Sample",
        target_types: SAMPLE,
        default_for_type: true,
    }),
    profile!(Bioschemas {
        id: "bioschemas-computationalworkflow-1.1",
        family: "ComputationalWorkflow",
        release: "1.1-DRAFT",
        a: "bioschemas:ComputationalWorkflow",
        target_types: WORKFLOW,
        default_for_type: false,
    }),
    profile!(Bioschemas {
        id: "bioschemas-datacatalog-0.4",
        family: "DataCatalog",
        release: "0.4-DRAFT",
        a: "schema:DataCatalog",
        target_types: &["http://schema.org/DataCatalog"],
        default_for_type: false,
    }),
    profile!(Bioschemas {
        id: "bioschemas-trainingmaterial-1.1",
        family: "TrainingMaterial",
        release: "1.1-DRAFT",
        a: "schema:LearningResource",
        target_types: &["http://schema.org/LearningResource"],
        default_for_type: false,
    }),
    profile!(Bioschemas {
        id: "bioschemas-sample-0.3",
        family: "Sample",
        release: "0.3-DRAFT",
        a: "bioschemas:BioSample / Sample",
        target_types: SAMPLE,
        default_for_type: false,
    }),
    profile!(Bioschemas {
        id: "bioschemas-course-1.0",
        family: "Course",
        release: "1.0-RELEASE",
        a: "schema:Course",
        target_types: &["http://schema.org/Course"],
        default_for_type: true,
    }),
    profile!(Bioschemas {
        id: "bioschemas-courseinstance-1.0",
        family: "CourseInstance",
        release: "1.0-RELEASE",
        a: "schema:CourseInstance",
        target_types: &["http://schema.org/CourseInstance"],
        default_for_type: true,
    }),
    profile!(Bioschemas {
        id: "bioschemas-formalparameter-1.0",
        family: "FormalParameter",
        release: "1.0-RELEASE",
        a: "bioschemas:FormalParameter",
        target_types: bioschemas_type!("FormalParameter"),
        default_for_type: true,
    }),
    profile!(Bioschemas {
        id: "bioschemas-gene-1.0",
        family: "Gene",
        release: "1.0-RELEASE",
        a: "bioschemas:Gene",
        target_types: bioschemas_type!("Gene"),
        default_for_type: true,
    }),
    profile!(Bioschemas {
        id: "bioschemas-protein-0.11",
        family: "Protein",
        release: "0.11-RELEASE",
        a: "bioschemas:Protein",
        target_types: bioschemas_type!("Protein"),
        default_for_type: true,
    }),
    profile!(Bioschemas {
        id: "bioschemas-protein-0.12",
        family: "Protein",
        release: "0.12-DRAFT",
        a: "bioschemas:Protein",
        target_types: bioschemas_type!("Protein"),
        default_for_type: false,
    }),
    profile!(Bioschemas {
        id: "bioschemas-chemicalsubstance-0.4",
        family: "ChemicalSubstance",
        release: "0.4-RELEASE",
        a: "bioschemas:ChemicalSubstance",
        target_types: bioschemas_type!("ChemicalSubstance"),
        default_for_type: true,
    }),
    profile!(Bioschemas {
        id: "bioschemas-molecularentity-0.5",
        family: "MolecularEntity",
        release: "0.5-RELEASE",
        a: "bioschemas:MolecularEntity",
        target_types: bioschemas_type!("MolecularEntity"),
        default_for_type: true,
    }),
    profile!(Bioschemas {
        id: "bioschemas-taxon-1.0",
        family: "Taxon",
        release: "1.0-RELEASE",
        a: "bioschemas:Taxon",
        target_types: bioschemas_type!("Taxon"),
        default_for_type: true,
    }),
    profile!(Bioschemas {
        id: "bioschemas-taxonname-1.0",
        family: "TaxonName",
        release: "1.0-RELEASE",
        a: "bioschemas:TaxonName",
        target_types: bioschemas_type!("TaxonName"),
        default_for_type: true,
    }),
    profile!(Shacl {
        id: "codemeta-3.0",
        family: "CodeMeta",
        version: "3.0",
        shapes_dir: "codemeta",
        what: "research software metadata (a schema:SoftwareSourceCode or SoftwareApplication)",
        conforms_to: &[
            "https://w3id.org/codemeta/3.0",
            "https://w3id.org/codemeta/v3.0",
        ],
        target_types: CODEMETA,
        contexts: &["CodeMeta 3.0 context"],
        default_for_type: true,
    }),
    profile!(Shacl {
        id: "codemeta-2.0",
        family: "CodeMeta",
        version: "2.0",
        shapes_dir: "codemeta",
        what: "research software metadata (a schema:SoftwareSourceCode or SoftwareApplication)",
        conforms_to: &[
            "https://doi.org/10.5063/schema/codemeta-2.0",
            "https://w3id.org/codemeta/2.0",
            "https://purl.org/codemeta/2.0",
        ],
        target_types: CODEMETA,
        contexts: &["CodeMeta 2.0 context"],
        default_for_type: false,
    }),
    profile!(RoCrate {
        id: "ro-crate-1.2",
        version: "1.2",
        contexts: &["RO-Crate 1.2 context", "RO-Crate 1.3 context"],
        upstream: &[],
        default_for_type: true,
    }),
    profile!(RoCrate {
        id: "ro-crate-1.1",
        version: "1.1",
        contexts: &["RO-Crate 1.1 context"],
        upstream: &[],
        default_for_type: false,
    }),
    profile!(RoCrateFamily {
        id: "workflow-ro-crate-1.0",
        family: "Workflow RO-Crate",
        version: "1.0",
        spec: "1.1",
        what: "an RO-Crate whose main entity is a computational workflow (WorkflowHub)",
        conforms_to: &["https://w3id.org/workflowhub/workflow-ro-crate/1.0"],
        upstream: &["ro-crate/1.1", "workflow-ro-crate"],
    }),
    profile!(RoCrateFamily {
        id: "process-run-crate-0.5",
        family: "Process Run Crate",
        version: "0.5",
        spec: "1.1",
        what: "the execution of one or more tools (Workflow Run RO-Crate)",
        conforms_to: &["https://w3id.org/ro/wfrun/process/0.5"],
        upstream: &["ro-crate/1.1", "process-run-crate"],
    }),
    profile!(RoCrateFamily {
        id: "workflow-run-crate-0.5",
        family: "Workflow Run Crate",
        version: "0.5",
        spec: "1.1",
        what: "the execution of a computational workflow (Workflow Run RO-Crate)",
        conforms_to: &["https://w3id.org/ro/wfrun/workflow/0.5"],
        upstream: &["ro-crate/1.1", "process-run-crate", "workflow-ro-crate", "workflow-run-crate"],
    }),
    profile!(RoCrateFamily {
        id: "provenance-run-crate-0.5",
        family: "Provenance Run Crate",
        version: "0.5",
        spec: "1.1",
        what: "a workflow execution with its steps' executions (Workflow Run RO-Crate)",
        conforms_to: &["https://w3id.org/ro/wfrun/provenance/0.5"],
        upstream: &[
            "ro-crate/1.1",
            "process-run-crate",
            "workflow-ro-crate",
            "workflow-run-crate",
            "provenance-run-crate",
        ],
    }),
    profile!(RoCrateFamily {
        id: "workflow-testing-ro-crate-0.1",
        family: "Workflow Testing RO-Crate",
        version: "0.1",
        spec: "1.1",
        what: "a workflow with its test suites, instances and definitions",
        conforms_to: &["https://w3id.org/ro/wftest/0.1"],
        upstream: &["ro-crate/1.1", "workflow-ro-crate", "workflow-testing-ro-crate"],
    }),
    profile!(RoCrateFamily {
        id: "isa-ro-crate-1.0",
        family: "ISA RO-Crate",
        version: "1.0",
        spec: "1.1",
        what: "an ISA investigation, its studies and assays (nfdi4plants)",
        conforms_to: &["https://github.com/nfdi4plants/isa-ro-crate-profile"],
        upstream: &["ro-crate/1.1", "isa-ro-crate"],
    }),
    profile!(Shacl {
        id: "dcat-ap-3.0.1",
        family: "DCAT-AP",
        version: "3.0.1",
        shapes_dir: "dcat-ap",
        what: "(a dcat:Catalog, Dataset, DatasetSeries, Distribution or DataService)",
        conforms_to: &[
            "http://data.europa.eu/r5r/",
            "https://semiceu.github.io/DCAT-AP/releases/3.0.1/",
            "https://semiceu.github.io/DCAT-AP/releases/3.0.1/dcat-ap-SHACL.ttl",
        ],
        target_types: DCAT,
        contexts: &[],
        default_for_type: true,
    }),
];

/// The profile with identifier `id`.
pub fn profile(id: &str) -> Option<&'static Profile> {
    PROFILES.iter().find(|p| p.id.eq_ignore_ascii_case(id))
}

/// The default profile.
pub fn default_profile() -> &'static Profile {
    #[allow(clippy::indexing_slicing)] // PROFILES is a non-empty constant.
    &PROFILES[0]
}

/// The profile a `dct:conformsTo` value asks for: an exact bundled IRI (scheme and trailing
/// slash do not matter), else for a Bioschemas profile IRI in any of its forms (profile or old
/// specification URL, with or without version, see [`bioschemas_profile`]) the bundled
/// version of that family with the same number, else the family's latest release
/// (`https://bioschemas.org/profiles/Dataset/0.3-RELEASE-2019_06_14` → Dataset 1.0).
pub fn by_conforms_to(iri: &str) -> Option<&'static Profile> {
    // Compared without case, scheme or final slash; without allocating (every record's
    // claims are looked up against every bundled profile's IRIs, several times).
    let norm = |s: &'static str| -> &str {
        let s = s.trim().trim_end_matches('/');
        s.strip_prefix("https://")
            .or_else(|| s.strip_prefix("http://"))
            .unwrap_or(s)
    };
    let wanted = {
        let s = iri.trim().trim_end_matches('/');
        s.strip_prefix("https://")
            .or_else(|| s.strip_prefix("http://"))
            .unwrap_or(s)
    };
    if let Some(p) = PROFILES.iter().find(|p| {
        p.conforms_to
            .iter()
            .any(|c| norm(c).eq_ignore_ascii_case(wanted))
    }) {
        return Some(p);
    }
    let starts_with = |prefix: &str| {
        wanted
            .get(..prefix.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(prefix))
    };
    // Another version of RO-Crate (1.0, 1.3, ...): the family's latest bundled version.
    if starts_with("w3id.org/ro/crate/") {
        return PROFILES
            .iter()
            .find(|p| p.default_for_type && p.family == "RO-Crate");
    }
    if starts_with("semiceu.github.io/dcat-ap/releases/3.") {
        return PROFILES
            .iter()
            .find(|p| p.default_for_type && p.family == "DCAT-AP");
    }
    bioschemas_profile(iri)
}

/// The profile a bundled JSON-LD context (its name, as in the report's `document.contexts`)
/// selects: CodeMeta records and RO-Crates are recognised by their context.
pub fn by_context<'a>(mut contexts: impl Iterator<Item = &'a str>) -> Option<&'static Profile> {
    contexts.find_map(|c| PROFILES.iter().find(|p| p.contexts.contains(&c)))
}

/// The profile detection by type picks for a resource with `types` (full IRIs).
pub fn by_types<'a>(types: impl Iterator<Item = &'a str> + Clone) -> Option<&'static Profile> {
    PROFILES
        .iter()
        .find(|p| p.default_for_type && types.clone().any(|t| targets(p, t)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn graph(text: &str) -> oxrdf::Graph {
        let mut graph = oxrdf::Graph::new();
        for t in oxttl::TurtleParser::new().for_slice(text.as_bytes()) {
            graph.insert(&t.expect("bundled shapes parse"));
        }
        graph.canonicalize(oxrdf::graph::CanonicalizationAlgorithm::Unstable);
        graph
    }

    #[test]
    fn embedded_shapes_are_the_files_without_comments() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shapes");
        let mut checked = 0;
        for p in PROFILES.iter().filter(|p| !p.shapes.is_empty()) {
            let file = std::fs::read_to_string(dir.join(p.shapes_file)).expect("shapes file");
            assert!(
                p.shapes.len() < file.len(),
                "{}: comments kept",
                p.shapes_file
            );
            assert!(
                p.shapes.lines().all(|l| !l.trim_start().starts_with('#')),
                "{}",
                p.shapes_file
            );
            let (embedded, original) = (graph(p.shapes), graph(&file));
            assert!(!original.is_empty());
            assert_eq!(embedded, original, "{}", p.shapes_file);
            checked += 1;
        }
        // DCAT-AP 3.0.1, CodeMeta 2.0 and 3.0 (the Bioschemas shapes are generated, see
        // `bioschemas::tests`).
        assert_eq!(checked, 3);
    }

    #[test]
    fn ids_are_unique_and_families_have_one_default() {
        let mut ids: Vec<_> = PROFILES.iter().map(|p| p.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), PROFILES.len());
        for p in PROFILES.iter().filter(|p| !p.family.is_empty()) {
            let defaults = PROFILES
                .iter()
                .filter(|q| q.family == p.family && q.default_for_type)
                .count();
            assert_eq!(defaults, 1, "{}", p.family);
            if p.native == Native::None {
                assert!(
                    (!p.shapes.is_empty() || p.generated) && !p.target_types.is_empty(),
                    "{}",
                    p.id
                );
            }
        }
    }

    #[test]
    fn conforms_to_matching() {
        let id = |iri| by_conforms_to(iri).map(|p| p.id);
        assert_eq!(
            id("https://bioschemas.org/profiles/ComputationalTool/1.0-RELEASE"),
            Some("bioschemas-computationaltool-1.0")
        );
        assert_eq!(
            id("http://bioschemas.org/profiles/Dataset/1.1-DRAFT/"),
            Some("bioschemas-dataset-1.1")
        );
        assert_eq!(
            id("https://bioschemas.org/profiles/Dataset/0.3-RELEASE-2019_06_14"),
            Some("bioschemas-dataset-1.0")
        );
        assert_eq!(id("https://bioschemas.org/profiles/Person/0.2-DRAFT"), None);
        assert_eq!(id("https://w3id.org/ro/crate/1.1/"), Some("ro-crate-1.1"));
        assert_eq!(id("https://w3id.org/ro/crate/1.3"), Some("ro-crate-1.2"));
        assert_eq!(id("https://w3id.org/codemeta/3.0"), Some("codemeta-3.0"));
        assert_eq!(
            id("https://semiceu.github.io/DCAT-AP/releases/3.0.0/"),
            Some("dcat-ap-3.0.1")
        );
        assert_eq!(id("https://example.org/profile"), None);
    }

    #[test]
    fn detection_by_type_prefers_workflows() {
        let types = [
            "http://schema.org/SoftwareSourceCode",
            "https://bioschemas.org/ComputationalWorkflow",
        ];
        assert_eq!(
            by_types(types.iter().copied()).map(|p| p.id),
            Some("bioschemas-computationalworkflow-1.0")
        );
        assert_eq!(
            by_types(["http://schema.org/SoftwareApplication"].iter().copied()).map(|p| p.id),
            Some("bioschemas-computationaltool-1.0")
        );
        assert!(by_types(["http://schema.org/Person"].iter().copied()).is_none());
        // schema.org types win over DCAT; CodeMeta takes SoftwareSourceCode.
        assert_eq!(
            by_types(
                [
                    "http://www.w3.org/ns/dcat#Dataset",
                    "http://schema.org/Dataset"
                ]
                .iter()
                .copied()
            )
            .map(|p| p.id),
            Some("bioschemas-dataset-1.0")
        );
        assert_eq!(
            by_types(["http://www.w3.org/ns/dcat#Catalog"].iter().copied()).map(|p| p.id),
            Some("dcat-ap-3.0.1")
        );
        assert_eq!(
            by_types(["http://schema.org/SoftwareSourceCode"].iter().copied()).map(|p| p.id),
            Some("codemeta-3.0")
        );
        assert_eq!(
            by_context(["CodeMeta 2.0 context"].into_iter()).map(|p| p.id),
            Some("codemeta-2.0")
        );
    }
}
