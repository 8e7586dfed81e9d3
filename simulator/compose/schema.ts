// Validation against the Compose Specification schema, with compose-go's error texts
// (compose-go validates with santhosh-tekuri/jsonschema and reports the most specific error).
import Ajv, { type ErrorObject, type ValidateFunction } from "ajv";
import { ComposeError } from "./errors.ts";
import composeSpec from "./compose-spec.schema.json";

/** The vendored Compose Specification JSON schema (draft-07); see SCHEMA-SOURCE.md. */
export const COMPOSE_SPEC_SCHEMA: Record<string, unknown> = composeSpec as Record<string, unknown>;

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  if (compiled) return compiled;
  const { $schema: _ignored, ...schema } = COMPOSE_SPEC_SCHEMA;
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: false, validateSchema: false, allowUnionTypes: true });
  // compose-go registers a "duration" format (Go's time.ParseDuration); the spec uses no other.
  ajv.addFormat("duration", { type: "string", validate: (s: string) => isGoDuration(s) });
  compiled = ajv.compile(schema);
  return compiled;
}

const GO_DURATION = /^[-+]?((\d+(\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h))+$/;
/** Whether `s` parses with Go's time.ParseDuration. */
export function isGoDuration(s: string): boolean {
  return s === "0" || GO_DURATION.test(s);
}

function instancePath(e: ErrorObject): string[] {
  if (e.instancePath === "") return [];
  return e.instancePath
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** santhosh-tekuri/jsonschema's quote(): Go %q with single quotes outside. */
function quote(s: string): string {
  const q = JSON.stringify(s).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'");
  return `'${q}'`;
}

function display(v: unknown): string {
  if (typeof v === "string") return quote(v);
  if (typeof v === "object" && v !== null) return "value";
  return String(v);
}

function humanReadableType(want: string[]): string {
  if (want.length === 1) return want[0] === "object" ? "mapping" : want[0]!;
  const names = want.map((w) => humanReadableType([w])).sort();
  return `${names.slice(0, -1).join(", ")} or ${names[names.length - 1]}`;
}

const CONTAINERS = new Set(["oneOf", "anyOf", "allOf", "if", "then", "else", "$ref"]);

function specificity(e: ErrorObject): number {
  return instancePath(e).length + (e.keyword === "additionalProperties" ? 1 : 0);
}

function describe(e: ErrorObject, siblings: ErrorObject[]): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case "type": {
      const t = p["type"];
      const want = Array.isArray(t) ? (t as string[]) : String(t).split(",");
      return `must be a ${humanReadableType(want)}`;
    }
    case "minimum":
      return `must be greater than or equal to ${String(p["limit"])}`;
    case "maximum":
      return `must be less than or equal to ${String(p["limit"])}`;
    case "additionalProperties": {
      const names = siblings.map((s) => String((s.params as Record<string, unknown>)["additionalProperty"]));
      return `additional properties ${[...new Set(names)].map(quote).join(", ")} not allowed`;
    }
    case "required": {
      const names = [...new Set(siblings.map((s) => String((s.params as Record<string, unknown>)["missingProperty"])))];
      return names.length === 1 ? `missing property ${quote(names[0]!)}` : `missing properties ${names.map(quote).join(", ")}`;
    }
    case "enum": {
      const allowed = (p["allowedValues"] as unknown[]) ?? [];
      if (allowed.some((v) => typeof v === "object" && v !== null)) return "'enum' failed";
      return allowed.length === 1
        ? `value must be ${display(allowed[0])}`
        : `value must be one of ${allowed.map(display).join(", ")}`;
    }
    case "const":
      return typeof p["allowedValue"] === "object" && p["allowedValue"] !== null
        ? "'const' failed"
        : `value must be ${display(p["allowedValue"])}`;
    case "pattern":
      return `${quote(String(e.data ?? ""))} does not match pattern ${quote(String(p["pattern"]))}`;
    case "format":
      return `${display(e.data)} is not valid ${String(p["format"])}`;
    case "minItems":
      return `minItems: got ${Array.isArray(e.data) ? e.data.length : "?"}, want ${String(p["limit"])}`;
    case "maxItems":
      return `maxItems: got ${Array.isArray(e.data) ? e.data.length : "?"}, want ${String(p["limit"])}`;
    case "minLength":
      return `minLength: got ${typeof e.data === "string" ? e.data.length : "?"}, want ${String(p["limit"])}`;
    case "minProperties":
      return `minProperties: got ${typeof e.data === "object" && e.data ? Object.keys(e.data).length : "?"}, want ${String(p["limit"])}`;
    case "uniqueItems": {
      const i = Number(p["i"]);
      const j = Number(p["j"]);
      return `items at ${Math.min(i, j)} and ${Math.max(i, j)} are equal`;
    }
    case "not":
      return "'not' failed";
    case "false schema":
      return "false schema";
    case "dependencies":
    case "dependentRequired":
      return `properties ${quote(String(p["missingProperty"]))} required, if ${quote(String(p["property"]))} exists`;
    default:
      return e.message ?? `${e.keyword} failed`;
  }
}

/** Validate a compose document; returns compose-go's text for the most specific error, or undefined. */
export function schemaError(doc: unknown): string | undefined {
  const validate = validator();
  if (validate(doc)) return undefined;
  const errors = (validate.errors ?? []).filter((e) => !CONTAINERS.has(e.keyword));
  if (errors.length === 0) return "validation failed";
  let best = errors[0]!;
  for (const e of errors) if (specificity(e) > specificity(best)) best = e;
  const siblings = errors.filter(
    (e) => e.keyword === best.keyword && e.instancePath === best.instancePath && e.schemaPath === best.schemaPath,
  );
  return `${instancePath(best).join(".")} ${describe(best, siblings)}`;
}

/** Validate and throw compose's `validating <file>: <error>`. */
export function validateSchema(doc: unknown, file: string): void {
  const err = schemaError(doc);
  if (err !== undefined) throw new ComposeError("schema", `validating ${file}: ${err}`, { file });
}
