// `argocd app list|get|history|diff|delete` (cmd/argocd/commands/app.go) against the in-process
// API server (server/application/application.go).
import type { Application } from '../../engine/argocd/types';
import { reader, transact } from '../../engine/world';
import { remove } from '../../engine/k8s/apiserver';
import { rfc3339 } from '../../engine/time';
import { keep, type Run } from '../program';
import { toKubectlJson } from '../printers/json';
import { toKubectlYaml } from '../printers/yaml';
import { appDiff } from './appdiff';
import {
  appURL,
  checkError,
  findApp,
  helpExit,
  logFatal,
  startLocalServer,
  world,
  type Cli,
  type CommandRun,
} from './context';
import { createCommands } from './create';
import {
  printAppResources,
  printApplicationHistoryTable,
  printApplicationTable,
  printHeader,
  qualifiedName,
} from './print';
import { listMatching, syncCommands } from './sync';
import { printTreeView } from './tree';
import { nextWake, refreshApp } from './wait';

/**
 * PrintResource / PrintResourceList: JSON indented by two spaces, or YAML. The API server's
 * typed client leaves apiVersion and kind empty, so they are not printed.
 */
function printResource(value: Application | Application[], output: string): string {
  const strip = ({ apiVersion: _v, kind: _k, ...rest }: Application) => rest;
  const v = Array.isArray(value) ? value.map(strip) : strip(value);
  return output === 'json' ? toKubectlJson(v).replace(/\n?$/, '\n') : toKubectlYaml(v);
}

function list(cli: Cli): number {
  const down = startLocalServer(cli);
  if (down) return logFatal(cli, down);
  const apps = listMatching(cli, cli.flags.str('selector'), cli.flags.list('project'));
  if (typeof apps === 'string') return checkError(cli, apps);
  const repo = cli.flags.str('repo');
  const cluster = cli.flags.str('cluster');
  const filtered = apps.filter(
    (a) =>
      (repo === '' || a.spec?.source?.repoURL === repo) &&
      (cluster === '' ||
        a.spec?.destination?.server === cluster ||
        a.spec?.destination?.name === cluster),
  );
  const output = cli.flags.str('output', 'wide');
  switch (output) {
    case 'yaml':
    case 'json':
      cli.ctx.out(printResource(filtered, output));
      return 0;
    case 'name':
      cli.ctx.out(filtered.map((a) => `${qualifiedName(a)}\n`).join(''));
      return 0;
    case 'wide':
    case '':
      cli.ctx.out(printApplicationTable(filtered, output === 'wide'));
      return 0;
    default:
      return checkError(cli, `unknown output format: ${output}`);
  }
}

function* get(cli: Cli): Run {
  if (cli.args.length === 0) return helpExit(cli);
  const down = startLocalServer(cli);
  if (down) return logFatal(cli, down);
  const name = cli.args[0] as string;
  const ns = cli.flags.str('app-namespace');
  const hard = cli.flags.bool('hard-refresh');
  let found = findApp(world(cli), name, ns);
  if (found.ok && (hard || cli.flags.bool('refresh')))
    found = yield* refreshApp(cli, name, hard, ns);
  if (!found.ok) return checkError(cli, found.message);
  const { app } = found;
  const project = app.spec?.project || 'default';
  if (
    project !== 'default' &&
    !reader(world(cli)).get('AppProject', app.metadata?.namespace, project)
  )
    return checkError(
      cli,
      `rpc error: code = NotFound desc = appprojects.argoproj.io ${JSON.stringify(project)} not found`,
    );
  const output = cli.flags.str('output', 'wide');
  switch (output) {
    case 'yaml':
    case 'json':
      cli.ctx.out(printResource(app, output));
      return 0;
    case 'wide':
    case '': {
      let s = printHeader(
        app,
        appURL(cli, app.metadata?.name ?? ''),
        cli.flags.bool('show-operation'),
        world(cli).now,
      );
      if ((app.status?.resources ?? []).length > 0) s += `\n${printAppResources(app)}`;
      cli.ctx.out(s);
      return 0;
    }
    case 'tree': {
      let s = printHeader(
        app,
        appURL(cli, app.metadata?.name ?? ''),
        cli.flags.bool('show-operation'),
        world(cli).now,
      );
      const tree = printTreeView(reader(world(cli)), app);
      if (tree) s += `\n${tree}`;
      cli.ctx.out(s);
      return 0;
    }
    default:
      return checkError(cli, `unknown output format: ${output}`);
  }
}

function history(cli: Cli): number {
  if (cli.args.length !== 1) return helpExit(cli);
  const down = startLocalServer(cli);
  if (down) return logFatal(cli, down);
  const found = findApp(world(cli), cli.args[0] as string, cli.flags.str('app-namespace'));
  if (!found.ok) return checkError(cli, found.message);
  const entries = found.app.status?.history ?? [];
  if (cli.flags.str('output', 'wide') === 'id')
    cli.ctx.out(entries.map((h) => `${h.id}\n`).join(''));
  else cli.ctx.out(printApplicationHistoryTable(entries));
  return 0;
}

function* diff(cli: Cli): Run {
  if (cli.args.length !== 1) return helpExit(cli, 2);
  const down = startLocalServer(cli);
  if (down) return logFatal(cli, down);
  const name = cli.args[0] as string;
  const ns = cli.flags.str('app-namespace');
  const hard = cli.flags.bool('hard-refresh');
  let found = findApp(world(cli), name, ns);
  if (found.ok && (hard || cli.flags.bool('refresh')))
    found = yield* refreshApp(cli, name, hard, ns);
  if (!found.ok) return checkError(cli, found.message);
  const result = appDiff(world(cli), found.app);
  if (!result.ok) return checkError(cli, result.message);
  cli.ctx.out(result.text);
  return result.found && cli.flags.bool('exit-code', true) ? 1 : 0;
}

const FOREGROUND_FINALIZER = 'resources-finalizer.argocd.argoproj.io';
const BACKGROUND_FINALIZER = 'resources-finalizer.argocd.argoproj.io/background';

/**
 * The API server's Delete: a cascaded deletion puts the resources finalizer on the app, so the
 * Kubernetes API server only marks it deleted and the controller removes its resources and then
 * the finalizer; without cascade the app goes at once.
 */
function deleteApp(cli: Cli, qualified: string): string | undefined {
  const found = findApp(world(cli), qualified, cli.flags.str('app-namespace'));
  if (!found.ok) return found.message;
  const { app } = found;
  const given = cli.flags.given;
  const cascade = given.includes('cascade') ? cli.flags.bool('cascade', true) : true;
  const policy = cli.flags.str('propagation-policy', 'foreground');
  if (!cascade && given.includes('propagation-policy'))
    return 'rpc error: code = InvalidArgument desc = cannot set propagation policy when cascading is disabled';
  let finalizer: string | undefined;
  if (cascade) {
    finalizer = { foreground: FOREGROUND_FINALIZER, background: BACKGROUND_FINALIZER }[
      policy.toLowerCase()
    ];
    if (!finalizer)
      return `rpc error: code = InvalidArgument desc = invalid propagation policy: ${policy}`;
  }
  const others = (app.metadata?.finalizers ?? []).filter(
    (f) => f !== FOREGROUND_FINALIZER && f !== BACKGROUND_FINALIZER,
  );
  const finalizers = finalizer ? [...others, finalizer] : others;
  keep(
    cli.ctx.session,
    transact(world(cli), 'argocd-server', (tx) => {
      if (finalizers.length === 0)
        return remove(tx, 'Application', app.metadata?.namespace, app.metadata?.name ?? '');
      if (app.metadata?.deletionTimestamp) return app;
      return tx.put('Application', {
        ...app,
        metadata: { ...app.metadata, finalizers, deletionTimestamp: rfc3339(tx.now) },
      });
    }),
  );
  return undefined;
}

function* del(cli: Cli): Run {
  const selector = cli.flags.str('selector');
  if (cli.args.length === 0 && selector === '') return helpExit(cli);
  const down = startLocalServer(cli);
  if (down) return logFatal(cli, down);
  const noPrompt = cli.flags.bool('yes');
  const cascade = cli.flags.bool('cascade', true);
  let names: string[] = [];
  if (selector !== '') {
    const apps = listMatching(cli, selector, []);
    if (typeof apps === 'string') return checkError(cli, apps);
    names = apps.map(qualifiedName);
  }
  if (names.length === 0) names = [...cli.args];
  // The answers come from stdin; the first read takes what a pipe holds at once.
  let stdin: string | undefined = cli.ctx.stdin;
  const ask = (message: string): string | undefined => {
    for (;;) {
      cli.ctx.out(message);
      if (stdin === undefined) return undefined;
      const nl = stdin.indexOf('\n');
      const line = nl < 0 ? undefined : stdin.slice(0, nl);
      stdin = undefined;
      if (line === undefined) return undefined;
      const answer = line.trim().toLowerCase();
      if (answer === 'y' || answer === 'yes') return 'y';
      if (answer === 'n' || answer === 'no') return 'n';
      if (answer === 'a' || answer === 'all') return 'a';
    }
  };
  let confirmAll = false;
  for (const full of names) {
    if (cascade && !noPrompt) {
      let answer: string | undefined;
      if (cli.args.length === 1)
        answer = ask(`Are you sure you want to delete '${full}' and all its resources? [y/n] `);
      else if (!confirmAll) {
        answer = ask(
          `Are you sure you want to delete '${full}' and all its resources? [y/n/A] where 'A' is to delete all specified apps and their resources without prompting `,
        );
        if (answer === 'a') {
          answer = 'y';
          confirmAll = true;
        }
      } else answer = 'y';
      if (answer === undefined) return checkError(cli, 'EOF');
      if (answer !== 'y') {
        cli.ctx.out(`The command to delete '${full}' was cancelled.\n`);
        continue;
      }
      const err = deleteApp(cli, full);
      if (err) return checkError(cli, err);
      if (cli.flags.bool('wait')) yield* waitGone(cli, full);
      cli.ctx.out(`application '${full}' deleted\n`);
    } else {
      const err = deleteApp(cli, full);
      if (err) return checkError(cli, err);
      if (cli.flags.bool('wait')) yield* waitGone(cli, full);
    }
  }
  return 0;
}

function* waitGone(cli: Cli, qualified: string): Generator<number, void, void> {
  while (findApp(world(cli), qualified, cli.flags.str('app-namespace')).ok) yield nextWake(cli);
}

export const appCommands: Record<string, CommandRun> = {
  'argocd app list': list,
  'argocd app get': get,
  'argocd app history': history,
  'argocd app diff': diff,
  'argocd app delete': del,
  ...createCommands,
  ...syncCommands,
};
