// Template execution (walking the parse tree), ported from Go's text/template/exec.go.
import { BREAK, CONTINUE, Evaluator, isNil } from "./eval.ts";
import type { BranchNode, Node, TemplateNode } from "./nodes.ts";
import { nodeString } from "./nodes.ts";
import { formatArg, noFlags } from "./printing.ts";
import { goQuote } from "./strconv.ts";
import { isTrue, kindOf, mapEntries, typeName } from "./values.ts";

export type { Program } from "./eval.ts";

export class State extends Evaluator {
  private outLength = 0;
  readonly out: string[] = [];

  private write(s: string): void {
    this.outLength += s.length;
    if (this.outLength > this.prog.maxOutput) this.errorf(`output exceeds ${this.prog.maxOutput} characters`);
    this.out.push(s);
  }

  // ---- walking ------------------------------------------------------------

  walk(dot: unknown, node: Node): void {
    this.step();
    this.at(node);
    switch (node.type) {
      case "action": {
        const val = this.evalPipeline(dot, node.pipe);
        if (node.pipe.decl.length === 0) this.printValue(node, val);
        return;
      }
      case "break":
        throw BREAK;
      case "continue":
        throw CONTINUE;
      case "if":
      case "with":
        return this.walkIfOrWith(node, dot);
      case "list":
        for (const n of node.nodes) this.walk(dot, n);
        return;
      case "range":
        return this.walkRange(dot, node);
      case "template":
        return this.walkTemplate(dot, node);
      case "text":
        return this.write(node.text);
      default:
        return this.errorf(`unknown node: ${nodeString(node)}`);
    }
  }

  private printValue(n: Node, v: unknown): void {
    this.at(n);
    if (isNil(v)) return this.write("<no value>");
    if (kindOf(v) === "func") this.errorf(`can't print ${nodeString(n)} of type ${typeName(v)}`);
    this.write(formatArg(v, "v", noFlags()));
  }

  private walkIfOrWith(node: BranchNode, dot: unknown): void {
    const mark = this.vars.length;
    try {
      const val = this.evalPipeline(dot, node.pipe);
      if (isTrue(val)) this.walk(node.type === "with" ? val : dot, node.list);
      else if (node.elseList !== null) this.walk(dot, node.elseList);
    } finally {
      this.vars.length = mark;
    }
  }

  private walkRange(dot: unknown, r: BranchNode): void {
    this.at(r);
    const mark0 = this.vars.length;
    try {
      const val = this.evalPipeline(dot, r.pipe);
      const mark = this.vars.length;
      const decl = r.pipe.decl;
      const oneIteration = (index: unknown, elem: unknown): void => {
        if (decl.length > 0) {
          if (r.pipe.isAssign) this.setVar(decl[0]?.ident[0] ?? "", decl.length > 1 ? index : elem);
          else this.setTopVar(1, elem);
        }
        if (decl.length > 1) {
          if (r.pipe.isAssign) this.setVar(decl[1]?.ident[0] ?? "", elem);
          else this.setTopVar(2, index);
        }
        try {
          this.walk(elem, r.list);
        } catch (e) {
          if (e !== CONTINUE) throw e;
        } finally {
          this.vars.length = mark;
        }
      };
      let ran = false;
      switch (kindOf(val)) {
        case "slice":
          (val as unknown[]).forEach((e, i) => {
            ran = true;
            oneIteration(i, e);
          });
          break;
        case "map":
          for (const [k, v] of mapEntries(val)) {
            ran = true;
            oneIteration(k, v);
          }
          break;
        case "int": {
          if (decl.length > 1) this.errorf(`can't use ${formatArg(val, "v", noFlags())} to iterate over more than one variable`);
          const n = Number(val);
          for (let i = 0; i < n; i++) {
            ran = true;
            oneIteration(i, i);
          }
          break;
        }
        case "invalid":
        case "nil":
          break;
        default:
          this.errorf(`range can't iterate over ${formatArg(val, "v", noFlags())}`);
      }
      if (!ran && r.elseList !== null) this.walk(dot, r.elseList);
    } catch (e) {
      if (e !== BREAK) throw e;
    } finally {
      this.vars.length = mark0;
    }
  }

  private walkTemplate(dot: unknown, t: TemplateNode): void {
    this.at(t);
    const tree = this.prog.trees.get(t.name);
    if (tree === undefined) this.errorf(`template ${goQuote(t.name)} not defined`);
    if (this.depth >= this.prog.maxDepth) this.errorf(`exceeded maximum template depth (${this.prog.maxDepth})`);
    const newDot = this.evalPipeline(dot, t.pipe);
    const saved = { vars: this.vars, name: this.tmplName, node: this.node };
    this.vars = [{ name: "$", value: newDot }];
    this.tmplName = t.name;
    this.depth++;
    try {
      this.walk(newDot, tree);
    } finally {
      this.depth--;
      this.vars = saved.vars;
      this.tmplName = saved.name;
      this.node = saved.node;
    }
  }

}
