import { describe, expect, it } from "vitest";
import { checkDockerfile, RULES, type RuleName } from "./checks.ts";

const run = (src: string) => checkDockerfile(src).warnings;
const rules = (src: string): RuleName[] => run(src).map((w) => w.rule);

describe("build checks", () => {
  it("a clean Dockerfile has no warnings", () => {
    expect(run('FROM alpine:3.20 AS base\nWORKDIR /app\nCOPY . .\nENV A=1\nEXPOSE 80/tcp\nCMD ["sh"]\n')).toEqual([]);
  });
  it("every rule has BuildKit's URL", () => {
    for (const [name, rule] of Object.entries(RULES)) {
      expect(rule.url).toBe(`https://docs.docker.com/go/dockerfile/rule/${name.replace(/([a-z])([A-Z])/g, "$1-$2").replace(/JSONA/, "JSON-A").toLowerCase()}/`);
    }
  });
  it("JSONArgsRecommended for shell-form CMD and ENTRYPOINT, not after SHELL", () => {
    const w = run("FROM a\nENTRYPOINT my-app\nCMD app --help\n");
    expect(w.map((x) => [x.rule, x.line, x.message])).toEqual([
      ["JSONArgsRecommended", 2, "JSON arguments recommended for ENTRYPOINT to prevent unintended behavior related to OS signals"],
      ["JSONArgsRecommended", 3, "JSON arguments recommended for CMD to prevent unintended behavior related to OS signals"],
    ]);
    expect(w[0]?.description).toBe("JSON arguments recommended for ENTRYPOINT/CMD to prevent unintended behavior related to OS signals");
    expect(w[0]?.url).toBe("https://docs.docker.com/go/dockerfile/rule/json-args-recommended/");
    expect(rules('FROM a\nSHELL ["/bin/bash", "-c"]\nCMD echo hi\n')).toEqual([]);
  });
  it("MaintainerDeprecated", () => {
    const w = run("FROM a\nMAINTAINER me <me@example.com>\n");
    expect(w).toEqual([{
      rule: "MaintainerDeprecated",
      description: "The MAINTAINER instruction is deprecated, use a label instead to define an image author",
      url: "https://docs.docker.com/go/dockerfile/rule/maintainer-deprecated/",
      message: "Maintainer instruction is deprecated in favor of using label",
      line: 2,
      endLine: 2,
    }]);
  });
  it("StageNameCasing and FromAsCasing", () => {
    const w = run("FROM a AS Build\nFROM b as base\n");
    expect(w.map((x) => [x.rule, x.line, x.message])).toEqual([
      ["StageNameCasing", 1, "Stage name 'Build' should be lowercase"],
      ["FromAsCasing", 2, "'as' and 'FROM' keywords' casing do not match"],
    ]);
  });
  it("NoEmptyContinuation", () => {
    const w = run("FROM a\nRUN a \\\n\n  b\n");
    expect(w.map((x) => [x.rule, x.line, x.message])).toEqual([["NoEmptyContinuation", 4, "Empty continuation line"]]);
  });
  it("ConsistentInstructionCasing", () => {
    const w = run("FROM a\nRUN x\nrun y\nCOPY a b\n");
    expect(w.map((x) => [x.rule, x.line, x.message])).toEqual([
      ["ConsistentInstructionCasing", 3, "Command 'run' should match the case of the command majority (uppercase)"],
    ]);
  });
  it("DuplicateStageName and ReservedStageName", () => {
    const w = run("FROM a AS b\nFROM c AS b\nFROM d AS scratch\n");
    expect(w.map((x) => [x.rule, x.line, x.message])).toEqual([
      ["DuplicateStageName", 2, 'Duplicate stage name "b", stage names should be unique'],
      ["ReservedStageName", 3, 'Stage name should not use the same name as reserved stage "scratch"'],
    ]);
  });
  it("UndefinedVar with a suggestion", () => {
    const w = run("FROM a\nENV PATH_PREFIX=/x\nARG VERSION\nCOPY $VERSION/app $APP_DIR/\nWORKDIR /opt/$PATH_PREFX\n");
    expect(w.map((x) => [x.rule, x.line, x.message])).toEqual([
      ["UndefinedVar", 4, "Usage of undefined variable '$APP_DIR'"],
      ["UndefinedVar", 5, "Usage of undefined variable '$PATH_PREFX' (did you mean $PATH_PREFIX?)"],
    ]);
  });
  it("WorkdirRelativePath", () => {
    expect(run("FROM a\nWORKDIR app\n").map((x) => x.message)).toEqual([
      'Relative workdir "app" can have unexpected results if the base image changes',
    ]);
    expect(rules("FROM a\nWORKDIR /app\nWORKDIR src\n")).toEqual([]);
  });
  it("MultipleInstructionsDisallowed reports the earlier instruction", () => {
    const w = run('FROM a\nCMD ["a"]\nCMD ["b"]\nHEALTHCHECK NONE\nHEALTHCHECK NONE\n');
    expect(w.map((x) => [x.rule, x.line, x.message])).toEqual([
      ["MultipleInstructionsDisallowed", 2, "Multiple CMD instructions should not be used in the same stage because only the last one will be used"],
      ["MultipleInstructionsDisallowed", 4, "Multiple HEALTHCHECK instructions should not be used in the same stage because only the last one will be used"],
    ]);
  });
  it("LegacyKeyValueFormat", () => {
    const w = run("FROM a\nENV A 1\nLABEL b 2\n");
    expect(w.map((x) => [x.rule, x.line, x.message])).toEqual([
      ["LegacyKeyValueFormat", 2, '"ENV key=value" should be used instead of legacy "ENV key value" format'],
      ["LegacyKeyValueFormat", 3, '"LABEL key=value" should be used instead of legacy "LABEL key value" format'],
    ]);
  });
  it("UndefinedArgInFrom", () => {
    const w = run("ARG VERSION=1\nFROM alpine:$VERSON\n");
    expect(w.map((x) => [x.rule, x.line, x.message])).toEqual([
      ["InvalidDefaultArgInFrom", 2, "Default value for ARG alpine:$VERSON results in empty or invalid base image name"],
      ["UndefinedArgInFrom", 2, "FROM argument 'VERSON' is not declared (did you mean VERSION?)"],
    ]);
    expect(rules("ARG IMG=alpine\nFROM $IMG\n")).toEqual([]);
  });
  it("SecretsUsedInArgOrEnv", () => {
    const w = run("FROM a\nARG GITHUB_TOKEN\nENV DB_PASSWORD=x PUBLIC_KEY=y AUTHOR=me\n");
    expect(w.map((x) => [x.rule, x.line, x.message])).toEqual([
      ["SecretsUsedInArgOrEnv", 2, 'Do not use ARG or ENV instructions for sensitive data (ARG "GITHUB_TOKEN")'],
      ["SecretsUsedInArgOrEnv", 3, 'Do not use ARG or ENV instructions for sensitive data (ENV "DB_PASSWORD")'],
    ]);
  });
  it("ExposeProtoCasing and ExposeInvalidFormat", () => {
    const w = run("FROM a\nEXPOSE 80/TCP 8080:80\n");
    expect(w.map((x) => [x.rule, x.message])).toEqual([
      ["ExposeProtoCasing", "Defined protocol '80/TCP' in EXPOSE instruction should be lowercase"],
      ["ExposeInvalidFormat", "EXPOSE instruction should not define an IP address or host-port mapping, found '8080:80'"],
    ]);
  });
  it("platform rules", () => {
    expect(rules("FROM --platform=$TARGETPLATFORM a\n")).toEqual(["RedundantTargetPlatform"]);
    expect(rules("FROM --platform=linux/amd64 a\n")).toEqual(["FromPlatformFlagConstDisallowed"]);
    expect(rules("FROM --platform=linux/amd64 a AS build-amd64\n")).toEqual([]);
  });
  it("reports a parse error instead of throwing", () => {
    const r = checkDockerfile("FROM a\nRUNN x\n");
    expect(r.error?.message).toBe("dockerfile parse error on line 2: unknown instruction: RUNN (did you mean RUN?)");
  });
});
