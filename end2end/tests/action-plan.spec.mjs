// The action plan (rencana aksi): Rudi writes the steps and targets of every month for his
// established SKP on a phone without JavaScript, his appraiser agrees at a desk, and the July
// self-assessment then shows July's target instead of the annual one.
import { test, expect } from "@playwright/test";
import { expectNoHorizontalScroll, snap } from "./helpers.mjs";
import { MP_HEAD, PASSWORD, SUPERVISOR } from "./accounts.mjs";

async function logIn(page, who, next, password = PASSWORD) {
  await page.goto(`/masuk?next=${encodeURIComponent(next)}`);
  await page.getByLabel("NIP atau email").fill(who.nip);
  await page.getByLabel("Kata sandi").fill(password);
  await page.getByRole("button", { name: "Masuk", exact: true }).click();
  // Signed in (sent on), or refused (back on the form, at its error summary).
  await page.waitForURL((url) => url.pathname !== "/masuk" || url.hash === "#ringkasan-galat");
}

// The password journey (login.spec) changes Dedi's password; whichever ran first, he gets in.
async function logInAppraiser(page, next) {
  await logIn(page, MP_HEAD, next);
  if (!new URL(page.url()).pathname.endsWith(next)) {
    await logIn(page, MP_HEAD, next, "teh manis sore hari");
  }
  await expect(page).toHaveURL(new RegExp(`${next}$`));
}

test("an action plan is written on a phone, agreed at a desk and measured against", async ({ browser }, testInfo) => {
  test.skip(testInfo.project.name !== "mobile", "one journey across a phone and a desktop");
  test.setTimeout(120_000);
  const baseURL = testInfo.project.use.baseURL;
  const phone = await browser.newContext({
    baseURL,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 3,
    isMobile: true,
    hasTouch: true,
    javaScriptEnabled: false,
  });
  const page = await phone.newPage();

  await logIn(page, SUPERVISOR, "/skp");
  await expect(page).toHaveURL(/\/skp$/);
  await page.getByTestId("skp-open").click();
  await page.getByTestId("skp-action-plan").click();
  await expect(page).toHaveURL(/\/skp\/\d+\/rencana-aksi$/);
  await expect(page.getByTestId("action-plan-state")).toHaveText("Belum disusun");

  // Handing in with only July's first step written: refused, the text kept, the gaps marked.
  const steps = page.locator('textarea[name^="aksi["]');
  const targets = page.locator('input[name^="target["]');
  const count = await steps.count();
  expect(count % 12).toBe(0);
  const julyStep = page.locator('textarea[name$="-7]"]').first();
  await julyStep.fill("Menyusun draf laporan penilaian kinerja Juli");
  await page.getByTestId("action-plan-hand-in").click();
  await expect(page.getByTestId("action-plan-error")).toContainText("Rencana aksi belum lengkap");
  await expect(page.locator('textarea[name$="-7]"]').first()).toHaveValue("Menyusun draf laporan penilaian kinerja Juli");
  await expect(page.getByText("Wajib diisi.").first()).toBeVisible();
  await snap(page, testInfo, "action-plan-incomplete");

  // Every month written, then handed in.
  for (let n = 0; n < count; n++) {
    const step = steps.nth(n);
    const name = await step.getAttribute("name");
    const month = name.match(/-(\d+)\]$/)[1];
    if (!(await step.inputValue())) await step.fill(`Langkah bulan ${month}`);
    await targets.nth(n).fill(month);
  }
  await expectNoHorizontalScroll(page);
  await page.getByTestId("action-plan-hand-in").click();
  await expect(page.getByTestId("action-plan-status")).toHaveText("Rencana aksi diajukan ke pejabat penilai.");
  await expect(page.getByTestId("action-plan-state")).toHaveText("Menunggu persetujuan penilai");
  const planUrl = new URL(page.url()).pathname;

  // The appraiser, at a desk, finds it on the review list and agrees.
  const desk = await browser.newContext({ baseURL, viewport: { width: 1366, height: 900 } });
  const deskPage = await desk.newPage();
  await logInAppraiser(deskPage, "/bawahan");
  const waiting = deskPage.getByTestId("action-plans-waiting");
  await waiting.getByRole("link", { name: SUPERVISOR.name }).click();
  await expect(deskPage).toHaveURL(new RegExp(`${planUrl}$`));
  await expect(deskPage.getByText("Menyusun draf laporan penilaian kinerja Juli")).toBeVisible();
  await snap(deskPage, testInfo, "action-plan-review");
  await deskPage.getByTestId("action-plan-agree").click();
  await expect(deskPage.getByTestId("action-plan-state")).toHaveText("Disepakati");
  await desk.close();

  // Back on the phone: Rudi is told, and the notification leads to the agreed plan, which reads
  // as a table; July's self-assessment then measures against July's target.
  await page.goto("/notifikasi");
  const told = page.getByTestId("notifications").getByRole("button", { name: /menyepakati rencana aksi Anda/ });
  await expect(told).toBeVisible();
  await told.click();
  await expect(page).toHaveURL(new RegExp(`${planUrl}$`));
  await expect(page.getByTestId("action-plan-state")).toHaveText("Disepakati");
  await expectNoHorizontalScroll(page);
  await snap(page, testInfo, "action-plan-agreed");
  await page.goto("/evaluasi");
  await page.getByTestId("start-7").first().click();
  await expect(page).toHaveURL(/\/evaluasi\/\d+/);
  await page.goto(`${new URL(page.url()).pathname}?langkah=1`);
  const firstTarget = page.locator('[data-testid^="target-"]').first();
  await expect(firstTarget).toContainText("Target periode ini: 7");
  await expect(page.locator('[data-testid^="planned-"]').first()).toContainText("Menyusun draf laporan penilaian kinerja Juli");
  await snap(page, testInfo, "wizard-period-target");
  await phone.close();
});
