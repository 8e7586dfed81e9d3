/** Static file serving for the web server models: nginx and Apache answer requests from their document roots. */
import type { ProcessContext } from "../../engine/process.ts";
import { bodyBytes, httpDate, staticFile, type HttpHandler, type HttpRequest, type HttpResponse } from "../../engine/http.ts";

export interface StaticSite {
  root: string;
  /** `nginx/1.29.3`, `Apache/2.4.65 (Unix)` */
  server: string;
  /** The server's own error page. */
  errorPage(status: number, path: string): string;
  /** One access-log line for a request (written to stdout, as both images do). */
  accessLog(request: HttpRequest, response: HttpResponse, time: number): string;
  /** An error-log line for a missing file, if the server writes one. */
  missingLog?(request: HttpRequest, file: string, time: number): string;
}

/** A handler that serves `site.root`, with the server's headers, errors and logs. */
export function staticSite(ctx: ProcessContext, site: StaticSite): HttpHandler {
  return async (request) => {
    const time = ctx.clock.now();
    const base: Record<string, string> = { ...(site.server ? { Server: site.server } : {}), Date: httpDate(time) };
    let response: HttpResponse;
    if (!["GET", "HEAD"].includes(request.method)) {
      response = page(405, site, request.path, base);
    } else {
      const found = await staticFile(ctx.fs, site.root, request.path);
      if (found === "forbidden") response = page(403, site, request.path, base);
      else if (!found) {
        response = page(404, site, request.path, base);
        if (site.missingLog) ctx.stderr(site.missingLog(request, `${site.root}${request.path.split("?")[0]}`, time));
      } else {
        const length = bodyBytes(found).length;
        response = {
          status: 200,
          headers: { ...base, "Content-Type": found.type, "Content-Length": String(length), "Last-Modified": httpDate(Date.UTC(2025, 9, 7, 17, 4, 7)), Connection: "keep-alive", ETag: `"68e5492f-${length.toString(16)}"`, "Accept-Ranges": "bytes" },
          ...(request.method === "HEAD" ? { body: "" } : { body: found.body, ...(found.bytes ? { bytes: found.bytes } : {}) }),
        };
      }
    }
    ctx.stdout(site.accessLog(request, response, time));
    return response;
  };
}

function page(status: number, site: StaticSite, path: string, base: Record<string, string>): HttpResponse {
  const body = site.errorPage(status, path);
  return { status, headers: { ...base, "Content-Type": "text/html", "Content-Length": String(new TextEncoder().encode(body).length), Connection: "keep-alive" }, body };
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** `28/Nov/2026:12:00:00 +0000`, the common log format's time. */
export function clfTime(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${two(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
}

/** nginx's access line: `172.17.0.1 - - [time] "GET / HTTP/1.1" 200 615 "-" "curl/8.14.1" "-"` */
export const nginxAccessLog = (request: HttpRequest, response: HttpResponse, time: number) =>
  `${request.remoteAddress} - - [${clfTime(time)}] "${request.method} ${request.path} HTTP/1.1" ${response.status} ${response.headers["Content-Length"] ?? 0} "${request.headers["Referer"] ?? "-"}" "${request.headers["User-Agent"] ?? "-"}" "-"\n`;

/** Apache's common log line: `172.17.0.1 - - [time] "GET / HTTP/1.1" 200 45` */
export const apacheAccessLog = (request: HttpRequest, response: HttpResponse, time: number) =>
  `${request.remoteAddress} - - [${clfTime(time)}] "${request.method} ${request.path} HTTP/1.1" ${response.status} ${response.headers["Content-Length"] ?? "-"}\n`;

export const nginxErrorPage = (version: string) => (status: number) => {
  const title = `${status} ${({ 403: "Forbidden", 404: "Not Found", 405: "Not Allowed" } as Record<number, string>)[status] ?? "Error"}`;
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx/${version}</center>\r\n</body>\r\n</html>\r\n`;
};

export const apacheErrorPage = (status: number, path: string) => {
  const [title, text] = status === 404
    ? ["Not Found", "The requested URL was not found on this server."]
    : status === 403 ? ["Forbidden", "You don't have permission to access this resource."] : ["Method Not Allowed", `The requested method is not allowed for this URL.`];
  void path;
  return `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>${status} ${title}</title>\n</head><body>\n<h1>${title}</h1>\n<p>${text}</p>\n</body></html>\n`;
};
