// kubectl create configmap | secret generic | serviceaccount | role | clusterrole | rolebinding |
// clusterrolebinding, built as kubectl v1.32 builds them (kubectl pkg/cmd/create/
// create_configmap.go, create_secret.go, create_serviceaccount.go, create_role.go,
// create_clusterrole.go, create_rolebinding.go, create_clusterrolebinding.go) and sent to the
// simulated API server. Typed objects print in Go struct order (k8s.io/api core/v1 and rbac/v1).
import type { KubeObject } from '../../../engine/k8s/types';
import { cwdOf } from '../../program';
import type { KubectlCommand, KubectlContext } from '../command';
import type { FlagSpec } from '../flags';
import {
  completeGenerator,
  GENERATOR_FLAGS,
  meta,
  stringSlice,
  submitMore,
} from './create-more-common';
import type { AddKey } from './create-more-data';
import {
  addEnvFiles,
  addFiles,
  addLiterals,
  base64,
  configKeyErrors,
  encodeHash,
  goJson,
  sha256Hex,
} from './create-more-data';
import { roleCommands } from './create-more-rbac';

// ---- configmap and secret generic ---------------------------------------------------------

function runCreateData(kind: 'ConfigMap' | 'Secret') {
  return (ctx: KubectlContext): number => {
    const done = completeGenerator(ctx);
    if (!done.ok) return done.code;
    const c = done.value;
    if (!c.name) return ctx.fail('name must be specified');
    const fileSources = stringSlice(ctx, 'from-file');
    const literals = ctx.flags.list('from-literal');
    const envFiles = stringSlice(ctx, 'from-env-file');
    if (envFiles.length > 0 && (fileSources.length > 0 || literals.length > 0))
      return ctx.fail('from-env-file cannot be combined with from-file or from-literal');
    const data: Record<string, string> = {};
    const add: AddKey = (key, value) => {
      const errs = configKeyErrors(key);
      if (kind === 'ConfigMap') {
        if (errs.length > 0)
          return `${JSON.stringify(key)} is not a valid key name for a ConfigMap: ${errs.join(',')}`;
        if (key in data)
          return `cannot add key ${JSON.stringify(key)}, another key by that name already exists in Data for ConfigMap ${JSON.stringify(c.name)}`;
        data[key] = value;
        return undefined;
      }
      if (errs.length > 0)
        return `${JSON.stringify(key)} is not valid key name for a Secret ${errs.join(';')}`;
      if (key in data) return `cannot add key ${key}, another key by that name already exists`;
      data[key] = base64(value);
      return undefined;
    };
    const files = ctx.world.files;
    const cwd = cwdOf(ctx.session);
    const problem =
      addFiles(files, cwd, fileSources, add) ??
      addLiterals(literals, add) ??
      addEnvFiles(
        files,
        cwd,
        envFiles,
        ctx.session.env,
        kind === 'ConfigMap' ? 'config' : 'secret',
        add,
      );
    if (problem) return ctx.fail(problem);
    const type = kind === 'Secret' ? ctx.flags.str('type') : '';
    let name = c.name;
    if (ctx.flags.bool('append-hash')) {
      const encoded =
        kind === 'ConfigMap' ? goJson({ kind, name, data }) : goJson({ kind, type, name, data });
      name = `${name}-${encodeHash(sha256Hex(encoded))}`;
    }
    const object = {
      kind,
      apiVersion: 'v1',
      metadata: meta(ctx, name),
      ...(Object.keys(data).length > 0 ? { data } : {}),
      ...(type ? { type } : {}),
    } as KubeObject;
    const wrap = kind === 'ConfigMap' ? 'failed to create configmap: ' : 'failed to create secret ';
    return submitMore(ctx, kind, { ...c, name }, wrap, object);
  };
}

function runCreateServiceAccount(ctx: KubectlContext): number {
  const done = completeGenerator(ctx);
  if (!done.ok) return done.code;
  const c = done.value;
  if (!c.name) return ctx.fail('name must be specified');
  const object = { kind: 'ServiceAccount', apiVersion: 'v1', metadata: meta(ctx, c.name) };
  return submitMore(ctx, 'ServiceAccount', c, 'failed to create serviceaccount: ', object);
}

const SECRET_GROUP_HELP = `Create a secret with specified type.

 A docker-registry type secret is for accessing a container registry.

 A generic type secret indicate an Opaque secret type.

 A tls type secret holds TLS certificate and its associated key.

Available Commands:
  docker-registry   Create a secret for use with a Docker registry
  generic           Create a secret from a local file, directory, or literal value
  tls               Create a TLS secret

Usage:
  kubectl create secret (docker-registry | generic | tls) [options]

Use "kubectl create secret <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).
`;

function runSecretGroup(ctx: KubectlContext): number {
  if (ctx.args.length > 0)
    return ctx.helpError(`unknown command ${JSON.stringify(ctx.args.join(' '))}`);
  ctx.err(SECRET_GROUP_HELP);
  return 1;
}

const DATA_FLAGS: readonly FlagSpec[] = [
  ...GENERATOR_FLAGS,
  { name: 'append-hash', type: 'bool' },
  { name: 'from-env-file', type: 'stringArray' },
  { name: 'from-file', type: 'stringArray' },
  { name: 'from-literal', type: 'stringArray' },
];

export const createMoreCommands: KubectlCommand[] = [
  {
    path: 'create configmap',
    aliases: ['cm'],
    summary: 'create a config map from a local file, directory or literal value',
    flags: DATA_FLAGS,
    run: runCreateData('ConfigMap'),
  },
  {
    path: 'create secret',
    summary: 'create a secret using a specified subcommand',
    flags: [],
    run: runSecretGroup,
  },
  {
    path: 'create secret generic',
    summary: 'create a secret from a local file, directory, or literal value',
    flags: [...DATA_FLAGS, { name: 'type', type: 'string' }],
    run: runCreateData('Secret'),
  },
  {
    path: 'create serviceaccount',
    aliases: ['sa'],
    summary: 'create a service account with the specified name',
    flags: GENERATOR_FLAGS,
    run: runCreateServiceAccount,
  },
  ...roleCommands,
];
