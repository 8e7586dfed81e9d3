/** Plain text of rendered HTML (build time only): drop tags, keep text. */
export function stripTags(html: string): string {
  return html.replace(/<[^>]*>/g, "");
}

const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/** Decode the entities a Markdown renderer emits. */
export function decodeHtml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, entity: string) => {
    if (entity[0] === "#") {
      const code = entity[1] === "x" || entity[1] === "X" ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return named[entity.toLowerCase()] ?? whole;
  });
}

/** The command lines of a shell snippet: skip blanks and comments, drop a leading `$ `. */
export function commandLines(snippet: string): string[] {
  return snippet
    .split("\n")
    .map((line) => line.trim().replace(/^\$\s+/, ""))
    .filter((line) => line !== "" && !line.startsWith("#"));
}
