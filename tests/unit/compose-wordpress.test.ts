import { describe, expect, it } from "vitest";
import { composeScene, events } from "./compose-helpers.ts";
import { SEED_WORDPRESS } from "./compose-fixtures.ts";


/** As the seed prints it: `depends_on` over-indented, `- db` under-indented. */
const AS_PRINTED = SEED_WORDPRESS.replace("    depends_on:\n      - db\n", "        depends_on:\n       - db\n").replace(/^version: '3'\n/, "version: '3'\n");

describe("the seed's wordpress + mysql example", () => {
  it("rejects the file as printed with a YAML error that points at a line", async () => {
    const scene = await composeScene(AS_PRINTED, { dir: "blog" });
    const r = await scene.sim.exec("docker-compose up -d");
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/yaml: line \d+: did not find expected key/);
    expect((await scene.sim.exec("docker ps -aq")).stdout).toBe("");
  });

  it("comes up with mysql before wordpress, serves the installer, and goes down keeping its volumes", async () => {
    const scene = await composeScene(SEED_WORDPRESS, { dir: "blog" });
    const { sim } = scene;
    const up = await sim.exec("docker-compose up -d");
    expect(up.exitCode).toBe(0);
    expect(up.stderr).toContain("WARN[0000] /home/learner/blog/compose.yaml: the attribute `version` is obsolete, it will be ignored, please remove it to avoid potential confusion\n");
    const lines = events(up.stderr);
    expect(lines).toEqual(expect.arrayContaining(["Network blog_default Created", "Volume blog_db Created", "Volume blog_wordpress Created", "Container blog-db-1 Started", "Container blog-wordpress-1 Started"]));
    expect(lines.indexOf("Container blog-db-1 Started")).toBeLessThan(lines.indexOf("Container blog-wordpress-1 Starting"));

    // mysql initialises its datadir for a few seconds before it answers on 3306.
    await scene.wait(15_000);
    const ps = await sim.exec("docker-compose ps");
    expect(ps.stdout.split("\n")[0]).toMatch(/^NAME\s+IMAGE\s+COMMAND\s+SERVICE\s+CREATED\s+STATUS\s+PORTS$/);
    expect(ps.stdout).toMatch(/blog-db-1\s+mysql:5\.7\s+"docker-entrypoint\.s…"\s+db\s+15 seconds ago\s+Up 15 seconds\s+3306\/tcp, 33060\/tcp/);
    expect(ps.stdout).toMatch(/blog-wordpress-1\s+wordpress\s+"docker-entrypoint\.s…"\s+wordpress\s+.*0\.0\.0\.0:80->80\/tcp, \[::\]:80->80\/tcp/);

    const home = await sim.exec("curl -si localhost:80");
    expect(home.stdout).toMatch(/^HTTP\/1\.1 302 Found\r?\n/);
    expect(home.stdout).toContain("Location: http://localhost/wp-admin/install.php");
    const install = await sim.exec("curl -sL localhost");
    expect(install.stdout).toContain("<title>WordPress &rsaquo; Installation</title>");
    expect(install.stdout).toContain("Install WordPress");

    const logs = await sim.exec("docker compose logs --no-color");
    expect(logs.stdout).toContain("db-1         | 2026-11-28 12:00:06+00:00 [Note] [Entrypoint]: MySQL init process done. Ready for start up.\n");
    expect(logs.stderr).toContain("db-1         | Version: '5.7.44'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server (GPL)\n");
    expect(logs.stderr).toContain("wordpress-1  | Complete! WordPress has been successfully copied to /var/www/html\n");
    // WordPress reached the database: the request went through PHP to the installer, no connection error.
    expect(logs.stdout).toMatch(/wordpress-1  \| 172\.\d+\.0\.1 - - \[28\/Nov\/2026:12:00:15 \+0000\] "GET \/ HTTP\/1\.1" 302 \d+ "-" "curl\/[\d.]+"\n/);
    expect(logs.stderr).not.toContain("mysqli_real_connect");

    const down = await sim.exec("docker-compose down");
    expect(down.exitCode).toBe(0);
    expect(events(down.stderr)).toEqual([
      "Container blog-wordpress-1 Stopping", "Container blog-wordpress-1 Stopped", "Container blog-wordpress-1 Removing", "Container blog-wordpress-1 Removed",
      "Container blog-db-1 Stopping", "Container blog-db-1 Stopped", "Container blog-db-1 Removing", "Container blog-db-1 Removed",
      "Network blog_default Removing", "Network blog_default Removed",
    ]);
    expect((await sim.exec("docker ps -aq")).stdout).toBe("");
    expect((await sim.exec("docker network ls --format '{{.Name}}'")).stdout).not.toContain("blog_default");
    expect((await sim.exec("docker volume ls -q")).stdout).toBe("blog_db\nblog_wordpress\n");

    // Up again on the kept volumes: mysql finds its datadir and starts straight away.
    await sim.exec("docker-compose up -d");
    await scene.wait(3_000);
    expect((await sim.exec("docker compose logs db")).stdout).not.toContain("Initializing database files");

    const gone = await sim.exec("docker-compose down -v");
    expect(events(gone.stderr)).toEqual(expect.arrayContaining(["Volume blog_db Removed", "Volume blog_wordpress Removed"]));
    expect((await sim.exec("docker volume ls -q")).stdout).toBe("");
  });

  it("shows the database error while mysql is still starting", async () => {
    const scene = await composeScene(SEED_WORDPRESS.replace("version: '3'\n", ""), { dir: "blog" });
    await scene.sim.exec("docker compose up -d");
    await scene.wait(1_000);
    const early = await scene.sim.exec("curl -s localhost");
    expect(early.stdout).toContain("<h1>Error establishing a database connection</h1>");
    const logs = await scene.sim.exec("docker compose logs wordpress");
    expect(logs.stderr).toContain("PHP Warning:  mysqli_real_connect(): (HY000/2002): Connection refused in /var/www/html/wp-includes/class-wpdb.php on line 1988");
  });
});
