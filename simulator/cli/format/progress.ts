/** Pull progress as the docker CLI prints the daemon's JSON messages (jsonmessage). */
import type { ProgressMessage } from "../../backend/engine.ts";

/**
 * Render progress messages. Piped output gets every status line without bars; a terminal
 * gets one line per layer, updated in place (here: its final state).
 */
export function renderProgress(messages: ProgressMessage[], isTTY: boolean): string {
  if (!isTTY) {
    return messages
      .filter((m) => !(m.progressDetail && m.progressDetail.total))
      .map((m) => `${m.id ? `${m.id}: ` : ""}${m.status}\n`)
      .join("");
  }
  const lines: { id?: string; text: string }[] = [];
  for (const m of messages) {
    const text = m.id ? `${m.id}: ${m.status} ` : m.status;
    const existing = m.id ? lines.find((l) => l.id === m.id) : undefined;
    if (existing) existing.text = text;
    else lines.push(m.id ? { id: m.id, text } : { text });
  }
  return lines.map((l) => `${l.text}\n`).join("");
}
