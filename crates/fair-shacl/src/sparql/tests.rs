//! Unit tests of the SHACL-SPARQL compiler (batching and message substitution).

use super::*;

fn batchable(q: &str) -> bool {
    is_batchable(&SparqlParser::new().parse_query(q).unwrap())
}

#[test]
fn batchable_only_when_this_is_bound_at_top_level() {
    assert!(batchable(
        "SELECT $this ?v WHERE { $this <http://ex/p> ?v . FILTER (?v > 1) }"
    ));
    assert!(batchable(
        "SELECT DISTINCT $this WHERE { $this <http://ex/p>/<http://ex/q>* ?v }"
    ));
    // $this not projected, not bound by a pattern, or used in a nested group.
    assert!(!batchable("SELECT ?v WHERE { $this <http://ex/p> ?v }"));
    assert!(!batchable(
        "SELECT $this WHERE { FILTER ($this = <http://ex/a>) }"
    ));
    assert!(!batchable(
        "SELECT $this WHERE { { FILTER (bound($this)) } $this <http://ex/p> 1 . FILTER (bound($this)) }"
    ));
    assert!(!batchable(
        "SELECT $this WHERE { $this <http://ex/p> ?v . OPTIONAL { $this <http://ex/q> ?w } }"
    ));
    assert!(!batchable(
        "SELECT $this WHERE { $this <http://ex/p> ?v . FILTER NOT EXISTS { $this <http://ex/q> ?v } }"
    ));
    assert!(!batchable("ASK { $this <http://ex/p> ?v }"));
}

#[test]
fn messages_substitute_variables() {
    let m = Literal::new_simple_literal("{$this} has {?v} and {?missing}");
    let out = substitute_message(&m, &|name| match name {
        "this" => Some(NamedNode::new_unchecked("http://ex/a").into()),
        "v" => Some(Literal::from(3).into()),
        _ => None,
    });
    assert_eq!(out.value(), "http://ex/a has 3 and {?missing}");
}
