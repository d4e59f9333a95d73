//! `Accept` → renderer: one table, [`RENDERERS`]. A new report layout is one more row (for
//! example FAIR Test Results as `text/turtle; profile=…`: a row whose `media_type` carries the
//! `profile` parameter is chosen only by an `Accept` naming that profile, and a plain
//! `text/turtle` keeps choosing the SHACL report).

use fair_core::Report;

/// A checked record, as the renderers see it.
pub struct Checked<'a> {
    pub report: &'a Report,
    /// The W3C SHACL validation report as Turtle (only when the row asks for it).
    pub shacl: Option<&'a str>,
    /// The record's online report (`?url=` with `--online`): report plus harvest.
    pub online: Option<&'a fair_online::OnlineReport>,
}

impl<'a> Checked<'a> {
    /// A record checked online.
    pub fn online(o: &'a fair_online::OnlineReport) -> Self {
        Checked {
            report: &o.report,
            shacl: None,
            online: Some(o),
        }
    }
}

/// One report layout the service can answer with.
pub struct Renderer {
    /// What `Accept` names to choose it: `type/subtype`, and parameters that must be there.
    pub media_type: &'static str,
    /// The response's `Content-Type`.
    pub content_type: &'static str,
    /// Needs the SHACL validation report (the service started with `--shapes`).
    pub needs_shacl: bool,
    pub render: fn(&Checked) -> String,
}

/// In order of preference: the first is the default (no `Accept`, or `*/*`).
pub const RENDERERS: &[Renderer] = &[
    Renderer {
        media_type: "application/json",
        content_type: "application/json",
        needs_shacl: false,
        render: |c| match c.online {
            Some(o) => o.json(),
            None => fair_core::render::json(c.report),
        },
    },
    Renderer {
        media_type: "application/sarif+json",
        content_type: "application/sarif+json",
        needs_shacl: false,
        render: |c| fair_core::render::sarif(c.report),
    },
    // FAIR Test Results (the report as `fairlint check --format ftr` / `ftr-jsonld` gives it for
    // one input): chosen only when `Accept` names the FTR profile.
    Renderer {
        media_type: "text/turtle; profile=\"https://w3id.org/ftr#\"",
        content_type: "text/turtle; charset=utf-8; profile=\"https://w3id.org/ftr#\"",
        needs_shacl: false,
        render: |c| {
            fair_core::render::ftr::ftr_turtle(
                &[fair_core::render::Entry::Report(c.report)],
                fair_core::render::ftr::FTR_BASE,
            )
        },
    },
    Renderer {
        media_type: "application/ld+json; profile=\"https://w3id.org/ftr#\"",
        content_type: "application/ld+json; profile=\"https://w3id.org/ftr#\"",
        needs_shacl: false,
        render: |c| {
            fair_core::render::ftr::ftr_jsonld(
                &[fair_core::render::Entry::Report(c.report)],
                fair_core::render::ftr::FTR_BASE,
            )
        },
    },
    Renderer {
        media_type: "text/turtle",
        content_type: "text/turtle; charset=utf-8",
        needs_shacl: true,
        render: |c| c.shacl.unwrap_or_default().to_owned(),
    },
    Renderer {
        media_type: "text/plain",
        content_type: "text/plain; charset=utf-8",
        needs_shacl: false,
        render: |c| match c.online {
            Some(o) => o.text(),
            None => fair_core::render::text(c.report),
        },
    },
];

/// The renderer `accept` (an `Accept` header value; `None`: absent) prefers: highest `q`,
/// then the most specific range, then table order. `None` when nothing in the table is
/// acceptable (406).
pub fn choose(accept: Option<&str>) -> Option<&'static Renderer> {
    let accept = match accept.map(str::trim) {
        None | Some("") => return RENDERERS.first(),
        Some(a) => a,
    };
    let mut best: Option<(f32, u8, usize)> = None;
    for range in accept.split(',') {
        let Ok(range) = range.trim().parse::<mime::Mime>() else {
            continue;
        };
        let q = range
            .get_param("q")
            .and_then(|q| q.as_str().parse::<f32>().ok())
            .unwrap_or(1.0);
        if q.is_nan() || q <= 0.0 {
            continue;
        }
        for (i, r) in RENDERERS.iter().enumerate() {
            if let Some(specificity) = matches(&range, r.media_type) {
                let candidate = (q, specificity, i);
                let better = match best {
                    None => true,
                    Some((bq, bs, bi)) => {
                        q > bq || (q == bq && (specificity > bs || (specificity == bs && i < bi)))
                    }
                };
                if better {
                    best = Some(candidate);
                }
            }
        }
    }
    best.and_then(|(_, _, i)| RENDERERS.get(i))
}

/// Whether `accept` takes `media_type` at all (`q` above 0).
pub fn acceptable(accept: Option<&str>, media_type: &str) -> bool {
    let accept = match accept.map(str::trim) {
        None | Some("") => return true,
        Some(a) => a,
    };
    accept.split(',').any(|range| {
        range.trim().parse::<mime::Mime>().is_ok_and(|range| {
            let q = range
                .get_param("q")
                .and_then(|q| q.as_str().parse::<f32>().ok())
                .unwrap_or(1.0);
            q > 0.0 && matches(&range, media_type).is_some()
        })
    })
}

/// How specifically `range` names `media_type` (0 `*/*`, 1 `type/*`, 2 `type/subtype`, 3 with
/// parameters), or `None` when it does not. A row's parameters must all be in the range, and
/// the range's (beside `q`) all in the row.
fn matches(range: &mime::Mime, media_type: &str) -> Option<u8> {
    let row: mime::Mime = media_type.parse().ok()?;
    let params = |m: &mime::Mime| -> Vec<(String, String)> {
        let mut p: Vec<_> = m
            .params()
            .filter(|(name, _)| name.as_str() != "q" && name.as_str() != "charset")
            .map(|(n, v)| (n.as_str().to_ascii_lowercase(), v.as_str().to_owned()))
            .collect();
        p.sort();
        p
    };
    let (range_params, row_params) = (params(range), params(&row));
    if range.type_() == mime::STAR && range.subtype() == mime::STAR {
        return row_params.is_empty().then_some(0);
    }
    if range.type_() != row.type_() {
        return None;
    }
    if range.subtype() == mime::STAR {
        return row_params.is_empty().then_some(1);
    }
    if range.subtype() != row.subtype() || range_params != row_params {
        return None;
    }
    Some(if row_params.is_empty() { 2 } else { 3 })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chosen(accept: Option<&str>) -> Option<&'static str> {
        choose(accept).map(|r| r.media_type)
    }

    #[test]
    fn accept_chooses_by_q_specificity_and_table_order() {
        assert_eq!(chosen(None), Some("application/json"));
        assert_eq!(chosen(Some("*/*")), Some("application/json"));
        assert_eq!(
            chosen(Some("application/sarif+json")),
            Some("application/sarif+json")
        );
        assert_eq!(
            chosen(Some("text/html, text/*;q=0.5")),
            Some("text/turtle"),
            "text/* falls to the first text row"
        );
        assert_eq!(
            chosen(Some("application/json;q=0.4, text/plain")),
            Some("text/plain")
        );
        assert_eq!(
            chosen(Some("text/turtle; charset=utf-8")),
            Some("text/turtle")
        );
        assert_eq!(chosen(Some("image/png")), None);
        assert_eq!(chosen(Some("application/json;q=0")), None);
        assert_eq!(
            chosen(Some("text/turtle; profile=\"https://w3id.org/ftr#\"")),
            Some("text/turtle; profile=\"https://w3id.org/ftr#\"")
        );
        assert_eq!(
            chosen(Some(
                "application/ld+json;profile=\"https://w3id.org/ftr#\", */*;q=0.1"
            )),
            Some("application/ld+json; profile=\"https://w3id.org/ftr#\"")
        );
        // A profile nobody renders is not the plain type.
        assert_eq!(
            chosen(Some("text/turtle;profile=\"https://example.org/x\"")),
            None
        );
    }
}
