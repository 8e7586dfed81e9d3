/** YAML support from monaco-yaml; compose files are checked against the vendored Compose schema. */
import type * as Monaco from "monaco-editor/editor/editor.api.js";
import { configureMonacoYaml, type MonacoYaml } from "monaco-yaml";
import { composeSchemaFor } from "../compose-schema.ts";
import type { DocLang } from "../docs.ts";

/** Where the Compose specification publishes this schema; only shown as the hover's source, never fetched. */
const composeSchemaUri = "https://raw.githubusercontent.com/compose-spec/compose-spec/main/schema/compose-spec.json";

/**
 * monaco-yaml 5.5 (through monaco-worker-manager 2) asks Monaco for its worker the pre-0.55 way:
 * by label, with `createData` in the options. Monaco 0.55+ wants the Worker itself and no longer
 * sends `createData`, so hand the worker over started as monaco-worker-manager's worker expects:
 * one message that installs Monaco's handler, then the `createData` (monaco-yaml issue #272).
 */
function withYamlWorker(monaco: typeof Monaco, createWorker: () => Worker): typeof Monaco {
  const createWebWorker = monaco.editor.createWebWorker;
  const editor = {
    ...monaco.editor,
    createWebWorker: ((options: Monaco.editor.IInternalWebWorkerOptions & { createData?: unknown }) => {
      if (options.worker) return createWebWorker(options);
      const worker = createWorker();
      worker.postMessage("start");
      worker.postMessage(options.createData);
      return createWebWorker({ ...options, worker });
    }) as typeof createWebWorker,
  };
  return { ...monaco, editor };
}

export function configureCompose(monaco: typeof Monaco, lang: DocLang, createWorker: () => Worker): MonacoYaml {
  return configureMonacoYaml(withYamlWorker(monaco, createWorker), {
    enableSchemaRequest: false,
    validate: true,
    hover: true,
    completion: true,
    schemas: [
      {
        fileMatch: ["**/compose.yaml", "**/compose.yml", "**/docker-compose.yaml", "**/docker-compose.yml", "**/compose.*.yaml", "**/compose.*.yml", "**/docker-compose.*.yaml", "**/docker-compose.*.yml"],
        schema: composeSchemaFor(lang) as never,
        uri: composeSchemaUri,
      },
    ],
  });
}
