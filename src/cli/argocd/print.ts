// What `argocd app` prints about an Application, as Argo CD v2.11 prints it
// (cmd/argocd/commands/app.go: printAppSummaryTable, printAppResources, getResourceStates,
// printOperationResult, printApplicationTable, printApplicationHistoryTable).
import type { Application, OperationState, RevisionHistory } from '../../engine/argocd/types';
import { parseTime } from '../../engine/time';
import { tabwrite, type TabWriterOptions } from '../printers/table';

/** tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', 0) */
export const ARGO_TABWRITER: TabWriterOptions = {
  minWidth: 0,
  tabWidth: 0,
  padding: 2,
  padChar: ' ',
  rememberWidths: false,
};

/** printOpFmtStr = "%-20s%s\n" */
export function field(label: string, value: string): string {
  return `${label.padEnd(20)}${value}\n`;
}

export function qualifiedName(app: Application): string {
  const ns = app.metadata?.namespace ?? '';
  const name = app.metadata?.name ?? '';
  return ns ? `${ns}/${name}` : name;
}

function getServer(app: Application): string {
  const dest = app.spec?.destination;
  return dest?.server ? dest.server : (dest?.name ?? '');
}

function project(app: Application): string {
  return app.spec?.project || 'default';
}

const SHA = /^[0-9a-f]{40}$/;
const SHORT_SHA = /^[0-9a-f]{7,}$/;

/** Go's time.Time.String() of a UTC time: `2026-01-15 09:00:00 +0000 UTC`. */
export function goTime(ms: number): string {
  const iso = new Date(ms).toISOString();
  const frac = iso.slice(20, 23).replace(/0+$/, '');
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${frac ? `.${frac}` : ''} +0000 UTC`;
}

/** A metav1.Time (or nil) printed with %s. */
export function goTimeOf(value: string | undefined): string {
  const ms = parseTime(value);
  return ms === undefined ? '<nil>' : goTime(ms);
}

/** Go's time.Duration.String() for whole seconds. */
export function goDuration(seconds: number): string {
  if (seconds === 0) return '0s';
  const sign = seconds < 0 ? '-' : '';
  let s = Math.abs(seconds);
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  if (h > 0) return `${sign}${h}h${m}m${s}s`;
  if (m > 0) return `${sign}${m}m${s}s`;
  return `${sign}${s}s`;
}

export function printAppSummaryTable(app: Application, url: string): string {
  const source = app.spec?.source;
  let s = '';
  s += field('Name:', qualifiedName(app));
  s += field('Project:', project(app));
  s += field('Server:', getServer(app));
  s += field('Namespace:', app.spec?.destination?.namespace ?? '');
  s += field('URL:', url);
  s += 'Source:\n';
  s += field('- Repo:', source?.repoURL ?? '');
  s += field('  Target:', source?.targetRevision ?? '');
  if (source?.path) s += field('  Path:', source.path);
  s += field('SyncWindow:', 'Sync Allowed');
  const automated = app.spec?.syncPolicy?.automated;
  s += field(
    'Sync Policy:',
    automated ? (automated.prune ? 'Automated (Prune)' : 'Automated') : 'Manual',
  );
  const target = source?.targetRevision ?? '';
  const sync = app.status?.sync;
  let syncStr: string = sync?.status ?? '';
  if (sync?.status === 'Synced') syncStr += ` to ${target}`;
  else if (sync?.status === 'OutOfSync') syncStr += ` from ${target}`;
  const revision = sync?.revision ?? '';
  if (!SHA.test(target) && !SHORT_SHA.test(target) && revision.length > 7)
    syncStr += ` (${revision.slice(0, 7)})`;
  s += field('Sync Status:', syncStr);
  const health = app.status?.health;
  s += field(
    'Health Status:',
    health?.message ? `${health.status} (${health.message})` : (health?.status ?? ''),
  );
  return s;
}

export function printAppConditions(app: Application): string {
  let t = 'CONDITION\tMESSAGE\tLAST TRANSITION\n';
  for (const c of app.status?.conditions ?? [])
    t += `${c.type}\t${c.message}\t${goTimeOf(c.lastTransitionTime)}\n`;
  return tabwrite(t, ARGO_TABWRITER);
}

export function printOperationResult(op: OperationState | undefined, now: number): string {
  if (!op) return '';
  let s = '';
  if (op.syncResult) {
    s += field('Operation:', 'Sync');
    s += field('Sync Revision:', op.syncResult.revision);
  }
  s += field('Phase:', op.phase);
  s += field('Start:', goTimeOf(op.startedAt));
  s += field('Finished:', goTimeOf(op.finishedAt));
  const start = Math.floor((parseTime(op.startedAt) ?? 0) / 1000);
  const end = parseTime(op.finishedAt) ?? now;
  s += field('Duration:', goDuration(Math.floor(end / 1000) - start));
  if (op.message) s += field('Message:', op.message);
  return s;
}

/** What `app get` prints: the summary, conditions, and (with --show-operation) the operation. */
export function printHeader(
  app: Application,
  url: string,
  showOperation: boolean,
  now: number,
): string {
  let s = printAppSummaryTable(app, url);
  if ((app.status?.conditions ?? []).length > 0) s += `\n${printAppConditions(app)}\n`;
  if (showOperation && app.status?.operationState)
    s += `\n${printOperationResult(app.status.operationState, now)}`;
  return s;
}

export interface ResourceState {
  group: string;
  kind: string;
  namespace: string;
  name: string;
  status: string;
  health: string;
  hook: string;
  message: string;
}

export function stateKey(r: ResourceState): string {
  return `${r.group}/${r.kind}/${r.namespace}/${r.name}`;
}

/** The operation's results first (in their order), then the other resources sorted by key. */
export function getResourceStates(app: Application): ResourceState[] {
  const byKey = new Map<string, NonNullable<NonNullable<Application['status']>['resources']>[0]>();
  const keyOf = (g: string | undefined, k: string, ns: string | undefined, n: string) =>
    `${g ?? ''}/${k}/${ns ?? ''}/${n}`;
  for (const r of app.status?.resources ?? [])
    byKey.set(keyOf(r.group, r.kind, r.namespace, r.name), r);
  const states: ResourceState[] = [];
  for (const res of app.status?.operationState?.syncResult?.resources ?? []) {
    const key = keyOf(res.group, res.kind, res.namespace, res.name);
    let sync = res.hookPhase ?? '';
    let health: string = res.status ?? '';
    const resource = byKey.get(key);
    if (resource) {
      health = resource.health?.status ?? '';
      sync = resource.status ?? '';
    }
    states.push({
      group: res.group,
      kind: res.kind,
      namespace: res.namespace,
      name: res.name,
      status: sync,
      health,
      hook: '',
      message: res.message ?? '',
    });
    byKey.delete(key);
  }
  for (const key of [...byKey.keys()].sort()) {
    const r = byKey.get(key);
    if (!r) continue;
    states.push({
      group: r.group ?? '',
      kind: r.kind,
      namespace: r.namespace ?? '',
      name: r.name,
      status: r.status ?? '',
      health: r.health?.status ?? '',
      hook: '',
      message: '',
    });
  }
  return states;
}

export function printAppResources(app: Application): string {
  let t = 'GROUP\tKIND\tNAMESPACE\tNAME\tSTATUS\tHEALTH\tHOOK\tMESSAGE\n';
  for (const r of getResourceStates(app))
    t += `${r.group}\t${r.kind}\t${r.namespace}\t${r.name}\t${r.status}\t${r.health}\t${r.hook}\t${r.message}\n`;
  return tabwrite(t, ARGO_TABWRITER);
}

function formatSyncPolicy(app: Application): string {
  const automated = app.spec?.syncPolicy?.automated;
  if (!automated) return 'Manual';
  return automated.prune ? 'Auto-Prune' : 'Auto';
}

function formatConditionsSummary(app: Application): string {
  const counts = new Map<string, number>();
  for (const c of app.status?.conditions ?? []) counts.set(c.type, (counts.get(c.type) ?? 0) + 1);
  // Go iterates a map here (random order); sorted is one of the orders it can print.
  const items = [...counts.keys()]
    .sort()
    .map((t) => ((counts.get(t) ?? 0) > 1 ? `${t}(${counts.get(t)})` : t));
  return items.length > 0 ? items.join(',') : '<none>';
}

export function printApplicationTable(apps: readonly Application[], wide: boolean): string {
  const headers = ['NAME', 'CLUSTER', 'NAMESPACE', 'PROJECT', 'STATUS', 'HEALTH', 'SYNCPOLICY'];
  headers.push('CONDITIONS');
  if (wide) headers.push('REPO', 'PATH', 'TARGET');
  let t = `${headers.join('\t')}\n`;
  for (const app of apps) {
    const vals = [
      qualifiedName(app),
      getServer(app),
      app.spec?.destination?.namespace ?? '',
      project(app),
      app.status?.sync?.status ?? '',
      app.status?.health?.status ?? '',
      formatSyncPolicy(app),
      formatConditionsSummary(app),
    ];
    if (wide) {
      const src = app.spec?.source;
      vals.push(src?.repoURL ?? '', src?.path ?? '', src?.targetRevision ?? '');
    }
    t += `${vals.join('\t')}\n`;
  }
  return tabwrite(t, ARGO_TABWRITER);
}

export function printApplicationHistoryTable(history: readonly RevisionHistory[]): string {
  const groups = new Map<string, string[]>();
  for (const h of history) {
    let rev = h.source?.targetRevision ?? '';
    if (h.revision.length >= 7) rev = `${rev} (${h.revision.slice(0, 7)})`;
    const url = h.source?.repoURL ?? '';
    const rows = groups.get(url) ?? [];
    rows.push(`${h.id}\t${goTimeOf(h.deployedAt)}\t${rev}\n`);
    groups.set(url, rows);
  }
  let t = '';
  const urls = [...groups.keys()];
  urls.forEach((url, i) => {
    t += `SOURCE\t${url}\nID\tDATE\tREVISION\n${(groups.get(url) ?? []).join('')}`;
    if (i < urls.length - 1) t += '\n';
  });
  return tabwrite(t, ARGO_TABWRITER);
}
