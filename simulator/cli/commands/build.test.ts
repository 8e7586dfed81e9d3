import { describe, expect, it } from "vitest";
import { testSimulator } from "../../../tests/unit/helpers.ts";

/** A simulator whose shell is in ~/app, holding `files`. */
async function project(files: Record<string, string>) {
  const { sim, clock } = testSimulator();
  await sim.exec("mkdir app && cd app");
  for (const [name, text] of Object.entries(files)) await write(sim, name, text);
  return { sim, clock };
}

async function write(sim: Awaited<ReturnType<typeof testSimulator>>["sim"], name: string, text: string) {
  const dir = name.includes("/") ? name.slice(0, name.lastIndexOf("/")) : "";
  if (dir) await sim.exec(`mkdir -p ${dir}`);
  await sim.exec(`cat > ${name} <<'EOF'\n${text}\nEOF`);
}

const imageId = (stderr: string) => /writing image (sha256:[0-9a-f]{64}) done/.exec(stderr)?.[1];

const HELLO = { Dockerfile: 'FROM busybox\nCOPY hello.txt /\nCMD ["cat","/hello.txt"]', "hello.txt": "hello from the image" };

describe("docker build", () => {
  it("builds an image that runs, showing BuildKit's plain progress on stderr", async () => {
    const { sim } = await project(HELLO);
    const r = await sim.exec("docker build -t hello .");
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^#0 building with "default" instance using docker driver\n\n#1 \[internal\] load build definition from Dockerfile\n#1 transferring dockerfile: \d+B done\n#1 DONE 0\.0s\n/);
    expect(r.stderr).toContain("#2 [internal] load metadata for docker.io/library/busybox:latest\n");
    expect(r.stderr).toMatch(/#4 \[1\/2\] FROM docker\.io\/library\/busybox:latest@sha256:[0-9a-f]{64}\n/);
    expect(r.stderr).toContain("#6 [2/2] COPY hello.txt /\n#6 DONE 0.0s\n");
    expect(r.stderr).toMatch(/#7 exporting to image\n#7 exporting layers 0\.0s done\n#7 writing image sha256:[0-9a-f]{64} done\n#7 naming to docker\.io\/library\/hello:latest done\n#7 DONE 0\.0s\n$/);
    expect((await sim.exec("docker run --rm hello")).stdout).toBe("hello from the image\n");
    expect((await sim.exec("docker image ls --format '{{.Repository}}:{{.Tag}}'")).stdout).toContain("hello:latest\n");
  });

  it("is also docker image build and docker buildx build, with repeatable tags", async () => {
    const { sim } = await project(HELLO);
    expect((await sim.exec("docker image build -t one -t two:v2 .")).exitCode).toBe(0);
    const r = await sim.exec("docker buildx build -t three .");
    expect(r.exitCode).toBe(0);
    const ids = await sim.exec("docker inspect --format '{{.Id}}' one two:v2 three");
    const lines = ids.stdout.trim().split("\n");
    expect(lines).toHaveLength(3);
    expect(new Set(lines).size).toBe(1);
  });

  it("reuses the cache on an identical rebuild: CACHED steps and the same image ID", async () => {
    const { sim, clock } = await project({ ...HELLO, Dockerfile: 'FROM busybox\nCOPY hello.txt /\nRUN echo built\nCMD ["cat","/hello.txt"]' });
    const first = await sim.exec("docker build -t hello .");
    clock.increment(60_000);
    const second = await sim.exec("docker build -t hello .");
    expect(second.exitCode).toBe(0);
    expect(second.stderr).toContain("#6 [2/3] COPY hello.txt /\n#6 CACHED\n");
    expect(second.stderr).toContain("#7 [3/3] RUN echo built\n#7 CACHED\n");
    expect(second.stderr).not.toContain("0.000 built");
    expect(second.stderr).toContain("exporting layers done\n");
    expect(imageId(second.stderr)).toBe(imageId(first.stderr));
    const quiet = await sim.exec("docker build -q -t hello .");
    expect(quiet.stdout).toBe(`${imageId(first.stderr)}\n`);
    expect(quiet.stderr).toBe("");
  });

  it("rebuilds from a changed file on, and --no-cache rebuilds everything", async () => {
    const { sim } = await project({ Dockerfile: "FROM busybox\nRUN echo first\nCOPY hello.txt /\nRUN cat /hello.txt", "hello.txt": "one" });
    const first = await sim.exec("docker build -t hello .");
    expect(first.stderr).toContain("#8 0.000 one\n");
    await sim.exec("echo two > hello.txt");
    const second = await sim.exec("docker build -t hello .");
    expect(second.stderr).toContain("[2/4] RUN echo first\n#5 CACHED\n");
    expect(second.stderr).toContain("[3/4] COPY hello.txt /\n#7 DONE 0.0s\n");
    expect(second.stderr).toContain("[4/4] RUN cat /hello.txt\n#8 0.000 two\n#8 DONE 0.0s\n");
    expect(imageId(second.stderr)).not.toBe(imageId(first.stderr));
    const third = await sim.exec("docker build --no-cache -t hello .");
    expect(third.stderr).not.toContain("CACHED");
  });

  it("builds multi-stage Dockerfiles with COPY --from and --target", async () => {
    const { sim } = await project({
      Dockerfile: [
        "FROM busybox AS build",
        "WORKDIR /src",
        "COPY src/ ./",
        "RUN cat a.txt b.txt > all.txt",
        "FROM busybox AS unused",
        "RUN echo never",
        "FROM busybox",
        "COPY --from=build /src/all.txt /all.txt",
        'CMD ["cat", "/all.txt"]',
      ].join("\n"),
      "src/a.txt": "A",
      "src/b.txt": "B",
    });
    const r = await sim.exec("docker build -t multi .");
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain("[build 4/4] RUN cat a.txt b.txt > all.txt\n");
    expect(r.stderr).toContain("[stage-2 2/2] COPY --from=build /src/all.txt /all.txt\n");
    expect(r.stderr).not.toContain("echo never");
    expect((await sim.exec("docker run --rm multi")).stdout).toBe("A\nB\n");
    const target = await sim.exec("docker build --target build -t stage1 .");
    expect(target.exitCode).toBe(0);
    expect(target.stderr).not.toContain("stage-2");
    expect((await sim.exec("docker run --rm stage1 cat /src/all.txt")).stdout).toBe("A\nB\n");
  });

  it("takes --build-arg values for ARGs, before and after FROM", async () => {
    const { sim } = await project({ Dockerfile: 'ARG BASE=busybox\nFROM ${BASE}\nARG VERSION=1.0\nRUN echo "v$VERSION" > /version\nCMD ["cat", "/version"]' });
    await sim.exec("docker build -t args .");
    expect((await sim.exec("docker run --rm args")).stdout).toBe("v1.0\n");
    const r = await sim.exec("docker build --build-arg VERSION=2.5 -t args .");
    expect(r.stderr).toContain("RUN echo \"v$VERSION\" > /version\n");
    expect(r.stderr).not.toContain("CACHED\n\n#6 exporting");
    expect((await sim.exec("docker run --rm args")).stdout).toBe("v2.5\n");
    const history = await sim.exec("docker history --no-trunc --format '{{.CreatedBy}}' args");
    expect(history.stdout).toContain("RUN |1 VERSION=2.5 /bin/sh -c echo \"v$VERSION\" > /version # buildkit\n");
  });

  it("puts metadata in the image config and history", async () => {
    const { sim } = await project({
      Dockerfile: [
        "FROM busybox",
        "LABEL org.example.team=docs",
        "ENV APP_HOME=/srv/app",
        "WORKDIR $APP_HOME",
        "COPY hello.txt .",
        "EXPOSE 8080 53/udp",
        "VOLUME /data",
        "USER nobody",
        "STOPSIGNAL SIGINT",
        'ENTRYPOINT ["cat"]',
        'CMD ["hello.txt"]',
      ].join("\n"),
      "hello.txt": "hi",
    });
    expect((await sim.exec("docker build -t meta .")).exitCode).toBe(0);
    const config = JSON.parse((await sim.exec("docker inspect --format '{{json .Config}}' meta")).stdout);
    expect(config).toMatchObject({
      Cmd: ["hello.txt"],
      Entrypoint: ["cat"],
      WorkingDir: "/srv/app",
      User: "nobody",
      StopSignal: "SIGINT",
      Labels: { "org.example.team": "docs" },
      ExposedPorts: { "8080/tcp": {}, "53/udp": {} },
      Volumes: { "/data": {} },
    });
    expect(config.Env).toContain("APP_HOME=/srv/app");
    expect((await sim.exec("docker run --rm meta")).stdout).toBe("hi\n");
    const history = await sim.exec("docker history --format '{{.CreatedBy}}|{{.Size}}' meta");
    expect(history.stdout.split("\n").slice(0, 10)).toEqual([
      'CMD ["hello.txt"]|0B',
      'ENTRYPOINT ["cat"]|0B',
      "STOPSIGNAL SIGINT|0B",
      "USER nobody|0B",
      "VOLUME [/data]|0B",
      "EXPOSE map[53/udp:{} 8080/tcp:{}]|0B",
      "COPY hello.txt . # buildkit|3B",
      "WORKDIR /srv/app|0B",
      "ENV APP_HOME=/srv/app|0B",
      "LABEL org.example.team=docs|0B",
    ]);
  });

  it("leaves out what .dockerignore names", async () => {
    const { sim } = await project({ Dockerfile: "FROM busybox\nCOPY . /ctx/\nRUN ls -a /ctx", ".dockerignore": "*.log\nsecret/\n!secret/keep.txt", "app.txt": "a", "debug.log": "x", "secret/key": "k", "secret/keep.txt": "kept" });
    const r = await sim.exec("docker build --progress=plain .");
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain("0.000 app.txt\n");
    expect(r.stderr).not.toContain("debug.log");
    const run = await sim.exec(`docker run --rm ${imageId(r.stderr)!.slice(7, 19)} cat /ctx/secret/keep.txt`);
    expect(run.stdout).toBe("kept\n");
    expect((await sim.exec(`docker run --rm ${imageId(r.stderr)!.slice(7, 19)} ls /ctx/secret`)).stdout).toBe("keep.txt\n");
  });

  it("prints build-check warnings at the end, as BuildKit does", async () => {
    const { sim } = await project({ Dockerfile: "FROM busybox\nCMD echo hi" });
    const r = await sim.exec("docker build -t warn .");
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toMatch(/#\d+ DONE 0\.0s\n\n 1 warning found \(use docker --debug to expand\):\n - JSONArgsRecommended: JSON arguments recommended for CMD to prevent unintended behavior related to OS signals \(line 2\)\n$/);
  });

  it("shows a tty summary when the terminal is one", async () => {
    const { sim } = testSimulator({ interactive: true, columns: 80 });
    await sim.exec("mkdir app && cd app && echo hi > hello.txt");
    await sim.exec("printf 'FROM busybox\\nCOPY hello.txt /\\n' > Dockerfile");
    const r = await sim.exec("docker build -t tty .");
    expect(r.exitCode).toBe(0);
    // The view is redrawn in place; what stays on the screen is its last frame.
    const last = r.stderr.slice(r.stderr.lastIndexOf("\x1b[?25l")).replace(/\x1b\[[0-9;?]*[A-Za-z]/g, "").replace(/\r/g, "");
    expect(last).toMatch(/^\[\+\] Building 0\.0s \(7\/7\) FINISHED +docker:default\n/);
    expect(last).toContain(" => [2/2] COPY hello.txt /");
  });

  it("reports errors as BuildKit does, with the Dockerfile lines around the failing step", async () => {
    const { sim } = await project({ Dockerfile: "FROM busybox\nRUN echo oops && exit 3\nCMD [\"true\"]" });
    const r = await sim.exec("docker build .");
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('#5 [2/2] RUN echo oops && exit 3\n#5 0.000 oops\n#5 ERROR: process "/bin/sh -c echo oops && exit 3" did not complete successfully: exit code: 3\n');
    expect(r.stderr).toMatch(
      /------\n > \[2\/2\] RUN echo oops && exit 3:\n0\.000 oops\n------\nDockerfile:2\n--------------------\n   1 \|     FROM busybox\n   2 \| >>> RUN echo oops && exit 3\n   3 \|     CMD \["true"\]\n--------------------\nERROR: failed to build: failed to solve: process "\/bin\/sh -c echo oops && exit 3" did not complete successfully: exit code: 3\n$/,
    );
    const missing = await sim.exec("docker build -f Nope.Dockerfile .");
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr).toMatch(/#1 \[internal\] load build definition from Nope\.Dockerfile\n#1 transferring dockerfile: 2B done\n#1 DONE 0\.0s\nERROR: failed to build: failed to solve: failed to read dockerfile: open Nope\.Dockerfile: no such file or directory\n$/);
    await sim.exec("mkdir empty");
    const noDockerfile = await sim.exec("docker build empty");
    expect(noDockerfile.stderr).toContain("ERROR: failed to build: failed to solve: failed to read dockerfile: open Dockerfile: no such file or directory\n");
    const copy = await sim.exec("printf 'FROM busybox\\nCOPY missing.txt /\\n' > Dockerfile && docker build .");
    expect(copy.exitCode).toBe(1);
    expect(copy.stderr).toMatch(/ERROR: failed to build: failed to solve: failed to compute cache key: failed to calculate checksum of ref [0-9a-f-]+::[0-9a-z]+: "\/missing\.txt": not found\n$/);
    const base = await sim.exec("printf 'FROM nosuchimage:1\\n' > Dockerfile && docker build .");
    expect(base.stderr).toContain("ERROR: failed to build: failed to solve: nosuchimage:1: failed to resolve source metadata for docker.io/library/nosuchimage:1: pull access denied");
    const parse = await sim.exec("printf 'FROM busybox\\nCOPY\\n' > Dockerfile && docker build .");
    expect(parse.stderr).toContain("ERROR: failed to build: failed to solve: dockerfile parse error on line 2: COPY requires at least two arguments, but only one was provided. Destination could not be determined\n");
  });

  it("checks its arguments and flags before building", async () => {
    const { sim } = await project(HELLO);
    const none = await sim.exec("docker build");
    expect(none.exitCode).toBe(1);
    expect(none.stderr).toBe("docker: 'docker buildx build' requires 1 argument\n\nUsage:  docker buildx build [OPTIONS] PATH | URL | -\n\nRun 'docker buildx build --help' for more information\n");
    expect((await sim.exec("docker build nodir")).stderr).toBe('ERROR: failed to build: unable to prepare context: path "nodir" not found\n');
    expect((await sim.exec("docker build -t Hello .")).stderr).toBe('ERROR: failed to build: invalid tag "Hello": repository name (library/Hello) must be lowercase\n');
    expect((await sim.exec("docker build --progress=fancy .")).exitCode).toBe(1);
    const accepted = await sim.exec("docker build --platform linux/amd64 --progress=plain --pull -t ok .");
    expect(accepted.exitCode).toBe(0);
  });

  it("reads a Dockerfile from stdin with -", async () => {
    const { sim } = await project({});
    const r = await sim.exec("docker build -t piped - <<'EOF'\nFROM busybox\nRUN echo piped > /p\nCMD [\"cat\", \"/p\"]\nEOF");
    expect(r.exitCode).toBe(0);
    expect((await sim.exec("docker run --rm piped")).stdout).toBe("piped\n");
  });
});

describe("docker build --check", () => {
  it("reports BuildKit's build checks on stdout with the lines they point at, builds nothing, and exits 1", async () => {
    const { sim } = await project({ Dockerfile: "FROM busybox\nMAINTAINER me@example.com\nCMD cat /etc/hostname" });
    const r = await sim.exec("docker build --check -t checked .");
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe(
      "Check complete, 2 warnings have been found!\n" +
        "\nWARNING: MaintainerDeprecated - https://docs.docker.com/go/dockerfile/rule/maintainer-deprecated/\n" +
        "Maintainer instruction is deprecated in favor of using label\n" +
        "Dockerfile:2\n--------------------\n   1 |     FROM busybox\n   2 | >>> MAINTAINER me@example.com\n   3 |     CMD cat /etc/hostname\n--------------------\n" +
        "\nWARNING: JSONArgsRecommended - https://docs.docker.com/go/dockerfile/rule/json-args-recommended/\n" +
        "JSON arguments recommended for CMD to prevent unintended behavior related to OS signals\n" +
        "Dockerfile:3\n--------------------\n   2 |     MAINTAINER me@example.com\n   3 | >>> CMD cat /etc/hostname\n   4 |     \n--------------------\n",
    );
    expect(r.stderr).not.toContain("exporting to image");
    expect((await sim.exec("docker images -q checked")).stdout).toBe("");
  });

  it("says so when there is nothing to report", async () => {
    const { sim } = await project(HELLO);
    expect(await sim.exec("docker build --check .")).toMatchObject({ stdout: "Check complete, no warnings found.\n", exitCode: 0 });
  });

  it("still fails on a Dockerfile that does not parse", async () => {
    const { sim } = await project({ Dockerfile: "FROM busybox\nFOO bar" });
    const r = await sim.exec("docker build --check .");
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain("unknown instruction: FOO");
  });
});
