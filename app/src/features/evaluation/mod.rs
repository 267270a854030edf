//! Self-assessment (*penilaian mandiri*) of an approved SKP, periodic and annual: the employee's
//! realisations with evidence, behaviour self-ratings, performance report and development wishes,
//! in a five-step wizard made for phones and bad connections; the appraiser reads it and may send
//! it back for completion.

mod api;
mod pages;
pub mod types;

pub use api::*;
pub use pages::*;

/// The wizard's enhancement script (autosave, offline edits, uploads with progress). It is
/// served on its own, only to the wizard, so the hydrated bundle every page loads stays small.
pub mod script {
    pub const SOURCE: &str = include_str!("wizard.js");

    const fn fnv1a(bytes: &[u8]) -> u64 {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        let mut i = 0;
        while i < bytes.len() {
            hash ^= bytes[i] as u64;
            hash = hash.wrapping_mul(0x0100_0000_01b3);
            i += 1;
        }
        hash
    }

    /// Where the page loads it: the name changes whenever the script does, so browsers may
    /// cache it for good.
    pub fn path() -> String {
        format!("/js/wizard-{:016x}.js", fnv1a(SOURCE.as_bytes()))
    }
}
