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

use super::{items, schema as sdo, Convert, Field, GraphBuilder, Locator, Obj, Walk};
use crate::document::{Collector, ParseOptions};
use crate::error::{LimitError, ParseError, ValidateError};
use crate::format::Format;
use oxrdf::{NamedNode, NamedOrBlankNode};
use serde_json::Value;

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
        let name = if tool.is_object() {
            let main = crosswalk(&mut builder, tool, &base)?;
            Some(builder.name(&main))
        } else {
            None
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

/// The IRI `https://bio.tools/<id>` of a valid bio.tools id.
fn tool_iri(id: &Value) -> Option<String> {
    id.as_str()
        .filter(|id| biotools_id(id))
        .map(|id| format!("https://bio.tools/{id}"))
}

/// The crosswalk of a bio.tools tool: its fields in the order their triples are added (the
/// mapping of the module docs). The node and type of the main resource come first, from
/// `biotoolsID`.
#[rustfmt::skip]
const FIELDS: &[Field<Kind>] = &[
    Field::one("name", &["name"], Kind::Text),
    Field::one("description", &["description"], Kind::Text),
    Field::one("homepage", &["url"], Kind::Link),
    Field::one("biotoolsID", &["identifier"], Kind::Tool),
    Field::each("version", &["softwareVersion"], Kind::Text),
    Field::each("toolType", &["applicationCategory"], Kind::Text),
    Field::each("operatingSystem", &["operatingSystem"], Kind::Text),
    Field::each("language", &["programmingLanguage"], Kind::Text),
    Field::each("otherID", &["identifier"], Kind::TextAt("value")),
    Field::each("topic", &["applicationSubCategory"], Kind::EdamTerm),
    Field::each("function", &[], Kind::Fields(FUNCTION)),
    Field::one("license", &["license"], Kind::Licence),
    Field::each("link", &["codeRepository"], Kind::Repository),
    Field::each("download", &["downloadUrl"], Kind::LinkAt("url")),
    Field::each("documentation", &["softwareHelp"], Kind::LinkAt("url")),
    Field::each("publication", &["citation"], Kind::Citation),
    Field::each("credit", &["author", "maintainer", "provider", "funder", "contributor"], Kind::Credit),
    Field::each("relation", &["isBasedOn", "softwareRequirements", "hasPart", "isPartOf"], Kind::Relation),
    Field::one("additionDate", &["dateCreated"], Kind::Text),
    Field::one("lastUpdate", &["dateModified"], Kind::Text),
];

/// The fields of a `function`, each function's in turn.
#[rustfmt::skip]
const FUNCTION: &[Field<Kind>] = &[
    Field::each("operation", &["featureList"], Kind::EdamTerm),
    Field::each("input", &["input"], Kind::Parameter),
    Field::each("output", &["output"], Kind::Parameter),
];

/// The schema.org properties (local names) the crosswalk can give a tool.
pub(super) fn properties() -> Vec<&'static str> {
    super::properties(FIELDS)
}

/// `credit.typeRole` → property; other roles are `contributor`.
const ROLES: &[(&str, &str)] = &[
    ("Developer", "author"),
    ("Primary contact", "maintainer"),
    ("Maintainer", "maintainer"),
    ("Support", "maintainer"),
    ("Provider", "provider"),
];

/// `relation.type` → property; other relations are left out.
const RELATIONS: &[(&str, &str)] = &[
    ("isNewVersionOf", "isBasedOn"),
    ("uses", "softwareRequirements"),
    ("includes", "hasPart"),
    ("includedIn", "isPartOf"),
];

/// Publication ids other than the DOI, by preference, with their identifiers.org prefix
/// (checked against the Bioregistry patterns of `pubmed` / `pmc`).
const PUBLICATION_IDS: &[(&str, &str)] = &[("pmid", "pubmed"), ("pmcid", "pmc")];

/// How a bio.tools field becomes triples of the main resource.
#[derive(Debug, Clone, Copy)]
enum Kind {
    /// The text.
    Text,
    /// The IRI, else the text.
    Link,
    /// The text under a key of the value.
    TextAt(&'static str),
    /// The IRI (else the text) under a key of the value.
    LinkAt(&'static str),
    /// A bio.tools id as the tool's IRI.
    Tool,
    /// The SPDX licence IRI, else the text.
    Licence,
    /// An EDAM `{uri, term}`: a `DefinedTerm`.
    EdamTerm,
    /// A function input or output: a `FormalParameter`.
    Parameter,
    /// A link of type `Repository`: its URL.
    Repository,
    /// A publication: its DOI, else its PubMed (Central) id, as an IRI.
    Citation,
    /// A credit: a `Person` or `Organization`, by role ([`ROLES`]).
    Credit,
    /// A relation to another tool, by type ([`RELATIONS`]).
    Relation,
    /// An object whose own fields are crosswalked (onto the main resource).
    Fields(&'static [Field<Kind>]),
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
            Kind::TextAt(key) => w.text(property, value.get(key), &format!("{pointer}/{key}")),
            Kind::LinkAt(key) => w.link(property, value.get(key), &format!("{pointer}/{key}")),
            Kind::Tool => match tool_iri(value) {
                Some(iri) => w.link_str(property, &iri, pointer),
                None => Ok(()),
            },
            Kind::Licence => super::licence(w.b, &w.main, Some(value), pointer),
            Kind::EdamTerm => edam_term(w, property, value, pointer),
            Kind::Parameter => parameter(w, property, value, pointer),
            Kind::Repository => repository(w, property, value, pointer),
            Kind::Citation => citation(w, property, value, pointer),
            Kind::Credit => credit(w, value, pointer),
            Kind::Relation => relation(w, value, pointer),
            Kind::Fields(fields) => w.run(fields, value, pointer),
        }
    }

    fn nested(&self) -> &'static [Field<Self>] {
        match self {
            Kind::Fields(fields) => fields,
            _ => &[],
        }
    }
}

fn crosswalk(
    b: &mut GraphBuilder<'_>,
    tool: &Value,
    base: &str,
) -> Result<NamedOrBlankNode, LimitError> {
    let iri = tool.get("biotoolsID").and_then(tool_iri);
    let main = b.node(iri.as_deref());
    b.typed(&main, "SoftwareApplication", base)?;
    b.add(
        &main,
        crate::vocab::DCT_CONFORMS_TO,
        Obj::Iri(NamedNode::new_unchecked(super::schema::BIOTOOLS_SCHEMA_IRI)),
        base,
    )?;
    let mut w = Walk {
        b,
        main,
        record: tool,
    };
    w.run(FIELDS, tool, base)?;
    Ok(w.main)
}

/// An EDAM `{uri, term}` object: the term's IRI as the value of `property`, described as a
/// `DefinedTerm` named by the term (so a wrong label is reported); the term alone as text.
fn edam_term(
    w: &mut Walk<'_, '_>,
    property: &str,
    term: &Value,
    pointer: &str,
) -> Result<(), LimitError> {
    let uri = term.get("uri").and_then(Value::as_str);
    match uri.and_then(super::absolute_iri) {
        Some(iri) => {
            let node: NamedOrBlankNode = iri.into();
            let object = Obj::Node(node.clone());
            w.b.add(&w.main, &sdo(property), object, &format!("{pointer}/uri"))?;
            w.b.typed(&node, "DefinedTerm", pointer)?;
            w.b.text(&node, "name", term.get("term"), &format!("{pointer}/term"))
        }
        None => {
            let key = if uri.is_some() { "uri" } else { "term" };
            w.text(property, term.get(key), &format!("{pointer}/{key}"))
        }
    }
}

/// A function input or output: a `FormalParameter` typed by its EDAM data concept, with its
/// EDAM formats as `encodingFormat`.
fn parameter(
    w: &mut Walk<'_, '_>,
    direction: &str,
    io: &Value,
    pointer: &str,
) -> Result<(), LimitError> {
    let node = w.b.blank();
    w.b.add_node(&w.main, direction, &node, "FormalParameter", pointer)?;
    if let Some(data) = io.get("data") {
        let p = format!("{pointer}/data");
        w.b.text(&node, "name", data.get("term"), &format!("{p}/term"))?;
        w.b.link(
            &node,
            "additionalType",
            data.get("uri"),
            &format!("{p}/uri"),
        )?;
    }
    for (k, format) in items(io.get("format")) {
        let fp = format!("{pointer}/format/{k}/uri");
        w.b.link(&node, "encodingFormat", format.get("uri"), &fp)?;
    }
    Ok(())
}

/// A link's URL, when it is a `Repository`.
fn repository(
    w: &mut Walk<'_, '_>,
    property: &str,
    link: &Value,
    pointer: &str,
) -> Result<(), LimitError> {
    if items(link.get("type")).any(|(_, ty)| ty.as_str() == Some("Repository")) {
        w.link(property, link.get("url"), &format!("{pointer}/url"))?;
    }
    Ok(())
}

fn citation(
    w: &mut Walk<'_, '_>,
    property: &str,
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
        return w.link_str(property, &value, &format!("{pointer}/doi"));
    }
    for (key, prefix) in PUBLICATION_IDS {
        if let Some(id) = text(key) {
            let value = format!("https://identifiers.org/{prefix}:{id}");
            return w.link_str(property, &value, &format!("{pointer}/{key}"));
        }
    }
    Ok(())
}

/// The properties a credit gives the tool: by role, `funder` for a funding agency, else
/// `contributor`.
fn credit_properties(entity: Option<&str>, c: &Value) -> Vec<&'static str> {
    let mut properties: Vec<&str> = items(c.get("typeRole"))
        .filter_map(|(_, r)| r.as_str())
        .map(|r| {
            ROLES
                .iter()
                .find(|(role, _)| *role == r)
                .map_or("contributor", |(_, p)| p)
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
    properties
}

fn credit(w: &mut Walk<'_, '_>, c: &Value, pointer: &str) -> Result<(), LimitError> {
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
    let node = w.b.node(iri.as_deref());
    for property in credit_properties(entity, c) {
        w.b.add(&w.main, &sdo(property), Obj::Node(node.clone()), pointer)?;
    }
    let class = if person { "Person" } else { "Organization" };
    w.b.typed(&node, class, pointer)?;
    w.b.text(&node, "name", c.get("name"), &format!("{pointer}/name"))?;
    w.b.text(&node, "email", c.get("email"), &format!("{pointer}/email"))?;
    w.b.link(&node, "url", c.get("url"), &format!("{pointer}/url"))
}

fn relation(w: &mut Walk<'_, '_>, r: &Value, pointer: &str) -> Result<(), LimitError> {
    let kind = r.get("type").and_then(Value::as_str);
    let Some((_, property)) = RELATIONS.iter().find(|(t, _)| Some(*t) == kind) else {
        return Ok(());
    };
    match r.get("biotoolsID").and_then(tool_iri) {
        Some(iri) => w.link_str(property, &iri, &format!("{pointer}/biotoolsID")),
        None => Ok(()),
    }
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

    /// The properties of a field of [`FIELDS`].
    fn listed(key: &str) -> &'static [&'static str] {
        FIELDS.iter().find(|f| f.key == key).unwrap().properties
    }

    #[test]
    fn fields_list_the_properties_of_their_tables() {
        let roles = ROLES.iter().map(|(_, p)| p);
        for property in roles.chain(&["funder", "contributor"]) {
            assert!(listed("credit").contains(property), "{property}");
        }
        for (_, property) in RELATIONS {
            assert!(listed("relation").contains(property), "{property}");
        }
        assert!(properties().contains(&"featureList"));
    }

    #[test]
    fn ids() {
        assert!(biotools_id("signalp_6.0"));
        assert!(!biotools_id("a b"));
        assert!(!biotools_id(""));
    }
}
