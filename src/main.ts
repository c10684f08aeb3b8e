// Placeholder entry point: the browser app (terminal, manifests, timeline) is built on top of the
// headless simulator in src/engine and src/cli.
const root = document.getElementById('root');
if (root) {
  const heading = document.createElement('h1');
  heading.textContent = 'GitOps Explained';
  const note = document.createElement('p');
  note.textContent =
    'The simulated cluster runs headless for now: try `npm run -s sim` with a script of kubectl commands.';
  root.append(heading, note);
}
