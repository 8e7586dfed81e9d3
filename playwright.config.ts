import { existsSync } from "node:fs";
import { defineConfig, devices, type LaunchOptions } from "@playwright/test";

// End-to-end tests run against the production build (`astro preview`), never the dev server.
const port = Number(process.env["DOCKYARD_E2E_PORT"] ?? 4327);
const baseURL = `http://127.0.0.1:${port}`;

// A system Chromium when there is one (Debian: /usr/bin/chromium), else Playwright's own.
const executablePath =
  process.env["DOCKYARD_CHROMIUM"] ??
  process.env["CHROMIUM_PATH"] ??
  (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
const launchOptions: LaunchOptions = {
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
  ...(executablePath ? { executablePath } : {}),
};

export default defineConfig({
  // The site's specs, and the backend switch against a real engine (it skips itself without one).
  testDir: "tests",
  testMatch: ["e2e/**/*.spec.ts", "gateway/**/*.spec.ts"],
  // Screenshots are for people to look at, not a check: only with DOCKYARD_SHOTS (npm run shots).
  ...(process.env["DOCKYARD_SHOTS"] ? {} : { testIgnore: "**/screenshots.spec.ts" }),
  fullyParallel: true,
  forbidOnly: !!process.env["CI"],
  retries: process.env["CI"] ? 1 : 0,
  reporter: process.env["CI"] ? [["list"], ["html", { open: "never" }]] : "list",
  timeout: 90_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions,
  },
  projects: [
    { name: "chromium", testMatch: ["e2e/**/*.spec.ts"], use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 }, launchOptions } },
    // After the site's specs: a real engine creating bridges changes the machine's network, and
    // Chromium aborts requests in flight when that happens (net::ERR_NETWORK_CHANGED).
    { name: "real-engine", testMatch: ["gateway/**/*.spec.ts"], dependencies: ["chromium"], use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 }, launchOptions } },
  ],
  webServer: {
    command: `npx astro preview --host 127.0.0.1 --port ${port}`,
    url: `${baseURL}/en/`,
    reuseExistingServer: process.env["DOCKYARD_E2E_REUSE"] === "1",
    timeout: 60_000,
  },
});
