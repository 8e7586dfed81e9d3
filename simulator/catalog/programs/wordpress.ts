/** The wordpress image's docker-entrypoint.sh: copies WordPress into /var/www/html, writes wp-config.php, execs apache. */
import type { Program, ProcessContext } from "../../engine/process.ts";
import { apache2, apache2Foreground, php } from "./httpd.ts";
import { execNext, resolveHost } from "./service.ts";
import { wordpressSite } from "./wordpress-site.ts";

const HTML = "/var/www/html";
const SOURCE = "/usr/src/wordpress";

async function copyTree(ctx: ProcessContext, from: string, to: string): Promise<void> {
  for (const name of await ctx.fs.readdir(from)) {
    const src = `${from}/${name}`;
    const dst = `${to}/${name}`;
    if ((await ctx.fs.stat(src)).isDirectory) {
      await ctx.fs.mkdir(dst, { recursive: true });
      await copyTree(ctx, src, dst);
    } else if (!(await ctx.fs.exists(dst))) {
      await ctx.fs.writeFile(dst, await ctx.fs.readFile(src));
    }
  }
}

export const wordpressEntrypoint: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  const log = (line: string) => ctx.stderr(`${line}\n`);
  if (args[0]?.startsWith("apache2") || args[0] === "php-fpm") {
    await ctx.fs.mkdir(HTML, { recursive: true });
    if (!(await ctx.fs.exists(`${HTML}/index.php`)) && !(await ctx.fs.exists(`${HTML}/wp-includes/version.php`))) {
      log(`WordPress not found in ${HTML} - copying now...`);
      if ((await ctx.fs.readdir(HTML)).some((n) => n !== "wp-content")) log(`WARNING: ${HTML} is not empty! (copying anyhow)`);
      await copyTree(ctx, SOURCE, HTML);
      await ctx.fs.rm(`${HTML}/wp-config-docker.php`, { force: true });
      log(`Complete! WordPress has been successfully copied to ${HTML}`);
    }
    const wpEnvs = Object.keys(ctx.env).filter((k) => k.startsWith("WORDPRESS_")).sort();
    const hasConfig = (await ctx.fs.exists(`${HTML}/wp-config.php`)) && (await ctx.fs.readFile(`${HTML}/wp-config.php`)).length > 0;
    if (!hasConfig && wpEnvs.length > 0) {
      const template = `${SOURCE}/wp-config-docker.php`;
      log(`No 'wp-config.php' found in ${HTML}, but 'WORDPRESS_...' variables supplied; copying '${template}' (${wpEnvs.join(" ")})`);
      await ctx.fs.writeFile(`${HTML}/wp-config.php`, await ctx.fs.readFile(template));
    }
  }
  if (args.length === 0) return 0;
  // Apache answers through mod_php: WordPress's pages in front of the static files.
  const withWordPress = (server: Program): Program => (c) => server({ ...c, listen: (port, handler) => c.listen(port, port === 80 ? wordpressSite(c, handler) : handler) });
  return execNext(ctx, args, { "apache2-foreground": withWordPress(apache2Foreground), apache2: withWordPress(apache2), php }, HTML);
};

/**
 * What PHP logs when a page is requested and the database cannot be reached: the current image's
 * entrypoint no longer waits for the database, so the error shows on each request (for the HTTP layer).
 */
export async function wordpressDatabaseError(ctx: ProcessContext): Promise<string | undefined> {
  const host = (ctx.env["WORDPRESS_DB_HOST"] ?? "mysql").replace(/:\d+$/, "");
  if (await resolveHost(ctx, host)) return undefined;
  return `PHP Warning:  mysqli_real_connect(): php_network_getaddresses: getaddrinfo for ${host} failed: Name or service not known in /var/www/html/wp-includes/class-wpdb.php on line 1988`;
}
