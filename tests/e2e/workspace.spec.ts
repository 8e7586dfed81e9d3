import { readFile, writeFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectOnScreen, runLine, screenLines, screenText, terminalOn, waitForPrompt } from "./terminal.ts";

/** Type a line that keeps running, wait for `shows`, then press Ctrl-C and wait for the prompt. */
async function interrupt(page: Page, terminal: Locator, line: string, shows: string | RegExp): Promise<void> {
  await waitForPrompt(terminal);
  await terminal.locator(".xterm-screen").click();
  await page.keyboard.type(line);
  await page.keyboard.press("Enter");
  await expect(terminal).toHaveAttribute("data-state", "busy");
  await expectOnScreen(terminal, shows);
  await page.keyboard.press("Control+C");
  await waitForPrompt(terminal);
}

/** Serious and critical accessibility violations on the page as it is now. */
async function serious(page: Page, only?: string): Promise<string[]> {
  const results = await (only ? new AxeBuilder({ page }).include(only) : new AxeBuilder({ page })).analyze();
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** The line being edited at the prompt (the last row that starts with the prompt). */
async function promptLine(terminal: Locator): Promise<string> {
  const rows = await screenLines(terminal);
  return rows.filter((row) => row.includes("$ ")).at(-1) ?? "";
}

test.describe("terminal: tab completion", () => {
  test("completes subcommands, flags and names, and lists choices on a second Tab", async ({ page }) => {
    await page.goto("/en/playground/");
    const terminal = terminalOn(page);
    await runLine(page, terminal, "docker volume create pgdata");
    await terminal.locator(".xterm-screen").click();

    await page.keyboard.type("docker vol");
    await page.keyboard.press("Tab");
    await expect.poll(() => promptLine(terminal)).toMatch(/\$ docker volume$/);
    await page.keyboard.type("rm pg");
    await page.keyboard.press("Tab");
    await expect.poll(() => promptLine(terminal)).toMatch(/\$ docker volume rm pgdata$/);
    // The completed word was followed by a space: the next word starts right away.
    await page.keyboard.type("x");
    await expect.poll(() => promptLine(terminal)).toMatch(/\$ docker volume rm pgdata x$/);
    await page.keyboard.press("Control+U");

    await page.keyboard.type("docker ps --no-t");
    await page.keyboard.press("Tab");
    await expect.poll(() => promptLine(terminal)).toMatch(/\$ docker ps --no-trunc$/);
    await page.keyboard.press("Control+U");

    await page.keyboard.type("docker image");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await expectOnScreen(terminal, /^image\s+images$/m);
    await expect.poll(() => promptLine(terminal)).toMatch(/\$ docker image$/);
    await page.keyboard.type("s");
    await page.keyboard.press("Enter");
    await waitForPrompt(terminal);
    await expectOnScreen(terminal, /\$ docker images\nIMAGE\s+ID/);
  });

  test("completes file names after -f", async ({ page }) => {
    await page.goto("/en/playground/");
    const terminal = terminalOn(page);
    await runLine(page, terminal, "printf 'FROM busybox\\n' > Dockerfile.dev");
    await terminal.locator(".xterm-screen").click();
    await page.keyboard.type("docker build -f Docker");
    await page.keyboard.press("Tab");
    await expect.poll(() => promptLine(terminal)).toMatch(/\$ docker build -f Dockerfile\.dev$/);
  });
});

test.describe("terminal: Ctrl-C interrupts whatever runs", () => {
  test.setTimeout(90_000);

  test("a while true loop", async ({ page }) => {
    await page.goto("/en/playground/");
    const terminal = terminalOn(page);
    await interrupt(page, terminal, "while true; do echo tick; sleep 1; done", "tick");
    await runLine(page, terminal, "echo still-here");
    await expectOnScreen(terminal, /^still-here$/m);
  });

  test("a pull", async ({ page }) => {
    await page.goto("/en/playground/");
    const terminal = terminalOn(page);
    await interrupt(page, terminal, "docker pull nginx", /Pulling from library\/nginx/);
    await runLine(page, terminal, "docker images -q nginx | wc -l");
    await expectOnScreen(terminal, /^0$/m);
  });

  test("a foreground docker run of nginx, then docker logs -f", async ({ page }) => {
    await page.goto("/en/playground/");
    const terminal = terminalOn(page);
    await interrupt(page, terminal, "docker run --name web nginx", /start worker process/);
    await runLine(page, terminal, "docker ps -a --format '{{.Names}} {{.State}}'");
    await expectOnScreen(terminal, /^web exited$/m);
    await runLine(page, terminal, "docker start web");
    await interrupt(page, terminal, "docker logs -f web", /start worker process/);
    await runLine(page, terminal, "docker ps --format '{{.Names}} {{.State}}'");
    await expectOnScreen(terminal, /^web running$/m);
  });
});

test.describe("terminal: copy, paste and scrollback", () => {
  test("pastes with Ctrl-V and copies a selection with Ctrl-Shift-C", async ({ page, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.goto("/en/playground/");
    const terminal = terminalOn(page);
    await waitForPrompt(terminal);
    await terminal.locator(".xterm-screen").click();
    await page.evaluate(() => navigator.clipboard.writeText("echo pasted-words"));
    await page.keyboard.press("Control+V");
    await expect.poll(() => promptLine(terminal)).toMatch(/\$ echo pasted-words$/);
    await page.keyboard.press("Enter");
    await waitForPrompt(terminal);

    const row = terminal.locator(".xterm-rows > div", { hasText: /^pasted-words\s*$/ }).first();
    const box = (await row.boundingBox())!;
    await page.mouse.dblclick(box.x + 20, box.y + box.height / 2);
    await page.keyboard.press("Control+Shift+C");
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe("pasted-words");
  });

  test("keeps earlier output in the scrollback", async ({ page }) => {
    await page.goto("/en/playground/");
    const terminal = terminalOn(page);
    await runLine(page, terminal, "seq 1 300");
    await expectOnScreen(terminal, /^300$/m);
    expect(await screenLines(terminal)).not.toContain("1");
    // Shift+PageUp pages back through the scrollback, as in a desktop terminal.
    for (let i = 0; i < 40; i++) await page.keyboard.press("Shift+PageUp");
    await expect.poll(() => screenLines(terminal)).toContain("1");
    await page.keyboard.press("Shift+PageDown");
    await expect.poll(() => screenLines(terminal)).not.toContain("1");
  });
});

test.describe("exercises: reset and undo", () => {
  test("undo rebuilds the sandbox without the last command; reset starts over", async ({ page }) => {
    test.setTimeout(60_000);
    await page.goto("/en/lessons/first-container/");
    const terminal = terminalOn(page, "Terminal");
    await runLine(page, terminal, "docker volume create one");
    await runLine(page, terminal, "docker volume create two");

    await page.getByRole("button", { name: "Undo last command" }).click();
    const undoDialog = page.getByRole("dialog", { name: "Undo the last command?" });
    await expect(undoDialog).toBeVisible();
    await undoDialog.getByRole("button", { name: "Undo last command" }).click();
    await expect(page.getByRole("status").filter({ hasText: "The last command was undone." })).toBeVisible();
    await expectOnScreen(terminal, "Undone: docker volume create two");
    await runLine(page, terminal, "docker volume ls -q");
    await expectOnScreen(terminal, /\$ docker volume ls -q\none\n/);

    await page.getByRole("button", { name: "Reset sandbox" }).click();
    const resetDialog = page.getByRole("dialog", { name: "Reset the sandbox?" });
    await resetDialog.getByRole("button", { name: "Cancel" }).click();
    await expect(resetDialog).toBeHidden();
    await page.getByRole("button", { name: "Reset sandbox" }).click();
    await resetDialog.getByRole("button", { name: "Reset sandbox" }).click();
    await expect(page.getByRole("status").filter({ hasText: "The sandbox was reset." })).toBeVisible();
    await runLine(page, terminal, "docker volume ls -q | wc -l");
    await expectOnScreen(terminal, /^0$/m);
  });
});

test.describe("progress", () => {
  test("the sandbox comes back after a reload", async ({ page }) => {
    await page.goto("/en/playground/");
    let terminal = terminalOn(page);
    await runLine(page, terminal, "docker volume create kept-volume");
    await runLine(page, terminal, "echo hello > note.txt");
    await page.reload();
    terminal = terminalOn(page);
    await waitForPrompt(terminal);
    await expectOnScreen(terminal, "Restoring your sandbox (2 commands)…");
    await runLine(page, terminal, "docker volume ls -q; cat note.txt");
    await expectOnScreen(terminal, /^kept-volume\nhello$/m);
  });

  test("a lesson's progress is shared by its languages and marked on the home page", async ({ page }) => {
    await page.goto("/en/lessons/first-container/");
    await runLine(page, terminalOn(page, "Terminal"), "docker run hello-world");
    await expect(page.locator("[data-id=run-hello-world]")).toHaveAttribute("data-state", "done");
    await page.goto("/ko/lessons/first-container/");
    await expect(page.locator("[data-id=run-hello-world]")).toHaveAttribute("data-state", "done");
    await page.goto("/ko/");
    await expect(page.locator("li[data-lesson=first-container]")).toContainText("연습 문제 2개 중 1개 완료");
    await page.goto("/en/");
    await expect(page.locator("li[data-lesson=first-container]")).toContainText("1 of 2 exercises done");
  });

  test("exports to a file, resets, imports it back, and refuses a bad file", async ({ page }, testInfo) => {
    test.setTimeout(60_000);
    await page.goto("/en/lessons/first-container/");
    const terminal = terminalOn(page, "Terminal");
    await runLine(page, terminal, "docker run hello-world");
    await expect(page.locator("[data-id=run-hello-world]")).toHaveAttribute("data-state", "done");

    await page.getByRole("button", { name: /^Progress/ }).click();
    const panel = page.getByRole("dialog", { name: "Your progress" });
    await expect(panel).toContainText("Exercises completed: 1.");
    const downloading = page.waitForEvent("download");
    await panel.getByRole("button", { name: "Export to a file" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^dockyard-progress-\d{4}-\d{2}-\d{2}\.json$/);
    const file = testInfo.outputPath("progress.json");
    await download.saveAs(file);
    const exported = JSON.parse(await readFile(file, "utf8")) as { completed: Record<string, string[]>; sandboxes: Record<string, unknown[]> };
    expect(exported.completed["first-container"]).toEqual(["run-hello-world"]);
    expect(exported.sandboxes["lesson:first-container"]).toEqual([{ run: "docker run hello-world" }]);

    await panel.getByRole("button", { name: "Reset progress" }).click();
    await page.getByRole("dialog", { name: "Reset all progress?" }).getByRole("button", { name: "Reset progress" }).click();
    await expect(panel.getByRole("status")).toHaveText("Progress reset.");
    await expect(page.locator("[data-id=run-hello-world]")).toHaveAttribute("data-state", "todo");

    await panel.locator("input[type=file]").setInputFiles(file);
    await expect(panel.getByRole("status")).toHaveText("Imported. Exercises completed: 1.");
    await expect(page.locator("[data-id=run-hello-world]")).toHaveAttribute("data-state", "done");

    const bad = testInfo.outputPath("bad.json");
    await writeFile(bad, JSON.stringify({ format: "something-else" }));
    await panel.locator("input[type=file]").setInputFiles(bad);
    await expect(panel.getByRole("status")).toHaveText("This file could not be imported: it is not a Dockyard progress file.");
    await expect(page.locator("[data-id=run-hello-world]")).toHaveAttribute("data-state", "done");

    // The imported sandbox is rebuilt in the terminal.
    await panel.getByRole("button", { name: "Close" }).click();
    await expect(panel).toBeHidden();
    await runLine(page, terminal, "docker ps -a --format '{{.Image}}'");
    await expectOnScreen(terminal, /^hello-world$/m);
  });
});

test.describe("playground: share links", () => {
  test("Share copies a link that rebuilds the sandbox elsewhere", async ({ page, context, browser }) => {
    test.setTimeout(60_000);
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.goto("/en/playground/");
    const terminal = terminalOn(page);
    await runLine(page, terminal, "docker volume create shared-volume");
    await runLine(page, terminal, "docker network create shared-net");
    await page.getByRole("button", { name: "Share", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "Link copied." })).toBeVisible();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(/\/en\/playground\/#setup=[A-Za-z0-9_-]+$/);

    // Another person: a fresh browser context, nothing in its storage.
    const other = await browser.newContext();
    const theirs = await other.newPage();
    await theirs.goto(link);
    const theirTerminal = terminalOn(theirs);
    await waitForPrompt(theirTerminal);
    await expectOnScreen(theirTerminal, "Opening a shared setup: 0 files, 2 commands");
    expect(new URL(theirs.url()).hash).toBe("");
    await runLine(theirs, theirTerminal, "docker volume ls -q; docker network ls --format '{{.Name}}' | grep shared");
    await expectOnScreen(theirTerminal, /^shared-volume\nshared-net$/m);
    await other.close();
  });

  test("a broken link says so and the playground still works", async ({ page }) => {
    await page.goto("/en/playground/#setup=not-a-real-setup");
    const terminal = terminalOn(page);
    await waitForPrompt(terminal);
    await expectOnScreen(terminal, /This share link could not be opened: the link was cut or changed/);
    await runLine(page, terminal, "echo ok");
    expect(await screenText(terminal)).toMatch(/^ok$/m);
  });
});

test.describe("workspace controls: accessibility", () => {
  test("the progress panel, the confirmations and the lesson marks have no serious violations", async ({ page }) => {
    await page.goto("/en/lessons/first-container/");
    await runLine(page, terminalOn(page, "Terminal"), "docker run hello-world");
    expect(await serious(page)).toEqual([]);
    await page.getByRole("button", { name: /^Progress/ }).click();
    await expect(page.getByRole("dialog", { name: "Your progress" })).toBeVisible();
    // With a modal open the page behind it is inert and dimmed: check the dialog.
    expect(await serious(page, "dialog[open]")).toEqual([]);
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "Reset sandbox" }).click();
    const dialog = page.getByRole("dialog", { name: "Reset the sandbox?" });
    await expect(dialog).toBeVisible();
    // Focus starts on Cancel, the safe choice.
    await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
    expect(await serious(page, "dialog[open]")).toEqual([]);
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await page.goto("/ko/");
    await expect(page.locator("li[data-lesson=first-container]")).toContainText("연습 문제 2개 중 1개 완료");
    expect(await serious(page)).toEqual([]);
  });
});
