/**
 * Medium stories and authors, and the authors' follower history. Natural keys and upserts (DESIGN §3
 * "idempotent writes"): a story is keyed by its post id, an author by user id or (lower-cased) username, a
 * follower snapshot by (author, capture time) — so a retried or repeated discovery never duplicates a row.
 */
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { MediumStory } from '../core/medium/medium-types.js';
import type { Database, MediumPostsTable } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface MediumPostRecord {
  postId: string;
  url: string;
  title: string | null;
  /** Medium user id of the creator. */
  authorId: string | null;
  authorUsername: string | null;
  publicationId: string | null;
  publicationName: string | null;
  claps: number | null;
  voters: number | null;
  responses: number | null;
  readingTime: number | null;
  wordCount: number | null;
  publishedAt: string | null;
  updatedAt: string | null;
  tags: string[];
  canonicalUrl: string | null;
  isLocked: boolean | null;
  source: string;
  snapshotId: number | null;
  capturedAt: string;
}

/** The store record of a story read by `readMediumStory` (usernames lower-cased, tags de-duplicated). */
export function postRecordOfStory(story: MediumStory, options: { snapshotId: number | null; capturedAt: string }): MediumPostRecord {
  return {
    postId: story.postId,
    url: story.url,
    title: story.title,
    authorId: story.author.id,
    authorUsername: story.author.username === null ? null : story.author.username.toLowerCase(),
    publicationId: story.publication?.id ?? null,
    publicationName: story.publication?.name ?? null,
    claps: story.claps,
    voters: story.voters,
    responses: story.responses,
    readingTime: story.readingTimeMinutes,
    wordCount: story.wordCount,
    publishedAt: story.publishedAt,
    updatedAt: story.updatedAt,
    tags: story.tags ?? [],
    canonicalUrl: story.canonicalUrl,
    isLocked: story.isLocked,
    source: story.source,
    snapshotId: options.snapshotId,
    capturedAt: story.capturedAt ?? options.capturedAt,
  };
}

/**
 * Inserts or replaces a story (the newest capture wins: it is what the page says now) and its tags, in one
 * transaction. Returns the row id.
 */
export async function upsertMediumPost(db: Kysely<Database>, post: MediumPostRecord): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const values = {
      post_id: post.postId,
      url: post.url,
      title: post.title,
      author_id: post.authorId,
      author_username: post.authorUsername === null ? null : post.authorUsername.toLowerCase(),
      publication_id: post.publicationId,
      publication_name: post.publicationName,
      claps: post.claps,
      voters: post.voters,
      responses: post.responses,
      reading_time: post.readingTime,
      word_count: post.wordCount,
      published_at: post.publishedAt,
      updated_at: post.updatedAt,
      canonical_url: post.canonicalUrl,
      is_locked: post.isLocked === null ? null : post.isLocked ? 1 : 0,
      source: post.source,
      snapshot_id: post.snapshotId,
      captured_at: post.capturedAt,
    };
    const { post_id: _key, ...update } = values;
    const row = await trx
      .insertInto('medium_posts')
      .values(values)
      .onConflict((oc) => oc.column('post_id').doUpdateSet(update))
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.deleteFrom('medium_post_tags').where('post_id', '=', post.postId).execute();
    const tags = [...new Set(post.tags.map((t) => t.trim().toLowerCase()).filter((t) => t !== ''))];
    if (tags.length > 0) {
      await trx
        .insertInto('medium_post_tags')
        .values(tags.map((tag, position) => ({ post_id: post.postId, tag, position })))
        .execute();
    }
    return row.id;
  });
}

type PostRow = Selectable<MediumPostsTable>;

async function tagsOf(db: Db, postIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (postIds.length === 0) return out;
  const rows = await db
    .selectFrom('medium_post_tags')
    .select(['post_id', 'tag', 'position'])
    .where('post_id', 'in', [...postIds])
    .orderBy('post_id')
    .orderBy('position')
    .execute();
  for (const row of rows) out.set(row.post_id, [...(out.get(row.post_id) ?? []), row.tag]);
  return out;
}

function toPostRecord(row: PostRow, tags: string[]): MediumPostRecord {
  return {
    postId: row.post_id,
    url: row.url,
    title: row.title,
    authorId: row.author_id,
    authorUsername: row.author_username,
    publicationId: row.publication_id,
    publicationName: row.publication_name,
    claps: row.claps,
    voters: row.voters,
    responses: row.responses,
    readingTime: row.reading_time,
    wordCount: row.word_count,
    publishedAt: row.published_at,
    updatedAt: row.updated_at,
    tags,
    canonicalUrl: row.canonical_url,
    isLocked: row.is_locked === null ? null : row.is_locked === 1,
    source: row.source,
    snapshotId: row.snapshot_id,
    capturedAt: row.captured_at,
  };
}

export async function getMediumPost(db: Db, postId: string): Promise<MediumPostRecord | null> {
  const row = await db.selectFrom('medium_posts').selectAll().where('post_id', '=', postId).executeTakeFirst();
  if (!row) return null;
  return toPostRecord(row, (await tagsOf(db, [postId])).get(postId) ?? []);
}

export interface MediumPostFilter {
  /** Lower-cased comparison. */
  authorUsername?: string;
  authorId?: string;
  /** Stories carrying this tag slug. */
  tag?: string;
}

/** Stored stories, newest first (undated last). */
export async function listMediumPosts(db: Db, filter: MediumPostFilter = {}): Promise<MediumPostRecord[]> {
  let query = db.selectFrom('medium_posts').selectAll('medium_posts');
  if (filter.authorUsername !== undefined) query = query.where('medium_posts.author_username', '=', filter.authorUsername.toLowerCase());
  if (filter.authorId !== undefined) query = query.where('medium_posts.author_id', '=', filter.authorId);
  if (filter.tag !== undefined) {
    const tag = filter.tag.toLowerCase();
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('medium_post_tags')
          .select('medium_post_tags.post_id')
          .whereRef('medium_post_tags.post_id', '=', 'medium_posts.post_id')
          .where('medium_post_tags.tag', '=', tag),
      ),
    );
  }
  const rows: PostRow[] = await query.orderBy('medium_posts.published_at', 'desc').orderBy('medium_posts.post_id').execute();
  const tags = await tagsOf(
    db,
    rows.map((r) => r.post_id),
  );
  const records = rows.map((row) => toPostRecord(row, tags.get(row.post_id) ?? []));
  // NULLs sort first in PostgreSQL's DESC and last in SQLite's: put undated stories last on both.
  return [...records.filter((r) => r.publishedAt !== null), ...records.filter((r) => r.publishedAt === null)];
}

/** The stored capture a story was last read from (for the 24 h story cache). */
export async function latestStoryCapture(
  db: Db,
  postId: string,
): Promise<{ snapshotId: number | null; capturedAt: string; url: string } | null> {
  const row = await db
    .selectFrom('medium_posts')
    .select(['snapshot_id', 'captured_at', 'url'])
    .where('post_id', '=', postId)
    .executeTakeFirst();
  return row ? { snapshotId: row.snapshot_id, capturedAt: row.captured_at, url: row.url } : null;
}

/** Kept here for the callers that read stories' snapshots; it lives with the other snapshot queries. */
export { snapshotById } from './snapshots-repository.js';

// ---------------------------------------------------------------- authors

export interface MediumAuthorRecord {
  userId: string | null;
  username: string;
  name: string | null;
  bio: string | null;
  followers: number | null;
  following: number | null;
  memberSince: string | null;
  profileUrl: string | null;
  capturedAt: string;
}

export interface StoredMediumAuthor extends MediumAuthorRecord {
  id: number;
}

function toAuthor(row: {
  id: number;
  user_id: string | null;
  username: string;
  name: string | null;
  bio: string | null;
  followers: number | null;
  following: number | null;
  member_since: string | null;
  profile_url: string | null;
  captured_at: string;
}): StoredMediumAuthor {
  return {
    id: row.id,
    userId: row.user_id,
    username: row.username,
    name: row.name,
    bio: row.bio,
    followers: row.followers,
    following: row.following,
    memberSince: row.member_since,
    profileUrl: row.profile_url,
    capturedAt: row.captured_at,
  };
}

/**
 * Inserts or updates an author, matched by Medium user id when known, else by lower-cased username. Fields
 * the new capture does not know (null: e.g. a blocked profile) keep their stored value — the follower
 * *history* in author_snapshots records what each capture saw. Returns the row id.
 */
export async function upsertMediumAuthor(db: Kysely<Database>, author: MediumAuthorRecord): Promise<number> {
  const username = author.username.toLowerCase();
  return db.transaction().execute(async (trx) => {
    let existing =
      author.userId === null
        ? undefined
        : await trx.selectFrom('medium_authors').selectAll().where('user_id', '=', author.userId).executeTakeFirst();
    existing ??= await trx.selectFrom('medium_authors').selectAll().where('username', '=', username).executeTakeFirst();
    if (!existing) {
      const row = await trx
        .insertInto('medium_authors')
        .values({
          user_id: author.userId,
          username,
          name: author.name,
          bio: author.bio,
          followers: author.followers,
          following: author.following,
          member_since: author.memberSince,
          profile_url: author.profileUrl,
          captured_at: author.capturedAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    }
    // A renamed user keeps their row; the new username is taken only when no other row holds it.
    const clash =
      existing.username === username
        ? undefined
        : await trx.selectFrom('medium_authors').select('id').where('username', '=', username).executeTakeFirst();
    await trx
      .updateTable('medium_authors')
      .set({
        user_id: author.userId ?? existing.user_id,
        username: clash ? existing.username : username,
        name: author.name ?? existing.name,
        bio: author.bio ?? existing.bio,
        followers: author.followers ?? existing.followers,
        following: author.following ?? existing.following,
        member_since: author.memberSince ?? existing.member_since,
        profile_url: author.profileUrl ?? existing.profile_url,
        captured_at: author.capturedAt,
      })
      .where('id', '=', existing.id)
      .execute();
    return existing.id;
  });
}

export async function findMediumAuthor(db: Db, username: string): Promise<StoredMediumAuthor | null> {
  const row = await db
    .selectFrom('medium_authors')
    .selectAll()
    .where('username', '=', username.replace(/^@/, '').toLowerCase())
    .executeTakeFirst();
  return row ? toAuthor(row) : null;
}

export interface AuthorSnapshot {
  capturedAt: string;
  followers: number | null;
  following: number | null;
}

/** Records what one capture saw; a second record for the same (author, time) is ignored. Returns true if inserted. */
export async function insertAuthorSnapshot(db: Db, input: AuthorSnapshot & { authorId: number }): Promise<boolean> {
  const result = await db
    .insertInto('author_snapshots')
    .values({ author_id: input.authorId, captured_at: input.capturedAt, followers: input.followers, following: input.following })
    .onConflict((oc) => oc.columns(['author_id', 'captured_at']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Follower history, oldest first. */
export async function listAuthorSnapshots(db: Db, authorId: number): Promise<AuthorSnapshot[]> {
  const rows = await db
    .selectFrom('author_snapshots')
    .select(['captured_at', 'followers', 'following'])
    .where('author_id', '=', authorId)
    .orderBy('captured_at')
    .execute();
  return rows.map((r) => ({ capturedAt: r.captured_at, followers: r.followers, following: r.following }));
}
