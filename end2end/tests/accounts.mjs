// Demo accounts (README "Demo accounts"); the run's database is fresh demo data.
export const PASSWORD = "Kinerja-2026";
export const ADMIN = { nip: "198703142010012003", name: "Indah Permatasari, S.Kom." };
export const HEAD = { nip: "197205181998031004", name: "Drs. Hendra Wijayakusuma, M.Si." };
export const SUPERVISOR = { nip: "198209232006041002", name: "Rudi Hartono, S.Psi., M.M." };
export const EMPLOYEE = { nip: "199305052019032011", name: "Putri Ayu Lestari, S.Psi." };
export const PPPK_EMPLOYEE = { nip: "199608122023212007", name: "Anisa Rahmawati, S.E." };
export const ANALYST = { nip: "199003182015031004", name: "Bayu Nugroho, S.Kom." };
