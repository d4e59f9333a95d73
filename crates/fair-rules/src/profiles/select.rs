//! Which profiles a record is checked against.
//!
//! The *main* profile is the caller's, else the first `dct:conformsTo` naming a bundled profile
//! (or a family fairlint bundles), else a profile's JSON-LD context (CodeMeta, RO-Crate), else
//! the main resource's type, else `core`. When the main profile is a Bioschemas one (or
//! `core`), every other typed node of the record adds its own Bioschemas profile: the one its
//! `dct:conformsTo` names, else its type's (one profile per family; the main one's family
//! first). See [`select_all`].

use super::{
    by_conforms_to, by_context, by_types, default_profile, targets, Native, Profile, PROFILES,
};
use crate::document::Document;
use crate::subject::Subject;
use crate::vocab;
use serde::Serialize;
use std::collections::BTreeMap;

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
/// then those of the nodes' types (nodes in N-Triples order), keeping one profile per family
/// (the first). When the main resource selects nothing (`core` by default) and another node
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
    let default = selected_by == ProfileSelection::Default;
    if selected_by == ProfileSelection::Explicit || !(default || is_bioschemas(profile)) {
        return (main, Vec::new());
    }
    let mut applied: Vec<Applied> = if default {
        Vec::new()
    } else {
        vec![main.clone()]
    };
    let mut add = |profile: &'static Profile, selected_by, node: String| {
        if is_bioschemas(profile) && applied.iter().all(|a| a.profile.family != profile.family) {
            applied.push(Applied {
                profile,
                selected_by,
                node: Some(node),
            });
        }
    };
    for (node, iri) in sorted_claims(doc, subject) {
        if let Some(p) = by_conforms_to(&iri) {
            add(p, ProfileSelection::ConformsTo, node);
        }
    }
    for (node, types) in typed_nodes(doc) {
        let bioschemas = PROFILES.iter().find(|p| {
            is_bioschemas(p) && p.default_for_type && types.iter().any(|t| targets(p, t))
        });
        if let Some(p) = bioschemas {
            add(p, ProfileSelection::Type, node);
        }
    }
    let mut applied = applied.into_iter();
    match applied.next() {
        Some(first) => (first, applied.collect()),
        None => (main, Vec::new()),
    }
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

/// Every typed node (N-Triples form) with its classes, named nodes first, then in N-Triples
/// order.
fn typed_nodes(doc: &Document) -> Vec<(String, Vec<String>)> {
    let rdf_type = oxrdf::NamedNodeRef::new_unchecked(vocab::RDF_TYPE);
    let mut nodes: BTreeMap<(bool, String), Vec<String>> = BTreeMap::new();
    for t in doc.graph().triples_for_predicate(rdf_type) {
        if let oxrdf::TermRef::NamedNode(class) = t.object {
            let node = t.subject.to_string();
            nodes
                .entry((node.starts_with("_:"), node))
                .or_default()
                .push(class.as_str().to_owned());
        }
    }
    nodes
        .into_iter()
        .map(|((_, node), mut types)| {
            types.sort();
            (node, types)
        })
        .collect()
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
    let end = version
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(version.len());
    let (number, rest) = version.split_at(end);
    let rest = rest.trim_start_matches(['-', '_']);
    let status_end = rest
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(rest.len());
    (
        number.trim_end_matches('.'),
        rest.get(..status_end).unwrap_or(""),
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
    let bundled: Vec<&'static Profile> = PROFILES
        .iter()
        .filter(|p| is_bioschemas(p) && p.family.eq_ignore_ascii_case(family))
        .collect();
    let default = bundled.iter().find(|p| p.default_for_type).copied();
    let Some(version) = version else {
        return default;
    };
    let (number, status) = version_parts(version);
    let same_number = |p: &&&'static Profile| version_parts(p.version).0 == number;
    bundled
        .iter()
        .filter(same_number)
        .find(|p| version_parts(p.version).1.eq_ignore_ascii_case(status))
        .or_else(|| bundled.iter().find(same_number))
        .copied()
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
        return (!name.is_empty() && !name.contains(['/', '#'])).then_some(name);
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
