//! `fairlint profiles` and `fairlint rules`: the bundled profiles and the finding codes.

use crate::args::{ListFormat, RulesArgs, RulesFormat};
use crate::{EXIT_ERROR, EXIT_OK};
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

/// `fairlint rules [CODE]`: every code, or one code's page; exit 2 for an unknown code.
pub fn rules(args: RulesArgs) -> anyhow::Result<u8> {
    let mut out = std::io::stdout().lock();
    let rule = match &args.code {
        Some(code) => match fair_core::rules::rule(&code.trim().to_ascii_uppercase()) {
            Some(rule) => Some(rule),
            None => {
                eprintln!(
                    "fairlint: error: unknown code '{code}' (`fairlint rules` lists every code)"
                );
                return Ok(EXIT_ERROR);
            }
        },
        None => None,
    };
    match (args.format, rule) {
        (RulesFormat::Json, None) => rules_json(&mut out)?,
        (RulesFormat::Text, None) => rules_text(&mut out)?,
        (RulesFormat::Json, Some(rule)) => {
            writeln!(out, "{}", serde_json::to_string_pretty(&rule_json(rule))?)?
        }
        (RulesFormat::Text, Some(rule)) => rule_page(&mut out, rule)?,
        (RulesFormat::Ftr | RulesFormat::FtrJsonld, rule) => {
            let only = rule.map(|r| indicators_of(r.code));
            let base = &args.ftr_base;
            let text = if args.format == RulesFormat::Ftr {
                fair_core::render::ftr::tests_turtle(base, only.as_deref())
            } else {
                fair_core::render::ftr::tests_jsonld(base, only.as_deref())
            };
            out.write_all(text.as_bytes())?;
        }
    }
    Ok(EXIT_OK)
}

/// One code's page: what it checks, why it matters (its FAIR principle and the indicators it
/// fails), an example finding, the fix and whether `fairlint fix` applies it.
fn rule_page(out: &mut impl Write, r: &fair_core::rules::Rule) -> anyhow::Result<()> {
    writeln!(out, "{} {}", r.code, r.slug)?;
    writeln!(
        out,
        "  severity {} · status {} · since {}",
        r.severity.name(),
        serde_json::to_value(r.status)?.as_str().unwrap_or("?"),
        r.since
    )?;
    writeln!(out, "\nWhat\n  {}", r.summary)?;
    writeln!(
        out,
        "\nWhy\n  FAIR principle {} ({}).",
        r.principle.name(),
        r.principle.letter().title()
    )?;
    let indicators = indicators_of(r.code);
    if indicators.is_empty() {
        writeln!(out, "  It fails no scored indicator.")?;
    } else {
        writeln!(out, "  It fails these indicators of the FAIR score:")?;
        if let Some(catalogue) = fair_core::scoring::catalogue() {
            for i in catalogue
                .indicators
                .iter()
                .filter(|i| indicators.contains(&i.id))
            {
                writeln!(out, "    {}  {}", i.id, i.description)?;
            }
        }
    }
    writeln!(out, "\nExample finding")?;
    match fair_core::rules::example(r.code) {
        Some(example) => writeln!(
            out,
            "  {}\n  (test-vectors/{})",
            example.message, example.input
        )?,
        None => writeln!(
            out,
            "  (no test vector produces one; message template: {})",
            r.message
        )?,
    }
    writeln!(out, "\nFix\n  {}", r.fix)?;
    writeln!(out, "\nFixable")?;
    match fair_core::rules::fixability(r.code) {
        Some((applicability, what)) => writeln!(
            out,
            "  yes, {} (`fairlint fix`): {what}",
            applicability.name()
        )?,
        None => writeln!(out, "  no automatic fix")?,
    }
    writeln!(out, "\nMore\n  {}", fair_core::rules::docs_url(r.code))?;
    Ok(())
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
    let rules: Vec<serde_json::Value> = fair_core::rules::all().iter().map(rule_json).collect();
    writeln!(out, "{}", serde_json::to_string_pretty(&rules)?)?;
    Ok(())
}

/// A rule as JSON: the registry's fields, its indicators, example and fixability.
fn rule_json(r: &fair_core::rules::Rule) -> serde_json::Value {
    {
        {
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
        }
    }
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
