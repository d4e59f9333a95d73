//! Workflow RO-Crate 1.0: rocrate-validator's Python checks `workflow-ro-crate/must/0_main_workflow.py`
//! and `may/1_main_workflow.py`, on the metadata (whether the files are in the payload is
//! not fairlint's to check). The main workflow is the root data entity's `mainEntity`.

use super::*;

/// The Workflow RO-Crate 1.0 profile IRI (a crate claims it with `conformsTo`).
pub const WORKFLOW_RO_CRATE: &str = "https://w3id.org/workflowhub/workflow-ro-crate/1.0";

const MAIN_ENTITY: &str = "http://schema.org/mainEntity";
const IMAGE: &str = "http://schema.org/image";
const SUBJECT_OF: &str = "http://schema.org/subjectOf";

/// Whether `node` states `conformsTo` Workflow RO-Crate 1.0.
pub(super) fn claims_workflow(graph: &Graph, node: NamedOrBlankNodeRef<'_>) -> bool {
    [vocab::DCT_CONFORMS_TO, vocab::SCHEMA_CONFORMS_TO]
        .iter()
        .flat_map(|p| objects(graph, node, p))
        .any(|t| matches!(t, TermRef::NamedNode(n) if n.as_str().trim_end_matches('/') == WORKFLOW_RO_CRATE))
}

/// Runs the Workflow RO-Crate main-workflow requirements on the crate whose root data
/// entity is `root`.
pub(super) fn check_main_workflow(c: &mut Checker<'_, '_>, graph: &Graph, root: NamedNodeRef<'_>) {
    let root_node = NamedOrBlankNodeRef::NamedNode(root);
    let mut main = objects(graph, root_node, MAIN_ENTITY);
    main.sort_by_cached_key(ToString::to_string);
    let workflow = match main.as_slice() {
        [TermRef::NamedNode(n)] => *n,
        _ => {
            let message = match main.len() {
                0 => "the root data entity must name the main workflow with mainEntity (it has none)".to_owned(),
                1 => "the root data entity's mainEntity must reference the main workflow entity by its @id".to_owned(),
                n => format!("the root data entity's mainEntity must reference exactly one entity, the main workflow (it has {n})"),
            };
            c.fail(Failure {
                code: WORKFLOW_NO_MAIN_ENTITY,
                severity: Severity::Error,
                principle: Principle::R1_3,
                name: "MainWorkflowExistence",
                focus: root.to_string(),
                predicate: Some(MAIN_ENTITY),
                value: main.first().map(ToString::to_string),
                message,
                fix: "Give the root data entity \"mainEntity\": {\"@id\": \"workflow.cwl\"}, the main workflow file, described in @graph".to_owned(),
            });
            return;
        }
    };
    let wf_node = NamedOrBlankNodeRef::NamedNode(workflow);
    for (predicate, code, name, what, fix) in [
        (
            IMAGE,
            WORKFLOW_NO_IMAGE,
            "WorkflowDiagramExistence",
            "an image (a workflow diagram)",
            "Give the main workflow \"image\": {\"@id\": \"diagram.svg\"} and describe the diagram file in @graph",
        ),
        (
            SUBJECT_OF,
            WORKFLOW_NO_SUBJECT_OF,
            "WorkflowDescriptionExistence",
            "a subjectOf (its CWL description)",
            "Give the main workflow \"subjectOf\": {\"@id\": \"workflow.cwl\"} and describe the CWL file in @graph",
        ),
    ] {
        if objects(graph, wf_node, predicate).is_empty() {
            c.fail(Failure {
                code,
                severity: Severity::Info,
                principle: Principle::R1_3,
                name,
                focus: workflow.to_string(),
                predicate: Some(predicate),
                value: None,
                message: format!("the main workflow may have {what}"),
                fix: fix.to_owned(),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::format::tests::{crate_with, of};
    use fair_model::Severity;

    const CLAIM: &str =
        r#", "conformsTo": {"@id": "https://w3id.org/workflowhub/workflow-ro-crate/1.0"}"#;

    #[test]
    fn rules_run_only_when_the_crate_claims_workflow_ro_crate() {
        let plain = crate_with("1.2", "", "");
        assert!(of(&plain, "1.2", "R160").is_empty());
        let claimed = crate_with("1.2", CLAIM, "");
        assert_eq!(
            of(&claimed, "1.2", "R160"),
            vec![(Severity::Error, Some("/@graph/0/about".to_owned()))]
        );
    }

    #[test]
    fn main_entity_must_be_one_reference() {
        let two = crate_with(
            "1.1",
            &format!(r#"{CLAIM}, "mainEntity": [{{"@id": "a.cwl"}}, {{"@id": "b.cwl"}}]"#),
            "",
        );
        assert_eq!(of(&two, "1.1", "R160").len(), 1);
        let literal = crate_with("1.1", &format!(r#"{CLAIM}, "mainEntity": "a.cwl""#), "");
        assert_eq!(of(&literal, "1.1", "R160").len(), 1);
    }

    #[test]
    fn main_workflow_image_and_subject_of() {
        let wf = r#", {"@id": "wf.cwl", "@type": ["File", "SoftwareSourceCode", "ComputationalWorkflow"], "name": "WF"}"#;
        let json = crate_with(
            "1.2",
            &format!(
                r#"{CLAIM}, "mainEntity": {{"@id": "wf.cwl"}}, "hasPart": {{"@id": "wf.cwl"}}"#
            ),
            wf,
        );
        assert!(of(&json, "1.2", "R160").is_empty());
        // Located where the main workflow is first written: the root's mainEntity.
        let at = Some("/@graph/1/mainEntity".to_owned());
        assert_eq!(of(&json, "1.2", "R161"), vec![(Severity::Info, at.clone())]);
        assert_eq!(of(&json, "1.2", "R162"), vec![(Severity::Info, at)]);
        let full = json.replace(
            r#""name": "WF"}"#,
            r#""name": "WF", "image": {"@id": "wf.svg"}, "subjectOf": {"@id": "wf.cwl.json"}}"#,
        );
        assert!(of(&full, "1.2", "R161").is_empty());
        assert!(of(&full, "1.2", "R162").is_empty());
    }
}
