// Small ports of Go's strconv helpers: Unquote, UnquoteChar, Quote, number literal parsing.

const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder("utf-8", { fatal: false });

export function utf8Bytes(s: string): Uint8Array {
  return utf8Encoder.encode(s);
}

export function utf8Decode(b: Uint8Array): string {
  return utf8Decoder.decode(b);
}

export class SyntaxError_ extends Error {}

const simpleEscapes: Record<string, number> = {
  a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, "\\": 92,
};

/**
 * Decodes one (possibly escaped) character from s at index i (Go's strconv.UnquoteChar).
 * Returns the bytes it stands for and the index after it. Throws SyntaxError_ on bad syntax.
 */
function unquoteChar(s: string, i: number, quote: string): { bytes: number[]; next: number } {
  const c = s[i];
  if (c === undefined) throw new SyntaxError_("invalid syntax");
  if (c === quote && (quote === "'" || quote === '"')) throw new SyntaxError_("invalid syntax");
  if (c !== "\\") {
    const cp = s.codePointAt(i) ?? 0;
    const ch = String.fromCodePoint(cp);
    return { bytes: Array.from(utf8Bytes(ch)), next: i + ch.length };
  }
  const e = s[i + 1];
  if (e === undefined) throw new SyntaxError_("invalid syntax");
  const simple = simpleEscapes[e];
  if (simple !== undefined) return { bytes: [simple], next: i + 2 };
  if (e === "'" || e === '"') {
    if (e !== quote) throw new SyntaxError_("invalid syntax");
    return { bytes: [e.charCodeAt(0)], next: i + 2 };
  }
  const hexLen = e === "x" ? 2 : e === "u" ? 4 : e === "U" ? 8 : 0;
  if (hexLen > 0) {
    const h = s.slice(i + 2, i + 2 + hexLen);
    if (h.length !== hexLen || !/^[0-9a-fA-F]+$/.test(h)) throw new SyntaxError_("invalid syntax");
    const v = parseInt(h, 16);
    if (e === "x") return { bytes: [v], next: i + 2 + hexLen };
    if (v > 0x10ffff || (v >= 0xd800 && v < 0xe000)) throw new SyntaxError_("invalid syntax");
    return { bytes: Array.from(utf8Bytes(String.fromCodePoint(v))), next: i + 2 + hexLen };
  }
  if (e >= "0" && e <= "7") {
    const o = s.slice(i + 1, i + 4);
    if (!/^[0-7]{3}$/.test(o)) throw new SyntaxError_("invalid syntax");
    const v = parseInt(o, 8);
    if (v > 255) throw new SyntaxError_("invalid syntax");
    return { bytes: [v], next: i + 4 };
  }
  throw new SyntaxError_("invalid syntax");
}

/** Go's strconv.Unquote for "..." and `...` literals. Throws SyntaxError_("invalid syntax"). */
export function unquote(s: string): string {
  if (s.length < 2) throw new SyntaxError_("invalid syntax");
  const q = s[0];
  if (q !== s[s.length - 1]) throw new SyntaxError_("invalid syntax");
  const body = s.slice(1, -1);
  if (q === "`") {
    if (body.includes("`")) throw new SyntaxError_("invalid syntax");
    return body.replace(/\r/g, "");
  }
  if (q !== '"') throw new SyntaxError_("invalid syntax");
  if (!body.includes("\\") && !body.includes('"') && !body.includes("\n")) return body;
  const bytes: number[] = [];
  let i = 0;
  while (i < body.length) {
    if (body[i] === "\n") throw new SyntaxError_("invalid syntax");
    const r = unquoteChar(body, i, '"');
    bytes.push(...r.bytes);
    i = r.next;
  }
  return utf8Decode(Uint8Array.from(bytes));
}

/** Parses a character constant such as 'a' or '\n' into its code point. */
export function parseCharConstant(text: string): number {
  const r = unquoteChar(text, 1, "'");
  if (text.slice(r.next) !== "'") throw new SyntaxError_(`malformed character constant: ${text}`);
  const bytes = Uint8Array.from(r.bytes);
  if (bytes.length === 1) return bytes[0] ?? 0;
  return utf8Decode(bytes).codePointAt(0) ?? 0;
}

export interface ParsedNumber {
  value: number;
  isInt: boolean;
  isFloat: boolean;
}

const INT_RE = /^[+-]?(?:0[xX]_?[0-9a-fA-F]+(?:_[0-9a-fA-F]+)*|0[oO]_?[0-7]+(?:_[0-7]+)*|0[bB]_?[01]+(?:_[01]+)*|0_?[0-7]+(?:_[0-7]+)*|[1-9][0-9]*(?:_[0-9]+)*|0)$/;
const FLOAT_RE = /^[+-]?(?:[0-9]+(?:_[0-9]+)*\.?(?:[0-9]+(?:_[0-9]+)*)?|\.[0-9]+(?:_[0-9]+)*)(?:[eE][+-]?[0-9]+(?:_[0-9]+)*)?$/;

/** Go's parse.newNumber for numeric literals (complex numbers are not supported). */
export function parseNumberLiteral(text: string): ParsedNumber {
  if (INT_RE.test(text)) {
    const neg = text.startsWith("-");
    let t = text.replace(/^[+-]/, "").replace(/_/g, "");
    let big: bigint;
    if (/^0[0-7]+$/.test(t)) t = "0o" + t.slice(1);
    try {
      big = BigInt(t);
    } catch {
      throw new SyntaxError_(`illegal number syntax: ${goQuote(text)}`);
    }
    if (neg) big = -big;
    if (big > 18446744073709551615n || big < -9223372036854775808n) {
      throw new SyntaxError_(`integer overflow: ${goQuote(text)}`);
    }
    return { value: Number(big), isInt: big <= 9223372036854775807n, isFloat: true };
  }
  if (FLOAT_RE.test(text) && /[0-9]/.test(text)) {
    const v = Number(text.replace(/_/g, ""));
    if (!Number.isNaN(v)) {
      if (!/[.eE]/.test(text)) throw new SyntaxError_(`integer overflow: ${goQuote(text)}`);
      return { value: v, isInt: Number.isInteger(v) && Math.abs(v) < 2 ** 63, isFloat: true };
    }
  }
  throw new SyntaxError_(`illegal number syntax: ${goQuote(text)}`);
}

const printableRe = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

/** Go's strconv.IsPrint for a single character. */
export function isPrint(ch: string): boolean {
  return printableRe.test(ch);
}

/** Go's strconv.Quote (or QuoteToASCII when ascii is true). */
export function goQuote(s: string, quote = '"', ascii = false): string {
  let out = quote;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp >= 0xd800 && cp < 0xe000) {
      out += "\\ufffd";
      continue;
    }
    if (ch === quote || ch === "\\") {
      out += "\\" + ch;
      continue;
    }
    if (cp < 0x80 ? cp >= 0x20 && cp < 0x7f : !ascii && isPrint(ch)) {
      out += ch;
      continue;
    }
    switch (cp) {
      case 7: out += "\\a"; continue;
      case 8: out += "\\b"; continue;
      case 12: out += "\\f"; continue;
      case 10: out += "\\n"; continue;
      case 13: out += "\\r"; continue;
      case 9: out += "\\t"; continue;
      case 11: out += "\\v"; continue;
    }
    if (cp < 0x20 || cp === 0x7f) out += "\\x" + cp.toString(16).padStart(2, "0");
    else if (cp < 0x10000) out += "\\u" + cp.toString(16).padStart(4, "0");
    else out += "\\U" + cp.toString(16).padStart(8, "0");
  }
  return out + quote;
}
