/**
 * Monaco's stylesheet (its prebuilt one, fonts inlined), linked when the editor opens: Astro
 * would otherwise link Monaco's CSS into every page that might load it (see astro.config.mjs).
 */
import monacoCssUrl from "../../../node_modules/monaco-editor/min/vs/editor/editor.main.css?url";

let linked: Promise<void> | undefined;

/** Resolves once Monaco's styles apply. */
export function linkMonacoStyles(): Promise<void> {
  linked ??= new Promise<void>((resolve, reject) => {
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = monacoCssUrl;
    link.dataset["monaco"] = "";
    link.onload = () => resolve();
    link.onerror = () => reject(new Error(`could not load ${monacoCssUrl}`));
    document.head.append(link);
  });
  return linked;
}
