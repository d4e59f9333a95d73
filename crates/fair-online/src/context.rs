//! Remote JSON-LD contexts (`--online` only): a [`fair_core::Resolver`] that fetches a context
//! fairlint does not bundle through the bounded, guarded, cached [`Fetcher`]. Its fetches are
//! logged per thread so the record's harvest lists them (route `context`).

use crate::client::{BodyLimit, Deadline, Fetcher};
use crate::harvest::HarvestFetch;
use fair_core::{ResolveError, Resolver};
use std::cell::RefCell;
use std::sync::Arc;

thread_local! {
    static LOG: RefCell<Vec<HarvestFetch>> = const { RefCell::new(Vec::new()) };
}

/// The context fetches made on this thread since the last call.
pub(crate) fn take_log() -> Vec<HarvestFetch> {
    LOG.with(|log| std::mem::take(&mut *log.borrow_mut()))
}

/// Fetches remote JSON-LD contexts.
#[derive(Debug, Clone)]
pub struct ContextResolver {
    fetcher: Arc<Fetcher>,
}

impl ContextResolver {
    /// A resolver fetching through `fetcher`.
    pub fn new(fetcher: Arc<Fetcher>) -> Self {
        Self { fetcher }
    }
}

const ACCEPT_CONTEXT: &str = "application/ld+json, application/json;q=0.9, */*;q=0.1";

impl Resolver for ContextResolver {
    fn resolve(&self, iri: &str) -> Result<Vec<u8>, ResolveError> {
        let options = self.fetcher.options();
        let deadline = Deadline::after(options.timeout);
        let mut log = Vec::new();
        let result = self.fetcher.follow(
            iri,
            ACCEPT_CONTEXT,
            "context",
            BodyLimit::Cap(options.max_bytes),
            deadline,
            &mut log,
        );
        LOG.with(|l| l.borrow_mut().extend(log));
        match result {
            Ok(f) if f.answer.ok() => Ok(f.answer.body),
            Ok(f) => Err(ResolveError::new(
                iri,
                format!(
                    "fetching the context answered HTTP status {}",
                    f.answer.status
                ),
            )),
            Err(e) => Err(ResolveError::new(iri, e.to_string())),
        }
    }
}
