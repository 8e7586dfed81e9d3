import { describe, expect, it } from "vitest";
import { DockerfileParseError } from "./errors.ts";
import { dump, parse } from "./parser.ts";

const dumpAll = (src: string): string => parse(src).ast.children.map((c) => dump(c)).join("\n");
function parseError(src: string): DockerfileParseError {
  try {
    parse(src);
  } catch (e) {
    if (e instanceof DockerfileParseError) return e;
    throw e;
  }
  throw new Error("expected a parse error");
}

describe("parser basics", () => {
  it("keeps the keyword as written and dumps it lowercase", () => {
    const { ast } = parse("from alpine\nRun echo hi\n");
    expect(ast.children.map((c) => c.value)).toEqual(["from", "Run"]);
    expect(dumpAll("from alpine\nRun echo hi\n")).toBe('from "alpine"\nrun "echo hi"');
  });
  it("records original text, flags and lines", () => {
    const { ast } = parse("FROM a\n\nCOPY --from=build --chown=1:1 \\\n  /src /dst\n");
    const copy = ast.children[1];
    expect(copy?.flags).toEqual(["--from=build", "--chown=1:1"]);
    expect(copy?.original).toBe("COPY --from=build --chown=1:1   /src /dst");
    expect([copy?.startLine, copy?.endLine]).toEqual([3, 4]);
    expect([ast.startLine, ast.endLine]).toEqual([1, 4]);
  });
  it("marks the JSON (exec) form", () => {
    const { ast } = parse('CMD ["a", "b"]\nCMD a b\n');
    expect(ast.children.map((c) => c.attributes.json)).toEqual([true, false]);
  });
  it("wraps ONBUILD around another instruction", () => {
    expect(dumpAll("ONBUILD RUN echo hi")).toBe('onbuild (run "echo hi")');
  });
  it("dumps unknown instructions with an empty argument", () => {
    expect(dumpAll("FOO bar")).toBe('foo ""');
  });
  it("quotes like Go %q", () => {
    expect(dumpAll('CMD ["\\u0007\\u00ff\\u200b😀"]')).toBe('cmd "\\aÿ\\u200b😀"');
  });
  it("strips a UTF-8 BOM and handles CRLF", () => {
    expect(dumpAll("\ufeffFROM a\r\nRUN x \\\r\n  y\r\n")).toBe('from "a"\nrun "x   y"');
  });
  it("keeps comments before an instruction", () => {
    const { ast } = parse("# base image\nFROM a\n");
    expect(ast.children[0]?.prevComment).toEqual(["base image"]);
  });
});

describe("directives and escapes", () => {
  it("reads syntax and escape directives", () => {
    const r = parse("# syntax=docker/dockerfile:1\n# escape=`\nFROM a\nRUN dir `\n  c:\\\n");
    expect(r.escapeToken).toBe("`");
    expect(r.directives.map((d) => [d.name, d.value])).toEqual([
      ["syntax", "docker/dockerfile:1"],
      ["escape", "`"],
    ]);
    expect(dump(r.ast.children[1]!)).toBe('run "dir   c:\\\\"');
  });
  it("rejects a bad escape token", () => {
    expect(parseError("# escape=x\nFROM a").message).toBe("invalid escape token 'x' does not match ` or \\");
  });
  it("rejects a repeated directive", () => {
    expect(parseError("# escape=`\n# escape=`\nFROM a").message).toBe("only one escape parser directive can be used");
  });
  it("ignores directives after a comment or blank line", () => {
    expect(parse("\n# escape=`\nFROM a").escapeToken).toBe("\\");
  });
  it("continues across comment lines and empty lines, with a warning", () => {
    const r = parse("FROM a\nRUN a \\\n# note\n\n  b\n");
    expect(dump(r.ast.children[1]!)).toBe('run "a   b"');
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]?.short).toBe("Empty continuation line found in: RUN a   b");
    expect(r.warnings[0]?.line).toBe(5);
  });
});

describe("heredocs", () => {
  it("reads RUN <<EOF", () => {
    const r = parse("FROM a\nRUN <<EOF\necho hi\necho there\nEOF\nRUN true\n");
    const run = r.ast.children[1]!;
    expect(run.heredocs).toEqual([{ name: "EOF", fileDescriptor: 0, expand: true, chomp: false, content: "echo hi\necho there\n" }]);
    expect([run.startLine, run.endLine]).toEqual([2, 5]);
    expect(r.ast.children[2]?.startLine).toBe(6);
  });
  it("reads COPY <<EOF /dest with a quoted delimiter and <<-", () => {
    const r = parse("FROM a\nCOPY <<'EOT' <<-END /dest/\n$HOME\nEOT\n\tx\n\tEND\n");
    const docs = r.ast.children[1]!.heredocs;
    expect(docs.map((d) => [d.name, d.expand, d.chomp, d.content])).toEqual([
      ["EOT", false, false, "$HOME\n"],
      ["END", true, true, "\tx\n"],
    ]);
  });
  it("reads the file descriptor", () => {
    expect(parse("RUN 3<<EOF cat /dev/fd/3\nhi\nEOF").ast.children[0]!.heredocs[0]?.fileDescriptor).toBe(3);
  });
  it("ignores heredocs in JSON form and in other instructions", () => {
    expect(parse('RUN ["cat", "<<EOF"]\nEOF').ast.children).toHaveLength(2);
    expect(parse("ENV A=<<EOF\nFROM a").ast.children).toHaveLength(2);
  });
  it("reads heredocs inside ONBUILD", () => {
    expect(parse("ONBUILD RUN <<EOF\nx\nEOF").ast.children[0]!.heredocs).toHaveLength(1);
  });
  it("fails on an unterminated heredoc", () => {
    const e = parseError("FROM a\nRUN <<EOF\necho\n");
    expect(e.message).toBe("unterminated heredoc");
    expect([e.line, e.endLine]).toEqual([2, 3]);
  });
});

describe("parser errors", () => {
  it("file with no instructions", () => {
    expect(parseError("# just a comment\n\n").message).toBe("file with no instructions");
    expect(parseError("").message).toBe("file with no instructions");
  });
  it("ENV and LABEL need two arguments", () => {
    const e = parseError("FROM a\n\nENV PATH\n");
    expect(e.message).toBe("ENV must have two arguments");
    expect(e.line).toBe(3);
    expect(parseError("LABEL x").message).toBe("LABEL must have two arguments");
  });
  it("ENV pairs need =", () => {
    expect(parseError("ENV a=1 b").message).toBe(`Syntax error - can't find = in "b". Must be of the form: name=value`);
  });
  it("JSON arrays hold strings only", () => {
    expect(parseError('CMD ["a", 1]').message).toBe("when using JSON array syntax, arrays must be comprised of strings only");
  });
  it("limits line length", () => {
    expect(parseError("FROM a\nRUN " + "x".repeat(70000)).message).toBe("dockerfile line greater than max allowed size of 65535");
  });
});
