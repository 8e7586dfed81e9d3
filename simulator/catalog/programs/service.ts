/** What the service program models share: waiting for signals, the log clocks, running the next command. */
import type { Program, ProcessContext, SignalName } from "../../engine/process.ts";
import { sleep } from "../../engine/clock.ts";

/**
 * Run until a signal makes `handle` return an exit code (undefined keeps running).
 * SIGKILL (ctx.signal) also ends the wait; the runtime then reports 137.
 */
export function serve(ctx: ProcessContext, handle: (signal: SignalName) => number | undefined | Promise<number | undefined>): Promise<number> {
  return new Promise((resolve) => {
    let done = false;
    const finish = (code: number) => {
      if (!done) resolve(code);
      done = true;
    };
    ctx.signal.addEventListener("abort", () => finish(137), { once: true });
    ctx.onSignal((signal) => {
      if (done) return;
      void Promise.resolve(handle(signal)).then((code) => code !== undefined && finish(code));
    });
  });
}

/** Wait on the container's clock; false when the process was killed meanwhile. */
export async function pause(ctx: ProcessContext, ms: number): Promise<boolean> {
  try {
    await sleep(ctx.clock, ms, ctx.signal);
    return true;
  } catch {
    return false;
  }
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const parts = (ms: number) => {
  const d = new Date(ms);
  return { y: d.getUTCFullYear(), mo: d.getUTCMonth(), d: d.getUTCDate(), h: pad(d.getUTCHours()), mi: pad(d.getUTCMinutes()), s: pad(d.getUTCSeconds()), ms: d.getUTCMilliseconds(), wd: d.getUTCDay() };
};

/** Timestamps as each program prints them (containers run in UTC). */
export const timestamps = {
  /** nginx error log: `2026/11/28 12:00:00` */
  nginx: (ms: number) => { const t = parts(ms); return `${t.y}/${pad(t.mo + 1)}/${pad(t.d)} ${t.h}:${t.mi}:${t.s}`; },
  /** redis: `28 Nov 2026 12:00:00.000` */
  redis: (ms: number) => { const t = parts(ms); return `${pad(t.d)} ${MONTHS[t.mo]} ${t.y} ${t.h}:${t.mi}:${t.s}.${pad(t.ms, 3)}`; },
  /** `date --rfc-3339=seconds`: `2026-11-28 12:00:00+00:00` */
  rfc3339: (ms: number) => new Date(ms).toISOString().replace("T", " ").replace(/\.\d+Z$/, "+00:00"),
  /** mysqld: `2026-11-28T12:00:00.000000Z` */
  mysqld: (ms: number) => new Date(ms).toISOString().replace(/\.(\d{3})Z$/, ".$1000Z"),
  /** postgres: `2026-11-28 12:00:00.000 UTC` */
  postgres: (ms: number) => new Date(ms).toISOString().replace("T", " ").replace("Z", " UTC"),
  /** apache: `Sat Nov 28 12:00:00.000000 2026` */
  apache: (ms: number) => { const t = parts(ms); return `${DAYS[t.wd]} ${MONTHS[t.mo]} ${pad(t.d)} ${t.h}:${t.mi}:${t.s}.${pad(t.ms, 3)}000 ${t.y}`; },
  /** logrus (registry): `2026-11-28T12:00:00.000000000Z` */
  logrus: (ms: number) => new Date(ms).toISOString().replace(/\.(\d{3})Z$/, ".$1000000Z"),
};

export const basename = (path: string) => path.slice(path.lastIndexOf("/") + 1);


/**
 * `exec "$@"` at the end of an entrypoint script: a program model when one is known by that name,
 * otherwise the command in a shell over the container's filesystem.
 */
export async function execNext(ctx: ProcessContext, argv: string[], models: Record<string, Program>, cwd = "/"): Promise<number> {
  const model = models[basename(argv[0] ?? "")];
  if (model) return model({ ...ctx, argv, cwd });
  return ctx.exec(argv);
}

/** Whether `name` is a command on the container's PATH (`command -v`). */
export async function onPath(ctx: ProcessContext, name: string): Promise<boolean> {
  const dirs = name.includes("/") ? [""] : (ctx.env["PATH"] ?? "").split(":").filter(Boolean);
  for (const dir of dirs) {
    try {
      if ((await ctx.fs.stat(dir ? `${dir}/${name}` : name)).isFile) return true;
    } catch {
      // not in this directory
    }
  }
  return false;
}

/** The container's address as /etc/hosts gives it for its hostname (172.17.0.2 on the default bridge). */
export async function containerAddress(ctx: ProcessContext): Promise<string> {
  try {
    const hosts = await ctx.fs.readFile("/etc/hosts");
    const line = hosts.split("\n").find((l) => l.split(/\s+/).slice(1).includes(ctx.hostname) && !l.startsWith("127.") && !l.includes(":"));
    if (line) return line.split(/\s+/)[0]!;
  } catch {
    // no /etc/hosts: fall through
  }
  return "172.17.0.2";
}

/**
 * Name resolution for connections to other containers. Networking between containers is not
 * simulated yet: wire this to the engine's embedded DNS when it is (undefined = not found).
 */
export type ResolveHost = (ctx: ProcessContext, host: string) => Promise<string | undefined>;
export let resolveHost: ResolveHost = async (ctx, host) => ctx.resolve(host);
/** Replace the resolver (the networking layer calls this once it exists). */
export function setResolveHost(resolver: ResolveHost): void {
  resolveHost = resolver;
}
