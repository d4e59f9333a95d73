//! DataCite metadata (schema 4.x, and kernel-3 XML): DataCite JSON as the REST API and
//! Invenio serialise it (optionally in the REST envelope `{"data": {"attributes": ...}}`) and
//! DataCite XML. Every form is brought to the DataCite 4.5 JSON model, validated with the
//! DataCite JSON Schema and crosswalked to schema.org (after DataCite's own bolognese mapping
//! and the CodeMeta DataCite crosswalk):
//!
//! | DataCite | schema.org |
//! |---|---|
//! | doi | the node `https://doi.org/<doi>`, `identifier` |
//! | types.resourceTypeGeneral | the node's type (`Dataset`, `SoftwareSourceCode`, `ScholarlyArticle`, ...) |
//! | titles | `name` (the untyped title), `alternateName` |
//! | descriptions | `description` (the abstract, else the first) |
//! | creators / contributors | `creator` / `contributor`: `Person` / `Organization` named by ORCID / ROR / ISNI, `givenName`, `familyName`, `affiliation` |
//! | publisher | `publisher` (`Organization`) |
//! | publicationYear, dates | `datePublished` (Issued date, else the year), `dateCreated`, `dateModified` |
//! | subjects | `keywords`, `about` (valueUri) |
//! | rightsList | `license` (SPDX licence IRI, else rightsUri, else the text) |
//! | relatedIdentifiers | `isPartOf`, `hasPart`, `citation`, `isBasedOn`, else (and for identifiers that are not IRIs) `dct:relation` |
//! | alternateIdentifiers, language, formats, version, url | `identifier`, `inLanguage`, `encodingFormat`, `version`, `url` |
//! | fundingReferences, geoLocations | `funder`, `spatialCoverage` (`Place` by name) |

use super::{items, schema as sdo, Convert, Field, GraphBuilder, Locator, Obj, Walk};
use crate::document::{Collector, ParseOptions};
use crate::error::{LimitError, Location, ParseError, ValidateError};
use crate::format::Format;
use oxrdf::NamedOrBlankNode;
use serde_json::{Map, Value};

/// Top-level fields of DataCite REST API / Invenio JSON that are bookkeeping, not metadata
/// kernel properties; they are not validated.
const BOOKKEEPING: &[&str] = &[
    "id",
    "agency",
    "state",
    "xml",
    "contentUrl",
    "metadataVersion",
    "source",
    "isActive",
    "reason",
    "landingPage",
    "viewCount",
    "viewsOverTime",
    "downloadCount",
    "downloadsOverTime",
    "referenceCount",
    "citationCount",
    "citationsOverTime",
    "partCount",
    "partOfCount",
    "versionCount",
    "versionOfCount",
    "created",
    "registered",
    "published",
    "updated",
];

/// `types` entries the REST API derives for other vocabularies.
const DERIVED_TYPES: &[&str] = &["schemaOrg", "citeproc", "bibtex", "ris"];

/// Whether a parsed JSON value looks like DataCite JSON (used by content sniffing).
pub(crate) fn looks_like(value: &Value) -> bool {
    let Some(o) = value.as_object() else {
        return false;
    };
    if o.contains_key("@context") {
        return false;
    }
    let attributes = o
        .get("data")
        .and_then(|d| d.get("attributes"))
        .is_some_and(Value::is_object);
    let types = o.get("types").is_some_and(|t| {
        t.get("resourceTypeGeneral").is_some() || t.get("resource-type-general").is_some()
    });
    let version = ["schemaVersion", "schema-version"].iter().any(|k| {
        o.get(*k)
            .and_then(Value::as_str)
            .is_some_and(|v| v.starts_with("http://datacite.org/schema/kernel-"))
    });
    attributes || types || version
}

/// Whether XML text is a DataCite record: its root element is `resource` in a DataCite kernel
/// namespace (used by content sniffing).
pub(crate) fn looks_like_xml(head: &str) -> bool {
    super::datacite_xml::root_is_datacite(head)
}

/// Parses, validates and crosswalks a DataCite record (JSON or XML) into `collector`.
pub(crate) fn parse(
    text: &str,
    options: &ParseOptions<'_>,
    collector: &mut Collector,
) -> Result<super::Crosswalked, ValidateError> {
    let (record, locator) = if text.trim_start().starts_with('<') {
        super::datacite_xml::to_json(text, &options.limits)?
    } else {
        let value = super::parse_json(text, Format::DataCite, &options.limits)?;
        let envelope = value
            .get("data")
            .and_then(|d| d.get("attributes"))
            .is_some_and(Value::is_object);
        let (record, prefix) = if envelope {
            (
                value.get("data").and_then(|d| d.get("attributes")),
                "/data/attributes",
            )
        } else {
            (Some(&value), "")
        };
        let record = record.and_then(Value::as_object).ok_or_else(|| {
            ParseError::new(
                Format::DataCite,
                "a DataCite JSON record is an object (or the REST API's {\"data\": {\"attributes\": {...}}})",
                Some(Location::pointer("")),
            )
        })?;
        let mut locator = Locator::json(prefix);
        let record = normalise(record, &mut locator);
        (record, locator)
    };
    let mut out = super::Crosswalked {
        schema: super::schema::DATACITE_NAME.to_owned(),
        ..Default::default()
    };
    if let Some(v) = super::schema::datacite() {
        out.violations =
            super::schema::validate(v, super::DATACITE_SCHEMA_VIOLATION, &record, "", &locator);
    }
    let mut builder = GraphBuilder::new(collector, &locator);
    let main = crosswalk(&mut builder, &record)?;
    out.focus = Some(builder.name(&main));
    Ok(out)
}

/// Brings REST API / Invenio (4.3) DataCite JSON to the 4.5 model: bookkeeping fields and
/// derived `types` dropped, `publisher` as an object, `identifiers` split into `doi` and
/// `alternateIdentifiers`, a numeric `publicationYear` as text, affiliations as objects.
/// Moved values keep their original location.
fn normalise(record: &Map<String, Value>, locator: &mut Locator) -> Value {
    let mut out = Map::new();
    let original = |key: &str| format!("{}/{}", locator.prefix, super::token(key));
    let mut moved: Vec<(String, Location)> = Vec::new();
    for (key, value) in record {
        if BOOKKEEPING.contains(&key.as_str()) {
            continue;
        }
        let value = match (key.as_str(), value) {
            ("types", Value::Object(types)) => own_types(types),
            ("publisher", Value::String(name)) => {
                let at = Location::pointer(original(key));
                moved.push(("/publisher/name".to_owned(), at));
                serde_json::json!({ "name": name.as_str() })
            }
            ("publicationYear", Value::Number(n)) => Value::from(n.to_string()),
            ("identifiers", _) => continue,
            ("doi", Value::String(doi)) => Value::from(bare_doi(doi)),
            ("creators" | "contributors", Value::Array(people)) => {
                Value::Array(people.iter().map(affiliations_as_objects).collect())
            }
            _ => value.clone(),
        };
        out.insert(key.clone(), value);
    }
    let at = original("identifiers");
    split_identifiers(record.get("identifiers"), &at, &mut out, &mut moved);
    for (pointer, location) in moved {
        locator.explicit.insert(pointer, location);
    }
    Value::Object(out)
}

/// `types` without the entries derived for other vocabularies.
fn own_types(types: &Map<String, Value>) -> Value {
    let kept = types
        .iter()
        .filter(|(k, _)| !DERIVED_TYPES.contains(&k.as_str()))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    Value::Object(kept)
}

/// A creator or contributor with its affiliations given as names made objects.
fn affiliations_as_objects(person: &Value) -> Value {
    let Value::Object(o) = person else {
        return person.clone();
    };
    let mut o = o.clone();
    if let Some(Value::Array(affiliations)) = o.get_mut("affiliation") {
        for a in affiliations.iter_mut() {
            if let Value::String(name) = a {
                *a = serde_json::json!({ "name": name.as_str() });
            }
        }
    }
    Value::Object(o)
}

/// The 4.3 `identifiers` (at `at` in the input): the DOI becomes `doi` (unless given), the
/// others follow the record's own `alternateIdentifiers`.
fn split_identifiers(
    identifiers: Option<&Value>,
    at: &str,
    out: &mut Map<String, Value>,
    moved: &mut Vec<(String, Location)>,
) {
    for (i, id) in items(identifiers) {
        let at = Location::pointer(format!("{at}/{i}"));
        let Some(o) = id.as_object() else {
            continue;
        };
        let kind = o.get("identifierType").and_then(Value::as_str);
        let value = o.get("identifier").and_then(Value::as_str);
        if let (Some("DOI"), Some(doi)) = (kind, value) {
            if !out.contains_key("doi") {
                out.insert("doi".to_owned(), Value::from(bare_doi(doi)));
                moved.push(("/doi".to_owned(), at));
            }
            continue;
        }
        let alternates = out
            .entry("alternateIdentifiers")
            .or_insert_with(|| Value::Array(Vec::new()));
        if let Value::Array(a) = alternates {
            let mut alt = Map::new();
            for (k, v) in o {
                let k = match k.as_str() {
                    "identifier" => "alternateIdentifier",
                    "identifierType" => "alternateIdentifierType",
                    other => other,
                };
                alt.insert(k.to_owned(), v.clone());
            }
            moved.push((format!("/alternateIdentifiers/{}", a.len()), at));
            a.push(Value::Object(alt));
        }
    }
}

/// A DOI without its resolver or `doi:` prefix.
pub(super) fn bare_doi(doi: &str) -> &str {
    let d = doi.trim();
    for prefix in [
        "https://doi.org/",
        "http://doi.org/",
        "https://dx.doi.org/",
        "http://dx.doi.org/",
        "doi:",
    ] {
        if let Some(rest) = d.strip_prefix(prefix) {
            return rest;
        }
    }
    d
}

/// The schema.org class of a DataCite `resourceTypeGeneral`.
fn class(resource_type: Option<&str>) -> &'static str {
    match resource_type.unwrap_or("") {
        "Dataset" => "Dataset",
        "Software" | "ComputationalNotebook" => "SoftwareSourceCode",
        "Text" | "JournalArticle" | "DataPaper" | "Preprint" | "ConferencePaper" => {
            "ScholarlyArticle"
        }
        "Book" => "Book",
        "BookChapter" => "Chapter",
        "Collection" => "Collection",
        "Dissertation" => "Thesis",
        "Event" => "Event",
        "Image" => "ImageObject",
        "Audiovisual" => "MediaObject",
        "Sound" => "AudioObject",
        "Journal" => "Periodical",
        "PeerReview" => "Review",
        "Report" => "Report",
        "Service" => "Service",
        "Poster" => "Poster",
        "Presentation" => "PresentationDigitalDocument",
        "Award" => "MonetaryGrant",
        "Project" => "Project",
        _ => "CreativeWork",
    }
}

fn str_of<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    super::non_empty(v.get(key))
}

/// `dct:relation`: a related identifier whose relation has no schema.org property, or that is
/// not an IRI.
const DCT_RELATION: &str = "http://purl.org/dc/terms/relation";

/// The crosswalk of a DataCite record: its fields in the order their triples are added (the
/// mapping of the module docs). The node and type of the main resource come first, from `doi`
/// and `types.resourceTypeGeneral`.
#[rustfmt::skip]
const FIELDS: &[Field<Kind>] = &[
    Field::one("doi", &["identifier"], Kind::Doi),
    Field::one("url", &["url"], Kind::Link),
    Field::one("schemaVersion", &[], Kind::Standard),
    Field::one("titles", &["name", "alternateName"], Kind::Titles),
    Field::one("descriptions", &["description"], Kind::Abstract),
    Field::each("creators", &["creator"], Kind::Agent),
    Field::each("contributors", &["contributor"], Kind::Agent),
    Field::object("publisher", &["publisher"], Kind::Organization("publisherIdentifier", "name")),
    Field::one("dates", &["datePublished", "dateCreated", "dateModified"], Kind::Dates),
    Field::one("publicationYear", &["datePublished"], Kind::UnlessIssued),
    Field::each("subjects", &["keywords", "about"], Kind::Subject),
    Field::one("language", &["inLanguage"], Kind::Text),
    Field::each("alternateIdentifiers", &["identifier"], Kind::LinkAt("alternateIdentifier")),
    Field::each("relatedIdentifiers", &["isPartOf", "hasPart", "citation", "isBasedOn"],
        Kind::Related),
    Field::each("formats", &["encodingFormat"], Kind::Text),
    Field::one("version", &["version"], Kind::Text),
    Field::each("rightsList", &["license"], Kind::Rights),
    Field::each("fundingReferences", &["funder"], Kind::Organization("funderIdentifier", "funderName")),
    Field::each("geoLocations", &["spatialCoverage"], Kind::Place),
];

/// The schema.org properties (local names) the crosswalk can give a record's main resource.
pub(super) fn properties() -> Vec<&'static str> {
    super::properties(FIELDS)
}

/// `dateType` → property (of several Issued dates, the first is `datePublished`).
const DATE_TYPES: &[(&str, &str)] = &[
    ("Issued", "datePublished"),
    ("Created", "dateCreated"),
    ("Updated", "dateModified"),
];

/// `relationType` → property; other relations are `dct:relation`.
const RELATIONS: &[(&str, &str)] = &[
    ("IsPartOf", "isPartOf"),
    ("HasPart", "hasPart"),
    ("Cites", "citation"),
    ("References", "citation"),
    ("IsDerivedFrom", "isBasedOn"),
    ("IsNewVersionOf", "isBasedOn"),
    ("IsVersionOf", "isBasedOn"),
    ("IsVariantFormOf", "isBasedOn"),
];

/// How a DataCite field becomes triples of the main resource.
#[derive(Debug, Clone, Copy)]
enum Kind {
    /// The text.
    Text,
    /// The IRI, else the text.
    Link,
    /// The IRI (else the text) under a key of the value.
    LinkAt(&'static str),
    /// The DOI as its `https://doi.org/` IRI.
    Doi,
    /// The kernel namespace (`schemaVersion`) as `dct:conformsTo`.
    Standard,
    /// The first untyped title as `name`, the others as `alternateName`.
    Titles,
    /// The abstract, else the first description.
    Abstract,
    /// The dates by `dateType` ([`DATE_TYPES`]).
    Dates,
    /// The text, unless the record has an Issued date (`publicationYear`).
    UnlessIssued,
    /// A creator or contributor: a `Person` or `Organization`.
    Agent,
    /// An `Organization` named by the identifier under the first key, with the name under the
    /// second.
    Organization(&'static str, &'static str),
    /// A subject: `keywords`, and its `valueUri` as `about`.
    Subject,
    /// A related identifier, by relation type ([`RELATIONS`]) and identifier type.
    Related,
    /// A rights statement: the SPDX licence, else `rightsUri`, else the text.
    Rights,
    /// A geolocation's place name: a `Place`.
    Place,
}

impl Convert for Kind {
    fn convert(
        &self,
        w: &mut Walk<'_, '_>,
        property: &'static str,
        value: &Value,
        pointer: &str,
    ) -> Result<(), LimitError> {
        match *self {
            Kind::Text => w.text(property, Some(value), pointer),
            Kind::Link => w.link(property, Some(value), pointer),
            Kind::LinkAt(key) => w.link(property, value.get(key), &format!("{pointer}/{key}")),
            Kind::Doi => match super::non_empty(Some(value)) {
                Some(doi) => w.link_str(property, &doi_iri(doi), pointer),
                None => Ok(()),
            },
            Kind::Standard => standard(w, value, pointer),
            Kind::Titles => titles(w, value, pointer),
            Kind::Abstract => abstract_(w, property, value, pointer),
            Kind::Dates => dates(w, value, pointer),
            Kind::UnlessIssued => match first_issued(w.record.get("dates")) {
                Some(_) => Ok(()),
                None => w.text(property, Some(value), pointer),
            },
            Kind::Agent => agent(w, property, value, pointer),
            Kind::Organization(id, name) => organization(
                w.b,
                &w.main,
                property,
                str_of(value, id),
                value.get(name),
                [pointer, &format!("{pointer}/{name}")],
            ),
            Kind::Subject => subject(w, value, pointer),
            Kind::Related => related(w, value, pointer),
            Kind::Rights => rights(w, property, value, pointer),
            Kind::Place => place(w, property, value, pointer),
        }
    }
}

fn doi_iri(doi: &str) -> String {
    format!("https://doi.org/{}", bare_doi(doi))
}

fn crosswalk(b: &mut GraphBuilder<'_>, r: &Value) -> Result<NamedOrBlankNode, LimitError> {
    let doi = str_of(r, "doi").map(doi_iri);
    let main = b.node(doi.as_deref());
    let resource_type = r
        .get("types")
        .and_then(|t| str_of(t, "resourceTypeGeneral"));
    b.typed(&main, class(resource_type), "")?;
    let mut w = Walk { b, main, record: r };
    w.run(FIELDS, r, "")?;
    Ok(w.main)
}

/// The record states the standard it follows: the DataCite kernel namespace (XML) or
/// `schemaVersion` (JSON). That is the community standard of RDA-R1.3-01M / -02M, so it
/// becomes dct:conformsTo (profile selection then goes on by type: no bundled profile is
/// named by a DataCite kernel IRI).
fn standard(w: &mut Walk<'_, '_>, version: &Value, pointer: &str) -> Result<(), LimitError> {
    match super::non_empty(Some(version))
        .filter(|v| v.contains("datacite.org/schema/kernel-"))
        .and_then(super::absolute_iri)
    {
        Some(iri) => w.b.add(
            &w.main,
            crate::vocab::DCT_CONFORMS_TO,
            Obj::Iri(iri),
            pointer,
        ),
        None => Ok(()),
    }
}

fn titles(w: &mut Walk<'_, '_>, titles: &Value, pointer: &str) -> Result<(), LimitError> {
    let mut named = false;
    for (i, t) in items(Some(titles)) {
        let property = if !named && t.get("titleType").is_none() {
            named = true;
            "name"
        } else {
            "alternateName"
        };
        w.text(property, t.get("title"), &format!("{pointer}/{i}/title"))?;
    }
    Ok(())
}

fn abstract_(
    w: &mut Walk<'_, '_>,
    property: &str,
    descriptions: &Value,
    pointer: &str,
) -> Result<(), LimitError> {
    let descriptions: Vec<(usize, &Value)> = items(Some(descriptions)).collect();
    let abstract_ = descriptions
        .iter()
        .find(|(_, d)| str_of(d, "descriptionType") == Some("Abstract"))
        .or_else(|| descriptions.first());
    match abstract_ {
        Some((i, d)) => w.text(
            property,
            d.get("description"),
            &format!("{pointer}/{i}/description"),
        ),
        None => Ok(()),
    }
}

/// The index of the first Issued date.
fn first_issued(dates: Option<&Value>) -> Option<usize> {
    items(dates)
        .find(|(_, d)| str_of(d, "dateType") == Some("Issued"))
        .map(|(i, _)| i)
}

fn dates(w: &mut Walk<'_, '_>, dates: &Value, pointer: &str) -> Result<(), LimitError> {
    let issued = first_issued(Some(dates));
    for (i, d) in items(Some(dates)) {
        let date_type = str_of(d, "dateType");
        let Some((t, property)) = DATE_TYPES.iter().find(|(t, _)| Some(*t) == date_type) else {
            continue;
        };
        if *t == "Issued" && issued != Some(i) {
            continue;
        }
        w.text(property, d.get("date"), &format!("{pointer}/{i}/date"))?;
    }
    Ok(())
}

fn subject(w: &mut Walk<'_, '_>, s: &Value, pointer: &str) -> Result<(), LimitError> {
    w.text("keywords", s.get("subject"), &format!("{pointer}/subject"))?;
    match s
        .get("valueUri")
        .and_then(Value::as_str)
        .and_then(super::absolute_iri)
    {
        Some(iri) => w.b.add(
            &w.main,
            &sdo("about"),
            Obj::Iri(iri),
            &format!("{pointer}/valueUri"),
        ),
        None => Ok(()),
    }
}

fn rights(
    w: &mut Walk<'_, '_>,
    property: &str,
    rights: &Value,
    pointer: &str,
) -> Result<(), LimitError> {
    let spdx =
        str_of(rights, "rightsIdentifierScheme").is_some_and(|s| s.eq_ignore_ascii_case("SPDX"));
    if spdx && str_of(rights, "rightsIdentifier").is_some() {
        let id = rights.get("rightsIdentifier");
        super::licence(w.b, &w.main, id, &format!("{pointer}/rightsIdentifier"))
    } else if str_of(rights, "rightsUri").is_some() {
        let uri = rights.get("rightsUri");
        w.link(property, uri, &format!("{pointer}/rightsUri"))
    } else {
        w.text(property, rights.get("rights"), &format!("{pointer}/rights"))
    }
}

fn place(
    w: &mut Walk<'_, '_>,
    property: &str,
    location: &Value,
    pointer: &str,
) -> Result<(), LimitError> {
    let Some(place) = location.get("geoLocationPlace").filter(|v| v.is_string()) else {
        return Ok(());
    };
    let p = format!("{pointer}/geoLocationPlace");
    let node = w.b.blank();
    w.b.add_node(&w.main, property, &node, "Place", &p)?;
    w.b.text(&node, "name", Some(place), &p)
}

/// `subject schema:<property>` an `Organization`: the node `iri` (else a blank node) with the
/// name `name`, located at `pointers` (the organisation, its name).
fn organization(
    b: &mut GraphBuilder<'_>,
    subject: &NamedOrBlankNode,
    property: &str,
    iri: Option<&str>,
    name: Option<&Value>,
    [pointer, name_pointer]: [&str; 2],
) -> Result<(), LimitError> {
    let node = b.node(iri);
    b.add_node(subject, property, &node, "Organization", pointer)?;
    b.text(&node, "name", name, name_pointer)
}

/// The resolvable IRI of a name / affiliation identifier, by scheme.
fn identifier_iri(scheme: Option<&str>, scheme_uri: Option<&str>, id: &str) -> Option<String> {
    if super::absolute_iri(id).is_some() && id.contains("://") {
        return Some(id.to_owned());
    }
    let base = match scheme.map(str::to_ascii_uppercase).as_deref() {
        Some("ORCID") => "https://orcid.org/".to_owned(),
        Some("ROR") => "https://ror.org/".to_owned(),
        Some("ISNI") => "https://isni.org/isni/".to_owned(),
        _ => {
            let base = scheme_uri?;
            if base.ends_with('/') {
                base.to_owned()
            } else {
                format!("{base}/")
            }
        }
    };
    let iri = format!("{base}{}", id.trim());
    super::absolute_iri(&iri).map(|_| iri)
}

/// The IRI of the identifier under `key` of `v`, by the scheme under `<key>Scheme`.
fn scheme_iri(v: &Value, key: &str) -> Option<String> {
    str_of(v, key).and_then(|id| {
        identifier_iri(
            str_of(v, &format!("{key}Scheme")),
            str_of(v, "schemeUri"),
            id,
        )
    })
}

/// A creator or contributor: the node of its first name identifier that is an IRI (else a
/// blank node), a `Person` or an `Organization`, with its names, its other identifiers and its
/// affiliations.
fn agent(w: &mut Walk<'_, '_>, property: &str, c: &Value, pointer: &str) -> Result<(), LimitError> {
    let ids: Vec<(usize, Option<String>)> = items(c.get("nameIdentifiers"))
        .map(|(k, n)| (k, scheme_iri(n, "nameIdentifier")))
        .collect();
    let named = ids
        .iter()
        .find_map(|(k, iri)| iri.as_deref().map(|i| (*k, i)));
    let node = w.b.node(named.map(|(_, i)| i));
    let class = if str_of(c, "nameType") == Some("Organizational") {
        "Organization"
    } else {
        "Person"
    };
    w.b.add_node(&w.main, property, &node, class, pointer)?;
    for key in ["name", "givenName", "familyName"] {
        w.b.text(&node, key, c.get(key), &format!("{pointer}/{key}"))?;
    }
    for (k, iri) in &ids {
        let p = format!("{pointer}/nameIdentifiers/{k}/nameIdentifier");
        match iri {
            Some(iri) if Some(*k) != named.map(|(n, _)| n) => {
                w.b.link_str(&node, "identifier", iri, &p)?;
            }
            Some(_) => {}
            None => {
                let id = c
                    .get("nameIdentifiers")
                    .and_then(|n| n.get(*k))
                    .and_then(|n| n.get("nameIdentifier"));
                w.b.text(&node, "identifier", id, &p)?;
            }
        }
    }
    for (k, a) in items(c.get("affiliation")) {
        let p = format!("{pointer}/affiliation/{k}");
        let iri = scheme_iri(a, "affiliationIdentifier");
        let name = a.get("name");
        organization(
            w.b,
            &node,
            "affiliation",
            iri.as_deref(),
            name,
            [&p, &format!("{p}/name")],
        )?;
    }
    Ok(())
}

/// A related identifier as an IRI by identifier type (DOI, Handle), under the property of its
/// relation type; an identifier that is not an IRI (ISBN, arXiv, ...) goes to dct:relation
/// whatever the relation, as schema.org's properties expect links.
fn related(w: &mut Walk<'_, '_>, rel: &Value, pointer: &str) -> Result<(), LimitError> {
    let Some(id) = str_of(rel, "relatedIdentifier") else {
        return Ok(());
    };
    let relation = str_of(rel, "relationType");
    let value = match str_of(rel, "relatedIdentifierType") {
        Some("DOI") => doi_iri(id),
        Some("Handle") if !id.contains("://") => format!("https://hdl.handle.net/{id}"),
        _ => id.to_owned(),
    };
    let (predicate, object) = match super::absolute_iri(&value).filter(|_| value.contains("://")) {
        Some(iri) => {
            let property = RELATIONS.iter().find(|(r, _)| Some(*r) == relation);
            (
                property.map_or(DCT_RELATION.to_owned(), |(_, p)| sdo(p)),
                Obj::Iri(iri),
            )
        }
        None => (DCT_RELATION.to_owned(), Obj::Text(value)),
    };
    let pointer = format!("{pointer}/relatedIdentifier");
    w.b.add(&w.main, &predicate, object, &pointer)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn recognises_datacite_json() {
        assert!(looks_like(
            &json!({"types": {"resourceTypeGeneral": "Dataset"}})
        ));
        assert!(looks_like(
            &json!({"data": {"id": "10.1/x", "attributes": {}}})
        ));
        assert!(looks_like(
            &json!({"schemaVersion": "http://datacite.org/schema/kernel-4"})
        ));
        assert!(!looks_like(
            &json!({"@context": {}, "types": {"resourceTypeGeneral": "x"}})
        ));
        assert!(!looks_like(&json!({"name": "x"})));
    }

    #[test]
    fn normalises_rest_api_json() {
        let record = json!({
            "id": "https://doi.org/10.5072/x", "publisher": "P", "publicationYear": 2020,
            "identifiers": [{"identifier": "https://doi.org/10.5072/x", "identifierType": "DOI"},
                            {"identifier": "abc", "identifierType": "Local"}],
            "types": {"resourceTypeGeneral": "Dataset", "ris": "DATA"}
        });
        let mut locator = Locator::json("/data/attributes");
        let n = normalise(record.as_object().unwrap(), &mut locator);
        assert_eq!(n["publisher"], json!({"name": "P"}));
        assert_eq!(n["publicationYear"], json!("2020"));
        assert_eq!(n["doi"], json!("10.5072/x"));
        assert_eq!(
            n["alternateIdentifiers"][0]["alternateIdentifierType"],
            json!("Local")
        );
        assert_eq!(n["types"], json!({"resourceTypeGeneral": "Dataset"}));
        assert!(n.get("id").is_none());
        assert_eq!(
            locator.locate("/publisher/name").pointer.as_deref(),
            Some("/data/attributes/publisher")
        );
        assert_eq!(
            locator
                .locate("/alternateIdentifiers/0/alternateIdentifier")
                .pointer
                .as_deref(),
            Some("/data/attributes/identifiers/1")
        );
    }

    /// The properties of a field of [`FIELDS`].
    fn listed(key: &str) -> &'static [&'static str] {
        FIELDS.iter().find(|f| f.key == key).unwrap().properties
    }

    #[test]
    fn fields_list_the_properties_of_their_tables() {
        for (_, property) in DATE_TYPES {
            assert!(listed("dates").contains(property), "{property}");
        }
        for (_, property) in RELATIONS {
            assert!(
                listed("relatedIdentifiers").contains(property),
                "{property}"
            );
        }
    }

    #[test]
    fn identifier_iris() {
        assert_eq!(
            identifier_iri(Some("ORCID"), None, "0000-0001-5000-0007").as_deref(),
            Some("https://orcid.org/0000-0001-5000-0007")
        );
        assert_eq!(
            identifier_iri(Some("ROR"), None, "https://ror.org/04wxnsj81").as_deref(),
            Some("https://ror.org/04wxnsj81")
        );
        assert_eq!(identifier_iri(Some("Local"), None, "x 1"), None);
    }
}
