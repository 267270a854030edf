// The app shell: server rendering, hydration, language switch, layout, 404 page.
import { test, expect } from "@playwright/test";
import { cspViolations, expectNoHorizontalScroll, snap, waitForHydration } from "./helpers.mjs";

test("home page is Indonesian by default, shows the agency and fits the screen", async ({ page }, testInfo) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "id");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Kinerja ASN, dari rencana sampai pengembangan",
  );
  await expect(page.getByTestId("agency")).toContainText("Kabupaten Sukamakmur");
  await expect(page.getByRole("navigation", { name: "Navigasi utama" })).toBeVisible();
  await expectNoHorizontalScroll(page);
  await snap(page, testInfo, "home-id");
});

test("language switch works in place once hydrated, and the choice survives a reload", async ({ page }, testInfo) => {
  const consoleErrors = [];
  page.on("pageerror", (err) => consoleErrors.push(err.message));
  const blocked = cspViolations(page);
  await page.goto("/");
  await waitForHydration(page);
  // A marker on window disappears if the browser loads a new page.
  await page.evaluate(() => {
    window.__sameDocument = true;
  });
  await page.getByRole("button", { name: "EN" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Civil-servant performance, from plan to development",
  );
  await expect(page.getByRole("button", { name: "EN" })).toHaveAttribute("aria-pressed", "true");
  expect(await page.evaluate(() => window.__sameDocument)).toBe(true);
  await snap(page, testInfo, "home-en");

  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Civil-servant performance, from plan to development",
  );
  await waitForHydration(page);
  await page.getByRole("button", { name: "ID" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Kinerja ASN, dari rencana sampai pengembangan",
  );
  expect(consoleErrors).toEqual([]);
  expect(blocked, "hydration runs under the Content-Security-Policy").toEqual([]);
});

test("skip link is the first stop for keyboard users and moves focus to the content", async ({ page, browserName }, testInfo) => {
  test.skip(testInfo.project.name === "mobile", "keyboard navigation is a desktop concern");
  await page.goto("/");
  await waitForHydration(page);
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Langsung ke konten utama" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
});

test("the narrowest phones (320 px) need no horizontal scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto("/");
  await expectNoHorizontalScroll(page);
  await page.goto("/halaman-yang-tidak-ada");
  await expectNoHorizontalScroll(page);
});

test("unknown addresses get a real 404 page", async ({ page }, testInfo) => {
  const response = await page.goto("/halaman-yang-tidak-ada");
  expect(response.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Halaman tidak ditemukan");
  await snap(page, testInfo, "not-found");
  await page.getByRole("link", { name: "Kembali ke beranda" }).click();
  await expect(page).toHaveURL(/\/$/);
});

test("health check and static assets are served as documented", async ({ request, page }) => {
  const health = await request.get("/healthz");
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({ status: "ok", db: "ok" });

  await page.goto("/");
  const wasm = await page.evaluate(() =>
    performance.getEntriesByType("resource").map((e) => e.name).find((n) => n.endsWith(".wasm")),
  );
  expect(wasm, "the page loads a wasm bundle").toBeTruthy();
  const res = await request.get(wasm, { headers: { "Accept-Encoding": "br, gzip" } });
  expect(res.status()).toBe(200);
  expect(res.headers()["cache-control"]).toContain("immutable");
  expect(res.headers()["content-type"]).toBe("application/wasm");
});
