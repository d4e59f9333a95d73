//! Bundled profiles: what a record is checked against.
//!
//! `core` holds the checks that apply to any record and stays on for every profile. The
//! Bioschemas profiles add SHACL shapes (`shapes/bioschemas/*.ttl`, embedded at compile time)
//! with their minimum / recommended / optional marginality as Violation / Warning / Info.

use serde::Serialize;

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
    /// is the family's `default_for_type`.
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
}

/// `conforms_to` list for a Bioschemas profile IRI: https and http, with and without the
/// trailing slash.
macro_rules! bioschemas_iris {
    ($path:literal) => {
        &[
            concat!("https://bioschemas.org/profiles/", $path),
            concat!("https://bioschemas.org/profiles/", $path, "/"),
            concat!("http://bioschemas.org/profiles/", $path),
            concat!("http://bioschemas.org/profiles/", $path, "/"),
        ]
    };
}

macro_rules! shapes_file {
    ($name:literal) => {
        include_str!(concat!("../../shapes/bioschemas/", $name))
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
const SAMPLE: &[&str] = &[
    "https://bioschemas.org/BioSample",
    "http://bioschemas.org/BioSample",
    "http://schema.org/BioSample",
    "https://bioschemas.org/Sample",
    "http://bioschemas.org/Sample",
    "http://schema.org/Sample",
];

/// Every bundled profile; the first is the default. Detection by type tries the families in
/// this order, so a resource typed both `ComputationalWorkflow` and `SoftwareApplication` is
/// checked as a workflow.
pub const PROFILES: &[Profile] = &[
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
    },
    Profile {
        id: "bioschemas-computationalworkflow-1.0",
        version: "1.0-RELEASE",
        description: "Bioschemas ComputationalWorkflow 1.0-RELEASE (a bioschemas:ComputationalWorkflow)",
        conforms_to: bioschemas_iris!("ComputationalWorkflow/1.0-RELEASE"),
        target_types: WORKFLOW,
        family: "ComputationalWorkflow",
        default_for_type: true,
        shapes: shapes_file!("ComputationalWorkflow-1.0-RELEASE.ttl"),
        shapes_file: "bioschemas/ComputationalWorkflow-1.0-RELEASE.ttl",
    },
    Profile {
        id: "bioschemas-computationaltool-1.0",
        version: "1.0-RELEASE",
        description: "Bioschemas ComputationalTool 1.0-RELEASE (a schema:SoftwareApplication)",
        conforms_to: bioschemas_iris!("ComputationalTool/1.0-RELEASE"),
        target_types: SOFTWARE_APPLICATION,
        family: "ComputationalTool",
        default_for_type: true,
        shapes: shapes_file!("ComputationalTool-1.0-RELEASE.ttl"),
        shapes_file: "bioschemas/ComputationalTool-1.0-RELEASE.ttl",
    },
    Profile {
        id: "bioschemas-computationaltool-1.1",
        version: "1.1-DRAFT",
        description: "Bioschemas ComputationalTool 1.1-DRAFT (a schema:SoftwareApplication)",
        conforms_to: bioschemas_iris!("ComputationalTool/1.1-DRAFT"),
        target_types: SOFTWARE_APPLICATION,
        family: "ComputationalTool",
        default_for_type: false,
        shapes: shapes_file!("ComputationalTool-1.1-DRAFT.ttl"),
        shapes_file: "bioschemas/ComputationalTool-1.1-DRAFT.ttl",
    },
    Profile {
        id: "bioschemas-datacatalog-0.3",
        version: "0.3-RELEASE-2019_07_01",
        description: "Bioschemas DataCatalog 0.3-RELEASE (a schema:DataCatalog)",
        conforms_to: bioschemas_iris!("DataCatalog/0.3-RELEASE-2019_07_01"),
        target_types: &["http://schema.org/DataCatalog"],
        family: "DataCatalog",
        default_for_type: true,
        shapes: shapes_file!("DataCatalog-0.3-RELEASE.ttl"),
        shapes_file: "bioschemas/DataCatalog-0.3-RELEASE.ttl",
    },
    Profile {
        id: "bioschemas-dataset-1.0",
        version: "1.0-RELEASE",
        description: "Bioschemas Dataset 1.0-RELEASE (a schema:Dataset)",
        conforms_to: bioschemas_iris!("Dataset/1.0-RELEASE"),
        target_types: DATASET,
        family: "Dataset",
        default_for_type: true,
        shapes: shapes_file!("Dataset-1.0-RELEASE.ttl"),
        shapes_file: "bioschemas/Dataset-1.0-RELEASE.ttl",
    },
    Profile {
        id: "bioschemas-dataset-1.1",
        version: "1.1-DRAFT",
        description: "Bioschemas Dataset 1.1-DRAFT (a schema:Dataset)",
        conforms_to: bioschemas_iris!("Dataset/1.1-DRAFT"),
        target_types: DATASET,
        family: "Dataset",
        default_for_type: false,
        shapes: shapes_file!("Dataset-1.1-DRAFT.ttl"),
        shapes_file: "bioschemas/Dataset-1.1-DRAFT.ttl",
    },
    Profile {
        id: "bioschemas-trainingmaterial-1.0",
        version: "1.0-RELEASE",
        description: "Bioschemas TrainingMaterial 1.0-RELEASE (a schema:LearningResource)",
        conforms_to: bioschemas_iris!("TrainingMaterial/1.0-RELEASE"),
        target_types: &["http://schema.org/LearningResource"],
        family: "TrainingMaterial",
        default_for_type: true,
        shapes: shapes_file!("TrainingMaterial-1.0-RELEASE.ttl"),
        shapes_file: "bioschemas/TrainingMaterial-1.0-RELEASE.ttl",
    },
    Profile {
        id: "bioschemas-sample-0.2",
        version: "0.2-RELEASE-2018_11_10",
        description: "Bioschemas Sample 0.2-RELEASE (a bioschemas:BioSample / Sample)",
        conforms_to: bioschemas_iris!("Sample/0.2-RELEASE-2018_11_10"),
        target_types: SAMPLE,
        family: "Sample",
        default_for_type: true,
        shapes: shapes_file!("Sample-0.2-RELEASE.ttl"),
        shapes_file: "bioschemas/Sample-0.2-RELEASE.ttl",
    },
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
/// slash do not matter), else the latest bundled release of the same Bioschemas profile
/// family when the IRI names a version fairlint does not bundle
/// (`https://bioschemas.org/profiles/Dataset/0.3-RELEASE-2019_06_14`).
pub fn by_conforms_to(iri: &str) -> Option<&'static Profile> {
    let norm = |s: &str| {
        let s = s.trim().trim_end_matches('/');
        s.strip_prefix("https://")
            .or_else(|| s.strip_prefix("http://"))
            .unwrap_or(s)
            .to_ascii_lowercase()
    };
    let wanted = norm(iri);
    if let Some(p) = PROFILES
        .iter()
        .find(|p| p.conforms_to.iter().any(|c| norm(c) == wanted))
    {
        return Some(p);
    }
    let rest = wanted
        .strip_prefix("bioschemas.org/profiles/")
        .or_else(|| wanted.strip_prefix("bioschemas.org/specifications/"))?;
    let family = rest.split('/').next()?;
    PROFILES
        .iter()
        .find(|p| p.default_for_type && p.family.eq_ignore_ascii_case(family))
}

/// The profile detection by type picks for a resource with `types` (full IRIs).
pub fn by_types<'a>(types: impl Iterator<Item = &'a str> + Clone) -> Option<&'static Profile> {
    PROFILES
        .iter()
        .find(|p| p.default_for_type && types.clone().any(|t| p.target_types.contains(&t)))
}

#[cfg(test)]
mod tests {
    use super::*;

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
            assert!(
                !p.shapes.is_empty() && !p.target_types.is_empty(),
                "{}",
                p.id
            );
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
    }
}
