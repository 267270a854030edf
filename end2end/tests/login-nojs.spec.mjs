// The login form is a plain HTML form: it works with JavaScript off.
import { test, expect } from "@playwright/test";
import { EMPLOYEE, PASSWORD, PPPK_EMPLOYEE } from "./accounts.mjs";

test.use({ javaScriptEnabled: false });

test("log in and out without JavaScript", async ({ page }) => {
  await page.goto("/masuk?next=/profil");
  await page.getByLabel("NIP atau email").fill(EMPLOYEE.nip);
  await page.getByLabel("Kata sandi").fill(PASSWORD);
  await page.getByRole("button", { name: "Masuk", exact: true }).click();
  await expect(page).toHaveURL(/\/profil$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(EMPLOYEE.name);
  await page.getByRole("button", { name: "Keluar", exact: true }).click();
  await expect(page).toHaveURL(/\/masuk$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Masuk ke Kinerja");
});

test("without JavaScript a wrong password keeps the typed NIP and shows the error", async ({ page }) => {
  await page.goto("/masuk");
  await page.getByLabel("NIP atau email").fill("19930505 201903 2 011");
  await page.getByLabel("Kata sandi").fill("bukan-sandinya");
  await page.getByRole("button", { name: "Masuk", exact: true }).click();
  await expect(page.getByText("NIP/email atau kata sandi salah.", { exact: true })).toBeVisible();
  await expect(page.getByLabel("NIP atau email")).toHaveValue("19930505 201903 2 011");
});

test("after five wrong passwords the account waits, and says for how long", async ({ page }, testInfo) => {
  // One project is enough: the lock would otherwise carry over to the next project's run.
  test.skip(testInfo.project.name !== "desktop", "runs once");
  for (let i = 0; i < 5; i++) {
    await page.goto("/masuk");
    await page.getByLabel("NIP atau email").fill(PPPK_EMPLOYEE.nip);
    await page.getByLabel("Kata sandi").fill(`salah-${i}-sandi`);
    await page.getByRole("button", { name: "Masuk", exact: true }).click();
    await expect(page.getByText("NIP/email atau kata sandi salah.", { exact: true })).toBeVisible();
  }
  await page.goto("/masuk");
  await page.getByLabel("NIP atau email").fill(PPPK_EMPLOYEE.nip);
  await page.getByLabel("Kata sandi").fill(PASSWORD);
  await page.getByRole("button", { name: "Masuk", exact: true }).click();
  await expect(page.getByText(/Terlalu banyak percobaan yang gagal\. Coba lagi dalam 1[45] menit\./)).toBeVisible();
});
