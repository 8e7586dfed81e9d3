/**
 * How docker build shows BuildKit's progress: the plain format (`#5 [2/3] COPY ...`), the tty
 * view (a block redrawn in place while the build runs, then its FINISHED state), and the error report.
 */
import type { BuildEvent, BuildResult, BuildWarning } from "../../backend/engine.ts";

interface Vertex {
  name: string;
  statuses: string[];
  logs: string[];
  cached: boolean;
  /** When it started, on the simulator's clock (ms). */
  started: number;
  /** Seconds it took, once done. */
  seconds: number;
  completed: boolean;
  error?: string;
}

/** plain: numbered lines as they come; tty: the redrawn block; quiet: nothing. */
export type ProgressMode = "plain" | "tty" | "quiet";

/** BuildKit's tty colours: finished steps blue, failed red, cancelled yellow. */
const BLUE = "\x1b[34m";
const RED = "\x1b[31m";
const YELLOW = "\x1b[33m";
const RESET = "\x1b[0m";
const HIDE_CURSOR = "\x1b[?25l";
const SHOW_CURSOR = "\x1b[?25h";
/** Lines of a running step's output the tty view shows under it. */
const LOG_TAIL = 6;
/**
 * While running, the view keeps to its last lines, so a redraw never reaches above the screen:
 * BuildKit keeps the terminal's height less two, and assumes 10 rows when it cannot tell.
 */
const RUNNING_LINES = 8;
/** Output lines redraw the view at most this often (ms on the simulator's clock); steps always redraw it. */
const LOG_REDRAW_MS = 100;

const isCanceled = (error: string | undefined) => error !== undefined && error.endsWith("context canceled");

/** Collects BuildKit's events; plain mode writes them as they come, tty mode redraws its block. */
export class BuildOutput {
  readonly vertices = new Map<number, Vertex>();
  readonly #mode: ProgressMode;
  readonly #columns: number;
  readonly #now: () => number;
  #first: number | undefined;
  /** Lines the last tty frame took (the cursor goes back up over them to redraw). */
  #drawn = 0;
  #lastDraw = -Infinity;

  constructor(readonly write: (text: string) => void, mode: ProgressMode, options: { columns?: number; now?: () => number } = {}) {
    this.#mode = mode;
    this.#columns = Math.max(40, options.columns || 80);
    this.#now = options.now ?? (() => 0);
    if (this.#mode === "plain") write(`#0 building with "default" instance using docker driver\n`);
  }

  event(e: BuildEvent): void {
    const v = this.vertices.get(e.id);
    const plain = this.#mode === "plain";
    switch (e.kind) {
      case "start": {
        const now = this.#now();
        this.#first ??= now;
        this.vertices.set(e.id, { name: e.name, statuses: [], logs: [], cached: false, started: now, seconds: 0, completed: false });
        if (plain) this.write(`\n#${e.id} ${e.name}\n`);
        break;
      }
      case "status":
        v?.statuses.push(e.text);
        if (plain) this.write(`#${e.id} ${e.text}\n`);
        break;
      case "log": {
        const line = `${e.seconds.toFixed(3)} ${e.text}`;
        v?.logs.push(line);
        if (plain) this.write(`#${e.id} ${line}\n`);
        break;
      }
      case "done":
        if (v) Object.assign(v, { cached: e.cached, seconds: e.seconds, completed: true });
        if (plain) this.write(e.cached ? `#${e.id} CACHED\n` : `#${e.id} DONE ${e.seconds.toFixed(1)}s\n`);
        break;
      case "error":
        if (v) Object.assign(v, { error: e.message, completed: true, seconds: (this.#now() - v.started) / 1000 });
        if (plain) this.write(isCanceled(e.message) ? `#${e.id} CANCELED\n` : `#${e.id} ERROR: ${e.message}\n`);
        break;
    }
    if (this.#mode === "tty") {
      const now = this.#now();
      if (e.kind !== "log" && e.kind !== "status") this.#redraw(false);
      else if (now - this.#lastDraw >= LOG_REDRAW_MS) this.#redraw(false);
    }
  }

  /** The tty view's last frame, `[+] Building 0.1s (7/7) FINISHED`, drawn over the running one. */
  finish(): void {
    if (this.#mode === "tty") this.#redraw(true);
  }

  #redraw(final: boolean): void {
    this.#lastDraw = this.#now();
    const lines = this.frame(final);
    const up = this.#drawn > 0 ? `\x1b[${this.#drawn}A\r` : "";
    this.write(`${HIDE_CURSOR}${up}${lines.map((l) => `${l}\x1b[K\n`).join("")}\x1b[J${SHOW_CURSOR}`);
    this.#drawn = lines.length;
  }

  /** The tty view's lines: a header, then one line per step and status, with a running step's last output. */
  frame(final: boolean): string[] {
    const all = [...this.vertices.values()];
    const now = this.#now();
    const width = this.#columns - 1;
    const align = (left: string, right: string) => {
      const room = width - right.length - 1;
      // The header's builder name gives way on a narrow terminal; a step's time never does.
      if (left.length > room && right === "docker:default") return left.slice(0, width);
      return `${(left.length > room ? left.slice(0, room) : left).padEnd(room)} ${right}`;
    };
    const elapsed = ((final ? Math.max(now, ...all.map((v) => v.started + v.seconds * 1000)) : now) - (this.#first ?? now)) / 1000;
    const done = all.filter((v) => v.completed).length;
    const finished = final && all.length > 0 && all.every((v) => v.completed && !v.error);
    const header = align(`[+] Building ${elapsed.toFixed(1)}s (${done}/${all.length})${finished ? " FINISHED" : ""}`, "docker:default");
    const jobs: string[] = [];
    for (const v of all) {
      const seconds = v.completed ? v.seconds : (now - v.started) / 1000;
      const time = `${(seconds < 0.05 ? 0 : seconds).toFixed(1)}s`;
      const prefix = isCanceled(v.error) ? "CANCELED " : v.error ? "ERROR " : v.cached ? "CACHED " : "";
      const colour = !v.completed ? "" : isCanceled(v.error) ? YELLOW : v.error ? RED : BLUE;
      const paint = (text: string) => (colour ? `${colour}${text}${RESET}` : text);
      jobs.push(paint(align(` => ${prefix}${v.name}`, time)));
      for (const status of v.statuses) jobs.push(paint(align(` => => ${status.replace(/( \d+\.\ds)? done$/, "")}`, time)));
      if (!v.completed) for (const log of v.logs.slice(-LOG_TAIL)) jobs.push(` => => # ${log.replace(/^\S+ /, "")}`.slice(0, width));
    }
    return [header, ...(final ? jobs : jobs.slice(-RUNNING_LINES))];
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
