/**
 * BuildKit's shell lexer (frontend/dockerfile/shell/lex.go): variable
 * expansion and word splitting as done for Dockerfile instructions.
 */
import { ShellExpansionError } from "./errors.ts";
import { goQuote, isSpace } from "./go-text.ts";
import { goReplaceAll, LexError, patternRegex, trimPrefix, trimSuffix } from "./shell-pattern.ts";

export type Env = Readonly<Record<string, string>> | ReadonlyMap<string, string> | readonly string[];

export interface LexOptions {
  /** The escape character: `\` (default) or `` ` `` (from `# escape=`). */
  escapeToken?: string;
  /** Keep quote characters in the output. */
  rawQuotes?: boolean;
  /** Keep escape characters in the output. */
  rawEscapes?: boolean;
  /** Treat quotes as ordinary characters. */
  skipProcessQuotes?: boolean;
  /** Leave references to unset variables as written (`$FOO`, `${FOO:-x}`). */
  skipUnsetEnv?: boolean;
}

export interface ProcessResult {
  result: string;
  words: string[];
  /** Variables that were looked up and found. */
  matched: Set<string>;
  /** Variables that were looked up and not set. */
  unmatched: Set<string>;
}

const EOF = -1;


/** BuildEnvs: a list of `K=V` strings becomes a map (later entries win). */
export function buildEnvs(env: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of env) {
    const i = e.indexOf("=");
    if (i < 0) out.set(e, "");
    else out.set(e.slice(0, i), e.slice(i + 1));
  }
  return out;
}

function toMap(env: Env): ReadonlyMap<string, string> {
  if (env instanceof Map) return env;
  if (Array.isArray(env)) return buildEnvs(env as readonly string[]);
  return new Map(Object.entries(env as Record<string, string>));
}

const letterRe = /^\p{L}$/u;
const digitRe = /^\p{Nd}$/u;
const isLetter = (cp: number): boolean => cp >= 0 && letterRe.test(String.fromCodePoint(cp));
const isDigit = (cp: number): boolean => cp >= 0 && digitRe.test(String.fromCodePoint(cp));
const isSpecialParam = (cp: number): boolean => "@*#?-$!0".includes(String.fromCodePoint(cp));
const chr = (cp: number): string => (cp < 0 ? "\ufffd" : String.fromCodePoint(cp));

class Words {
  word = "";
  words: string[] = [];
  inWord = false;
  addChar(cp: number): void {
    if (isSpace(cp) && this.inWord) {
      if (this.word.length !== 0) {
        this.words.push(this.word);
        this.word = "";
        this.inWord = false;
      }
    } else if (!isSpace(cp)) this.addRawChar(cp);
  }
  addRawChar(cp: number): void {
    this.word += chr(cp);
    this.inWord = true;
  }
  addString(s: string): void {
    for (const ch of s) this.addChar(ch.codePointAt(0) ?? 0);
  }
  addRawString(s: string): void {
    this.word += s;
    this.inWord = true;
  }
  getWords(): string[] {
    if (this.word.length > 0) {
      this.words.push(this.word);
      this.word = "";
      this.inWord = false;
    }
    return this.words;
  }
}

class ShellWord {
  private readonly cps: number[];
  private pos = 0;
  private rawEscapes: boolean;
  readonly matched = new Set<string>();
  readonly unmatched = new Set<string>();
  private readonly escape: number;

  constructor(
    word: string,
    private readonly env: ReadonlyMap<string, string>,
    private readonly opts: LexOptions,
  ) {
    this.cps = Array.from(word, (c) => c.codePointAt(0) ?? 0);
    if (this.cps[0] === 0xfeff) this.pos = 1; // text/scanner skips a leading BOM
    this.rawEscapes = opts.rawEscapes ?? false;
    this.escape = (opts.escapeToken ?? "\\").codePointAt(0) ?? 0x5c;
  }

  private peek(): number {
    return this.pos < this.cps.length ? (this.cps[this.pos] ?? EOF) : EOF;
  }
  private next(): number {
    const ch = this.peek();
    if (ch !== EOF) this.pos++;
    return ch;
  }

  processStopOn(stopChar: number, rawEscapes: boolean): [string, string[]] {
    let result = "";
    const words = new Words();
    const saved = this.rawEscapes;
    this.rawEscapes = rawEscapes;
    try {
      while (this.peek() !== EOF) {
        let ch = this.peek();
        if (stopChar !== EOF && ch === stopChar) {
          this.next();
          return [result, words.getWords()];
        }
        const special = ch === 0x24 || (!this.opts.skipProcessQuotes && (ch === 0x27 || ch === 0x22));
        if (special) {
          const tmp = ch === 0x24 ? this.processDollar() : ch === 0x27 ? this.processSingleQuote() : this.processDoubleQuote();
          result += tmp;
          if (ch === 0x24) words.addString(tmp);
          else words.addRawString(tmp);
        } else {
          ch = this.next();
          if (ch === this.escape) {
            if (this.rawEscapes) {
              words.addRawChar(ch);
              result += chr(ch);
            }
            ch = this.next();
            if (ch === EOF) break;
            words.addRawChar(ch);
          } else {
            words.addChar(ch);
          }
          result += chr(ch);
        }
      }
      if (stopChar !== EOF) {
        throw new LexError(`unexpected end of statement while looking for matching ${chr(stopChar)}`);
      }
      return [result, words.getWords()];
    } finally {
      this.rawEscapes = saved;
    }
  }

  private processSingleQuote(): string {
    let result = "";
    let ch = this.next();
    if (this.opts.rawQuotes) result += chr(ch);
    for (;;) {
      ch = this.next();
      if (ch === EOF) throw new LexError("unexpected end of statement while looking for matching single-quote");
      if (ch === 0x27) {
        if (this.opts.rawQuotes) result += chr(ch);
        return result;
      }
      result += chr(ch);
    }
  }

  private processDoubleQuote(): string {
    let result = "";
    const first = this.next();
    if (this.opts.rawQuotes) result += chr(first);
    for (;;) {
      const p = this.peek();
      if (p === EOF) throw new LexError("unexpected end of statement while looking for matching double-quote");
      if (p === 0x22) {
        const ch = this.next();
        if (this.opts.rawQuotes) result += chr(ch);
        return result;
      }
      if (p === 0x24) {
        result += this.processDollar();
        continue;
      }
      let ch = this.next();
      if (ch === this.escape) {
        if (this.rawEscapes) result += chr(ch);
        const q = this.peek();
        if (q === EOF) continue;
        if (q === 0x22 || q === 0x24 || q === this.escape) ch = this.next();
      }
      result += chr(ch);
    }
  }

  private getEnv(name: string): [string, boolean] {
    const v = this.env.get(name);
    if (v !== undefined) {
      this.matched.add(name);
      return [v, true];
    }
    this.unmatched.add(name);
    return ["", false];
  }

  private processDollar(): string {
    this.next();
    if (this.peek() !== 0x7b) {
      const name = this.processName();
      if (name === "") return "$";
      const [value, found] = this.getEnv(name);
      if (!found && this.opts.skipUnsetEnv) return "$" + name;
      return value;
    }
    this.next();
    const p = this.peek();
    if (p === EOF) throw new LexError("syntax error: missing '}'");
    if (p === 0x7b || p === 0x7d || p === 0x3a) throw new LexError("syntax error: bad substitution");
    const name = this.processName();
    let ch = this.next();
    let chs = chr(ch);
    let nullIsUnset = false;
    switch (ch) {
      case 0x7d: {
        const [value, set] = this.getEnv(name);
        if (!set && this.opts.skipUnsetEnv) return `\${${name}}`;
        return value;
      }
      case 0x3a:
      case 0x2b:
      case 0x2d:
      case 0x3f:
      case 0x23:
      case 0x25: {
        if (ch === 0x3a) {
          nullIsUnset = true;
          ch = this.next();
          chs += chr(ch);
        }
        const raw = ch === 0x23 || ch === 0x25;
        let word: string;
        try {
          [word] = this.processStopOn(0x7d, raw);
        } catch (e) {
          if (this.peek() === EOF) throw new LexError("syntax error: missing '}'");
          throw e;
        }
        const [value, set] = this.getEnv(name);
        if (this.opts.skipUnsetEnv && !set) return `\${${name}${chs}${word}}`;
        switch (ch) {
          case 0x2d:
            return !set || (nullIsUnset && value === "") ? word : value;
          case 0x2b:
            return !set || (nullIsUnset && value === "") ? "" : word;
          case 0x3f:
            if (!set) throw new LexError(`${name}: ${word !== "" ? word : "is not allowed to be unset"}`);
            if (nullIsUnset && value === "") throw new LexError(`${name}: ${word !== "" ? word : "is not allowed to be empty"}`);
            return value;
          case 0x25:
          case 0x23: {
            let greedy = false;
            if (word.length > 0 && word.codePointAt(0) === ch) {
              greedy = true;
              word = word.slice(1);
            }
            return ch === 0x25 ? trimSuffix(word, value, greedy) : trimPrefix(word, value, greedy);
          }
          default:
            throw new LexError(`unsupported modifier (${chs}) in substitution`);
        }
      }
      case 0x2f: {
        const replaceAll = this.peek() === 0x2f;
        if (replaceAll) this.next();
        let pattern: string;
        let replacement: string;
        try {
          [pattern] = this.processStopOn(0x2f, true);
        } catch (e) {
          if (this.peek() === EOF) throw new LexError("syntax error: missing '/' in ${}");
          throw e;
        }
        try {
          [replacement] = this.processStopOn(0x7d, true);
        } catch (e) {
          if (this.peek() === EOF) throw new LexError("syntax error: missing '}'");
          throw e;
        }
        const [value, set] = this.getEnv(name);
        if (this.opts.skipUnsetEnv && !set) return `\${${name}/${pattern}/${replacement}}`;
        const re = patternRegex(pattern, true, false);
        if (replaceAll) return goReplaceAll(re, value, replacement);
        re.lastIndex = 0;
        const m = re.exec(value);
        if (m) return value.slice(0, m.index) + replacement + value.slice(m.index + m[0].length);
        return value;
      }
      default:
        throw new LexError(`unsupported modifier (${chs}) in substitution`);
    }
  }

  private processName(): string {
    let name = "";
    while (this.peek() !== EOF) {
      let ch = this.peek();
      if (name.length === 0 && isDigit(ch)) {
        while (this.peek() !== EOF && isDigit(this.peek())) {
          ch = this.next();
          name += chr(ch);
        }
        return name;
      }
      if (name.length === 0 && isSpecialParam(ch)) {
        ch = this.next();
        return chr(ch);
      }
      if (!isLetter(ch) && !isDigit(ch) && ch !== 0x5f) break;
      ch = this.next();
      name += chr(ch);
    }
    return name;
  }
}

function run(word: string, env: Env, opts: LexOptions): ProcessResult {
  const sw = new ShellWord(word, toMap(env), opts);
  try {
    const [result, words] = sw.processStopOn(EOF, opts.rawEscapes ?? false);
    return { result, words, matched: sw.matched, unmatched: sw.unmatched };
  } catch (e) {
    if (e instanceof LexError) {
      throw new ShellExpansionError(`failed to process ${goQuote(word)}: ${e.message}`, e.message);
    }
    throw e;
  }
}

/** Expand variables in `word` (quotes removed, spaces kept). Throws ShellExpansionError. */
export function processWord(word: string, env: Env = {}, opts: LexOptions = {}): string {
  return run(word, env, opts).result;
}

/** Expand variables, then split into words on unquoted whitespace. Throws ShellExpansionError. */
export function processWords(word: string, env: Env = {}, opts: LexOptions = {}): string[] {
  return run(word, env, opts).words;
}

/** Like processWord, also reporting which variables were found and which were not. */
export function processWordWithMatches(word: string, env: Env = {}, opts: LexOptions = {}): ProcessResult {
  return run(word, env, opts);
}
