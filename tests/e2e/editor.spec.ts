import { readdirSync, readFileSync } from "node:fs";
import { expect, test, type Locator, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { parse } from "yaml";
import { expectOnScreen, runLine, terminalOn, waitForPrompt } from "./terminal.ts";

/** Requests for the editor's code: Monaco, its workers, the language services. */
const editorCode = /code-editor-monaco|editor\.worker|yaml\.worker|codicon/;

const editorOn = (page: Page, name: string | RegExp = /^(Editor|편집기)$/) => page.getByRole("region", { name });

async function openPlayground(page: Page, lang = "en") {
  await page.goto(`/${lang}/playground/`);
  const terminal = terminalOn(page);
  await waitForPrompt(terminal);
  await page.getByRole("tab", { name: lang === "en" ? "Editor" : "편집기" }).click();
  const editor = editorOn(page);
  await expect(editor).toHaveAttribute("data-code", "ready", { timeout: 20_000 });
  return { terminal, editor };
}

/** Create a file with the New file button, as a person does. */
async function newFile(editor: Locator, name: string) {
  await editor.getByRole("button", { name: "New file" }).click();
  await editor.getByLabel("Name of the new file (folders with /)").fill(name);
  await editor.getByRole("button", { name: "Create" }).click();
  await expect(editor.locator(".file-name")).toHaveText(name);
}

/** Paste text into the open file, as Ctrl+V does (typing would get the editor's auto-indent). */
async function typeCode(page: Page, editor: Locator, text: string) {
  await editor.locator(".monaco-editor .view-lines").click();
  await page.evaluate((content) => {
    const data = new DataTransfer();
    data.setData("text/plain", content);
    document.activeElement?.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

const treeItem = (editor: Locator, name: string) => editor.getByRole("treeitem", { name, exact: true });

/** The first lesson that asks for the editor and gives files: its slug and its files. */
function lessonWithFiles(): { slug: string; files: Record<string, string> } | undefined {
  const content = new URL("../../content/", import.meta.url);
  for (const dir of readdirSync(content, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    const text = readFileSync(new URL(`${dir}/en.mdx`, content), "utf8");
    const data = parse(/^---\n([\s\S]*?)\n---\n/.exec(text)?.[1] ?? "") as { editor?: boolean; files?: Record<string, string> };
    if (data.editor && data.files && Object.keys(data.files).length > 0) return { slug: dir.replace(/^\d+-/, ""), files: data.files };
  }
  return undefined;
}

test.describe("editor", () => {
  // Monaco is a large module to load and compile: more time than the suite's default.
  test.describe.configure({ timeout: 60_000 });

  test("loads on the playground when its tab is shown, and a file made in it is what cat prints", async ({ page }) => {
    const requested: string[] = [];
    page.on("request", (request) => requested.push(request.url()));
    await page.goto("/en/playground/");
    await waitForPrompt(terminalOn(page));
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 500)));
    // The architecture is shown first; the editor's code is not fetched until its tab is chosen.
    await expect(page.getByRole("tab", { name: "Architecture" })).toHaveAttribute("aria-selected", "true");
    expect(requested.filter((url) => editorCode.test(url))).toEqual([]);
    const { terminal, editor } = await openPlayground(page);
    expect(requested.some((url) => editorCode.test(url))).toBe(true);
    await expect(editor.getByRole("tree", { name: "Files in ~ (the terminal's home folder)" })).toBeVisible();
    await expect(treeItem(editor, ".profile")).toBeVisible();

    await newFile(editor, "hello.txt");
    await expect(treeItem(editor, "hello.txt")).toHaveAttribute("aria-selected", "true");
    await expect(editor.getByRole("textbox", { name: /^Contents of hello\.txt/ })).toBeFocused();
    await editor.locator(".monaco-editor .view-lines").click();
    await page.keyboard.type("hello from the editor");
    await expect(editor.locator("[data-status]")).toHaveText("Saved");
    await runLine(page, terminal, "cat hello.txt");
    await expectOnScreen(terminal, /\$ cat hello\.txt\n\s*hello from the editor/);
  });

  test("files written in the terminal appear in the tree, and their text in the editor", async ({ page }) => {
    const { terminal, editor } = await openPlayground(page);
    // A here-string: the terminal takes one line at a time.
    await runLine(page, terminal, "mkdir -p site && cat > site/index.html <<< '<h1>made by cat</h1>'");
    const site = treeItem(editor, "site");
    await expect(site).toHaveAttribute("aria-expanded", "true");
    await treeItem(editor, "index.html").click();
    await expect(editor.locator(".view-lines")).toContainText("<h1>made by cat</h1>");

    // An open file changed by the terminal is re-read.
    await runLine(page, terminal, "echo '<p>appended</p>' >> site/index.html");
    await expect(editor.locator(".view-lines")).toContainText("<p>appended</p>");
    // And one removed there leaves the tree and the editor.
    await runLine(page, terminal, "rm -r site");
    await expect(site).toHaveCount(0);
    await expect(editor.getByText("site/index.html was removed.")).toBeVisible();
  });

  test("a Dockerfile gets live diagnostics and hover documentation", async ({ page }) => {
    const { editor } = await openPlayground(page);
    await newFile(editor, "Dockerfile");
    await typeCode(page, editor, "FROM busybox\nRUNN echo hi\n");
    // Alt+F8 goes to the problem and shows its message, from the keyboard (checks run as the text settles).
    await expect(async () => {
      await page.keyboard.press("Escape");
      await page.keyboard.press("Alt+F8");
      await expect(editor.getByText("Unknown instruction: RUNN")).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 15_000 });
    await expect(editor.getByText("1 of 1 problem")).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(editor.locator(".squiggly-error")).toHaveCount(1);

    await editor.getByText("FROM", { exact: true }).hover({ force: true });
    await expect(page.locator(".monaco-hover").getByText(/^Starts a build stage from a base image/)).toBeVisible();
  });

  test("hover documentation follows the page language", async ({ page }) => {
    const { editor } = await openPlayground(page, "ko");
    await editor.getByRole("button", { name: "새 파일" }).click();
    await editor.getByLabel("새 파일 이름 (폴더는 /로 구분)").fill("Dockerfile");
    await editor.getByRole("button", { name: "만들기" }).click();
    await typeCode(page, editor, "FROM busybox\nEXPOSE 80\n");
    await editor.getByText("EXPOSE", { exact: true }).hover({ force: true });
    await expect(page.locator(".monaco-hover").getByText(/^컨테이너가 어느 포트에서 듣는지 적어 두는 거예요/)).toBeVisible();
  });

  test("a compose file is checked against the Compose schema", async ({ page }) => {
    const { editor } = await openPlayground(page);
    await newFile(editor, "compose.yaml");
    await typeCode(page, editor, "services:\n  web:\n    image: nginx\n    portz:\n      - \"8080:80\"\n");
    await expect(editor.locator(".squiggly-error, .squiggly-warning").first()).toBeVisible({ timeout: 15_000 });
    await editor.locator(".squiggly-error, .squiggly-warning").first().hover({ force: true });
    await expect(page.locator(".monaco-hover").getByText(/Property portz is not allowed/)).toBeVisible();
    // Keys the lessons teach are explained in Dockyard's words.
    await page.mouse.move(0, 0);
    await expect(async () => {
      await editor.getByText("image", { exact: true }).hover({ force: true });
      await expect(page.locator(".monaco-hover").getByText(/^The image the service runs/)).toBeVisible({ timeout: 1500 });
    }).toPass({ timeout: 15_000 });
  });

  test("Ctrl+S saves a Dockerfile that docker build in the terminal then builds", async ({ page }) => {
    const { terminal, editor } = await openPlayground(page);
    await newFile(editor, "Dockerfile");
    await typeCode(page, editor, 'FROM busybox\nCMD ["echo", "built from the editor"]\n');
    await page.keyboard.press("ControlOrMeta+s");
    await expect(editor.locator("[data-status]")).toHaveText("Saved");
    await runLine(page, terminal, "docker build -t x .");
    await expectOnScreen(terminal, /naming to docker\.io\/library\/x:latest/);
    await runLine(page, terminal, "docker run --rm x");
    await expectOnScreen(terminal, /\$ docker run --rm x\n\s*built from the editor/);
  });

  test("the tree works from the keyboard: move, open, rename, delete", async ({ page }) => {
    const { terminal, editor } = await openPlayground(page);
    await runLine(page, terminal, "mkdir app && echo one > app/a.txt && echo two > b.txt");
    await expect(treeItem(editor, "b.txt")).toBeVisible();
    await treeItem(editor, ".profile").click();
    await page.keyboard.press("Home");
    await expect(treeItem(editor, "app")).toBeFocused();
    await page.keyboard.press("ArrowLeft");
    await expect(treeItem(editor, "app")).toHaveAttribute("aria-expanded", "false");
    await expect(treeItem(editor, "a.txt")).toHaveCount(0);
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await expect(treeItem(editor, "a.txt")).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(editor.locator(".file-name")).toHaveText("app/a.txt");
    await expect(editor.locator(".view-lines")).toContainText("one");

    await treeItem(editor, "b.txt").focus();
    await page.keyboard.press("F2");
    const name = editor.getByLabel("New name for b.txt");
    await expect(name).toBeFocused();
    await name.fill("app/a.txt");
    await page.keyboard.press("Enter");
    await expect(editor.getByRole("alert")).toHaveText("'app/a.txt': File exists");
    await name.fill("c.txt");
    await page.keyboard.press("Enter");
    await expect(treeItem(editor, "c.txt")).toBeVisible();
    await runLine(page, terminal, "cat c.txt");
    await expectOnScreen(terminal, /\$ cat c\.txt\n\s*two/);

    await treeItem(editor, "c.txt").focus();
    await page.keyboard.press("Delete");
    await expect(editor.getByText("Delete c.txt?")).toBeVisible();
    await page.keyboard.press("Enter");
    await expect(treeItem(editor, "c.txt")).toHaveCount(0);
    await runLine(page, terminal, "ls");
    await expectOnScreen(terminal, /\$ ls\n\s*app\s*\n/);
  });

  test("is not loaded on a lesson page that does not ask for it", async ({ page }) => {
    const requested: string[] = [];
    page.on("request", (request) => requested.push(request.url()));
    await page.goto("/en/lessons/what-is-docker/");
    const terminal = terminalOn(page);
    await waitForPrompt(terminal);
    await runLine(page, terminal, "docker version");
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 500)));
    expect(await page.locator("dockyard-editor").count()).toBe(0);
    expect(await page.evaluate(() => customElements.get("dockyard-editor") === undefined)).toBe(true);
    expect(requested.filter((url) => editorCode.test(url))).toEqual([]);
  });

  test("a lesson with editor: true shows it beside the terminal, with the lesson's files in ~", async ({ page }) => {
    const lesson = lessonWithFiles();
    expect(lesson, "a lesson in content/ with `editor: true` and `files`").toBeDefined();
    const [first, text] = Object.entries(lesson!.files)[0]!;
    await page.goto(`/en/lessons/${lesson!.slug}/`);
    const terminal = terminalOn(page);
    await waitForPrompt(terminal);
    const editor = editorOn(page);
    // Placed right after the terminal, and the lesson's first file is open.
    const next = await page.evaluate(() => {
      let element = document.querySelector("dockyard-terminal")?.nextElementSibling;
      while (element?.localName === "script") element = element.nextElementSibling;
      return element?.localName;
    });
    expect(next).toBe("dockyard-editor");
    await expect(editor.locator(".file-name")).toHaveText(first, { timeout: 20_000 });
    const firstLine = text.split("\n")[0]!;
    await expect.poll(async () => (await editor.locator(".view-lines").innerText()).replace(/\u00a0/g, " ")).toContain(firstLine);
    await runLine(page, terminal, `head -n 1 ${first}`);
    await expectOnScreen(terminal, firstLine);
  });

  test("the side tabs work from the keyboard and remember the choice", async ({ page }) => {
    await page.goto("/en/playground/");
    await waitForPrompt(terminalOn(page));
    const arch = page.getByRole("tab", { name: "Architecture" });
    await arch.focus();
    await page.keyboard.press("ArrowRight");
    const editorTab = page.getByRole("tab", { name: "Editor" });
    await expect(editorTab).toBeFocused();
    await expect(editorTab).toHaveAttribute("aria-selected", "true");
    await expect(page.getByRole("tabpanel", { name: "Editor" })).toBeVisible();
    await expect(page.getByRole("region", { name: /^Architecture/ })).toBeHidden();
    await page.reload();
    await waitForPrompt(terminalOn(page));
    await expect(page.getByRole("tab", { name: "Editor" })).toHaveAttribute("aria-selected", "true");
    await expect(editorOn(page)).toHaveAttribute("data-code", "ready", { timeout: 20_000 });
  });

  for (const lang of ["en", "ko"]) {
    test(`has no serious or critical accessibility violations with the editor open (${lang})`, async ({ page }) => {
      const { editor } = await openPlayground(page, lang);
      await editor.getByRole("treeitem").first().click();
      await expect(editor).toHaveAttribute("data-file", ".profile");
      const results = await new AxeBuilder({ page }).analyze();
      const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    });
  }
});
