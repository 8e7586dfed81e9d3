import { expect, test } from "@playwright/test";
import { expectOnScreen, runLine, screenLines, screenText, terminalOn, waitForPrompt } from "./terminal.ts";

test.describe("lesson terminal", () => {
  test("runs docker run hello-world typed by the learner", async ({ page }) => {
    await page.goto("/en/lessons/first-container/");
    const terminal = terminalOn(page, "Terminal");
    await runLine(page, terminal, "docker run hello-world");
    await expectOnScreen(terminal, "Hello from Docker!");
    await expect(terminal).toContainText("Hello from Docker!");
  });

  test("the prompt comes before the engine's code, and a line typed meanwhile runs once it arrives", async ({ page }) => {
    // Hold the simulator's script back until the prompt has shown.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let asked = false;
    await page.route(/\/_astro\/simulator\.[^/]*\.js$/, async (route) => {
      asked = true;
      await held;
      await route.continue();
    });
    await page.goto("/en/lessons/first-container/");
    const terminal = terminalOn(page, "Terminal");
    await waitForPrompt(terminal);
    await expectOnScreen(terminal, /^learner@dockyard:~\$$/m);
    expect(await page.evaluate(() => (document.querySelector("dockyard-terminal") as unknown as { simulator?: unknown }).simulator)).toBeUndefined();
    await terminal.locator(".xterm-screen").click();
    await page.keyboard.type("docker --version");
    await page.keyboard.press("Enter");
    await expect(terminal).toHaveAttribute("data-state", "busy");
    expect(asked).toBe(true);
    release();
    await expectOnScreen(terminal, /^Docker version 29\.\d+\.\d+, build \w+$/m);
    await waitForPrompt(terminal);
  });

  test("the shell's gzip, tar -z and base64 work in the browser", async ({ page }) => {
    await page.goto("/en/playground/");
    const terminal = terminalOn(page);
    await runLine(page, terminal, "docker run --rm busybox sh -c 'echo squeezed | gzip | gunzip; mkdir /d; echo hi > /d/f; tar czf /t.tgz /d && tar xzOf /t.tgz d/f'");
    await expectOnScreen(terminal, /^squeezed\nhi$/m);
    await runLine(page, terminal, "echo dockyard | base64");
    await expectOnScreen(terminal, /^ZG9ja3lhcmQK$/m);
  });

  test("says so when the terminal's script cannot load", async ({ page }) => {
    await page.route(/\/_astro\/Terminal\.astro_astro_type_script[^/]*\.js$/, (route) => route.abort("connectionreset"));
    await page.goto("/en/lessons/first-container/");
    await expect(page.getByRole("alert")).toHaveText("The terminal could not load. Check the connection and reload the page.", { timeout: 20_000 });
  });

  test("a Run button types the command into the terminal", async ({ page }) => {
    await page.goto("/en/lessons/first-container/");
    const terminal = terminalOn(page, "Terminal");
    await waitForPrompt(terminal);
    // The first is the ▶ Run of the code block; the lesson also has an inline <Cmd> for it.
    await page.getByRole("button", { name: "Run in the terminal: docker run hello-world" }).first().click();
    await expectOnScreen(terminal, /\$ docker run hello-world/);
    await expectOnScreen(terminal, "Hello from Docker!");
  });

  test("setup commands run before the first prompt", async ({ page }) => {
    await page.goto("/en/lessons/what-is-docker/");
    const terminal = terminalOn(page, "Terminal");
    await waitForPrompt(terminal);
    await expectOnScreen(terminal, /\$ docker pull hello-world/);
    await runLine(page, terminal, "docker images");
    await expectOnScreen(terminal, /^hello-world:latest\s/m);
  });

  test("history survives a reload, as a shell's does", async ({ page }) => {
    await page.goto("/en/playground/");
    let terminal = terminalOn(page);
    await runLine(page, terminal, "echo kept-across-reloads");
    await page.reload();
    terminal = terminalOn(page);
    await waitForPrompt(terminal);
    await terminal.locator(".xterm-screen").click();
    await page.keyboard.press("ArrowUp");
    await expectOnScreen(terminal, /\$ echo kept-across-reloads\s*$/);
  });

  test("ArrowUp recalls earlier commands", async ({ page }) => {
    await page.goto("/en/playground/");
    const terminal = terminalOn(page);
    await runLine(page, terminal, "echo first-line");
    await runLine(page, terminal, "echo second-line");
    await page.keyboard.press("ArrowUp");
    await expectOnScreen(terminal, /\$ echo second-line\nsecond-line\n[^\n]*\$ echo second-line\s*$/);
    await page.keyboard.press("ArrowUp");
    await expectOnScreen(terminal, /second-line\n[^\n]*\$ echo first-line\s*$/);
    await page.keyboard.press("Enter");
    await waitForPrompt(terminal);
    await expect
      .poll(async () => (await screenLines(terminal)).filter((l) => l === "first-line").length)
      .toBe(2);
  });

  test("Ctrl-C abandons the line being typed", async ({ page }) => {
    await page.goto("/en/playground/");
    const terminal = terminalOn(page);
    await waitForPrompt(terminal);
    await terminal.locator(".xterm-screen").click();
    await page.keyboard.type("echo abandoned");
    await page.keyboard.press("Control+C");
    await expectOnScreen(terminal, /\$ echo abandoned\^C\n[^\n]*\$\s*$/);
    await runLine(page, terminal, "echo kept");
    const lines = await screenLines(terminal);
    expect(lines).toContain("kept");
    expect(lines).not.toContain("abandoned");
  });

  test("Ctrl-C interrupts a running command", async ({ page }) => {
    await page.goto("/en/playground/");
    const terminal = terminalOn(page);
    await waitForPrompt(terminal);
    await terminal.locator(".xterm-screen").click();
    await page.keyboard.type("sleep 60");
    await page.keyboard.press("Enter");
    await expect(terminal).toHaveAttribute("data-state", "busy");
    await page.keyboard.press("Control+C");
    await waitForPrompt(terminal);
    await expectOnScreen(terminal, /\$ sleep 60\n\^C/);
  });

  test("docker logs -f follows a looping container as it prints, until Ctrl-C", async ({ page }) => {
    await page.goto("/en/playground/");
    const terminal = terminalOn(page);
    await runLine(page, terminal, "docker run -d --name ticker busybox sh -c 'i=0; while true; do i=$((i+1)); echo tick $i; sleep 1; done'");
    await terminal.locator(".xterm-screen").click();
    await page.keyboard.type("docker logs -f ticker");
    await page.keyboard.press("Enter");
    await expectOnScreen(terminal, /^tick 3$/m);
    await expect(terminal).toHaveAttribute("data-state", "busy");
    await page.keyboard.press("Control+C");
    await waitForPrompt(terminal);
    await runLine(page, terminal, "docker rm -f ticker");
  });

  test("docker login asks for the password without showing it, and keeps it nowhere", async ({ page }) => {
    await page.goto("/en/playground/");
    const terminal = terminalOn(page);
    await runLine(page, terminal, "docker login -u alice");
    await expectOnScreen(terminal, /^Password:$/m);
    await page.keyboard.type("hunter2");
    await page.keyboard.press("Enter");
    await expectOnScreen(terminal, /^Login Succeeded$/m);
    await waitForPrompt(terminal);
    expect(await screenText(terminal)).not.toContain("hunter2");
    const stored = await page.evaluate(() => Object.values(localStorage).join("\n"));
    expect(stored).toContain("docker login -u alice");
    expect(stored).not.toContain("hunter2");
    // The history has the command, not the password.
    await terminal.locator(".xterm-screen").click();
    await page.keyboard.press("ArrowUp");
    await expectOnScreen(terminal, /\$ docker login -u alice$/m);
    // A reload replays the sandbox with a stand-in password: still logged in.
    await page.keyboard.press("Control+U");
    await page.reload();
    const again = terminalOn(page);
    await runLine(page, again, "docker login");
    await expectOnScreen(again, "Authenticating with existing credentials... [Username: alice]");
    await expectOnScreen(again, /^Login Succeeded$/m);
  });

  test("clear clears the screen", async ({ page }) => {
    await page.goto("/en/playground/");
    const terminal = terminalOn(page);
    await runLine(page, terminal, "echo before-clear");
    await expectOnScreen(terminal, /^before-clear$/m);
    await runLine(page, terminal, "clear");
    await expect.poll(() => screenText(terminal)).not.toContain("before-clear");
    const lines = (await screenLines(terminal)).filter((l) => l !== "");
    expect(lines).toEqual(["learner@dockyard:~$"]);
  });

  test("the playground has a working terminal", async ({ page }) => {
    await page.goto("/en/playground/");
    await expect(page.getByRole("heading", { level: 1, name: "Playground" })).toBeVisible();
    const terminal = terminalOn(page, "Terminal");
    await expect(terminal).toBeVisible();
    await runLine(page, terminal, "docker version");
    await expectOnScreen(terminal, /^Server: Docker Engine/m);
    await expectOnScreen(terminal, /^ Engine:/m);
  });

  test("the playground's suggested commands run when clicked", async ({ page }) => {
    await page.goto("/en/playground/");
    const terminal = terminalOn(page);
    await waitForPrompt(terminal);
    await page.getByRole("button", { name: "Run in the terminal: docker run hello-world" }).click();
    // hello-world's message is taller than the playground's terminal: look for its last lines.
    await expectOnScreen(terminal, "https://docs.docker.com/get-started/");
    await waitForPrompt(terminal);
    await page.getByRole("button", { name: "Run in the terminal: docker images" }).click();
    await expectOnScreen(terminal, /^hello-world:latest\s/m);
  });

  test("a here-document and a continued line are typed over several lines, as in bash", async ({ page }) => {
    await page.goto("/en/playground/");
    const terminal = terminalOn(page);
    for (const line of ["cat > note.txt <<'EOF'", "first line", "  second, indented", "EOF"]) await runLine(page, terminal, line);
    await runLine(page, terminal, "cat note.txt");
    await expectOnScreen(terminal, /^first line\n {2}second, indented\nlearner@dockyard:~\$/m);
    await runLine(page, terminal, "echo one \\");
    await runLine(page, terminal, "two");
    await expectOnScreen(terminal, /^one two$/m);
  });

  test("the Korean playground has a working terminal", async ({ page }) => {
    await page.goto("/ko/playground/");
    const terminal = terminalOn(page, "터미널");
    await runLine(page, terminal, "echo 안녕");
    await expect.poll(() => screenText(terminal)).toMatch(/^안녕$/m);
  });

  test("the terminal follows its container's size", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto("/en/playground/");
    const terminal = terminalOn(page);
    await waitForPrompt(terminal);
    const rowsAt = async () => terminal.locator(".xterm-rows > div").count();
    const before = await rowsAt();
    await page.setViewportSize({ width: 1280, height: 560 });
    await expect.poll(rowsAt).toBeLessThan(before);
  });

  test("docker run -it opens the container's shell; exit and Ctrl-D come back", async ({ page }) => {
    await page.goto("/en/playground/");
    const terminal = terminalOn(page);
    await runLine(page, terminal, "docker run -it --name box busybox sh");
    await expectOnScreen(terminal, /^\/ #$/m);
    await runLine(page, terminal, "cat /etc/hostname");
    await runLine(page, terminal, "exit");
    await expectOnScreen(terminal, /^exit\nlearner@dockyard:~\$$/m);
    await runLine(page, terminal, "docker start box && docker exec -it box sh");
    await expectOnScreen(terminal, /^\/ #$/m);
    await page.keyboard.press("Control+d");
    await waitForPrompt(terminal);
    await expectOnScreen(terminal, /\/ # exit\nexit\nlearner@dockyard:~\$$/m);
  });

  test("docker images on a terminal has no machine-readable warning", async ({ page }) => {
    await page.goto("/en/playground/");
    const terminal = terminalOn(page);
    await runLine(page, terminal, "docker pull hello-world");
    await runLine(page, terminal, "docker images");
    await expectOnScreen(terminal, /^IMAGE +ID +DISK USAGE +CONTENT SIZE +EXTRA$/m);
    expect(await screenText(terminal)).not.toContain("designed for human readability");
  });
});
