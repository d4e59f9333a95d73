//! The root data entity's requirements (type, @id, required properties, value forms, the
//! publisher and the licence entity) and the data entities it must reach through `hasPart`.

use super::*;

/// A presence requirement of the root data entity.
struct Required {
    code: Code,
    name: &'static str,
    property: &'static str,
    term: &'static str,
    principle: Principle,
    severity: Severity,
    /// The RO-Crate versions it applies to: 1.1 only, later versions only, or both.
    applies: Versions,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Versions {
    All,
    Only1_1,
    From1_2,
}

impl Versions {
    fn include(self, version: &str) -> bool {
        match self {
            Versions::All => true,
            Versions::Only1_1 => version == "1.1",
            Versions::From1_2 => version != "1.1",
        }
    }
}

/// The root data entity's required properties (MUST: error; SHOULD: warning), in the order
/// they are checked.
const REQUIRED: &[Required] = &[
    Required {
        code: shapes::MISSING_NAME,
        name: "RootDataEntityName",
        property: "http://schema.org/name",
        term: "name",
        principle: Principle::F2,
        severity: Severity::Error,
        applies: Versions::All,
    },
    Required {
        code: shapes::MISSING_DESCRIPTION,
        name: "RootDataEntityDescription",
        property: "http://schema.org/description",
        term: "description",
        principle: Principle::F2,
        severity: Severity::Error,
        applies: Versions::All,
    },
    Required {
        code: shapes::MISSING_LICENSE,
        name: "RootDataEntityLicense",
        property: "http://schema.org/license",
        term: "license",
        principle: Principle::R1_1,
        severity: Severity::Error,
        applies: Versions::All,
    },
    Required {
        code: shapes::MISSING_DATE_PUBLISHED,
        name: "RootDataEntityDatePublished",
        property: "http://schema.org/datePublished",
        term: "datePublished",
        principle: Principle::R1_2,
        severity: Severity::Error,
        applies: Versions::All,
    },
    Required {
        code: shapes::MISSING_AUTHOR,
        name: "RootDataEntityAuthor",
        property: "http://schema.org/author",
        term: "author",
        principle: Principle::R1_2,
        severity: Severity::Warning,
        applies: Versions::Only1_1,
    },
    Required {
        code: shapes::MISSING_PUBLISHER,
        name: "RootDataEntityPublisher",
        property: "http://schema.org/publisher",
        term: "publisher",
        principle: Principle::R1_2,
        severity: Severity::Warning,
        applies: Versions::From1_2,
    },
];

/// The properties whose values must be text.
const TEXT_VALUED: &[(&str, &str, &str)] = &[
    ("http://schema.org/name", "name", "RootDataEntityNameText"),
    (
        "http://schema.org/description",
        "description",
        "RootDataEntityDescriptionText",
    ),
];

const DATE_PUBLISHED: &str = "http://schema.org/datePublished";
const PUBLISHER: &str = "http://schema.org/publisher";

/// Every requirement of the root data entity `root`, then of the entities it links.
pub(super) fn check_root(c: &mut Checker<'_, '_>, doc: &Document, root: NamedNodeRef<'_>) {
    let graph = doc.graph();
    let focus = root.to_string();
    let node = NamedOrBlankNodeRef::NamedNode(root);
    check_type_and_id(c, graph, root, &focus);
    for r in REQUIRED.iter().filter(|r| r.applies.include(c.version)) {
        if objects(graph, node, r.property).is_empty() {
            let must = if r.severity == Severity::Error {
                "must"
            } else {
                "should"
            };
            c.fail(Failure {
                code: r.code,
                severity: r.severity,
                principle: r.principle,
                name: r.name,
                focus: focus.clone(),
                predicate: Some(r.property),
                value: None,
                message: format!("the root data entity {must} have {}", r.term),
                fix: format!("Add \"{}\" to the root data entity (\"./\")", r.term),
            });
        }
    }
    for &(property, term, name) in TEXT_VALUED {
        for v in objects(graph, node, property) {
            if !matches!(v, TermRef::Literal(_)) {
                c.fail(Failure {
                    code: shapes::VALUE_NOT_TEXT,
                    severity: Severity::Error,
                    principle: Principle::I1,
                    name,
                    focus: focus.clone(),
                    predicate: Some(property),
                    value: Some(v.to_string()),
                    message: format!("the root data entity's {term} must be text"),
                    fix: format!("Give {term} as a string"),
                });
            }
        }
    }
    check_date_published(c, graph, node, &focus);
    check_publisher(c, graph, node, &focus);
    check_license_entity(c, graph, node, &focus);
    check_data_entities(c, graph, root);
    if let Some(payload) = c.payload {
        super::payload::check_payload(c, doc, root, payload);
    }
}

/// MUST be a Dataset; its @id SHOULD (1.2) or MUST (1.1) end in '/'.
fn check_type_and_id(c: &mut Checker<'_, '_>, graph: &Graph, root: NamedNodeRef<'_>, focus: &str) {
    if !has_type(graph, NamedOrBlankNodeRef::NamedNode(root), DATASET) {
        c.fail(Failure {
            code: ROCRATE_ROOT_NOT_DATASET,
            severity: Severity::Error,
            principle: Principle::I1,
            name: "RootDataEntityType",
            focus: focus.to_owned(),
            predicate: Some(vocab::RDF_TYPE),
            value: None,
            message: "the root data entity must be typed Dataset".to_owned(),
            fix: "Give the root data entity \"@type\": \"Dataset\"".to_owned(),
        });
    }
    if !root.as_str().ends_with('/') {
        // 1.1: MUST end with '/' (rocrate-validator); 1.2 allows an absolute identifier that
        // does not, but recommends "./".
        let severity = if c.version == "1.1" {
            Severity::Error
        } else {
            Severity::Warning
        };
        c.fail(Failure {
            code: ROCRATE_ROOT_ID,
            severity,
            principle: Principle::F1,
            name: "RootDataEntityId",
            focus: focus.to_owned(),
            predicate: None,
            value: Some(focus.to_owned()),
            message:
                "the root data entity's @id should be \"./\" (or an absolute URI ending in '/')"
                    .to_owned(),
            fix: "Use \"./\" as the root data entity's @id (and in the descriptor's about)"
                .to_owned(),
        });
    }
}

/// `datePublished` MUST be ISO 8601 and SHOULD give the day.
fn check_date_published(
    c: &mut Checker<'_, '_>,
    graph: &Graph,
    node: NamedOrBlankNodeRef<'_>,
    focus: &str,
) {
    for v in objects(graph, node, DATE_PUBLISHED) {
        let text = match v {
            TermRef::Literal(l) => Some(l.value()),
            _ => None,
        };
        match text.map(iso8601) {
            Some(Some(true)) => {}
            Some(Some(false)) => c.fail(Failure {
                code: DATE_NOT_DAY_PRECISION,
                severity: Severity::Warning,
                principle: Principle::I1,
                name: "RootDataEntityDatePublishedPrecision",
                focus: focus.to_owned(),
                predicate: Some(DATE_PUBLISHED),
                value: Some(v.to_string()),
                message: "the root data entity's datePublished should give at least the day (YYYY-MM-DD)".to_owned(),
                fix: "Write datePublished to the day, e.g. 2024-05-31".to_owned(),
            }),
            _ => c.fail(Failure {
                code: shapes::VALUE_NOT_DATE,
                severity: Severity::Error,
                principle: Principle::I1,
                name: "RootDataEntityDatePublishedFormat",
                focus: focus.to_owned(),
                predicate: Some(DATE_PUBLISHED),
                value: Some(v.to_string()),
                message: "the root data entity's datePublished must be an ISO 8601 date".to_owned(),
                fix: "Write datePublished as an ISO 8601 date or date-time, e.g. 2024-05-31 or 2024-05-31T12:00:00Z".to_owned(),
            }),
        }
    }
}

/// The publisher MUST be an Organization or Person entity of the crate.
fn check_publisher(
    c: &mut Checker<'_, '_>,
    graph: &Graph,
    node: NamedOrBlankNodeRef<'_>,
    focus: &str,
) {
    for v in objects(graph, node, PUBLISHER) {
        let typed = match v {
            TermRef::NamedNode(n) => Some(NamedOrBlankNodeRef::NamedNode(n)),
            TermRef::BlankNode(b) => Some(NamedOrBlankNodeRef::BlankNode(b)),
            _ => None,
        }
        .is_some_and(|n| {
            has_type(graph, n, "http://schema.org/Organization")
                || has_type(graph, n, "http://schema.org/Person")
        });
        if !typed {
            c.fail(Failure {
                code: shapes::VALUE_WRONG_TYPE,
                severity: Severity::Error,
                principle: Principle::I1,
                name: "RootDataEntityPublisherType",
                focus: focus.to_owned(),
                predicate: Some(PUBLISHER),
                value: Some(v.to_string()),
                message: "the root data entity's publisher must be an Organization or Person entity of the crate".to_owned(),
                fix: "Describe the publisher as a contextual entity with \"@type\": \"Organization\" (or \"Person\") and link it by its @id".to_owned(),
            });
        }
    }
}

/// MUST: every data entity of the crate (a File or Dataset whose @id lies inside the crate, i.e.
/// under the root's @id) is reached from the root data entity through `hasPart`, directly or
/// indirectly.
fn check_data_entities(c: &mut Checker<'_, '_>, graph: &Graph, root: NamedNodeRef<'_>) {
    const HAS_PART: &str = "http://schema.org/hasPart";
    const FILE: &str = "http://schema.org/MediaObject";
    let mut reached: std::collections::BTreeSet<String> = std::collections::BTreeSet::new();
    let mut queue = vec![NamedOrBlankNodeRef::NamedNode(root)];
    while let Some(node) = queue.pop() {
        for part in graph.objects_for_subject_predicate(node, iri(HAS_PART)) {
            let next = match part {
                TermRef::NamedNode(n) => NamedOrBlankNodeRef::NamedNode(n),
                TermRef::BlankNode(b) => NamedOrBlankNodeRef::BlankNode(b),
                TermRef::Literal(_) => continue,
            };
            if reached.insert(next.to_string()) {
                queue.push(next);
            }
        }
    }
    let base = root.as_str();
    let mut unreached: Vec<NamedNodeRef<'_>> = [FILE, DATASET]
        .iter()
        .flat_map(|class| {
            graph
                .subjects_for_predicate_object(iri(vocab::RDF_TYPE), TermRef::NamedNode(iri(class)))
        })
        .filter_map(|s| match s {
            NamedOrBlankNodeRef::NamedNode(n) => Some(n),
            NamedOrBlankNodeRef::BlankNode(_) => None,
        })
        .filter(|n| {
            n.as_str() != base
                && base.ends_with('/')
                && n.as_str().starts_with(base)
                // `#x` identifiers are contextual entities of the metadata file, not files.
                && !n.as_str().contains('#')
                && !n.as_str().ends_with("/ro-crate-metadata.json")
                && !n.as_str().ends_with("/ro-crate-metadata.jsonld")
                && !reached.contains(&n.to_string())
        })
        .collect();
    unreached.sort_by(|a, b| a.as_str().cmp(b.as_str()));
    unreached.dedup();
    for entity in unreached {
        c.fail(Failure {
            code: ROCRATE_DATA_ENTITY_NOT_IN_HAS_PART,
            severity: Severity::Error,
            principle: Principle::I1,
            name: "DataEntityInHasPart",
            focus: root.to_string(),
            predicate: Some(HAS_PART),
            value: Some(entity.to_string()),
            message: "every data entity (File or Dataset inside the crate) must be reached from the root data entity through hasPart".to_owned(),
            fix: "Add the entity's @id to the hasPart of the root data entity (or of a Dataset the root reaches through hasPart)".to_owned(),
        });
    }
}

/// SHOULD: the licence is a contextual entity of the crate; MAY: that entity has a name.
fn check_license_entity(
    c: &mut Checker<'_, '_>,
    graph: &Graph,
    root: NamedOrBlankNodeRef<'_>,
    focus: &str,
) {
    const LICENSE: &str = "http://schema.org/license";
    for v in objects(graph, root, LICENSE) {
        let entity = match v {
            TermRef::NamedNode(n) => Some(NamedOrBlankNodeRef::NamedNode(n)),
            TermRef::BlankNode(b) => Some(NamedOrBlankNodeRef::BlankNode(b)),
            TermRef::Literal(_) => None,
        }
        .filter(|n| graph.triples_for_subject(*n).next().is_some());
        let Some(entity) = entity else {
            c.fail(Failure {
                code: LICENCE_NOT_CONTEXTUAL_ENTITY,
                severity: Severity::Warning,
                principle: Principle::R1_1,
                name: "RootDataEntityLicenseEntity",
                focus: focus.to_owned(),
                predicate: Some(LICENSE),
                value: Some(v.to_string()),
                message: "the root data entity's license should link to a contextual entity of the crate".to_owned(),
                fix: "Link license to {\"@id\": \"https://spdx.org/licenses/...\"} and describe that @id in @graph as a CreativeWork with a name".to_owned(),
            });
            continue;
        };
        for (property, term, name, example) in [
            (
                "http://schema.org/name",
                "name",
                "LicenseEntityName",
                "\"MIT License\"",
            ),
            (
                "http://schema.org/description",
                "description",
                "LicenseEntityDescription",
                "a sentence on what the licence allows",
            ),
        ] {
            if objects(graph, entity, property).is_empty() {
                c.fail(Failure {
                    code: LICENCE_ENTITY_UNNAMED,
                    severity: Severity::Info,
                    principle: Principle::R1_1,
                    name,
                    focus: entity.to_string(),
                    predicate: Some(property),
                    value: None,
                    message: format!("the license entity may have a {term}"),
                    fix: format!("Give the license entity a {term}, e.g. {example}"),
                });
            }
        }
    }
}
