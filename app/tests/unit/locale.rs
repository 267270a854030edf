//! Reading the locale cookie out of a `Cookie:` header.

use app::ui::locale::{LOCALE_COOKIE, cookie_value};

#[test]
fn finds_the_locale_among_other_cookies() {
    assert_eq!(
        cookie_value("a=1; i18n_pref_locale=en; b=2", LOCALE_COOKIE),
        Some("en")
    );
    assert_eq!(
        cookie_value("i18n_pref_locale=id", LOCALE_COOKIE),
        Some("id")
    );
    assert_eq!(cookie_value("x_i18n_pref_locale=en", LOCALE_COOKIE), None);
    assert_eq!(cookie_value("", LOCALE_COOKIE), None);
}
