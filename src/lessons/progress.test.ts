import { beforeEach, describe, expect, it } from "vitest";
import { completedCount, doneIn, exportProgress, importProgress, markDone, parseExport, resetProgress } from "./progress.ts";

/** A Map-backed localStorage, as the browser's behaves. */
function fakeStorage(): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    key: (i) => [...data.keys()][i] ?? null,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, String(v)),
    removeItem: (k) => void data.delete(k),
    clear: () => data.clear(),
  };
}

beforeEach(() => {
  (globalThis as { localStorage?: Storage }).localStorage = fakeStorage();
});

describe("progress", () => {
  it("keeps completed exercises per lesson", () => {
    markDone("first-container", "run-hello");
    markDone("first-container", "run-hello");
    markDone("images", "pull");
    expect([...doneIn("first-container")]).toEqual(["run-hello"]);
    expect(completedCount()).toBe(2);
  });

  it("exports and imports progress and sandboxes on another machine", () => {
    markDone("images", "pull");
    localStorage.setItem("dockyard:sandbox:v1:lesson:images", JSON.stringify([{ run: "docker pull nginx" }]));
    const file = JSON.stringify(exportProgress(new Date("2026-01-02T03:04:05Z")));
    (globalThis as { localStorage?: Storage }).localStorage = fakeStorage();
    localStorage.setItem("dockyard:sandbox:v1:playground", JSON.stringify([{ run: "docker ps" }]));
    importProgress(parseExport(file));
    expect([...doneIn("images")]).toEqual(["pull"]);
    expect(JSON.parse(localStorage.getItem("dockyard:sandbox:v1:lesson:images")!)).toEqual([{ run: "docker pull nginx" }]);
    expect(localStorage.getItem("dockyard:sandbox:v1:playground")).toBeNull();
  });

  it("refuses a bad file with a reason", () => {
    expect(() => parseExport("not json")).toThrow(/not JSON/);
    expect(() => parseExport("{}")).toThrow(/not a Dockyard progress file/);
    expect(() => parseExport(JSON.stringify({ format: "dockyard-progress", version: 9, completed: {} }))).toThrow(/version 9/);
    expect(() => parseExport(JSON.stringify({ format: "dockyard-progress", version: 1, completed: { x: "y" } }))).toThrow(/completed exercises/);
    expect(() => parseExport(JSON.stringify({ format: "dockyard-progress", version: 1, completed: {}, sandboxes: { playground: [{ rm: "-rf" }] } }))).toThrow(/sandbox playground is damaged/);
  });

  it("resets everything this browser kept", () => {
    markDone("images", "pull");
    localStorage.setItem("dockyard:sandbox:v1:playground", "[]");
    localStorage.setItem("dockyard:history", "[]");
    localStorage.setItem("unrelated", "kept");
    resetProgress();
    expect(completedCount()).toBe(0);
    expect(localStorage.length).toBe(1);
  });
});
