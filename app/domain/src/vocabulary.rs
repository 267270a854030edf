//! How the domain's enums are spelled outside Rust. Each stored enum has one spelling, its
//! `as_str()`, used alike in the database column (sea-orm's `DeriveActiveEnum`, `rename_all`),
//! in forms and server-function arguments (serde, `rename_all`) and in URLs; the test helper
//! below checks for every variant that the three agree. Variant lists come from strum's
//! `EnumIter`, so a new variant is covered by every loop and test without being listed by hand.
//!
//! A stored value this build does not know is not guessed at: reading the row fails (sea-orm
//! returns a type error, which `AppError` logs and answers as a server error), so whatever the
//! row would have allowed is refused.

pub use strum::IntoEnumIterator;

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown value `{0}`")]
pub struct UnknownValue(pub String);

/// `FromStr` through `as_str()`, tolerating case and surrounding blanks (CSV files and
/// hand-typed configuration).
macro_rules! from_str_via_as_str {
    ($($name:ident),+ $(,)?) => {
        $(
            impl ::std::str::FromStr for $name {
                type Err = $crate::vocabulary::UnknownValue;

                fn from_str(s: &str) -> Result<Self, Self::Err> {
                    <Self as $crate::vocabulary::IntoEnumIterator>::iter()
                        .find(|v| v.as_str().eq_ignore_ascii_case(s.trim()))
                        .ok_or_else(|| $crate::vocabulary::UnknownValue(s.to_owned()))
                }
            }
        )+
    };
}
pub(crate) use from_str_via_as_str;

/// Checks, for every variant of `T`, that its spelling parses back and, where `T` is stored or
/// posted, that serde and the database use the same spelling.
// The checks below are shared with the application's tests (its own stored enums), hence `pub`
// and compiled on the server side only.
#[cfg(any(test, feature = "ssr"))]
pub fn assert_round_trips<T>(as_str: fn(T) -> &'static str)
where
    T: IntoEnumIterator
        + Copy
        + PartialEq
        + std::fmt::Debug
        + std::str::FromStr<Err = UnknownValue>,
{
    let mut seen = std::collections::HashSet::new();
    for v in T::iter() {
        let text = as_str(v);
        assert!(seen.insert(text), "{text} spelled twice");
        assert_eq!(text.parse::<T>(), Ok(v));
        assert_eq!(format!("  {}  ", text.to_uppercase()).parse::<T>(), Ok(v));
    }
    assert!(!seen.is_empty());
    assert_eq!(
        "no-such-value".parse::<T>(),
        Err(UnknownValue("no-such-value".into()))
    );
}

/// Serde (forms, server-function arguments) spells every variant as `as_str()` does.
#[cfg(any(test, feature = "ssr"))]
pub fn assert_serde_spelling<T>(as_str: fn(T) -> &'static str)
where
    T: IntoEnumIterator + Copy + PartialEq + std::fmt::Debug + serde::Serialize,
    T: serde::de::DeserializeOwned,
{
    for v in T::iter() {
        let json = format!("\"{}\"", as_str(v));
        assert_eq!(serde_json::to_string(&v).unwrap(), json);
        assert_eq!(serde_json::from_str::<T>(&json).unwrap(), v);
    }
}

/// The database column holds `as_str()`, and a value no variant spells is a read error.
#[cfg(feature = "ssr")]
pub fn assert_column_spelling<T>(as_str: fn(T) -> &'static str)
where
    T: sea_orm::ActiveEnum<Value = String> + Copy + PartialEq + std::fmt::Debug,
{
    for v in <T as IntoEnumIterator>::iter() {
        assert_eq!(v.to_value(), as_str(v));
        assert_eq!(T::try_from_value(&as_str(v).to_owned()).unwrap(), v);
    }
    assert!(T::try_from_value(&"no-such-value".to_owned()).is_err());
}
