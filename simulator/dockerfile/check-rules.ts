/** BuildKit's build-check rules (frontend/dockerfile/linter/ruleset.go): names, descriptions, URLs, messages. */

import { goQuote } from "./go-text.ts";

export interface Rule<A extends unknown[]> {
  name: string;
  description: string;
  url: string;
  format: (...args: A) => string;
  experimental?: boolean;
}

const url = (kebab: string): string => `https://docs.docker.com/go/dockerfile/rule/${kebab}/`;
const q = goQuote;

export const RULES = {
  StageNameCasing: {
    name: "StageNameCasing",
    description: "Stage names should be lowercase",
    url: url("stage-name-casing"),
    format: (stageName: string) => `Stage name '${stageName}' should be lowercase`,
  } as Rule<[string]>,
  FromAsCasing: {
    name: "FromAsCasing",
    description: "The 'as' keyword should match the case of the 'from' keyword",
    url: url("from-as-casing"),
    format: (from: string, as: string) => `'${as}' and '${from}' keywords' casing do not match`,
  } as Rule<[string, string]>,
  NoEmptyContinuation: {
    name: "NoEmptyContinuation",
    description: "Empty continuation lines will become errors in a future release",
    url: url("no-empty-continuation"),
    format: () => "Empty continuation line",
  } as Rule<[]>,
  ConsistentInstructionCasing: {
    name: "ConsistentInstructionCasing",
    description: "All commands within the Dockerfile should use the same casing (either upper or lower)",
    url: url("consistent-instruction-casing"),
    format: (cmd: string, casing: string) => `Command '${cmd}' should match the case of the command majority (${casing})`,
  } as Rule<[string, string]>,
  DuplicateStageName: {
    name: "DuplicateStageName",
    description: "Stage names should be unique",
    url: url("duplicate-stage-name"),
    format: (stageName: string) => `Duplicate stage name ${q(stageName)}, stage names should be unique`,
  } as Rule<[string]>,
  ReservedStageName: {
    name: "ReservedStageName",
    description: "Reserved words should not be used as stage names",
    url: url("reserved-stage-name"),
    format: (name: string) => `Stage name should not use the same name as reserved stage ${q(name)}`,
  } as Rule<[string]>,
  JSONArgsRecommended: {
    name: "JSONArgsRecommended",
    description: "JSON arguments recommended for ENTRYPOINT/CMD to prevent unintended behavior related to OS signals",
    url: url("json-args-recommended"),
    format: (instruction: string) =>
      `JSON arguments recommended for ${instruction} to prevent unintended behavior related to OS signals`,
  } as Rule<[string]>,
  MaintainerDeprecated: {
    name: "MaintainerDeprecated",
    description: "The MAINTAINER instruction is deprecated, use a label instead to define an image author",
    url: url("maintainer-deprecated"),
    format: () => "Maintainer instruction is deprecated in favor of using label",
  } as Rule<[]>,
  UndefinedArgInFrom: {
    name: "UndefinedArgInFrom",
    description: "FROM command must use declared ARGs",
    url: url("undefined-arg-in-from"),
    format: (arg: string, suggest: string) =>
      `FROM argument '${arg}' is not declared` + (suggest !== "" ? ` (did you mean ${suggest}?)` : ""),
  } as Rule<[string, string]>,
  WorkdirRelativePath: {
    name: "WorkdirRelativePath",
    description:
      "Relative workdir without an absolute workdir declared within the build can have unexpected results if the base image changes",
    url: url("workdir-relative-path"),
    format: (workdir: string) => `Relative workdir ${q(workdir)} can have unexpected results if the base image changes`,
  } as Rule<[string]>,
  UndefinedVar: {
    name: "UndefinedVar",
    description: "Variables should be defined before their use",
    url: url("undefined-var"),
    format: (arg: string, suggest: string) =>
      `Usage of undefined variable '$${arg}'` + (suggest !== "" ? ` (did you mean $${suggest}?)` : ""),
  } as Rule<[string, string]>,
  MultipleInstructionsDisallowed: {
    name: "MultipleInstructionsDisallowed",
    description: "Multiple instructions of the same type should not be used in the same stage",
    url: url("multiple-instructions-disallowed"),
    format: (instruction: string) =>
      `Multiple ${instruction} instructions should not be used in the same stage because only the last one will be used`,
  } as Rule<[string]>,
  LegacyKeyValueFormat: {
    name: "LegacyKeyValueFormat",
    description: "Legacy key/value format with whitespace separator should not be used",
    url: url("legacy-key-value-format"),
    format: (cmd: string) => `"${cmd} key=value" should be used instead of legacy "${cmd} key value" format`,
  } as Rule<[string]>,
  RedundantTargetPlatform: {
    name: "RedundantTargetPlatform",
    description: "Setting platform to predefined $TARGETPLATFORM in FROM is redundant as this is the default behavior",
    url: url("redundant-target-platform"),
    format: (v: string) => `Setting platform to predefined ${v} in FROM is redundant as this is the default behavior`,
  } as Rule<[string]>,
  SecretsUsedInArgOrEnv: {
    name: "SecretsUsedInArgOrEnv",
    description: "Sensitive data should not be used in the ARG or ENV commands",
    url: url("secrets-used-in-arg-or-env"),
    format: (instruction: string, key: string) =>
      `Do not use ARG or ENV instructions for sensitive data (${instruction} ${q(key)})`,
  } as Rule<[string, string]>,
  InvalidDefaultArgInFrom: {
    name: "InvalidDefaultArgInFrom",
    description: "Default value for global ARG results in an empty or invalid base image name",
    url: url("invalid-default-arg-in-from"),
    format: (baseName: string) => `Default value for ARG ${baseName} results in empty or invalid base image name`,
  } as Rule<[string]>,
  FromPlatformFlagConstDisallowed: {
    name: "FromPlatformFlagConstDisallowed",
    description: "FROM --platform flag should not use a constant value",
    url: url("from-platform-flag-const-disallowed"),
    format: (platform: string) => `FROM --platform flag should not use constant value ${q(platform)}`,
  } as Rule<[string]>,
  ExposeProtoCasing: {
    name: "ExposeProtoCasing",
    description: "Protocol in EXPOSE instruction should be lowercase",
    url: url("expose-proto-casing"),
    format: (port: string) => `Defined protocol '${port}' in EXPOSE instruction should be lowercase`,
  } as Rule<[string]>,
  ExposeInvalidFormat: {
    name: "ExposeInvalidFormat",
    description:
      "IP address and host-port mapping should not be used in EXPOSE instruction. This will become an error in a future release",
    url: url("expose-invalid-format"),
    format: (port: string) =>
      `EXPOSE instruction should not define an IP address or host-port mapping, found '${port}'`,
  } as Rule<[string]>,
};

export type RuleName = keyof typeof RULES;
