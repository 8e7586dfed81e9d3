/**
 * `<dockyard-editor>`: a file tree of the simulated host's home folder and a code editor.
 * Markup comes from `src/components/Editor.astro`. This module is small; Monaco and the language
 * services (`./monaco/code-editor-monaco.ts`) are imported only once the panel is on screen and the terminal
 * is up, or when a file is opened, so a page's first load stays light.
 *
 * Files are saved into the simulator (`sim.files`) shortly after each edit, on Ctrl/Cmd-S, and
 * when focus leaves the editor; after each terminal command (`dockyard:state`) the tree and the
 * open buffers are re-read, so files written in the terminal appear here.
 */
import type { HostFiles, Simulator } from "../../simulator/index.ts";
import { simEvent, stateEvent, type SimEventDetail } from "../terminal/events.ts";
import type { CodeEditor } from "./code-editor.ts";
import { FileTree } from "./file-tree.ts";

type Strings = Record<string, string>;
type TerminalElement = HTMLElement & { simulator?: Simulator };
type Ask = { kind: "new" } | { kind: "rename"; path: string } | { kind: "delete"; path: string };

const saveDelayMs = 400;

const fill = (text: string, params: Record<string, string>) => text.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

export class DockyardEditor extends HTMLElement {
  #strings: Strings = {};
  #sim: Simulator | undefined;
  #tree: FileTree | undefined;
  #code: CodeEditor | undefined;
  #loading: Promise<CodeEditor | undefined> | undefined;
  /** The file shown in the code editor. */
  #shown: string | undefined;
  /** Files with a buffer in the code editor. */
  #buffers = new Set<string>();
  /** Buffers edited since they were last saved. */
  #dirty = new Set<string>();
  #timers = new Map<string, ReturnType<typeof setTimeout>>();
  #ask: Ask | undefined;
  #observer: IntersectionObserver | undefined;
  #refreshing: Promise<void> | undefined;
  #again = false;
  /** A file to open as soon as the folder has it (a lesson's Dockerfile). */
  #pendingOpen: string | undefined;

  #onSim = (event: Event) => this.#attach((event as CustomEvent<SimEventDetail>).detail.sim);
  #onState = () => {
    // The terminal's simulator, in case its announcement came before this element listened.
    const sim = document.querySelector<TerminalElement>("dockyard-terminal")?.simulator;
    if (sim && sim !== this.#sim) this.#attach(sim);
    else void this.#refresh();
  };
  #onFocusOut = (event: FocusEvent) => {
    if (!(event.relatedTarget instanceof Node) || !this.contains(event.relatedTarget)) this.#saveAll();
  };

  connectedCallback(): void {
    // A lesson renders the editor after its text: it belongs beside the terminal.
    const terminal = document.querySelector<TerminalElement>("dockyard-terminal");
    if (this.dataset["place"] === "after-terminal" && terminal && terminal.nextElementSibling !== this) {
      terminal.after(this);
      return;
    }
    if (this.#tree) return;
    this.#pendingOpen = this.dataset["open"] || undefined;
    try {
      this.#strings = JSON.parse(this.dataset["strings"] ?? "{}") as Strings;
    } catch {
      this.#strings = {};
    }
    const list = this.querySelector<HTMLUListElement>("[data-tree]");
    if (!list) throw new Error("<dockyard-editor> needs a [data-tree] list");
    this.#tree = new FileTree(list, {
      open: (path, focus) => void this.#open(path, focus),
      rename: (path) => this.#showAsk({ kind: "rename", path }),
      remove: (path) => this.#showAsk({ kind: "delete", path }),
    });
    this.#button("new")?.addEventListener("click", () => this.#showAsk({ kind: "new" }));
    this.#button("rename")?.addEventListener("click", () => this.#withTarget((path) => this.#showAsk({ kind: "rename", path })));
    this.#button("delete")?.addEventListener("click", () => this.#withTarget((path) => this.#showAsk({ kind: "delete", path })));
    const form = this.querySelector<HTMLFormElement>("[data-ask]");
    form?.addEventListener("submit", (event) => {
      event.preventDefault();
      void this.#answer();
    });
    form?.addEventListener("keydown", (event) => {
      if (event.key === "Escape") this.#hideAsk();
    });
    this.querySelector("[data-ask-cancel]")?.addEventListener("click", () => this.#hideAsk());
    this.addEventListener("focusout", this.#onFocusOut);
    document.addEventListener(simEvent, this.#onSim);
    document.addEventListener(stateEvent, this.#onState);
    if (terminal?.simulator) this.#attach(terminal.simulator);
  }

  disconnectedCallback(): void {
    if (!this.#tree || this.isConnected) return;
    document.removeEventListener(simEvent, this.#onSim);
    document.removeEventListener(stateEvent, this.#onState);
    this.#observer?.disconnect();
    this.#saveAll();
  }

  /** The code editor, once loaded (tests and other views may use it). */
  get codeEditor(): CodeEditor | undefined {
    return this.#code;
  }

  get #files(): HostFiles | undefined {
    return this.#sim?.files;
  }

  #button(name: string): HTMLButtonElement | null {
    return this.querySelector<HTMLButtonElement>(`[data-action=${name}]`);
  }

  #attach(sim: Simulator): void {
    if (this.#sim === sim) return;
    this.#sim = sim;
    // A new simulator (a reset) has new files: old buffers are gone.
    for (const path of [...this.#buffers]) this.#forget(path);
    this.dataset["state"] = "ready";
    void this.#refresh();
    this.#loadWhenShown();
  }

  /** Load Monaco once the panel is on screen and the browser is idle (the terminal goes first). */
  #loadWhenShown(): void {
    if (this.#code || this.#loading || this.#observer) return;
    this.#observer = new IntersectionObserver((entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      this.#observer?.disconnect();
      const load = () => void this.#loadCode();
      if ("requestIdleCallback" in window) requestIdleCallback(load, { timeout: 1500 });
      else setTimeout(load, 200);
    });
    this.#observer.observe(this);
  }

  #loadCode(): Promise<CodeEditor | undefined> {
    this.#loading ??= (async () => {
      this.dataset["code"] = "loading";
      const host = this.querySelector<HTMLElement>("[data-code-host]");
      try {
        const { createCodeEditor, linkMonacoStyles } = await import("./monaco/code-editor-monaco.ts");
        await linkMonacoStyles();
        if (!host) throw new Error("no [data-code-host]");
        const lang = document.documentElement.lang === "ko" ? "ko" : "en";
        const label = (path: string | undefined) =>
          path === undefined ? (this.#strings["editor.noFile"] ?? "No file open") : fill(this.#strings["editor.code"] ?? "Contents of {name}", { name: path });
        const code = createCodeEditor(host, { lang, label, root: this.#files?.root ?? "/home/learner" });
        code.onChange((path) => this.#edited(path));
        code.onSave((path) => void this.#save(path));
        this.#code = code;
        this.dataset["code"] = "ready";
        return code;
      } catch (error) {
        console.error(error);
        this.dataset["code"] = "failed";
        this.#say(`${this.#strings["editor.loadFailed"] ?? "The editor could not load:"} ${errorText(error)}`, true);
        // Opening a file tries again (a dropped connection need not leave the editor dead).
        this.#loading = undefined;
        return undefined;
      }
    })();
    return this.#loading;
  }

  /** Re-read the folder and the open buffers from the host. Calls during a refresh run once more after it. */
  async #refresh(): Promise<void> {
    if (this.#refreshing) {
      this.#again = true;
      return this.#refreshing;
    }
    this.#refreshing = (async () => {
      do {
        this.#again = false;
        await this.#readHost();
      } while (this.#again);
    })().finally(() => (this.#refreshing = undefined));
    return this.#refreshing;
  }

  async #readHost(): Promise<void> {
    const files = this.#files;
    if (!files || !this.#tree) return;
    let entries;
    try {
      entries = await files.list();
    } catch (error) {
      this.#say(errorText(error), true);
      return;
    }
    this.#tree.update(entries);
    this.querySelector<HTMLElement>("[data-no-files]")?.toggleAttribute("hidden", entries.length > 0);
    const isFile = (path: string) => entries.some((e) => e.path === path && e.type === "file");
    for (const path of [...this.#buffers]) {
      if (!isFile(path)) {
        if (this.#shown === path) this.#say(fill(this.#strings["editor.removed"] ?? "{name} was removed.", { name: path }));
        this.#forget(path);
      } else if (!this.#dirty.has(path)) {
        try {
          this.#code?.replace(path, await files.read(path));
        } catch {
          // Gone between the listing and the read: the next refresh drops it.
        }
      }
    }
    const first = this.#pendingOpen;
    if (first && isFile(first) && this.#shown === undefined) await this.#open(first, false);
  }

  /** Show `path` in the code editor; `focus` moves the keyboard there. */
  async #open(path: string, focus: boolean): Promise<void> {
    const files = this.#files;
    if (!files) return;
    this.#pendingOpen = undefined;
    this.#say("");
    const code = await this.#loadCode();
    if (!code) return;
    let text = code.text(path);
    if (text === undefined) {
      try {
        text = await files.read(path);
      } catch (error) {
        this.#say(errorText(error), true);
        return;
      }
    }
    code.open(path, text);
    this.#buffers.add(path);
    this.#shown = path;
    this.#tree?.select(path);
    this.dataset["file"] = path;
    const title = this.querySelector<HTMLElement>("[data-file-name]");
    if (title) title.textContent = path;
    this.#status(this.#dirty.has(path) ? "unsaved" : "saved");
    if (focus) code.focus();
  }

  #forget(path: string): void {
    this.#code?.close(path);
    this.#buffers.delete(path);
    this.#dirty.delete(path);
    clearTimeout(this.#timers.get(path));
    if (this.#shown === path) {
      this.#shown = undefined;
      delete this.dataset["file"];
      const title = this.querySelector<HTMLElement>("[data-file-name]");
      if (title) title.textContent = this.#strings["editor.noFile"] ?? "";
      this.#status("none");
      this.#tree?.select(undefined);
    }
  }

  #edited(path: string): void {
    this.#dirty.add(path);
    if (path === this.#shown) this.#status("unsaved");
    clearTimeout(this.#timers.get(path));
    this.#timers.set(path, setTimeout(() => void this.#save(path), saveDelayMs));
  }

  async #save(path: string): Promise<void> {
    clearTimeout(this.#timers.get(path));
    const files = this.#files;
    const text = this.#code?.text(path);
    if (!files || text === undefined) return;
    if (path === this.#shown) this.#status("saving");
    try {
      await files.write(path, text);
      if (this.#code?.text(path) === text) this.#dirty.delete(path);
      if (path === this.#shown) this.#status(this.#dirty.has(path) ? "unsaved" : "saved");
      // A new file the tree does not show yet.
      if (!this.#tree?.has(path)) void this.#refresh();
    } catch (error) {
      this.#say(errorText(error), true);
      if (path === this.#shown) this.#status("unsaved");
    }
  }

  #saveAll(): void {
    for (const path of this.#dirty) void this.#save(path);
  }

  #status(state: "saved" | "unsaved" | "saving" | "none"): void {
    const element = this.querySelector<HTMLElement>("[data-status]");
    if (!element) return;
    element.dataset["state"] = state;
    element.textContent = state === "none" ? "" : (this.#strings[`editor.${state}`] ?? state);
  }

  /** A message under the toolbar; errors are announced (role=alert), other notes are not. */
  #say(text: string, error = false): void {
    const note = this.querySelector<HTMLElement>("[data-note]");
    const alert = this.querySelector<HTMLElement>("[data-error]");
    if (note) note.textContent = error ? "" : text;
    if (alert) alert.textContent = error ? text : "";
  }

  /** Rename and Delete act on the focused tree item, else on the open file. */
  #withTarget(act: (path: string) => void): void {
    const path = this.#tree?.active ?? this.#shown;
    if (path) act(path);
    else this.#tree?.focus();
  }

  #showAsk(ask: Ask): void {
    const form = this.querySelector<HTMLFormElement>("[data-ask]");
    const label = this.querySelector<HTMLElement>("[data-ask-label]");
    const input = this.querySelector<HTMLInputElement>("[data-ask-input]");
    const ok = this.querySelector<HTMLButtonElement>("[data-ask-ok]");
    if (!form || !label || !input || !ok) return;
    this.#ask = ask;
    this.#say("");
    const s = this.#strings;
    if (ask.kind === "new") {
      const dir = this.#tree?.entries.find((e) => e.path === this.#tree?.active && e.type === "dir");
      label.textContent = s["editor.fileName"] ?? "File name";
      input.value = dir ? `${dir.path}/` : "";
      ok.textContent = s["editor.create"] ?? "Create";
    } else if (ask.kind === "rename") {
      label.textContent = fill(s["editor.newName"] ?? "New name for {name}", { name: ask.path });
      input.value = ask.path;
      ok.textContent = s["editor.rename"] ?? "Rename";
    } else {
      label.textContent = fill(s["editor.confirmDelete"] ?? "Delete {name}?", { name: ask.path });
      ok.textContent = s["editor.delete"] ?? "Delete";
    }
    form.dataset["kind"] = ask.kind;
    input.hidden = ask.kind === "delete";
    form.hidden = false;
    if (ask.kind === "delete") ok.focus();
    else {
      input.focus();
      // Select the name, not the folder it is in.
      const cut = input.value.lastIndexOf("/") + 1;
      input.setSelectionRange(cut, input.value.length);
    }
  }

  #hideAsk(): void {
    const form = this.querySelector<HTMLFormElement>("[data-ask]");
    if (form) form.hidden = true;
    this.#ask = undefined;
    this.#tree?.focus();
  }

  async #answer(): Promise<void> {
    const ask = this.#ask;
    const files = this.#files;
    const input = this.querySelector<HTMLInputElement>("[data-ask-input]");
    if (!ask || !files || !input) return;
    const name = input.value.trim();
    try {
      if (ask.kind === "new") {
        if (!name || name.endsWith("/")) return input.focus();
        if (this.#tree?.entries.some((e) => e.path === name.replace(/^\.\/|\/+$/g, ""))) {
          throw new Error(`'${name}': File exists`);
        }
        await files.write(name, "");
        this.#hideAsk();
        await this.#refresh();
        await this.#open(name.replace(/^(\.\/)+/, "").replace(/\/{2,}/g, "/"), true);
      } else if (ask.kind === "rename") {
        if (!name || name === ask.path) return this.#hideAsk();
        for (const path of this.#dirty) if (path === ask.path || path.startsWith(`${ask.path}/`)) await this.#save(path);
        await files.rename(ask.path, name);
        for (const path of [...this.#buffers]) {
          if (path !== ask.path && !path.startsWith(`${ask.path}/`)) continue;
          const moved = name + path.slice(ask.path.length);
          this.#code?.rename(path, moved);
          this.#buffers.delete(path);
          this.#buffers.add(moved);
          if (this.#shown === path) await this.#open(moved, false);
        }
        this.#hideAsk();
        this.#tree?.select(this.#shown);
        await this.#refresh();
      } else {
        await files.remove(ask.path);
        for (const path of [...this.#buffers]) if (path === ask.path || path.startsWith(`${ask.path}/`)) this.#forget(path);
        this.#hideAsk();
        await this.#refresh();
      }
    } catch (error) {
      this.#say(errorText(error), true);
      if (!input.hidden) input.focus();
    }
  }
}

if (!customElements.get("dockyard-editor")) {
  customElements.define("dockyard-editor", DockyardEditor);
}
