/**
 * Go's text/tabwriter as docker/cli configures it for tables: minimum cell width 10,
 * padding 3, padded with spaces; the last cell of a line is not padded.
 */
export function tabwrite(rows: string[][], minWidth = 10, padding = 3): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      if (i === row.length - 1) return;
      widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell) + padding, minWidth);
    });
  }
  return rows
    .map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell + " ".repeat(widths[i]! - displayWidth(cell)))).join(""))
    .map((line) => `${line}\n`)
    .join("");
}

/** Columns a string takes in a terminal (ignores ANSI escapes; CJK counts as two). */
export function displayWidth(text: string): number {
  if (/^[\x20-\x7e]*$/.test(text)) return text.length;
  let width = 0;
  for (const ch of text.replace(/\x1b\[[0-9;]*m/g, "")) {
    const code = ch.codePointAt(0)!;
    width += code >= 0x1100 && (code <= 0x115f || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xff00 && code <= 0xff60) || (code >= 0xffe0 && code <= 0xffe6)) ? 2 : 1;
  }
  return width;
}
