/**
 * The typed instruction layer (BuildKit's frontend/dockerfile/instructions):
 * turns the parser's tree into typed instructions grouped into stages, with
 * BuildKit's validation and error texts.
 */
import { BFlags, FlagError, formatGoDuration, parseGoDuration, withSuggestion } from "./bflags.ts";
import { DockerfileParseError } from "./errors.ts";
import { goQuote, trimSpace } from "./go-text.ts";
import type {
  ArgDef, ArgInstruction, CommandLine, CopyFields, Dockerfile, FromInstruction, HealthConfig,
  InlineFile, Instruction, KeyValue, Located, Stage,
} from "./instruction-types.ts";
import { nodeArgs, type Heredoc, type Node } from "./node.ts";
import { chompHeredocContent, INSTRUCTIONS, parse, parseHeredoc } from "./parser.ts";
import { MountError, parseMount } from "./run-mount.ts";

export type * from "./instruction-types.ts";

class InstructionError extends Error {}

const fail = (msg: string): never => {
  throw new InstructionError(msg);
};
const errAtLeastOne = (c: string): never => fail(`${c} requires at least one argument`);
const errExactlyOne = (c: string): never => fail(`${c} requires exactly one argument`);
const errNoDest = (c: string): never =>
  fail(`${c} requires at least two arguments, but only one was provided. Destination could not be determined`);

interface Req {
  node: Node;
  command: string;
  args: string[];
  json: boolean;
  heredocs: Heredoc[];
  flags: BFlags;
  loc: Located;
}

function request(node: Node): Req {
  return {
    node,
    command: node.value,
    args: nodeArgs(node),
    json: node.attributes.json,
    heredocs: node.heredocs,
    flags: new BFlags(node.flags),
    loc: {
      line: node.startLine,
      endLine: node.endLine,
      original: node.original,
      keyword: node.value,
      flags: [...node.flags],
    },
  };
}

function mustParseHeredoc(src: string): Heredoc | null {
  try {
    return parseHeredoc(src);
  } catch {
    return null;
  }
}

function commandLine(req: Req): CommandLine {
  if (req.json) return { shell: false, command: [...req.args] };
  return { shell: true, command: req.args.join(" ") };
}

function inlineFiles(req: Req): InlineFile[] {
  return req.heredocs.map((h) => ({ name: h.name, data: h.content, chomp: h.chomp, expand: h.expand }));
}

function keyValues(req: Req, cmd: string): KeyValue[] {
  const args = req.args;
  if (args.length === 0) errAtLeastOne(cmd);
  if (args.length % 3 !== 0) fail(`Bad input to ${cmd}, too many arguments`);
  const out: KeyValue[] = [];
  for (let i = 0; i < args.length; i += 3) {
    const key = args[i] ?? "";
    if (key.length === 0) fail(`${cmd} names can not be blank`);
    out.push({ key, value: args[i + 1] ?? "", legacy: (args[i + 2] ?? "") === "" });
  }
  return out;
}

function copyFields(req: Req, cmd: string): CopyFields {
  const srcs = req.args.slice(0, -1);
  const dest = req.args[req.args.length - 1] ?? "";
  if (mustParseHeredoc(dest)) fail(`${cmd} cannot accept a heredoc as a destination`);
  const lookup = new Map(req.heredocs.map((h) => [h.name, h]));
  const sources: string[] = [];
  const heredocs: InlineFile[] = [];
  for (const src of srcs) {
    const h = mustParseHeredoc(src);
    if (h) {
      let data = lookup.get(h.name)?.content ?? "";
      if (h.chomp) data = chompHeredocContent(data);
      heredocs.push({ name: h.name, data, chomp: h.chomp, expand: h.expand });
    } else sources.push(src);
  }
  const f: CopyFields = { sources, heredocs, dest, link: req.flags.bool("link"), exclude: req.flags.strings("exclude") };
  const chown = req.flags.string("chown");
  const chmod = req.flags.string("chmod");
  if (chown !== "") f.chown = chown;
  if (chmod !== "") f.chmod = chmod;
  return f;
}

function optInterval(flags: BFlags, name: string): number {
  const s = flags.string(name);
  if (s === "") return 0;
  const d = parseGoDuration(s);
  if (d === 0) return 0;
  if (d < 1e6) fail(`Interval ${goQuote(name)} cannot be less than ${formatGoDuration(1e6)}`);
  return d;
}

function parseHealth(req: Req): HealthConfig {
  if (req.args.length === 0) errAtLeastOne("HEALTHCHECK");
  const typ = (req.args[0] ?? "").toUpperCase();
  const rest = req.args.slice(1);
  const empty = { interval: 0, timeout: 0, startPeriod: 0, startInterval: 0, retries: 0 };
  if (typ === "NONE") {
    if (rest.length !== 0) fail("HEALTHCHECK NONE takes no arguments");
    return { test: ["NONE"], ...empty };
  }
  for (const f of ["interval", "timeout", "start-period", "start-interval", "retries"]) req.flags.addString(f);
  req.flags.parse();
  if (typ !== "CMD") fail(`Unknown type ${goQuote(typ)} in HEALTHCHECK (try CMD)`);
  const cmd = req.json ? rest : rest.length === 0 ? [] : [rest.join(" ")];
  if (cmd.length === 0) fail("Missing command after HEALTHCHECK CMD");
  const health: HealthConfig = { test: [req.json ? "CMD" : "CMD-SHELL", ...cmd], ...empty };
  health.interval = optInterval(req.flags, "interval");
  health.timeout = optInterval(req.flags, "timeout");
  health.startPeriod = optInterval(req.flags, "start-period");
  health.startInterval = optInterval(req.flags, "start-interval");
  const retries = req.flags.string("retries");
  if (retries !== "") {
    if (!/^[+-]?[0-9]+$/.test(retries)) fail(`strconv.ParseInt: parsing ${goQuote(retries)}: invalid syntax`);
    const n = Number(retries);
    if (n > 2147483647 || n < -2147483648) fail(`strconv.ParseInt: parsing ${goQuote(retries)}: value out of range`);
    if (n < 0) fail(`--retries cannot be negative (${n})`);
    health.retries = n;
  }
  return health;
}

const validStageName = /^[a-z][a-z0-9\-_.]*$/;

function parseFrom(req: Req): FromInstruction {
  const args = req.args;
  let stageName: string | undefined;
  if (args.length === 3 && (args[1] ?? "").toLowerCase() === "as") {
    stageName = (args[2] ?? "").toLowerCase();
    if (!validStageName.test(stageName)) {
      fail(`invalid name for build stage: ${goQuote(args[2] ?? "")}, name can't start with a number or contain symbols`);
    }
  } else if (args.length !== 1) fail("FROM requires either one or three arguments");
  req.flags.addString("platform");
  req.flags.parse();
  const from: FromInstruction = { ...req.loc, kind: "from", image: args[0] ?? "" };
  if (stageName !== undefined) from.stageName = stageName;
  const platform = req.flags.string("platform");
  if (platform !== "") from.platform = platform;
  return from;
}

function parseArg(req: Req): ArgInstruction {
  if (req.args.length < 1) errAtLeastOne("ARG");
  const args: ArgDef[] = req.args.map((arg) => {
    const i = arg.indexOf("=");
    if (i < 0) return { key: arg };
    if (i === 0) fail("ARG names can not be blank");
    return { key: arg.slice(0, i), value: arg.slice(i + 1) };
  });
  req.flags.parse();
  return { ...req.loc, kind: "arg", args };
}

function notJSON(command: string, original: string): never {
  const o = original.toLowerCase();
  let extra = "";
  if (/"[a-z]:\\.*/.test(o) && !o.includes("\\\\") && o.includes("[") && o.includes("]")) {
    extra = `. It looks like '${o}' includes a file path without an escaped back-slash. JSON requires back-slashes to be escaped such as ["c:\\\\path\\\\to\\\\file.exe", "/parameter"]`;
  }
  return fail(`${command} requires the arguments to be in JSON form${extra}`);
}

function parseOnbuild(req: Req): Instruction {
  if (req.args.length === 0) errAtLeastOne("ONBUILD");
  req.flags.parse();
  const trig = trimSpace(req.args[0] ?? "").toUpperCase();
  if (trig === "ONBUILD") fail("Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
  if (trig === "MAINTAINER" || trig === "FROM") fail(`${trig} isn't allowed as an ONBUILD trigger`);
  let expression = req.node.original.replace(/^[\s]*ONBUILD[\s]*/i, "");
  for (const h of req.heredocs) expression += "\n" + h.content + h.name;
  const out: Instruction = { ...req.loc, kind: "onbuild", expression };
  const inner = req.node.next?.children[0];
  if (inner) {
    try {
      out.trigger = parseInstructionNode({ ...inner, startLine: req.loc.line, endLine: req.loc.endLine, heredocs: req.heredocs });
    } catch {
      // BuildKit parses the trigger only when a child image is built.
    }
  }
  return out;
}

function dispatch(req: Req): Instruction {
  const f = req.flags;
  const loc = req.loc;
  switch (req.command.toLowerCase()) {
    case "env":
      f.parse();
      return { ...loc, kind: "env", env: keyValues(req, "ENV") };
    case "maintainer":
      if (req.args.length !== 1) errExactlyOne("MAINTAINER");
      f.parse();
      return { ...loc, kind: "maintainer", maintainer: req.args[0] ?? "" };
    case "label":
      f.parse();
      return { ...loc, kind: "label", labels: keyValues(req, "LABEL") };
    case "add": {
      if (req.args.length < 2) errNoDest("ADD");
      f.addString("chown");
      f.addString("chmod");
      f.addBool("link");
      f.addBool("keep-git-dir");
      f.addString("checksum");
      f.addBool("unpack");
      f.addStrings("exclude");
      f.parse();
      const add: Instruction = { ...loc, kind: "add", ...copyFields(req, "ADD"), keepGitDir: f.bool("keep-git-dir") };
      if (f.string("checksum") !== "") add.checksum = f.string("checksum");
      if (f.isUsed("unpack")) add.unpack = f.bool("unpack");
      return add;
    }
    case "copy": {
      if (req.args.length < 2) errNoDest("COPY");
      f.addString("chown");
      f.addString("from");
      f.addString("chmod");
      f.addBool("link");
      f.addBool("parents");
      f.addStrings("exclude");
      f.parse();
      const copy: Instruction = { ...loc, kind: "copy", ...copyFields(req, "COPY"), parents: f.bool("parents") };
      if (f.string("from") !== "") copy.from = f.string("from");
      return copy;
    }
    case "from":
      return parseFrom(req);
    case "onbuild":
      return parseOnbuild(req);
    case "workdir":
      if (req.args.length !== 1) errExactlyOne("WORKDIR");
      f.parse();
      return { ...loc, kind: "workdir", path: req.args[0] ?? "" };
    case "run": {
      f.addStrings("mount");
      f.addString("network", "default");
      f.addString("security", "sandbox");
      f.parse();
      let mounts;
      try {
        mounts = f.strings("mount").map(parseMount);
      } catch (e) {
        if (e instanceof MountError) fail(e.message);
        throw e;
      }
      const run: Instruction = { ...loc, kind: "run", ...commandLine(req), mounts, heredocs: inlineFiles(req) };
      if (f.isUsed("network")) run.network = f.string("network");
      if (f.isUsed("security")) run.security = f.string("security");
      return run;
    }
    case "cmd":
      f.parse();
      return { ...loc, kind: "cmd", ...commandLine(req), heredocs: inlineFiles(req) };
    case "entrypoint":
      f.parse();
      return { ...loc, kind: "entrypoint", ...commandLine(req), heredocs: inlineFiles(req) };
    case "healthcheck":
      return { ...loc, kind: "healthcheck", health: parseHealth(req) };
    case "expose":
      if (req.args.length === 0) errAtLeastOne("EXPOSE");
      f.parse();
      return { ...loc, kind: "expose", ports: [...req.args].sort() };
    case "user":
      if (req.args.length !== 1) errExactlyOne("USER");
      f.parse();
      return { ...loc, kind: "user", user: req.args[0] ?? "" };
    case "volume": {
      if (req.args.length === 0) errAtLeastOne("VOLUME");
      f.parse();
      const volumes = req.args.map((v) => trimSpace(v));
      if (volumes.some((v) => v === "")) fail("VOLUME specified can not be an empty string");
      return { ...loc, kind: "volume", volumes };
    }
    case "stopsignal":
      if (req.args.length !== 1) errExactlyOne("STOPSIGNAL");
      return { ...loc, kind: "stopsignal", signal: req.args[0] ?? "" };
    case "arg":
      return parseArg(req);
    case "shell": {
      f.parse();
      if (req.args.length === 0) errAtLeastOne("SHELL");
      if (!req.json) notJSON("SHELL", req.node.original);
      return { ...loc, kind: "shell", shell: [...req.args] };
    }
  }
  const names = INSTRUCTIONS.map((n) => n.toUpperCase());
  return fail(withSuggestion(`unknown instruction: ${req.command}`, req.command, names, false));
}

/** ParseInstruction: one instruction node to its typed form. Throws InstructionError-derived DockerfileParseError. */
function parseInstructionNode(node: Node): Instruction {
  try {
    return dispatch(request(node));
  } catch (e) {
    if (e instanceof FlagError) throw new InstructionError(e.message);
    throw e;
  }
}

/** Parse one instruction node (from `parse()`), throwing DockerfileParseError with the `dockerfile parse error on line N:` prefix. */
export function parseInstruction(node: Node): Instruction {
  try {
    return parseInstructionNode(node);
  } catch (e) {
    if (e instanceof InstructionError) throw new DockerfileParseError(e.message, node.startLine, node.endLine, true);
    throw e;
  }
}

/** instructions.Parse: group the AST into stages; ARGs before the first FROM are meta args. */
export function toStages(ast: Node): { stages: Stage[]; metaArgs: ArgInstruction[] } {
  const stages: Stage[] = [];
  const metaArgs: ArgInstruction[] = [];
  for (const n of ast.children) {
    const cmd = parseInstruction(n);
    const current = stages[stages.length - 1];
    if (cmd.kind === "from") {
      const stage: Stage = {
        index: stages.length,
        baseName: cmd.image,
        from: cmd,
        instructions: [],
        line: cmd.line,
        endLine: cmd.endLine,
      };
      if (cmd.stageName !== undefined) stage.name = cmd.stageName;
      if (cmd.platform !== undefined) stage.platform = cmd.platform;
      stages.push(stage);
    } else if (!current) {
      if (cmd.kind === "arg") metaArgs.push(cmd);
      else throw new DockerfileParseError("no build stage in current context", n.startLine, n.endLine);
    } else {
      current.instructions.push(cmd);
      current.endLine = cmd.endLine;
    }
  }
  return { stages, metaArgs };
}

/**
 * Parse a Dockerfile all the way to typed stages, as `docker build` does
 * before building. Throws DockerfileParseError with BuildKit's message.
 */
export function parseDockerfile(text: string): Dockerfile {
  if (text.length === 0) throw new DockerfileParseError("the Dockerfile cannot be empty", 0);
  const result = parse(text);
  const { stages, metaArgs } = toStages(result.ast);
  if (stages.length === 0) {
    throw new DockerfileParseError("dockerfile contains no stages to build", result.ast.startLine, result.ast.endLine);
  }
  return { metaArgs, stages, escapeToken: result.escapeToken, warnings: result.warnings, ast: result.ast };
}
