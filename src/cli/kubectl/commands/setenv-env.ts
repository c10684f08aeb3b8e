// The environment-variable helpers behind `kubectl set env` (kubectl pkg/cmd/set/env/env_parse.go
// SplitEnvironmentFromResources and ParseEnv, env_resolve.go GetEnvVarRefString and the
// configmap/secret lookups, pkg/cmd/set/helper.go selectString, findEnv and updateEnv).
import { strFromU8 } from 'fflate';
import type { EnvVar, EnvVarSource } from 'kubernetes-types/core/v1';

const ENV_ARGUMENT = /^(.+)=(.*)$/s;
const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
const ENV_NAME_MSG =
  "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')";

/** Resources come first, then KEY=VALUE and KEY- arguments; undefined when they are mixed. */
export function splitEnvironment(
  args: readonly string[],
): { resources: string[]; envArgs: string[] } | undefined {
  const resources: string[] = [];
  const envArgs: string[] = [];
  for (const s of args) {
    const isEnv = ENV_ARGUMENT.test(s) || s.endsWith('-');
    if (isEnv) envArgs.push(s);
    else if (envArgs.length > 0) return undefined;
    else resources.push(s);
  }
  return { resources, envArgs };
}

export type ParsedEnv =
  { ok: true; env: EnvVar[]; remove: string[] } | { ok: false; error: string };

/** ParseEnv: `-` reads KEY=VALUE lines from standard input, which these commands do not get. */
export function parseEnv(specs: readonly string[]): ParsedEnv {
  const env: EnvVar[] = [];
  const names = new Set<string>();
  const remove: string[] = [];
  for (const spec of specs) {
    if (spec === '-') return { ok: false, error: "when '-' is used, STDIN must be open" };
    if (spec.includes('=')) {
      const i = spec.indexOf('=');
      const name = spec.slice(0, i);
      if (!ENV_NAME.test(name))
        return {
          ok: false,
          error: `${JSON.stringify(name)} is not a valid key name: ${ENV_NAME_MSG}`,
        };
      names.add(name);
      env.push({ name, value: spec.slice(i + 1) });
    } else if (spec.endsWith('-')) remove.push(spec.slice(0, -1));
    else return { ok: false, error: `unknown environment variable: ${spec}` };
  }
  if (remove.some((r) => names.has(r)))
    return {
      ok: false,
      error: 'can not both modify and remove the same environment variable in the same command',
    };
  return { ok: true, env, remove };
}

/** selectString: `*` matches all, otherwise a non-greedy wildcard match, quirks included. */
export function selectString(s: string, spec: string): boolean {
  if (spec === '*') return true;
  if (!spec.includes('*')) return s === spec;
  let pos = 0;
  const parts = spec.split('*');
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    if (part.length === 0) continue;
    const next = s.slice(pos).indexOf(part);
    if (
      next < pos ||
      (i === 0 && pos !== 0) ||
      (i === parts.length - 1 && s.length !== part.length + next)
    )
      return false;
    pos = next;
  }
  return true;
}

/**
 * updateEnv: an added variable replaces every existing one of its name, a removed one drops
 * them all, unrelated duplicates stay; new variables go last.
 */
export function updateEnv(
  existing: readonly EnvVar[],
  env: readonly EnvVar[],
  remove: readonly string[],
): EnvVar[] {
  const out: EnvVar[] = [];
  const covered = new Set(remove);
  for (const e of existing) {
    if (covered.has(e.name)) continue;
    const newer = env.find((n) => n.name === e.name);
    if (newer) {
      covered.add(e.name);
      out.push(newer);
      continue;
    }
    out.push(e);
  }
  for (const e of env) {
    if (covered.has(e.name)) continue;
    covered.add(e.name);
    out.push(e);
  }
  return out;
}

/** validateNoOverwrites: the first variable whose value would change. */
export function overwriteError(existing: readonly EnvVar[], env: readonly EnvVar[]) {
  for (const e of env) {
    const current = existing.find((c) => c.name === e.name);
    if (current && (current.value ?? '') !== (e.value ?? ''))
      return `'${current.name}' already has a value (${current.value ?? ''}), and --overwrite is false`;
  }
  return undefined;
}

export function refString(from: EnvVarSource): string {
  if (from.configMapKeyRef)
    return `configmap ${from.configMapKeyRef.name ?? ''}, key ${from.configMapKeyRef.key}`;
  if (from.secretKeyRef)
    return `secret ${from.secretKeyRef.name ?? ''}, key ${from.secretKeyRef.key}`;
  if (from.fieldRef) return `field path ${from.fieldRef.fieldPath}`;
  if (from.resourceFieldRef) {
    const c = from.resourceFieldRef.containerName;
    return `resource field ${c ? `${c}/` : ''}${from.resourceFieldRef.resource}`;
  }
  return 'invalid valueFrom';
}

/** keyToEnvName: upper case, anything but [a-zA-Z0-9_] becomes `_`. */
export function keyToEnvName(key: string): string {
  return key.replace(/[^a-zA-Z0-9_]/g, '_').toUpperCase();
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** A Secret's data value (base64) as the text kubectl prints for it. */
export function decodeBase64(text: string): string {
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const ch of text.replace(/=+$/, '')) {
    const v = B64.indexOf(ch);
    if (v < 0) continue;
    buffer = (buffer << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  return strFromU8(new Uint8Array(bytes));
}
