/**
 * A lesson's `files` (frontmatter) written into the learner's home folder as the simulator
 * starts, before the terminal replays the lesson's setup: the page puts them in
 * `<script type="application/json" data-lesson-files>`.
 */
import type { Simulator } from "../../simulator/index.ts";
import { simEvent, type SimEventDetail } from "../terminal/events.ts";

const source = document.querySelector<HTMLScriptElement>("script[data-lesson-files]");
if (source) {
  let files: Record<string, string> = {};
  try {
    files = JSON.parse(source.textContent ?? "{}") as Record<string, string>;
  } catch {
    files = {};
  }
  const written = new WeakSet<Simulator>();
  const write = (sim: Simulator) => {
    if (written.has(sim)) return;
    written.add(sim);
    for (const [path, text] of Object.entries(files)) {
      // The simulator queues these before any command line; a refused path is the lesson's bug.
      sim.files.write(path, text).catch((error: unknown) => console.error(`lesson file ${path}:`, error));
    }
  };
  document.addEventListener(simEvent, (event) => write((event as CustomEvent<SimEventDetail>).detail.sim));
  const terminal = document.querySelector<HTMLElement & { simulator?: Simulator }>("dockyard-terminal");
  if (terminal?.simulator) write(terminal.simulator);
}
