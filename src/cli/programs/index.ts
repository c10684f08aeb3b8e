// The programs the tutorial's shell can run.
import type { Program } from '../program';
import { argocd } from '../argocd/argocd';
import { completeGit, completeKubectl } from '../complete';
import { gitProgram } from '../git/git';
import { kubectl as kubectlProgram } from '../kubectl/kubectl';
import { clear, echo, falseProgram, helpProgram, history, sleep, trueProgram } from './builtins';
import { cp, mv } from './copy';
import { date } from './date';
import { curl } from './curl';
import { cat, cd, ls, mkdir, pwd, rm, rmdir, touch } from './files';
import { bashProgram, shProgram } from './script';
import { printf } from './printf';
import { sed } from './sed';
import { grep, head, tail, wc } from './text';
import { watchProgram } from './watch';

const kubectl: Program = { ...kubectlProgram, complete: completeKubectl };
const git: Program = { ...gitProgram, complete: completeGit };

const programs: Program[] = [
  kubectl,
  curl,
  echo,
  printf,
  sleep,
  clear,
  history,
  trueProgram,
  falseProgram,
  grep,
  head,
  tail,
  wc,
  pwd,
  cd,
  cat,
  ls,
  mkdir,
  rmdir,
  rm,
  touch,
  cp,
  mv,
  sed,
  date,
  argocd,
  git,
];
programs.push(helpProgram(() => programs));
programs.push(watchProgram(() => registry));
programs.push(
  bashProgram(() => registry),
  shProgram(() => registry),
);

export const registry: ReadonlyMap<string, Program> = new Map(programs.map((p) => [p.name, p]));
