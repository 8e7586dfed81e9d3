/** What WordPress's PHP answers before it is installed: a redirect to the installer, its page, or the database error. */
import type { ProcessContext } from "../../engine/process.ts";
import { httpDate, type HttpHandler, type HttpRequest, type HttpResponse } from "../../engine/http.ts";
import { clfTime } from "./web-server.ts";

const HTML = "/var/www/html";

/** Debian apache2's `combined` log line, as the wordpress image writes it to stdout. */
const combinedLog = (request: HttpRequest, response: HttpResponse, time: number) =>
  `${request.remoteAddress} - - [${clfTime(time)}] "${request.method} ${request.path} HTTP/1.1" ${response.status} ${new TextEncoder().encode(response.body).length + 300} "${request.headers["Referer"] ?? "-"}" "${request.headers["User-Agent"] ?? "-"}"\n`;

const INSTALL_PAGE = `<!DOCTYPE html>
<html lang="en-US" xml:lang="en-US">
<head>
	<meta name="viewport" content="width=device-width, initial-scale=1.0" />
	<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
	<meta name="robots" content="noindex,nofollow" />
	<title>WordPress &rsaquo; Installation</title>
	<link rel='stylesheet' id='install-css' href='http://localhost/wp-admin/css/install.min.css?ver=6.8.3' type='text/css' media='all' />
</head>
<body class="wp-core-ui language-chooser">
<p id="logo">WordPress</p>

<h1>Welcome</h1>
<p>Welcome to the famous five-minute WordPress installation process! Just fill in the information below and you&#8217;ll be on your way to using the most extendable and powerful personal publishing platform in the world.</p>

<h2>Information needed</h2>
<p>Please provide the following information. Do not worry, you can always change these settings later.</p>

<form id="setup" method="post" action="install.php?step=2" novalidate="novalidate">
	<table class="form-table" role="presentation">
		<tr>
			<th scope="row"><label for="weblog_title">Site Title</label></th>
			<td><input name="weblog_title" type="text" id="weblog_title" size="25" value="" /></td>
		</tr>
		<tr>
			<th scope="row"><label for="user_login">Username</label></th>
			<td><input name="user_name" type="text" id="user_login" size="25" value="" autocapitalize="none" autocomplete="off" spellcheck="false" />
			<p>Usernames can have only alphanumeric characters, spaces, underscores, hyphens, periods, and the @ symbol.</p></td>
		</tr>
		<tr class="form-field form-required user-pass1-wrap">
			<th scope="row"><label for="pass1">Password</label></th>
			<td><input type="password" name="admin_password" id="pass1" class="regular-text" autocomplete="new-password" spellcheck="false" />
			<p><span class="description important"><strong>Important:</strong> You will need this password to log&nbsp;in. Please store it in a secure location.</span></p></td>
		</tr>
		<tr>
			<th scope="row"><label for="admin_email">Your Email</label></th>
			<td><input name="admin_email" type="email" id="admin_email" size="25" value="" />
			<p>Double-check your email address before continuing.</p></td>
		</tr>
		<tr>
			<th scope="row">Search engine visibility</th>
			<td><label for="blog_public"><input name="blog_public" type="checkbox" id="blog_public" value="0" /> Discourage search engines from indexing this site</label></td>
		</tr>
	</table>
	<p class="step"><input type="submit" name="Submit" id="submit" class="button button-large" value="Install WordPress" /></p>
	<input type="hidden" name="language" value="" />
</form>
</body>
</html>
`;

const DB_ERROR_PAGE = `<!DOCTYPE html>
<html lang="en-US">
<head>
	<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
	<meta name="viewport" content="width=device-width, initial-scale=1.0">
	<meta name='robots' content='max-image-preview:large, noindex, follow' />
	<title>Database Error</title>
</head>
<body id="error-page">
	<div class="wp-die-message"><h1>Error establishing a database connection</h1></div></body>
</html>
`;

/** Reach the database the way wp-config.php names it; a PHP warning (as PHP logs it) when that fails. */
async function reachDatabase(ctx: ProcessContext): Promise<string | undefined> {
  const [host = "mysql", portText] = (ctx.env["WORDPRESS_DB_HOST"] ?? "mysql").split(":");
  const port = portText && /^\d+$/.test(portText) ? Number(portText) : 3306;
  const reply = await ctx.connect(host, port, { method: "MYSQL", path: "/", headers: {}, body: "" });
  if (reply === "unresolved") return `PHP Warning:  mysqli_real_connect(): php_network_getaddresses: getaddrinfo for ${host} failed: Name or service not known in /var/www/html/wp-includes/class-wpdb.php on line 1988`;
  if (reply === "refused" || reply === "reset") return `PHP Warning:  mysqli_real_connect(): (HY000/2002): Connection refused in /var/www/html/wp-includes/class-wpdb.php on line 1988`;
  return undefined;
}

/**
 * Apache with mod_php in front of an uninstalled WordPress: PHP pages go through WordPress
 * (which connects to the database first), other files come from `fallback` (the static server).
 */
export function wordpressSite(ctx: ProcessContext, fallback: HttpHandler): HttpHandler {
  return async (request) => {
    const path = request.path.split("?")[0]!;
    const isPhp = path === "/" || path.endsWith(".php") || path.endsWith("/");
    if (!isPhp || !(await ctx.fs.exists(`${HTML}/wp-includes/version.php`).catch(() => false))) {
      if (!(await ctx.fs.exists(`${HTML}${path}`).catch(() => false)) && (await ctx.fs.exists(`${HTML}/index.php`).catch(() => false))) {
        // Pretty permalinks: .htaccess sends what is not a file to index.php.
        return wordpressSite(ctx, fallback)({ ...request, path: "/index.php" });
      }
      return fallback(request);
    }
    const time = ctx.clock.now();
    const base = { Server: "Apache/2.4.65 (Debian)", Date: httpDate(time), "X-Powered-By": `PHP/${ctx.env["PHP_VERSION"] ?? "8.3.27"}` };
    let response: HttpResponse;
    const dbError = await reachDatabase(ctx);
    if (dbError) {
      ctx.stderr(`[${new Date(time).toUTCString().replace(/^\w+, (\d+) (\w+) (\d+) ([\d:]+) GMT$/, "$1-$2-$3 $4")} UTC] ${dbError}\n`);
      response = { status: 500, headers: { ...base, "Content-Type": "text/html; charset=utf-8", "Content-Length": String(DB_ERROR_PAGE.length), Connection: "close" }, body: DB_ERROR_PAGE };
    } else if (path === "/wp-admin/install.php") {
      response = { status: 200, headers: { ...base, Expires: "Wed, 11 Jan 1984 05:00:00 GMT", "Cache-Control": "no-cache, must-revalidate, max-age=0, no-store, private", "Content-Type": "text/html; charset=utf-8", "Content-Length": String(new TextEncoder().encode(INSTALL_PAGE).length) }, body: request.method === "HEAD" ? "" : INSTALL_PAGE };
    } else {
      const host = request.headers["Host"] ?? "localhost";
      response = { status: 302, headers: { ...base, Expires: "Wed, 11 Jan 1984 05:00:00 GMT", "Cache-Control": "no-cache, must-revalidate, max-age=0, no-store, private", "X-Redirect-By": "WordPress", Location: `http://${host}/wp-admin/install.php`, "Content-Length": "0", "Content-Type": "text/html; charset=UTF-8" }, body: "" };
    }
    ctx.stdout(combinedLog(request, response, time));
    return response;
  };
}
