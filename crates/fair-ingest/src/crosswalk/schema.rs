//! The bundled JSON Schemas (compiled once per process) and the conversion of their errors into
//! findings.

use super::{short_value, Locator, SchemaViolation};
use fair_model::Resource;
use jsonschema::error::ValidationErrorKind;
use jsonschema::{ValidationError, Validator};
use serde_json::Value;
use std::sync::OnceLock;

/// biotoolsSchema 3.3.0 as a JSON Schema for one tool object, written for fairlint.
const BIOTOOLS_SCHEMA: &str = include_str!("../../data/schemas/biotools-3.3.0.schema.json");
/// DataCite 4.5 JSON Schema, from the PyPI `datacite` 1.4.1 wheel (see PROVENANCE.md).
const DATACITE_SCHEMA: &str = include_str!("../../data/schemas/datacite-v4.5.json");

/// Name and version of the bio.tools schema, for reports.
pub(crate) const BIOTOOLS_NAME: &str = "biotoolsSchema 3.3.0 (JSON Schema written for fairlint)";
/// The IRI a crosswalked bio.tools record gives as its `dct:conformsTo`: biotoolsSchema's
/// home. A bio.tools record is in biotoolsSchema by definition (the bio.tools API serves
/// nothing else) but has no field that says so; R301 reports where it breaks the schema.
pub(crate) const BIOTOOLS_SCHEMA_IRI: &str = "https://github.com/bio-tools/biotoolsSchema";
/// Name and version of the DataCite schema, for reports.
pub(crate) const DATACITE_NAME: &str =
    "DataCite Metadata Schema 4.5 JSON Schema (+ 4.6/4.7 controlled values)";

/// Controlled-list values DataCite added in schema 4.6 and 4.7 (kernel-4 namespace unchanged),
/// from the DataCite Metadata Schema 4.6 / 4.7 documentation. The 4.5 JSON Schema is extended
/// with them so current records are not reported for using them.
const DATACITE_ADDITIONS: &[(&str, &[&str])] = &[
    (
        "resourceTypeGeneral",
        &[
            "Award",
            "Instrument",
            "Poster",
            "Presentation",
            "Project",
            "StudyRegistration",
        ],
    ),
    (
        "relationType",
        &[
            "Collects",
            "IsCollectedBy",
            "HasTranslation",
            "IsTranslationOf",
            "Other",
        ],
    ),
    ("relatedIdentifierType", &["CSTR", "RAiD", "RRID", "SWHID"]),
    ("dateType", &["Coverage"]),
    ("contributorType", &["Translator"]),
];

/// bio.tools' licence values that are not SPDX ids.
const BIOTOOLS_NON_SPDX_LICENCES: &[&str] = &["Proprietary", "Other", "Not licensed", "Freeware"];

fn biotools_licence(value: &str) -> bool {
    BIOTOOLS_NON_SPDX_LICENCES.contains(&value)
        || fair_refdata::get()
            .spdx(value)
            .is_some_and(|(id, _)| id == value)
}

/// DataCite's date formats (the `date` definition of its JSON Schema names them; the Python
/// package registers them with its validator): a year, year-month, date or date-time, or a
/// range `start/end` of one of them (either end may be open).
fn datacite_date(value: &str, kind: &str) -> bool {
    static PATTERNS: OnceLock<Option<[regex::Regex; 4]>> = OnceLock::new();
    let Some([year, yearmonth, date, datetime]) = PATTERNS
        .get_or_init(|| {
            Some([
                regex::Regex::new(r"^-?[0-9]{4}$").ok()?,
                regex::Regex::new(r"^-?[0-9]{4}-(0[1-9]|1[0-2])$").ok()?,
                regex::Regex::new(r"^-?[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$").ok()?,
                regex::Regex::new(
                    r"^-?[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])[T ]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\.[0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?$",
                )
                .ok()?,
            ])
        })
        .as_ref()
    else {
        return true;
    };
    let (base, range) = match kind.strip_suffix("-range") {
        Some(base) => (base, true),
        None => (kind, false),
    };
    let one = |v: &str| match base {
        "year" => year.is_match(v),
        "yearmonth" => yearmonth.is_match(v),
        "date" => date.is_match(v),
        "datetime" => datetime.is_match(v),
        _ => false,
    };
    if !range {
        return one(value);
    }
    match value.split_once('/') {
        Some((start, end)) => {
            (!start.is_empty() || !end.is_empty())
                && (start.is_empty() || one(start))
                && (end.is_empty() || one(end))
        }
        None => false,
    }
}

fn compile(schema: &str, datacite: bool) -> Option<Validator> {
    let mut schema: Value = serde_json::from_str(schema).ok()?;
    if datacite {
        if let Some(defs) = schema.get_mut("definitions") {
            for (name, added) in DATACITE_ADDITIONS {
                if let Some(Value::Array(values)) =
                    defs.get_mut(*name).and_then(|d| d.get_mut("enum"))
                {
                    for v in *added {
                        if !values.iter().any(|x| x == v) {
                            values.push(Value::from(*v));
                        }
                    }
                }
            }
        }
    }
    let mut options = jsonschema::options()
        .should_validate_formats(true)
        .with_format("biotools-license", biotools_licence);
    for kind in [
        "year",
        "yearmonth",
        "date",
        "datetime",
        "year-range",
        "yearmonth-range",
        "date-range",
        "datetime-range",
    ] {
        options = options.with_format(kind, move |v: &str| datacite_date(v, kind));
    }
    let options = if datacite {
        options.with_draft(jsonschema::Draft::Draft201909)
    } else {
        options.with_draft(jsonschema::Draft::Draft7)
    };
    options.build(&schema).ok()
}

/// The compiled bio.tools schema (`None` only if the bundled file were broken, which the unit
/// tests rule out).
pub(crate) fn biotools() -> Option<&'static Validator> {
    static V: OnceLock<Option<Validator>> = OnceLock::new();
    V.get_or_init(|| compile(BIOTOOLS_SCHEMA, false)).as_ref()
}

/// The compiled DataCite schema.
pub(crate) fn datacite() -> Option<&'static Validator> {
    static V: OnceLock<Option<Validator>> = OnceLock::new();
    V.get_or_init(|| compile(DATACITE_SCHEMA, true)).as_ref()
}

/// The schemas, for the report's `resources`.
pub fn resources() -> Vec<Resource> {
    vec![
        Resource {
            name: "bio.tools JSON Schema".to_owned(),
            version: BIOTOOLS_NAME.to_owned(),
            source: "fair-core/data/schemas/biotools-3.3.0.schema.json, written from the biotoolsSchema 3.3.0 specification (CC BY-SA 4.0)".to_owned(),
        },
        Resource {
            name: "DataCite JSON Schema".to_owned(),
            version: DATACITE_NAME.to_owned(),
            source: "PyPI datacite 1.4.1 (datacite/schemas/datacite-v4.5.json, BSD-3-Clause)".to_owned(),
        },
    ]
}

/// Validates `instance`, returning its violations (located through `locator`), sorted by
/// pointer for determinism.
pub(crate) fn validate(
    validator: &Validator,
    code: fair_model::Code,
    instance: &Value,
    base: &str,
    locator: &Locator,
) -> Vec<SchemaViolation> {
    let mut out: Vec<SchemaViolation> = Vec::new();
    for e in validator.iter_errors(instance) {
        let at = format!("{base}{}", e.instance_path().as_str());
        let value = short_value(e.instance());
        // A missing or unexpected property is reported at the property's own pointer (the
        // location of a missing one is its parent object's).
        match e.kind() {
            ValidationErrorKind::Required { property } => {
                let name = property
                    .as_str()
                    .map_or_else(|| property.to_string(), str::to_owned);
                out.push(SchemaViolation {
                    code,
                    location: locator.locate(&at),
                    pointer: format!("{at}/{}", super::token(&name)),
                    keyword: "required".to_owned(),
                    detail: format!("required property \"{name}\" is missing"),
                    value: None,
                    focus: None,
                });
            }
            ValidationErrorKind::AdditionalProperties { unexpected }
            | ValidationErrorKind::UnevaluatedProperties { unexpected } => {
                for name in unexpected {
                    let pointer = format!("{at}/{}", super::token(name));
                    out.push(SchemaViolation {
                        code,
                        location: locator.locate(&pointer),
                        pointer,
                        keyword: e.kind().keyword().to_owned(),
                        detail: format!("property \"{name}\" is not allowed here"),
                        value: None,
                        focus: None,
                    });
                }
            }
            _ => {
                let (keyword, detail) = describe(&e);
                out.push(SchemaViolation {
                    code,
                    location: locator.locate(&at),
                    pointer: at,
                    keyword,
                    detail,
                    value,
                    focus: None,
                });
            }
        }
    }
    out.sort_by(|a, b| {
        (&a.pointer, &a.keyword, &a.detail).cmp(&(&b.pointer, &b.keyword, &b.detail))
    });
    out.dedup_by(|a, b| a.pointer == b.pointer && a.keyword == b.keyword && a.detail == b.detail);
    // `unevaluatedProperties` fails as a consequence when another property of the object fails
    // (its `allOf` branch did not validate, so nothing counts as evaluated): report the cause.
    let causes: Vec<String> = out
        .iter()
        .filter(|v| v.keyword != "unevaluatedProperties")
        .map(|v| v.pointer.clone())
        .collect();
    out.retain(|v| {
        let parent = v.pointer.rsplit_once('/').map_or("", |(p, _)| p);
        v.keyword != "unevaluatedProperties"
            || !causes
                .iter()
                .any(|c| c == parent || c.starts_with(&format!("{parent}/")))
    });
    // One finding per pointer (findings are keyed by focus, path, code and value): several
    // rules broken by one value are joined.
    let mut merged: Vec<SchemaViolation> = Vec::with_capacity(out.len());
    for v in out {
        match merged.last_mut() {
            Some(last) if last.pointer == v.pointer => {
                last.keyword = format!("{}, {}", last.keyword, v.keyword);
                last.detail = format!("{}; {}", last.detail, v.detail);
            }
            _ => merged.push(v),
        }
    }
    merged
}

/// The failed keyword and a short description (never the whole enum or schema).
fn describe(e: &ValidationError<'_>) -> (String, String) {
    match e.kind() {
        ValidationErrorKind::Required { property } => (
            "required".to_owned(),
            format!("required property {property} is missing"),
        ),
        ValidationErrorKind::Enum { options } => {
            let list = options.as_array().map(|o| {
                o.iter()
                    .filter(|v| !v.is_null())
                    .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned))
                    .collect::<Vec<_>>()
            });
            let detail = match list {
                Some(l) if l.len() <= 12 => {
                    format!("not one of the allowed values: {}", l.join(", "))
                }
                Some(l) => format!("not one of the {} allowed values", l.len()),
                None => "not an allowed value".to_owned(),
            };
            ("enum".to_owned(), detail)
        }
        ValidationErrorKind::Pattern { pattern } => (
            "pattern".to_owned(),
            format!("does not match the pattern {pattern}"),
        ),
        ValidationErrorKind::Format { format } if format == "biotools-license" => (
            "format".to_owned(),
            "not an SPDX licence id or one of Proprietary, Other, Not licensed, Freeware"
                .to_owned(),
        ),
        ValidationErrorKind::AdditionalProperties { unexpected }
        | ValidationErrorKind::UnevaluatedProperties { unexpected } => (
            e.kind().keyword().to_owned(),
            format!(
                "unexpected propert{} {}",
                if unexpected.len() == 1 { "y" } else { "ies" },
                unexpected.join(", ")
            ),
        ),
        ValidationErrorKind::AnyOf { context } | ValidationErrorKind::OneOfNotValid { context } => {
            // Alternative formats (DataCite dates): name them all.
            let formats: Option<Vec<&str>> = context
                .iter()
                .map(|branch| match branch.first().map(ValidationError::kind) {
                    Some(ValidationErrorKind::Format { format }) => Some(format.as_str()),
                    _ => None,
                })
                .collect();
            if let Some(formats) = formats.filter(|f| f.len() > 1) {
                return (
                    "format".to_owned(),
                    format!("not in any of the formats {}", formats.join(", ")),
                );
            }
            // Alternative required properties (a bio.tools credit needs a name, email or url).
            let required: Option<Vec<String>> = context
                .iter()
                .map(|branch| match branch.first().map(ValidationError::kind) {
                    Some(ValidationErrorKind::Required { property }) => {
                        Some(property.as_str().unwrap_or_default().to_owned())
                    }
                    _ => None,
                })
                .collect();
            if let Some(required) = required.filter(|r| r.len() > 1) {
                return (
                    "required".to_owned(),
                    format!("needs one of the properties {}", required.join(", ")),
                );
            }
            // The alternative the value came closest to: one whose failure is not a type
            // mismatch (e.g. a string that fails its pattern, rather than "not null").
            let closest = context.iter().find_map(|branch| {
                let first = branch.first()?;
                (!matches!(first.kind(), ValidationErrorKind::Type { .. })).then_some(first)
            });
            match closest {
                Some(inner) => describe(inner),
                None => (
                    e.kind().keyword().to_owned(),
                    "matches none of the allowed forms".to_owned(),
                ),
            }
        }
        _ => {
            let text = e.to_string();
            let text: String = if text.chars().count() > 200 {
                text.chars().take(200).chain("…".chars()).collect()
            } else {
                text
            };
            (e.kind().keyword().to_owned(), text)
        }
    }
}

/// How to fix a violation of `keyword`.
pub(crate) fn hint(keyword: &str) -> &'static str {
    match keyword {
        "required" => "add the missing property",
        "enum" | "const" => "use one of the values the schema allows",
        "pattern" => "write the value in the form the schema's pattern requires",
        "format" => "use a value of the required format",
        "type" => "use the JSON type the schema expects",
        "additionalProperties" | "unevaluatedProperties" => {
            "remove the property or correct its name"
        }
        "minLength" | "minItems" => "give a longer value or more items",
        "maxLength" | "maxItems" => "shorten the value or give fewer items",
        "uniqueItems" => "remove the duplicate items",
        _ => "correct the value as the schema requires",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_schemas_compile() {
        assert!(biotools().is_some());
        assert!(datacite().is_some());
    }

    #[test]
    fn datacite_dates() {
        assert!(datacite_date("2014", "year"));
        assert!(datacite_date("-0500", "year"));
        assert!(!datacite_date("14", "year"));
        assert!(datacite_date("2019-08", "yearmonth"));
        assert!(datacite_date("2019-08-02", "date"));
        assert!(!datacite_date("2019-13-02", "date"));
        assert!(datacite_date("2019-08-02T12:30:00Z", "datetime"));
        assert!(datacite_date("2004-03-02/2005-06-02", "date-range"));
        assert!(datacite_date("2004/", "year-range"));
        assert!(!datacite_date("/", "year-range"));
        assert!(!datacite_date("2004-03-02", "date-range"));
    }

    #[test]
    fn licence_format() {
        assert!(biotools_licence("MIT"));
        assert!(biotools_licence("GPL-3.0"));
        assert!(biotools_licence("Proprietary"));
        assert!(!biotools_licence("mit"));
        assert!(!biotools_licence("GNU GPL"));
    }
}
