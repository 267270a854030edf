//! The before/after diff of `app::db::audit::changes`.

#[test]
fn changes_list_only_what_differs() {
    let changes = app::db::audit::changes(
        Some(r#"{"name":"Siti","unit":"A","active":true}"#),
        Some(r#"{"name":"Siti","unit":"B","active":false,"email":"s@x.id","note":null}"#),
    );
    let change = |field: &str, before: Option<&str>, after: &str| {
        (
            field.to_owned(),
            before.map(str::to_owned),
            Some(after.to_owned()),
        )
    };
    assert_eq!(
        changes,
        vec![
            change("active", Some("true"), "false"),
            change("email", None, "s@x.id"),
            change("unit", Some("A"), "B"),
        ]
    );
    assert!(app::db::audit::changes(None, None).is_empty());
}
