//! Autofix: apply the machine-applicable fixes of a report to the record's text, keeping
//! every byte the fixes do not touch, and check the result again.
//!
//! [`Engine::fix`] checks the input, places each fixable finding's [`Edit`]s in the JSON text
//! (by the finding's JSON Pointer), applies the ones that do not overlap (in report order, which
//! is deterministic), and checks the new text. A batch that breaks the record (it no longer
//! parses, or a new error or warning appears that no fix of the next round removes) is undone
//! and its fixes tried one by one, keeping those that do no harm. Rounds repeat until nothing
//! changes, so fixing twice gives what fixing once gave.

mod json_text;

use crate::{Engine, Finding, InputOptions, Report, Severity, ValidateError};
use fair_model::{Applicability, Edit, Fix, Location};
use serde::Serialize;

/// What [`Engine::fix`] may apply.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct FixOptions {
    /// Apply unsafe fixes too (they change meaning: a property renamed to the one suggested,
    /// the @id of a described node rewritten).
    pub unsafe_fixes: bool,
}

impl FixOptions {
    /// Safe fixes only.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets whether unsafe fixes are applied.
    pub fn unsafe_fixes(mut self, yes: bool) -> Self {
        self.unsafe_fixes = yes;
        self
    }
}

/// A fix that was applied.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AppliedFix {
    /// The finding's code.
    pub code: String,
    /// How safe the fix was.
    pub applicability: Applicability,
    /// The fix's advice.
    pub message: String,
    /// Where the finding was, in the text before the fix.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    /// The edits made.
    pub edits: Vec<Edit>,
}

/// A fixable finding left in the result, and why its fix was not applied.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SkippedFix {
    /// The finding's code.
    pub code: String,
    /// How safe the fix is.
    pub applicability: Applicability,
    /// The fix's advice.
    pub message: String,
    /// Where the finding is, in the fixed text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    /// Why it was not applied.
    pub reason: String,
}

/// The outcome of [`Engine::fix`].
#[derive(Debug, Clone, Serialize)]
pub struct FixResult {
    /// The fixed text (the input itself when nothing was applied).
    pub text: String,
    /// The fixes applied, in the order applied.
    pub applied: Vec<AppliedFix>,
    /// The fixable findings left, with the reason each was not applied.
    pub skipped: Vec<SkippedFix>,
    /// The report on the fixed text.
    pub report: Report,
}

impl FixResult {
    /// Whether the text changed.
    pub fn changed(&self) -> bool {
        !self.applied.is_empty()
    }
}

/// At most this many rounds (a fix may uncover another: an obsolete term's replacement has a
/// label of its own).
const MAX_ROUNDS: usize = 8;

/// A finding's identity across rounds: code, focus node, path and value, joined.
type Key = String;

fn key(f: &Finding) -> Key {
    let part = |p: &Option<String>| p.as_deref().unwrap_or("").to_owned();
    [
        f.code.clone(),
        part(&f.focus_node),
        part(&f.path),
        part(&f.value),
    ]
    .join("\u{1f}")
}

/// Where a finding is, without its value: what a fix that rewrites the value keeps.
type Place<'f> = (&'f str, Option<&'f str>, Option<&'f str>);

fn place(f: &Finding) -> Place<'_> {
    (f.code.as_str(), f.focus_node.as_deref(), f.path.as_deref())
}

/// The finding's fix, when it has edits.
fn editable(f: &Finding) -> Option<&Fix> {
    f.fix.as_ref().filter(|fix| !fix.edits.is_empty())
}

/// The finding's fix, when `options` let it be applied.
fn applicable<'f>(f: &'f Finding, options: &FixOptions) -> Option<&'f Fix> {
    editable(f).filter(|fix| match fix.applicability {
        Applicability::Safe => true,
        Applicability::Unsafe => options.unsafe_fixes,
        Applicability::DisplayOnly => false,
    })
}

/// A planned fix: the finding and where its edits go.
struct Planned<'r> {
    finding: &'r Finding,
    fix: &'r Fix,
    replacements: Vec<json_text::Replacement>,
}

impl Engine {
    /// Applies the fixes of `bytes`' findings (safe ones; unsafe ones too with
    /// [`FixOptions::unsafe_fixes`]) and checks the result. Fixes are placed in the JSON text
    /// of JSON-LD, bio.tools and DataCite JSON records; in other formats they stay advice and
    /// are listed in [`FixResult::skipped`]. `Err` when the input cannot be checked at all
    /// (as [`Engine::check_input`]).
    pub fn fix(
        &self,
        bytes: &[u8],
        input: &InputOptions<'_>,
        options: &FixOptions,
    ) -> Result<FixResult, ValidateError> {
        let first = self.check_input(bytes, input)?;
        // Every round reads the text in the format the first check detected.
        let input = InputOptions {
            format: Some(first.document.format),
            ..*input
        };
        let Ok(original) = std::str::from_utf8(bytes) else {
            return Ok(self.unfixed(bytes, first, "the input is not UTF-8 text"));
        };
        let max_depth = self.config().limits.max_json_depth;
        let Some(mut root) = json_text::parse(original, max_depth) else {
            let reason = "fixes are applied to JSON text only; this input is not JSON";
            return Ok(self.unfixed(bytes, first, reason));
        };
        // Fixes write in the document's style, so it holds for every round.
        let style = json_text::Style::of(original);
        let mut text = original.to_owned();
        let mut report = first;
        let mut applied = Vec::new();
        // Vectors rather than maps throughout: a record has few fixable findings, and each map type
        // would add to the WebAssembly package.
        let mut reasons: Vec<(Key, String)> = Vec::new();
        for round in 0..MAX_ROUNDS {
            if round > 0 {
                match json_text::parse(&text, max_depth) {
                    Some(new_root) => root = new_root,
                    None => break,
                }
            }
            let mut planned: Vec<Planned<'_>> = Vec::new();
            let mut taken: Vec<(usize, usize)> = Vec::new();
            for f in &report.findings {
                let Some(fix) = applicable(f, options) else {
                    continue;
                };
                if reasons.iter().any(|(k, _)| *k == key(f)) {
                    continue;
                }
                let pointer = f
                    .location
                    .as_ref()
                    .filter(|l| l.block.is_none())
                    .and_then(|l| l.pointer.as_deref());
                let mut replacements = Vec::new();
                let mut failed = None;
                for edit in &fix.edits {
                    match json_text::place(&root, style, pointer, edit) {
                        Ok(r) => replacements.extend(r),
                        Err(why) => failed = Some(why),
                    }
                }
                if let Some(why) = failed {
                    reasons.push((key(f), why.to_owned()));
                    continue;
                }
                // (In document order: the reader walks the text in order.)
                let overlaps = replacements
                    .iter()
                    .any(|r| taken.iter().any(|&(s, e)| r.start < e && s < r.end));
                if overlaps {
                    // Applied in a later round, if still there.
                    continue;
                }
                taken.extend(replacements.iter().map(|r| (r.start, r.end)));
                planned.push(Planned {
                    finding: f,
                    fix,
                    replacements,
                });
            }
            if planned.is_empty() {
                break;
            }
            // The whole batch, and if it does harm, each fix on its own.
            let batch: Vec<&Planned<'_>> = planned.iter().collect();
            let next = match self.try_apply(&text, &batch, &input, &report, options) {
                Ok(next) => {
                    applied.extend(batch.iter().copied().map(applied_fix));
                    Some(next)
                }
                Err(_) => {
                    let mut current: Option<(String, Report)> = None;
                    let mut kept: Vec<&Planned<'_>> = Vec::new();
                    for p in &planned {
                        let mut trial = kept.clone();
                        trial.push(p);
                        match self.try_apply(&text, &trial, &input, &report, options) {
                            Ok(next) => {
                                kept.push(p);
                                current = Some(next);
                            }
                            Err(why) => {
                                reasons.push((key(p.finding), why));
                            }
                        }
                    }
                    applied.extend(kept.iter().copied().map(applied_fix));
                    current
                }
            };
            let Some((new_text, new_report)) = next else {
                break;
            };
            text = new_text;
            report = new_report;
        }
        let skipped = report
            .findings
            .iter()
            .filter_map(|f| editable(f).map(|fix| (f, fix)))
            .map(|(f, fix)| {
                let reason = reasons
                    .iter()
                    .find(|(k, _)| *k == key(f))
                    .map(|(_, why)| why.clone())
                    .unwrap_or_else(|| match fix.applicability {
                        Applicability::Unsafe if !options.unsafe_fixes => {
                            "unsafe: it changes meaning (apply with --unsafe-fixes)".to_owned()
                        }
                        _ => "still present after the fixes were applied".to_owned(),
                    });
                skipped_fix(f, fix, reason)
            })
            .collect();
        Ok(FixResult {
            text,
            applied,
            skipped,
            report,
        })
    }

    /// Applies `batch` to `text` and checks it: the new text and report, or why not (the text
    /// no longer parses, or a new error or warning appeared that no fix removes).
    fn try_apply(
        &self,
        text: &str,
        batch: &[&Planned<'_>],
        input: &InputOptions<'_>,
        before: &Report,
        options: &FixOptions,
    ) -> Result<(String, Report), String> {
        // In text order, by insertion (a handful of edits; a sort would be one more generic
        // instantiation in the WebAssembly package).
        let mut replacements: Vec<&json_text::Replacement> = Vec::new();
        for r in batch.iter().flat_map(|p| p.replacements.iter()) {
            let at = replacements
                .iter()
                .position(|o| o.start > r.start)
                .unwrap_or(replacements.len());
            replacements.insert(at, r);
        }
        let mut out = String::with_capacity(text.len() + 64);
        let mut at = 0;
        for r in replacements {
            // Planned fixes never overlap; a replacement that would is not applied.
            let Some(before) = text.get(at..r.start) else {
                continue;
            };
            out.push_str(before);
            out.push_str(&r.text);
            at = r.end;
        }
        out.push_str(text.get(at..).unwrap_or_default());
        let report = self
            .check_input(out.as_bytes(), input)
            .map_err(|e| format!("the fixed text would not parse: {e}"))?;
        // Safe fixes must do no harm: no error or warning (by code, focus node and path: a
        // finding whose value the fix rewrote is the same finding) that was not there, unless
        // a fix of the next round removes it. Unsafe fixes change meaning by design, and may
        // uncover what the new meaning asks for (a type renamed to Dataset meets the Dataset
        // profile); they need only leave a record that parses.
        let all_unsafe = batch
            .iter()
            .all(|p| p.fix.applicability == Applicability::Unsafe);
        let mut old: Vec<Place<'_>> = before
            .findings
            .iter()
            .filter(|f| f.severity >= Severity::Warning)
            .map(place)
            .collect();
        let mut harm: Vec<&str> = Vec::new();
        for f in report
            .findings
            .iter()
            .filter(|f| f.severity >= Severity::Warning)
        {
            if let Some(i) = old.iter().position(|p| *p == place(f)) {
                old.swap_remove(i);
            } else if applicable(f, options).is_none() && !harm.contains(&f.code.as_str()) {
                harm.push(f.code.as_str());
            }
        }
        if !harm.is_empty() && !all_unsafe {
            return Err(format!("it would introduce {}", harm.join(", ")));
        }
        Ok((out, report))
    }

    /// The result for an input no fix can be placed in.
    fn unfixed(&self, bytes: &[u8], report: Report, reason: &str) -> FixResult {
        let skipped = report
            .findings
            .iter()
            .filter_map(|f| editable(f).map(|fix| skipped_fix(f, fix, reason.to_owned())))
            .collect();
        FixResult {
            text: String::from_utf8_lossy(bytes).into_owned(),
            applied: Vec::new(),
            skipped,
            report,
        }
    }
}

fn applied_fix(p: &Planned<'_>) -> AppliedFix {
    let (f, fix) = (p.finding, p.fix);
    AppliedFix {
        code: f.code.clone(),
        applicability: fix.applicability,
        message: fix.message.clone(),
        location: f.location.clone(),
        edits: fix.edits.clone(),
    }
}

fn skipped_fix(f: &Finding, fix: &Fix, reason: String) -> SkippedFix {
    SkippedFix {
        code: f.code.clone(),
        applicability: fix.applicability,
        message: fix.message.clone(),
        location: f.location.clone(),
        reason,
    }
}
