/** The home page's lesson list: "Completed" or "2 of 3 exercises done" on each lesson, from this browser's progress. */
import { doneIn } from "./progress.ts";

function mark(): void {
  for (const item of document.querySelectorAll<HTMLElement>("li[data-lesson]")) {
    const ids = JSON.parse(item.dataset["exercises"] ?? "[]") as string[];
    const done = doneIn(item.dataset["lesson"] ?? "");
    const n = ids.filter((id) => done.has(id)).length;
    const label = item.querySelector<HTMLElement>("[data-mark]");
    const complete = ids.length > 0 && n === ids.length;
    item.dataset["state"] = complete ? "done" : "todo";
    if (!label) continue;
    label.textContent = complete ? (label.dataset["done"] ?? "") : n > 0 ? (label.dataset["partial"] ?? "").replace("{n}", String(n)).replace("{total}", String(ids.length)) : "";
  }
}

mark();
document.addEventListener("dockyard:progress", mark);
// Another tab finished an exercise.
window.addEventListener("storage", mark);
