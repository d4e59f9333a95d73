//! The codes of the crosswalked formats' schema checks: metadata only. The checks run while
//! the record is read (`fair_ingest::crosswalk` validates a bio.tools or DataCite record against
//! its JSON Schema before it crosswalks it) and arrive as the document's ingest findings.

use crate::pass::{CheckContext, Pass};
use crate::sink::FindingSink;

crate::registry::rules! {
    BIOTOOLS_SCHEMA_VIOLATION = "R301" {
        slug: "biotools-schema-violation",
        principle: R1_3,
        severity: Error,
        status: Preview,
        since: "0.1.0",
        message: "The bio.tools record breaks biotoolsSchema at {pointer}: {detail}",
        fix: "At {pointer}, {hint} (schema rule '{keyword}'); bio.tools rejects records that break its schema",
        summary: "bio.tools JSON records are valid against biotoolsSchema 3.3.0 (required name, description and homepage; biotoolsID, EDAM, DOI, ORCID and URL patterns; controlled vocabularies; SPDX licences).",
    }
    DATACITE_SCHEMA_VIOLATION = "R302" {
        slug: "datacite-schema-violation",
        principle: R1_3,
        severity: Error,
        status: Preview,
        since: "0.1.0",
        message: "The DataCite record breaks the DataCite Metadata Schema at {pointer}: {detail}",
        fix: "At {pointer}, {hint} (schema rule '{keyword}'); DataCite rejects records that break its schema",
        summary: "DataCite JSON and XML records are valid against the DataCite Metadata Schema 4.x (mandatory identifier, creators, titles, publisher, publication year and resource type; controlled lists; dates, years and coordinates).",
    }
}

/// Reports what the reading found (a crosswalked record's schema violations, a moving context
/// alias: I006, registered with the structural family) as a pass.
pub struct Crosswalk;

impl Pass for Crosswalk {
    fn run(&self, cx: &CheckContext<'_>, sink: &mut FindingSink<'_>) {
        sink.extend(cx.doc.ingest_findings());
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_readers_report_the_codes_registered_here() {
        assert_eq!(
            super::BIOTOOLS_SCHEMA_VIOLATION,
            fair_ingest::crosswalk::BIOTOOLS_SCHEMA_VIOLATION
        );
        assert_eq!(
            super::DATACITE_SCHEMA_VIOLATION,
            fair_ingest::crosswalk::DATACITE_SCHEMA_VIOLATION
        );
        assert_eq!(
            crate::structural::MOVING_CONTEXT_ALIAS,
            fair_ingest::contexts::MOVING_CONTEXT_ALIAS
        );
    }
}
