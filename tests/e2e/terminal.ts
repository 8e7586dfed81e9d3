import { expect, type Locator, type Page } from "@playwright/test";

/** The page's terminal, found by its accessible name ("Terminal" / "터미널"). */
export function terminalOn(page: Page, name: string | RegExp = /^(Terminal|터미널)$/): Locator {
  return page.getByRole("region", { name });
}

/** Wait until the simulator has loaded and the prompt is waiting for input. */
export async function waitForPrompt(terminal: Locator): Promise<void> {
  await expect(terminal).toHaveAttribute("data-state", "ready", { timeout: 45_000 });
}

/** What the terminal shows on screen, one string per row, trailing blanks trimmed. */
export async function screenLines(terminal: Locator): Promise<string[]> {
  const rows = await terminal.locator(".xterm-rows > div").allTextContents();
  return rows.map((row) => row.replace(/\u00a0/g, " ").trimEnd());
}

/** The visible screen as one string. */
export async function screenText(terminal: Locator): Promise<string> {
  return (await screenLines(terminal)).join("\n");
}

/** Focus the terminal, type a line and press Enter; waits for the next prompt. */
export async function runLine(page: Page, terminal: Locator, line: string): Promise<void> {
  await waitForPrompt(terminal);
  await terminal.locator(".xterm-screen").click();
  await page.keyboard.type(line);
  await page.keyboard.press("Enter");
  await waitForPrompt(terminal);
}

/** Assert the screen shows `text` (polls while output arrives). */
export async function expectOnScreen(terminal: Locator, text: string | RegExp): Promise<void> {
  await expect.poll(() => screenText(terminal), { timeout: 15_000 }).toMatch(
    typeof text === "string" ? new RegExp(escapeRegExp(text)) : text,
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
