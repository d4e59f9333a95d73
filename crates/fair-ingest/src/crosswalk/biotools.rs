//! bio.tools JSON (biotoolsSchema 3.3.0, the bio.tools API form): one tool object, an array of
//! tools, or an API page `{"count": ..., "list": [...]}`. Crosswalk to schema.org following
//! the Bioschemas ComputationalTool profile and bio.tools' own Bioschemas export:
//!
//! | bio.tools | schema.org |
//! |---|---|
//! | biotoolsID | the node `https://bio.tools/<id>`, `identifier` |
//! | name, description, homepage | `name`, `description`, `url` |
//! | version, otherID | `softwareVersion`, `identifier` |
//! | toolType | `applicationCategory` |
//! | topic / function.operation | `applicationSubCategory` / `featureList` (EDAM IRIs, `DefinedTerm` with the term as `name`) |
//! | function.input / output | `input` / `output`: `FormalParameter` with the EDAM data as `additionalType`, formats as `encodingFormat` |
//! | operatingSystem, language, license | `operatingSystem`, `programmingLanguage`, `license` (SPDX licence IRI, else the text) |
//! | link (Repository), download, documentation | `codeRepository`, `downloadUrl`, `softwareHelp` |
//! | publication (doi, pmid, pmcid) | `citation` (DOI IRI, else identifiers.org `pubmed:` / `pmc:` IRI) |
//! | credit | `author` (Developer), `maintainer` (Primary contact, Maintainer, Support), `provider`, `funder` (Funding agency), else `contributor`: `Person` / `Organization` named by ORCID / ROR |
//! | relation | `isBasedOn` (isNewVersionOf), `softwareRequirements` (uses), `hasPart` (includes), `isPartOf` (includedIn) |
//! | additionDate, lastUpdate | `dateCreated`, `dateModified` |

use super::{items, schema as sdo, GraphBuilder, Locator, Obj};
use crate::document::{Collector, ParseOptions};
use crate::error::{LimitError, ParseError, ValidateError};
use crate::format::Format;
use oxrdf::{NamedNode, NamedOrBlankNode};
use serde_json::{Map, Value};

/// Whether a parsed JSON value looks like bio.tools JSON (used by content sniffing).
pub(crate) fn looks_like(value: &Value) -> bool {
    let is_tool = |v: &Value| {
        v.as_object().is_some_and(|o| {
            !o.contains_key("@context")
                && (o.contains_key("biotoolsID") || o.contains_key("biotoolsCURIE"))
        })
    };
    match value {
        Value::Object(o) => {
            is_tool(value)
                || o.get("list")
                    .and_then(Value::as_array)
                    .and_then(|l| l.first())
                    .is_some_and(is_tool)
        }
        Value::Array(a) => a.first().is_some_and(is_tool),
        _ => false,
    }
}

/// The tools of a bio.tools document with the JSON Pointer of each (every item of a list, so
/// that one that is not an object is reported by the schema).
fn tools(value: &Value) -> Option<Vec<(String, &Value)>> {
    fn list<'a>(items: &'a [Value], base: &str) -> Vec<(String, &'a Value)> {
        items
            .iter()
            .enumerate()
            .map(|(i, v)| (format!("{base}/{i}"), v))
            .collect()
    }
    match value {
        Value::Array(a) => Some(list(a, "")),
        Value::Object(o) => match o.get("list") {
            Some(Value::Array(a)) if !o.contains_key("name") => Some(list(a, "/list")),
            _ => Some(vec![(String::new(), value)]),
        },
        _ => None,
    }
}

/// Parses, validates and crosswalks a bio.tools document into `collector`.
pub(crate) fn parse(
    text: &str,
    options: &ParseOptions<'_>,
    collector: &mut Collector,
) -> Result<super::Crosswalked, ValidateError> {
    let value = super::parse_json(text, Format::BioTools, &options.limits)?;
    let tools = tools(&value).ok_or_else(|| {
        ParseError::new(
            Format::BioTools,
            "a bio.tools record is a JSON object (one tool), an array of tools or an API page {\"list\": [...]}",
            Some(crate::error::Location::pointer("")),
        )
    })?;
    let locator = Locator::json("");
    let mut out = super::Crosswalked {
        schema: super::schema::BIOTOOLS_NAME.to_owned(),
        ..Default::default()
    };
    let validator = super::schema::biotools();
    let mut builder = GraphBuilder::new(collector, &locator);
    for (base, tool) in tools {
        // A list item that is not an object has no resource: its violations go to the
        // document's focus.
        let name = match tool.as_object() {
            Some(t) => {
                let main = crosswalk(&mut builder, t, &base)?;
                Some(builder.name(&main))
            }
            None => None,
        };
        if let Some(v) = validator {
            let mut violations =
                super::schema::validate(v, super::BIOTOOLS_SCHEMA_VIOLATION, tool, &base, &locator);
            for v in &mut violations {
                v.focus.clone_from(&name);
            }
            out.violations.extend(violations);
        }
        if out.focus.is_none() {
            out.focus = name;
        }
    }
    Ok(out)
}

fn biotools_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 100
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-._".contains(c))
}

fn crosswalk(
    b: &mut GraphBuilder<'_>,
    t: &Map<String, Value>,
    base: &str,
) -> Result<NamedOrBlankNode, LimitError> {
    let p = |rest: &str| format!("{base}{rest}");
    let id = t
        .get("biotoolsID")
        .and_then(Value::as_str)
        .filter(|id| biotools_id(id));
    let iri = id.map(|id| format!("https://bio.tools/{id}"));
    let main = b.node(iri.as_deref());
    b.typed(&main, "SoftwareApplication", base)?;
    b.add(
        &main,
        crate::vocab::DCT_CONFORMS_TO,
        Obj::Iri(NamedNode::new_unchecked(super::schema::BIOTOOLS_SCHEMA_IRI)),
        base,
    )?;
    b.text(&main, "name", t.get("name"), &p("/name"))?;
    b.text(
        &main,
        "description",
        t.get("description"),
        &p("/description"),
    )?;
    b.link(&main, "url", t.get("homepage"), &p("/homepage"))?;
    if let Some(iri) = &iri {
        b.link_str(&main, "identifier", iri, &p("/biotoolsID"))?;
    }
    // Lists of plain values.
    for (field, property) in [
        ("version", "softwareVersion"),
        ("toolType", "applicationCategory"),
        ("operatingSystem", "operatingSystem"),
        ("language", "programmingLanguage"),
    ] {
        for (i, v) in items(t.get(field)) {
            b.text(&main, property, Some(v), &p(&format!("/{field}/{i}")))?;
        }
    }
    for (i, v) in items(t.get("otherID")) {
        b.text(
            &main,
            "identifier",
            v.get("value"),
            &p(&format!("/otherID/{i}/value")),
        )?;
    }
    for (i, topic) in items(t.get("topic")) {
        edam_term(
            b,
            &main,
            "applicationSubCategory",
            topic,
            &p(&format!("/topic/{i}")),
        )?;
    }
    for (i, f) in items(t.get("function")) {
        let fp = p(&format!("/function/{i}"));
        for (j, op) in items(f.get("operation")) {
            edam_term(b, &main, "featureList", op, &format!("{fp}/operation/{j}"))?;
        }
        for direction in ["input", "output"] {
            for (j, io) in items(f.get(direction)) {
                parameter(b, &main, direction, io, &format!("{fp}/{direction}/{j}"))?;
            }
        }
    }
    super::licence(b, &main, t.get("license"), &p("/license"))?;
    for (i, l) in items(t.get("link")) {
        let repository = items(l.get("type")).any(|(_, ty)| ty.as_str() == Some("Repository"));
        if repository {
            b.link(
                &main,
                "codeRepository",
                l.get("url"),
                &p(&format!("/link/{i}/url")),
            )?;
        }
    }
    for (field, property) in [
        ("download", "downloadUrl"),
        ("documentation", "softwareHelp"),
    ] {
        for (i, d) in items(t.get(field)) {
            let pointer = p(&format!("/{field}/{i}/url"));
            b.link(&main, property, d.get("url"), &pointer)?;
        }
    }
    for (i, publication) in items(t.get("publication")) {
        citation(b, &main, publication, &p(&format!("/publication/{i}")))?;
    }
    for (i, c) in items(t.get("credit")) {
        credit(b, &main, c, &p(&format!("/credit/{i}")))?;
    }
    for (i, r) in items(t.get("relation")) {
        let property = match r.get("type").and_then(Value::as_str) {
            Some("isNewVersionOf") => "isBasedOn",
            Some("uses") => "softwareRequirements",
            Some("includes") => "hasPart",
            Some("includedIn") => "isPartOf",
            _ => continue,
        };
        if let Some(other) = r
            .get("biotoolsID")
            .and_then(Value::as_str)
            .filter(|id| biotools_id(id))
        {
            b.link_str(
                &main,
                property,
                &format!("https://bio.tools/{other}"),
                &p(&format!("/relation/{i}/biotoolsID")),
            )?;
        }
    }
    b.text(
        &main,
        "dateCreated",
        t.get("additionDate"),
        &p("/additionDate"),
    )?;
    b.text(
        &main,
        "dateModified",
        t.get("lastUpdate"),
        &p("/lastUpdate"),
    )?;
    Ok(main)
}

/// An EDAM `{uri, term}` object: the term's IRI as the value of `property`, described as a
/// `DefinedTerm` named by the term (so a wrong label is reported); the term alone as text.
fn edam_term(
    b: &mut GraphBuilder<'_>,
    main: &NamedOrBlankNode,
    property: &str,
    term: &Value,
    pointer: &str,
) -> Result<(), LimitError> {
    let uri = term.get("uri").and_then(Value::as_str);
    match uri.and_then(super::absolute_iri) {
        Some(iri) => {
            let node: NamedOrBlankNode = iri.into();
            b.add(
                main,
                &sdo(property),
                Obj::Node(node.clone()),
                &format!("{pointer}/uri"),
            )?;
            b.typed(&node, "DefinedTerm", pointer)?;
            b.text(&node, "name", term.get("term"), &format!("{pointer}/term"))?;
        }
        None => match uri {
            Some(_) => b.text(main, property, term.get("uri"), &format!("{pointer}/uri"))?,
            None => b.text(main, property, term.get("term"), &format!("{pointer}/term"))?,
        },
    }
    Ok(())
}

/// A function input or output: a `FormalParameter` typed by its EDAM data concept, with its
/// EDAM formats as `encodingFormat`.
fn parameter(
    b: &mut GraphBuilder<'_>,
    main: &NamedOrBlankNode,
    direction: &str,
    io: &Value,
    pointer: &str,
) -> Result<(), LimitError> {
    let node = b.blank();
    b.add_node(main, direction, &node, "FormalParameter", pointer)?;
    if let Some(data) = io.get("data") {
        b.text(
            &node,
            "name",
            data.get("term"),
            &format!("{pointer}/data/term"),
        )?;
        b.link(
            &node,
            "additionalType",
            data.get("uri"),
            &format!("{pointer}/data/uri"),
        )?;
    }
    for (k, format) in items(io.get("format")) {
        let fp = format!("{pointer}/format/{k}/uri");
        b.link(&node, "encodingFormat", format.get("uri"), &fp)?;
    }
    Ok(())
}

fn citation(
    b: &mut GraphBuilder<'_>,
    main: &NamedOrBlankNode,
    publication: &Value,
    pointer: &str,
) -> Result<(), LimitError> {
    let text = |key: &str| super::non_empty(publication.get(key));
    if let Some(doi) = text("doi") {
        let iri = format!("https://doi.org/{doi}");
        let value = if super::absolute_iri(&iri).is_some() {
            iri
        } else {
            format!("doi:{doi}")
        };
        return b.link_str(main, "citation", &value, &format!("{pointer}/doi"));
    }
    // PubMed and PubMed Central ids as identifiers.org IRIs (checked against the Bioregistry
    // patterns of `pubmed` / `pmc`).
    for (key, prefix) in [("pmid", "pubmed"), ("pmcid", "pmc")] {
        if let Some(id) = text(key) {
            let value = format!("https://identifiers.org/{prefix}:{id}");
            return b.link_str(main, "citation", &value, &format!("{pointer}/{key}"));
        }
    }
    Ok(())
}

fn credit(
    b: &mut GraphBuilder<'_>,
    main: &NamedOrBlankNode,
    c: &Value,
    pointer: &str,
) -> Result<(), LimitError> {
    let entity = c.get("typeEntity").and_then(Value::as_str);
    // Credits without a type are people more often than not.
    let person = matches!(entity, Some("Person") | None);
    let iri = if person {
        c.get("orcidid").and_then(Value::as_str).map(str::to_owned)
    } else {
        c.get("rorid")
            .and_then(Value::as_str)
            .map(|r| format!("https://ror.org/{r}"))
    };
    let node = b.node(iri.as_deref());
    let roles: Vec<&str> = items(c.get("typeRole"))
        .filter_map(|(_, r)| r.as_str())
        .collect();
    let mut properties: Vec<&str> = roles
        .iter()
        .map(|r| match *r {
            "Developer" => "author",
            "Primary contact" | "Maintainer" | "Support" => "maintainer",
            "Provider" => "provider",
            _ => "contributor",
        })
        .collect();
    if entity == Some("Funding agency") {
        properties.push("funder");
    }
    if properties.is_empty() {
        properties.push("contributor");
    }
    properties.sort_unstable();
    properties.dedup();
    for property in properties {
        b.add(main, &sdo(property), Obj::Node(node.clone()), pointer)?;
    }
    b.typed(
        &node,
        if person { "Person" } else { "Organization" },
        pointer,
    )?;
    b.text(&node, "name", c.get("name"), &format!("{pointer}/name"))?;
    b.text(&node, "email", c.get("email"), &format!("{pointer}/email"))?;
    b.link(&node, "url", c.get("url"), &format!("{pointer}/url"))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn recognises_bio_tools_json() {
        assert!(looks_like(&json!({"biotoolsID": "x", "name": "X"})));
        assert!(looks_like(
            &json!({"count": 1, "list": [{"biotoolsCURIE": "biotools:x"}]})
        ));
        assert!(looks_like(&json!([{"biotoolsID": "x"}])));
        assert!(!looks_like(
            &json!({"@context": "https://schema.org/", "biotoolsID": "x"})
        ));
        assert!(!looks_like(&json!({"name": "x"})));
    }

    #[test]
    fn ids() {
        assert!(biotools_id("signalp_6.0"));
        assert!(!biotools_id("a b"));
        assert!(!biotools_id(""));
    }
}
