#!/usr/bin/env node
// Enforces the dependency direction of DESIGN §2: core imports nothing of ours outside core;
// fetch/store/queue import only core (and themselves); app imports core, ports and adapters' types;
// shells (cli, web, worker, demo) may import anything below them. Also forbids I/O modules in core.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const src = join(root, 'src');
const allowed = {
  core: ['core'],
  fetch: ['core', 'fetch'],
  store: ['core', 'store'],
  queue: ['core', 'queue'],
  app: ['core', 'app', 'fetch', 'store', 'queue'],
  demo: ['core', 'app', 'fetch', 'store', 'demo'],
  cli: ['core', 'app', 'fetch', 'store', 'queue', 'cli', 'web', 'demo'],
  web: ['core', 'app', 'store', 'web'],
  worker: ['core', 'app', 'fetch', 'store', 'queue', 'worker'],
};
const ioModules = /^(node:)?(fs|fs\/promises|net|http|https|http2|dns|child_process|worker_threads|dgram|tls)$/;

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) yield* walk(full);
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) yield full;
  }
}

const problems = [];
for (const file of walk(src)) {
  const layer = relative(src, file).split('/')[0];
  const text = readFileSync(file, 'utf8');
  for (const match of text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    const spec = match[1] ?? match[2];
    if (spec.startsWith('.')) {
      const target = relative(src, resolve(dirname(file), spec)).split('/')[0];
      if (allowed[layer] && !allowed[layer].includes(target)) problems.push(`${relative(root, file)}: ${layer} must not import ${target} (${spec})`);
    } else if (layer === 'core' && ioModules.test(spec)) {
      problems.push(`${relative(root, file)}: core must stay pure, imports ${spec}`);
    }
  }
  if (layer === 'core' && /process\.env|Date\.now\(\)|new Date\(\)/.test(text)) {
    problems.push(`${relative(root, file)}: core must not read process.env or the clock (pass a Clock)`);
  }
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log('layers ok');
