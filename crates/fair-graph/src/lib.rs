//! A compact RDF graph for data graphs (docs/architecture.md, "A graph of our own").
//!
//! Terms are interned once into a term table; a triple is three `u32` ids. Triples are kept
//! sorted and deduplicated in subject-predicate-object order; the predicate-object-subject and
//! object-subject-predicate permutations the lookups need are built on first use by sorting a
//! copy. Lookups are binary searches over these arrays and iteration hands out borrowed
//! [`TripleRef`]s straight from the term table, so reading and walking a graph of `n` triples
//! costs O(n log n) with sequential memory access, about 40–60 bytes per triple besides the
//! terms, instead of oxrdf's six B-tree indexes.
//!
//! [`Graph`] offers the methods of [`oxrdf::Graph`] that fairlint calls, with the same
//! signatures, so switching is a `use` change. It can still be changed after it was read:
//! inserts go to a pending set (which is what makes [`Graph::insert`]'s answer exact) and
//! the sorted arrays are rebuilt lazily, once, on the next read.
//!
//! The order of [`Graph::iter`] is deterministic: subjects in the order their terms were
//! first inserted, then predicates, then objects, likewise. It differs from oxrdf's.

use std::fmt;
use std::hash::BuildHasher;
use std::sync::OnceLock;

use hashbrown::hash_table::HashTable;
use hashbrown::{DefaultHashBuilder, HashSet};
use oxrdf::{NamedNodeRef, NamedOrBlankNodeRef, Term, TermRef, Triple, TripleRef};

/// A term's id in a graph's term table.
type Id = u32;
/// A triple as three ids, in the order of the index it belongs to.
type Ids = [Id; 3];

/// The term table: each distinct term once, found again by hash.
#[derive(Clone, Default)]
struct Terms {
    terms: Vec<Term>,
    index: HashTable<Id>,
    hasher: DefaultHashBuilder,
}

impl Terms {
    fn get(&self, id: Id) -> Option<&Term> {
        self.terms.get(id as usize)
    }

    fn hash(&self, term: TermRef<'_>) -> u64 {
        self.hasher.hash_one(term)
    }

    /// The id of `term`, if it is in the table.
    fn find(&self, term: TermRef<'_>) -> Option<Id> {
        self.entry(term).ok()
    }

    /// The id of `term`, added to the table when new (`owned` makes the owned copy).
    fn intern(&mut self, term: TermRef<'_>, owned: impl FnOnce() -> Term) -> Id {
        match self.entry(term) {
            Ok(id) => id,
            Err(hash) => self.push(hash, owned()),
        }
    }

    /// The id of `term`, which is moved into the table when new.
    fn intern_owned(&mut self, term: Term) -> Id {
        match self.entry(term.as_ref()) {
            Ok(id) => id,
            Err(hash) => self.push(hash, term),
        }
    }

    /// The id of `term`, or its hash when it is not in the table.
    fn entry(&self, term: TermRef<'_>) -> Result<Id, u64> {
        let hash = self.hash(term);
        let terms = &self.terms;
        match self.index.find(hash, |&id| {
            terms.get(id as usize).is_some_and(|t| t.as_ref() == term)
        }) {
            Some(&id) => Ok(id),
            None => Err(hash),
        }
    }

    /// Adds a term known not to be in the table.
    fn push(&mut self, hash: u64, term: Term) -> Id {
        // More than 2^32 distinct terms cannot be read within any limit fairlint has.
        let id = Id::try_from(self.terms.len()).unwrap_or(Id::MAX);
        self.terms.push(term);
        let Self {
            terms,
            index,
            hasher,
        } = self;
        index.insert_unique(hash, id, |&id| {
            terms
                .get(id as usize)
                .map_or(0, |t| hasher.hash_one(t.as_ref()))
        });
        id
    }

    fn subject(&self, id: Id) -> Option<NamedOrBlankNodeRef<'_>> {
        match self.get(id)? {
            Term::NamedNode(n) => Some(n.as_ref().into()),
            Term::BlankNode(b) => Some(b.as_ref().into()),
            _ => None,
        }
    }

    fn predicate(&self, id: Id) -> Option<NamedNodeRef<'_>> {
        match self.get(id)? {
            Term::NamedNode(n) => Some(n.as_ref()),
            _ => None,
        }
    }

    fn object(&self, id: Id) -> Option<TermRef<'_>> {
        self.get(id).map(Term::as_ref)
    }

    /// The triple `[s, p, o]` as borrowed terms.
    fn triple(&self, [s, p, o]: Ids) -> Option<TripleRef<'_>> {
        Some(TripleRef {
            subject: self.subject(s)?,
            predicate: self.predicate(p)?,
            object: self.object(o)?,
        })
    }
}

/// Which permutation of a triple an index holds.
#[derive(Clone, Copy)]
enum Order {
    Spo,
    Pos,
    Osp,
}

impl Order {
    /// The triple `[s, p, o]` from an entry of this index.
    fn spo(self, ids: Ids) -> Ids {
        let [a, b, c] = ids;
        match self {
            Order::Spo => [a, b, c],
            Order::Pos => [c, a, b],
            Order::Osp => [b, c, a],
        }
    }

    /// The entry of this index for the triple `[s, p, o]`.
    fn permute(self, [s, p, o]: Ids) -> Ids {
        match self {
            Order::Spo => [s, p, o],
            Order::Pos => [p, o, s],
            Order::Osp => [o, s, p],
        }
    }
}

/// The entries of a sorted index whose first `prefix.len()` ids are `prefix`.
fn range<'a>(index: &'a [Ids], prefix: &[Id]) -> &'a [Ids] {
    let n = prefix.len();
    let start = index.partition_point(|t| t.get(..n).is_some_and(|k| k < prefix));
    let rest = index.get(start..).unwrap_or_default();
    let len = rest.partition_point(|t| t.get(..n) == Some(prefix));
    rest.get(..len).unwrap_or_default()
}

/// An in-memory RDF graph: a set of triples (see the crate documentation).
#[derive(Clone, Default)]
pub struct Graph {
    terms: Terms,
    /// Sorted, deduplicated triples (subject, predicate, object).
    spo: Vec<Ids>,
    /// Triples inserted since `spo` was last rebuilt, none of them in `spo`.
    pending: HashSet<Ids>,
    /// `spo` and `pending` merged and sorted, while `pending` is not empty.
    merged: OnceLock<Vec<Ids>>,
    /// The triples as (predicate, object, subject), sorted.
    pos: OnceLock<Vec<Ids>>,
    /// The triples as (object, subject, predicate), sorted.
    osp: OnceLock<Vec<Ids>>,
}

impl Graph {
    /// An empty graph.
    pub fn new() -> Self {
        Self::default()
    }

    /// All triples, sorted by id (subject, predicate, object).
    fn spo(&self) -> &[Ids] {
        if self.pending.is_empty() {
            &self.spo
        } else {
            self.merged.get_or_init(|| {
                let mut all = Vec::with_capacity(self.spo.len() + self.pending.len());
                all.extend_from_slice(&self.spo);
                all.extend(self.pending.iter().copied());
                all.sort_unstable();
                all
            })
        }
    }

    fn permuted(&self, order: Order) -> &[Ids] {
        let cell = match order {
            Order::Spo => return self.spo(),
            Order::Pos => &self.pos,
            Order::Osp => &self.osp,
        };
        cell.get_or_init(|| {
            let mut index: Vec<Ids> = self.spo().iter().map(|&t| order.permute(t)).collect();
            index.sort_unstable();
            index
        })
    }

    /// Drops the indexes built from the triples (before a change).
    fn invalidate(&mut self) {
        self.merged.take();
        self.pos.take();
        self.osp.take();
    }

    /// Moves the pending triples into the sorted array. Reading does this lazily (on a copy);
    /// calling it once a graph is complete frees the pending set and that copy.
    pub fn freeze(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        let merged = self.merged.take();
        self.spo = match merged {
            Some(all) => all,
            None => {
                let mut all = std::mem::take(&mut self.spo);
                all.reserve(self.pending.len());
                all.extend(self.pending.iter().copied());
                all.sort_unstable();
                all
            }
        };
        self.pending = HashSet::default();
        self.spo.shrink_to_fit();
    }

    fn iter_index<'a>(&'a self, index: &'a [Ids], order: Order) -> Iter<'a> {
        Iter {
            terms: &self.terms,
            inner: index.iter(),
            order,
        }
    }

    fn subject_id(&self, subject: NamedOrBlankNodeRef<'_>) -> Option<Id> {
        self.terms.find(subject.into())
    }

    fn ids(&self, triple: TripleRef<'_>) -> Option<Ids> {
        Some([
            self.subject_id(triple.subject)?,
            self.terms.find(triple.predicate.into())?,
            self.terms.find(triple.object)?,
        ])
    }

    /// All the triples: by subject, then predicate, then object, each in the order its term
    /// was first inserted.
    pub fn iter(&self) -> Iter<'_> {
        self.iter_index(self.spo(), Order::Spo)
    }

    /// The triples whose subject is `subject`.
    pub fn triples_for_subject<'a, 'b>(
        &'a self,
        subject: impl Into<NamedOrBlankNodeRef<'b>>,
    ) -> Iter<'a> {
        let index = match self.subject_id(subject.into()) {
            Some(s) => range(self.spo(), &[s]),
            None => &[],
        };
        self.iter_index(index, Order::Spo)
    }

    /// The objects of the triples with `subject` and `predicate`.
    pub fn objects_for_subject_predicate<'a, 'b>(
        &'a self,
        subject: impl Into<NamedOrBlankNodeRef<'b>>,
        predicate: impl Into<NamedNodeRef<'b>>,
    ) -> impl Iterator<Item = TermRef<'a>> + 'a {
        let s = self.subject_id(subject.into());
        let p = self.terms.find(predicate.into().into());
        let index = match (s, p) {
            (Some(s), Some(p)) => range(self.spo(), &[s, p]),
            _ => &[],
        };
        let terms = &self.terms;
        index.iter().filter_map(move |&[_, _, o]| terms.object(o))
    }

    /// One object of the triples with `subject` and `predicate` (the first in id order).
    pub fn object_for_subject_predicate<'a, 'b>(
        &'a self,
        subject: impl Into<NamedOrBlankNodeRef<'b>>,
        predicate: impl Into<NamedNodeRef<'b>>,
    ) -> Option<TermRef<'a>> {
        self.objects_for_subject_predicate(subject, predicate)
            .next()
    }

    /// The predicates of the triples with `subject` and `object`.
    pub fn predicates_for_subject_object<'a, 'b>(
        &'a self,
        subject: impl Into<NamedOrBlankNodeRef<'b>>,
        object: impl Into<TermRef<'b>>,
    ) -> impl Iterator<Item = NamedNodeRef<'a>> + 'a {
        let s = self.subject_id(subject.into());
        let o = self.terms.find(object.into());
        let index = match (s, o) {
            (Some(s), Some(o)) => range(self.permuted(Order::Osp), &[o, s]),
            _ => &[],
        };
        let terms = &self.terms;
        index
            .iter()
            .filter_map(move |&[_, _, p]| terms.predicate(p))
    }

    /// The triples whose predicate is `predicate`.
    pub fn triples_for_predicate<'a, 'b>(
        &'a self,
        predicate: impl Into<NamedNodeRef<'b>>,
    ) -> Iter<'a> {
        let index = match self.terms.find(predicate.into().into()) {
            Some(p) => range(self.permuted(Order::Pos), &[p]),
            None => &[],
        };
        self.iter_index(index, Order::Pos)
    }

    /// The subjects of the triples with `predicate` and `object`.
    pub fn subjects_for_predicate_object<'a, 'b>(
        &'a self,
        predicate: impl Into<NamedNodeRef<'b>>,
        object: impl Into<TermRef<'b>>,
    ) -> impl Iterator<Item = NamedOrBlankNodeRef<'a>> + 'a {
        let p = self.terms.find(predicate.into().into());
        let o = self.terms.find(object.into());
        let index = match (p, o) {
            (Some(p), Some(o)) => range(self.permuted(Order::Pos), &[p, o]),
            _ => &[],
        };
        let terms = &self.terms;
        index.iter().filter_map(move |&[_, _, s]| terms.subject(s))
    }

    /// One subject of the triples with `predicate` and `object` (the first in id order).
    pub fn subject_for_predicate_object<'a, 'b>(
        &'a self,
        predicate: impl Into<NamedNodeRef<'b>>,
        object: impl Into<TermRef<'b>>,
    ) -> Option<NamedOrBlankNodeRef<'a>> {
        self.subjects_for_predicate_object(predicate, object).next()
    }

    /// The triples whose object is `object`.
    pub fn triples_for_object<'a, 'b>(&'a self, object: impl Into<TermRef<'b>>) -> Iter<'a> {
        let index = match self.terms.find(object.into()) {
            Some(o) => range(self.permuted(Order::Osp), &[o]),
            None => &[],
        };
        self.iter_index(index, Order::Osp)
    }

    /// Whether the graph contains `triple`.
    pub fn contains<'a>(&self, triple: impl Into<TripleRef<'a>>) -> bool {
        match self.ids(triple.into()) {
            Some(t) => self.spo.binary_search(&t).is_ok() || self.pending.contains(&t),
            None => false,
        }
    }

    /// The number of triples.
    pub fn len(&self) -> usize {
        self.spo.len() + self.pending.len()
    }

    /// Whether the graph has no triple.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn intern_subject(&mut self, subject: NamedOrBlankNodeRef<'_>) -> Id {
        let term = TermRef::from(subject);
        self.terms.intern(term, || term.into_owned())
    }

    /// Adds the triple of ids; whether it was new.
    fn insert_ids(&mut self, t: Ids) -> bool {
        if self.spo.binary_search(&t).is_ok() || !self.pending.insert(t) {
            return false;
        }
        self.invalidate();
        true
    }

    /// Adds `triple`; whether it was not in the graph yet.
    pub fn insert<'a>(&mut self, triple: impl Into<TripleRef<'a>>) -> bool {
        let triple = triple.into();
        let s = self.intern_subject(triple.subject);
        let predicate = TermRef::from(triple.predicate);
        let p = self.terms.intern(predicate, || predicate.into_owned());
        let o = self
            .terms
            .intern(triple.object, || triple.object.into_owned());
        self.insert_ids([s, p, o])
    }

    /// Adds `triple` (taking its terms when they are new); whether it was not in the graph yet.
    pub fn insert_owned(&mut self, triple: Triple) -> bool {
        let Triple {
            subject,
            predicate,
            object,
        } = triple;
        let s = self.terms.intern_owned(subject.into());
        let p = self.terms.intern_owned(predicate.into());
        let o = self.terms.intern_owned(object);
        self.insert_ids([s, p, o])
    }

    /// Removes `triple`; whether it was in the graph. Its terms stay in the term table.
    pub fn remove<'a>(&mut self, triple: impl Into<TripleRef<'a>>) -> bool {
        let Some(t) = self.ids(triple.into()) else {
            return false;
        };
        let removed = if self.pending.remove(&t) {
            true
        } else if let Ok(i) = self.spo.binary_search(&t) {
            self.spo.remove(i);
            true
        } else {
            false
        };
        if removed {
            self.invalidate();
        }
        removed
    }

    /// Removes every triple and term.
    pub fn clear(&mut self) {
        *self = Self::default();
    }
}

/// Iterator over triples, from [`Graph::iter`] and the `triples_for_*` lookups.
#[derive(Clone)]
pub struct Iter<'a> {
    terms: &'a Terms,
    inner: std::slice::Iter<'a, Ids>,
    order: Order,
}

impl<'a> Iterator for Iter<'a> {
    type Item = TripleRef<'a>;

    fn next(&mut self) -> Option<TripleRef<'a>> {
        for &ids in self.inner.by_ref() {
            if let Some(t) = self.terms.triple(self.order.spo(ids)) {
                return Some(t);
            }
        }
        None
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (0, Some(self.inner.len()))
    }
}

impl<'a> IntoIterator for &'a Graph {
    type Item = TripleRef<'a>;
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

impl PartialEq for Graph {
    /// The same set of triples (blank nodes compared by label, as oxrdf does).
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().all(|t| other.contains(t))
    }
}

impl Eq for Graph {}

impl fmt::Debug for Graph {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

/// N-Triples, one triple a line, in [`Graph::iter`]'s order (as oxrdf's `Graph` prints).
impl fmt::Display for Graph {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for t in self {
            writeln!(f, "{t} .")?;
        }
        Ok(())
    }
}

/// What [`Graph`] can be extended with and collected from: owned triples (their terms are
/// moved into the graph) and borrowed ones.
pub trait IntoGraphTriple {
    /// Inserts `self` into `graph`; whether it was new.
    fn insert_into(self, graph: &mut Graph) -> bool;
}

impl IntoGraphTriple for Triple {
    fn insert_into(self, graph: &mut Graph) -> bool {
        graph.insert_owned(self)
    }
}

impl IntoGraphTriple for &Triple {
    fn insert_into(self, graph: &mut Graph) -> bool {
        graph.insert(self)
    }
}

impl IntoGraphTriple for TripleRef<'_> {
    fn insert_into(self, graph: &mut Graph) -> bool {
        graph.insert(self)
    }
}

impl IntoGraphTriple for &TripleRef<'_> {
    fn insert_into(self, graph: &mut Graph) -> bool {
        graph.insert(*self)
    }
}

impl<T: IntoGraphTriple> Extend<T> for Graph {
    fn extend<I: IntoIterator<Item = T>>(&mut self, iter: I) {
        for t in iter {
            t.insert_into(self);
        }
        self.freeze();
    }
}

impl<T: IntoGraphTriple> FromIterator<T> for Graph {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        let mut g = Self::new();
        g.extend(iter);
        g
    }
}

impl From<&oxrdf::Graph> for Graph {
    fn from(graph: &oxrdf::Graph) -> Self {
        graph.iter().collect()
    }
}

impl From<oxrdf::Graph> for Graph {
    fn from(graph: oxrdf::Graph) -> Self {
        Self::from(&graph)
    }
}

impl From<&Graph> for oxrdf::Graph {
    fn from(graph: &Graph) -> Self {
        graph.iter().collect()
    }
}

impl From<Graph> for oxrdf::Graph {
    fn from(graph: Graph) -> Self {
        Self::from(&graph)
    }
}
