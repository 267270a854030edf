// The organisation as it is: the puskesmas head (an independent unit) drafts the JPT form on a
// phone; the admin keeps the officials outside the application on the agency page, and the
// Kepala Badan's established plan names the Sekda and the Bupati on screen and in print.
import { test, expect } from "@playwright/test";
import { expectNoHorizontalScroll, snap } from "./helpers.mjs";
import { ADMIN, HEAD, PASSWORD } from "./accounts.mjs";

// drg. Lestari Wulandari, head of UPTD Puskesmas Sukamakmur; no other journey uses her.
const PUSKESMAS_HEAD = "198503222010012012";
const SEKDA = { name: "Ir. H. Bambang Suryadi, M.Si.", nip: "196805121994031006" };

async function logIn(page, nip, next) {
  await page.goto(`/masuk?next=${encodeURIComponent(next)}`);
  await page.getByLabel("NIP atau email").fill(nip);
  await page.getByLabel("Kata sandi").fill(PASSWORD);
  await page.getByRole("button", { name: "Masuk", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${next}$`));
}

test("the head of a puskesmas drafts the JPT form on a phone", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "mobile", "an employee flow, on a phone");
  await logIn(page, PUSKESMAS_HEAD, "/skp");
  await page.getByRole("button", { name: "Mulai menyusun SKP" }).click();
  await expect(page).toHaveURL(/\/skp\/\d+$/);
  // The JPT form: results by perspective, no cascade to the appraiser's plan.
  await expect(page.getByLabel("Perspektif").first()).toBeVisible();
  // Appraised by the head of the health office, whose plan she does not cascade from.
  await expect(page.getByText("Pejabat Penilai Kinerja: dr. Rina Kusumawardani, M.Kes.")).toBeVisible();
  await page.locator("summary").filter({ hasText: "Pejabat Penilai Kinerja" }).click();
  await expect(page.getByText("Kepala UPTD Puskesmas Sukamakmur").first()).toBeVisible();
  await expectNoHorizontalScroll(page);
  await snap(page, testInfo, "skp-puskesmas-jpt");
});

test("officials outside the application appraise agency heads, on screen and in print", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "an admin flow, on a desktop");
  await logIn(page, ADMIN.nip, "/admin/instansi");
  const officials = page.getByTestId("officials");
  await expect(officials).toContainText(SEKDA.name);
  await expect(officials).toContainText(SEKDA.nip);
  await expect(officials).toContainText("Bupati Sukamakmur");
  await snap(page, testInfo, "agency-officials");

  // The Kepala Badan's record names the Sekda as appraiser; his plan prints the Sekda.
  await page.goto("/admin/pegawai");
  await page.getByLabel("Cari nama atau NIP").fill(HEAD.nip);
  await page.getByRole("button", { name: "Cari", exact: true }).click();
  await page.getByRole("link", { name: /Hendra Wijayakusuma/ }).click();
  await expect(page.locator("[name=appraiser_nip]")).toHaveValue(SEKDA.nip);
  await page.getByTestId("employee-plans").getByRole("link").first().click();
  await expect(page.getByTestId("acting-for")).toContainText(SEKDA.name);
  await page.locator("summary").filter({ hasText: `Pejabat Penilai Kinerja: ${SEKDA.name}` }).click();
  await expect(page.getByText("Bupati Sukamakmur").first()).toBeVisible();
  await snap(page, testInfo, "skp-sekda-header");
  await page.goto(page.url() + "/cetak");
  await expect(page.locator(".people-table")).toContainText(SEKDA.nip);
  await expect(page.locator(".people-table")).toContainText("Sekretaris Daerah Kabupaten Sukamakmur");
  await snap(page, testInfo, "skp-print-sekda");
});
