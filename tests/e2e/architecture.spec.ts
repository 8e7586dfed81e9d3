import { expect, test, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { runLine, terminalOn, waitForPrompt } from "./terminal.ts";

/** The architecture view, found by its accessible name. */
const viewOn = (page: Page, name: string | RegExp = /^Architecture/) => page.getByRole("region", { name });

async function openPlayground(page: Page, lang = "en") {
  await page.goto(`/${lang}/playground/`);
  const terminal = terminalOn(page);
  await waitForPrompt(terminal);
  return { terminal, view: viewOn(page, lang === "en" ? /^Architecture/ : /^아키텍처/) };
}

/** Record whether anything moved (wire dots, flying pills) from now on. */
async function watchMotion(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { motion: number };
    w.motion = 0;
    new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) if (n instanceof HTMLElement && (n.classList.contains("dot") || n.classList.contains("pill"))) w.motion++;
    }).observe(document.querySelector("dockyard-architecture")!, { childList: true, subtree: true });
  });
}
const motion = (page: Page) => page.evaluate(() => (window as unknown as { motion: number }).motion);

test.describe("architecture view", () => {
  test("draws the image's layers, the running container and its port; stop changes the state word", async ({ page }) => {
    test.setTimeout(60_000);
    const { terminal, view } = await openPlayground(page);
    const picture = view.locator("[data-picture]");
    await expect(picture.getByText("Docker client", { exact: true })).toBeVisible();
    await expect(picture.getByText("dockerd", { exact: true })).toBeVisible();
    await expect(picture.getByText("Docker Hub", { exact: true })).toBeVisible();
    await expect(picture.getByText("No containers yet.")).toBeVisible();

    await watchMotion(page);
    await runLine(page, terminal, "docker run -d --name web -p 8080:80 nginx");
    const web = view.getByRole("listitem", { name: "Container web, image nginx, running" });
    await expect(web).toBeVisible();
    await expect(web.getByText("running", { exact: true })).toBeVisible();
    await expect(web.getByText("8080 → web:80")).toBeVisible();
    await expect(view.getByRole("listitem", { name: "Host port 8080 to web port 80" })).toContainText("localhost:8080");
    const image = view.getByRole("listitem", { name: /^Image nginx:latest, 7 layers, newest on top/ });
    await expect(image).toBeVisible();
    await expect(image.locator(".layer")).toHaveCount(7);
    await expect(image).toHaveAccessibleName(/used by web/);
    // The messages of the command: client -> daemon, daemon -> registry, daemon -> container.
    await expect(view.locator("[data-label=registry]")).toHaveText("nginx:latest: 7 of 7 layers");
    await expect(view.locator("[data-label=api]")).toHaveText(/^POST \/containers\/[0-9a-f]{12}\/(start|wait)$/);
    expect(await motion(page)).toBeGreaterThan(0);
    await expect(view.locator("[data-live]")).toContainText("Container web started");

    await runLine(page, terminal, "docker stop web");
    const stopped = view.getByRole("listitem", { name: /^Container web, image nginx, exited \(\d+\)$/ });
    await expect(stopped).toBeVisible();
    await expect(stopped.locator(".state")).toHaveText(/^exited \(\d+\)$/);
    await expect(stopped).toHaveAttribute("data-state", "exited");
    await expect(view.locator("[data-label=api]")).toHaveText(/^POST \/containers\/[0-9a-f]{12}\/stop$/);
    await expect(view.locator("[data-live]")).toContainText(/Container web exited with code \d+/);
    await expect(view.getByRole("listitem", { name: /^Host port 8080/ })).toHaveCount(0);

    // The text view says the same, and the toggle works from the keyboard.
    const toggle = view.getByRole("button", { name: "Show as text" });
    await toggle.focus();
    await page.keyboard.press("Enter");
    await expect(view.getByRole("button", { name: "Show as picture" })).toHaveAttribute("aria-pressed", "true");
    const text = view.locator("[data-text]");
    await expect(text).toBeVisible();
    await expect(view.locator("[data-picture]")).toBeHidden();
    await expect(text.getByText(/^web: exited \(\d+\)$/)).toBeVisible();
    await expect(text.getByText("image: nginx", { exact: true })).toBeVisible();
    await expect(text.getByText("8080 → web:80 (when running)")).toBeVisible();
    await expect(text.getByText("nginx:latest: 7 layers, newest on top; used by web")).toBeVisible();
    await expect(text.getByText("bridge (bridge): web")).toBeVisible();
    await page.keyboard.press("Space");
    await expect(view.locator("[data-picture]")).toBeVisible();
    await expect(text).toBeHidden();
    await expect(view.getByRole("button", { name: "Show as text" })).toBeFocused();
  });

  test("shows layers shared between images once, in one colour, and animates the pull", async ({ page }) => {
    const { terminal, view } = await openPlayground(page);
    await runLine(page, terminal, "docker pull alpine");
    await expect(view.locator("[data-label=registry]")).toHaveText("alpine:latest: 1 of 1 layers");
    await expect(view.locator("[data-live]")).toHaveText("Image alpine:latest added.");
    await runLine(page, terminal, "docker pull nginx:alpine");
    const alpine = view.getByRole("listitem", { name: /^Image alpine:latest, 1 layer/ });
    const nginx = view.getByRole("listitem", { name: /^Image nginx:alpine, 8 layers/ });
    await expect(alpine).toHaveAccessibleName(/shared with nginx:alpine/);
    await expect(nginx).toHaveAccessibleName(/shared with alpine:latest/);
    const base = alpine.locator(".layer.shared");
    await expect(base).toHaveCount(1);
    const key = await base.getAttribute("data-key");
    const same = nginx.locator(`.layer[data-key="${key}"]`);
    await expect(same).toHaveClass(/shared/);
    // One layer, one colour; newest on top, so the shared base is the last of nginx's stack.
    expect(await same.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(await base.evaluate((el) => getComputedStyle(el).backgroundColor));
    await expect(nginx.locator(".layer").last()).toHaveAttribute("data-key", key!);
    await expect(view.locator("[data-picture]").getByText(/one colour are one layer/)).toBeVisible();
    // Focusing an image points at its layers in the other images.
    await alpine.focus();
    await expect(same).toHaveClass(/related/);
  });

  test("shows a network with its member and a volume with the container that mounts it", async ({ page }) => {
    const { terminal, view } = await openPlayground(page);
    await runLine(page, terminal, "docker network create shop");
    await expect(view.locator("[data-label=api]")).toHaveText("POST /networks/create");
    await expect(view.getByRole("listitem", { name: "Network shop (bridge): no containers" })).toBeVisible();
    await expect(view.locator("[data-live]")).toHaveText("Network shop created.");
    await runLine(page, terminal, "docker run -d --network shop --name app busybox sleep 100");
    const shop = view.getByRole("listitem", { name: "Network shop (bridge): app" });
    await expect(shop).toBeVisible();
    await expect(shop.locator(".member")).toHaveText("app");
    await expect(shop.locator(".member")).toHaveAttribute("data-state", "running");
    await expect(view.getByRole("listitem", { name: "Container app, image busybox, running" }).getByText("shop")).toBeVisible();

    await runLine(page, terminal, "docker volume create data");
    await expect(view.getByRole("listitem", { name: "Volume data: not mounted" })).toBeVisible();
    await runLine(page, terminal, "docker run -d --name db -v data:/var/lib/data busybox sleep 100");
    await expect(view.getByRole("listitem", { name: "Volume data: db at /var/lib/data" })).toBeVisible();
    await expect(view.getByRole("listitem", { name: /^Container db/ }).getByText("data → /var/lib/data")).toBeVisible();

    await view.getByRole("button", { name: "Show as text" }).click();
    await expect(view.getByText("shop (bridge): app")).toBeVisible();
    await expect(view.getByText("data: db at /var/lib/data")).toBeVisible();
  });

  test("draws host -> container traffic on a published port, briefly", async ({ page }) => {
    const { terminal, view } = await openPlayground(page);
    await runLine(page, terminal, "docker run -d --name web -p 8080:80 nginx:alpine");
    await expect(view.getByRole("listitem", { name: "Container web, image nginx:alpine, running" })).toBeVisible();
    await watchMotion(page);
    await runLine(page, terminal, "curl -s localhost:8080 > /dev/null");
    await expect.poll(() => motion(page)).toBeGreaterThan(0);
    // Animations are short and leave nothing behind.
    await expect(view.locator(".pill, .dot")).toHaveCount(0, { timeout: 1500 });
  });

  test("keeps still with prefers-reduced-motion, and the messages still change", async ({ page }) => {
    await page.emulateMedia({ reducedMotion: "reduce" });
    const { terminal, view } = await openPlayground(page);
    await watchMotion(page);
    await runLine(page, terminal, "docker run -d --name box busybox sleep 100");
    await expect(view.getByRole("listitem", { name: "Container box, image busybox, running" })).toBeVisible();
    await expect(view.locator("[data-label=registry]")).toHaveText("busybox:latest: 1 of 1 layers");
    expect(await motion(page)).toBe(0);
  });

  test("items are reachable by keyboard and named", async ({ page }) => {
    const { terminal, view } = await openPlayground(page);
    await runLine(page, terminal, "docker run -d --name box busybox sleep 100");
    const toggle = view.getByRole("button", { name: "Show as text" });
    await toggle.focus();
    const names: string[] = [];
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press("Tab");
      names.push(await page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? ""));
    }
    // The playground's panel scrolls, so its scroll area is a stop of its own before the items.
    expect(names).toEqual(["Architecture picture (scrolls)", "Container box, image busybox, running", "Image busybox:latest, 1 layer. used by box", "Network bridge (bridge): box"]);
  });

  test("is in Korean on the Korean page", async ({ page }) => {
    const { terminal, view } = await openPlayground(page, "ko");
    await expect(view.getByRole("heading", { name: "아키텍처" })).toBeVisible();
    await expect(view.locator("[data-picture]").getByText("도커 클라이언트", { exact: true })).toBeVisible();
    await runLine(page, terminal, "docker run -d --name box busybox sleep 100");
    await expect(view.getByRole("listitem", { name: "컨테이너 box, 이미지 busybox, 실행 중" })).toBeVisible();
    await expect(view.locator("[data-live]")).toContainText("컨테이너 box 시작됨");
    await view.getByRole("button", { name: "글로 보기" }).click();
    await expect(view.getByText("box: 실행 중")).toBeVisible();
  });

  test("has no serious or critical accessibility violations on the playground", async ({ page }) => {
    const { terminal } = await openPlayground(page);
    await runLine(page, terminal, "docker run -d --name web -p 8080:80 busybox sleep 100");
    await runLine(page, terminal, "docker volume create data");
    const serious = async () => {
      const results = await new AxeBuilder({ page }).analyze();
      return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    };
    expect(await serious()).toEqual([]);
    const scoped = await new AxeBuilder({ page }).include("dockyard-architecture").analyze();
    expect(scoped.passes.map((p) => p.id)).toContain("color-contrast");
    await viewOn(page).getByRole("button", { name: "Show as text" }).click();
    expect(await serious()).toEqual([]);
  });
});

test.describe("architecture view in a lesson", () => {
  test("sits beside the lesson's terminal and shows an image built there, layer by layer", async ({ page }) => {
    test.setTimeout(60_000);
    await page.goto("/en/lessons/first-container/");
    const terminal = terminalOn(page);
    await waitForPrompt(terminal);
    const view = viewOn(page);
    await expect(view.locator("[data-picture]").getByText("No containers yet.")).toBeVisible();
    await runLine(page, terminal, "printf 'FROM busybox\\nRUN echo hi > /hi\\nCMD [\"cat\", \"/hi\"]\\n' > Dockerfile");
    await runLine(page, terminal, "docker build -t hi .");
    const built = view.getByRole("listitem", { name: /^Image hi:latest, 2 layers, newest on top/ });
    await expect(built).toBeVisible();
    await expect(built.locator(".layer")).toHaveCount(2);
    // The base layer is shared with busybox, so both images show it in the same colour.
    await expect(view.getByRole("listitem", { name: /^Image busybox:latest, 1 layer/ })).toBeVisible();
  });
});
