/**
 * The shell's `trap` builtin for container shells (just-bash has none). A container's main shell
 * script keeps its traps here; the runtime runs a trap's action when `docker stop` or `docker kill`
 * sends the signal, and the EXIT trap when the script ends, so `trap 'echo bye; exit 0' TERM`
 * lets a script stop at once instead of being killed after the stop timeout.
 */
import { defineCommand } from "just-bash";

/** Signals a trap can name (without SIG), with their numbers; EXIT is 0. */
const SIGNALS: Record<string, number> = { EXIT: 0, HUP: 1, INT: 2, QUIT: 3, KILL: 9, USR1: 10, USR2: 12, PIPE: 13, ALRM: 14, TERM: 15, CHLD: 17, CONT: 18, STOP: 19, TSTP: 20, WINCH: 28 };
const byNumber = new Map(Object.entries(SIGNALS).map(([name, n]) => [String(n), name]));

/** `TERM`, `SIGTERM`, `term` or `15` -> `TERM`; undefined when it names no signal. */
export function signalOf(word: string): string | undefined {
  if (/^\d+$/.test(word)) return byNumber.get(String(Number(word)));
  const name = word.toUpperCase().replace(/^SIG/, "");
  return name in SIGNALS ? name : undefined;
}

/** A shell's traps: signal name -> action ("" ignores the signal). */
export type Traps = Map<string, string>;

const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/** `trap [-p] [[--] ACTION SIGNAL...]`, as bash (`bash` true) or BusyBox ash words it. */
export function trapCommand(traps: Traps, bash: boolean) {
  const shown = (name: string) => (bash && name !== "EXIT" ? `SIG${name}` : name);
  return defineCommand("trap", async (args) => {
    let words = args;
    if (words[0] === "-p") words = words.slice(1);
    else if (words[0] === "-l") return { stdout: `${Object.entries(SIGNALS).filter(([, n]) => n > 0).map(([name, n]) => `${n}) SIG${name}`).join(" ")}\n`, stderr: "", exitCode: 0 };
    if (words[0] === "--") words = words.slice(1);
    if (words.length === 0 || args[0] === "-p") {
      const wanted = words.length > 0 && args[0] === "-p" ? words.map(signalOf).filter((s): s is string => s !== undefined) : [...traps.keys()];
      const listed = wanted.filter((name) => traps.has(name)).map((name) => `trap -- ${quote(traps.get(name)!)} ${shown(name)}\n`);
      return { stdout: listed.join(""), stderr: "", exitCode: 0 };
    }
    // `trap SIGNAL...` alone (a first word that names a signal) resets them, as POSIX says.
    const [action, ...names] = words.length === 1 || (signalOf(words[0]!) !== undefined && /^\d+$/.test(words[0]!)) ? ["-", ...words] : words;
    let stderr = "";
    for (const name of names) {
      const signal = signalOf(name);
      if (!signal) {
        stderr += bash ? `trap: ${name}: invalid signal specification\n` : `trap: ${name}: bad trap\n`;
        continue;
      }
      if (action === "-") traps.delete(signal);
      else traps.set(signal, action!);
    }
    return { stdout: "", stderr, exitCode: stderr === "" ? 0 : 1 };
  });
}
