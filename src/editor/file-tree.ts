/**
 * The working folder as an ARIA tree (WAI-ARIA APG "tree view"): one tab stop, arrows move,
 * Right/Left open and close folders, Enter opens a file, F2 renames, Delete deletes.
 */
import type { HostEntry } from "../../simulator/index.ts";

export interface FileTreeEvents {
  /** A file was chosen: click and Space keep the focus in the tree, Enter moves it to the file. */
  open(path: string, focus: boolean): void;
  rename(path: string): void;
  remove(path: string): void;
}

interface Node {
  name: string;
  path: string;
  type: "file" | "dir";
  children: Node[];
}

function nest(entries: readonly HostEntry[]): Node[] {
  const roots: Node[] = [];
  const dirs = new Map<string, Node>();
  for (const entry of entries) {
    const cut = entry.path.lastIndexOf("/");
    const node: Node = { name: entry.path.slice(cut + 1), path: entry.path, type: entry.type, children: [] };
    if (entry.type === "dir") dirs.set(entry.path, node);
    const parent = cut < 0 ? undefined : dirs.get(entry.path.slice(0, cut));
    (parent ? parent.children : roots).push(node);
  }
  // Folders first, then files, each by name: what `ls` and most editors show.
  const order = (nodes: Node[]) => {
    nodes.sort((a, b) => (a.type === b.type ? (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) : a.type === "dir" ? -1 : 1));
    nodes.forEach((n) => order(n.children));
  };
  order(roots);
  return roots;
}

export class FileTree {
  readonly element: HTMLUListElement;
  #events: FileTreeEvents;
  #entries: HostEntry[] = [];
  #collapsed = new Set<string>();
  /** The item with the tab stop. */
  #active: string | undefined;
  /** The file shown in the editor (aria-selected). */
  #selected: string | undefined;
  #ids = 0;
  readonly #prefix = `tree-${Math.random().toString(36).slice(2, 8)}`;

  constructor(element: HTMLUListElement, events: FileTreeEvents) {
    this.element = element;
    this.#events = events;
    element.addEventListener("keydown", (event) => this.#onKey(event));
    element.addEventListener("click", (event) => {
      const item = (event.target as Element).closest<HTMLElement>("[role=treeitem]");
      if (!item) return;
      this.#focus(item);
      this.#activate(item, false);
    });
    element.addEventListener("focusin", (event) => {
      const item = (event.target as Element).closest<HTMLElement>("[role=treeitem]");
      if (item) this.#setActive(item.dataset["path"]);
    });
  }

  get entries(): readonly HostEntry[] {
    return this.#entries;
  }

  /** The item that has (or last had) the keyboard focus. */
  get active(): string | undefined {
    return this.#active;
  }

  has(path: string): boolean {
    return this.#entries.some((e) => e.path === path);
  }

  /** Redraw from a fresh listing, keeping what was open, focused and selected where it still exists. */
  update(entries: readonly HostEntry[]): void {
    this.#entries = [...entries];
    const hadFocus = this.element.contains(document.activeElement);
    this.element.replaceChildren(...nest(this.#entries).map((node) => this.#render(node, 1)));
    if (this.#active && !this.has(this.#active)) this.#active = undefined;
    const items = this.#visible();
    const target = items.find((i) => i.dataset["path"] === this.#active) ?? items.find((i) => i.dataset["path"] === this.#selected) ?? items[0];
    if (target) {
      this.#setActive(target.dataset["path"]);
      if (hadFocus) target.focus();
    }
  }

  /** Mark the file shown in the editor. */
  select(path: string | undefined): void {
    this.#selected = path;
    // Show it: open the folders it is in.
    if (path) for (let cut = path.indexOf("/"); cut >= 0; cut = path.indexOf("/", cut + 1)) this.#collapsed.delete(path.slice(0, cut));
    this.#active = path ?? this.#active;
    this.update(this.#entries);
  }

  focus(): void {
    const item = this.#visible().find((i) => i.tabIndex === 0);
    item?.focus();
  }

  #render(node: Node, level: number): HTMLLIElement {
    const li = document.createElement("li");
    li.setAttribute("role", "treeitem");
    li.setAttribute("aria-level", String(level));
    li.dataset["path"] = node.path;
    li.dataset["type"] = node.type;
    li.tabIndex = -1;
    const row = document.createElement("span");
    row.className = "row";
    row.id = `${this.#prefix}-${++this.#ids}`;
    row.style.setProperty("--level", String(level - 1));
    const icon = document.createElement("span");
    icon.className = `icon ${node.type}`;
    icon.setAttribute("aria-hidden", "true");
    const name = document.createElement("span");
    name.className = "name";
    name.textContent = node.name;
    row.append(icon, name);
    li.append(row);
    li.setAttribute("aria-labelledby", row.id);
    if (node.type === "dir") {
      const open = !this.#collapsed.has(node.path);
      li.setAttribute("aria-expanded", String(open));
      const group = document.createElement("ul");
      group.setAttribute("role", "group");
      if (open) group.append(...node.children.map((child) => this.#render(child, level + 1)));
      li.append(group);
    } else {
      li.setAttribute("aria-selected", String(node.path === this.#selected));
    }
    return li;
  }

  /** Items a person can see, in order. */
  #visible(): HTMLElement[] {
    return [...this.element.querySelectorAll<HTMLElement>("[role=treeitem]")];
  }

  #setActive(path: string | undefined): void {
    this.#active = path;
    for (const item of this.#visible()) item.tabIndex = item.dataset["path"] === path ? 0 : -1;
  }

  #focus(item: HTMLElement | undefined): void {
    if (!item) return;
    this.#setActive(item.dataset["path"]);
    item.focus();
  }

  #activate(item: HTMLElement, focusFile: boolean): void {
    const path = item.dataset["path"]!;
    if (item.dataset["type"] === "dir") this.#toggle(path);
    else this.#events.open(path, focusFile);
  }

  #toggle(path: string, open = this.#collapsed.has(path)): void {
    if (open) this.#collapsed.delete(path);
    else this.#collapsed.add(path);
    this.#active = path;
    this.update(this.#entries);
    this.#focus(this.#visible().find((i) => i.dataset["path"] === path));
  }

  #onKey(event: KeyboardEvent): void {
    const item = (event.target as Element).closest<HTMLElement>("[role=treeitem]");
    if (!item || event.altKey || event.ctrlKey || event.metaKey) return;
    const items = this.#visible();
    const index = items.indexOf(item);
    const path = item.dataset["path"]!;
    const isDir = item.dataset["type"] === "dir";
    const expanded = item.getAttribute("aria-expanded") === "true";
    const parent = item.parentElement?.closest<HTMLElement>("[role=treeitem]") ?? undefined;
    switch (event.key) {
      case "ArrowDown":
        this.#focus(items[index + 1]);
        break;
      case "ArrowUp":
        this.#focus(items[index - 1]);
        break;
      case "Home":
        this.#focus(items[0]);
        break;
      case "End":
        this.#focus(items.at(-1));
        break;
      case "ArrowRight":
        if (isDir && !expanded) this.#toggle(path, true);
        else if (isDir) this.#focus(items[index + 1]?.parentElement?.closest("[role=treeitem]") === item ? items[index + 1] : undefined);
        break;
      case "ArrowLeft":
        if (isDir && expanded) this.#toggle(path, false);
        else this.#focus(parent);
        break;
      case "Enter":
      case " ":
        this.#activate(item, event.key === "Enter");
        break;
      case "F2":
        this.#events.rename(path);
        break;
      case "Delete":
        this.#events.remove(path);
        break;
      default:
        return;
    }
    event.preventDefault();
  }
}
