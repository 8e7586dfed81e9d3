/** Errors raised while parsing a Dockerfile, with BuildKit's texts and line numbers. */

export class DockerfileParseError extends Error {
  /** First line the error refers to (1-based; BuildKit's own quirks kept, 0 possible). */
  readonly line: number;
  /** Last line the error refers to. */
  readonly endLine: number;
  /** The bare message, without the `dockerfile parse error on line N: ` prefix. */
  readonly detail: string;

  constructor(detail: string, line: number, endLine = line, prefixed = false) {
    super(prefixed ? `dockerfile parse error on line ${line}: ${detail}` : detail);
    this.name = "DockerfileParseError";
    this.detail = detail;
    this.line = line;
    this.endLine = endLine < line ? line : endLine;
  }
}

/** An error from the shell lexer (variable expansion), e.g. `failed to process "${X?}": X: is not allowed to be unset`. */
export class ShellExpansionError extends Error {
  /** The inner message without the `failed to process "...": ` wrapper. */
  readonly detail: string;
  constructor(message: string, detail: string) {
    super(message);
    this.name = "ShellExpansionError";
    this.detail = detail;
  }
}
