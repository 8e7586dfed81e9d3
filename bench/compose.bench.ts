/** Compose benchmark: `docker compose up -d` of a 20-service project, images already pulled (no animation delays). */
import { SimulatedClock } from "xstate";
import { createSimulator } from "../simulator/index.ts";
import { seededIds } from "../simulator/engine/digest.ts";
import type { BenchResult } from "./report.ts";

/** 20 services in a chain of dependencies, with ports, volumes, environment and a second network. */
function project(): string {
  let text = "services:\n";
  for (let i = 0; i < 20; i++) {
    text += `  svc${i}:\n    image: ${i % 2 === 0 ? "nginx" : "redis"}\n    environment:\n      INDEX: "${i}"\n`;
    if (i > 0) text += `    depends_on: [svc${i - 1}]\n`;
    if (i % 5 === 0) text += `    ports:\n      - "${8000 + i}:80"\n`;
    if (i % 4 === 0) text += `    volumes:\n      - data${i}:/data\n`;
    text += `    networks: [default, back]\n`;
  }
  text += "networks:\n  back:\nvolumes:\n";
  for (let i = 0; i < 20; i += 4) text += `  data${i}:\n`;
  return text;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function composeUp(): Promise<BenchResult[]> {
  const clock = new SimulatedClock();
  clock.set(Date.UTC(2026, 10, 28, 12));
  const sim = createSimulator({ clock, ids: seededIds("bench-compose") });
  await sim.exec("docker pull nginx && docker pull redis");
  await sim.exec("mkdir -p /home/learner/stack && cd /home/learner/stack");
  await sim.exec(`cat > compose.yaml <<'EOF'\n${project()}EOF`);
  const time = async (line: string) => {
    const start = performance.now();
    const r = await sim.exec(line);
    const ms = performance.now() - start;
    if (r.exitCode !== 0) throw new Error(`${line} failed: ${r.stderr}`);
    return ms;
  };
  const up: number[] = [];
  const again: number[] = [];
  await time("docker compose up -d"); // warm the JIT
  await time("docker compose down -t 0");
  for (let i = 0; i < 9; i++) {
    up.push(await time("docker compose up -d"));
    again.push(await time("docker compose up -d"));
    await time("docker compose down -t 0");
  }
  return [
    { name: "docker compose up -d, 20 services (median of 9)", value: median(up), unit: "ms", target: 100, better: "lower" },
    { name: "docker compose up -d, 20 services unchanged (median of 9)", value: median(again), unit: "ms", target: 100, better: "lower" },
  ];
}
