import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root (the folder with package.json), found from this file whether run from src/ or dist/. */
export function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'data'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error('cyberclaims: cannot find the package root (package.json with data/)');
    dir = up;
  }
}
