// The builder through the Engine interface: errors come back as BuildKit's texts, never as exceptions.
import fc from "fast-check";
import { SimulatedClock } from "xstate";
import { describe, expect, it } from "vitest";
import type { BuildEvent, BuildResult } from "../backend/engine.ts";
import { SimulatedEngine } from "../engine/simulated-engine.ts";
import { testSimulator } from "../../tests/unit/helpers.ts";
import { isIgnored, parseDockerignore } from "./dockerignore.ts";

const T0 = Date.UTC(2026, 10, 28, 12, 0, 0);
const engine = () => {
  const clock = new SimulatedClock();
  clock.set(T0);
  return new SimulatedEngine({ clock });
};
const CONTEXT = [
  { path: "hello.txt", type: "file" as const, content: "hello\n" },
  { path: "src", type: "dir" as const },
  { path: "src/a.txt", type: "file" as const, content: "a\n" },
];

async function build(dockerfile: string | undefined, options: { tags?: string[]; buildArgs?: Record<string, string>; target?: string } = {}) {
  const events: BuildEvent[] = [];
  const result: BuildResult = await engine().imageBuild(CONTEXT, { ...(dockerfile !== undefined ? { dockerfile } : {}), ...options, onProgress: (e) => events.push(e) });
  return { result, events };
}

describe("build errors", () => {
  it("a missing Dockerfile", async () => {
    const { result } = await build(undefined);
    expect(result.error?.message).toBe("failed to solve: failed to read dockerfile: open Dockerfile: no such file or directory");
  });

  it("a parse error, with its line", async () => {
    const { result } = await build("FROM busybox\nFOO bar\n");
    expect(result.error).toMatchObject({ message: "failed to solve: dockerfile parse error on line 2: unknown instruction: FOO (did you mean FROM?)", line: 2 });
  });

  it("an unknown base image", async () => {
    const { result } = await build("FROM nosuchimage\n");
    expect(result.error?.message).toBe(
      "failed to solve: nosuchimage: failed to resolve source metadata for docker.io/library/nosuchimage:latest: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed",
    );
    const tag = await build("FROM busybox:0.0.nope\n");
    expect(tag.result.error?.message).toBe("failed to solve: busybox:0.0.nope: failed to resolve source metadata for docker.io/library/busybox:0.0.nope: docker.io/library/busybox:0.0.nope: not found");
  });

  it("COPY of a missing file", async () => {
    const { result } = await build("FROM busybox\nCOPY missing.txt /\n");
    expect(result.error?.message).toMatch(/^failed to solve: failed to compute cache key: failed to calculate checksum of ref [0-9a-f-]+::[0-9a-z]+: "\/missing\.txt": not found$/);
    expect(result.error).toMatchObject({ step: "[2/2] COPY missing.txt /", line: 2 });
  });

  it("a failing RUN, with its output kept", async () => {
    const { result, events } = await build("FROM busybox\nRUN echo before && exit 3\n");
    expect(result.error?.message).toBe('failed to solve: process "/bin/sh -c echo before && exit 3" did not complete successfully: exit code: 3');
    expect(events).toContainEqual({ kind: "log", id: 5, text: "before", seconds: 0 });
    const missing = await build('FROM busybox\nRUN ["nosuchprogram"]\n');
    expect(missing.result.error?.message).toContain('exec: "nosuchprogram": executable file not found in $PATH');
  });

  it("an unknown --target, and an undefined variable under ${VAR?}", async () => {
    expect((await build("FROM busybox AS a\n", { target: "b" })).result.error?.message).toBe('failed to solve: target stage "b" could not be found');
    expect((await build("FROM busybox\nENV X=${NOPE?}\n")).result.error?.message).toContain("NOPE");
  });

  it("stores HEALTHCHECK, SHELL and ONBUILD in the image config", async () => {
    const e = engine();
    const result = await e.imageBuild(CONTEXT, { dockerfile: 'FROM busybox\nSHELL ["/bin/sh", "-ec"]\nHEALTHCHECK --interval=5s --retries=2 CMD true\nONBUILD RUN echo later\nCMD echo hi\n', tags: ["meta"] });
    expect(result.error).toBeUndefined();
    const config = (await e.imageInspect("meta")).Config;
    expect(config).toMatchObject({ Shell: ["/bin/sh", "-ec"], Healthcheck: { Test: ["CMD-SHELL", "true"], Interval: 5_000_000_000, Retries: 2 }, OnBuild: ["RUN echo later"], Cmd: ["/bin/sh", "-ec", "echo hi"] });
  });

  it("FROM scratch makes an image of just what was copied", async () => {
    const { result } = await build('FROM scratch\nCOPY hello.txt /\nCMD ["/hello.txt"]\n', { tags: ["tiny"] });
    expect(result.Id).toMatch(/^sha256:/);
  });
});

describe("the built image, as the CLI shows it", () => {
  it("docker history lists each step of the Dockerfile over the base image's layers", async () => {
    const { sim } = testSimulator();
    await sim.exec("mkdir app && cd app && echo hi > hello.txt");
    await sim.exec(`printf 'FROM busybox\\nENV A=1\\nCOPY hello.txt /\\nRUN echo made > /made\\nCMD ["cat", "/made"]\\n' > Dockerfile`);
    expect((await sim.exec("docker build -t hist .")).exitCode).toBe(0);
    const r = await sim.exec("docker history hist");
    const lines = r.stdout.split("\n");
    expect(lines[0]).toMatch(/^IMAGE +CREATED +CREATED BY +SIZE +COMMENT$/);
    expect(lines[1]).toMatch(/^[0-9a-f]{12} +Less than a second ago +CMD \["cat" "\/made"\] +0B +buildkit\.dockerfile\.v0$/);
    expect(lines[2]).toMatch(/^<missing> +Less than a second ago +RUN \/bin\/sh -c echo made > \/made # buildkit +5B +buildkit\.dockerfile\.v0$/);
    expect(lines[3]).toMatch(/^<missing> +Less than a second ago +COPY hello\.txt \/ # buildkit +3B +buildkit\.dockerfile\.v0$/);
    expect(lines[4]).toMatch(/^<missing> +Less than a second ago +ENV A=1 +0B +buildkit\.dockerfile\.v0$/);
    expect((await sim.exec("docker run --rm hist")).stdout).toBe("made\n");
  });
});

describe(".dockerignore", () => {
  it("matches globs, directories and exceptions", () => {
    const rules = parseDockerignore("# comment\n*.log\n/build\n**/tmp\nsecret/\n!secret/keep.txt\n");
    expect(isIgnored("a.log", rules)).toBe(true);
    expect(isIgnored("dir/a.log", rules)).toBe(false);
    expect(isIgnored("build/out.bin", rules)).toBe(true);
    expect(isIgnored("x/y/tmp/z", rules)).toBe(true);
    expect(isIgnored("secret/key", rules)).toBe(true);
    expect(isIgnored("secret/keep.txt", rules)).toBe(false);
    expect(isIgnored("src/main.go", rules)).toBe(false);
  });
});

const LINES = [
  "FROM busybox", "FROM busybox AS build", "FROM scratch", "FROM nosuch", "FROM $BASE", "ARG BASE=busybox", "ARG V", "ARG V=2",
  "RUN echo hi", "RUN exit 2", 'RUN ["echo", "x"]', "RUN cat /hello.txt", "RUN echo $V > /v", "COPY hello.txt /", "COPY src/ /src/", "COPY missing /",
  "COPY --from=build /hello.txt /x", "COPY --from=0 / /all/", "COPY --from=nosuch /a /b", "ADD hello.txt /h", "ADD http://example.com/x /x", "COPY --chown=1:1 --chmod=755 hello.txt /y",
  "ENV A=1 B=${A}", "WORKDIR /app", "WORKDIR sub", "CMD echo hi", 'CMD ["cat"]', 'ENTRYPOINT ["sh", "-c"]', "EXPOSE 80 443/udp", "EXPOSE $PORT", "LABEL a=b",
  "USER nobody", "VOLUME /data", "STOPSIGNAL SIGINT", "HEALTHCHECK CMD true", "HEALTHCHECK NONE", 'SHELL ["/bin/sh", "-ec"]', "ONBUILD RUN echo later", "MAINTAINER me",
  "COPY <<EOF /inline\nhello\nEOF", "RUN <<EOF\necho heredoc\nEOF", "", "# comment", "FOO bar", "COPY", "RUN", "ENV", "FROM", "COPY * /all/", "COPY src/*.txt /t/",
];

describe("fuzz: the builder never throws", () => {
  it("random Dockerfiles from real instructions, mutated", async () => {
    const line = fc.constantFrom(...LINES);
    let built = 0;
    const first = fc.constantFrom("FROM busybox", "FROM busybox AS build", "FROM scratch", "ARG BASE=busybox\nFROM $BASE");
    const body = fc.tuple(first, fc.array(line, { maxLength: 8 })).map(([head, rest]) => [head, ...rest]);
    const mutated = fc.tuple(body, fc.array(fc.tuple(fc.nat(2000), fc.constantFrom("", " ", "$", "{", "}", "[", '"', "\\", "\n", "=", "-", "/", "*")), { maxLength: 2 }));
    await fc.assert(
      fc.asyncProperty(mutated, fc.constantFrom(undefined, "build", "x"), async ([lines, edits], target) => {
        let text = lines.join("\n");
        for (const [at, ch] of edits) text = text.slice(0, at % (text.length + 1)) + ch + text.slice((at % (text.length + 1)) + 1);
        const { result } = await build(text, { ...(target ? { target } : {}), tags: ["fuzz"], buildArgs: { V: "3" } });
        if (result.error) expect(result.error.message).toMatch(/^failed to solve: /);
        else {
          expect(result.Id).toMatch(/^sha256:[0-9a-f]{64}$/);
          built++;
        }
      }),
      { numRuns: 150, seed: 42 },
    );
    expect(built).toBeGreaterThan(5);
  }, 60_000);
});
