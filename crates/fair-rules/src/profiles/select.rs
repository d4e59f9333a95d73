//! Which profiles a record is checked against.
//!
//! The *main* profile is the caller's, else the first `dct:conformsTo` naming a bundled profile
//! (or a family fairlint bundles), else a profile's JSON-LD context (CodeMeta, RO-Crate), else
//! the main resource's type, else `core`. When the main profile is a Bioschemas one (or
//! `core`), every other typed node of the record adds its own Bioschemas profile: the one its
//! `dct:conformsTo` names, else its type's (one profile per family; the main one's family
//! first). See [`select_all`].

use super::{by_conforms_to, by_context, by_types, default_profile, Native, Profile, PROFILES};
use crate::document::Document;
use crate::subject::Subject;
use crate::vocab;
use serde::Serialize;

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

/// A profile a record is checked against, the node it was chosen for and how.
#[derive(Debug, Clone)]
pub struct Applied {
    /// The profile.
    pub profile: &'static Profile,
    /// How it was chosen.
    pub selected_by: ProfileSelection,
    /// The node (N-Triples form) that claims it or has its type; the main resource for the
    /// main profile chosen by the caller, a context or by default (`None`: no typed node).
    pub node: Option<String>,
}

/// The profile `doc` is checked against, and how it was chosen; `explicit` is the caller's.
/// The main entry of [`select_all`].
pub fn select(
    doc: &Document,
    subject: &Subject,
    explicit: Option<&'static Profile>,
) -> (&'static Profile, ProfileSelection) {
    let (profile, by, _) = select_main(doc, subject, explicit);
    (profile, by)
}

/// Every profile `doc` is checked against: the main one and the others (often none).
///
/// The main one is [`select`]'s. Unless it was the caller's, or is not a Bioschemas profile
/// (RO-Crate, CodeMeta, DCAT-AP check their own graphs), each other typed node adds a
/// Bioschemas profile: the ones `dct:conformsTo` names (main resource first, then by node),
/// then those of the nodes' types (nodes in N-Triples order) unless the node is only a
/// reference (type plus naming properties, [`NAMING`]), keeping one profile per family (the
/// first). When the main resource selects nothing (`core` by default) and another node
/// does, that node's profile becomes the main one.
pub fn select_all(
    doc: &Document,
    subject: &Subject,
    explicit: Option<&'static Profile>,
) -> (Applied, Vec<Applied>) {
    let (profile, selected_by, node) = select_main(doc, subject, explicit);
    let main = Applied {
        profile,
        selected_by,
        node: node.or_else(|| subject.typed().map(ToString::to_string)),
    };
    let mut promote = selected_by == ProfileSelection::Default;
    let mut others: Vec<Applied> = Vec::new();
    if selected_by == ProfileSelection::Explicit || !(promote || is_bioschemas(profile)) {
        return (main, others);
    }
    let mut main = main;
    let mut add = |profile: &'static Profile, selected_by, node: String| {
        if !is_bioschemas(profile) {
            return;
        }
        let applied = Applied {
            profile,
            selected_by,
            node: Some(node),
        };
        if promote {
            // The main resource selected nothing: the first node that does gives the main one.
            main = applied;
            promote = false;
        } else if main.profile.family != profile.family
            && others.iter().all(|a| a.profile.family != profile.family)
        {
            others.push(applied);
        }
    };
    for (node, iri) in sorted_claims(doc, subject) {
        if let Some(p) = by_conforms_to(&iri) {
            add(p, ProfileSelection::ConformsTo, node);
        }
    }
    for (node, index) in typed_bioschemas_nodes(doc) {
        if let Some(p) = PROFILES.get(index) {
            if !is_reference(doc, &node) {
                add(p, ProfileSelection::Type, node);
            }
        }
    }
    (main, others)
}

/// Properties that only name, identify or classify a node: a node with nothing else is a
/// reference to something described elsewhere (`"includedInDataCatalog": {"@type":
/// "DataCatalog", "name": "Zenodo", "url": "https://zenodo.org"}`), not a description a profile
/// applies to.
const NAMING: &[&str] = &[
    vocab::RDF_TYPE,
    "http://schema.org/additionalType",
    "http://schema.org/name",
    "http://schema.org/alternateName",
    "http://schema.org/url",
    "http://schema.org/identifier",
    "http://schema.org/sameAs",
];

/// Whether `node` (N-Triples form) has no statement but [`NAMING`] ones.
fn is_reference(doc: &Document, node: &str) -> bool {
    let Some(subject) = crate::subject::parse_subject(node) else {
        return true;
    };
    doc.graph()
        .triples_for_subject(subject.as_ref())
        .all(|t| NAMING.contains(&t.predicate.as_str()))
}

/// Whether `p` is one of the Bioschemas profiles.
fn is_bioschemas(p: &Profile) -> bool {
    p.id.starts_with("bioschemas-")
}

/// `(node, profile IRI)` of every claim, the main resource's first, then by node and IRI.
fn sorted_claims(doc: &Document, subject: &Subject) -> Vec<(String, String)> {
    let main = subject.typed().map(ToString::to_string);
    let mut claimed: Vec<(String, String)> = conforms_to_values(doc).collect();
    claimed.sort_by_key(|(node, iri)| (Some(node) != main.as_ref(), node.clone(), iri.clone()));
    claimed
}

/// Every typed node with a class a Bioschemas profile targets, with the index in [`PROFILES`]
/// of the profile detection by type picks for it (the family's default; the first in [`PROFILES`] order among its classes),
/// named nodes first, then in N-Triples order. Only matching nodes are materialised: a bio.tools
/// record's many typed EDAM terms, people and publications cost a lookup each.
fn typed_bioschemas_nodes(doc: &Document) -> Vec<(String, usize)> {
    let rdf_type = oxrdf::NamedNodeRef::new_unchecked(vocab::RDF_TYPE);
    // Kept sorted by node (N-Triples: `<…>` sorts before `_:…`); few entries, and a sorted
    // vector keeps the WebAssembly package smaller than a new map type would.
    let mut nodes: Vec<(String, usize)> = Vec::new();
    for t in doc.graph().triples_for_predicate(rdf_type) {
        let oxrdf::TermRef::NamedNode(class) = t.object else {
            continue;
        };
        if let Some(index) = bioschemas_type_index(class.as_str()) {
            let node = t.subject.to_string();
            match nodes.binary_search_by(|(n, _)| n.as_str().cmp(&node)) {
                Ok(at) => {
                    if let Some(entry) = nodes.get_mut(at) {
                        entry.1 = entry.1.min(index);
                    }
                }
                Err(at) => nodes.insert(at, (node, index)),
            }
        }
    }
    nodes
}

/// The index in [`PROFILES`] of the first default Bioschemas profile that targets the class
/// `iri` (in any spelling, [`same_class`]).
fn bioschemas_type_index(iri: &str) -> Option<usize> {
    let key = class_name(iri).unwrap_or(iri);
    // `ends_with` first: `class_name` runs only for the likely spellings.
    let matches = |t: &&str| *t == iri || (t.ends_with(key) && class_name(t) == Some(key));
    PROFILES
        .iter()
        .position(|p| is_bioschemas(p) && p.default_for_type && p.target_types.iter().any(matches))
}

/// The main profile, how it was chosen and the node whose claim chose it.
fn select_main(
    doc: &Document,
    subject: &Subject,
    explicit: Option<&'static Profile>,
) -> (&'static Profile, ProfileSelection, Option<String>) {
    if let Some(p) = explicit {
        return (p, ProfileSelection::Explicit, None);
    }
    // The main resource's claims first, then the others in a deterministic order.
    let claimed = sorted_claims(doc, subject);
    let mut named = claimed
        .iter()
        .filter_map(|(node, iri)| by_conforms_to(iri).map(|p| (p, node)));
    if let Some(first) = named.next() {
        // An RO-Crate names its spec version on the descriptor and its profiles (Workflow
        // RO-Crate, Process Run Crate, ...) on the root: the most specific one (the one that
        // inherits the most) is checked, with everything it inherits.
        let best = named
            .filter(|(p, _)| {
                matches!(first.0.native, Native::RoCrate(_))
                    && matches!(p.native, Native::RoCrate(_))
            })
            .fold(first, |best, p| {
                if p.0.upstream.len() > best.0.upstream.len() {
                    p
                } else {
                    best
                }
            });
        return (best.0, ProfileSelection::ConformsTo, Some(best.1.clone()));
    }
    // A bundled context that names its profile (CodeMeta, RO-Crate) counts as the record's shape.
    if let Some(p) = by_context(doc.info().contexts.iter().map(String::as_str)) {
        return (p, ProfileSelection::Type, None);
    }
    if let Some(p) = by_types(subject.types().iter().map(String::as_str)) {
        return (p, ProfileSelection::Type, None);
    }
    if let Some(p) = uncontexted_rocrate(doc) {
        return (p, ProfileSelection::ConformsTo, None);
    }
    (default_profile(), ProfileSelection::Default, None)
}

/// An RO-Crate metadata file without `@context` has no graph to claim anything in: its
/// descriptor (the `@graph` entity `ro-crate-metadata.json`) states `conformsTo` only as
/// written. That claim selects the RO-Crate profile, whose checks report the missing context.
fn uncontexted_rocrate(doc: &Document) -> Option<&'static Profile> {
    let top = doc.json()?.value.as_object()?;
    if top.contains_key("@context") {
        return None;
    }
    top.get("@graph")?
        .as_array()?
        .iter()
        .filter(|e| {
            e.get("@id")
                .and_then(serde_json::Value::as_str)
                .is_some_and(|id| {
                    id.ends_with("ro-crate-metadata.json")
                        || id.ends_with("ro-crate-metadata.jsonld")
                })
        })
        .flat_map(|e| match e.get("conformsTo") {
            Some(serde_json::Value::Array(items)) => items.iter().collect::<Vec<_>>(),
            Some(v) => vec![v],
            None => Vec::new(),
        })
        .filter_map(|v| v.get("@id").or(Some(v)).and_then(serde_json::Value::as_str))
        .find_map(by_conforms_to)
}

/// `(subject, profile IRI)` of every `dct:conformsTo` / `schema:conformsTo` statement.
pub(super) fn conforms_to_values(doc: &Document) -> impl Iterator<Item = (String, String)> + '_ {
    let graph = doc.graph();
    [vocab::DCT_CONFORMS_TO, vocab::SCHEMA_CONFORMS_TO]
        .into_iter()
        .flat_map(move |predicate| {
            graph.triples_for_predicate(oxrdf::NamedNodeRef::new_unchecked(predicate))
        })
        .filter_map(|t| {
            let iri = match t.object {
                oxrdf::TermRef::NamedNode(n) => n.as_str().to_owned(),
                oxrdf::TermRef::Literal(l) => l.value().to_owned(),
                _ => return None,
            };
            Some((t.subject.to_string(), iri))
        })
}

/// A Bioschemas profile IRI taken apart: the family as written and the version, if any.
///
/// Every form the Bioschemas examples use: `http(s)://[www.]bioschemas.org/profiles/{family}`
/// and the old `…/specifications/{family}` (also `…/specifications/drafts/{family}`), each
/// optionally followed by `/{version}` (`1.0-RELEASE`, `0.3-RELEASE-2019_06_14`,
/// `0.8_DRAFT-2020_10_06`, `0.9-DRAFT`) and a trailing slash; surrounding spaces ignored.
pub fn parse_bioschemas_iri(iri: &str) -> Option<(&str, Option<&str>)> {
    let s = iri.trim().trim_end_matches('/');
    let s = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"))?;
    let s = s.strip_prefix("www.").unwrap_or(s);
    let (host, path) = s.split_once('/')?;
    if !host.eq_ignore_ascii_case("bioschemas.org") {
        return None;
    }
    let mut segments = path.split('/').filter(|s| !s.is_empty());
    let first = segments.next()?;
    if !first.eq_ignore_ascii_case("profiles") && !first.eq_ignore_ascii_case("specifications") {
        return None;
    }
    let mut family = segments.next()?;
    if family.eq_ignore_ascii_case("drafts") {
        family = segments.next()?;
    }
    Some((family, segments.next()))
}

/// A profile version's number and status: `0.3-RELEASE-2019_07_01` → (`0.3`, `RELEASE`),
/// `0.8_DRAFT-2020_10_06` → (`0.8`, `DRAFT`), `1.0` → (`1.0`, ``).
fn version_parts(version: &str) -> (&str, &str) {
    // Byte scans: the parts are ASCII, and this keeps pattern searchers out of the
    // WebAssembly package.
    let bytes = version.as_bytes();
    let mut end = 0;
    while bytes
        .get(end)
        .is_some_and(|b| b.is_ascii_digit() || *b == b'.')
    {
        end += 1;
    }
    let mut number_end = end;
    while number_end > 0 && bytes.get(number_end - 1) == Some(&b'.') {
        number_end -= 1;
    }
    let mut start = end;
    while bytes.get(start).is_some_and(|b| *b == b'-' || *b == b'_') {
        start += 1;
    }
    let mut status_end = start;
    while bytes.get(status_end).is_some_and(u8::is_ascii_alphabetic) {
        status_end += 1;
    }
    (
        version.get(..number_end).unwrap_or(""),
        version.get(start..status_end).unwrap_or(""),
    )
}

/// Older names of Bioschemas profile families, as the examples' folders and IRIs use them.
const FAMILY_ALIASES: &[(&str, &str)] = &[
    ("Tool", "ComputationalTool"),
    ("Workflow", "ComputationalWorkflow"),
    ("BioSample", "Sample"),
];

/// The bundled Bioschemas profile a Bioschemas profile IRI asks for
/// ([`parse_bioschemas_iri`]): the bundled version of the family with the same number and
/// status, else the same number, else the family's default (its latest release); a
/// versionless IRI asks for the default. `None` for a family fairlint does not bundle.
pub fn bioschemas_profile(iri: &str) -> Option<&'static Profile> {
    let (family, version) = parse_bioschemas_iri(iri)?;
    let family = FAMILY_ALIASES
        .iter()
        .find(|(alias, _)| alias.eq_ignore_ascii_case(family))
        .map_or(family, |(_, name)| name);
    let bundled = || {
        PROFILES
            .iter()
            .filter(move |p| is_bioschemas(p) && p.family.eq_ignore_ascii_case(family))
    };
    let default = bundled().find(|p| p.default_for_type);
    let Some(version) = version else {
        return default;
    };
    let (number, status) = version_parts(version);
    bundled()
        .find(|p| {
            let (n, s) = version_parts(p.version);
            n == number && s.eq_ignore_ascii_case(status)
        })
        .or_else(|| bundled().find(|p| version_parts(p.version).0 == number))
        .or(default)
}

/// The class a type IRI names when it is a schema.org or Bioschemas type, whatever the
/// spelling: its local name. schema.org's `http(s)://schema.org/{X}` and Bioschemas'
/// `http(s)://[www.]bioschemas.org/{X}`, `…/types/{X}[/{version}]` and
/// `…/specifications/{X}` (the `bs:` prefix of some examples) all name `{X}`: Bioschemas
/// types are proposals to schema.org (Gene, Taxon, MolecularEntity, … are there now under the
/// same name), and a Bioschemas spelling of a schema.org type (`bioschemas:DataCatalog`) means
/// that type. `None` for other IRIs.
pub fn class_name(iri: &str) -> Option<&str> {
    let rest = iri
        .strip_prefix("https://")
        .or_else(|| iri.strip_prefix("http://"))?;
    if let Some(name) = rest.strip_prefix("schema.org/") {
        return (!name.is_empty() && !name.contains('/') && !name.contains('#')).then_some(name);
    }
    let rest = rest.strip_prefix("www.").unwrap_or(rest);
    let path = rest.strip_prefix("bioschemas.org/")?;
    let path = path
        .strip_prefix("types/")
        .or_else(|| path.strip_prefix("specifications/"))
        .unwrap_or(path);
    let name = path.split('/').next().unwrap_or_default();
    let profile_path = ["profiles", "types", "specifications"]
        .iter()
        .any(|p| p.eq_ignore_ascii_case(name));
    (!name.is_empty() && !profile_path && !name.contains('#')).then_some(name)
}

/// Whether two type IRIs name the same class: equal, or the same schema.org / Bioschemas
/// class in any spelling ([`class_name`]).
pub fn same_class(a: &str, b: &str) -> bool {
    a == b || class_name(a).is_some_and(|x| class_name(b) == Some(x))
}

#[cfg(test)]
mod uncontexted_tests {
    use super::{select, ProfileSelection};
    use crate::subject::Subject;
    use fair_ingest::Document;
    use fair_model::Format;

    fn selected(json: &str) -> (&'static str, ProfileSelection) {
        let doc = Document::parse(json.as_bytes(), Format::JsonLd).expect("parses");
        let (p, by) = select(&doc, &Subject::of(&doc), None);
        (p.id, by)
    }

    #[test]
    fn an_rocrate_without_context_is_selected_by_its_descriptor_as_written() {
        let json = r#"{"@graph": [{"@id": "ro-crate-metadata.json", "@type": "CreativeWork",
            "conformsTo": {"@id": "https://w3id.org/ro/crate/1.1"}, "about": {"@id": "./"}}]}"#;
        assert_eq!(
            selected(json),
            ("ro-crate-1.1", ProfileSelection::ConformsTo)
        );
        // With a context the graph's claims decide; without a descriptor claim, the default.
        let other = r#"{"@graph": [{"@id": "record.json", "conformsTo": {"@id": "https://w3id.org/ro/crate/1.1"}}]}"#;
        assert_ne!(selected(other).0, "ro-crate-1.1");
    }
}

#[cfg(test)]
mod bioschemas_tests {
    use super::{
        bioschemas_profile, class_name, parse_bioschemas_iri, same_class, select_all,
        ProfileSelection,
    };
    use crate::profiles::{by_conforms_to, by_types};
    use crate::subject::Subject;
    use fair_ingest::Document;
    use fair_model::Format;

    #[test]
    fn profile_iris_in_every_form_the_examples_use() {
        let parse = parse_bioschemas_iri;
        assert_eq!(
            parse("https://bioschemas.org/profiles/Gene/1.0-RELEASE/"),
            Some(("Gene", Some("1.0-RELEASE")))
        );
        assert_eq!(
            parse(" http://www.bioschemas.org/profiles/Course/0.8_DRAFT-2020_10_06 "),
            Some(("Course", Some("0.8_DRAFT-2020_10_06")))
        );
        assert_eq!(
            parse("https://bioschemas.org/specifications/Protein/0.9-DRAFT"),
            Some(("Protein", Some("0.9-DRAFT")))
        );
        assert_eq!(
            parse("https://bioschemas.org/specifications/drafts/Gene"),
            Some(("Gene", None))
        );
        assert_eq!(
            parse("https://bioschemas.org/profiles/Taxon"),
            Some(("Taxon", None))
        );
        assert_eq!(parse("https://bioschemas.org/profiles"), None);
        assert_eq!(parse("https://bioschemas.org/Gene"), None);
        assert_eq!(parse("https://example.org/profiles/Gene/1.0"), None);
        assert_eq!(parse("bioschemas.org/profiles/Gene/1.0"), None);
    }

    #[test]
    fn versions_resolve_to_the_bundled_one_else_the_family_default() {
        let id = |iri| bioschemas_profile(iri).map(|p| p.id);
        // Exact, with or without the release date, http or https, trailing slash or not.
        assert_eq!(
            id("https://bioschemas.org/profiles/DataCatalog/0.3-RELEASE"),
            Some("bioschemas-datacatalog-0.3")
        );
        assert_eq!(
            id("http://bioschemas.org/profiles/DataCatalog/0.3-RELEASE-2019_07_01/"),
            Some("bioschemas-datacatalog-0.3")
        );
        assert_eq!(
            id("https://bioschemas.org/profiles/Dataset/1.1-DRAFT-2023_01_01"),
            Some("bioschemas-dataset-1.1")
        );
        assert_eq!(
            id("https://bioschemas.org/profiles/ComputationalTool/1.1_DRAFT"),
            Some("bioschemas-computationaltool-1.1")
        );
        // Same number, other status: that version.
        assert_eq!(
            id("https://bioschemas.org/profiles/Dataset/1.1-RELEASE"),
            Some("bioschemas-dataset-1.1")
        );
        // A version not bundled, a versionless IRI, an old specification URL: the default.
        assert_eq!(
            id("https://bioschemas.org/profiles/Dataset/0.3-RELEASE-2019_06_14/"),
            Some("bioschemas-dataset-1.0")
        );
        assert_eq!(
            id("https://bioschemas.org/profiles/Dataset"),
            Some("bioschemas-dataset-1.0")
        );
        assert_eq!(
            id("https://bioschemas.org/specifications/Dataset/0.2-DRAFT"),
            Some("bioschemas-dataset-1.0")
        );
        assert_eq!(
            id("https://bioschemas.org/specifications/drafts/ComputationalTool"),
            Some("bioschemas-computationaltool-1.0")
        );
        // Families by their old names; case does not matter.
        assert_eq!(
            id("https://bioschemas.org/specifications/Tool/0.3-DRAFT"),
            Some("bioschemas-computationaltool-1.0")
        );
        assert_eq!(
            id("https://bioschemas.org/profiles/biosample/0.1-DRAFT"),
            Some("bioschemas-sample-0.2")
        );
        // "1.0" is not "1.1"; "0.1" is not "0.11".
        assert_eq!(
            id("https://bioschemas.org/profiles/ComputationalTool/1"),
            Some("bioschemas-computationaltool-1.0")
        );
        // Families fairlint does not bundle; not a Bioschemas IRI.
        assert_eq!(
            id("https://bioschemas.org/profiles/Person/0.2-DRAFT-2019_07_19"),
            None
        );
        assert_eq!(id("https://example.org/profiles/Dataset/1.0-RELEASE"), None);
        // by_conforms_to goes the same way for every form.
        assert_eq!(
            by_conforms_to("https://bioschemas.org/specifications/TrainingMaterial/0.9-DRAFT")
                .map(|p| p.id),
            Some("bioschemas-trainingmaterial-1.0")
        );
    }

    #[test]
    fn type_spellings_name_one_class() {
        for spelling in [
            "https://bioschemas.org/Gene",
            "http://bioschemas.org/Gene",
            "http://www.bioschemas.org/Gene",
            "https://bioschemas.org/types/Gene",
            "https://bioschemas.org/types/Gene/0.1-DRAFT",
            "http://bioschemas.org/specifications/Gene",
            "http://schema.org/Gene",
            "https://schema.org/Gene",
        ] {
            assert_eq!(class_name(spelling), Some("Gene"), "{spelling}");
            assert!(
                same_class(spelling, "https://bioschemas.org/Gene"),
                "{spelling}"
            );
        }
        assert_eq!(
            class_name("https://bioschemas.org/profiles/Gene/1.0-RELEASE"),
            None
        );
        assert_eq!(
            class_name("http://purl.obolibrary.org/obo/SO_0000704"),
            None
        );
        assert_eq!(class_name("http://bioschema.org/Gene"), None);
        assert!(!same_class(
            "http://schema.org/Gene",
            "http://schema.org/Protein"
        ));
        assert!(!same_class(
            "http://bioschemas.org/gene",
            "http://schema.org/Gene"
        ));
        assert!(same_class("urn:x:A", "urn:x:A"));
        // A Bioschemas spelling of a schema.org type the profiles target selects them.
        for (types, id) in [
            (
                ["http://bioschemas.org/DataCatalog"],
                "bioschemas-datacatalog-0.3",
            ),
            (
                ["https://bioschemas.org/types/Sample"],
                "bioschemas-sample-0.2",
            ),
            (["http://bioschemas.org/Dataset"], "bioschemas-dataset-1.0"),
            (
                ["http://bioschemas.org/specifications/ComputationalWorkflow"],
                "bioschemas-computationalworkflow-1.0",
            ),
        ] {
            assert_eq!(by_types(types.iter().copied()).map(|p| p.id), Some(id));
        }
    }

    #[test]
    fn the_type_table_agrees_with_detection_by_type() {
        use super::{bioschemas_type_index, is_bioschemas};
        use crate::profiles::{targets, PROFILES};
        let mut checked = 0;
        for p in PROFILES
            .iter()
            .filter(|p| is_bioschemas(p) && p.default_for_type)
        {
            for t in p.target_types {
                let index = bioschemas_type_index(t).expect("a target type is in the table");
                // The first default Bioschemas profile that targets the class.
                let first = PROFILES
                    .iter()
                    .position(|q| is_bioschemas(q) && q.default_for_type && targets(q, t));
                assert_eq!(Some(index), first, "{t}");
                checked += 1;
            }
        }
        assert!(checked >= 8, "{checked}");
        assert_eq!(bioschemas_type_index("http://schema.org/Person"), None);
    }

    fn applied(json: &str) -> Vec<(&'static str, ProfileSelection, Option<String>)> {
        let doc = Document::parse(json.as_bytes(), Format::JsonLd).expect("parses");
        let (main, others) = select_all(&doc, &Subject::of(&doc), None);
        std::iter::once(main)
            .chain(others)
            .map(|a| (a.profile.id, a.selected_by, a.node))
            .collect()
    }

    #[test]
    fn every_typed_node_of_another_bioschemas_family_adds_its_profile() {
        // A catalogue that claims DataCatalog 0.3 and describes a dataset that claims Dataset
        // (an older version: the family's default) and another one of the same family.
        let catalog = r#"{"@context": "https://schema.org/", "@id": "https://ex.org/",
            "@type": "DataCatalog",
            "http://purl.org/dc/terms/conformsTo": {"@id": "https://bioschemas.org/profiles/DataCatalog/0.3-RELEASE-2019_07_01/"},
            "dataset": [
              {"@id": "https://ex.org/#d1", "@type": "Dataset",
               "http://purl.org/dc/terms/conformsTo": {"@id": "https://bioschemas.org/profiles/Dataset/0.3-RELEASE-2019_06_14/"}},
              {"@id": "https://ex.org/#d2", "@type": "Dataset"}]}"#;
        assert_eq!(
            applied(catalog),
            vec![
                (
                    "bioschemas-datacatalog-0.3",
                    ProfileSelection::ConformsTo,
                    Some("<https://ex.org/>".to_owned())
                ),
                (
                    "bioschemas-dataset-1.0",
                    ProfileSelection::ConformsTo,
                    Some("<https://ex.org/#d1>".to_owned())
                ),
            ]
        );
        // A node typed both tool and workflow is a workflow (the families' order).
        let both = r#"{"@context": "https://schema.org/", "@id": "https://ex.org/d",
            "@type": "Dataset", "keywords": "k",
            "isBasedOn": {"@id": "https://ex.org/wf", "description": "w",
                          "@type": ["SoftwareApplication", "ComputationalWorkflow"]}}"#;
        assert_eq!(
            applied(both)
                .iter()
                .map(|(id, _, _)| *id)
                .collect::<Vec<_>>(),
            [
                "bioschemas-dataset-1.0",
                "bioschemas-computationalworkflow-1.0"
            ]
        );
        // By type only, nodes in N-Triples order; a Bioschemas spelling counts; a node that
        // only names something (the DataCatalog) is a reference and adds nothing.
        let tool = r#"{"@context": ["https://schema.org/", {"bs": "http://bioschemas.org/"}],
            "@id": "https://ex.org/tool", "@type": "SoftwareApplication",
            "isBasedOn": {"@id": "https://ex.org/wf", "@type": "bs:ComputationalWorkflow",
                          "description": "w"},
            "subjectOf": {"@id": "https://ex.org/data", "@type": "Dataset", "keywords": "k"},
            "mentions": {"@id": "https://ex.org/cat", "@type": "DataCatalog", "name": "C",
                         "url": "https://ex.org/c", "sameAs": "https://ex.org/c2"}}"#;
        assert_eq!(
            applied(tool),
            vec![
                (
                    "bioschemas-computationaltool-1.0",
                    ProfileSelection::Type,
                    Some("<https://ex.org/tool>".to_owned())
                ),
                (
                    "bioschemas-dataset-1.0",
                    ProfileSelection::Type,
                    Some("<https://ex.org/data>".to_owned())
                ),
                (
                    "bioschemas-computationalworkflow-1.0",
                    ProfileSelection::Type,
                    Some("<https://ex.org/wf>".to_owned())
                ),
            ]
        );
    }

    #[test]
    fn one_profile_when_one_applies_and_when_the_caller_or_another_family_chooses() {
        let single = r#"{"@context": "https://schema.org/", "@id": "https://ex.org/d",
            "@type": "Dataset", "creator": {"@type": "Person", "name": "A"},
            "isPartOf": {"@id": "https://ex.org/d0", "@type": "Dataset"},
            "about": {"@type": "SoftwareApplication",
                      "additionalType": "http://edamontology.org/operation_0004"}}"#;
        assert_eq!(applied(single).len(), 1);
        // The same tool described: its family is added.
        let described = single.replace(
            "operation_0004\"",
            "operation_0004\", \"description\": \"t\"",
        );
        assert_eq!(applied(&described).len(), 2);
        // A page (no profile of its own) about a catalogue: the catalogue's profile is the
        // main one, not core.
        let page = r#"{"@context": "https://schema.org/", "@id": "https://ex.org/page",
            "@type": "WebPage",
            "about": {"@id": "https://ex.org/c", "@type": "DataCatalog", "description": "d"}}"#;
        assert_eq!(
            applied(page),
            vec![(
                "bioschemas-datacatalog-0.3",
                ProfileSelection::Type,
                Some("<https://ex.org/c>".to_owned())
            )]
        );
        // The claim on the page, about its main entity: the claimed profile, for the page.
        let claimed = r#"{"@context": "https://schema.org/", "@id": "https://ex.org/page",
            "@type": "WebPage",
            "dct:conformsTo": "https://bioschemas.org/specifications/DataCatalog/",
            "mainEntity": {"@id": "https://ex.org/c", "@type": "DataCatalog", "description": "d"}}"#;
        assert_eq!(
            applied(claimed),
            vec![(
                "bioschemas-datacatalog-0.3",
                ProfileSelection::ConformsTo,
                Some("<https://ex.org/page>".to_owned())
            )]
        );
        // CodeMeta (not a Bioschemas profile) checks its own graph only.
        let codemeta = r#"{"@context": "https://w3id.org/codemeta/3.0", "@id": "https://ex.org/s",
            "@type": "SoftwareSourceCode", "isPartOf": {"@id": "https://ex.org/d", "@type": "Dataset"}}"#;
        let profiles = applied(codemeta);
        assert_eq!(profiles.len(), 1, "{profiles:?}");
        assert_eq!(profiles[0].0, "codemeta-3.0");
        // Nothing: core by default.
        let thing = r#"{"@context": "https://schema.org/", "@type": "Thing", "name": "x"}"#;
        assert_eq!(applied(thing)[0].1, ProfileSelection::Default);
    }
}
