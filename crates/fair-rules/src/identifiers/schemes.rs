//! Identifier syntax per scheme: recognising a value as DOI, ORCID, ISNI, ROR, Handle, ARK,
//! URN, UUID, RRID, bio.tools, PURL / w3id or a Bioregistry CURIE / URI, and checking it
//! (syntax, check digits, known prefix, local-ID pattern, deprecation).

use super::Check;
use crate::refdata;

const DOI_FORM: &str = "https://doi.org/10.NNNN/suffix";
const ORCID_FORM: &str = "https://orcid.org/NNNN-NNNN-NNNN-NNNX";
const ISNI_FORM: &str = "https://isni.org/isni/NNNNNNNNNNNNNNNX";
const ROR_FORM: &str = "https://ror.org/0XXXXXXNN";
const HANDLE_FORM: &str = "https://hdl.handle.net/PREFIX/SUFFIX";
const ARK_FORM: &str = "https://n2t.net/ark:/NAAN/name";
const URN_FORM: &str = "urn:NID:NSS";
const UUID_FORM: &str = "urn:uuid:xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx";
const RRID_FORM: &str = "https://scicrunch.org/resolver/RRID:SCR_NNNNNN";
const BIOTOOLS_FORM: &str = "https://bio.tools/tool_id";
const PURL_FORM: &str = "https://purl.org/path";
const W3ID_FORM: &str = "https://w3id.org/path";

fn invalid(scheme: &'static str, reason: impl Into<String>, form: &'static str) -> Option<Check> {
    Some(Check::Invalid {
        scheme,
        reason: reason.into(),
        form,
    })
}

fn valid(scheme: &'static str, value: &str, preferred: String) -> Option<Check> {
    Some(Check::Valid {
        scheme,
        preferred: (preferred != value).then_some(preferred),
    })
}

/// Splits `http(s)://host/path` (host lower-cased, `www.` dropped).
fn split_url(value: &str) -> Option<(String, &str)> {
    let rest = value
        .strip_prefix("https://")
        .or_else(|| value.strip_prefix("http://"))?;
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    let host = host.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_owned();
    Some((host, path))
}

/// Recognises an identifier IRI by its resolver host (used for every IRI in a record).
pub fn check_iri(value: &str) -> Option<Check> {
    let (host, path) = split_url(value)?;
    match host.as_str() {
        "doi.org" | "dx.doi.org" => doi(value, path),
        "orcid.org" => orcid(value, path),
        "isni.org" => isni(value, path.strip_prefix("isni/").unwrap_or(path)),
        "ror.org" => ror(value, path),
        "hdl.handle.net" => handle(value, path),
        "n2t.net" if path.starts_with("ark:") => ark(value, path),
        "identifiers.org" => registry_uri(value, path, true),
        "bioregistry.io" => registry_uri(value, path, false),
        "bio.tools" => biotools(value, path),
        "scicrunch.org" => path.strip_prefix("resolver/").and_then(|p| rrid(value, p)),
        "purl.org" => persistent_path(path, "PURL", PURL_FORM),
        "w3id.org" => persistent_path(path, "w3id", W3ID_FORM),
        _ => path
            .find("ark:")
            .filter(|&i| i == 0 || path.as_bytes().get(i.wrapping_sub(1)) == Some(&b'/'))
            .and_then(|i| ark(value, path.get(i..).unwrap_or(""))),
    }
}

/// Recognises a literal identifier value (bare forms and CURIEs included).
pub fn check_value(value: &str) -> Option<Check> {
    let v = value.trim();
    if v.is_empty()
        || v.contains(char::is_whitespace) && !v.to_ascii_uppercase().starts_with("ISNI")
    {
        return None;
    }
    if v.starts_with("http://") || v.starts_with("https://") {
        return check_iri(v);
    }
    let lower = v.to_ascii_lowercase();
    if let Some(rest) = lower
        .strip_prefix("doi:")
        .or_else(|| lower.strip_prefix("info:doi/"))
    {
        let start = v.len() - rest.len();
        return doi(v, v.get(start..).unwrap_or("").trim_start_matches('/'));
    }
    if v.starts_with("10.") && v.contains('/') {
        return doi(v, v);
    }
    if let Some(rest) = lower.strip_prefix("orcid:") {
        return orcid(v, v.get(v.len() - rest.len()..).unwrap_or(""));
    }
    if lower.starts_with("isni") {
        let digits: String = v
            .get(4..)
            .unwrap_or("")
            .trim_start_matches(':')
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        return isni(v, &digits);
    }
    if let Some(rest) = lower.strip_prefix("hdl:") {
        return handle(v, v.get(v.len() - rest.len()..).unwrap_or(""));
    }
    if lower.starts_with("ark:") {
        return ark(v, v);
    }
    if lower.starts_with("urn:") {
        return urn(v);
    }
    if lower.starts_with("rrid:") {
        return rrid(v, v);
    }
    if let Some(rest) = lower.strip_prefix("biotools:") {
        return biotools(v, v.get(v.len() - rest.len()..).unwrap_or(""));
    }
    if is_uuid_shape(v) {
        return uuid(v, v);
    }
    if looks_like_orcid(v) {
        return orcid(v, v);
    }
    curie(v)
}

fn looks_like_orcid(v: &str) -> bool {
    v.len() == 19
        && v.char_indices().all(|(i, c)| {
            if matches!(i, 4 | 9 | 14) {
                c == '-'
            } else {
                c.is_ascii_digit() || c == 'X' || c == 'x'
            }
        })
}

fn is_uuid_shape(v: &str) -> bool {
    v.len() == 36
        && [8, 13, 18, 23]
            .iter()
            .all(|&i| v.as_bytes().get(i) == Some(&b'-'))
}

// ---------------------------------------------------------------- DOI ----

fn doi(value: &str, doi: &str) -> Option<Check> {
    let doi = doi.trim();
    if doi.is_empty() {
        return invalid("DOI", "no DOI after the resolver", DOI_FORM);
    }
    let Some((prefix, suffix)) = doi.split_once('/') else {
        return invalid("DOI", "no '/' between prefix and suffix", DOI_FORM);
    };
    let Some(registrant) = prefix.strip_prefix("10.") else {
        return invalid(
            "DOI",
            format!("prefix '{prefix}' does not start with '10.'"),
            DOI_FORM,
        );
    };
    if registrant.is_empty()
        || !registrant
            .split('.')
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
    {
        return invalid(
            "DOI",
            format!("registrant code '{registrant}' is not digits (10.NNNN)"),
            DOI_FORM,
        );
    }
    if suffix.is_empty() {
        return invalid("DOI", "empty suffix after the prefix", DOI_FORM);
    }
    if suffix.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return invalid("DOI", "suffix contains white space", DOI_FORM);
    }
    valid("DOI", value, format!("https://doi.org/{doi}"))
}

// ------------------------------------------------------ ORCID and ISNI ----

/// ISO 7064 Mod 11-2 check character of the first 15 digits.
pub fn mod11_2(digits: &str) -> Option<char> {
    let mut total: u32 = 0;
    for c in digits.chars() {
        total = (total + c.to_digit(10)?) * 2;
    }
    let result = (12 - total % 11) % 11;
    Some(if result == 10 {
        'X'
    } else {
        char::from_digit(result, 10)?
    })
}

fn orcid(value: &str, id: &str) -> Option<Check> {
    let id = id.trim().trim_end_matches('/');
    let bare: String = id.chars().filter(|&c| c != '-').collect();
    let shape_ok = looks_like_orcid(id) && bare.len() == 16;
    if !shape_ok {
        return invalid(
            "ORCID",
            format!("'{id}' is not four groups of four digits (NNNN-NNNN-NNNN-NNNX)"),
            ORCID_FORM,
        );
    }
    let upper = id.to_ascii_uppercase();
    let (body, check) = bare.split_at(15);
    if body.contains(['X', 'x']) {
        return invalid(
            "ORCID",
            "'X' is only allowed as the check character",
            ORCID_FORM,
        );
    }
    let expected = mod11_2(body)?;
    if !check.eq_ignore_ascii_case(&expected.to_string()) {
        return invalid(
            "ORCID",
            format!(
                "check character is '{check}', the ISO 7064 Mod 11-2 checksum gives '{expected}'"
            ),
            ORCID_FORM,
        );
    }
    valid("ORCID", value, format!("https://orcid.org/{upper}"))
}

fn isni(value: &str, id: &str) -> Option<Check> {
    let bare: String = id
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect::<String>()
        .to_ascii_uppercase();
    let ok = bare.len() == 16
        && bare.chars().take(15).all(|c| c.is_ascii_digit())
        && bare
            .chars()
            .last()
            .is_some_and(|c| c.is_ascii_digit() || c == 'X');
    if !ok {
        return invalid(
            "ISNI",
            format!("'{id}' is not 16 digits (the last may be X)"),
            ISNI_FORM,
        );
    }
    let (body, check) = bare.split_at(15);
    let expected = mod11_2(body)?;
    if check != expected.to_string() {
        return invalid(
            "ISNI",
            format!(
                "check character is '{check}', the ISO 7064 Mod 11-2 checksum gives '{expected}'"
            ),
            ISNI_FORM,
        );
    }
    valid("ISNI", value, format!("https://isni.org/isni/{bare}"))
}

// ---------------------------------------------------------------- ROR ----

const CROCKFORD: &str = "0123456789abcdefghjkmnpqrstvwxyz";

pub(super) fn ror(value: &str, id: &str) -> Option<Check> {
    let id = id.trim().trim_end_matches('/').to_ascii_lowercase();
    let ok = id.len() == 9
        && id.starts_with('0')
        && id.chars().take(7).all(|c| CROCKFORD.contains(c))
        && id.chars().skip(7).all(|c| c.is_ascii_digit());
    if !ok {
        return invalid(
            "ROR",
            format!("'{id}' is not '0', six Crockford base-32 characters and two check digits"),
            ROR_FORM,
        );
    }
    let mut n: u64 = 0;
    for c in id.chars().take(7) {
        n = n * 32 + CROCKFORD.find(c)? as u64;
    }
    let expected = 98 - (n * 100) % 97;
    let check: u64 = id.get(7..)?.parse().ok()?;
    if check != expected {
        return invalid(
            "ROR",
            format!(
                "check digits are {check:02}, the ISO 7064 Mod 97-10 checksum gives {expected:02}"
            ),
            ROR_FORM,
        );
    }
    valid("ROR", value, format!("https://ror.org/{id}"))
}

// ------------------------------------------------- Handle, ARK, URN, UUID ----

fn handle(value: &str, h: &str) -> Option<Check> {
    let h = h.trim();
    let Some((prefix, suffix)) = h.split_once('/') else {
        return invalid("Handle", "no '/' between prefix and suffix", HANDLE_FORM);
    };
    if prefix.is_empty()
        || !prefix
            .split('.')
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
    {
        return invalid(
            "Handle",
            format!("prefix '{prefix}' is not dot-separated digits"),
            HANDLE_FORM,
        );
    }
    if suffix.is_empty() {
        return invalid("Handle", "empty suffix", HANDLE_FORM);
    }
    if prefix.starts_with("10.") {
        return doi(value, h);
    }
    valid("Handle", value, format!("https://hdl.handle.net/{h}"))
}

fn ark(value: &str, a: &str) -> Option<Check> {
    let rest = a.get(4..).unwrap_or("").trim_start_matches('/');
    let (naan, name) = rest.split_once('/').unwrap_or((rest, ""));
    let naan_ok = naan.len() == 5
        && naan
            .chars()
            .all(|c| c.is_ascii_digit() || "bcdfghjkmnpqrstvwxz".contains(c));
    if !naan_ok {
        return invalid(
            "ARK",
            format!("NAAN '{naan}' is not five digits / betanumeric characters"),
            ARK_FORM,
        );
    }
    if name.is_empty() {
        return invalid("ARK", "no name after the NAAN", ARK_FORM);
    }
    valid("ARK", value, format!("https://n2t.net/ark:/{naan}/{name}"))
}

fn urn(value: &str) -> Option<Check> {
    let rest = value.get(4..).unwrap_or("");
    let (nid, nss) = rest.split_once(':').unwrap_or((rest, ""));
    if nid.eq_ignore_ascii_case("uuid") {
        return uuid(value, nss);
    }
    let nid_ok = (2..=32).contains(&nid.len())
        && nid.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        && !nid.starts_with('-')
        && !nid.ends_with('-');
    if !nid_ok {
        return invalid(
            "URN",
            format!("namespace identifier '{nid}' is not 2-32 letters, digits or '-'"),
            URN_FORM,
        );
    }
    if nss.is_empty() {
        return invalid("URN", "empty namespace-specific string", URN_FORM);
    }
    valid("URN", value, value.to_owned())
}

fn uuid(value: &str, u: &str) -> Option<Check> {
    let ok = is_uuid_shape(u)
        && u.chars()
            .enumerate()
            .all(|(i, c)| matches!(i, 8 | 13 | 18 | 23) || c.is_ascii_hexdigit());
    if !ok {
        return invalid(
            "UUID",
            format!("'{u}' is not 32 hexadecimal digits in groups 8-4-4-4-12"),
            UUID_FORM,
        );
    }
    valid(
        "UUID",
        value,
        format!("urn:uuid:{}", u.to_ascii_lowercase()),
    )
}

// ------------------------------------------------------ RRID, bio.tools ----

fn rrid(value: &str, r: &str) -> Option<Check> {
    let id = r.get(5..).unwrap_or("");
    let (kind, local) = id.split_once(['_', ':']).unwrap_or((id, ""));
    let shape_ok = !kind.is_empty()
        && kind.chars().all(|c| c.is_ascii_alphanumeric())
        && !local.is_empty()
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "_:-.".contains(c));
    if !shape_ok {
        return invalid(
            "RRID",
            format!("'{r}' is not RRID:<registry>_<id>"),
            RRID_FORM,
        );
    }
    let specific = match kind {
        "SCR" => Some((
            local.len() == 6 && local.chars().all(|c| c.is_ascii_digit()),
            "SCR_ and six digits",
        )),
        "AB" => Some((local.chars().all(|c| c.is_ascii_digit()), "AB_ and digits")),
        "CVCL" => Some((
            local.len() == 4 && local.chars().all(|c| c.is_ascii_alphanumeric()),
            "CVCL_ and four characters",
        )),
        _ => None,
    };
    if let Some((false, what)) = specific {
        return invalid("RRID", format!("'{r}' is not {what}"), RRID_FORM);
    }
    // `RRID:SCR_003070` is the form RRIDs are cited in; only other spellings get a hint.
    if value.starts_with("RRID:") {
        return Some(Check::Valid {
            scheme: "RRID",
            preferred: None,
        });
    }
    valid(
        "RRID",
        value,
        format!("https://scicrunch.org/resolver/RRID:{id}"),
    )
}

fn biotools(value: &str, id: &str) -> Option<Check> {
    let id = id.trim_end_matches('/');
    let id = id.strip_prefix("tool/").unwrap_or(id);
    if id.is_empty() || id.contains('/') && !id.starts_with("t/") {
        // Other bio.tools pages (search, API, ontology) are not tool identifiers.
        return if id.is_empty() {
            invalid("bio.tools ID", "no tool ID", BIOTOOLS_FORM)
        } else {
            None
        };
    }
    if id.starts_with("t/") || id.starts_with("api") {
        return None;
    }
    if !id
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "_-.".contains(c))
    {
        return invalid(
            "bio.tools ID",
            format!("'{id}' has characters other than letters, digits, '_', '-' and '.'"),
            BIOTOOLS_FORM,
        );
    }
    valid("bio.tools ID", value, format!("https://bio.tools/{id}"))
}

fn persistent_path(path: &str, scheme: &'static str, form: &'static str) -> Option<Check> {
    if path.trim_matches('/').is_empty() {
        return invalid(scheme, "no path after the host", form);
    }
    Some(Check::Valid {
        scheme,
        preferred: None,
    })
}

// -------------------------------------------------- CURIEs (Bioregistry) ----

fn registry_uri(value: &str, path: &str, identifiers_org: bool) -> Option<Check> {
    let path = path.trim_end_matches('/');
    if path.is_empty() || path.starts_with("registry") || path.starts_with("api") {
        return None;
    }
    // identifiers.org/prefix:id (current), identifiers.org/prefix/id (legacy).
    let (prefix, local) = match path.split_once(':') {
        Some((p, l)) if !p.contains('/') => (p, l),
        _ => path.split_once('/')?,
    };
    let prefix = prefix.rsplit('/').next().unwrap_or(prefix);
    let result = prefixed(prefix, local)?;
    if let Check::Valid { .. } = result {
        let scheme = if identifiers_org {
            "identifiers.org URI"
        } else {
            "Bioregistry URI"
        };
        let known_to_identifiers_org = refdata::get()
            .prefix(prefix)
            .is_some_and(|p| p.identifiers_org);
        let host = if identifiers_org && known_to_identifiers_org {
            "identifiers.org"
        } else {
            "bioregistry.io"
        };
        let canonical = refdata::get()
            .prefix(prefix)
            .map(|p| p.preferred)
            .unwrap_or(prefix);
        return valid(scheme, value, format!("https://{host}/{canonical}:{local}"));
    }
    Some(result)
}

/// A `prefix:local` value checked against Bioregistry.
fn curie(value: &str) -> Option<Check> {
    let (prefix, local) = value.split_once(':')?;
    if prefix.is_empty()
        || local.is_empty()
        || local.starts_with("//")
        || !prefix
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "._-".contains(c))
        || prefix.chars().all(|c| c.is_ascii_digit())
    {
        return None;
    }
    match prefixed(prefix, local)? {
        Check::Valid { scheme, .. } => {
            let p = refdata::get().prefix(prefix)?;
            valid(
                scheme,
                value,
                format!("https://bioregistry.io/{}:{local}", p.preferred),
            )
            .map(|c| match c {
                // A well-formed CURIE is fine as it is; the resolvable form is only offered.
                Check::Valid { scheme, .. } => Check::Valid {
                    scheme,
                    preferred: None,
                },
                other => other,
            })
        }
        other => Some(other),
    }
}

fn prefixed(prefix: &str, local: &str) -> Option<Check> {
    let data = refdata::get();
    let Some(p) = data.prefix(prefix) else {
        return Some(Check::UnknownPrefix {
            prefix: prefix.to_owned(),
        });
    };
    if p.deprecated {
        return Some(Check::DeprecatedPrefix {
            prefix: p.prefix,
            preferred: format!("https://bioregistry.io/{}:{local}", p.preferred),
        });
    }
    if let Some(re) = p.regex() {
        let embedded = format!("{}:{local}", p.preferred);
        let embedded_upper = format!("{}:{local}", p.preferred.to_ascii_uppercase());
        if !re.is_match(local) && !re.is_match(&embedded) && !re.is_match(&embedded_upper) {
            return Some(Check::PatternMismatch {
                prefix: p.prefix,
                local_id: local.to_owned(),
                pattern: p.pattern(),
            });
        }
    }
    Some(Check::Valid {
        scheme: "CURIE",
        preferred: None,
    })
}
