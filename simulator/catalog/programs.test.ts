import { describe, expect, it } from "vitest";
import type { SimulatedClock } from "xstate";
import { testSimulator } from "../../tests/unit/helpers.ts";

/** Let pending promises and timers scheduled at the current simulated time run. */
const tick = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
};
/** Advance simulated time step by step, so timers set along the way fire too. */
async function advance(clock: SimulatedClock, ms: number, step = 500) {
  for (let t = 0; t < ms; t += step) {
    clock.increment(step);
    await tick();
  }
}
const logs = async (sim: ReturnType<typeof testSimulator>["sim"], name: string) => {
  const r = await sim.exec(`docker logs ${name}`);
  return r.stdout + r.stderr;
};

describe("nginx", () => {
  it("logs the entrypoint's and nginx's start-up lines, and stops gracefully on SIGQUIT at once", async () => {
    const { sim, clock } = testSimulator();
    await sim.exec("docker run -d --name web nginx");
    await tick();
    const r = await sim.exec("docker logs web");
    expect(r.stdout.split("\n")[0]).toBe("/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration");
    expect(r.stdout).toContain("10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf\n");
    expect(r.stdout).toContain("/docker-entrypoint.sh: Configuration complete; ready for start up\n");
    expect(r.stderr).toContain("2026/11/28 12:00:00 [notice] 1#1: nginx/1.29.3\n");
    expect(r.stderr).toMatch(/\[notice\] 1#1: start worker process \d+\n$/);

    const start = clock.now();
    const stop = await sim.exec("docker stop web");
    expect(stop).toEqual({ stdout: "web\n", stderr: "", exitCode: 0 });
    expect(clock.now() - start).toBeLessThan(10_000);
    expect((await sim.exec("docker inspect -f '{{.State.ExitCode}} {{.State.Status}}' web")).stdout).toBe("0 exited\n");
    const after = await logs(sim, "web");
    expect(after).toContain("[notice] 1#1: signal 3 (SIGQUIT) received, shutting down\n");
    expect(after).toMatch(/\[notice\] \d+#\d+: gracefully shutting down\n/);
    expect(after.trimEnd().endsWith("[notice] 1#1: exit")).toBe(true);
  });

  it("exits fast on SIGTERM, and a restart finds IPv6 already enabled", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker run -d --name web nginx");
    await tick();
    await sim.exec("docker kill -s TERM web");
    await tick();
    expect(await logs(sim, "web")).toContain("[notice] 1#1: signal 15 (SIGTERM) received, exiting\n");
    expect((await sim.exec("docker inspect -f '{{.State.ExitCode}}' web")).stdout).toBe("0\n");
    await sim.exec("docker start web");
    await tick();
    expect(await logs(sim, "web")).toContain("10-listen-on-ipv6-by-default.sh: info: /etc/nginx/conf.d/default.conf differs from the packaged version\n");
  });

  it("answers -v on stderr and -t, and runs other commands after the entrypoint", async () => {
    const { sim } = testSimulator();
    const v = await sim.exec("docker run --rm nginx nginx -v");
    expect(v.stderr).toContain("nginx version: nginx/1.29.3\n");
    const t = await sim.exec("docker run --rm nginx:alpine nginx -t");
    expect(t.stderr).toContain("nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n");
    expect((await sim.exec("docker run --rm nginx echo hi")).stdout).toBe("hi\n");
    expect((await sim.exec("docker run --rm nginx:stable nginx -v")).stderr).toContain("nginx/1.28.0");
  });
});

describe("mysql", () => {
  it("refuses to initialise without a password setting (exit 1)", async () => {
    const { sim } = testSimulator();
    const r = await sim.exec("docker run mysql:8.0");
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain("[Note] [Entrypoint]: Entrypoint script for MySQL Server 8.0.44-1.el9 started.\n");
    expect(r.stderr).toContain(
      "2026-11-28 12:00:00+00:00 [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified\n    You need to specify one of the following as an environment variable:\n    - MYSQL_ROOT_PASSWORD\n    - MYSQL_ALLOW_EMPTY_PASSWORD\n    - MYSQL_RANDOM_ROOT_PASSWORD\n",
    );
  });

  it("initialises, becomes ready for connections, shuts down on SIGTERM and skips initialisation next time", async () => {
    const { sim, clock } = testSimulator();
    await sim.exec("docker run -d -e MYSQL_ROOT_PASSWORD=x -e MYSQL_DATABASE=blog --name db mysql:8.4");
    await tick();
    expect(await logs(sim, "db")).not.toContain("ready for connections. Version: '8.4.7'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306");
    await advance(clock, 10_000);
    const first = await logs(sim, "db");
    expect(first).toContain("[Note] [Entrypoint]: Database files initialized\n");
    expect(first).toContain("[Note] [Entrypoint]: Creating database blog\n");
    expect(first).toContain("[Note] [Entrypoint]: MySQL init process done. Ready for start up.\n");
    expect(first).toContain("[System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '8.4.7'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.\n");
    expect((await sim.exec("docker exec db ls /var/lib/mysql")).stdout).toContain("ibdata1");

    expect((await sim.exec("docker stop db")).exitCode).toBe(0);
    expect((await sim.exec("docker inspect -f '{{.State.ExitCode}}' db")).stdout).toBe("0\n");
    expect(await logs(sim, "db")).toContain("Received SHUTDOWN from user <via user signal>. Shutting down mysqld (Version: 8.4.7).");

    await sim.exec("docker start db");
    await advance(clock, 2_000);
    const second = await logs(sim, "db");
    expect(second.match(/Initializing database files/g)).toHaveLength(1);
    expect(second.match(/port: 3306 {2}MySQL Community Server - GPL\./g)).toHaveLength(2);
  });

  it("logs 5.7's older format", async () => {
    const { sim, clock } = testSimulator();
    await sim.exec("docker run -d -e MYSQL_ALLOW_EMPTY_PASSWORD=1 --name old mysql:5.7");
    await advance(clock, 10_000);
    const out = await logs(sim, "old");
    expect(out).toContain("[Note] mysqld: ready for connections.\nVersion: '5.7.44'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server (GPL)\n");
    expect((await sim.exec("docker run --rm mysql:5.7 mysql --version")).stdout).toBe("mysql  Ver 14.14 Distrib 5.7.44, for Linux (x86_64) using  EditLine wrapper\n");
  });
});

describe("postgres", () => {
  it("refuses without POSTGRES_PASSWORD", async () => {
    const { sim } = testSimulator();
    const r = await sim.exec("docker run postgres:17");
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('Error: Database is uninitialized and superuser password is not specified.\n       You must specify POSTGRES_PASSWORD to a non-empty value for the\n       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".\n');
  });

  it("initialises, stops fast on SIGINT (its stop signal) and skips initialisation on restart", async () => {
    const { sim, clock } = testSimulator();
    await sim.exec("docker run -d -e POSTGRES_PASSWORD=pw --name pg postgres:17");
    await advance(clock, 3_000);
    const out = await logs(sim, "pg");
    expect(out).toContain("PostgreSQL init process complete; ready for start up.\n");
    expect(out).toMatch(/UTC \[1\] LOG: {2}database system is ready to accept connections\n$/);
    expect((await sim.exec("docker stop pg")).exitCode).toBe(0);
    expect(await logs(sim, "pg")).toContain("[1] LOG:  received fast shutdown request\n");
    await sim.exec("docker start pg");
    await tick();
    expect(await logs(sim, "pg")).toContain("PostgreSQL Database directory appears to contain a database; Skipping initialization\n");
    await sim.exec("docker kill -s TERM pg");
    await tick();
    expect(await logs(sim, "pg")).toContain("[1] LOG:  received smart shutdown request\n");
    expect((await sim.exec("docker run --rm postgres:16 psql --version")).stdout).toBe("psql (PostgreSQL) 16.11 (Debian 16.11-1.pgdg13+1)\n");
  });
});

describe("redis", () => {
  it("starts, answers redis-cli in the container, and saves and exits 0 on docker stop", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker run -d --name cache redis");
    await tick();
    const out = await logs(sim, "cache");
    expect(out).toContain("1:C 28 Nov 2026 12:00:00.000 * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo\n");
    expect(out).toContain("* Redis version=8.2.3, bits=64");
    expect(out).toMatch(/\* Ready to accept connections tcp\n$/);
    expect((await sim.exec("docker exec cache redis-cli ping")).stdout).toBe("PONG\n");
    expect((await sim.exec("docker exec cache redis-cli set greeting hello")).stdout).toBe("OK\n");
    expect((await sim.exec("docker stop cache")).exitCode).toBe(0);
    expect((await sim.exec("docker inspect -f '{{.State.ExitCode}}' cache")).stdout).toBe("0\n");
    const stopped = await logs(sim, "cache");
    expect(stopped).toMatch(/1:signal-handler \(\d+\) Received SIGTERM scheduling shutdown\.\.\.\n/);
    expect(stopped).toContain("# Redis is now ready to exit, bye bye...\n");
    await sim.exec("docker start cache");
    await tick();
    expect(await logs(sim, "cache")).toContain("* Done loading RDB, keys loaded: 1, keys expired: 0.\n");
    expect((await sim.exec("docker exec cache redis-cli get greeting")).stdout).toBe("hello\n");
  });

  it("redis-cli without a server gets connection refused", async () => {
    const { sim } = testSimulator();
    const r = await sim.exec("docker run --rm redis:7.4 redis-cli ping");
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain("Could not connect to Redis at 127.0.0.1:6379: Connection refused\n");
  });
});

describe("httpd and wordpress", () => {
  it("httpd starts in the foreground, stops gracefully on SIGWINCH (its stop signal)", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker run -d --name site httpd:2.4");
    await tick();
    const out = await logs(sim, "site");
    expect(out).toContain("AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using 172.17.0.2. Set the 'ServerName' directive globally to suppress this message\n");
    expect(out).toMatch(/\[Sat Nov 28 12:00:00\.000000 2026\] \[mpm_event:notice\] \[pid 1:tid 1\] AH00489: Apache\/2\.4\.65 \(Unix\) configured -- resuming normal operations\n/);
    expect(out).toContain("AH00094: Command line: 'httpd -D FOREGROUND'\n");
    expect((await sim.exec("docker stop site")).exitCode).toBe(0);
    expect(await logs(sim, "site")).toContain("AH00492: caught SIGWINCH, shutting down gracefully\n");
    expect((await sim.exec("docker run --rm httpd httpd -v")).stdout).toMatch(/^Server version: Apache\/2\.4\.65 \(Unix\)\n/);
  });

  it("wordpress copies itself into /var/www/html, writes wp-config.php and runs apache with PHP", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker run -d --name blog -e WORDPRESS_DB_HOST=db -e WORDPRESS_DB_USER=wp -e WORDPRESS_DB_PASSWORD=pw wordpress");
    await tick();
    const out = await logs(sim, "blog");
    expect(out).toContain("WordPress not found in /var/www/html - copying now...\nComplete! WordPress has been successfully copied to /var/www/html\n");
    expect(out).toContain("No 'wp-config.php' found in /var/www/html, but 'WORDPRESS_...' variables supplied; copying '/usr/src/wordpress/wp-config-docker.php' (WORDPRESS_DB_HOST WORDPRESS_DB_PASSWORD WORDPRESS_DB_USER)\n");
    expect(out).toContain("AH00163: Apache/2.4.65 (Debian) PHP/8.3.27 configured -- resuming normal operations\n");
    expect((await sim.exec("docker exec blog cat /var/www/html/wp-includes/version.php")).stdout).toContain("$wp_version = '6.8.3';");
    expect((await sim.exec("docker exec blog ls /var/www/html")).stdout).toContain("wp-config.php");
    expect((await sim.exec("docker stop blog")).exitCode).toBe(0);
    expect(await logs(sim, "blog")).toContain("AH00170: caught SIGWINCH, shutting down gracefully\n");
  });
});

describe("registry", () => {
  it("registry:3 serves /etc/distribution/config.yml and drains on SIGTERM; registry:2 exits 2", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker run -d --name reg registry");
    await tick();
    expect(await logs(sim, "reg")).toMatch(/level=info msg="listening on \[::\]:5000" go\.version=go1\.23\.7 .* version=3\.0\.0\n$/);
    await sim.exec("docker stop reg");
    expect((await sim.exec("docker inspect -f '{{.State.ExitCode}}' reg")).stdout).toBe("0\n");
    await sim.exec("docker run -d --name reg2 registry:2");
    await tick();
    await sim.exec("docker stop reg2");
    expect((await sim.exec("docker inspect -f '{{.State.ExitCode}}' reg2")).stdout).toBe("2\n");
  });
});

describe("language runtimes", () => {
  it("python prints its version and runs print() one-liners without eval", async () => {
    const { sim } = testSimulator();
    expect((await sim.exec("docker run python:3.13 python3 --version")).stdout).toBe("Python 3.13.9\n");
    expect((await sim.exec("docker run --rm python:3.12-slim python --version")).stdout).toBe("Python 3.12.12\n");
    expect((await sim.exec("docker run --rm python:3.13-slim python3 -c 'print(1+2); print(\"hi\", 7/2, 2**70, 4/2)'")).stdout).toBe("3\nhi 3.5 1180591620717411303424 2.0\n");
    const bad = await sim.exec("docker run --rm python:3.13-slim python3 -c 'print(1+\"a\")'");
    expect(bad.exitCode).toBe(1);
    expect(bad.stderr).toContain("TypeError: unsupported operand type(s) for +: 'int' and 'str'\n");
    expect((await sim.exec("docker run --rm python:3.13-slim pip --version")).stdout).toBe("pip 25.2 from /usr/local/lib/python3.13/site-packages/pip (python 3.13)\n");
  });

  it("node prints its version, evaluates console.log one-liners, and npm its version", async () => {
    const { sim } = testSimulator();
    expect((await sim.exec("docker run --rm node:24 node -v")).stdout).toBe("v24.11.1\n");
    expect((await sim.exec("docker run --rm node:24-alpine -v")).stdout).toBe("v24.11.1\n");
    expect((await sim.exec("docker run --rm node:22 node -e 'console.log(1+2, \"a\" + 1)'")).stdout).toBe("3 a1\n");
    expect((await sim.exec("docker run --rm node:22 npm -v")).stdout).toBe("10.9.4\n");
    expect((await sim.exec("docker run --rm node:lts npx -v")).stdout).toBe("11.6.2\n");
  });
});
