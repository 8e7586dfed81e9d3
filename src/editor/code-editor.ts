/** What the editor element needs from the code editor (Monaco, loaded later): open, edit, save. */
export interface CodeEditor {
  /** Show `path` (relative to the working folder), creating its buffer from `text` the first time. */
  open(path: string, text: string): void;
  /** The text of an open buffer. */
  text(path: string): string | undefined;
  /** The file changed on the host: update its buffer (undo still works) if it differs. */
  replace(path: string, text: string): void;
  /** The file moved: its buffer follows. */
  rename(from: string, to: string): void;
  /** Forget a buffer (the file was removed). */
  close(path: string): void;
  /** Called on every edit of the shown buffer. */
  onChange(listener: (path: string, text: string) => void): void;
  /** Called on Ctrl-S / Cmd-S. */
  onSave(listener: (path: string) => void): void;
  focus(): void;
  dispose(): void;
}

export interface CodeEditorOptions {
  /** The page language: hover documentation is written in it. */
  lang: "en" | "ko";
  /** Accessible name of the text area while `path` is shown (undefined: no file). */
  label: (path: string | undefined) => string;
  /** The folder paths are relative to (models are named after the absolute path). */
  root: string;
}
