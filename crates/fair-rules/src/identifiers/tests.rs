//! Unit tests of the identifier checks (F010-F014): valid and invalid identifiers per scheme.

use super::*;
use crate::refdata;

fn is_valid(v: &str) -> bool {
    matches!(check_value(v), Some(Check::Valid { .. }))
}
fn is_invalid(v: &str) -> bool {
    matches!(
        check_value(v),
        Some(Check::Invalid { .. } | Check::PatternMismatch { .. } | Check::UnknownPrefix { .. })
    )
}
fn preferred(v: &str) -> Option<String> {
    match check_value(v) {
        Some(Check::Valid { preferred, .. }) => preferred,
        other => panic!("{v}: {other:?}"),
    }
}

#[test]
fn doi() {
    // Real DOIs: the FAIR principles paper, a Zenodo record, a DataCite sample.
    for v in [
        "https://doi.org/10.1038/sdata.2016.18",
        "10.5281/zenodo.1234567",
        "doi:10.5061/dryad.8515",
        "http://dx.doi.org/10.1093/nar/gkaa1100",
    ] {
        assert!(is_valid(v), "{v}");
    }
    assert_eq!(
        preferred("doi:10.1038/sdata.2016.18").as_deref(),
        Some("https://doi.org/10.1038/sdata.2016.18")
    );
    assert_eq!(preferred("https://doi.org/10.1038/sdata.2016.18"), None);
    for v in [
        "https://doi.org/11.1038/sdata.2016.18",
        "doi:10.1038",
        "https://doi.org/10.10x8/sdata.2016.18",
        "https://doi.org/10.1038/",
    ] {
        assert!(is_invalid(v), "{v}");
    }
}

#[test]
fn orcid() {
    // Josiah Carberry (ORCID's test record) and Carole Goble's ORCID.
    for v in [
        "https://orcid.org/0000-0002-1825-0097",
        "https://orcid.org/0000-0003-1219-2137",
        "0000-0002-1694-233X",
        "orcid:0000-0002-1825-0097",
    ] {
        assert!(is_valid(v), "{v}");
    }
    assert_eq!(
        preferred("0000-0002-1825-0097").as_deref(),
        Some("https://orcid.org/0000-0002-1825-0097")
    );
    // One digit changed, wrong check character, wrong shape.
    for v in [
        "https://orcid.org/0000-0002-1825-0098",
        "https://orcid.org/0000-0002-1826-0097",
        "0000-0002-1694-2330",
        "https://orcid.org/0000-0002-1825-009",
    ] {
        assert!(is_invalid(v), "{v}");
    }
}

#[test]
fn isni() {
    // British Library's ISNI example and Ludwig van Beethoven's.
    for v in [
        "https://isni.org/isni/000000012146438X",
        "ISNI 0000 0001 2146 438X",
        "https://isni.org/isni/0000000121268987",
    ] {
        assert!(is_valid(v), "{v}");
    }
    for v in [
        "https://isni.org/isni/0000000121464380",
        "ISNI 0000 0001 2146 4381",
        "https://isni.org/isni/000000012146438",
    ] {
        assert!(is_invalid(v), "{v}");
    }
}

#[test]
fn ror() {
    // DataCite, California Digital Library, Stanford University.
    for v in [
        "https://ror.org/04wxnsj81",
        "https://ror.org/03yrm5c26",
        "https://ror.org/00f54p054",
    ] {
        assert!(is_valid(v), "{v}");
    }
    for v in [
        "https://ror.org/04wxnsj82",
        "https://ror.org/03yrm6c26",
        "https://ror.org/4wxnsj81",
        "https://ror.org/04wxnsl81",
    ] {
        assert!(is_invalid(v), "{v}");
    }
}

#[test]
fn handle_ark_urn_uuid() {
    for v in [
        "https://hdl.handle.net/20.500.12613/123",
        "hdl:2027/mdp.39015058510069",
        "ark:/13030/tf5p30086k",
        "https://n2t.net/ark:/13030/tf5p30086k",
        "https://gallica.bnf.fr/ark:/12148/btv1b8449691v",
        "urn:nbn:de:101:1-201102033592",
        "urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6",
        "f81d4fae-7dec-11d0-a765-00a0c91e6bf6",
    ] {
        assert!(is_valid(v), "{v}");
    }
    assert_eq!(
        preferred("ark:/13030/tf5p30086k").as_deref(),
        Some("https://n2t.net/ark:/13030/tf5p30086k")
    );
    for v in [
        "https://hdl.handle.net/20.500.12613",
        "hdl:2027x/mdp.39015058510069",
        "ark:/1303/tf5p30086k",
        "ark:/13030/",
        "urn:x:1",
        "urn:nbn:",
        "urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bfg",
        "f81d4fae-7dec-11d0-a765-00a0c91e6bfz",
    ] {
        assert!(is_invalid(v), "{v}");
    }
}

#[test]
fn rrid_biotools_purl_w3id() {
    for v in [
        "RRID:SCR_003070",
        "RRID:AB_2298772",
        "RRID:CVCL_0030",
        "https://scicrunch.org/resolver/RRID:SCR_003070",
        "https://bio.tools/signalp",
        "biotools:blast",
        "https://bio.tools/tool/signalp",
        "http://purl.obolibrary.org/obo/GO_0008150",
        "https://w3id.org/ro/crate/1.1",
    ] {
        assert!(
            is_valid(v) || check_iri(v).is_none() && !is_invalid(v),
            "{v}"
        );
    }
    assert_eq!(
        preferred("https://bio.tools/tool/signalp").as_deref(),
        Some("https://bio.tools/signalp")
    );
    for v in [
        "RRID:SCR_03070",
        "RRID:AB_22x98772",
        "RRID:",
        "https://bio.tools/sig%20nalp",
        "https://w3id.org/",
        "https://purl.org/",
    ] {
        assert!(is_invalid(v), "{v}");
    }
}

#[test]
fn curies_and_registry_uris() {
    for v in [
        "pubmed:25995231",
        "PMID:25995231",
        "GO:0008150",
        "pmc:PMC4752904",
        "uniprot:P0DP23",
        "https://identifiers.org/taxonomy:9606",
        "https://identifiers.org/GO:0008150",
        "https://bioregistry.io/pubmed:25995231",
    ] {
        assert!(is_valid(v), "{v}");
    }
    for v in [
        "pubmed:2599523x",
        "GO:008150",
        "uniprot:P0DP2",
        "https://identifiers.org/pubmed:2599x5231",
        "notaprefix123:42",
    ] {
        assert!(is_invalid(v), "{v}");
    }
    assert!(matches!(
        check_value("https://identifiers.org/taxonomy/9606"),
        Some(Check::Valid {
            preferred: Some(_),
            ..
        })
    ));
}

#[test]
fn deprecated_prefix() {
    let data = refdata::get();
    let deprecated = ["alfred", "bind", "bams"]
        .into_iter()
        .find(|p| data.prefix(p).is_some_and(|p| p.deprecated))
        .unwrap();
    assert!(matches!(
        check_value(&format!("{deprecated}:12345")),
        Some(Check::DeprecatedPrefix { .. })
    ));
}

#[test]
fn not_identifiers() {
    for v in [
        "hello world",
        "Bioinformatics",
        "https://example.org/x",
        "12345",
    ] {
        assert!(!is_invalid(v), "{v}");
    }
}
