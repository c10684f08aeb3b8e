// `-f` sources: k8s.io/cli-runtime/pkg/resource/builder.go and visitor.go (paths, directories
// with .json/.yaml/.yml, STDIN, `error parsing`), k8s.io/apimachinery/pkg/util/yaml (document
// splitting), and the validation message of kubectl's schema validator, recorded from kubectl
// v1.32 (`error validating data: [apiVersion not set, kind not set]`).
import { describe, expect, it } from 'vitest';
import type { Files } from '../../engine/fs/files';
import { FsTx } from '../../engine/fs/files';
import { createWorld, reader } from '../../engine/world';
import { readManifests, yamlDocuments } from './manifests';

const world = createWorld({ seed: 1 });

function filesWith(entries: Record<string, string>): Files {
  const tx = new FsTx(world.files, world.now);
  for (const [path, text] of Object.entries(entries)) {
    tx.mkdir(path.slice(0, path.lastIndexOf('/')), { parents: true });
    tx.writeFile(path, text);
  }
  return tx.result();
}

const svc = (name: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n`;

function read(files: Files, names: string[], opts = {}, stdin = '') {
  return readManifests({ files, cwd: '/w', stdin, reader: reader(world) }, names, opts);
}

describe('readManifests', () => {
  it('reads multi-document files, Lists, JSON and stdin', () => {
    const files = filesWith({
      '/w/a.yaml': `${svc('a')}---\n${svc('b')}\n---\n`,
      '/w/list.json': JSON.stringify({
        apiVersion: 'v1',
        kind: 'List',
        items: [{ apiVersion: 'v1', kind: 'Service', metadata: { name: 'c' } }],
      }),
    });
    const r = read(files, ['a.yaml', 'list.json', '-'], {}, svc('d'));
    expect(r.ok && r.manifests.map((m) => `${m.source}:${m.kind}/${m.name}`)).toEqual([
      'a.yaml:Service/a',
      'a.yaml:Service/b',
      'list.json:Service/c',
      'STDIN:Service/d',
    ]);
  });

  it('walks directories, recursing only with -R, skipping other extensions', () => {
    const files = filesWith({
      '/w/d/1.yaml': svc('one'),
      '/w/d/notes.txt': 'x: y',
      '/w/d/sub/2.yml': svc('two'),
    });
    const names = (opts: object) => {
      const r = read(files, ['d/'], opts);
      return r.ok ? r.manifests.map((m) => m.source) : r.message;
    };
    expect(names({})).toEqual(['d/1.yaml']);
    expect(names({ recursive: true })).toEqual(['d/1.yaml', 'd/sub/2.yml']);
  });

  it('words errors as kubectl does', () => {
    const files = filesWith({
      '/w/bad.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a: b\n',
      '/w/tab.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: a\n',
      '/w/noapi.yaml': 'kind: ConfigMap\nmetadata:\n  name: a\n',
      '/w/second.yaml': `${svc('ok')}---\n${svc('x')} x: y\n`,
    });
    expect(read(files, ['missing.yaml'])).toEqual({
      ok: false,
      message: 'error: the path "missing.yaml" does not exist\n',
    });
    const errorsOf = (name: string, opts = {}) => {
      const r = read(files, [name], opts);
      return r.ok ? r.errors : [r.message];
    };
    expect(errorsOf('bad.yaml')).toEqual([
      'error parsing bad.yaml: error converting YAML to JSON: yaml: line 4: mapping values are not allowed in this context',
    ]);
    expect(errorsOf('tab.yaml')).toEqual([
      'error parsing tab.yaml: error converting YAML to JSON: yaml: line 4: found character that cannot start any token',
    ]);
    expect(errorsOf('noapi.yaml')).toEqual([
      'error validating "noapi.yaml": error validating data: apiVersion not set; if you choose to ignore these errors, turn validation off with --validate=false',
    ]);
    // Documents before a broken one still count; the line is counted within the document.
    const second = read(files, ['second.yaml']);
    expect(second.ok && second.manifests.map((m) => m.name)).toEqual(['ok']);
    expect(second.ok && second.errors).toEqual([
      'error parsing second.yaml: error converting YAML to JSON: yaml: line 4: did not find expected key',
    ]);
  });
});

describe('yamlDocuments', () => {
  it('reads YAML 1.1 as go-yaml does', () => {
    expect([...yamlDocuments('a: yes\nb: 010\nc: 2024-01-01\n---\n# only a comment\n')]).toEqual([
      { value: { a: true, b: 8, c: '2024-01-01' } },
    ]);
  });
});
