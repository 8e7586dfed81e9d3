// .env files as compose-go's dotenv package reads them (a port of its parser).
import { ComposeError } from "./errors.ts";
import { substitute, type Lookup } from "./interpolate.ts";

const isSpace = (c: string) =>
  c === "\t" || c === "\v" || c === "\f" || c === "\r" || c === " " || c === "\u0085" || c === "\u00a0";
// Go's unicode.IsSpace (includes newlines)
const isUnicodeSpace = (c: string) => /\s/u.test(c) || c === "\u0085";
const isLetterOrNumber = (c: string) => /[\p{L}\p{N}]/u.test(c);

const ESCAPE_SEQ = /\\(?:[abcfnrtv$"\\]|0\d{0,3})/g;
const SIMPLE_ESCAPES: Record<string, string> = {
  a: "\x07",
  b: "\b",
  c: "\\c",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
  v: "\v",
  '"': '"',
  "\\": "\\",
};

function expandEscapes(s: string): string {
  return s.replace(ESCAPE_SEQ, (m) => {
    if (m === "\\$") return "$$";
    if (m.startsWith("\\0")) {
      // Go's UnquoteChar on "\NNN": exactly three octal digits, else left as is
      const oct = m.slice(2);
      if (oct.length === 3 && /^[0-7]{3}$/.test(oct)) {
        const n = parseInt(oct, 8);
        return n <= 255 ? String.fromCharCode(n) : m;
      }
      return m;
    }
    const c = m.slice(1);
    if (c === "c") return m; // not a Go escape: UnquoteChar fails, match kept
    return SIMPLE_ESCAPES[c] ?? m;
  });
}

function trimRightUnicodeSpace(s: string): string {
  let end = s.length;
  while (end > 0 && isUnicodeSpace(s[end - 1]!)) end--;
  return s.slice(0, end);
}

function trimLeftSpace(s: string): string {
  let i = 0;
  while (i < s.length && isSpace(s[i]!)) i++;
  return s.slice(i);
}

/**
 * Parse the text of an env file. `lookup` resolves variables that are not in the file
 * (and inherited `KEY` lines); it takes precedence over earlier keys of the file when
 * expanding `${VAR}` in values, as compose-go does.
 */
export function parseDotEnv(text: string, lookup: Lookup = () => undefined, file?: string): Map<string, string> {
  const out = new Map<string, string>();
  let src = text.startsWith("\ufeff") ? text.slice(1) : text;
  let line = 1;
  const fail = (msg: string): never => {
    throw new ComposeError("env", file ? `failed to read ${file}: ${msg}` : msg, { file, line });
  };
  const expand = (value: string): string => {
    try {
      return substitute(value, (k) => lookup(k) ?? out.get(k));
    } catch (e) {
      return fail(`line ${line}: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  for (;;) {
    // getStatementStart: skip blanks and comment lines
    let found = false;
    while (src.length > 0) {
      let i = 0;
      while (i < src.length && isUnicodeSpace(src[i]!)) {
        if (src[i] === "\n") line++;
        i++;
      }
      src = src.slice(i);
      if (src.length === 0) break;
      if (src[0] !== "#") {
        found = true;
        break;
      }
      const nl = src.indexOf("\n");
      if (nl < 0) {
        src = "";
        break;
      }
      src = src.slice(nl);
    }
    if (!found) break;

    // locateKeyName
    src = trimLeftSpace(src.replace(/^export\s+/, ""));
    let key = "";
    let inherited = false;
    let offset = -1;
    for (let i = 0; i < src.length; i++) {
      const c = src[i]!;
      if (isSpace(c)) continue;
      if (c === "=" || c === ":" || c === "\n") {
        key = src.slice(0, i);
        offset = i + 1;
        inherited = c === "\n";
        break;
      }
      if (c === "_" || c === "." || c === "-" || c === "[" || c === "]") continue;
      // surrogate pairs: check the code point
      const cp = String.fromCodePoint(src.codePointAt(i)!);
      if (isLetterOrNumber(cp)) {
        if (cp.length === 2) i++;
        continue;
      }
      fail(`line ${line}: unexpected character ${JSON.stringify(cp)} in variable name`);
    }
    if (offset < 0) {
      // end of input without '=' or newline: the last line is an inherited key
      key = src;
      offset = src.length;
      inherited = true;
    }
    key = trimRightUnicodeSpace(key);
    let rest = trimLeftSpace(src.slice(offset));
    if (key.includes(" ")) fail(`line ${line}: key cannot contain a space`);

    if (inherited) {
      line++;
      const v = lookup(key);
      if (v !== undefined) out.set(key, v);
      src = rest;
      continue;
    }

    // extractVarValue
    const quote = rest[0];
    if (quote !== '"' && quote !== "'") {
      const nl = rest.indexOf("\n");
      let value = nl < 0 ? rest : rest.slice(0, nl);
      rest = nl < 0 ? "" : rest.slice(nl + 1);
      line++;
      const hash = value.indexOf(" #");
      if (hash >= 0) value = value.slice(0, hash);
      value = trimRightUnicodeSpace(value);
      out.set(key, expand(value));
      src = rest;
      continue;
    }
    let end = -1;
    let lines = 0;
    for (let i = 1; i < rest.length; i++) {
      if (rest[i] === "\n") lines++;
      if (rest[i] !== quote) continue;
      if (rest[i - 1] === "\\") continue;
      end = i;
      break;
    }
    if (end < 0) {
      const nl = rest.indexOf("\n");
      fail(`line ${line}: unterminated quoted value ${nl < 0 ? rest : rest.slice(0, nl)}`);
    }
    let value = rest.slice(1, end);
    if (quote === '"') value = expand(expandEscapes(value));
    line += lines;
    out.set(key, value);
    src = rest.slice(end + 1);
  }
  return out;
}

/** Read an env file as compose does for `.env` / `env_file`: keys that start with a digit are dropped. */
export function readDotEnv(text: string, lookup: Lookup = () => undefined, file?: string): Map<string, string> {
  const all = parseDotEnv(text, lookup, file);
  for (const k of [...all.keys()]) if (/^\s*\d/.test(k)) all.delete(k);
  return all;
}
