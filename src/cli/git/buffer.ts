// isomorphic-git expects Node's Buffer as a global. This module must be imported before any module
// that imports isomorphic-git (imports run in order; an assignment beside the import would not).
import { Buffer } from 'buffer';

const g = globalThis as { Buffer?: unknown };
g.Buffer ??= Buffer;
