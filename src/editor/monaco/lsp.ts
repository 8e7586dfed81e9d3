/** Language Server Protocol values (dockerfile-language-service) to Monaco's, and back. */
import type * as Monaco from "monaco-editor/editor/editor.api.js";
import type { CompletionItem, Diagnostic, Hover, MarkupContent, Position, Range } from "vscode-languageserver-types";

type MonacoApi = typeof Monaco;

export const toLspPosition = (position: Monaco.Position): Position => ({ line: position.lineNumber - 1, character: position.column - 1 });

export const toMonacoRange = (range: Range): Monaco.IRange => ({
  startLineNumber: range.start.line + 1,
  startColumn: range.start.character + 1,
  endLineNumber: range.end.line + 1,
  endColumn: range.end.character + 1,
});

/** LSP's CompletionItemKind numbers, by name (1 = Text … 25 = TypeParameter). */
const kindNames = ["", "Text", "Method", "Function", "Constructor", "Field", "Variable", "Class", "Interface", "Module", "Property", "Unit", "Value", "Enum", "Keyword", "Snippet", "Color", "File", "Reference", "Folder", "EnumMember", "Constant", "Struct", "Event", "Operator", "TypeParameter"] as const;

export function toMonacoKind(monaco: MonacoApi, kind: number | undefined): Monaco.languages.CompletionItemKind {
  const name = kindNames[kind ?? 1] ?? "Text";
  const kinds = monaco.languages.CompletionItemKind as unknown as Record<string, Monaco.languages.CompletionItemKind>;
  return kinds[name] ?? monaco.languages.CompletionItemKind.Text;
}

export function markdownOf(content: string | MarkupContent | undefined): Monaco.IMarkdownString | undefined {
  if (content === undefined) return undefined;
  return { value: typeof content === "string" ? content : content.value };
}

/** One completion, replacing `fallback` (the word at the cursor) unless the item says what to replace. */
export function toMonacoCompletion(monaco: MonacoApi, item: CompletionItem, fallback: Monaco.IRange): Monaco.languages.CompletionItem {
  const edit = item.textEdit && "range" in item.textEdit ? item.textEdit : undefined;
  const documentation = markdownOf(item.documentation);
  return {
    label: item.label,
    kind: toMonacoKind(monaco, item.kind),
    insertText: edit?.newText ?? item.insertText ?? item.label,
    range: edit ? toMonacoRange(edit.range) : fallback,
    ...(item.insertTextFormat === 2 ? { insertTextRules: monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet } : {}),
    ...(item.detail ? { detail: item.detail } : {}),
    ...(documentation ? { documentation } : {}),
    ...(item.sortText ? { sortText: item.sortText } : {}),
    ...(item.filterText ? { filterText: item.filterText } : {}),
    ...(item.deprecated || item.tags?.includes(1) ? { tags: [monaco.languages.CompletionItemTag.Deprecated] } : {}),
  };
}

export function toMonacoHover(hover: Hover): Monaco.languages.Hover {
  const contents = Array.isArray(hover.contents) ? hover.contents : [hover.contents];
  return {
    contents: contents.map((c) => ({ value: typeof c === "string" ? c : "kind" in c ? c.value : `\`\`\`${c.language}\n${c.value}\n\`\`\`` })),
    ...(hover.range ? { range: toMonacoRange(hover.range) } : {}),
  };
}

export function toMonacoMarker(monaco: MonacoApi, diagnostic: Diagnostic): Monaco.editor.IMarkerData {
  const severity = [monaco.MarkerSeverity.Error, monaco.MarkerSeverity.Error, monaco.MarkerSeverity.Warning, monaco.MarkerSeverity.Info, monaco.MarkerSeverity.Hint][diagnostic.severity ?? 1]!;
  const tags = (diagnostic.tags ?? []).map((tag) => (tag === 1 ? monaco.MarkerTag.Unnecessary : monaco.MarkerTag.Deprecated));
  return {
    ...toMonacoRange(diagnostic.range),
    severity,
    message: typeof diagnostic.message === "string" ? diagnostic.message : diagnostic.message.value,
    source: "dockerfile",
    ...(diagnostic.code !== undefined ? { code: String(diagnostic.code) } : {}),
    ...(tags.length > 0 ? { tags } : {}),
  };
}
