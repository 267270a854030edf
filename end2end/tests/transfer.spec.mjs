// A transfer (mutasi) in the middle of the year: the admin records it on a desktop, the employee
// drafts the plan for the new position on a phone, and both plans appear for each of them.
import { test, expect } from "@playwright/test";
import { expectNoHorizontalScroll, snap } from "./helpers.mjs";
import { ADMIN, PASSWORD } from "./accounts.mjs";

// Head of the pensions subdivision, with an approved demo plan; no other journey uses her.
const MOVER = { nip: "198307152009022004", name: "Nurhayati, S.H." };
const MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

/** 1 July of the run's year, or yesterday while July has not come yet (a transfer is never future). */
function transferDay() {
  const now = process.env.KINERJA_TODAY ? new Date(`${process.env.KINERJA_TODAY}T00:00:00Z`) : new Date();
  const july = new Date(Date.UTC(now.getUTCFullYear(), 6, 1));
  const yesterday = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - 1));
  return july < yesterday ? july : yesterday;
}

const words = (d) => `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;

async function logIn(page, nip, next) {
  await page.goto(`/masuk?next=${encodeURIComponent(next)}`);
  await page.getByLabel("NIP atau email").fill(nip);
  await page.getByLabel("Kata sandi").fill(PASSWORD);
  await page.getByRole("button", { name: "Masuk", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${next}$`));
}

test("an employee transferred mid-year gets a second SKP, listed for her and the admin", async ({ browser }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "one journey across a desktop and a phone");
  const moved = transferDay();
  const lastDay = new Date(moved.getTime() - 86_400_000);
  const year = moved.getUTCFullYear();
  const firstSpan = `1 Januari s.d. ${words(lastDay)}`;
  const baseURL = testInfo.project.use.baseURL;
  const secondSpan = `${moved.getUTCDate()} ${MONTHS[moved.getUTCMonth()]} s.d. 31 Desember ${year}`;

  const desk = await browser.newContext({ viewport: { width: 1366, height: 900 }, baseURL });
  const admin = await desk.newPage();
  await logIn(admin, ADMIN.nip, "/admin/pegawai");
  await admin.getByLabel("Cari nama atau NIP").fill(MOVER.nip);
  await admin.getByRole("button", { name: "Cari", exact: true }).click();
  await admin.getByRole("link", { name: /Nurhayati/ }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText(MOVER.name);
  const record = admin.url();
  // By field name: the labels carry the required marker.
  await admin.locator("[name=unit_code]").selectOption("MP-MUT");
  await admin.locator("[name=position]").fill("Analis Mutasi Kepegawaian");
  await admin.locator("[name=position_kind]").selectOption("pelaksana");
  await expect(admin.getByLabel("Tanggal mutasi")).toBeVisible();
  await admin.locator("[name=moved_on]").fill(moved.toISOString().slice(0, 10));
  await admin.getByRole("button", { name: "Simpan", exact: true }).click();
  await expect(admin.getByText("Perubahan telah disimpan.")).toBeVisible();
  await expect(admin.getByTestId("employee-plans").locator("li")).toHaveCount(1);
  await expect(admin.getByTestId("employee-plans")).toContainText(firstSpan);
  await expect(admin.getByTestId("history")).toContainText("Analis Mutasi Kepegawaian");

  const phone = await browser.newContext({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true, baseURL });
  const employee = await phone.newPage();
  await logIn(employee, MOVER.nip, "/skp");
  await expect(employee.getByTestId("skp-after-transfer")).toContainText(words(moved));
  await expect(employee.getByText(firstSpan)).toBeVisible();
  await expectNoHorizontalScroll(employee);
  await snap(employee, testInfo, "transfer-employee-start");
  await employee.getByTestId("skp-start").click();
  await expect(employee).toHaveURL(/\/skp\/\d+$/);
  await expect(employee.getByText(secondSpan)).toBeVisible();
  await employee.goto("/skp");
  await expect(employee.getByTestId("skp-open")).toBeVisible();
  await expect(employee.getByText(secondSpan)).toBeVisible();
  await expect(employee.getByText(firstSpan)).toBeVisible();
  await snap(employee, testInfo, "transfer-employee-plans");
  await employee.goto("/notifikasi");
  await expect(employee.getByText("mencatat mutasi Anda")).toBeVisible();

  await admin.goto(record);
  const plans = admin.getByTestId("employee-plans").locator("li");
  await expect(plans).toHaveCount(2);
  await expect(plans.nth(0)).toContainText(secondSpan);
  await expect(plans.nth(1)).toContainText(firstSpan);
  await snap(admin, testInfo, "transfer-admin-record");
  await desk.close();
  await phone.close();
});
