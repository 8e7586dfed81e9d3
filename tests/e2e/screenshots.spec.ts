import { test } from "@playwright/test";
import { runLine, terminalOn } from "./terminal.ts";

// Not a check: `npm run shots` (or DOCKYARD_SHOTS=/tmp/shots npx playwright test screenshots) saves pages to look at.
const dir = process.env["DOCKYARD_SHOTS"];
const sizes = [
  { name: "laptop", width: 1280, height: 800 },
  { name: "phone", width: 390, height: 844 },
];
const pages = [
  { name: "home-en", path: "/en/" },
  { name: "home-ko", path: "/ko/" },
  { name: "lesson-en", path: "/en/lessons/first-container/", run: "docker run hello-world" },
  { name: "lesson-ko", path: "/ko/lessons/what-is-docker/", run: "docker images" },
  { name: "playground-en", path: "/en/playground/", run: "docker version" },
  { name: "root-nojs", path: "/" },
];

test.describe("screenshots", () => {
  test.skip(!dir, "set DOCKYARD_SHOTS to a folder to take screenshots");
  for (const size of sizes) {
    for (const shot of pages) {
      test(`${shot.name} ${size.name}`, async ({ browser }) => {
        const context = await browser.newContext({
          viewport: { width: size.width, height: size.height },
          deviceScaleFactor: 1,
          javaScriptEnabled: shot.path !== "/",
          isMobile: size.name === "phone",
          hasTouch: size.name === "phone",
        });
        const page = await context.newPage();
        await page.goto(shot.path);
        if (shot.run) {
          const terminal = terminalOn(page);
          if (size.name === "phone") await terminal.scrollIntoViewIfNeeded();
          await runLine(page, terminal, shot.run);
          await page.evaluate(() => window.scrollTo(0, 0));
        }
        await page.waitForTimeout(300);
        await page.screenshot({ path: `${dir}/${shot.name}-${size.name}.png` });
        if (size.name === "phone" && shot.path.includes("lessons")) {
          // The whole page, in screen-sized slices that stay legible.
          const height = await page.evaluate(() => document.documentElement.scrollHeight);
          for (let y = size.height, part = 2; y < height; y += size.height, part++) {
            const clip = { x: 0, y, width: size.width, height: Math.min(size.height, height - y) };
            await page.screenshot({ path: `${dir}/${shot.name}-${size.name}-${part}.png`, fullPage: true, clip });
          }
        }
        await context.close();
      });
    }
  }
});
