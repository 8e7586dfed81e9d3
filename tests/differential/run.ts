/**
 * Differential suite CLI: `npx tsx tests/differential/run.ts [--filter NAME] [--verbose] [--json FILE] [--gateway]`.
 * Needs DOCKER_HOST pointing at a real engine (`eval "$(.ci/dockerd.sh)"`). Exits 2 when none answers.
 */
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { realEngineUnavailable } from "./real-engine.ts";
import { formatTranscript, runSuite, summaryLine } from "./suite.ts";

const { values } = parseArgs({
  options: { filter: { type: "string" }, verbose: { type: "boolean", short: "v" }, json: { type: "string" }, gateway: { type: "boolean" } },
});

const unavailable = realEngineUnavailable();
if (unavailable) {
  console.error(`differential: skipped: ${unavailable}`);
  process.exit(2);
}
// --gateway: the reference side is Dockyard's CLI on the real engine through the gateway (server/).
const suite = await runSuite({ ...(values.filter ? { filter: values.filter } : {}), ...(values.gateway ? { reference: "gateway" as const } : {}), onTranscript: (t) => console.log(formatTranscript(t, values.verbose)) });
if (values.json) writeFileSync(values.json, JSON.stringify(suite, null, 2));
console.log(summaryLine(suite));
