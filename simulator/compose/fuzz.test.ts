// Random and mutated compose files: the loader either loads them or throws a ComposeError,
// and always finishes quickly.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ComposeError } from "./errors.ts";
import { loadProject, memoryHost } from "./load.ts";
import { projectToYaml } from "./serialize.ts";
import { parseDotEnv } from "./dotenv.ts";
import { substitute } from "./interpolate.ts";
import { parseComposeYaml } from "./yaml.ts";

let loaded = 0;

const BASE = `name: demo
services:
  web:
    image: "nginx:\${TAG:-latest}"
    depends_on:
      - db
    ports:
      - "8080:80"
    volumes:
      - ./html:/usr/share/nginx/html:ro
      - data:/data
    environment:
      A: $A
    env_file: [web.env]
    healthcheck:
      test: ["CMD", "true"]
      interval: 10s
  db:
    image: mysql
    restart: always
    command: mysqld --verbose
    deploy:
      replicas: 1
volumes:
  data: {}
`;

async function check(text: string, extra: Record<string, string> = {}): Promise<void> {
  const host = memoryHost({ "/p/app/compose.yaml": text, "/p/app/web.env": "X=1\n", ...extra }, "/p/app", { A: "a" });
  const started = Date.now();
  try {
    const project = await loadProject(host);
    // the printed config reads back as the same model
    const [back] = parseComposeYaml(projectToYaml(project));
    const expected: Record<string, unknown> = { name: project.name, services: project.services };
    for (const k of ["networks", "volumes", "secrets", "configs"] as const) {
      if (project[k] && Object.keys(project[k]).length > 0) expected[k] = project[k];
    }
    Object.assign(expected, project.extensions);
    expect(back).toEqual(JSON.parse(JSON.stringify(expected)));
    loaded++;
  } catch (e) {
    if (!(e instanceof ComposeError)) throw e;
  }
  expect(Date.now() - started).toBeLessThan(2000);
}

const yamlish = fc.string({
  unit: fc.constantFrom("a", "b", ":", " ", "  ", "\n", "-", "$", "{", "}", "[", "]", "'", '"', "#", "&x", "*x", "<<", "!reset", "!!int", "\t", "services", "image", "ports", "80", "\u00e9", "?", "|", ">", ",", "%"),
  maxLength: 200,
});

function mutate(text: string, edits: { at: number; del: number; ins: string }[]): string {
  let t = text;
  for (const e of edits) {
    const at = e.at % (t.length + 1);
    t = t.slice(0, at) + e.ins + t.slice(at + e.del);
  }
  return t;
}

describe("fuzz: the loader only ever throws ComposeError", () => {
  it("random YAML-ish text", async () => {
    await fc.assert(fc.asyncProperty(yamlish, (t) => check(t)), { numRuns: 300 });
  });
  it("arbitrary unicode text", async () => {
    await fc.assert(fc.asyncProperty(fc.string({ maxLength: 300, unit: "grapheme" }), (t) => check(t)), { numRuns: 200 });
  });
  it("mutations of a valid project", async () => {
    const edit = fc.record({
      at: fc.nat(),
      del: fc.nat({ max: 6 }),
      ins: fc.oneof(fc.constantFrom("", " ", "  ", "\n", ":", "- ", "$", "${", "}", "'", '"', "#", "*x", "&x ", "\t", "[", "{", "!reset ", "depends_on: [web]\n", "x"), fc.string({ maxLength: 4 })),
    });
    const before = loaded;
    await fc.assert(fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 5 }), (edits) => check(mutate(BASE, edits))), { numRuns: 400 });
    expect(loaded - before).toBeGreaterThan(5); // many mutants still load (and round-trip)
  });
  it("random structures serialised as YAML", async () => {
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: "small" }, fc.string({ maxLength: 8 }), fc.integer(), fc.boolean(), fc.constant(null), fc.array(tie("node"), { maxLength: 3 }), fc.dictionary(fc.constantFrom("services", "web", "image", "ports", "volumes", "networks", "depends_on", "environment", "build", "command", "x-a", "name", "version"), tie("node"), { maxKeys: 4 })),
    })).node;
    await fc.assert(fc.asyncProperty(value, (v) => check(JSON.stringify(v))), { numRuns: 300 });
  });
  it("billion laughs is refused, not expanded", async () => {
    const lol = ["a: &a [x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 10; i++) lol.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(", ")}]`);
    await check(lol.join("\n") + "\nservices: {}\n");
  });
  it("dotenv and substitute never throw anything but their own errors", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (t) => {
        try {
          parseDotEnv(t);
        } catch (e) {
          expect(e).toBeInstanceOf(ComposeError);
        }
        try {
          substitute(t, () => undefined);
        } catch (e) {
          expect(e).toBeInstanceOf(Error);
        }
      }),
      { numRuns: 500 },
    );
  });
});
