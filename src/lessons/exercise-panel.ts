/**
 * `<dockyard-exercises data-lesson="02-first-container">`: ticks each exercise when the engine's
 * state meets its goals (checked after every command), reveals hints one at a time, and
 * remembers what was done in this browser.
 */
import { checkGoals, type Goal } from "./goals.ts";
import { markDone, doneIn } from "./progress.ts";
import { stateEvent, type StateEventDetail } from "../terminal/events.ts";

/** Fired on `document` when progress was imported or reset (see progress-menu.ts). */
const progressEvent = "dockyard:progress";

class DockyardExercises extends HTMLElement {
  #onState = (event: Event) => void this.#check((event as CustomEvent<StateEventDetail>).detail);
  /** Progress was imported or reset: show what the store now holds. */
  #onProgress = () => {
    const done = doneIn(this.dataset["lesson"] ?? "");
    for (const item of this.#items()) {
      if (done.has(item.dataset["id"] ?? "")) this.#markDone(item);
      else this.#markTodo(item);
    }
    this.#updateSummary();
  };

  connectedCallback(): void {
    const lesson = this.dataset["lesson"] ?? "";
    const done = doneIn(lesson);
    for (const item of this.#items()) {
      if (done.has(item.dataset["id"] ?? "")) this.#markDone(item);
      item.querySelector<HTMLButtonElement>("[data-hint-button]")?.addEventListener("click", () => this.#nextHint(item));
      item.querySelector<HTMLButtonElement>("[data-solution-button]")?.addEventListener("click", () => {
        item.querySelector<HTMLElement>("[data-solution]")?.removeAttribute("hidden");
        item.querySelector<HTMLElement>("[data-solution-button]")?.setAttribute("hidden", "");
      });
    }
    this.#updateSummary();
    document.addEventListener(stateEvent, this.#onState);
    document.addEventListener(progressEvent, this.#onProgress);
  }

  disconnectedCallback(): void {
    document.removeEventListener(stateEvent, this.#onState);
    document.removeEventListener(progressEvent, this.#onProgress);
  }

  #items(): HTMLElement[] {
    return [...this.querySelectorAll<HTMLElement>("[data-exercise]")];
  }

  async #check({ engine }: StateEventDetail): Promise<void> {
    for (const item of this.#items()) {
      if (item.dataset["state"] === "done") continue;
      const goals = JSON.parse(item.dataset["goals"] ?? "[]") as Goal[];
      const met = await checkGoals(engine, goals);
      const count = met.filter(Boolean).length;
      const meter = item.querySelector<HTMLElement>("[data-meter]");
      if (meter && goals.length > 1) meter.textContent = (meter.dataset["template"] ?? "").replace("{n}", String(count)).replace("{total}", String(goals.length));
      if (count === goals.length) {
        markDone(this.dataset["lesson"] ?? "", item.dataset["id"] ?? "");
        this.#markDone(item);
        this.#announce(item);
      }
    }
    this.#updateSummary();
  }

  #markDone(item: HTMLElement): void {
    item.dataset["state"] = "done";
    const status = item.querySelector<HTMLElement>("[data-status]");
    if (status) status.textContent = status.dataset["done"] ?? "";
  }

  #markTodo(item: HTMLElement): void {
    item.dataset["state"] = "todo";
    const status = item.querySelector<HTMLElement>("[data-status]");
    if (status) status.textContent = status.dataset["todo"] ?? status.textContent;
  }

  #announce(item: HTMLElement): void {
    const live = this.querySelector<HTMLElement>("[data-live]");
    const title = item.querySelector("[data-title]")?.textContent ?? "";
    if (live) live.textContent = `${item.querySelector<HTMLElement>("[data-status]")?.dataset["done"] ?? ""}: ${title}`;
  }

  #nextHint(item: HTMLElement): void {
    const hidden = item.querySelector<HTMLElement>("[data-hint][hidden]");
    hidden?.removeAttribute("hidden");
    const button = item.querySelector<HTMLButtonElement>("[data-hint-button]");
    if (!button) return;
    if (!item.querySelector("[data-hint][hidden]")) button.setAttribute("hidden", "");
    else button.textContent = button.dataset["next"] ?? button.textContent;
  }

  #updateSummary(): void {
    const items = this.#items();
    const done = items.filter((i) => i.dataset["state"] === "done").length;
    const summary = this.querySelector<HTMLElement>("[data-summary]");
    if (summary) summary.textContent = `${done} / ${items.length}`;
    this.querySelector<HTMLElement>("[data-all-done]")?.toggleAttribute("hidden", done < items.length);
  }
}

if (!customElements.get("dockyard-exercises")) customElements.define("dockyard-exercises", DockyardExercises);
