/** docker stats / docker container stats: a live table of CPU, memory, network, block I/O and PIDs. */
import type { ContainerStats } from "../../backend/api-types.ts";
import type { CommandSpec } from "../command.ts";
import { FormatError, renderRows } from "../format/output.ts";
import { bytesSize, humanSize } from "../format/units.ts";
import { describeError } from "./errors.ts";

const HEADERS = { Container: "CONTAINER", ID: "CONTAINER ID", Name: "NAME", CPUPerc: "CPU %", MemUsage: "MEM USAGE / LIMIT", MemPerc: "MEM %", NetIO: "NET I/O", BlockIO: "BLOCK I/O", PIDs: "PIDS" };
const DEFAULT_FORMAT = "table {{.ID}}\t{{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}\t{{.MemPerc}}\t{{.NetIO}}\t{{.BlockIO}}\t{{.PIDs}}";

export const stats: CommandSpec = {
  name: "stats",
  usage: "[OPTIONS] [CONTAINER...]",
  short: "Display a live stream of container(s) resource usage statistics",
  flags: [
    { long: "all", short: "a", type: "bool", usage: "Show all containers (default shows just running)" },
    { long: "format", type: "string", usage: "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" },
    { long: "no-stream", type: "bool", usage: "Disable streaming stats and only pull the first result" },
    { long: "no-trunc", type: "bool", usage: "Do not truncate output" },
  ],
  async run({ engine, io }, flags, names) {
    const format = flags["format"] as string | undefined;
    const trunc = flags["no-trunc"] !== true;
    const sample = async (): Promise<{ rows: Record<string, unknown>[]; errors: string[] }> => {
      const targets = names.length > 0 ? names : (await engine.containerList({ all: flags["all"] === true })).map((c) => c.Id);
      const rows: Record<string, unknown>[] = [];
      const errors: string[] = [];
      for (const target of targets) {
        try {
          rows.push(statsRow(await engine.containerStats(target), names.length > 0 ? target : target.slice(0, 12), trunc));
        } catch (error) {
          errors.push(describeError(error));
        }
      }
      return { rows, errors };
    };
    try {
      const first = await sample();
      if (names.length > 0 && first.errors.length > 0) {
        io.stderr(`${first.errors.join("\n")}\n`);
        return 1;
      }
      const print = (rows: Record<string, unknown>[]) => io.stdout(renderRows(format, DEFAULT_FORMAT, rows, HEADERS));
      if (flags["no-stream"] === true) {
        print(first.rows);
        return 0;
      }
      let rows = first.rows;
      for (;;) {
        if (io.isTTY) io.stdout("\x1b[2J\x1b[H");
        print(rows);
        // The table refreshes every second of wall time, as the CLI's ticker does, until Ctrl-C.
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, 1000);
          io.signal?.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
        });
        if (io.signal?.aborted) return 130;
        rows = (await sample()).rows;
      }
    } catch (error) {
      if (io.signal?.aborted) return 0;
      io.stderr(`${error instanceof FormatError ? error.message : describeError(error)}\n`);
      return 1;
    }
  },
};

/** One row of the table, computed from a sample as the CLI computes it. */
export function statsRow(s: ContainerStats, container: string, trunc: boolean): Record<string, unknown> {
  const cpuDelta = s.cpu_stats.cpu_usage.total_usage - s.precpu_stats.cpu_usage.total_usage;
  const systemDelta = s.cpu_stats.system_cpu_usage - s.precpu_stats.system_cpu_usage;
  const cpu = systemDelta > 0 && cpuDelta > 0 ? (cpuDelta / systemDelta) * s.cpu_stats.online_cpus * 100 : 0;
  const usage = Math.max(0, (s.memory_stats.usage ?? 0) - (s.memory_stats.stats?.inactive_file ?? 0));
  const limit = s.memory_stats.limit ?? 0;
  const rx = Object.values(s.networks ?? {}).reduce((n, e) => n + e.rx_bytes, 0);
  const tx = Object.values(s.networks ?? {}).reduce((n, e) => n + e.tx_bytes, 0);
  const io = (op: string) => (s.blkio_stats.io_service_bytes_recursive ?? []).filter((e) => e.op.toLowerCase() === op).reduce((n, e) => n + e.value, 0);
  const size = (n: number) => humanSize(n, 3);
  return {
    Container: container,
    ID: trunc ? s.id.slice(0, 12) : s.id,
    Name: s.name.replace(/^\//, ""),
    CPUPerc: `${cpu.toFixed(2)}%`,
    MemUsage: `${bytesSize(usage)} / ${bytesSize(limit)}`,
    MemPerc: `${(limit > 0 ? (usage / limit) * 100 : 0).toFixed(2)}%`,
    NetIO: `${size(rx)} / ${size(tx)}`,
    BlockIO: `${size(io("read"))} / ${size(io("write"))}`,
    PIDs: String(s.pids_stats.current ?? 0),
  };
}
