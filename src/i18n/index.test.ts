import { describe, expect, it } from "vitest";
import { en } from "./en.ts";
import { ko } from "./ko.ts";
import { switchLangPath, useStrings } from "./index.ts";

describe("language switch", () => {
  it("keeps the learner on the same page", () => {
    expect(switchLangPath("/en/lessons/what-is-docker/", "ko")).toBe("/ko/lessons/what-is-docker/");
    expect(switchLangPath("/ko/playground/", "en")).toBe("/en/playground/");
    expect(switchLangPath("/ko/", "en")).toBe("/en/");
    expect(switchLangPath("/en", "ko")).toBe("/ko/");
  });

  it("sends pages outside a language folder to that language's home", () => {
    expect(switchLangPath("/404/", "ko")).toBe("/ko/");
    expect(switchLangPath("/english-notes/", "ko")).toBe("/ko/");
  });
});

describe("UI strings", () => {
  it("has the same keys in every language", () => {
    expect(Object.keys(ko).sort()).toEqual(Object.keys(en).sort());
  });

  it("fills in parameters", () => {
    expect(useStrings("en")("lesson.progress", { n: 2, total: 5 })).toBe("Lesson 2 of 5");
    expect(useStrings("ko")("lesson.progress", { n: 2, total: 5 })).toBe("레슨 2 / 5");
  });
});
