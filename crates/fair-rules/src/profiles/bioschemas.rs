//! Generated Bioschemas profiles: SHACL shapes written from the Bioschemas specification's own
//! machine-readable profile definitions.
//!
//! `scripts/import-bioschemas-profiles.py` extracts, from the JSON-LD profile documents of
//! github.com/BioSchemas/specifications (their embedded JSON Schema), what the shapes need into
//! one committed file, `shapes/bioschemas/profiles.json`: per profile version its family,
//! version, target types and, per property, its marginality, cardinality and the kinds of value
//! the schema allows. This module turns one profile of that extract into Turtle
//! ([`turtle`]), deterministically: the committed `shapes/bioschemas/<Family>-<version>.ttl`
//! files are exactly its output (a test regenerates them with `FAIRLINT_UPDATE_SHAPES=1` and
//! fails when they are stale), and at run time the same text is produced in memory from the
//! embedded extract the first time a record selects the profile, then compiled. No Turtle is
//! embedded for Bioschemas, only the extract's profiles (28 KB, 3.2 KB gzipped, for 22 profile
//! versions; `build.rs` drops the provenance and whitespace).
//!
//! Conventions (as the earlier hand-written shapes): minimum / recommended / optional as
//! `sh:Violation` / `sh:Warning` / `sh:Info`; `<Prop>Present` (`sh:minCount 1`, minimum and
//! recommended properties only, with the property's own code such as `F110` for `name`, else
//! `R149` / `R154`), `<Prop>One` (`sh:maxCount 1` for cardinality one, `I201`) and
//! `<Prop>Type` (an `sh:or` of the value kinds the schema allows: `I202` text, `I203` URL, `I204`
//! date, `I206` / `I207` EDAM topic / operation, `I208` boolean, `I209` duration, `I210` number,
//! `I212` a controlled vocabulary or enumeration, `I205` several kinds). Properties are
//! `schema:` terms (the records' schema.org context maps every Bioschemas term there) and data
//! is normalised to `http://schema.org/` before validation.

use serde_json::Value;
use std::fmt::Write as _;

/// The committed extract (`shapes/bioschemas/profiles.json`) as `build.rs` embeds it: only its
/// `profiles`, without whitespace (the provenance stays in the file and in the `.ttl` files'
/// headers; the WebAssembly package carries just what the shapes need).
const EMBEDDED: &str = include_str!(concat!(env!("OUT_DIR"), "/bioschemas-profiles.json"));

/// One property of a profile version: name, marginality (`m` / `r` / `o`), cardinality (`1` /
/// `n`) and the kinds of value the schema allows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Property {
    /// Property name (a schema.org term).
    pub name: String,
    /// `m` (minimum), `r` (recommended) or `o` (optional).
    pub marginality: String,
    /// `1` (one value) or `n` (many).
    pub cardinality: String,
    /// Value kinds (`text`, `url`, `class:CreativeWork`, ...).
    pub kinds: Vec<String>,
}

/// One profile version of the extract.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Definition {
    /// `Dataset`, `Gene`, ...
    pub family: String,
    /// `1.0-RELEASE`, `0.3-RELEASE-2019_07_01`, `1.1-DRAFT`.
    pub version: String,
    /// The version without its date (`0.3-RELEASE`): the shapes file's name.
    pub release: String,
    /// `release` or `draft`.
    pub status: String,
    /// How messages name a record of the profile (`a dataset`).
    pub noun: String,
    /// Classes the profile targets (full IRIs).
    pub targets: Vec<String>,
    /// Properties the schema lists under a marginality without defining them (not checked).
    pub listed_without_definition: Vec<String>,
    /// The properties, in the schema's order.
    pub properties: Vec<Property>,
}

fn strings(v: &Value) -> Option<Vec<String>> {
    v.as_array()?
        .iter()
        .map(|s| s.as_str().map(str::to_owned))
        .collect()
}

fn parse_definition(v: &Value) -> Option<Definition> {
    let text = |k: &str| v.get(k).and_then(Value::as_str).map(str::to_owned);
    let properties = v
        .get("properties")?
        .as_array()?
        .iter()
        .map(|p| {
            let p = p.as_array()?;
            let field = |i: usize| p.get(i).and_then(Value::as_str).map(str::to_owned);
            Some(Property {
                name: field(0)?,
                marginality: field(1)?,
                cardinality: field(2)?,
                kinds: strings(p.get(3)?)?,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    Some(Definition {
        family: text("family")?,
        version: text("version")?,
        release: text("release")?,
        status: text("status")?,
        noun: text("noun")?,
        targets: strings(v.get("targets")?)?,
        listed_without_definition: strings(v.get("listed_without_definition")?)?,
        properties,
    })
}

/// The profile definitions of an extract (`profiles.json`, or the embedded `profiles` array).
pub fn parse_definitions(json: &str) -> Option<Vec<Definition>> {
    let v: Value = serde_json::from_str(json).ok()?;
    let profiles = v.get("profiles").unwrap_or(&v);
    profiles.as_array()?.iter().map(parse_definition).collect()
}

/// The embedded definitions (empty only if the embedded extract were not valid, which a test
/// rules out).
pub fn definitions() -> &'static [Definition] {
    static PARSED: std::sync::OnceLock<Vec<Definition>> = std::sync::OnceLock::new();
    PARSED.get_or_init(|| parse_definitions(EMBEDDED).unwrap_or_default())
}

/// The definition of `family` at `version` (as the profile's `version`, date included).
pub fn definition(family: &str, version: &str) -> Option<&'static Definition> {
    definitions()
        .iter()
        .find(|d| d.family == family && d.version == version)
}

/// The generated shapes file of a definition, in `shapes/`: `bioschemas/<Family>-<release>.ttl`.
pub fn shapes_file(d: &Definition) -> String {
    format!("bioschemas/{}-{}.ttl", d.family, d.release)
}

/// Property-specific codes of "missing" results: property, code, principle, label.
const PROPERTY_CODES: &[(&str, &str, &str, &str)] = &[
    ("about", "F117", "F2", "subject (about)"),
    ("abstract", "F118", "F2", "abstract"),
    ("alternateName", "F115", "F2", "alternate name"),
    ("applicationCategory", "F120", "F2", "application category"),
    (
        "applicationSubCategory",
        "F121",
        "F2",
        "EDAM topic (applicationSubCategory)",
    ),
    ("audience", "R138", "R1", "audience"),
    ("author", "R113", "R1.2", "author"),
    ("citation", "R111", "R1.2", "citation"),
    ("competencyRequired", "R139", "R1", "required competencies"),
    ("contributor", "R114", "R1.2", "contributor"),
    (
        "creativeWorkStatus",
        "R132",
        "R1",
        "status (creativeWorkStatus)",
    ),
    ("creator", "R112", "R1.2", "creator"),
    ("dataset", "F123", "F4", "datasets of the catalogue"),
    ("dateCreated", "R125", "R1.2", "creation date"),
    ("datePublished", "R124", "R1.2", "publication date"),
    ("description", "F111", "F2", "description"),
    ("distribution", "A110", "A1", "distribution"),
    ("documentation", "R133", "R1", "documentation"),
    ("educationalLevel", "R140", "R1", "educational level"),
    ("featureList", "F122", "F2", "EDAM operation (featureList)"),
    ("funding", "R121", "R1.2", "funding"),
    ("hasPart", "R134", "R1", "parts (hasPart)"),
    ("identifier", "F112", "F1", "identifier"),
    ("inLanguage", "R141", "R1", "language"),
    ("includedInDataCatalog", "F119", "F4", "data catalogue"),
    ("input", "R129", "R1", "inputs"),
    ("isBasedOn", "R126", "R1.2", "source (isBasedOn)"),
    ("keywords", "F113", "F2", "keywords"),
    (
        "learningResourceType",
        "R142",
        "R1",
        "learning resource type",
    ),
    ("license", "R110", "R1.1", "licence"),
    ("maintainer", "R115", "R1.2", "maintainer"),
    (
        "measurementTechnique",
        "R127",
        "R1",
        "measurement technique",
    ),
    ("mentions", "F124", "F2", "mentioned entities"),
    ("name", "F110", "F2", "name"),
    ("output", "R130", "R1", "outputs"),
    ("producer", "R116", "R1.2", "producer"),
    ("programmingLanguage", "R131", "R1", "programming language"),
    ("provider", "R119", "R1.2", "provider"),
    ("publisher", "R117", "R1.2", "publisher"),
    ("runtimePlatform", "R135", "R1", "runtime platform"),
    ("sameAs", "F116", "F1", "sameAs link"),
    (
        "sdPublisher",
        "R118",
        "R1.2",
        "publisher of the markup (sdPublisher)",
    ),
    (
        "softwareRequirements",
        "R136",
        "R1",
        "software requirements",
    ),
    ("softwareVersion", "R123", "R1", "software version"),
    ("sourceOrganization", "R120", "R1.2", "source organisation"),
    ("targetProduct", "R137", "R1", "target product"),
    ("teaches", "R143", "R1", "learning outcomes (teaches)"),
    ("timeRequired", "R144", "R1", "time required"),
    ("url", "F114", "F1", "url"),
    ("variableMeasured", "R128", "R1", "measured variable"),
    ("version", "R122", "R1", "version"),
    ("taxonomicRange", "R155", "R1", "taxon (taxonomicRange)"),
    ("taxonRank", "R156", "R1", "taxonomic rank"),
];

/// How messages name the properties without a code of their own, where splitting the name into
/// words does not read well.
const LABELS: &[(&str, &str)] = &[
    (
        "encodesBioChemEntity",
        "gene products (encodesBioChemEntity)",
    ),
    ("hasBioChemEntityPart", "parts (hasBioChemEntityPart)"),
    ("inChI", "InChI"),
    ("inChIKey", "InChIKey"),
    (
        "isEncodedByBioChemEntity",
        "encoding gene (isEncodedByBioChemEntity)",
    ),
    (
        "isPartOfBioChemEntity",
        "containing entity (isPartOfBioChemEntity)",
    ),
    ("iupacName", "IUPAC name"),
    ("smiles", "SMILES"),
    ("encodingFormat", "EDAM format (encodingFormat)"),
];

/// Codes of a missing minimum / recommended property without a code of its own.
const MISSING_MINIMUM: (&str, &str) = ("R149", "R1");
const MISSING_RECOMMENDED: (&str, &str) = ("R154", "R1");

/// schema.org types a value of a type may have instead (its common subtypes), first the type.
const SUBTYPES: &[(&str, &[&str])] = &[
    (
        "CreativeWork",
        &[
            "CreativeWork",
            "ScholarlyArticle",
            "Article",
            "TechArticle",
            "WebPage",
            "WebSite",
            "Book",
            "Chapter",
            "Report",
            "Thesis",
            "DigitalDocument",
            "MediaObject",
            "Dataset",
            "DataCatalog",
            "SoftwareApplication",
            "SoftwareSourceCode",
            "Collection",
            "LearningResource",
            "Course",
            "HowTo",
            "Periodical",
            "PublicationIssue",
            "Poster",
            "Review",
        ],
    ),
    (
        "Organization",
        &[
            "Organization",
            "ResearchOrganization",
            "EducationalOrganization",
            "CollegeOrUniversity",
            "GovernmentOrganization",
            "Corporation",
            "NGO",
            "Consortium",
            "Project",
            "ResearchProject",
            "FundingAgency",
            "MedicalOrganization",
            "LibrarySystem",
        ],
    ),
    (
        "SoftwareApplication",
        &["SoftwareApplication", "WebApplication", "MobileApplication"],
    ),
    ("DefinedTerm", &["DefinedTerm", "CategoryCode"]),
    ("Grant", &["Grant", "MonetaryGrant"]),
    (
        "Audience",
        &[
            "Audience",
            "EducationalAudience",
            "PeopleAudience",
            "Researcher",
        ],
    ),
    ("Event", &["Event", "EducationEvent", "CourseInstance"]),
    (
        "BioChemEntity",
        &[
            "BioChemEntity",
            "ChemicalSubstance",
            "Gene",
            "MolecularEntity",
            "Protein",
        ],
    ),
    ("MedicalCondition", &["MedicalCondition"]),
];

/// Types Bioschemas defines (or defined before schema.org took them in): a value may name them
/// in schema.org's or Bioschemas' namespace (https or http).
const BIOSCHEMAS_TYPES: &[&str] = &[
    "BioChemEntity",
    "BioSample",
    "ChemicalSubstance",
    "ComputationalWorkflow",
    "DNA",
    "FormalParameter",
    "Gene",
    "MolecularEntity",
    "Protein",
    "RNA",
    "Sample",
    "SequenceAnnotation",
    "Taxon",
    "TaxonName",
];

const DATE_PATTERN: &str = "^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?)?$";
const DURATION_PATTERN: &str =
    "^P([0-9]+Y)?([0-9]+M)?([0-9]+W)?([0-9]+D)?(T([0-9]+H)?([0-9]+M)?([0-9]+([.][0-9]+)?S)?)?$";
const IRI_REFERENCE: &str =
    "[ sh:nodeKind sh:IRI ; sh:property [ sh:path rdf:type ; sh:maxCount 0 ] ]";

/// A kind of literal (or untyped) value a property allows.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Kind {
    Text,
    Url,
    Date,
    Number,
    Integer,
    Boolean,
    Duration,
    Entity,
    /// An EDAM term of a branch (`topic`, `operation`, `format`, `data`).
    Edam(String),
    Enum(Vec<String>),
}

impl Kind {
    fn alternatives(&self) -> Vec<String> {
        let url = |p: &str| {
            vec![
                format!("[ sh:nodeKind sh:IRI ; sh:pattern \"{p}\" ]"),
                format!("[ sh:datatype xsd:string ; sh:pattern \"{p}\" ]"),
            ]
        };
        match self {
            Kind::Text => vec![
                "[ sh:datatype xsd:string ]".into(),
                "[ sh:datatype rdf:langString ]".into(),
            ],
            Kind::Url => {
                let mut v = url("^https?://");
                v.push("[ sh:datatype xsd:anyURI ; sh:pattern \"^https?://\" ]".into());
                v
            }
            Kind::Date => {
                let mut v = vec![
                    "[ sh:datatype xsd:date ]".to_owned(),
                    "[ sh:datatype xsd:dateTime ]".to_owned(),
                ];
                for dt in ["xsd:string", "schema:Date", "schema:DateTime"] {
                    v.push(format!(
                        "[ sh:datatype {dt} ; sh:pattern \"{DATE_PATTERN}\" ]"
                    ));
                }
                v
            }
            Kind::Number => vec![
                "[ sh:datatype xsd:integer ]".into(),
                "[ sh:datatype xsd:decimal ]".into(),
                "[ sh:datatype xsd:double ]".into(),
            ],
            Kind::Integer => vec!["[ sh:datatype xsd:integer ]".into()],
            Kind::Boolean => vec!["[ sh:datatype xsd:boolean ]".into()],
            Kind::Duration => vec![
                "[ sh:datatype xsd:duration ]".into(),
                format!("[ sh:datatype xsd:string ; sh:pattern \"{DURATION_PATTERN}\" ]"),
                "[ sh:class schema:Duration ]".into(),
            ],
            Kind::Entity => vec!["[ sh:nodeKind sh:BlankNodeOrIRI ]".into()],
            Kind::Edam(branch) => {
                let p = format!("^http://edamontology[.]org/{branch}_[0-9]{{4}}$");
                let mut v = url(&p);
                v.push(format!(
                    "[ sh:class schema:DefinedTerm ; sh:property [ sh:path schema:url ; sh:minCount 1 ; sh:pattern \"{p}\" ] ]"
                ));
                v
            }
            Kind::Enum(values) => {
                let list: Vec<String> = values.iter().map(|v| literal(v)).collect();
                vec![format!("[ sh:in ( {} ) ]", list.join(" "))]
            }
        }
    }

    fn describe(&self, alone: bool) -> String {
        match (self, alone) {
            (Kind::Text, true) => "text (a string)".into(),
            (Kind::Text, false) => "text".into(),
            (Kind::Url, true) => "a URL (an IRI or an http(s) string)".into(),
            (Kind::Url, false) => "a URL".into(),
            (Kind::Date, true) => {
                "a date (xsd:date, xsd:dateTime or an ISO 8601 string such as 2024-05-31)".into()
            }
            (Kind::Date, false) => "a date".into(),
            (Kind::Number, _) => "a number".into(),
            (Kind::Integer, _) => "an integer".into(),
            (Kind::Boolean, true) => "a boolean (true or false)".into(),
            (Kind::Boolean, false) => "a boolean".into(),
            (Kind::Duration, true) => "an ISO 8601 duration (such as PT1H30M)".into(),
            (Kind::Duration, false) => "an ISO 8601 duration".into(),
            (Kind::Entity, _) => "an entity".into(),
            (Kind::Edam(b), _) => format!(
                "an EDAM {b} (http://edamontology.org/{b}_NNNN, as an IRI or a DefinedTerm)"
            ),
            (Kind::Enum(values), _) => format!("one of {}", values.join(", ")),
        }
    }

    /// The code and principle of a value-type result when this is the only kind allowed.
    fn code(&self) -> (&'static str, &'static str) {
        match self {
            Kind::Text => ("I202", "I1"),
            Kind::Url => ("I203", "I1"),
            Kind::Date => ("I204", "I1"),
            Kind::Boolean => ("I208", "I1"),
            Kind::Duration => ("I209", "I1"),
            Kind::Number | Kind::Integer => ("I210", "I1"),
            Kind::Entity => ("I205", "I1"),
            Kind::Edam(b) if b == "topic" => ("I206", "I2"),
            Kind::Edam(b) if b == "operation" => ("I207", "I2"),
            Kind::Edam(_) | Kind::Enum(_) => ("I212", "I2"),
        }
    }
}

/// A Turtle string literal.
fn literal(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// An IRI in the files' prefixes.
fn curie(iri: &str) -> String {
    for (ns, prefix) in [
        ("http://schema.org/", "schema:"),
        ("https://bioschemas.org/", "bs:"),
        ("http://bioschemas.org/", "bsh:"),
    ] {
        if let Some(local) = iri.strip_prefix(ns) {
            if !local.is_empty() && local.chars().all(|c| c.is_ascii_alphanumeric()) {
                return format!("{prefix}{local}");
            }
        }
    }
    format!("<{iri}>")
}

/// The classes (full IRIs) a `class:` kind allows, the type first, then its subtypes.
fn classes(name: &str) -> Vec<String> {
    let local = name.strip_prefix("bioschemas:").unwrap_or(name);
    let types: &[&str] = SUBTYPES
        .iter()
        .find(|(t, _)| *t == local)
        .map(|(_, s)| *s)
        .unwrap_or(&[]);
    let mut out = Vec::new();
    let mut push = |t: &str| {
        let iris = if BIOSCHEMAS_TYPES.contains(&t) {
            vec![
                format!("http://schema.org/{t}"),
                format!("https://bioschemas.org/{t}"),
                format!("http://bioschemas.org/{t}"),
            ]
        } else {
            vec![format!("http://schema.org/{t}")]
        };
        out.extend(iris);
    };
    if types.is_empty() {
        push(local);
    } else {
        types.iter().for_each(|t| push(t));
    }
    out
}

/// `alternateName` -> `AlternateName`.
fn shape_stem(property: &str) -> String {
    let mut chars = property.chars();
    chars
        .next()
        .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
        .unwrap_or_default()
}

/// `encodesBioChemEntity` -> `encodes bio chem entity`.
fn words(property: &str) -> String {
    let mut out = String::new();
    let mut prev_lower = false;
    for c in property.chars() {
        if c.is_ascii_uppercase() && prev_lower {
            out.push(' ');
        }
        prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        out.push(c.to_ascii_lowercase());
    }
    out
}

struct Shape {
    name: String,
    body: Vec<String>,
    severity: &'static str,
    message: String,
    code: &'static str,
    principle: &'static str,
    fix: String,
}

/// The value-type constraint of a property: its `sh:or` alternatives, description and code.
fn value_shape(kinds: &[String]) -> Option<(Vec<String>, String, (&'static str, &'static str))> {
    let mut lits: Vec<Kind> = Vec::new();
    let mut class_iris: Vec<String> = Vec::new();
    let mut class_names: Vec<String> = Vec::new();
    let add = |k: Kind, lits: &mut Vec<Kind>| {
        if !lits.contains(&k) {
            lits.push(k);
        }
    };
    for kind in kinds {
        let k = match kind.as_str() {
            "text" => Kind::Text,
            "url" => Kind::Url,
            "date" | "datetime" | "class:DateTime" => Kind::Date,
            "number" => Kind::Number,
            "integer" => Kind::Integer,
            "boolean" => Kind::Boolean,
            "class:Duration" => Kind::Duration,
            "class:Thing" => Kind::Entity,
            other => {
                if let Some(root) = other.strip_prefix("vocab:") {
                    let local = root.rsplit('/').next().unwrap_or(root);
                    let branch = local.split('_').next().unwrap_or(local);
                    if root.starts_with("http://edamontology.org/") {
                        Kind::Edam(branch.to_owned())
                    } else {
                        continue;
                    }
                } else if let Some(values) = other.strip_prefix("enum:") {
                    Kind::Enum(values.split('|').map(str::to_owned).collect())
                } else if let Some(name) = other.strip_prefix("class:") {
                    for iri in classes(name) {
                        let local = iri.rsplit('/').next().unwrap_or(&iri).to_owned();
                        if !class_names.contains(&local) {
                            class_names.push(local);
                        }
                        if !class_iris.contains(&iri) {
                            class_iris.push(iri);
                        }
                    }
                    continue;
                } else {
                    continue;
                }
            }
        };
        add(k, &mut lits);
    }
    // An EDAM term stands for the URL the schema also allows.
    if lits.iter().any(|k| matches!(k, Kind::Edam(_))) {
        lits.retain(|k| *k != Kind::Url);
    }
    if lits.is_empty() && class_iris.is_empty() {
        return None;
    }
    let mut alternatives: Vec<String> = lits.iter().flat_map(Kind::alternatives).collect();
    let alone = lits.len() == 1 && class_iris.is_empty();
    let mut parts: Vec<String> = lits.iter().map(|k| k.describe(alone)).collect();
    if !class_iris.is_empty() {
        alternatives.extend(
            class_iris
                .iter()
                .map(|c| format!("[ sh:class {} ]", curie(c))),
        );
        alternatives.push(IRI_REFERENCE.to_owned());
        let shown: Vec<&str> = class_names.iter().take(4).map(String::as_str).collect();
        let more = if class_names.len() > 4 {
            " (or another subtype)"
        } else {
            ""
        };
        parts.push(format!("a {}{more} node", shown.join(" / ")));
    }
    let mut description = parts.join(" or ");
    if !class_iris.is_empty() {
        description.push_str(", or an IRI reference");
    }
    let code = match lits.as_slice() {
        [only] if class_iris.is_empty() => only.code(),
        _ => ("I205", "I1"),
    };
    Some((alternatives, description, code))
}

/// The shapes of one profile version, as Turtle (what runs: no comments).
pub fn turtle(d: &Definition) -> String {
    let (family, version) = (d.family.as_str(), d.version.as_str());
    let title = format!("Bioschemas {family} {version}");
    let mut props: Vec<&Property> = d.properties.iter().collect();
    let rank = |m: &str| match m {
        "m" => 0,
        "r" => 1,
        _ => 2,
    };
    props.sort_by(|a, b| (rank(&a.marginality), &a.name).cmp(&(rank(&b.marginality), &b.name)));
    let mut shapes: Vec<Shape> = Vec::new();
    for Property {
        name,
        marginality,
        cardinality,
        kinds,
    } in props
    {
        let stem = shape_stem(name);
        let path = format!("schema:{name}");
        let severity = match marginality.as_str() {
            "m" => "sh:Violation",
            "r" => "sh:Warning",
            _ => "sh:Info",
        };
        if marginality != "o" {
            let (code, principle, label) = PROPERTY_CODES
                .iter()
                .find(|(p, ..)| p == name)
                .map(|(_, c, pr, l)| (*c, *pr, (*l).to_owned()))
                .unwrap_or_else(|| {
                    let (c, pr) = if marginality == "m" {
                        MISSING_MINIMUM
                    } else {
                        MISSING_RECOMMENDED
                    };
                    let label = LABELS
                        .iter()
                        .find(|(p, _)| p == name)
                        .map_or_else(|| words(name), |(_, l)| (*l).to_owned());
                    (c, pr, label)
                });
            let level = if marginality == "m" {
                "minimum"
            } else {
                "recommended"
            };
            shapes.push(Shape {
                name: format!("{stem}Present"),
                body: vec![format!("sh:path {path}"), "sh:minCount 1".into()],
                severity,
                message: format!(
                    "{title}: {} should have {path} ({label}), a {level} property",
                    d.noun
                ),
                code,
                principle,
                fix: format!("Add {path} ({label}) to the {family} record"),
            });
        }
        if cardinality == "1" {
            shapes.push(Shape {
                name: format!("{stem}One"),
                body: vec![format!("sh:path {path}"), "sh:maxCount 1".into()],
                severity,
                message: format!("{title}: {path} takes one value, this record gives several"),
                code: "I201",
                principle: "I1",
                fix: format!(
                    "Keep a single value of {path}; move the others to a property that takes many (such as schema:alternateName) or drop them"
                ),
            });
        }
        if let Some((alternatives, description, (code, principle))) = value_shape(kinds) {
            let mut or = String::from("sh:or (\n");
            for a in &alternatives {
                let _ = writeln!(or, "        {a}");
            }
            or.push_str("    )");
            shapes.push(Shape {
                name: format!("{stem}Type"),
                body: vec![format!("sh:path {path}"), or],
                severity,
                message: format!("{title}: the value of {path} should be {description}"),
                code,
                principle,
                fix: format!("Give {path} as {description}"),
            });
        }
    }
    let profile_iri = format!("https://bioschemas.org/profiles/{family}/{version}");
    let mut out = String::new();
    for (prefix, ns) in [
        ("sh", "http://www.w3.org/ns/shacl#"),
        ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
        ("xsd", "http://www.w3.org/2001/XMLSchema#"),
        ("schema", "http://schema.org/"),
        ("bs", "https://bioschemas.org/"),
        ("bsh", "http://bioschemas.org/"),
        ("fair", "https://w3id.org/fairlint/ns#"),
    ] {
        let _ = writeln!(out, "@prefix {prefix}: <{ns}> .");
    }
    let _ = writeln!(
        out,
        "@prefix : <https://w3id.org/fairlint/shapes/bioschemas/{family}-{}#> .\n",
        d.release
    );
    let targets: Vec<String> = d.targets.iter().map(|t| curie(t)).collect();
    let _ = writeln!(out, ":{family}Shape a sh:NodeShape ;");
    let _ = writeln!(
        out,
        "    sh:description {}@en ;",
        literal(&format!(
            "Bioschemas {family} profile {version} ({profile_iri})"
        ))
    );
    let _ = write!(out, "    sh:targetClass {}", targets.join(", "));
    if shapes.is_empty() {
        out.push_str(" .\n");
    } else {
        out.push_str(" ;\n    sh:property\n");
        let names: Vec<String> = shapes
            .iter()
            .map(|s| format!("        :{}", s.name))
            .collect();
        let _ = writeln!(out, "{} .", names.join(",\n"));
    }
    for s in &shapes {
        let _ = writeln!(out, "\n:{}", s.name);
        for line in &s.body {
            let _ = writeln!(out, "    {line} ;");
        }
        let _ = writeln!(out, "    sh:severity {} ;", s.severity);
        let _ = writeln!(out, "    sh:message {}@en ;", literal(&s.message));
        let _ = writeln!(out, "    fair:code {} ;", literal(s.code));
        let _ = writeln!(out, "    fair:principle {} ;", literal(s.principle));
        let _ = writeln!(out, "    fair:fixHint {}@en .", literal(&s.fix));
    }
    out
}

/// The committed `shapes/bioschemas/<Family>-<version>.ttl` files for the extract `json` (the
/// whole `profiles.json`, provenance included): per profile version its path under `shapes/`
/// and its text, a header with the provenance followed by [`turtle`]'s shapes.
pub fn file_texts(json: &str) -> Option<Vec<(String, String)>> {
    let full: Value = serde_json::from_str(json).ok()?;
    let field = |k: &str| full.get(k).and_then(Value::as_str).unwrap_or_default();
    let (source, commit, licence) = (field("source"), field("commit"), field("licence"));
    let inputs = full.get("inputs")?.as_array()?;
    let mut files = Vec::new();
    for d in parse_definitions(json)? {
        let (family, version) = (d.family.as_str(), d.version.as_str());
        let profile_iri = format!("https://bioschemas.org/profiles/{family}/{version}");
        let upstream = format!("{family}/jsonld/{family}_v{version}.json");
        let sha256 = inputs
            .iter()
            .find(|i| i.get("upstream").and_then(Value::as_str) == Some(upstream.as_str()))
            .and_then(|i| i.get("sha256")?.as_str())?;
        let mut out = String::new();
        let _ = writeln!(
            out,
            "# Bioschemas {family} profile, version {version}, as SHACL shapes for fairlint."
        );
        let _ = writeln!(
            out,
            "# GENERATED from shapes/bioschemas/profiles.json (scripts/import-bioschemas-profiles.py) by\n\
             # crates/fair-rules/src/profiles/bioschemas.rs: do not edit; regenerate with\n\
             # FAIRLINT_UPDATE_SHAPES=1 cargo test -p fair-rules --lib generated_shapes_are_up_to_date\n\
             #\n\
             # Profile:       {profile_iri} ({})\n\
             # Version:       {version}\n\
             # Written from:  {upstream} of {source}\n\
             #                (commit {commit}), its embedded JSON Schema (sha256 {sha256})\n\
             # Licence:       the specification is {licence}; these shapes adapt it and are shared\n\
             #                under the same licence.\n\
             #\n\
             # Marginality: minimum -> sh:Violation, recommended -> sh:Warning, optional -> sh:Info (optional\n\
             # properties are only checked for their value type, never for being absent). Cardinality ONE ->\n\
             # sh:maxCount 1. Codes are shared by every Bioschemas profile (crates/fair-rules/src/shapes.rs);\n\
             # data is normalised to http://schema.org/ before validation.",
            d.status
        );
        if !d.listed_without_definition.is_empty() {
            let _ = writeln!(
                out,
                "# Listed by the schema without a definition (not checked): {}.",
                d.listed_without_definition.join(", ")
            );
        }
        out.push('\n');
        out.push_str(&turtle(&d));
        files.push((shapes_file(&d), out));
    }
    Some(files)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use super::*;

    /// The committed `shapes/bioschemas/<Family>-<version>.ttl` files are this module's output
    /// for the committed extract, byte for byte (`FAIRLINT_UPDATE_SHAPES=1` rewrites them); the
    /// embedded extract holds the same definitions; every file's shapes are what runs.
    #[test]
    fn generated_shapes_are_up_to_date() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shapes");
        let json = std::fs::read_to_string(root.join("bioschemas/profiles.json")).unwrap();
        assert_eq!(parse_definitions(&json).unwrap(), definitions());
        assert_eq!(definitions().len(), 22);
        let files = file_texts(&json).expect("the extract has every input's provenance");
        assert_eq!(files.len(), 22);
        let update = std::env::var_os("FAIRLINT_UPDATE_SHAPES").is_some();
        let mut stale = Vec::new();
        for ((path, text), d) in files.iter().zip(definitions()) {
            assert!(text.ends_with(&turtle(d)), "{path}");
            let path = root.join(path);
            if update {
                std::fs::write(&path, text).unwrap();
            }
            if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
                stale.push(path.display().to_string());
            }
        }
        assert!(
            stale.is_empty(),
            "stale generated shapes (run `FAIRLINT_UPDATE_SHAPES=1 cargo test -p fair-rules --lib generated_shapes_are_up_to_date`): {stale:?}"
        );
        // No other Turtle file in shapes/bioschemas (such as a removed profile's).
        for entry in std::fs::read_dir(root.join("bioschemas")).unwrap() {
            let name = entry.unwrap().file_name().to_string_lossy().into_owned();
            if name.ends_with(".ttl") {
                assert!(
                    files
                        .iter()
                        .any(|(p, _)| *p == format!("bioschemas/{name}")),
                    "{name} is not generated"
                );
            }
        }
    }

    #[test]
    fn every_bundled_bioschemas_profile_has_a_definition_with_its_targets() {
        let mut n = 0;
        for p in crate::profiles::PROFILES.iter().filter(|p| p.generated) {
            let d = definition(p.family, p.version).expect(p.id);
            assert_eq!(p.shapes_file, shapes_file(d), "{}", p.id);
            let mut a: Vec<&str> = p.target_types.to_vec();
            let mut b: Vec<&str> = d.targets.iter().map(String::as_str).collect();
            a.sort_unstable();
            b.sort_unstable();
            assert_eq!(a, b, "{}", p.id);
            assert_eq!(p.default_for_type, d.status == "release", "{}", p.id);
            n += 1;
        }
        assert_eq!(n, definitions().len());
    }

    #[test]
    fn value_kinds_become_constraints() {
        let k =
            |v: &[&str]| value_shape(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>()).unwrap();
        let (alts, desc, code) = k(&["text"]);
        assert_eq!(
            (alts.len(), desc.as_str(), code),
            (2, "text (a string)", ("I202", "I1"))
        );
        let (_, desc, code) = k(&["vocab:http://edamontology.org/operation_0004", "url"]);
        assert!(desc.starts_with("an EDAM operation"), "{desc}");
        assert_eq!(code, ("I207", "I2"));
        let (alts, _, code) = k(&["enum:live|dead"]);
        assert_eq!(alts, vec!["[ sh:in ( \"live\" \"dead\" ) ]".to_owned()]);
        assert_eq!(code, ("I212", "I2"));
        let (alts, desc, code) = k(&["class:bioschemas:Taxon", "url"]);
        assert_eq!(code, ("I205", "I1"));
        assert_eq!(desc, "a URL or a Taxon node, or an IRI reference");
        assert!(alts.contains(&"[ sh:class bs:Taxon ]".to_owned()));
        assert!(alts.contains(&"[ sh:class schema:Taxon ]".to_owned()));
        assert!(value_shape(&[]).is_none());
    }
}
