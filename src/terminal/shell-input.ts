/**
 * When typed or clicked shell input is a whole command, as bash decides before it runs a line:
 * a here-document waits for its delimiter line, a trailing backslash continues the line, and an
 * open quote waits for its closing quote.
 */

interface Heredoc {
  word: string;
  /** `<<-`: leading tabs are stripped from the body and the delimiter line. */
  stripTabs: boolean;
}

/** Scan one line outside here-document bodies: the heredocs it opens and the quote left open. */
function scan(line: string, quote: "" | "'" | '"'): { heredocs: Heredoc[]; quote: "" | "'" | '"'; continued: boolean } {
  const heredocs: Heredoc[] = [];
  let q = quote;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (q === "'") {
      if (ch === "'") q = "";
      continue;
    }
    if (ch === "\\") {
      if (i === line.length - 1) return { heredocs, quote: q, continued: true };
      i++;
      continue;
    }
    if (q === '"') {
      if (ch === '"') q = "";
      continue;
    }
    if (ch === "'" || ch === '"') q = ch;
    else if (ch === "#" && (i === 0 || /\s/.test(line[i - 1]!))) break;
    else if (ch === "<" && line.startsWith("<<<", i)) i += 2;
    else if (ch === "<" && line[i + 1] === "<") {
      const match = /^<<(-?)\s*(?:'([^']*)'|"([^"]*)"|\\?([^\s;&|<>()'"]+))/.exec(line.slice(i));
      if (match) {
        heredocs.push({ word: match[2] ?? match[3] ?? match[4]!, stripTabs: match[1] === "-" });
        i += match[0].length - 1;
      }
    }
  }
  return { heredocs, quote: q, continued: false };
}

/** Split input into commands, keeping here-document bodies, continuations and quoted newlines with their line. */
function walk(lines: string[]): { commands: string[][]; complete: boolean } {
  const commands: string[][] = [];
  let current: string[] = [];
  let pending: Heredoc[] = [];
  let quote: "" | "'" | '"' = "";
  let continued = false;
  for (const line of lines) {
    current.push(line);
    if (pending.length > 0) {
      const body = pending[0]!.stripTabs ? line.replace(/^\t+/, "") : line;
      if (body === pending[0]!.word) pending.shift();
    } else {
      const scanned = scan(line, quote);
      pending = scanned.heredocs;
      quote = scanned.quote;
      continued = scanned.continued;
    }
    if (pending.length === 0 && quote === "" && !continued) {
      commands.push(current);
      current = [];
    }
  }
  if (current.length > 0) commands.push(current);
  return { commands, complete: current.length === 0 };
}

/** Whether the terminal should run what was typed, or add a line to it (xterm-readline's check handler). */
export function isCompleteInput(text: string): boolean {
  return walk(text.split("\n")).complete;
}

/**
 * The commands of a shell snippet in a lesson: blank lines, comments and a leading `$ ` dropped,
 * but a here-document's body (kept exactly, indentation included), a `\` continuation or a quoted
 * newline stays with the command it belongs to.
 */
export function snippetCommands(snippet: string): string[] {
  const out: string[] = [];
  let buffer: string[] = [];
  for (const raw of snippet.split("\n")) {
    if (buffer.length === 0) {
      const line = raw.trim().replace(/^\$\s+/, "");
      if (line === "" || line.startsWith("#")) continue;
      buffer.push(line);
    } else buffer.push(raw);
    const { complete } = walk(buffer);
    if (complete) {
      out.push(buffer.join("\n"));
      buffer = [];
    }
  }
  if (buffer.length > 0) out.push(buffer.join("\n"));
  return out;
}
