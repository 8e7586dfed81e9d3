/**
 * An error from the engine, carrying the HTTP status the Engine API would answer and
 * the exact message dockerd sends; the CLI prints it as `Error response from daemon: <message>`.
 */
export class EngineError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly code: EngineErrorCode = codeFor(statusCode),
  ) {
    super(message);
    this.name = "EngineError";
  }
}

export type EngineErrorCode = "invalid-parameter" | "forbidden" | "not-found" | "conflict" | "not-modified" | "system";

function codeFor(status: number): EngineErrorCode {
  switch (status) {
    case 400: return "invalid-parameter";
    case 403: return "forbidden";
    case 404: return "not-found";
    case 409: return "conflict";
    case 304: return "not-modified";
    default: return "system";
  }
}

export const notFound = (message: string) => new EngineError(404, message);
export const conflict = (message: string) => new EngineError(409, message);
export const invalidParameter = (message: string) => new EngineError(400, message);
