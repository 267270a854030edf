// Admin journeys on a desktop: directory, employee record, CSV import, password reset link.
// Admin pages are server-rendered forms; one journey runs again with JavaScript off.
import { test, expect } from "@playwright/test";
import { expectNoHorizontalScroll, snap } from "./helpers.mjs";
import { ADMIN, PASSWORD } from "./accounts.mjs";

async function logInAsAdmin(page, next = "/admin/pegawai") {
  await page.goto(`/masuk?next=${encodeURIComponent(next)}`);
  await page.getByLabel("NIP atau email").fill(ADMIN.nip);
  await page.getByLabel("Kata sandi").fill(PASSWORD);
  await page.getByRole("button", { name: "Masuk", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(next.replace(/[?]/g, "\\?") + "$"));
}

const HEADER =
  "nip,nama,gelar_depan,gelar_belakang,email,jenis_asn,golongan,kode_unit,jabatan,jenis_jabatan,nip_atasan,nip_penilai";

test.describe("desktop admin", () => {
  test.beforeEach(({}, testInfo) => {
    test.skip(testInfo.project.name !== "desktop", "admin journeys run on the desktop");
  });

  test("the admin searches the directory and edits an employee", async ({ page }, testInfo) => {
    await logInAsAdmin(page);
    await expect(page.getByTestId("result-summary")).toContainText("dari 74 pegawai");
    await page.getByLabel("Cari nama atau NIP").fill("anisa");
    await page.getByRole("button", { name: "Cari", exact: true }).click();
    await expect(page).toHaveURL(/q=anisa/);
    await expect(page.getByTestId("result-summary")).toContainText("dari 1 pegawai");
    await snap(page, testInfo, "admin-directory");
    await page.getByRole("link", { name: /Anisa Rahmawati/ }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Anisa Rahmawati, S.E.");
    await page.getByLabel("Gelar belakang").fill("S.E., M.Ak.");
    await page.getByRole("button", { name: "Simpan", exact: true }).click();
    await expect(page.getByText("Perubahan telah disimpan.")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Anisa Rahmawati, S.E., M.Ak.");
    await expect(page.getByTestId("changes")).toContainText("S.E., M.Ak.");
    await snap(page, testInfo, "admin-employee");
  });

  test("a CSV file with errors shows them by line and column and imports nothing", async ({ page }, testInfo) => {
    await logInAsAdmin(page, "/admin/impor");
    const file =
      `${HEADER}\n` +
      "199102142015032004,Ratna Sari,,S.Kom.,,PNS,III/b,SEK-UMPEG,Pranata Komputer,fungsional,,\n" +
      "199102142015032,Bayu Saputra,,,,PNS,III/a,SEK-UMPEG,Pengelola,pelaksana,,\n" +
      "199707192023211003,Yoga Pratama,,,,PPPK,VII,TIDAK-ADA,Pengelola Data,pelaksana,,\n";
    await page.getByLabel("Berkas CSV").setInputFiles({ name: "pegawai.csv", mimeType: "text/csv", buffer: Buffer.from(file) });
    await page.getByRole("button", { name: "Unggah dan periksa" }).click();
    await expect(page).toHaveURL(/\/admin\/impor\/\d+$/);
    await expect(page.getByTestId("import-outcome")).toContainText("Berkas ditolak: 2 kesalahan");
    const rows = page.getByTestId("import-errors").locator("tbody tr");
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0)).toContainText("3");
    await expect(rows.nth(0)).toContainText("nip");
    await expect(rows.nth(0)).toContainText("NIP harus tepat 18 digit.");
    await expect(rows.nth(1)).toContainText("kode_unit");
    await expect(rows.nth(1)).toContainText("Kode unit tidak ditemukan.");
    await snap(page, testInfo, "admin-import-errors");

    // The valid first line was not stored either.
    await page.goto("/admin/pegawai?q=199102142015032004");
    await expect(page.getByTestId("result-summary")).toHaveText("Tidak ada pegawai yang cocok dengan pencarian ini.");
  });

  test("a new employee gets a one-time link, sets a password on a phone and logs in", async ({ page, browser }, testInfo) => {
    await logInAsAdmin(page, "/admin/pegawai/baru");
    await page.getByLabel("NIP").fill("19900310 201502 1 002");
    await page.getByLabel("Nama (tanpa gelar)").fill("Bagus Santoso");
    await page.getByLabel("Gelar belakang").fill("S.T.");
    await page.getByLabel("Jenis ASN").selectOption("pns");
    await page.getByLabel("Golongan").selectOption("III/b");
    await page.getByLabel("Unit kerja").selectOption("PKA-TEK");
    await page.getByLabel(/^Jabatan/).fill("Analis Pengembangan Kompetensi");
    await page.getByLabel("Jenis jabatan").selectOption("fungsional");
    await page.getByRole("button", { name: "Simpan", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bagus Santoso, S.T.");
    await page.getByRole("button", { name: "Buat tautan reset kata sandi" }).click();
    const link = (await page.getByTestId("reset-link").locator("code").textContent()).trim();
    expect(link).toMatch(/\/atur-sandi\/[0-9a-f]{64}$/);
    await snap(page, testInfo, "admin-reset-link");
    // Shown once: a reload no longer has it.
    await page.reload();
    await expect(page.getByTestId("reset-link")).toHaveCount(0);

    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const employee = await phone.newPage();
    await employee.goto(link);
    await employee.getByLabel("Kata sandi baru", { exact: true }).fill("sawah-hijau-2026");
    await employee.getByLabel("Ulangi kata sandi baru").fill("sawah-hijau-2026");
    await expectNoHorizontalScroll(employee);
    await employee.getByRole("button", { name: "Simpan kata sandi baru" }).click();
    await expect(employee.getByText("Kata sandi baru telah disimpan. Silakan masuk.")).toBeVisible();
    await employee.getByLabel("NIP atau email").fill("199003102015021002");
    await employee.getByLabel("Kata sandi").fill("sawah-hijau-2026");
    await employee.getByRole("button", { name: "Masuk", exact: true }).click();
    await employee.goto("/profil");
    await expect(employee.getByRole("heading", { level: 1 })).toHaveText("Bagus Santoso, S.T.");

    // The link is spent.
    await employee.goto(link);
    await expect(employee.getByTestId("reset-invalid")).toBeVisible();
    await phone.close();
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test.beforeEach(({}, testInfo) => {
    test.skip(testInfo.project.name !== "desktop", "admin journeys run on the desktop");
  });

  test("the employee form keeps what was typed and names every fault", async ({ page }) => {
    await logInAsAdmin(page, "/admin/pegawai/baru");
    await page.getByLabel("NIP").fill("198513122010011001");
    await page.getByLabel("Gelar belakang").fill("S.H.");
    await page.getByRole("button", { name: "Simpan", exact: true }).click();
    await expect(page.locator("#nip-error")).toHaveText("Digit 1–8 bukan tanggal lahir yang valid (TTTTBBHH).");
    await expect(page.locator("#name-error")).toHaveText("Wajib diisi.");
    await expect(page.getByLabel("NIP")).toHaveValue("198513122010011001");
    await expect(page.getByLabel("Gelar belakang")).toHaveValue("S.H.");
  });
});

test("the directory and the unit tree fit a phone", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "mobile", "phone layout check");
  await logInAsAdmin(page);
  await expect(page.getByTestId("directory")).toBeVisible();
  await expectNoHorizontalScroll(page);
  await snap(page, testInfo, "admin-directory");
  await page.goto("/admin/unit");
  await expect(page.getByTestId("unit-tree")).toBeVisible();
  await expectNoHorizontalScroll(page);
  await snap(page, testInfo, "admin-units");
});
