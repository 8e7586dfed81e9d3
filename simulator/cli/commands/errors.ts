/** How the docker CLI reports failures. */
import { EngineError } from "../../backend/errors.ts";

/** `Error response from daemon: <message>` for engine errors, the message itself otherwise. */
export function describeError(error: unknown): string {
  if (error instanceof EngineError) return `Error response from daemon: ${error.message}`;
  if (error instanceof Error) return error.message;
  return String(error);
}
