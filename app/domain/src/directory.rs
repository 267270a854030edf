//! The employee directory's query as it travels in the address bar: search text, filters,
//! sort and page. Parsing is forgiving (an unknown value falls back to the default) because
//! people edit, bookmark and share these addresses.
use crate::ids::{EmployeeId, UnitId};

use crate::employee::AsnType;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum SortKey {
    #[default]
    Name,
    Nip,
    Unit,
    Rank,
}

impl SortKey {
    pub const ALL: [Self; 4] = [Self::Name, Self::Nip, Self::Unit, Self::Rank];

    pub fn code(self) -> &'static str {
        match self {
            Self::Name => "nama",
            Self::Nip => "nip",
            Self::Unit => "unit",
            Self::Rank => "golongan",
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum StatusFilter {
    #[default]
    Active,
    Inactive,
    All,
}

impl StatusFilter {
    pub fn code(self) -> &'static str {
        match self {
            Self::Active => "aktif",
            Self::Inactive => "nonaktif",
            Self::All => "semua",
        }
    }
}

/// What the search box asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SearchTerm {
    /// Only digits (spaces allowed, as NIPs are often written): NIPs starting with them.
    NipPrefix(String),
    /// Otherwise: lower-cased words, each of which must appear in the name.
    Name(Vec<String>),
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DirectoryQuery {
    pub text: String,
    /// Limit to this unit and everything below it.
    pub unit_id: Option<UnitId>,
    pub status: StatusFilter,
    pub asn_type: Option<AsnType>,
    pub sort: SortKey,
    pub descending: bool,
    /// Zero-based.
    pub page: u64,
}

/// Longest search text considered; more is almost certainly a paste accident.
const MAX_TEXT_LEN: usize = 100;

impl DirectoryQuery {
    pub const PAGE_SIZE: u64 = 25;

    /// Reads the query from address parameters (`q`, `unit`, `status`, `asn`, `sort`, `dir`,
    /// `page`; pages are one-based in the address).
    pub fn from_params(get: impl Fn(&str) -> Option<String>) -> Self {
        let text: String = get("q")
            .unwrap_or_default()
            .trim()
            .chars()
            .take(MAX_TEXT_LEN)
            .collect();
        Self {
            text,
            unit_id: get("unit").and_then(|u| u.parse().ok()),
            status: match get("status").as_deref() {
                Some("nonaktif") => StatusFilter::Inactive,
                Some("semua") => StatusFilter::All,
                _ => StatusFilter::Active,
            },
            asn_type: get("asn")
                .as_deref()
                .and_then(|a| a.parse::<AsnType>().ok()),
            sort: get("sort")
                .and_then(|s| SortKey::ALL.into_iter().find(|k| k.code() == s))
                .unwrap_or_default(),
            descending: get("dir").as_deref() == Some("turun"),
            page: get("page")
                .and_then(|p| p.parse::<u64>().ok())
                .map_or(0, |p| p.saturating_sub(1)),
        }
    }

    /// The address parameters for this query, defaults left out.
    pub fn to_params(&self) -> Vec<(&'static str, String)> {
        let mut params = Vec::new();
        if !self.text.is_empty() {
            params.push(("q", self.text.clone()));
        }
        if let Some(unit) = self.unit_id {
            params.push(("unit", unit.to_string()));
        }
        if self.status != StatusFilter::Active {
            params.push(("status", self.status.code().to_owned()));
        }
        if let Some(asn) = self.asn_type {
            params.push(("asn", asn.as_str().to_owned()));
        }
        if self.sort != SortKey::Name {
            params.push(("sort", self.sort.code().to_owned()));
        }
        if self.descending {
            params.push(("dir", "turun".to_owned()));
        }
        if self.page > 0 {
            params.push(("page", (self.page + 1).to_string()));
        }
        params
    }

    pub fn search_term(&self) -> Option<SearchTerm> {
        let compact: String = self.text.chars().filter(|c| !c.is_whitespace()).collect();
        if compact.is_empty() {
            None
        } else if compact.chars().all(|c| c.is_ascii_digit()) {
            Some(SearchTerm::NipPrefix(compact))
        } else {
            Some(SearchTerm::Name(
                self.text
                    .split_whitespace()
                    .map(str::to_lowercase)
                    .collect(),
            ))
        }
    }

    /// The same query on another page.
    pub fn with_page(&self, page: u64) -> Self {
        Self {
            page,
            ..self.clone()
        }
    }

    /// The same query sorted by `key`; choosing the current key again flips the direction.
    pub fn sorted_by(&self, key: SortKey) -> Self {
        Self {
            sort: key,
            descending: self.sort == key && !self.descending,
            page: 0,
            ..self.clone()
        }
    }
}

/// One line of the directory.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DirectoryRow {
    pub id: EmployeeId,
    pub nip: String,
    pub name: String,
    pub unit: String,
    pub position: Option<String>,
    pub rank_grade: String,
    pub asn_type: AsnType,
    pub active: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DirectoryPage {
    pub rows: Vec<DirectoryRow>,
    /// Matching employees on all pages.
    pub total: u64,
    /// Zero-based page shown (clamped to the last page).
    pub page: u64,
    pub page_count: u64,
}

/// `a=b&c=d` with each value percent-encoded for an address.
pub fn encode_params(params: &[(&str, String)]) -> String {
    params
        .iter()
        .map(|(k, v)| format!("{k}={}", percent_encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

fn percent_encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn parse(pairs: &[(&str, &str)]) -> DirectoryQuery {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        DirectoryQuery::from_params(|k| map.get(k).cloned())
    }

    #[test]
    fn defaults_and_round_trip() {
        let q = parse(&[]);
        assert_eq!(q, DirectoryQuery::default());
        assert!(q.to_params().is_empty());

        let q = parse(&[
            ("q", " siti "),
            ("unit", "7"),
            ("status", "semua"),
            ("asn", "PPPK"),
            ("sort", "unit"),
            ("dir", "turun"),
            ("page", "3"),
        ]);
        assert_eq!(q.text, "siti");
        assert_eq!(q.page, 2);
        let params = q.to_params();
        let back = parse(
            &params
                .iter()
                .map(|(k, v)| (*k, v.as_str()))
                .collect::<Vec<_>>(),
        );
        assert_eq!(back, q);
    }

    #[test]
    fn nonsense_falls_back_to_defaults() {
        let q = parse(&[
            ("unit", "x"),
            ("status", "?"),
            ("sort", "salary"),
            ("page", "-1"),
        ]);
        assert_eq!(q, DirectoryQuery::default());
        assert_eq!(parse(&[("page", "0")]).page, 0);
    }

    #[test]
    fn digits_search_nips_and_words_search_names() {
        let q = |text: &str| DirectoryQuery {
            text: text.into(),
            ..Default::default()
        };
        assert_eq!(
            q("1985 0512").search_term(),
            Some(SearchTerm::NipPrefix("19850512".into()))
        );
        assert_eq!(
            q("Siti  AMI").search_term(),
            Some(SearchTerm::Name(vec!["siti".into(), "ami".into()]))
        );
        assert_eq!(q("  ").search_term(), None);
    }

    #[test]
    fn sorting_again_by_the_same_key_flips_direction_and_resets_the_page() {
        let q = DirectoryQuery {
            page: 4,
            ..Default::default()
        };
        let by_name = q.sorted_by(SortKey::Name);
        assert!(by_name.descending);
        assert_eq!(by_name.page, 0);
        assert!(!by_name.sorted_by(SortKey::Name).descending);
        assert!(!q.sorted_by(SortKey::Nip).descending);
    }

    #[test]
    fn params_are_percent_encoded() {
        assert_eq!(
            encode_params(&[("q", "siti & co".into()), ("page", "2".into())]),
            "q=siti%20%26%20co&page=2"
        );
    }
}
