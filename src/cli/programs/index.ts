// The programs the tutorial's shell can run.
import type { Program } from '../program';
import { kubectl } from '../kubectl/kubectl';
import { clear, echo, falseProgram, helpProgram, history, sleep, trueProgram } from './builtins';
import { curl } from './curl';
import { grep, head, tail, wc } from './text';

const programs: Program[] = [
  kubectl,
  curl,
  echo,
  sleep,
  clear,
  history,
  trueProgram,
  falseProgram,
  grep,
  head,
  tail,
  wc,
];
programs.push(helpProgram(() => programs));

export const registry: ReadonlyMap<string, Program> = new Map(programs.map((p) => [p.name, p]));
