// The compose loader's public API.
export { ComposeError, type ComposeErrorKind } from "./errors.ts";
export {
  DEFAULT_FILE_NAMES,
  DEFAULT_OVERRIDE_FILE_NAMES,
  findComposeFiles,
  loadEnvironment,
  loadProject,
  memoryHost,
  normalizeProjectName,
  obsoleteVersionWarning,
  type LoadOptions,
} from "./load.ts";
export { formatWarning } from "./model.ts";
export type * from "./model.ts";
export { projectToYaml, toYaml } from "./serialize.ts";
export {
  checkCycles,
  dependencyGraph,
  startOrder,
  stopOrder,
  withDependencies,
  type DependencyEdge,
  type DependencyGraph,
} from "./deps.ts";
export { parseDotEnv, readDotEnv } from "./dotenv.ts";
export { substitute, interpolateConfig, type Lookup } from "./interpolate.ts";
export { parseComposeYaml } from "./yaml.ts";
export { schemaError, validateSchema } from "./schema.ts";
export { parsePortSpec, parseVolumeSpec } from "./normalize.ts";
