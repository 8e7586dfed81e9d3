/**
 * The backend switch on the playground: with ?engine=&token= the terminal runs on the real engine
 * through a gateway; a wrong address says the gateway does not answer and offers the simulator;
 * a gateway that goes away mid-session is reported. Needs a reachable engine (skipped otherwise).
 */
import { expect, test } from "@playwright/test";
import type { Gateway } from "../../server/gateway.ts";
import { expectOnScreen, runLine, terminalOn, waitForPrompt } from "../e2e/terminal.ts";
import { engineUnavailable, testGateway } from "./harness.ts";

const port = Number(process.env["DOCKYARD_E2E_PORT"] ?? 4327);
const origin = `http://127.0.0.1:${port}`;
const shots = process.env["DOCKYARD_SHOTS"];

let gateway: Gateway | undefined;
let unavailable: string | undefined;

test.beforeAll(async () => {
  unavailable = await engineUnavailable();
  if (!unavailable) gateway = await testGateway({ origins: [origin] });
});
test.afterAll(async () => {
  await gateway?.registry.sweep();
  await gateway?.close();
});

test("the playground runs on the real engine through the gateway", async ({ page }) => {
  test.skip(!gateway, unavailable);
  test.setTimeout(120_000);
  await page.goto(`/en/playground/?engine=${encodeURIComponent(gateway!.url)}&token=${encodeURIComponent(gateway!.token)}`);
  const terminal = terminalOn(page);
  await waitForPrompt(terminal);
  const status = page.getByRole("status").filter({ hasText: "Real Docker" });
  await expect(status).toHaveText(/Real Docker 20\.10\.\S+ through the gateway at ws:\/\/127\.0\.0\.1:\d+\./);
  await expect(page.getByRole("button", { name: "Real Docker" })).toHaveAttribute("aria-pressed", "true");
  await runLine(page, terminal, "docker run --rm busybox uname -s");
  await expectOnScreen(terminal, "Linux");
  await runLine(page, terminal, "docker version | grep -A1 Engine:");
  await expectOnScreen(terminal, / Engine:\n  Version: +20\.10\.\d+/);
  await runLine(page, terminal, "docker run --rm -v /:/host busybox true");
  await expectOnScreen(terminal, "Error response from daemon: refused by the Dockyard");
  // An interactive shell on the real engine, a line at a time.
  await runLine(page, terminal, "docker run -it --rm --name shell busybox");
  await expectOnScreen(terminal, /^\/ #/m);
  await terminal.locator(".xterm-screen").click();
  await page.keyboard.type("cd /etc && echo in $(pwd)");
  await page.keyboard.press("Enter");
  await expectOnScreen(terminal, /in \/etc\n\/etc #/);
  await page.keyboard.type("exit");
  await page.keyboard.press("Enter");
  await waitForPrompt(terminal);
  if (shots) await page.screenshot({ path: `${shots}/backend-real-1280.png` });
  await page.setViewportSize({ width: 390, height: 844 });
  if (shots) await page.screenshot({ path: `${shots}/backend-real-390.png`, fullPage: false });

  // The gateway goes away: the page says so and offers the simulator.
  await gateway!.close();
  await expect(page.getByRole("status").filter({ hasText: "went away" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Use the simulator" })).toBeVisible();
  if (shots) await page.screenshot({ path: `${shots}/backend-lost-390.png` });
  await page.getByRole("button", { name: "Use the simulator" }).click();
  await waitForPrompt(terminalOn(page));
  await expect(page.getByRole("status").filter({ hasText: "simulated engine" })).toHaveText("Commands run on a simulated engine in this page.");
  gateway = undefined;
});

test("an unreachable gateway is reported and the simulator is used", async ({ page }) => {
  await page.goto(`/en/playground/?engine=${encodeURIComponent("ws://127.0.0.1:9")}&token=nope`);
  const terminal = terminalOn(page);
  await waitForPrompt(terminal);
  await expect(page.getByRole("status").filter({ hasText: "does not answer" })).toContainText("The gateway at ws://127.0.0.1:9 does not answer, so the terminal uses the simulated engine.");
  await expect(page.getByRole("button", { name: "Simulated" })).toHaveAttribute("aria-pressed", "true");
  await runLine(page, terminal, "docker run --rm busybox echo simulated");
  await expectOnScreen(terminal, "simulated");
  if (shots) await page.screenshot({ path: `${shots}/backend-unreachable-1280.png` });
});

test("lessons have the switch too", async ({ page }) => {
  await page.goto("/en/lessons/first-container/");
  await expect(page.getByRole("group", { name: "Engine" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Simulated" })).toHaveAttribute("aria-pressed", "true");
  if (shots) await page.screenshot({ path: `${shots}/backend-lesson-1280.png` });
  await page.setViewportSize({ width: 390, height: 844 });
  if (shots) await page.screenshot({ path: `${shots}/backend-lesson-390.png` });
});

test("the switch takes a gateway address and token", async ({ page }) => {
  await page.goto("/en/playground/");
  await waitForPrompt(terminalOn(page));
  await page.getByRole("button", { name: "Real Docker" }).click();
  await page.getByLabel("Gateway address").fill("http://nope");
  await page.getByRole("button", { name: "Connect" }).click();
  await expect(page.locator("dockyard-backend-switch").getByRole("alert")).toHaveText("The address starts with ws:// or wss://, e.g. ws://127.0.0.1:2376.");
  if (shots) await page.screenshot({ path: `${shots}/backend-form-1280.png` });
});
