//! RO-Crate packages: a directory or a `.zip` holding `ro-crate-metadata.json` (or the 1.1
//! legacy `ro-crate-metadata.jsonld`) and its payload. The CLI finds the descriptor, reads it
//! and lists the payload (the core does no I/O), and the engine checks the descriptor with
//! that listing.
//!
//! A zip is read within bounds, and refused (a [`Failure`] naming the zip and the entry, exit
//! code 2 for that input) when it has more than [`MAX_ENTRIES`] entries, declares more than
//! [`MAX_TOTAL_BYTES`] uncompressed, has an entry larger than [`RATIO_MIN_BYTES`] that
//! compresses more than [`MAX_RATIO`]:1 (a zip bomb), or an entry whose path is absolute or
//! climbs out of the root (`../`, "zip slip"). Only the descriptor is decompressed, and never
//! more than the engine's `max_input_bytes` of it, whatever the central directory says.

use crate::batch::Failure;
use fair_core::Payload;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The descriptor's names, preferred first.
pub const DESCRIPTORS: [&str; 2] = ["ro-crate-metadata.json", "ro-crate-metadata.jsonld"];
/// Most entries in a zip, or files and directories in a crate directory.
pub const MAX_ENTRIES: usize = 100_000;
/// Most uncompressed bytes a zip's central directory may declare, all entries together.
pub const MAX_TOTAL_BYTES: u64 = 64 * 1024 * 1024 * 1024;
/// Highest uncompressed : compressed ratio of an entry of at least [`RATIO_MIN_BYTES`].
pub const MAX_RATIO: u64 = 100;
/// Smallest entry whose compression ratio is checked (small files compress well innocently).
pub const RATIO_MIN_BYTES: u64 = 1024 * 1024;

/// A crate read from disk: the descriptor's bytes, the name its report carries, the payload.
pub struct Crate {
    pub name: String,
    pub bytes: Vec<u8>,
    pub payload: Payload,
}

/// The descriptor of the crate directory `dir`, if it is one.
pub fn descriptor_in(dir: &Path) -> Option<PathBuf> {
    DESCRIPTORS
        .iter()
        .map(|d| dir.join(d))
        .find(|p| p.is_file())
}

/// Whether `path` names a zip file (by its extension).
pub fn is_zip(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("zip"))
}

fn failure(code: &'static str, message: String) -> Failure {
    Failure {
        code,
        message,
        location: None,
        fetch: None,
    }
}

fn io_failure(path: &Path, e: &dyn std::fmt::Display) -> Failure {
    failure("io_error", format!("cannot read {}: {e}", path.display()))
}

/// Reads at most `max` bytes of `reader`; more is a `limit_exceeded` failure naming `what`.
fn read_capped(reader: impl Read, max: usize, what: &str) -> Result<Vec<u8>, Failure> {
    let mut bytes = Vec::new();
    reader
        .take(max as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| failure("io_error", format!("cannot read {what}: {e}")))?;
    if bytes.len() > max {
        return Err(failure(
            "limit_exceeded",
            format!("{what} is larger than the limit of {max} bytes (max_input_bytes)"),
        ));
    }
    Ok(bytes)
}

/// The crate directory `dir` (named `arg` on the command line) with its descriptor
/// `descriptor`: the report is named `arg` joined with the descriptor's file name.
pub fn read_dir(arg: &str, dir: &Path, descriptor: &Path, max: usize) -> Result<Crate, Failure> {
    let file = std::fs::File::open(descriptor).map_err(|e| io_failure(descriptor, &e))?;
    let name = Path::new(arg)
        .join(descriptor.file_name().unwrap_or_default())
        .display()
        .to_string();
    let bytes = read_capped(file, max, &name)?;
    let mut payload = Payload::default();
    let mut count = 0usize;
    for entry in walkdir::WalkDir::new(dir).min_depth(1).sort_by_file_name() {
        let entry = entry.map_err(|e| io_failure(dir, &e))?;
        count += 1;
        if count > MAX_ENTRIES {
            return Err(failure(
                "package_error",
                format!("the crate holds more than {MAX_ENTRIES} files and directories"),
            ));
        }
        let Ok(relative) = entry.path().strip_prefix(dir) else {
            continue;
        };
        let mut path = relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        if entry.file_type().is_dir() {
            path.push('/');
        }
        payload.insert(&path);
    }
    Ok(Crate {
        name,
        bytes,
        payload,
    })
}

/// Why a zip entry's path is refused, if it is: absolute, a drive path, a NUL byte, or a
/// `..` segment (split at `/` and `\`).
fn unsafe_path(name: &str) -> Option<&'static str> {
    if name.contains('\0') {
        return Some("has a NUL byte in its path");
    }
    if name.starts_with(['/', '\\']) {
        return Some("has an absolute path");
    }
    let bytes = name.as_bytes();
    if bytes.get(1) == Some(&b':') && bytes.first().is_some_and(u8::is_ascii_alphabetic) {
        return Some("has a drive path");
    }
    if name.split(['/', '\\']).any(|s| s == "..") {
        return Some("escapes the crate root (..)");
    }
    None
}

/// One entry of the central directory, as declared.
struct Entry {
    name: String,
    size: u64,
}

/// The zip file `path` (named `arg` on the command line): checked within the bounds, its
/// descriptor found at the root or inside a single top-level folder, read (at most `max`
/// bytes), and its entries listed as the payload. The report is named
/// `arg!/<descriptor path in the zip>`.
pub fn read_zip(arg: &str, path: &Path, max: usize) -> Result<Crate, Failure> {
    let file = std::fs::File::open(path).map_err(|e| io_failure(path, &e))?;
    read_zip_from(arg, std::io::BufReader::new(file), max)
}

/// [`read_zip`] on a zip already open (`fairlint serve`: a request body), within the same
/// bounds.
pub fn read_zip_from(
    arg: &str,
    zip: impl Read + std::io::Seek,
    max: usize,
) -> Result<Crate, Failure> {
    let mut archive = zip::ZipArchive::new(zip)
        .map_err(|e| failure("package_error", format!("not a readable zip file: {e}")))?;
    if archive.len() > MAX_ENTRIES {
        return Err(failure(
            "package_error",
            format!(
                "the zip has {} entries, more than the limit of {MAX_ENTRIES}",
                archive.len()
            ),
        ));
    }
    let mut entries = Vec::with_capacity(archive.len());
    let mut total: u64 = 0;
    for i in 0..archive.len() {
        let entry = archive
            .by_index_raw(i)
            .map_err(|e| failure("package_error", format!("entry {i}: {e}")))?;
        let name = String::from_utf8_lossy(entry.name_raw()).into_owned();
        if let Some(why) = unsafe_path(&name) {
            return Err(failure(
                "package_error",
                format!("entry '{name}' {why}; refusing the zip"),
            ));
        }
        let (size, compressed) = (entry.size(), entry.compressed_size());
        if size >= RATIO_MIN_BYTES && size / compressed.max(1) > MAX_RATIO {
            return Err(failure(
                "package_error",
                format!(
                    "entry '{name}' expands {size} bytes from {compressed} (more than {MAX_RATIO}:1); refusing a possible zip bomb"
                ),
            ));
        }
        total = total.saturating_add(size);
        if total > MAX_TOTAL_BYTES {
            return Err(failure(
                "package_error",
                format!(
                    "the entries declare more than {MAX_TOTAL_BYTES} bytes uncompressed (at entry '{name}'); refusing the zip"
                ),
            ));
        }
        entries.push(Entry { name, size });
    }
    let Some((index, prefix)) = find_descriptor(&entries) else {
        return Err(failure(
            "package_error",
            "no ro-crate-metadata.json at the root of the zip or of its single top-level folder"
                .to_owned(),
        ));
    };
    let Some(entry) = entries.get(index) else {
        return Err(failure(
            "package_error",
            format!("entry {index} is not in the zip"),
        ));
    };
    let name = format!("{arg}!/{}", entry.name);
    if entry.size > max as u64 {
        return Err(failure(
            "limit_exceeded",
            format!("{name} is larger than the limit of {max} bytes (max_input_bytes)"),
        ));
    }
    let reader = archive
        .by_index(index)
        .map_err(|e| failure("package_error", format!("{name}: {e}")))?;
    // The declared size is not trusted: the read itself stops past `max`.
    let bytes = read_capped(reader, max, &name)?;
    let payload = entries
        .iter()
        .filter_map(|e| e.name.strip_prefix(prefix.as_str()))
        .collect();
    Ok(Crate {
        name,
        bytes,
        payload,
    })
}

/// The descriptor entry (index) and the folder the crate sits in (`""` or `folder/`): at the
/// root, else inside the single top-level folder every entry is in.
fn find_descriptor(entries: &[Entry]) -> Option<(usize, String)> {
    let at = |prefix: &str| {
        DESCRIPTORS.iter().find_map(|d| {
            let want = format!("{prefix}{d}");
            entries.iter().position(|e| e.name == want)
        })
    };
    if let Some(i) = at("") {
        return Some((i, String::new()));
    }
    let first = entries.first()?.name.split('/').next()?;
    let prefix = format!("{first}/");
    let single = entries
        .iter()
        .all(|e| e.name.starts_with(&prefix) || e.name == first);
    if !single {
        return None;
    }
    at(&prefix).map(|i| (i, prefix))
}

#[cfg(test)]
mod tests {
    use super::unsafe_path;

    #[test]
    fn entry_paths_refused() {
        for bad in [
            "../x",
            "a/../../x",
            "/etc/passwd",
            "\\x",
            "C:/x",
            "a\\..\\x",
            "a\0b",
        ] {
            assert!(unsafe_path(bad).is_some(), "{bad:?}");
        }
        for ok in ["a/b.txt", "a..b/c", "dir/", "..a", "x/.../y"] {
            assert!(unsafe_path(ok).is_none(), "{ok:?}");
        }
    }
}
