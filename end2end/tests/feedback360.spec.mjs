// 360° feedback from opening to report: an admin at a desk sets up a cycle over Maya's subunit,
// with a public link for Maya, and opens it. Five raters answer about Maya: Maya herself (on a
// phone with JavaScript, where her form keeps a draft on the device until she sends it), her
// superior, two of her team on a phone without JavaScript, and a citizen through the public link,
// also without JavaScript. The admin's dashboard, left open in its own context, counts the
// answers without a reload. The admin closes the cycle, hides an abusive comment and shares the
// results; Maya's report shows the radar and the comments, and her team's two answers are not
// shown as a group of their own. (Maya's unit, not Rudi's: the SKP journey counts Rudi's unread
// notifications.)
import { test, expect } from "@playwright/test";
import { expectNoHorizontalScroll, logIn, snap, waitForHydration } from "./helpers.mjs";
import { ADMIN, COMPETENCY_HEAD, STRATEGY_HEAD, TECHNICAL_HEAD } from "./accounts.mjs";

test("a cycle is opened, answered by five raters, closed and reported", async ({ browser }, testInfo) => {
  test.skip(testInfo.project.name !== "mobile", "one journey across a desk and phones");
  test.setTimeout(240_000);
  const baseURL = testInfo.project.use.baseURL;
  const desk = await browser.newContext({ baseURL, viewport: { width: 1366, height: 900 } });
  const phone = await phoneContext(browser, baseURL, { javaScriptEnabled: false });
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
  await admin.locator('input[name="external"]').check();
  await admin.getByTestId("create-cycle").click();
  await expect(admin).toHaveURL(/\/admin\/360\/\d+\?disimpan=1$/);
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("360 Semester II");
  // A public link for Maya: service users rate her too.
  const mayaTarget = await admin
    .locator('select[name="target"] option', { hasText: "Maya Sari Puspitasari" })
    .getAttribute("value");
  await admin.locator('select[name="target"]').selectOption(mayaTarget);
  await admin.getByTestId("create-link").click();
  await expect(admin.getByTestId("public-link")).toHaveCount(1);
  await admin.getByTestId("cycle-open").click();
  await expect(admin).toHaveURL(/\/admin\/360\/\d+\?disimpan=1$/);
  const before = await admin.getByTestId("cycle-rate").innerText();
  expect(before).toMatch(/^0 /);
  // The dashboard follows the cycle live; a mark on the window shows it is never reloaded.
  await expect(admin.getByTestId("cycle-board")).toHaveAttribute("data-live", "true");
  await admin.evaluate(() => { window.stayedOpen = true; });
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

  // The admin's dashboard, left open in the other context, counts it without a reload.
  await expect(admin.getByTestId("cycle-rate")).toHaveText(/^1 /, { timeout: 5_000 });
  expect(await admin.evaluate(() => window.stayedOpen)).toBe(true);
  await snap(admin, testInfo, "feedback360-cycle-live-desktop");

  // With JavaScript, her own form keeps a draft on the phone: chosen, opened again, still there;
  // sent, and gone from the device.
  const jsPhone = await phoneContext(browser, baseURL);
  const own = await jsPhone.newPage();
  await logIn(own, TECHNICAL_HEAD, "/360");
  await own.getByTestId("feedback-forms").locator("a").first().click();
  await expect(own).toHaveURL(/\/360\/isi\/\d+$/);
  await waitForHydration(own);
  const ownStatements = own.locator("fieldset.statement");
  const total = await ownStatements.count();
  await expect(own.getByTestId("draft-state")).toHaveAttribute("data-answered", "0");
  for (let i = 0; i < 3; i++) {
    await ownStatements.nth(i).locator('input[value="5"]').check();
  }
  await own.locator('textarea[name="comments[1]"]').fill("Saya berusaha hadir tepat waktu");
  await expect(own.getByTestId("draft-state")).toHaveAttribute("data-answered", "3");
  await expect(own.getByTestId("draft-state")).toContainText(`3 dari ${total}`);
  // A new visit, not a reload (which the browser itself may refill).
  const formUrl = own.url();
  await own.goto("/360");
  await own.goto(formUrl);
  await waitForHydration(own);
  for (let i = 0; i < 3; i++) {
    await expect(ownStatements.nth(i).locator('input[value="5"]')).toBeChecked();
  }
  await expect(own.locator('textarea[name="comments[1]"]')).toHaveValue("Saya berusaha hadir tepat waktu");
  await expect(own.getByTestId("draft-state")).toHaveAttribute("data-answered", "3");
  await expectNoHorizontalScroll(own);
  await snap(own, testInfo, "feedback360-draft-phone");
  // What the rater sees while answering: the count above the send button.
  await ownStatements.nth(4).scrollIntoViewIfNeeded();
  await snap(own, testInfo, "feedback360-draft-phone-screen", { fullPage: false });
  for (let i = 3; i < total; i++) {
    await ownStatements.nth(i).locator('input[value="4"]').check();
  }
  await own.getByTestId("send-feedback").click();
  await expect(own).toHaveURL(/\/360\?terkirim=1$/);
  const kept = await own.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("kinerja.360.")));
  expect(kept).toEqual([]);

  // Her superior answers about her at a desk, with a comment.
  const sitiDesk = await browser.newContext({ baseURL, viewport: { width: 1366, height: 900 } });
  const siti = await sitiDesk.newPage();
  await logIn(siti, COMPETENCY_HEAD, "/360");
  await siti.getByTestId("feedback-forms").locator("a", { hasText: "Maya Sari Puspitasari" }).click();
  await expect(siti).toHaveURL(/\/360\/isi\/\d+$/);
  await answerAll(siti, "5");
  await siti.locator('textarea[name="comments[1]"]').fill("Memimpin tim dengan tenang dan jelas");
  await siti.getByTestId("send-feedback").click();
  await expect(siti).toHaveURL(/\/360\?terkirim=1$/);
  await sitiDesk.close();
  // (Her own answer is not counted: the figure is of forms others were asked to fill.)
  await expect(admin.getByTestId("cycle-rate")).toHaveText(/^2 /, { timeout: 5_000 });

  // Two of her team, one after the other on a phone without JavaScript; one writes abuse.
  const directory = await desk.newPage();
  await directory.goto("/admin/pegawai");
  const unitFilter = await directory
    .locator('select[name="unit"] option', { hasText: "Subbidang Pengembangan Kompetensi Teknis dan Fungsional" })
    .getAttribute("value");
  await directory.goto(`/admin/pegawai?unit=${unitFilter}`);
  const nips = (await directory.locator('[data-testid="directory"] tbody td[data-label="NIP"]').allInnerTexts())
    .map((nip) => nip.trim())
    .filter((nip) => nip !== TECHNICAL_HEAD.nip);
  expect(nips.length).toBeGreaterThanOrEqual(2);
  await directory.close();
  const comments = ["Sabar membimbing kami", "Atasan yang payah dan bodoh"];
  for (const [i, nip] of nips.slice(0, 2).entries()) {
    await phone.clearCookies();
    await logIn(page, { nip }, "/360");
    await page.getByTestId("feedback-forms").locator("a", { hasText: "Maya Sari Puspitasari" }).click();
    await expect(page).toHaveURL(/\/360\/isi\/\d+$/);
    await answerAll(page, i === 0 ? "4" : "3");
    await page.locator('textarea[name="comments[1]"]').fill(comments[i]);
    await page.getByTestId("send-feedback").click();
    await expect(page).toHaveURL(/\/360\?terkirim=1$/);
    await expect(admin.getByTestId("cycle-rate")).toHaveText(new RegExp(`^${3 + i} `), { timeout: 5_000 });
  }

  // A citizen through the public link, without JavaScript.
  const citizenPhone = await phoneContext(browser, baseURL, { width: 360, height: 780, javaScriptEnabled: false });
  const citizen = await citizenPhone.newPage();
  const address = await admin.getByTestId("public-link-url").getAttribute("href");
  await citizen.goto(address);
  await answerAll(citizen, "4");
  await citizen.getByTestId("send-public").click();
  await expect(citizen.getByTestId("public-done")).toContainText("Terima kasih");
  await citizenPhone.close();

  // All of it reached the dashboard that was never reloaded.
  expect(await admin.evaluate(() => window.stayedOpen)).toBe(true);

  // Closed; the abusive comment hidden before the results are shared.
  await admin.getByTestId("cycle-close").click();
  await expect(admin.getByTestId("cycle-state")).toHaveText("Ditutup");
  const abusive = admin.locator("li.moderated", { hasText: comments[1] });
  await abusive.getByTestId("moderate-comment").click();
  await expect(admin.locator("li.moderated.inactive", { hasText: comments[1] })).toHaveCount(1);
  await admin.getByTestId("cycle-release").click();
  await expect(admin.getByTestId("cycle-state")).toHaveText("Hasil dibagikan");

  // Maya's report: the radar and its table; her superior and herself by name of group; her team
  // and the citizen pooled as "others" (two answers of a group are never shown apart).
  await phone.clearCookies();
  await logIn(page, TECHNICAL_HEAD, "/360");
  await page.getByTestId("feedback-report").first().click();
  await expect(page.getByTestId("radar")).toBeVisible();
  const head = page.getByTestId("report-table").locator("thead");
  await expect(head).toContainText("Atasan langsung");
  await expect(head).toContainText("Diri sendiri");
  await expect(head).toContainText("Lainnya (gabungan)");
  await expect(head).not.toContainText("Bawahan");
  await expect(head).not.toContainText("Penerima layanan");
  const said = page.getByTestId("report-comments");
  await expect(said).toContainText("Memimpin tim dengan tenang dan jelas");
  await expect(said).toContainText(comments[0]);
  await expect(said).not.toContainText(comments[1]);
  await expectNoHorizontalScroll(page);
  await snap(page, testInfo, "feedback360-report-phone");

  await desk.close();
  await phone.close();
});

/** A phone of its own (a rater's), `width` × `height` CSS pixels, with or without JavaScript. */
function phoneContext(browser, baseURL, { width = 390, height = 844, javaScriptEnabled = true } = {}) {
  return browser.newContext({
    baseURL,
    viewport: { width, height },
    deviceScaleFactor: 3,
    isMobile: true,
    hasTouch: true,
    javaScriptEnabled,
  });
}

/** Chooses `point` for every statement of the form on `page`. */
async function answerAll(page, point) {
  const statements = page.locator("fieldset.statement");
  const count = await statements.count();
  expect(count).toBeGreaterThanOrEqual(7);
  for (let i = 0; i < count; i++) {
    await statements.nth(i).locator(`input[value="${point}"]`).check();
  }
}

// Service users: the admin asks them in a cycle, makes a link for one employee and prints its
// poster; a citizen scans it with a phone and answers without an account, once per device; a
// second citizen on a phone without JavaScript answers too; the cycle's page counts both.
test("a citizen answers through a poster's link without an account", async ({ browser }, testInfo) => {
  test.skip(testInfo.project.name !== "mobile", "one journey across a desk and two phones");
  test.setTimeout(120_000);
  const baseURL = testInfo.project.use.baseURL;
  const desk = await browser.newContext({ baseURL, viewport: { width: 1366, height: 900 } });
  const phoneOptions = {
    baseURL,
    viewport: { width: 360, height: 780 },
    deviceScaleFactor: 3,
    isMobile: true,
    hasTouch: true,
  };
  const admin = await desk.newPage();
  await logIn(admin, ADMIN, "/admin/360");
  await admin.locator('input[name="title"]').fill("Survei layanan 2026");
  const unit = await admin
    .locator('select[name="unit_id"] option', { hasText: "Subbidang Pengembangan Kompetensi Teknis dan Fungsional" })
    .getAttribute("value");
  await admin.locator('select[name="unit_id"]').selectOption(unit);
  for (const group of ["superior", "peer", "subordinate", "oneself"]) {
    await admin.locator(`input[name="${group}"]`).uncheck();
  }
  await admin.locator('input[name="external"]').check();
  await admin.getByTestId("create-cycle").click();
  await expect(admin).toHaveURL(/\/admin\/360\/\d+\?disimpan=1$/);
  const cycleUrl = admin.url().replace(/\?.*$/, "");

  // A link for the first employee offered; the poster holds its QR code and address.
  await admin.locator('select[name="target"]').selectOption({ index: 1 });
  await admin.getByTestId("create-link").click();
  await expect(admin.getByTestId("public-link")).toHaveCount(1);
  await admin.getByTestId("cycle-open").click();
  await expect(admin.getByTestId("cycle-state")).toHaveText(/Sedang diisi/);
  await admin.getByTestId("public-link-poster").click();
  await expect(admin.getByTestId("poster").locator("svg")).toBeVisible();
  const address = (await admin.getByTestId("poster-url").innerText()).trim();
  expect(address).toMatch(/^http:\/\/[^/]+\/umpan-balik\/[A-Za-z0-9_-]{22}$/);
  await snap(admin, testInfo, "feedback360-poster-desktop");

  // A citizen with JavaScript: no login, a short form, the privacy notice at hand.
  const phone = await browser.newContext(phoneOptions);
  const citizen = await phone.newPage();
  await citizen.goto(address);
  await expect(citizen.getByRole("heading", { level: 1 })).toContainText("Bagaimana pelayanan");
  await expect(citizen.getByTestId("privacy-notice")).toBeVisible();
  await expectNoHorizontalScroll(citizen);
  await snap(citizen, testInfo, "feedback360-public-phone");
  const statements = citizen.locator("fieldset.statement");
  await expect(statements).toHaveCount(7);
  // Sent with one left out: it is named, and the rest stays chosen.
  for (let i = 1; i < 7; i++) await statements.nth(i).locator('input[value="4"]').check();
  await citizen.getByText("Tambahkan saran atau pesan (tidak wajib)").click();
  await citizen.locator('textarea[name="comments[1]"]').fill("Petugasnya ramah dan cepat");
  await citizen.getByTestId("send-public").click();
  await expect(citizen.locator("fieldset#s22 .field-error")).not.toBeEmpty();
  await expect(statements.nth(1).locator('input[value="4"]')).toBeChecked();
  await expect(citizen.locator('textarea[name="comments[1]"]')).toHaveValue("Petugasnya ramah dan cepat");
  await statements.nth(0).locator('input[value="5"]').check();
  await citizen.getByTestId("send-public").click();
  await expect(citizen.getByTestId("public-done")).toContainText("Terima kasih");
  // Once per device.
  await citizen.goto(address);
  await expect(citizen.getByTestId("public-done")).toContainText("sudah kami terima");
  await expect(citizen.locator("fieldset.statement")).toHaveCount(0);

  // A second citizen, without JavaScript.
  const plain = await browser.newContext({ ...phoneOptions, javaScriptEnabled: false });
  const second = await plain.newPage();
  await second.goto(address);
  const plainStatements = second.locator("fieldset.statement");
  for (let i = 0; i < 7; i++) await plainStatements.nth(i).locator('input[value="3"]').check();
  await second.getByTestId("send-public").click();
  await expect(second.getByTestId("public-done")).toContainText("Terima kasih");

  await admin.goto(cycleUrl);
  await expect(admin.getByTestId("public-link")).toContainText("2 penilaian");
  await desk.close();
  await phone.close();
  await plain.close();
});

// Peer nominations: the admin starts them; Maya, on a phone without JavaScript, finds her list on
// her desk, looks for a colleague of another unit, is told she chose too few, and sends her
// choice; her appraiser approves it at a desk; opening the cycle invites that colleague.
test("an employee chooses her peer raters and her appraiser approves them", async ({ browser }, testInfo) => {
  test.skip(testInfo.project.name !== "mobile", "one journey across a phone and a desk");
  test.setTimeout(120_000);
  const baseURL = testInfo.project.use.baseURL;
  const desk = await browser.newContext({ baseURL, viewport: { width: 1366, height: 900 } });
  const admin = await desk.newPage();
  await logIn(admin, ADMIN, "/admin/360");
  await admin.locator('input[name="title"]').fill("360 Rekan Kerja");
  const unit = await admin
    .locator('select[name="unit_id"] option', { hasText: "Subbidang Pengembangan Kompetensi Teknis dan Fungsional" })
    .getAttribute("value");
  await admin.locator('select[name="unit_id"]').selectOption(unit);
  await admin.locator('input[name="min_peers"]').fill("1");
  await admin.locator('input[name="max_peers"]').fill("3");
  await admin.getByTestId("create-cycle").click();
  await expect(admin).toHaveURL(/\/admin\/360\/\d+\?disimpan=1$/);
  const cycleUrl = admin.url().replace(/\?.*$/, "");
  await admin.getByTestId("cycle-start_nominations").click();
  await expect(admin.getByTestId("cycle-state")).toHaveText("Pengusulan rekan kerja");
  await expect(admin.getByTestId("nominations-pending")).toContainText(/^\d+ belum dikirim/);

  // Maya's desk asks for her list; she has no peers of her own unit, so she searches.
  const phone = await browser.newContext({
    baseURL,
    viewport: { width: 360, height: 780 },
    deviceScaleFactor: 3,
    isMobile: true,
    hasTouch: true,
    javaScriptEnabled: false,
  });
  const maya = await phone.newPage();
  await logIn(maya, TECHNICAL_HEAD, "/");
  const task = maya.locator('a[href^="/360/usulan/"]', { hasText: "360 Rekan Kerja" });
  await expect(task).toBeVisible();
  await task.click();
  await expect(maya.getByRole("heading", { level: 1 })).toHaveText("Rekan kerja penilai Anda");
  await maya.getByTestId("nomination-submit").click();
  await expect(maya.locator("#peers-error")).toContainText("kurang dari jumlah paling sedikit");
  await maya.locator('input[name="cari"]').fill("fajar");
  await maya.getByRole("button", { name: "Cari" }).click();
  const fajar = maya.getByTestId("nominees").locator("label", { hasText: STRATEGY_HEAD.name });
  await expect(fajar).toBeVisible();
  await fajar.locator("input").check();
  await expectNoHorizontalScroll(maya);
  await snap(maya, testInfo, "feedback360-nomination-phone");
  await maya.getByTestId("nomination-submit").click();
  await expect(maya.getByTestId("nomination-saved")).toContainText("terkirim");
  await expect(maya.getByTestId("nominees")).toHaveCount(0);

  // Her appraiser approves it from the desk.
  const approver = await desk.newPage();
  await logIn(approver, COMPETENCY_HEAD, "/");
  const approval = approver.locator('a[href^="/360/usulan/"]', { hasText: "Maya" });
  await expect(approval).toBeVisible();
  await approval.click();
  await expect(approver.getByTestId("nominees").locator("input:checked")).toHaveCount(1);
  await expect(approver.getByTestId("nominees").locator("label", { hasText: STRATEGY_HEAD.name }).locator("input")).toBeChecked();
  await snap(approver, testInfo, "feedback360-nomination-desktop");
  await approver.getByTestId("nomination-approve").click();
  await expect(approver.getByTestId("nomination-saved")).toContainText("disetujui");

  // Opened: Fajar finds the form about Maya on his desk.
  await admin.goto(cycleUrl);
  await expect(admin.getByTestId("nominations-approved")).toContainText(/^1 /);
  await admin.getByTestId("cycle-open").click();
  await expect(admin.getByTestId("cycle-state")).toHaveText(/Sedang diisi/);
  const rater = await desk.newPage();
  await logIn(rater, STRATEGY_HEAD, "/360");
  await expect(rater.getByTestId("feedback-forms")).toContainText("Maya");
  await desk.close();
  await phone.close();
});

// The instrument: the admin adds a statement of the agency's own, is told what is missing first
// without losing what was typed, sees it listed as the agency's, and removes it again (the
// official statements have no remove button).
test("an admin adds and removes an agency statement of the 360° instrument", async ({ browser }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "an admin's desk");
  const baseURL = testInfo.project.use.baseURL;
  const desk = await browser.newContext({ baseURL, viewport: { width: 1366, height: 900 } });
  const admin = await desk.newPage();
  await logIn(admin, ADMIN, "/admin/360");
  await admin.getByTestId("instrument-link").click();
  await expect(admin).toHaveURL(/\/admin\/instrumen-360$/);
  await expect(admin.locator('[data-testid^="remove-item-"]')).toHaveCount(0);
  const before = await admin.getByTestId("instrument-version").innerText();

  const statement = "Menjawab pertanyaan warga di loket dengan sabar";
  await admin.locator('select[name="value"]').selectOption("1");
  await admin.locator('textarea[name="text_id"]').fill(statement);
  await admin.getByTestId("add-item").click();
  await expect(admin.getByTestId("error-summary")).toBeVisible();
  await expect(admin.locator('textarea[name="text_id"]')).toHaveValue(statement);
  await admin.locator('textarea[name="text_en"]').fill("Answers citizens' questions at the counter patiently");
  await admin.getByTestId("add-item").click();
  await expect(admin).toHaveURL(/\?disimpan=1$/);
  await expect(admin.getByTestId("instrument-version")).not.toHaveText(before);
  const added = admin.locator("li.instrument-item", { hasText: statement });
  await expect(added).toBeVisible();
  await snap(admin, testInfo, "feedback360-instrument-desktop");

  await added.locator('[data-testid^="remove-item-"]').click();
  await expect(admin).toHaveURL(/\?disimpan=1$/);
  await expect(admin.locator("li.instrument-item", { hasText: statement })).toHaveCount(0);
  await desk.close();
});
