//! CSV parsing and spreadsheet-safe cells of `app::features::admin::import`.

use app::domain::employee::IMPORT_COLUMNS as COLUMNS;
use app::features::admin::import::{parse, spreadsheet_safe, unguard};

#[test]
fn exported_cells_never_start_a_formula() {
    assert_eq!(
        spreadsheet_safe("=HYPERLINK(\"x\")".into()),
        "'=HYPERLINK(\"x\")"
    );
    assert_eq!(spreadsheet_safe("Siti".into()), "Siti");
    assert_eq!(spreadsheet_safe(String::new()), "");
}

#[test]
fn the_formula_guard_is_not_read_back_as_data() {
    for value in [
        "=HYPERLINK(\"x\")",
        "-",
        "+62 812",
        "@siti",
        "Siti",
        "'quoted",
        "",
    ] {
        assert_eq!(unguard(&spreadsheet_safe(value.to_owned())), value);
    }
    assert_eq!(unguard("'Ainun"), "'Ainun");
}

#[test]
fn exported_status_and_unit_name_columns_are_accepted() {
    let header = "nip,nama,jenis_asn,golongan,kode_unit,jabatan,jenis_jabatan,nip_atasan,nip_penilai,status,nama_unit";
    let file = format!(
        "{header}\n198505122010012003,'=Siti,PNS,III/c,PPIK,Analis,fungsional,,,nonaktif,Bidang PPIK\n\
         198505122010012004,Budi,PNS,III/c,PPIK,Analis,fungsional,,,Aktif,Bidang PPIK\n"
    );
    let rows = parse(file.as_bytes()).unwrap();
    assert_eq!(rows[0].1.name, "=Siti");
    assert_eq!(rows[0].2, Some(false));
    assert_eq!(rows[1].2, Some(true));
    let file =
        format!("{header}\n198505122010012003,Siti,PNS,III/c,PPIK,Analis,fungsional,,,pensiun,\n");
    let errors = parse(file.as_bytes()).unwrap_err();
    assert_eq!(errors[0].column, "status");
    assert_eq!(errors[0].code, "status_invalid");
}

#[test]
fn semicolon_files_and_bom_are_read() {
    let file = "\u{feff}nip;nama;jenis_asn;golongan;kode_unit;jabatan;jenis_jabatan;nip_atasan;nip_penilai\n\
                198505122010012003;Siti Aminah;PNS;III/c;PPIK;Analis;fungsional;;\n\n";
    let rows = parse(file.as_bytes()).unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].0, 2);
    assert_eq!(rows[0].1.name, "Siti Aminah");
    assert_eq!(rows[0].1.email, "");
}

#[test]
fn missing_and_unknown_columns_are_reported_on_line_1() {
    let errors = parse(b"nip,name\n1,2\n").unwrap_err();
    assert!(errors.iter().all(|e| e.line == 1));
    assert!(
        errors
            .iter()
            .any(|e| e.column == "nama" && e.code == "column_missing")
    );
    assert!(
        errors
            .iter()
            .any(|e| e.column == "name" && e.code == "column_unknown")
    );
}

#[test]
fn files_that_are_not_csv_text() {
    assert_eq!(parse(b"").unwrap_err()[0].code, "file_empty");
    assert_eq!(
        parse(&[0xff, 0xfe, 0x00]).unwrap_err()[0].code,
        "file_not_utf8"
    );
    let header_only = COLUMNS.map(|(c, _)| c).join(",");
    assert_eq!(
        parse(header_only.as_bytes()).unwrap_err()[0].code,
        "file_no_rows"
    );
}
