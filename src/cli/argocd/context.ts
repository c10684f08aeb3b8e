// What every argocd command shares: its invocation, how it fails (util/errors/errors.go), and how
// the in-process API server of core mode finds Applications (server/application/application.go).
import type { Application } from '../../engine/argocd/types';
import type { World } from '../../engine/world';
import { reader } from '../../engine/world';
import type { ProgramContext, Run } from '../program';
import type { Flags } from '../kubectl/flags';
import { EXIT_CHECK_ERROR, EXIT_LOG_FATAL, fatalLine, helpText } from './cobra';

/** One invocation of a leaf command. */
export interface Cli {
  readonly ctx: ProgramContext;
  readonly path: string;
  readonly flags: Flags;
  readonly args: string[];
  /** When the process started (logrus prints the seconds since). */
  readonly started: number;
}

export type CommandRun = (cli: Cli) => number | Run;

export const world = (cli: Cli): World => cli.ctx.session.world;

/** errors.CheckError(err): a fatal log line and exit code 20. */
export function checkError(cli: Cli, message: string): number {
  cli.ctx.err(fatalLine(message, (world(cli).now - cli.started) / 1000));
  return EXIT_CHECK_ERROR;
}

/** log.Fatal(...): the same line, exit code 1. */
export function logFatal(cli: Cli, message: string): number {
  cli.ctx.err(fatalLine(message, (world(cli).now - cli.started) / 1000));
  return EXIT_LOG_FATAL;
}

/** c.HelpFunc()(c, args); os.Exit(code): the command's help on stdout. */
export function helpExit(cli: Cli, code = 1): number {
  cli.ctx.out(helpText(cli.path));
  return code;
}

/** The namespace Argo CD runs in: core mode uses the kubeconfig context's, set to `argocd`. */
export const ARGOCD_NAMESPACE = 'argocd';

/**
 * What starting the in-process API server finds missing: without Argo CD's settings ConfigMap it
 * cannot start, and without the CRD it cannot read Applications.
 */
export function startLocalServer(cli: Cli): string | undefined {
  const r = reader(world(cli));
  if (!r.get('ConfigMap', ARGOCD_NAMESPACE, 'argocd-cm')) return 'configmap "argocd-cm" not found';
  if (!r.get('CustomResourceDefinition', undefined, 'applications.argoproj.io'))
    return 'the server could not find the requested resource (get applications.argoproj.io)';
  return undefined;
}

export const PERMISSION_DENIED = 'rpc error: code = PermissionDenied desc = permission denied';

/**
 * The API server's lookup of an app by (qualified) name: a missing app, or one outside the
 * namespaces Argo CD serves, is "permission denied" so that existence does not leak
 * (server/application/application.go getAppEnforceRBAC).
 */
export function findApp(
  w: World,
  qualified: string,
  defaultNs = '',
): { ok: true; app: Application } | { ok: false; message: string } {
  const slash = qualified.indexOf('/');
  const ns = slash >= 0 ? qualified.slice(0, slash) : defaultNs || ARGOCD_NAMESPACE;
  const name = slash >= 0 ? qualified.slice(slash + 1) : qualified;
  if (ns !== ARGOCD_NAMESPACE) return { ok: false, message: PERMISSION_DENIED };
  const app = reader(w).get('Application', ns, name);
  if (!app) return { ok: false, message: PERMISSION_DENIED };
  return { ok: true, app };
}

/** The app URL the CLI prints: the configured `url`, else the in-process server's address. */
export function appURL(cli: Cli, appName: string): string {
  const cm = reader(world(cli)).get('ConfigMap', ARGOCD_NAMESPACE, 'argocd-cm');
  const url = cm?.data?.['url'];
  if (url) return `${url}/applications/${appName}`;
  // The in-process server listens on a free ephemeral port, different on every run.
  const port = 32768 + (Math.floor(cli.started / 1000) % 28232);
  return `http://localhost:${port}/applications/${appName}`;
}
