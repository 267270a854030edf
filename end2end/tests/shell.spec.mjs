// The app shell: server rendering, islands, language switch, layout, 404 page.
import { test, expect } from "@playwright/test";
import { cspViolations, expectNoHorizontalScroll, loadedCode, logIn, snap, waitForHydration } from "./helpers.mjs";
import { ANALYST, EMPLOYEE } from "./accounts.mjs";

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

test("the language switch reloads the page in the chosen language, and the choice survives a reload", async ({ page }, testInfo) => {
  await page.goto("/");
  await page.getByRole("button", { name: "EN", exact: true }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Civil-servant performance, from plan to development",
  );
  await expect(page.getByRole("button", { name: "EN", exact: true })).toHaveAttribute("aria-pressed", "true");
  await snap(page, testInfo, "home-en");

  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Civil-servant performance, from plan to development",
  );
  await page.getByRole("button", { name: "ID", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Kinerja ASN, dari rencana sampai pengembangan",
  );
});

test("a visitor's pages load no script and no wasm", async ({ page }) => {
  for (const path of ["/", "/masuk", "/halaman-yang-tidak-ada"]) {
    await page.goto(path);
    expect(await loadedCode(page), path).toEqual([]);
    expect(await page.locator("script").count(), path).toBe(0);
  }
});

test("islands speak the language of the page after hydration", async ({ page }) => {
  const consoleErrors = [];
  page.on("pageerror", (err) => consoleErrors.push(err.message));
  const blocked = cspViolations(page);
  const bell = page.getByTestId("bell");
  await logIn(page, ANALYST, "/skp");
  // `data-live` is set when the stream has delivered the count and the island has re-rendered
  // its label: from then on the label is the island's own text, not the server's.
  await expect(bell).toHaveAttribute("data-live", "true");
  await expect(bell).toHaveAttribute("aria-label", /^Notifikasi: \d+ belum dibaca$/);

  await page.getByRole("button", { name: "EN", exact: true }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(bell).toHaveAttribute("data-live", "true");
  await expect(bell).toHaveAttribute("aria-label", /^Notifications: \d+ unread$/);

  await page.getByRole("button", { name: "ID", exact: true }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "id");
  await expect(bell).toHaveAttribute("data-live", "true");
  await expect(bell).toHaveAttribute("aria-label", /^Notifikasi: \d+ belum dibaca$/);
  expect(consoleErrors).toEqual([]);
  expect(blocked, "the islands run under the Content-Security-Policy").toEqual([]);
});

test("skip link is the first stop for keyboard users and moves focus to the content", async ({ page, browserName }, testInfo) => {
  test.skip(testInfo.project.name === "mobile", "keyboard navigation is a desktop concern");
  await page.goto("/");
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

  // A signed-in page has islands (the live bell) and loads the bundle.
  await logIn(page, EMPLOYEE, "/skp");
  await waitForHydration(page);
  const wasm = (await loadedCode(page)).find((path) => path.endsWith(".wasm"));
  expect(wasm, "the page loads a wasm bundle").toBeTruthy();
  const res = await request.get(wasm, { headers: { "Accept-Encoding": "br, gzip" } });
  expect(res.status()).toBe(200);
  expect(res.headers()["cache-control"]).toContain("immutable");
  expect(res.headers()["content-type"]).toBe("application/wasm");
});
