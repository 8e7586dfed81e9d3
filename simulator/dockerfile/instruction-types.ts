/** Typed Dockerfile instructions (BuildKit's instructions package, as plain data). */
import type { ParseWarning } from "./parser.ts";
import type { Node } from "./node.ts";

export interface Located {
  /** First and last physical line (1-based). */
  line: number;
  endLine: number;
  /** The logical line as written (continuations joined), for `docker history` CREATED BY. */
  original: string;
  /** The keyword as written (`RUN`, `run`, `Run`), for casing checks. */
  keyword: string;
  /** Raw builder flags (`--from=build`). */
  flags: string[];
}

export interface KeyValue {
  key: string;
  /** Raw value: quotes and `$VAR` are resolved by the builder with the shell lexer. */
  value: string;
  /** True for the legacy `KEY value` form (LegacyKeyValueFormat). */
  legacy: boolean;
}

export interface ArgDef {
  key: string;
  /** Raw default value, absent for `ARG name`. */
  value?: string;
}

/** Shell form runs through the shell (`/bin/sh -c`), exec form is a JSON array. */
export type CommandLine = { shell: true; command: string } | { shell: false; command: string[] };

export interface InlineFile {
  /** Heredoc terminator name (`EOF`). */
  name: string;
  data: string;
  chomp: boolean;
  expand: boolean;
}

export interface RunMount {
  type: "bind" | "cache" | "tmpfs" | "secret" | "ssh";
  target?: string;
  source?: string;
  from?: string;
  readOnly?: boolean;
  id?: string;
  sharing?: string;
  mode?: string;
  uid?: string;
  gid?: string;
  required?: boolean;
  size?: string;
  env?: string;
  /** The flag value as written. */
  raw: string;
}

export interface HealthConfig {
  /** `["NONE"]`, `["CMD", ...args]` or `["CMD-SHELL", "cmd"]`, as in the image config. */
  test: string[];
  /** Durations in nanoseconds; 0 means the default. */
  interval: number;
  timeout: number;
  startPeriod: number;
  startInterval: number;
  retries: number;
}

export type FromInstruction = Located & { kind: "from"; image: string; stageName?: string; platform?: string };
export type RunInstruction = Located &
  CommandLine & { kind: "run"; mounts: RunMount[]; network?: string; security?: string; heredocs: InlineFile[] };
export type CmdInstruction = Located & CommandLine & { kind: "cmd"; heredocs: InlineFile[] };
export type EntrypointInstruction = Located & CommandLine & { kind: "entrypoint"; heredocs: InlineFile[] };
export type LabelInstruction = Located & { kind: "label"; labels: KeyValue[] };
export type MaintainerInstruction = Located & { kind: "maintainer"; maintainer: string };
export type ExposeInstruction = Located & { kind: "expose"; ports: string[] };
export type EnvInstruction = Located & { kind: "env"; env: KeyValue[] };
export interface CopyFields {
  /** Paths from the context (or stage, or URL for ADD). */
  sources: string[];
  /** Heredoc sources: `COPY <<EOF /dest`. */
  heredocs: InlineFile[];
  dest: string;
  chown?: string;
  chmod?: string;
  link: boolean;
  exclude: string[];
}
export type AddInstruction = Located &
  CopyFields & { kind: "add"; keepGitDir: boolean; checksum?: string; unpack?: boolean };
export type CopyInstruction = Located & CopyFields & { kind: "copy"; from?: string; parents: boolean };
export type VolumeInstruction = Located & { kind: "volume"; volumes: string[] };
export type UserInstruction = Located & { kind: "user"; user: string };
export type WorkdirInstruction = Located & { kind: "workdir"; path: string };
export type ArgInstruction = Located & { kind: "arg"; args: ArgDef[] };
export type OnbuildInstruction = Located & {
  kind: "onbuild";
  /** The trigger as stored in the image config (`RUN echo hi`). */
  expression: string;
  /** The trigger parsed, when it parses. */
  trigger?: Instruction;
};
export type StopsignalInstruction = Located & { kind: "stopsignal"; signal: string };
export type HealthcheckInstruction = Located & { kind: "healthcheck"; health: HealthConfig };
export type ShellInstruction = Located & { kind: "shell"; shell: string[] };

export type Instruction =
  | FromInstruction
  | RunInstruction
  | CmdInstruction
  | EntrypointInstruction
  | LabelInstruction
  | MaintainerInstruction
  | ExposeInstruction
  | EnvInstruction
  | AddInstruction
  | CopyInstruction
  | VolumeInstruction
  | UserInstruction
  | WorkdirInstruction
  | ArgInstruction
  | OnbuildInstruction
  | StopsignalInstruction
  | HealthcheckInstruction
  | ShellInstruction;

export interface Stage {
  /** Position in the Dockerfile, from 0. */
  index: number;
  /** Lowercased `AS` name, if any. */
  name?: string;
  /** The FROM image as written (may hold `$ARG`s). */
  baseName: string;
  platform?: string;
  from: FromInstruction;
  /** Instructions after FROM, up to the next FROM. */
  instructions: Instruction[];
  line: number;
  endLine: number;
}

export interface Dockerfile {
  /** ARG instructions before the first FROM. */
  metaArgs: ArgInstruction[];
  stages: Stage[];
  escapeToken: string;
  warnings: ParseWarning[];
  ast: Node;
}
