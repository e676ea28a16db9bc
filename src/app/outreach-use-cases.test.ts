import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LinkwrightError } from '../core/errors/linkwright-error.js';
import { DEFAULT_PACING_RULES, renderOutreachMessage } from '../core/outreach/index.js';
import type { Store } from '../store/open-store.js';
import { listDrafts, listStageChanges, listTouches } from '../store/outreach-repository.js';
import { findProspectById } from '../store/prospects-repository.js';
import { changeStage } from './change-stage.js';
import { draftPitch } from './draft-pitch.js';
import { logTouch } from './log-touch.js';
import { DAY, HOUR, MONDAY_NOON, seedProspect, settableClock, tempStore } from './outreach.test-support.js';
import { parseProspectRef, resolveProspect } from './outreach-support.js';
import { pipelineBoard, prospectDetail } from './pipeline-view.js';
import { parseLocalDate, planTodayAgenda } from './plan-agenda.js';
import type { StoryLookup } from './story-lookup.js';

let store: Store;
let cleanup: () => Promise<void>;
let clock: ReturnType<typeof settableClock>;

beforeEach(async () => {
  ({ store, cleanup } = await tempStore());
  clock = settableClock();
});
afterEach(async () => cleanup());

const deps = () => ({ store, clock, rules: DEFAULT_PACING_RULES });

async function refusal(promise: Promise<unknown>): Promise<LinkwrightError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof LinkwrightError) return error;
    throw error;
  }
  throw new Error('expected a LinkwrightError');
}

describe('prospect references', () => {
  it('accepts ids and @usernames, and says how to find prospects when none matches', async () => {
    const id = await seedProspect(store, 'maya');
    expect(parseProspectRef('12')).toEqual({ id: 12 });
    expect(parseProspectRef('#12')).toEqual({ id: 12 });
    expect(parseProspectRef('@Maya')).toEqual({ username: 'maya' });
    expect((await resolveProspect(store.db, String(id))).username).toBe('maya');
    expect((await resolveProspect(store.db, '@MAYA')).id).toBe(id);
    const missing = await refusal(resolveProspect(store.db, '@nobody'));
    expect(missing.code).toBe('PROSPECT_NOT_FOUND');
    expect(missing.errorClass).toBe('validation');
    expect(missing.message).toContain('linkwright pipeline');
    expect(() => parseProspectRef('not a name!')).toThrow(/prospect id or @username/);
  });
});

describe('changeStage', () => {
  it('moves forward, refuses a cold pitch naming the guard, and records forced moves with what was bypassed', async () => {
    const id = await seedProspect(store, 'maya');
    const up = await changeStage(deps(), { prospect: '@maya', stage: 'followed' });
    expect(up).toMatchObject({ from: 'qualified', to: 'followed', forced: false });

    const cold = await refusal(changeStage(deps(), { prospect: '@maya', stage: 'pitched' }));
    expect(cold.code).toBe('STAGE_TRANSITION_REFUSED');
    expect(cold.details.forcible).toBe(true);
    const reasons = cold.details.reasons as { messageId: string; params: Record<string, string | number | boolean | null> }[];
    expect(reasons.map((r) => r.messageId)).toEqual(['pipeline.pitch-needs-engagement']);
    expect(renderOutreachMessage(reasons[0]?.messageId ?? '', reasons[0]?.params)).toContain('pitching needs at least 1 engagement');
    expect((await findProspectById(store.db, id))?.stage).toBe('followed');

    const forced = await changeStage(deps(), { prospect: String(id), stage: 'pitched', force: true, note: 'pitched by e-mail before' });
    expect(forced.forced).toBe(true);
    expect(forced.bypassed.map((m) => m.messageId)).toEqual(['pipeline.pitch-needs-engagement']);
    const history = await listStageChanges(store.db, id);
    expect(history.map((h) => [h.from, h.to, h.forced, h.source])).toEqual([
      ['qualified', 'followed', false, 'user'],
      ['followed', 'pitched', true, 'user'],
    ]);
    expect(history[1]?.note).toBe('pitched by e-mail before');
  });

  it('pauses and resumes at the stage paused from; other targets need force; hard rules cannot be forced', async () => {
    const id = await seedProspect(store, 'maya');
    await changeStage(deps(), { prospect: '@maya', stage: 'followed' });
    await changeStage(deps(), { prospect: '@maya', stage: 'paused' });
    expect(await findProspectById(store.db, id)).toMatchObject({ stage: 'paused', pausedFrom: 'followed' });
    const wrong = await refusal(changeStage(deps(), { prospect: '@maya', stage: 'engaged' }));
    expect((wrong.details.reasons as { messageId: string }[])[0]?.messageId).toBe('pipeline.resume-wrong-stage');
    await changeStage(deps(), { prospect: '@maya', stage: 'followed' });
    expect(await findProspectById(store.db, id)).toMatchObject({ stage: 'followed', pausedFrom: null });

    const same = await refusal(changeStage(deps(), { prospect: '@maya', stage: 'followed', force: true }));
    expect(same.details.forcible).toBe(false);
    expect((same.details.reasons as { messageId: string }[])[0]?.messageId).toBe('pipeline.same-stage');
    await expect(changeStage(deps(), { prospect: '@maya', stage: 'contacted' })).rejects.toThrow(
      /unknown stage "contacted" \(stages: found, qualified/,
    );
  });
});

describe('logTouch', () => {
  it('logs touches, moves the stage the touch settles, and warns with the rule and when it would be safe', async () => {
    const id = await seedProspect(store, 'maya');
    const follow = await logTouch(deps(), { prospect: '@maya', kind: 'follow' });
    expect(follow).toMatchObject({ stageBefore: 'qualified', stageAfter: 'followed' });
    expect(follow.check.allowed).toBe(true);

    // A comment five minutes after the follow: logged (and it engages), but the per-author gap is broken.
    clock.advance(5 * 60_000);
    const comment = await logTouch(deps(), {
      prospect: '@maya',
      kind: 'comment',
      storyUrl: 'https://medium.test/@maya/s-0123456789ab',
      note: 'hi',
    });
    expect(comment).toMatchObject({ stageBefore: 'followed', stageAfter: 'engaged' });
    expect(comment.check.allowed).toBe(false);
    expect(comment.check.violations.map((v) => v.ruleId)).toEqual(['author-gap.any']);
    // 20 h after the follow (DEFAULT_PACING_RULES.sameAuthorGapHours.any).
    expect(comment.check.safeAt).toBe(MONDAY_NOON + 20 * HOUR);
    const touches = await listTouches(store.db, { prospectId: id });
    expect(touches.map((t) => [t.kind, t.at, t.storyUrl, t.note])).toEqual([
      ['follow', new Date(MONDAY_NOON).toISOString(), null, null],
      ['comment', new Date(MONDAY_NOON + 5 * 60_000).toISOString(), 'https://medium.test/@maya/s-0123456789ab', 'hi'],
    ]);
    expect((await listStageChanges(store.db, id)).map((h) => [h.to, h.source])).toEqual([
      ['followed', 'touch'],
      ['engaged', 'touch'],
    ]);
  });

  it('checks a backdated touch at its own time, and refuses unknown kinds and bad URLs before writing', async () => {
    await seedProspect(store, 'maya');
    // Saturday: a quiet day under the default rules.
    const saturday = Date.parse('2026-10-31T10:00:00.000Z');
    const out = await logTouch(deps(), { prospect: '@maya', kind: 'clap', at: saturday });
    expect(out.check.violations.map((v) => v.ruleId)).toEqual(['quiet-day']);
    expect(out.check.safeAt).toBe(Date.parse('2026-11-02T00:00:00.000Z'));
    await expect(logTouch(deps(), { prospect: '@maya', kind: 'poke' })).rejects.toThrow(/unknown touch kind "poke"/);
    await expect(logTouch(deps(), { prospect: '@maya', kind: 'comment', storyUrl: 'javascript:alert(1)' })).rejects.toThrow(
      /not an http\(s\) URL/,
    );
    expect((await listTouches(store.db)).length).toBe(1);
  });
});

describe('planTodayAgenda', () => {
  const stories: StoryLookup = {
    async newestStory(username) {
      if (username === 'maya')
        return {
          story: { url: 'https://medium.test/@maya/new-0123456789ab', title: 'New story', publishedAt: MONDAY_NOON - 2 * DAY },
          source: 'feed',
        };
      return { story: null, source: 'none', feedProblem: 'blocked' };
    },
  };

  it('plans follows for qualified authors and responses on their newest story, highest priority first', async () => {
    await seedProspect(store, 'maya', { score: 90 });
    await seedProspect(store, 'tom', { score: 40 });
    await seedProspect(store, 'ivy', { qualified: false });
    await logTouch(deps(), { prospect: '@maya', kind: 'follow', at: MONDAY_NOON - 3 * DAY });
    const out = await planTodayAgenda({ store, clock, stories }, { utcOffsetMinutes: 0, seed: 's' });
    expect(out).toMatchObject({ date: '2026-11-02', quiet: false, considered: 2 });
    expect(out.items.map((i) => [i.username, i.action, i.kind])).toEqual([
      ['maya', 'engage', 'comment'],
      ['tom', 'follow', 'follow'],
    ]);
    expect(out.items[0]?.story?.url).toBe('https://medium.test/@maya/new-0123456789ab');
    expect(out.items[0]?.storySource).toBe('feed');
    expect(out.feedProblems).toEqual({ tom: 'blocked' });
    for (const item of out.items) expect(item.suggestedAt).toBeGreaterThanOrEqual(MONDAY_NOON);
    // Same inputs, same seed: the same agenda.
    const again = await planTodayAgenda({ store, clock, stories }, { utcOffsetMinutes: 0, seed: 's' });
    expect(again.items.map((i) => i.suggestedAt)).toEqual(out.items.map((i) => i.suggestedAt));
  });

  it('says when a date is quiet and which day is next; rejects a malformed date', async () => {
    await seedProspect(store, 'maya');
    const out = await planTodayAgenda({ store, clock }, { date: '2026-11-07', utcOffsetMinutes: 0, seed: 's' });
    expect(out).toMatchObject({ quiet: true, nextActiveDate: '2026-11-09', items: [] });
    const future = await planTodayAgenda({ store, clock }, { date: '2026-11-04', utcOffsetMinutes: 60, seed: 's' });
    expect(future.now).toBe(Date.parse('2026-11-03T23:00:00.000Z'));
    expect(future.items.map((i) => i.kind)).toEqual(['follow']);
    expect(() => parseLocalDate('2026-02-30', 0)).toThrow(/not a date/);
  });
});

describe('draftPitch', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'lw-templates-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const stories: StoryLookup = {
    async newestStory() {
      return {
        story: { url: 'https://medium.test/@maya/new-0123456789ab', title: 'Mulch *works*', publishedAt: MONDAY_NOON },
        source: 'feed',
      };
    },
  };

  it('renders a built-in draft from the prospect and their newest story, stores it, and lists the edit markers', async () => {
    const id = await seedProspect(store, 'maya', { name: 'Maya Fields' });
    const out = await draftPitch({ store, clock, stories }, { prospect: '@maya', template: 'intro', senderName: 'Robin' });
    expect(out.subject).toBe('Your story "Mulch \\*works\\*"');
    expect(out.text).toContain('Hi Maya,');
    expect(out.text).toContain('[Mulch \\*works\\*](https://medium.test/@maya/new-0123456789ab)');
    expect(out.text.trimEnd().endsWith('Robin')).toBe(true);
    expect(out.editMarkers).toHaveLength(1);
    const drafts = await listDrafts(store.db, id);
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({
      templateId: 'intro',
      body: out.text,
      editMarkers: 1,
      storyUrl: 'https://medium.test/@maya/new-0123456789ab',
    });
  });

  it('fails naming every missing merge field and stores nothing', async () => {
    const id = await seedProspect(store, 'maya', { name: 'Maya Fields' });
    const error = await refusal(draftPitch({ store, clock, stories }, { prospect: '@maya', template: 'pitch' }));
    expect(error.code).toBe('TEMPLATE_FIELD_MISSING');
    expect(error.message).toContain('assetTitle');
    expect(error.message).toContain('assetUrl');
    expect(error.message).toContain('senderName');
    expect((error.details.missing as { field: string }[]).map((m) => m.field)).toEqual(['assetTitle', 'assetUrl', 'senderName']);
    expect(await listDrafts(store.db, id)).toEqual([]);
    // A story given without a known title: the title is missing, not blank.
    const noTitle = await refusal(
      draftPitch(
        { store, clock },
        { prospect: '@maya', template: 'intro', senderName: 'R', story: { url: 'https://medium.test/p/0123456789ab' } },
      ),
    );
    expect(noTitle.message).toMatch(/storyTitle \(lines? /);
  });

  it('prefers a user template of the same id, and names the templates there when the id is unknown', async () => {
    await seedProspect(store, 'maya', { name: 'Maya Fields' });
    writeFileSync(join(dir, 'intro.md'), '---\nsubject: Hello {{authorFirstName}}\n---\nDear {{authorName}}, about {{storyTitle}}.\n');
    writeFileSync(join(dir, 'thanks.md'), 'Thanks {{authorFirstName}}!\n');
    const out = await draftPitch({ store, clock, stories }, { prospect: '@maya', template: 'intro', templatesDir: dir, save: false });
    expect(out).toMatchObject({
      templateSource: 'file',
      subject: 'Hello Maya',
      text: 'Dear Maya Fields, about Mulch \\*works\\*.\n',
      draftId: null,
    });
    const unknown = await refusal(draftPitch({ store, clock, stories }, { prospect: '@maya', template: 'nope', templatesDir: dir }));
    expect(unknown.code).toBe('INPUT_NOT_FOUND');
    expect(unknown.message).toContain('built-ins are intro, pitch, follow-up');
    expect(unknown.message).toContain('intro, thanks');
    await expect(
      draftPitch({ store, clock, stories }, { prospect: '@maya', template: '../etc/passwd', templatesDir: dir }),
    ).rejects.toThrow(/template ids/);
  });
});

describe('pipeline views', () => {
  it('shows every stage as a column and everything about one prospect', async () => {
    const maya = await seedProspect(store, 'maya', { score: 90 });
    await seedProspect(store, 'tom', { qualified: false });
    await logTouch(deps(), { prospect: '@maya', kind: 'follow', at: MONDAY_NOON - 2 * DAY });
    const board = await pipelineBoard({ store });
    expect(board.total).toBe(2);
    expect(board.columns.map((c) => c.stage)).toEqual([
      'found',
      'qualified',
      'followed',
      'engaged',
      'pitched',
      'linked',
      'declined',
      'lost',
      'paused',
    ]);
    expect(board.columns.find((c) => c.stage === 'followed')?.prospects.map((p) => [p.username, p.touches, p.lastTouchKind])).toEqual([
      ['maya', 1, 'follow'],
    ]);

    const detail = await prospectDetail(deps(), String(maya));
    expect(detail.prospect.username).toBe('maya');
    expect(detail.touches.map((t) => t.kind)).toEqual(['follow']);
    const pacing = Object.fromEntries(detail.pacing.map((p) => [p.kind, p.check]));
    expect(pacing.follow?.violations.map((v) => v.ruleId)).toEqual(['follow.already']);
    expect(pacing.comment?.allowed).toBe(true);
    expect(detail.transitions.filter((t) => t.result.ok).map((t) => t.stage)).toEqual(['engaged', 'declined', 'lost', 'paused']);
  });
});

describe('watchPlacement', () => {
  it("links the story's author when they are a prospect, learns rel/anchor unless given, and updates instead of duplicating", async () => {
    const { watchPlacement } = await import('./watch-placement.js');
    const id = await seedProspect(store, 'maya');
    const first = await watchPlacement(
      { store, clock },
      { storyUrl: 'https://medium.test/@maya/s-0123456789ab?source=rss----1', targetUrl: 'https://example.com/a#top' },
    );
    expect(first).toMatchObject({ created: true, prospectFrom: 'story-url', prospect: { id } });
    expect(first.placement).toMatchObject({
      storyUrl: 'https://medium.test/@maya/s-0123456789ab',
      targetUrl: 'https://example.com/a',
      expected: { rel: null, placement: 'body', anchor: null },
      expectedSource: 'learn:rel,anchor',
      state: 'pending',
    });
    const again = await watchPlacement(
      { store, clock },
      {
        storyUrl: 'https://medium.test/@maya/s-0123456789ab',
        targetUrl: 'https://example.com/a',
        rel: 'UGC  nofollow',
        anchor: 'any',
        placement: 'any',
      },
    );
    expect(again).toMatchObject({
      created: false,
      placement: { id: first.placement.id, expected: { rel: 'ugc nofollow', placement: null, anchor: null }, expectedSource: 'user' },
    });
    const nobody = await watchPlacement(
      { store, clock },
      { storyUrl: 'https://medium.test/@someone/x-0123456789ac', targetUrl: 'https://example.com/a' },
    );
    expect(nobody).toMatchObject({ prospect: null, prospectFrom: null });
    await expect(
      watchPlacement(
        { store, clock },
        { storyUrl: 'https://medium.test/p/0123456789ad', targetUrl: 'https://example.com/a', placement: 'sidebar' },
      ),
    ).rejects.toThrow(/--placement is one of body, bio/);
    await expect(
      watchPlacement({ store, clock }, { storyUrl: 'https://medium.test/p/0123456789ad', targetUrl: 'mailto:me@example.com' }),
    ).rejects.toThrow(/--target must be an http\(s\) URL/);
  });
});
