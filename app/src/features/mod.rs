//! One folder per capability; each owns its pages, components and server functions.

pub mod action_plan;
pub mod admin;
pub mod auth;
pub mod deadlines;
pub mod desk;
pub mod evaluation;
pub mod feedback360;
pub mod home;
pub mod notifications;
pub mod periods;
pub mod skp;
