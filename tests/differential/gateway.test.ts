/**
 * The transcripts typed at Dockyard's CLI on the real engine through the gateway (server/), against
 * the simulator: the real backend should show a learner what the simulated one shows. Commands the
 * gateway's policy refuses or changes on purpose (gateway-differences.ts) must give the outcome
 * listed there instead, and are counted apart; every other command is compared with the simulator.
 */
import { describe, expect, it } from "vitest";
import { realEngineUnavailable } from "./real-engine.ts";
import { formatTranscript, matchRate, runSuite, summaryLine } from "./suite.ts";

/** Measured 100% (351/351, plus 8 refused and 6 changed by policy as expected) on dockerd 20.10. */
const gatewayFloor = 100;
const unavailable = realEngineUnavailable();
if (unavailable) console.warn(`differential suite through the gateway skipped: ${unavailable}`);

describe.skipIf(unavailable !== undefined)("differential: the simulator vs the real engine through the gateway", () => {
  it(`agrees on at least ${gatewayFloor}% of the commands its policy does not refuse or change`, async () => {
    const suite = await runSuite({ reference: "gateway" });
    console.log(`${suite.transcripts.map((t) => formatTranscript(t)).join("\n")}\n${summaryLine(suite)} (through the gateway)`);
    expect(matchRate(suite), summaryLine(suite)).toBeGreaterThanOrEqual(gatewayFloor);
  });
});
