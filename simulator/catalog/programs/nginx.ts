/** nginx and the official image's /docker-entrypoint.sh. */
import type { Program, ProcessContext } from "../../engine/process.ts";
import { execNext, serve, timestamps } from "./service.ts";
import { nginxAccessLog, nginxErrorPage, staticSite } from "./web-server.ts";

const DEFAULT_CONF = "/etc/nginx/conf.d/default.conf";
/** `worker_processes auto;` starts one worker per CPU; the simulated host has 4. */
const WORKERS = [29, 30, 31, 32];

const version = (ctx: ProcessContext) => ctx.env["NGINX_VERSION"] ?? "1.29.3";
const alpine = (ctx: ProcessContext) => ctx.fs.exists("/etc/alpine-release");

async function configure(ctx: ProcessContext, out: (line: string) => void): Promise<void> {
  out("/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration");
  out("/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/");
  out("/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh");
  const script = "10-listen-on-ipv6-by-default.sh";
  try {
    const conf = await ctx.fs.readFile(DEFAULT_CONF);
    if (conf.includes("listen  [::]:80;")) {
      out(`${script}: info: ${DEFAULT_CONF} differs from the packaged version`);
    } else {
      out(`${script}: info: Getting the checksum of ${DEFAULT_CONF}`);
      await ctx.fs.writeFile(DEFAULT_CONF, conf.replace(/(listen\s+80;\n)/, "$1    listen  [::]:80;\n"));
      out(`${script}: info: Enabled listen on IPv6 in ${DEFAULT_CONF}`);
    }
  } catch {
    out(`${script}: info: ${DEFAULT_CONF} is not a file or does not exist`);
  }
  out("/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh");
  out("/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh");
  out("/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh");
  out("/docker-entrypoint.sh: Configuration complete; ready for start up");
}

/** /docker-entrypoint.sh: configures nginx when the command is nginx, then execs the command. */
export const nginxEntrypoint: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  if (args[0] === "nginx" || args[0] === "nginx-debug") {
    // The script logs to fd 3, a copy of stdout, unless NGINX_ENTRYPOINT_QUIET_LOGS is set.
    const quiet = Boolean(ctx.env["NGINX_ENTRYPOINT_QUIET_LOGS"]);
    await configure(ctx, (line) => !quiet && ctx.stdout(`${line}\n`));
  }
  if (args.length === 0) return 0;
  return execNext(ctx, args, { nginx, "nginx-debug": nginx });
};

/** nginx: -v, -V, -t, -s, and the master process with `-g 'daemon off;'`. */
export const nginx: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  const v = version(ctx);
  const log = (pid: number, text: string) => ctx.stderr(`${timestamps.nginx(ctx.clock.now())} [notice] ${pid}#${pid}: ${text}\n`);
  if (args.includes("-h") || args.includes("-?")) {
    ctx.stderr(`nginx version: nginx/${v}\nUsage: nginx [-?hvVtTq] [-s signal] [-p prefix]\n             [-e filename] [-c filename] [-g directives]\n\nOptions:\n  -?,-h         : this help\n  -v            : show version and exit\n  -V            : show version and configure options then exit\n  -t            : test configuration and exit\n  -T            : test configuration, dump it and exit\n  -q            : suppress non-error messages during configuration testing\n  -s signal     : send signal to a master process: stop, quit, reopen, reload\n  -p prefix     : set prefix path (default: /etc/nginx/)\n  -e filename   : set error log file (default: /var/log/nginx/error.log)\n  -c filename   : set configuration file (default: /etc/nginx/nginx.conf)\n  -g directives : set global directives out of configuration file\n\n`);
    return 0;
  }
  if (args.includes("-v")) {
    ctx.stderr(`nginx version: nginx/${v}\n`);
    return 0;
  }
  if (args.includes("-V")) {
    const gcc = (await alpine(ctx)) ? "gcc 14.2.0 (Alpine 14.2.0) " : "gcc 14.2.0 (Debian 14.2.0-19) ";
    ctx.stderr(`nginx version: nginx/${v}\nbuilt by ${gcc}\nbuilt with OpenSSL 3.5.1 1 Jul 2025 (running with OpenSSL 3.5.4 30 Sep 2025)\nTLS SNI support enabled\nconfigure arguments: --prefix=/etc/nginx --sbin-path=/usr/sbin/nginx --modules-path=/usr/lib/nginx/modules --conf-path=/etc/nginx/nginx.conf --error-log-path=/var/log/nginx/error.log --http-log-path=/var/log/nginx/access.log --pid-path=/run/nginx.pid --lock-path=/run/nginx.lock --http-client-body-temp-path=/var/cache/nginx/client_temp --http-proxy-temp-path=/var/cache/nginx/proxy_temp --user=nginx --group=nginx --with-compat --with-file-aio --with-threads --with-http_addition_module --with-http_auth_request_module --with-http_gzip_static_module --with-http_realip_module --with-http_ssl_module --with-http_stub_status_module --with-http_v2_module --with-http_v3_module --with-stream --with-stream_ssl_module\n`);
    return 0;
  }
  const conf = args.includes("-c") ? args[args.indexOf("-c") + 1] ?? "/etc/nginx/nginx.conf" : "/etc/nginx/nginx.conf";
  if (args.includes("-t") || args.includes("-T")) {
    if (!(await ctx.fs.exists(conf))) {
      ctx.stderr(`${timestamps.nginx(ctx.clock.now())} [emerg] 1#1: open() "${conf}" failed (2: No such file or directory)\nnginx: configuration file ${conf} test failed\n`);
      return 1;
    }
    if (args.includes("-T")) ctx.stdout(`# configuration file ${conf}:\n${await ctx.fs.readFile(conf)}\n`);
    ctx.stderr(`nginx: the configuration file ${conf} syntax is ok\nnginx: configuration file ${conf} test is successful\n`);
    return 0;
  }
  if (args.includes("-s")) {
    // The signal goes to the master through /run/nginx.pid; the simulator has no cross-process kill yet.
    log(40, "signal process started");
    return 0;
  }
  if (!(await ctx.fs.exists(conf))) {
    ctx.stderr(`nginx: [emerg] open() "${conf}" failed (2: No such file or directory)\n`);
    return 1;
  }
  const daemonOff = args.some((a) => /daemon\s+off/.test(a));
  log(1, 'using the "epoll" event method');
  log(1, `nginx/${v}`);
  log(1, `built by ${(await alpine(ctx)) ? "gcc 14.2.0 (Alpine 14.2.0) " : "gcc 14.2.0 (Debian 14.2.0-19) "}`);
  log(1, "OS: Linux 6.8.0-dockyard");
  log(1, "getrlimit(RLIMIT_NOFILE): 1048576:1048576");
  log(1, "start worker processes");
  for (const pid of WORKERS) log(1, `start worker process ${pid}`);
  if (!daemonOff) return 0; // a daemonising nginx as PID 1 returns at once and the container exits
  // default.conf: listen 80, root /usr/share/nginx/html, index index.html.
  ctx.listen(80, staticSite(ctx, {
    root: "/usr/share/nginx/html",
    server: `nginx/${v}`,
    errorPage: nginxErrorPage(v),
    accessLog: nginxAccessLog,
    missingLog: (request, file, time) => `${timestamps.nginx(time)} [error] ${WORKERS[0]}#${WORKERS[0]}: *1 open() "${file}" failed (2: No such file or directory), client: ${request.remoteAddress}, server: localhost, request: "${request.method} ${request.path} HTTP/1.1", host: "${request.headers["Host"] ?? "localhost"}"
`,
  }));

  const stopWorkers = (graceful: boolean) => {
    for (const pid of WORKERS) {
      if (graceful) log(pid, "gracefully shutting down");
      log(pid, "exiting");
      log(pid, "exit");
    }
    for (const pid of WORKERS) {
      log(1, `signal 17 (SIGCHLD) received from ${pid}`);
      log(1, `worker process ${pid} exited with code 0`);
    }
    log(1, "exit");
    return 0;
  };
  return serve(ctx, (signal) => {
    switch (signal) {
      case "SIGQUIT":
        log(1, "signal 3 (SIGQUIT) received, shutting down");
        return stopWorkers(true);
      case "SIGTERM":
      case "SIGINT":
        log(1, `signal ${signal === "SIGTERM" ? 15 : 2} (${signal}) received, exiting`);
        return stopWorkers(false);
      case "SIGHUP":
        log(1, "signal 1 (SIGHUP) received, reconfiguring");
        log(1, "reconfiguring");
        return undefined;
      case "SIGUSR1":
        log(1, "signal 10 (SIGUSR1) received, reopening logs");
        log(1, "reopening logs");
        return undefined;
      default:
        return undefined;
    }
  });
};
