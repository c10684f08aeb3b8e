// Outputs and messages checked against GNU coreutils 9.4, GNU sed 4.9 and bash 5.2 in a scratch
// directory (ls writing to a pipe: one name per line).
import { describe, expect, it } from 'vitest';
import { createSession, runHeadless } from '../shell/shell';
import type { Session } from '../program';
import { registry } from '.';

const run = (s: Session, line: string) => runHeadless(s, line, registry);

function fresh(): Session {
  const s = createSession();
  s.env.PWD ??= '/home/learner';
  return s;
}

describe('pwd and cd', () => {
  it('moves around and back with cd -', () => {
    const s = fresh();
    expect(run(s, 'mkdir -p a/b && cd a/b && pwd').stdout).toBe('/home/learner/a/b\n');
    expect(run(s, 'cd -')).toMatchObject({ stdout: '/home/learner\n', exitCode: 0 });
    expect(run(s, 'cd /tmp && cd && pwd').stdout).toBe('/home/learner\n');
    expect(s.env.OLDPWD).toBe('/tmp');
  });

  it('says why it cannot', () => {
    const s = fresh();
    run(s, 'touch f');
    expect(run(s, 'cd nope')).toMatchObject({
      stderr: 'bash: cd: nope: No such file or directory\n',
      exitCode: 1,
    });
    expect(run(s, 'cd f').stderr).toBe('bash: cd: f: Not a directory\n');
    expect(run(s, 'cd a b').stderr).toBe('bash: cd: too many arguments\n');
    expect(run(s, 'cd -').stderr).toBe('bash: cd: OLDPWD not set\n');
    expect(run(s, 'pwd').stdout).toBe('/home/learner\n');
  });
});

describe('ls', () => {
  it('lists names one per line, files before directories', () => {
    const s = fresh();
    run(s, 'mkdir -p a/b d && touch f a/f .hidden');
    expect(run(s, 'ls').stdout).toBe('a\nd\nf\n');
    expect(run(s, 'ls -a d').stdout).toBe('.\n..\n');
    expect(run(s, 'ls f nope d a')).toMatchObject({
      stdout: 'f\n\na:\nb\nf\n\nd:\n',
      stderr: "ls: cannot access 'nope': No such file or directory\n",
      exitCode: 2,
    });
    expect(run(s, 'ls -R a').stdout).toBe('a:\nb\nf\n\na/b:\n');
    expect(run(s, 'ls f/x').stderr).toBe("ls: cannot access 'f/x': Not a directory\n");
    expect(run(s, 'ls -z').stderr).toBe(
      "ls: invalid option -- 'z'\nTry 'ls --help' for more information.\n",
    );
  });

  it('shows the long format with the simulated clock', () => {
    const s = fresh();
    const r = run(s, 'mkdir -p a/b && echo hello > a/f && ls -l a');
    const d = new Date(s.world.now);
    const when = `${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
    expect(r.stdout).toBe(
      `total 8\ndrwxr-xr-x 2 learner learner 4096 ${when} b\n-rw-r--r-- 1 learner learner    6 ${when} f\n`,
    );
    const la = run(s, 'ls -la a').stdout.split('\n');
    expect(la.slice(0, 2)).toEqual(['total 16', `drwxr-xr-x 3 learner learner 4096 ${when} .`]);
    expect(la[2]).toMatch(
      /^drwxr-xr-x 3 learner learner 4096 \w{3} [ \d]\d ( \d{4}|\d\d:\d\d) \.\.$/,
    );
  });
});

describe('mkdir, rm, rmdir, touch', () => {
  it('words errors as coreutils does', () => {
    const s = fresh();
    run(s, 'mkdir d && touch f');
    expect(run(s, 'mkdir d')).toMatchObject({
      stderr: 'mkdir: cannot create directory ‘d’: File exists\n',
      exitCode: 1,
    });
    expect(run(s, 'mkdir f/x').stderr).toBe(
      'mkdir: cannot create directory ‘f/x’: Not a directory\n',
    );
    expect(run(s, 'mkdir -p f/x').stderr).toBe(
      'mkdir: cannot create directory ‘f’: Not a directory\n',
    );
    expect(run(s, 'mkdir nope/x').stderr).toBe(
      'mkdir: cannot create directory ‘nope/x’: No such file or directory\n',
    );
    expect(run(s, 'mkdir').stderr).toBe(
      "mkdir: missing operand\nTry 'mkdir --help' for more information.\n",
    );
    expect(run(s, 'rm nope d')).toMatchObject({
      stderr:
        "rm: cannot remove 'nope': No such file or directory\nrm: cannot remove 'd': Is a directory\n",
      exitCode: 1,
    });
    expect(run(s, 'rm -f nope f/x')).toMatchObject({ stderr: '', exitCode: 0 });
    expect(run(s, 'touch nope/x').stderr).toBe(
      "touch: cannot touch 'nope/x': No such file or directory\n",
    );
    run(s, 'mkdir -p a/b');
    expect(run(s, 'rmdir a').stderr).toBe("rmdir: failed to remove 'a': Directory not empty\n");
    expect(run(s, 'rm -r a d f && ls')).toMatchObject({ stdout: '', exitCode: 0 });
  });
});

describe('cat, cp, mv', () => {
  it('copies, moves and reads', () => {
    const s = fresh();
    run(s, 'mkdir d && echo hi > f');
    expect(run(s, 'cat nope d f')).toMatchObject({
      stdout: 'hi\n',
      stderr: 'cat: nope: No such file or directory\ncat: d: Is a directory\n',
      exitCode: 1,
    });
    expect(run(s, 'echo in | cat - f').stdout).toBe('in\nhi\n');
    expect(run(s, 'cp d e').stderr).toBe("cp: -r not specified; omitting directory 'd'\n");
    expect(run(s, 'cp f d && cp -r d e && cat e/f').stdout).toBe('hi\n');
    expect(run(s, 'cp f f').stderr).toBe("cp: 'f' and 'f' are the same file\n");
    expect(run(s, 'cp f a b').stderr).toBe("cp: target 'b': No such file or directory\n");
    expect(run(s, 'cp nope x').stderr).toBe("cp: cannot stat 'nope': No such file or directory\n");
    expect(run(s, 'mv f g && mv g e && ls e').stdout).toBe('f\ng\n');
    expect(run(s, 'mv d f').stdout).toBe('');
    expect(run(s, 'mv e e/x').stderr).toBe(
      "mv: cannot move 'e' to a subdirectory of itself, 'e/x'\n",
    );
    expect(run(s, 'mv').stderr).toBe(
      "mv: missing file operand\nTry 'mv --help' for more information.\n",
    );
  });
});

describe('sed', () => {
  it('substitutes with BRE and ERE', () => {
    const s = fresh();
    expect(run(s, "echo 'image: nginx:1.25' | sed 's/nginx:[0-9.]*/nginx:1.27/'").stdout).toBe(
      'image: nginx:1.27\n',
    );
    expect(run(s, "echo hi | sed 's/\\(h\\)\\(i\\)/\\2\\1/'").stdout).toBe('ih\n');
    expect(run(s, "echo aaa | sed 's/a\\{2\\}/X/'").stdout).toBe('Xa\n');
    expect(run(s, "echo 'a{2}' | sed 's/a{2}/S/'").stdout).toBe('S\n');
    expect(run(s, "echo img:1.2 | sed -E 's/(img:)[0-9.]+/\\1v2/'").stdout).toBe('img:v2\n');
    expect(run(s, "echo hi | sed 's|h|/|;s/i/&&/g'").stdout).toBe('/ii\n');
    expect(run(s, "echo y | sed -n '/y/s/y/Y/p'").stdout).toBe('Y\n');
    expect(run(s, "echo x | sed -n '/y/s/x/Y/p'").stdout).toBe('');
  });

  it('edits in place and reports errors', () => {
    const s = fresh();
    run(s, "mkdir d && echo 'tag: v1' > f");
    expect(run(s, "sed -i 's/v1/v2/' f && cat f").stdout).toBe('tag: v2\n');
    expect(run(s, "sed 's/a/b' f")).toMatchObject({
      stderr: "sed: -e expression #1, char 5: unterminated `s' command\n",
      exitCode: 1,
    });
    expect(run(s, "sed 's/a/b/x' f").stderr).toBe(
      "sed: -e expression #1, char 7: unknown option to `s'\n",
    );
    expect(run(s, "sed -e 's/x/y/' -e 's/a' f").stderr).toBe(
      "sed: -e expression #2, char 3: unterminated `s' command\n",
    );
    expect(run(s, "sed 's/\\(a/b/' f").stderr).toBe(
      'sed: -e expression #1, char 8: Unmatched ( or \\(\n',
    );
    expect(run(s, "sed 's/a/\\1/' f").stderr).toBe(
      "sed: -e expression #1, char 7: invalid reference \\1 on `s' command's RHS\n",
    );
    expect(run(s, "sed 's/t/T/' nope f")).toMatchObject({
      stdout: 'Tag: v2\n',
      stderr: "sed: can't read nope: No such file or directory\n",
      exitCode: 2,
    });
    expect(run(s, "sed 's/a/b/' d")).toMatchObject({
      stderr: 'sed: read error on d: Is a directory\n',
      exitCode: 4,
    });
    expect(run(s, "sed -i 's/a/b/'")).toMatchObject({
      stderr: 'sed: no input files\n',
      exitCode: 4,
    });
  });
});
