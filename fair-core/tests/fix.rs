//! `Engine::fix`: the exact fixed text for JSON-LD, bio.tools JSON and DataCite JSON written
//! with unusual formatting (tabs, CRLF, non-ASCII, escaped slashes, odd spacing), which must
//! come through byte for byte; fixing twice equals fixing once; unsafe fixes only when asked;
//! formats fixes cannot be placed in are reported, not edited.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use fair_core::{Applicability, Engine, FixOptions, Format, InputOptions};

fn engine() -> Engine {
    Engine::builder().profile("core").build().unwrap()
}

fn fix(text: &str, format: Option<Format>, unsafe_fixes: bool) -> fair_core::FixResult {
    engine()
        .fix(
            text.as_bytes(),
            &InputOptions::new().format(format),
            &FixOptions::new().unsafe_fixes(unsafe_fixes),
        )
        .unwrap()
}

/// Fixes `text`, checks the result is `expected` exactly, and that fixing it again changes
/// nothing.
fn assert_fixed(text: &str, format: Option<Format>, expected: &str) -> fair_core::FixResult {
    let result = fix(text, format, false);
    assert_eq!(result.text, expected, "applied: {:#?}", result.applied);
    let again = fix(&result.text, format, false);
    assert_eq!(again.text, result.text, "fixing twice differs");
    assert!(again.applied.is_empty(), "{:#?}", again.applied);
    result
}

fn codes(result: &fair_core::FixResult) -> Vec<&str> {
    result.applied.iter().map(|f| f.code.as_str()).collect()
}

#[test]
fn jsonld_with_tabs_crlf_escaped_slashes_and_non_ascii() {
    let text = "{\r\n\t\"@context\":\t\"https:\\/\\/schema.org\\/\",\r\n\t\"@type\" : \"Dataset\",\r\n\
                \t\"name\": \"Caf\\u00e9 \\u2013 donn\\u00e9es\",\r\n\t\"license\":\"GPL-3.0\",\r\n\
                \t\"identifier\": \"doi:10.1038\\/sdata.2016.18\",\r\n\
                \t\"about\": {\"@id\": \"http:\\/\\/edamontology.org\\/topic_0091\", \"name\": \"Bioinformatcs\"}\r\n}\r\n";
    let expected = "{\r\n\t\"@context\":\t\"https:\\/\\/schema.org\\/\",\r\n\t\"@type\" : \"Dataset\",\r\n\
                \t\"name\": \"Caf\\u00e9 \\u2013 donn\\u00e9es\",\r\n\
                \t\"license\":\"https:\\/\\/spdx.org\\/licenses\\/GPL-3.0-only\",\r\n\
                \t\"identifier\": \"https:\\/\\/doi.org\\/10.1038\\/sdata.2016.18\",\r\n\
                \t\"about\": {\"@id\": \"http:\\/\\/edamontology.org\\/topic_0091\", \"name\": \"Bioinformatics\"}\r\n}\r\n";
    let result = assert_fixed(text, None, expected);
    let mut applied = codes(&result);
    applied.sort_unstable();
    assert_eq!(applied, ["F011", "I104", "R010", "R013"]);
    assert!(result
        .report
        .findings
        .iter()
        .all(|f| !["F011", "I104", "R010", "R013"].contains(&f.code.as_str())));
}

#[test]
fn jsonld_raw_non_ascii_is_kept_raw() {
    let text = "{\"@context\": \"https://schema.org/\", \"@type\": \"Dataset\", \"name\": \"Über – ü\",\n  \"about\": {\"@id\": \"http://edamontology.org/topic_0091\", \"name\": \"Bïoinformatics\"}}";
    let expected = "{\"@context\": \"https://schema.org/\", \"@type\": \"Dataset\", \"name\": \"Über – ü\",\n  \"about\": {\"@id\": \"http://edamontology.org/topic_0091\", \"name\": \"Bioinformatics\"}}";
    assert_fixed(text, None, expected);
}

#[test]
fn biotools_json_keeps_tabs_and_crlf() {
    let text = "{\r\n\t\"biotoolsID\": \"peakfinder\",\r\n\t\"name\": \"PeakFinder\",\r\n\
                \t\"description\": \"Finds peaks \\u2014 fast.\",\r\n\
                \t\"homepage\": \"https:\\/\\/example.org\\/peakfinder\",\r\n\t\"license\": \"GPL-3.0\",\r\n\
                \t\"topic\": [{\"term\": \"ChIP-seq\", \"uri\": \"http:\\/\\/edamontology.org\\/topic_3169\"}],\r\n\
                \t\"function\": [{\"operation\": [\r\n\t\t{\"term\": \"Polymorphism detection\", \"uri\": \"http:\\/\\/edamontology.org\\/operation_3202\"}\r\n\t]}],\r\n\
                \t\"credit\": [{\"name\": \"John Roe\", \"orcidid\": \"http:\\/\\/orcid.org\\/0000-0002-1825-0097\", \"typeEntity\": \"Person\"}]\r\n}";
    let expected = "{\r\n\t\"biotoolsID\": \"peakfinder\",\r\n\t\"name\": \"PeakFinder\",\r\n\
                \t\"description\": \"Finds peaks \\u2014 fast.\",\r\n\
                \t\"homepage\": \"https:\\/\\/example.org\\/peakfinder\",\r\n\t\"license\": \"GPL-3.0-only\",\r\n\
                \t\"topic\": [{\"term\": \"ChIP-seq\", \"uri\": \"http:\\/\\/edamontology.org\\/topic_3169\"}],\r\n\
                \t\"function\": [{\"operation\": [\r\n\t\t{\"term\": \"Variant calling\", \"uri\": \"http:\\/\\/edamontology.org\\/operation_3227\"}\r\n\t]}],\r\n\
                \t\"credit\": [{\"name\": \"John Roe\", \"orcidid\": \"https:\\/\\/orcid.org\\/0000-0002-1825-0097\", \"typeEntity\": \"Person\"}]\r\n}";
    let result = assert_fixed(text, Some(Format::BioTools), expected);
    let mut applied = codes(&result);
    applied.sort_unstable();
    // The obsolete operation's replacement has its own label: the second round fixes it.
    assert_eq!(applied, ["F011", "I103", "I104", "R010"]);
    assert_eq!(result.report.document.format, Format::BioTools);
}

#[test]
fn datacite_json_with_odd_spacing() {
    let text = "{ \"doi\" : \"10.5072/fairlint-fix\" ,\n\"types\":{\"resourceTypeGeneral\":\"Software\"},\n\
                \"creators\":[{\"name\":\"Doe, Jane\",\"nameType\":\"Personal\"}],\"titles\":[{\"title\":\"Pipeline \u{e9}\"}],\n\
                \"publisher\":{\"name\":\"Zenodo\"},\"publicationYear\":\"2023\",\n\
                \"rightsList\" : [ { \"rights\" : \"GNU GPL v3\" , \"rightsIdentifier\" : \"GPL-3.0\" , \"rightsIdentifierScheme\" : \"SPDX\" } ],\n\
                \"schemaVersion\":\"http:\\/\\/datacite.org\\/schema\\/kernel-4\"}\n";
    let expected = text.replace("\"GPL-3.0\" ,", "\"GPL-3.0-only\" ,");
    let result = assert_fixed(text, Some(Format::DataCite), &expected);
    assert_eq!(codes(&result), ["R010"]);
}

#[test]
fn unsafe_fixes_only_when_asked() {
    let text = "{\n  \"@context\": \"https://schema.org/\",\n  \"@type\": \"Dataset\",\n  \"name\": \"x\",\n  \"creater\": \"Jane Doe\"\n}\n";
    let safe = fix(text, None, false);
    assert_eq!(safe.text, text);
    assert_eq!(safe.skipped.len(), 1);
    assert_eq!(safe.skipped[0].code, "I121");
    assert_eq!(safe.skipped[0].applicability, Applicability::Unsafe);
    assert!(safe.skipped[0].reason.contains("--unsafe-fixes"));
    let fixed = fix(text, None, true);
    assert_eq!(fixed.text, text.replace("\"creater\"", "\"creator\""));
    assert_eq!(codes(&fixed), ["I121"]);
}

#[test]
fn a_key_is_not_renamed_onto_an_existing_one() {
    let text = "{\"@context\": \"https://schema.org/\", \"@type\": \"Dataset\", \"creater\": \"A\", \"creator\": \"B\"}";
    let result = fix(text, None, true);
    assert_eq!(result.text, text);
    assert!(
        result.skipped[0].reason.contains("already has"),
        "{:?}",
        result.skipped
    );
}

#[test]
fn fixes_in_other_formats_are_reported_not_applied() {
    let text = "@prefix schema: <http://schema.org/> .\n<https://example.org/d> a schema:Dataset ;\n  schema:license \"GPL-3.0\" .\n";
    let result = fix(text, Some(Format::Turtle), false);
    assert_eq!(result.text, text);
    assert!(result.applied.is_empty());
    // Turtle findings carry advice only: no edits, so nothing is listed as fixable.
    let r010 = result
        .report
        .findings
        .iter()
        .find(|f| f.code == "R010")
        .unwrap();
    assert_eq!(
        r010.fix.as_ref().unwrap().applicability,
        Applicability::DisplayOnly
    );
}

#[test]
fn one_value_written_twice_is_fixed_in_both_places() {
    let text = "{\"@context\": \"https://schema.org/\", \"@type\": \"Dataset\", \"name\": \"x\", \"identifier\": [\"doi:10.1038/x\", {\"@value\": \"doi:10.1038/x\"}]}";
    let expected = text.replace("\"doi:10.1038/x\"", "\"https://doi.org/10.1038/x\"");
    let result = assert_fixed(text, None, &expected);
    assert_eq!(codes(&result), ["F011"]);
}

#[test]
fn renaming_a_described_node_is_unsafe() {
    // The ORCID is the @id of a person described in @graph and referred to from the tool:
    // rewriting one occurrence would split the node, so the fix waits for --unsafe-fixes.
    let text = "{\"@context\": \"https://schema.org/\", \"@graph\": [\n  {\"@id\": \"https://example.org/t\", \"@type\": \"SoftwareApplication\", \"name\": \"t\", \"author\": {\"@id\": \"http://orcid.org/0000-0002-1825-0097\"}},\n  {\"@id\": \"http://orcid.org/0000-0002-1825-0097\", \"@type\": \"Person\", \"name\": \"J\"}\n]}";
    let result = fix(text, None, false);
    assert_eq!(result.text, text);
    let f011: Vec<_> = result.skipped.iter().filter(|s| s.code == "F011").collect();
    assert!(!f011.is_empty(), "{:?}", result.skipped);
    assert!(f011
        .iter()
        .all(|s| s.applicability == Applicability::Unsafe));
}

#[test]
fn parse_errors_are_errors() {
    let err = engine()
        .fix(b"{\"@context\": ", &InputOptions::new(), &FixOptions::new())
        .unwrap_err();
    assert_eq!(err.code(), "parse_error");
}
