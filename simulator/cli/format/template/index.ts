// Go text/template (the subset used by the docker CLI's --format flag) for Node and the browser.
//
//   const t = parseTemplate("{{.Names}}\t{{json .Config.Cmd}}");
//   t.execute(container); // throws TemplateError with Go's wording on failure
//
// Data model (see values.ts): plain objects and Maps are Go maps (printed `map[k:v]` with sorted
// keys; `.Missing` gives `<no value>`), arrays are slices (`[a b]`), integral numbers are ints and
// other numbers float64, undefined is "no value" and null is a nil interface. Wrap an object with
// asStruct(obj, "types.Container") to make it a struct (printed `{v1 v2}`, JSON in field order,
// missing fields are errors). Methods and getters of class instances are callable as `.Name`.
import { TemplateError, isStackOverflow } from "./errors.ts";
import { type Program, State } from "./exec.ts";
import { type FuncSpec, builtinFuncs, dockerFuncs, userFunc } from "./funcs.ts";
import { parse } from "./parser.ts";

export { TemplateError } from "./errors.ts";
export { asStruct } from "./values.ts";

export interface CompiledTemplate {
  /** Executes the template against `data`; throws TemplateError on execution errors. */
  execute(data: unknown): string;
}

export interface ParseOptions {
  /** Extra template functions; they override docker's and Go's builtins of the same name. */
  funcs?: Record<string, (...args: unknown[]) => unknown>;
  /** Maximum nesting of {{template}} calls (default 1000, Go's limit on wasm). */
  maxDepth?: number;
  /** Maximum number of execution steps (default 1,000,000) to bound runaway templates. */
  maxSteps?: number;
  /** Maximum output length in characters (default 64 MiB). */
  maxOutput?: number;
}

/**
 * Parses a Go template with docker/cli's default functions (json, split, join, title, lower,
 * upper, pad, truncate) plus Go's builtins. Throws TemplateError with Go's parse-error text,
 * e.g. `template: :1: function "foo" not defined` (docker prefixes "template parsing error: ").
 */
export function parseTemplate(text: string, options?: ParseOptions): CompiledTemplate {
  const funcs = new Map<string, FuncSpec>(Object.entries(dockerFuncs));
  for (const [name, fn] of Object.entries(options?.funcs ?? {})) funcs.set(name, userFunc(fn));
  const hasFunction = (name: string): boolean => funcs.has(name) || Object.hasOwn(builtinFuncs, name);
  let trees: Map<string, import("./nodes.ts").ListNode>;
  try {
    trees = parse("", text, hasFunction).trees;
  } catch (e) {
    if (isStackOverflow(e)) throw new TemplateError("template: :1: max expression depth exceeded", "parse");
    throw e;
  }
  const prog: Program = {
    name: "",
    text,
    trees,
    funcs,
    maxDepth: options?.maxDepth ?? 1000,
    maxSteps: options?.maxSteps ?? 1_000_000,
    maxOutput: options?.maxOutput ?? 64 * 1024 * 1024,
  };
  return {
    execute(data: unknown): string {
      const root = prog.trees.get(prog.name);
      if (root === undefined) throw new TemplateError(`template: : "" is an incomplete or empty template`, "exec");
      const state = new State(prog, data);
      try {
        state.walk(data, root);
      } catch (e) {
        if (isStackOverflow(e)) throw new TemplateError(`template: : exceeded maximum template depth (${prog.maxDepth})`, "exec");
        throw e;
      }
      return state.out.join("");
    },
  };
}

/** True when a --format value asks for table output (docker: starts with "table"). */
export function isTableFormat(format: string): boolean {
  return format.startsWith("table");
}

/** Removes the leading "table" and one following space or tab: "table {{.ID}}" -> "{{.ID}}". */
export function stripTablePrefix(format: string): string {
  if (!isTableFormat(format)) return format;
  const rest = format.slice("table".length);
  return rest.startsWith(" ") || rest.startsWith("\t") ? rest.slice(1) : rest;
}
