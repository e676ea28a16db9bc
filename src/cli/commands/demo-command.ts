import { dirname, resolve } from 'node:path';
import { Command } from 'commander';
import { systemClock } from '../../app/system-clock.js';
import { runDemo } from '../../demo/run-demo.js';
import { openStore } from '../../store/open-store.js';
import type { CliIo } from '../cli-io.js';
import { createProgress } from '../progress.js';
import { createStageProgress } from '../stage-progress.js';
import { auditText } from './audit-command.js';
import { checkText } from './check-command.js';
import { keywordsText } from './keywords-command.js';
import type { DemoContent } from '../../demo/demo-content.js';
import { isPostgresUrl } from '../../store/open-store.js';
import { renderContentMessage } from '../../core/content/messages.js';
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
      const location = flags.db ?? resolve(io.cwd, DEFAULT_DEMO_DB);
      const store = await openStore({ location });
      try {
        const progress = createProgress(io, 4);
        const discoveryProgress = createStageProgress(io, 'discovering');
        const run = await runDemo({
          store,
          clock: systemClock,
          onProgress: (e) => progress.update(e.done, e.input),
          // The draft goes next to the database, so `linkwright check <draft>` can be re-run by hand.
          ...(isPostgresUrl(location) || location === ':memory:' ? {} : { workDir: dirname(resolve(io.cwd, location)) }),
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
            `${JSON.stringify({ pages: run.audit.audits, failures: run.audit.failures, discovery: discoverJson(run.discovery), outreach: outreachJson(run.outreach), content: contentJson(run.content) }, null, 2)}
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
            contentText(run.content, store.location),
            `Results are stored in ${store.location}; list them with \`linkwright links --db ${store.location}\`, \`linkwright pipeline --db ${store.location}\`,`,
            `\`linkwright prospect @maya-fields --db ${store.location}\`, \`linkwright monitor --list --db ${store.location}\` and`,
            `\`linkwright check ${run.content.draftPath} --db ${store.location}\`.`,
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

function contentJson(c: DemoContent) {
  return {
    page: { url: c.page.url, keyphrase: c.page.keyphrase, words: c.page.wordCount },
    draft: c.draftPath,
    check: { ...c.check.report, context: c.check.context },
    checkWithoutCanonical: { ...c.checkWithoutCanonical.report, context: c.checkWithoutCanonical.context },
    keywords: { ...c.keywords.report, sources: c.keywords.sources },
  };
}

function contentText(c: DemoContent, db: string): string {
  const canonicalMissing = c.checkWithoutCanonical.report.results.find((r) => r.id === 'medium-canonical');
  const copy = c.check.context?.copyOf ?? null;
  const parts = [
    'Your own story — research the niche, then write a Medium copy of your guide and check it before you publish:',
    '',
    `\`linkwright content add ${c.page.url} --keyphrase "${c.page.keyphrase ?? ''}"\` recorded your guide (${c.page.wordCount ?? 0} words) and its keyphrase.`,
    '',
    `\`linkwright keywords "${c.keywords.report.seed}" --tag ${c.keywords.report.nicheTags.join(' --tag ')} --db ${db}\` on the stories discovery stored:`,
    keywordsText(c.keywords).trimEnd(),
    '',
    `\`linkwright check ${c.draftPath}\` (only the Medium checks and what to improve are shown here):`,
    checkText(c.check, { brief: true }).trimEnd(),
    '',
    `The same draft without its canonical line: ${canonicalMissing ? renderContentMessage(canonicalMissing.messageId, canonicalMissing.params) : '(no canonical check)'}`,
    '',
    'What to notice:',
    copy === null
      ? '- the draft was not recognised as a copy of your guide;'
      : `- the draft copies your guide (estimated resemblance ${copy.resemblance.toFixed(2)}): its canonical must point there — it does, and without it the check is red;`,
    '- "hot composting" is your guide\'s keyphrase: the copy may share it because it points home; a new story with it would be flagged as reuse;',
    '- Medium renders the link home "ugc nofollow": its worth is the visits, which is why it carries UTM tags;',
    `- tags are checked against the ${c.check.context?.knownTags ?? 0} tags seen on stored Medium stories; the keyword research shows which go with composting.`,
    '',
  ];
  return parts.join('\n');
}
