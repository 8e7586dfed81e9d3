/** Apache httpd: the httpd image's httpd-foreground and the php/wordpress images' apache2-foreground. */
import type { Program, ProcessContext } from "../../engine/process.ts";
import { containerAddress, serve, timestamps } from "./service.ts";
import { apacheAccessLog, apacheErrorPage, staticSite } from "./web-server.ts";

interface Flavour {
  /** The binary's name in messages (`httpd`, `apache2`). */
  name: string;
  banner: (ctx: ProcessContext) => string;
  mpm: "event" | "prefork";
  built: string;
}

const httpdVersion = (ctx: ProcessContext) => ctx.env["HTTPD_VERSION"] ?? "2.4.65";
const phpVersion = (ctx: ProcessContext) => ctx.env["PHP_VERSION"] ?? "8.3.27";

const HTTPD: Flavour = { name: "httpd", banner: (ctx) => `Apache/${httpdVersion(ctx)} (Unix)`, mpm: "event", built: "Jul 29 2025 21:24:01" };
const APACHE2: Flavour = { name: "apache2", banner: () => "Apache/2.4.65 (Debian)", mpm: "prefork", built: "2025-07-29T17:51:57" };
const withPhp: Flavour = { ...APACHE2, banner: (ctx) => `Apache/2.4.65 (Debian) PHP/${phpVersion(ctx)}` };

/** Message numbers differ between the event and prefork MPMs. */
const AH = {
  event: { configured: "AH00489", term: "AH00491", winch: "AH00492", usr1: "AH00493", hup: "AH00494" },
  prefork: { configured: "AH00163", term: "AH00169", winch: "AH00170", usr1: "AH00171", hup: "AH00173" },
};

async function runServer(ctx: ProcessContext, flavour: Flavour, commandLine: string): Promise<number> {
  const ah = AH[flavour.mpm];
  const log = (module: string, text: string) => ctx.stderr(`[${timestamps.apache(ctx.clock.now())}] [${module}:notice] [pid 1:tid 1] ${text}\n`);
  const address = await containerAddress(ctx);
  const fqdn = `AH00558: ${flavour.name}: Could not reliably determine the server's fully qualified domain name, using ${address}. Set the 'ServerName' directive globally to suppress this message\n`;
  // Once while checking the configuration, once more when the configuration is loaded for real.
  ctx.stderr(fqdn + fqdn);
  const started = () => {
    log(`mpm_${flavour.mpm}`, `${ah.configured}: ${flavour.banner(ctx)} configured -- resuming normal operations`);
    log("core", `AH00094: Command line: '${commandLine}'`);
  };
  started();
  // httpd.conf: Listen 80, DocumentRoot /usr/local/apache2/htdocs (Debian's apache2: /var/www/html).
  ctx.listen(80, staticSite(ctx, {
    root: flavour.name === "httpd" ? "/usr/local/apache2/htdocs" : "/var/www/html",
    server: flavour.banner(ctx),
    errorPage: apacheErrorPage,
    accessLog: apacheAccessLog,
  }));
  return serve(ctx, (signal) => {
    switch (signal) {
      case "SIGTERM":
      case "SIGINT":
        log(`mpm_${flavour.mpm}`, `${ah.term}: caught SIGTERM, shutting down`);
        return 0;
      case "SIGWINCH":
        log(`mpm_${flavour.mpm}`, `${ah.winch}: caught SIGWINCH, shutting down gracefully`);
        return 0;
      case "SIGUSR1":
        log(`mpm_${flavour.mpm}`, `${ah.usr1}: SIGUSR1 received.  Doing graceful restart`);
        ctx.stderr(fqdn);
        started();
        return undefined;
      case "SIGHUP":
        log(`mpm_${flavour.mpm}`, `${ah.hup}: SIGHUP received.  Attempting to restart`);
        ctx.stderr(fqdn);
        started();
        return undefined;
      default:
        return undefined;
    }
  });
}

/** `httpd -v`, `-V`, `-t`, and the server itself with -DFOREGROUND. */
function apacheBinary(flavour: Flavour): Program {
  return async (ctx) => {
    const args = ctx.argv.slice(1);
    if (args.includes("-v") || args.includes("-V")) {
      ctx.stdout(`Server version: ${flavour.name === "httpd" ? HTTPD.banner(ctx) : APACHE2.banner(ctx)}\nServer built:   ${flavour.built}\n`);
      if (args.includes("-V")) ctx.stdout(`Server's Module Magic Number: 20120211:141\nServer loaded:  APR 1.7.5, APR-UTIL 1.6.3, PCRE 10.45 2025-02-05\nCompiled using: APR 1.7.5, APR-UTIL 1.6.3, PCRE 10.45 2025-02-05\nArchitecture:   64-bit\nServer MPM:     ${flavour.mpm === "event" ? "event" : "prefork"}\n`);
      return 0;
    }
    if (args.includes("-t")) {
      const address = await containerAddress(ctx);
      ctx.stderr(`AH00558: ${flavour.name}: Could not reliably determine the server's fully qualified domain name, using ${address}. Set the 'ServerName' directive globally to suppress this message\nSyntax OK\n`);
      return 0;
    }
    const foreground = args.some((a, i) => a === "-DFOREGROUND" || (a === "-D" && args[i + 1] === "FOREGROUND"));
    if (!foreground) return 0; // it forks into the background and PID 1 returns
    return runServer(ctx, flavour, `${flavour.name} -D FOREGROUND`);
  };
}

export const httpd = apacheBinary(HTTPD);
export const apache2 = apacheBinary(APACHE2);

/** httpd-foreground: `rm -f logs/httpd.pid; exec httpd -DFOREGROUND "$@"` */
export const httpdForeground: Program = async (ctx) => {
  await ctx.fs.rm("/usr/local/apache2/logs/httpd.pid", { force: true }).catch(() => undefined);
  return runServer(ctx, HTTPD, "httpd -D FOREGROUND");
};

/** apache2-foreground (php:*-apache): Debian's apache2 with mod_php, prefork MPM. */
export const apache2Foreground: Program = async (ctx) => {
  const php = await ctx.fs.exists("/usr/local/bin/php");
  return runServer(ctx, php ? withPhp : APACHE2, "apache2 -D FOREGROUND");
};

/** `php -v` and friends; running PHP code is not modelled. */
export const php: Program = async (ctx) => {
  const v = phpVersion(ctx);
  const args = ctx.argv.slice(1);
  if (args[0] === "-v" || args[0] === "--version") {
    ctx.stdout(`PHP ${v} (cli) (built: Oct 28 2025 18:03:43) (NTS)\nCopyright (c) The PHP Group\nZend Engine v4.3.27, Copyright (c) Zend Technologies\n    with Zend OPcache v${v}, Copyright (c), by Zend Technologies\n`);
    return 0;
  }
  if (args[0] === "-m") {
    ctx.stdout("[PHP Modules]\nbcmath\nCore\nctype\ncurl\ndate\ndom\nexif\nfileinfo\nfilter\ngd\nhash\nimagick\nintl\niconv\njson\nlibxml\nmbstring\nmysqli\nmysqlnd\nopenssl\npcre\nPDO\npdo_sqlite\nreadline\nReflection\nsession\nSimpleXML\nsodium\nSPL\nsqlite3\nstandard\ntokenizer\nxml\nzip\nzlib\n\n[Zend Modules]\nZend OPcache\n\n");
    return 0;
  }
  const code = args[0] === "-r" ? args[1] ?? "" : "";
  const echo = /^\s*echo\s+(['"])(.*)\1\s*;?\s*$/.exec(code);
  if (echo) {
    ctx.stdout(echo[2]!.replace(/\\n/g, echo[1] === '"' ? "\n" : "\\n"));
    return 0;
  }
  ctx.stderr("php: the simulated PHP answers -v, -m and -r 'echo \"...\";' only\n");
  return 1;
};
