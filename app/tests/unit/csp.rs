//! The Content-Security-Policy headers of `app::csp`.

use app::csp::{DEFAULT_POLICY, page_policy};

#[test]
fn no_policy_allows_inline_script() {
    for policy in [page_policy("abc"), DEFAULT_POLICY.to_owned()] {
        let scripts = policy
            .split(';')
            .map(str::trim)
            .find(|d| d.starts_with("script-src"))
            .expect("a script-src directive");
        assert!(!scripts.contains("unsafe-inline"), "{policy}");
        assert!(policy.contains("frame-ancestors 'none'"), "{policy}");
        assert!(policy.contains("object-src 'none'"), "{policy}");
    }
    assert!(page_policy("abc").contains("'nonce-abc'"));
}
