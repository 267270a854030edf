// Signing in and out, on a phone (employees) and a desktop (supervisors, admins).
import { test, expect } from "@playwright/test";
import { expectNoHorizontalScroll, snap } from "./helpers.mjs";
import { ADMIN, EMPLOYEE, HEAD, PASSWORD, SUPERVISOR } from "./accounts.mjs";

async function logIn(page, nip, password = PASSWORD) {
  await page.getByLabel("NIP atau email").fill(nip);
  await page.getByLabel("Kata sandi").fill(password);
  await page.getByRole("button", { name: "Masuk", exact: true }).click();
}

test("an employee logs in on a phone, sees their profile and logs out", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "mobile", "employee journey runs on the phone");
  await page.goto("/");
  await page.getByTestId("account-link").click();
  await expect(page).toHaveURL(/\/masuk\?next=\/profil$/);
  await snap(page, testInfo, "login");
  await expectNoHorizontalScroll(page);
  await logIn(page, "19930505 201903 2 011");
  await expect(page).toHaveURL(/\/profil$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(EMPLOYEE.name);
  await expect(page.getByTestId("profile-facts")).toContainText("Subbidang Promosi dan Penilaian Kinerja");
  await expect(page.getByText(SUPERVISOR.name).first()).toBeVisible();
  await expectNoHorizontalScroll(page);
  await snap(page, testInfo, "profile");

  await page.getByRole("button", { name: "Keluar", exact: true }).click();
  await expect(page).toHaveURL(/\/masuk$/);
  await page.goto("/profil");
  await expect(page).toHaveURL(/\/masuk\?next=\/profil$/);
});

test("the profile is in English after switching language", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "mobile", "runs on the phone");
  await page.goto("/masuk?next=/profil");
  await page.getByRole("button", { name: "EN" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Log in to Kinerja");
  await page.getByLabel("NIP or e-mail").fill(EMPLOYEE.nip);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Log in", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Superiors and appraisers" })).toBeVisible();
  await snap(page, testInfo, "profile-en");
  await page.getByRole("button", { name: "ID" }).click();
  await expect(page.getByRole("heading", { name: "Atasan dan penilai" })).toBeVisible();
});

test("a supervisor sees how many people they appraise", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "supervisor journey runs on the desktop");
  await page.goto("/masuk?next=/profil");
  await logIn(page, SUPERVISOR.nip);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(SUPERVISOR.name);
  await expect(page.getByText("8 orang")).toBeVisible();
  await expect(page.getByText("Dedi Kurniawan, S.STP., M.Si.").first()).toBeVisible();
  await snap(page, testInfo, "profile-supervisor");
});

test("the head of the agency and the admin can log in", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "runs on the desktop");
  for (const who of [HEAD, ADMIN]) {
    await page.goto("/masuk?next=/profil");
    await logIn(page, who.nip);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(who.name);
    await page.getByRole("button", { name: "Keluar", exact: true }).click();
    await expect(page).toHaveURL(/\/masuk$/);
  }
});

test("a wrong password is explained next to the field and the NIP stays typed", async ({ page }) => {
  await page.goto("/masuk");
  await logIn(page, SUPERVISOR.nip, "bukan-sandinya");
  await expect(page.getByText("NIP/email atau kata sandi salah.", { exact: true })).toBeVisible();
  await expect(page.getByLabel("NIP atau email")).toHaveValue(SUPERVISOR.nip);
  await expect(page.getByLabel("NIP atau email")).toHaveAttribute("aria-invalid", "true");
});

test("changing the password: mistakes are explained, then the new password works", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "changes a shared demo account once");
  const nip = "197912252002121002"; // Dedi Kurniawan, head of Bidang Mutasi dan Promosi
  await page.goto("/masuk?next=/profil");
  await logIn(page, nip);
  await page.getByLabel("Kata sandi saat ini").fill("bukan-sandinya");
  await page.getByLabel("Kata sandi baru", { exact: true }).fill("pendek");
  await page.getByLabel("Ulangi kata sandi baru").fill("lain");
  await page.getByRole("button", { name: "Ganti kata sandi" }).click();
  await expect(page.getByText("Kata sandi saat ini salah.", { exact: true })).toBeVisible();
  await expect(page.getByText("Minimal 10 karakter.", { exact: true })).toBeVisible();
  await expect(page.getByText("Tidak sama dengan kata sandi baru.", { exact: true })).toBeVisible();
  await snap(page, testInfo, "change-password-errors");

  await page.getByLabel("Kata sandi saat ini").fill(PASSWORD);
  await page.getByLabel("Kata sandi baru", { exact: true }).fill("teh manis sore hari");
  await page.getByLabel("Ulangi kata sandi baru").fill("teh manis sore hari");
  await page.getByRole("button", { name: "Ganti kata sandi" }).click();
  await expect(page.getByRole("status")).toHaveText(
    "Kata sandi telah diganti. Sesi di perangkat lain telah diakhiri.",
  );
  await page.getByRole("button", { name: "Keluar", exact: true }).click();
  await page.goto("/masuk?next=/profil");
  await logIn(page, nip, "teh manis sore hari");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dedi Kurniawan, S.STP., M.Si.");
});
