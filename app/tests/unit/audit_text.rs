//! The audit log's labels for actions, objects, fields and values (`admin::audit_text`).

use app::features::admin::audit_text::{
    ACTIONS, FIELDS, action_label_in, field_label_in, object_label_in, value_label_in,
};
use app::i18n::*;

#[test]
fn every_action_object_and_field_is_named_in_both_languages() {
    for locale in [Locale::id, Locale::en] {
        for action in ACTIONS {
            let label = action_label_in(locale, action);
            assert_ne!(label, action, "{action} in {locale:?}");
        }
        for object in [
            "instansi",
            "user_account",
            "pegawai",
            "employee_import",
            "pejabat_luar",
            "unit_kerja",
            "periode",
            "skp",
            "evaluasi",
            "siklus_360",
            "instrumen_360",
        ] {
            assert_ne!(object_label_in(locale, object), object, "{object}");
        }
        for field in FIELDS {
            assert_ne!(
                field_label_in(locale, field),
                field,
                "{field} in {locale:?}"
            );
        }
    }
}

#[test]
fn stored_values_read_as_words() {
    for locale in [Locale::id, Locale::en] {
        for field in [
            "closed",
            "independent",
            "require_admin_mfa",
            "require_evidence",
            "lock_late_submissions",
            "active",
        ] {
            for value in ["true", "false"] {
                assert_ne!(value_label_in(locale, field, value), value, "{field}");
            }
        }
        for (field, value) in [
            ("evaluation_interval", "monthly"),
            ("evaluation_interval", "quarterly"),
            ("evaluation_interval", "semester"),
            ("asn_type", "pns"),
            ("asn_type", "pppk"),
            ("state", "open"),
            ("state", "closed"),
            ("state", "draft"),
            ("state", "submitted"),
            ("state", "agreed"),
            ("state", "nominating"),
            ("state", "released"),
            ("state", "archived"),
            ("predikat", "istimewa"),
            ("predikat", "butuh_perbaikan"),
            ("predikat", "sangat_kurang"),
            ("approach", "kuantitatif"),
            ("approach", "kualitatif"),
            ("from", "approved"),
            ("to", "revision_draft"),
            ("to", "revision_submitted"),
            ("to", "cancelled"),
            ("value", "1"),
            ("value", "7"),
            ("seq", "0"),
            ("seq", "3"),
            ("size", "2048"),
            ("type", "pdf"),
        ] {
            assert_ne!(
                value_label_in(locale, field, value),
                value,
                "{field}={value} in {locale:?}"
            );
        }
        let date = value_label_in(locale, "planning_deadline", "2026-08-07");
        assert!(date.contains("2026") && !date.contains('-'), "{date}");
        let date = value_label_in(locale, "closes_on", "2026-05-14");
        assert!(date.contains("2026") && !date.contains('-'), "{date}");
        let dates = value_label_in(
            locale,
            "periodic_deadlines",
            r#"["2026-02-10","2026-03-10"]"#,
        );
        assert!(dates.contains("2026") && !dates.contains('-'), "{dates}");
        // Unknown codes, ids, free text, malformed values and "—" (empty) stay as stored.
        for (field, value) in [
            ("state", "paused"),
            ("to", "open"),
            ("active", "maybe"),
            ("value", "8"),
            ("seq", "13"),
            ("seq", "-1"),
            ("size", "big"),
            ("annual_deadline", "2026-13-01"),
            ("periodic_deadlines", "[]"),
            ("periodic_deadlines", r#"["2026-02-10","soon"]"#),
            ("name", "true"),
            ("code", "monthly"),
            ("skp_id", "42"),
            ("min_answers", "3"),
            ("title", "Umpan balik 360° 2026"),
            ("note", "Perbaiki target"),
            ("nonexistent", "x"),
        ] {
            assert_eq!(value_label_in(locale, field, value), value, "{field}");
        }
        for field in FIELDS {
            assert_eq!(value_label_in(locale, field, "—"), "—", "{field}");
        }
    }
    let id = |field, value| value_label_in(Locale::id, field, value);
    assert_eq!(id("active", "true"), "Ya");
    assert_eq!(id("closed", "false"), "Tidak");
    assert_eq!(id("evaluation_interval", "monthly"), "Bulanan");
    assert_eq!(id("state", "closed"), "Ditutup");
    assert_eq!(id("state", "agreed"), "Disepakati");
    assert_eq!(id("state", "released"), "Hasil dibagikan");
    assert_eq!(id("to", "revision_draft"), "Draf perubahan");
    assert_eq!(id("predikat", "butuh_perbaikan"), "Butuh Perbaikan");
    assert_eq!(id("approach", "kualitatif"), "Kualitatif");
    assert_eq!(id("asn_type", "pppk"), "PPPK");
    assert_eq!(id("value", "1"), "Berorientasi Pelayanan");
    assert_eq!(id("seq", "0"), "Evaluasi tahunan");
    assert_eq!(id("seq", "2"), "Evaluasi periodik ke-2");
    assert_eq!(id("planning_deadline", "2026-08-07"), "7 Agustus 2026");
    assert_eq!(
        id("periodic_deadlines", r#"["2026-02-10","2026-03-10"]"#),
        "10 Februari 2026, 10 Maret 2026"
    );
    assert_eq!(id("size", "1572864"), "1,5 MB");
    assert_eq!(value_label_in(Locale::en, "active", "false"), "No");
    assert_eq!(
        value_label_in(Locale::en, "annual_deadline", "2027-01-31"),
        "31 January 2027"
    );
}
