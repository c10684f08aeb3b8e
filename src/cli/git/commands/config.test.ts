// git config, step by step against the same steps recorded from real git 2.39.5 (same identity,
// config and commit times, so even the SHAs match). Formats: git 2.39 builtin/config.c, config.c.
import { describe, expect, it } from 'vitest';
import { registry } from '../../programs';
import type { Step } from '../lib/transcript';
import { runTranscript } from '../lib/transcript';

describe('git config', () => {
  it('reads, writes, lists and unsets values', async () => {
    const steps: Step[] = [
      '~git init -q',
      'git config user.name',
      'git config --global user.name',
      'git config --get user.email',
      'git config foo.bar',
      'git config core.editor vim',
      'git config core.editor',
      'git config --global --list',
      'git config --unset core.editor',
      'git config --unset core.editor',
      'git config nodot',
      'git config --global push.autoSetupRemote true',
      'git config -l --global',
      'git config --global --unset push.autoSetupRemote',
      'cat ~/.gitconfig',
      "git config user.name 'Jane Doe'",
      'git config user.name',
      'git config remote.origin.url https://example.com/r.git',
      'git config remote.origin.url',
      'git config --local user.name',
      'git config --global user.name',
      'git config --global --list --show-origin',
      'git config --global alias.st status',
      "git config --global core.editor 'code --wait'",
      "git config --global user.name 'New Name'",
      'git config --global url."https://example.com/".insteadOf gh:',
      'cat ~/.gitconfig',
      'git config --global core.editor',
      'git config --global --list',
    ];
    const expected = [
      { cmd: 'git init -q', exitCode: 0 },
      { cmd: 'git config user.name', stdout: 'Learner\n', stderr: '', exitCode: 0 },
      { cmd: 'git config --global user.name', stdout: 'Learner\n', stderr: '', exitCode: 0 },
      {
        cmd: 'git config --get user.email',
        stdout: 'learner@example.com\n',
        stderr: '',
        exitCode: 0,
      },
      { cmd: 'git config foo.bar', stdout: '', stderr: '', exitCode: 1 },
      { cmd: 'git config core.editor vim', stdout: '', stderr: '', exitCode: 0 },
      { cmd: 'git config core.editor', stdout: 'vim\n', stderr: '', exitCode: 0 },
      {
        cmd: 'git config --global --list',
        stdout: 'user.name=Learner\nuser.email=learner@example.com\ninit.defaultbranch=main\n',
        stderr: '',
        exitCode: 0,
      },
      { cmd: 'git config --unset core.editor', stdout: '', stderr: '', exitCode: 0 },
      { cmd: 'git config --unset core.editor', stdout: '', stderr: '', exitCode: 5 },
      {
        cmd: 'git config nodot',
        stdout: '',
        stderr: 'error: key does not contain a section: nodot\n',
        exitCode: 1,
      },
      { cmd: 'git config --global push.autoSetupRemote true', stdout: '', stderr: '', exitCode: 0 },
      {
        cmd: 'git config -l --global',
        stdout:
          'user.name=Learner\nuser.email=learner@example.com\ninit.defaultbranch=main\npush.autosetupremote=true\n',
        stderr: '',
        exitCode: 0,
      },
      {
        cmd: 'git config --global --unset push.autoSetupRemote',
        stdout: '',
        stderr: '',
        exitCode: 0,
      },
      {
        cmd: 'cat ~/.gitconfig',
        stdout:
          '[user]\n\tname = Learner\n\temail = learner@example.com\n[init]\n\tdefaultBranch = main\n',
        stderr: '',
        exitCode: 0,
      },
      { cmd: "git config user.name 'Jane Doe'", stdout: '', stderr: '', exitCode: 0 },
      { cmd: 'git config user.name', stdout: 'Jane Doe\n', stderr: '', exitCode: 0 },
      {
        cmd: 'git config remote.origin.url https://example.com/r.git',
        stdout: '',
        stderr: '',
        exitCode: 0,
      },
      {
        cmd: 'git config remote.origin.url',
        stdout: 'https://example.com/r.git\n',
        stderr: '',
        exitCode: 0,
      },
      { cmd: 'git config --local user.name', stdout: 'Jane Doe\n', stderr: '', exitCode: 0 },
      { cmd: 'git config --global user.name', stdout: 'Learner\n', stderr: '', exitCode: 0 },
      {
        cmd: 'git config --global --list --show-origin',
        stdout:
          'file:/home/learner/.gitconfig\tuser.name=Learner\nfile:/home/learner/.gitconfig\tuser.email=learner@example.com\nfile:/home/learner/.gitconfig\tinit.defaultbranch=main\n',
        stderr: '',
        exitCode: 0,
      },
      { cmd: 'git config --global alias.st status', stdout: '', stderr: '', exitCode: 0 },
      { cmd: "git config --global core.editor 'code --wait'", stdout: '', stderr: '', exitCode: 0 },
      { cmd: "git config --global user.name 'New Name'", stdout: '', stderr: '', exitCode: 0 },
      {
        cmd: 'git config --global url."https://example.com/".insteadOf gh:',
        stdout: '',
        stderr: '',
        exitCode: 0,
      },
      {
        cmd: 'cat ~/.gitconfig',
        stdout:
          '[user]\n\tname = New Name\n\temail = learner@example.com\n[init]\n\tdefaultBranch = main\n[alias]\n\tst = status\n[core]\n\teditor = code --wait\n[url "https://example.com/"]\n\tinsteadOf = gh:\n',
        stderr: '',
        exitCode: 0,
      },
      { cmd: 'git config --global core.editor', stdout: 'code --wait\n', stderr: '', exitCode: 0 },
      {
        cmd: 'git config --global --list',
        stdout:
          'user.name=New Name\nuser.email=learner@example.com\ninit.defaultbranch=main\nalias.st=status\ncore.editor=code --wait\nurl.https://example.com/.insteadof=gh:\n',
        stderr: '',
        exitCode: 0,
      },
    ];
    expect(await runTranscript(steps, registry)).toEqual(expected);
  });

  it('outside a repository', async () => {
    const steps: Step[] = [
      'cd / && git config user.name',
      'cd / && git config user.name x',
      'cd / && git config --local user.name',
    ];
    const expected = [
      { cmd: 'cd / && git config user.name', stdout: 'Learner\n', stderr: '', exitCode: 0 },
      {
        cmd: 'cd / && git config user.name x',
        stdout: '',
        stderr: 'fatal: not in a git directory\n',
        exitCode: 128,
      },
      {
        cmd: 'cd / && git config --local user.name',
        stdout: '',
        stderr: 'fatal: --local can only be used inside a git repository\n',
        exitCode: 128,
      },
    ];
    expect(await runTranscript(steps, registry)).toEqual(expected);
  });
});
