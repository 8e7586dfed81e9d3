/**
 * `<dockyard-architecture data-strings='{...}'>`: a live picture of the page terminal's Docker
 * engine. Markup and styles come from `src/components/Architecture.astro`.
 *
 * Data flow:
 * - the terminal announces its simulator (`dockyard:sim`, or its `simulator` property when this
 *   element connects later); the view subscribes to `sim.traces`;
 * - each trace goes to `Fx` (animations, coalesced per frame); Docker events also schedule a
 *   re-read, so a container that exits on its own is redrawn;
 * - after each command (`dockyard:state`) the view re-reads the state through the Engine
 *   interface (`readSnapshot`), redraws the picture and the text view, and announces what
 *   changed in an aria-live region.
 * The view's own engine reads, and the exercise panel's, are not drawn as client -> daemon calls:
 * only calls made while the terminal runs a command are.
 */
import type { Simulator, TraceEvent } from "../../simulator/index.ts";
import type { ContainerStatus, Engine } from "../../simulator/backend/engine.ts";
import { simEvent, stateEvent, type SimEventDetail, type StateEventDetail } from "../terminal/events.ts";
import { applyBuildTrace, buildMarks, changes, emptySnapshot, readSnapshot, type BuildView, type Change, type Quiet, type Snapshot } from "./model.ts";
import { fmt, renderHost, renderRegistries, renderText, stateWord, type Strings } from "./render.ts";
import { Fx } from "./fx.ts";

const viewKey = "dockyard:arch-view";
const refreshDelayMs = 120;

type TerminalElement = HTMLElement & { simulator?: Simulator };

class DockyardArchitecture extends HTMLElement {
  #strings: Strings = {};
  #fx: Fx | undefined;
  #sim: Simulator | undefined;
  #unsubscribe: (() => void) | undefined;
  #terminal: TerminalElement | null = null;
  #observer: MutationObserver | undefined;
  /** The state screen readers were last told about. */
  #announced: Snapshot | undefined;
  #announcePending = false;
  #refreshing = false;
  #dirty = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** True while the view itself calls the engine. */
  #muted = false;
  #related: HTMLElement | null = null;
  /** The command that was running has reported its end (`dockyard:state`). */
  #closed = false;
  /** The latest build, whose cached and rebuilt layers the picture marks. */
  #build: BuildView | undefined;
  /** The build already announced to screen readers. */
  #buildAnnounced: BuildView | undefined;

  #quiet: Quiet = (call) => {
    this.#muted = true;
    try {
      return call();
    } finally {
      this.#muted = false;
    }
  };

  #onSim = (event: Event) => this.#attach((event as CustomEvent<SimEventDetail>).detail.sim);
  #onState = (event: Event) => {
    this.#closed = true;
    const engine = (event as CustomEvent<StateEventDetail>).detail?.engine;
    void this.#refresh(engine, true);
  };
  #onTrace = (trace: TraceEvent) => {
    if (trace.kind === "api" && !this.#commandRunning()) return;
    this.#fx?.push(trace);
    if (trace.kind === "build") {
      this.#build = applyBuildTrace(this.#build, trace);
      if (trace.action !== "step") this.#schedule();
    }
    if (trace.kind === "engine") this.#schedule();
  };

  connectedCallback(): void {
    if (this.#fx) return;
    try {
      this.#strings = JSON.parse(this.dataset["strings"] ?? "{}") as Strings;
    } catch {
      this.#strings = {};
    }
    this.#fx = new Fx(this, this.#strings);
    const toggle = this.querySelector<HTMLButtonElement>("[data-toggle]");
    toggle?.addEventListener("click", () => this.#show(toggle.getAttribute("aria-pressed") !== "true"));
    this.#show(readView() === "text", false);
    this.addEventListener("focusin", this.#relate);
    this.addEventListener("mouseover", this.#relate);
    this.addEventListener("focusout", this.#unrelate);
    this.addEventListener("mouseleave", this.#unrelate);
    // Capture on window: runs before the exercise panel's listener on document starts reading.
    window.addEventListener(stateEvent, this.#onState, { capture: true });
    document.addEventListener(simEvent, this.#onSim);
    this.#terminal = document.querySelector<TerminalElement>("dockyard-terminal");
    if (this.#terminal) {
      this.#observer = new MutationObserver(() => {
        const state = this.#terminal?.dataset["state"];
        if (state === "ready") this.#closed = false;
        if (state === "busy") {
          this.#closed = false; // a line runs, even if the engine told the views about itself at the prompt
          this.#fx?.newCommand();
        }
      });
      this.#observer.observe(this.#terminal, { attributes: true, attributeFilter: ["data-state"] });
    }
    this.#draw(emptySnapshot);
    if (this.#terminal?.simulator) this.#attach(this.#terminal.simulator);
  }

  disconnectedCallback(): void {
    window.removeEventListener(stateEvent, this.#onState, { capture: true });
    document.removeEventListener(simEvent, this.#onSim);
    this.#observer?.disconnect();
    this.#unsubscribe?.();
    clearTimeout(this.#timer);
    this.#fx = undefined;
    this.#sim = undefined;
  }

  #attach(sim: Simulator): void {
    if (this.#sim === sim) return;
    this.#unsubscribe?.();
    this.#sim = sim;
    this.#unsubscribe = sim.traces.subscribe(this.#onTrace);
    void this.#refresh(sim.engine);
  }

  /** Client -> daemon calls are drawn only while the terminal runs a command (or its setup). */
  #commandRunning(): boolean {
    if (this.#muted || this.#closed) return false;
    const state = this.#terminal?.dataset["state"];
    return state === "busy" || state === "loading";
  }

  #schedule(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#refresh(), refreshDelayMs);
  }

  /**
   * Re-read and redraw. `announce` (after a command) also tells screen readers what changed since
   * the last announcement; redraws between commands (a container exiting, a restart loop) stay
   * silent, so the live region speaks once per command.
   */
  async #refresh(engine: Engine | undefined = this.#sim?.engine, announce = false): Promise<void> {
    if (!engine) return;
    if (announce) this.#announcePending = true;
    if (this.#refreshing) {
      this.#dirty = true;
      return;
    }
    this.#refreshing = true;
    try {
      do {
        this.#dirty = false;
        const next = await readSnapshot(engine, this.#quiet);
        this.#draw(next);
        if (this.#announcePending && !this.#dirty) {
          this.#announcePending = false;
          if (this.#announced) this.#announce(changes(this.#announced, next), this.#builtText(next));
          this.#announced = next;
        }
      } while (this.#dirty);
    } catch {
      // A view must never break the page; the next command redraws.
    } finally {
      this.#refreshing = false;
    }
  }

  #draw(snap: Snapshot): void {
    const s = this.#strings;
    const host = this.querySelector<HTMLElement>("[data-host]");
    if (host) {
      const html = renderHost(s, snap, this.#build);
      if (host.dataset["html"] !== String(hash(html))) {
        const focused = this.contains(document.activeElement) ? (document.activeElement as HTMLElement).dataset["key"] : undefined;
        host.innerHTML = html;
        host.dataset["html"] = String(hash(html));
        if (focused) this.querySelector<HTMLElement>(`[data-key="${CSS.escape(focused)}"]`)?.focus({ preventScroll: true });
      }
    }
    const registries = this.querySelector<HTMLElement>("[data-registries]");
    if (registries) registries.innerHTML = renderRegistries(s, snap);
    const text = this.querySelector<HTMLElement>("[data-text-body]");
    if (text) text.innerHTML = renderText(s, snap, this.#fx?.last ?? { api: "", registry: "" }, this.#build);
    this.#fx?.redrawn();
  }

  /** `Image hello:latest built: 2 steps cached, 1 rebuilt`, once per build. */
  #builtText(snap: Snapshot): string {
    const build = this.#build;
    if (!build || build === this.#buildAnnounced || build.state !== "done") return "";
    this.#buildAnnounced = build;
    const image = snap.images.find((i) => i.id === build.image);
    if (!image) return "";
    const marks = [...buildMarks(build, image).values()];
    return fmt(this.#strings, "arch.say.built", { name: build.ref || image.name, cached: marks.filter((m) => m.cached).length, rebuilt: marks.filter((m) => !m.cached).length });
  }

  #announce(list: Change[], built = ""): void {
    const live = this.querySelector<HTMLElement>("[data-live]");
    if (!live || (list.length === 0 && !built)) return;
    const s = this.#strings;
    const say = (c: Change): string => {
      if (c.type !== "container") {
        const kind = c.type === "image" ? "image" : c.type === "network" ? "network" : "volume";
        return fmt(s, `arch.say.${kind}${c.gone ? "Removed" : "Added"}`, { name: c.name });
      }
      const key = { running: "started", created: "created", exited: "exited", paused: "paused", restarting: "restarting", removed: "removed" }[c.state as string];
      return key
        ? fmt(s, `arch.say.${key}`, { name: c.name, code: c.exitCode })
        : fmt(s, "arch.say.state", { name: c.name, state: stateWord(s, { state: c.state as ContainerStatus, exitCode: c.exitCode }) });
    };
    const lines = list.slice(0, 6).map(say);
    if (list.length > 6) lines.push("…");
    if (built) lines.push(built);
    live.textContent = `${lines.join(". ")}.`;
  }

  #show(text: boolean, remember = true): void {
    const toggle = this.querySelector<HTMLButtonElement>("[data-toggle]");
    this.querySelector<HTMLElement>("[data-picture]")?.toggleAttribute("hidden", text);
    this.querySelector<HTMLElement>("[data-text]")?.toggleAttribute("hidden", !text);
    this.dataset["view"] = text ? "text" : "picture";
    if (toggle) {
      toggle.setAttribute("aria-pressed", String(text));
      const label = toggle.querySelector("[data-toggle-label]");
      if (label) label.textContent = fmt(this.#strings, text ? "arch.showPicture" : "arch.showText");
    }
    if (remember) {
      try {
        localStorage.setItem(viewKey, text ? "text" : "picture");
      } catch {
        // Private mode: the choice lasts for this page only.
      }
    }
  }

  /** Hovering or focusing an object highlights what it is tied to (its image, layers, networks...). */
  #relate = (event: Event): void => {
    const item = (event.target as Element | null)?.closest<HTMLElement>("[data-rel]") ?? null;
    if (item === this.#related) return;
    this.#unrelate();
    if (!item || !this.contains(item)) return;
    this.#related = item;
    for (const key of (item.dataset["rel"] ?? "").split(" ").filter(Boolean)) {
      for (const el of this.querySelectorAll(`[data-key="${CSS.escape(key)}"]`)) if (!item.contains(el)) el.classList.add("related");
    }
    this.classList.add("relating");
  };

  #unrelate = (): void => {
    this.#related = null;
    if (!this.classList.contains("relating")) return;
    this.classList.remove("relating");
    for (const el of this.querySelectorAll(".related")) el.classList.remove("related");
  };
}

function readView(): string | null {
  try {
    return localStorage.getItem(viewKey);
  } catch {
    return null;
  }
}

function hash(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) | 0;
  return h;
}

if (!customElements.get("dockyard-architecture")) {
  customElements.define("dockyard-architecture", DockyardArchitecture);
}
