/** postgres, psql and the postgres image's docker-entrypoint.sh (initdb on first start, then the server). */
import type { IFileSystem } from "just-bash";
import type { Program, ProcessContext, SignalName } from "../../engine/process.ts";
import { execNext, pause, serve, timestamps } from "./service.ts";

const running = new WeakSet<IFileSystem>();
/** When each container's cluster was last shut down (the control file's time, for the start-up log). */
const shutDownAt = new WeakMap<IFileSystem, number>();

const pgVersion = (ctx: ProcessContext) => ctx.env["PG_VERSION"] ?? "17.7-1.pgdg13+1";
const pgMajor = (ctx: ProcessContext) => Number(ctx.env["PG_MAJOR"] ?? pgVersion(ctx).split(".")[0]);
const pgData = (ctx: ProcessContext) => ctx.env["PGDATA"] ?? "/var/lib/postgresql/data";
const banner = (ctx: ProcessContext) => `${pgVersion(ctx).replace(/-.*$/, "")} (Debian ${pgVersion(ctx)})`;

function logger(ctx: ProcessContext) {
  return (pid: number, text: string) => ctx.stderr(`${timestamps.postgres(ctx.clock.now())} [${pid}] LOG:  ${text}\n`);
}

function startLog(ctx: ProcessContext, pid: number, listen: boolean, since: number): void {
  const log = logger(ctx);
  log(pid, `starting PostgreSQL ${banner(ctx)} on x86_64-pc-linux-gnu, compiled by gcc (Debian 14.2.0-19) 14.2.0, 64-bit`);
  if (listen) {
    log(pid, 'listening on IPv4 address "0.0.0.0", port 5432');
    log(pid, 'listening on IPv6 address "::", port 5432');
  }
  log(pid, 'listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"');
  log(pid + 28, `database system was shut down at ${timestamps.postgres(since).replace(/\.\d+ UTC$/, " UTC")}`);
  log(pid, "database system is ready to accept connections");
}

function stopLog(ctx: ProcessContext, pid: number, mode: "smart" | "fast" | "immediate"): void {
  const log = logger(ctx);
  const checkpointer = pid + 26;
  log(pid, `received ${mode} shutdown request`);
  if (mode === "immediate") {
    log(pid, "database system is shut down");
    return;
  }
  if (mode === "fast") log(pid, "aborting any active transactions");
  log(pid, `background worker "logical replication launcher" (PID ${pid + 31}) exited with exit code 1`);
  log(checkpointer, "shutting down");
  log(checkpointer, `checkpoint starting: shutdown ${pgMajor(ctx) >= 18 ? "fast" : "immediate"}`);
  const lsn = pgMajor(ctx) >= 17 ? "; lsn=0/1A0C6B8, redo lsn=0/1A0C6B8" : "";
  log(checkpointer, `checkpoint complete: wrote 3 buffers (0.0%); 0 WAL file(s) added, 0 removed, 0 recycled; write=0.002 s, sync=0.001 s, total=0.010 s; sync files=2, longest=0.001 s, average=0.001 s; distance=0 kB, estimate=0 kB${lsn}`);
  log(pid, "database system is shut down");
}

const SHUTDOWN: Partial<Record<SignalName, "smart" | "fast" | "immediate">> = { SIGTERM: "smart", SIGINT: "fast", SIGQUIT: "immediate" };

/** The server as PID 1 (started by the entrypoint as the postgres user). */
async function server(ctx: ProcessContext): Promise<number> {
  const data = pgData(ctx);
  await ctx.fs.writeFile(`${data}/postmaster.opts`, `/usr/lib/postgresql/${pgMajor(ctx)}/bin/postgres\n`);
  startLog(ctx, 1, true, shutDownAt.get(ctx.fs) ?? ctx.clock.now());
  running.add(ctx.fs);
  return serve(ctx, async (signal) => {
    const mode = SHUTDOWN[signal];
    if (!mode) return undefined;
    stopLog(ctx, 1, mode);
    running.delete(ctx.fs);
    shutDownAt.set(ctx.fs, ctx.clock.now());
    return 0;
  });
}

/** `postgres --version`; started by root directly it refuses, as the real one does. */
export const postgres: Program = async (ctx) => {
  if (ctx.argv.includes("--version") || ctx.argv.includes("-V")) {
    ctx.stdout(`postgres (PostgreSQL) ${banner(ctx)}\n`);
    return 0;
  }
  ctx.stderr('"root" execution of the PostgreSQL server is not permitted.\nThe server must be started under an unprivileged user ID to prevent\npossible system security compromise.  See the documentation for\nmore information on how to properly start the server.\n');
  return 1;
};

/** psql: --version; queries are not modelled. */
export const psql: Program = async (ctx) => {
  if (ctx.argv.includes("--version") || ctx.argv.includes("-V")) {
    ctx.stdout(`psql (PostgreSQL) ${banner(ctx)}\n`);
    return 0;
  }
  if (!running.has(ctx.fs)) {
    ctx.stderr('psql: error: connection to server on socket "/var/run/postgresql/.s.PGSQL.5432" failed: No such file or directory\n\tIs the server running locally and accepting connections on that socket?\n');
    return 2;
  }
  ctx.stderr("psql: the simulated client does not run SQL statements yet\n");
  return 1;
};

const TRUST_WARNING = `********************************************************************************
WARNING: POSTGRES_HOST_AUTH_METHOD has been set to "trust". This will allow
         anyone with access to the Postgres port to access your database without
         a password, even if POSTGRES_PASSWORD is set. See PostgreSQL
         documentation about "trust":
         https://www.postgresql.org/docs/current/auth-trust.html
         In Docker's default configuration, this is effectively any other
         container on the same system.

         It is not recommended to use POSTGRES_HOST_AUTH_METHOD=trust. Replace
         it with "-e POSTGRES_PASSWORD=password" instead to set a password in
         "docker run".
********************************************************************************
`;

const NO_PASSWORD = `Error: Database is uninitialized and superuser password is not specified.
       You must specify POSTGRES_PASSWORD to a non-empty value for the
       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".

       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all
       connections without a password. This is *not* recommended.

       See PostgreSQL documentation about "trust":
       https://www.postgresql.org/docs/current/auth-trust.html
`;

async function initdb(ctx: ProcessContext): Promise<boolean> {
  const data = pgData(ctx);
  const out = (text: string) => ctx.stdout(text);
  out(`The files belonging to this database system will be owned by user "postgres".\nThis user must also own the server process.\n\n`);
  out(`The database cluster will be initialized with locale "en_US.utf8".\nThe default database encoding has accordingly been set to "UTF8".\nThe default text search configuration will be set to "english".\n\n`);
  out(`Data page checksums are ${pgMajor(ctx) >= 18 ? "enabled" : "disabled"}.\n\n`);
  out(`fixing permissions on existing directory ${data} ... ok\ncreating subdirectories ... ok\nselecting dynamic shared memory implementation ... posix\nselecting default "max_connections" ... 100\nselecting default "shared_buffers" ... 128MB\nselecting default time zone ... Etc/UTC\ncreating configuration files ... ok\n`);
  if (!(await pause(ctx, 1000))) return false;
  out("running bootstrap script ... ok\nperforming post-bootstrap initialization ... ok\nsyncing data to disk ... ok\n\n\nSuccess. You can now start the database server using:\n\n");
  out(`    pg_ctl -D ${data} -l logfile start\n\n`);
  ctx.stderr('initdb: warning: enabling "trust" authentication for local connections\ninitdb: hint: You can change this by editing pg_hba.conf or using the option -A, or --auth-local and --auth-host, the next time you run initdb.\n');
  const major = String(pgMajor(ctx));
  await ctx.fs.mkdir(data, { recursive: true });
  for (const dir of ["base", "global", "pg_wal", "pg_xact", "pg_stat", "pg_tblspc"]) await ctx.fs.mkdir(`${data}/${dir}`, { recursive: true });
  await ctx.fs.writeFile(`${data}/PG_VERSION`, `${major}\n`);
  await ctx.fs.writeFile(`${data}/postgresql.conf`, "# PostgreSQL configuration file (written by initdb)\nlisten_addresses = '*'\n");
  await ctx.fs.writeFile(`${data}/pg_hba.conf`, `# TYPE  DATABASE        USER            ADDRESS                 METHOD\nlocal   all             all                                     trust\nhost    all             all             127.0.0.1/32            trust\nhost    all             all             ::1/128                 trust\nhost all all all ${ctx.env["POSTGRES_HOST_AUTH_METHOD"] || "scram-sha-256"}\n`);
  return true;
}

/** docker-entrypoint.sh: initdb on an empty PGDATA (refusing without a password setting), then the server. */
export const postgresEntrypoint: Program = async (ctx) => {
  let args = ctx.argv.slice(1);
  if (args[0]?.startsWith("-")) args = ["postgres", ...args];
  const help = args.some((a) => ["-?", "--help", "--describe-config", "-V", "--version"].includes(a));
  if (args[0] !== "postgres" || help) return args.length ? execNext(ctx, args, { postgres, psql }) : 0;

  const data = pgData(ctx);
  if (!(await ctx.fs.exists(`${data}/PG_VERSION`))) {
    const trust = ctx.env["POSTGRES_HOST_AUTH_METHOD"] === "trust";
    if (!ctx.env["POSTGRES_PASSWORD"] && !trust) {
      ctx.stderr(NO_PASSWORD);
      return 1;
    }
    if (trust) ctx.stderr(TRUST_WARNING);
    if (!(await initdb(ctx))) return 137;
    const temp = 48;
    ctx.stdout("waiting for server to start....");
    startLog(ctx, temp, false, ctx.clock.now());
    ctx.stdout(" done\nserver started\n");
    if (ctx.env["POSTGRES_DB"] && ctx.env["POSTGRES_DB"] !== "postgres") ctx.stdout("CREATE DATABASE\n");
    ctx.stdout("\n\n/usr/local/bin/docker-entrypoint.sh: ignoring /docker-entrypoint-initdb.d/*\n\n");
    ctx.stdout("waiting for server to shut down....");
    stopLog(ctx, temp, "fast");
    ctx.stdout(" done\nserver stopped\n\nPostgreSQL init process complete; ready for start up.\n\n");
    shutDownAt.set(ctx.fs, ctx.clock.now());
    if (!(await pause(ctx, 500))) return 137;
  } else {
    ctx.stdout("\nPostgreSQL Database directory appears to contain a database; Skipping initialization\n\n");
  }
  return server(ctx);
};
