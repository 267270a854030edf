//! The banner's tones: which are announced, and how loudly.

use app::ui::banner::Tone;

#[test]
fn errors_interrupt_and_lasting_states_stay_quiet() {
    assert_eq!(Tone::Error.role(true), Some("alert"));
    assert_eq!(Tone::Success.role(true), Some("status"));
    assert_eq!(Tone::Info.role(true), Some("status"));
    for tone in [Tone::Info, Tone::Success, Tone::Warning, Tone::Error] {
        assert_eq!(tone.role(false), None);
        assert!(tone.class().starts_with("notice"));
    }
}
