/** Pull progress as the docker CLI prints the daemon's JSON messages (jsonmessage). */
import type { ProgressMessage } from "../../backend/engine.ts";
import { humanSize } from "./units.ts";

/** JSONProgress.String(): a bar on wide terminals, then `current/total`. */
export function progressText(detail: ProgressMessage["progressDetail"], columns: number): string {
  const current = detail?.current ?? 0;
  const total = detail?.total ?? 0;
  if (current <= 0 && total <= 0) return "";
  if (total <= 0) return humanSize(current).padStart(8);
  const percentage = Math.min(50, Math.trunc((Math.trunc((current / total) * 100)) / 2));
  const bar = columns > 110 ? `[${"=".repeat(percentage)}>${" ".repeat(Math.max(0, 50 - percentage))}] ` : "";
  const numbers = current > total ? humanSize(current).padStart(8) : `${humanSize(current).padStart(8)}/${humanSize(total)}`;
  return bar + numbers;
}

/**
 * Writes progress as it arrives. Piped output gets each status line, without bars. A terminal
 * gets one line per layer, rewritten in place with cursor movements, as docker pull shows it.
 */
export class ProgressPrinter {
  readonly #lines: string[] = [];
  readonly #isTTY: boolean;
  readonly #columns: number;
  readonly #write: (text: string) => void;

  constructor(isTTY: boolean, columns: number, write: (text: string) => void) {
    this.#isTTY = isTTY;
    this.#columns = columns;
    this.#write = write;
  }

  push(message: ProgressMessage): void {
    const hasBar = message.progressDetail !== undefined && (message.progressDetail.total ?? 0) > 0;
    if (!this.#isTTY) {
      if (!hasBar) this.#write(`${message.id ? `${message.id}: ` : ""}${message.status}\n`);
      return;
    }
    const isLayer = message.id !== undefined && /^[0-9a-f]{12}$/.test(message.id);
    if (!isLayer) {
      this.#lines.length = 0;
      this.#write(`${message.id ? `${message.id}: ` : ""}${message.status}\n`);
      return;
    }
    const text = `${message.id}: ${message.status} ${progressText(message.progressDetail, this.#columns)}`;
    const index = this.#lines.indexOf(message.id!);
    if (index < 0) {
      this.#lines.push(message.id!);
      this.#write(`${text}\n`);
      return;
    }
    const up = this.#lines.length - index;
    this.#write(`\x1b[${up}A\r\x1b[2K${text}\x1b[${up}B\r`);
  }
}

/** Everything at once, for callers that do not stream. */
export function renderProgress(messages: ProgressMessage[], isTTY: boolean, columns = 80): string {
  let out = "";
  const printer = new ProgressPrinter(isTTY, columns, (t) => (out += t));
  for (const m of messages) printer.push(m);
  return out;
}
