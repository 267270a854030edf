import { expect } from "@playwright/test";

/** The page cannot be scrolled sideways: nothing is wider than the viewport. */
export async function expectNoHorizontalScroll(page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, "page must not scroll horizontally").toBeLessThanOrEqual(clientWidth);
}

/** Resolves once the wasm bundle has hydrated the page (see `frontend/src/lib.rs`). */
export async function waitForHydration(page) {
  await page.waitForFunction(() => document.documentElement.dataset.hydrated === "true");
}

/** Saves a screenshot under end2end/screenshots for humans to look at (not compared). */
export async function snap(page, testInfo, name) {
  await page.screenshot({
    path: `screenshots/${testInfo.project.name}-${name}.png`,
    fullPage: true,
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
