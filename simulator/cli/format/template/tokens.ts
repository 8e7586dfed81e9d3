// Token (item) types of the template lexer and character helpers, after Go's parse/lex.go.
import { goQuote } from "./strconv.ts";

export const T = {
  Error: 0,
  Bool: 1,
  Char: 2,
  CharConstant: 3,
  Complex: 4,
  Assign: 5,
  Declare: 6,
  EOF: 7,
  Field: 8,
  Identifier: 9,
  LeftDelim: 10,
  LeftParen: 11,
  Number: 12,
  Pipe: 13,
  RawString: 14,
  RightDelim: 15,
  RightParen: 16,
  Space: 17,
  String: 18,
  Text: 19,
  Variable: 20,
  Keyword: 21,
  Block: 22,
  Break: 23,
  Continue: 24,
  Dot: 25,
  Define: 26,
  Else: 27,
  End: 28,
  If: 29,
  Nil: 30,
  Range: 31,
  Template: 32,
  With: 33,
} as const;
export type T = (typeof T)[keyof typeof T];

export interface Item {
  typ: T;
  pos: number;
  val: string;
  line: number;
}

/** Go's quoting of an item for error messages (item.String()). */
export function itemString(i: Item): string {
  if (i.typ === T.EOF) return "EOF";
  if (i.typ === T.Error) return i.val;
  if (i.typ > T.Keyword) return `<${i.val}>`;
  const chars = Array.from(i.val);
  if (chars.length > 10) return `${quoteSimple(chars.slice(0, 10).join(""))}...`;
  return quoteSimple(i.val);
}

export function quoteSimple(s: string): string {
  return goQuote(s);
}

export function isSpace(c: string): boolean {
  return c === " " || c === "\t" || c === "\r" || c === "\n";
}

export function isAlphaNumeric(c: string): boolean {
  return c === "_" || /^[\p{L}\p{Nd}]$/u.test(c);
}

/** Go's %#U formatting of a rune. */
export function formatRuneU(c: string): string {
  const cp = c.codePointAt(0) ?? 0;
  const hex = cp.toString(16).toUpperCase().padStart(4, "0");
  return /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u.test(c) ? `U+${hex} '${c}'` : `U+${hex}`;
}

export function hasLeftTrimMarker(s: string, at: number): boolean {
  return s[at] === "-" && isSpace(s[at + 1] ?? "");
}

export function hasRightTrimMarker(s: string, at: number): boolean {
  return isSpace(s[at] ?? "") && s[at + 1] === "-";
}

