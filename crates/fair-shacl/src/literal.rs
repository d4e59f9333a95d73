//! Literal helpers: XSD lexical validity and value comparison.

use std::cmp::Ordering;
use std::str::FromStr;

use oxrdf::{Literal, Term};
use oxsdatatypes::{Date, DateTime, Decimal, Double, Duration, Time};

use super::vocab::XSD;

fn xsd_local(datatype: &str) -> Option<&str> {
    datatype.strip_prefix(XSD)
}

/// Bounds of the XSD integer types, as (min, max) in i128.
fn integer_bounds(local: &str) -> Option<(Option<i128>, Option<i128>)> {
    Some(match local {
        "integer" => (None, None),
        "long" => (Some(i64::MIN.into()), Some(i64::MAX.into())),
        "int" => (Some(i32::MIN.into()), Some(i32::MAX.into())),
        "short" => (Some(i16::MIN.into()), Some(i16::MAX.into())),
        "byte" => (Some(i8::MIN.into()), Some(i8::MAX.into())),
        "nonNegativeInteger" => (Some(0), None),
        "positiveInteger" => (Some(1), None),
        "nonPositiveInteger" => (None, Some(0)),
        "negativeInteger" => (None, Some(-1)),
        "unsignedLong" => (Some(0), Some(u64::MAX.into())),
        "unsignedInt" => (Some(0), Some(u32::MAX.into())),
        "unsignedShort" => (Some(0), Some(u16::MAX.into())),
        "unsignedByte" => (Some(0), Some(u8::MAX.into())),
        _ => return None,
    })
}

fn is_integer_lexical(s: &str) -> bool {
    let digits = s.strip_prefix(['+', '-']).unwrap_or(s);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

/// Whether the literal's lexical form is valid for its (XSD) datatype.
/// Unknown datatypes are considered valid.
pub(crate) fn is_well_formed(literal: &Literal) -> bool {
    let Some(local) = xsd_local(literal.datatype().as_str()) else {
        return true;
    };
    let value = literal.value();
    if let Some((min, max)) = integer_bounds(local) {
        if !is_integer_lexical(value) {
            return false;
        }
        if min.is_none() && max.is_none() {
            return true;
        }
        return match value.parse::<i128>() {
            Ok(n) => min.is_none_or(|m| n >= m) && max.is_none_or(|m| n <= m),
            Err(_) => false,
        };
    }
    match local {
        "decimal" => Decimal::from_str(value).is_ok(),
        "float" | "double" => Double::from_str(value).is_ok(),
        "boolean" => matches!(value, "true" | "false" | "1" | "0"),
        "dateTime" => DateTime::from_str(value).is_ok(),
        "dateTimeStamp" => DateTime::from_str(value).is_ok_and(|d| d.timezone().is_some()),
        "date" => Date::from_str(value).is_ok(),
        "time" => Time::from_str(value).is_ok(),
        "duration" => Duration::from_str(value).is_ok(),
        "gYear" => oxsdatatypes::GYear::from_str(value).is_ok(),
        "gYearMonth" => oxsdatatypes::GYearMonth::from_str(value).is_ok(),
        "gMonth" => oxsdatatypes::GMonth::from_str(value).is_ok(),
        "gDay" => oxsdatatypes::GDay::from_str(value).is_ok(),
        "gMonthDay" => oxsdatatypes::GMonthDay::from_str(value).is_ok(),
        "yearMonthDuration" => oxsdatatypes::YearMonthDuration::from_str(value).is_ok(),
        "dayTimeDuration" => oxsdatatypes::DayTimeDuration::from_str(value).is_ok(),
        "hexBinary" => {
            value.len().is_multiple_of(2) && value.bytes().all(|b| b.is_ascii_hexdigit())
        }
        _ => true,
    }
}

enum Value {
    Decimal(Decimal),
    Double(f64),
    DateTime(DateTime),
    Date(Date),
    Time(Time),
    Duration(Duration),
    String(String),
    Boolean(bool),
}

fn value_of(literal: &Literal) -> Option<Value> {
    if literal.language().is_some() {
        return None;
    }
    let local = xsd_local(literal.datatype().as_str())?;
    let s = literal.value();
    if integer_bounds(local).is_some() {
        if !is_well_formed(literal) {
            return None;
        }
        return Decimal::from_str(s).ok().map(Value::Decimal);
    }
    Some(match local {
        "decimal" => Value::Decimal(Decimal::from_str(s).ok()?),
        "float" | "double" => Value::Double(f64::from(Double::from_str(s).ok()?)),
        "dateTime" | "dateTimeStamp" => Value::DateTime(DateTime::from_str(s).ok()?),
        "date" => Value::Date(Date::from_str(s).ok()?),
        "time" => Value::Time(Time::from_str(s).ok()?),
        "duration" | "dayTimeDuration" | "yearMonthDuration" => {
            Value::Duration(Duration::from_str(s).ok()?)
        }
        "string" => Value::String(s.to_owned()),
        "boolean" => Value::Boolean(match s {
            "true" | "1" => true,
            "false" | "0" => false,
            _ => return None,
        }),
        _ => return None,
    })
}

/// Compares two terms as SPARQL `<` would; `None` when they are not comparable.
pub(crate) fn compare_terms(a: &Term, b: &Term) -> Option<Ordering> {
    match (a, b) {
        (Term::Literal(a), Term::Literal(b)) => compare_literals(a, b),
        _ => None,
    }
}

/// Compares two literals by value; `None` when they are not comparable.
pub(crate) fn compare_literals(a: &Literal, b: &Literal) -> Option<Ordering> {
    match (value_of(a)?, value_of(b)?) {
        (Value::Decimal(x), Value::Decimal(y)) => Some(x.cmp(&y)),
        (Value::Decimal(x), Value::Double(y)) => f64::from(Double::from(x)).partial_cmp(&y),
        (Value::Double(x), Value::Decimal(y)) => x.partial_cmp(&f64::from(Double::from(y))),
        (Value::Double(x), Value::Double(y)) => x.partial_cmp(&y),
        (Value::DateTime(x), Value::DateTime(y)) => x.partial_cmp(&y),
        (Value::Date(x), Value::Date(y)) => x.partial_cmp(&y),
        (Value::Time(x), Value::Time(y)) => x.partial_cmp(&y),
        (Value::Duration(x), Value::Duration(y)) => x.partial_cmp(&y),
        (Value::String(x), Value::String(y)) => Some(x.cmp(&y)),
        (Value::Boolean(x), Value::Boolean(y)) => Some(x.cmp(&y)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxrdf::NamedNode;

    fn typed(v: &str, t: &str) -> Literal {
        Literal::new_typed_literal(v, NamedNode::new_unchecked(format!("{XSD}{t}")))
    }

    #[test]
    fn numeric_comparison_across_types() {
        assert_eq!(
            compare_literals(&typed("1", "integer"), &typed("1.5", "decimal")),
            Some(Ordering::Less)
        );
        assert_eq!(
            compare_literals(&typed("2", "int"), &typed("1.5e0", "double")),
            Some(Ordering::Greater)
        );
        assert_eq!(
            compare_literals(&typed("a", "string"), &typed("1", "integer")),
            None
        );
    }

    #[test]
    fn well_formedness() {
        assert!(is_well_formed(&typed("42", "integer")));
        assert!(!is_well_formed(&typed("4.2", "integer")));
        assert!(!is_well_formed(&typed("300", "byte")));
        assert!(!is_well_formed(&typed("none", "boolean")));
        assert!(!is_well_formed(&typed("2020-13-01", "date")));
    }
}
