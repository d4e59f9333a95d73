//! Every rule of every bundled profile fails in at least one shared test vector: each
//! result-producing shape of a SHACL profile (Bioschemas, DCAT-AP, CodeMeta) and each
//! requirement of the native RO-Crate checks appears as the `source.shape` of a finding of a
//! vector checked against that profile.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use fair_core::profiles::{Native, PROFILES};
use fair_core::{Config, Engine, Format};
use fair_graph::Graph;
use oxrdf::{NamedNodeRef, NamedOrBlankNode, Term, TermRef};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

const SH: &str = "http://www.w3.org/ns/shacl#";

fn vectors_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../test-vectors")
}

fn objects(graph: &Graph, s: &NamedOrBlankNode, p: &str) -> Vec<Term> {
    graph
        .objects_for_subject_predicate(s, NamedNodeRef::new_unchecked(&format!("{SH}{p}")))
        .map(TermRef::into_owned)
        .collect()
}

/// The shapes of a profile that can produce a result: property shapes of targeted node shapes
/// and targeted node shapes with constraints of their own (named shapes only).
fn result_shapes(turtle: &str) -> BTreeSet<String> {
    let mut graph = Graph::new();
    for t in oxttl::TurtleParser::new().for_slice(turtle.as_bytes()) {
        graph.insert(&t.unwrap());
    }
    let mut out = BTreeSet::new();
    let mut targeted: Vec<NamedOrBlankNode> = Vec::new();
    for t in [
        "targetClass",
        "targetNode",
        "targetSubjectsOf",
        "targetObjectsOf",
    ] {
        for triple in graph.triples_for_predicate(NamedNodeRef::new_unchecked(&format!("{SH}{t}")))
        {
            targeted.push(triple.subject.into_owned());
        }
    }
    targeted.sort_by_key(ToString::to_string);
    targeted.dedup();
    for node in &targeted {
        let own = [
            "class", "datatype", "nodeKind", "pattern", "in", "hasValue", "or", "node",
        ]
        .iter()
        .any(|c| !objects(&graph, node, c).is_empty());
        if own {
            if let NamedOrBlankNode::NamedNode(n) = node {
                out.insert(n.as_str().to_owned());
            }
        }
        for property in objects(&graph, node, "property") {
            if let Term::NamedNode(n) = property {
                out.insert(n.as_str().to_owned());
            }
        }
    }
    out
}

/// `source.shape` of every finding, per profile the vector was checked against.
fn fired_shapes() -> BTreeMap<String, BTreeSet<String>> {
    let manifest: Value = serde_json::from_str(
        &std::fs::read_to_string(vectors_dir().join("manifest.json")).unwrap(),
    )
    .unwrap();
    let mut fired: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for v in manifest["vectors"].as_array().unwrap() {
        let expect = &v["expect"];
        if expect.get("error").is_some()
            || v.get("shapes").is_some()
            || v.get("ontologies").is_some()
        {
            continue;
        }
        let input = v["input"].as_str().unwrap();
        let bytes = std::fs::read(vectors_dir().join(input)).unwrap();
        let format = v
            .get("format")
            .and_then(Value::as_str)
            .map(|f| Format::from_name(f).unwrap());
        let options = v
            .get("options")
            .cloned()
            .unwrap_or(Value::Object(Default::default()));
        let engine = Engine::builder()
            .config(Config::from_json(&options.to_string()).unwrap())
            .build()
            .unwrap();
        let report = engine
            .check(&bytes, format, input.rsplit('/').next())
            .unwrap();
        let value: Value = serde_json::from_str(&fair_core::render::json(&report)).unwrap();
        let profile = value["profile"]["id"].as_str().unwrap().to_owned();
        let entry = fired.entry(profile).or_default();
        for f in value["findings"].as_array().unwrap() {
            if let Some(shape) = f["source"]["shape"].as_str() {
                entry.insert(shape.to_owned());
            }
        }
    }
    fired
}

#[test]
fn every_profile_rule_fails_in_some_vector() {
    let fired = fired_shapes();
    let empty = BTreeSet::new();
    let mut missing = Vec::new();
    let mut checked = 0;
    // The RO-Crate family profiles (Workflow RO-Crate, ...) run the native rules of their base
    // spec version, covered through the ro-crate-1.1 / 1.2 vectors, and rocrate-validator's
    // own shapes (scripts/rocrate-agreement.py measures those).
    for p in PROFILES.iter().filter(|p| {
        !p.family.is_empty() && (p.upstream.is_empty() || p.id.starts_with("ro-crate-"))
    }) {
        let got = fired.get(p.id).unwrap_or(&empty);
        let expected: BTreeSet<String> = match p.native {
            Native::RoCrate(version) => {
                let base = "https://w3id.org/fairlint/rules/ro-crate#";
                let names: BTreeSet<String> = fair_core::rules::rocrate::requirements(version)
                    .into_iter()
                    .map(|n| format!("{base}{n}"))
                    .collect();
                for g in got.iter().filter(|g| g.starts_with(base)) {
                    assert!(
                        names.contains(g),
                        "{}: {g} is not listed in rules::rocrate::requirements",
                        p.id
                    );
                }
                names
            }
            Native::None => result_shapes(&p.shapes_turtle()),
        };
        assert!(!expected.is_empty(), "{}: no rules found", p.id);
        checked += expected.len();
        for shape in expected.difference(got) {
            missing.push(format!("{}: {shape}", p.id));
        }
    }
    assert!(
        missing.is_empty(),
        "{} profile rule(s) never fail in a test vector:\n{}",
        missing.len(),
        missing.join("\n")
    );
    println!("{checked} profile rules, each failing in at least one vector");
}
