/**
 * What `docker stats` samples for a simulated container. There is no kernel to measure, so each
 * program gets the resident memory, thread count and idle CPU its real counterpart shows at rest,
 * with a small wobble over time so a streaming table looks alive. Stopped containers read zero.
 */
import type { ContainerStats, CpuStats } from "../backend/api-types.ts";
import type { Container } from "./container.ts";
import { HOST_CPUS, HOST_MEMORY } from "./resources.ts";

interface Profile {
  /** Resident memory in bytes. */
  memory: number;
  pids: number;
  /** Share of one CPU used at rest. */
  cpu: number;
  /** Bytes written to disk since start (databases initialise their data directory). */
  written?: number;
}

const MiB = 1024 * 1024;
const PROFILES: [RegExp, Profile][] = [
  [/\bmysqld\b|\bmariadbd\b/, { memory: 362 * MiB, pids: 37, cpu: 0.004, written: 210 * MiB }],
  [/\bpostgres\b/, { memory: 22 * MiB, pids: 6, cpu: 0.0003, written: 48 * MiB }],
  [/\bredis-server\b/, { memory: 3.9 * MiB, pids: 6, cpu: 0.002 }],
  [/\bapache2-foreground\b/, { memory: 17.5 * MiB, pids: 6, cpu: 0.0001 }],
  [/\bhttpd(-foreground)?\b/, { memory: 8.6 * MiB, pids: 82, cpu: 0.0001 }],
  [/\bnginx\b/, { memory: 3.6 * MiB, pids: 1 + HOST_CPUS, cpu: 0 }],
  [/\bregistry\b/, { memory: 11.2 * MiB, pids: 7, cpu: 0 }],
  [/\bnode\b/, { memory: 44 * MiB, pids: 7, cpu: 0.0002 }],
  [/\bpython[0-9.]*\b|\bflask\b|\bgunicorn\b/, { memory: 24 * MiB, pids: 1, cpu: 0.0001 }],
];
const IDLE: Profile = { memory: 0.41 * MiB, pids: 1, cpu: 0 };

function profileOf(c: Container): Profile {
  const command = [c.path, ...c.args].join(" ");
  return PROFILES.find(([pattern]) => pattern.test(command))?.[1] ?? IDLE;
}

/** A deterministic wobble in [-1, 1] for a container at a moment (one value per second). */
function wobble(id: string, second: number): number {
  let h = 2166136261;
  for (const ch of `${id}:${second}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return ((h >>> 0) % 2001) / 1000 - 1;
}

export function sampleStats(c: Container, now: number, startedAt: number, networks: string[]): ContainerStats {
  const running = c.running;
  const profile = profileOf(c);
  const uptimeNs = running ? Math.max(0, now - startedAt) * 1e6 : 0;
  const cpu = (at: number, upNs: number): CpuStats => ({ cpu_usage: { total_usage: Math.round(upNs * profile.cpu) }, system_cpu_usage: at * 1e6 * HOST_CPUS, online_cpus: HOST_CPUS });
  const second = Math.floor(now / 1000);
  const limit = c.hostConfig.Memory && c.hostConfig.Memory > 0 ? c.hostConfig.Memory : HOST_MEMORY;
  const memory = running ? Math.min(limit, Math.round(profile.memory * (1 + 0.01 * wobble(c.id, second)))) : 0;
  const rx = running ? 866 + 42 * Math.min(20, Math.floor(uptimeNs / 60e9)) : 0;
  return {
    id: c.id,
    name: `/${c.name}`,
    read: new Date(now).toISOString(),
    cpu_stats: cpu(now, uptimeNs),
    precpu_stats: cpu(now - 1000, Math.max(0, uptimeNs - 1e9)),
    memory_stats: running ? { usage: memory, limit, stats: { inactive_file: 0 } } : {},
    ...(running ? { networks: Object.fromEntries(networks.map((_n, i) => [`eth${i}`, { rx_bytes: rx, tx_bytes: 0 }])) } : {}),
    blkio_stats: { io_service_bytes_recursive: running && profile.written ? [{ op: "read", value: 0 }, { op: "write", value: profile.written }] : null },
    pids_stats: running ? { current: profile.pids } : {},
  };
}
