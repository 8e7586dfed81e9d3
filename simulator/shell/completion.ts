/**
 * What a Tab does with the candidates `complete.ts` found: complete inline, or list them in
 * columns. Kept apart from complete.ts (which reads the CLI registry) so the terminal can
 * use it without loading the simulator.
 */

/** What a Tab at `cursor` may put in place of `line.slice(start, cursor)`. */
export interface Completion {
  start: number;
  /** Full replacements for the word being completed, sorted; a folder ends with `/`. */
  candidates: string[];
}

/** The longest text every candidate starts with. */
export function commonPrefix(candidates: string[]): string {
  if (candidates.length === 0) return "";
  let prefix = candidates[0]!;
  for (const c of candidates.slice(1)) {
    while (!c.startsWith(prefix)) prefix = prefix.slice(0, -1);
  }
  return prefix;
}

/** What one Tab does: completes inline when it can, else says which candidates to list. */
export function applyCompletion(line: string, cursor: number, completion: Completion): { line: string; cursor: number; list: string[] } {
  const { start, candidates } = completion;
  const current = line.slice(start, cursor);
  if (candidates.length === 0) return { line, cursor, list: [] };
  if (candidates.length === 1) {
    const only = candidates[0]!;
    const after = line.slice(cursor);
    // A folder or `volume:` waits for more; anything else is a whole word, followed by a space.
    const text = quoteIfNeeded(only) + (/[/:=]$/.test(only) || after.startsWith(" ") ? "" : " ");
    const end = start + text.length + (after.startsWith(" ") && !/[/:=]$/.test(only) ? 1 : 0);
    return { line: line.slice(0, start) + text + after, cursor: end, list: [] };
  }
  const prefix = commonPrefix(candidates);
  if (prefix.length > current.length) {
    const text = quoteIfNeeded(prefix);
    return { line: line.slice(0, start) + text + line.slice(cursor), cursor: start + text.length, list: [] };
  }
  return { line, cursor, list: candidates };
}

/** Names with spaces get backslashes, as bash's completion writes them. */
function quoteIfNeeded(word: string): string {
  return word.replace(/([ '"\\$`!&|;()<>])/g, "\\$1");
}

/** Lay candidates out in columns across `width`, as bash lists them. */
export function formatCandidates(candidates: string[], width: number): string[] {
  const display = candidates.map((c) => (c.endsWith("/") ? c.replace(/.*\/(?=[^/]*\/$)/, "") : c.replace(/.*\//, "")));
  const colWidth = Math.max(...display.map((d) => d.length)) + 2;
  const perRow = Math.max(1, Math.floor(width / colWidth));
  const rows = Math.ceil(display.length / perRow);
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) {
    const cells: string[] = [];
    for (let c = 0; c < perRow; c++) {
      const item = display[c * rows + r];
      if (item !== undefined) cells.push(item.padEnd(colWidth));
    }
    lines.push(cells.join("").trimEnd());
  }
  return lines;
}
