// kubectl config: the kubeconfig's contexts, one per simulated cluster
// (staging/src/k8s.io/kubectl/pkg/cmd/config: current_context.go, get_contexts.go,
// use_context.go, set_context.go, view.go).
import type { KubeContext, World } from '../../../engine/world';
import { currentContext, useContext } from '../../../engine/world';
import type { KubectlCommand, KubectlContext } from '../command';
import { renderTable } from '../../printers/table';
import { toKubectlYaml } from '../../printers/yaml';

/** The API server's address for each cluster: the first at .2, the next at .3, … */
export function serverOf(world: World, cluster: string): string {
  const names = [...new Set(world.contexts.map((c) => c.cluster))];
  return `https://10.0.0.${2 + Math.max(0, names.indexOf(cluster))}:6443`;
}

function keep(ctx: KubectlContext, world: World): void {
  ctx.session.world = world;
}

function getContexts(ctx: KubectlContext): number {
  const world = ctx.world;
  const output = ctx.flags.str('output');
  if (output !== '' && output !== 'name')
    return ctx.fail(`output must be one of '' or 'name': ${output}`);
  const wanted = ctx.args;
  const shown: KubeContext[] = [];
  let missing: string | undefined;
  for (const c of [...world.contexts].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (wanted.length === 0 || wanted.includes(c.name)) shown.push(c);
  }
  for (const w of wanted) if (!world.contexts.some((c) => c.name === w)) missing ??= w;
  if (output === 'name') {
    for (const c of shown) ctx.out(`${c.name}\n`);
  } else {
    const rows = shown.map((c) => [
      c.name === world.context ? '*' : '',
      c.name,
      c.cluster,
      c.user,
      c.namespace ?? '',
    ]);
    const header = ctx.flags.bool('no-headers')
      ? null
      : ['CURRENT', 'NAME', 'CLUSTER', 'AUTHINFO', 'NAMESPACE'];
    ctx.out(renderTable(header, rows));
  }
  if (missing !== undefined) return ctx.fail(`context ${missing} not found`);
  return 0;
}

function view(ctx: KubectlContext): number {
  const world = ctx.world;
  const minify = ctx.flags.bool('minify');
  const contexts = minify ? [currentContext(world)] : world.contexts;
  const clusters = [...new Set(contexts.map((c) => c.cluster))].sort();
  const users = [...new Set(contexts.map((c) => c.user))].sort();
  const config = {
    apiVersion: 'v1',
    clusters: clusters.map((name) => ({
      cluster: { 'certificate-authority-data': 'DATA+OMITTED', server: serverOf(world, name) },
      name,
    })),
    contexts: [...contexts]
      .sort((a, b) => (a.name < b.name ? -1 : 1))
      .map((c) => ({
        context: {
          cluster: c.cluster,
          ...(c.namespace ? { namespace: c.namespace } : {}),
          user: c.user,
        },
        name: c.name,
      })),
    'current-context': world.context,
    kind: 'Config',
    preferences: {},
    users: users.map((name) => ({
      name,
      user: { 'client-certificate-data': 'DATA+OMITTED', 'client-key-data': 'DATA+OMITTED' },
    })),
  };
  ctx.out(toKubectlYaml(config));
  return 0;
}

export const configCommands: KubectlCommand[] = [
  {
    path: 'config current-context',
    summary: 'display the current-context',
    flags: [],
    run(ctx) {
      ctx.out(`${ctx.world.context}\n`);
      return 0;
    },
  },
  {
    path: 'config get-contexts',
    summary: 'describe one or many contexts',
    flags: [
      { name: 'no-headers', type: 'bool' },
      { name: 'output', short: 'o', type: 'string' },
    ],
    run: getContexts,
  },
  {
    path: 'config use-context',
    aliases: ['use'],
    summary: 'set the current-context',
    flags: [],
    run(ctx) {
      const name = ctx.args[0];
      if (name === undefined || ctx.args.length > 1) return ctx.helpError('Unexpected args: []');
      const next = useContext(ctx.world, name);
      if (!next) return ctx.fail(`no context exists with the name: "${name}"`);
      keep(ctx, next);
      ctx.out(`Switched to context "${name}".\n`);
      return 0;
    },
  },
  {
    path: 'config set-context',
    summary: 'set a context entry in kubeconfig',
    flags: [
      { name: 'current', type: 'bool' },
      { name: 'cluster', type: 'string' },
      { name: 'user', type: 'string' },
      { name: 'namespace', type: 'string' },
    ],
    run(ctx) {
      const current = ctx.flags.bool('current');
      const name = current ? ctx.world.context : ctx.args[0];
      if (!name) return ctx.fail('you must specify a non-empty context name or --current');
      const world = ctx.world;
      const existing = world.contexts.find((c) => c.name === name);
      if (!existing)
        return ctx.fail(
          'setting a new context is not possible here: each context stands for one of the simulated clusters',
        );
      const updated: KubeContext = { ...existing };
      if (ctx.flags.has('namespace')) {
        const ns = ctx.flags.str('namespace');
        if (ns) updated.namespace = ns;
        else delete updated.namespace;
      }
      if (ctx.flags.has('cluster') || ctx.flags.has('user'))
        return ctx.fail('the simulated clusters and users cannot be rewired');
      keep(ctx, { ...world, contexts: world.contexts.map((c) => (c.name === name ? updated : c)) });
      ctx.out(`Context "${name}" modified.\n`);
      return 0;
    },
  },
  {
    path: 'config view',
    summary: 'display merged kubeconfig settings',
    flags: [
      { name: 'minify', type: 'bool' },
      { name: 'raw', type: 'bool' },
      { name: 'flatten', type: 'bool' },
      { name: 'output', short: 'o', type: 'string' },
    ],
    run: view,
  },
];
