import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { realEngineUnavailable } from "./real-engine.ts";
import { formatTranscript, matchRate, runSuite, summaryLine } from "./suite.ts";

const floor = JSON.parse(readFileSync(new URL("./floor.json", import.meta.url), "utf8")) as { minMatchRate: number };
const unavailable = realEngineUnavailable();
if (unavailable) console.warn(`differential suite skipped: ${unavailable}`);

describe.skipIf(unavailable !== undefined)("differential: simulator vs a real Docker engine", () => {
  it(`matches the real engine on at least ${floor.minMatchRate}% of transcript commands`, async () => {
    const suite = await runSuite();
    const report = suite.transcripts.map((t) => formatTranscript(t)).join("\n");
    console.log(`${report}\n${summaryLine(suite)}`);
    const problems = suite.transcripts.filter((t) => t.problem).map((t) => `${t.name}: ${t.problem}`);
    if (problems.length) console.warn(`simulator problems:\n${problems.join("\n")}`);
    expect(matchRate(suite), summaryLine(suite)).toBeGreaterThanOrEqual(floor.minMatchRate);
  });
});
