// Lexer for Go text/template, ported from Go's text/template/parse/lex.go (default delimiters).
import { type Item, T, hasLeftTrimMarker, hasRightTrimMarker, formatRuneU, isAlphaNumeric, isSpace, quoteSimple } from "./tokens.ts";

export { type Item, T, itemString } from "./tokens.ts";

const keywords: Partial<Record<string, T>> = {
  ".": T.Dot,
  block: T.Block,
  break: T.Break,
  continue: T.Continue,
  define: T.Define,
  else: T.Else,
  end: T.End,
  if: T.If,
  range: T.Range,
  nil: T.Nil,
  template: T.Template,
  with: T.With,
};

const LEFT = "{{";
const RIGHT = "}}";
const LEFT_COMMENT = "/*";
const RIGHT_COMMENT = "*/";
const SPACE_CHARS = " \t\r\n";

/** Tokenizes the whole input eagerly; the list ends with an EOF or an Error item. */
export function lex(input: string): Item[] {
  const items: Item[] = [];
  let pos = 0;
  let start = 0;
  let parenDepth = 0;
  let width = 0;
  // Line numbers: computed from positions (1 + newlines before the position).
  const nl: number[] = [];
  for (let i = 0; i < input.length; i++) if (input.charCodeAt(i) === 10) nl.push(i);
  const lineAt = (p: number): number => {
    let lo = 0;
    let hi = nl.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((nl[mid] ?? 0) < p) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };

  const EOF = "";
  const next = (): string => {
    if (pos >= input.length) {
      width = 0;
      return EOF;
    }
    const cp = input.codePointAt(pos) ?? 0;
    const c = String.fromCodePoint(cp);
    width = c.length;
    pos += width;
    return c;
  };
  const backup = (): void => {
    pos -= width;
  };
  const peek = (): string => {
    const c = next();
    backup();
    return c;
  };
  const emit = (typ: T): void => {
    items.push({ typ, pos: start, val: input.slice(start, pos), line: lineAt(start) });
    start = pos;
  };
  const errorf = (msg: string): null => {
    items.push({ typ: T.Error, pos: start, val: msg, line: lineAt(start) });
    return null;
  };
  const accept = (valid: string): boolean => {
    const c = next();
    if (c !== EOF && valid.includes(c)) return true;
    backup();
    return false;
  };
  const acceptRun = (valid: string): void => {
    for (;;) {
      const c = next();
      if (c === EOF || !valid.includes(c)) break;
    }
    backup();
  };
  const atRightDelim = (): { delim: boolean; trim: boolean } => {
    if (input.startsWith(RIGHT, pos)) return { delim: true, trim: false };
    if (hasRightTrimMarker(input, pos) && input.startsWith(RIGHT, pos + 2)) return { delim: true, trim: true };
    return { delim: false, trim: false };
  };
  const atTerminator = (): boolean => {
    const r = peek();
    if (r === EOF || isSpace(r)) return true;
    if (".,|:)(".includes(r)) return true;
    return r === RIGHT[0];
  };
  const leftTrimLength = (from: number): number => {
    let i = from;
    while (i < input.length && SPACE_CHARS.includes(input[i] ?? "x")) i++;
    return i - from;
  };

  type State = (() => State) | null;

  const lexText = (): State => {
    const x = input.indexOf(LEFT, pos);
    if (x >= 0) {
      if (x > pos) {
        pos = x;
        let trimLength = 0;
        if (hasLeftTrimMarker(input, pos + LEFT.length)) {
          let i = pos;
          while (i > start && SPACE_CHARS.includes(input[i - 1] ?? "x")) i--;
          trimLength = pos - i;
        }
        pos -= trimLength;
        const val = input.slice(start, pos);
        const item: Item = { typ: T.Text, pos: start, val, line: lineAt(start) };
        pos += trimLength;
        start = pos;
        if (val.length > 0) items.push(item);
      }
      return lexLeftDelim;
    }
    pos = input.length;
    if (pos > start) {
      emit(T.Text);
      return lexText;
    }
    emit(T.EOF);
    return null;
  };

  const lexLeftDelim = (): State => {
    pos += LEFT.length;
    const trim = hasLeftTrimMarker(input, pos);
    const afterMarker = trim ? 2 : 0;
    if (input.startsWith(LEFT_COMMENT, pos + afterMarker)) {
      pos += afterMarker;
      start = pos;
      return lexComment;
    }
    emit(T.LeftDelim);
    pos += afterMarker;
    start = pos;
    parenDepth = 0;
    return lexInsideAction;
  };

  const lexComment = (): State => {
    pos += LEFT_COMMENT.length;
    const x = input.indexOf(RIGHT_COMMENT, pos);
    if (x < 0) return errorf("unclosed comment");
    pos = x + RIGHT_COMMENT.length;
    const { delim, trim } = atRightDelim();
    if (!delim) return errorf("comment ends before closing delimiter");
    if (trim) pos += 2;
    pos += RIGHT.length;
    if (trim) pos += leftTrimLength(pos);
    start = pos;
    return lexText;
  };

  const lexRightDelim = (): State => {
    const { trim } = atRightDelim();
    if (trim) {
      pos += 2;
      start = pos;
    }
    pos += RIGHT.length;
    emit(T.RightDelim);
    if (trim) {
      pos += leftTrimLength(pos);
      start = pos;
    }
    return lexText;
  };

  const lexInsideAction = (): State => {
    if (atRightDelim().delim) {
      if (parenDepth === 0) return lexRightDelim;
      return errorf("unclosed left paren");
    }
    const r = next();
    if (r === EOF) return errorf("unclosed action");
    if (isSpace(r)) {
      backup();
      return lexSpace;
    }
    switch (r) {
      case "=":
        emit(T.Assign);
        return lexInsideAction;
      case ":":
        if (next() !== "=") return errorf("expected :=");
        emit(T.Declare);
        return lexInsideAction;
      case "|":
        emit(T.Pipe);
        return lexInsideAction;
      case '"':
        return lexQuote;
      case "`":
        return lexRawQuote;
      case "$":
        return lexVariable;
      case "'":
        return lexChar;
      case "(":
        parenDepth++;
        emit(T.LeftParen);
        return lexInsideAction;
      case ")":
        parenDepth--;
        if (parenDepth < 0) return errorf("unexpected right paren");
        emit(T.RightParen);
        return lexInsideAction;
    }
    if (r === ".") {
      const c = input[pos];
      if (pos < input.length && c !== undefined && (c < "0" || c > "9")) return lexField;
    }
    if (r === "." || r === "+" || r === "-" || (r >= "0" && r <= "9")) {
      backup();
      return lexNumber;
    }
    if (isAlphaNumeric(r)) {
      backup();
      return lexIdentifier;
    }
    const cp = r.codePointAt(0) ?? 0;
    if (cp >= 0x20 && cp < 0x7f) {
      emit(T.Char);
      return lexInsideAction;
    }
    return errorf(`unrecognized character in action: ${formatRuneU(r)}`);
  };

  const lexSpace = (): State => {
    let numSpaces = 0;
    while (isSpace(peek())) {
      next();
      numSpaces++;
    }
    if (hasRightTrimMarker(input, pos - 1) && input.startsWith(RIGHT, pos - 1 + 2)) {
      pos -= 1;
      if (numSpaces === 1) return lexRightDelim;
    }
    emit(T.Space);
    return lexInsideAction;
  };

  const lexIdentifier = (): State => {
    for (;;) {
      const r = next();
      if (r !== EOF && isAlphaNumeric(r)) continue;
      backup();
      const word = input.slice(start, pos);
      if (!atTerminator()) return errorf(`bad character ${formatRuneU(r)}`);
      const kw = keywords[word];
      if (kw !== undefined && kw > T.Keyword) emit(kw);
      else if (word[0] === ".") emit(T.Field);
      else if (word === "true" || word === "false") emit(T.Bool);
      else emit(T.Identifier);
      return lexInsideAction;
    }
  };

  const lexFieldOrVariable = (typ: T): State => {
    if (atTerminator()) {
      emit(typ === T.Variable ? T.Variable : T.Dot);
      return lexInsideAction;
    }
    let r: string;
    for (;;) {
      r = next();
      if (r === EOF || !isAlphaNumeric(r)) {
        backup();
        break;
      }
    }
    if (!atTerminator()) return errorf(`bad character ${formatRuneU(r)}`);
    emit(typ);
    return lexInsideAction;
  };
  const lexField = (): State => lexFieldOrVariable(T.Field);
  const lexVariable = (): State => {
    if (atTerminator()) {
      emit(T.Variable);
      return lexInsideAction;
    }
    return lexFieldOrVariable(T.Variable);
  };

  const lexChar = (): State => {
    for (;;) {
      const c = next();
      if (c === "\\") {
        const r = next();
        if (r !== EOF && r !== "\n") continue;
        return errorf("unterminated character constant");
      }
      if (c === EOF || c === "\n") return errorf("unterminated character constant");
      if (c === "'") break;
    }
    emit(T.CharConstant);
    return lexInsideAction;
  };

  const scanNumber = (): boolean => {
    accept("+-");
    let digits = "0123456789_";
    if (accept("0")) {
      if (accept("xX")) digits = "0123456789abcdefABCDEF_";
      else if (accept("oO")) digits = "01234567_";
      else if (accept("bB")) digits = "01_";
    }
    acceptRun(digits);
    if (accept(".")) acceptRun(digits);
    if (digits.length === 11 && accept("eE")) {
      accept("+-");
      acceptRun("0123456789_");
    }
    if (digits.length === 23 && accept("pP")) {
      accept("+-");
      acceptRun("0123456789_");
    }
    accept("i");
    const p = peek();
    if (p !== EOF && isAlphaNumeric(p)) {
      next();
      return false;
    }
    return true;
  };

  const lexNumber = (): State => {
    if (!scanNumber()) return errorf(`bad number syntax: ${quoteSimple(input.slice(start, pos))}`);
    const sign = peek();
    if (sign === "+" || sign === "-") {
      if (!scanNumber() || input[pos - 1] !== "i") {
        return errorf(`bad number syntax: ${quoteSimple(input.slice(start, pos))}`);
      }
      emit(T.Complex);
    } else {
      emit(T.Number);
    }
    return lexInsideAction;
  };

  const lexQuote = (): State => {
    for (;;) {
      const c = next();
      if (c === "\\") {
        const r = next();
        if (r !== EOF && r !== "\n") continue;
        return errorf("unterminated quoted string");
      }
      if (c === EOF || c === "\n") return errorf("unterminated quoted string");
      if (c === '"') break;
    }
    emit(T.String);
    return lexInsideAction;
  };

  const lexRawQuote = (): State => {
    for (;;) {
      const c = next();
      if (c === EOF) return errorf("unterminated raw quoted string");
      if (c === "`") break;
    }
    emit(T.RawString);
    return lexInsideAction;
  };

  let state: State = lexText;
  while (state !== null) state = state();
  return items;
}
