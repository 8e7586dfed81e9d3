import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ComposeError } from "./errors.ts";
import { loadProject, memoryHost } from "./load.ts";
import { COMPOSE_SPEC_SCHEMA, schemaError } from "./schema.ts";
import { COMPOSE_GO, ORACLES } from "./test-helpers.ts";
import { parseComposeYaml } from "./yaml.ts";

const hasOracles = () => existsSync(COMPOSE_GO);
const SPEC = `${ORACLES}compose-spec.json`;

describe.skipIf(!existsSync(SPEC))("vendored schema", () => {
  it("is the reference Compose Specification schema (../shared/oracles/compose-spec.json)", () => {
    expect(COMPOSE_SPEC_SCHEMA).toEqual(JSON.parse(readFileSync(SPEC, "utf8")));
  });
});

interface Case {
  test: string;
  yaml: string;
  errorContains: string;
}

/**
 * compose-go's loader error cases, each checked by hand against loader_test.go's intent
 * (see README.md). Left out, with the reason:
 */
const NOT_APPLICABLE: Record<number, string> = {
  27: "extends `remote:` files need compose-go's remote resource loaders (git/OCI), which Dockyard does not have",
};

describe.skipIf(!hasOracles())("compose-go loader error cases (../shared/oracles)", () => {
  const cases: Case[] = hasOracles()
    ? (JSON.parse(readFileSync(`${COMPOSE_GO}loader-error-cases.json`, "utf8")) as { cases: Case[] }).cases
    : [];
  it("has the 32 extracted cases", () => expect(cases).toHaveLength(32));
  it.each(cases.map((c, i) => [i, c.test, c] as const))("#%i %s", async (i, _name, c) => {
    if (NOT_APPLICABLE[i]) return;
    // TestLoadEmptyContent_MissingProject loads with no project name at all: a folder whose
    // name normalises to nothing is Dockyard's way to get there.
    const dir = c.test === "TestLoadEmptyContent_MissingProject" ? "/" : "/work/proj";
    const host = memoryHost({ [`${dir === "/" ? "" : dir}/compose.yaml`]: c.yaml }, dir);
    let message = "(loaded without error)";
    try {
      await loadProject(host);
    } catch (e) {
      expect(e).toBeInstanceOf(ComposeError);
      message = (e as Error).message;
    }
    expect(message).toContain(c.errorContains);
  });
});

describe("schema error texts (compose-go + santhosh-tekuri/jsonschema wording)", () => {
  it.each([
    [{ services: { web: { image: "nginx", imagee: "x" } } }, "services.web additional properties 'imagee' not allowed"],
    [{ services: { web: { image: "nginx", ports: "80:80" } } }, "services.web.ports must be a array"],
    [{ services: { web: { image: "nginx", environment: "A=1" } } }, "services.web.environment must be a mapping"],
    [{ services: { web: { image: 1 } } }, "services.web.image must be a string"],
    [{ services: { web: { image: "a", restart: ["always"] } } }, "services.web.restart must be a string"],
    [{ services: { web: { image: "a", depends_on: { db: { condition: "service_started", requird: true } } } } }, "services.web.depends_on.db additional properties 'requird' not allowed"],
    [{ services: { web: { image: "a", volumes: [{ type: "disk", target: "/x" }] } } }, "services.web.volumes.0.type value must be one of 'bind', 'volume', 'tmpfs', 'cluster', 'npipe', 'image'"],
    [{ services: { web: { image: "a", depends_on: ["db", "db"] } } }, "services.web.depends_on items at 0 and 1 are equal"],
    [{ services: { web: { image: "a" } }, volumes: { "bad name!": {} } }, "volumes additional properties 'bad name!' not allowed"],
  ])("%j", (doc, expected) => {
    expect(schemaError(doc)).toBe(expected);
  });
  it("accepts the common valid forms", () => {
    expect(schemaError({ services: { web: { image: "nginx", ports: ["80:80", 443, { target: 80, published: "8080" }], "x-note": 1 } }, "x-top": {} })).toBeUndefined();
  });
});

/** YAML errors: our text, and go-yaml v3's (checked by running gopkg.in/yaml.v3 3.0.1 on each input). */
const YAML_CASES: [string, string, string][] = [
  ["services:\n  web:\n    image: nginx: latest\n", "yaml: line 3: mapping values are not allowed in this context", "same"],
  ["services:\n  web:\n    image: nginx\n     ports: x\n", "yaml: line 4: mapping values are not allowed in this context", "same"],
  ["key: value\n  bad: 1\n", "yaml: line 2: mapping values are not allowed in this context", "same"],
  ["a\nb: 1\n", "yaml: line 2: mapping values are not allowed in this context", "same"],
  ["services:\n\tweb:\n    image: nginx\n", "yaml: line 2: found character that cannot start any token", "same"],
  ['a: "abc\nb: 1\n', "yaml: line 3: found unexpected end of stream", "same"],
  ["a: 'x\n", "yaml: line 2: found unexpected end of stream", "same"],
  ["a: &x 1\nb: *y\n", "yaml: unknown anchor 'y' referenced", "same"],
  ["services:\n  web:\n    image: a\n    image: b\n", 'yaml: unmarshal errors:\n  line 4: mapping key "image" already defined at line 3', "same"],
  // go-yaml reports these at the start of the enclosing block (its line numbers lag):
  ["services:\n  web:\n    image: nginx\n   ports:\n    - 80\n", "yaml: line 4: did not find expected key", "yaml: line 1: did not find expected key"],
  ["a: [1, 2\nb: 3\n", "yaml: line 2: did not find expected ',' or ']'", "yaml: line 1: did not find expected ',' or ']'"],
  ["a: {b\n", "yaml: line 2: did not find expected ',' or '}'", "yaml: line 1: did not find expected ',' or '}'"],
  ["a: b\n- c\n", "yaml: line 2: did not find expected key", "yaml: line 1: did not find expected key"],
  ["a: @x\n", "yaml: line 1: found character that cannot start any token", "yaml: found character that cannot start any token"],
];

describe("YAML errors in go-yaml's wording", () => {
  it.each(YAML_CASES)("%j", (text, ours) => {
    try {
      parseComposeYaml(text, "/p/compose.yaml");
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ComposeError);
      expect((e as ComposeError).message).toBe(ours);
      expect((e as ComposeError).kind).toBe("yaml");
    }
  });
  it("non-string keys", () => {
    expect(() => parseComposeYaml("services:\n  web:\n    environment:\n      1: a\n")).toThrow(
      "non-string key in services.web.environment: 1",
    );
    expect(() => parseComposeYaml("true: 1\n")).toThrow("non-string key at top level: true");
  });
  it("merge keys and anchors work; multiple documents are returned in order", () => {
    const docs = parseComposeYaml("x-base: &base\n  image: nginx\nservices:\n  web:\n    <<: *base\n    restart: always\n---\nname: two\n");
    expect(docs).toEqual([
      { "x-base": { image: "nginx" }, services: { web: { image: "nginx", restart: "always" } } },
      { name: "two" },
    ]);
  });
  it("yes/no/on/off stay strings (YAML 1.2, like go-yaml v3)", () => {
    expect(parseComposeYaml("a: yes\nb: off\nc: 80:80\nd: 010\n")).toEqual([{ a: "yes", b: "off", c: "80:80", d: 10 }]);
  });
});
