// Parser for Go text/template, ported from Go's text/template/parse/parse.go.
import { type Item, T, lex } from "./lexer.ts";
import type {
  ArgNode,
  BranchNode,
  CommandNode,
  ElseNode,
  EndNode,
  ListNode,
  Node,
  PipeNode,
  TemplateNode,
  VariableNode,
} from "./nodes.ts";
import { nodeString } from "./nodes.ts";
import { type ParseContext, TokenStream } from "./parsebase.ts";
import { SyntaxError_, goQuote, parseCharConstant, parseNumberLiteral } from "./strconv.ts";

/** Maximum nesting of parenthesised pipelines and control structures (Go's wasm limit). */
const MAX_STACK_DEPTH = 1000;
const MAX_PIPELINE_CMDS = 100000;

function isEmptyTree(n: Node | null): boolean {
  if (n === null) return true;
  if (n.type === "list") return n.nodes.every(isEmptyTree);
  if (n.type === "text") return n.text.trim() === "";
  return false;
}

class Tree extends TokenStream {
  name: string;
  private vars: string[] = ["$"];
  private rangeDepth = 0;
  private stackDepth = 0;

  constructor(name: string, ctx: ParseContext) {
    super(ctx);
    this.name = name;
  }

  add(): void {
    const existing = this.ctx.treeSet.get(this.name);
    if (existing === undefined || isEmptyTree(existing)) {
      this.ctx.treeSet.set(this.name, this.root ?? { type: "list", pos: 0, nodes: [] });
      return;
    }
    if (!isEmptyTree(this.root)) this.errorf(`template: multiple definition of template ${goQuote(this.name)}`);
  }

  /** Top-level parse: like itemList but also handles {{define}}; runs to EOF. */
  parse(): void {
    this.root = { type: "list", pos: this.peek().pos, nodes: [] };
    while (this.peek().typ !== T.EOF) {
      if (this.peek().typ === T.LeftDelim) {
        const delim = this.next();
        if (this.nextNonSpace().typ === T.Define) {
          const t = new Tree("definition", this.ctx);
          t.parseDefinition();
          continue;
        }
        this.backup2(delim);
      }
      const n = this.textOrAction();
      if (n.type === "end" || n.type === "else") this.errorf(`unexpected ${nodeString(n)}`);
      this.root.nodes.push(n);
    }
  }

  private parseDefinition(): void {
    const context = "define clause";
    const token = this.nextNonSpace();
    if (token.typ !== T.String && token.typ !== T.RawString) this.unexpected(token, context);
    this.name = this.unquoteOrFail(token.val);
    this.expect(T.RightDelim, context);
    const [list, end] = this.itemList();
    this.root = list;
    if (end.type !== "end") this.errorf(`unexpected ${nodeString(end)} in ${context}`);
    this.add();
  }

  private itemList(): [ListNode, EndNode | ElseNode] {
    const list: ListNode = { type: "list", pos: this.peekNonSpace().pos, nodes: [] };
    while (this.peekNonSpace().typ !== T.EOF) {
      const n = this.textOrAction();
      if (n.type === "end" || n.type === "else") return [list, n];
      list.nodes.push(n);
    }
    this.errorf("unexpected EOF");
  }

  private textOrAction(): Node {
    const token = this.nextNonSpace();
    if (token.typ === T.Text) return { type: "text", pos: token.pos, text: token.val };
    if (token.typ === T.LeftDelim) {
      this.actionLine = token.line;
      try {
        return this.action();
      } finally {
        this.actionLine = 0;
      }
    }
    this.unexpected(token, "input");
  }

  private action(): Node {
    const token = this.nextNonSpace();
    switch (token.typ) {
      case T.Block:
        return this.blockControl();
      case T.Break:
      case T.Continue:
        return this.breakControl(token);
      case T.Else:
        return this.elseControl();
      case T.End:
        return { type: "end", pos: this.expect(T.RightDelim, "end").pos };
      case T.If:
        return this.branch("if");
      case T.Range:
        return this.branch("range");
      case T.Template:
        return this.templateControl();
      case T.With:
        return this.branch("with");
    }
    this.backup();
    const tok = this.peek();
    return { type: "action", pos: tok.pos, line: tok.line, pipe: this.pipeline("command", T.RightDelim) };
  }

  private breakControl(kw: Item): Node {
    const name = kw.typ === T.Break ? "break" : "continue";
    const token = this.nextNonSpace();
    if (token.typ !== T.RightDelim) this.unexpected(token, `{{${name}}}`);
    if (this.rangeDepth === 0) this.errorf(`{{${name}}} outside {{range}}`);
    return { type: name, pos: kw.pos, line: kw.line };
  }

  private pipeline(context: string, end: T): PipeNode {
    const first = this.peekNonSpace();
    const pipe: PipeNode = { type: "pipe", pos: first.pos, line: first.line, isAssign: false, decl: [], cmds: [] };
    for (;;) {
      const v = this.peekNonSpace();
      if (v.typ !== T.Variable) break;
      this.next();
      const tokenAfterVariable = this.peek();
      const nxt = this.peekNonSpace();
      if (nxt.typ === T.Assign || nxt.typ === T.Declare) {
        pipe.isAssign = nxt.typ === T.Assign;
        this.nextNonSpace();
        pipe.decl.push(this.newVariable(v.pos, v.val));
        this.vars.push(v.val);
      } else if (nxt.typ === T.Char && nxt.val === ",") {
        this.nextNonSpace();
        pipe.decl.push(this.newVariable(v.pos, v.val));
        this.vars.push(v.val);
        if (context === "range" && pipe.decl.length < 2) {
          const p = this.peekNonSpace().typ;
          if (p === T.Variable || p === T.RightDelim || p === T.RightParen) continue;
          this.errorf("range can only initialize variables");
        }
        this.errorf(`too many declarations in ${context}`);
      } else if (tokenAfterVariable.typ === T.Space) {
        this.backup3(v, tokenAfterVariable);
      } else {
        this.backup2(v);
      }
      break;
    }
    for (;;) {
      const token = this.nextNonSpace();
      if (token.typ === end) {
        this.checkPipeline(pipe, context);
        return pipe;
      }
      switch (token.typ) {
        case T.Bool:
        case T.CharConstant:
        case T.Complex:
        case T.Dot:
        case T.Field:
        case T.Identifier:
        case T.Number:
        case T.Nil:
        case T.RawString:
        case T.String:
        case T.Variable:
        case T.LeftParen:
          this.backup();
          pipe.cmds.push(this.command());
          if (pipe.cmds.length > MAX_PIPELINE_CMDS) this.errorf("pipeline too long");
          break;
        default:
          this.unexpected(token, context);
      }
    }
  }

  private checkPipeline(pipe: PipeNode, context: string): void {
    if (pipe.cmds.length === 0) this.errorf(`missing value for ${context}`);
    pipe.cmds.slice(1).forEach((c, i) => {
      const t = c.args[0]?.type;
      if (t === "bool" || t === "dot" || t === "nil" || t === "number" || t === "string") {
        this.errorf(`non executable command in pipeline stage ${i + 2}`);
      }
    });
  }

  private branch(context: "if" | "range" | "with"): BranchNode {
    const savedVars = this.vars.length;
    if (++this.ctx.controlDepth > MAX_STACK_DEPTH) this.errorf("max expression depth exceeded");
    try {
      const pipe = this.pipeline(context, T.RightDelim);
      if (context === "range") this.rangeDepth++;
      const [list, next] = this.itemList();
      if (context === "range") this.rangeDepth--;
      let elseList: ListNode | null = null;
      if (next.type === "else") {
        if ((context === "if" && this.peek().typ === T.If) || (context === "with" && this.peek().typ === T.With)) {
          this.next();
          elseList = { type: "list", pos: next.pos, nodes: [this.branch(context)] };
        } else {
          const [els, end] = this.itemList();
          elseList = els;
          if (end.type !== "end") this.errorf(`expected end; found ${nodeString(end)}`);
        }
      }
      return { type: context, pos: pipe.pos, line: pipe.line, pipe, list, elseList };
    } finally {
      this.vars.length = savedVars;
      this.ctx.controlDepth--;
    }
  }

  private elseControl(): ElseNode {
    const peek = this.peekNonSpace();
    if (peek.typ === T.If || peek.typ === T.With) return { type: "else", pos: peek.pos, line: peek.line };
    const token = this.expect(T.RightDelim, "else");
    return { type: "else", pos: token.pos, line: token.line };
  }

  private blockControl(): TemplateNode {
    const context = "block clause";
    const token = this.nextNonSpace();
    const name = this.parseTemplateName(token, context);
    const pipe = this.pipeline(context, T.RightDelim);
    const block = new Tree(name, this.ctx);
    const [list, end] = block.itemList();
    block.root = list;
    if (end.type !== "end") this.errorf(`unexpected ${nodeString(end)} in ${context}`);
    block.add();
    return { type: "template", pos: token.pos, line: token.line, name, pipe };
  }

  private templateControl(): TemplateNode {
    const context = "template clause";
    const token = this.nextNonSpace();
    const name = this.parseTemplateName(token, context);
    let pipe: PipeNode | null = null;
    if (this.nextNonSpace().typ !== T.RightDelim) {
      this.backup();
      pipe = this.pipeline(context, T.RightDelim);
    }
    return { type: "template", pos: token.pos, line: token.line, name, pipe };
  }

  private parseTemplateName(token: Item, context: string): string {
    if (token.typ === T.String || token.typ === T.RawString) return this.unquoteOrFail(token.val);
    this.unexpected(token, context);
  }

  private command(): CommandNode {
    const cmd: CommandNode = { type: "command", pos: this.peekNonSpace().pos, args: [] };
    for (;;) {
      this.peekNonSpace();
      const operand = this.operand();
      if (operand !== null) cmd.args.push(operand);
      const token = this.next();
      if (token.typ === T.Space) continue;
      if (token.typ === T.RightDelim || token.typ === T.RightParen) this.backup();
      else if (token.typ !== T.Pipe) this.unexpected(token, "operand");
      break;
    }
    if (cmd.args.length === 0) this.errorf("empty command");
    return cmd;
  }

  private operand(): ArgNode | null {
    const node = this.term();
    if (node === null) return null;
    if (this.peek().typ !== T.Field) return node;
    const pos = this.peek().pos;
    const fields: string[] = [];
    while (this.peek().typ === T.Field) fields.push(this.next().val.slice(1));
    switch (node.type) {
      case "field":
        return { type: "field", pos, ident: [...node.ident, ...fields] };
      case "variable":
        return { type: "variable", pos, ident: [...node.ident, ...fields] };
      case "bool":
      case "string":
      case "number":
      case "nil":
      case "dot":
        this.errorf(`unexpected . after term ${goQuote(nodeString(node))}`);
      // falls through (errorf never returns)
      default:
        return { type: "chain", pos, node, field: fields };
    }
  }

  private term(): ArgNode | null {
    const token = this.nextNonSpace();
    switch (token.typ) {
      case T.Identifier:
        if (!this.ctx.hasFunction(token.val)) this.errorf(`function ${goQuote(token.val)} not defined`);
        return { type: "identifier", pos: token.pos, ident: token.val };
      case T.Dot:
        return { type: "dot", pos: token.pos };
      case T.Nil:
        return { type: "nil", pos: token.pos };
      case T.Variable: {
        const v = this.newVariable(token.pos, token.val);
        if (!this.vars.includes(v.ident[0] ?? "")) this.errorf(`undefined variable ${goQuote(v.ident[0] ?? "")}`);
        return v;
      }
      case T.Field:
        return { type: "field", pos: token.pos, ident: token.val.slice(1).split(".") };
      case T.Bool:
        return { type: "bool", pos: token.pos, value: token.val === "true" };
      case T.CharConstant:
      case T.Complex:
      case T.Number:
        return this.newNumber(token);
      case T.LeftParen: {
        if (this.stackDepth >= MAX_STACK_DEPTH) this.errorf("max expression depth exceeded");
        this.stackDepth++;
        try {
          return this.pipeline("parenthesized pipeline", T.RightParen);
        } finally {
          this.stackDepth--;
        }
      }
      case T.String:
      case T.RawString:
        return { type: "string", pos: token.pos, quoted: token.val, text: this.unquoteOrFail(token.val) };
    }
    this.backup();
    return null;
  }

  private newNumber(token: Item): ArgNode {
    try {
      if (token.typ === T.CharConstant) {
        const value = parseCharConstant(token.val);
        return { type: "number", pos: token.pos, text: token.val, value, isInt: true, isFloat: true };
      }
      if (token.typ === T.Complex || token.val.endsWith("i")) {
        throw new SyntaxError_(`complex numbers are not supported: ${goQuote(token.val)}`);
      }
      const n = parseNumberLiteral(token.val);
      return { type: "number", pos: token.pos, text: token.val, ...n };
    } catch (e) {
      if (e instanceof SyntaxError_) this.errorf(e.message);
      throw e;
    }
  }

  private newVariable(pos: number, name: string): VariableNode {
    return { type: "variable", pos, ident: name.split(".") };
  }
}

export interface ParsedTemplates {
  text: string;
  trees: Map<string, ListNode>;
}

/** Parses `text` as the template named `name`; returns all trees (the main one plus {{define}}s). */
export function parse(name: string, text: string, hasFunction: (name: string) => boolean): ParsedTemplates {
  const ctx: ParseContext = {
    parseName: name,
    items: lex(text),
    index: 0,
    hasFunction,
    treeSet: new Map(),
    controlDepth: 0,
  };
  const t = new Tree(name, ctx);
  t.parse();
  t.add();
  return { text, trees: ctx.treeSet };
}
