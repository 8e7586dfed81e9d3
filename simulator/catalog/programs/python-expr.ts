/**
 * The Python expressions a small web app returns: string literals, f-strings, `+` and `%`,
 * `.format()`, dicts and lists, `jsonify()` and `render_template()`. Parsed, never eval'd;
 * anything else is Unevaluable and the caller says so.
 */

export type PyValue = string | boolean | null | { num: number } | { dict: Record<string, PyValue> } | { template: string; context: Record<string, PyValue> } | PyValue[];

/** The expression uses something this evaluator does not model. */
export class Unevaluable extends Error {}

type Token = { k: "str"; s: string; f: boolean } | { k: "num"; s: string } | { k: "id"; s: string } | { k: "op"; s: string };

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c) || c === "\\" && src[i + 1] === "\n") {
      i += c === "\\" ? 2 : 1;
      continue;
    }
    if (c === "#") break;
    const str = /^([rRbBuUfF]{0,2})('''|"""|'|")/.exec(src.slice(i));
    if (str) {
      const prefix = str[1]!.toLowerCase();
      const quote = str[2]!;
      let j = i + str[0].length;
      let s = "";
      while (j < src.length && !src.startsWith(quote, j)) {
        if (src[j] === "\\" && !prefix.includes("r")) {
          const e = src[j + 1] ?? "";
          s += ({ n: "\n", t: "\t", "\\": "\\", "'": "'", '"': '"', "\n": "" } as Record<string, string>)[e] ?? `\\${e}`;
          j += 2;
        } else s += src[j++];
      }
      if (j >= src.length) throw new Unevaluable("unterminated string");
      out.push({ k: "str", s, f: prefix.includes("f") });
      i = j + quote.length;
      continue;
    }
    const num = /^\d+(\.\d+)?/.exec(src.slice(i));
    if (num) {
      out.push({ k: "num", s: num[0] });
      i += num[0].length;
      continue;
    }
    const id = /^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*/.exec(src.slice(i));
    if (id) {
      // `markupsafe.escape`, `flask.jsonify`: keep dotted names whole unless they end in a method call on a value.
      out.push({ k: "id", s: id[0] });
      i += id[0].length;
      continue;
    }
    if ("()[]{},:+%=.*".includes(c)) {
      out.push({ k: "op", s: c });
      i++;
      continue;
    }
    throw new Unevaluable(`character ${c}`);
  }
  return out;
}

const str = (v: PyValue): string => {
  if (typeof v === "string") return v;
  if (v === null) return "None";
  if (typeof v === "boolean") return v ? "True" : "False";
  if (Array.isArray(v)) return `[${v.map(repr).join(", ")}]`;
  if ("num" in v) return String(v.num);
  if ("dict" in v) return `{${Object.entries(v.dict).map(([k, x]) => `'${k}': ${repr(x)}`).join(", ")}}`;
  throw new Unevaluable("template in a string");
};
const repr = (v: PyValue) => (typeof v === "string" ? `'${v}'` : str(v));

const METHODS: Record<string, (s: string) => string> = {
  upper: (s) => s.toUpperCase(),
  lower: (s) => s.toLowerCase(),
  strip: (s) => s.trim(),
  title: (s) => s.replace(/\w\S*/g, (w) => w[0]!.toUpperCase() + w.slice(1).toLowerCase()),
  capitalize: (s) => s.charAt(0).toUpperCase() + s.slice(1).toLowerCase(),
};

/** Evaluate `src` with `vars` in scope (route parameters, module constants). */
export function evaluate(src: string, vars: Record<string, PyValue>): PyValue {
  const tokens = tokenize(src);
  let p = 0;
  const peek = () => tokens[p];
  const isOp = (s: string) => peek()?.k === "op" && peek()!.s === s;
  const expect = (s: string) => {
    if (!isOp(s)) throw new Unevaluable(`expected ${s}`);
    p++;
  };

  const fstring = (text: string): string =>
    text.replace(/\{\{|\}\}|\{([^{}]+)\}/g, (all, inner: string | undefined) => {
      if (all === "{{") return "{";
      if (all === "}}") return "}";
      const expr = inner!.replace(/![rsa]$/, "").replace(/:[^:'"]*$/, "");
      return str(evaluate(expr, vars));
    });

  const args = (): { positional: PyValue[]; named: Record<string, PyValue> } => {
    const positional: PyValue[] = [];
    const named: Record<string, PyValue> = {};
    expect("(");
    while (!isOp(")")) {
      const t = peek();
      if (t?.k === "id" && tokens[p + 1]?.k === "op" && tokens[p + 1]!.s === "=") {
        p += 2;
        named[t.s] = sum();
      } else positional.push(sum());
      if (isOp(",")) p++;
      else break;
    }
    expect(")");
    return { positional, named };
  };

  const call = (name: string): PyValue => {
    const { positional, named } = args();
    const base = name.slice(name.lastIndexOf(".") + 1);
    switch (base) {
      case "str":
        return str(positional[0] ?? "");
      case "int": {
        const n = Number(typeof positional[0] === "string" ? positional[0] : str(positional[0] ?? "0"));
        if (!Number.isFinite(n)) throw new Unevaluable("int()");
        return { num: Math.trunc(n) };
      }
      case "escape":
        return str(positional[0] ?? "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&#34;").replace(/'/g, "&#39;");
      case "jsonify":
        if (positional.length === 0) return { dict: named };
        return positional.length === 1 ? positional[0]! : positional;
      case "dict":
        return { dict: named };
      case "render_template":
      case "render_template_string":
        if (typeof positional[0] !== "string") throw new Unevaluable("template name");
        return base === "render_template" ? { template: positional[0], context: named } : renderTemplate(positional[0], named);
      case "make_response":
        return positional.length === 1 ? positional[0]! : positional;
      default:
        throw new Unevaluable(`${name}()`);
    }
  };

  const atom = (): PyValue => {
    const t = tokens[p++];
    if (!t) throw new Unevaluable("end of expression");
    if (t.k === "str") {
      let s = t.f ? fstring(t.s) : t.s;
      while (peek()?.k === "str") {
        const next = tokens[p++] as Extract<Token, { k: "str" }>;
        s += next.f ? fstring(next.s) : next.s;
      }
      return s;
    }
    if (t.k === "num") return { num: Number(t.s) };
    if (t.k === "id") {
      if (t.s === "True" || t.s === "False") return t.s === "True";
      if (t.s === "None") return null;
      const [head, ...rest] = t.s.split(".");
      if (rest.length === 1 && head! in vars && METHODS[rest[0]!] && isOp("(")) {
        args();
        return METHODS[rest[0]!]!(str(vars[head!]!));
      }
      if (isOp("(")) return call(t.s);
      if (!(t.s in vars)) throw new Unevaluable(`name ${t.s}`);
      return vars[t.s]!;
    }
    if (t.s === "(") {
      const items: PyValue[] = [];
      let tuple = false;
      while (!isOp(")")) {
        items.push(sum());
        if (isOp(",")) {
          tuple = true;
          p++;
        } else break;
      }
      expect(")");
      return tuple || items.length !== 1 ? items : items[0]!;
    }
    if (t.s === "[") {
      const items: PyValue[] = [];
      while (!isOp("]")) {
        items.push(sum());
        if (isOp(",")) p++;
        else break;
      }
      expect("]");
      return items;
    }
    if (t.s === "{") {
      const dict: Record<string, PyValue> = {};
      while (!isOp("}")) {
        const key = sum();
        expect(":");
        dict[str(key)] = sum();
        if (isOp(",")) p++;
        else break;
      }
      expect("}");
      return { dict };
    }
    throw new Unevaluable(`token ${t.s}`);
  };

  const postfix = (): PyValue => {
    let value = atom();
    while (isOp(".")) {
      p++;
      const method = tokens[p++];
      if (method?.k !== "id") throw new Unevaluable("attribute");
      if (method.s === "format") {
        const { positional, named } = args();
        let n = 0;
        value = str(value).replace(/\{\{|\}\}|\{(\w*)(?:![rsa])?(?::[^}]*)?\}/g, (all, key: string | undefined) => {
          if (all === "{{") return "{";
          if (all === "}}") return "}";
          if (key === undefined || key === "") return str(positional[n++] ?? "");
          if (/^\d+$/.test(key)) return str(positional[Number(key)] ?? "");
          if (!(key in named)) throw new Unevaluable(`format key ${key}`);
          return str(named[key]!);
        });
      } else if (METHODS[method.s]) {
        args();
        value = METHODS[method.s]!(str(value));
      } else throw new Unevaluable(`.${method.s}()`);
    }
    return value;
  };

  const sum = (): PyValue => {
    let value = postfix();
    while (isOp("+") || isOp("%")) {
      const op = tokens[p++]!.s;
      const right = postfix();
      if (op === "+") {
        if (typeof value === "string" && typeof right === "string") value = value + right;
        else if (typeof value === "object" && value && "num" in value && typeof right === "object" && right && "num" in right) value = { num: value.num + right.num };
        else throw new Unevaluable("+ of mixed types");
      } else {
        if (typeof value !== "string") throw new Unevaluable("% of a number");
        const values = Array.isArray(right) ? right : [right];
        let n = 0;
        value = value.replace(/%[sdrif%]/g, (spec) => (spec === "%%" ? "%" : str(values[n++] ?? "")));
      }
    }
    return value;
  };

  const result = sum();
  if (isOp(",")) {
    // `return "Not here", 404`: a tuple without parentheses
    const items: PyValue[] = [result];
    while (isOp(",")) {
      p++;
      if (p < tokens.length) items.push(sum());
    }
    if (p < tokens.length) throw new Unevaluable("trailing tokens");
    return items;
  }
  if (p < tokens.length) throw new Unevaluable("trailing tokens");
  return result;
}

const truthy = (v: PyValue | undefined) => v !== undefined && v !== null && v !== false && v !== "" && !(Array.isArray(v) && v.length === 0) && !(typeof v === "object" && v !== null && "num" in v && v.num === 0);

/**
 * Jinja's simplest parts: `{{ name }}` from the context and `{% if name %}...{% else %}...{% endif %}`;
 * other tags are left out. Like Flask's Jinja, the template's final newline is dropped.
 */
export function renderTemplate(text: string, context: Record<string, PyValue>): string {
  let out = text.replace(/\n$/, "").replace(/\{#[\s\S]*?#\}/g, "");
  for (let guard = 0; guard < 50 && /\{%\s*if\s/.test(out); guard++) {
    out = out.replace(/\{%\s*if\s+(not\s+)?(\w+)\s*%\}((?:(?!\{%\s*if\s)[\s\S])*?)\{%\s*endif\s*%\}/, (_all, not: string | undefined, name: string, body: string) => {
      const [yes, no = ""] = body.split(/\{%\s*else\s*%\}/);
      return truthy(context[name]) !== Boolean(not) ? yes! : no;
    });
  }
  return out
    .replace(/\{%[\s\S]*?%\}/g, "")
    .replace(/\{\{\s*([\w.]+)\s*(?:\|\s*\w+\s*)?\}\}/g, (_all, name: string) => (name in context ? str(context[name]!) : ""));
}
