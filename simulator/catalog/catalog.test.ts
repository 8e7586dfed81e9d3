import { describe, expect, it } from "vitest";
import { catalogImages } from "./images.ts";
import { programs } from "./programs/index.ts";
import type { CatalogImage } from "./types.ts";
import { testSimulator } from "../../tests/unit/helpers.ts";

/** Every path an image's layers provide, following the symlinks they define (relative or absolute). */
function contents(image: CatalogImage) {
  const executables = new Set<string>();
  const symlinks = new Map<string, string>();
  for (const layer of image.layers) {
    for (const path of layer.executables ?? []) executables.add(path);
    for (const [path, target] of Object.entries(layer.symlinks ?? {})) symlinks.set(path, target.startsWith("/") ? target : `${path.slice(0, path.lastIndexOf("/"))}/${target}`);
  }
  const normalise = (path: string) => path.split("/").reduce<string[]>((acc, part) => (part === ".." ? acc.slice(0, -1) : part && part !== "." ? [...acc, part] : acc), []).join("/");
  const resolve = (path: string): string => {
    for (let i = 0; i < 10; i++) {
      const parts = `/${normalise(path)}`.split("/");
      let changed = false;
      for (let n = parts.length; n > 1; n--) {
        const prefix = parts.slice(0, n).join("/");
        const target = symlinks.get(prefix);
        if (target) {
          path = `/${normalise(target + "/" + parts.slice(n).join("/"))}`;
          changed = true;
          break;
        }
      }
      if (!changed) return `/${normalise(path)}`;
    }
    return path;
  };
  const env = Object.fromEntries(image.config.Env.map((e) => [e.slice(0, e.indexOf("=")), e.slice(e.indexOf("=") + 1)]));
  const findOnPath = (name: string) => {
    const candidates = name.includes("/") ? [name] : (env["PATH"] ?? "").split(":").map((dir) => `${dir}/${name}`);
    return candidates.map(resolve).find((p) => executables.has(p));
  };
  return { executables, resolve, findOnPath };
}

const label = (i: CatalogImage) => `${i.repository}:${i.tags[0]}`;

describe("the catalog", () => {
  it("has unique tags and build dates per repository", () => {
    const byRepo = new Map<string, CatalogImage[]>();
    for (const image of catalogImages) byRepo.set(image.repository, [...(byRepo.get(image.repository) ?? []), image]);
    for (const [repo, builds] of byRepo) {
      const tags = builds.flatMap((b) => b.tags);
      expect(new Set(tags).size, `duplicate tag in ${repo}`).toBe(tags.length);
      expect(new Set(builds.map((b) => b.created)).size, `two builds of ${repo} share a created time (and so a digest)`).toBe(builds.length);
      expect(tags, `${repo} has no latest`).toContain("latest");
    }
  });

  it.each(catalogImages.map((i) => [label(i), i] as const))("%s is well formed", (_name, image) => {
    expect(image.description.length).toBeGreaterThan(0);
    expect(image.stars).toBeGreaterThan(0);
    expect(Number.isNaN(Date.parse(image.created))).toBe(false);
    expect(Date.parse(image.created)).toBeLessThan(Date.UTC(2026, 10, 28));
    for (const layer of image.layers) {
      expect(layer.size, layer.key).toBeGreaterThan(0);
      expect(layer.compressed, layer.key).toBeGreaterThan(0);
      expect(layer.createdBy.length, layer.key).toBeGreaterThan(0);
    }
    const argv = [...(image.config.Entrypoint ?? []), ...(image.config.Cmd ?? [])];
    expect(argv.length).toBeGreaterThan(0);
    expect(image.config.Env.some((e) => e.startsWith("PATH="))).toBe(true);
    const { executables, findOnPath } = contents(image);
    // The Entrypoint (or the Cmd when there is none) must be an executable the runtime finds.
    expect(findOnPath(argv[0]!), `${argv[0]} not found in ${label(image)}`).toBeDefined();
    for (const [path, name] of Object.entries(image.programs ?? {})) {
      expect(executables.has(path), `${path} is not an executable of ${label(image)}`).toBe(true);
      expect(programs[name], `program ${name} is not registered`).toBeDefined();
    }
  });

  it("layers with one key are the same layer everywhere", () => {
    const seen = new Map<string, string>();
    for (const layer of catalogImages.flatMap((i) => i.layers)) {
      const fingerprint = JSON.stringify([layer.size, layer.compressed, layer.createdBy]);
      expect(seen.get(layer.key) ?? fingerprint, layer.key).toBe(fingerprint);
      seen.set(layer.key, fingerprint);
    }
  });

  it("the images' service commands are modelled programs", () => {
    for (const image of catalogImages.filter((i) => ["nginx", "httpd", "redis", "mysql", "postgres", "wordpress", "registry"].includes(i.repository))) {
      const { findOnPath, resolve } = contents(image);
      const first = findOnPath([...(image.config.Entrypoint ?? []), ...(image.config.Cmd ?? [])][0]!)!;
      expect(image.programs?.[first] ?? image.programs?.[resolve(first)], label(image)).toBeDefined();
    }
  });

  it("pulls nginx on the base layer python:3.13-slim already brought", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker pull python:3.13-slim");
    const r = await sim.exec("docker pull nginx");
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines[1]).toBe("latest: Pulling from library/nginx");
    expect(lines[2]).toMatch(/^[0-9a-f]{12}: Already exists$/);
    expect(lines.filter((l) => l.endsWith("Already exists"))).toHaveLength(1);
    expect(lines.filter((l) => l.endsWith("Pull complete"))).toHaveLength(6);
  });

  it("pulls node:24 on the four buildpack-deps layers python:3.13 shares", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker pull python:3.13");
    const r = await sim.exec("docker pull node:24");
    expect(r.stdout.split("\n").filter((l) => l.endsWith("Already exists"))).toHaveLength(4);
  });

  it("shows plausible sizes in docker images", async () => {
    const { sim } = testSimulator();
    for (const ref of ["nginx", "nginx:alpine", "python:3.13-slim", "mysql:8.4", "postgres:17", "redis", "alpine:3.21", "ubuntu:22.04"]) await sim.exec(`docker pull ${ref}`);
    const r = await sim.exec("docker images --format '{{.Repository}}:{{.Tag}} {{.Size}}'");
    const sizes = Object.fromEntries(r.stdout.trim().split("\n").map((l) => l.split(" ")));
    expect(sizes).toMatchObject({ "nginx:latest": "152MB", "nginx:alpine": "52.9MB", "python:3.13-slim": "125MB", "alpine:3.21": "7.83MB", "ubuntu:22.04": "77.9MB" });
    expect(sizes["mysql:8.4"]).toMatch(/^7\d\dMB$/);
    expect(sizes["postgres:17"]).toMatch(/^4\d\dMB$/);
  });

  it("ships Ubuntu 16.04 as xenial with real /bin, and 24.04 with a merged /usr", async () => {
    const { sim } = testSimulator();
    const xenial = await sim.exec("docker run --rm ubuntu:16.04 cat /etc/os-release");
    expect(xenial.stdout).toContain('VERSION="16.04.7 LTS (Xenial Xerus)"');
    expect(xenial.stdout).toContain("VERSION_CODENAME=xenial");
    expect((await sim.exec("docker run --rm ubuntu:16.04 sh -c 'test -L /bin || echo dir'")).stdout).toBe("dir\n");
    expect((await sim.exec("docker run --rm ubuntu readlink /bin")).stdout).toBe("usr/bin\n");
  });

  it("serves nginx's welcome page and httpd's It works!", async () => {
    const { sim } = testSimulator();
    expect((await sim.exec("docker run --rm --entrypoint cat nginx /usr/share/nginx/html/index.html")).stdout).toContain("<h1>Welcome to nginx!</h1>");
    expect((await sim.exec("docker run --rm httpd cat /usr/local/apache2/htdocs/index.html")).stdout).toBe("<html><body><h1>It works!</h1></body></html>\n");
  });
});
