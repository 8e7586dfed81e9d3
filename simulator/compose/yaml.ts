// YAML parsing for compose files, with go-yaml's error wording (compose-go decodes with go-yaml v3).
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type YAMLError } from "yaml";
import { ComposeError } from "./errors.ts";
import { OverrideTag, ResetTag } from "./tags.ts";

/** How many aliases a document may expand (a "billion laughs" guard; go-yaml has a similar limit). */
const MAX_ALIAS_COUNT = 1000;

/** go-yaml's text for eemeli/yaml's error codes (the cases that matter for hand-written compose files). */
function goYamlMessage(err: YAMLError, source: string): string {
  const msg = err.message;
  switch (err.code) {
    case "TAB_AS_INDENT":
      return "found character that cannot start any token";
    case "BLOCK_AS_IMPLICIT_KEY":
      if (/Nested mappings/.test(msg)) return "mapping values are not allowed in this context";
      return "did not find expected key";
    case "MULTILINE_IMPLICIT_KEY":
      if (source[err.pos[0]] === "-") return "did not find expected key";
      return "mapping values are not allowed in this context";
    case "BAD_INDENT":
      if (/Flow sequence/.test(msg)) return "did not find expected ',' or ']'";
      if (/Flow map/.test(msg)) return "did not find expected ',' or '}'";
      return "did not find expected key";
    case "MISSING_CHAR":
      if (/quote/.test(msg)) return "found unexpected end of stream";
      if (/\]/.test(msg)) return "did not find expected ',' or ']'";
      if (/\}/.test(msg)) return "did not find expected ',' or '}'";
      return "could not find expected ':'";
    case "UNEXPECTED_TOKEN": {
      const ch = source[err.pos[0]];
      if (ch === "@" || ch === "`") return "found character that cannot start any token";
      return "did not find expected key";
    }
    case "BAD_DIRECTIVE":
      return "found unknown directive name";
    case "BAD_ALIAS":
    case "BAD_SCALAR_START":
      return "found character that cannot start any token";
    case "ALIAS_PROPS":
      return "did not find expected key";
    case "DUPLICATE_KEY":
      return "mapping key already defined";
    case "RESOURCE_EXHAUSTION":
      return "document contains excessive aliasing";
    default:
      return msg.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
  }
}

/** The line and column to report: the start of the problem, or the next token when the problem starts at an end of line. */
function position(err: YAMLError, source: string, lc: LineCounter): { line: number; col: number } {
  const start = lc.linePos(err.pos[0]);
  const end = lc.linePos(Math.max(err.pos[0], err.pos[1]));
  const lineStart = lc.lineStarts[start.line - 1] ?? 0;
  const lineEnd = source.indexOf("\n", lineStart);
  const restOfLine = source.slice(err.pos[0], lineEnd < 0 ? source.length : lineEnd);
  if (restOfLine.trim() === "" && end.line > start.line) {
    // e.g. a dedented "- db" under "depends_on:": point at the token on the next line
    const nextStart = lc.lineStarts[end.line - 1] ?? 0;
    const text = source.slice(nextStart, source.indexOf("\n", nextStart) < 0 ? undefined : source.indexOf("\n", nextStart));
    const indent = text.length - text.trimStart().length;
    return { line: end.line, col: indent + 1 };
  }
  return start;
}

function keyPath(prefix: string, key: string): string {
  return prefix === "" ? key : `${prefix}.${key}`;
}

/** Go's %#v for the scalar kinds YAML gives. */
function goValue(v: unknown): string {
  if (typeof v === "string") return JSON.stringify(v);
  if (v === null) return "<nil>";
  return String(v);
}

/** compose-go refuses mapping keys that are not strings ("non-string key in services: 123"). */
function checkKeys(node: unknown, prefix: string): void {
  if (isMap(node)) {
    for (const item of node.items) {
      if (!isPair(item)) continue;
      const k = item.key;
      let name: string;
      if (isScalar(k)) {
        if (typeof k.value !== "string") {
          if (typeof k.value === "symbol") continue; // the merge key <<
          if (k.value === null || typeof k.value === "object") continue;
          const where = prefix === "" ? "at top level" : `in ${prefix}`;
          throw new ComposeError("yaml", `non-string key ${where}: ${goValue(k.value)}`);
        }
        name = k.value;
      } else if (isAlias(k)) {
        continue;
      } else {
        // a collection used as a key
        const where = prefix === "" ? "at top level" : `in ${prefix}`;
        throw new ComposeError("yaml", `non-string key ${where}: ${String(k)}`);
      }
      if (name === "<<") continue;
      checkKeys(item.value, keyPath(prefix, name));
    }
  } else if (isSeq(node)) {
    node.items.forEach((it, i) => checkKeys(it, `${prefix}[${i}]`));
  }
}

/**
 * Parse the YAML text of one compose file into plain JS values, one per document
 * (empty documents are skipped). Throws ComposeError (kind "yaml") with go-yaml's
 * wording, `yaml: line N: ...`, and the 1-based line/column of the problem.
 */
export function parseComposeYaml(source: string, file?: string): unknown[] {
  const lc = new LineCounter();
  let docs: Document.Parsed[];
  try {
    const parsed = parseAllDocuments(source, {
      lineCounter: lc,
      merge: true,
      uniqueKeys: true,
      prettyErrors: false,
      version: "1.2",
      logLevel: "silent",
      strict: true,
      customTags: [
        { tag: "!reset", resolve: () => new ResetTag() },
        { tag: "!reset", collection: "map", resolve: () => new ResetTag() },
        { tag: "!reset", collection: "seq", resolve: () => new ResetTag() },
        { tag: "!override", collection: "map", nodeClass: undefined, resolve: (v: unknown) => new OverrideTag(v) },
        { tag: "!override", collection: "seq", resolve: (v: unknown) => new OverrideTag(v) },
        { tag: "!override", resolve: (v: string) => new OverrideTag(v) },
      ] as never,
    });
    docs = Array.isArray(parsed) ? parsed : [];
    if (!Array.isArray(parsed)) {
      // EmptyStream
      return [];
    }
  } catch (e) {
    throw new ComposeError("yaml", `yaml: ${e instanceof Error ? e.message : String(e)}`, { file });
  }
  const out: unknown[] = [];
  for (const doc of docs) {
    const err = doc.errors[0];
    if (err) {
      let pos = position(err, source, lc);
      const next = doc.errors[1];
      if (
        (err.code === "BLOCK_AS_IMPLICIT_KEY" || err.code === "MULTILINE_IMPLICIT_KEY") &&
        source[err.pos[0]] !== "-"
      ) {
        // go-yaml stops at the ':' that makes a value into a key: the end of the implicit key
        const multi = err.code === "MULTILINE_IMPLICIT_KEY" ? err : next?.code === "MULTILINE_IMPLICIT_KEY" && next.pos[0] === err.pos[0] ? next : undefined;
        if (multi) {
          const end = lc.linePos(multi.pos[1]);
          pos = { line: end.line, col: Math.max(1, end.col - 1) };
        }
      }
      if (err.code === "DUPLICATE_KEY") {
        const keyText = sourceWord(source, err.pos[0]);
        const first = findFirstKeyLine(doc, err.pos[0], lc);
        throw new ComposeError(
          "yaml",
          `yaml: unmarshal errors:\n  line ${pos.line}: mapping key ${JSON.stringify(keyText)} already defined${first ? ` at line ${first}` : ""}`,
          { file, line: pos.line, column: pos.col },
        );
      }
      throw new ComposeError("yaml", `yaml: line ${pos.line}: ${goYamlMessage(err, source)}`, {
        file,
        line: pos.line,
        column: pos.col,
      });
    }
    if (doc.contents === null) continue;
    checkKeys(doc.contents, "");
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      if (/Unresolved alias|unknown anchor/i.test(msg)) {
        const m = /:\s*(\S+)\s*$/.exec(msg);
        throw new ComposeError("yaml", `yaml: unknown anchor '${m?.[1] ?? ""}' referenced`, { file });
      }
      if (/alias/i.test(msg)) throw new ComposeError("yaml", "yaml: document contains excessive aliasing", { file });
      throw new ComposeError("yaml", `yaml: ${msg}`, { file });
    }
    out.push(value);
  }
  return out;
}

function sourceWord(source: string, at: number): string {
  const m = /^["']?([^"':\n]*)/.exec(source.slice(at));
  return (m?.[1] ?? "").trim();
}

function findFirstKeyLine(doc: Document.Parsed, dupAt: number, lc: LineCounter): number | undefined {
  let result: number | undefined;
  const visit = (node: unknown): void => {
    if (result !== undefined) return;
    if (isMap(node)) {
      const seen = new Map<unknown, number>();
      for (const item of node.items) {
        if (!isPair(item)) continue;
        const k = item.key;
        if (isScalar(k) && k.range) {
          if (k.range[0] === dupAt) {
            const first = seen.get(k.value);
            if (first !== undefined) result = lc.linePos(first).line;
            return;
          }
          if (!seen.has(k.value)) seen.set(k.value, k.range[0]);
        }
        visit(item.value);
      }
    } else if (isSeq(node)) node.items.forEach(visit);
  };
  visit(doc.contents);
  return result;
}
