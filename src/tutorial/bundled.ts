// The course as the page ships it: the lesson files, bundled as text when the page is built.
import { readCatalog, type Catalog } from './catalog';

const texts = import.meta.glob<string>('../../lessons/*.md', {
  query: '?raw',
  import: 'default',
  eager: true,
});

let catalog: Catalog | undefined;

export function bundledCatalog(): Catalog {
  catalog ??= readCatalog(
    Object.entries(texts).map(([path, text]) => ({ name: path.split('/').pop() ?? path, text })),
  );
  return catalog;
}
