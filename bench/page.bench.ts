/**
 * Page benchmarks in Chromium against the production build (`astro preview`):
 * - the JavaScript a lesson page loads before its terminal is usable, gzipped (target <= 200 KB);
 * - the time from navigation to the terminal's prompt on localhost (target <= 1 s).
 * Builds the site first unless DOCKYARD_BENCH_NO_BUILD is set (then dist/ must exist).
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { chromium, type Browser } from "@playwright/test";
import type { BenchResult } from "./report.ts";

const LESSON = "/en/lessons/first-container/";
const RUNS = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function pageLoad(): Promise<BenchResult[]> {
  if (!process.env["DOCKYARD_BENCH_NO_BUILD"]) {
    const build = spawnSync("npx", ["astro", "build"], { stdio: "ignore" });
    if (build.status !== 0) throw new Error("astro build failed");
  } else if (!existsSync("dist")) throw new Error("dist/ is missing: run astro build first");
  const port = 4600 + Math.floor(Math.random() * 300);
  const server = spawn("npx", ["astro", "preview", "--host", "127.0.0.1", "--port", String(port)], { stdio: "ignore", detached: true });
  const base = `http://127.0.0.1:${port}`;
  let browser: Browser | undefined;
  try {
    await waitForServer(`${base}/en/`);
    const executablePath = existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;
    browser = await chromium.launch({ args: ["--no-sandbox"], ...(executablePath ? { executablePath } : {}) });
    const bytes = await initialScript(browser, `${base}${LESSON}`);
    const ready: number[] = [];
    for (let i = 0; i < RUNS; i++) ready.push(await terminalReady(browser, `${base}${LESSON}`));
    const kb = (n: number) => n / 1024;
    const biggest = bytes.files.sort((a, b) => b.gzip - a.gzip).slice(0, 3).map((f) => `${f.name} ${kb(f.gzip).toFixed(0)} KB`).join(", ");
    return [
      { name: "lesson page: JS before the terminal is usable (gzip)", value: kb(bytes.total), unit: "KB", target: 200, better: "lower", note: `largest: ${biggest}` },
      { name: "lesson page: JS before the simulator loads (gzip)", value: kb(bytes.beforeSimulator), unit: "KB", target: 200, better: "lower" },
      { name: "lesson page: terminal ready after navigation", value: median(ready), unit: "ms", target: 1000, better: "lower", note: `median of ${RUNS}, Chromium, localhost` },
    ];
  } finally {
    await browser?.close();
    if (server.pid) process.kill(-server.pid, "SIGTERM");
  }
}

/** Every script the page fetched until its prompt showed, with gzipped sizes (the server may not compress). */
async function initialScript(browser: Browser, url: string) {
  const page = await browser.newPage();
  const files: { name: string; gzip: number }[] = [];
  const pending: Promise<void>[] = [];
  page.on("response", (response) => {
    const type = response.headers()["content-type"] ?? "";
    if (!/javascript/.test(type) && !response.url().endsWith(".js")) return;
    pending.push(response.body().then((body) => void files.push({ name: new URL(response.url()).pathname.replace(/^.*\//, ""), gzip: gzipSync(body, { level: 9 }).length }), () => undefined));
  });
  await page.goto(url);
  await page.waitForFunction(() => document.querySelector("dockyard-terminal")?.getAttribute("data-state") === "ready", undefined, { timeout: 60_000 });
  await Promise.all(pending);
  await page.close();
  const total = files.reduce((n, f) => n + f.gzip, 0);
  const simulator = files.filter((f) => /^(simulator|builder|compose)\./.test(f.name)).reduce((n, f) => n + f.gzip, 0);
  return { files, total, beforeSimulator: total - simulator };
}

/** Milliseconds from navigation start to the terminal's prompt (its `data-state` turning `ready`). */
async function terminalReady(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __readyAt?: number };
    new MutationObserver((_, observer) => {
      if (document.querySelector("dockyard-terminal")?.getAttribute("data-state") === "ready") {
        w.__readyAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-state"] });
  });
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { __readyAt?: number }).__readyAt !== undefined, undefined, { timeout: 60_000 });
  const at = await page.evaluate(() => (window as unknown as { __readyAt: number }).__readyAt);
  await context.close();
  return at;
}

async function waitForServer(url: string): Promise<void> {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`astro preview did not start at ${url}`);
}

