//! RO-Crate 1.2 `must/2_root_identifier_property.py`: a root data entity `identifier` that
//! references a `PropertyValue` gives its `value`.

use super::*;

const IDENTIFIER: &str = "http://schema.org/identifier";
const PROPERTY_VALUE: &str = "http://schema.org/PropertyValue";
const VALUE: &str = "http://schema.org/value";

/// 1.2 MUST: each `PropertyValue` the root's `identifier` references has a `value`.
pub(super) fn check_identifier_values(
    c: &mut Checker<'_, '_>,
    graph: &Graph,
    root: NamedNodeRef<'_>,
) {
    let mut ids = objects(graph, NamedOrBlankNodeRef::NamedNode(root), IDENTIFIER);
    ids.sort_by_cached_key(ToString::to_string);
    for id in ids {
        let node = match id {
            TermRef::NamedNode(n) => NamedOrBlankNodeRef::NamedNode(n),
            TermRef::BlankNode(b) => NamedOrBlankNodeRef::BlankNode(b),
            _ => continue,
        };
        if has_type(graph, node, PROPERTY_VALUE) && objects(graph, node, VALUE).is_empty() {
            c.fail(Failure {
                code: ROCRATE_IDENTIFIER_NO_VALUE,
                severity: Severity::Error,
                principle: Principle::F1,
                name: "RootDataEntityIdentifierPropertyValue",
                focus: node.to_string(),
                predicate: Some(VALUE),
                value: None,
                message: "a PropertyValue the root data entity's identifier references must include a value".to_owned(),
                fix: "Give the PropertyValue entity \"value\": the identifier itself (e.g. \"10.5281/zenodo.1234\")".to_owned(),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::format::tests::{crate_with, of};
    use fair_model::Severity;

    #[test]
    fn property_value_identifiers_need_a_value() {
        let pv = r#", {"@id": "ent-pid", "@type": "PropertyValue", "propertyID": "DOI"}"#;
        let json = crate_with("1.2", r#", "identifier": {"@id": "ent-pid"}"#, pv);
        assert_eq!(
            of(&json, "1.2", "F132"),
            vec![(Severity::Error, Some("/@graph/1/identifier".to_owned()))]
        );
        assert!(of(&json, "1.1", "F132").is_empty());
        let valued = json.replace(
            r#""propertyID": "DOI"}"#,
            r#""propertyID": "DOI", "value": "10.5281/zenodo.1234"}"#,
        );
        assert!(of(&valued, "1.2", "F132").is_empty());
        // A plain string identifier is not a PropertyValue.
        let plain = crate_with(
            "1.2",
            r#", "identifier": "https://doi.org/10.5281/zenodo.1234""#,
            "",
        );
        assert!(of(&plain, "1.2", "F132").is_empty());
    }
}
