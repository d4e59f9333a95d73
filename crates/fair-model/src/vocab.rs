//! IRI constants.

/// The schema.org namespace as fairlint normalises it.
pub const SCHEMA: &str = "http://schema.org/";
/// The `https` spelling of the schema.org namespace, normalised to [`SCHEMA`] on input.
pub const SCHEMA_HTTPS: &str = "https://schema.org/";
/// `rdf:type`.
pub const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
/// `rdf:JSON`, the datatype of JSON literals.
pub const RDF_JSON: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON";
/// `dct:conformsTo`.
pub const DCT_CONFORMS_TO: &str = "http://purl.org/dc/terms/conformsTo";
/// `schema:about`: what an RO-Crate metadata descriptor describes.
pub const SCHEMA_ABOUT: &str = "http://schema.org/about";
/// `schema:conformsTo` (normalised spelling; Bioschemas uses `dct:conformsTo`).
pub const SCHEMA_CONFORMS_TO: &str = "http://schema.org/conformsTo";
/// fairlint's annotation namespace for shapes (`fair:code`, `fair:principle`, `fair:fixHint`).
pub const FAIR: &str = "https://w3id.org/fairlint/ns#";
/// `fair:code`: the finding code a shape's results are reported under.
pub const FAIR_CODE: &str = "https://w3id.org/fairlint/ns#code";
/// `fair:principle`: the FAIR principle a shape bears on (`"F1"`, `"R1.1"`, ...).
pub const FAIR_PRINCIPLE: &str = "https://w3id.org/fairlint/ns#principle";
/// `fair:fixHint`: how to fix a shape's results.
pub const FAIR_FIX_HINT: &str = "https://w3id.org/fairlint/ns#fixHint";
/// Marker predicate fairlint injects while parsing JSON-LD to map nodes to JSON Pointers. It
/// never reaches the data graph.
#[doc(hidden)]
pub const SOURCE_POINTER: &str = "urn:x-fairlint:source-pointer";

#[cfg(test)]
mod tests {
    #[test]
    fn constants_are_iris() {
        for iri in [
            super::SCHEMA,
            super::SCHEMA_HTTPS,
            super::RDF_TYPE,
            super::RDF_JSON,
            super::DCT_CONFORMS_TO,
            super::SCHEMA_CONFORMS_TO,
            super::SOURCE_POINTER,
            super::FAIR_CODE,
            super::FAIR_PRINCIPLE,
            super::FAIR_FIX_HINT,
        ] {
            assert!(oxrdf::NamedNode::new(iri).is_ok(), "{iri}");
        }
    }
}
