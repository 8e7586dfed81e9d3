/** Dockerfile support for the simulator: BuildKit's parser, shell lexer, typed instructions and build checks. */
export { DockerfileParseError, ShellExpansionError } from "./errors.ts";
export {
  parse, dump, nodeArgs, parseHeredoc, heredocsFromLine, chompHeredocContent, INSTRUCTIONS,
  type Node, type Heredoc, type ParseResult, type ParseWarning, type Directive,
} from "./parser.ts";
export {
  processWord, processWords, processWordWithMatches, buildEnvs,
  type Env, type LexOptions, type ProcessResult,
} from "./shell-lex.ts";
export { parseDockerfile, parseInstruction, toStages } from "./instructions.ts";
export type * from "./instruction-types.ts";
export { checkDockerfile, RULES, type CheckWarning, type CheckOptions, type CheckReport, type RuleName } from "./checks.ts";
export { goQuote } from "./go-text.ts";
export { formatGoDuration, parseGoDuration } from "./bflags.ts";
