// Property test: any text, random or a mutated real Dockerfile, either parses or fails with DockerfileParseError; never hangs.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkDockerfile } from "./checks.ts";
import { DockerfileParseError } from "./errors.ts";
import { parseDockerfile } from "./instructions.ts";
import { dump, parse } from "./parser.ts";

const SAMPLE = [
  "# syntax=docker/dockerfile:1",
  "# escape=\\",
  "ARG BASE=alpine:3.20",
  "FROM --platform=$BUILDPLATFORM $BASE AS build",
  'ENV A=1 B="two words" \\',
  "    C=${A:-x}",
  "RUN --mount=type=cache,target=/root/.cache <<EOF",
  "set -e",
  'echo "hi"',
  "EOF",
  'COPY --from=build --chown=1:1 ["a", "b", "/dst/"]',
  "COPY <<-END /etc/motd",
  "\thello",
  "\tEND",
  "LABEL version=1.0",
  "HEALTHCHECK --interval=5s CMD curl -f http://localhost/ || exit 1",
  "ONBUILD RUN echo hi",
  "EXPOSE 80/tcp 443",
  'VOLUME ["/data"]',
  "USER app",
  "WORKDIR /app",
  'SHELL ["/bin/sh", "-c"]',
  "STOPSIGNAL SIGTERM",
  "MAINTAINER someone",
  'ENTRYPOINT ["/app"]',
  "CMD --x",
  "",
].join("\n");

const PIECES = [
  "FROM", "RUN", "COPY", "ADD", "ENV", "ARG", "LABEL", "CMD", "ENTRYPOINT", "ONBUILD", "HEALTHCHECK", "SHELL",
  "EXPOSE", "VOLUME", "WORKDIR", "USER", "MAINTAINER", "STOPSIGNAL", "AS", " ", "\t", "\n", "\r\n", "\\", "\\\n",
  "`", "#", "# escape=`\n", "<<", "<<EOF", "<<-EOF", "EOF", "'", '"', "[", "]", ",", "=", "--", "--from=", "--mount=",
  "$", "${", "}", ":-", ":?", "?", "%", "/", "\ufeff", "é", "😀", "\u00a0", "\u0085", "x", "1",
];

function check(text: string): void {
  for (const fn of [() => dump(parse(text).ast), () => parseDockerfile(text)]) {
    try {
      fn();
    } catch (e) {
      expect(e).toBeInstanceOf(DockerfileParseError);
    }
  }
  const report = checkDockerfile(text);
  expect(Array.isArray(report.warnings)).toBe(true);
}

describe("parser robustness", () => {
  it("random text", () => {
    fc.assert(fc.property(fc.string({ maxLength: 300, unit: "binary" }), check), { numRuns: 400 });
  });
  it("random token soup", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 80 }), (parts) => check(parts.join(""))),
      { numRuns: 600 },
    );
  });
  it("mutated real Dockerfile", () => {
    const mutation = fc.record({
      at: fc.nat({ max: SAMPLE.length }),
      del: fc.nat({ max: 12 }),
      insert: fc.array(fc.constantFrom(...PIECES), { maxLength: 4 }),
    });
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (muts) => {
        let text = SAMPLE;
        for (const m of muts) {
          const at = Math.min(m.at, text.length);
          text = text.slice(0, at) + m.insert.join("") + text.slice(at + m.del);
        }
        check(text);
      }),
      { numRuns: 600 },
    );
  });
  it("very long inputs finish quickly", () => {
    const start = Date.now();
    check("FROM a\nRUN " + "a \\\n".repeat(20000) + "b\n");
    check("FROM a\nENV " + "k=v ".repeat(15000));
    check("FROM a\nRUN <<EOF\n" + "x\n".repeat(50000));
    expect(Date.now() - start).toBeLessThan(10000);
  });
});
