/** The signals `docker kill` and `docker stop` take, by name or number, and the numbers their events carry. */
import type { SignalName } from "./process.ts";

const SIGNALS = new Set(["SIGTERM", "SIGINT", "SIGQUIT", "SIGHUP", "SIGUSR1", "SIGUSR2", "SIGWINCH", "SIGKILL"]);
const SIGNAL_BY_NUMBER: Record<string, string> = { "1": "SIGHUP", "2": "SIGINT", "3": "SIGQUIT", "9": "SIGKILL", "10": "SIGUSR1", "12": "SIGUSR2", "15": "SIGTERM", "28": "SIGWINCH" };

/** `TERM`, `SIGTERM`, `15` -> `SIGTERM`; undefined for what Docker rejects. */
export function parseSignal(text: string): (SignalName | "SIGKILL") | undefined {
  const upper = text.toUpperCase();
  const name = SIGNAL_BY_NUMBER[upper] ?? (upper.startsWith("SIG") ? upper : `SIG${upper}`);
  return SIGNALS.has(name) ? (name as SignalName | "SIGKILL") : undefined;
}

export const signalNumberOf = (signal: string) => ({ SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGKILL: 9, SIGUSR1: 10, SIGUSR2: 12, SIGTERM: 15, SIGWINCH: 28 })[signal] ?? 15;
