//! Free text as every form keeps it: trimmed, bounded, and free of invisible control characters.
//!
//! Control characters (NUL, escape, the C1 range…) have no place in a plan, a name or a comment:
//! they cannot be typed, a database or a CSV file may cut the text at them, and terminals and
//! spreadsheets interpret some of them. Bidirectional overrides are refused too: they make a text
//! read differently from what it holds. Tabs and line breaks are ordinary whitespace.

/// Message code for a text holding a refused character.
pub const CONTROL_CHARS: &str = "control_chars";

/// Multi-line text (results, indicators, notes, reports): trimmed, line breaks kept. Windows
/// line endings are normalised so the length is the same whichever browser sent it.
pub fn clean_text(input: &str, max_chars: usize) -> Result<String, &'static str> {
    check(input.trim().replace("\r\n", "\n"), max_chars)
}

/// Single-line text (names, units, reasons): runs of whitespace, line breaks included, become
/// one space.
pub fn clean_line(input: &str, max_chars: usize) -> Result<String, &'static str> {
    // Checked before collapsing: some control characters (NEL) count as whitespace.
    refuse_control(input)?;
    check(collapse_whitespace(input), max_chars)
}

/// `input` with every run of whitespace turned into one space and no space at either end.
pub fn collapse_whitespace(input: &str) -> String {
    input.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `text` holds a character no stored text may hold (see the module comment).
pub fn has_refused_char(text: &str) -> bool {
    text.chars().any(is_refused)
}

/// `Err(CONTROL_CHARS)` when `text` holds a refused character.
pub fn refuse_control(text: &str) -> Result<(), &'static str> {
    if has_refused_char(text) {
        Err(CONTROL_CHARS)
    } else {
        Ok(())
    }
}

fn is_refused(c: char) -> bool {
    let whitespace = matches!(c, '\t' | '\n' | '\r');
    let bidi_control = matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
    (c.is_control() && !whitespace) || bidi_control
}

fn check(text: String, max_chars: usize) -> Result<String, &'static str> {
    if text.is_empty() {
        Err("required")
    } else if has_refused_char(&text) {
        Err(CONTROL_CHARS)
    } else if text.chars().count() > max_chars {
        Err("too_long")
    } else {
        Ok(text)
    }
}

/// A date as people type it in a form: `31-01-2026` (also with `/` or `.`, or as `31012026`
/// on a phone's number pad), or `2026-01-31` as older links and scripts send it. `Ok(None)` for
/// an empty field. Browsers' own date pickers write in the browser's language, not the page's,
/// so forms take dates as text.
pub fn parse_date_input(text: &str) -> Result<Option<chrono::NaiveDate>, &'static str> {
    const INVALID: &str = "date_invalid";
    use chrono::NaiveDate;
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    // `2026-01-31` only: chrono's `%Y` would also read `31-01-26` as the year 31.
    if text.len() == 10
        && text.as_bytes()[4] == b'-'
        && let Ok(d) = NaiveDate::parse_from_str(text, "%Y-%m-%d")
    {
        return Ok(Some(d));
    }
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    let parts: Vec<&str> = text
        .split(['-', '/', '.', ' '])
        .filter(|p| !p.is_empty())
        .collect();
    let (day, month, year) = match parts.as_slice() {
        [d, m, y] if y.len() == 4 => (*d, *m, *y),
        [_] if digits.len() == 8 && digits == text => (&text[..2], &text[2..4], &text[4..]),
        _ => return Err(INVALID),
    };
    let number = |s: &str| s.parse::<u32>().map_err(|_| INVALID);
    let year = year.parse::<i32>().map_err(|_| INVALID)?;
    NaiveDate::from_ymd_opt(year, number(month)?, number(day)?)
        .map(Some)
        .ok_or(INVALID)
}

/// A date as a form field shows it for editing: `31-01-2026`.
pub fn date_input_value(d: chrono::NaiveDate) -> String {
    d.format("%d-%m-%Y").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_trimmed_bounded_and_normalised() {
        assert_eq!(clean_text("  a\r\nb  ", 10), Ok("a\nb".to_owned()));
        assert_eq!(clean_line(" a \n\t b ", 10), Ok("a b".to_owned()));
        assert_eq!(clean_text("   ", 10), Err("required"));
        assert_eq!(clean_text("éééé", 3), Err("too_long"));
        assert_eq!(clean_text("ééé", 3), Ok("ééé".to_owned()));
    }

    #[test]
    fn control_and_bidi_characters_are_refused_whitespace_is_not() {
        for bad in [
            "a\0b",
            "a\u{1b}[31m",
            "a\u{7f}",
            "a\u{85}b",
            "a\u{202e}b",
            "a\u{2066}b",
            "\u{8}",
        ] {
            assert_eq!(clean_text(bad, 100), Err(CONTROL_CHARS), "{bad:?}");
            assert_eq!(clean_line(bad, 100), Err(CONTROL_CHARS), "{bad:?}");
            assert_eq!(refuse_control(bad), Err(CONTROL_CHARS), "{bad:?}");
        }
        for fine in ["a\tb", "a\nb", "a\r\nb", "Sítì – 👍", "\u{200b}zero width"] {
            assert!(clean_text(fine, 100).is_ok(), "{fine:?}");
            assert_eq!(refuse_control(fine), Ok(()), "{fine:?}");
        }
    }

    #[test]
    fn dates_are_read_as_people_type_them() {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 1, 31);
        for typed in [
            "31-01-2026",
            "31/1/2026",
            "31.01.2026",
            " 31012026 ",
            "2026-01-31",
        ] {
            assert_eq!(parse_date_input(typed), Ok(day), "{typed}");
        }
        assert_eq!(parse_date_input("  "), Ok(None));
        for wrong in [
            "31-02-2026",
            "2026",
            "31-01-26",
            "1-31-2026x",
            "abc",
            "310120261",
        ] {
            assert_eq!(parse_date_input(wrong), Err("date_invalid"), "{wrong}");
        }
        assert_eq!(date_input_value(day.unwrap()), "31-01-2026");
        assert_eq!(parse_date_input(&date_input_value(day.unwrap())), Ok(day));
    }
}
