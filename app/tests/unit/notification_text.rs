//! The stretch a self-assessment reminder names, in the reader's language.

use app::features::notifications::text::span_in;
use app::i18n::Locale;

#[test]
fn a_reminders_stretch_reads_in_the_readers_language() {
    assert_eq!(span_in(Locale::id, "2026-07-01/2026-07-31"), "Juli 2026");
    assert_eq!(
        span_in(Locale::en, "2026-07-01/2026-09-30"),
        "July – September 2026"
    );
    // Stored by earlier versions.
    assert_eq!(span_in(Locale::id, "01-07-2026 – 31-07-2026"), "Juli 2026");
    assert_eq!(span_in(Locale::id, "2026"), "2026");
}
