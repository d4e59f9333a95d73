//! `fairlint profiles` and `fairlint rules`: the bundled profiles and the finding codes.

use crate::args::ListFormat;
use crate::EXIT_OK;
use std::io::Write;

pub fn list_profiles(format: ListFormat) -> anyhow::Result<u8> {
    let mut out = std::io::stdout().lock();
    match format {
        ListFormat::Json => writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(fair_core::profiles::PROFILES)?
        )?,
        ListFormat::Text => {
            // Columns as wide as their longest entry, so every row lines up.
            let id_width = fair_core::profiles::PROFILES
                .iter()
                .map(|p| p.id.len())
                .max()
                .unwrap_or(0);
            let version_width = fair_core::profiles::PROFILES
                .iter()
                .map(|p| p.version.len())
                .max()
                .unwrap_or(0);
            for p in fair_core::profiles::PROFILES {
                writeln!(
                    out,
                    "{:<id_width$}  {:<version_width$}  {}",
                    p.id, p.version, p.description
                )?;
            }
        }
    }
    Ok(EXIT_OK)
}

pub fn list_rules(format: ListFormat) -> anyhow::Result<u8> {
    let mut out = std::io::stdout().lock();
    match format {
        ListFormat::Json => rules_json(&mut out)?,
        ListFormat::Text => rules_text(&mut out)?,
    }
    Ok(EXIT_OK)
}

/// Which indicators each code can fail, from the indicator catalogue.
fn indicators_of(code: &str) -> Vec<String> {
    fair_core::scoring::catalogue()
        .map(|c| {
            c.indicators
                .iter()
                .filter(|i| i.fails_on.iter().any(|f| f == code))
                .map(|i| i.id.clone())
                .collect()
        })
        .unwrap_or_default()
}

pub(crate) fn rules_json(out: &mut impl Write) -> anyhow::Result<()> {
    let rules: Vec<serde_json::Value> = fair_core::rules::all()
        .iter()
        .map(|r| {
            let mut v = serde_json::to_value(r).unwrap_or_default();
            if let Some(map) = v.as_object_mut() {
                map.insert(
                    "indicators".to_owned(),
                    serde_json::json!(indicators_of(r.code)),
                );
                map.insert(
                    "example".to_owned(),
                    serde_json::json!(fair_core::rules::example(r.code)),
                );
                // `null`, or how safely `fairlint fix` can fix it and what the fix does.
                map.insert(
                    "fixable".to_owned(),
                    match fair_core::rules::fixability(r.code) {
                        Some((applicability, what)) => serde_json::json!({
                            "applicability": applicability,
                            "fix": what,
                        }),
                        None => serde_json::Value::Null,
                    },
                );
            }
            v
        })
        .collect();
    writeln!(out, "{}", serde_json::to_string_pretty(&rules)?)?;
    Ok(())
}

fn rules_text(out: &mut impl Write) -> anyhow::Result<()> {
    for r in fair_core::rules::all() {
        writeln!(
            out,
            "{}  {:<5} {:<8} {:<30} {}",
            r.code,
            r.principle.name(),
            r.severity.name(),
            r.slug,
            r.summary
        )?;
        let indicators = indicators_of(r.code);
        if !indicators.is_empty() {
            writeln!(out, "      indicators: {}", indicators.join(", "))?;
        }
        writeln!(out, "      fix: {}", r.fix)?;
        if let Some((applicability, what)) = fair_core::rules::fixability(r.code) {
            writeln!(
                out,
                "      fixable ({}, `fairlint fix`): {what}",
                applicability.name()
            )?;
        }
        if let Some(example) = fair_core::rules::example(r.code) {
            writeln!(
                out,
                "      example: {}  (test-vectors/{})",
                example.message, example.input
            )?;
        }
    }
    Ok(())
}
