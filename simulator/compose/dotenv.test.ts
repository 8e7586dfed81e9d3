import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDotEnv, readDotEnv } from "./dotenv.ts";
import { ComposeError } from "./errors.ts";
import { COMPOSE_GO } from "./test-helpers.ts";

const hasOracles = () => existsSync(COMPOSE_GO);
const FIXTURES = `${COMPOSE_GO}dotenv/fixtures/`;
const fixture = (name: string) => readFileSync(FIXTURES + name, "utf8");
const obj = (m: Map<string, string>) => Object.fromEntries(m);

describe.skipIf(!hasOracles())("compose-go dotenv fixtures (../shared/oracles)", () => {
  it("plain.env", () => {
    expect(obj(readDotEnv(fixture("plain.env")))).toEqual({
      OPTION_A: "1",
      OPTION_B: "2",
      OPTION_C: "3",
      OPTION_D: "4",
      OPTION_E: "5",
      OPTION_F: "",
      OPTION_G: "",
      OPTION_H: "my string",
    });
  });
  it("utf8-bom.env reads like plain.env", () => {
    expect(obj(readDotEnv(fixture("utf8-bom.env")))).toEqual(obj(readDotEnv(fixture("plain.env"))));
  });
  it("exported.env and equals.env", () => {
    expect(obj(readDotEnv(fixture("exported.env")))).toEqual({ OPTION_A: "2", OPTION_B: "\\n" });
    expect(obj(readDotEnv(fixture("equals.env")))).toEqual({
      OPTION_A: "postgres://localhost:5432/database?sslmode=disable",
    });
  });
  it("quoted.env", () => {
    const env = obj(readDotEnv(fixture("quoted.env")));
    expect(env).toMatchObject({
      OPTION_A: "1",
      OPTION_B: "2",
      OPTION_C: "",
      OPTION_D: "\\n",
      OPTION_E: "1",
      OPTION_F: "2",
      OPTION_G: "",
      OPTION_H: "\n",
      OPTION_I: "echo 'asd'",
      OPTION_J: "first line\nsecond line\nthird line\nand so on",
      OPTION_Z: "last value",
    });
  });
  it("unquoted.env", () => {
    expect(obj(readDotEnv(fixture("unquoted.env")))).toEqual({
      OPTION_A: "some quoted phrase",
      OPTION_B: "first one with an unquoted phrase",
      OPTION_C: "then another one with an unquoted phrase",
      OPTION_D: "then another one with an unquoted phrase special è char",
      OPTION_E: "then another one quoted phrase",
    });
  });
  it("substitutions.env and substitutions-default.env", () => {
    const expected = { OPTION_A: "1", OPTION_B: "1", OPTION_C: "1", OPTION_D: "1_1", OPTION_E: "" }; // the fixture reads ${OPTION_A}_${OPTION_B}
    expect(obj(readDotEnv(fixture("substitutions.env")))).toEqual(expected);
    expect(obj(readDotEnv(fixture("substitutions-default.env")))).toEqual(expected);
  });
  it("special.env keeps dots and dashes in names", () => {
    expect(obj(readDotEnv(fixture("special.env")))).toEqual({
      "VAR.WITH.DOTS": "dots",
      VAR_WITH_UNDERSCORES: "underscores",
      "VAR-WITH-DASHES": "dashes",
    });
  });
  it("custom.format (yaml-style KEY:VALUE)", () => {
    expect(obj(readDotEnv(fixture("custom.format")))).toEqual({ FOO: "BAR", ZOT: "QIX" });
  });
  it("inherited variables come from the lookup, or are left out", () => {
    const lookup = (k: string) => (k === "VAR_TO_BE_LOADED_FROM_OS_ENV" ? "SOME_RANDOM_VALUE" : undefined);
    expect(obj(readDotEnv(fixture("inherited-multi-var.env"), lookup))).toEqual({
      foo: "bar",
      VAR_TO_BE_LOADED_FROM_OS_ENV: "SOME_RANDOM_VALUE",
      bar: "baz",
    });
    expect(obj(readDotEnv(fixture("inherited-single-var.env"), lookup))).toEqual({
      VAR_TO_BE_LOADED_FROM_OS_ENV: "SOME_RANDOM_VALUE",
    });
    expect(obj(readDotEnv(fixture("inherited-not-found.env")))).toEqual({});
  });
  it("invalid1.env fails", () => {
    expect(() => readDotEnv(fixture("invalid1.env"))).toThrow(ComposeError);
    expect(() => readDotEnv(fixture("invalid1.env"))).toThrow(/key cannot contain a space/);
  });
});

describe("dotenv parsing (compose-go's TestParsing / TestExpanding cases)", () => {
  const one = (line: string) => [...parseDotEnv(line)][0];
  it.each([
    ["FOO=bar", "FOO", "bar"],
    ["FOO =bar", "FOO", "bar"],
    ["FOO= bar", "FOO", "bar"],
    ['FOO="bar"', "FOO", "bar"],
    ["FOO='bar'", "FOO", "bar"],
    ['FOO="escaped\\"bar"', "FOO", 'escaped"bar'],
    [`FOO="'d'"`, "FOO", "'d'"],
    ["OPTION_A: 1", "OPTION_A", "1"],
    ["OPTION_A: Foo=bar", "OPTION_A", "Foo=bar"],
    ["OPTION_A=1:B", "OPTION_A", "1:B"],
    ["export OPTION_A=2", "OPTION_A", "2"],
    ["export OPTION_B='\\n'", "OPTION_B", "\\n"],
    ["export exportFoo=2", "exportFoo", "2"],
    ["exportFOO=2", "exportFOO", "2"],
    ["export_FOO =2", "export_FOO", "2"],
    ["export.FOO= 2", "export.FOO", "2"],
    ["export\tOPTION_A=2", "OPTION_A", "2"],
    ["  export OPTION_A=2", "OPTION_A", "2"],
    ['FOO="bar\\nbaz"', "FOO", "bar\nbaz"],
    ["FOO.BAR=foobar", "FOO.BAR", "foobar"],
    ["FOO=foobar=", "FOO", "foobar="],
    ["FOO=bar ", "FOO", "bar"],
    ["FOO=bar # this is foo", "FOO", "bar"],
    ['FOO="bar#baz" # comment', "FOO", "bar#baz"],
    ["FOO='bar#baz' # comment", "FOO", "bar#baz"],
    ['FOO="ba#r"', "FOO", "ba#r"],
    [" KEY =value", "KEY", "value"],
    ["\tKEY=value", "KEY", "value"],
  ])("%j", (line, key, value) => {
    expect(one(line)).toEqual([key, value]);
  });

  it("expands variables as compose-go does", () => {
    expect(obj(parseDotEnv("FOO=test\nBAR=$FOO"))).toEqual({ FOO: "test", BAR: "test" });
    expect(obj(parseDotEnv("FOO=test\nBAR=${FOO}bar"))).toEqual({ FOO: "test", BAR: "testbar" });
    expect(obj(parseDotEnv("BAR=$FOO"))).toEqual({ BAR: "" });
    expect(obj(parseDotEnv('FOO=test\nBAR="quote $FOO"'))).toEqual({ FOO: "test", BAR: "quote test" });
    expect(obj(parseDotEnv("BAR='quote $FOO'"))).toEqual({ BAR: "quote $FOO" });
    expect(obj(parseDotEnv('FOO="foo\\$BAR"'))).toEqual({ FOO: "foo$BAR" });
    expect(obj(parseDotEnv('FOO="foo\\${BAR}"'))).toEqual({ FOO: "foo${BAR}" });
    expect(obj(parseDotEnv('FOO=test\nBAR="foo\\${FOO} ${FOO}"'))).toEqual({ FOO: "test", BAR: "foo${FOO} test" });
  });

  it("the lookup (the OS environment) wins over earlier keys when expanding", () => {
    expect(obj(parseDotEnv("A=file\nB=${A}", (k) => (k === "A" ? "os" : undefined)))).toEqual({ A: "file", B: "os" });
  });

  it("errors name the line", () => {
    expect(() => parseDotEnv("A=1\nlol$wut=2")).toThrow(/line 2: unexpected character "\$" in variable name/);
    expect(() => parseDotEnv("A=1\nB=\"open")).toThrow(/line 2: unterminated quoted value "open/);
  });
});
