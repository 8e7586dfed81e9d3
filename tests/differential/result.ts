/** What one command printed and how it ended, on either engine. */
export interface CommandResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}
