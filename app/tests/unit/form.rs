//! The form kit: what a field shows after a refused post, its ARIA wiring, `TextArea`'s escaping.

use app::error::FormErrors;
use app::ui::form::{CheckboxField, Posted, SelectField, TextArea, TextField};
use leptos::prelude::*;

fn render(value: &str) -> String {
    let value = value.to_owned();
    Owner::new().with(|| view! { <TextArea value={value} {..} name="x" /> }.to_html())
}

#[test]
fn a_field_shows_what_was_typed_else_what_is_stored() {
    let fresh = Posted::default();
    assert!(!fresh.is_posted());
    assert_eq!(fresh.value("name", "Stored"), "Stored");
    assert_eq!(fresh.error_code("name"), None);

    let back = Posted::from_form(Some(
        FormErrors::default()
            .field("name", "too_long")
            .value("name", "Typed")
            .value("note", ""),
    ));
    assert!(back.is_posted());
    assert_eq!(back.value("name", "Stored"), "Typed");
    // An emptied field stays empty; one the post did not carry shows the stored value.
    assert_eq!(back.value("note", "Stored"), "");
    assert_eq!(back.value("other", "Stored"), "Stored");
    assert_eq!(back.error_code("name"), Some("too_long"));
    assert_eq!(back.error_code("note"), None);
}

#[test]
fn a_field_points_its_control_at_its_hint_and_error() {
    let html = Owner::new().with(|| {
        view! {
            <TextField name="nip" label="NIP".to_owned() value="123".to_owned()
                error=Some("NIP harus tepat 18 digit.".to_owned()) hint="18 digit" required=true />
        }
        .to_html()
    });
    for expected in [
        "<label for=\"nip\">NIP",
        " *</label>",
        "value=\"123\"",
        "aria-describedby=\"nip-hint nip-error\"",
        "aria-invalid=\"true\"",
        "<p id=\"nip-hint\" class=\"hint\">18 digit</p>",
        "<p id=\"nip-error\" class=\"field-error\">NIP harus tepat 18 digit.</p>",
    ] {
        assert!(html.contains(expected), "{expected} in {html}");
    }
    let quiet = Owner::new().with(|| {
        view! {
            <SelectField id="s-1" name="kind" label="Jenis".to_owned() value="b".to_owned()
                options=vec![("a".to_owned(), "A".to_owned()), ("b".to_owned(), "B".to_owned())]
                error=None placeholder="—" />
        }
        .to_html()
    });
    assert!(quiet.contains("aria-describedby=\"s-1-error\""), "{quiet}");
    assert!(quiet.contains("aria-invalid=\"false\""), "{quiet}");
    assert!(quiet.contains("<option value=\"b\" selected"), "{quiet}");
    assert!(!quiet.contains("<option value=\"a\" selected"), "{quiet}");
    let setting = Owner::new().with(|| {
        view! {
            <CheckboxField name="require_admin_mfa" label="Wajib".to_owned() checked=true
                error=None hint="Petunjuk" />
        }
        .to_html()
    });
    for expected in [
        "aria-describedby=\"require_admin_mfa-hint require_admin_mfa-error\"",
        "checked",
        "<p id=\"require_admin_mfa-hint\" class=\"hint\">Petunjuk</p>",
    ] {
        assert!(setting.contains(expected), "{expected} in {setting}");
    }
}

#[test]
fn markup_in_the_value_stays_text() {
    let html = render("</textarea><img src=x onerror=alert(1)><script>alert(2)</script>");
    assert_eq!(
        html,
        "<textarea name=\"x\">&lt;/textarea&gt;&lt;img src=x onerror=alert(1)&gt;\
         &lt;script&gt;alert(2)&lt;/script&gt;</textarea>"
    );
}

#[test]
fn ampersands_and_leading_newlines_survive() {
    assert_eq!(
        render("a &amp; b"),
        "<textarea name=\"x\">a &amp;amp; b</textarea>"
    );
    assert_eq!(render("\nline"), "<textarea name=\"x\">\n\nline</textarea>");
}
