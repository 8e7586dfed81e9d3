/**
 * The picture's motion: trace events go into a queue (O(1), so the engine and the terminal
 * never wait), and once per animation frame the queue is folded into a few short animations.
 * A burst of dozens of traces (a pull, a compose up) becomes one dot per wire and at most a
 * few flights to containers; the wires' labels show the latest message. With
 * `prefers-reduced-motion` nothing moves: labels change and targets are highlighted.
 */
import type { TraceEvent } from "../../simulator/index.ts";
import { fmt, type Strings } from "./render.ts";

const wireMs = 450;
const flightMs = 650;
const pulseMs = 700;
const maxFlights = 4;
/** Flights whose target is not drawn yet (a container just created) wait this long for a render. */
const waitMs = 1500;
/** Container actions drawn as dockerd -> container messages. */
const containerActions = new Set(["create", "start", "stop", "kill", "pause", "unpause", "restart", "exec_create"]);

interface Flight {
  from: string;
  to: string;
  /** Match a container card by name when the trace has no ID (host traffic). */
  byName?: string;
  text: string;
  cls: string;
  at: number;
}

interface Pull {
  all: Set<string>;
  done: Set<string>;
}

/** A build as the picture follows it: one segment per step, cached or rebuilt. */
interface Build {
  steps: ("cached" | "rebuilt")[];
  ended: boolean;
}

export class Fx {
  #root: HTMLElement;
  #layer: HTMLElement;
  #strings: Strings;
  #pending: TraceEvent[] = [];
  #frame = 0;
  #waiting: Flight[] = [];
  #inFlight = 0;
  #wireBusy = new Set<string>();
  #pulls = new Map<string, Pull>();
  #builds = new Map<string, Build>();
  #pullDone: ReturnType<typeof setTimeout> | undefined;
  /** Latest message per wire, also shown in the text view. */
  readonly last = { api: "", registry: "" };

  constructor(root: HTMLElement, strings: Strings) {
    this.#root = root;
    this.#strings = strings;
    this.#layer = root.querySelector<HTMLElement>("[data-fx]")!;
  }

  push(trace: TraceEvent): void {
    if (this.#pending.length > 500) this.#pending.shift();
    this.#pending.push(trace);
    if (!this.#frame) this.#frame = requestAnimationFrame(() => this.#flush());
  }

  /** A new command started: forget finished pulls. */
  newCommand(): void {
    for (const label of this.#root.querySelectorAll("[data-label]")) label.classList.add("stale");
    for (const [ref, pull] of this.#pulls) if (pull.done.size >= pull.all.size) this.#pulls.delete(ref);
    for (const [ref, build] of this.#builds) if (build.ended) this.#builds.delete(ref);
    this.#drawPulls();
  }

  /** The picture was redrawn: flights that waited for their target can go now. */
  redrawn(): void {
    const now = performance.now();
    const waiting = this.#waiting.filter((f) => now - f.at < waitMs);
    this.#waiting = [];
    for (const flight of waiting) this.#launch(flight);
  }

  #reduced(): boolean {
    return matchMedia("(prefers-reduced-motion: reduce)").matches;
  }

  #flush(): void {
    this.#frame = 0;
    const batch = this.#pending;
    this.#pending = [];
    let api: Extract<TraceEvent, { kind: "api" }> | undefined;
    let apiCount = 0;
    let registry: Extract<TraceEvent, { kind: "registry" }> | undefined;
    let inbound = false;
    let builds = false;
    const flights = new Map<string, Flight>();
    const pulses = new Set<string>();
    const now = performance.now();
    for (const t of batch) {
      if (t.kind === "api") {
        api = t;
        apiCount++;
      } else if (t.kind === "registry") {
        registry = t;
        if (t.action === "layer" && t.layer && (t.status === "downloading" || t.status === "complete")) {
          inbound = true;
          const pull = this.#pulls.get(t.ref) ?? { all: new Set<string>(), done: new Set<string>() };
          this.#pulls.set(t.ref, pull);
          pull.all.add(t.layer);
          if (t.status === "complete") pull.done.add(t.layer);
        } else inbound = false;
      } else if (t.kind === "engine") {
        const { Type, Action, Actor } = t.event;
        const action = Action.split(":")[0]!;
        if (Type === "container") {
          const key = `c:${Actor.ID}`;
          if (containerActions.has(action)) flights.set(key, { from: "d:daemon", to: key, text: action === "exec_create" ? "exec" : action, cls: "to-container", at: now });
          else pulses.add(key);
        } else if (Type === "image") pulses.add(`i:${Actor.ID}`).add(`name:${Actor.ID}`);
        else if (Type === "network") pulses.add(`n:${Actor.Attributes["name"] ?? Actor.ID}`);
        else if (Type === "volume") pulses.add(`v:${Actor.ID}`);
      } else if (t.kind === "build") {
        const ref = t.ref || "<none>";
        if (t.action === "start") this.#builds.set(ref, { steps: [], ended: false });
        const build = this.#builds.get(ref);
        if (build && t.action === "step") build.steps.push(t.cached ? "cached" : "rebuilt");
        else if (build && t.action !== "start") build.ended = true;
        pulses.add("d:daemon");
        builds = true;
      } else if (t.kind === "traffic") {
        flights.set(`t:${t.to}`, { from: `p:${t.hostPort}`, to: "", byName: t.to, text: `${t.request.split(" ")[0]} ${t.status}`, cls: "traffic", at: now });
      }
    }
    if (api) {
      const text = `${api.method} ${api.path.split("?")[0]}`;
      this.last.api = text;
      this.#wire("api", text, apiCount > 1 ? `+${apiCount - 1}` : "", false);
    }
    if (registry) {
      const r = registry;
      const pull = this.#pulls.get(r.ref);
      const text =
        r.action === "layer" && pull
          ? fmt(this.#strings, "arch.pulling", { ref: r.ref, done: pull.done.size, total: pull.all.size })
          : r.status === "pushing" || r.status === "pushed" || (r.action === "layer" && !pull)
            ? fmt(this.#strings, "arch.pushing", { ref: r.ref })
            : r.status === "resolving"
              ? fmt(this.#strings, "arch.resolving", { ref: r.ref })
              : `${r.status} ${r.ref}`;
      this.last.registry = text;
      this.#wire("registry", text, "", inbound);
      const host = /^(localhost|127\.0\.0\.1)(:\d+)?\//.exec(r.ref)?.[0].slice(0, -1);
      pulses.add(host ? `r:${host}` : "r:hub");
      this.#drawPulls();
    }
    if (builds) this.#drawPulls();
    let launched = 0;
    for (const flight of flights.values()) {
      if (launched++ >= maxFlights) break;
      this.#launch(flight);
    }
    for (const key of pulses) this.#pulse(this.#find(key));
  }

  #find(key: string): HTMLElement | null {
    if (key.startsWith("name:")) {
      const name = key.slice(5);
      return this.#root.querySelector<HTMLElement>(`[data-names~="${CSS.escape(name.includes(":") ? name : `${name}:latest`)}"]`);
    }
    return this.#root.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`);
  }

  #launch(flight: Flight): void {
    const to = flight.byName
      ? this.#root.querySelector<HTMLElement>(`.container[data-name="${CSS.escape(flight.byName)}"]`)
      : this.#find(flight.to);
    if (!to) {
      // `docker run` is create then start, before the card exists: one pill, "create + start".
      const earlier = this.#waiting.find((f) => f.to === flight.to && f.byName === flight.byName);
      if (earlier && earlier.text !== flight.text) earlier.text = `${earlier.text} + ${flight.text}`;
      else if (!earlier) this.#waiting.push(flight);
      return;
    }
    const from = this.#find(flight.from);
    this.#pulse(from);
    this.#pulse(to, flightMs * 0.7);
    if (!from || this.#reduced() || this.#inFlight >= maxFlights) return;
    const base = this.#layer.getBoundingClientRect();
    const a = from.getBoundingClientRect();
    const b = to.getBoundingClientRect();
    if (b.width === 0 || a.width === 0) return;
    const x0 = a.left + a.width / 2 - base.left;
    const y0 = a.top + a.height / 2 - base.top;
    const x1 = b.left + Math.min(b.width / 2, 60) - base.left;
    const y1 = b.top + 1 - base.top; // on the card's top edge, not over its name
    const pill = document.createElement("span");
    pill.className = `pill ${flight.cls}`;
    pill.textContent = flight.text;
    this.#layer.append(pill);
    this.#inFlight++;
    const at = (x: number, y: number) => `translate(${x}px, ${y}px) translate(-50%, -50%)`;
    const done = () => {
      pill.remove();
      this.#inFlight--;
    };
    pill
      .animate(
        [
          { transform: at(x0, y0), opacity: 0 },
          { transform: at(x0, y0), opacity: 1, offset: 0.1 },
          { transform: at(x1, y1), opacity: 1, offset: 0.85 },
          { transform: at(x1, y1), opacity: 0 },
        ],
        { duration: flightMs, easing: "cubic-bezier(.4,0,.2,1)" },
      )
      .finished.then(done, done);
  }

  #pulse(el: Element | null, delay = 0): void {
    if (!el) return;
    const on = () => {
      el.classList.remove("pulse");
      void (el as HTMLElement).offsetWidth; // restart the keyframes
      el.classList.add("pulse");
      setTimeout(() => el.classList.remove("pulse"), pulseMs);
    };
    if (delay && !this.#reduced()) setTimeout(on, delay);
    else on();
  }

  /** Update a wire's label; send one dot along it unless one is already on its way. */
  #wire(name: string, text: string, extra: string, inbound: boolean): void {
    const label = this.#root.querySelector<HTMLElement>(`[data-label="${name}"]`);
    if (label) {
      label.textContent = text;
      label.title = text;
      label.classList.remove("stale");
    }
    const count = this.#root.querySelector<HTMLElement>(`[data-count="${name}"]`);
    if (count) count.textContent = extra;
    const wire = this.#root.querySelector<HTMLElement>(`[data-wire="${name}"]`);
    if (!wire) return;
    wire.classList.add("active");
    if (this.#reduced() || this.#wireBusy.has(name)) return;
    const line = wire.querySelector<HTMLElement>(".line");
    if (!line || line.offsetWidth === 0) return;
    this.#wireBusy.add(name);
    const dot = document.createElement("span");
    dot.className = `dot${inbound ? " in" : ""}`;
    line.append(dot);
    const w = line.offsetWidth;
    const frames = [{ transform: "translateX(0)" }, { transform: `translateX(${w}px)` }];
    const done = () => {
      dot.remove();
      this.#wireBusy.delete(name);
    };
    dot.animate(inbound ? frames.reverse() : frames, { duration: wireMs, easing: "ease-in-out" }).finished.then(done, done);
  }

  #drawPulls(): void {
    const box = this.#root.querySelector<HTMLElement>("[data-pulls]");
    if (!box) return;
    clearTimeout(this.#pullDone);
    const rows = [...this.#pulls].map(
      ([ref, p]) =>
        `<li><span class="ref">${escapeHtml(ref)}</span><span class="segs">${[...p.all].map((l) => `<i${p.done.has(l) ? ` class="done"` : ""}></i>`).join("")}</span><span class="n">${p.done.size}/${p.all.size}</span></li>`,
    );
    for (const [ref, b] of this.#builds) {
      const cached = b.steps.filter((k) => k === "cached").length;
      const text = fmt(this.#strings, "arch.building", { ref, cached, rebuilt: b.steps.length - cached });
      rows.push(
        `<li class="build-row" title="${escapeHtml(text)}"><span class="ref">${escapeHtml(ref)}</span><span class="segs">${b.steps.map((k) => `<i class="${k}"></i>`).join("")}${b.ended ? "" : `<i class="next"></i>`}</span><span class="n">${cached} ${escapeHtml(fmt(this.#strings, "arch.cached"))} · ${b.steps.length - cached} ${escapeHtml(fmt(this.#strings, "arch.rebuilt"))}</span></li>`,
      );
    }
    box.innerHTML = rows.join("");
    box.hidden = rows.length === 0;
    if ([...this.#pulls.values()].every((p) => p.done.size >= p.all.size) && [...this.#builds.values()].every((b) => b.ended)) {
      this.#pullDone = setTimeout(() => {
        this.#pulls.clear();
        this.#builds.clear();
        box.hidden = true;
      }, 4000);
    }
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
