/** What the learner has finished, kept in this browser (no account): lesson slug -> exercise ids. */
const KEY = "dockyard:progress:v1";

type Progress = Record<string, string[]>;

function read(): Progress {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? "{}");
    return parsed && typeof parsed === "object" ? (parsed as Progress) : {};
  } catch {
    return {};
  }
}

export function doneIn(lesson: string): Set<string> {
  return new Set(read()[lesson] ?? []);
}

export function markDone(lesson: string, exercise: string): void {
  const progress = read();
  const done = new Set(progress[lesson] ?? []);
  done.add(exercise);
  progress[lesson] = [...done];
  try {
    localStorage.setItem(KEY, JSON.stringify(progress));
  } catch {
    // Storage full or disabled: the ticks still show for this visit.
  }
}
