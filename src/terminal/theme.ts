import type { ITheme } from "@xterm/xterm";

/** A dark theme with AA contrast for every ANSI colour on the background. */
export const terminalTheme: ITheme = {
  background: "#0e1621",
  foreground: "#dfe7f0",
  cursor: "#6cc4ff",
  cursorAccent: "#0e1621",
  selectionBackground: "#2b4a6b",
  black: "#1c2633",
  red: "#ff7b72",
  green: "#7ee2a8",
  yellow: "#f2cc60",
  blue: "#79b8ff",
  magenta: "#d2a8ff",
  cyan: "#6cd4f0",
  white: "#dfe7f0",
  brightBlack: "#8b98a8",
  brightRed: "#ffa198",
  brightGreen: "#a6f0c2",
  brightYellow: "#f8e08e",
  brightBlue: "#a5d0ff",
  brightMagenta: "#e2c5ff",
  brightCyan: "#9ee6f7",
  brightWhite: "#ffffff",
};

const latinMono = '"JetBrains Mono", "SF Mono", SFMono-Regular, "Cascadia Mono", Menlo, Consolas, "DejaVu Sans Mono", "Liberation Mono"';
const koreanMono = '"D2Coding", "Noto Sans Mono CJK KR", "Nanum Gothic Coding"';

/**
 * The terminal's font for a page language. Korean pages prefer fonts whose Hangul is exactly
 * two Latin cells wide, so Korean output is not spread out; elsewhere Latin fonts come first.
 */
export function terminalFont(lang: string): string {
  return lang.startsWith("ko") ? `${koreanMono}, ${latinMono}, monospace` : `${latinMono}, ${koreanMono}, monospace`;
}
