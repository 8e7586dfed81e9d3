/** `--format` for list commands: Go templates, `table ...` with headers, `json`, or the default table. */
import { isTableFormat, parseTemplate, stripTablePrefix, TemplateError } from "./template/index.ts";
import { tabwrite } from "./tabwriter.ts";

/** A usage problem with --format: printed as docker prints template errors. */
export class FormatError extends Error {}

/**
 * Render `rows` (each a formatter context: field name -> value) with `format`.
 * `headers` names each field's column for `table` formats; `defaultFormat` applies when none is given.
 */
export function renderRows(format: string | undefined, defaultFormat: string, rows: Record<string, unknown>[], headers: Record<string, string>): string {
  const chosen = format === undefined || format === "" || format === "table" ? defaultFormat : format;
  if (chosen === "json") return rows.map((row) => `${JSON.stringify(sortKeys(row))}\n`).join("");
  const table = isTableFormat(chosen);
  // As docker/cli does for list formats: trim spaces, and read \t and \n as tab and newline.
  const text = (table ? stripTablePrefix(chosen) : chosen).trim().replace(/\\t/g, "\t").replace(/\\n/g, "\n");
  const fast = simpleFields(text);
  if (fast) {
    const lines = [...(table ? [fast(headers)] : []), ...rows.map(fast)];
    if (lines.every((l) => l !== undefined)) return table ? tabwrite((lines as string[]).flatMap((l) => l.split("\n")).map((l) => l.split("\t"))) : lines.map((l) => `${l}\n`).join("");
  }
  let template;
  try {
    template = parseTemplate(text);
  } catch (error) {
    if (error instanceof TemplateError) throw new FormatError(`template parsing error: ${error.message}`);
    throw error;
  }
  const lines: string[] = [];
  try {
    if (table) lines.push(template.execute(headers));
    for (const row of rows) lines.push(template.execute(row));
  } catch (error) {
    if (error instanceof TemplateError) throw new FormatError(error.message);
    throw error;
  }
  if (!table) return lines.map((l) => `${l}\n`).join("");
  return tabwrite(lines.flatMap((l) => l.split("\n")).map((l) => l.split("\t")));
}

/** Render one object with a template (inspect -f): one line per object. */
export function renderOne(format: string, value: unknown): string {
  try {
    return `${parseTemplate(format).execute(value)}\n`;
  } catch (error) {
    if (error instanceof TemplateError) throw new FormatError(error.message.startsWith("template:") && /:\d+:\d+: executing/.test(error.message) ? error.message : `template parsing error: ${error.message}`);
    throw error;
  }
}

/**
 * Formats made only of `{{.Field}}` and plain text (every default table) need no template
 * engine: fill them in directly. Returns undefined for anything else, or for a row whose
 * field is not a plain string or number (the template engine then decides).
 */
function simpleFields(text: string): ((row: Record<string, unknown>) => string | undefined) | undefined {
  const parts = text.split(/(\{\{\s*\.\w+\s*\}\})/);
  if (parts.some((part, i) => (i % 2 === 0 ? part.includes("{{") || part.includes("}}") : false))) return undefined;
  const fields = parts.map((part, i) => (i % 2 === 1 ? part.replace(/[{}\s.]/g, "") : undefined));
  return (row) => {
    let out = "";
    for (let i = 0; i < parts.length; i++) {
      const field = fields[i];
      if (field === undefined) {
        out += parts[i];
        continue;
      }
      const value = row[field];
      if (typeof value !== "string" && typeof value !== "number") return undefined;
      out += String(value);
    }
    return out;
  };
}

const sortKeys = (row: Record<string, unknown>) => Object.fromEntries(Object.keys(row).sort().map((k) => [k, row[k]]));
