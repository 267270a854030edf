// Every page each demo role can reach from the menu, its desk and the pages those link to, at the
// project's size (390 px phone, 1366 px desktop): a screenshot to look at, no sideways scroll, and
// every control a thumb or a pointer uses at least 44 × 44 CSS px. Text links inside sentences are
// exempt (WCAG 2.5.8's inline exception); checkboxes and radios count by their label.
import { test, expect } from "@playwright/test";
import { ADMIN, EMPLOYEE, HEAD, MP_HEAD, SUPERVISOR } from "./accounts.mjs";
import { expectNoHorizontalScroll, logIn, snap } from "./helpers.mjs";
import { PASSWORD } from "./accounts.mjs";

/** The password journey (login.spec) changes Dedi's password; whichever ran first, he gets in. */
async function signIn(page, who) {
  await page.goto("/masuk");
  await page.getByLabel(/^(NIP atau email|NIP or e-mail)$/).fill(who.nip);
  await page.getByLabel(/^(Kata sandi|Password)$/).fill(PASSWORD);
  await page.getByRole("button", { name: /^(Masuk|Log in)$/ }).click();
  await page.waitForURL((url) => url.pathname !== "/masuk" || url.hash === "#ringkasan-galat");
  if (new URL(page.url()).pathname === "/masuk") await logIn(page, who, "/", "teh manis sore hari");
}

/** Pages not to open while touring: leaving, downloads, and forms' own endpoints. */
const SKIP = [/^\/keluar/, /^\/api\//, /^\/locale/, /\.csv/, /\/bukti\//, /^\/pkg\//, /\/cetak$/];

/** Controls smaller than 44 × 44 px on the page, described for the failure message. */
async function smallControls(page) {
  return page.evaluate(() => {
    const controls = document.querySelectorAll(
      "button, input:not([type=hidden]), select, textarea, summary, a.button, nav a, .task-link, [role=button]",
    );
    const small = [];
    for (const el of controls) {
      if (el.closest("[hidden], template, .visually-hidden")) continue;
      // A box or a radio is hit through its label.
      const target = ["checkbox", "radio"].includes(el.type) ? el.closest("label") ?? el : el;
      const box = target.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue; // not shown (closed section)
      if (getComputedStyle(target).visibility === "hidden") continue;
      if (box.width < 44 || box.height < 44) {
        const name = (target.innerText || target.getAttribute("aria-label") || target.name || target.tagName).trim();
        small.push(`${target.tagName.toLowerCase()} "${name.slice(0, 40)}" ${Math.round(box.width)}×${Math.round(box.height)}`);
      }
    }
    return small;
  });
}

for (const who of [EMPLOYEE, SUPERVISOR, MP_HEAD, HEAD, ADMIN]) {
  test(`every page ${who.name} reaches is tidy`, async ({ page }, testInfo) => {
    test.setTimeout(180_000);
    await signIn(page, who);
    const seen = new Set();
    const queue = ["/"];
    const problems = [];
    while (queue.length && seen.size < 30) {
      const path = queue.shift();
      if (seen.has(path)) continue;
      seen.add(path);
      const answer = await page.goto(path);
      expect(answer.status(), path).toBeLessThan(400);
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
      }));
      if (scrollWidth > clientWidth) problems.push(`${path}: scrolls sideways (${scrollWidth} > ${clientWidth})`);
      for (const small of await smallControls(page)) problems.push(`${path}: ${small}`);
      await snap(page, testInfo, `tour-${who.nip}-${path.replace(/[^a-z0-9]+/gi, "_")}`);
      const links = await page.locator("header a[href], main a[href]").evaluateAll((as) =>
        as.map((a) => new URL(a.href, location.href)).filter((u) => u.origin === location.origin).map((u) => u.pathname),
      );
      for (const link of links) {
        if (!seen.has(link) && !SKIP.some((re) => re.test(link))) queue.push(link);
      }
    }
    expect(problems, `pages seen: ${[...seen].join(" ")}`).toEqual([]);
  });
}

test("the English header fits a phone on one line", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "mobile", "a phone's width");
  await logIn(page, EMPLOYEE, "/");
  await page.getByRole("button", { name: "EN", exact: true }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  const heights = await page.locator("header .brand, header .header-link, header nav a").evaluateAll((els) =>
    els.map((el) => ({ text: el.innerText, height: el.getBoundingClientRect().height })),
  );
  const lineHeight = Math.min(...heights.map((h) => h.height));
  for (const { text, height } of heights) expect(height, `"${text}" wraps`).toBeLessThan(lineHeight * 1.8);
  await expectNoHorizontalScroll(page);
  await snap(page, testInfo, "header-en");
  await page.getByRole("button", { name: "ID", exact: true }).click();
});
