// The desk (`/`, signed in): each demo role reaches every one of their open tasks in one tap; a
// late task stands out; an appraiser reminds a team member who has not started, also without
// JavaScript.
import { test, expect } from "@playwright/test";
import { ADMIN, EMPLOYEE, HEAD, MP_HEAD, STRATEGY_HEAD, SUPERVISOR } from "./accounts.mjs";
import { expectNoHorizontalScroll, logIn, snap } from "./helpers.mjs";

test("a visitor's home offers the way in", async ({ page }) => {
  await page.goto("/");
  await page.getByTestId("login-cta").click();
  await expect(page).toHaveURL(/\/masuk$/);
});

for (const who of [EMPLOYEE, SUPERVISOR, HEAD, MP_HEAD, STRATEGY_HEAD, ADMIN]) {
  test(`${who.name} reaches every open task from the desk in one tap`, async ({ page }, testInfo) => {
    await logIn(page, who, "/");
    await expect(page.locator("h1")).toContainText(/^(Halo|Hello), /);
    await expectNoHorizontalScroll(page);
    await snap(page, testInfo, `desk-${who.nip}`);
    const tasks = page.getByTestId("desk-task");
    const hrefs = await tasks.evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    for (const [i, href] of hrefs.entries()) {
      if (i > 0) await page.goto("/");
      const label = await tasks.nth(i).locator(".task-title").innerText();
      const box = await tasks.nth(i).boundingBox();
      expect(box.height, `${label}: a comfortable target`).toBeGreaterThanOrEqual(44);
      const answer = page.waitForResponse((r) => r.request().isNavigationRequest());
      await tasks.nth(i).click();
      expect((await answer).status(), label).toBeLessThan(400);
      await expect(page, label).toHaveURL(new RegExp(`${href.replace(/[?]/g, "\\?")}$`));
      await expect(page.locator("main h1"), label).toBeVisible();
      await expect(page.locator(".page-error, .not-found"), label).toHaveCount(0);
    }
  });
}

test("the employee's overdue plan is first and stands out", async ({ page }, testInfo) => {
  // Before the phone journeys hand her plan in (the desktop project runs after them).
  test.skip(testInfo.project.name !== "mobile", "the employee's desk is a phone");
  await logIn(page, EMPLOYEE, "/");
  const first = page.getByTestId("desk-item").first();
  await expect(first).toContainText("Susun dan ajukan SKP Anda");
  await expect(first.getByTestId("overdue")).toContainText(/terlambat \d+ hari/);
  await expect(first).toHaveClass(/task-overdue/);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("an appraiser reminds a team member who is behind", async ({ page }, testInfo) => {
    // One reminder a day: the first project's run sends it, the other's finds it sent.
    await logIn(page, SUPERVISOR, "/");
    const putri = page.getByTestId("team-member").filter({ hasText: EMPLOYEE.name });
    // Not started, or late once the phone journeys have started her plan.
    await expect(putri.getByTestId("team-progress")).toHaveText(/^(Belum mulai|Terlambat \d+ hari)$/);
    await snap(page, testInfo, "desk-team");
    if (await putri.getByTestId("remind").count()) {
      await putri.getByTestId("remind").click();
      await expect(page).toHaveURL(/\/\??$/);
    }
    await expect(putri.getByTestId("reminded")).toHaveText("Sudah diingatkan hari ini");
    await expect(putri.getByTestId("remind")).toHaveCount(0);
  });
});

test("the menu offers each person only what they may use", async ({ page }) => {
  const nav = page.getByRole("navigation", { name: "Navigasi utama" });
  await logIn(page, EMPLOYEE, "/");
  await expect(nav.getByRole("link")).toHaveText(["Beranda", "SKP saya", "360°"]);
  await page.context().clearCookies();
  await logIn(page, SUPERVISOR, "/");
  await expect(nav.getByRole("link", { name: "SKP bawahan" })).toBeVisible();
  await page.context().clearCookies();
  await logIn(page, ADMIN, "/");
  await expect(nav.getByRole("link", { name: "Admin" })).toHaveAttribute("href", "/admin/pegawai");
  await page.goto("/admin/pegawai");
  await expect(page.getByRole("navigation", { name: /admin/i }).getByRole("link")).toHaveCount(7);
});
