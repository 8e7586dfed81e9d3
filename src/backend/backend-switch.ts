/**
 * `<dockyard-backend-switch>`: simulated or real engine. Shows what the terminal runs on, takes a
 * gateway address and token, and when the gateway is unreachable or goes away says so and offers
 * the simulator. Markup and strings come from `src/components/BackendSwitch.astro`.
 */
import { backendChoice, backendEvent, backendState, chooseBackend, validGatewayUrl, type BackendState } from "./current.ts";

export interface BackendStrings {
  simulatedOn: string;
  connecting: string;
  connected: string;
  unreachable: string;
  lost: string;
  engineDown: string;
  engineUp: string;
  badUrl: string;
  needToken: string;
}

const fill = (text: string, values: Record<string, string>) => text.replace(/\{(\w+)\}/g, (_m, k: string) => values[k] ?? "");

export class BackendSwitch extends HTMLElement {
  #strings!: BackendStrings;

  connectedCallback(): void {
    this.#strings = JSON.parse(this.dataset["strings"] ?? "{}") as BackendStrings;
    const form = this.querySelector<HTMLFormElement>("[data-form]")!;
    const choice = backendChoice();
    if (choice.kind === "real") {
      (form.elements.namedItem("url") as HTMLInputElement).value = choice.url;
      (form.elements.namedItem("token") as HTMLInputElement).value = choice.token;
    }
    this.#press(choice.kind);
    this.querySelector("[data-choose=simulated]")?.addEventListener("click", () => {
      if (backendChoice().kind === "simulated") {
        form.hidden = true;
        this.#press("simulated");
        return;
      }
      chooseBackend({ kind: "simulated" });
    });
    this.querySelector("[data-choose=real]")?.addEventListener("click", () => {
      form.hidden = !form.hidden;
      if (!form.hidden) (form.elements.namedItem("url") as HTMLInputElement).focus();
    });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const url = validGatewayUrl((form.elements.namedItem("url") as HTMLInputElement).value);
      const token = (form.elements.namedItem("token") as HTMLInputElement).value.trim();
      const error = this.querySelector<HTMLElement>("[data-form-error]")!;
      if (!url) error.textContent = this.#strings.badUrl;
      else if (!token) error.textContent = this.#strings.needToken;
      else chooseBackend({ kind: "real", url, token });
    });
    this.querySelector("[data-action=simulator]")?.addEventListener("click", () => chooseBackend({ kind: "simulated" }));
    this.querySelector("[data-action=retry]")?.addEventListener("click", () => window.location.reload());
    document.addEventListener(backendEvent, this.#onState);
    this.#render(backendState().state === "simulated" && choice.kind === "real" ? { state: "connecting", url: choice.url } : backendState());
  }

  disconnectedCallback(): void {
    document.removeEventListener(backendEvent, this.#onState);
  }

  #onState = (event: Event) => this.#render((event as CustomEvent<BackendState>).detail);

  #press(kind: "simulated" | "real"): void {
    for (const button of this.querySelectorAll<HTMLButtonElement>("[data-choose]")) button.setAttribute("aria-pressed", String(button.dataset["choose"] === kind));
  }

  #render(state: BackendState): void {
    const s = this.#strings;
    const status = this.querySelector<HTMLElement>("[data-status]")!;
    const actions = this.querySelector<HTMLElement>("[data-actions]")!;
    this.dataset["state"] = state.state;
    const url = "url" in state ? state.url : "";
    switch (state.state) {
      case "simulated":
        status.textContent = s.simulatedOn;
        break;
      case "connecting":
        status.textContent = fill(s.connecting, { url });
        break;
      case "connected":
        status.textContent = fill(s.connected, { url, version: state.engineVersion });
        break;
      case "unreachable":
        status.textContent = fill(s.unreachable, { url, reason: state.message });
        break;
      case "lost":
        status.textContent = fill(s.lost, { url, reason: state.message });
        break;
      case "engine-down":
        status.textContent = fill(s.engineDown, { url });
        break;
      case "engine-up":
        status.textContent = fill(s.engineUp, { url });
        break;
    }
    actions.hidden = !(state.state === "unreachable" || state.state === "lost");
    this.#press(state.state === "simulated" || state.state === "unreachable" ? "simulated" : "real");
  }
}

if (!customElements.get("dockyard-backend-switch")) customElements.define("dockyard-backend-switch", BackendSwitch);
