import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './config';

/** The version of gridwatch, from package.json: reported by /api/health and written into exports. */
export const VERSION: string = (
  JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }
).version;
