import { expect, test } from "@playwright/test";

const lessons = {
  en: ["What is Docker?", "How Docker is built", "Your first container", "Images", "Containers", "Writing a Dockerfile", "docker commit", "Volumes and ports", "Docker Compose", "Class challenge: the notice board"],
  ko: ["도커란 무엇인가요?", "도커의 구조", "첫 컨테이너 실행하기", "이미지 다루기", "컨테이너 다루기", "Dockerfile 작성하기", "docker commit", "볼륨과 포트", "Docker Compose", "도전 과제: 우리 반 게시판"],
} as const;

const pages = [
  "/en/",
  "/ko/",
  "/en/lessons/what-is-docker/",
  "/ko/lessons/what-is-docker/",
  "/en/lessons/first-container/",
  "/ko/lessons/first-container/",
  "/en/lessons/images/",
  "/ko/lessons/images/",
  "/en/lessons/containers/",
  "/ko/lessons/containers/",
  "/en/lessons/volumes-and-ports/",
  "/ko/lessons/volumes-and-ports/",
  "/en/playground/",
  "/ko/playground/",
];

test("commands in lesson prose keep their long options and straight quotes", async ({ page }) => {
  await page.goto("/en/lessons/volumes-and-ports/");
  const runs = await page.locator("[data-run]").evaluateAll((buttons) => buttons.flatMap((b) => JSON.parse(b.getAttribute("data-run") ?? "[]") as string[]));
  expect(runs).toContain("docker run --rm -v notes:/data alpine touch /data/hello");
  for (const command of runs) expect(command).not.toMatch(/[–—“”‘’]/);
});

test.describe("home", () => {
  for (const lang of ["en", "ko"] as const) {
    test(`lists every lesson in order (${lang})`, async ({ page }) => {
      await page.goto(`/${lang}/`);
      const list = page.getByRole("region", { name: lang === "en" ? "Lessons" : "레슨" }).getByRole("list");
      const titles = await list.getByRole("heading", { level: 3 }).allTextContents();
      expect(titles).toEqual([...lessons[lang]]);
      await list.getByRole("link", { name: new RegExp(lessons[lang][1].replace("?", "\\?")) }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(lessons[lang][1]);
    });
  }
});

test.describe("language", () => {
  test("the switch keeps you on the same lesson", async ({ page }) => {
    await page.goto("/en/lessons/what-is-docker/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("What is Docker?");
    await page.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "한국어" }).click();
    await expect(page).toHaveURL(/\/ko\/lessons\/what-is-docker\/$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "ko");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("도커란 무엇인가요?");
    await expect(page.getByRole("heading", { level: 2, name: "컨테이너는 가상 머신이 아니에요" })).toBeVisible();
    await expect(page.getByRole("region", { name: "터미널" })).toBeVisible();
  });

  for (const path of pages) {
    test(`${path} has a language switch to the same page`, async ({ page }) => {
      await page.goto(path);
      const lang = path.slice(1, 3);
      const switcher = page.getByRole("navigation", { name: lang === "en" ? "Language" : "언어" });
      await expect(switcher.getByRole("link", { name: "English" })).toHaveAttribute("href", `/en${path.slice(3)}`);
      await expect(switcher.getByRole("link", { name: "한국어" })).toHaveAttribute("href", `/ko${path.slice(3)}`);
      await expect(switcher.getByRole("link", { name: lang === "en" ? "English" : "한국어" })).toHaveAttribute(
        "aria-current",
        "page",
      );
    });
  }
});

test.describe("root", () => {
  for (const [locale, expected] of [
    ["ko-KR", "/ko/"],
    ["en-US", "/en/"],
    ["fr-FR", "/en/"],
  ] as const) {
    test(`sends a ${locale} browser to ${expected}`, async ({ browser }) => {
      const context = await browser.newContext({ locale });
      const page = await context.newPage();
      await page.goto("/");
      await expect(page).toHaveURL(new RegExp(`${expected}$`));
      await context.close();
    });
  }

  test("remembers the language the learner chose", async ({ browser }) => {
    const context = await browser.newContext({ locale: "en-US" });
    const page = await context.newPage();
    await page.goto("/en/");
    await page.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "한국어" }).click();
    await expect(page).toHaveURL(/\/ko\/$/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/ko\/$/);
    await context.close();
  });

  test("offers plain links without JavaScript", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/");
    await expect(page.getByRole("link", { name: "English" })).toHaveAttribute("href", "/en/");
    await expect(page.getByRole("link", { name: "한국어" })).toHaveAttribute("href", "/ko/");
    await context.close();
  });
});

test.describe("layout", () => {
  test("the lesson terminal sits beside the text on a laptop", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto("/en/lessons/first-container/");
    const terminal = page.getByRole("region", { name: "Terminal" });
    const heading = page.getByRole("heading", { level: 1 });
    const t = await terminal.boundingBox();
    const h = await heading.boundingBox();
    expect(t && h && t.x > h.x + h.width).toBeTruthy();
    await page.mouse.wheel(0, 1500);
    await expect(terminal).toBeInViewport();
  });

  test("the lesson terminal stacks under the text on a phone", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/en/lessons/first-container/");
    const terminal = page.getByRole("region", { name: "Terminal" });
    const t = await terminal.boundingBox();
    const h = await page.getByRole("heading", { level: 1 }).boundingBox();
    expect(t && h && t.y > h.y && t.width > 300).toBeTruthy();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
