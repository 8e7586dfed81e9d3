/**
 * A tiny interpreter for the one-liners people pass to `python3 -c` and `node -e`: print / console.log
 * of literals, arithmetic, string concatenation and simple variables. Parsed, never eval'd.
 */

export type Lang = "python" | "js";
type Value = { t: "int"; v: bigint } | { t: "num"; v: number } | { t: "str"; v: string } | { t: "bool"; v: boolean } | { t: "none" };

/** An error the language itself would raise (`TypeError: ...`). */
export class SnippetError extends Error {}
/** Something this interpreter does not model. */
export class Unsupported extends Error {}

type Token = { k: "num" | "str" | "id" | "op"; s: string };

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === " " || c === "\t") { i++; continue; }
    if (c === "\n" || c === ";") { tokens.push({ k: "op", s: ";" }); i++; continue; }
    const num = /^(\d+\.\d*|\.\d+|\d+)(e[+-]?\d+)?/i.exec(src.slice(i));
    if (num) { tokens.push({ k: "num", s: num[0] }); i += num[0].length; continue; }
    const id = /^[A-Za-z_]\w*/.exec(src.slice(i));
    if (id) { tokens.push({ k: "id", s: id[0] }); i += id[0].length; continue; }
    if (c === '"' || c === "'" || c === "`") {
      let j = i + 1;
      let s = "";
      while (j < src.length && src[j] !== c) {
        if (src[j] === "\\") { const e = src[j + 1] ?? ""; s += ({ n: "\n", t: "\t", "\\": "\\", "'": "'", '"': '"' } as Record<string, string>)[e] ?? `\\${e}`; j += 2; }
        else s += src[j++];
      }
      if (j >= src.length) throw new SnippetError("unterminated string literal");
      tokens.push({ k: "str", s });
      i = j + 1;
      continue;
    }
    const op = /^(\*\*|\/\/|===|!==|==|!=|[-+*/%(),.=])/.exec(src.slice(i));
    if (!op) throw new SnippetError(`invalid character '${c}'`);
    tokens.push({ k: "op", s: op[0] });
    i += op[0].length;
  }
  return tokens;
}

export function show(value: Value, lang: Lang): string {
  switch (value.t) {
    case "int": return String(value.v);
    case "num": return lang === "python" && Number.isInteger(value.v) && Math.abs(value.v) < 1e16 ? value.v.toFixed(1) : String(value.v);
    case "str": return value.v;
    case "bool": return lang === "python" ? (value.v ? "True" : "False") : String(value.v);
    case "none": return lang === "python" ? "None" : "undefined";
  }
}

const num = (x: Value): number => (x.t === "int" ? Number(x.v) : x.t === "num" ? x.v : x.t === "bool" ? Number(x.v) : NaN);
const typeName = (x: Value) => ({ int: "int", num: "float", str: "str", bool: "bool", none: "NoneType" })[x.t];

function arith(op: string, a: Value, b: Value, lang: Lang): Value {
  if (lang === "js") {
    if (op === "+" && (a.t === "str" || b.t === "str")) return { t: "str", v: show(a, lang) + show(b, lang) };
    const [x, y] = [num(a), num(b)];
    const r = op === "+" ? x + y : op === "-" ? x - y : op === "*" ? x * y : op === "/" ? x / y : op === "%" ? x % y : op === "**" ? x ** y : NaN;
    return { t: "num", v: r };
  }
  if (a.t === "str" || b.t === "str") {
    if (op === "+" && a.t === "str" && b.t === "str") return { t: "str", v: a.v + b.v };
    if (op === "*" && a.t === "str" && b.t === "int") return { t: "str", v: a.v.repeat(Math.max(0, Number(b.v))) };
    if (op === "*" && a.t === "int" && b.t === "str") return { t: "str", v: b.v.repeat(Math.max(0, Number(a.v))) };
    throw new SnippetError(`TypeError: unsupported operand type(s) for ${op}: '${typeName(a)}' and '${typeName(b)}'`);
  }
  if (a.t === "none" || b.t === "none") throw new SnippetError(`TypeError: unsupported operand type(s) for ${op}: '${typeName(a)}' and '${typeName(b)}'`);
  const ints = (a.t === "int" || a.t === "bool") && (b.t === "int" || b.t === "bool");
  if (ints && op !== "/") {
    const x = a.t === "int" ? a.v : BigInt(a.t === "bool" && a.v ? 1 : 0);
    const y = b.t === "int" ? b.v : BigInt(b.t === "bool" && b.v ? 1 : 0);
    if ((op === "//" || op === "%") && y === 0n) throw new SnippetError("ZeroDivisionError: integer division or modulo by zero");
    if (op === "**" && y < 0n) return { t: "num", v: Number(x) ** Number(y) };
    const floorDiv = (p: bigint, q: bigint) => (p / q) - ((p % q !== 0n) && ((p < 0n) !== (q < 0n)) ? 1n : 0n);
    const r = op === "+" ? x + y : op === "-" ? x - y : op === "*" ? x * y : op === "//" ? floorDiv(x, y) : op === "%" ? x - floorDiv(x, y) * y : x ** y;
    return { t: "int", v: r };
  }
  const [x, y] = [num(a), num(b)];
  if ((op === "/" || op === "//" || op === "%") && y === 0) throw new SnippetError(op === "/" ? "ZeroDivisionError: division by zero" : "ZeroDivisionError: float modulo by zero");
  const r = op === "+" ? x + y : op === "-" ? x - y : op === "*" ? x * y : op === "/" ? x / y : op === "//" ? Math.floor(x / y) : op === "%" ? x - Math.floor(x / y) * y : x ** y;
  return { t: "num", v: r };
}

/** Run a snippet; returns what it prints. Throws SnippetError or Unsupported. */
export function runSnippet(src: string, lang: Lang, printResult = false): string {
  const tokens = tokenize(src);
  const vars = new Map<string, Value>();
  let pos = 0;
  let out = "";
  const peek = () => tokens[pos];
  const eat = (s: string) => { if (peek()?.s !== s) throw new SnippetError(`SyntaxError: expected '${s}'`); pos++; };

  const atom = (): Value => {
    const t = tokens[pos++];
    if (!t) throw new SnippetError("SyntaxError: unexpected end of input");
    if (t.k === "num") return lang === "python" && /^\d+$/.test(t.s) ? { t: "int", v: BigInt(t.s) } : { t: "num", v: Number(t.s) };
    if (t.k === "str") return { t: "str", v: t.s };
    if (t.s === "(") { const v = expr(); eat(")"); return v; }
    if (t.k === "id") {
      const literal: Record<string, Value> = lang === "python" ? { True: { t: "bool", v: true }, False: { t: "bool", v: false }, None: { t: "none" } } : { true: { t: "bool", v: true }, false: { t: "bool", v: false }, undefined: { t: "none" }, null: { t: "none" } };
      if (t.s in literal) return literal[t.s]!;
      if (vars.has(t.s)) return vars.get(t.s)!;
      if (peek()?.s === "(" || peek()?.s === ".") throw new Unsupported(t.s);
      throw new SnippetError(lang === "python" ? `NameError: name '${t.s}' is not defined` : `ReferenceError: ${t.s} is not defined`);
    }
    throw new SnippetError(`SyntaxError: invalid syntax`);
  };
  const unary = (): Value => {
    if (peek()?.s === "-" || peek()?.s === "+") {
      const op = tokens[pos++]!.s;
      const v = unary();
      return op === "-" ? arith("-", v.t === "int" ? { t: "int", v: 0n } : { t: "num", v: 0 }, v, lang) : v;
    }
    const base = atom();
    if (peek()?.s === "**") { pos++; return arith("**", base, unary(), lang); }
    return base;
  };
  const term = (): Value => {
    let v = unary();
    while (["*", "/", "//", "%"].includes(peek()?.s ?? "")) { const op = tokens[pos++]!.s; v = arith(op === "//" && lang === "js" ? "?" : op, v, unary(), lang); }
    return v;
  };
  const expr = (): Value => {
    let v = term();
    while (peek()?.s === "+" || peek()?.s === "-") { const op = tokens[pos++]!.s; v = arith(op, v, term(), lang); }
    return v;
  };
  const args = (): Value[] => {
    eat("(");
    const list: Value[] = [];
    while (peek()?.s !== ")") {
      list.push(expr());
      if (peek()?.s === ",") pos++;
      else break;
    }
    eat(")");
    return list;
  };

  while (pos < tokens.length) {
    if (peek()?.s === ";") { pos++; continue; }
    const t = peek()!;
    if (t.k === "id" && ["let", "const", "var"].includes(t.s) && lang === "js") pos++;
    const name = peek()!;
    if (name.k === "id" && tokens[pos + 1]?.s === "=") {
      pos += 2;
      vars.set(name.s, expr());
    } else if (lang === "python" && name.s === "print" && tokens[pos + 1]?.s === "(") {
      pos++;
      out += `${args().map((v) => show(v, lang)).join(" ")}\n`;
    } else if (lang === "js" && name.s === "console" && tokens[pos + 1]?.s === "." && ["log", "info", "error", "warn"].includes(tokens[pos + 2]?.s ?? "")) {
      pos += 3;
      out += `${args().map((v) => show(v, lang)).join(" ")}\n`;
    } else {
      const value = expr();
      if (printResult) out += `${show(value, lang)}\n`;
    }
    if (pos < tokens.length && peek()?.s !== ";") throw new SnippetError("SyntaxError: invalid syntax");
  }
  return out;
}
