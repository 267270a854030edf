// Lighthouse (mobile) on the three pages an employee opens most: the desk, their SKP and the
// self-assessment wizard (the route that carries the islands' bundle). Each must score at least
// 95 in performance and in accessibility. Lighthouse drives its own tab (a phone on a slow 4G
// link with a 4× slower CPU, simulated) in a Chromium that Playwright starts with a debugging
// port and signs in first. Performance is a timing, so each page's figure is the median of
// three runs; accessibility does not vary between runs and is asserted on every run.
import { test, expect, chromium } from "@playwright/test";
import lighthouse from "lighthouse";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { STRATEGY_HEAD } from "./accounts.mjs";
import { logIn, openEvaluation } from "./helpers.mjs";

const RUNS = 3;

test("the desk, the SKP page and the wizard score at least 95 in Lighthouse's mobile performance and accessibility", async ({}, testInfo) => {
  test.skip(testInfo.project.name !== "mobile", "Lighthouse emulates its own phone");
  test.setTimeout(420_000);
  const { baseURL, launchOptions } = testInfo.project.use;
  const port = 9400 + (process.pid % 500);
  const browser = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "kinerja-lh-")), {
    ...launchOptions,
    baseURL,
    args: [...launchOptions.args, `--remote-debugging-port=${port}`],
  });
  try {
    const page = browser.pages()[0] ?? (await browser.newPage());
    await logIn(page, STRATEGY_HEAD, "/skp");
    await page.getByTestId("skp-open").click();
    await expect(page).toHaveURL(/\/skp\/\d+$/);
    const skp = new URL(page.url()).pathname;
    const wizard = await openEvaluation(page, 8);
    const pages = { desk: "/", skp, wizard };

    const failures = [];
    for (const [name, path] of Object.entries(pages)) {
      const url = new URL(path, baseURL).href;
      const runs = [];
      for (let i = 0; i < RUNS; i++) {
        // The session cookie must survive: Lighthouse would otherwise clear the origin's storage.
        const { lhr } = await lighthouse(url, {
          port,
          output: "json",
          logLevel: "error",
          onlyCategories: ["performance", "accessibility"],
          disableStorageReset: true,
        });
        expect(lhr.finalDisplayedUrl, `${name}: the page itself, not the login page`).toBe(url);
        const metric = (id) => Math.round(lhr.audits[id].numericValue);
        const failing = Object.values(lhr.audits)
          .filter((a) => a.score !== null && a.score < 1 && lhr.categories.accessibility.auditRefs.some((r) => r.id === a.id))
          .map((a) => a.id);
        runs.push({
          performance: Math.round(lhr.categories.performance.score * 100),
          accessibility: Math.round(lhr.categories.accessibility.score * 100),
          fcp: metric("first-contentful-paint"),
          lcp: metric("largest-contentful-paint"),
          tbt: metric("total-blocking-time"),
          cls: lhr.audits["cumulative-layout-shift"].numericValue.toFixed(3),
          failing,
        });
      }
      const median = [...runs].sort((a, b) => a.performance - b.performance)[Math.floor(RUNS / 2)];
      console.log(`Lighthouse mobile, ${name} (${path}): performance median ${median.performance}`, JSON.stringify(runs));
      testInfo.annotations.push({
        type: `lighthouse-${name}`,
        description: `performance ${median.performance}, accessibility ${runs.map((r) => r.accessibility).join("/")}`,
      });
      if (median.performance < 95) failures.push(`${name}: performance median ${median.performance}`);
      for (const run of runs) {
        if (run.accessibility < 95) failures.push(`${name}: accessibility ${run.accessibility} (${run.failing.join(", ")})`);
      }
    }
    expect(failures).toEqual([]);
  } finally {
    await browser.close();
  }
});
