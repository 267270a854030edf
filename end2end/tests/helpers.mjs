import { expect } from "@playwright/test";
import { PASSWORD } from "./accounts.mjs";

/** The page cannot be scrolled sideways: nothing is wider than the viewport. */
export async function expectNoHorizontalScroll(page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, "page must not scroll horizontally").toBeLessThanOrEqual(clientWidth);
}

/** Resolves once the wasm bundle has hydrated the page's islands (see `frontend/src/lib.rs`). */
export async function waitForHydration(page) {
  await page.waitForFunction(() => document.documentElement.dataset.hydrated === "true");
}

/**
 * Saves a screenshot under end2end/screenshots for humans to look at (not compared), when the run
 * asks for them with `E2E_SCREENSHOTS=1`: a full-page PNG of a phone at 3× pixels costs a few
 * hundred milliseconds, and the test command only needs the assertions.
 */
export async function snap(page, testInfo, name, { fullPage = true } = {}) {
  if (process.env.E2E_SCREENSHOTS !== "1") return;
  await page.screenshot({
    path: `screenshots/${testInfo.project.name}-${name}.png`,
    fullPage,
  });
}

/**
 * Collects what the page's Content-Security-Policy blocked (Chromium reports each block on the
 * console); a journey ending with an empty list ran every script it needed under the policy.
 */
export function cspViolations(page) {
  const blocked = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) blocked.push(message.text());
  });
  return blocked;
}

/** Signs in on the login page and waits for the redirect to `next`. */
export async function logIn(page, who, next, password = PASSWORD) {
  await page.goto(`/masuk?next=${encodeURIComponent(next)}`);
  await page.getByLabel(/^(NIP atau email|NIP or e-mail)$/).fill(who.nip);
  await page.getByLabel(/^(Kata sandi|Password)$/).fill(password);
  await page.getByRole("button", { name: /^(Masuk|Log in)$/ }).click();
  await expect(page).toHaveURL(new RegExp(`${next}$`));
}

/** What the page loaded besides itself: scripts and wasm, by path. */
export async function loadedCode(page) {
  return page.evaluate(() =>
    performance
      .getEntriesByType("resource")
      .map((e) => new URL(e.name).pathname)
      .filter((path) => path.endsWith(".js") || path.endsWith(".wasm")),
  );
}

/** Opens the self-assessment of month `seq` on the signed-in employee's `/evaluasi` list,
 * starting it if nobody has yet; resolves to the wizard's path. */
export async function openEvaluation(page, seq) {
  await page.goto("/evaluasi");
  const start = page.getByTestId(`start-${seq}`).first();
  if (await start.count()) await start.click();
  else await page.getByTestId(`open-${seq}`).first().click();
  await expect(page).toHaveURL(/\/evaluasi\/\d+/);
  return new URL(page.url()).pathname;
}
