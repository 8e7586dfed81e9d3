import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TemplateError, asStruct, parseTemplate } from "./index.ts";

const data = {
  Name: "web",
  Names: ["a", "b"],
  Labels: { k: "v", x: "y" },
  N: 3,
  F: 1.5,
  T: true,
  Nil: null,
  Nested: [{ A: [1, 2] }, { A: [] }],
  S: asStruct({ X: 1, Y: "two" }, "types.S"),
  Fn: (a: unknown) => a,
};

const tokens = [
  "{{", "}}", "{{- ", " -}}", "{{/*", "*/}}", ".", ".Name", ".Names", ".Labels", ".Labels.k", ".N", ".F", ".T",
  ".Nil", ".Nested", ".S", ".S.X", ".Fn", "$", "$x", "$i", "$v", ":=", "=", ",", "|", "(", ")", " ", "\n", "\t",
  "if", "else", "end", "range", "with", "define", "template", "block", "break", "continue", "nil", "true",
  '"T"', '"k"', '"%v %d %s"', '"%-5s|%05.2f"', "`raw`", "'a'", "1", "-2", "0x1f", "1.5", "1e3",
  "printf", "print", "println", "len", "index", "slice", "eq", "ne", "lt", "le", "gt", "ge", "and", "or",
  "not", "html", "js", "urlquery", "call", "json", "split", "join", "title", "lower", "upper", "pad",
  "truncate", "text", "#", "@", "é",
];

/** Runs a template, asserting that anything thrown is a TemplateError. */
function check(tpl: string): void {
  let t;
  try {
    t = parseTemplate(tpl);
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e;
    expect(e.kind).toBe("parse");
    expect(e.message).toMatch(/^template: /);
    return;
  }
  try {
    expect(typeof t.execute(data)).toBe("string");
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e;
    expect(e.message).toMatch(/^template: /);
  }
}

describe("robustness (property-based)", () => {
  it("random strings only ever throw TemplateError", () => {
    fc.assert(fc.property(fc.string({ maxLength: 60 }), check), { numRuns: 2000 });
  });

  it("random unicode strings with delimiters only ever throw TemplateError", () => {
    const piece = fc.oneof(fc.string({ unit: "grapheme", maxLength: 4 }), fc.constantFrom("{{", "}}", "{{-", "-}}"));
    fc.assert(fc.property(fc.array(piece, { maxLength: 20 }).map((a) => a.join("")), check), { numRuns: 2000 });
  });

  it("random token soups only ever throw TemplateError and terminate", () => {
    const soup = fc.array(fc.constantFrom(...tokens), { maxLength: 40 }).map((a) => a.join(""));
    fc.assert(fc.property(soup, check), { numRuns: 5000 });
  });

  it("well-formed random actions execute or fail with TemplateError", () => {
    const operand = fc.constantFrom(".Name", ".Names", ".Labels", ".N", ".F", ".T", ".Nil", ".S", ".Missing", "1", '"s"', "nil", ".");
    const fn = fc.constantFrom("", "len ", "index ", "printf ", "json ", "upper ", "eq ", "and ", "or ", "not ", "slice ", "print ", "join ");
    const action = fc.tuple(fn, fc.array(operand, { minLength: 1, maxLength: 3 })).map(([f, ops]) => `{{${f}${ops.join(" ")}}}`);
    const wrap = fc.tuple(fc.constantFrom("if", "with", "range"), operand, action).map(([k, o, a]) => `{{${k} ${o}}}${a}{{else}}e{{end}}`);
    fc.assert(fc.property(fc.array(fc.oneof(action, wrap), { maxLength: 5 }).map((a) => a.join("|")), check), {
      numRuns: 3000,
    });
  });

  it("deeply nested input fails cleanly", () => {
    check("{{".repeat(5000));
    check("{{(".repeat(1) + "(".repeat(5000) + ".X" + ")".repeat(5000) + "}}");
    check("{{if .T}}".repeat(3000) + "{{end}}".repeat(3000));
    check('{{define "a"}}{{template "a" .}}{{template "a" .}}{{end}}{{template "a" .}}');
  });
});
