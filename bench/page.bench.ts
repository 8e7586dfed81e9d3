/**
 * Page benchmarks in Chromium against the production build (`astro preview`):
 * - the JavaScript a lesson page loads before its terminal shows a prompt, gzipped (target <= 200 KB);
 * - the time from navigation to the terminal's prompt on localhost (target <= 1 s);
 * - for the whole picture: the JavaScript once the engine has loaded behind the prompt, and the time
 *   from navigation to the answer of a command typed as soon as the prompt shows.
 * Builds the site first unless DOCKYARD_BENCH_NO_BUILD is set (then dist/ must exist).
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { chromium, type Browser } from "@playwright/test";
import type { BenchResult } from "./report.ts";

const LESSON = "/en/lessons/first-container/";
/** A lesson with the editor beside the terminal (Monaco loads only when the editor is shown). */
const EDITOR_LESSON = "/en/lessons/dockerfiles/";
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
    const withEditor = await initialScript(browser, `${base}${EDITOR_LESSON}`);
    const ready: number[] = [];
    const answered: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const run = await terminalReady(browser, `${base}${LESSON}`);
      ready.push(run.ready);
      answered.push(run.answered);
    }
    const kb = (n: number) => n / 1024;
    const biggest = bytes.initialFiles.sort((a, b) => b.gzip - a.gzip).slice(0, 3).map((f) => `${f.name} ${kb(f.gzip).toFixed(0)} KB`).join(", ");
    return [
      { name: "lesson page: JS until the terminal's prompt (gzip)", value: kb(bytes.initial), unit: "KB", target: 200, better: "lower", note: `largest: ${biggest}` },
      { name: "lesson page with the editor: JS until the prompt (gzip)", value: kb(withEditor.initial), unit: "KB", target: 200, better: "lower", note: EDITOR_LESSON },
      { name: "lesson page: JS once the engine has loaded (gzip)", value: kb(bytes.total), unit: "KB", better: "lower", note: "fetched behind the prompt, when idle or on the first key" },
      { name: "lesson page: terminal ready after navigation", value: median(ready), unit: "ms", target: 1000, better: "lower", note: `median of ${RUNS}, Chromium, localhost` },
      { name: "lesson page: first command answered after navigation", value: median(answered), unit: "ms", better: "lower", note: "`docker --version` typed at the first prompt" },
    ];
  } finally {
    await browser?.close();
    if (server.pid) {
      try {
        process.kill(-server.pid, "SIGTERM");
      } catch {
        // The preview server has already gone (its failure is the error being reported).
      }
    }
  }
}

/**
 * The scripts the page fetched until its prompt showed, and all of them once the engine had loaded,
 * with gzipped sizes (the server may not compress).
 */
async function initialScript(browser: Browser, url: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(markReady);
  const bodies = new Map<string, number>();
  const pending: Promise<void>[] = [];
  page.on("response", (response) => {
    const type = response.headers()["content-type"] ?? "";
    if (!/javascript/.test(type) && !response.url().endsWith(".js")) return;
    pending.push(response.body().then((body) => void bodies.set(response.url(), gzipSync(body, { level: 9 }).length), () => undefined));
  });
  await page.goto(url);
  await page.waitForFunction(() => (document.querySelector("dockyard-terminal") as unknown as { simulator?: unknown } | null)?.simulator !== undefined, undefined, { timeout: 60_000 });
  await page.waitForLoadState("networkidle");
  await Promise.all(pending);
  // A script counts as initial if the page asked for it before its prompt showed.
  const { readyAt, scripts } = await page.evaluate(() => ({
    readyAt: (window as unknown as { __readyAt: number }).__readyAt,
    scripts: performance.getEntriesByType("resource").map((entry) => ({ url: entry.name, startTime: entry.startTime })),
  }));
  await context.close();
  const files = scripts.filter((s) => bodies.has(s.url)).map((s) => ({ name: new URL(s.url).pathname.replace(/^.*\//, ""), gzip: bodies.get(s.url)!, initial: s.startTime <= readyAt }));
  const initialFiles = files.filter((f) => f.initial);
  const sum = (list: { gzip: number }[]) => list.reduce((n, f) => n + f.gzip, 0);
  return { initialFiles, initial: sum(initialFiles), total: sum(files) };
}

/** In the page: note when the terminal's prompt first shows (`data-state` turning `ready`). */
function markReady(): void {
  const w = window as unknown as { __readyAt?: number };
  new MutationObserver((_, observer) => {
    if (document.querySelector("dockyard-terminal")?.getAttribute("data-state") === "ready") {
      w.__readyAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-state"] });
}

/**
 * Milliseconds from navigation start to the terminal's prompt (its `data-state` turning `ready`), and
 * to the answer of `docker --version` typed the moment the prompt showed.
 */
async function terminalReady(browser: Browser, url: string): Promise<{ ready: number; answered: number }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(markReady);
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { __readyAt?: number }).__readyAt !== undefined, undefined, { timeout: 60_000 });
  const ready = await page.evaluate(() => (window as unknown as { __readyAt: number }).__readyAt);
  await page.locator("dockyard-terminal .xterm-helper-textarea").focus();
  await page.keyboard.type("docker --version\n");
  await page.waitForFunction(() => /Docker version \d/.test(document.querySelector("dockyard-terminal .xterm-rows")?.textContent ?? ""), undefined, { timeout: 60_000 });
  const answered = await page.evaluate(() => performance.now());
  await context.close();
  return { ready, answered };
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

