// With JavaScript off the server still renders everything and forms still work.
import { test, expect } from "@playwright/test";
import { expectNoHorizontalScroll, snap } from "./helpers.mjs";

test.use({ javaScriptEnabled: false });

test("server-rendered home page is complete without JavaScript", async ({ page }, testInfo) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Kinerja ASN, dari rencana sampai pengembangan",
  );
  await expect(page.getByTestId("agency")).toContainText(
    "Pemerintah Kabupaten Sukamakmur",
  );
  await expect(page.getByRole("heading", { name: "Perencanaan kinerja" })).toBeVisible();
  await expectNoHorizontalScroll(page);
  await snap(page, testInfo, "home-nojs");
});

test("language switch posts a form and comes back in English", async ({ page }) => {
  await page.goto("/halaman-yang-tidak-ada");
  await page.getByRole("button", { name: "EN" }).click();
  await expect(page).toHaveURL(/\/halaman-yang-tidak-ada$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Civil-servant performance, from plan to development",
  );
});
