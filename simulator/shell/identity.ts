/** Who the learner is on the simulated host: small enough for the page to show a prompt before the simulator loads. */
export const HOME = "/home/learner";
export const USER = "learner";
export const HOSTNAME = "dockyard";

/** bash's prompt on the host for a working directory, `~` standing for the home folder. */
export function hostPrompt(cwd: string): string {
  const shown = cwd === HOME ? "~" : cwd.startsWith(`${HOME}/`) ? `~${cwd.slice(HOME.length)}` : cwd;
  return `${USER}@${HOSTNAME}:${shown}$ `;
}
