// Conformance against BuildKit's own parser and shell-lexer test data, read in place from shared/oracles.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { DockerfileParseError } from "./errors.ts";
import { dump, parse } from "./parser.ts";
import { processWord, processWords } from "./shell-lex.ts";

const oracleDir = fileURLToPath(new URL("../../../shared/oracles/buildkit-parser/", import.meta.url));
const present = existsSync(oracleDir);
if (!present) {
  console.warn(`[dockerfile conformance] skipped: oracle folder ${oracleDir} is absent (a fresh clone without shared/)`);
}
const read = (rel: string): string => readFileSync(oracleDir + rel, "utf8");
const list = (rel: string): string[] => (present ? readdirSync(oracleDir + rel).sort() : []);

describe.skipIf(!present)("BuildKit parser testfiles", () => {
  const cases = list("testfiles");
  it("has the 33 cases", () => expect(cases.length).toBe(33));
  it.each(cases)("%s dumps exactly as BuildKit", (name) => {
    const result = parse(read(`testfiles/${name}/Dockerfile`));
    const got = result.ast.children.map((c) => "(" + dump(c) + ")\n").join("");
    expect(got).toBe(read(`testfiles/${name}/result`));
  });
});

describe.skipIf(!present)("BuildKit parser testfiles-negative", () => {
  const cases = list("testfiles-negative");
  it("has the 4 cases", () => expect(cases.length).toBe(4));
  it.each(cases)("%s fails to parse", (name) => {
    expect(() => parse(read(`testfiles-negative/${name}/Dockerfile`))).toThrow(DockerfileParseError);
  });
});

describe.skipIf(!present)("BuildKit testfile-line", () => {
  it("records the lines of each instruction", () => {
    const { ast } = parse(read("testfile-line/Dockerfile"));
    expect([ast.startLine, ast.endLine]).toEqual([5, 31]);
    expect(ast.children.map((c) => [c.startLine, c.endLine])).toEqual([
      [5, 5],
      [11, 12],
      [17, 31],
    ]);
  });
});

interface EnvCase {
  lineNo: number;
  source: string;
  expected: string;
}

function envVarCases(): EnvCase[] {
  if (!present) return [];
  const out: EnvCase[] = [];
  read("shell/envVarTest")
    .split("\n")
    .forEach((raw, i) => {
      if (raw.startsWith("#")) return;
      const line = raw.trim();
      if (line === "") return;
      const parts = line.split("|");
      if (parts.length !== 3) throw new Error(`bad envVarTest line ${i + 1}`);
      const platform = (parts[0] ?? "").trim();
      // A = all platforms, U = Unix, W = Windows: the simulator is Linux, so A and U apply.
      if (platform === "W") return;
      out.push({ lineNo: i + 1, source: (parts[1] ?? "").trim(), expected: (parts[2] ?? "").trim() });
    });
  return out;
}

describe.skipIf(!present)("BuildKit shell envVarTest", () => {
  const cases = envVarCases();
  const env = ["PWD=/home", "SHELL=bash", "KOREAN=한국어", "NULL="];
  it.each(cases)("line $lineNo: $source", ({ source, expected }) => {
    if (expected === "error") expect(() => processWord(source, env)).toThrow();
    else expect(processWord(source, env)).toBe(expected);
  });
});

interface WordsCase {
  lineNo: number;
  source: string;
  expected: string[];
  env: string[];
}

function wordsCases(): WordsCase[] {
  if (!present) return [];
  const out: WordsCase[] = [];
  const env: string[] = [];
  read("shell/wordsTest")
    .split("\n")
    .forEach((line, i) => {
      if (line.startsWith("#")) return;
      if (line.startsWith("ENV ")) {
        env.push(line.slice(3).replace(/^ +/, ""));
        return;
      }
      if (line === "") return;
      const parts = line.split("|");
      if (parts.length !== 2) throw new Error(`bad wordsTest line ${i + 1}`);
      out.push({
        lineNo: i + 1,
        source: (parts[0] ?? "").trim(),
        expected: (parts[1] ?? "").replace(/^ +/, "").split(","),
        env: [...env],
      });
    });
  return out;
}

describe.skipIf(!present)("BuildKit shell wordsTest", () => {
  const cases = wordsCases();
  it.each(cases)("line $lineNo: $source", ({ source, expected, env }) => {
    let got: string[];
    try {
      got = processWords(source, env);
    } catch {
      got = ["error"];
    }
    expect(got).toEqual(expected);
  });
});
