/**
 * Small re-implementations of the Go standard library text helpers that
 * BuildKit's parser relies on: unicode.IsSpace, strconv.Quote (the `%q` verb),
 * strings.TrimSpace, and byte-level UTF-8 views of a string.
 */

/** Go's unicode.IsSpace for a code point. */
export function isSpace(cp: number): boolean {
  if (cp <= 0xff) {
    return cp === 0x20 || (cp >= 0x09 && cp <= 0x0d) || cp === 0x85 || cp === 0xa0;
  }
  return (
    cp === 0x1680 ||
    (cp >= 0x2000 && cp <= 0x200a) ||
    cp === 0x2028 ||
    cp === 0x2029 ||
    cp === 0x202f ||
    cp === 0x205f ||
    cp === 0x3000
  );
}

/** True when the first code point of `ch` is a Go unicode space. */
export function isSpaceChar(ch: string): boolean {
  return ch.length > 0 && isSpace(ch.codePointAt(0) ?? -1);
}

/** strings.TrimLeftFunc(s, unicode.IsSpace) */
export function trimLeftSpace(s: string): string {
  let i = 0;
  while (i < s.length) {
    const cp = s.codePointAt(i) ?? 0;
    if (!isSpace(cp)) break;
    i += cp > 0xffff ? 2 : 1;
  }
  return s.slice(i);
}

/** strings.TrimRightFunc(s, unicode.IsSpace) */
export function trimRightSpace(s: string): string {
  let end = s.length;
  while (end > 0) {
    let start = end - 1;
    const low = s.charCodeAt(start);
    if (low >= 0xdc00 && low <= 0xdfff && start > 0) {
      const high = s.charCodeAt(start - 1);
      if (high >= 0xd800 && high <= 0xdbff) start--;
    }
    const cp = s.codePointAt(start) ?? 0;
    if (!isSpace(cp)) break;
    end = start;
  }
  return s.slice(0, end);
}

/** strings.TrimSpace */
export function trimSpace(s: string): string {
  return trimRightSpace(trimLeftSpace(s));
}

const printable = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

/** strconv.IsPrint */
function isPrint(cp: number): boolean {
  if (cp === 0x20) return true;
  if (cp < 0x20 || cp === 0x7f) return false;
  if (cp < 0x7f) return true;
  return printable.test(String.fromCodePoint(cp));
}

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, "0");
}

/** strconv.Quote: a double-quoted Go string literal. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === '"' || ch === "\\") {
      out += "\\" + ch;
      continue;
    }
    if (isPrint(cp)) {
      out += ch;
      continue;
    }
    switch (cp) {
      case 0x07: out += "\\a"; break;
      case 0x08: out += "\\b"; break;
      case 0x0c: out += "\\f"; break;
      case 0x0a: out += "\\n"; break;
      case 0x0d: out += "\\r"; break;
      case 0x09: out += "\\t"; break;
      case 0x0b: out += "\\v"; break;
      default:
        if (cp < 0x20 || cp === 0x7f) out += "\\x" + hex(cp, 2);
        else if (cp >= 0xd800 && cp <= 0xdfff) out += "\\ufffd";
        else if (cp < 0x10000) out += "\\u" + hex(cp, 4);
        else out += "\\U" + hex(cp, 8);
    }
  }
  return out + '"';
}

/** fmt.Sprintf("%q", []string{...}) */
export function goQuoteSlice(items: readonly string[]): string {
  return "[" + items.map(goQuote).join(" ") + "]";
}

const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8");

export function utf8Bytes(s: string): Uint8Array {
  return encoder.encode(s);
}

export function utf8Decode(b: Uint8Array): string {
  return decoder.decode(b);
}

/** Number of bytes `s` takes in UTF-8. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

/** Replace lone surrogates with U+FFFD, as Go's UTF-8 handling would. */
export function toWellFormed(s: string): string {
  return s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");
}
