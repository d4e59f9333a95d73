//! DataCite XML (kernel-4, and kernel-3) read into the DataCite 4.5 JSON model, with the line
//! and column of the element every JSON value came from.
//!
//! Elements the JSON model does not know are kept under their element name, so the schema
//! reports them as unexpected properties; unknown attributes are ignored.

use super::Locator;
use crate::error::{Limit, LimitError, Location, ParseError, ValidateError};
use crate::format::Format;
use crate::limits::Limits;
use quick_xml::events::{BytesStart, Event};
use serde_json::{Map, Value};

/// One XML element: local name, attributes (local names; `xml:lang` is `lang`), text and
/// children, and where it starts.
#[derive(Debug, Default)]
struct Element {
    name: String,
    attributes: Vec<(String, String)>,
    namespaces: Vec<(String, String)>,
    text: String,
    children: Vec<Element>,
    at: Location,
}

impl Element {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
    }

    fn children<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> + 'a {
        self.children.iter().filter(move |c| c.name == name)
    }

    fn child(&self, name: &str) -> Option<&Element> {
        self.children.iter().find(|c| c.name == name)
    }

    /// The element's text with its descendants' (DataCite descriptions may hold `<br/>`).
    fn all_text(&self) -> String {
        let mut out = self.text.clone();
        for c in &self.children {
            out.push_str(&c.all_text());
        }
        out.trim().to_owned()
    }
}

/// 1-based line and column of byte offsets, computed from line starts.
struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Self { text, starts }
    }

    fn at(&self, offset: usize) -> Location {
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts.get(line - 1).copied().unwrap_or(0);
        let column = self
            .text
            .get(start..offset.min(self.text.len()))
            .map_or(0, |s| s.chars().count());
        Location::line_column(line as u64, column as u64 + 1)
    }
}

/// Whether the first element of `head` is `resource` declared in a DataCite kernel namespace.
pub(crate) fn root_is_datacite(head: &str) -> bool {
    let mut rest = head.trim_start_matches('\u{feff}');
    loop {
        rest = rest.trim_start();
        if let Some(r) = rest.strip_prefix("<?") {
            let Some(end) = r.find("?>") else {
                return false;
            };
            rest = r.get(end + 2..).unwrap_or("");
        } else if let Some(r) = rest.strip_prefix("<!--") {
            let Some(end) = r.find("-->") else {
                return false;
            };
            rest = r.get(end + 3..).unwrap_or("");
        } else if let Some(r) = rest.strip_prefix("<!") {
            let Some(end) = r.find('>') else { return false };
            rest = r.get(end + 1..).unwrap_or("");
        } else {
            break;
        }
    }
    let Some(tag) = rest.strip_prefix('<') else {
        return false;
    };
    let tag = tag.get(..tag.find('>').unwrap_or(tag.len())).unwrap_or("");
    let name = tag
        .split(|c: char| c.is_whitespace() || c == '/')
        .next()
        .unwrap_or("");
    let local = name.rsplit(':').next().unwrap_or(name);
    local == "resource"
        && (tag.contains("http://datacite.org/schema/kernel-")
            || tag.contains("https://datacite.org/schema/kernel-"))
}

fn parse_error(message: impl Into<String>, at: Location) -> ValidateError {
    ParseError::new(Format::DataCite, message, Some(at)).into()
}

fn element(e: &BytesStart<'_>, at: Location) -> Result<Element, ValidateError> {
    let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
    let mut el = Element {
        name,
        at: at.clone(),
        ..Element::default()
    };
    for a in e.attributes() {
        let a = a.map_err(|err| parse_error(format!("bad attribute: {err}"), at.clone()))?;
        let key = String::from_utf8_lossy(a.key.as_ref()).into_owned();
        let value = a
            .unescape_value()
            .map_err(|err| parse_error(format!("bad attribute value: {err}"), at.clone()))?
            .into_owned();
        if key == "xmlns" || key.starts_with("xmlns:") {
            el.namespaces.push((key, value));
            continue;
        }
        let local = String::from_utf8_lossy(a.key.local_name().as_ref()).into_owned();
        el.attributes.push((local, value));
    }
    Ok(el)
}

/// Parses the XML into elements (depth limited by `max_json_depth`).
fn parse_tree(text: &str, limits: &Limits) -> Result<Element, ValidateError> {
    let lines = Lines::new(text);
    let mut reader = quick_xml::Reader::from_str(text);
    reader.config_mut().trim_text(false);
    let mut stack: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    loop {
        let offset = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        let event = reader.read_event().map_err(|e| {
            let at = usize::try_from(reader.error_position()).unwrap_or(offset);
            parse_error(e.to_string(), lines.at(at))
        })?;
        let at = || lines.at(offset);
        match event {
            Event::Start(ref e) | Event::Empty(ref e) => {
                if stack.len() >= limits.max_json_depth {
                    return Err(LimitError {
                        limit: Limit::JsonDepth,
                        max: limits.max_json_depth as u64,
                        location: Some(at()),
                    }
                    .into());
                }
                let el = element(e, at())?;
                if root.is_some() && stack.is_empty() {
                    return Err(parse_error("content after the root element", at()));
                }
                if matches!(event, Event::Start(_)) {
                    stack.push(el);
                } else {
                    match stack.last_mut() {
                        Some(parent) => parent.children.push(el),
                        None => root = Some(el),
                    }
                }
            }
            Event::End(_) => {
                let Some(el) = stack.pop() else {
                    return Err(parse_error("unexpected end tag", at()));
                };
                match stack.last_mut() {
                    Some(parent) => parent.children.push(el),
                    None => root = Some(el),
                }
            }
            Event::Text(t) => {
                let s = t.unescape().map_err(|e| parse_error(e.to_string(), at()))?;
                match stack.last_mut() {
                    Some(el) => el.text.push_str(&s),
                    None if s.trim().is_empty() => {}
                    None => return Err(parse_error("text outside the root element", at())),
                }
            }
            Event::CData(t) => {
                if let Some(el) = stack.last_mut() {
                    el.text.push_str(&String::from_utf8_lossy(&t));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !stack.is_empty() {
        return Err(parse_error("unclosed element", lines.at(text.len())));
    }
    root.ok_or_else(|| parse_error("no root element", Location::line_column(1, 1)))
}

/// Reads a DataCite XML record into the DataCite 4.5 JSON model and the locations of its values.
pub(crate) fn to_json(text: &str, limits: &Limits) -> Result<(Value, Locator), ValidateError> {
    let root = parse_tree(text, limits)?;
    let namespace = root
        .namespaces
        .iter()
        .map(|(_, v)| v.as_str())
        .find(|v| v.contains("datacite.org/schema/kernel-"));
    let Some(namespace) = namespace.filter(|_| root.name == "resource") else {
        return Err(parse_error(
            "not a DataCite XML record: the root element must be <resource> in the http://datacite.org/schema/kernel-4 (or kernel-3) namespace",
            root.at.clone(),
        ));
    };
    let mut c = Converter {
        locator: Locator::default(),
    };
    c.locator.explicit.insert(String::new(), root.at.clone());
    let record = c.resource(&root, namespace);
    Ok((record, c.locator))
}

/// Attributes copied into JSON: (XML attribute, JSON key).
type Attrs = &'static [(&'static str, &'static str)];

const TITLE: Attrs = &[("titleType", "titleType"), ("lang", "lang")];
const SUBJECT: Attrs = &[
    ("subjectScheme", "subjectScheme"),
    ("schemeURI", "schemeUri"),
    ("valueURI", "valueUri"),
    ("classificationCode", "classificationCode"),
    ("lang", "lang"),
];
const DATE: Attrs = &[
    ("dateType", "dateType"),
    ("dateInformation", "dateInformation"),
];
const ALTERNATE_IDENTIFIER: Attrs = &[("alternateIdentifierType", "alternateIdentifierType")];
const RELATED_IDENTIFIER: Attrs = &[
    ("relatedIdentifierType", "relatedIdentifierType"),
    ("relationType", "relationType"),
    ("relatedMetadataScheme", "relatedMetadataScheme"),
    ("schemeURI", "schemeUri"),
    ("schemeType", "schemeType"),
    ("resourceTypeGeneral", "resourceTypeGeneral"),
];
const RIGHTS: Attrs = &[
    ("rightsURI", "rightsUri"),
    ("rightsIdentifier", "rightsIdentifier"),
    ("rightsIdentifierScheme", "rightsIdentifierScheme"),
    ("schemeURI", "schemeUri"),
    ("lang", "lang"),
];
const DESCRIPTION: Attrs = &[("descriptionType", "descriptionType"), ("lang", "lang")];
const PUBLISHER: Attrs = &[
    ("publisherIdentifier", "publisherIdentifier"),
    ("publisherIdentifierScheme", "publisherIdentifierScheme"),
    ("schemeURI", "schemeUri"),
    ("lang", "lang"),
];
const RELATED_ITEM_ATTRS: Attrs = &[
    ("relatedItemType", "relatedItemType"),
    ("relationType", "relationType"),
];

/// How a child element is read into the JSON model.
#[derive(Clone, Copy)]
enum Read {
    /// A container: the list (under the container's name) of its children named by the first
    /// value, each built by the second.
    List(&'static str, Build),
    /// Irregular: a named function of the JSON object, the element and the object's pointer.
    With(fn(&mut Converter, &mut Map<String, Value>, &Element, &str)),
}

/// How one item of a container is built.
#[derive(Debug, Clone, Copy)]
enum Build {
    /// The element's text.
    Text,
    /// An object: the element's text under the key, and its attributes ([`Converter::item`]).
    Item(&'static str, Attrs),
    /// A creator or contributor ([`Converter::agent`]).
    Agent(&'static str),
    /// A `geoLocation` ([`Converter::geo_location`]).
    GeoLocation,
    /// A `fundingReference` ([`Converter::funding`]).
    Funding,
    /// A `relatedItem` ([`Converter::related_item`]).
    RelatedItem,
}

impl Build {
    fn build(self, c: &mut Converter, el: &Element, p: &str) -> Value {
        match self {
            Build::Text => Value::from(el.all_text()),
            Build::Item(key, attrs) => c.item(el, p, key, attrs),
            Build::Agent(kind) => c.agent(el, p, kind),
            Build::GeoLocation => c.geo_location(el, p),
            Build::Funding => c.funding(el, p),
            Build::RelatedItem => c.related_item(el, p),
        }
    }
}

/// The children of `<resource>`, by element name. Any other child (`publicationYear`,
/// `language`, `version` and anything unknown) is its text under its name.
#[rustfmt::skip]
const RESOURCE: &[(&str, Read)] = &[
    ("identifier", Read::With(Converter::identifier)),
    ("creators", Read::List("creator", Build::Agent("creator"))),
    ("contributors", Read::List("contributor", Build::Agent("contributor"))),
    ("publisher", Read::With(Converter::publisher)),
    ("resourceType", Read::With(Converter::resource_type)),
    ("sizes", Read::List("size", Build::Text)),
    ("formats", Read::List("format", Build::Text)),
    ("titles", Read::List("title", Build::Item("title", TITLE))),
    ("subjects", Read::List("subject", Build::Item("subject", SUBJECT))),
    ("dates", Read::List("date", Build::Item("date", DATE))),
    ("alternateIdentifiers", Read::List("alternateIdentifier",
        Build::Item("alternateIdentifier", ALTERNATE_IDENTIFIER))),
    ("relatedIdentifiers", Read::List("relatedIdentifier",
        Build::Item("relatedIdentifier", RELATED_IDENTIFIER))),
    ("rightsList", Read::List("rights", Build::Item("rights", RIGHTS))),
    ("descriptions", Read::List("description", Build::Item("description", DESCRIPTION))),
    ("geoLocations", Read::List("geoLocation", Build::GeoLocation)),
    ("fundingReferences", Read::List("fundingReference", Build::Funding)),
    ("relatedItems", Read::List("relatedItem", Build::RelatedItem)),
];

/// The children of a `<relatedItem>`, by element name; any other is its text.
#[rustfmt::skip]
const RELATED_ITEM: &[(&str, Read)] = &[
    ("relatedItemIdentifier", Read::With(Converter::related_item_identifier)),
    ("creators", Read::List("creator", Build::Agent("creator"))),
    ("contributors", Read::List("contributor", Build::Agent("contributor"))),
    ("titles", Read::List("title", Build::Item("title", TITLE))),
    ("number", Read::With(Converter::item_number)),
];

struct Converter {
    locator: Locator,
}

impl Converter {
    fn at(&mut self, pointer: &str, el: &Element) {
        self.locator
            .explicit
            .entry(pointer.to_owned())
            .or_insert_with(|| el.at.clone());
    }

    /// `obj[key] = text of el`, located.
    fn text(&mut self, obj: &mut Map<String, Value>, key: &str, el: &Element, base: &str) {
        self.at(&format!("{base}/{key}"), el);
        obj.insert(key.to_owned(), Value::from(el.all_text()));
    }

    /// Copies attributes (`xml name` → `json key`) of `el` into `obj`, located at `el`.
    fn attrs(
        &mut self,
        obj: &mut Map<String, Value>,
        el: &Element,
        names: &[(&str, &str)],
        base: &str,
    ) {
        for (xml, json) in names {
            if let Some(v) = el.attr(xml) {
                self.at(&format!("{base}/{json}"), el);
                obj.insert((*json).to_owned(), Value::from(v));
            }
        }
    }

    /// An array of objects built from `container`'s `item` children.
    fn list(
        &mut self,
        out: &mut Map<String, Value>,
        key: &str,
        container: &Element,
        item: &str,
        base: &str,
        build: impl Fn(&mut Self, &Element, &str) -> Value,
    ) {
        let pointer = format!("{base}/{key}");
        self.at(&pointer, container);
        let mut values = match out.remove(key) {
            Some(Value::Array(a)) => a,
            _ => Vec::new(),
        };
        for el in container.children(item) {
            let p = format!("{pointer}/{}", values.len());
            self.at(&p, el);
            values.push(build(self, el, &p));
        }
        out.insert(key.to_owned(), Value::Array(values));
    }

    fn resource(&mut self, root: &Element, namespace: &str) -> Value {
        let mut out = Map::new();
        self.children(&mut out, root, RESOURCE, "");
        out.insert("schemaVersion".into(), Value::from(namespace));
        Value::Object(out)
    }

    /// Reads the children of `parent` into `out` by `table`; any other child is its text.
    fn children(
        &mut self,
        out: &mut Map<String, Value>,
        parent: &Element,
        table: &[(&str, Read)],
        base: &str,
    ) {
        for child in &parent.children {
            match table.iter().find(|(name, _)| *name == child.name) {
                Some((name, Read::List(item, build))) => {
                    let build = *build;
                    self.list(out, name, child, item, base, |c, el, p| {
                        build.build(c, el, p)
                    });
                }
                Some((_, Read::With(read))) => read(self, out, child, base),
                None => self.text(out, &child.name, child, base),
            }
        }
    }

    /// `<identifier>`: the DOI, else an alternate identifier.
    fn identifier(&mut self, out: &mut Map<String, Value>, el: &Element, base: &str) {
        if el.attr("identifierType") == Some("DOI") {
            self.doi(out, el, base);
        } else {
            self.alternate_identifier(out, el, base);
        }
    }

    fn doi(&mut self, out: &mut Map<String, Value>, el: &Element, base: &str) {
        self.text(out, "doi", el, base);
        // XML has no landing-page field (the URL is registered with the DOI through the API):
        // the DOI's resolver URL, which leads there, stands in as the record's URL, located at
        // the identifier.
        let doi = el.all_text();
        let doi = doi.trim();
        if !doi.is_empty() {
            self.at(&format!("{base}/url"), el);
            let url = format!("https://doi.org/{}", super::datacite::bare_doi(doi));
            out.insert("url".into(), Value::from(url));
        }
    }

    /// An `<identifier>` that is not a DOI, appended to `alternateIdentifiers`.
    fn alternate_identifier(&mut self, out: &mut Map<String, Value>, el: &Element, base: &str) {
        let entry = out
            .entry("alternateIdentifiers")
            .or_insert_with(|| Value::Array(Vec::new()));
        if let Value::Array(a) = entry {
            let p = format!("{base}/alternateIdentifiers/{}", a.len());
            let mut o = Map::new();
            o.insert("alternateIdentifier".into(), Value::from(el.all_text()));
            if let Some(t) = el.attr("identifierType") {
                o.insert("alternateIdentifierType".into(), Value::from(t));
            }
            a.push(Value::Object(o));
            self.at(&p, el);
        }
    }

    fn publisher(&mut self, out: &mut Map<String, Value>, el: &Element, base: &str) {
        let p = format!("{base}/publisher");
        let mut o = Map::new();
        self.text(&mut o, "name", el, &p);
        self.attrs(&mut o, el, PUBLISHER, &p);
        self.at(&p, el);
        out.insert("publisher".into(), Value::Object(o));
    }

    /// `<resourceType>`: the `types` object.
    fn resource_type(&mut self, out: &mut Map<String, Value>, el: &Element, base: &str) {
        let p = format!("{base}/types");
        let mut t = Map::new();
        self.attrs(
            &mut t,
            el,
            &[("resourceTypeGeneral", "resourceTypeGeneral")],
            &p,
        );
        if !el.all_text().is_empty() {
            self.text(&mut t, "resourceType", el, &p);
        }
        self.at(&p, el);
        out.insert("types".into(), Value::Object(t));
    }

    /// An object with the element's text under `key` (when not empty) and its attributes.
    fn item(&mut self, el: &Element, p: &str, key: &str, attrs: &[(&str, &str)]) -> Value {
        let mut o = Map::new();
        if !el.all_text().is_empty() {
            self.text(&mut o, key, el, p);
        }
        self.attrs(&mut o, el, attrs, p);
        Value::Object(o)
    }

    /// A creator or contributor (`kind`), kernel-4 or kernel-3.
    fn agent(&mut self, el: &Element, p: &str, kind: &str) -> Value {
        let mut o = Map::new();
        if let Some(name) = el.child(&format!("{kind}Name")) {
            self.text(&mut o, "name", name, p);
            self.attrs(
                &mut o,
                name,
                &[("nameType", "nameType"), ("lang", "lang")],
                p,
            );
        }
        self.attrs(&mut o, el, &[("contributorType", "contributorType")], p);
        for key in ["givenName", "familyName"] {
            if let Some(child) = el.child(key) {
                self.text(&mut o, key, child, p);
            }
        }
        // Repeated children, each an object: (element, JSON list, text key, attributes).
        const PARTS: &[(&str, &str, &str, Attrs)] = &[
            (
                "nameIdentifier",
                "nameIdentifiers",
                "nameIdentifier",
                &[
                    ("nameIdentifierScheme", "nameIdentifierScheme"),
                    ("schemeURI", "schemeUri"),
                ],
            ),
            (
                "affiliation",
                "affiliation",
                "name",
                &[
                    ("affiliationIdentifier", "affiliationIdentifier"),
                    ("affiliationIdentifierScheme", "affiliationIdentifierScheme"),
                    ("schemeURI", "schemeUri"),
                ],
            ),
        ];
        for (element, list_key, text_key, attrs) in PARTS {
            let mut list = Vec::new();
            for child in el.children(element) {
                let cp = format!("{p}/{list_key}/{}", list.len());
                self.at(&cp, child);
                list.push(self.item(child, &cp, text_key, attrs));
            }
            if !list.is_empty() {
                o.insert((*list_key).to_owned(), Value::Array(list));
            }
        }
        Value::Object(o)
    }

    /// A number (coordinates), or the text when it is not one (the schema reports it).
    fn number(&mut self, o: &mut Map<String, Value>, key: &str, el: &Element, base: &str) {
        let text = el.all_text();
        let value = text
            .parse::<f64>()
            .ok()
            .and_then(serde_json::Number::from_f64)
            .map_or_else(|| Value::from(text.as_str()), Value::Number);
        self.at(&format!("{base}/{key}"), el);
        o.insert(key.to_owned(), value);
    }

    /// A point or box: kernel-4 child elements, or kernel-3 text (`lat long`, or the box as
    /// `south west north east`) in the order of `kernel3`.
    fn point(&mut self, el: &Element, p: &str, keys: &[&str], kernel3: &[&str]) -> Value {
        let mut o = Map::new();
        if el.children.is_empty() {
            let numbers: Vec<serde_json::Number> = el
                .all_text()
                .split_whitespace()
                .filter_map(|n| n.parse::<f64>().ok().and_then(serde_json::Number::from_f64))
                .collect();
            if numbers.len() == kernel3.len() {
                for (key, n) in kernel3.iter().zip(numbers) {
                    self.at(&format!("{p}/{key}"), el);
                    o.insert((*key).to_owned(), Value::Number(n));
                }
            }
            return Value::Object(o);
        }
        for key in keys {
            if let Some(child) = el.child(key) {
                self.number(&mut o, key, child, p);
            }
        }
        Value::Object(o)
    }

    fn geo_location(&mut self, el: &Element, p: &str) -> Value {
        const POINT: &[&str] = &["pointLongitude", "pointLatitude"];
        let mut o = Map::new();
        if let Some(place) = el.child("geoLocationPlace") {
            self.text(&mut o, "geoLocationPlace", place, p);
        }
        if let Some(point) = el.child("geoLocationPoint") {
            let pp = format!("{p}/geoLocationPoint");
            self.at(&pp, point);
            let kernel3 = ["pointLatitude", "pointLongitude"];
            o.insert(
                "geoLocationPoint".into(),
                self.point(point, &pp, POINT, &kernel3),
            );
        }
        if let Some(b) = el.child("geoLocationBox") {
            let bp = format!("{p}/geoLocationBox");
            self.at(&bp, b);
            let keys = [
                "westBoundLongitude",
                "eastBoundLongitude",
                "southBoundLatitude",
                "northBoundLatitude",
            ];
            let kernel3 = [
                "southBoundLatitude",
                "westBoundLongitude",
                "northBoundLatitude",
                "eastBoundLongitude",
            ];
            o.insert("geoLocationBox".into(), self.point(b, &bp, &keys, &kernel3));
        }
        let mut points = Vec::new();
        for polygon in el.children("geoLocationPolygon") {
            for point in &polygon.children {
                if point.name != "polygonPoint" && point.name != "inPolygonPoint" {
                    continue;
                }
                let pp = format!("{p}/geoLocationPolygon/{}", points.len());
                self.at(&pp, point);
                let inner = self.point(point, &format!("{pp}/{}", point.name), POINT, &[]);
                let mut wrapper = Map::new();
                wrapper.insert(point.name.clone(), inner);
                points.push(Value::Object(wrapper));
            }
        }
        if !points.is_empty() {
            o.insert("geoLocationPolygon".into(), Value::Array(points));
        }
        Value::Object(o)
    }

    fn funding(&mut self, el: &Element, p: &str) -> Value {
        let mut o = Map::new();
        for key in [
            "funderName",
            "funderIdentifier",
            "awardNumber",
            "awardTitle",
        ] {
            if let Some(child) = el.child(key) {
                self.text(&mut o, key, child, p);
                match key {
                    "funderIdentifier" => self.attrs(
                        &mut o,
                        child,
                        &[("funderIdentifierType", "funderIdentifierType")],
                        p,
                    ),
                    "awardNumber" => self.attrs(&mut o, child, &[("awardURI", "awardUri")], p),
                    _ => {}
                }
            }
        }
        Value::Object(o)
    }

    fn related_item(&mut self, el: &Element, p: &str) -> Value {
        let mut o = Map::new();
        self.attrs(&mut o, el, RELATED_ITEM_ATTRS, p);
        self.children(&mut o, el, RELATED_ITEM, p);
        Value::Object(o)
    }

    fn related_item_identifier(&mut self, out: &mut Map<String, Value>, el: &Element, base: &str) {
        let p = format!("{base}/relatedItemIdentifier");
        self.at(&p, el);
        let mut i = Map::new();
        self.text(&mut i, "relatedItemIdentifier", el, &p);
        self.attrs(
            &mut i,
            el,
            &[("relatedItemIdentifierType", "relatedItemIdentifierType")],
            &p,
        );
        out.insert("relatedItemIdentifier".into(), Value::Object(i));
    }

    /// A related item's `<number>` (volume, issue, ...), with its type.
    fn item_number(&mut self, out: &mut Map<String, Value>, el: &Element, base: &str) {
        self.text(out, "number", el, base);
        self.attrs(out, el, &[("numberType", "numberType")], base);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RECORD: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<resource xmlns="http://datacite.org/schema/kernel-4">
  <identifier identifierType="DOI">10.5072/example</identifier>
  <creators>
    <creator>
      <creatorName nameType="Personal">Miller, Elizabeth</creatorName>
      <nameIdentifier nameIdentifierScheme="ORCID" schemeURI="https://orcid.org">0000-0001-5000-0007</nameIdentifier>
    </creator>
  </creators>
  <titles><title xml:lang="en">Example &amp; test</title></titles>
  <publisher>DataCite</publisher>
  <publicationYear>2014</publicationYear>
  <resourceType resourceTypeGeneral="Dataset">XML</resourceType>
  <geoLocations><geoLocation><geoLocationPoint><pointLongitude>-67.3</pointLongitude><pointLatitude>31.2</pointLatitude></geoLocationPoint></geoLocation></geoLocations>
</resource>"#;

    #[test]
    fn reads_kernel_4_with_locations() {
        let (json, locator) = to_json(RECORD, &Limits::default()).unwrap();
        assert_eq!(json["doi"], "10.5072/example");
        assert_eq!(json["creators"][0]["name"], "Miller, Elizabeth");
        assert_eq!(json["creators"][0]["nameType"], "Personal");
        assert_eq!(
            json["creators"][0]["nameIdentifiers"][0]["schemeUri"],
            "https://orcid.org"
        );
        assert_eq!(
            json["titles"][0],
            serde_json::json!({"title": "Example & test", "lang": "en"})
        );
        assert_eq!(json["publisher"], serde_json::json!({"name": "DataCite"}));
        assert_eq!(
            json["types"],
            serde_json::json!({"resourceTypeGeneral": "Dataset", "resourceType": "XML"})
        );
        assert_eq!(
            json["geoLocations"][0]["geoLocationPoint"]["pointLongitude"],
            -67.3
        );
        assert_eq!(json["schemaVersion"], "http://datacite.org/schema/kernel-4");
        let at = locator.locate("/creators/0/name");
        assert_eq!((at.line, at.column), (Some(6), Some(7)));
        assert_eq!(locator.locate("/publicationYear").line, Some(12));
        assert_eq!(locator.locate("/nothing").line, Some(2));
    }

    #[test]
    fn sniffs_the_root() {
        assert!(root_is_datacite(RECORD));
        assert!(root_is_datacite(
            "<!-- c --><dc:resource xmlns:dc=\"http://datacite.org/schema/kernel-3\">"
        ));
        assert!(!root_is_datacite(
            "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
        ));
        assert!(!root_is_datacite(
            "<resource xmlns=\"http://example.org/\">"
        ));
    }

    #[test]
    fn errors_have_locations() {
        let err = to_json(
            "<resource xmlns=\"http://datacite.org/schema/kernel-4\">\n<titles>\n</resource>",
            &Limits::default(),
        )
        .unwrap_err();
        assert_eq!(err.code(), "parse_error");
        let err = to_json("<rdf:RDF xmlns:rdf=\"x\"/>", &Limits::default()).unwrap_err();
        assert_eq!(err.code(), "parse_error");
        let deep = format!(
            "<resource xmlns=\"http://datacite.org/schema/kernel-4\">{}",
            "<a>".repeat(200)
        );
        assert_eq!(
            to_json(&deep, &Limits::default()).unwrap_err().code(),
            "limit_exceeded"
        );
    }
}
