import { describe, expect, it } from 'vitest';
import {
  FsTx,
  initialFiles,
  readDir,
  readFile,
  resolvePath,
  splitPath,
  statPath,
  walkFiles,
  type Files,
} from './files';

const T0 = 1_000;

function tree(): Files {
  const tx = new FsTx(initialFiles('/home/learner', T0), T0);
  tx.mkdir('/home/learner/my-app');
  tx.writeFile('/home/learner/my-app/deployment.yaml', 'kind: Deployment\n');
  tx.writeFile('/home/learner/my-app/service.yaml', 'kind: Service\n');
  return tx.result();
}

describe('paths', () => {
  it('resolves . and .. and repeated slashes as the kernel walks them', () => {
    expect(resolvePath('/home/learner', 'my-app/./x.yaml')).toBe('/home/learner/my-app/x.yaml');
    expect(resolvePath('/home/learner', '../../..//etc')).toBe('/etc');
    expect(resolvePath('/home/learner', '/tmp/')).toBe('/tmp');
    expect(resolvePath('/', '.')).toBe('/');
    expect(splitPath('/a/b')).toEqual(['/a', 'b']);
    expect(splitPath('/a')).toEqual(['/', 'a']);
  });
});

describe('files', () => {
  it('starts with a home directory and /tmp', () => {
    const files = initialFiles('/home/learner', T0);
    expect(readDir(files, '/')).toEqual({ ok: true, value: ['home', 'tmp'] });
    expect(statPath(files, '/home/learner')).toMatchObject({ type: 'dir', mode: 0o755 });
  });

  it('writes, appends and reads files, and lists directories sorted', () => {
    const files = tree();
    expect(readDir(files, '/home/learner/my-app')).toEqual({
      ok: true,
      value: ['deployment.yaml', 'service.yaml'],
    });
    const tx = new FsTx(files, T0 + 5);
    tx.writeFile('/home/learner/my-app/service.yaml', '---\n', { append: true });
    const after = tx.result();
    expect(readFile(after, '/home/learner/my-app/service.yaml')).toEqual({
      ok: true,
      value: 'kind: Service\n---\n',
    });
    expect(statPath(after, '/home/learner/my-app/service.yaml')).toMatchObject({
      mtime: T0 + 5,
      mode: 0o644,
    });
    // Copy-on-write: the tree before the write is untouched.
    expect(readFile(files, '/home/learner/my-app/service.yaml')).toEqual({
      ok: true,
      value: 'kind: Service\n',
    });
  });

  it('answers with the errno a program would get', () => {
    const files = tree();
    expect(readFile(files, '/home/learner/nope')).toMatchObject({ ok: false, code: 'ENOENT' });
    expect(readFile(files, '/home/learner/my-app')).toMatchObject({ ok: false, code: 'EISDIR' });
    expect(readDir(files, '/home/learner/my-app/service.yaml')).toMatchObject({
      code: 'ENOTDIR',
    });
    expect(readFile(files, '/home/learner/my-app/service.yaml/x')).toMatchObject({
      code: 'ENOTDIR',
    });
    const tx = new FsTx(files, T0);
    expect(tx.writeFile('/home/learner/a/b.yaml', '')).toMatchObject({ code: 'ENOENT' });
    expect(tx.mkdir('/home/learner/my-app')).toMatchObject({ code: 'EEXIST' });
    expect(tx.mkdir('/home/learner/my-app', { parents: true })).toEqual({
      ok: true,
      value: undefined,
    });
    expect(tx.remove('/home/learner/my-app')).toMatchObject({ code: 'ENOTEMPTY' });
    expect(tx.remove('/')).toMatchObject({ code: 'EINVAL' });
    expect(tx.rename('/home/learner/my-app', '/home/learner/my-app/inside')).toMatchObject({
      code: 'EINVAL',
    });
    expect(tx.writeFile('/home/learner/my-app', 'x')).toMatchObject({ code: 'EISDIR' });
  });

  it('makes parents, removes trees, moves and copies', () => {
    const tx = new FsTx(tree(), T0 + 9);
    expect(tx.mkdir('/home/learner/envs/staging/app', { parents: true }).ok).toBe(true);
    expect(tx.copy('/home/learner/my-app', '/home/learner/envs/prod', { recursive: true }).ok).toBe(
      true,
    );
    expect(tx.copy('/home/learner/my-app', '/home/learner/x')).toMatchObject({ code: 'EISDIR' });
    expect(tx.rename('/home/learner/my-app/service.yaml', '/home/learner/svc.yaml').ok).toBe(true);
    expect(tx.touch('/home/learner/empty').ok).toBe(true);
    let files = tx.result();
    expect(walkFiles(files, '/home/learner')).toEqual([
      '/home/learner/empty',
      '/home/learner/envs/prod/deployment.yaml',
      '/home/learner/envs/prod/service.yaml',
      '/home/learner/my-app/deployment.yaml',
      '/home/learner/svc.yaml',
    ]);
    expect(statPath(files, '/home/learner/envs/prod/service.yaml')?.mtime).toBe(T0 + 9);
    const rm = new FsTx(files, T0 + 10);
    expect(rm.remove('/home/learner/envs', { recursive: true }).ok).toBe(true);
    files = rm.result();
    expect(statPath(files, '/home/learner/envs')).toBeUndefined();
    expect(readDir(files, '/home/learner/envs/prod')).toMatchObject({ code: 'ENOENT' });
    expect(walkFiles(files, '/home/learner')).toHaveLength(3);
  });

  it('moves a directory with everything in it', () => {
    const tx = new FsTx(tree(), T0);
    expect(tx.rename('/home/learner/my-app', '/tmp/app').ok).toBe(true);
    const files = tx.result();
    expect(walkFiles(files, '/')).toEqual(['/tmp/app/deployment.yaml', '/tmp/app/service.yaml']);
    expect(readDir(files, '/home/learner')).toEqual({ ok: true, value: [] });
  });
});
