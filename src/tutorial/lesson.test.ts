// The lesson format: front matter, steps of three kinds, checks with their expectations, and
// errors an author can find by their line.
import { describe, expect, it } from 'vitest';
import { parseLesson } from './lesson';

const FENCE = '```';

const LESSON = `---
id: first-deployment
title: Your first Deployment
mode: imperative
seed: 3
setup: |
  kubectl create namespace shop
  # a comment is not a command
files:
  notes.txt: |
    remember the tag
teammates:
  - at: 60
    user: alex
    name: Alex Rivera
    email: alex@example.com
    command: kubectl scale deployment web --replicas=5
---
Welcome.

## Step: Create it

Type this:

${FENCE}bash
kubectl create deployment web --image=nginx:1.27.0
${FENCE}

${FENCE}check
kubectl get deployment web
${FENCE}

${FENCE}check matches /1\\/1/
kubectl get deployment web
${FENCE}

${FENCE}check contains "nginx:1.27.0"
kubectl get deployment web -o wide
${FENCE}

${FENCE}hint
Use kubectl create deployment.
${FENCE}

${FENCE}solution
kubectl create deployment web --image=nginx:1.27.0
${FENCE}

## Reading: Where did it go?

The cluster keeps no author.

## Question: Who scaled it?

${FENCE}answer
/nobody|can't|cannot/i
${FENCE}
`;

describe('parseLesson', () => {
  it('reads the front matter and the three kinds of step', () => {
    const r = parseLesson(LESSON);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const { lesson } = r;
    expect(lesson).toMatchObject({
      id: 'first-deployment',
      mode: 'imperative',
      seed: 3,
      setup: ['kubectl create namespace shop'],
      files: { 'notes.txt': 'remember the tag\n' },
      teammates: [{ at: 60, user: 'alex', name: 'Alex Rivera' }],
      intro: 'Welcome.',
    });
    const [task, reading, question] = lesson.steps;
    expect(task).toMatchObject({
      kind: 'task',
      title: 'Create it',
      hints: ['Use kubectl create deployment.'],
      solution: ['kubectl create deployment web --image=nginx:1.27.0'],
    });
    expect(task?.text).toContain('kubectl create deployment web --image=nginx:1.27.0');
    expect(task?.text).not.toContain('check');
    expect(task?.checks.map((c) => c.expect.kind)).toEqual(['exit', 'matches', 'contains']);
    const matches = task?.checks[1]?.expect;
    expect(matches?.kind === 'matches' && matches.pattern.test('web   1/1')).toBe(true);
    expect(reading).toMatchObject({ kind: 'reading', text: 'The cluster keeps no author.' });
    expect(question?.answer?.test("You can't tell")).toBe(true);
  });

  it('points at the line of each mistake', () => {
    const broken = `---
id: Bad Id
title: x
mode: lecture
---
## Step: no checks
${FENCE}check sometimes
kubectl get pods
${FENCE}
## Question: unanswered
${FENCE}hint
think
${FENCE}
`;
    const r = parseLesson(broken);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      { line: 1, message: 'front matter: id "Bad Id" must be lower-case letters, digits and -' },
      {
        line: 1,
        message: 'front matter: mode must be one of imperative, declarative, gitops, sandbox',
      },
      { line: 6, message: 'step "no checks" has no check' },
      { line: 6, message: 'step "no checks" has no solution' },
      {
        line: 7,
        message: 'unknown check option "sometimes" (use contains "…", equals "…" or matches /…/)',
      },
      { line: 10, message: 'question "unanswered" has no answer or choice block' },
    ]);
  });

  it('needs front matter and closed code blocks', () => {
    expect(parseLesson('# no front matter')).toMatchObject({
      ok: false,
      errors: expect.arrayContaining([
        { line: 1, message: 'a lesson starts with a front-matter block between --- lines' },
      ]),
    });
    const open = `---\nid: a\ntitle: A\nmode: sandbox\n---\n${FENCE}bash\nls\n`;
    expect(parseLesson(open)).toEqual({
      ok: false,
      errors: [{ line: 6, message: 'this code block is never closed' }],
    });
  });
});

describe('parseLesson: examples, choices, set-up and contexts', () => {
  const text = `---
id: envs
title: Environments
mode: gitops
contexts: [staging, production]
teammates:
  - at: 5
    step: 2
    user: sam
    name: Sam Lee
    email: sam@example.com
    command: kubectl scale deployment web --replicas=4
---
${FENCE}console
$ kubectl config current-context
staging
${FENCE}

## Step: Expose

${FENCE}console after
$ kubectl expose deployment web \\
>   --port=80
service/web exposed
...
${FENCE}

${FENCE}check equals "LoadBalancer"
kubectl get service web -o jsonpath='{.spec.type}'
${FENCE}

${FENCE}solution
kubectl expose deployment web \\
  --type=LoadBalancer --port=80
cat > notes.txt <<END
done
END
${FENCE}

## Question: Which is it?

${FENCE}setup
lose-cluster
${FENCE}

${FENCE}choice
- [ ] The cluster remembers
- [x] Nothing records it
${FENCE}
`;

  it('reads them', () => {
    const r = parseLesson(text);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const { lesson } = r;
    expect(lesson.contexts).toEqual(['staging', 'production']);
    expect(lesson.teammates[0]).toMatchObject({ step: 2, at: 5, user: 'sam' });
    const [expose, question] = lesson.steps;
    // The introduction's example is checked before the first step.
    expect(expose?.examples).toEqual([
      {
        line: 14,
        when: 'before',
        commands: [{ command: 'kubectl config current-context', output: 'staging\n' }],
      },
      {
        line: 21,
        when: 'after',
        commands: [
          {
            command: 'kubectl expose deployment web \\\n  --port=80',
            output: 'service/web exposed\n...\n',
          },
        ],
      },
    ]);
    expect(expose?.checks[0]?.expect).toEqual({ kind: 'equals', text: 'LoadBalancer' });
    // A continued command and a here-document are one command each.
    expect(expose?.solution).toEqual([
      'kubectl expose deployment web \\\n  --type=LoadBalancer --port=80',
      'cat > notes.txt <<END\ndone\nEND',
    ]);
    expect(question).toMatchObject({
      kind: 'question',
      setup: ['lose-cluster'],
      choices: [
        { text: 'The cluster remembers', correct: false },
        { text: 'Nothing records it', correct: true },
      ],
    });
  });

  it('refuses a transcript outside a console block, and a choice with no right option', () => {
    const bad = `---
id: bad
title: Bad
mode: imperative
teammates:
  - { at: 1, step: 9, user: a, name: A, email: a@example.com, command: ls }
---
## Step: Show

${FENCE}bash
$ kubectl get pods
No resources found in default namespace.
${FENCE}

${FENCE}check
kubectl get pods
${FENCE}

${FENCE}solution
kubectl get pods
${FENCE}

## Question: Pick

${FENCE}choice
- [ ] one
- [ ] two
${FENCE}
`;
    const r = parseLesson(bad);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      { line: 1, message: 'front matter: a teammate acts at step 9, which does not exist' },
      {
        line: 10,
        message:
          'a transcript with "$ " lines goes in a console block, which the lesson test checks (this one is bash)',
      },
      { line: 23, message: 'question "Pick" has no answer or choice block' },
      { line: 25, message: 'a choice block needs one option marked [x]' },
    ]);
  });
});
