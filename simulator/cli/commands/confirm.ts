import type { ContainerConsole } from "../../backend/api-types.ts";
import type { CommandContext, CommandIO } from "../command.ts";

/**
 * Docker's `[y/N]` prompt before something destructive, then the action when the answer is yes.
 * Only `y` or `Y` means yes, as in the CLI. The answer comes from, in order: `-f` (no question),
 * piped input (`echo y | docker image prune`), the person at the terminal (the question becomes
 * the next prompt, and the action runs once they reply), or nothing: a closed stdin answers no.
 */
export async function confirmThen(ctx: Pick<CommandContext, "io" | "terminal">, force: boolean, question: string, action: (io: CommandIO) => Promise<number>): Promise<number> {
  const { io, terminal } = ctx;
  if (force) return action(io);
  if (io.stdin !== undefined) {
    io.stdout(question);
    return isYes(io.stdin.split("\n")[0]!) ? action(io) : 0;
  }
  if (terminal) {
    const lines = question.split("\n");
    const ask = lines.pop()!;
    io.stdout(lines.map((line) => `${line}\n`).join(""));
    terminal.attach(questionConsole(ask, io, (answer, replyIO) => (isYes(answer) ? action(replyIO) : Promise.resolve(0))));
    return 0;
  }
  io.stdout(`${question}\n`);
  return 0;
}

const isYes = (answer: string) => answer.trim().toLowerCase() === "y";

/**
 * A one-line "console" whose prompt is the question: the terminal's next line is the reply, handed
 * to `onAnswer` with an io for what it prints. `secret`: the reply is not shown (a password).
 */
export function questionConsole(ask: string, outer: Pick<CommandIO, "isTTY" | "columns">, onAnswer: (answer: string, io: CommandIO) => Promise<number>, secret = false): ContainerConsole {
  let close!: (code: number) => void;
  const closed = new Promise<number>((resolve) => (close = resolve));
  let answered = false;
  return {
    prompt: () => ask,
    closed,
    async exec(line, signal) {
      if (answered) return { stdout: "", stderr: "" };
      answered = true;
      let stdout = "";
      let stderr = "";
      const io: CommandIO = { isTTY: outer.isTTY, columns: outer.columns, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), ...(signal ? { signal } : {}) };
      const code = await onAnswer(line, io).catch(() => 1);
      close(code);
      return { stdout, stderr };
    },
    ...(secret ? { secret: true } : {}),
  };
}
