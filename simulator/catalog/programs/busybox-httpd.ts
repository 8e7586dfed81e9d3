/** BusyBox's httpd applet: `httpd -f -p 80 -h /www` serves a directory (without -f it daemonises and PID 1 ends). */
import type { Program } from "../../engine/process.ts";
import { serve } from "./service.ts";
import { staticSite } from "./web-server.ts";

export const busyboxHttpd: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  let port = 80;
  let home = ctx.cwd;
  let foreground = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "-f") foreground = true;
    else if (arg === "-p") port = Number((args[++i] ?? "80").split(":").pop());
    else if (arg === "-h") home = args[++i] ?? home;
    else if (/^-[fv]+$/.test(arg)) foreground ||= arg.includes("f");
  }
  if (!foreground) return 0;
  const root = home.replace(/\/$/, "");
  ctx.listen(port, staticSite(ctx, {
    root,
    server: "",
    errorPage: (status) => (status === 404 ? "<HTML><HEAD><TITLE>404 Not Found</TITLE></HEAD>\n<BODY><H1>404 Not Found</H1>\nThe requested URL was not found\n</BODY></HTML>\n" : `<HTML><HEAD><TITLE>${status}</TITLE></HEAD>\n<BODY><H1>${status}</H1>\n</BODY></HTML>\n`),
    accessLog: () => "",
  }));
  // BusyBox httpd installs no SIGTERM handler of its own: as PID 1 it waits for SIGKILL.
  return serve(ctx, () => undefined);
};
