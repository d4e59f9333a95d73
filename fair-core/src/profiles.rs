//! Bundled profiles: what a record is checked against.

use serde::Serialize;

/// A bundled profile.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Profile {
    /// Identifier used with `--profile` (`core`, ...).
    pub id: &'static str,
    /// Version.
    pub version: &'static str,
    /// What it checks.
    pub description: &'static str,
    /// IRIs a record may name in `dct:conformsTo` to ask for this profile.
    pub conforms_to: &'static [&'static str],
}

/// Every bundled profile; the first is the default.
pub const PROFILES: &[Profile] = &[Profile {
    id: "core",
    version: "0.1.0",
    description: "Checks that apply to any metadata record: it parses, yields statements, describes a typed resource with defined prefixes and states the profile it claims",
    conforms_to: &[],
}];

/// The profile with identifier `id`.
pub fn profile(id: &str) -> Option<&'static Profile> {
    PROFILES.iter().find(|p| p.id.eq_ignore_ascii_case(id))
}

/// The default profile.
pub fn default_profile() -> &'static Profile {
    #[allow(clippy::indexing_slicing)] // PROFILES is a non-empty constant.
    &PROFILES[0]
}
