// Deadlines that act, as an appraiser and an admin see them on a desktop on the run's 20 August:
// the heads' July self-assessments are past their deadline, and staff without an established
// plan missed the planning deadline.
import { test, expect } from "@playwright/test";
import { expectNoHorizontalScroll, snap } from "./helpers.mjs";
import { ADMIN, COMPETENCY_HEAD, HEAD, PASSWORD, PPPK_EMPLOYEE } from "./accounts.mjs";

async function logIn(page, who, next) {
  await page.goto(`/masuk?next=${encodeURIComponent(next)}`);
  await page.getByLabel("NIP atau email").fill(who.nip);
  await page.getByLabel("Kata sandi").fill(PASSWORD);
  await page.getByRole("button", { name: "Masuk", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${next}$`));
}

test.describe("missed deadlines", () => {
  test.beforeEach(({}, testInfo) => {
    test.skip(testInfo.project.name !== "desktop", "appraiser and admin lists run on the desktop");
  });

  test("the appraiser sees the team's overdue self-assessments", async ({ page }, testInfo) => {
    // The head of the agency appraises the bidang heads; no other journey hands in their July.
    await logIn(page, HEAD, "/bawahan");
    const team = page.getByTestId("team-overdue");
    // Every month she has not handed in is listed; July is the latest.
    const rows = team.locator("tr", { hasText: COMPETENCY_HEAD.nip });
    await expect(rows).toHaveCount(7);
    const row = rows.filter({ hasText: /Penilaian mandiri Juli \d{4}/ });
    await expect(row.getByTestId("overdue")).toHaveText(/terlambat \d+ hari/);
    await expectNoHorizontalScroll(page);
    await snap(page, testInfo, "team-overdue");
  });

  test("the admin sees every missed deadline of the period", async ({ page }, testInfo) => {
    await logIn(page, ADMIN, "/admin/periode");
    await page.getByRole("link", { name: /^\d{4}$/ }).first().click();
    const list = page.getByTestId("period-overdue");
    await expect(list).toBeVisible();
    // A staff member no other journey gives a plan.
    const anisa = list.locator("tr", { hasText: PPPK_EMPLOYEE.nip });
    await expect(anisa).toContainText("SKP belum diajukan atau ditetapkan");
    await expect(anisa.getByTestId("overdue")).toHaveText(/terlambat \d+ hari/);
    await expect(page.getByText(/\d+ tugas melewati batas waktu/)).toBeVisible();
    await expectNoHorizontalScroll(page);
    await snap(page, testInfo, "period-overdue");
  });
});
