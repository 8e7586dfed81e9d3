/** Engine benchmarks: command latency over a mixed workload, and 1,000 running containers. */
import { SimulatedClock } from "xstate";
import { createSimulator } from "../simulator/index.ts";
import { seededIds } from "../simulator/engine/digest.ts";
import type { BenchResult } from "./report.ts";

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

function simulator() {
  const clock = new SimulatedClock();
  clock.set(Date.UTC(2026, 10, 28, 12));
  return { sim: createSimulator({ clock, ids: seededIds("bench") }), clock };
}

/** 10,000 commands of the kinds a lesson uses; pulls happen before timing starts. */
export async function commandLatency(): Promise<BenchResult[]> {
  const { sim } = simulator();
  for (const image of ["busybox", "alpine", "hello-world"]) await sim.exec(`docker pull ${image}`);
  const mix = [
    (i: number) => `docker run -d --name w${i} busybox sleep 3600`,
    () => "docker ps",
    () => "docker ps -a --format '{{.Names}}'",
    (i: number) => `docker exec w${i - (i % 10)} echo hi`,
    () => "docker images -q",
    (i: number) => `docker inspect -f '{{.State.Status}}' w${i - (i % 10)}`,
    (i: number) => `docker logs w${i - (i % 10)}`,
    () => "docker run --rm busybox echo hello",
    () => "echo plain shell | wc -c",
    () => "docker version",
  ];
  const times: number[] = [];
  for (let i = 0; i < 10_000; i++) {
    const line = mix[i % mix.length]!(i);
    const start = performance.now();
    await sim.exec(line);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return [
    { name: "command latency p50 (10,000 mixed commands)", value: percentile(times, 50), unit: "ms", target: 1, better: "lower" },
    { name: "command latency p99 (10,000 mixed commands)", value: percentile(times, 99), unit: "ms", target: 16, better: "lower" },
  ];
}

/** 1,000 running containers from 5 images: listing time and heap per idle container. */
export async function manyContainers(): Promise<BenchResult[]> {
  const { sim } = simulator();
  const images = ["busybox", "alpine", "ubuntu", "debian", "hello-world"];
  for (const image of images) await sim.exec(`docker pull ${image}`);
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < 1000; i++) {
    const image = images[i % 4]!;
    await sim.engine.containerCreate({ Image: image, Cmd: ["sleep", "infinity"] }, { name: `c${i}` }).then(({ Id }) => sim.engine.containerStart(Id));
  }
  gc?.();
  const perContainer = (process.memoryUsage().heapUsed - before) / 1000 / 1024;
  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    const start = performance.now();
    const r = await sim.exec("docker ps -a");
    times.push(performance.now() - start);
    if (r.stdout.split("\n").length < 1001) throw new Error("docker ps -a did not list 1,000 containers");
  }
  times.sort((a, b) => a - b);
  return [
    { name: "docker ps -a with 1,000 running containers (median of 20)", value: percentile(times, 50), unit: "ms", target: 20, better: "lower" },
    { name: "heap per idle running container", value: perContainer, unit: "KB", target: 50, better: "lower", note: gc ? undefined : "run with --expose-gc for a stable figure" },
  ];
}
