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

use super::{items, schema as sdo, GraphBuilder, Locator, Obj};
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
        match (key.as_str(), value) {
            ("types", Value::Object(types)) => {
                let kept = types
                    .iter()
                    .filter(|(k, _)| !DERIVED_TYPES.contains(&k.as_str()))
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect();
                out.insert(key.clone(), Value::Object(kept));
            }
            ("publisher", Value::String(name)) => {
                let mut p = Map::new();
                p.insert("name".to_owned(), Value::from(name.as_str()));
                out.insert(key.clone(), Value::Object(p));
                moved.push((
                    "/publisher/name".to_owned(),
                    Location::pointer(original(key)),
                ));
            }
            ("publicationYear", Value::Number(n)) => {
                out.insert(key.clone(), Value::from(n.to_string()));
            }
            ("identifiers", _) => {}
            ("doi", Value::String(doi)) => {
                out.insert(key.clone(), Value::from(bare_doi(doi)));
            }
            ("creators" | "contributors", Value::Array(people)) => {
                let people = people
                    .iter()
                    .map(|p| match p {
                        Value::Object(o) => {
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
                        other => other.clone(),
                    })
                    .collect();
                out.insert(key.clone(), Value::Array(people));
            }
            _ => {
                out.insert(key.clone(), value.clone());
            }
        }
    }
    // The 4.3 `identifiers`: the DOI becomes `doi` (unless given), the others follow the
    // record's own `alternateIdentifiers`.
    for (i, id) in items(record.get("identifiers")) {
        let at = Location::pointer(format!("{}/{i}", original("identifiers")));
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
    for (pointer, location) in moved {
        locator.explicit.insert(pointer, location);
    }
    Value::Object(out)
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

fn crosswalk(b: &mut GraphBuilder<'_>, r: &Value) -> Result<NamedOrBlankNode, LimitError> {
    let doi = str_of(r, "doi").map(|d| format!("https://doi.org/{}", bare_doi(d)));
    let main = b.node(doi.as_deref());
    let resource_type = r
        .get("types")
        .and_then(|t| str_of(t, "resourceTypeGeneral"));
    b.typed(&main, class(resource_type), "")?;
    if let Some(doi) = &doi {
        b.link_str(&main, "identifier", doi, "/doi")?;
    }
    b.link(&main, "url", r.get("url"), "/url")?;
    // The record states the standard it follows: the DataCite kernel namespace (XML) or
    // `schemaVersion` (JSON). That is the community standard of RDA-R1.3-01M / -02M, so it
    // becomes dct:conformsTo (profile selection then goes on by type: no bundled profile is
    // named by a DataCite kernel IRI).
    if let Some(iri) = str_of(r, "schemaVersion")
        .filter(|v| v.contains("datacite.org/schema/kernel-"))
        .and_then(super::absolute_iri)
    {
        b.add(
            &main,
            crate::vocab::DCT_CONFORMS_TO,
            Obj::Iri(iri),
            "/schemaVersion",
        )?;
    }
    let mut named = false;
    for (i, t) in items(r.get("titles")) {
        let property = if !named && t.get("titleType").is_none() {
            named = true;
            "name"
        } else {
            "alternateName"
        };
        b.text(
            &main,
            property,
            t.get("title"),
            &format!("/titles/{i}/title"),
        )?;
    }
    let descriptions: Vec<(usize, &Value)> = items(r.get("descriptions")).collect();
    let abstract_ = descriptions
        .iter()
        .find(|(_, d)| str_of(d, "descriptionType") == Some("Abstract"))
        .or_else(|| descriptions.first());
    if let Some((i, d)) = abstract_ {
        b.text(
            &main,
            "description",
            d.get("description"),
            &format!("/descriptions/{i}/description"),
        )?;
    }
    for (i, c) in items(r.get("creators")) {
        agent(b, &main, "creator", c, &format!("/creators/{i}"))?;
    }
    for (i, c) in items(r.get("contributors")) {
        agent(b, &main, "contributor", c, &format!("/contributors/{i}"))?;
    }
    if let Some(p) = r.get("publisher").filter(|p| p.is_object()) {
        let node = b.node(str_of(p, "publisherIdentifier"));
        b.add_node(&main, "publisher", &node, "Organization", "/publisher")?;
        b.text(&node, "name", p.get("name"), "/publisher/name")?;
    }
    let mut published = false;
    for (i, d) in items(r.get("dates")) {
        let property = match str_of(d, "dateType") {
            Some("Issued") if !published => {
                published = true;
                "datePublished"
            }
            Some("Created") => "dateCreated",
            Some("Updated") => "dateModified",
            _ => continue,
        };
        b.text(&main, property, d.get("date"), &format!("/dates/{i}/date"))?;
    }
    if !published {
        b.text(
            &main,
            "datePublished",
            r.get("publicationYear"),
            "/publicationYear",
        )?;
    }
    for (i, s) in items(r.get("subjects")) {
        b.text(
            &main,
            "keywords",
            s.get("subject"),
            &format!("/subjects/{i}/subject"),
        )?;
        if let Some(uri) = s.get("valueUri").and_then(Value::as_str) {
            if let Some(iri) = super::absolute_iri(uri) {
                b.add(
                    &main,
                    &sdo("about"),
                    Obj::Iri(iri),
                    &format!("/subjects/{i}/valueUri"),
                )?;
            }
        }
    }
    b.text(&main, "inLanguage", r.get("language"), "/language")?;
    for (i, a) in items(r.get("alternateIdentifiers")) {
        b.link(
            &main,
            "identifier",
            a.get("alternateIdentifier"),
            &format!("/alternateIdentifiers/{i}/alternateIdentifier"),
        )?;
    }
    for (i, rel) in items(r.get("relatedIdentifiers")) {
        related(b, &main, rel, &format!("/relatedIdentifiers/{i}"))?;
    }
    for (i, f) in items(r.get("formats")) {
        b.text(&main, "encodingFormat", Some(f), &format!("/formats/{i}"))?;
    }
    b.text(&main, "version", r.get("version"), "/version")?;
    for (i, rights) in items(r.get("rightsList")) {
        let p = format!("/rightsList/{i}");
        let spdx = str_of(rights, "rightsIdentifierScheme")
            .is_some_and(|s| s.eq_ignore_ascii_case("SPDX"));
        if spdx && str_of(rights, "rightsIdentifier").is_some() {
            super::licence(
                b,
                &main,
                rights.get("rightsIdentifier"),
                &format!("{p}/rightsIdentifier"),
            )?;
        } else if str_of(rights, "rightsUri").is_some() {
            b.link(
                &main,
                "license",
                rights.get("rightsUri"),
                &format!("{p}/rightsUri"),
            )?;
        } else {
            b.text(
                &main,
                "license",
                rights.get("rights"),
                &format!("{p}/rights"),
            )?;
        }
    }
    for (i, f) in items(r.get("fundingReferences")) {
        let p = format!("/fundingReferences/{i}");
        let node = b.node(str_of(f, "funderIdentifier"));
        b.add_node(&main, "funder", &node, "Organization", &p)?;
        b.text(
            &node,
            "name",
            f.get("funderName"),
            &format!("{p}/funderName"),
        )?;
    }
    for (i, g) in items(r.get("geoLocations")) {
        if let Some(place) = g.get("geoLocationPlace").filter(|v| v.is_string()) {
            let p = format!("/geoLocations/{i}/geoLocationPlace");
            let node = b.blank();
            b.add_node(&main, "spatialCoverage", &node, "Place", &p)?;
            b.text(&node, "name", Some(place), &p)?;
        }
    }
    Ok(main)
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

/// A creator or contributor.
fn agent(
    b: &mut GraphBuilder<'_>,
    main: &NamedOrBlankNode,
    property: &str,
    c: &Value,
    pointer: &str,
) -> Result<(), LimitError> {
    let organisation = str_of(c, "nameType") == Some("Organizational");
    let ids: Vec<(usize, Option<String>)> = items(c.get("nameIdentifiers"))
        .map(|(k, n)| {
            let iri = str_of(n, "nameIdentifier").and_then(|id| {
                identifier_iri(
                    str_of(n, "nameIdentifierScheme"),
                    str_of(n, "schemeUri"),
                    id,
                )
            });
            (k, iri)
        })
        .collect();
    let named = ids
        .iter()
        .find_map(|(k, iri)| iri.as_ref().map(|i| (*k, i.clone())));
    let node = b.node(named.as_ref().map(|(_, i)| i.as_str()));
    let class = if organisation {
        "Organization"
    } else {
        "Person"
    };
    b.add_node(main, property, &node, class, pointer)?;
    b.text(&node, "name", c.get("name"), &format!("{pointer}/name"))?;
    b.text(
        &node,
        "givenName",
        c.get("givenName"),
        &format!("{pointer}/givenName"),
    )?;
    b.text(
        &node,
        "familyName",
        c.get("familyName"),
        &format!("{pointer}/familyName"),
    )?;
    for (k, iri) in &ids {
        let p = format!("{pointer}/nameIdentifiers/{k}/nameIdentifier");
        match iri {
            Some(iri) if Some(*k) != named.as_ref().map(|(n, _)| *n) => {
                b.link_str(&node, "identifier", iri, &p)?;
            }
            Some(_) => {}
            None => {
                let id = c
                    .get("nameIdentifiers")
                    .and_then(|n| n.get(*k))
                    .and_then(|n| n.get("nameIdentifier"));
                b.text(&node, "identifier", id, &p)?;
            }
        }
    }
    for (k, a) in items(c.get("affiliation")) {
        let p = format!("{pointer}/affiliation/{k}");
        let iri = str_of(a, "affiliationIdentifier").and_then(|id| {
            identifier_iri(
                str_of(a, "affiliationIdentifierScheme"),
                str_of(a, "schemeUri"),
                id,
            )
        });
        let org = b.node(iri.as_deref());
        b.add_node(&node, "affiliation", &org, "Organization", &p)?;
        b.text(&org, "name", a.get("name"), &format!("{p}/name"))?;
    }
    Ok(())
}

/// A related identifier, by relation type and identifier type.
fn related(
    b: &mut GraphBuilder<'_>,
    main: &NamedOrBlankNode,
    rel: &Value,
    pointer: &str,
) -> Result<(), LimitError> {
    let Some(id) = str_of(rel, "relatedIdentifier") else {
        return Ok(());
    };
    let predicate = match str_of(rel, "relationType") {
        Some("IsPartOf") => sdo("isPartOf"),
        Some("HasPart") => sdo("hasPart"),
        Some("Cites" | "References") => sdo("citation"),
        Some("IsDerivedFrom" | "IsNewVersionOf" | "IsVersionOf" | "IsVariantFormOf") => {
            sdo("isBasedOn")
        }
        _ => "http://purl.org/dc/terms/relation".to_owned(),
    };
    let value = match str_of(rel, "relatedIdentifierType") {
        Some("DOI") => format!("https://doi.org/{}", bare_doi(id)),
        Some("Handle") if !id.contains("://") => format!("https://hdl.handle.net/{id}"),
        _ => id.to_owned(),
    };
    // Identifiers that are not IRIs (ISBN, arXiv, ...) go to dct:relation whatever the
    // relation: schema.org's properties expect links.
    let (predicate, object) = match super::absolute_iri(&value).filter(|_| value.contains("://")) {
        Some(iri) => (predicate, Obj::Iri(iri)),
        None => (
            "http://purl.org/dc/terms/relation".to_owned(),
            Obj::Text(value),
        ),
    };
    b.add(
        main,
        &predicate,
        object,
        &format!("{pointer}/relatedIdentifier"),
    )
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
