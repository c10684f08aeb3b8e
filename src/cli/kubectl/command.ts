// The shape of one kubectl command and what it gets to work with.
import type { StatusError } from '../../engine/k8s/errors';
import { formatStatusError } from '../../engine/k8s/errors';
import type { Tx } from '../../engine/k8s/store';
import type { ObjectReader } from '../../engine/k8s/types';
import type { World } from '../../engine/world';
import { currentContext, reader, transact } from '../../engine/world';
import type { Run, Session } from '../program';
import { keep } from '../program';
import type { FlagSpec, Flags } from './flags';

export interface KubectlCommand {
  /** Words after `kubectl`: 'rollout undo'. */
  path: string;
  aliases?: readonly string[];
  flags: readonly FlagSpec[];
  /** Flags cobra reports as `required flag(s) "x" not set` before anything else. */
  required?: readonly string[];
  /** One line for `help`'s and completion's benefit. */
  summary: string;
  run(ctx: KubectlContext): number | Run;
}

/** Flags every kubectl command accepts (kubectl's persistent flags). */
export const GLOBAL_FLAGS: readonly FlagSpec[] = [
  { name: 'namespace', short: 'n', type: 'string' },
  { name: 'context', type: 'string' },
  { name: 'cluster', type: 'string' },
  { name: 'user', type: 'string' },
  { name: 'kubeconfig', type: 'string' },
  { name: 'server', short: 's', type: 'string' },
  { name: 'request-timeout', type: 'string' },
  { name: 'v', short: 'v', type: 'int' },
  { name: 'as', type: 'string' },
  { name: 'as-group', type: 'stringArray' },
  { name: 'as-uid', type: 'string' },
  { name: 'cache-dir', type: 'string' },
  { name: 'token', type: 'string' },
  { name: 'insecure-skip-tls-verify', type: 'bool' },
  { name: 'match-server-version', type: 'bool' },
  { name: 'warnings-as-errors', type: 'bool' },
  { name: 'disable-compression', type: 'bool' },
  { name: 'help', short: 'h', type: 'bool' },
];

export class KubectlContext {
  constructor(
    readonly command: KubectlCommand,
    readonly flags: Flags,
    readonly session: Session,
    readonly out: (text: string) => void,
    readonly err: (text: string) => void,
    /** The command's standard input (`-f -`, here-documents). */
    readonly stdin = '',
  ) {}

  get args(): string[] {
    return this.flags.args;
  }

  /** The namespace of the current context, or -n. */
  get namespace(): string {
    return this.flags.str('namespace') || currentContext(this.session.world).namespace || 'default';
  }

  get world(): World {
    return this.session.world;
  }

  get now(): number {
    return this.session.world.now;
  }

  get reader(): ObjectReader {
    return reader(this.session.world);
  }

  /** Runs `fn` against the API server; a result with ok: false leaves the world as it was. */
  transact<T>(manager: string, fn: (tx: Tx) => T): T {
    return keep(this.session, transact(this.session.world, manager, fn));
  }

  /** `error: …` then cobra's `See 'kubectl x --help' for usage.` (flag problems). */
  usageError(message: string): number {
    this.err(`error: ${message}\nSee 'kubectl ${this.command.path} --help' for usage.\n`);
    return 1;
  }

  /** `error: …` then `See 'kubectl x -h' for help and examples` (argument problems). */
  helpError(message: string): number {
    this.err(`error: ${message}\nSee 'kubectl ${this.command.path} -h' for help and examples\n`);
    return 1;
  }

  fail(message: string): number {
    this.err(`error: ${message}\n`);
    return 1;
  }

  apiError(e: StatusError): number {
    this.err(`${formatStatusError(e)}\n`);
    return 1;
  }
}

/** The block kubectl prints when a command needs resources and got none. */
export const NO_RESOURCES_GIVEN =
  "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'";
