//! The on-disk cache: one answer per (URL, Accept), a JSON head and the body beside it. A rerun
//! from the cache gives the same bytes, hence the same report.

use crate::client::Answer;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

#[derive(Serialize, Deserialize)]
struct Head {
    url: String,
    accept: String,
    status: u16,
    media_type: Option<String>,
    location: Option<String>,
    links: Vec<String>,
}

/// FNV-1a, 64 bits: a stable file name for a key (the key itself is stored and compared).
fn fnv(text: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

fn paths(dir: &Path, url: &str, accept: &str) -> (PathBuf, PathBuf) {
    let key = format!("{:016x}", fnv(&format!("{url}\n{accept}")));
    (
        dir.join(format!("{key}.json")),
        dir.join(format!("{key}.body")),
    )
}

/// The cached answer for `url` with `accept`, if there is one fresh within `ttl` (any age
/// when `ttl` is `None`).
pub(crate) fn get(dir: &Path, url: &str, accept: &str, ttl: Option<Duration>) -> Option<Answer> {
    let (head_path, body_path) = paths(dir, url, accept);
    if let Some(ttl) = ttl {
        let modified = std::fs::metadata(&head_path).ok()?.modified().ok()?;
        let age = SystemTime::now()
            .duration_since(modified)
            .unwrap_or_default();
        if age > ttl {
            return None;
        }
    }
    let head: Head = serde_json::from_slice(&std::fs::read(&head_path).ok()?).ok()?;
    if head.url != url || head.accept != accept {
        return None;
    }
    let body = std::fs::read(&body_path).ok()?;
    Some(Answer {
        url: head.url,
        status: head.status,
        media_type: head.media_type,
        location: head.location,
        links: head.links,
        retry_after: None,
        body,
        cached: true,
    })
}

/// Stores `answer` (best effort: a cache that cannot be written is skipped).
pub(crate) fn put(dir: &Path, accept: &str, answer: &Answer) {
    let (head_path, body_path) = paths(dir, &answer.url, accept);
    let head = Head {
        url: answer.url.clone(),
        accept: accept.to_owned(),
        status: answer.status,
        media_type: answer.media_type.clone(),
        location: answer.location.clone(),
        links: answer.links.clone(),
    };
    let Ok(text) = serde_json::to_vec_pretty(&head) else {
        return;
    };
    if std::fs::create_dir_all(dir).is_err() {
        return;
    }
    // Body first, head last (atomically renamed): a head is only there with its body.
    let tmp = head_path.with_extension("json.tmp");
    if std::fs::write(&body_path, &answer.body).is_ok() && std::fs::write(&tmp, text).is_ok() {
        let _ = std::fs::rename(&tmp, &head_path);
    }
}
