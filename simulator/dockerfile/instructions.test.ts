import { describe, expect, it } from "vitest";
import { DockerfileParseError } from "./errors.ts";
import type { Instruction } from "./instruction-types.ts";
import { parseDockerfile } from "./instructions.ts";

const one = (line: string): Instruction => {
  const df = parseDockerfile(`FROM base\n${line}\n`);
  const ins = df.stages[0]?.instructions[0];
  if (!ins) throw new Error("no instruction");
  return ins;
};
function err(src: string): DockerfileParseError {
  try {
    parseDockerfile(src);
  } catch (e) {
    if (e instanceof DockerfileParseError) return e;
    throw e;
  }
  throw new Error("expected an error");
}

describe("typed instructions", () => {
  it("FROM with stage name and platform", () => {
    const df = parseDockerfile("ARG V=1\nFROM --platform=linux/arm64 golang:$V AS Build\nFROM scratch\n");
    expect(df.metaArgs[0]?.args).toEqual([{ key: "V", value: "1" }]);
    expect(df.stages[0]).toMatchObject({ name: "build", baseName: "golang:$V", platform: "linux/arm64", line: 2 });
    expect(df.stages[0]?.from).toMatchObject({ kind: "from", image: "golang:$V", stageName: "build", keyword: "FROM" });
    expect(df.stages[1]?.name).toBeUndefined();
  });
  it("RUN shell and exec forms, mounts, network", () => {
    expect(one("RUN echo hi")).toMatchObject({ kind: "run", shell: true, command: "echo hi", mounts: [] });
    expect(one('RUN ["echo", "hi"]')).toMatchObject({ kind: "run", shell: false, command: ["echo", "hi"] });
    const run = one("RUN --mount=type=cache,target=/root/.cache --network=none pip install x");
    expect(run).toMatchObject({ kind: "run", network: "none", command: "pip install x" });
    if (run.kind === "run") expect(run.mounts[0]).toMatchObject({ type: "cache", target: "/root/.cache", readOnly: false });
  });
  it("RUN heredoc", () => {
    const df = parseDockerfile("FROM a\nRUN <<EOF\necho hi\nEOF\n");
    expect(df.stages[0]?.instructions[0]).toMatchObject({
      kind: "run", shell: true, command: "<<EOF", heredocs: [{ name: "EOF", data: "echo hi\n", chomp: false, expand: true }],
      line: 2, endLine: 4,
    });
  });
  it("CMD and ENTRYPOINT", () => {
    expect(one('CMD ["nginx", "-g", "daemon off;"]')).toMatchObject({ kind: "cmd", shell: false, command: ["nginx", "-g", "daemon off;"] });
    expect(one("ENTRYPOINT top -b")).toMatchObject({ kind: "entrypoint", shell: true, command: "top -b" });
  });
  it("COPY and ADD", () => {
    expect(one("COPY --from=build --chown=app:app --chmod=644 a b /dst/")).toMatchObject({
      kind: "copy", sources: ["a", "b"], dest: "/dst/", from: "build", chown: "app:app", chmod: "644", link: false,
    });
    expect(one('COPY ["a b", "/c"]')).toMatchObject({ sources: ["a b"], dest: "/c" });
    expect(one("ADD --link https://x/y.tgz /opt/")).toMatchObject({ kind: "add", sources: ["https://x/y.tgz"], link: true });
    const df = parseDockerfile("FROM a\nCOPY <<-EOF /etc/motd\n\thello\n\tEOF\n");
    expect(df.stages[0]?.instructions[0]).toMatchObject({ kind: "copy", sources: [], heredocs: [{ name: "EOF", data: "hello\n" }], dest: "/etc/motd" });
  });
  it("ENV and LABEL key/value pairs, legacy form", () => {
    expect(one("ENV A=1 B=\"two words\"")).toMatchObject({
      kind: "env", env: [{ key: "A", value: "1", legacy: false }, { key: "B", value: '"two words"', legacy: false }],
    });
    expect(one("ENV PATH /usr/bin:/bin")).toMatchObject({ env: [{ key: "PATH", value: "/usr/bin:/bin", legacy: true }] });
    expect(one("LABEL version=1.0 maintainer=me")).toMatchObject({ kind: "label", labels: [{ key: "version" }, { key: "maintainer" }] });
  });
  it("ARG, EXPOSE, VOLUME, USER, WORKDIR, STOPSIGNAL, MAINTAINER, SHELL", () => {
    expect(one("ARG A B=2")).toMatchObject({ kind: "arg", args: [{ key: "A" }, { key: "B", value: "2" }] });
    expect(one("EXPOSE 8080 80/udp 443")).toMatchObject({ kind: "expose", ports: ["443", "80/udp", "8080"] });
    expect(one('VOLUME ["/data", "/logs"]')).toMatchObject({ kind: "volume", volumes: ["/data", "/logs"] });
    expect(one("VOLUME /a /b")).toMatchObject({ volumes: ["/a", "/b"] });
    expect(one("USER app:app")).toMatchObject({ kind: "user", user: "app:app" });
    expect(one("WORKDIR /app")).toMatchObject({ kind: "workdir", path: "/app" });
    expect(one("STOPSIGNAL SIGQUIT")).toMatchObject({ kind: "stopsignal", signal: "SIGQUIT" });
    expect(one("MAINTAINER Kim <kim@example.com>")).toMatchObject({ kind: "maintainer", maintainer: "Kim <kim@example.com>" });
    expect(one('SHELL ["/bin/bash", "-c"]')).toMatchObject({ kind: "shell", shell: ["/bin/bash", "-c"] });
  });
  it("HEALTHCHECK with options, CMD and NONE", () => {
    expect(one("HEALTHCHECK --interval=30s --timeout=3s --retries=3 CMD curl -f http://localhost/")).toMatchObject({
      kind: "healthcheck",
      health: { test: ["CMD-SHELL", "curl -f http://localhost/"], interval: 30e9, timeout: 3e9, retries: 3 },
    });
    expect(one('HEALTHCHECK CMD ["pg_isready"]')).toMatchObject({ health: { test: ["CMD", "pg_isready"] } });
    expect(one("HEALTHCHECK NONE")).toMatchObject({ health: { test: ["NONE"] } });
  });
  it("ONBUILD keeps the trigger expression", () => {
    const ins = one("ONBUILD COPY . /app");
    expect(ins).toMatchObject({ kind: "onbuild", expression: "COPY . /app", trigger: { kind: "copy", dest: "/app" } });
  });
  it("keeps original text and line ranges for history", () => {
    const df = parseDockerfile("FROM a\nRUN apt-get update && \\\n    apt-get install -y curl\n");
    expect(df.stages[0]?.instructions[0]).toMatchObject({ original: "RUN apt-get update &&     apt-get install -y curl", line: 2, endLine: 3 });
  });
});

describe("instruction errors", () => {
  it("unknown instruction with a suggestion", () => {
    const e = err("FROM a\nRUN x\nRUNN y\n");
    expect(e.message).toBe("dockerfile parse error on line 3: unknown instruction: RUNN (did you mean RUN?)");
    expect(e.line).toBe(3);
    expect(err("FROM a\nrunn y").message).toBe("dockerfile parse error on line 2: unknown instruction: runn (did you mean run?)");
    expect(err("FROM a\nFOO bar").message).toBe("dockerfile parse error on line 2: unknown instruction: FOO (did you mean FROM?)");
    expect(err("FROM a\nBLAHBLAH bar").message).toBe("dockerfile parse error on line 2: unknown instruction: BLAHBLAH");
  });
  it("COPY without a destination", () => {
    expect(err("FROM a\nCOPY app.py").message).toBe(
      "dockerfile parse error on line 2: COPY requires at least two arguments, but only one was provided. Destination could not be determined",
    );
  });
  it("FROM argument count and stage names", () => {
    expect(err("FROM a b").message).toBe("dockerfile parse error on line 1: FROM requires either one or three arguments");
    expect(err("FROM a AS 1x").message).toBe(
      'dockerfile parse error on line 1: invalid name for build stage: "1x", name can\'t start with a number or contain symbols',
    );
  });
  it("flags", () => {
    expect(err("FROM a\nCOPY --form=x a b").message).toBe("dockerfile parse error on line 2: unknown flag: form (did you mean from?)");
    expect(err("FROM a\nCOPY --from a b").message).toBe("dockerfile parse error on line 2: missing a value on flag: from");
    expect(err("FROM a\nRUN --mount=type=foo x").message).toBe('dockerfile parse error on line 2: unsupported mount type "foo"');
  });
  it("argument counts", () => {
    expect(err("FROM a\nWORKDIR").message).toBe("dockerfile parse error on line 2: WORKDIR requires exactly one argument");
    expect(err("FROM a\nEXPOSE").message).toBe("dockerfile parse error on line 2: EXPOSE requires at least one argument");
    expect(err("FROM a\nHEALTHCHECK").message).toBe("dockerfile parse error on line 2: HEALTHCHECK requires at least one argument");
    expect(err("FROM a\nUSER").message).toBe("dockerfile parse error on line 2: USER requires exactly one argument");
  });
  it("SHELL needs JSON, HEALTHCHECK validation, ONBUILD triggers", () => {
    expect(err("FROM a\nSHELL /bin/bash -c").message).toBe("dockerfile parse error on line 2: SHELL requires the arguments to be in JSON form");
    expect(err("FROM a\nHEALTHCHECK FOO x").message).toBe('dockerfile parse error on line 2: Unknown type "FOO" in HEALTHCHECK (try CMD)');
    expect(err("FROM a\nHEALTHCHECK CMD").message).toBe("dockerfile parse error on line 2: Missing command after HEALTHCHECK CMD");
    expect(err("FROM a\nHEALTHCHECK --interval=1us CMD x").message).toBe(
      'dockerfile parse error on line 2: Interval "interval" cannot be less than 1ms',
    );
    expect(err("FROM a\nHEALTHCHECK --timeout=abc CMD x").message).toBe('dockerfile parse error on line 2: time: invalid duration "abc"');
    expect(err("FROM a\nHEALTHCHECK --retries=-1 CMD x").message).toBe("dockerfile parse error on line 2: --retries cannot be negative (-1)");
    expect(err("FROM a\nONBUILD ONBUILD RUN x").message).toBe("dockerfile parse error on line 2: Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
    expect(err("FROM a\nONBUILD FROM x").message).toBe("dockerfile parse error on line 2: FROM isn't allowed as an ONBUILD trigger");
  });
  it("instructions before FROM, empty files", () => {
    expect(err("RUN x\nFROM a").message).toBe("no build stage in current context");
    expect(err("ARG A=1\n").message).toBe("dockerfile contains no stages to build");
    expect(err("").message).toBe("the Dockerfile cannot be empty");
    expect(err("COPY <<EOF <<EOF2\nx\nEOF\ny\nEOF2\n").message).toBe(
      "dockerfile parse error on line 1: COPY cannot accept a heredoc as a destination",
    );
    expect(err("FROM a\nCOPY a <<EOF\nx\nEOF\n").message).toBe("dockerfile parse error on line 2: COPY cannot accept a heredoc as a destination");
  });
});
