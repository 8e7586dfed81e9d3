/** `<dockyard-sandbox-actions>`: the Reset, Undo and Share buttons beside a terminal. */
import { confirmDialog, pageTerminal } from "./confirm.ts";
import { ShareLinkError, MAX_LINK_CHARS } from "./share-link.ts";

interface ShareStrings {
  copied: string;
  manual: string;
  empty: string;
  tooBig: string;
}

class SandboxActions extends HTMLElement {
  connectedCallback(): void {
    this.querySelector('[data-action="reset"]')?.addEventListener("click", (e) => void this.#confirmThen(e, "confirm-reset", "reset"));
    this.querySelector('[data-action="undo"]')?.addEventListener("click", (e) => void this.#confirmThen(e, "confirm-undo", "undo"));
    this.querySelector('[data-action="share"]')?.addEventListener("click", (e) => void this.#share(e.currentTarget as HTMLButtonElement));
  }

  async #confirmThen(event: Event, dialogId: string, action: "reset" | "undo"): Promise<void> {
    const button = event.currentTarget as HTMLButtonElement;
    const terminal = pageTerminal();
    if (!terminal || !(await confirmDialog(this.querySelector<HTMLDialogElement>(`#${dialogId}`)))) return;
    button.setAttribute("aria-busy", "true");
    this.#say("");
    try {
      await terminal[action]();
      this.#say(this.dataset[action === "reset" ? "resetDone" : "undoDone"] ?? "");
    } finally {
      button.removeAttribute("aria-busy");
    }
  }

  async #share(button: HTMLButtonElement): Promise<void> {
    const strings = JSON.parse(this.dataset["share"] ?? "{}") as ShareStrings;
    const field = this.querySelector<HTMLInputElement>("[data-link]");
    if (field) field.hidden = true;
    const terminal = pageTerminal();
    if (!terminal) return;
    button.setAttribute("aria-busy", "true");
    try {
      const link = await terminal.shareLink();
      if (!link) {
        this.#say(strings.empty);
        return;
      }
      let copied = false;
      try {
        await navigator.clipboard.writeText(link);
        copied = true;
      } catch {
        // No clipboard permission: the link is shown to copy by hand.
      }
      this.#say(copied ? strings.copied : strings.manual);
      if (field) {
        field.value = link;
        field.hidden = false;
        if (!copied) field.select();
      }
    } catch (error) {
      if (!(error instanceof ShareLinkError)) throw error;
      const size = /(\d+) KB/.exec(error.message)?.[1] ?? "?";
      this.#say(strings.tooBig.replace("{size}", size).replace("{limit}", String(MAX_LINK_CHARS / 1000)));
    } finally {
      button.removeAttribute("aria-busy");
    }
  }

  #say(text: string): void {
    const status = this.querySelector<HTMLElement>("[data-status]");
    if (status) status.textContent = text;
  }
}

if (!customElements.get("dockyard-sandbox-actions")) customElements.define("dockyard-sandbox-actions", SandboxActions);
