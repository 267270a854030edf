// Playwright runs Debian's Chromium (no browser download) against the real release server, which
// it starts itself on a fresh SQLite database with the demo data. `mobile` covers employee
// journeys on a phone, `desktop` supervisors and admins.
import { defineConfig } from "@playwright/test";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const port = process.env.E2E_PORT ?? "3100";
const baseURL = process.env.BASE_URL ?? `http://127.0.0.1:${port}`;
const root = resolve(import.meta.dirname, "..");
const dataDir = mkdtempSync(join(tmpdir(), "kinerja-e2e-"));
// The agency's calendar of the run: 20 August of this year, whatever the real day, so that the
// journeys meet the same deadlines every time (July over and past its deadline, August running).
// The tests read it from here too.
process.env.KINERJA_TODAY ??= `${new Date().getFullYear()}-08-20`;

export default defineConfig({
  testDir: "./tests",
  outputDir: "./test-results",
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL,
    locale: "en-US", // a phone set to English must still get Indonesian by default
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    {
      name: "mobile",
      use: {
        browserName: "chromium",
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 3,
        isMobile: true,
        hasTouch: true,
      },
    },
    {
      name: "desktop",
      use: {
        browserName: "chromium",
        viewport: { width: 1366, height: 900 },
      },
    },
  ],
  webServer: process.env.BASE_URL
    ? undefined
    : {
        command: `${root}/target/release/server`,
        cwd: root,
        url: `${baseURL}/healthz`,
        timeout: 60_000,
        reuseExistingServer: false,
        stdout: "ignore",
        stderr: "pipe",
        env: {
          LEPTOS_SITE_ADDR: `127.0.0.1:${port}`,
          LEPTOS_SITE_ROOT: `${root}/target/site`,
          LEPTOS_HASH_FILES: "true",
          LEPTOS_ENV: "PROD",
          DATABASE_URL: `sqlite://${dataDir}/kinerja.db?mode=rwc`,
          KINERJA_EVIDENCE_STORE: `${dataDir}/bukti`,
          KINERJA_DEMO_DATA: "true",
          KINERJA_TODAY: process.env.KINERJA_TODAY,
          RUST_LOG: "warn",
        },
      },
});
