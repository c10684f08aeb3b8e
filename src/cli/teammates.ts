// Teammates: other people sharing the cluster and the Git host, each on their own machine (a home
// of their own in the world's files, their own Git identity), whose commands a lesson schedules.
import { FsTx, statPath } from '../engine/fs/files';
import { childSession, type ScheduledAction, type Session } from './program';

function gitconfig(a: ScheduledAction): string {
  return `[user]\n\tname = ${a.name}\n\temail = ${a.email}\n[init]\n\tdefaultBranch = main\n[pull]\n\trebase = false\n`;
}

/**
 * A session for the teammate's command: the same world (what they do to the cluster and the host
 * is done), their own variables, home and history. Their home is made on first use.
 */
export function teammateSession(session: Session, action: ScheduledAction): Session {
  const home = `/home/${action.user}`;
  if (!statPath(session.world.files, home)) {
    const tx = new FsTx(session.world.files, session.world.now);
    tx.mkdir(home, { parents: true });
    tx.writeFile(`${home}/.gitconfig`, gitconfig(action));
    session.world = { ...session.world, files: tx.result() };
  }
  return childSession(
    session,
    {
      HOME: home,
      PWD: home,
      USER: action.user,
      PATH: '/usr/local/bin:/usr/bin:/bin',
      SHELL: '/bin/bash',
      '?': '0',
    },
    [],
  );
}
