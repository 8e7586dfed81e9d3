// Expression evaluation for template execution, ported from Go's text/template/exec.go.
import { TemplateError } from "./errors.ts";
import { FuncError, type FuncSpec, type ParamType, builtinFuncs } from "./funcs.ts";
import type {
  AnyNode,
  ArgNode,
  ChainNode,
  CommandNode,
  FieldNode,
  IdentifierNode,
  ListNode,
  NumberNode,
  PipeNode,
  VariableNode,
} from "./nodes.ts";
import { nodeString } from "./nodes.ts";
import { formatArg, noFlags } from "./printing.ts";
import { goQuote } from "./strconv.ts";
import { byteLength, isTrue, kindOf, mapGet, typeName } from "./values.ts";

export interface Program {
  name: string;
  text: string;
  trees: Map<string, ListNode>;
  /** Caller and docker funcs; looked up before the builtins. */
  funcs: Map<string, FuncSpec>;
  maxDepth: number;
  maxSteps: number;
  maxOutput: number;
}

export const MISSING: unique symbol = Symbol("missing");
type Final = unknown;

export const BREAK = { signal: "break" };
export const CONTINUE = { signal: "continue" };

const paramTypeName: Record<ParamType, string> = {
  any: "interface {}",
  string: "string",
  int: "int",
  strings: "[]string",
};

export interface Variable {
  name: string;
  value: unknown;
}

export const isNil = (v: unknown): boolean => v === undefined || v === null;

/** Finds a method (function on the prototype chain, not an own property) or getter of a class instance. */
function lookupInherited(obj: object, name: string): { method: (...a: unknown[]) => unknown; getter?: true } | null {
  if (Object.prototype.hasOwnProperty.call(obj, name)) return null;
  let proto: object | null = Object.getPrototypeOf(obj) as object | null;
  while (proto !== null && proto !== Object.prototype && proto !== Map.prototype && proto !== Array.prototype) {
    const desc = Object.getOwnPropertyDescriptor(proto, name);
    if (desc !== undefined) {
      if (desc.get !== undefined) {
        const get = desc.get;
        return { method: () => get.call(obj) as unknown, getter: true };
      }
      if (typeof desc.value === "function" && name !== "constructor") {
        const fn = desc.value as (...a: unknown[]) => unknown;
        return { method: (...a: unknown[]) => fn.apply(obj, a) };
      }
      return null;
    }
    proto = Object.getPrototypeOf(proto) as object | null;
  }
  return null;
}

export class Evaluator {
  protected node: AnyNode | null = null;
  protected vars: Variable[];
  protected depth = 0;
  protected steps = 0;
  protected tmplName: string;

  constructor(
    protected readonly prog: Program,
    data: unknown,
  ) {
    this.vars = [{ name: "$", value: data }];
    this.tmplName = prog.name;
  }

  // ---- errors -------------------------------------------------------------

  protected at(node: AnyNode): void {
    this.node = node;
  }

  errorf(msg: string): never {
    const name = this.tmplName;
    if (this.node === null) throw new TemplateError(`template: ${name}: ${msg}`, "exec");
    const pos = this.node.pos;
    const text = this.prog.text.slice(0, pos);
    const nl = text.lastIndexOf("\n");
    const line = 1 + (text.match(/\n/g)?.length ?? 0);
    const col = byteLength(text.slice(nl + 1));
    const location = `${this.prog.name}:${line}:${col}`;
    throw new TemplateError(
      `template: ${location}: executing ${goQuote(name)} at <${nodeString(this.node)}>: ${msg}`,
      "exec",
    );
  }

  protected step(): void {
    if (++this.steps > this.prog.maxSteps) {
      this.errorf(`exceeded maximum template execution steps (${this.prog.maxSteps})`);
    }
  }

  // ---- variables ----------------------------------------------------------

  protected setVar(name: string, value: unknown): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      const v = this.vars[i];
      if (v !== undefined && v.name === name) {
        v.value = value;
        return;
      }
    }
    this.errorf(`undefined variable: ${name}`);
  }

  protected setTopVar(n: number, value: unknown): void {
    const v = this.vars[this.vars.length - n];
    if (v !== undefined) v.value = value;
  }

  protected varValue(name: string): unknown {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      const v = this.vars[i];
      if (v !== undefined && v.name === name) return v.value;
    }
    return this.errorf(`undefined variable: ${name}`);
  }

  // ---- evaluation ---------------------------------------------------------

  protected evalPipeline(dot: unknown, pipe: PipeNode | null): unknown {
    if (pipe === null) return undefined;
    this.at(pipe);
    let value: unknown = MISSING;
    for (const cmd of pipe.cmds) {
      value = this.evalCommand(dot, cmd, value);
      if (value === null) value = undefined; // a nil interface{} becomes an invalid value
    }
    for (const v of pipe.decl) {
      const name = v.ident[0] ?? "";
      if (pipe.isAssign) this.setVar(name, value);
      else this.vars.push({ name, value });
    }
    return value;
  }

  protected notAFunction(args: ArgNode[] | null, final: Final): void {
    if ((args !== null && args.length > 1) || final !== MISSING) {
      this.errorf(`can't give argument to non-function ${args?.[0] ? nodeString(args[0]) : ""}`);
    }
  }

  protected evalCommand(dot: unknown, cmd: CommandNode, final: Final): unknown {
    this.step();
    const first = cmd.args[0];
    if (first === undefined) return this.errorf("empty command");
    switch (first.type) {
      case "field":
        return this.evalFieldNode(dot, first, cmd.args, final);
      case "chain":
        return this.evalChainNode(dot, first, cmd.args, final);
      case "identifier":
        return this.evalFunction(dot, first, cmd, cmd.args, final);
      case "pipe":
        this.notAFunction(cmd.args, final);
        return this.evalPipeline(dot, first);
      case "variable":
        return this.evalVariableNode(dot, first, cmd.args, final);
    }
    this.at(first);
    this.notAFunction(cmd.args, final);
    switch (first.type) {
      case "bool":
        return first.value;
      case "dot":
        return dot;
      case "nil":
        return this.errorf("nil is not a command");
      case "number":
        return this.idealConstant(first);
      case "string":
        return first.text;
    }
  }

  protected idealConstant(n: NumberNode): unknown {
    this.at(n);
    if (!n.isInt && !n.isFloat) this.errorf(`${n.text} overflows int`);
    if (!n.isInt && !/[.eEpP]/.test(n.text)) this.errorf(`${n.text} overflows int`);
    return n.value;
  }

  protected evalFieldNode(dot: unknown, field: FieldNode, args: ArgNode[] | null, final: Final): unknown {
    this.at(field);
    return this.evalFieldChain(dot, dot, field, field.ident, args, final);
  }

  protected evalChainNode(dot: unknown, chain: ChainNode, args: ArgNode[] | null, final: Final): unknown {
    this.at(chain);
    if (chain.field.length === 0) this.errorf("internal error: no fields in evalChainNode");
    if (chain.node.type === "nil") this.errorf(`indirection through explicit nil in ${nodeString(chain)}`);
    const pipe = this.evalArg(dot, "any", chain.node);
    return this.evalFieldChain(dot, pipe, chain, chain.field, args, final);
  }

  protected evalVariableNode(dot: unknown, v: VariableNode, args: ArgNode[] | null, final: Final): unknown {
    this.at(v);
    const value = this.varValue(v.ident[0] ?? "");
    if (v.ident.length === 1) {
      this.notAFunction(args, final);
      return value;
    }
    return this.evalFieldChain(dot, value, v, v.ident.slice(1), args, final);
  }

  protected evalFieldChain(
    dot: unknown,
    receiver: unknown,
    node: AnyNode,
    ident: string[],
    args: ArgNode[] | null,
    final: Final,
  ): unknown {
    const n = ident.length;
    let r = receiver;
    for (let i = 0; i < n - 1; i++) r = this.evalField(dot, ident[i] ?? "", node, null, MISSING, r);
    return this.evalField(dot, ident[n - 1] ?? "", node, args, final, r);
  }

  protected evalFunction(dot: unknown, node: IdentifierNode, cmd: AnyNode, args: ArgNode[] | null, final: Final): unknown {
    this.at(node);
    const name = node.ident;
    const spec = this.prog.funcs.get(name) ?? (Object.hasOwn(builtinFuncs, name) ? builtinFuncs[name] : undefined);
    if (spec === undefined) return this.errorf(`${goQuote(name)} is not a defined function`);
    return this.evalCall(dot, spec, cmd, name, args, final);
  }

  protected evalField(
    dot: unknown,
    fieldName: string,
    node: AnyNode,
    args: ArgNode[] | null,
    final: Final,
    receiver: unknown,
  ): unknown {
    if (receiver === undefined) return undefined;
    if (receiver === null) this.errorf(`nil pointer evaluating interface {}.${fieldName}`);
    if (typeof receiver === "object") {
      const inherited = lookupInherited(receiver, fieldName);
      if (inherited !== null) {
        const spec: FuncSpec = inherited.getter
          ? { fn: inherited.method, params: [], builtin: false }
          : { fn: inherited.method, params: [], variadic: "any", builtin: false };
        return this.evalCall(dot, spec, node, fieldName, args, final);
      }
    }
    const hasArgs = (args !== null && args.length > 1) || final !== MISSING;
    const kind = kindOf(receiver);
    if (kind === "struct" && Object.prototype.hasOwnProperty.call(receiver, fieldName)) {
      if (hasArgs) this.errorf(`${fieldName} has arguments but cannot be invoked as function`);
      return (receiver as Record<string, unknown>)[fieldName];
    }
    if (kind === "map") {
      if (hasArgs) this.errorf(`${fieldName} is not a method but has arguments`);
      return mapGet(receiver, fieldName);
    }
    return this.errorf(`can't evaluate field ${fieldName} in type ${typeName(receiver)}`);
  }

  protected evalCall(dot: unknown, spec: FuncSpec, node: AnyNode, name: string, args: ArgNode[] | null, final: Final): unknown {
    const argNodes = args === null ? [] : args.slice(1);
    const numIn = argNodes.length + (final !== MISSING ? 1 : 0);
    let numFixed = argNodes.length;
    if (spec.variadic !== undefined) {
      numFixed = spec.params.length;
      if (numIn < numFixed) {
        this.errorf(`wrong number of args for ${name}: want at least ${numFixed} got ${argNodes.length}`);
      }
    } else if (numIn !== spec.params.length) {
      this.errorf(`wrong number of args for ${name}: want ${spec.params.length} got ${numIn}`);
    }

    if (spec.builtin && (name === "and" || name === "or")) {
      let v: unknown = undefined;
      for (const a of argNodes) {
        v = this.evalArg(dot, "any", a);
        if (isTrue(v) === (name === "or")) return v;
      }
      if (final !== MISSING) v = final;
      return v;
    }

    const argv: unknown[] = [];
    let i = 0;
    for (; i < numFixed && i < argNodes.length; i++) {
      argv.push(this.evalArg(dot, spec.params[i] ?? "any", argNodes[i]!));
    }
    if (spec.variadic !== undefined) {
      for (; i < argNodes.length; i++) argv.push(this.evalArg(dot, spec.variadic, argNodes[i]!));
    }
    if (final !== MISSING) {
      let t: ParamType;
      if (spec.variadic !== undefined) t = numIn - 1 < numFixed ? (spec.params[numIn - 1] ?? "any") : spec.variadic;
      else t = spec.params[spec.params.length - 1] ?? "any";
      argv.push(this.validateType(final, t));
    }
    let fn = spec.fn;
    if (spec.builtin && name === "call") {
      const callee = argNodes[0] ? nodeString(argNodes[0]) : formatArg(final, "v", noFlags());
      fn = (target: unknown, ...rest: unknown[]) => {
        if (isNil(target)) throw new FuncError("call of nil");
        if (typeof target !== "function") throw new FuncError(`non-function ${callee} of type ${typeName(target)}`);
        return (target as (...a: unknown[]) => unknown)(...rest);
      };
    }
    try {
      return fn(...argv);
    } catch (e) {
      if (e instanceof TemplateError || e === BREAK || e === CONTINUE) throw e;
      this.at(node);
      const msg = e instanceof Error ? e.message : String(e);
      return this.errorf(`error calling ${name}: ${msg}`);
    }
  }

  protected validateType(value: unknown, typ: ParamType): unknown {
    switch (typ) {
      case "any":
        return value;
      case "strings":
        if (isNil(value)) return [];
        if (Array.isArray(value)) return value;
        break;
      case "string":
        if (typeof value === "string") return value;
        break;
      case "int":
        if (kindOf(value) === "int") return Number(value);
        break;
    }
    if (isNil(value)) this.errorf(`invalid value; expected ${paramTypeName[typ]}`);
    return this.errorf(`wrong type for value; expected ${paramTypeName[typ]}; got ${typeName(value)}`);
  }

  protected evalArg(dot: unknown, typ: ParamType, n: ArgNode): unknown {
    this.at(n);
    switch (n.type) {
      case "dot":
        return this.validateType(dot, typ);
      case "nil":
        if (typ === "any" || typ === "strings") return null;
        return this.errorf(`cannot assign nil to ${paramTypeName[typ]}`);
      case "field":
        return this.validateType(this.evalFieldNode(dot, n, [n], MISSING), typ);
      case "variable":
        return this.validateType(this.evalVariableNode(dot, n, null, MISSING), typ);
      case "pipe":
        return this.validateType(this.evalPipeline(dot, n), typ);
      case "identifier":
        return this.validateType(this.evalFunction(dot, n, n, null, MISSING), typ);
      case "chain":
        return this.validateType(this.evalChainNode(dot, n, null, MISSING), typ);
    }
    switch (typ) {
      case "string":
        if (n.type === "string") return n.text;
        return this.errorf(`expected string; found ${nodeString(n)}`);
      case "int":
        if (n.type === "number" && n.isInt) return n.value;
        return this.errorf(`expected integer; found ${nodeString(n)}`);
      case "strings":
        return this.errorf(`can't handle ${nodeString(n)} for arg of type []string`);
      case "any":
        if (n.type === "bool") return n.value;
        if (n.type === "number") return this.idealConstant(n);
        return n.text;
    }
  }
}

