/** redis-server, redis-cli and the redis image's docker-entrypoint.sh. */
import type { IFileSystem } from "just-bash";
import type { Program, ProcessContext } from "../../engine/process.ts";
import { execNext, serve, timestamps } from "./service.ts";

/** A running server's keyspace, found by redis-cli in the same container (it shares the filesystem). */
const servers = new WeakMap<IFileSystem, Map<string, string>>();

const version = (ctx: ProcessContext) => /(\d+\.\d+\.\d+)/.exec(ctx.env["REDIS_VERSION"] ?? ctx.env["REDIS_DOWNLOAD_URL"] ?? "")?.[1] ?? "8.2.3";
const OVERCOMMIT =
  "WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. Being disabled, it can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.";

/** Redis 8 loads its bundled modules at start-up. */
const MODULES = [
  ["search", "Redis version found by RedisSearch : 8.2.3 - oss"],
  ["search", "RediSearch version 8.2.5 (Git=unknown)"],
  ["search", "Initialized thread pools!"],
  ["timeseries", "RedisTimeSeries version 80204, git_sha=unknown"],
  ["ReJSON", "Created new data type 'ReJSON-RL'"],
  ["ReJSON", "version: 80201 git sha: unknown branch: unknown"],
  ["bf", "RedisBloom version 8.2.8 (Git=unknown)"],
];

export const redisServer: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  const v = version(ctx);
  if (args[0] === "-v" || args[0] === "--version") {
    ctx.stdout(`Redis server v=${v} sha=00000000:1 malloc=jemalloc-5.3.0 bits=64 build=${v.startsWith("8") ? "6ae76a8d3b3da4d5" : "5c3d8ef1c81b1f58"}\n`);
    return 0;
  }
  const log = (role: "C" | "M", mark: "*" | "#" | ".", text: string) => ctx.stdout(`1:${role} ${timestamps.redis(ctx.clock.now())} ${mark} ${text}\n`);
  const config = args.find((a) => !a.startsWith("--"));
  const port = args.includes("--port") ? args[args.indexOf("--port") + 1] ?? "6379" : "6379";
  log("C", "#", OVERCOMMIT);
  log("C", "*", "oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo");
  log("C", "*", `Redis version=${v}, bits=64, commit=00000000, modified=1, pid=1, just started`);
  if (config) log("C", "*", "Configuration loaded");
  else log("C", "#", "Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf");
  log("M", "*", "monotonic clock: POSIX clock_gettime");
  log("M", "*", `Running mode=standalone, port=${port}.`);
  if (v.startsWith("8")) for (const [module, text] of MODULES) log("M", "*", `<${module}> ${text}`);
  log("M", "*", "Server initialized");
  const keys = new Map<string, string>();
  const dump = "/data/dump.rdb";
  if (await ctx.fs.exists(dump)) {
    log("M", "*", `Loading RDB produced by version ${v}`);
    log("M", "*", "RDB age 0 seconds");
    log("M", "*", "RDB memory usage when created 0.90 Mb");
    try {
      for (const [k, val] of Object.entries(JSON.parse((await ctx.fs.readFile(dump)).split("\n")[1] ?? "{}") as Record<string, string>)) keys.set(k, val);
    } catch {
      // not a snapshot this simulator wrote
    }
    log("M", "*", `Done loading RDB, keys loaded: ${keys.size}, keys expired: 0.`);
    log("M", "*", "DB loaded from disk: 0.000 seconds");
  }
  log("M", "*", "Ready to accept connections tcp");
  servers.set(ctx.fs, keys);
  // Clients in other containers send their command over the simulated network.
  ctx.listen(Number(port), async (request) => {
    const body = request.method === "REDIS" ? execute(keys, JSON.parse(request.body) as string[]) : "-ERR wrong protocol\n";
    return { status: 200, headers: {}, body };
  });

  return serve(ctx, async (signal) => {
    if (signal !== "SIGTERM" && signal !== "SIGINT") return undefined;
    ctx.stdout(`1:signal-handler (${Math.floor(ctx.clock.now() / 1000)}) Received ${signal} scheduling shutdown...\n`);
    log("M", "*", "User requested shutdown...");
    log("M", "*", "Saving the final RDB snapshot before exiting.");
    await ctx.fs.mkdir("/data", { recursive: true });
    await ctx.fs.writeFile(dump, `REDIS0012 (simulated snapshot)\n${JSON.stringify(Object.fromEntries(keys))}\n`);
    log("M", "*", "DB saved on disk");
    log("M", "#", "Redis is now ready to exit, bye bye...");
    servers.delete(ctx.fs);
    return 0;
  });
};

/** A few commands against the server in this container; other hosts need networking (not simulated yet). */
export const redisCli: Program = async (ctx) => {
  const args = [...ctx.argv.slice(1)];
  let host = "127.0.0.1";
  let port = "6379";
  while (args[0]?.startsWith("-")) {
    const flag = args.shift()!;
    if (flag === "-v" || flag === "--version") {
      ctx.stdout(`redis-cli ${version(ctx)}\n`);
      return 0;
    }
    if (flag === "-h") host = args.shift() ?? host;
    else if (flag === "-p") port = args.shift() ?? port;
    else if (flag === "-a" || flag === "-n" || flag === "-u") args.shift();
  }
  // The interactive prompt needs a TTY on stdin, which program models do not get yet.
  if (args.length === 0) return 0;
  const local = servers.get(ctx.fs);
  if (local && (host === "127.0.0.1" || host === "localhost")) {
    ctx.stdout(execute(local, args));
    return 0;
  }
  const reply = await ctx.connect(host, Number(port), { method: "REDIS", path: "/", headers: {}, body: JSON.stringify(args) });
  if (reply === "unresolved") {
    ctx.stderr(`Could not connect to Redis at ${host}:${port}: Name or service not known\n`);
    return 1;
  }
  if (reply === "refused" || reply === "reset") {
    ctx.stderr(`Could not connect to Redis at ${host}:${port}: Connection refused\n`);
    return 1;
  }
  ctx.stdout(reply.body);
  return 0;
};

/** One command against a server's keys, answered as redis-cli prints it. */
function execute(keys: Map<string, string>, [command = "", ...rest]: string[]): string {
  switch (command.toUpperCase()) {
    case "PING":
      return `${rest[0] ?? "PONG"}\n`;
    case "SET":
      keys.set(rest[0] ?? "", rest[1] ?? "");
      return "OK\n";
    case "GET":
      return `${keys.get(rest[0] ?? "") ?? ""}\n`;
    case "INCR": {
      const n = Number(keys.get(rest[0] ?? "") ?? "0") + 1;
      keys.set(rest[0] ?? "", String(n));
      return `(integer) ${n}\n`;
    }
    case "DEL":
      return `(integer) ${rest.filter((k) => keys.delete(k)).length}\n`;
    case "DBSIZE":
      return `(integer) ${keys.size}\n`;
    case "KEYS":
      return `${[...keys.keys()].join("\n")}\n`;
    default:
      return `(error) ERR unknown command '${command}', with args beginning with: ${rest.map((r) => `'${r}' `).join("")}\n`;
  }
}

/** docker-entrypoint.sh: `redis-server` for a first argument that is an option or a .conf file, then drop to the redis user. */
export const redisEntrypoint: Program = async (ctx) => {
  let args = ctx.argv.slice(1);
  if (args[0]?.startsWith("-") || args[0]?.endsWith(".conf")) args = ["redis-server", ...args];
  if (args.length === 0) return 0;
  return execNext(ctx, args, { "redis-server": redisServer, "redis-cli": redisCli }, "/data");
};
