//! Rules for the *unit kerja* tree: codes and names, and which moves keep it a tree.

use crate::access::UnitPath;

pub const MAX_CODE_LEN: usize = 40;
pub const MAX_NAME_LEN: usize = 200;

/// A unit code as stored: upper case letters, digits and `-`, as used in the CSV import.
pub fn normalize_code(input: &str) -> Result<String, &'static str> {
    let code = input.trim().to_uppercase();
    if code.is_empty() {
        Err("required")
    } else if code.chars().count() > MAX_CODE_LEN {
        Err("too_long")
    } else if !code
        .chars()
        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-')
    {
        Err("unit_code_chars")
    } else {
        Ok(code)
    }
}

pub fn normalize_name(input: &str) -> Result<String, &'static str> {
    crate::text::clean_line(input, MAX_NAME_LEN)
}

/// A unit may move under any unit outside its own subtree (moving under itself or a descendant
/// would cut a branch off the tree).
pub fn can_move_under(unit: &UnitPath, new_parent: &UnitPath) -> bool {
    !unit.contains(new_parent)
}

/// The path of a descendant after its ancestor moved from `old` to `new`.
pub fn rebased(path: &str, old: &str, new: &str) -> Option<String> {
    path.strip_prefix(old).map(|rest| format!("{new}{rest}"))
}

/// Depth of a unit from its path (`/1/` is the root at depth 0).
pub fn depth_of(path: &str) -> i32 {
    path.matches('/').count() as i32 - 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_names() {
        assert_eq!(normalize_code(" ppik-info "), Ok("PPIK-INFO".into()));
        assert_eq!(normalize_code(""), Err("required"));
        assert_eq!(normalize_code("PPIK INFO"), Err("unit_code_chars"));
        assert_eq!(normalize_code(&"A".repeat(41)), Err("too_long"));
        assert_eq!(
            normalize_name("  Bidang   Mutasi "),
            Ok("Bidang Mutasi".into())
        );
        assert_eq!(normalize_name(" "), Err("required"));
    }

    #[test]
    fn moves_keep_a_tree() {
        let unit = UnitPath("/1/2/".into());
        assert!(!can_move_under(&unit, &UnitPath("/1/2/".into())));
        assert!(!can_move_under(&unit, &UnitPath("/1/2/5/".into())));
        assert!(can_move_under(&unit, &UnitPath("/1/3/".into())));
        assert!(can_move_under(&unit, &UnitPath("/1/".into())));
        assert!(can_move_under(&unit, &UnitPath("/1/23/".into())));
    }

    #[test]
    fn descendants_follow_their_ancestor() {
        assert_eq!(
            rebased("/1/2/5/9/", "/1/2/5/", "/1/3/5/"),
            Some("/1/3/5/9/".into())
        );
        assert_eq!(rebased("/1/4/", "/1/2/", "/1/3/2/"), None);
        assert_eq!(depth_of("/1/"), 0);
        assert_eq!(depth_of("/1/3/5/9/"), 3);
    }
}
