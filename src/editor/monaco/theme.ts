/** The editor's colours: the terminal's dark palette (src/terminal/theme.ts), AA contrast on its background. */
import type * as Monaco from "monaco-editor/editor/editor.api.js";
import { terminalTheme } from "../../terminal/theme.ts";

export const themeName = "dockyard-dark";

const hex = (colour: string | undefined) => (colour ?? "#dfe7f0").replace("#", "");

export function defineTheme(monaco: typeof Monaco): void {
  const t = terminalTheme;
  monaco.editor.defineTheme(themeName, {
    base: "vs-dark",
    inherit: true,
    rules: [
      { token: "", foreground: hex(t.foreground) },
      { token: "comment", foreground: hex(t.brightBlack), fontStyle: "italic" },
      { token: "keyword", foreground: hex(t.blue), fontStyle: "bold" },
      { token: "string", foreground: hex(t.green) },
      { token: "number", foreground: hex(t.yellow) },
      { token: "variable", foreground: hex(t.magenta) },
      { token: "type", foreground: hex(t.cyan) },
      { token: "tag", foreground: hex(t.cyan) },
      { token: "operators", foreground: hex(t.brightBlack) },
    ],
    colors: {
      "editor.background": t.background ?? "#0e1621",
      "editor.foreground": t.foreground ?? "#dfe7f0",
      "editorLineNumber.foreground": "#6f8093",
      "editorLineNumber.activeForeground": "#c9d6e3",
      "editor.lineHighlightBackground": "#152231",
      "editor.selectionBackground": t.selectionBackground ?? "#2b4a6b",
      "editorCursor.foreground": t.cursor ?? "#6cc4ff",
      "editorIndentGuide.background1": "#1d2a39",
      "editorWidget.background": "#131e2b",
      "editorWidget.border": "#2a3748",
      "editorHoverWidget.background": "#131e2b",
      "editorHoverWidget.border": "#2a3748",
      "editorSuggestWidget.background": "#131e2b",
      "editorSuggestWidget.border": "#2a3748",
      "editorSuggestWidget.selectedBackground": "#1f3a57",
      "editorError.foreground": t.red ?? "#ff7b72",
      "editorWarning.foreground": t.yellow ?? "#f2cc60",
      "scrollbarSlider.background": "#2f3e5080",
      "scrollbarSlider.hoverBackground": "#3d4f64a0",
      focusBorder: "#6cc4ff",
    },
  });
}
