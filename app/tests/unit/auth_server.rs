//! Password hashing, session cookies and client info of `app::auth::server`.

use app::auth::server::{
    ClientAddr, ClientInfo, clear_session_cookie, hash_password, session_cookie, verify_password,
};
use http::HeaderMap;

#[test]
fn passwords_hash_with_argon2id_and_verify() {
    let hash = hash_password("rahasia-sekali-123").unwrap();
    assert!(
        hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
        "{hash}"
    );
    assert!(verify_password("rahasia-sekali-123", &hash));
    assert!(!verify_password("rahasia-sekali-124", &hash));
    assert!(!verify_password("anything", "not a hash"));
}

#[test]
fn cookies_carry_the_right_attributes() {
    let plain = session_cookie("abc", false);
    assert!(
        plain.starts_with("kinerja_session=abc;")
            && plain.contains("HttpOnly")
            && plain.contains("SameSite=Lax")
    );
    assert!(!plain.contains("Secure"));
    let tls = session_cookie("abc", true);
    assert!(
        tls.starts_with("__Host-kinerja_session=abc;")
            && tls.contains("; Secure;")
            && tls.contains("Path=/")
    );
    assert!(clear_session_cookie(false).contains("Max-Age=0"));
}

#[test]
fn client_info_takes_the_address_the_server_decided_and_either_cookie() {
    let mut headers = HeaderMap::new();
    // Claims in headers count for nothing here: the server's proxy rule decided `addr`.
    headers.insert("x-forwarded-for", "10.0.0.1, 198.51.100.1".parse().unwrap());
    headers.insert("x-forwarded-proto", "http".parse().unwrap());
    headers.insert(
        http::header::COOKIE,
        "i18n_pref_locale=en; __Host-kinerja_session=tok"
            .parse()
            .unwrap(),
    );
    let addr = ClientAddr {
        ip: Some("203.0.113.9".parse().unwrap()),
        secure: true,
    };
    let c = ClientInfo::from_headers(&headers, Some(&addr));
    assert_eq!(c.ip.as_deref(), Some("203.0.113.9"));
    assert!(c.secure);
    let unknown = ClientInfo::from_headers(&headers, None);
    assert_eq!(unknown.ip, None);
    assert!(!unknown.secure);
    assert_eq!(c.session_token.as_deref(), Some("tok"));
}
