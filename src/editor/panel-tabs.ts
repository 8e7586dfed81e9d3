/**
 * Tabs that show one panel at a time (WAI-ARIA APG tabs, automatic activation): click, or arrows,
 * Home and End on the tab list. The choice is kept for the next visit.
 */
const storageKey = "dockyard:playground-panel";

export function connectPanelTabs(list: HTMLElement): void {
  const tabs = [...list.querySelectorAll<HTMLButtonElement>("[role=tab]")];
  const show = (tab: HTMLButtonElement, focus: boolean) => {
    for (const other of tabs) {
      const selected = other === tab;
      other.setAttribute("aria-selected", String(selected));
      other.tabIndex = selected ? 0 : -1;
      const panel = document.getElementById(other.getAttribute("aria-controls") ?? "");
      if (panel) panel.hidden = !selected;
    }
    if (focus) tab.focus();
    try {
      localStorage.setItem(storageKey, tab.dataset["panel"] ?? "");
    } catch {
      // Storage blocked: the choice lasts for this visit.
    }
  };
  list.addEventListener("click", (event) => {
    const tab = (event.target as Element).closest<HTMLButtonElement>("[role=tab]");
    if (tab) show(tab, false);
  });
  list.addEventListener("keydown", (event) => {
    const index = tabs.indexOf(document.activeElement as HTMLButtonElement);
    if (index < 0) return;
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    show(tabs[(next + tabs.length) % tabs.length]!, true);
  });
  let saved: string | null = null;
  try {
    saved = localStorage.getItem(storageKey);
  } catch {
    saved = null;
  }
  const remembered = tabs.find((tab) => tab.dataset["panel"] === saved);
  if (remembered) show(remembered, false);
}
