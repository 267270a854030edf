//! Pure rules of the ASN performance-management domain: no IO and no Leptos, compiled into the
//! server and the browser so both validate with the same code. See `DOMAIN.md` in the shared docs.

pub mod access;
pub mod action_plan;
pub mod agency;
pub mod deadline;
pub mod directory;
pub mod employee;
pub mod evaluation;
pub mod feedback360;
pub mod ids;
pub mod login;
pub mod nip;
pub mod notification;
pub mod official;
pub mod period;
pub mod segment;
pub mod skp;
pub mod text;
pub mod unit;
pub mod vocabulary;
