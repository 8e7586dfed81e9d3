/**
 * Dockerfile support from dockerfile-language-service: live diagnostics as Monaco markers,
 * completion, and hover. Instructions the lessons teach get Dockyard's own words in the page language.
 */
import type * as Monaco from "monaco-editor/editor/editor.api.js";
import { DockerfileLanguageServiceFactory } from "dockerfile-language-service";
import type { CompletionItem } from "vscode-languageserver-types";
import { dockerfileDocs, type DocLang } from "../docs.ts";
import { toLspPosition, toMonacoCompletion, toMonacoHover, toMonacoMarker } from "./lsp.ts";

type MonacoApi = typeof Monaco;
const owner = "dockerfile";
const validateDelayMs = 200;

/**
 * dockerfile-ast looks for a UTF-8 byte order mark with Node's `Buffer.from(text, "UTF-8")`.
 * The page gets that one function only while the service parses, so libraries that look for
 * Node's Buffer elsewhere on the page (the simulator) never see a partial one.
 */
function parsing<T>(call: () => T): T {
  const scope = globalThis as { Buffer?: unknown };
  if (scope.Buffer !== undefined) return call();
  scope.Buffer = { from: (text: string) => new TextEncoder().encode(text) };
  try {
    return call();
  } finally {
    delete scope.Buffer;
  }
}

/** The instruction keyword at `position` (the line's first word, where the cursor is), if any. */
function instructionAt(model: Monaco.editor.ITextModel, position: Monaco.Position): { keyword: string; range: Monaco.IRange } | undefined {
  const line = model.getLineContent(position.lineNumber);
  const match = /^(\s*)([A-Za-z]+)\b/.exec(line);
  if (!match) return undefined;
  const start = match[1]!.length + 1;
  const end = start + match[2]!.length;
  if (position.column < start || position.column > end) return undefined;
  return { keyword: match[2]!.toUpperCase(), range: { startLineNumber: position.lineNumber, startColumn: start, endLineNumber: position.lineNumber, endColumn: end } };
}

export function registerDockerfile(monaco: MonacoApi, lang: DocLang): Monaco.IDisposable {
  const service = DockerfileLanguageServiceFactory.createLanguageService();
  service.setCapabilities({
    completion: { completionItem: { snippetSupport: true, documentationFormat: ["markdown"], deprecatedSupport: true } },
    hover: { contentFormat: ["markdown"] },
  });
  const disposables: Monaco.IDisposable[] = [];

  const localDoc = (keyword: string) => dockerfileDocs[keyword]?.[lang];

  disposables.push(
    monaco.languages.registerCompletionItemProvider(owner, {
      triggerCharacters: ["-", "="],
      async provideCompletionItems(model, position) {
        const word = model.getWordUntilPosition(position);
        const fallback = { startLineNumber: position.lineNumber, endLineNumber: position.lineNumber, startColumn: word.startColumn, endColumn: word.endColumn };
        let items: CompletionItem[];
        try {
          items = await parsing(() => service.computeCompletionItems(model.getValue(), toLspPosition(position)));
        } catch {
          // Image-tag completion asks a registry over the network, which the page does not have.
          items = [];
        }
        return {
          suggestions: items.map((item) => {
            const resolved = item.documentation ? item : parsing(() => service.resolveCompletionItem(item));
            const ours = localDoc(item.label);
            return toMonacoCompletion(monaco, ours ? { ...resolved, documentation: { kind: "markdown", value: ours } } : resolved, fallback);
          }),
        };
      },
    }),
    monaco.languages.registerHoverProvider(owner, {
      provideHover(model, position) {
        const instruction = instructionAt(model, position);
        const ours = instruction && localDoc(instruction.keyword);
        if (instruction && ours) return { range: instruction.range, contents: [{ value: `**${instruction.keyword}**` }, { value: ours }] };
        const hover = parsing(() => service.computeHover(model.getValue(), toLspPosition(position)));
        return hover ? toMonacoHover(hover) : null;
      },
    }),
  );

  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const validate = (model: Monaco.editor.ITextModel) => {
    if (model.isDisposed()) return;
    const markers = model.getLanguageId() === owner ? parsing(() => service.validate(model.getValue())).map((d) => toMonacoMarker(monaco, d)) : [];
    monaco.editor.setModelMarkers(model, owner, markers);
  };
  const watch = (model: Monaco.editor.ITextModel) => {
    validate(model);
    const key = model.uri.toString();
    disposables.push(
      model.onDidChangeContent(() => {
        clearTimeout(timers.get(key));
        timers.set(key, setTimeout(() => validate(model), validateDelayMs));
      }),
      model.onDidChangeLanguage(() => validate(model)),
      model.onWillDispose(() => clearTimeout(timers.get(key))),
    );
  };
  monaco.editor.getModels().forEach(watch);
  disposables.push(monaco.editor.onDidCreateModel(watch));

  return { dispose: () => disposables.forEach((d) => d.dispose()) };
}
