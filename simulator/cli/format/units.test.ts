import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { humanDuration, humanSize } from "./units.ts";

const oracle = new URL("../../../../shared/oracles/go-units/cases.json", import.meta.url);
const cases = existsSync(oracle) ? JSON.parse(readFileSync(oracle, "utf8")) : undefined;

describe.skipIf(!cases)("go-units conformance (shared/oracles/go-units)", () => {
  it.each((cases?.humanDuration ?? []) as { seconds: number; expected: string }[])("HumanDuration($seconds s) = $expected", ({ seconds, expected }) => {
    expect(humanDuration(seconds * 1000)).toBe(expected);
  });
  it.each((cases?.humanSize_precision4 ?? []) as { bytes: number; expected: string }[])("HumanSize($bytes) = $expected", ({ bytes, expected }) => {
    expect(humanSize(bytes)).toBe(expected);
  });
});

describe("sizes as docker images prints them (3 significant digits)", () => {
  it.each([
    [13_256, "13.3kB"],
    [4_426_752, "4.43MB"],
    [78_118_912, "78.1MB"],
    [999, "999B"],
    [0, "0B"],
  ])("%d bytes -> %s", (bytes, expected) => {
    expect(humanSize(bytes, 3)).toBe(expected);
  });
});

describe("durations", () => {
  it("says 1 second for a second", () => expect(humanDuration(1500)).toBe("1 second"));
});
