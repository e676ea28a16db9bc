import { readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { Parser } from 'htmlparser2';
import * as cheerio from 'cheerio';
const dir = '/work/shared/corpora/htmlparser-benchmark-pages';
for (const f of readdirSync(dir).filter(f => f.startsWith('c1b8e09185')||f.startsWith('0339f4fe04'))) {
  const html = gunzipSync(readFileSync(`${dir}/${f}`)).toString('utf8');
  const a: string[] = []; let inNs=0;
  const p = new Parser({ onopentag(name, attrs) { if (name==='noscript') inNs++; if ((name === 'a') && attrs.href !== undefined && !inNs) a.push(attrs.href) }, onclosetag(name){ if (name==='noscript') inNs--; } });
  p.end(html);
  const $ = cheerio.load(html);
  const b = $('a[href]').map((i, e) => $(e).attr('href')).get();
  // diff sequences
  let i=0,j=0; 
  while (i<a.length||j<b.length){ if (a[i]===b[j]){i++;j++;continue;} console.log(f.slice(0,10),'h2',i,a[i],'ch',j,b[j]); if (b.slice(j).indexOf(a[i]!) > 0 && b.slice(j).indexOf(a[i]!)<5) { j++; } else i++; }
}
