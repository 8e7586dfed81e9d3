/** A transcript: a shell script of docker commands, each with the parts of its result that are compared. */
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { splitScript } from "../../simulator/shell/script.ts";

/** What a command's result is made of; `# compare:` names a subset. */
export type Part = "stdout" | "stderr" | "exit";
export const allParts: readonly Part[] = ["stdout", "stderr", "exit"];

export interface TranscriptCommand {
  /** The command as typed, without its `# compare:` marker. */
  command: string;
  /** Parts compared; empty for `# compare: none` (run on both sides, never counted). */
  compare: Part[];
}

export interface Transcript {
  name: string;
  commands: TranscriptCommand[];
}

const marker = /\s+#\s*compare:\s*([a-z, ]+?)\s*$/;

/** Read `# compare: exit` / `stdout,exit` / `none` at the end of a command's first line. */
export function parseCommand(raw: string): TranscriptCommand {
  const [first, ...rest] = raw.split("\n");
  const match = marker.exec(first!);
  if (!match) return { command: raw, compare: [...allParts] };
  const words = match[1]!.split(/[\s,]+/).filter(Boolean);
  for (const word of words) {
    if (word !== "none" && !allParts.includes(word as Part)) throw new Error(`unknown compare part "${word}" in: ${first}`);
  }
  const compare = words.includes("none") ? [] : allParts.filter((p) => words.includes(p));
  return { command: [first!.slice(0, match.index), ...rest].join("\n"), compare };
}

/** Split a transcript the way the simulator does (blank lines and `#` lines skipped, heredocs kept whole). */
export function parseTranscript(name: string, text: string): Transcript {
  return { name, commands: splitScript(text).map(parseCommand) };
}

/** Every `*.sh` in a folder, in name order. */
export function loadTranscripts(dir: string, filter?: string): Transcript[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".sh") && (!filter || f.includes(filter)))
    .sort()
    .map((f) => parseTranscript(basename(f, ".sh"), readFileSync(join(dir, f), "utf8")));
}
