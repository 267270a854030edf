// Demo accounts (README "Demo accounts"); the run's database is fresh demo data.
export const PASSWORD = "Kinerja-2026";
export const ADMIN = { nip: "198703142010012003", name: "Indah Permatasari, S.Kom." };
export const HEAD = { nip: "197205181998031004", name: "Drs. Hendra Wijayakusuma, M.Si." };
export const SUPERVISOR = { nip: "198209232006041002", name: "Rudi Hartono, S.Psi., M.M." };
export const EMPLOYEE = { nip: "199305052019032011", name: "Putri Ayu Lestari, S.Psi." };
export const PPPK_EMPLOYEE = { nip: "199608122023212007", name: "Anisa Rahmawati, S.E." };
export const ANALYST = { nip: "199003182015031004", name: "Bayu Nugroho, S.Kom." };
// Unit heads with approved demo plans, used by the self-assessment journeys, and their appraiser.
export const STRATEGY_HEAD = { nip: "198610082011011004", name: "Fajar Nugroho, S.AP." };
export const TECHNICAL_HEAD = { nip: "198812192012022008", name: "Maya Sari Puspitasari, S.Pd." };
export const COMPETENCY_HEAD = { nip: "197703112001122006", name: "Dr. Siti Marlina, M.Pd." };
// Rudi's appraiser (head of the Bidang Mutasi dan Promosi), who agrees to his action plan.
export const MP_HEAD = { nip: "197912252002121002", name: "Dedi Kurniawan, S.STP., M.Si." };
