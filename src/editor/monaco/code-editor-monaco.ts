/**
 * Monaco, loaded on demand by `<dockyard-editor>`: the editor core with the contributions a
 * Dockerfile and compose workspace needs (not every language Monaco ships), workers built by
 * Vite (`?worker`), Dockerfile and compose language services, and the site's dark theme.
 */
import * as monaco from "monaco-editor/editor/editor.api.js";
import "monaco-editor/editor/browser/coreCommands.js";
import "monaco-editor/editor/browser/widget/codeEditor/codeEditorWidget.js";
import "monaco-editor/editor/contrib/bracketMatching/browser/bracketMatching.js";
import "monaco-editor/editor/contrib/clipboard/browser/clipboard.js";
import "monaco-editor/editor/contrib/comment/browser/comment.js";
import "monaco-editor/editor/contrib/contextmenu/browser/contextmenu.js";
import "monaco-editor/editor/contrib/cursorUndo/browser/cursorUndo.js";
import "monaco-editor/editor/contrib/find/browser/findController.js";
import "monaco-editor/editor/contrib/folding/browser/folding.js";
import "monaco-editor/editor/contrib/format/browser/formatActions.js";
import "monaco-editor/editor/contrib/gotoError/browser/gotoError.js";
import "monaco-editor/editor/contrib/gotoError/browser/markerSelectionStatus.js";
import "monaco-editor/editor/contrib/hover/browser/hoverContribution.js";
import "monaco-editor/editor/contrib/indentation/browser/indentation.js";
import "monaco-editor/editor/contrib/linesOperations/browser/linesOperations.js";
import "monaco-editor/editor/contrib/multicursor/browser/multicursor.js";
import "monaco-editor/editor/contrib/snippet/browser/snippetController2.js";
import "monaco-editor/editor/contrib/suggest/browser/suggestController.js";
import "monaco-editor/editor/contrib/toggleTabFocusMode/browser/toggleTabFocusMode.js";
import "monaco-editor/editor/contrib/tokenization/browser/tokenization.js";
import "monaco-editor/editor/contrib/wordHighlighter/browser/wordHighlighter.js";
import "monaco-editor/editor/contrib/wordOperations/browser/wordOperations.js";
import "monaco-editor/editor/common/standaloneStrings.js";
import "monaco-editor/languages/definitions/dockerfile/register.js";
import "monaco-editor/languages/definitions/yaml/register.js";
import "monaco-editor/languages/definitions/shell/register.js";
import EditorWorker from "monaco-editor/editor/editor.worker.js?worker";
import YamlWorker from "./yaml.worker.ts?worker";
import type { CodeEditor, CodeEditorOptions } from "../code-editor.ts";
import { fileLanguage, monacoLanguage } from "../languages.ts";
import { registerDockerfile } from "./dockerfile.ts";
import { configureCompose } from "./compose.ts";
import { defineTheme, themeName } from "./theme.ts";
import { linkMonacoStyles } from "./styles.ts";

export { linkMonacoStyles };

(globalThis as { MonacoEnvironment?: monaco.Environment }).MonacoEnvironment = {
  // Monaco's own worker (diffs, links, word completion); monaco-yaml's is handed over in compose.ts.
  getWorker: () => new EditorWorker(),
};

let languagesReady: string | undefined;

/** Language services are global in Monaco: set them up once per page (one page, one language). */
function setUpLanguages(lang: CodeEditorOptions["lang"]): void {
  if (languagesReady) return;
  languagesReady = lang;
  defineTheme(monaco);
  registerDockerfile(monaco, lang);
  configureCompose(monaco, lang, () => new YamlWorker());
}

export function createCodeEditor(host: HTMLElement, options: CodeEditorOptions): CodeEditor {
  setUpLanguages(options.lang);
  const uri = (path: string) => monaco.Uri.file(`${options.root}/${path}`);
  const models = new Map<string, monaco.editor.ITextModel>();
  const changeListeners: ((path: string, text: string) => void)[] = [];
  const saveListeners: ((path: string) => void)[] = [];
  let shown: string | undefined;
  /** Set while the host's own text is put into a buffer: not an edit to save. */
  let syncing = false;

  const editor = monaco.editor.create(host, {
    model: null,
    theme: themeName,
    automaticLayout: true,
    fontFamily: getComputedStyle(document.documentElement).getPropertyValue("--font-mono").trim() || "monospace",
    fontSize: 13.5,
    lineHeight: 21,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    renderLineHighlight: "line",
    tabSize: 2,
    insertSpaces: true,
    ariaLabel: options.label(undefined),
    fixedOverflowWidgets: true,
    padding: { top: 10, bottom: 10 },
    scrollbar: { alwaysConsumeMouseWheel: false },
    wordWrap: "off",
  });
  editor.onDidChangeModelContent(() => {
    if (syncing || shown === undefined) return;
    const text = editor.getValue();
    changeListeners.forEach((listener) => listener(shown!, text));
  });
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => {
    if (shown !== undefined) saveListeners.forEach((listener) => listener(shown!));
  });

  const modelFor = (path: string, text: string) => {
    let model = models.get(path);
    if (!model || model.isDisposed()) {
      model = monaco.editor.getModel(uri(path)) ?? monaco.editor.createModel(text, monacoLanguage(fileLanguage(path)), uri(path));
      models.set(path, model);
    }
    return model;
  };

  return {
    open(path, text) {
      const model = modelFor(path, text);
      shown = path;
      editor.setModel(model);
      editor.updateOptions({ ariaLabel: options.label(path) });
    },
    text: (path) => models.get(path)?.getValue(),
    replace(path, text) {
      const model = models.get(path);
      if (!model || model.getValue() === text) return;
      syncing = true;
      try {
        model.pushEditOperations([], [{ range: model.getFullModelRange(), text }], () => null);
        model.pushStackElement();
      } finally {
        syncing = false;
      }
    },
    rename(from, to) {
      const model = models.get(from);
      if (!model) return;
      const moved = monaco.editor.createModel(model.getValue(), monacoLanguage(fileLanguage(to)), uri(to));
      models.set(to, moved);
      models.delete(from);
      if (shown === from) {
        shown = to;
        editor.setModel(moved);
        editor.updateOptions({ ariaLabel: options.label(to) });
      }
      model.dispose();
    },
    close(path) {
      const model = models.get(path);
      models.delete(path);
      if (shown === path) {
        shown = undefined;
        editor.setModel(null);
        editor.updateOptions({ ariaLabel: options.label(undefined) });
      }
      model?.dispose();
    },
    onChange: (listener) => void changeListeners.push(listener),
    onSave: (listener) => void saveListeners.push(listener),
    focus: () => editor.focus(),
    dispose() {
      editor.dispose();
      models.forEach((model) => model.dispose());
      models.clear();
    },
  };
}
