// `argocd version` (cmd/argocd/commands/version.go). In core mode the server is the CLI's own
// in-process API server, so both halves describe the same build.
import { checkError, logFatal, startLocalServer, type Cli } from './context';

/** v2.11.9 is tagged at commit d4a3138ac0f27e5d6c4bd6576fcb5521fe132549. */
const BUILD = {
  Version: 'v2.11.9+d4a3138',
  BuildDate: '2024-09-26T06:28:53Z',
  GitCommit: 'd4a3138ac0f27e5d6c4bd6576fcb5521fe132549',
  GitTreeState: 'clean',
  GitTag: 'v2.11.9',
  GoVersion: 'go1.21.13',
  Compiler: 'gc',
  Platform: 'linux/amd64',
};

function details(): string {
  let s = `  BuildDate: ${BUILD.BuildDate}\n  GitCommit: ${BUILD.GitCommit}\n`;
  s += `  GitTreeState: ${BUILD.GitTreeState}\n  GitTag: ${BUILD.GitTag}\n`;
  s += `  GoVersion: ${BUILD.GoVersion}\n  Compiler: ${BUILD.Compiler}\n  Platform: ${BUILD.Platform}\n`;
  return s;
}

export function versionCommand(cli: Cli): number {
  const output = cli.flags.str('output', 'wide');
  const short = cli.flags.bool('short') || output === 'short';
  const client = cli.flags.bool('client');
  if (output === 'json' || output === 'yaml') {
    return logFatal(cli, `unknown output format: ${output}`);
  }
  if (output !== 'wide' && output !== 'short' && output !== '')
    return logFatal(cli, `unknown output format: ${output}`);
  cli.ctx.out(`argocd: ${BUILD.Version}\n${short ? '' : details()}`);
  if (client) return 0;
  const down = startLocalServer(cli);
  if (down) return checkError(cli, down);
  cli.ctx.out(`argocd-server: ${BUILD.Version}\n${short ? '' : details()}`);
  return 0;
}
