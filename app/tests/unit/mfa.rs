//! TOTP codes and otpauth addresses of `app::auth::mfa`.

use app::auth::mfa::{accepted_step, new_secret, otpauth_url, totp};
use chrono::{Duration, Utc};

#[test]
fn codes_are_accepted_once_and_only_near_their_time() {
    let secret = new_secret();
    let now = Utc::now();
    let code = totp(&secret, "")
        .unwrap()
        .generate(now.timestamp() as u64)
        .to_string();
    let step = accepted_step(&secret, &code, now, None)
        .unwrap()
        .expect("valid now");
    assert_eq!(
        accepted_step(&secret, &code, now, Some(step)).unwrap(),
        None,
        "replay"
    );
    let later = now + Duration::minutes(3);
    assert_eq!(
        accepted_step(&secret, &code, later, None).unwrap(),
        None,
        "too late"
    );
    assert_eq!(accepted_step(&secret, "12a456", now, None).unwrap(), None);
    assert!(
        otpauth_url(&secret, "198703142010012003")
            .unwrap()
            .starts_with("otpauth://totp/")
    );
}
