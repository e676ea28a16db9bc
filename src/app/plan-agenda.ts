/**
 * Use-case: `linkwright agenda [--date D]` — today's list (core planAgenda over the stored pipeline and touch
 * log): whom to follow, whose newest story to respond to or clap, who is ready for a pitch, whose pitch needs a
 * follow-up, in priority order (action, score, warmth, staleness), each with a suggested time that breaks no
 * pacing rule. The newest story of each active prospect comes from their feed (StoryLookup).
 */
import { LinkwrightError } from '../core/errors/linkwright-error.js';
import {
  type AgendaItem,
  type AgendaProspect,
  isQuietDay,
  localDateKey,
  MINUTE_MS,
  nextActiveDayStart,
  type PacingRules,
  type PacingRulesInput,
  planAgenda,
  resolvePacingRules,
} from '../core/outreach/index.js';
import { listProspects } from '../store/prospects-repository.js';
import { loadCoreTouches, type OutreachDeps, storedStage } from './outreach-support.js';
import type { NewestStory, StoryLookup } from './story-lookup.js';

/** Stages the agenda can act on (planAgenda ignores the rest); only these need a story lookup. */
const AGENDA_STAGES = new Set(['qualified', 'followed', 'engaged', 'pitched']);

export interface AgendaRequest {
  /** Local calendar date `YYYY-MM-DD`; default: today. */
  date?: string;
  /** The user's offset from UTC for that date (the shell computes it from the time zone). */
  utcOffsetMinutes: number;
  /** Seed of the agenda's jitter (stable per user). */
  seed: string;
  rules?: PacingRulesInput;
}

export interface AgendaEntry extends AgendaItem {
  /** Where the story came from (feed, store) or none. */
  storySource: NewestStory['source'] | null;
}

export interface AgendaOutcome {
  date: string;
  /** The clock reading the agenda is planned for (epoch ms): now for today, the day's start otherwise. */
  now: number;
  rules: PacingRules;
  quiet: boolean;
  /** The next day with an agenda, when `date` is a quiet day. */
  nextActiveDate: string | null;
  items: AgendaEntry[];
  /** Active prospects considered. */
  considered: number;
  /** Newest-story lookups that could not use the feed (username → problem). */
  feedProblems: Record<string, string>;
}

export function parseLocalDate(value: string, utcOffsetMinutes: number): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  const utcMidnight = m === null ? Number.NaN : Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (!Number.isFinite(utcMidnight) || new Date(utcMidnight).toISOString().slice(0, 10) !== value.trim()) {
    throw new LinkwrightError('INVALID_INPUT', `not a date (YYYY-MM-DD): ${JSON.stringify(value)}`, { details: { field: 'date' } });
  }
  return utcMidnight - utcOffsetMinutes * MINUTE_MS;
}

export async function planTodayAgenda(deps: OutreachDeps & { stories?: StoryLookup }, request: AgendaRequest): Promise<AgendaOutcome> {
  const rules = resolvePacingRules({ ...request.rules, utcOffsetMinutes: request.utcOffsetMinutes });
  const clockNow = deps.clock.now();
  const today = localDateKey(clockNow, rules.utcOffsetMinutes);
  const date = request.date?.trim() || today;
  const now = date === today ? clockNow : parseLocalDate(date, rules.utcOffsetMinutes);

  const stored = await listProspects(deps.store.db);
  const active = stored.filter((p) => AGENDA_STAGES.has(p.stage));
  const feedProblems: Record<string, string> = {};
  const sources = new Map<string, NewestStory['source']>();
  const prospects: AgendaProspect[] = [];
  for (const p of active) {
    let newest: NewestStory = { story: null, source: 'none' };
    if (deps.stories !== undefined) {
      newest = await deps.stories.newestStory(p.username);
      if (newest.feedProblem !== undefined) feedProblems[p.username] = newest.feedProblem;
    }
    sources.set(String(p.id), newest.source);
    prospects.push({
      id: String(p.id),
      username: p.username,
      stage: storedStage(p.stage),
      // Coverage 0 = never scored (imported from a sheet without a score).
      score: p.coverage > 0 ? p.score : null,
      newestStory: newest.story,
    });
  }
  const touches = await loadCoreTouches(deps.store.db);
  const items = planAgenda({ rules, prospects, touches, now, seed: request.seed });
  const quiet = isQuietDay(rules, now);
  return {
    date,
    now,
    rules,
    quiet,
    nextActiveDate: quiet ? localDateKey(nextActiveDayStart(rules, now), rules.utcOffsetMinutes) : null,
    items: items.map((item) => ({ ...item, storySource: item.story === null ? null : (sources.get(item.prospectId) ?? null) })),
    considered: prospects.length,
    feedProblems,
  };
}
