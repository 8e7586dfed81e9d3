import composeSpec from "../../simulator/compose/compose-spec.schema.json";
import { composeDocs, type DocLang } from "./docs.ts";

type JsonObject = { [key: string]: unknown };

/** Where each documented key sits in the compose spec's JSON schema. */
const places: Readonly<Record<string, readonly string[]>> = {
  "top.": ["properties"],
  "service.": ["definitions", "service", "properties"],
};

/**
 * The vendored Compose schema with Dockyard's own words, in `lang`, for the keys the lessons
 * teach: the editor's hover and completion show them. Every other description stays as it is.
 */
export function composeSchemaFor(lang: DocLang): JsonObject {
  const schema = structuredClone(composeSpec) as JsonObject;
  // The editor is given the schema itself; nothing is fetched by id.
  delete schema["$id"];
  delete schema["$schema"];
  for (const [key, text] of Object.entries(composeDocs)) {
    const prefix = Object.keys(places).find((p) => key.startsWith(p));
    if (!prefix) continue;
    let node: unknown = schema;
    for (const step of places[prefix]!) node = (node as JsonObject)[step];
    const property = (node as JsonObject)[key.slice(prefix.length)] as JsonObject | undefined;
    if (!property) throw new Error(`compose schema has no ${key}`);
    property["description"] = text[lang].replace(/\*\*|`/g, "");
    property["markdownDescription"] = text[lang];
  }
  return schema;
}
