/**
 * BuildKit's per-instruction line parsers (parser/line_parsers.go and
 * split_command.go): they turn an instruction's argument text into the
 * linked list of argument nodes.
 */
import { goQuote, isSpace, isSpaceChar, toWellFormed, trimSpace, trimLeftSpace, utf8Bytes, utf8Decode } from "./go-text.ts";
import { newNode, type Node } from "./node.ts";

/** An error raised by a line parser; the parser adds the line numbers. */
export class LineParseError extends Error {}

export interface LineResult {
  node: Node | null;
  json: boolean;
}

export type LineParser = (rest: string, escapeToken: string) => LineResult;

const NONE: LineResult = { node: null, json: false };
const reWhitespace = /[\t\v\f\r ]+/;

/** splitCommand: the keyword (as written), the builder flags, the trimmed argument text. */
export function splitCommand(line: string): { cmd: string; flags: string[]; args: string } {
  const trimmed = trimSpace(line);
  const m = reWhitespace.exec(trimmed);
  if (!m) return { cmd: trimmed, flags: [], args: "" };
  const cmd = trimmed.slice(0, m.index);
  const { rest, flags } = extractBuilderFlags(trimmed.slice(m.index + m[0].length));
  return { cmd, flags, args: trimSpace(rest) };
}

/** extractBuilderFlags, byte for byte as Go does it (non-ASCII bytes become Latin-1 runes). */
export function extractBuilderFlags(line: string): { rest: string; flags: string[] } {
  const b = utf8Bytes(line);
  const words: string[] = [];
  const IN_SPACES = 0;
  const IN_WORD = 1;
  const IN_QUOTE = 2;
  let phase = IN_SPACES;
  let word = "";
  let quote = 0;
  let blankOK = false;
  let ch = 0;
  const rest = (pos: number): string => utf8Decode(b.subarray(pos));
  for (let pos = 0; pos <= b.length; pos++) {
    if (pos !== b.length) ch = b[pos] ?? 0;
    if (phase === IN_SPACES) {
      if (pos === b.length) break;
      if (isSpace(ch)) continue;
      if ((ch !== 0x2d || pos + 1 === b.length || b[pos + 1] !== 0x2d)) {
        return { rest: rest(pos), flags: words };
      }
      phase = IN_WORD;
    }
    if ((phase === IN_WORD || phase === IN_QUOTE) && pos === b.length) {
      if (word !== "--" && (blankOK || word.length > 0)) words.push(word);
      break;
    }
    if (phase === IN_WORD) {
      if (isSpace(ch)) {
        phase = IN_SPACES;
        if (word === "--") return { rest: rest(pos), flags: words };
        if (blankOK || word.length > 0) words.push(word);
        word = "";
        blankOK = false;
        continue;
      }
      if (ch === 0x27 || ch === 0x22) {
        quote = ch;
        blankOK = true;
        phase = IN_QUOTE;
        continue;
      }
      if (ch === 0x5c) {
        if (pos + 1 === b.length) continue;
        pos++;
        ch = b[pos] ?? 0;
      }
      word += String.fromCharCode(ch);
      continue;
    }
    if (phase === IN_QUOTE) {
      if (ch === quote) {
        phase = IN_WORD;
        continue;
      }
      if (ch === 0x5c) {
        if (pos + 1 === b.length) {
          phase = IN_WORD;
          continue;
        }
        pos++;
        ch = b[pos] ?? 0;
      }
      word += String.fromCharCode(ch);
    }
  }
  return { rest: "", flags: words };
}

/** parseWords: split on whitespace, keeping quotes and escapes in the words. */
export function parseWords(rest: string, escapeToken: string): string[] {
  const cps = Array.from(rest);
  const words: string[] = [];
  const IN_SPACES = 0;
  const IN_WORD = 1;
  const IN_QUOTE = 2;
  let phase = IN_SPACES;
  let quote = "";
  let blankOK = false;
  let sb = "";
  let ch = "";
  const n = cps.length;
  for (let pos = 0; pos <= n; pos++) {
    if (pos !== n) ch = cps[pos] ?? "";
    if (phase === IN_SPACES) {
      if (pos === n) break;
      if (isSpaceChar(ch)) continue;
      phase = IN_WORD;
    }
    if ((phase === IN_WORD || phase === IN_QUOTE) && pos === n) {
      if (blankOK || sb.length > 0) words.push(sb);
      break;
    }
    if (phase === IN_WORD) {
      if (isSpaceChar(ch)) {
        phase = IN_SPACES;
        if (blankOK || sb.length > 0) words.push(sb);
        sb = "";
        blankOK = false;
        continue;
      }
      if (ch === "'" || ch === '"') {
        quote = ch;
        blankOK = true;
        phase = IN_QUOTE;
      }
      if (ch === escapeToken) {
        if (pos + 1 === n) continue;
        sb += ch;
        pos++;
        ch = cps[pos] ?? "";
      }
      sb += ch;
      continue;
    }
    if (phase === IN_QUOTE) {
      if (ch === quote) phase = IN_WORD;
      if (ch === escapeToken && quote !== "'") {
        if (pos + 1 === n) {
          phase = IN_WORD;
          continue;
        }
        pos++;
        sb += ch;
        ch = cps[pos] ?? "";
      }
      sb += ch;
    }
  }
  return words;
}

function chain(values: string[]): Node | null {
  let root: Node | null = null;
  let prev: Node | null = null;
  for (const v of values) {
    const node = newNode(v);
    if (prev) prev.next = node;
    else root = node;
    prev = node;
  }
  return root;
}

/** ENV / LABEL: `key=value ...` pairs, or the legacy `key value` form. Each pair is key, value, separator. */
export function parseNameVal(rest: string, key: string, escapeToken: string): Node | null {
  const words = parseWords(rest, escapeToken);
  if (words.length === 0) return null;
  const first = words[0] ?? "";
  if (!first.includes("=")) {
    const m = reWhitespace.exec(rest);
    if (!m) throw new LineParseError(`${key} must have two arguments`);
    return chain([rest.slice(0, m.index), rest.slice(m.index + m[0].length), ""]);
  }
  const values: string[] = [];
  for (const word of words) {
    const i = word.indexOf("=");
    if (i < 0) {
      throw new LineParseError(`Syntax error - can't find = in ${goQuote(word)}. Must be of the form: name=value`);
    }
    values.push(word.slice(0, i), word.slice(i + 1), "=");
  }
  return chain(values);
}

export const parseEnv: LineParser = (rest, esc) => ({ node: parseNameVal(rest, "ENV", esc), json: false });
export const parseLabel: LineParser = (rest, esc) => ({ node: parseNameVal(rest, "LABEL", esc), json: false });

/** ARG: each word is a node (`name` or `name=value`). */
export const parseNameOrNameVal: LineParser = (rest, esc) => ({ node: chain(parseWords(rest, esc)), json: false });

/** FROM, EXPOSE: whitespace-delimited words. */
export const parseStringsWhitespaceDelimited: LineParser = (rest) => {
  if (rest === "") return NONE;
  return { node: chain(rest.split(reWhitespace)), json: false };
};

/** MAINTAINER, USER, WORKDIR, STOPSIGNAL: the whole text as one node. */
export const parseString: LineParser = (rest) => (rest === "" ? NONE : { node: newNode(rest), json: false });

/** Unknown instructions: an empty argument node. */
export const parseIgnore: LineParser = () => ({ node: newNode(""), json: false });

const NOT_JSON = Symbol("not json");

/** parseJSON: a JSON array of strings, or NOT_JSON; throws for arrays with non-strings. */
function parseJSON(rest: string): LineResult | typeof NOT_JSON {
  const text = trimLeftSpace(rest);
  if (!text.startsWith("[")) return NOT_JSON;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return NOT_JSON;
  }
  if (!Array.isArray(parsed)) return NOT_JSON;
  // Go fails to decode numbers that overflow float64: that is a decode error, not a type error.
  if (parsed.some((v) => typeof v === "number" && !Number.isFinite(v))) return NOT_JSON;
  if (hasOverflowNumber(text)) return NOT_JSON;
  const values: string[] = [];
  for (const v of parsed) {
    if (typeof v !== "string") {
      throw new LineParseError("when using JSON array syntax, arrays must be comprised of strings only");
    }
    values.push(toWellFormed(v));
  }
  return { node: chain(values), json: true };
}

function hasOverflowNumber(text: string): boolean {
  // Nested arrays/objects are decoded before the type check in Go; an overflowing number anywhere fails decoding.
  if (!/[eE]/.test(text)) return false;
  try {
    let bad = false;
    JSON.parse(text, (_k, v: unknown) => {
      if (typeof v === "number" && !Number.isFinite(v)) bad = true;
      return v;
    });
    return bad;
  } catch {
    return false;
  }
}

/** RUN, CMD, ENTRYPOINT, SHELL: JSON array (exec form) or the text as one node (shell form). */
export const parseMaybeJSON: LineParser = (rest) => {
  if (rest === "") return NONE;
  const r = parseJSON(rest);
  if (r !== NOT_JSON) return r;
  return { node: newNode(rest), json: false };
};

/** ADD, COPY, VOLUME: JSON array or whitespace-delimited words. */
export const parseMaybeJSONToList: LineParser = (rest, esc) => {
  const r = parseJSON(rest);
  if (r !== NOT_JSON) return r;
  return parseStringsWhitespaceDelimited(rest, esc);
};

/** HEALTHCHECK: a type word (CMD, NONE, ...) followed by a maybe-JSON command; byte-wise as in Go. */
export const parseHealthConfig: LineParser = (rest, esc) => {
  const b = utf8Bytes(rest);
  let sep = 0;
  for (; sep < b.length; sep++) if (isSpace(b[sep] ?? 0)) break;
  let next = sep;
  for (; next < b.length; next++) if (!isSpace(b[next] ?? 0)) break;
  if (sep === 0) return NONE;
  const typ = utf8Decode(b.subarray(0, sep));
  const cmd = parseMaybeJSON(utf8Decode(b.subarray(next)), esc);
  const node = newNode(typ, cmd.node);
  return { node, json: cmd.json };
};
