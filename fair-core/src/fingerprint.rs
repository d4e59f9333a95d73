//! The graph fingerprint of a record: the SHA-256 of its RDFC-1.0 canonical N-Quads
//! (`sophia_c14n`), so the same metadata written in JSON-LD, Turtle or RDF/XML has the same
//! fingerprint and a change of one triple gives another. Bounded: a graph over
//! `max_fingerprint_triples`, or whose blank nodes RDFC-1.0 cannot tell apart within its
//! safeguards, has none, with a typed reason. See `docs/architecture.md`, "Graph fingerprint
//! and sophia".

use crate::limits::Limits;
use fair_graph::Graph;
use fair_model::{FingerprintError, FingerprintFailure};
use oxrdf::{TermRef, TripleRef};
use sophia_api::dataset::{DResult, Dataset, SetDataset};
use sophia_api::term::{BnodeId, IriRef, LanguageTag, SimpleTerm, Term, TermKind};
use sophia_c14n::hash::{HashFunction, Sha256};
use sophia_c14n::C14nError;
use std::convert::Infallible;

/// RDFC-1.0's recursion bound in [`fingerprint`]: at most `DEPTH_FACTOR` × (number of blank nodes) nested
/// N-degree hashes (sophia_c14n's default).
pub const DEPTH_FACTOR: f32 = sophia_c14n::rdfc10::DEFAULT_DEPTH_FACTOR;

/// RDFC-1.0's permutation bound in [`fingerprint`]: at most this many blank nodes of one indistinguishable group
/// are permuted (6! = 720 orders; sophia_c14n's default).
pub const PERMUTATION_LIMIT: usize = sophia_c14n::rdfc10::DEFAULT_PERMUTATION_LIMIT;

/// The fingerprint of a parsed document's graph (`sha256:` and 64 hex digits), or why there
/// is none: what [`crate::Engine::validate`] puts in `report.document.fingerprint`.
pub fn fingerprint(doc: &crate::Document, limits: &Limits) -> Result<String, FingerprintError> {
    of(doc.graph(), limits)
}

/// The fingerprint of `graph` (`sha256:` and 64 hex digits), or why there is none.
pub(crate) fn of(graph: &Graph, limits: &Limits) -> Result<String, FingerprintError> {
    let max = limits.max_fingerprint_triples;
    if graph.len() > max {
        return Err(FingerprintError::new(
            FingerprintFailure::TooManyTriples,
            format!(
                "the graph has {} triples, more than max_fingerprint_triples ({max})",
                graph.len()
            ),
        ));
    }
    // RDFC-1.0's blank node labels from sophia_c14n; the canonical N-Quads are written here,
    // each line once, and sorted as text: sophia_c14n's `normalize_with` sorts the quads by
    // writing their terms again for every comparison, which cost more than the labelling on
    // records' graphs. The lines are the same, and so is their order (see `canonical_lines`).
    let dataset = OxGraph(graph);
    let (quads, _) =
        sophia_c14n::rdfc10::relabel_with::<Sha256, _>(&dataset, DEPTH_FACTOR, PERMUTATION_LIMIT)
            .map_err(|e| match e {
            C14nError::ToxicGraph(detail) => FingerprintError::new(
                FingerprintFailure::TooComplex,
                format!("RDFC-1.0 gave up on the graph's blank nodes: {detail}"),
            ),
            other => FingerprintError::new(
                FingerprintFailure::Unsupported,
                format!("RDFC-1.0 cannot canonicalise the graph: {other}"),
            ),
        })?;
    let mut hasher = Sha256::initialize();
    let (text, lines) = canonical_lines(quads.iter().map(|(spo, _)| spo));
    for line in lines {
        hasher.update(text.get(line).unwrap_or_default());
    }
    let digest = hasher.finalize();
    let mut hex = String::with_capacity(7 + 2 * digest.len());
    hex.push_str("sha256:");
    for byte in digest {
        hex.push(HEX[usize::from(byte >> 4)]);
        hex.push(HEX[usize::from(byte & 0xf)]);
    }
    Ok(hex)
}

const HEX: [char; 16] = [
    '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f',
];

/// The canonical N-Quads lines of `triples` (default graph, blank nodes already relabelled),
/// written one after the other into one text, and their ranges in it in code point order.
///
/// sophia_c14n sorts quads by comparing their terms' N-Quads one position after the other;
/// comparing whole lines gives the same order: where two lines first differ inside a term,
/// so do the terms, and where one term is a proper prefix of the other (`"a"` and `"a"@en`,
/// `_:c14n1` and `_:c14n10`), the longer one continues with a character above the space that
/// follows the shorter one (`@`, `^`, a digit, `-`; control characters are escaped, and an IRI
/// holds no `>`).
fn canonical_lines<'a, T: Term + 'a>(
    triples: impl Iterator<Item = &'a [T; 3]>,
) -> (String, Vec<std::ops::Range<usize>>) {
    let mut text = String::new();
    let mut lines = Vec::new();
    for spo in triples {
        let start = text.len();
        for t in spo {
            nquads_term(t, &mut text);
            text.push(' ');
        }
        text.push_str(".\n");
        lines.push(start..text.len());
    }
    lines.sort_unstable_by(|a, b| {
        Ord::cmp(
            text.get(a.clone()).unwrap_or_default(),
            text.get(b.clone()).unwrap_or_default(),
        )
    });
    (text, lines)
}

/// A term in canonical N-Quads, exactly as sophia_c14n writes it (`_cnq::nq`, not public):
/// IRIs as they are, literals with `"`, `\\`, `\n`, `\r`, `\t`, `\b`, `\f` escaped as such and
/// other control characters and DEL as `\uXXXX`, language tags in lower case, no datatype for
/// `xsd:string`.
fn nquads_term<T: Term>(t: &T, out: &mut String) {
    use std::fmt::Write as _;
    match t.kind() {
        TermKind::Iri => {
            out.push('<');
            if let Some(iri) = t.iri() {
                out.push_str(iri.as_str());
            }
            out.push('>');
        }
        TermKind::BlankNode => {
            out.push_str("_:");
            if let Some(id) = t.bnode_id() {
                out.push_str(id.as_str());
            }
        }
        TermKind::Literal => {
            out.push('"');
            let lexical = t.lexical_form();
            for c in lexical.as_deref().unwrap_or("").chars() {
                match c {
                    '"' => out.push_str("\\\""),
                    '\\' => out.push_str("\\\\"),
                    '\n' => out.push_str("\\n"),
                    '\r' => out.push_str("\\r"),
                    '\t' => out.push_str("\\t"),
                    '\x08' => out.push_str("\\b"),
                    '\x0c' => out.push_str("\\f"),
                    '\x7f' => out.push_str("\\u007F"),
                    c if c <= '\x1f' => {
                        let _ = write!(out, "\\u{:04X}", c as u8);
                    }
                    c => out.push(c),
                }
            }
            out.push('"');
            if let Some(tag) = t.language_tag() {
                out.push('@');
                out.push_str(&tag.as_str().to_ascii_lowercase());
            } else if let Some(datatype) = t.datatype() {
                if datatype.as_str() != XSD_STRING {
                    out.push_str("^^<");
                    out.push_str(datatype.as_str());
                    out.push('>');
                }
            }
        }
        // Not in an RDF 1.1 graph (RDFC-1.0 refuses them before this).
        TermKind::Triple | TermKind::Variable => {}
    }
}

const XSD_STRING: &str = "http://www.w3.org/2001/XMLSchema#string";

/// The data graph (`fair_graph::Graph`) seen as a sophia dataset (its default graph only),
/// borrowing every string from its term table: no copy of the graph is made.
struct OxGraph<'a>(&'a Graph);

impl Dataset for OxGraph<'_> {
    type Quad<'x>
        = ([SimpleTerm<'x>; 3], Option<SimpleTerm<'x>>)
    where
        Self: 'x;
    type Error = Infallible;

    fn quads(&self) -> impl Iterator<Item = DResult<Self, Self::Quad<'_>>> + '_ {
        self.0.iter().map(|t| Ok((triple(t), None)))
    }
}

// The graph is a set: no triple twice.
impl SetDataset for OxGraph<'_> {}

fn triple(t: TripleRef<'_>) -> [SimpleTerm<'_>; 3] {
    [
        term(t.subject.into()),
        term(t.predicate.into()),
        term(t.object),
    ]
}

/// oxrdf's terms are already valid (parsed or built from valid parts), so sophia's wrappers
/// are made without checking them again.
fn term(t: TermRef<'_>) -> SimpleTerm<'_> {
    match t {
        TermRef::NamedNode(n) => SimpleTerm::Iri(IriRef::new_unchecked(n.as_str().into())),
        TermRef::BlankNode(b) => SimpleTerm::BlankNode(BnodeId::new_unchecked(b.as_str().into())),
        TermRef::Literal(l) => match l.language() {
            Some(lang) => SimpleTerm::LiteralLanguage(
                l.value().into(),
                LanguageTag::new_unchecked(lang.into()),
                None,
            ),
            None => SimpleTerm::LiteralDatatype(
                l.value().into(),
                IriRef::new_unchecked(l.datatype().as_str().into()),
            ),
        },
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use oxrdf::{BlankNode, Literal, NamedNode, Triple};

    fn iri(s: &str) -> NamedNode {
        NamedNode::new(s).unwrap()
    }

    /// One blank node (so its canonical label is `_:c14n0` whatever the hashes), a typed and
    /// a language-tagged literal: the canonical N-Quads are these lines in code point order,
    /// and the fingerprint is their SHA-256.
    #[test]
    fn is_the_sha256_of_the_canonical_n_quads() {
        let mut g = Graph::new();
        let ds = iri("https://example.org/ds/1");
        let b = BlankNode::new("whatever").unwrap();
        g.insert(&Triple::new(
            ds.clone(),
            iri("http://schema.org/creator"),
            b.clone(),
        ));
        g.insert(&Triple::new(
            b,
            iri("http://schema.org/name"),
            Literal::new_language_tagged_literal("Ada \"A\"\n", "en").unwrap(),
        ));
        g.insert(&Triple::new(
            ds,
            iri("http://schema.org/size"),
            Literal::new_typed_literal("12", iri("http://www.w3.org/2001/XMLSchema#integer")),
        ));
        let canonical = "<https://example.org/ds/1> <http://schema.org/creator> _:c14n0 .\n\
                         <https://example.org/ds/1> <http://schema.org/size> \"12\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n\
                         _:c14n0 <http://schema.org/name> \"Ada \\\"A\\\"\\n\"@en .\n";
        let mut h = Sha256::initialize();
        h.update(canonical);
        let expected: String = h.finalize().iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(
            of(&g, &Limits::default()).unwrap(),
            format!("sha256:{expected}")
        );
    }

    #[test]
    fn blank_node_labels_do_not_matter_but_a_literal_does() {
        let build = |label: &str, name: &str| {
            let mut g = Graph::new();
            let b = BlankNode::new(label).unwrap();
            g.insert(&Triple::new(
                iri("https://example.org/ds"),
                iri("http://schema.org/creator"),
                b.clone(),
            ));
            g.insert(&Triple::new(
                b,
                iri("http://schema.org/name"),
                Literal::new_language_tagged_literal(name, "en").unwrap(),
            ));
            g
        };
        let limits = Limits::default();
        let a = of(&build("b0", "Ada"), &limits).unwrap();
        assert_eq!(a, of(&build("x9", "Ada"), &limits).unwrap());
        assert_ne!(a, of(&build("b0", "Ada "), &limits).unwrap());
        assert_eq!(a.len(), 7 + 64);
        assert!(a.starts_with("sha256:"));
    }

    /// The canonical N-Quads written here are sophia_c14n's own, byte for byte and in the
    /// same order: every escape, a language tag in upper case, `xsd:string` and other
    /// datatypes, a literal that is a prefix of another, blank node labels that are prefixes
    /// of others (`_:c14n1`, `_:c14n10`), non-ASCII text.
    #[test]
    fn canonical_lines_are_sophia_c14n_s() {
        let mut g = Graph::new();
        let s = iri("https://example.org/s");
        let p = iri("https://example.org/p");
        let texts = [
            "a",
            "a b",
            "a\"b",
            "a\\b",
            "l1\nl2",
            "\r\t\u{8}\u{c}",
            "\u{1}\u{1f}\u{7f}",
            "é ü ∀ 😀",
            "",
            " ",
            "a\u{0}",
        ];
        for text in texts {
            g.insert(&Triple::new(
                s.clone(),
                p.clone(),
                Literal::new_simple_literal(text),
            ));
            g.insert(&Triple::new(
                s.clone(),
                p.clone(),
                Literal::new_language_tagged_literal(text, "en-GB").unwrap(),
            ));
            g.insert(&Triple::new(
                s.clone(),
                p.clone(),
                Literal::new_typed_literal(text, iri("http://www.w3.org/2001/XMLSchema#token")),
            ));
        }
        g.insert(&Triple::new(
            s.clone(),
            p.clone(),
            iri("https://example.org/s"),
        ));
        g.insert(&Triple::new(
            s.clone(),
            p.clone(),
            iri("https://example.org/s/"),
        ));
        for i in 0..12 {
            let b = BlankNode::new(format!("n{i}")).unwrap();
            g.insert(&Triple::new(
                s.clone(),
                iri("https://example.org/q"),
                b.clone(),
            ));
            g.insert(&Triple::new(b, p.clone(), Literal::from(i)));
        }
        let dataset = OxGraph(&g);
        let mut expected = Vec::new();
        sophia_c14n::rdfc10::normalize_with::<Sha256, _, _>(
            &dataset,
            &mut expected,
            DEPTH_FACTOR,
            PERMUTATION_LIMIT,
        )
        .unwrap();
        let (quads, _) = sophia_c14n::rdfc10::relabel_with::<Sha256, _>(
            &dataset,
            DEPTH_FACTOR,
            PERMUTATION_LIMIT,
        )
        .unwrap();
        let (text, lines) = canonical_lines(quads.iter().map(|(spo, _)| spo));
        let ours: String = lines.into_iter().map(|l| &text[l]).collect();
        assert_eq!(ours, String::from_utf8(expected).unwrap());
        assert!(ours.contains("_:c14n10 "), "{ours}");
        assert!(ours.contains("@en-gb"), "{ours}");
        assert!(ours.contains("\\u007F"), "{ours}");
    }

    #[test]
    fn over_the_triple_limit_is_a_typed_error() {
        let mut g = Graph::new();
        for i in 0..3 {
            g.insert(&Triple::new(
                iri("https://example.org/s"),
                iri("https://example.org/p"),
                Literal::from(i),
            ));
        }
        let mut limits = Limits::default();
        limits.max_fingerprint_triples = 2;
        let err = of(&g, &limits).unwrap_err();
        assert_eq!(err.reason, FingerprintFailure::TooManyTriples);
        assert!(err.message.contains("3 triples"), "{}", err.message);
        limits.max_fingerprint_triples = 3;
        assert!(of(&g, &limits).is_ok());
    }

    /// Two blank nodes, each with PERMUTATION_LIMIT + 2 blank children that nothing tells
    /// apart: telling them apart means trying 8! orders of a parent's children (or 7! of a
    /// child's siblings, when RDFC-1.0 starts from a child), more than its safeguard allows,
    /// so it stops and says so. With PERMUTATION_LIMIT children it gets there.
    #[test]
    fn a_poison_graph_is_too_complex() {
        let build = |children: usize| {
            let mut g = Graph::new();
            let p = iri("https://example.org/p");
            for parent in 0..2 {
                let x = BlankNode::new(format!("x{parent}")).unwrap();
                for child in 0..children {
                    let y = BlankNode::new(format!("y{parent}c{child}")).unwrap();
                    g.insert(&Triple::new(x.clone(), p.clone(), y));
                }
            }
            g
        };
        let err = of(&build(PERMUTATION_LIMIT + 2), &Limits::default()).unwrap_err();
        assert_eq!(
            err.reason,
            FingerprintFailure::TooComplex,
            "{}",
            err.message
        );
        assert!(err.message.contains("permutations"), "{}", err.message);
        assert!(of(&build(PERMUTATION_LIMIT), &Limits::default()).is_ok());
    }
}
