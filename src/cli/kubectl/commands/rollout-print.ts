// How `set image` and the `rollout` commands print what they changed: kubectl's name printer
// with an operation (cli-runtime pkg/printers/name.go: `deployment.apps/my-app paused`), or the
// object in an -o format; and the pod template as `rollout history --revision` and
// `rollout undo --dry-run=client` show it (polymorphichelpers/history.go printTemplate).
import type { KubeObject, PodTemplateSpec } from '../../../engine/k8s/types';
import { describePodTemplate } from '../../printers/describe/containers';
import { PrefixWriter } from '../../printers/describe/writer';
import type { KubectlContext } from '../command';
import type { OutputFormat } from '../output';
import { nameOf, parseOutputFormat, printObjects } from '../output';
import type { KubectlError } from './rollout-builder';
import { plain } from './rollout-builder';

/** The -o formats these commands accept, in the order kubectl lists them in its error. */
export const OUTPUT_FORMATS =
  'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml';

/**
 * One printer for a whole command run, as kubectl builds one: YAML documents after the first
 * are preceded by `---`. A bad -o surfaces only when something is printed (kubectl builds the
 * printer at that point), so the error is collected, not returned early.
 */
export class ObjectPrinter {
  readonly errors: KubectlError[] = [];
  private count = 0;

  constructor(
    private readonly ctx: KubectlContext,
    private readonly output: OutputFormat,
    private readonly operation: string,
  ) {}

  print(obj: KubeObject): void {
    const format = this.output;
    if (format.kind === 'default') {
      this.ctx.out(`${nameOf(obj)}${this.operation ? ` ${this.operation}` : ''}\n`);
      return;
    }
    const printed = printObjects([obj], format, { single: true });
    if (!printed.ok) {
      this.errors.push(plain(printed.error));
      return;
    }
    if (format.kind === 'yaml' && this.count > 0) this.ctx.out('---\n');
    this.count += 1;
    this.ctx.out(printed.text);
  }
}

/** An ObjectPrinter for the raw -o value, or the error kubectl would give when it prints. */
export function printerFor(
  ctx: KubectlContext,
  operation: string,
): ObjectPrinter | { error: KubectlError } {
  const output = parseOutputFormat(ctx.flags.str('output'), OUTPUT_FORMATS);
  if (!output.ok) return { error: plain(output.error) };
  return new ObjectPrinter(ctx, output.format, operation);
}

const escape = (text: string) => text.replaceAll('\x1b', '^[').replaceAll('\r', '\\r');

/**
 * describe.NewPrefixWriter over a plain buffer: the same indentation and escaping as describe,
 * but no tab writer, so the tabs stay in the text as they do in kubectl's output.
 */
class PlainPrefixWriter extends PrefixWriter {
  text = '';
  override write(level: number, text: string): void {
    this.text += escape('  '.repeat(level) + text);
  }
  override writeLine(text: string): void {
    this.text += escape(`${text}\n`);
  }
  override flush(): void {}
  override render(): string {
    return this.text;
  }
}

/** DescribePodTemplate written through a plain prefix writer. */
export function printTemplate(template: PodTemplateSpec | undefined): string {
  const w = new PlainPrefixWriter();
  describePodTemplate(template, w);
  return w.render();
}
