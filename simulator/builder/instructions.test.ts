// ONBUILD triggers, RUN --mount and ADD's archives and URLs, through docker build in the simulated shell.
import { describe, expect, it } from "vitest";
import { testSimulator } from "../../tests/unit/helpers.ts";

async function project(files: Record<string, string>) {
  const { sim, clock } = testSimulator();
  await sim.exec("mkdir app && cd app");
  for (const [name, text] of Object.entries(files)) {
    const dir = name.includes("/") ? name.slice(0, name.lastIndexOf("/")) : "";
    if (dir) await sim.exec(`mkdir -p ${dir}`);
    await sim.exec(`cat > ${name} <<'EOF'\n${text}\nEOF`);
  }
  return { sim, clock };
}

const dockerfile = (sim: Awaited<ReturnType<typeof project>>["sim"], name: string, text: string) => sim.exec(`cat > ${name} <<'EOF'\n${text}\nEOF`);

describe("ONBUILD", () => {
  it("runs the base image's triggers first when a later build uses it, then clears them", async () => {
    const { sim } = await project({ "app.txt": "the app" });
    await dockerfile(sim, "Base.Dockerfile", "FROM busybox\nONBUILD COPY app.txt /app/\nONBUILD RUN echo triggered > /app/trigger.txt\nCMD [\"cat\", \"/app/app.txt\"]");
    expect((await sim.exec("docker build -f Base.Dockerfile -t base .")).exitCode).toBe(0);
    expect((await sim.exec("docker image inspect --format '{{json .Config.OnBuild}}' base")).stdout).toBe('["COPY app.txt /app/","RUN echo triggered > /app/trigger.txt"]\n');
    // Building the base itself does not run them.
    expect((await sim.exec("docker run --rm base ls /app")).exitCode).not.toBe(0);

    await dockerfile(sim, "Dockerfile", "FROM base\nRUN cat /app/trigger.txt");
    const child = await sim.exec("docker build --progress=plain -t child .");
    expect(child.exitCode).toBe(0);
    // BuildKit runs the triggers as the stage's first steps, counted in its step total and marked ONBUILD.
    expect(child.stderr).toContain("[1/4] FROM docker.io/library/base:latest\n");
    expect(child.stderr).toContain("[2/4] ONBUILD COPY app.txt /app/\n");
    expect(child.stderr).toMatch(/\[3\/4\] ONBUILD RUN echo triggered > \/app\/trigger\.txt\n/);
    expect(child.stderr).toMatch(/\[4\/4\] RUN cat \/app\/trigger\.txt\n#\d+ 0\.000 triggered\n/);
    expect((await sim.exec("docker run --rm child")).stdout).toBe("the app\n");
    expect((await sim.exec("docker image inspect --format '{{json .Config.OnBuild}}' child")).stdout).toBe("null\n");
    const history = await sim.exec("docker history --format '{{.CreatedBy}}' child");
    expect(history.stdout).toContain("COPY app.txt /app/ # buildkit\n");
    // The grandchild sees no triggers.
    await dockerfile(sim, "Dockerfile", "FROM child\nRUN echo plain");
    expect((await sim.exec("docker build --progress=plain -t grandchild .")).stderr).toContain("[2/2] RUN echo plain");
  });

  it("a failing trigger fails the build at the FROM line", async () => {
    const { sim } = await project({});
    await dockerfile(sim, "Base.Dockerfile", "FROM busybox\nONBUILD RUN exit 5");
    await sim.exec("docker build -f Base.Dockerfile -t failing-base .");
    await dockerfile(sim, "Dockerfile", "# a comment\nFROM failing-base\nCMD [\"true\"]");
    const r = await sim.exec("docker build .");
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain("Dockerfile:2\n");
    expect(r.stderr).toContain('   2 | >>> FROM failing-base\n');
    expect(r.stderr).toContain('ERROR: failed to build: failed to solve: process "/bin/sh -c exit 5" did not complete successfully: exit code: 5\n');
  });
});

describe("RUN --mount", () => {
  it("keeps a cache mount's files across builds, out of the image", async () => {
    const { sim } = await project({});
    await dockerfile(sim, "Dockerfile", "FROM busybox\nARG N=1\nRUN --mount=type=cache,target=/cache echo run$N >> /cache/log && cat /cache/log");
    const first = await sim.exec("docker build --progress=plain -t c .");
    expect(first.exitCode).toBe(0);
    expect(first.stderr).toMatch(/#\d+ 0\.000 run1\n/);
    const second = await sim.exec("docker build --progress=plain --build-arg N=2 -t c .");
    expect(second.stderr).toMatch(/#\d+ 0\.000 run1\n#\d+ 0\.000 run2\n/);
    // The cache directory is a mount point in the image, empty.
    expect((await sim.exec("docker run --rm c ls -A /cache")).stdout).toBe("");
    // An id shares a cache between targets.
    await dockerfile(sim, "Dockerfile", "FROM busybox\nRUN --mount=type=cache,id=shared,target=/a echo from-a > /a/f\nRUN --mount=type=cache,id=shared,target=/b cat /b/f");
    expect((await sim.exec("docker build --progress=plain .")).stderr).toMatch(/#\d+ 0\.000 from-a\n/);
  });

  it("shows context files through a bind mount without copying them into the image", async () => {
    const { sim } = await project({ "src/main.txt": "from the context" });
    await dockerfile(sim, "Dockerfile", "FROM busybox\nRUN --mount=type=bind,source=src,target=/mnt/src cat /mnt/src/main.txt && cp /mnt/src/main.txt /copied.txt");
    const r = await sim.exec("docker build --progress=plain -t b .");
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toMatch(/#\d+ 0\.000 from the context\n/);
    expect((await sim.exec("docker run --rm b cat /copied.txt")).stdout).toBe("from the context\n");
    expect((await sim.exec("docker run --rm b ls -A /mnt/src")).stdout).toBe("");
    // The mounted files are part of the step's cache key.
    await sim.exec("echo changed > src/main.txt");
    const again = await sim.exec("docker build --progress=plain -t b .");
    expect(again.stderr).toMatch(/#\d+ 0\.000 changed\n/);
    const missing = await sim.exec("printf 'FROM busybox\\nRUN --mount=type=bind,source=nope,target=/x true\\n' > Dockerfile && docker build .");
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr).toContain('ERROR: failed to build: failed to solve: failed to compute cache key: "/nope": not found\n');
  });

  it("leaves out secrets and SSH agents no one gave, and fails when they are required", async () => {
    const { sim } = await project({});
    await dockerfile(sim, "Dockerfile", "FROM busybox\nRUN --mount=type=secret,id=token --mount=type=ssh test ! -e /run/secrets/token && echo no-secret");
    const r = await sim.exec("docker build --progress=plain .");
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toMatch(/#\d+ 0\.000 no-secret\n/);
    await dockerfile(sim, "Dockerfile", "FROM busybox\nRUN --mount=type=secret,id=token,required=true cat /run/secrets/token");
    const secret = await sim.exec("docker build .");
    expect(secret.exitCode).toBe(1);
    expect(secret.stderr).toContain("ERROR: failed to build: failed to solve: secret token: not found\n");
    await dockerfile(sim, "Dockerfile", "FROM busybox\nRUN --mount=type=ssh,required=true true");
    expect((await sim.exec("docker build .")).stderr).toContain('ERROR: failed to build: failed to solve: no SSH key "default" forwarded from the client\n');
  });
});

describe("ADD", () => {
  it("unpacks a local tar archive, plain or gzip-compressed, into the destination", async () => {
    const { sim } = await project({ "site/index.html": "<h1>hi</h1>", "site/css/main.css": "body{}" });
    expect((await sim.exec("tar -cf site.tar site && tar -czf site.tar.gz site")).exitCode).toBe(0);
    await dockerfile(sim, "Dockerfile", "FROM busybox\nADD site.tar /plain/\nADD site.tar.gz /gz\nCOPY site.tar /copied/");
    const r = await sim.exec("docker build -t tars .");
    expect(r.exitCode).toBe(0);
    expect((await sim.exec("docker run --rm tars cat /plain/site/index.html /gz/site/css/main.css")).stdout).toBe("<h1>hi</h1>\nbody{}\n");
    // COPY never unpacks.
    expect((await sim.exec("docker run --rm tars ls /copied")).stdout).toBe("site.tar\n");
    // A changed archive rebuilds its step, named in the cache reason.
    const history = await sim.exec("docker history --format '{{.CreatedBy}}' tars");
    expect(history.stdout).toContain("ADD site.tar.gz /gz # buildkit\n");
  });

  it("copies a file that is not an archive as it is", async () => {
    const { sim } = await project({ "notes.tar": "not really a tar" });
    await dockerfile(sim, "Dockerfile", "FROM busybox\nADD notes.tar /n/");
    await sim.exec("docker build -t notar .");
    expect((await sim.exec("docker run --rm notar cat /n/notes.tar")).stdout).toBe("not really a tar\n");
  });

  it("fails on a URL as a builder without network does", async () => {
    const { sim } = await project({});
    await dockerfile(sim, "Dockerfile", "FROM busybox\nADD https://example.com/app.tar.gz /app/");
    const r = await sim.exec("docker build --progress=plain .");
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('#5 [2/2] ADD https://example.com/app.tar.gz /app/\n#5 ERROR: failed to load cache key: Get "https://example.com/app.tar.gz": dial tcp: lookup example.com: no such host\n');
    expect(r.stderr).toContain('ERROR: failed to build: failed to solve: failed to load cache key: Get "https://example.com/app.tar.gz": dial tcp: lookup example.com: no such host\n');
  });
});
