/** mysqld, the mysql client and the mysql image's docker-entrypoint.sh (5.7, 8.0, 8.4 and 9.x logs). */
import type { IFileSystem } from "just-bash";
import type { Program, ProcessContext } from "../../engine/process.ts";
import { execNext, pause, serve, timestamps } from "./service.ts";

const DATADIR = "/var/lib/mysql";
const running = new WeakSet<IFileSystem>();

interface Version {
  /** `8.4.7-1.el9`, as MYSQL_VERSION holds it. */
  package: string;
  /** `8.4.7` */
  server: string;
  legacy: boolean;
  major: string;
}

function versionOf(ctx: ProcessContext): Version {
  const pkg = ctx.env["MYSQL_VERSION"] ?? "8.4.7-1.el9";
  const server = pkg.replace(/-.*$/, "");
  return { package: pkg, server, legacy: server.startsWith("5."), major: ctx.env["MYSQL_MAJOR"] ?? server.split(".").slice(0, 2).join(".") };
}

/** The server's error log, which goes to stderr: `2026-11-28T12:00:00.000000Z 0 [System] [MY-010116] [Server] ...` */
function serverLog(ctx: ProcessContext, v: Version) {
  return (thread: number, level: "System" | "Warning" | "Note" | "ERROR", code: string, text: string) => {
    const prefix = `${timestamps.mysqld(ctx.clock.now())} ${thread} [${level}]`;
    ctx.stderr(v.legacy ? `${prefix} ${text}\n` : `${prefix} [${code}] [${code === "MY-013576" || code === "MY-013577" ? "InnoDB" : "Server"}] ${text}\n`);
  };
}

function startupLog(ctx: ProcessContext, v: Version, pid: number, temporary: boolean): void {
  const log = serverLog(ctx, v);
  const port = temporary ? 0 : 3306;
  if (v.legacy) {
    log(0, "Warning", "", "TIMESTAMP with implicit DEFAULT value is deprecated. Please use --explicit_defaults_for_timestamp server option (see documentation for more details).");
    log(0, "Note", "", `mysqld (mysqld ${v.server}) starting as process ${pid} ...`);
    log(0, "Note", "", "InnoDB: Initializing buffer pool, total size = 128M, instances = 1, chunk size = 128M");
    log(0, "Note", "", "InnoDB: Completed initialization of buffer pool");
    log(0, "Note", "", `InnoDB: ${v.server} started; log sequence number 12659090`);
    log(0, "Note", "", "Plugin 'FEDERATED' is disabled.");
    log(0, "Warning", "", "CA certificate ca.pem is self signed.");
    if (!temporary) {
      log(0, "Note", "", "Server hostname (bind-address): '*'; port: 3306");
      log(0, "Note", "", "IPv6 is available.");
      log(0, "Note", "", "  - '::' resolves to '::';");
      log(0, "Note", "", "Server socket created on IP: '::'.");
    }
    log(0, "Warning", "", "Insecure configuration for --pid-file: Location '/var/run/mysqld' in the path is accessible to all OS users. Consider choosing a different directory.");
    log(0, "Note", "", "Event Scheduler: Loaded 0 events");
    log(0, "Note", "", "mysqld: ready for connections.");
    ctx.stderr(`Version: '${v.server}'  socket: '/var/run/mysqld/mysqld.sock'  port: ${port}  MySQL Community Server (GPL)\n`);
    return;
  }
  if (v.major === "8.0") log(0, "Warning", "MY-011068", "The syntax '--skip-host-cache' is deprecated and will be removed in a future release. Please use SET GLOBAL host_cache_size=0 instead.");
  log(0, "System", "MY-015015", "MySQL Server - start.");
  log(0, "System", "MY-010116", `/usr/sbin/mysqld (mysqld ${v.server}) starting as process ${pid}`);
  log(1, "System", "MY-013576", "InnoDB initialization has started.");
  log(1, "System", "MY-013577", "InnoDB initialization has ended.");
  log(0, "Warning", "MY-010068", "CA certificate ca.pem is self signed.");
  log(0, "System", "MY-013602", "Channel mysql_main configured to support TLS. Encrypted connections are now supported for this channel.");
  log(0, "Warning", "MY-011810", "Insecure configuration for --pid-file: Location '/var/run/mysqld' in the path is accessible to all OS users. Consider choosing a different directory.");
  log(0, "System", "MY-011323", temporary ? "X Plugin ready for connections. Socket: /var/run/mysqld/mysqlx.sock" : "X Plugin ready for connections. Bind-address: '::' port: 33060, socket: /var/run/mysqld/mysqlx.sock");
  log(0, "System", "MY-010931", `/usr/sbin/mysqld: ready for connections. Version: '${v.server}'  socket: '/var/run/mysqld/mysqld.sock'  port: ${port}  MySQL Community Server - GPL.`);
}

function shutdownLog(ctx: ProcessContext, v: Version, by: string): void {
  const log = serverLog(ctx, v);
  if (v.legacy) {
    for (const text of ["Giving 0 client threads a chance to die gracefully", "Shutting down slave threads", "Forcefully disconnecting 0 remaining clients", "Event Scheduler: Purging the queue. 0 events", "Binlog end", "Shutting down plugin 'InnoDB'", "InnoDB: Starting shutdown...", "InnoDB: Shutdown completed; log sequence number 12659118", "mysqld: Shutdown complete"]) log(0, "Note", "", text);
    ctx.stderr("\n");
    return;
  }
  log(by === "root" ? 10 : 0, "System", "MY-013172", `Received SHUTDOWN from user ${by}. Shutting down mysqld (Version: ${v.server}).`);
  log(0, "System", "MY-010910", `/usr/sbin/mysqld: Shutdown complete (mysqld ${v.server})  MySQL Community Server - GPL.`);
  log(0, "System", "MY-015016", "MySQL Server - end.");
}

const wantsHelp = (args: string[]) => args.some((a) => ["-?", "--help", "--print-defaults", "-V", "--version"].includes(a));

/** mysqld: --version, --initialize, or the server (PID 1) until SIGTERM. */
export const mysqld: Program = async (ctx) => {
  const v = versionOf(ctx);
  const args = ctx.argv.slice(1);
  if (args.includes("--version") || args.includes("-V")) {
    ctx.stdout(v.legacy ? `mysqld  Ver ${v.server} for Linux on x86_64 (MySQL Community Server (GPL))\n` : `/usr/sbin/mysqld  Ver ${v.server} for Linux on x86_64 (MySQL Community Server - GPL)\n`);
    return 0;
  }
  if (!(await ctx.fs.exists(`${DATADIR}/mysql`))) {
    // Started by hand on an empty datadir: what 8.x prints before giving up.
    const log = serverLog(ctx, v);
    log(0, "ERROR", "MY-013236", `The designated data directory ${DATADIR}/ is unusable. You can remove all files that the server added to it.`);
    log(0, "ERROR", "MY-010119", "Aborting");
    return 1;
  }
  await pause(ctx, 1000);
  startupLog(ctx, v, 1, false);
  running.add(ctx.fs);
  // Clients in other containers (wordpress, mysql -h db) reach it on 3306.
  ctx.listen(3306, async (request) => ({ status: request.method === "MYSQL" ? 200 : 400, headers: {}, body: "" }));
  return serve(ctx, (signal) => {
    if (signal !== "SIGTERM" && signal !== "SIGINT" && signal !== "SIGQUIT") return undefined;
    shutdownLog(ctx, v, "<via user signal>");
    running.delete(ctx.fs);
    return 0;
  });
};

/** The mysql client: --version; SQL is not modelled. */
export const mysqlClient: Program = async (ctx) => {
  const v = versionOf(ctx);
  if (ctx.argv.includes("--version") || ctx.argv.includes("-V")) {
    ctx.stdout(v.legacy ? `mysql  Ver 14.14 Distrib ${v.server}, for Linux (x86_64) using  EditLine wrapper\n` : `mysql  Ver ${v.server} for Linux on x86_64 (MySQL Community Server - GPL)\n`);
    return 0;
  }
  const hostAt = ctx.argv.findIndex((a) => a === "-h" || a.startsWith("-h") || a.startsWith("--host="));
  const hostArg = hostAt < 0 ? undefined : ctx.argv[hostAt] === "-h" ? ctx.argv[hostAt + 1] : ctx.argv[hostAt]!.replace(/^(-h|--host=)/, "");
  if (hostArg && hostArg !== "localhost") {
    const reply = await ctx.connect(hostArg, 3306, { method: "MYSQL", path: "/", headers: {}, body: "" });
    if (reply === "unresolved") {
      ctx.stderr(`ERROR 2005 (HY000): Unknown MySQL server host '${hostArg}' (-2)\n`);
      return 1;
    }
    if (reply === "refused" || reply === "reset") {
      ctx.stderr(`ERROR 2003 (HY000): Can't connect to MySQL server on '${hostArg}:3306' (111)\n`);
      return 1;
    }
  } else if (!running.has(ctx.fs)) {
    ctx.stderr("ERROR 2002 (HY000): Can't connect to local MySQL server through socket '/var/run/mysqld/mysqld.sock' (2)\n");
    return 1;
  }
  ctx.stderr("mysql: the simulated client does not run SQL statements yet\n");
  return 1;
};

const INITIALIZED_FILES = ["auto.cnf", "ca-key.pem", "ca.pem", "client-cert.pem", "client-key.pem", "ib_buffer_pool", "ibdata1", "mysql.ibd", "private_key.pem", "public_key.pem", "server-cert.pem", "server-key.pem", "undo_001", "undo_002", "binlog.000001", "binlog.index"];

async function initialize(ctx: ProcessContext, v: Version, note: (text: string) => void): Promise<boolean> {
  const log = serverLog(ctx, v);
  note("Initializing database files");
  if (v.legacy) {
    log(0, "Warning", "", "TIMESTAMP with implicit DEFAULT value is deprecated. Please use --explicit_defaults_for_timestamp server option (see documentation for more details).");
    log(0, "Warning", "", "InnoDB: New log files created, LSN=45790");
    log(0, "Warning", "", "InnoDB: Creating foreign key constraint system tables.");
    log(0, "Warning", "", "No existing UUID has been found, so we assume that this is the first time that this server has been started. Generating a new UUID: 3f8f0c52-cc4d-11f0-9a6c-0242ac110002.");
    log(0, "Warning", "", "Gtid table is not ready to be used. Table 'mysql.gtid_executed' cannot be opened.");
    if (!(await pause(ctx, 3000))) return false;
    log(0, "Warning", "", "CA certificate ca.pem is self signed.");
    log(1, "Warning", "", "root@localhost is created with an empty password ! Please consider switching off the --initialize-insecure option.");
  } else {
    log(0, "System", "MY-015017", "MySQL Server Initialization - start.");
    log(0, "System", "MY-013169", `/usr/sbin/mysqld (mysqld ${v.server}) initializing of server in progress as process 80`);
    log(1, "System", "MY-013576", "InnoDB initialization has started.");
    if (!(await pause(ctx, 1000))) return false;
    log(1, "System", "MY-013577", "InnoDB initialization has ended.");
    if (!(await pause(ctx, 2000))) return false;
    log(6, "Warning", "MY-010453", "root@localhost is created with an empty password ! Please consider switching off the --initialize-insecure option.");
    log(0, "System", "MY-015018", "MySQL Server Initialization - end.");
  }
  for (const dir of ["mysql", "performance_schema", "sys", ...(v.legacy ? [] : ["#innodb_redo", "#innodb_temp"])]) await ctx.fs.mkdir(`${DATADIR}/${dir}`, { recursive: true });
  for (const file of v.legacy ? ["auto.cnf", "ca.pem", "ib_buffer_pool", "ib_logfile0", "ib_logfile1", "ibdata1", "server-cert.pem"] : INITIALIZED_FILES) {
    await ctx.fs.writeFile(`${DATADIR}/${file}`, file === "auto.cnf" ? "[auto]\nserver-uuid=3f8f0c52-cc4d-11f0-9a6c-0242ac110002\n" : "(simulated MySQL data)\n");
  }
  note("Database files initialized");
  return true;
}

/** docker-entrypoint.sh: checks the password settings, initialises an empty datadir, then execs mysqld. */
export const mysqlEntrypoint: Program = async (ctx) => {
  let args = ctx.argv.slice(1);
  if (args[0]?.startsWith("-")) args = ["mysqld", ...args];
  const models = { mysqld, mysql: mysqlClient };
  if (args[0] !== "mysqld" || wantsHelp(args)) return args.length ? execNext(ctx, args, models) : 0;

  const v = versionOf(ctx);
  const note = (text: string) => ctx.stdout(`${timestamps.rfc3339(ctx.clock.now())} [Note] [Entrypoint]: ${text}\n`);
  const warn = (text: string) => ctx.stderr(`${timestamps.rfc3339(ctx.clock.now())} [Warn] [Entrypoint]: ${text}\n`);
  const error = (text: string) => {
    ctx.stderr(`${timestamps.rfc3339(ctx.clock.now())} [ERROR] [Entrypoint]: ${text}\n`);
    return 1;
  };
  const env = (name: string) => ctx.env[name] ?? "";
  note(`Entrypoint script for MySQL Server ${v.package} started.`);
  note("Switching to dedicated user 'mysql'");
  note(`Entrypoint script for MySQL Server ${v.package} started.`);

  if (!(await ctx.fs.exists(`${DATADIR}/mysql`))) {
    if (!env("MYSQL_ROOT_PASSWORD") && !env("MYSQL_ALLOW_EMPTY_PASSWORD") && !env("MYSQL_RANDOM_ROOT_PASSWORD")) {
      return error("Database is uninitialized and password option is not specified\n    You need to specify one of the following as an environment variable:\n    - MYSQL_ROOT_PASSWORD\n    - MYSQL_ALLOW_EMPTY_PASSWORD\n    - MYSQL_RANDOM_ROOT_PASSWORD");
    }
    if (env("MYSQL_USER") === "root") {
      return error('MYSQL_USER="root", MYSQL_USER and MYSQL_PASSWORD are for configuring a regular user and cannot be used for the root user\n    Remove MYSQL_USER="root" and use one of the following to control the root user password:\n    - MYSQL_ROOT_PASSWORD\n    - MYSQL_ALLOW_EMPTY_PASSWORD\n    - MYSQL_RANDOM_ROOT_PASSWORD');
    }
    if (env("MYSQL_USER") && !env("MYSQL_PASSWORD")) warn("MYSQL_USER specified, but missing MYSQL_PASSWORD; MYSQL_USER will not be created");
    else if (!env("MYSQL_USER") && env("MYSQL_PASSWORD")) warn("MYSQL_PASSWORD specified, but missing MYSQL_USER; MYSQL_PASSWORD will be ignored");

    if (!(await initialize(ctx, v, note))) return 137;
    note("Starting temporary server");
    if (!(await pause(ctx, 1000))) return 137;
    startupLog(ctx, v, 126, true);
    note("Temporary server started.");
    ctx.stdout("'/var/lib/mysql/mysql.sock' -> '/var/run/mysqld/mysqld.sock'\n");
    if (!(await pause(ctx, 1000))) return 137;
    if (!env("MYSQL_INITDB_SKIP_TZINFO")) {
      for (const file of ["iso3166.tab", "leap-seconds.list", "leapseconds", "tzdata.zi", "zone.tab", "zone1970.tab"]) ctx.stderr(`Warning: Unable to load '/usr/share/zoneinfo/${file}' as time zone. Skipping it.\n`);
    }
    if (env("MYSQL_RANDOM_ROOT_PASSWORD")) note("GENERATED ROOT PASSWORD: Zm9vYmFyYmF6cXV4cXV1eGNvcmdl");
    if (env("MYSQL_DATABASE")) {
      note(`Creating database ${env("MYSQL_DATABASE")}`);
      await ctx.fs.mkdir(`${DATADIR}/${env("MYSQL_DATABASE")}`, { recursive: true });
    }
    if (env("MYSQL_USER") && env("MYSQL_PASSWORD")) {
      note(`Creating user ${env("MYSQL_USER")}`);
      if (env("MYSQL_DATABASE")) note(`Giving user ${env("MYSQL_USER")} access to schema ${env("MYSQL_DATABASE")}`);
    }
    ctx.stdout("\n");
    note("Stopping temporary server");
    if (!(await pause(ctx, 1000))) return 137;
    shutdownLog(ctx, v, "root");
    note("Temporary server stopped");
    ctx.stdout("\n");
    note("MySQL init process done. Ready for start up.");
    ctx.stdout("\n");
  } else if (!v.legacy) {
    ctx.stdout("'/var/lib/mysql/mysql.sock' -> '/var/run/mysqld/mysqld.sock'\n");
  }
  return mysqld({ ...ctx, argv: args });
};
