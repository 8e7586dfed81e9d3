/** Escape sequences the terminal writes around its own messages. */
export const ansi = {
  /** Muted text in the theme's bright black, which keeps 4.5:1 on the background (SGR 2 does not). */
  dim: (text: string) => `\x1b[90m${text}\x1b[39m`,
  bold: (text: string) => `\x1b[1m${text}\x1b[22m`,
  cyan: (text: string) => `\x1b[36m${text}\x1b[39m`,
  red: (text: string) => `\x1b[31m${text}\x1b[39m`,
  /** Return to column 0 and erase the line (replaces the loading message). */
  eraseLine: "\r\x1b[2K",
};

/** Simulator output uses "\n"; xterm needs "\r\n" to return to column 0. */
export function toCrlf(text: string): string {
  return text.replace(/\r?\n/g, "\r\n");
}

/** Dim every line of a block, so setup output reads as "already done". */
export function dimLines(text: string): string {
  return text
    .split("\n")
    .map((line) => (line === "" ? line : ansi.dim(line)))
    .join("\n");
}
