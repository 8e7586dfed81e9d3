/** How docker build shows BuildKit's progress: the plain format (`#5 [2/3] COPY ...`), a tty summary, and the error report. */
import type { BuildEvent, BuildResult, BuildWarning } from "../../backend/engine.ts";

interface Vertex {
  name: string;
  statuses: string[];
  logs: string[];
  cached: boolean;
  seconds: number;
  error?: string;
}

/** Collects BuildKit's events; in plain mode writes them as they come. */
export class BuildOutput {
  readonly vertices = new Map<number, Vertex>();

  constructor(readonly write: (text: string) => void, readonly plain: boolean) {
    if (plain) write(`#0 building with "default" instance using docker driver\n`);
  }

  event(e: BuildEvent): void {
    const v = this.vertices.get(e.id);
    switch (e.kind) {
      case "start":
        this.vertices.set(e.id, { name: e.name, statuses: [], logs: [], cached: false, seconds: 0 });
        if (this.plain) this.write(`\n#${e.id} ${e.name}\n`);
        break;
      case "status":
        v?.statuses.push(e.text);
        if (this.plain) this.write(`#${e.id} ${e.text}\n`);
        break;
      case "log": {
        const line = `${e.seconds.toFixed(3)} ${e.text}`;
        v?.logs.push(line);
        if (this.plain) this.write(`#${e.id} ${line}\n`);
        break;
      }
      case "done":
        if (v) Object.assign(v, { cached: e.cached, seconds: e.seconds });
        if (this.plain) this.write(e.cached ? `#${e.id} CACHED\n` : `#${e.id} DONE ${e.seconds.toFixed(1)}s\n`);
        break;
      case "error":
        if (v) v.error = e.message;
        if (this.plain) this.write(`#${e.id} ERROR: ${e.message}\n`);
        break;
    }
  }

  /** The tty view once the build has ended: `[+] Building 0.1s (7/7) FINISHED`. */
  summary(columns: number): string {
    const all = [...this.vertices.values()];
    const total = all.reduce((s, v) => s + v.seconds, 0);
    const width = Math.max(40, (columns || 80) - 1);
    const right = (left: string, time: string) => {
      const room = width - time.length - 1;
      const text = left.length > room ? left.slice(0, room) : left;
      return `${text.padEnd(room)} ${time}`.trimEnd() + "\n";
    };
    const done = all.filter((v) => !v.error).length;
    let out = right(`[+] Building ${total.toFixed(1)}s (${done}/${all.length}) FINISHED`, "docker:default");
    for (const v of all) {
      const prefix = v.error ? " => ERROR " : v.cached ? " => CACHED " : " => ";
      out += right(`${prefix}${v.name}`, v.cached ? "" : `${v.seconds.toFixed(1)}s`);
      for (const status of v.statuses) {
        const text = status.replace(/ done$/, "");
        out += right(` => => ${text}`, `${v.seconds.toFixed(1)}s`);
      }
      for (const log of v.logs.slice(-6)) out += ` => => # ${log.replace(/^\S+ /, "")}\n`;
    }
    return out;
  }
}

/** ` 1 warning found (use docker --debug to expand):` and one line per warning. */
export function warningsText(warnings: BuildWarning[]): string {
  if (warnings.length === 0) return "";
  const head = ` ${warnings.length} warning${warnings.length === 1 ? "" : "s"} found (use docker --debug to expand):\n`;
  return head + warnings.map((w) => ` - ${w.rule}: ${w.message} (line ${w.line})\n`).join("");
}

/** What BuildKit prints when a build fails: the failing step's last logs, the Dockerfile lines, the error. */
export function errorReport(result: BuildResult, output: BuildOutput, dockerfile: string | undefined, name: string): string {
  const error = result.error!;
  let out = "";
  if (error.step !== undefined) {
    const vertex = [...output.vertices.values()].find((v) => v.name === error.step);
    out += `------\n > ${error.step}:\n${(vertex?.logs ?? []).slice(-10).map((l) => `${l}\n`).join("")}------\n`;
  }
  if (error.line !== undefined && dockerfile !== undefined) out += sourceSnippet(dockerfile, name, error.line, error.endLine ?? error.line);
  return `${out}ERROR: failed to build: ${error.message}\n`;
}

/** The Dockerfile lines around a problem, as BuildKit prints a source location: one line of context either side. */
export function sourceSnippet(dockerfile: string, name: string, line: number, end: number): string {
  const lines = dockerfile.split("\n");
  const first = Math.max(1, line - 1);
  const last = Math.min(lines.length, end + 1);
  let out = `${name}:${line === end ? line : `${line}-${end}`}\n--------------------\n`;
  for (let n = first; n <= last; n++) {
    const marker = n >= line && n <= end ? ">>> " : "    ";
    out += `${String(n).padStart(4)} | ${marker}${lines[n - 1] ?? ""}\n`;
  }
  return `${out}--------------------\n`;
}

/** `docker build --check`: BuildKit's lint report, printed on stdout. */
export function checkReport(warnings: BuildWarning[], dockerfile: string, name: string): string {
  if (warnings.length === 0) return "Check complete, no warnings found.\n";
  const sorted = [...warnings].sort((a, b) => a.line - b.line);
  let out = `Check complete, ${sorted.length === 1 ? "1 warning has" : `${sorted.length} warnings have`} been found!\n`;
  for (const w of sorted) {
    out += `\nWARNING: ${w.rule}${w.url ? ` - ${w.url}` : ""}\n${w.message}\n`;
    out += sourceSnippet(dockerfile, name, w.line, w.endLine ?? w.line);
  }
  return out;
}
