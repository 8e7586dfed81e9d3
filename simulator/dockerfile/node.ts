/** BuildKit's parser.Node, the low-level Dockerfile AST, and its Dump(). */
import { goQuote, goQuoteSlice, trimSpace } from "./go-text.ts";

export interface Heredoc {
  /** The terminator word (`EOF`), with quotes removed. */
  name: string;
  /** Leading file descriptor (`3<<EOF` gives 3), 0 when absent. */
  fileDescriptor: number;
  /** False when any part of the terminator word was quoted (no variable expansion). */
  expand: boolean;
  /** `<<-EOF`: leading tabs are stripped from the content. */
  chomp: boolean;
  /** The raw lines between the instruction and the terminator, newlines kept. */
  content: string;
}

export interface Node {
  /** Instruction keyword as written (top-level nodes) or an argument token. */
  value: string;
  /** The next token of this s-expression. */
  next: Node | null;
  /** Root: one child per instruction. ONBUILD's argument node holds the wrapped instruction. */
  children: Node[];
  heredocs: Heredoc[];
  attributes: { json: boolean };
  /** The full logical line (continuations joined), for `docker history` CREATED BY. */
  original: string;
  /** Builder flags such as `--from=build`, only on instruction nodes. */
  flags: string[];
  /** First and last physical line (1-based) of the instruction. */
  startLine: number;
  endLine: number;
  /** Comment lines directly above the instruction (without `#`). */
  prevComment: string[];
}

export function newNode(value = "", next: Node | null = null): Node {
  return {
    value,
    next,
    children: [],
    heredocs: [],
    attributes: { json: false },
    original: "",
    flags: [],
    startLine: 0,
    endLine: 0,
    prevComment: [],
  };
}

/** Exactly BuildKit's `Node.Dump()`: s-expressions with Go `%q` quoting. */
export function dump(node: Node): string {
  let str = node.value.toLowerCase();
  if (node.flags.length > 0) str += " " + goQuoteSlice(node.flags);
  for (const child of node.children) str += "(" + dump(child) + ")\n";
  for (let n = node.next; n !== null; n = n.next) {
    str += " " + (n.children.length > 0 ? dump(n) : goQuote(n.value));
  }
  return trimSpace(str);
}

/** The argument strings of an instruction node (BuildKit's nodeArgs). */
export function nodeArgs(node: Node): string[] {
  const result: string[] = [];
  for (let n = node; n.next !== null; n = n.next) {
    const arg = n.next;
    if (arg.children.length === 0) result.push(arg.value);
    else if (arg.children.length === 1) {
      const sub = arg.children[0];
      if (sub) {
        result.push(sub.value);
        result.push(...nodeArgs(sub));
      }
    }
  }
  return result;
}
