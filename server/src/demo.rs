//! Demo data for trying Kinerja out: a small regency government (*Pemda*) with three of its
//! agencies (*OPD*) — the personnel agency (*BKPSDM*), the health office with a puskesmas whose
//! staff serve patients, and a kecamatan serving citizens — their units, positions, 74 employees
//! and their accounts. The heads of the agencies are appraised by the Sekda, who does not use the
//! application. Loaded once, only into a database without an agency.
//!
//! Every demo account has the password [`DEMO_PASSWORD`]; the README lists the ones to try.

use app::auth::server::hash_password;
use app::clock::Clock;
use app::db::accounts;
use app::db::agency::{self, NewAgency};
use app::db::employees::{self, SaveError};
use app::db::entities::{jabatan, pegawai, unit_kerja};
use app::db::skp::{NewIndicator, NewResult, add_indicator, add_result};
use app::domain::access::AdminRole;
use app::domain::agency::{AgencyTimeZone, EvaluationInterval};
use app::domain::employee::{AsnType, EmployeeFields, PositionKind, validate};
use app::domain::ids::{AccountId, AgencyId, EmployeeId, ResultId};
use app::domain::nip::Nip;
use app::domain::skp::{Aspect, Perspective};
use app::domain::unit::{normalize_code, normalize_name};
use chrono::{Datelike, NaiveDate, Utc};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbErr, TransactionTrait};
use std::collections::HashSet;

pub const DEMO_AGENCY_NAME: &str = "Pemerintah Kabupaten Sukamakmur";
/// The Sekda: appraiser of every agency head, outside the application.
pub const SEKDA_NIP: &str = "196805121994031006";
/// The head of the puskesmas, an independent unit: writes the JPT form.
pub const PUSKESMAS_HEAD_NIP: &str = "198503222010012012";
pub const DEMO_PASSWORD: &str = "Kinerja-2026";

/// The demo accounts the README lists: (role, NIP).
pub const ADMIN_NIP: &str = "198703142010012003";
pub const HEAD_NIP: &str = "197205181998031004";
pub const SUPERVISOR_NIP: &str = "198209232006041002";
pub const EMPLOYEE_NIP: &str = "199305052019032011";
pub const PPPK_EMPLOYEE_NIP: &str = "199608122023212007";
/// A third employee of the supervisor, kept for journeys run without JavaScript.
pub const ANALYST_NIP: &str = "199003182015031004";

/// A person with a fixed identity in the demo (unit heads and the README's accounts).
#[derive(Clone, Copy)]
struct Named<'a> {
    front: Option<&'a str>,
    name: &'a str,
    back: Option<&'a str>,
    nip: &'a str,
    rank: &'a str,
}

const fn named<'a>(
    front: Option<&'a str>,
    name: &'a str,
    back: Option<&'a str>,
    nip: &'a str,
    rank: &'a str,
) -> Named<'a> {
    Named {
        front,
        name,
        back,
        nip,
        rank,
    }
}

struct Unit {
    code: &'static str,
    name: &'static str,
    parent: Option<&'static str>,
    head_position: &'static str,
    head_kind: PositionKind,
    head: Named<'static>,
    /// Staff positions: (position name, kind, how many people).
    staff: &'static [(&'static str, PositionKind, usize)],
}

const UNITS: &[Unit] = &[
    Unit {
        code: "BKPSDM",
        name: "BKPSDM Kabupaten Sukamakmur",
        parent: None,
        head_position: "Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
        head_kind: PositionKind::JptPratama,
        head: named(
            Some("Drs."),
            "Hendra Wijayakusuma",
            Some("M.Si."),
            HEAD_NIP,
            "IV/c",
        ),
        staff: &[],
    },
    Unit {
        code: "SEK",
        name: "Sekretariat",
        parent: Some("BKPSDM"),
        head_position: "Sekretaris",
        head_kind: PositionKind::Administrator,
        head: named(
            None,
            "Sri Rahayuningsih",
            Some("S.Sos., M.M."),
            "197611022000122002",
            "IV/b",
        ),
        staff: &[],
    },
    Unit {
        code: "SEK-UMPEG",
        name: "Subbagian Umum dan Kepegawaian",
        parent: Some("SEK"),
        head_position: "Kepala Subbagian Umum dan Kepegawaian",
        head_kind: PositionKind::Pengawas,
        head: named(
            None,
            "Agus Setiawan",
            Some("S.E."),
            "198004172005011005",
            "III/d",
        ),
        staff: &[
            ("Pengelola Kepegawaian", PositionKind::Pelaksana, 3),
            ("Pengadministrasi Umum", PositionKind::Pelaksana, 2),
        ],
    },
    Unit {
        code: "SEK-PK",
        name: "Subbagian Perencanaan dan Keuangan",
        parent: Some("SEK"),
        head_position: "Kepala Subbagian Perencanaan dan Keuangan",
        head_kind: PositionKind::Pengawas,
        head: named(
            None,
            "Ratna Dewi Anggraini",
            Some("S.E., M.Ak."),
            "198211092008012012",
            "III/d",
        ),
        staff: &[
            ("Analis Perencanaan", PositionKind::Pelaksana, 2),
            ("Bendahara", PositionKind::Pelaksana, 2),
        ],
    },
    Unit {
        code: "PPIK",
        name: "Bidang Pengadaan, Pemberhentian dan Informasi Kepegawaian",
        parent: Some("BKPSDM"),
        head_position: "Kepala Bidang Pengadaan, Pemberhentian dan Informasi Kepegawaian",
        head_kind: PositionKind::Administrator,
        head: named(
            None,
            "Bambang Sutrisno",
            Some("S.H., M.H."),
            "197808302003121003",
            "IV/a",
        ),
        staff: &[],
    },
    Unit {
        code: "PPIK-INFO",
        name: "Subbidang Pengadaan dan Sistem Informasi",
        parent: Some("PPIK"),
        head_position: "Kepala Subbidang Pengadaan dan Sistem Informasi",
        head_kind: PositionKind::Pengawas,
        head: named(
            None,
            "Yusuf Hidayat",
            Some("S.Kom."),
            "198501212009031007",
            "III/d",
        ),
        staff: &[
            ("Pranata Komputer Ahli Pertama", PositionKind::Fungsional, 2),
            ("Pengelola Data Kepegawaian", PositionKind::Pelaksana, 4),
        ],
    },
    Unit {
        code: "PPIK-PBH",
        name: "Subbidang Pemberhentian dan Pensiun",
        parent: Some("PPIK"),
        head_position: "Kepala Subbidang Pemberhentian dan Pensiun",
        head_kind: PositionKind::Pengawas,
        head: named(
            None,
            "Nurhayati",
            Some("S.H."),
            "198307152009022004",
            "III/c",
        ),
        staff: &[("Analis Pensiun", PositionKind::Pelaksana, 3)],
    },
    Unit {
        code: "MP",
        name: "Bidang Mutasi dan Promosi",
        parent: Some("BKPSDM"),
        head_position: "Kepala Bidang Mutasi dan Promosi",
        head_kind: PositionKind::Administrator,
        head: named(
            None,
            "Dedi Kurniawan",
            Some("S.STP., M.Si."),
            "197912252002121002",
            "IV/a",
        ),
        staff: &[],
    },
    Unit {
        code: "MP-MUT",
        name: "Subbidang Mutasi",
        parent: Some("MP"),
        head_position: "Kepala Subbidang Mutasi",
        head_kind: PositionKind::Pengawas,
        head: named(
            None,
            "Lestari Handayani",
            Some("S.Sos."),
            "198404042010012015",
            "III/c",
        ),
        staff: &[("Analis Mutasi Kepegawaian", PositionKind::Pelaksana, 4)],
    },
    Unit {
        code: "MP-PPK",
        name: "Subbidang Promosi dan Penilaian Kinerja",
        parent: Some("MP"),
        head_position: "Kepala Subbidang Promosi dan Penilaian Kinerja",
        head_kind: PositionKind::Pengawas,
        head: named(
            None,
            "Rudi Hartono",
            Some("S.Psi., M.M."),
            SUPERVISOR_NIP,
            "III/d",
        ),
        staff: &[
            ("Analis Kinerja", PositionKind::Pelaksana, 2),
            (
                "Asesor SDM Aparatur Ahli Pertama",
                PositionKind::Fungsional,
                3,
            ),
        ],
    },
    Unit {
        code: "PKA",
        name: "Bidang Pengembangan Kompetensi Aparatur",
        parent: Some("BKPSDM"),
        head_position: "Kepala Bidang Pengembangan Kompetensi Aparatur",
        head_kind: PositionKind::Administrator,
        head: named(
            Some("Dr."),
            "Siti Marlina",
            Some("M.Pd."),
            "197703112001122006",
            "IV/a",
        ),
        staff: &[("Analis SDM Aparatur Ahli Muda", PositionKind::Fungsional, 2)],
    },
    Unit {
        code: "PKA-STR",
        name: "Subbidang Pengembangan Kompetensi Manajerial",
        parent: Some("PKA"),
        head_position: "Kepala Subbidang Pengembangan Kompetensi Manajerial",
        head_kind: PositionKind::Pengawas,
        head: named(
            None,
            "Fajar Nugroho",
            Some("S.AP."),
            "198610082011011004",
            "III/c",
        ),
        staff: &[(
            "Pengelola Pengembangan Kompetensi",
            PositionKind::Pelaksana,
            5,
        )],
    },
    Unit {
        code: "PKA-TEK",
        name: "Subbidang Pengembangan Kompetensi Teknis dan Fungsional",
        parent: Some("PKA"),
        head_position: "Kepala Subbidang Pengembangan Kompetensi Teknis dan Fungsional",
        head_kind: PositionKind::Pengawas,
        head: named(
            None,
            "Maya Sari Puspitasari",
            Some("S.Pd."),
            "198812192012022008",
            "III/c",
        ),
        staff: &[
            ("Widyaiswara Ahli Pertama", PositionKind::Fungsional, 2),
            ("Pengelola Pelatihan", PositionKind::Pelaksana, 4),
        ],
    },
    Unit {
        code: "DINKES",
        name: "Dinas Kesehatan Kabupaten Sukamakmur",
        parent: None,
        head_position: "Kepala Dinas Kesehatan",
        head_kind: PositionKind::JptPratama,
        head: named(
            Some("dr."),
            "Rina Kusumawardani",
            Some("M.Kes."),
            "197409152003122003",
            "IV/c",
        ),
        staff: &[],
    },
    Unit {
        code: "DINKES-YANKES",
        name: "Bidang Pelayanan Kesehatan",
        parent: Some("DINKES"),
        head_position: "Kepala Bidang Pelayanan Kesehatan",
        head_kind: PositionKind::Administrator,
        head: named(
            None,
            "Yusuf Hidayat",
            Some("S.K.M., M.Kes."),
            "197912032006041007",
            "IV/a",
        ),
        staff: &[(
            "Administrator Kesehatan Ahli Muda",
            PositionKind::Fungsional,
            2,
        )],
    },
    Unit {
        code: "PKM-SKM",
        name: "UPTD Puskesmas Sukamakmur",
        parent: Some("DINKES"),
        head_position: "Kepala UPTD Puskesmas Sukamakmur",
        head_kind: PositionKind::Pengawas,
        head: named(
            Some("drg."),
            "Lestari Wulandari",
            None,
            PUSKESMAS_HEAD_NIP,
            "III/d",
        ),
        staff: &[
            ("Dokter Ahli Pertama", PositionKind::Fungsional, 2),
            ("Perawat Terampil", PositionKind::Fungsional, 3),
            ("Bidan Terampil", PositionKind::Fungsional, 2),
        ],
    },
    Unit {
        code: "KEC-SKM",
        name: "Kecamatan Sukamakmur",
        parent: None,
        head_position: "Camat Sukamakmur",
        head_kind: PositionKind::Administrator,
        head: named(
            None,
            "Dedi Kurniawan",
            Some("S.STP., M.Si."),
            "198107262000121001",
            "IV/a",
        ),
        staff: &[],
    },
    Unit {
        code: "KEC-PU",
        name: "Seksi Pelayanan Umum",
        parent: Some("KEC-SKM"),
        head_position: "Kepala Seksi Pelayanan Umum",
        head_kind: PositionKind::Pengawas,
        head: named(
            None,
            "Nurul Hikmah",
            Some("S.Sos."),
            "198902142014022003",
            "III/c",
        ),
        staff: &[(
            "Pengadministrasi Layanan Masyarakat",
            PositionKind::Pelaksana,
            3,
        )],
    },
];

/// Units with a mandate of their own (*unit kerja mandiri*): their heads write the JPT form.
const INDEPENDENT_UNITS: &[&str] = &["PKM-SKM"];

/// Officials outside the application: (name, NIP, position, rank, reports to the previous one).
const OFFICIALS: &[(&str, Option<&str>, &str, &str)] = &[
    ("H. Ahmad Syarifuddin, S.H.", None, "Bupati Sukamakmur", ""),
    (
        "Ir. H. Bambang Suryadi, M.Si.",
        Some(SEKDA_NIP),
        "Sekretaris Daerah Kabupaten Sukamakmur",
        "Pembina Utama Madya (IV/d)",
    ),
];

/// Staff with fixed identities (the README's demo accounts), placed first in their units.
const NAMED_STAFF: &[(&str, Named<'static>)] = &[
    (
        "PPIK-INFO",
        named(
            None,
            "Indah Permatasari",
            Some("S.Kom."),
            ADMIN_NIP,
            "III/c",
        ),
    ),
    (
        "MP-PPK",
        named(
            None,
            "Putri Ayu Lestari",
            Some("S.Psi."),
            EMPLOYEE_NIP,
            "III/a",
        ),
    ),
    (
        "MP-PPK",
        named(
            None,
            "Anisa Rahmawati",
            Some("S.E."),
            PPPK_EMPLOYEE_NIP,
            "IX",
        ),
    ),
    (
        "MP-PPK",
        named(None, "Bayu Nugroho", Some("S.Kom."), ANALYST_NIP, "III/b"),
    ),
];

const MALE_NAMES: &[&str] = &[
    "Ahmad Fauzi",
    "Budi Santoso",
    "Eko Prasetyo",
    "Hadi Susanto",
    "Irfan Maulana",
    "Joko Purnomo",
    "Kurniawan Saputra",
    "Muhammad Rizki",
    "Nanang Hermawan",
    "Rizal Firmansyah",
    "Slamet Riyadi",
    "Teguh Wibowo",
    "Wahyu Hidayat",
    "Yoga Pratama",
    "Arief Rahman",
    "Dimas Aditya",
    "Galih Permana",
    "Hendro Saputro",
    "Iwan Setiadi",
    "Rahmat Hidayatullah",
    "Sigit Purwanto",
    "Taufik Ismail",
];
const FEMALE_NAMES: &[&str] = &[
    "Dewi Sartika",
    "Fitri Handayani",
    "Rina Marlina",
    "Siti Nurjanah",
    "Wulan Sari",
    "Yuliana Putri",
    "Ayu Wandira",
    "Desi Ratnasari",
    "Eka Susanti",
    "Lina Marliana",
    "Novi Andriani",
    "Ratih Purwasih",
    "Sri Wahyuni",
    "Tri Utami",
    "Vina Oktaviani",
    "Winda Kusumawati",
    "Dian Pertiwi",
    "Mega Safitri",
    "Nurul Hidayah",
    "Retno Wulandari",
    "Sinta Maharani",
];
const DEGREES: &[&str] = &[
    "S.E.", "S.Kom.", "S.H.", "S.Sos.", "S.AP.", "S.Psi.", "A.Md.", "S.Pd.", "S.I.P.",
];
const STAFF_RANKS: &[&str] = &["II/c", "II/d", "III/a", "III/b", "III/c"];

/// A small deterministic generator: the demo looks the same on every machine.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, bound: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % bound
    }
}

/// A valid-format NIP: birth date, TMT year/month (PPPK: month code 21), gender, sequence.
fn generated_nip(rng: &mut Lcg, female: bool, pppk: bool, seq: u32) -> String {
    let birth_year = 1970 + rng.next(27) as i32;
    let birth =
        NaiveDate::from_ymd_opt(birth_year, 1 + rng.next(12) as u32, 1 + rng.next(28) as u32)
            .expect("valid date");
    let tmt_year = if pppk {
        2021 + rng.next(4) as i32
    } else {
        (birth_year + 23 + rng.next(6) as i32).min(2024)
    };
    let tmt_month = if pppk { 21 } else { 1 + rng.next(12) as u32 };
    format!(
        "{}{tmt_year}{tmt_month:02}{}{seq:03}",
        birth.format("%Y%m%d"),
        if female { 2 } else { 1 }
    )
}

/// Returns true when the demo data was loaded now, false when the database already had an agency.
pub async fn seed_once(db: &DatabaseConnection) -> Result<bool, DbErr> {
    seed_once_on(db, Clock::system()).await
}

/// As [`seed_once`], with the agency's calendar read off `clock`: the period is the year it
/// shows, and the plans stand as they would on its day.
pub async fn seed_once_on(db: &DatabaseConnection, clock: Clock) -> Result<bool, DbErr> {
    let today = clock.today_in(AgencyTimeZone::Wib);
    let txn = db.begin().await?;
    if agency::primary(&txn).await?.is_some() {
        txn.rollback().await?;
        return Ok(false);
    }
    let agency = agency::create(
        &txn,
        NewAgency {
            code: "PEMKAB-SKM",
            name: DEMO_AGENCY_NAME,
            short_name: "Pemkab Sukamakmur",
            time_zone: AgencyTimeZone::Wib,
            evaluation_interval: EvaluationInterval::Monthly,
            document_place: "Sukamakmur",
        },
    )
    .await?;
    // One argon2 hash for every demo account keeps seeding fast; real accounts each get their own.
    let password_hash = hash_password(DEMO_PASSWORD).map_err(|e| DbErr::Custom(e.to_string()))?;
    seed_officials(&txn, agency.id).await?;
    seed_organisation(&txn, agency.id, &password_hash, today).await?;
    seed_plans(&txn, agency.id, today.year()).await?;
    txn.commit().await?;
    tracing::info!("demo data loaded");
    Ok(true)
}

/// The Bupati and the Sekda, each reporting to the one before.
async fn seed_officials(db: &impl ConnectionTrait, instansi_id: AgencyId) -> Result<(), DbErr> {
    use app::db::entities::pejabat_luar;
    use sea_orm::{ActiveModelTrait, Set};
    let now = Utc::now();
    let mut above = None;
    for &(name, nip, position, rank) in OFFICIALS {
        let row = pejabat_luar::ActiveModel {
            instansi_id: Set(instansi_id),
            name: Set(name.to_owned()),
            nip: Set(nip.map(str::to_owned)),
            position: Set(position.to_owned()),
            rank_grade: Set(rank.to_owned()),
            atasan_id: Set(above),
            version: Set(1),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(db)
        .await?;
        above = Some(row.id);
    }
    Ok(())
}

async fn seed_organisation(
    db: &impl ConnectionTrait,
    instansi_id: AgencyId,
    password_hash: &str,
    today: NaiveDate,
) -> Result<(), DbErr> {
    let now = Utc::now();
    let mut people = Enrolment {
        instansi_id,
        password_hash,
        today,
        emails: HashSet::new(),
    };
    let mut rng = Lcg(2026);
    let mut placed: Vec<(&str, unit_kerja::Model)> = Vec::new();
    let mut seq = 1u32;

    for unit in UNITS {
        let parent = unit
            .parent
            .and_then(|code| placed.iter().find(|(c, _)| *c == code).map(|(_, u)| u));
        let (code, name) = match (normalize_code(unit.code), normalize_name(unit.name)) {
            (Ok(code), Ok(name)) => (code, name),
            (code, name) => {
                return Err(DbErr::Custom(format!(
                    "demo unit {}: {code:?} {name:?}",
                    unit.code
                )));
            }
        };
        let mut row = app::db::units::create(db, instansi_id, parent, code, name, now).await?;
        if INDEPENDENT_UNITS.contains(&unit.code) {
            use sea_orm::{ActiveModelTrait, IntoActiveModel, Set};
            let mut independent = row.into_active_model();
            independent.independent = Set(true);
            row = independent.update(db).await?;
        }
        // The head of an agency (a unit at the top) is appraised by the Sekda.
        let head_appraiser = if unit.parent.is_none() { SEKDA_NIP } else { "" };

        // The head comes first: everyone else in the unit reports to them, the way the employee
        // form derives a reporting line from the unit tree.
        people
            .enrol(
                db,
                unit.head,
                &row,
                (unit.head_position, unit.head_kind),
                head_appraiser,
                AdminRole::None,
            )
            .await?;
        for (_, staff) in NAMED_STAFF.iter().filter(|s| s.0 == unit.code) {
            // Named people take the unit's first staff position, or a plain *pelaksana* one.
            let (position, kind) = match unit.staff.first() {
                Some(&(name, kind, _)) => (name, kind),
                None => ("Pelaksana", PositionKind::Pelaksana),
            };
            let admin = if staff.nip == ADMIN_NIP {
                AdminRole::Agency
            } else {
                AdminRole::None
            };
            people
                .enrol(db, *staff, &row, (position, kind), "", admin)
                .await?;
        }
        for &(position, kind, count) in unit.staff {
            for _ in 0..count {
                let female = rng.next(2) == 0;
                let names = if female { FEMALE_NAMES } else { MALE_NAMES };
                let name = names[rng.next(names.len() as u64) as usize];
                let pppk = rng.next(5) == 0;
                let nip = generated_nip(&mut rng, female, pppk, seq);
                seq += 1;
                let degree = DEGREES[rng.next(DEGREES.len() as u64) as usize];
                let rank = if pppk {
                    "IX"
                } else {
                    STAFF_RANKS[rng.next(STAFF_RANKS.len() as u64) as usize]
                };
                let person = named(None, name, Some(degree), &nip, rank);
                people
                    .enrol(db, person, &row, (position, kind), "", AdminRole::None)
                    .await?;
            }
        }
        placed.push((unit.code, row));
    }
    Ok(())
}

/// Puts demo people into the organisation through the employee form's own validation and save,
/// then gives them the demo password (and the admin their right).
struct Enrolment<'a> {
    instansi_id: AgencyId,
    password_hash: &'a str,
    today: NaiveDate,
    /// Generated staff may share a name; only the first gets the address.
    emails: HashSet<String>,
}

impl Enrolment<'_> {
    async fn enrol(
        &mut self,
        db: &impl ConnectionTrait,
        person: Named<'_>,
        unit: &unit_kerja::Model,
        (position, kind): (&str, PositionKind),
        appraiser_nip: &str,
        admin: AdminRole,
    ) -> Result<pegawai::Model, DbErr> {
        let refused =
            |problem: String| DbErr::Custom(format!("demo employee {}: {problem}", person.nip));
        let pppk = Nip::parse(person.nip, self.today)
            .map_err(|e| refused(e.to_string()))?
            .is_pppk_number();
        let email = format!(
            "{}@sukamakmur.go.id",
            person
                .name
                .to_lowercase()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(".")
        );
        let fields = EmployeeFields {
            nip: person.nip.to_owned(),
            name: person.name.to_owned(),
            front_title: person.front.unwrap_or_default().to_owned(),
            back_title: person.back.unwrap_or_default().to_owned(),
            email: if self.emails.insert(email.clone()) {
                email
            } else {
                String::new()
            },
            asn_type: if pppk { AsnType::Pppk } else { AsnType::Pns }
                .as_str()
                .to_owned(),
            rank_grade: person.rank.to_owned(),
            unit_code: unit.code.clone(),
            position: position.to_owned(),
            position_kind: kind.as_str().to_owned(),
            superior_nip: String::new(),
            appraiser_nip: appraiser_nip.to_owned(),
        };
        let valid =
            validate(&fields, self.today).map_err(|errors| refused(format!("{errors:?}")))?;
        // Demo staff have held their positions since the start of last year, so a transfer can
        // be recorded on any day of this one.
        let since = NaiveDate::from_ymd_opt(self.today.year() - 1, 1, 2)
            .ok_or_else(|| refused("no such year".to_owned()))?;
        let placement = employees::Placement::Since {
            on: since,
            today: self.today,
        };
        let saved = employees::save(db, self.instansi_id, None, valid, placement, None, |_| true)
            .await
            .map_err(|e| match e {
                SaveError::Fields(errors) => refused(format!("{errors:?}")),
                SaveError::App(e) => refused(e.to_string()),
            })?;
        let now = Utc::now();
        let account = accounts::of_employee(db, saved.id)
            .await?
            .ok_or_else(|| refused("no account".to_owned()))?;
        let account =
            accounts::set_password(db, account, self.password_hash.to_owned(), now).await?;
        if admin != AdminRole::None {
            accounts::set_admin_role(db, account, admin, None, now).await?;
        }
        Ok(saved)
    }
}

/// A demo work result: (RHK, the leader's RHK it supports by index, perspective for JPT,
/// indicator, aspect, target, unit).
struct DemoResult {
    text: &'static str,
    parent: Option<usize>,
    perspective: Option<Perspective>,
    indicator: &'static str,
    aspect: Aspect,
    target: &'static str,
    unit: &'static str,
}

const fn rhk(
    text: &'static str,
    parent: Option<usize>,
    perspective: Option<Perspective>,
    indicator: &'static str,
    aspect: Aspect,
    target: &'static str,
    unit: &'static str,
) -> DemoResult {
    DemoResult {
        text,
        parent,
        perspective,
        indicator,
        aspect,
        target,
        unit,
    }
}

/// Approved plans of the leaders (unit code → results), so that staff can cascade from them
/// out of the box. The parent index points into the plan of the unit's parent.
const DEMO_PLANS: &[(&str, &[DemoResult])] = &[
    (
        "BKPSDM",
        &[
            rhk(
                "Meningkatnya kualitas layanan kepegawaian bagi ASN Kabupaten Sukamakmur",
                None,
                Some(Perspective::PenerimaLayanan),
                "Indeks kepuasan layanan kepegawaian",
                Aspect::Kualitas,
                "85",
                "indeks",
            ),
            rhk(
                "Terwujudnya manajemen ASN berbasis sistem merit",
                None,
                Some(Perspective::ProsesBisnis),
                "Nilai indeks sistem merit",
                Aspect::Kualitas,
                "0.75",
                "indeks",
            ),
            rhk(
                "Meningkatnya kompetensi ASN Kabupaten Sukamakmur",
                None,
                Some(Perspective::PenguatanInternal),
                "Persentase ASN yang memenuhi 20 JP pengembangan kompetensi",
                Aspect::Kuantitas,
                "80",
                "persen",
            ),
            rhk(
                "Terkelolanya anggaran badan secara akuntabel",
                None,
                Some(Perspective::Anggaran),
                "Persentase realisasi anggaran",
                Aspect::Biaya,
                "95",
                "persen",
            ),
        ],
    ),
    (
        "SEK",
        &[
            rhk(
                "Terselenggaranya dukungan administrasi umum, kepegawaian dan keuangan badan",
                Some(3),
                None,
                "Persentase layanan administrasi yang selesai tepat waktu",
                Aspect::Waktu,
                "100",
                "persen",
            ),
            rhk(
                "Tersusunnya dokumen perencanaan dan laporan kinerja badan tepat waktu",
                Some(1),
                None,
                "Jumlah dokumen perencanaan dan laporan kinerja",
                Aspect::Kuantitas,
                "4",
                "dokumen",
            ),
        ],
    ),
    (
        "SEK-UMPEG",
        &[
            rhk(
                "Terkelolanya administrasi kepegawaian internal badan",
                Some(0),
                None,
                "Jumlah usulan layanan kepegawaian internal yang diproses",
                Aspect::Kuantitas,
                "120",
                "usulan",
            ),
            rhk(
                "Terpenuhinya kebutuhan sarana dan prasarana kantor",
                Some(0),
                None,
                "Persentase kebutuhan sarana yang terpenuhi",
                Aspect::Kuantitas,
                "90",
                "persen",
            ),
        ],
    ),
    (
        "SEK-PK",
        &[
            rhk(
                "Tersusunnya Renja, RKA dan laporan kinerja badan",
                Some(1),
                None,
                "Jumlah dokumen perencanaan yang tersusun",
                Aspect::Kuantitas,
                "3",
                "dokumen",
            ),
            rhk(
                "Tersusunnya laporan keuangan badan tepat waktu",
                Some(0),
                None,
                "Jumlah laporan keuangan",
                Aspect::Waktu,
                "12",
                "laporan",
            ),
        ],
    ),
    (
        "PPIK",
        &[
            rhk(
                "Terlaksananya pengadaan ASN dan pemutakhiran data kepegawaian",
                Some(1),
                None,
                "Persentase data ASN yang mutakhir di SIASN",
                Aspect::Kualitas,
                "98",
                "persen",
            ),
            rhk(
                "Terlaksananya layanan pemberhentian dan pensiun ASN tepat waktu",
                Some(0),
                None,
                "Persentase SK pensiun terbit sebelum TMT",
                Aspect::Waktu,
                "100",
                "persen",
            ),
        ],
    ),
    (
        "PPIK-INFO",
        &[
            rhk(
                "Tersedianya data kepegawaian yang mutakhir di SIASN",
                Some(0),
                None,
                "Jumlah data ASN yang dimutakhirkan",
                Aspect::Kuantitas,
                "1500",
                "data",
            ),
            rhk(
                "Terlaksananya seleksi pengadaan ASN",
                Some(0),
                None,
                "Jumlah tahapan seleksi yang terlaksana sesuai jadwal",
                Aspect::Waktu,
                "5",
                "tahapan",
            ),
        ],
    ),
    (
        "PPIK-PBH",
        &[
            rhk(
                "Terprosesnya usulan pensiun ASN tepat waktu",
                Some(1),
                None,
                "Jumlah usulan pensiun yang diproses",
                Aspect::Kuantitas,
                "60",
                "usulan",
            ),
            rhk(
                "Terlaksananya layanan pemberhentian ASN",
                Some(1),
                None,
                "Jumlah layanan pemberhentian yang diselesaikan",
                Aspect::Kuantitas,
                "10",
                "layanan",
            ),
        ],
    ),
    (
        "MP",
        &[
            rhk(
                "Terlaksananya mutasi dan promosi ASN berbasis merit",
                Some(1),
                None,
                "Persentase mutasi dan promosi yang sesuai kebutuhan organisasi",
                Aspect::Kualitas,
                "90",
                "persen",
            ),
            rhk(
                "Terlaksananya penilaian kinerja ASN sesuai PermenPANRB 6/2022",
                Some(1),
                None,
                "Persentase ASN dengan SKP yang ditetapkan tepat waktu",
                Aspect::Waktu,
                "95",
                "persen",
            ),
        ],
    ),
    (
        "MP-MUT",
        &[
            rhk(
                "Terprosesnya usulan mutasi ASN sesuai ketentuan",
                Some(0),
                None,
                "Jumlah usulan mutasi yang diproses",
                Aspect::Kuantitas,
                "150",
                "usulan",
            ),
            rhk(
                "Tersusunnya analisis kebutuhan mutasi perangkat daerah",
                Some(0),
                None,
                "Jumlah dokumen analisis kebutuhan",
                Aspect::Kuantitas,
                "2",
                "dokumen",
            ),
        ],
    ),
    (
        "MP-PPK",
        &[
            rhk(
                "Terlaksananya penilaian kinerja ASN tepat waktu",
                Some(1),
                None,
                "Persentase perangkat daerah yang menyampaikan penilaian kinerja tepat waktu",
                Aspect::Waktu,
                "95",
                "persen",
            ),
            rhk(
                "Terprosesnya usulan kenaikan pangkat dan promosi ASN",
                Some(0),
                None,
                "Jumlah usulan kenaikan pangkat yang diproses",
                Aspect::Kuantitas,
                "400",
                "usulan",
            ),
        ],
    ),
    (
        "PKA",
        &[
            rhk(
                "Meningkatnya ASN yang memenuhi hak pengembangan kompetensi 20 JP",
                Some(2),
                None,
                "Persentase ASN yang memenuhi 20 JP",
                Aspect::Kuantitas,
                "80",
                "persen",
            ),
            rhk(
                "Terlaksananya evaluasi pascapelatihan",
                Some(2),
                None,
                "Persentase pelatihan yang dievaluasi",
                Aspect::Kuantitas,
                "75",
                "persen",
            ),
        ],
    ),
    (
        "PKA-STR",
        &[
            rhk(
                "Terlaksananya pengembangan kompetensi manajerial",
                Some(0),
                None,
                "Jumlah ASN yang mengikuti pelatihan manajerial",
                Aspect::Kuantitas,
                "120",
                "orang",
            ),
            rhk(
                "Tersusunnya analisis kebutuhan pengembangan kompetensi",
                Some(0),
                None,
                "Jumlah dokumen AKPK",
                Aspect::Kuantitas,
                "1",
                "dokumen",
            ),
        ],
    ),
    (
        "PKA-TEK",
        &[
            rhk(
                "Terlaksananya pengembangan kompetensi teknis dan fungsional",
                Some(0),
                None,
                "Jumlah ASN yang mengikuti pelatihan teknis",
                Aspect::Kuantitas,
                "300",
                "orang",
            ),
            rhk(
                "Terlaksananya evaluasi pascapelatihan teknis",
                Some(1),
                None,
                "Jumlah laporan evaluasi pascapelatihan",
                Aspect::Kuantitas,
                "4",
                "laporan",
            ),
        ],
    ),
];

/// Opens this year's period and gives every unit head an approved SKP cascading from the head
/// above, as a running agency would have by now.
async fn seed_plans(
    db: &impl ConnectionTrait,
    instansi_id: AgencyId,
    year: i32,
) -> Result<(), DbErr> {
    use app::db::entities::skp_hasil;
    use app::domain::period::{default_annual_deadline, default_planning_deadline};
    use app::domain::skp::{Approach, ResultGroup, SkpEvent, SkpForm, SkpParty};
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

    let app_err = |e: app::error::AppError| DbErr::Custom(e.to_string());
    let period = app::db::periods::create_period(
        db,
        instansi_id,
        year,
        EvaluationInterval::Monthly,
        default_planning_deadline(year),
        default_annual_deadline(year),
        None,
    )
    .await?;
    // Result ids of each unit's plan, to link the units below.
    let mut ids: Vec<(&str, Vec<ResultId>)> = Vec::new();
    for (code, results) in DEMO_PLANS {
        let unit = unit_kerja::Entity::find()
            .filter(unit_kerja::Column::Code.eq(*code))
            .one(db)
            .await?
            .ok_or_else(|| DbErr::Custom(format!("demo unit {code} missing")))?;
        let head_position = jabatan::Entity::find()
            .filter(jabatan::Column::UnitId.eq(unit.id))
            .filter(jabatan::Column::IsHead.eq(true))
            .one(db)
            .await?
            .ok_or_else(|| DbErr::Custom(format!("demo unit {code} has no head")))?;
        let head = pegawai::Entity::find()
            .filter(pegawai::Column::JabatanId.eq(head_position.id))
            .one(db)
            .await?
            .ok_or_else(|| DbErr::Custom(format!("demo unit {code} has no head")))?;
        let form = app::db::skp::form_for(db, Some(head_position.id))
            .await
            .map_err(app_err)?;
        let plan = app::db::skp::create(
            db,
            &period,
            &head,
            app::db::periods::Appraisers {
                penilai: head.penilai_id,
                atasan: head.atasan_penilai_id,
                external: head.penilai_luar_id,
            },
            form,
            Approach::Kuantitatif,
        )
        .await
        .map_err(app_err)?;
        let parent_ids = UNITS
            .iter()
            .find(|u| u.code == *code)
            .and_then(|u| u.parent)
            .and_then(|parent| ids.iter().find(|(c, _)| *c == parent))
            .map(|(_, v)| v.clone())
            .unwrap_or_default();
        let mut mine = Vec::new();
        for r in results.iter() {
            // Through the same functions as the SKP page's "add" forms, reading the plan again
            // so each row lands at the end.
            let record = app::db::skp::load(db, plan.id).await.map_err(app_err)?;
            let parent = match r.parent.and_then(|p| parent_ids.get(p).copied()) {
                Some(id) if form != SkpForm::Jpt => {
                    skp_hasil::Entity::find_by_id(id).one(db).await?
                }
                _ => None,
            };
            let result = NewResult {
                group: ResultGroup::Utama,
                text: r.text.to_owned(),
                parent: parent.as_ref(),
                perspective: r.perspective,
            };
            let row = add_result(db, &record, result).await.map_err(app_err)?;
            let indicator = NewIndicator {
                aspect: Some(r.aspect),
                text: r.indicator.to_owned(),
                target_min: Some(r.target.to_owned()),
                target_max: None,
                target_unit: Some(r.unit.to_owned()),
            };
            let record = app::db::skp::load(db, plan.id).await.map_err(app_err)?;
            add_indicator(db, &record, row.id, indicator)
                .await
                .map_err(app_err)?;
            mine.push(row.id);
        }
        // Submitted by the head and approved by their appraiser through the state machine, so
        // the approval carries its snapshot like any plan approved in the application.
        let owner = account_of(db, head.id).await?;
        // An appraiser outside the application: the demo admin recorded the Sekda's decision.
        let appraiser = match (head.penilai_id, head.penilai_luar_id) {
            (Some(id), _) => account_of(db, id).await?,
            (None, Some(_)) => {
                let admin = pegawai::Entity::find()
                    .filter(pegawai::Column::Nip.eq(ADMIN_NIP))
                    .one(db)
                    .await?
                    .ok_or_else(|| DbErr::Custom("demo admin missing".to_owned()))?;
                account_of(db, admin.id).await?
            }
            (None, None) => None,
        };
        for (event, party, actor) in [
            (SkpEvent::Submit, SkpParty::Owner, owner),
            (SkpEvent::Approve, SkpParty::Appraiser, appraiser),
        ] {
            let record = app::db::skp::load(db, plan.id).await.map_err(app_err)?;
            let version = record.skp.version;
            app::db::skp::fire(db, &record, version, event, party, actor, None)
                .await
                .map_err(app_err)?;
        }
        ids.push((code, mine));
    }
    Ok(())
}

/// The account of an employee, for the history of what the demo people did.
async fn account_of(
    db: &impl ConnectionTrait,
    pegawai_id: EmployeeId,
) -> Result<Option<AccountId>, DbErr> {
    Ok(accounts::of_employee(db, pegawai_id).await?.map(|a| a.id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_and_named_nips_are_valid() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let mut rng = Lcg(2026);
        for seq in 1..200 {
            let female = seq % 2 == 0;
            let pppk = seq % 5 == 0;
            let nip = generated_nip(&mut rng, female, pppk, seq);
            let parsed = Nip::parse(&nip, today).unwrap_or_else(|e| panic!("{nip}: {e}"));
            assert_eq!(parsed.is_pppk_number(), pppk);
        }
        for unit in UNITS {
            Nip::parse(unit.head.nip, today).unwrap_or_else(|e| panic!("{}: {e}", unit.head.nip));
        }
        for (_, staff) in NAMED_STAFF {
            Nip::parse(staff.nip, today).unwrap_or_else(|e| panic!("{}: {e}", staff.nip));
        }
    }
}
