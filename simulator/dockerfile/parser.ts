/**
 * BuildKit's Dockerfile parser (moby/buildkit frontend/dockerfile/parser)
 * re-implemented: parser directives, comments, line continuations,
 * heredocs, and the per-instruction line parsers. `parse()` returns the
 * same tree as BuildKit's `parser.Parse`, and `dump()` prints `Node.Dump()`.
 */
import { DockerfileParseError, ShellExpansionError } from "./errors.ts";
import { trimLeftSpace, trimSpace, utf8Length } from "./go-text.ts";
import {
  LineParseError,
  parseEnv,
  parseHealthConfig,
  parseIgnore,
  parseLabel,
  parseMaybeJSON,
  parseMaybeJSONToList,
  parseNameOrNameVal,
  parseString,
  parseStringsWhitespaceDelimited,
  splitCommand,
  type LineParser,
} from "./line-parsers.ts";
import { newNode, type Heredoc, type Node } from "./node.ts";
import { processWords } from "./shell-lex.ts";

export { dump, nodeArgs, type Heredoc, type Node } from "./node.ts";

export interface Directive {
  /** `syntax`, `escape` or `check`, lowercased. */
  name: string;
  value: string;
  line: number;
}

export interface ParseWarning {
  short: string;
  detail: string;
  url: string;
  /** The line where the instruction containing the empty continuation line ends. */
  line: number;
}

export interface ParseResult {
  ast: Node;
  /** `\` or `` ` `` */
  escapeToken: string;
  warnings: ParseWarning[];
  directives: Directive[];
}

/** Instruction keywords BuildKit knows (lowercase). */
export const INSTRUCTIONS = [
  "add", "arg", "cmd", "copy", "entrypoint", "env", "expose", "from", "healthcheck",
  "label", "maintainer", "onbuild", "run", "shell", "stopsignal", "user", "volume", "workdir",
] as const;

const MAX_TOKEN = 64 * 1024;
const VALID_DIRECTIVES = new Set(["syntax", "escape", "check"]);
const directiveRe = /^([a-zA-Z][a-zA-Z0-9]*)[\t\n\f\r ]*=[\t\n\f\r ]*([^\n]+?)[\t\n\f\r ]*$/;
const heredocRe = /^(\d*)<<(-?)([^<]*)$/;
const HEREDOC_INSTRUCTIONS = new Set(["add", "copy", "run"]);

class State {
  escapeToken = "\\";
  continuation = /([^\\])\\[ \t]*$|^\\[ \t]*$/;
  private done = false;
  private seen = new Set<string>();
  private count = 0;
  readonly directives: Directive[] = [];

  setEscapeToken(s: string): void {
    if (s !== "`" && s !== "\\") {
      throw new LineParseError(`invalid escape token '${s}' does not match \` or \\`);
    }
    this.escapeToken = s;
    const e = s === "`" ? "`" : "\\\\";
    this.continuation = new RegExp(`([^${e}])${e}[ \\t]*$|^${e}[ \\t]*$`);
  }

  /** Returns true when `line` was a parser directive. */
  possibleDirective(line: string): boolean {
    this.count++;
    if (this.done) return false;
    if (!line.startsWith("#")) {
      this.done = true;
      return false;
    }
    const m = directiveRe.exec(trimLeftSpace(line.slice(1)));
    const key = (m?.[1] ?? "").toLowerCase();
    if (!m || !VALID_DIRECTIVES.has(key)) {
      this.done = true;
      return false;
    }
    if (this.seen.has(key)) throw new LineParseError(`only one ${key} parser directive can be used`);
    this.seen.add(key);
    const value = m[2] ?? "";
    this.directives.push({ name: key, value, line: this.count });
    if (key === "escape") this.setEscapeToken(value);
    return true;
  }
}

class Scanner {
  private pos = 0;
  tooLong = false;
  constructor(private readonly text: string) {}
  scan(): string | null {
    if (this.tooLong || this.pos >= this.text.length) return null;
    const i = this.text.indexOf("\n", this.pos);
    const end = i < 0 ? this.text.length : i + 1;
    const token = this.text.slice(this.pos, end);
    if (token.length * 3 >= MAX_TOKEN) {
      const n = utf8Length(token);
      if (n > MAX_TOKEN || (i < 0 && n >= MAX_TOKEN)) {
        this.tooLong = true;
        return null;
      }
    }
    this.pos = end;
    return token;
  }
}

const trimNewline = (s: string): string => s.replace(/[\r\n]+$/, "");
const isComment = (line: string): boolean => trimLeftSpace(line).startsWith("#");
const isEmptyContinuationLine = (line: string): boolean => trimLeftSpace(trimNewline(line)).length === 0;

function processLine(st: State, token: string, stripLeftWhitespace: boolean): { line: string; directive: boolean } {
  let t = trimNewline(token);
  if (stripLeftWhitespace) t = trimLeftSpace(t);
  const directive = st.possibleDirective(t);
  return { line: isComment(t) ? "" : t, directive };
}

function trimContinuation(line: string, st: State): { line: string; end: boolean } {
  if (st.continuation.test(line)) return { line: line.replace(st.continuation, "$1"), end: false };
  return { line, end: true };
}

const DISPATCH: Record<string, LineParser> = {
  add: parseMaybeJSONToList,
  arg: parseNameOrNameVal,
  cmd: parseMaybeJSON,
  copy: parseMaybeJSONToList,
  entrypoint: parseMaybeJSON,
  env: parseEnv,
  expose: parseStringsWhitespaceDelimited,
  from: parseStringsWhitespaceDelimited,
  healthcheck: parseHealthConfig,
  label: parseLabel,
  maintainer: parseString,
  run: parseMaybeJSON,
  shell: parseMaybeJSON,
  stopsignal: parseString,
  user: parseString,
  volume: parseMaybeJSONToList,
  workdir: parseString,
};

function newNodeFromLine(line: string, escapeToken: string, comments: string[]): Node {
  const { cmd, flags, args } = splitCommand(line);
  const lower = cmd.toLowerCase();
  let next: Node | null;
  let json = false;
  if (lower === "onbuild") {
    next = null;
    if (args !== "") {
      next = newNode("");
      next.children.push(newNodeFromLine(args, escapeToken, []));
    }
  } else {
    const fn = Object.hasOwn(DISPATCH, lower) ? DISPATCH[lower] ?? parseIgnore : parseIgnore;
    const r = fn(args, escapeToken);
    next = r.node;
    json = r.json;
  }
  const node = newNode(cmd, next);
  node.original = line;
  node.flags = flags;
  node.attributes.json = json;
  node.prevComment = comments;
  return node;
}

function canContainHeredoc(node: Node): boolean {
  let n = node;
  if (n.value.toLowerCase() === "onbuild" && n.next && n.next.children.length > 0) {
    n = n.next.children[0] ?? n;
  }
  return HEREDOC_INSTRUCTIONS.has(n.value.toLowerCase()) && !n.attributes.json;
}

/** ParseHeredoc: the heredoc described by a word such as `<<EOF`, `<<-"EOF"` or `3<<EOF`, or null. */
export function parseHeredoc(src: string): Heredoc | null {
  const m = heredocRe.exec(src);
  if (!m) return null;
  const rest = m[3] ?? "";
  if (rest === "") return null;
  const fdText = m[1] ?? "";
  const fdNum = fdText === "" ? 0 : Number(fdText);
  const fd = Number.isSafeInteger(fdNum) && fdNum <= Number.MAX_SAFE_INTEGER ? fdNum : 0;
  const words = processWords(rest, {}, { skipUnsetEnv: true });
  if (words.length !== 1) return null;
  const raw = processWords(rest, {}, { skipUnsetEnv: true, rawQuotes: true });
  if (raw.length !== words.length) {
    throw new LineParseError(`internal lexing of heredoc produced inconsistent results: ${rest}`);
  }
  const word = words[0] ?? "";
  const quotes = (s: string): number => (s.match(/['"]/g) ?? []).length;
  return {
    name: word,
    fileDescriptor: fd,
    expand: quotes(word) === quotes(raw[0] ?? ""),
    chomp: m[2] === "-",
    content: "",
  };
}

/** The heredocs started on an instruction line. */
export function heredocsFromLine(line: string): Heredoc[] {
  let words: string[];
  try {
    words = processWords(line, {}, { rawQuotes: true, rawEscapes: true, skipUnsetEnv: true });
  } catch {
    words = [];
  }
  const docs: Heredoc[] = [];
  for (const w of words) {
    const h = parseHeredoc(w);
    if (h) docs.push(h);
  }
  return docs;
}

/** ChompHeredocContent: remove leading tabs from every line. */
export function chompHeredocContent(src: string): string {
  return src.replace(/^\t+/gm, "");
}

function located(e: unknown, start: number, end: number): DockerfileParseError {
  if (e instanceof DockerfileParseError) return e;
  if (e instanceof LineParseError || e instanceof ShellExpansionError) {
    return new DockerfileParseError(e.message, start, end);
  }
  throw e;
}

/** Parse a Dockerfile into BuildKit's AST. Throws DockerfileParseError. */
export function parse(text: string): ParseResult {
  const st = new State();
  const scanner = new Scanner(text);
  const root = newNode("");
  root.startLine = -1;
  const warnings: ParseWarning[] = [];
  let comments: string[] = [];
  let currentLine = 0;

  for (let token = scanner.scan(); token !== null; token = scanner.scan()) {
    let raw = token;
    if (currentLine === 0 && raw.startsWith("\ufeff")) raw = raw.slice(1);
    if (isComment(raw)) {
      const comment = trimSpace(raw.slice(1));
      if (comment === "") comments = [];
      else comments.push(comment);
    }
    let processed: { line: string; directive: boolean };
    try {
      processed = processLine(st, raw, true);
    } catch (e) {
      throw located(e, currentLine, 0);
    }
    if (processed.directive) comments = comments.slice(0, -1);
    currentLine++;

    const startLine = currentLine;
    let { line: buf, end: isEndOfLine } = trimContinuation(processed.line, st);
    if (isEndOfLine && buf === "") continue;

    let hasEmptyContinuationLine = false;
    while (!isEndOfLine) {
      const next = scanner.scan();
      if (next === null) break;
      let cont: string;
      try {
        cont = processLine(st, next, false).line;
      } catch (e) {
        throw located(e, currentLine, 0);
      }
      currentLine++;
      if (isComment(next)) continue;
      if (isEmptyContinuationLine(cont)) {
        hasEmptyContinuationLine = true;
        continue;
      }
      const t = trimContinuation(cont, st);
      buf += t.line;
      isEndOfLine = t.end;
    }

    const line = buf;
    if (hasEmptyContinuationLine) {
      warnings.push({
        short: "Empty continuation line found in: " + line,
        detail: "Empty continuation lines will become errors in a future release",
        url: "https://docs.docker.com/go/dockerfile/rule/no-empty-continuation/",
        line: currentLine,
      });
    }

    let child: Node;
    try {
      child = newNodeFromLine(line, st.escapeToken, comments);
      if (canContainHeredoc(child) && line.includes("<<")) {
        for (const heredoc of heredocsFromLine(line)) {
          let terminated = false;
          for (let h = scanner.scan(); h !== null; h = scanner.scan()) {
            currentLine++;
            let possible = trimNewline(h);
            if (heredoc.chomp) possible = possible.replace(/^\t+/, "");
            if (possible === heredoc.name) {
              terminated = true;
              break;
            }
            heredoc.content += h;
          }
          if (!terminated) throw new LineParseError("unterminated heredoc");
          child.heredocs.push(heredoc);
        }
      }
    } catch (e) {
      throw located(e, startLine, currentLine);
    }

    child.startLine = startLine;
    child.endLine = currentLine;
    if (root.startLine < 0) root.startLine = startLine;
    root.endLine = currentLine;
    root.children.push(child);
    comments = [];
  }

  if (root.startLine < 0) throw new DockerfileParseError("file with no instructions", currentLine);
  if (scanner.tooLong) {
    throw new DockerfileParseError(`dockerfile line greater than max allowed size of ${MAX_TOKEN - 1}`, currentLine);
  }
  return { ast: root, escapeToken: st.escapeToken, warnings, directives: st.directives };
}
