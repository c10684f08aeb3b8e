// Command-line flags as kubectl's flag library (spf13/pflag) parses them, with its error wording:
// `--name=value`, `--name value`, `-n value`, `-nvalue`, `-n=value`, grouped boolean shorthands,
// `--` to end flags, flags anywhere among the arguments.
import { parseDuration } from '../../engine/time';

export type FlagType = 'bool' | 'string' | 'int' | 'stringArray' | 'duration';

export interface FlagSpec {
  name: string;
  short?: string;
  type: FlagType;
  /** The value when the flag is given bare (pflag's NoOptDefVal); it then takes no argument. */
  noOptDefVal?: string;
}

export type FlagValue = boolean | string | number | string[];

export interface ParsedFlags {
  values: Map<string, FlagValue>;
  args: string[];
  /** Flags given explicitly, by long name, in order. */
  given: string[];
  /** How many arguments came before `--`, or -1 (cobra's ArgsLenAtDash). */
  argsLenAtDash: number;
}

export type FlagResult = { ok: true; parsed: ParsedFlags } | { ok: false; error: string };

function label(spec: FlagSpec): string {
  return spec.short ? `-${spec.short}, --${spec.name}` : `--${spec.name}`;
}

function convert(
  spec: FlagSpec,
  raw: string,
): { ok: true; value: FlagValue } | { ok: false; error: string } {
  switch (spec.type) {
    case 'bool':
      if (/^(1|t|T|TRUE|true|True)$/.test(raw)) return { ok: true, value: true };
      if (/^(0|f|F|FALSE|false|False)$/.test(raw)) return { ok: true, value: false };
      return {
        ok: false,
        error: `invalid argument "${raw}" for "${label(spec)}" flag: strconv.ParseBool: parsing "${raw}": invalid syntax`,
      };
    case 'int':
      if (!/^[+-]?\d+$/.test(raw))
        return {
          ok: false,
          error: `invalid argument "${raw}" for "${label(spec)}" flag: strconv.ParseInt: parsing "${raw}": invalid syntax`,
        };
      return { ok: true, value: Number(raw) };
    case 'duration': {
      // Go's time.ParseDuration: a bare 0 is fine, any other number needs a unit.
      if (raw === '0') return { ok: true, value: 0 };
      const prefix = `invalid argument "${raw}" for "${label(spec)}" flag: time:`;
      if (/^[+-]?\d+(\.\d+)?$/.test(raw))
        return { ok: false, error: `${prefix} missing unit in duration "${raw}"` };
      // Go's durations take a sign (`--timeout=-1s` is a valid, negative duration).
      const sign = raw.startsWith('-') ? -1 : 1;
      const ms = parseDuration(raw.replace(/^[+-]/, ''));
      if (ms === undefined) return { ok: false, error: `${prefix} invalid duration "${raw}"` };
      return { ok: true, value: sign * ms };
    }
    case 'string':
    case 'stringArray':
      return { ok: true, value: raw };
    default: {
      const never: never = spec.type;
      throw new Error(`unknown flag type ${String(never)}`);
    }
  }
}

export function parseFlags(argv: readonly string[], specs: readonly FlagSpec[]): FlagResult {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short as string, s]));
  const values = new Map<string, FlagValue>();
  const given: string[] = [];
  const args: string[] = [];
  let argsLenAtDash = -1;
  const set = (spec: FlagSpec, raw: string): string | undefined => {
    const r = convert(spec, raw);
    if (!r.ok) return r.error;
    if (spec.type === 'stringArray') {
      const prev = (values.get(spec.name) as string[] | undefined) ?? [];
      values.set(spec.name, [...prev, r.value as string]);
    } else values.set(spec.name, r.value);
    given.push(spec.name);
    return undefined;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--') {
      argsLenAtDash = args.length;
      args.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const spec = byName.get(name);
      if (!spec) return { ok: false, error: `unknown flag: --${name}` };
      let raw: string;
      if (eq >= 0) raw = a.slice(eq + 1);
      else if (spec.type === 'bool') raw = 'true';
      else if (spec.noOptDefVal !== undefined) raw = spec.noOptDefVal;
      else if (i + 1 < argv.length) raw = argv[++i] as string;
      else return { ok: false, error: `flag needs an argument: --${name}` };
      const e = set(spec, raw);
      if (e) return { ok: false, error: e };
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      const shorts = a.slice(1);
      for (let j = 0; j < shorts.length; j++) {
        const c = shorts[j] as string;
        const spec = byShort.get(c);
        if (!spec) return { ok: false, error: `unknown shorthand flag: '${c}' in ${a}` };
        if (spec.type === 'bool') {
          if (shorts[j + 1] === '=') {
            const e = set(spec, shorts.slice(j + 2));
            if (e) return { ok: false, error: e };
            break;
          }
          const e = set(spec, 'true');
          if (e) return { ok: false, error: e };
          continue;
        }
        let raw = shorts.slice(j + 1);
        if (raw.startsWith('=')) raw = raw.slice(1);
        else if (raw === '' && spec.noOptDefVal !== undefined) raw = spec.noOptDefVal;
        else if (raw === '') {
          if (i + 1 >= argv.length)
            return { ok: false, error: `flag needs an argument: '${c}' in ${a}` };
          raw = argv[++i] as string;
        }
        const e = set(spec, raw);
        if (e) return { ok: false, error: e };
        break;
      }
      continue;
    }
    args.push(a);
  }
  return { ok: true, parsed: { values, args, given, argsLenAtDash } };
}

/** Typed access to parsed flags with defaults. */
export class Flags {
  constructor(private readonly parsed: ParsedFlags) {}
  get args(): string[] {
    return this.parsed.args;
  }
  get argsLenAtDash(): number {
    return this.parsed.argsLenAtDash;
  }
  /** Flags given explicitly, in the order they were typed. */
  get given(): readonly string[] {
    return this.parsed.given;
  }
  has(name: string): boolean {
    return this.parsed.values.has(name);
  }
  str(name: string, fallback = ''): string {
    const v = this.parsed.values.get(name);
    return typeof v === 'string' ? v : fallback;
  }
  int(name: string, fallback: number): number {
    const v = this.parsed.values.get(name);
    return typeof v === 'number' ? v : fallback;
  }
  bool(name: string, fallback = false): boolean {
    const v = this.parsed.values.get(name);
    return typeof v === 'boolean' ? v : fallback;
  }
  list(name: string): string[] {
    const v = this.parsed.values.get(name);
    return Array.isArray(v) ? v : [];
  }
}
