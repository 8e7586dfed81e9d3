/** `npm run bench`: every benchmark, each figure printed next to its target. Never fails on time. */
import { commandLatency, manyContainers } from "./engine.bench.ts";
import { buildSpeed } from "./build.bench.ts";
import { composeUp } from "./compose.bench.ts";
import { gatewayOverhead } from "./gateway.bench.ts";
import { pageLoad } from "./page.bench.ts";
import { formatResults, type BenchResult } from "./report.ts";

const suites: [string, () => Promise<BenchResult[]>][] = [
  ["gateway: overhead against the docker CLI", gatewayOverhead],
  ["engine: command latency", commandLatency],
  ["engine: 1,000 containers", manyContainers],
  ["builder: 20-instruction Dockerfile", buildSpeed],
  ["compose: 20-service project", composeUp],
  ["page: lesson JavaScript and terminal ready", pageLoad],
];

const only = process.argv[2];
const results: BenchResult[] = [];
for (const [name, run] of suites) {
  if (only && !name.includes(only)) continue;
  process.stdout.write(`running ${name}...\n`);
  results.push(...(await run()));
}
process.stdout.write(`\n${formatResults(results)}\n`);
process.exit(0);
