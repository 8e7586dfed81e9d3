/** redis-server, redis-cli and the redis image's docker-entrypoint.sh. */
import type { IFileSystem } from "just-bash";
import type { Program, ProcessContext } from "../../engine/process.ts";
import { execNext, resolveHost, serve, timestamps } from "./service.ts";

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
  const address = await resolveHost(ctx, host);
  const keys = address === "127.0.0.1" ? servers.get(ctx.fs) : undefined;
  if (!keys) {
    ctx.stderr(address ? `Could not connect to Redis at ${host}:${port}: Connection refused\n` : `Could not connect to Redis at ${host}:${port}: Name or service not known\n`);
    return 1;
  }
  const [command = "", ...rest] = args;
  const out = (text: string) => ctx.stdout(`${text}\n`);
  switch (command.toUpperCase()) {
    case "PING":
      out(rest[0] ?? "PONG");
      return 0;
    case "SET":
      keys.set(rest[0] ?? "", rest[1] ?? "");
      out("OK");
      return 0;
    case "GET":
      out(keys.get(rest[0] ?? "") ?? "");
      return 0;
    case "INCR": {
      const n = Number(keys.get(rest[0] ?? "") ?? "0") + 1;
      keys.set(rest[0] ?? "", String(n));
      out(`(integer) ${n}`);
      return 0;
    }
    case "DEL":
      out(`(integer) ${rest.filter((k) => keys.delete(k)).length}`);
      return 0;
    case "DBSIZE":
      out(`(integer) ${keys.size}`);
      return 0;
    case "KEYS":
      out([...keys.keys()].join("\n"));
      return 0;
    case "":
      // The interactive prompt needs a TTY on stdin, which program models do not get yet.
      return 0;
    default:
      out(`(error) ERR unknown command '${command}', with args beginning with: ${rest.map((r) => `'${r}' `).join("")}`);
      return 0;
  }
};

/** docker-entrypoint.sh: `redis-server` for a first argument that is an option or a .conf file, then drop to the redis user. */
export const redisEntrypoint: Program = async (ctx) => {
  let args = ctx.argv.slice(1);
  if (args[0]?.startsWith("-") || args[0]?.endsWith(".conf")) args = ["redis-server", ...args];
  if (args.length === 0) return 0;
  return execNext(ctx, args, { "redis-server": redisServer, "redis-cli": redisCli }, "/data");
};
