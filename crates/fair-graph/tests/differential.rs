//! Every method of `fair_graph::Graph` against `oxrdf::Graph` holding the same triples:
//! duplicates, blank nodes, literals (plain, language-tagged, typed), inserts after reads,
//! removals. Results are compared as sorted lists (the two graphs iterate in different orders).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use fair_graph::Graph;
use oxrdf::{
    BlankNode, Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, NamedOrBlankNodeRef, Term,
    TermRef, Triple, TripleRef,
};

fn iri(s: &str) -> NamedNode {
    NamedNode::new(format!("https://example.org/{s}")).unwrap()
}

/// Subjects, predicates and objects with every kind of term, then triples over them with
/// repeats (deterministic, no randomness).
fn triples() -> Vec<Triple> {
    let subjects: Vec<NamedOrBlankNode> = vec![
        iri("a").into(),
        iri("b").into(),
        BlankNode::new("b0").unwrap().into(),
        BlankNode::new("b1").unwrap().into(),
        iri("p").into(), // also a predicate
    ];
    let predicates = [iri("p"), iri("q"), iri("r")];
    let objects: Vec<Term> = vec![
        iri("a").into(),
        iri("c").into(),
        BlankNode::new("b0").unwrap().into(),
        BlankNode::new("b2").unwrap().into(),
        Literal::new_simple_literal("x").into(),
        Literal::new_language_tagged_literal("x", "en")
            .unwrap()
            .into(),
        Literal::new_language_tagged_literal("x", "de")
            .unwrap()
            .into(),
        Literal::new_typed_literal(
            "1",
            NamedNode::new("http://www.w3.org/2001/XMLSchema#integer").unwrap(),
        )
        .into(),
        Literal::new_typed_literal("x", iri("dt")).into(),
        iri("p").into(),
    ];
    let mut out = Vec::new();
    let mut k = 7usize;
    for round in 0..3 {
        for (i, s) in subjects.iter().enumerate() {
            for (j, p) in predicates.iter().enumerate() {
                for (l, o) in objects.iter().enumerate() {
                    k = (k * 31 + i * 7 + j * 3 + l + round) % 101;
                    if !k.is_multiple_of(3) {
                        out.push(Triple::new(s.clone(), p.clone(), o.clone()));
                    }
                }
            }
        }
    }
    out
}

fn sorted<T: ToString>(items: impl Iterator<Item = T>) -> Vec<String> {
    let mut v: Vec<String> = items.map(|t| t.to_string()).collect();
    v.sort();
    v
}

/// Terms to query with: every term of the triples and some that are in no triple.
fn probes(triples: &[Triple]) -> (Vec<NamedOrBlankNode>, Vec<NamedNode>, Vec<Term>) {
    let mut s: Vec<NamedOrBlankNode> = triples.iter().map(|t| t.subject.clone()).collect();
    s.push(iri("none").into());
    s.push(BlankNode::new("b99").unwrap().into());
    let mut p: Vec<NamedNode> = triples.iter().map(|t| t.predicate.clone()).collect();
    p.push(iri("none"));
    p.push(iri("a"));
    let mut o: Vec<Term> = triples.iter().map(|t| t.object.clone()).collect();
    o.push(Literal::new_simple_literal("none").into());
    o.push(
        Literal::new_language_tagged_literal("x", "fr")
            .unwrap()
            .into(),
    );
    o.push(BlankNode::new("b1").unwrap().into());
    o.sort_by_key(ToString::to_string);
    o.dedup();
    s.sort_by_key(ToString::to_string);
    s.dedup();
    p.sort();
    p.dedup();
    (s, p, o)
}

/// Every read method agrees.
fn assert_same(ours: &Graph, theirs: &oxrdf::Graph) {
    assert_eq!(ours.len(), theirs.len());
    assert_eq!(ours.is_empty(), theirs.is_empty());
    assert_eq!(sorted(ours.iter()), sorted(theirs.iter()));
    assert_eq!(sorted(ours.into_iter()), sorted(theirs.into_iter()));
    assert_eq!(ours.iter().count(), ours.len());
    let all: Vec<Triple> = theirs.iter().map(TripleRef::into_owned).collect();
    let (subjects, predicates, objects) = probes(&all);
    for s in &subjects {
        let s = s.as_ref();
        assert_eq!(
            sorted(ours.triples_for_subject(s)),
            sorted(theirs.triples_for_subject(s)),
            "triples_for_subject {s}"
        );
        for p in &predicates {
            let p = p.as_ref();
            let mine = sorted(ours.objects_for_subject_predicate(s, p));
            assert_eq!(
                mine,
                sorted(theirs.objects_for_subject_predicate(s, p)),
                "objects_for_subject_predicate {s} {p}"
            );
            // Either graph may give any of the objects; both give one when there is one.
            let one = ours
                .object_for_subject_predicate(s, p)
                .map(|o| o.to_string());
            assert_eq!(
                one.is_some(),
                theirs.object_for_subject_predicate(s, p).is_some()
            );
            assert!(one.is_none_or(|o| mine.contains(&o)));
            for o in &objects {
                let o = o.as_ref();
                let t = TripleRef::new(s, p, o);
                assert_eq!(ours.contains(t), theirs.contains(t), "contains {t}");
            }
        }
        for o in &objects {
            let o = o.as_ref();
            assert_eq!(
                sorted(ours.predicates_for_subject_object(s, o)),
                sorted(theirs.predicates_for_subject_object(s, o)),
                "predicates_for_subject_object {s} {o}"
            );
        }
    }
    for p in &predicates {
        let p = p.as_ref();
        assert_eq!(
            sorted(ours.triples_for_predicate(p)),
            sorted(theirs.triples_for_predicate(p)),
            "triples_for_predicate {p}"
        );
        for o in &objects {
            let o = o.as_ref();
            let mine = sorted(ours.subjects_for_predicate_object(p, o));
            assert_eq!(
                mine,
                sorted(theirs.subjects_for_predicate_object(p, o)),
                "subjects_for_predicate_object {p} {o}"
            );
            let one = ours
                .subject_for_predicate_object(p, o)
                .map(|s| s.to_string());
            assert_eq!(
                one.is_some(),
                theirs.subject_for_predicate_object(p, o).is_some()
            );
            assert!(one.is_none_or(|s| mine.contains(&s)));
        }
    }
    for o in &objects {
        let o = o.as_ref();
        assert_eq!(
            sorted(ours.triples_for_object(o)),
            sorted(theirs.triples_for_object(o)),
            "triples_for_object {o}"
        );
    }
}

#[test]
fn inserts_agree_with_oxrdf_including_duplicates() {
    let triples = triples();
    let mut ours = Graph::new();
    let mut theirs = oxrdf::Graph::new();
    assert_same(&ours, &theirs);
    for (i, t) in triples.iter().enumerate() {
        assert_eq!(ours.insert(t), theirs.insert(t), "insert #{i} {t}");
        assert_eq!(ours.len(), theirs.len());
        // Read now and then while triples are pending, so the lazy indexes get rebuilt.
        if i % 97 == 0 {
            assert_same(&ours, &theirs);
        }
    }
    assert!(triples.len() > theirs.len(), "the test data has duplicates");
    assert_same(&ours, &theirs);
    ours.freeze();
    assert_same(&ours, &theirs);
    // Inserting after the graph was frozen and read.
    for t in triples.iter().rev().take(50) {
        assert_eq!(ours.insert(t), theirs.insert(t));
    }
    let extra = Triple::new(iri("new"), iri("p"), Literal::new_simple_literal("n"));
    assert_eq!(ours.insert(&extra), theirs.insert(&extra));
    assert!(ours.contains(&extra));
    assert_same(&ours, &theirs);
    assert_eq!(ours.insert_owned(extra.clone()), theirs.insert(&extra));
    assert_same(&ours, &theirs);
}

#[test]
fn removals_agree_with_oxrdf() {
    let triples = triples();
    let mut ours: Graph = triples.iter().collect();
    let mut theirs: oxrdf::Graph = triples.iter().collect();
    assert_same(&ours, &theirs);
    // Remove from the frozen part, then from the pending part, then what is not there.
    for t in triples.iter().step_by(5) {
        assert_eq!(ours.remove(t), theirs.remove(t), "remove {t}");
    }
    assert_same(&ours, &theirs);
    let extra = Triple::new(BlankNode::new("bx").unwrap(), iri("q"), iri("a"));
    assert_eq!(ours.insert(&extra), theirs.insert(&extra));
    assert_eq!(ours.remove(&extra), theirs.remove(&extra));
    assert_eq!(ours.remove(&extra), theirs.remove(&extra));
    assert_same(&ours, &theirs);
    ours.clear();
    theirs.clear();
    assert_same(&ours, &theirs);
    assert!(ours.is_empty());
}

#[test]
fn collecting_extending_and_converting() {
    let triples = triples();
    let theirs: oxrdf::Graph = triples.iter().collect();
    let owned: Graph = triples.iter().cloned().collect();
    let borrowed: Graph = triples.iter().map(Triple::as_ref).collect();
    assert_same(&owned, &theirs);
    assert_same(&borrowed, &theirs);
    assert_eq!(owned, borrowed);
    let mut extended = Graph::new();
    extended.extend(triples.iter().take(40));
    extended.extend(triples.iter().skip(40).cloned());
    assert_same(&extended, &theirs);
    let from: Graph = Graph::from(&theirs);
    assert_same(&from, &theirs);
    assert_eq!(from, owned);
    let back = oxrdf::Graph::from(&from);
    assert_eq!(back, theirs);
    assert_eq!(oxrdf::Graph::from(from.clone()), theirs);
    assert_same(&Graph::from(theirs.clone()), &theirs);
    // Display prints the triples as oxrdf does (one `triple .` a line), in our order.
    let text = owned.to_string();
    let mut lines: Vec<&str> = text.lines().collect();
    let mut expected: Vec<String> = theirs.iter().map(|t| format!("{t} .")).collect();
    lines.sort_unstable();
    expected.sort();
    assert_eq!(lines, expected);
    // Different graphs are not equal; same length does not make them equal.
    let mut other = owned.clone();
    let first = triples.first().unwrap();
    other.remove(first);
    other.insert(Triple::new(iri("z"), iri("z"), iri("z")).as_ref());
    assert_eq!(other.len(), owned.len());
    assert_ne!(other, owned);
}

#[test]
fn iteration_order_is_first_insertion_order_and_deterministic() {
    let triples = triples();
    let a: Graph = triples.iter().collect();
    let b: Graph = triples.iter().collect();
    let la: Vec<String> = a.iter().map(|t| t.to_string()).collect();
    let lb: Vec<String> = b.iter().map(|t| t.to_string()).collect();
    assert_eq!(la, lb);
    // The first subject inserted comes first.
    let first = a.iter().next().unwrap();
    assert_eq!(first.subject, triples[0].subject.as_ref());
    let _: NamedOrBlankNodeRef<'_> = first.subject;
    let _: NamedNodeRef<'_> = first.predicate;
    let _: TermRef<'_> = first.object;
}

#[test]
fn graph_is_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Graph>();
}
