// A refused form, as a person on a phone meets it: the page opens at an error summary that names
// each problem by its field; following a line moves the focus to that field; nothing of the error
// is in the address, and a reload shows the page as stored. The same with JavaScript off.
import { test, expect } from "@playwright/test";
import { EMPLOYEE } from "./accounts.mjs";
import { expectNoHorizontalScroll, logIn, snap } from "./helpers.mjs";

for (const javaScriptEnabled of [true, false]) {
  test(`a refused form opens at its error summary (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async ({ browser }, testInfo) => {
    const context = await browser.newContext({ ...testInfo.project.use, javaScriptEnabled });
    const page = await context.newPage();
    await logIn(page, EMPLOYEE, "/profil");
    await page.getByLabel(/^Kata sandi saat ini/).fill("bukan-sandi-saya-1");
    await page.getByLabel(/^Kata sandi baru/).fill("pendek");
    await page.getByLabel(/^Ulangi kata sandi baru/).fill("lain");
    await page.getByRole("button", { name: "Ganti kata sandi" }).click();

    await expect(page).toHaveURL(/\/profil#ringkasan-galat$/);
    expect(page.url()).not.toContain("__err");
    const summary = page.getByTestId("error-summary");
    await expect(summary).toBeVisible();
    await expect(summary).toBeFocused();
    await expect(summary).toBeInViewport();
    await expect(summary.getByRole("heading")).toHaveText("Ada yang perlu diperbaiki");
    const lines = summary.getByRole("link");
    await expect(lines).toHaveCount(3);
    await expect(lines.first()).toContainText("Kata sandi saat ini");
    await expectNoHorizontalScroll(page);
    await snap(page, testInfo, `error-summary-js-${javaScriptEnabled}`);

    for (const [i, field] of ["current_password", "new_password", "confirm_password"].entries()) {
      await lines.nth(i).click();
      await expect(page.locator(`#${field}`)).toBeFocused();
      await expect(page.locator(`#${field}`)).toHaveAttribute("aria-invalid", "true");
      await page.locator(`#${field}`).blur();
    }

    await page.reload();
    await expect(page.getByTestId("error-summary")).toHaveCount(0);
    await context.close();
  });
}
