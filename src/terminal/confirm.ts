/** Open a `<ConfirmDialog>` and resolve true when the learner confirms (Cancel and Escape resolve false). */
export function confirmDialog(dialog: HTMLDialogElement | null): Promise<boolean> {
  if (!dialog) return Promise.resolve(false);
  return new Promise((resolve) => {
    dialog.returnValue = "";
    dialog.addEventListener("close", () => resolve(dialog.returnValue === "confirm"), { once: true });
    dialog.showModal();
  });
}

/** The page's terminal element, with the methods the workspace buttons call. */
export interface WorkspaceTerminal extends HTMLElement {
  reset(): Promise<void>;
  undo(): Promise<void>;
  shareLink(): Promise<string | undefined>;
}

export function pageTerminal(): WorkspaceTerminal | null {
  return document.querySelector<WorkspaceTerminal>("dockyard-terminal");
}
