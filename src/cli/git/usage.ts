// git's top-level usage text and its "most similar command" suggestions (git 2.39: git.c,
// help.c help_unknown_cmd).

export const USAGE = `usage: git [-v | --version] [-h | --help] [-C <path>] [-c <name>=<value>]
           [--exec-path[=<path>]] [--html-path] [--man-path] [--info-path]
           [-p | --paginate | -P | --no-pager] [--no-replace-objects] [--bare]
           [--git-dir=<path>] [--work-tree=<path>] [--namespace=<name>]
           [--super-prefix=<path>] [--config-env=<name>=<envvar>]
           <command> [<args>]

These are common Git commands used in various situations:

start a working area (see also: git help tutorial)
   clone     Clone a repository into a new directory
   init      Create an empty Git repository or reinitialize an existing one

work on the current change (see also: git help everyday)
   add       Add file contents to the index
   mv        Move or rename a file, a directory, or a symlink
   restore   Restore working tree files
   rm        Remove files from the working tree and from the index

examine the history and state (see also: git help revisions)
   bisect    Use binary search to find the commit that introduced a bug
   diff      Show changes between commits, commit and working tree, etc
   grep      Print lines matching a pattern
   log       Show commit logs
   show      Show various types of objects
   status    Show the working tree status

grow, mark and tweak your common history
   branch    List, create, or delete branches
   commit    Record changes to the repository
   merge     Join two or more development histories together
   rebase    Reapply commits on top of another base tip
   reset     Reset current HEAD to the specified state
   switch    Switch branches
   tag       Create, list, delete or verify a tag object signed with GPG

collaborate (see also: git help workflows)
   fetch     Download objects and refs from another repository
   pull      Fetch from and integrate with another repository or a local branch
   push      Update remote refs along with associated objects

'git help -a' and 'git help -g' list available subcommands and some
concept guides. See 'git help <command>' or 'git help <concept>'
to read about a specific subcommand or concept.
See 'git help git' for an overview of the system.
`;

/** Damerau–Levenshtein distance with git's weights (help.c: swap 0, substitution 2, insertion 1, deletion 3). */
function levenshtein(a: string, b: string): number {
  const w = 0,
    s = 2,
    add = 1,
    del = 3;
  let row2 = Array.from({ length: b.length + 1 }, (_, j) => j * add);
  let row0: number[] = [];
  let row1 = row2.slice();
  for (let i = 0; i < a.length; i++) {
    row2 = [(i + 1) * del];
    for (let j = 0; j < b.length; j++) {
      let v = (row1[j] as number) + (a[i] !== b[j] ? s : 0);
      if (
        i > 0 &&
        j > 0 &&
        a[i - 1] === b[j] &&
        a[i] === b[j - 1] &&
        v > (row0[j - 1] as number) + w
      )
        v = (row0[j - 1] as number) + w;
      v = Math.min(v, (row1[j + 1] as number) + del, (row2[j] as number) + add);
      row2[j + 1] = v;
    }
    row0 = row1;
    row1 = row2;
  }
  return row1[b.length] as number;
}

/** The commands git would suggest for a mistyped one (similarity threshold 7, as help.c). */
export function similarCommands(typed: string, known: readonly string[]): string[] {
  const scored = known.map((name) => ({
    name,
    d: name.startsWith(typed) ? 0 : levenshtein(typed, name) + 1,
  }));
  const best = Math.min(...scored.map((x) => x.d));
  if (best >= 7) return [];
  return scored.filter((x) => x.d === best).map((x) => x.name);
}
