import { runEvent, type RunEventDetail } from "./events.ts";

/** ▶ buttons carry their command lines in `data-run` (JSON array); one listener serves them all. */
document.addEventListener("click", (event) => {
  const button = (event.target as Element | null)?.closest<HTMLElement>("[data-run]");
  if (!button) return;
  let commands: unknown;
  try {
    commands = JSON.parse(button.dataset["run"] ?? "[]");
  } catch {
    return;
  }
  if (!Array.isArray(commands)) return;
  for (const command of commands) {
    if (typeof command !== "string") continue;
    document.dispatchEvent(new CustomEvent<RunEventDetail>(runEvent, { detail: { command } }));
  }
});
