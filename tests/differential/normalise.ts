/** Make outputs of two engines comparable: replace what legitimately differs between runs by placeholders. */
import type { CommandResult } from "./result.ts";

// The left half of Docker's namesgenerator (moby/pkg/namesgenerator, Apache-2.0): a generated name is `<adjective>_<surname>`.
const adjectives =
  "admiring adoring affectionate agitated amazing angry awesome beautiful blissful bold boring brave busy charming clever compassionate competent condescending confident cool cranky crazy dazzling determined distracted dreamy eager ecstatic elastic elated elegant eloquent epic exciting fervent festive flamboyant focused friendly frosty funny gallant gifted goofy gracious great happy hardcore heuristic hopeful hungry infallible inspiring intelligent interesting jolly jovial keen kind laughing loving lucid magical modest musing mystifying naughty nervous nice nifty nostalgic objective optimistic peaceful pedantic pensive practical priceless quirky quizzical recursing relaxed reverent romantic sad serene sharp silly sleepy stoic strange stupefied suspicious sweet tender thirsty trusting unruffled upbeat vibrant vigilant vigorous wizardly wonderful xenodochial youthful zealous zen";

const rules: [RegExp, string][] = [
  // Timestamps: RFC 3339 (inspect, logs -t) and Go's default time format ({{.CreatedAt}}).
  [/\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})/g, "<DATE>"],
  [/\b\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d+)? [+-]\d{4} [A-Z]+\b/g, "<DATE>"],
  // Digests and IDs (container, image, exec, layer).
  [/sha256:[0-9a-f]{64}/g, "sha256:<DIGEST>"],
  [/\b[0-9a-f]{64}\b/g, "<ID64>"],
  [/\b[0-9a-f]{12}\b/g, "<ID>"],
  // Names Docker generates for containers started without --name.
  [new RegExp(`\\b(?:${adjectives.split(" ").join("|")})_[a-z]+\\b`, "g"), "<NAME>"],
  // go-units HumanDuration: "Up 3 seconds", "Exited (0) About a minute ago", "5 days ago".
  [/\b(?:Less than a second|About a minute|About an hour|\d+ (?:second|minute|hour|day|week|month|year)s?)\b/g, "<DURATION>"],
  // Sizes: the offline busybox (Debian's busybox-static) is not byte-identical to Docker Hub's.
  [/\b\d+(?:\.\d+)?\s?(?:B|kB|KB|MB|GB|TB)\b/g, "<SIZE>"],
];

/** Placeholders for IDs, digests, generated names, dates, durations and sizes; then table padding. */
export function normaliseText(text: string): string {
  let out = text.replace(/\r\n/g, "\n");
  for (const [pattern, replacement] of rules) out = out.replace(pattern, replacement);
  // A tab writer pads columns to the widest cell, which placeholders change: compare cells, not padding.
  return out
    .split("\n")
    .map((line) => line.replace(/ {2,}/g, "   ").replace(/[ \t]+$/, ""))
    .join("\n");
}

export function normaliseResult(result: CommandResult): CommandResult {
  return { stdout: normaliseText(result.stdout), stderr: normaliseText(result.stderr), exitCode: result.exitCode };
}
