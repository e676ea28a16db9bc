/**
 * Serves the demo world on 127.0.0.1 (one port, routed by Host header): a synthetic Medium and the
 * user's synthetic site. Used by `linkwright demo` and by the end-to-end tests. Only loopback.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  CHALLENGE_HEADERS,
  CHALLENGE_STATUS,
  renderChallengePage,
  renderDemoProfilePage,
  renderDemoPublicationFeed,
  renderDemoTagFeed,
  renderDemoUserFeed,
  renderMediumStoryPage,
  renderPlacementStoryPage,
  renderSitePage,
} from './demo-render.js';
import { type DemoWorld, storyPath } from './demo-world.js';

export interface DemoServer {
  port: number;
  /** http://<medium host>:<port> */
  mediumOrigin: string;
  /** http://<site host>:<port> */
  siteOrigin: string;
  /** Hostnames the fetcher must resolve to 127.0.0.1. */
  hosts: string[];
  /** Every request served, in order (for tests and politeness checks). */
  requests: { host: string; path: string; at: number }[];
  /** JSON bodies POSTed to the demo's webhook receiver (`world.outreach.webhookPath`, any host). */
  webhooks: { at: number; headers: Record<string, string | string[] | undefined>; body: unknown }[];
  /** `http://127.0.0.1:<port><webhook path>`. */
  webhookUrl: string;
  storyUrl(postId: string): string;
  close(): Promise<void>;
}

/** `/feed/@user` or `/@user/feed` → the username; anything else → null. */
function userFeedName(segments: readonly string[]): string | null {
  if (segments.length !== 2) return null;
  const [a = '', b = ''] = segments;
  if (a === 'feed' && b.startsWith('@')) return b.slice(1);
  if (a.startsWith('@') && b === 'feed') return a.slice(1);
  return null;
}

export async function startDemoServer(world: DemoWorld, options: { port?: number } = {}): Promise<DemoServer> {
  const requests: DemoServer['requests'] = [];
  const webhooks: DemoServer['webhooks'] = [];
  let port = 0;
  const origins = () => ({
    medium: `http://${world.medium.host}:${port}`,
    site: `http://${world.userSite.host}:${port}`,
  });

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push({ host, path, at: Date.now() });
    if (path === world.outreach.webhookPath && req.method === 'POST') {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        let body: unknown = null;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          body = null;
        }
        webhooks.push({ at: Date.now(), headers: req.headers, body });
        res.writeHead(body === null ? 400 : 200, { 'content-type': 'application/json' });
        res.end('{"ok":true}');
      });
      return;
    }
    const send = (status: number, body: string, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers });
      res.end(body);
    };
    if (path === '/robots.txt') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('User-agent: *\nDisallow: /private/\n');
      return;
    }
    if (host === world.medium.host) {
      const rss = (body: string) => send(200, body, { 'content-type': 'text/xml; charset=UTF-8' });
      const segments = path
        .split('/')
        .filter((x) => x !== '')
        .map((x) => decodeURIComponent(x));
      // Feeds (notes §1): /feed/@user (also /@user/feed), /feed/tag/<slug>, /feed/<publication>.
      const feedUser = userFeedName(segments);
      if (feedUser !== null) {
        const author = world.medium.authors.find((a) => a.username === feedUser.toLowerCase());
        return author ? rss(renderDemoUserFeed(world, author, origins())) : send(404, '<!doctype html><title>Not found</title><p>404</p>');
      }
      if (segments[0] === 'feed' && segments[1] === 'tag' && segments[2] !== undefined && segments.length === 3) {
        return rss(renderDemoTagFeed(world, segments[2].toLowerCase(), origins()));
      }
      if (segments[0] === 'feed' && segments[1] !== undefined && segments.length === 2) {
        const pub = world.medium.publications.find((p) => p.slug === segments[1]);
        return pub ? rss(renderDemoPublicationFeed(world, pub, origins())) : send(404, '<!doctype html><title>Not found</title><p>404</p>');
      }
      // Profile pages: /@user
      if (segments.length === 1 && segments[0]?.startsWith('@')) {
        const author = world.medium.authors.find((a) => a.username === segments[0]?.slice(1).toLowerCase());
        return author ? send(200, renderDemoProfilePage(world, author, origins())) : send(404, '<!doctype html><title>Not found</title><p>404</p>');
      }
      const placed = world.outreach.placements.find((pl) => storyPath(pl.story, world) === path || path === `/p/${pl.story.postId}`);
      if (placed) return send(200, renderPlacementStoryPage(world, placed, world.outreach.phase, origins()));
      const story = world.medium.stories.find((s) => storyPath(s, world) === path || path === `/p/${s.postId}`);
      if (!story) return send(404, '<!doctype html><title>Not found</title><p>404</p>');
      if (story.challenge) {
        // The shape of a Cloudflare managed challenge: 403, cf-mitigated header, "Just a moment...".
        return send(CHALLENGE_STATUS, renderChallengePage(), { ...CHALLENGE_HEADERS });
      }
      return send(200, renderMediumStoryPage(world, story, origins()));
    }
    if (host === world.userSite.host) {
      const page = world.userSite.pages.find((p) => p.path === path);
      if (!page) return send(404, '<!doctype html><title>Not found</title><p>404</p>');
      if (page.status === 301 && page.redirectTo) {
        res.writeHead(301, { location: page.redirectTo });
        res.end();
        return;
      }
      return send(page.status, renderSitePage(world, page));
    }
    send(421, 'unknown host');
  };

  const server: Server = createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const { medium, site } = origins();
  return {
    port,
    mediumOrigin: medium,
    siteOrigin: site,
    hosts: [world.medium.host, world.userSite.host],
    requests,
    webhooks,
    webhookUrl: `http://127.0.0.1:${port}${world.outreach.webhookPath}`,
    storyUrl(postId) {
      const story = world.medium.stories.find((s) => s.postId === postId);
      if (!story) throw new Error(`no demo story ${postId}`);
      return `${medium}${storyPath(story, world)}`;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
