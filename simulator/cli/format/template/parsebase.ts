// Token-stream plumbing shared by the template parser (Go's parse.Tree lookahead and errors).
import { TemplateError } from "./errors.ts";
import { type Item, T, itemString } from "./lexer.ts";
import type { ListNode } from "./nodes.ts";
import { SyntaxError_, unquote } from "./strconv.ts";

export interface ParseContext {
  parseName: string;
  items: Item[];
  index: number;
  hasFunction: (name: string) => boolean;
  treeSet: Map<string, ListNode>;
  controlDepth: number;
}

const dummy: Item = { typ: T.EOF, pos: 0, val: "", line: 0 };

/** Three-token lookahead over the lexer's items, with Go's parse error formatting. */
export class TokenStream {
  protected readonly ctx: ParseContext;
  protected readonly token: Item[] = [dummy, dummy, dummy];
  protected peekCount = 0;
  protected actionLine = 0;
  /** Set to null when parsing fails (Go clears Tree.Root in errorf). */
  root: ListNode | null = null;

  constructor(ctx: ParseContext) {
    this.ctx = ctx;
  }

  protected nextItem(): Item {
    const items = this.ctx.items;
    const it = items[this.ctx.index] ?? items[items.length - 1] ?? dummy;
    if (this.ctx.index < items.length) this.ctx.index++;
    return it;
  }

  protected next(): Item {
    if (this.peekCount > 0) this.peekCount--;
    else this.token[0] = this.nextItem();
    return this.token[this.peekCount] ?? dummy;
  }

  protected backup(): void {
    this.peekCount++;
  }

  protected backup2(t1: Item): void {
    this.token[1] = t1;
    this.peekCount = 2;
  }

  protected backup3(t2: Item, t1: Item): void {
    this.token[1] = t1;
    this.token[2] = t2;
    this.peekCount = 3;
  }

  protected peek(): Item {
    if (this.peekCount > 0) return this.token[this.peekCount - 1] ?? dummy;
    this.peekCount = 1;
    this.token[0] = this.nextItem();
    return this.token[0];
  }

  protected nextNonSpace(): Item {
    let token: Item;
    do token = this.next();
    while (token.typ === T.Space);
    return token;
  }

  protected peekNonSpace(): Item {
    const token = this.nextNonSpace();
    this.backup();
    return token;
  }

  errorf(msg: string): never {
    this.root = null;
    const line = (this.token[0] ?? dummy).line;
    throw new TemplateError(`template: ${this.ctx.parseName}:${line}: ${msg}`, "parse");
  }

  protected expect(expected: T, context: string): Item {
    const token = this.nextNonSpace();
    if (token.typ !== expected) this.unexpected(token, context);
    return token;
  }

  protected unexpected(token: Item, context: string): never {
    if (token.typ === T.Error) {
      let extra = "";
      if (this.actionLine !== 0 && this.actionLine !== token.line) {
        extra = ` in action started at ${this.ctx.parseName}:${this.actionLine}`;
        if (token.val.endsWith(" action")) extra = extra.slice(" in action".length);
      }
      this.errorf(`${itemString(token)}${extra}`);
    }
    this.errorf(`unexpected ${itemString(token)} in ${context}`);
  }

  protected unquoteOrFail(text: string): string {
    try {
      return unquote(text);
    } catch (e) {
      if (e instanceof SyntaxError_) this.errorf(e.message);
      throw e;
    }
  }
}
