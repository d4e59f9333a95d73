//! The payload of an RO-Crate package: which files and directories sit beside its metadata
//! descriptor. The core does no I/O, so whoever reads the package (the CLI, a binding's
//! caller) lists them and hands the list in.

use std::collections::BTreeSet;

/// The relative paths of a crate's payload, sorted: files as `data/a.csv`, directories as
/// `data/` (with the trailing `/`), `/`-separated, relative to the crate root (the directory
/// that holds `ro-crate-metadata.json`), not percent-encoded.
///
/// A directory need not be listed: `data/a.csv` implies `data/` (zip files often have no
/// directory entries). Paths are normalised as they come in: a leading `./` and repeated or
/// leading `/` are dropped, and `\` is not a separator (it is a character of a file name).
///
/// ```
/// use fair_model::Payload;
/// let payload = Payload::new(["./data/a b.csv", "README.md", "empty/"]);
/// assert!(payload.has_file("data/a b.csv"));
/// assert!(payload.has_dir("data"));
/// assert!(payload.has_dir("empty/"));
/// assert!(!payload.has_file("data"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Payload {
    paths: BTreeSet<String>,
}

impl Payload {
    /// A payload of `paths` (files, and directories ending in `/`).
    pub fn new<I, S>(paths: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut payload = Self::default();
        for p in paths {
            payload.insert(p.as_ref());
        }
        payload
    }

    /// Adds one path (a directory when it ends in `/`).
    pub fn insert(&mut self, path: &str) {
        let dir = path.ends_with('/');
        let mut clean = normalise(path);
        if clean.is_empty() {
            return;
        }
        if dir {
            clean.push('/');
        }
        self.paths.insert(clean);
    }

    /// Whether `path` is a file of the payload.
    pub fn has_file(&self, path: &str) -> bool {
        let clean = normalise(path);
        !clean.is_empty() && !path.ends_with('/') && self.paths.contains(&clean)
    }

    /// Whether `path` (with or without the trailing `/`) is a directory of the payload: listed,
    /// or the parent of a listed path. The crate root (`""`, `./`) always is.
    pub fn has_dir(&self, path: &str) -> bool {
        let mut prefix = normalise(path);
        if prefix.is_empty() {
            return true;
        }
        prefix.push('/');
        self.paths
            .range(prefix.clone()..)
            .next()
            .is_some_and(|p| p.starts_with(&prefix))
    }

    /// How many paths are listed.
    pub fn len(&self) -> usize {
        self.paths.len()
    }

    /// Whether nothing is listed.
    pub fn is_empty(&self) -> bool {
        self.paths.is_empty()
    }

    /// The listed paths, sorted.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.paths.iter().map(String::as_str)
    }
}

/// `path` without `./` segments, empty segments and the trailing `/`.
fn normalise(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for segment in path.split('/').filter(|s| !s.is_empty() && *s != ".") {
        if !out.is_empty() {
            out.push('/');
        }
        out.push_str(segment);
    }
    out
}

impl<S: AsRef<str>> FromIterator<S> for Payload {
    fn from_iter<I: IntoIterator<Item = S>>(iter: I) -> Self {
        Self::new(iter)
    }
}

#[cfg(test)]
mod tests {
    use super::Payload;

    #[test]
    fn files_directories_and_implied_parents() {
        let p = Payload::new(["./a/b/c.txt", "//d.txt", "e/", "./", ""]);
        assert_eq!(p.iter().collect::<Vec<_>>(), ["a/b/c.txt", "d.txt", "e/"]);
        assert!(p.has_file("a/b/c.txt") && p.has_file("./d.txt"));
        assert!(!p.has_file("a/b/c.txt/") && !p.has_file("a") && !p.has_file("e"));
        assert!(p.has_dir("a") && p.has_dir("a/b/") && p.has_dir("e") && p.has_dir("./"));
        assert!(!p.has_dir("a/b/c") && !p.has_dir("d.txt") && !p.has_dir("ab"));
        // "a/b" must not match "a/bc/..." through a plain prefix.
        let q = Payload::new(["a/bc/x"]);
        assert!(!q.has_dir("a/b") && q.has_dir("a/bc"));
    }
}
