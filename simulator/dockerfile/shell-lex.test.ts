import { describe, expect, it } from "vitest";
import { ShellExpansionError } from "./errors.ts";
import { processWord, processWords, processWordWithMatches } from "./shell-lex.ts";

const env = { FOO: "/tmp/foo.txt", EMPTY: "", NAME: "world", PATTERN: "a*b" };
function errorOf(word: string, e: Record<string, string> = env): string {
  try {
    processWord(word, e);
  } catch (err) {
    if (err instanceof ShellExpansionError) return err.message;
    throw err;
  }
  throw new Error("expected an error");
}

describe("shell lexer", () => {
  it("expands $VAR and ${VAR}, removes quotes, keeps single-quoted text", () => {
    expect(processWord("hello $NAME", env)).toBe("hello world");
    expect(processWord('"${NAME}"s \'$NAME\'', env)).toBe("worlds $NAME");
    expect(processWord("\\$NAME", env)).toBe("$NAME");
  });
  it("defaults and alternatives", () => {
    expect(processWord("${MISSING:-dflt} ${EMPTY:-e} ${EMPTY-e}", env)).toBe("dflt e ");
    expect(processWord("${NAME:+alt}|${EMPTY:+alt}|${EMPTY+alt}|${MISSING+alt}", env)).toBe("alt||alt|");
  });
  it("required variables with BuildKit's messages", () => {
    expect(errorOf("${MISSING?}")).toBe('failed to process "${MISSING?}": MISSING: is not allowed to be unset');
    expect(errorOf("${EMPTY:?}")).toBe('failed to process "${EMPTY:?}": EMPTY: is not allowed to be empty');
    expect(errorOf("${MISSING:?set it}")).toBe('failed to process "${MISSING:?set it}": MISSING: set it');
    expect(processWord("${EMPTY?}", env)).toBe("");
  });
  it("bad substitutions", () => {
    expect(errorOf("${}")).toBe('failed to process "${}": syntax error: bad substitution');
    expect(errorOf("${FOO")).toBe('failed to process "${FOO": unsupported modifier (\ufffd) in substitution');
    expect(errorOf("${FOO:=x}")).toBe('failed to process "${FOO:=x}": unsupported modifier (:=) in substitution');
    expect(errorOf("${FOO:-x")).toBe("failed to process \"${FOO:-x\": syntax error: missing '}'");
    expect(errorOf("'abc")).toBe("failed to process \"'abc\": unexpected end of statement while looking for matching single-quote");
  });
  it("${#VAR} is not string length in BuildKit: # is a special parameter", () => {
    expect(errorOf("${#FOO}")).toBe('failed to process "${#FOO}": unsupported modifier (F) in substitution');
  });
  it("pattern removal and replacement", () => {
    expect(processWord("${FOO#*/}", env)).toBe("tmp/foo.txt");
    expect(processWord("${FOO##*/}", env)).toBe("foo.txt");
    expect(processWord("${FOO%.*}", env)).toBe("/tmp/foo");
    expect(processWord("${FOO%%o*}", env)).toBe("/tmp/f");
    expect(processWord("${FOO/o/0}", env)).toBe("/tmp/f0o.txt");
    expect(processWord("${FOO//o/0}", env)).toBe("/tmp/f00.txt");
    // BuildKit keeps escapes in patterns and replacements (its own test case)
    expect(processWord("${FOO//\\//\\/}", env)).toBe("\\/tmp\\/foo.txt");
  });
  it("splits words after expansion", () => {
    expect(processWords('a "b c" ${LIST}', { LIST: "x  y" })).toEqual(["a", "b c", "x", "y"]);
  });
  it("reports matched and unmatched names", () => {
    const r = processWordWithMatches("$NAME $NOPE ${ALSO:-x}", env);
    expect([...r.matched]).toEqual(["NAME"]);
    expect([...r.unmatched].sort()).toEqual(["ALSO", "NOPE"]);
  });
  it("uses the backtick escape token", () => {
    expect(processWord("a`$NAME b", env, { escapeToken: "`" })).toBe("a$NAME b");
  });
  it("accepts a K=V list as env", () => {
    expect(processWord("$A$B", ["A=1", "B=2", "A=3"])).toBe("32");
  });
  it("can leave unset variables as written", () => {
    expect(processWord("$NAME $X ${Y:-z}", env, { skipUnsetEnv: true })).toBe("world $X ${Y:-z}");
  });
});
