import { describe, expect, it } from "vitest";
import { TemplateError, asStruct, isTableFormat, parseTemplate, stripTablePrefix } from "./index.ts";

const container = {
  ID: "4c01db0b339c",
  Name: "/web",
  Names: ["web", "frontend"],
  State: { Status: "running", Running: true, Pid: 4242 },
  Config: {
    Cmd: ["echo", "hi"],
    Labels: { "com.example.vendor": "ACME", k: "v", env: "prod" },
    Image: "nginx:latest",
  },
  Mounts: [
    { Source: "/data", Destination: "/var/lib/data" },
    { Source: "/logs", Destination: "/var/log" },
  ],
  Args: ["-g", "daemon off;"],
  Empty: [],
  Nil: null,
  Count: 3,
  Ratio: 0.25,
};

function run(tpl: string, data: unknown = container, funcs?: Record<string, (...a: unknown[]) => unknown>): string {
  return parseTemplate(tpl, funcs ? { funcs } : undefined).execute(data);
}

function err(tpl: string, data: unknown = container): string {
  try {
    run(tpl, data);
  } catch (e) {
    expect(e).toBeInstanceOf(TemplateError);
    return (e as Error).message;
  }
  throw new Error(`expected ${JSON.stringify(tpl)} to fail`);
}

describe("docker documentation examples", () => {
  it.each([
    ["{{.Name}}", "/web"],
    ["{{.ID}}", "4c01db0b339c"],
    ["{{json .Config.Cmd}}", '["echo","hi"]'],
    ['{{index .Config.Labels "com.example.vendor"}}', "ACME"],
    ['{{index .Config.Labels "k"}}', "v"],
    ["{{range .Mounts}}{{.Source}} {{end}}", "/data /logs "],
    ['{{join .Args ", "}}', "-g, daemon off;"],
    ["{{upper .Name}}", "/WEB"],
    ['{{lower "ABC"}}', "abc"],
    ["{{len .Names}}", "2"],
    ['{{if eq .State.Status "running"}}up{{else}}down{{end}}', "up"],
    ["{{.State.Running}}", "true"],
    ["{{.State.Pid}}", "4242"],
    ['{{printf "%-10s|" .Name}}', "/web      |"],
    ["{{range $k, $v := .Config.Labels}}{{$k}}={{$v}};{{end}}", "com.example.vendor=ACME;env=prod;k=v;"],
    ['{{title "hello world-wide"}}', "Hello World-Wide"],
    ['{{split "a:b:c" ":"}}', "[a b c]"],
    ['{{pad "x" 2 1}}|', "  x |"],
    ['{{pad "" 2 1}}|', "|"],
    ['{{truncate "abcdef" 3}}', "abc"],
    ['{{truncate "ab" 3}}', "ab"],
    ["{{.Names}}", "[web frontend]"],
    ["{{json .Names}}", '["web","frontend"]'],
  ])("%s", (tpl, want) => {
    expect(run(tpl)).toBe(want);
  });

  it("json of nested objects sorts map keys and has no trailing newline", () => {
    expect(run("{{json .}}", { b: { z: 1, a: [1, 2.5] }, a: "x", c: null, d: true })).toBe(
      '{"a":"x","b":{"a":[1,2.5],"z":1},"c":null,"d":true}',
    );
  });

  it("json escapes like Go's encoder with SetEscapeHTML(false) (docker/cli)", () => {
    expect(run("{{json .}}", 'a<b>&"\\\n\t\u0001\u2028é')).toBe('"a<b>&\\"\\\\\\n\\t\\u0001\\u2028é"');
    expect(run("{{json .Missing}}", {})).toBe("null");
    expect(run("{{json .}}", Number.NaN)).toBe("");
  });
});

describe("printing values like fmt %v", () => {
  it.each<[string, unknown, string]>([
    ["{{.}}", { b: 2, a: 1 }, "map[a:1 b:2]"],
    ["{{.}}", ["a", "b"], "[a b]"],
    ["{{.}}", [{ x: [1, 2] }, null], "[map[x:[1 2]] <nil>]"],
    ["{{.}}", new Map<unknown, unknown>([[2, "b"], [1, "a"]]), "map[1:a 2:b]"],
    ["{{.}}", 1.5, "1.5"],
    ["{{.}}", 0.00001, "1e-05"],
    ["{{.}}", 1234567.5, "1.2345675e+06"],
    ["{{.}}", 42, "42"],
    ["{{.}}", 1e21, "1e+21"],
    ["{{json .}}", 1e21, "1e+21"],
    ["{{.}}", -7, "-7"],
    ["{{.}}", false, "false"],
    ["{{.}}", 10n, "10"],
    ["{{.}}", new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 120)), "2024-01-02 03:04:05.12 +0000 UTC"],
    ["{{.Missing}}", {}, "<no value>"],
    ["{{.Missing.Deeper}}", {}, "<no value>"],
    ["{{.a}}", { a: null }, "<no value>"],
    ["{{.}}", { a: null }, "map[a:<nil>]"],
    ["{{print .Missing}}", {}, "<nil>"],
  ])("%s of %o", (tpl, data, want) => {
    expect(run(tpl, data)).toBe(want);
  });

  it("prints undefined data as <no value>", () => {
    expect(parseTemplate("{{.}}").execute(undefined)).toBe("<no value>");
    expect(parseTemplate("{{.}}").execute(null)).toBe("<no value>");
  });

  it("prints structs marked with asStruct as {v1 v2}", () => {
    const s = asStruct({ Name: "x", Size: 3, Tags: ["a"] }, "types.Image");
    expect(run("{{.}}", s)).toBe("{x 3 [a]}");
    expect(run('{{printf "%+v" .}}', s)).toBe("{Name:x Size:3 Tags:[a]}");
    expect(run("{{json .}}", asStruct({ b: 1, a: 2 }))).toBe('{"b":1,"a":2}');
    expect(run("{{.Size}}", s)).toBe("3");
    expect(err("{{.Nope}}", s)).toBe(
      'template: :1:2: executing "" at <.Nope>: can\'t evaluate field Nope in type types.Image',
    );
  });

  it("calls methods and getters of class instances", () => {
    class Thing {
      constructor(private readonly n: string) {}
      get Upper(): string {
        return this.n.toUpperCase();
      }
      Greet(who: unknown): string {
        return `${this.n} greets ${String(who)}`;
      }
    }
    expect(run('{{.Upper}} {{.Greet "bob"}} {{"amy" | .Greet}}', new Thing("tom"))).toBe("TOM tom greets bob tom greets amy");
  });
});

describe("actions and control structures", () => {
  it.each<[string, unknown, string]>([
    ["a  {{- .X -}}  b", { X: 1 }, "a1b"],
    ["a \n{{- /* comment */ -}}\n b", {}, "ab"],
    ["a{{/* comment */}}b", {}, "ab"],
    ["{{-3}}", {}, "-3"],
    ["{{.X}} {{- 3 -}} {{.X}}", { X: 1 }, "131"],
    ["{{.Config.Image}}", container, "nginx:latest"],
    ["{{.}}", "dot", "dot"],
    ["{{$}}", "root", "root"],
    ["{{with .A}}{{$.B}}{{end}}", { A: 1, B: 2 }, "2"],
    ["{{$x := 1}}{{$x = 2}}{{$x}}", {}, "2"],
    ["{{$x := .A}}{{$x.B}}", { A: { B: "deep" } }, "deep"],
    ["{{.Labels.foo}}", { Labels: { foo: "bar" } }, "bar"],
    ["{{(index .M 0).Source}}", { M: [{ Source: "/s" }] }, "/s"],
    ['{{len (split "a,b,c" ",")}}', {}, "3"],
    ['{{.Name | printf "%s!"}}', { Name: "n" }, "n!"],
    ['{{"x" | printf "%s-%s" "y"}}', {}, "y-x"],
    ['{{"a\\tb\\u00e9\\x41"}}', {}, "a\tbéA"],
    ["{{`raw\\n`}}", {}, "raw\\n"],
    ["{{'a'}} {{0x1F}} {{1_000}} {{0o17}} {{1.5}} {{true}}", {}, "97 31 1000 15 1.5 true"],
    ["{{if .A}}a{{else if .B}}b{{else}}c{{end}}", { B: 1 }, "b"],
    ["{{if .A}}a{{else if .B}}b{{else}}c{{end}}", {}, "c"],
    ["{{with .A}}<{{.}}>{{else with .B}}[{{.}}]{{else}}none{{end}}", { B: "b" }, "[b]"],
    ["{{with .A}}<{{.}}>{{else}}none{{end}}", { A: "a" }, "<a>"],
    ["{{with .Missing}}x{{else}}y{{end}}", {}, "y"],
    ["{{range .E}}x{{else}}empty{{end}}", { E: [] }, "empty"],
    ["{{range .E}}x{{else}}empty{{end}}", {}, "empty"],
    ["{{range $i, $v := .A}}{{$i}}:{{$v}} {{end}}", { A: ["a", "b"] }, "0:a 1:b "],
    ["{{range $v := .A}}{{$v}}{{end}}", { A: ["a", "b"] }, "ab"],
    ["{{range .}}{{if eq . 3}}{{break}}{{end}}{{if eq . 1}}{{continue}}{{end}}{{.}}{{end}}", [0, 1, 2, 3, 4], "02"],
    ["{{range 3}}{{.}}{{end}}", {}, "012"],
    ["{{range $k, $v := .}}{{$k}}{{$v}}{{end}}", { b: 2, a: 1, c: 3 }, "a1b2c3"],
    ['{{define "T"}}<{{.}}>{{end}}{{template "T" .Name}}{{template "T"}}', { Name: "n" }, "<n><<no value>>"],
    ['{{block "B" .X}}[{{.}}]{{end}}', { X: 1 }, "[1]"],
    ['{{define "T"}}{{$}}{{end}}{{range .}}{{template "T" .}}{{end}}', [1, 2], "12"],
  ])("%s", (tpl, data, want) => {
    expect(run(tpl, data)).toBe(want);
  });
});

describe("builtin functions", () => {
  const data = { S: "running", N: 2, F: 1.5, A: ["a", "b", "c"], M: { a: ["x", "y"] }, Z: 0, E: "" };
  it.each<[string, string]>([
    ['{{eq .S "stopped" "running"}}', "true"],
    ['{{eq .S "stopped"}}', "false"],
    ["{{ne .N 2}}", "false"],
    ["{{lt .N 3}} {{le .N 2}} {{gt .N 2}} {{ge .N 2}}", "true true false true"],
    ['{{lt "a" "b"}}', "true"],
    ["{{eq .Missing nil}}", "true"],
    ["{{eq .F 1.5}}", "true"],
    ["{{and 1 0 2}} {{and 1 2}} {{or 0 .E .S}} {{or 0 .E}}", "0 2 running "],
    ["{{not .Z}} {{not .S}}", "true false"],
    ["{{and .Missing.X .Boom}}", "<no value>"],
    ['{{index .M "a" 1}}', "y"],
    ["{{index .A 0}}", "a"],
    ['{{index .M "zz"}}', "<no value>"],
    ['{{index .L "zz"}}|', "|"],
    ['{{slice .A 1}} {{slice .A 1 2}} {{slice "hello" 1 3}}', "[b c] [b] el"],
    ['{{len .A}} {{len "héllo"}} {{len .M}}', "3 6 1"],
    ['{{print 1 2 "a" 3}}', "1 2a3"],
    ['{{println "a" 1}}', "a 1\n"],
    ['{{html "<a href=\'x\'>&</a>"}}', "&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;"],
    ["{{html .Missing}}", "&lt;no value&gt;"],
    ['{{js "it\'s <b>=\\""}}', "it\\'s \\u003Cb\\u003E\\u003D\\\""],
    ['{{urlquery "a b&c/é"}}', "a+b%26c%2F%C3%A9"],
    ["{{call .Fn 2 3}}", "5"],
  ])("%s", (tpl, want) => {
    expect(run(tpl, { ...data, L: { k: "v" }, Fn: (a: unknown, b: unknown) => Number(a) + Number(b) })).toBe(want);
  });
});

describe("printf", () => {
  it.each<[string, string]>([
    ['{{printf "%5d|%-5d|%05d|%+d" 42 42 42 42}}', "   42|42   |00042|+42"],
    ['{{printf "%x %X %o %b %#x %c %U" 255 255 8 5 255 65 65}}', "ff FF 10 101 0xff A U+0041"],
    ['{{printf "%q %v %s %t" "a\\"b" "v" "s" true}}', '"a\\"b" v s true'],
    ['{{printf "%8.3f|%-8.2f|%e|%g|%G" 3.14159 2.5 123456.789 0.000012345 1e21}}', "   3.142|2.50    |1.234568e+05|1.2345e-05|1E+21"],
    ['{{printf "%.2f" 3}}', "3.00"],
    ['{{printf "%s %s" "a"}}', "a %!s(MISSING)"],
    ['{{printf "%s" "a" 1}}', "a%!(EXTRA int=1)"],
    ['{{printf "%d" "x"}}', "%!d(string=x)"],
    ['{{printf "%d" .Missing}}', "%!d(<nil>)"],
    ['{{printf "%v" .Missing}}', "<nil>"],
    ['{{printf "%d%%" 50}}', "50%"],
    ['{{printf "%*d|%-*d" 4 1 3 2}}', "   1|2  "],
    ['{{printf "%.3s|%5.1s|" "abcdef" "xyz"}}', "abc|    x|"],
    ['{{printf "%v %d" .A .A}}', "[1 2] [1 2]"],
    ['{{printf "%q" .S}}', '["x" "y"]'],
    ['{{printf "%x" "hi"}}', "6869"],
    ['{{printf "%T %T %T %T" 1 "s" .A .M}}', "int string []interface {} map[string]interface {}"],
    ['{{printf "%[2]d %[1]d" 1 2}}', "2 1"],
    ['{{printf "%"}}', "%!(NOVERB)"],
    ['{{printf "%z" 1}}', "%!z(int=1)"],
  ])("%s", (tpl, want) => {
    expect(run(tpl, { A: [1, 2], S: ["x", "y"], M: { k: 1 } })).toBe(want);
  });
});

describe("custom functions", () => {
  it("adds and overrides functions", () => {
    expect(run("{{shout .}}", "hi", { shout: (s) => `${String(s).toUpperCase()}!` })).toBe("HI!");
    expect(run("{{upper .}}", "hi", { upper: () => "custom" })).toBe("custom");
  });

  it("wraps thrown errors like Go's error returns", () => {
    expect(() => run("{{boom}}", {}, { boom: () => { throw new Error("kaput"); } })).toThrow(
      'template: :1:2: executing "" at <boom>: error calling boom: kaput',
    );
  });
});

describe("parse errors", () => {
  it.each<[string, string]>([
    ["{{foo}}", 'template: :1: function "foo" not defined'],
    ["{{.Names | foo}}", 'template: :1: function "foo" not defined'],
    ["line1\n{{foo}}", 'template: :2: function "foo" not defined'],
    ["{{.Names", "template: :1: unclosed action"],
    ["{{.Names\n", "template: :2: unclosed action started at :1"],
    ["{{end}}", "template: :1: unexpected {{end}}"],
    ["{{else}}", "template: :1: unexpected {{else}}"],
    ["{{if .X}}", "template: :1: unexpected EOF"],
    ["{{range .X}}{{else}}{{else}}{{end}}", "template: :1: expected end; found {{else}}"],
    ["{{$x}}", 'template: :1: undefined variable "$x"'],
    ["{{.Foo#}}", "template: :1: bad character U+0023 '#'"],
    ['{{"abc}}', "template: :1: unterminated quoted string"],
    ["{{`abc}}", "template: :1: unterminated raw quoted string"],
    ["{{/* x }}", "template: :1: unclosed comment"],
    ["{{/* x */ .X}}", "template: :1: comment ends before closing delimiter"],
    ["{{)}}", "template: :1: unexpected right paren"],
    ["{{(.X}}", "template: :1: unclosed left paren"],
    ["{{.X | 1}}", "template: :1: non executable command in pipeline stage 2"],
    ["{{}}", "template: :1: missing value for command"],
    ["{{if}}{{end}}", "template: :1: missing value for if"],
    ["{{range $a, $b, $c := .}}{{end}}", "template: :1: too many declarations in range"],
    ["{{break}}", "template: :1: {{break}} outside {{range}}"],
    ["{{.X.}}", "template: :1: unexpected <.> in operand"],
    ['{{"a".X}}', 'template: :1: unexpected . after term "\\"a\\""'],
    ["{{3x}}", 'template: :1: bad number syntax: "3x"'],
    ['{{"\\z"}}', "template: :1: invalid syntax"],
    ["{{template .X}}", 'template: :1: unexpected ".X" in template clause'],
    ["{{.X :}}", "template: :1: expected :="],
    ['{{define "a"}}x{{end}}{{define "a"}}y{{end}}', 'template: :1: template: multiple definition of template "a"'],
  ])("%s", (tpl, want) => {
    let msg = "";
    try {
      parseTemplate(tpl);
    } catch (e) {
      expect(e).toBeInstanceOf(TemplateError);
      expect((e as TemplateError).kind).toBe("parse");
      msg = (e as Error).message;
    }
    expect(msg).toBe(want);
  });
});

describe("execution errors", () => {
  it.each<[string, string]>([
    ["{{.Name.Foo}}", 'template: :1:7: executing "" at <.Name.Foo>: can\'t evaluate field Foo in type string'],
    ["x\n  {{.Name.Foo}}", 'template: :2:9: executing "" at <.Name.Foo>: can\'t evaluate field Foo in type string'],
    ["{{.Nil.Foo}}", 'template: :1:6: executing "" at <.Nil.Foo>: nil pointer evaluating interface {}.Foo'],
    ["{{index .Names 5}}", 'template: :1:2: executing "" at <index .Names 5>: error calling index: index out of range: 5'],
    ['{{index .Config.Labels 1}}', 'template: :1:2: executing "" at <index .Config.Labels 1>: error calling index: value has type int; should be string'],
    ["{{len .Names 1}}", 'template: :1:2: executing "" at <len>: wrong number of args for len: want 1 got 2'],
    ["{{len 3}}", 'template: :1:2: executing "" at <len 3>: error calling len: len of type int'],
    ["{{range .Name}}{{end}}", 'template: :1:8: executing "" at <.Name>: range can\'t iterate over /web'],
    ['{{template "x"}}', 'template: :1:11: executing "" at <{{template "x"}}>: template "x" not defined'],
    ["{{upper 1}}", 'template: :1:8: executing "" at <1>: expected string; found 1'],
    ["{{upper .Count}}", 'template: :1:8: executing "" at <.Count>: wrong type for value; expected string; got int'],
    ["{{upper .Missing}}", 'template: :1:8: executing "" at <.Missing>: invalid value; expected string'],
    ['{{eq "a" 1}}', 'template: :1:2: executing "" at <eq "a" 1>: error calling eq: incompatible types for comparison: string and int'],
    ["{{lt true false}}", 'template: :1:2: executing "" at <lt true false>: error calling lt: invalid type for comparison'],
    ["{{1 2}}", 'template: :1:2: executing "" at <1>: can\'t give argument to non-function 1'],
    ["{{nil}}", 'template: :1:2: executing "" at <nil>: nil is not a command'],
    ["{{.ID 1}}", 'template: :1:2: executing "" at <.ID>: ID is not a method but has arguments'],
    ['{{define "T"}}{{.X.Y}}{{end}}{{template "T" .Name}}', 'template: :1:18: executing "T" at <.X.Y>: can\'t evaluate field X in type string'],
    ['{{define "r"}}{{template "r" .}}{{end}}{{template "r" .}}', 'template: :1:25: executing "r" at <{{template "r" .}}>: exceeded maximum template depth (1000)'],
  ])("%s", (tpl, want) => {
    expect(err(tpl)).toBe(want);
  });

  it("bounds runaway execution", () => {
    const t = parseTemplate("{{range .}}{{range $}}{{range $}}x{{end}}{{end}}{{end}}", { maxSteps: 10_000 });
    expect(() => t.execute(Array.from({ length: 100 }, (_, i) => i))).toThrow(/exceeded maximum template execution steps/);
  });
});

describe("table format helpers", () => {
  it("detects and strips the table prefix", () => {
    expect(isTableFormat("table {{.ID}}\t{{.Names}}")).toBe(true);
    expect(isTableFormat("{{.ID}}")).toBe(false);
    expect(stripTablePrefix("table {{.ID}}\t{{.Names}}")).toBe("{{.ID}}\t{{.Names}}");
    expect(stripTablePrefix("table\t{{.ID}}")).toBe("{{.ID}}");
    expect(stripTablePrefix("table")).toBe("");
    expect(stripTablePrefix("{{.ID}}")).toBe("{{.ID}}");
  });
});
