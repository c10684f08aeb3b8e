// Help layout: spf13/cobra 1.7 default help template (command.go); texts from argo-cd v2.11
// docs/user-guide/commands/*.md. Fatal lines: sirupsen/logrus text_formatter.go (printColored),
// exit codes: argo-cd util/errors/errors.go.
import { describe, expect, it } from 'vitest';
import { fatalLine, flagSpecs, helpText, unknownCommand } from './cobra';

describe('argocd help texts', () => {
  it('lays out a leaf command as cobra does', () => {
    const text = helpText('argocd app history');
    expect(text).toBe(
      'Show application deployment history\n\n' +
        'Usage:\n  argocd app history APPNAME [flags]\n\n' +
        'Flags:\n' +
        '  -N, --app-namespace string   Only show application deployment history in namespace\n' +
        '  -h, --help                   help for history\n' +
        '  -o, --output string          Output format. One of: wide|id (default "wide")\n\n' +
        'Global Flags:\n' +
        '      --auth-token string               Authentication token\n' +
        text.slice(text.indexOf('      --client-crt string')),
    );
    expect(text.endsWith('(default "argocd-server")\n')).toBe(true);
  });

  it('lists the root commands padded to the longest name, with help', () => {
    const text = helpText('argocd');
    expect(
      text.startsWith(
        'argocd controls a Argo CD server\n\nUsage:\n  argocd [flags]\n  argocd [command]\n\nAvailable Commands:\n  account    Manage account settings\n',
      ),
    ).toBe(true);
    expect(text).toContain('\n  help       Help about any command\n');
    expect(text).toContain(
      '--config string                   Path to Argo CD config (default "/home/learner/.config/argocd/config")',
    );
    expect(
      text.endsWith('\nUse "argocd [command] --help" for more information about a command.\n'),
    ).toBe(true);
  });

  it('uses the long description where there is one', () => {
    expect(helpText('argocd app diff').split('\n\nUsage:')[0]).toBe(
      "Perform a diff against the target and live state.\nUses 'diff' to render the difference. KUBECTL_EXTERNAL_DIFF environment variable can be used to select your own diff tool.\nReturns the following exit codes: 2 on general errors, 1 when a diff is found, and 0 when no diff is found\nKubernetes Secrets are ignored from this diff.",
    );
  });

  it('reads every flag of a command from its help', () => {
    const names = flagSpecs('argocd app create').map((f) => `${f.short ?? ''}/${f.name}/${f.type}`);
    expect(names).toContain('f/file/string');
    expect(names).toContain('/sync-option/stringArray');
    expect(names).toContain('/upsert/bool');
    expect(names).toContain('/revision-history-limit/int');
    expect(names).toContain('/core/bool');
    expect(names).toContain('H/header/stringArray');
  });
});

describe('argocd errors', () => {
  it('prints a fatal log line as logrus does on a terminal', () => {
    expect(fatalLine('rpc error: code = PermissionDenied desc = permission denied', 0)).toBe(
      '\x1b[31mFATA\x1b[0m[0000] rpc error: code = PermissionDenied desc = permission denied \n',
    );
    expect(fatalLine('EOF', 65.4)).toBe(`\x1b[31mFATA\x1b[0m[0065] EOF${' '.repeat(41)} \n`);
    expect(fatalLine("Application 'x' does not have deployment id '5' in history\n", 0)).toBe(
      "\x1b[31mFATA\x1b[0m[0000] Application 'x' does not have deployment id '5' in history \n",
    );
  });

  it('suggests commands close to a mistyped one', () => {
    expect(unknownCommand('ap', 'argocd')).toBe(
      'unknown command "ap" for "argocd"\n\nDid you mean this?\n\tapp\n\tappset\n\tgpg\n',
    );
    expect(unknownCommand('verison', 'argocd')).toBe(
      'unknown command "verison" for "argocd"\n\nDid you mean this?\n\tversion\n',
    );
    expect(unknownCommand('kubectl', 'argocd')).toBe('unknown command "kubectl" for "argocd"');
  });
});
