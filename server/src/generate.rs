//! `server generate --employees N`: scale data for benchmarks and load tests. Adds a consistent
//! tree of *perangkat daerah* (each with four bidang of three seksi) under the agency's root unit,
//! a head with a structural position in every unit, staff in every seksi, and a complete
//! reporting line (superior, appraiser, appraiser's superior) for everyone. Deterministic for a
//! given seed. Generated employees get no login accounts: they exist to be listed and searched.

use app::db::entities::{jabatan, pegawai, unit_kerja};
use app::domain::employee::{AsnType, PositionKind};
use app::domain::ids::{AgencyId, EmployeeId, PositionId, UnitId};
use chrono::{NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set, TransactionTrait,
};
use std::collections::HashSet;

const BIDANG_PER_DINAS: usize = 4;
const SEKSI_PER_BIDANG: usize = 3;
/// Units per dinas: itself, its bidang, their seksi.
const UNITS_PER_DINAS: usize = 1 + BIDANG_PER_DINAS + BIDANG_PER_DINAS * SEKSI_PER_BIDANG;
/// Staff per seksi aimed for; the number of dinas follows from it.
const STAFF_PER_SEKSI: usize = 30;
/// Rows per multi-row INSERT: well under SQLite's and PostgreSQL's bind-parameter limits.
const CHUNK: usize = 500;

const DINAS: &[&str] = &[
    "Dinas Pendidikan",
    "Dinas Kesehatan",
    "Dinas Pekerjaan Umum dan Penataan Ruang",
    "Dinas Sosial",
    "Dinas Perhubungan",
    "Dinas Lingkungan Hidup",
    "Dinas Kependudukan dan Pencatatan Sipil",
    "Dinas Pertanian",
    "Dinas Koperasi dan UKM",
    "Dinas Pariwisata",
    "Badan Perencanaan Pembangunan Daerah",
    "Badan Pengelolaan Keuangan Daerah",
];
const GIVEN: &[&str] = &[
    "Siti", "Budi", "Agus", "Dewi", "Rina", "Andi", "Sri", "Joko", "Nur", "Yuni", "Hendra",
    "Putri", "Eko", "Ayu", "Rudi", "Wati", "Ahmad", "Lestari", "Bambang", "Indah", "Fajar",
    "Ratna", "Dedi", "Maya", "Arif", "Fitri", "Taufik", "Wulan", "Irwan", "Yanti",
];
const FAMILY: &[&str] = &[
    "Aminah",
    "Santoso",
    "Wijaya",
    "Rahmawati",
    "Hidayat",
    "Saputra",
    "Kusuma",
    "Nugroho",
    "Pratama",
    "Susanti",
    "Siregar",
    "Harahap",
    "Nasution",
    "Simanjuntak",
    "Setiawan",
    "Permana",
    "Lubis",
    "Gunawan",
    "Handayani",
    "Syahputra",
    "Kurniawan",
    "Purnamasari",
    "Firmansyah",
    "Maharani",
];
const DEGREES: &[&str] = &["S.E.", "S.Kom.", "S.H.", "S.Sos.", "S.Pd.", "S.T.", "A.Md."];
const PNS_RANKS: &[&str] = &["II/b", "II/c", "II/d", "III/a", "III/b", "III/c", "III/d"];
const PPPK_RANKS: &[&str] = &["V", "VII", "IX", "X"];

/// A small deterministic generator (no dependency for this).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, bound: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % bound as u64) as usize
    }

    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.next(from.len())]
    }
}

#[derive(Debug, PartialEq, Eq)]
pub struct Generated {
    pub units: usize,
    pub employees: usize,
}

struct Person {
    nip: String,
    name: String,
    back: &'static str,
    pppk: bool,
}

/// A fresh, valid-format NIP not in `taken` (PPPK: month code 21).
fn fresh_person(rng: &mut Lcg, taken: &mut HashSet<String>) -> Person {
    loop {
        let female = rng.next(2) == 0;
        let pppk = rng.next(6) == 0;
        let birth_year = 1968 + rng.next(32) as i32;
        let birth =
            NaiveDate::from_ymd_opt(birth_year, 1 + rng.next(12) as u32, 1 + rng.next(28) as u32)
                .expect("valid date");
        let tmt_year = if pppk {
            2021 + rng.next(4) as i32
        } else {
            (birth_year + 22 + rng.next(8) as i32).min(2025)
        };
        let tmt_month = if pppk { 21 } else { 1 + rng.next(12) };
        let nip = format!(
            "{}{tmt_year}{tmt_month:02}{}{:03}",
            birth.format("%Y%m%d"),
            if female { 2 } else { 1 },
            1 + rng.next(999)
        );
        if taken.insert(nip.clone()) {
            let name = format!("{} {}", rng.pick(GIVEN), rng.pick(FAMILY));
            let back = DEGREES[rng.next(DEGREES.len())];
            return Person {
                nip,
                name,
                back,
                pppk,
            };
        }
    }
}

struct Ctx {
    instansi_id: AgencyId,
    now: chrono::DateTime<Utc>,
}

fn new_employee(
    ctx: &Ctx,
    rng: &mut Lcg,
    p: &Person,
    unit_id: UnitId,
    jabatan_id: PositionId,
    line: (Option<EmployeeId>, Option<EmployeeId>, Option<EmployeeId>),
) -> pegawai::ActiveModel {
    let rank = if p.pppk {
        rng.pick(PPPK_RANKS)
    } else {
        rng.pick(PNS_RANKS)
    };
    pegawai::ActiveModel {
        instansi_id: Set(ctx.instansi_id),
        nip: Set(p.nip.clone()),
        name: Set(p.name.clone()),
        name_search: Set(p.name.to_lowercase()),
        front_title: Set(None),
        back_title: Set(Some(p.back.to_owned())),
        email: Set(None),
        asn_type: Set(if p.pppk { AsnType::Pppk } else { AsnType::Pns }),
        rank_grade: Set(rank.to_owned()),
        unit_id: Set(unit_id),
        jabatan_id: Set(Some(jabatan_id)),
        atasan_id: Set(line.0),
        penilai_id: Set(line.1),
        atasan_penilai_id: Set(line.2),
        active: Set(true),
        locale: Set("id".to_owned()),
        version: Set(1),
        created_at: Set(ctx.now),
        updated_at: Set(ctx.now),
        ..Default::default()
    }
}

struct UnitSpec<'a> {
    parent: &'a unit_kerja::Model,
    code: String,
    name: String,
    head_position: String,
    head_kind: PositionKind,
    eselon: &'static str,
}

async fn add_unit(
    db: &impl ConnectionTrait,
    ctx: &Ctx,
    spec: UnitSpec<'_>,
) -> Result<(unit_kerja::Model, PositionId), DbErr> {
    let unit = app::db::units::create(
        db,
        ctx.instansi_id,
        Some(spec.parent),
        spec.code,
        spec.name,
        ctx.now,
    )
    .await?;
    let head_position = add_position(
        db,
        ctx,
        unit.id,
        &spec.head_position,
        spec.head_kind,
        Some(spec.eselon),
        true,
    )
    .await?;
    Ok((unit, head_position))
}

async fn add_position(
    db: &impl ConnectionTrait,
    ctx: &Ctx,
    unit_id: UnitId,
    name: &str,
    kind: PositionKind,
    eselon: Option<&str>,
    is_head: bool,
) -> Result<PositionId, DbErr> {
    Ok(jabatan::ActiveModel {
        unit_id: Set(unit_id),
        name: Set(name.to_owned()),
        kind: Set(kind),
        eselon: Set(eselon.map(str::to_owned)),
        jenjang: Set(None),
        is_head: Set(is_head),
        version: Set(1),
        created_at: Set(ctx.now),
        updated_at: Set(ctx.now),
        ..Default::default()
    }
    .insert(db)
    .await?
    .id)
}

/// Adds about `employees` employees (rounded to whole seksi) in one transaction.
pub async fn generate(
    db: &DatabaseConnection,
    employees: usize,
    seed: u64,
) -> Result<Generated, DbErr> {
    let txn = db.begin().await?;
    let root = unit_kerja::Entity::find()
        .filter(unit_kerja::Column::ParentId.is_null())
        .order_by_asc(unit_kerja::Column::Id)
        .one(&txn)
        .await?
        .ok_or_else(|| DbErr::Custom("no agency yet: start the server once first".into()))?;
    let root_head = pegawai::Entity::find()
        .filter(pegawai::Column::UnitId.eq(root.id))
        .order_by_asc(pegawai::Column::Id)
        .one(&txn)
        .await?
        .map(|p| (p.id, p.penilai_id));
    let ctx = Ctx {
        instansi_id: root.instansi_id,
        now: Utc::now(),
    };
    let mut taken: HashSet<String> = pegawai::Entity::find()
        .select_only()
        .column(pegawai::Column::Nip)
        .into_tuple::<String>()
        .all(&txn)
        .await?
        .into_iter()
        .collect();
    // Runs on a database that already has generated units continue their numbering.
    let first = unit_kerja::Entity::find()
        .filter(unit_kerja::Column::Code.starts_with("GEN"))
        .filter(unit_kerja::Column::Depth.eq(root.depth + 1))
        .count(&txn)
        .await?;
    let mut rng = Lcg(seed);
    let per_dinas =
        1 + BIDANG_PER_DINAS + BIDANG_PER_DINAS * (1 + SEKSI_PER_BIDANG * STAFF_PER_SEKSI);
    let dinas_count = employees.div_ceil(per_dinas).max(1);
    let mut staff_left = employees.saturating_sub(dinas_count * UNITS_PER_DINAS);
    let seksi_total = dinas_count * BIDANG_PER_DINAS * SEKSI_PER_BIDANG;
    let mut created = Generated {
        units: 0,
        employees: 0,
    };
    let mut seksi_seen = 0;
    let mut batch: Vec<pegawai::ActiveModel> = Vec::with_capacity(CHUNK);

    for d in 0..dinas_count {
        let n = first as usize + d + 1;
        let dinas_name = format!(
            "{} {}",
            DINAS[(n - 1) % DINAS.len()],
            n.div_ceil(DINAS.len())
        );
        let (dinas, dinas_pos) = add_unit(
            &txn,
            &ctx,
            UnitSpec {
                parent: &root,
                code: format!("GEN{n:03}"),
                name: dinas_name.clone(),
                head_position: format!("Kepala {dinas_name}"),
                head_kind: PositionKind::JptPratama,
                eselon: "II.b",
            },
        )
        .await?;
        let head = fresh_person(&mut rng, &mut taken);
        let dinas_head = new_employee(
            &ctx,
            &mut rng,
            &head,
            dinas.id,
            dinas_pos,
            (
                root_head.map(|h| h.0),
                root_head.map(|h| h.0),
                root_head.and_then(|h| h.1),
            ),
        )
        .insert(&txn)
        .await?;
        created.units += 1;
        created.employees += 1;

        for b in 1..=BIDANG_PER_DINAS {
            let (bidang, bidang_pos) = add_unit(
                &txn,
                &ctx,
                UnitSpec {
                    parent: &dinas,
                    code: format!("GEN{n:03}-B{b}"),
                    name: format!("Bidang {b} {dinas_name}"),
                    head_position: format!("Kepala Bidang {b}"),
                    head_kind: PositionKind::Administrator,
                    eselon: "III.b",
                },
            )
            .await?;
            let person = fresh_person(&mut rng, &mut taken);
            let bidang_head = new_employee(
                &ctx,
                &mut rng,
                &person,
                bidang.id,
                bidang_pos,
                (
                    Some(dinas_head.id),
                    Some(dinas_head.id),
                    dinas_head.penilai_id,
                ),
            )
            .insert(&txn)
            .await?;
            created.units += 1;
            created.employees += 1;

            for s in 1..=SEKSI_PER_BIDANG {
                let (seksi, seksi_pos) = add_unit(
                    &txn,
                    &ctx,
                    UnitSpec {
                        parent: &bidang,
                        code: format!("GEN{n:03}-B{b}-S{s}"),
                        name: format!("Seksi {s} Bidang {b} {dinas_name}"),
                        head_position: format!("Kepala Seksi {s}"),
                        head_kind: PositionKind::Pengawas,
                        eselon: "IV.a",
                    },
                )
                .await?;
                let person = fresh_person(&mut rng, &mut taken);
                let seksi_head = new_employee(
                    &ctx,
                    &mut rng,
                    &person,
                    seksi.id,
                    seksi_pos,
                    (
                        Some(bidang_head.id),
                        Some(bidang_head.id),
                        Some(dinas_head.id),
                    ),
                )
                .insert(&txn)
                .await?;
                created.units += 1;
                created.employees += 1;

                let analyst = add_position(
                    &txn,
                    &ctx,
                    seksi.id,
                    "Analis Kebijakan Ahli Pertama",
                    PositionKind::Fungsional,
                    None,
                    false,
                )
                .await?;
                let clerk = add_position(
                    &txn,
                    &ctx,
                    seksi.id,
                    "Pengadministrasi Umum",
                    PositionKind::Pelaksana,
                    None,
                    false,
                )
                .await?;
                // Spread the remaining staff evenly over the seksi still to come.
                seksi_seen += 1;
                let share = staff_left.div_ceil(seksi_total - seksi_seen + 1);
                staff_left -= share;
                for i in 0..share {
                    let person = fresh_person(&mut rng, &mut taken);
                    let position = if i % 3 == 0 { analyst } else { clerk };
                    batch.push(new_employee(
                        &ctx,
                        &mut rng,
                        &person,
                        seksi.id,
                        position,
                        (
                            Some(seksi_head.id),
                            Some(seksi_head.id),
                            Some(bidang_head.id),
                        ),
                    ));
                    if batch.len() == CHUNK {
                        created.employees += batch.len();
                        pegawai::Entity::insert_many(std::mem::take(&mut batch))
                            .exec(&txn)
                            .await?;
                    }
                }
            }
        }
    }
    if !batch.is_empty() {
        created.employees += batch.len();
        pegawai::Entity::insert_many(batch).exec(&txn).await?;
    }
    txn.commit().await?;
    Ok(created)
}

#[cfg(test)]
mod tests {
    use super::*;
    use app::domain::nip::Nip;

    #[test]
    fn generated_people_have_valid_distinct_nips() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let mut rng = Lcg(7);
        let mut taken = HashSet::new();
        for _ in 0..5000 {
            let p = fresh_person(&mut rng, &mut taken);
            let nip = Nip::parse(&p.nip, today).unwrap_or_else(|e| panic!("{}: {e}", p.nip));
            assert_eq!(nip.is_pppk_number(), p.pppk);
        }
        assert_eq!(taken.len(), 5000);
    }
}
