//! Plain metadata formats that are not RDF: bio.tools JSON (biotoolsSchema) and DataCite
//! (JSON and XML, kernel 4 / 3). Each record is validated against its JSON Schema (findings
//! R301 / R302, located by JSON Pointer or XML line) and crosswalked to schema.org triples, so
//! the identifier, EDAM, licence, profile and scoring checks run on it like on any RDF record.
//! Every crosswalked triple is located at the field it came from.

pub(crate) mod biotools;
pub(crate) mod datacite;
mod datacite_xml;
mod schema;

use crate::document::Collector;
use crate::error::{LimitError, Location, ValidateError};
use crate::format::Format;
use crate::limits::Limits;
use crate::vocab;
use fair_model::{Code, RawFinding};
use oxrdf::{BlankNode, Literal, NamedNode, NamedOrBlankNode, Quad, Term};
use serde_json::Value;
use std::collections::BTreeMap;
use std::sync::LazyLock;

pub use schema::resources;

/// The schema.org properties (local names) each crosswalk can give a record's main resource,
/// from its field table. A profile property outside the list has no field in the format, so
/// "add it to the record" cannot be done there; [`no_field_fix`] says so in the finding's fix.
static DATACITE_FIELDS: LazyLock<Vec<&'static str>> = LazyLock::new(datacite::properties);
static BIOTOOLS_FIELDS: LazyLock<Vec<&'static str>> = LazyLock::new(biotools::properties);

/// The schema.org properties (local names) the crosswalk of `format` can give a record's main
/// resource; empty for formats that are not crosswalked.
pub fn fields(format: Format) -> &'static [&'static str] {
    match format {
        Format::DataCite => &DATACITE_FIELDS,
        Format::BioTools => &BIOTOOLS_FIELDS,
        _ => &[],
    }
}

/// For a crosswalked `format` with no field that becomes the schema.org property `predicate`
/// (a full IRI): the fix of a finding that the property is missing.
pub(crate) fn no_field_fix(format: Format, predicate: &str) -> Option<String> {
    let name = match format {
        Format::DataCite => "DataCite metadata",
        Format::BioTools => "A bio.tools record",
        _ => return None,
    };
    let fields = fields(format);
    let local = predicate.strip_prefix(vocab::SCHEMA)?;
    (!fields.contains(&local)).then(|| {
        format!(
            "{name} has no field for schema:{local}: add it to the schema.org markup of the record's landing page"
        )
    })
}

/// A schema violation in a crosswalked record, reported as a finding.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SchemaViolation {
    /// [`BIOTOOLS_SCHEMA_VIOLATION`] or [`DATACITE_SCHEMA_VIOLATION`].
    pub code: Code,
    /// JSON Pointer of the offending value in the record as validated.
    pub pointer: String,
    /// The JSON Schema keyword that failed (`required`, `enum`, `pattern`, ...).
    pub keyword: String,
    /// What is wrong, in words.
    pub detail: String,
    /// The offending value (compact JSON), when it is short enough to show.
    pub value: Option<String>,
    /// Where it is in the input.
    pub location: Location,
    /// The resource of the record it belongs to, when the input holds several (a bio.tools
    /// API page); else the document's focus.
    pub focus: Option<String>,
}

/// What the crosswalk of a record leaves for the checks.
#[derive(Debug, Clone, Default)]
pub(crate) struct Crosswalked {
    /// The record's main resource (N-Triples syntax), focus of the schema findings.
    pub focus: Option<String>,
    /// The schema the record was validated against (name and version).
    pub schema: String,
    /// Its violations.
    pub violations: Vec<SchemaViolation>,
}

/// R301: a bio.tools record breaks biotoolsSchema (registered with the rules' crosswalk family).
pub const BIOTOOLS_SCHEMA_VIOLATION: Code = Code::new("R301");
/// R302: a DataCite record breaks the DataCite Metadata Schema.
pub const DATACITE_SCHEMA_VIOLATION: Code = Code::new("R302");

/// The schema violations of a crosswalked document, as findings for the rules to fill in.
pub(crate) fn findings(crosswalked: &Crosswalked) -> Vec<RawFinding> {
    crosswalked
        .violations
        .iter()
        .map(|v| {
            let keyword = v.keyword.split(',').next().unwrap_or_default();
            // A kernel-3 record breaks the 4.x schema only by its namespace: say what that means.
            let kernel_3 = v.code == DATACITE_SCHEMA_VIOLATION
                && v.pointer == "/schemaVersion"
                && v.value.as_deref().is_some_and(|s| s.contains("kernel-3"));
            let (detail, hint) = if kernel_3 {
                (
                    "the record is in DataCite Metadata Schema 3 (kernel-3), which DataCite has deprecated; 4.x (kernel-4) is expected".to_owned(),
                    "rewrite the record in DataCite Metadata Schema 4 (namespace http://datacite.org/schema/kernel-4)",
                )
            } else {
                (v.detail.clone(), schema::hint(keyword))
            };
            RawFinding {
                code: v.code,
                focus: v.focus.clone().or_else(|| crosswalked.focus.clone()),
                path: Some(v.pointer.clone()),
                value: v.value.clone(),
                context: serde_json::json!({
                    "schema": crosswalked.schema,
                    "pointer": if v.pointer.is_empty() { "the record root" } else { v.pointer.as_str() },
                    "keyword": v.keyword,
                    "detail": detail,
                    "hint": hint,
                }),
                location: Some(v.location.clone()),
            }
        })
        .collect()
}

/// Parses JSON text with the input limits (nesting depth checked before parsing), reporting
/// syntax errors with their line and column.
pub(crate) fn parse_json(
    text: &str,
    format: Format,
    limits: &Limits,
) -> Result<Value, ValidateError> {
    crate::jsonld::parse_json(text, format, limits.max_json_depth, |l| l)
}

/// Escapes one JSON Pointer reference token.
pub(crate) fn token(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// Where JSON Pointers of the record as validated are in the input: identity (the record is
/// the input) under a prefix (a REST API envelope), or explicit locations (XML elements).
#[derive(Debug, Clone, Default)]
pub(crate) struct Locator {
    /// Prefix of every pointer in the input (e.g. `/data/attributes`).
    pub prefix: String,
    /// Explicit locations of pointers (XML line/column, or renamed JSON keys); the nearest
    /// ancestor with one wins.
    pub explicit: BTreeMap<String, Location>,
    /// Whether pointers without an explicit location are JSON Pointers into the input
    /// (false for XML: fall back to the nearest located ancestor).
    pub json: bool,
}

impl Locator {
    /// A locator for a JSON input whose record sits at `prefix`.
    pub(crate) fn json(prefix: impl Into<String>) -> Self {
        Self {
            prefix: prefix.into(),
            explicit: BTreeMap::new(),
            json: true,
        }
    }

    /// Where `pointer` is in the input.
    pub(crate) fn locate(&self, pointer: &str) -> Location {
        let mut p = pointer;
        loop {
            if let Some(l) = self.explicit.get(p) {
                return l.clone();
            }
            match p.rfind('/') {
                Some(i) => p = p.get(..i).unwrap_or(""),
                None => break,
            }
        }
        if self.json {
            Location::pointer(format!("{}{pointer}", self.prefix))
        } else {
            self.explicit.get("").cloned().unwrap_or_default()
        }
    }
}

/// Builds the crosswalked graph: every triple is added to the document's collector with the
/// location of the field it came from.
pub(crate) struct GraphBuilder<'c> {
    collector: &'c mut Collector,
    locator: &'c Locator,
    bnodes: usize,
}

/// An RDF object built by the crosswalk.
pub(crate) enum Obj {
    Node(NamedOrBlankNode),
    Iri(NamedNode),
    Text(String),
}

impl<'c> GraphBuilder<'c> {
    pub(crate) fn new(collector: &'c mut Collector, locator: &'c Locator) -> Self {
        Self {
            collector,
            locator,
            bnodes: 0,
        }
    }

    /// A fresh blank node.
    pub(crate) fn blank(&mut self) -> NamedOrBlankNode {
        self.bnodes += 1;
        BlankNode::new_unchecked(format!("cw{}", self.bnodes)).into()
    }

    /// How `node` is written in the document's graph and findings (blank nodes relabelled).
    pub(crate) fn name(&mut self, node: &NamedOrBlankNode) -> String {
        match node {
            NamedOrBlankNode::BlankNode(b) => self.collector.bnode(b).to_string(),
            NamedOrBlankNode::NamedNode(n) => n.to_string(),
        }
    }

    /// The node named `iri` if it is an absolute IRI, else a fresh blank node.
    pub(crate) fn node(&mut self, iri: Option<&str>) -> NamedOrBlankNode {
        match iri.and_then(absolute_iri) {
            Some(n) => n.into(),
            None => self.blank(),
        }
    }

    /// Adds `subject predicate object`, located at `pointer`.
    pub(crate) fn add(
        &mut self,
        subject: &NamedOrBlankNode,
        predicate: &str,
        object: Obj,
        pointer: &str,
    ) -> Result<(), LimitError> {
        let object: Term = match object {
            Obj::Node(n) => n.into(),
            Obj::Iri(n) => n.into(),
            Obj::Text(s) => Literal::new_simple_literal(s).into(),
        };
        let location = self.locator.locate(pointer);
        let quad = Quad::new(
            subject.clone(),
            NamedNode::new_unchecked(predicate),
            object,
            oxrdf::GraphName::DefaultGraph,
        );
        let triple = self.collector.add(quad, Some(location.clone()))?;
        self.collector.source.record_value(
            &triple.subject.to_string(),
            triple.predicate.as_str(),
            &triple.object.to_string(),
            location,
        );
        Ok(())
    }

    /// `subject schema:<property> node` and `node rdf:type schema:<class>`, both located at
    /// `pointer`.
    pub(crate) fn add_node(
        &mut self,
        subject: &NamedOrBlankNode,
        property: &str,
        node: &NamedOrBlankNode,
        class: &str,
        pointer: &str,
    ) -> Result<(), LimitError> {
        self.add(subject, &schema(property), Obj::Node(node.clone()), pointer)?;
        self.typed(node, class, pointer)
    }

    /// `subject rdf:type schema:<class>`.
    pub(crate) fn typed(
        &mut self,
        subject: &NamedOrBlankNode,
        class: &str,
        pointer: &str,
    ) -> Result<(), LimitError> {
        let class = NamedNode::new_unchecked(format!("{}{class}", vocab::SCHEMA));
        self.add(subject, vocab::RDF_TYPE, Obj::Iri(class), pointer)
    }

    /// `subject schema:<property> "text"` when `text` is a non-empty string.
    pub(crate) fn text(
        &mut self,
        subject: &NamedOrBlankNode,
        property: &str,
        text: Option<&Value>,
        pointer: &str,
    ) -> Result<(), LimitError> {
        match non_empty(text) {
            Some(s) => self.add(subject, &schema(property), Obj::Text(s.to_owned()), pointer),
            None => Ok(()),
        }
    }

    /// `subject schema:<property> <iri>` when `value` is an absolute IRI, else the text.
    pub(crate) fn link(
        &mut self,
        subject: &NamedOrBlankNode,
        property: &str,
        value: Option<&Value>,
        pointer: &str,
    ) -> Result<(), LimitError> {
        match non_empty(value) {
            Some(s) => self.link_str(subject, property, s, pointer),
            None => Ok(()),
        }
    }

    /// `subject schema:<property> <iri>` when the trimmed `text` is an absolute IRI, else the
    /// text (nothing when it is empty): [`GraphBuilder::link`] for a computed value.
    pub(crate) fn link_str(
        &mut self,
        subject: &NamedOrBlankNode,
        property: &str,
        text: &str,
        pointer: &str,
    ) -> Result<(), LimitError> {
        let s = text.trim();
        if s.is_empty() {
            return Ok(());
        }
        let object = match absolute_iri(s) {
            Some(n) => Obj::Iri(n),
            None => Obj::Text(s.to_owned()),
        };
        self.add(subject, &schema(property), object, pointer)
    }
}

/// How a field's value is taken from its record.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Shape {
    /// The value as it is (an absent field gives nothing).
    One,
    /// The value when it is a JSON object.
    Object,
    /// Each item of a list (a single object or string counts as one), located at
    /// `<field>/<index>`.
    Each,
}

/// One field of a crosswalked record: its key, which schema.org properties of the record's
/// main resource it becomes, and how. A format's crosswalk is a table of fields, run in order
/// (the order matters: blank nodes are numbered, and values located, as they appear).
#[derive(Debug)]
pub(crate) struct Field<K: 'static> {
    /// The field's key in its record (or in the enclosing field's value).
    pub key: &'static str,
    /// How its value is taken.
    pub shape: Shape,
    /// The schema.org properties (local names) it can give the record's main resource: the
    /// first is the one simple kinds write.
    pub properties: &'static [&'static str],
    /// How a value becomes triples.
    pub kind: K,
}

impl<K> Field<K> {
    /// A field taken as it is.
    pub(crate) const fn one(
        key: &'static str,
        properties: &'static [&'static str],
        kind: K,
    ) -> Self {
        Self {
            key,
            shape: Shape::One,
            properties,
            kind,
        }
    }

    /// A field taken when it is an object.
    pub(crate) const fn object(
        key: &'static str,
        properties: &'static [&'static str],
        kind: K,
    ) -> Self {
        Self {
            key,
            shape: Shape::Object,
            properties,
            kind,
        }
    }

    /// A list field, taken item by item.
    pub(crate) const fn each(
        key: &'static str,
        properties: &'static [&'static str],
        kind: K,
    ) -> Self {
        Self {
            key,
            shape: Shape::Each,
            properties,
            kind,
        }
    }
}

/// A format's kinds of field: how one value becomes triples.
pub(crate) trait Convert: Sized + 'static {
    /// Adds the triples of `value`, a value of a field whose (first) property is `property`,
    /// located at `pointer`.
    fn convert(
        &self,
        w: &mut Walk<'_, '_>,
        property: &'static str,
        value: &Value,
        pointer: &str,
    ) -> Result<(), LimitError>;

    /// The fields within a value of this kind that are crosswalked onto the main resource too.
    fn nested(&self) -> &'static [Field<Self>] {
        &[]
    }
}

/// The schema.org properties (local names) a field table can give a record's main resource,
/// sorted.
pub(crate) fn properties<K: Convert>(fields: &'static [Field<K>]) -> Vec<&'static str> {
    fn collect<K: Convert>(fields: &'static [Field<K>], out: &mut Vec<&'static str>) {
        for field in fields {
            out.extend(field.properties);
            collect(field.kind.nested(), out);
        }
    }
    let mut out = Vec::new();
    collect(fields, &mut out);
    out.sort_unstable();
    out.dedup();
    out
}

/// One record being crosswalked: the builder, the record's main resource (the subject of the
/// fields' triples) and the record.
pub(crate) struct Walk<'w, 'c> {
    /// Where the triples go.
    pub b: &'w mut GraphBuilder<'c>,
    /// The record's main resource.
    pub main: NamedOrBlankNode,
    /// The record (for a field that depends on another).
    pub record: &'w Value,
}

impl Walk<'_, '_> {
    /// Runs the field table `fields` on `value` (the record, or a field's value), located
    /// under `base`.
    pub(crate) fn run<K: Convert>(
        &mut self,
        fields: &'static [Field<K>],
        value: &Value,
        base: &str,
    ) -> Result<(), LimitError> {
        for field in fields {
            let property = field.properties.first().copied().unwrap_or_default();
            let pointer = format!("{base}/{}", field.key);
            let v = value.get(field.key);
            match field.shape {
                Shape::One | Shape::Object => {
                    let object = matches!(field.shape, Shape::Object);
                    if let Some(v) = v.filter(|v| !object || v.is_object()) {
                        field.kind.convert(self, property, v, &pointer)?;
                    }
                }
                Shape::Each => {
                    for (i, item) in items(v) {
                        let pointer = format!("{pointer}/{i}");
                        field.kind.convert(self, property, item, &pointer)?;
                    }
                }
            }
        }
        Ok(())
    }

    /// `main schema:<property> "text"` ([`GraphBuilder::text`]).
    pub(crate) fn text(
        &mut self,
        property: &str,
        value: Option<&Value>,
        pointer: &str,
    ) -> Result<(), LimitError> {
        self.b.text(&self.main, property, value, pointer)
    }

    /// `main schema:<property>` an IRI or the text ([`GraphBuilder::link`]).
    pub(crate) fn link(
        &mut self,
        property: &str,
        value: Option<&Value>,
        pointer: &str,
    ) -> Result<(), LimitError> {
        self.b.link(&self.main, property, value, pointer)
    }

    /// `main schema:<property>` an IRI or the text ([`GraphBuilder::link_str`]).
    pub(crate) fn link_str(
        &mut self,
        property: &str,
        text: &str,
        pointer: &str,
    ) -> Result<(), LimitError> {
        self.b.link_str(&self.main, property, text, pointer)
    }
}

/// `subject schema:license` for a licence written as an id: the SPDX licence IRI when it is
/// an SPDX id (current or deprecated; the licence checks judge it), else the text.
pub(crate) fn licence(
    b: &mut GraphBuilder<'_>,
    subject: &NamedOrBlankNode,
    id: Option<&Value>,
    pointer: &str,
) -> Result<(), LimitError> {
    let Some(text) = id.and_then(Value::as_str).map(str::trim) else {
        return Ok(());
    };
    match fair_refdata::get().spdx(text) {
        Some(_) => {
            let iri = NamedNode::new_unchecked(format!("https://spdx.org/licenses/{text}"));
            b.add(subject, &schema("license"), Obj::Iri(iri), pointer)
        }
        None => b.text(subject, "license", id, pointer),
    }
}

/// The trimmed text of a JSON string value, unless it is empty.
pub(crate) fn non_empty(value: Option<&Value>) -> Option<&str> {
    value
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// A schema.org property IRI.
pub(crate) fn schema(property: &str) -> String {
    format!("{}{property}", vocab::SCHEMA)
}

/// `s` as a named node when it is an absolute IRI with a scheme and no spaces.
pub(crate) fn absolute_iri(s: &str) -> Option<NamedNode> {
    let s = s.trim();
    let (scheme, _) = s.split_once(':')?;
    if scheme.is_empty()
        || !scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    {
        return None;
    }
    oxiri::Iri::parse(s.to_owned()).ok()?;
    NamedNode::new(s).ok()
}

/// A short rendering of a JSON value for a finding (`None` when it is long or structured).
pub(crate) fn short_value(value: &Value) -> Option<String> {
    let text = match value {
        Value::Object(_) | Value::Array(_) => return None,
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    (text.chars().count() <= 200).then_some(text)
}

/// Values of a JSON array field (an absent field or a single value count as zero / one).
pub(crate) fn items(value: Option<&Value>) -> impl Iterator<Item = (usize, &Value)> {
    let slice: &[Value] = match value {
        Some(Value::Array(a)) => a,
        Some(v @ Value::Object(_)) | Some(v @ Value::String(_)) => std::slice::from_ref(v),
        _ => &[],
    };
    slice.iter().enumerate()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locator_falls_back_to_ancestors() {
        let mut l = Locator::json("/data/attributes");
        assert_eq!(
            l.locate("/titles/0").pointer.as_deref(),
            Some("/data/attributes/titles/0")
        );
        l.json = false;
        l.explicit.insert("".into(), Location::line_column(1, 1));
        l.explicit
            .insert("/titles/0".into(), Location::line_column(7, 5));
        assert_eq!(l.locate("/titles/0/title").line, Some(7));
        assert_eq!(l.locate("/creators").line, Some(1));
    }

    #[test]
    fn field_lists_come_from_the_tables() {
        assert_eq!(
            fields(Format::DataCite),
            [
                "about",
                "alternateName",
                "citation",
                "contributor",
                "creator",
                "dateCreated",
                "dateModified",
                "datePublished",
                "description",
                "encodingFormat",
                "funder",
                "hasPart",
                "identifier",
                "inLanguage",
                "isBasedOn",
                "isPartOf",
                "keywords",
                "license",
                "name",
                "publisher",
                "spatialCoverage",
                "url",
                "version",
            ]
        );
        assert_eq!(
            fields(Format::BioTools),
            [
                "applicationCategory",
                "applicationSubCategory",
                "author",
                "citation",
                "codeRepository",
                "contributor",
                "dateCreated",
                "dateModified",
                "description",
                "downloadUrl",
                "featureList",
                "funder",
                "hasPart",
                "identifier",
                "input",
                "isBasedOn",
                "isPartOf",
                "license",
                "maintainer",
                "name",
                "operatingSystem",
                "output",
                "programmingLanguage",
                "provider",
                "softwareHelp",
                "softwareRequirements",
                "softwareVersion",
                "url",
            ]
        );
        assert!(fields(Format::Turtle).is_empty());
        assert!(no_field_fix(Format::DataCite, &schema("name")).is_none());
        assert!(no_field_fix(Format::DataCite, &schema("codeRepository")).is_some());
    }

    #[test]
    fn iris_and_values() {
        assert!(absolute_iri("https://bio.tools/abc").is_some());
        assert!(absolute_iri("not an iri").is_none());
        assert!(absolute_iri("10.1000/x").is_none());
        assert_eq!(short_value(&Value::from(3)), Some("3".into()));
        assert_eq!(short_value(&serde_json::json!({"a": 1})), None);
    }
}
