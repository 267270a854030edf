//! Signing in and out, and each user's own profile.

mod api;
mod pages;

pub use api::*;
pub use pages::{LoginPage, ProfilePage, ResetPasswordPage, VerifyLoginPage};
