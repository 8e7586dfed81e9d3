// Parse-tree node types (after Go's text/template/parse/node.go) and their String() forms.
import { goQuote } from "./strconv.ts";

export interface TextNode { type: "text"; pos: number; text: string }
export interface ActionNode { type: "action"; pos: number; line: number; pipe: PipeNode }
export interface BranchNode {
  type: "if" | "range" | "with";
  pos: number;
  line: number;
  pipe: PipeNode;
  list: ListNode;
  elseList: ListNode | null;
}
export interface TemplateNode { type: "template"; pos: number; line: number; name: string; pipe: PipeNode | null }
export interface BreakNode { type: "break" | "continue"; pos: number; line: number }
export interface ListNode { type: "list"; pos: number; nodes: Node[] }
export interface EndNode { type: "end"; pos: number }
export interface ElseNode { type: "else"; pos: number; line: number }

export interface PipeNode {
  type: "pipe";
  pos: number;
  line: number;
  isAssign: boolean;
  decl: VariableNode[];
  cmds: CommandNode[];
}
export interface CommandNode { type: "command"; pos: number; args: ArgNode[] }
export interface FieldNode { type: "field"; pos: number; ident: string[] }
export interface VariableNode { type: "variable"; pos: number; ident: string[] }
export interface ChainNode { type: "chain"; pos: number; node: ArgNode; field: string[] }
export interface IdentifierNode { type: "identifier"; pos: number; ident: string }
export interface DotNode { type: "dot"; pos: number }
export interface NilNode { type: "nil"; pos: number }
export interface BoolNode { type: "bool"; pos: number; value: boolean }
export interface NumberNode { type: "number"; pos: number; text: string; value: number; isInt: boolean; isFloat: boolean }
export interface StringNode { type: "string"; pos: number; quoted: string; text: string }

export type ArgNode =
  | PipeNode
  | FieldNode
  | VariableNode
  | ChainNode
  | IdentifierNode
  | DotNode
  | NilNode
  | BoolNode
  | NumberNode
  | StringNode;

export type Node = TextNode | ActionNode | BranchNode | TemplateNode | BreakNode | ListNode | EndNode | ElseNode;

export type AnyNode = Node | ArgNode | CommandNode;

function goQuoteName(s: string): string {
  return goQuote(s);
}

/** Go's Node.String(), used as the `<...>` context of execution errors. */
export function nodeString(n: AnyNode): string {
  switch (n.type) {
    case "text":
      return n.text;
    case "action":
      return `{{${nodeString(n.pipe)}}}`;
    case "if":
    case "range":
    case "with": {
      const els = n.elseList ? `{{else}}${nodeString(n.elseList)}` : "";
      return `{{${n.type} ${nodeString(n.pipe)}}}${nodeString(n.list)}${els}{{end}}`;
    }
    case "template":
      return n.pipe
        ? `{{template ${goQuoteName(n.name)} ${nodeString(n.pipe)}}}`
        : `{{template ${goQuoteName(n.name)}}}`;
    case "break":
    case "continue":
      return `{{${n.type}}}`;
    case "list":
      return n.nodes.map(nodeString).join("");
    case "end":
      return "{{end}}";
    case "else":
      return "{{else}}";
    case "pipe": {
      let s = "";
      if (n.decl.length > 0) s = n.decl.map(nodeString).join(", ") + (n.isAssign ? " = " : " := ");
      return s + n.cmds.map(nodeString).join(" | ");
    }
    case "command":
      return n.args.map((a) => (a.type === "pipe" ? `(${nodeString(a)})` : nodeString(a))).join(" ");
    case "field":
      return n.ident.map((i) => "." + i).join("");
    case "variable":
      return n.ident.join(".");
    case "chain": {
      const base = n.node.type === "pipe" ? `(${nodeString(n.node)})` : nodeString(n.node);
      return base + n.field.map((f) => "." + f).join("");
    }
    case "identifier":
      return n.ident;
    case "dot":
      return ".";
    case "nil":
      return "nil";
    case "bool":
      return n.value ? "true" : "false";
    case "number":
      return n.text;
    case "string":
      return n.quoted;
  }
}
