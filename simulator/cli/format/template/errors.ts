/** Error thrown for template parse and execution failures; `message` is Go's text/template wording. */
export class TemplateError extends Error {
  /** "parse" for errors from parseTemplate, "exec" for errors from execute. */
  readonly kind: "parse" | "exec";
  constructor(message: string, kind: "parse" | "exec") {
    super(message);
    this.name = "TemplateError";
    this.kind = kind;
  }
}

/** True for the JS engine's stack-overflow error, which we turn into a TemplateError. */
export function isStackOverflow(e: unknown): boolean {
  return e instanceof RangeError && /call stack|too much recursion/i.test(e.message);
}
