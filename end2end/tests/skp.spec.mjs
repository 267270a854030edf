// SKP planning journeys: an employee drafts on a phone, the supervisor reviews on a desktop
// (return with a note, then approve), the printed document shows it all. The same
// submit/return/approve journey runs again with JavaScript off in both browsers.
import { test, expect } from "@playwright/test";
import { cspViolations, expectNoHorizontalScroll, snap, waitForHydration } from "./helpers.mjs";
import { ANALYST, EMPLOYEE, PASSWORD, SUPERVISOR } from "./accounts.mjs";

const DESKTOP = { viewport: { width: 1366, height: 900 } };

async function logIn(page, who, next) {
  await page.goto(`/masuk?next=${encodeURIComponent(next)}`);
  await page.getByLabel("NIP atau email").fill(who.nip);
  await page.getByLabel("Kata sandi").fill(PASSWORD);
  await page.getByRole("button", { name: "Masuk", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${next}$`));
}

/** The id of the result the page was redirected to (`/skp/7#hasil-12` → 12). */
function resultIdFromUrl(page) {
  const match = page.url().match(/#hasil-(\d+)$/);
  expect(match, `redirected to a result: ${page.url()}`).not.toBeNull();
  return match[1];
}

/** Adds a main result linked to the leader's result at `parentIndex`, with one indicator. */
async function addResult(page, { parentIndex, text, indicator, target, unit }) {
  const form = page.locator("#new-utama-text");
  if (!(await form.isVisible())) {
    await page.getByTestId("add-result-utama").click();
  }
  await page.locator("#new-utama-parent").selectOption({ index: parentIndex });
  await form.fill(text);
  await page.getByTestId("new-utama-save").click();
  await expect(page).toHaveURL(/#hasil-\d+$/);
  const id = resultIdFromUrl(page);
  await page.locator(`#new-i${id}-text`).fill(indicator);
  await page.locator(`#new-i${id}-aspect`).selectOption("kuantitas");
  await page.locator(`#new-i${id}-min`).fill(target);
  await page.locator(`#new-i${id}-unit`).fill(unit);
  await page.getByTestId(`new-i${id}-save`).click();
  await expect(page.locator(`#hasil-${id}`)).toContainText(indicator);
  return id;
}

async function desktopPage(browser, baseURL, javaScriptEnabled = true) {
  const context = await browser.newContext({ ...DESKTOP, baseURL, javaScriptEnabled });
  return { context, page: await context.newPage() };
}

test("an employee drafts on a phone, the supervisor returns it, then approves it", async ({ browser, page }, testInfo) => {
  test.skip(testInfo.project.name !== "mobile", "one journey across a phone and a desktop");
  test.setTimeout(120_000);
  const baseURL = testInfo.project.use.baseURL;
  const blocked = cspViolations(page);

  await logIn(page, EMPLOYEE, "/skp");
  await page.getByTestId("skp-start").click();
  await expect(page).toHaveURL(/\/skp\/\d+$/);
  const skpUrl = new URL(page.url()).pathname;
  await expect(page.getByTestId("skp-state")).toHaveText("Draf");

  const first = await addResult(page, {
    parentIndex: 1,
    text: "Terverifikasinya dokumen penilaian kinerja perangkat daerah",
    indicator: "Jumlah dokumen penilaian kinerja yang diverifikasi",
    target: "12,5",
    unit: "dokumen",
  });
  await addResult(page, {
    parentIndex: 2,
    text: "Terprosesnya berkas usulan kenaikan pangkat",
    indicator: "Jumlah berkas usulan yang diproses",
    target: "150",
    unit: "berkas",
  });
  await expect(page.locator(`#hasil-${first}`)).toContainText("12,5 dokumen");
  await expectNoHorizontalScroll(page);
  await snap(page, testInfo, "skp-draft");
  // The narrowest phones too.
  await page.setViewportSize({ width: 320, height: 700 });
  await expectNoHorizontalScroll(page);
  await page.setViewportSize({ width: 390, height: 844 });

  await page.getByTestId("skp-submit").click();
  await expect(page.getByTestId("skp-status")).toHaveText("SKP telah diajukan kepada pejabat penilai.");
  await expect(page.getByTestId("skp-state")).toHaveText("Diajukan");

  // The supervisor, at a desk, sees it in the bell and the list, and returns it with a note.
  const desk = await desktopPage(browser, baseURL);
  await logIn(desk.page, SUPERVISOR, "/bawahan");
  await expect(desk.page.getByTestId("bell-count")).toHaveText("1");
  await desk.page.getByRole("link", { name: EMPLOYEE.name }).click();
  await expect(desk.page).toHaveURL(new RegExp(`${skpUrl}$`));
  await desk.page.getByTestId(`comment-open-${first}`).click();
  await desk.page.locator(`#c${first}-body`).fill("Sebutkan sumber data verifikasinya.");
  await desk.page.getByTestId(`comment-${first}`).click();
  await expect(desk.page.locator(`#hasil-${first}`)).toContainText("Sebutkan sumber data verifikasinya.");
  await desk.page.getByTestId("skp-return-open").click();
  await desk.page.locator("#note-return").fill("Naikkan target dokumen menjadi 15.");
  await desk.page.getByTestId("skp-return").click();
  await expect(desk.page.getByTestId("skp-state")).toHaveText("Draf");
  await snap(desk.page, testInfo, "skp-review");
  // The supervisor keeps the review list open while the employee works: the bell follows.
  await desk.page.goto("/bawahan");
  await waitForHydration(desk.page);
  await expect(desk.page.getByTestId("bell-count")).toHaveText("1");
  const employeeRow = desk.page.getByTestId("review-table").getByRole("row").filter({ hasText: EMPLOYEE.name });
  await expect(employeeRow).toContainText("Draf");
  await desk.page.evaluate(() => {
    window.__sameDocument = true;
  });

  // The employee finds the returned plan on the desk, with the note, one tap from the plan,
  // where the note leads the page.
  await page.goto("/");
  const returned = page.getByTestId("desk-item").filter({ hasText: "Perbaiki SKP yang dikembalikan" });
  await expect(returned.getByTestId("desk-note")).toContainText("Naikkan target dokumen menjadi 15.");
  await returned.getByTestId("desk-task").click();
  await expect(page).toHaveURL(new RegExp(`${skpUrl}$`));
  await expect(page.getByTestId("return-note")).toContainText("Naikkan target dokumen menjadi 15.");
  await expect(page.getByTestId("return-note")).toBeInViewport();
  await snap(page, testInfo, "skp-returned");
  // The employee revises the indicator and submits again.
  await expect(page.getByTestId("skp-history")).toContainText("Naikkan target dokumen menjadi 15.");
  await expect(page.locator(`#hasil-${first}`)).toContainText("Sebutkan sumber data verifikasinya.");
  const indicatorEdit = page.locator(`#hasil-${first} .indicator details.row-edit`);
  await indicatorEdit.locator("summary").click();
  await indicatorEdit.getByLabel("Target", { exact: true }).fill("15");
  await indicatorEdit.getByRole("button", { name: "Simpan" }).click();
  await expect(page.locator(`#hasil-${first}`)).toContainText("15 dokumen");
  await page.getByTestId("skp-submit").click();
  await expect(page.getByTestId("skp-state")).toHaveText("Diajukan");
  // The resubmission reaches the supervisor's open page without a reload: the bell and the list.
  await expect(desk.page.getByTestId("bell-count")).toHaveText("2", { timeout: 2_000 });
  await expect(employeeRow).toContainText("Diajukan", { timeout: 2_000 });
  expect(await desk.page.evaluate(() => window.__sameDocument), "no reload").toBe(true);

  // Approved at the desk.
  await desk.page.goto(skpUrl);
  await desk.page.getByTestId("skp-approve").click();
  await expect(desk.page.getByTestId("skp-state")).toHaveText("Ditetapkan");
  await desk.context.close();

  // The employee hears about it and prints the document.
  await page.goto("/notifikasi");
  await expect(page.getByTestId("notifications")).toContainText("menetapkan SKP Anda");
  await page.goto(skpUrl);
  await page.getByTestId("skp-print").click();
  const doc = page.getByTestId("skp-document");
  await expect(doc).toContainText("SASARAN KINERJA PEGAWAI");
  await expect(doc).toContainText(EMPLOYEE.name);
  await expect(doc).toContainText(SUPERVISOR.name);
  await expect(doc).toContainText("Terverifikasinya dokumen penilaian kinerja perangkat daerah");
  await expect(doc).toContainText("Terprosesnya berkas usulan kenaikan pangkat");
  await expect(doc).toContainText("15 dokumen");
  await expect(doc).toContainText("150 berkas");
  await expect(doc).toContainText("Terlaksananya penilaian kinerja ASN tepat waktu");
  await expect(doc).toContainText("Ramah, cekatan, solutif, dan dapat diandalkan");
  await expect(doc).toContainText("LAMPIRAN SASARAN KINERJA PEGAWAI");
  await expect(page.getByTestId("print-hint")).toContainText("Ctrl+P");
  await snap(page, testInfo, "skp-print");
  await page.emulateMedia({ media: "print" });
  await snap(page, testInfo, "skp-print-media");
  expect(blocked, "nothing on these pages is blocked by the Content-Security-Policy").toEqual([]);
});

test("without JavaScript the same submit, return and approve journey works", async ({ browser }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "runs once, in two contexts without JavaScript");
  test.setTimeout(120_000);
  const baseURL = testInfo.project.use.baseURL;
  const phone = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    baseURL,
    javaScriptEnabled: false,
  });
  const page = await phone.newPage();
  await logIn(page, ANALYST, "/skp");
  await page.getByTestId("skp-start").click();
  await expect(page).toHaveURL(/\/skp\/\d+$/);
  const skpUrl = new URL(page.url()).pathname;

  // A failed save keeps what was typed: no leader result chosen, no text.
  await page.locator("#new-utama-text").fill("");
  await page.getByTestId("new-utama-save").click();
  await expect(page.locator("#new-utama-text-error")).toHaveText("Wajib diisi.");

  await addResult(page, {
    parentIndex: 1,
    text: "Tersusunnya rekap penilaian kinerja bulanan",
    indicator: "Jumlah rekap yang tersusun",
    target: "12",
    unit: "rekap",
  });
  await page.getByTestId("skp-submit").click();
  await expect(page.getByTestId("skp-state")).toHaveText("Diajukan");

  const desk = await desktopPage(browser, baseURL, false);
  await logIn(desk.page, SUPERVISOR, "/bawahan");
  await desk.page.getByRole("link", { name: ANALYST.name }).click();
  await desk.page.getByTestId("skp-return-open").click();
  // A return without a note is refused and says why.
  await desk.page.getByTestId("skp-return").click();
  await expect(desk.page.locator("#note-return-error")).toHaveText("Wajib diisi.");
  await desk.page.locator("#note-return").fill("Tambahkan target waktu penyusunan.");
  await desk.page.getByTestId("skp-return").click();
  await expect(desk.page.getByTestId("skp-state")).toHaveText("Draf");

  await page.goto(skpUrl);
  await expect(page.getByTestId("skp-history")).toContainText("Tambahkan target waktu penyusunan.");
  await page.getByTestId("skp-submit").click();
  await expect(page.getByTestId("skp-state")).toHaveText("Diajukan");

  await desk.page.goto(skpUrl);
  await desk.page.getByTestId("skp-approve").click();
  await expect(desk.page.getByTestId("skp-state")).toHaveText("Ditetapkan");
  await desk.context.close();
  await phone.close();
});

test("the head of the agency sees the cascade of a bidang", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "a leader's desk view");
  await logIn(page, { nip: "197205181998031004" }, "/matriks");
  await expect(page.getByTestId("cascade")).toContainText("Meningkatnya kualitas layanan kepegawaian");
  await page.getByLabel("Unit kerja").selectOption({ label: "· Bidang Mutasi dan Promosi" });
  await page.getByRole("button", { name: "Tampilkan" }).click();
  await expect(page.getByTestId("cascade")).toContainText("Terlaksananya penilaian kinerja ASN sesuai PermenPANRB 6/2022");
  await expect(page.getByTestId("cascade")).toContainText("Rudi Hartono");
  await snap(page, testInfo, "skp-cascade");
});
