// 360° feedback: an admin at a desk sets up a cycle over Maya's subunit and opens it; Maya, on a
// phone without JavaScript, finds her forms on her desk, is told what she left out, answers one
// about a member of her team, and the admin's completion figure counts the answer. (Maya's unit,
// not Rudi's: the SKP journey counts Rudi's unread notifications.)
import { test, expect } from "@playwright/test";
import { expectNoHorizontalScroll, logIn, snap } from "./helpers.mjs";
import { ADMIN, TECHNICAL_HEAD } from "./accounts.mjs";

test("a cycle is opened at a desk and answered on a phone without JavaScript", async ({ browser }, testInfo) => {
  test.skip(testInfo.project.name !== "mobile", "one journey across a desk and a phone");
  test.setTimeout(120_000);
  const baseURL = testInfo.project.use.baseURL;
  const desk = await browser.newContext({ baseURL, viewport: { width: 1366, height: 900 } });
  const phone = await browser.newContext({
    baseURL,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 3,
    isMobile: true,
    hasTouch: true,
    javaScriptEnabled: false,
  });
  const admin = await desk.newPage();
  await logIn(admin, ADMIN, "/admin/360");
  await expect(admin).toHaveURL(/\/admin\/360$/);

  // The form says what is missing and keeps what was typed.
  await admin.locator('input[name="title"]').fill("");
  await admin.getByTestId("create-cycle").click();
  await expect(admin.locator("#title-error")).not.toBeEmpty();

  await admin.locator('input[name="title"]').fill("360 Semester II");
  const unit = await admin
    .locator('select[name="unit_id"] option', { hasText: "Subbidang Pengembangan Kompetensi Teknis dan Fungsional" })
    .getAttribute("value");
  await admin.locator('select[name="unit_id"]').selectOption(unit);
  await admin.getByTestId("create-cycle").click();
  await expect(admin).toHaveURL(/\/admin\/360\/\d+\?disimpan=1$/);
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("360 Semester II");
  await admin.getByTestId("cycle-open").click();
  await expect(admin).toHaveURL(/\/admin\/360\/\d+\?disimpan=1$/);
  const cycleUrl = admin.url().replace(/\?.*$/, "");
  const before = await admin.getByTestId("cycle-rate").innerText();
  expect(before).toMatch(/^0 /);
  await expectNoHorizontalScroll(admin);
  await snap(admin, testInfo, "feedback360-cycle-desktop");

  // Maya's desk lists her forms with the last day; /360 too.
  const page = await phone.newPage();
  await logIn(page, TECHNICAL_HEAD, "/");
  const task = page.locator('a[href^="/360/isi/"]').first();
  await expect(task).toBeVisible();
  await page.goto("/360");
  await expect(page.getByTestId("feedback-forms").locator("li")).not.toHaveCount(0);
  // Her own form comes first; she answers the next one, about a member of her team.
  await page.getByTestId("feedback-forms").locator("a").nth(1).click();
  await expect(page).toHaveURL(/\/360\/isi\/\d+$/);
  await expectNoHorizontalScroll(page);

  // Sent with nothing chosen: every statement is named, nothing is lost.
  const comment = page.locator('textarea[name="comments[1]"]');
  await comment.fill("Selalu sigap membantu rekan");
  await page.getByTestId("send-feedback").click();
  await expect(page.locator(".error-summary, #ringkasan-galat").first()).toBeVisible();
  await expect(page.locator('textarea[name="comments[1]"]')).toHaveValue("Selalu sigap membantu rekan");
  await snap(page, testInfo, "feedback360-form-phone");

  // Each statement answered ("Sering"), one "cannot judge", and sent.
  const statements = page.locator("fieldset.statement");
  const count = await statements.count();
  expect(count).toBeGreaterThanOrEqual(7);
  for (let i = 0; i < count; i++) {
    const choice = i === 0 ? 'input[value="na"]' : 'input[value="4"]';
    await statements.nth(i).locator(choice).check();
  }
  await page.getByTestId("send-feedback").click();
  await expect(page).toHaveURL(/\/360\?terkirim=1$/);
  await expect(page.getByRole("status")).toBeVisible();

  // The admin's figure counts it.
  await admin.goto(cycleUrl);
  await expect(admin.getByTestId("cycle-rate")).toHaveText(/^1 /);

  await desk.close();
  await phone.close();
});
