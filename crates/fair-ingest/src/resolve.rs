//! The only door to the outside: external resources come in through a [`Resolver`].

use crate::error::ResolveError;

/// Provides the bytes of an external resource (a JSON-LD context, an ontology import) by IRI.
///
/// The core never does I/O itself. [`NoResolver`], the default, refuses everything, so a
/// document that needs a resource fairlint does not bundle fails with a clear
/// [`ResolveError`] instead of a silently empty graph. The CLI and Python package may offer
/// opt-in resolvers that read files or use the network.
pub trait Resolver: Send + Sync {
    /// Returns the resource's bytes, or why it cannot be had.
    fn resolve(&self, iri: &str) -> Result<Vec<u8>, ResolveError>;
}

/// Refuses every request: fairlint is offline unless the caller says otherwise.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoResolver;

impl Resolver for NoResolver {
    fn resolve(&self, iri: &str) -> Result<Vec<u8>, ResolveError> {
        Err(ResolveError::new(
            iri,
            "not bundled with fairlint and remote loading is off (no resolver configured)",
        ))
    }
}

impl<R: Resolver + ?Sized> Resolver for &R {
    fn resolve(&self, iri: &str) -> Result<Vec<u8>, ResolveError> {
        (**self).resolve(iri)
    }
}
