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

/**
 * The commands of a shell snippet: blank lines, comments and a leading `$ ` dropped; a
 * here-document or a continued line stays one command (see src/terminal/shell-input.ts).
 */
export { snippetCommands as commandLines } from "../terminal/shell-input.ts";
