/** Command-line flags parsed as spf13/pflag does (GNU style, as the docker CLI uses it). */

export type FlagType = "bool" | "string" | "stringArray" | "int" | "duration" | "list";

export interface FlagSpec {
  long: string;
  short?: string;
  type: FlagType;
  usage: string;
  /** Shown in --help as the value's name, e.g. `string`, `list`, `int`. */
  valueName?: string;
  default?: string | number | boolean;
  hidden?: boolean;
  /** Convert and check a value as pflag's Value.Set does; a thrown message becomes the usage error. */
  parse?: (raw: string) => string | number | boolean;
}

export type FlagValues = Record<string, string | number | boolean | string[] | undefined>;

/** A usage error: printed with the command's usage line, exit code 125. */
export class FlagError extends Error {}

export interface ParsedArgs {
  flags: FlagValues;
  args: string[];
  help: boolean;
}

/**
 * Parse argv against the flag specs. With `interspersed` false (docker run/exec), parsing
 * stops at the first positional argument so the container's own flags pass through.
 */
export function parseFlags(argv: string[], specs: FlagSpec[], interspersed = true): ParsedArgs {
  const flags: FlagValues = {};
  const args: string[] = [];
  let help = false;
  const byLong = new Map(specs.map((s) => [s.long, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short!, s]));

  const set = (spec: FlagSpec, raw: string, shown: string) => {
    if (spec.parse) {
      try {
        flags[spec.long] = spec.parse(raw);
      } catch (error) {
        throw new FlagError(`invalid argument "${raw}" for "${shown}" flag: ${error instanceof Error ? error.message : String(error)}`);
      }
      return;
    }
    switch (spec.type) {
      case "bool": {
        const v = parseBool(raw);
        if (v === undefined) throw new FlagError(`invalid argument "${raw}" for "${shown}" flag: strconv.ParseBool: parsing "${raw}": invalid syntax`);
        flags[spec.long] = v;
        break;
      }
      case "int": {
        if (!/^[+-]?\d+$/.test(raw)) throw new FlagError(`invalid argument "${raw}" for "${shown}" flag: strconv.ParseInt: parsing "${raw}": invalid syntax`);
        flags[spec.long] = Number(raw);
        break;
      }
      case "stringArray":
      case "list":
        flags[spec.long] = [...((flags[spec.long] as string[] | undefined) ?? []), raw];
        break;
      default:
        flags[spec.long] = raw;
    }
  };
  const display = (spec: FlagSpec) => (spec.short ? `-${spec.short}, --${spec.long}` : `--${spec.long}`);

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") {
      args.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith("--") && arg.length > 2) {
      const eq = arg.indexOf("=");
      const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
      if (name === "help") {
        help = true;
        continue;
      }
      const spec = byLong.get(name);
      if (!spec) throw new FlagError(`unknown flag: --${name}`);
      if (eq >= 0) set(spec, arg.slice(eq + 1), display(spec));
      else if (spec.type === "bool") flags[spec.long] = true;
      else if (i + 1 < argv.length) set(spec, argv[++i]!, display(spec));
      else throw new FlagError(`flag needs an argument: --${name}`);
      continue;
    }
    if (arg.startsWith("-") && arg.length > 1) {
      for (let j = 1; j < arg.length; j++) {
        const c = arg[j]!;
        if (c === "h" && !byShort.has("h")) {
          help = true;
          continue;
        }
        const spec = byShort.get(c);
        if (!spec) throw new FlagError(`unknown shorthand flag: '${c}' in ${arg}`);
        if (spec.type === "bool") {
          if (arg[j + 1] === "=") {
            set(spec, arg.slice(j + 2), display(spec));
            break;
          }
          flags[spec.long] = true;
          continue;
        }
        const rest = arg.slice(j + 1);
        if (rest !== "") set(spec, rest.startsWith("=") ? rest.slice(1) : rest, display(spec));
        else if (i + 1 < argv.length) set(spec, argv[++i]!, display(spec));
        else throw new FlagError(`flag needs an argument: '${c}' in -${c}`);
        break;
      }
      continue;
    }
    args.push(arg);
    if (!interspersed) {
      args.push(...argv.slice(i + 1));
      break;
    }
  }
  for (const spec of specs) {
    if (flags[spec.long] === undefined && spec.default !== undefined) flags[spec.long] = spec.default;
  }
  return { flags, args, help };
}

function parseBool(raw: string): boolean | undefined {
  if (["1", "t", "T", "TRUE", "true", "True"].includes(raw)) return true;
  if (["0", "f", "F", "FALSE", "false", "False"].includes(raw)) return false;
  return undefined;
}

/** The Options section of --help, laid out as pflag's FlagUsages does. */
export function flagUsages(specs: FlagSpec[]): string {
  const lines = specs
    .filter((s) => !s.hidden)
    .sort((a, b) => a.long.localeCompare(b.long))
    .map((s) => {
      let left = s.short ? `  -${s.short}, --${s.long}` : `      --${s.long}`;
      const valueName = s.valueName ?? defaultValueName(s.type);
      if (valueName) left += ` ${valueName}`;
      let usage = s.usage;
      if (s.default !== undefined && s.default !== false && s.default !== "" && s.type !== "bool") {
        usage += s.type === "string" ? ` (default "${s.default}")` : ` (default ${s.default})`;
      }
      return { left, usage };
    });
  const width = Math.max(0, ...lines.map((l) => l.left.length));
  // Later lines of a multi-line usage line up under the first, as pflag prints them.
  const indent = " ".repeat(width + 3);
  return lines.map((l) => `${l.left.padEnd(width)}   ${l.usage.split("\n").join(`\n${indent}`)}\n`).join("");
}

function defaultValueName(type: FlagType): string {
  switch (type) {
    case "bool": return "";
    case "stringArray": return "stringArray";
    case "list": return "list";
    case "int": return "int";
    case "duration": return "duration";
    default: return "string";
  }
}
