/** `<dockyard-progress>`: export, import and reset of what this browser keeps (see progress.ts). */
import { completedCount, exportProgress, importProgress, parseExport, ProgressImportError, resetProgress } from "./progress.ts";
import { confirmDialog, pageTerminal } from "../terminal/confirm.ts";

/** Fired on `document` when progress changed wholesale (import, reset): views re-read it. */
export const progressEvent = "dockyard:progress";

interface Strings {
  summary: string;
  imported: string;
  importFailed: string;
  resetDone: string;
}

class ProgressMenu extends HTMLElement {
  #strings: Strings = { summary: "", imported: "", importFailed: "", resetDone: "" };

  connectedCallback(): void {
    this.#strings = JSON.parse(this.dataset["strings"] ?? "{}") as Strings;
    const panel = this.querySelector<HTMLDialogElement>("[data-panel]")!;
    const file = this.querySelector<HTMLInputElement>("[data-file]")!;
    this.querySelector("[data-open]")?.addEventListener("click", () => {
      this.#say("");
      this.#update();
      panel.showModal();
    });
    this.querySelector("[data-export]")?.addEventListener("click", () => this.#export());
    this.querySelector("[data-import]")?.addEventListener("click", () => file.click());
    file.addEventListener("change", () => void this.#import(file));
    this.querySelector("[data-reset]")?.addEventListener("click", () => void this.#reset());
    document.addEventListener(progressEvent, () => this.#update());
    document.addEventListener("dockyard:state", () => this.#update());
    this.#update();
  }

  #update(): void {
    const n = completedCount();
    const summary = this.querySelector<HTMLElement>("[data-summary]");
    if (summary) summary.textContent = this.#strings.summary.replace("{n}", String(n));
    const count = this.querySelector<HTMLElement>("[data-count]");
    if (count) count.textContent = n > 0 ? String(n) : "";
  }

  #export(): void {
    const data = exportProgress();
    const blob = new Blob([JSON.stringify(data, null, 2)], { type: "application/json" });
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = `dockyard-progress-${data.exportedAt.slice(0, 10)}.json`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  }

  async #import(input: HTMLInputElement): Promise<void> {
    const chosen = input.files?.[0];
    input.value = "";
    if (!chosen) return;
    try {
      if (chosen.size > 5_000_000) throw new ProgressImportError("it is larger than 5 MB.");
      const data = parseExport(await chosen.text());
      importProgress(data);
      this.#say(this.#strings.imported.replace("{n}", String(completedCount(data.completed))));
      await this.#changed();
    } catch (error) {
      if (!(error instanceof ProgressImportError)) throw error;
      this.#say(this.#strings.importFailed.replace("{reason}", error.message));
    }
  }

  async #reset(): Promise<void> {
    if (!(await confirmDialog(this.querySelector<HTMLDialogElement>("#confirm-progress-reset")))) return;
    resetProgress();
    this.#say(this.#strings.resetDone);
    await this.#changed();
  }

  /** Tell the page: exercise ticks and lesson marks re-read, the terminal rebuilds its sandbox. */
  async #changed(): Promise<void> {
    document.dispatchEvent(new CustomEvent(progressEvent));
    this.#update();
    const terminal = pageTerminal() as (HTMLElement & { restore?: () => Promise<void> }) | null;
    await terminal?.restore?.();
  }

  #say(text: string): void {
    const status = this.querySelector<HTMLElement>("[data-status]");
    if (status) status.textContent = text;
  }
}

if (!customElements.get("dockyard-progress")) customElements.define("dockyard-progress", ProgressMenu);
