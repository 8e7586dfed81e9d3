/** Fired on `document` by ▶ buttons and `<Cmd>`; the page's terminal types and runs `detail.command`. */
export const runEvent = "dockyard:run";

export interface RunEventDetail {
  command: string;
}
