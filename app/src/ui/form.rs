//! Form controls that every form shares.

use leptos::prelude::*;

/// A `<textarea>` holding `value` as text, whatever it contains.
///
/// Leptos writes a textarea's children into the page without escaping (it treats the element
/// like `<script>`), so a value holding `</textarea><script>…` would end the element and run as
/// markup. Every multi-line field goes through this component, which escapes the value itself.
/// Other attributes (`id`, `name`, `rows`, ARIA) are passed after `{..}` at the call site.
#[component]
pub fn TextArea(#[prop(into)] value: String) -> impl IntoView {
    // The HTML parser drops one newline right after the start tag; a leading newline of the value
    // itself survives only if another one comes first.
    let html = if value.starts_with('\n') || value.starts_with("\r\n") {
        format!("\n{}", html_escape::encode_text(&value))
    } else {
        html_escape::encode_text(&value).into_owned()
    };
    view! { <textarea inner_html=html></textarea> }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(value: &str) -> String {
        let value = value.to_owned();
        Owner::new().with(|| view! { <TextArea value={value} {..} name="x" /> }.to_html())
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
}
