/**
 * `npm run bench`: every side-by-side benchmark, one after the other, each printing its ratios
 * against the named peer on the same input in the same run. Benchmarks read ../shared corpora in
 * place; they never touch the network.
 */
const benches: { name: string; load: () => Promise<() => Promise<void>> }[] = [
  { name: 'auditHtml vs htmlparser2 / cheerio / readability', load: async () => (await import('./audit-html.bench.js')).runAuditHtmlBench },
  { name: 'content check vs yoastseo', load: async () => (await import('./content-check.bench.js')).runContentCheckBench },
];

const only = process.argv.slice(2);
for (const bench of benches) {
  if (only.length > 0 && !only.some((o) => bench.name.includes(o))) continue;
  console.log(`\n=== ${bench.name} ===`);
  const run = await bench.load();
  await run();
}
