import { resolve } from 'node:path';
import { Command } from 'commander';
import { systemClock } from '../../app/system-clock.js';
import { runDemo } from '../../demo/run-demo.js';
import { openStore } from '../../store/open-store.js';
import type { CliIo } from '../cli-io.js';
import { createProgress } from '../progress.js';
import { createStageProgress } from '../stage-progress.js';
import { auditText } from './audit-command.js';
import { discoverJson, discoverText } from './discover-command.js';
import type { DemoOutreach } from '../../demo/demo-outreach.js';
import { agendaJson, agendaText, boardText, monitorJson, monitorText, violationJson, violationLines, when } from '../format/outreach-format.js';

export const DEFAULT_DEMO_DB = 'linkwright-demo.db';

export function demoCommand(io: CliIo): Command {
  return new Command('demo')
    .description('Run the method offline against a synthetic Medium and a synthetic site served on 127.0.0.1')
    .option('--db <path|url>', `where the demo stores its results (default ./${DEFAULT_DEMO_DB})`)
    .option('--json', 'print JSON: the audit under "pages"/"failures", the discovery under "discovery"')
    .action(async (flags: { db?: string; json?: boolean }) => {
      const store = await openStore({ location: flags.db ?? resolve(io.cwd, DEFAULT_DEMO_DB) });
      try {
        const progress = createProgress(io, 4);
        const discoveryProgress = createStageProgress(io, 'discovering');
        const run = await runDemo({
          store,
          clock: systemClock,
          onProgress: (e) => progress.update(e.done, e.input),
          onDiscoveryProgress: (e) => {
            progress.stop();
            discoveryProgress.update(e);
          },
        }).finally(() => {
          progress.stop();
          discoveryProgress.stop();
        });
        if (flags.json) {
          io.stdout.write(
            `${JSON.stringify({ pages: run.audit.audits, failures: run.audit.failures, discovery: discoverJson(run.discovery), outreach: outreachJson(run.outreach) }, null, 2)}
`,
          );
          return;
        }
        io.stdout.write(
          [
            `Linkwright demo — a synthetic Medium (${run.world.medium.host}) and your site (${run.world.userSite.host}), served on 127.0.0.1:${run.server.port}.`,
            `Audit of ${run.audit.audits.length + run.audit.failures.length} Medium stories for links to ${run.world.userSite.host} (targets checked):`,
            '',
            auditText(run.audit),
            'What to notice:',
            '- story body links are rendered "ugc nofollow" by Medium: their worth is referral traffic, not PageRank;',
            '- Medium\'s own chrome links are "noopener follow"; the author bio link sits outside the story body ("bio");',
            '- the "Soil pH" story is a copy with its canonical pointing to your site (indexability: canonical-elsewhere);',
            '- one link lands through a 301 redirect, one on a 404: fix the target or ask for an updated link;',
            '- one story answered with a Cloudflare-style challenge: reported as blocked, never evaded —',
            '  save such a page in your browser and run `linkwright audit --html saved.html --url <story url>`.',
            '',
            `Discovery — who writes about ${run.world.discovery.keywords.join(', ')} on this Medium, and who is worth a relationship:`,
            '',
            discoverText(run.discovery, { explain: false }),
            'What to notice:',
            '- the steady niche writer ranks first and is the one qualified prospect;',
            '- the viral author has reach but one story holds nearly all the claps ("one viral hit");',
            '- the finance writer is big and regular but off-niche; the composting writer stopped months ago;',
            '- the blocked story page was counted and reported; its author was still judged from profile and feed.',
            '',
            outreachText(run.outreach),
            `Results are stored in ${store.location}; list them with \`linkwright links --db ${store.location}\`, \`linkwright pipeline --db ${store.location}\`,`,
            `\`linkwright prospect @maya-fields --db ${store.location}\` and \`linkwright monitor --list --db ${store.location}\`.`,
            '',
          ].join('\n'),
        );
      } finally {
        await store.close();
      }
    });
}

function outreachJson(o: DemoOutreach) {
  return {
    missing: o.missing,
    touchesLogged: o.touchesLogged,
    warning: o.warning === null ? null : { ...o.warning, at: new Date(o.warning.at).toISOString(), violations: o.warning.violations.map((v) => violationJson(v)) },
    board: o.board,
    monitor: { yesterday: monitorJson(o.monitor.yesterday), today: monitorJson(o.monitor.today) },
    webhookReceived: o.webhookReceived,
    agenda: agendaJson(o.agenda),
  };
}

function outreachText(o: DemoOutreach): string {
  const parts: string[] = ['Outreach — working relationships at a safe pace, and watching the links they give you:', ''];
  if (o.missing.length > 0) parts.push(`(discovery did not produce ${o.missing.map((u) => `@${u}`).join(', ')}; their part is skipped)`, '');
  parts.push(`A month of outreach, logged as ${o.touchesLogged} touches (\`linkwright touch\`) and a few stage moves (\`linkwright stage\`).`);
  if (o.warning !== null) {
    parts.push(
      `Logging @${o.warning.username}'s ${o.warning.kind} at ${when(o.warning.at)} warned:`,
      ...violationLines(o.warning.violations).map((l) => `  - ${l}`),
      `  (logged anyway — you did it; it would have been safe from ${when(o.warning.safeAt)})`,
    );
  }
  parts.push('', 'Placed links, checked yesterday (`linkwright monitor`):', monitorText(o.monitor.yesterday).trimEnd());
  parts.push('', 'Checked again today, after the world changed:', monitorText(o.monitor.today).trimEnd());
  parts.push(`(the demo's webhook receiver got ${o.webhookReceived} JSON alert${o.webhookReceived === 1 ? '' : 's'}; add yours with \`linkwright webhook add <url>\`)`);
  parts.push('', boardText(o.board).trimEnd(), '', agendaText(o.agenda).trimEnd());
  parts.push(
    '',
    'What to notice:',
    '- a verified link moved Maya (pitched) and Tom (engaged) to linked by itself, and logged a link-placed touch;',
    "- Tom's link was edited out: lost, with an alert, and Tom moved linked → lost; Maya's link changed rel: changed;",
    '- the clap logged minutes after a follow was kept, with a warning naming the rule and when it would have been safe;',
    '- the agenda only lists what the pacing rules allow today, each at a suggested time, in priority order.',
    '',
  );
  return parts.join('\n');
}
