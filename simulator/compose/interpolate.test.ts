import { describe, expect, it } from "vitest";
import { ComposeError } from "./errors.ts";
import { interpolateConfig, InvalidTemplateError, MissingRequiredError, substitute } from "./interpolate.ts";

const env: Record<string, string> = { FOO: "first", BAR: "", HOST: "db" };
const lookup = (k: string) => env[k];

function sub(t: string) {
  const warnings: string[] = [];
  const value = substitute(t, lookup, (w) => warnings.push(w));
  return { value, warnings };
}

describe("substitute (compose-go template semantics)", () => {
  it.each([
    ["$FOO", "first"],
    ["${FOO}", "first"],
    ["${FOO}-x", "first-x"],
    ["$FOO$FOO", "firstfirst"],
    ["pre $FOO post", "pre first post"],
    ["${UNSET:-default}", "default"],
    ["${BAR:-default}", "default"],
    ["${BAR-default}", ""],
    ["${UNSET-default}", "default"],
    ["${FOO:-default}", "first"],
    ["${FOO:+alt}", "alt"],
    ["${BAR:+alt}", ""],
    ["${BAR+alt}", "alt"],
    ["${UNSET+alt}", ""],
    ["${UNSET:-${FOO}}", "first"],
    ["${UNSET:-${ALSO_UNSET:-deep}}", "deep"],
    ["${UNSET:-a} and ${FOO}", "a and first"],
    ["$$FOO", "$FOO"],
    ["$${FOO}", "${FOO}"],
    ["echo $$HOME", "echo $HOME"],
    ["${FOO:?must be set}", "first"],
    ["${BAR?must be set}", ""],
    ["no variables", "no variables"],
    ["${UNSET:-with spaces and : colons}", "with spaces and : colons"],
  ])("%s -> %j", (template, expected) => {
    expect(sub(template).value).toBe(expected);
  });

  it("warns once per unset variable as compose does", () => {
    expect(sub("${UNSET}").warnings).toEqual(['The "UNSET" variable is not set. Defaulting to a blank string.']);
    expect(sub("$UNSET").value).toBe("");
    expect(sub("${UNSET:-x}").warnings).toEqual([]);
  });

  it("required variables fail with compose's text", () => {
    expect(() => sub("${UNSET:?error}")).toThrow(new MissingRequiredError("UNSET", "error"));
    expect(() => sub("${UNSET:?error}")).toThrow("required variable UNSET is missing a value: error");
    expect(() => sub("${BAR:?is empty}")).toThrow("required variable BAR is missing a value: is empty");
    expect(() => sub("${UNSET?}")).toThrow(/^required variable UNSET is missing a value$/);
    expect(() => sub("${UNSET:?please set $HOST}")).toThrow("required variable UNSET is missing a value: please set db");
  });

  it("invalid templates", () => {
    expect(() => sub("${}")).toThrow(InvalidTemplateError);
    expect(() => sub("$ {FOO}")).toThrow(InvalidTemplateError);
    expect(() => sub("${FOO")).toThrow(InvalidTemplateError);
    expect(() => sub("${9FOO}")).toThrow(InvalidTemplateError);
  });
});

describe("interpolateConfig", () => {
  it("interpolates values, not keys, and names the path in errors", () => {
    const doc = { services: { web: { image: "nginx:${TAG:-latest}", environment: ["A=$FOO"], "${FOO}": 1, ports: [80] } } };
    expect(interpolateConfig(doc, lookup, () => {})).toEqual({
      services: { web: { image: "nginx:latest", environment: ["A=first"], "${FOO}": 1, ports: [80] } },
    });
    try {
      interpolateConfig({ services: { web: { image: "${IMG:?error}" } } }, lookup, () => {});
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ComposeError);
      expect((e as ComposeError).message).toBe(
        "error while interpolating services.web.image: required variable IMG is missing a value: error",
      );
    }
    expect(() => interpolateConfig({ services: { web: { command: ["echo", "${"] } } }, lookup, () => {})).toThrow(
      "invalid interpolation format for services.web.command.[].\nYou may need to escape any $ with another $.\n${",
    );
  });
});
