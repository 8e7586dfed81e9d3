/** What stage of loading a compose project failed. */
export type ComposeErrorKind =
  | "file" // no compose file, unreadable file, missing env_file
  | "yaml" // the YAML does not parse
  | "schema" // the document does not match the Compose Specification
  | "interpolation" // ${VAR:?err}, invalid ${...} template
  | "env" // a .env / env_file that does not parse
  | "project" // project-level rules: project name, undefined volumes/networks, conflicts
  | "dependency"; // depends_on: undefined service, cycle

/** The only error type the compose loader throws. `message` is Compose v5's text. */
export class ComposeError extends Error {
  readonly kind: ComposeErrorKind;
  /** The compose (or env) file the error is about, when known. */
  readonly file: string | undefined;
  /** 1-based line of the problem in `file`, when known (YAML errors). */
  readonly line: number | undefined;
  /** 1-based column of the problem in `file`, when known (YAML errors). */
  readonly column: number | undefined;

  constructor(
    kind: ComposeErrorKind,
    message: string,
    where: { file?: string | undefined; line?: number | undefined; column?: number | undefined } = {},
  ) {
    super(message);
    this.name = "ComposeError";
    this.kind = kind;
    this.file = where.file;
    this.line = where.line;
    this.column = where.column;
  }
}

/** The error message compose-go appends to consistency errors. */
export const INVALID_PROJECT = "invalid compose project";
