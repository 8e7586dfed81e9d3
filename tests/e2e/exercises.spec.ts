import { expect, test } from "@playwright/test";
import { runLine, terminalOn, waitForPrompt } from "./terminal.ts";

test.describe("exercises", () => {
  test("tick when the engine's state meets the goals, show hints, and stay done after a reload", async ({ page }) => {
    await page.goto("/en/lessons/first-container/");
    const panel = page.getByRole("region", { name: /^Exercises/ }).or(page.locator("dockyard-exercises"));
    const first = panel.locator("[data-id=run-hello-world]");
    const second = panel.locator("[data-id=clean-up]");
    await expect(first).toHaveAttribute("data-state", "todo");
    const terminal = terminalOn(page, "Terminal");
    await runLine(page, terminal, "docker run hello-world");
    await expect(first).toHaveAttribute("data-state", "done");
    await expect(first.getByText("Done")).toBeVisible();
    await expect(second.getByText("1 of 2 goals met")).toBeVisible();

    await second.getByRole("button", { name: "Show a hint" }).click();
    await expect(second.getByText("docker ps -a lists containers that have stopped, with their names.")).toBeVisible();
    await second.getByRole("button", { name: "Show the solution" }).click();
    await second.getByRole("button", { name: "Run the solution" }).click();
    await expect(second).toHaveAttribute("data-state", "done", { timeout: 20_000 });
    await expect(panel.getByText("All exercises done. Well played!")).toBeVisible();

    await page.reload();
    await waitForPrompt(terminalOn(page, "Terminal"));
    await expect(page.locator("[data-id=run-hello-world]")).toHaveAttribute("data-state", "done");
    await expect(page.locator("[data-id=clean-up]")).toHaveAttribute("data-state", "done");
  });

  test("are in Korean on the Korean page", async ({ page }) => {
    await page.goto("/ko/lessons/first-container/");
    await expect(page.getByRole("heading", { name: /연습 문제/ })).toBeVisible();
    await expect(page.getByText("hello-world가 남긴 컨테이너를 지우되, 이미지는 그대로 두세요.")).toBeVisible();
  });
});
