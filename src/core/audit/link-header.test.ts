import { describe, expect, it } from 'vitest';
import { linkHeaderTargets, parseLinkHeader } from './link-header.js';

describe('parseLinkHeader (RFC 8288 §3)', () => {
  it('parses several link-values in one field and several fields', () => {
    const v = parseLinkHeader([
      '<https://a.example/p>; rel="canonical", </style.css>; rel=preload; as=style',
      '<https://cdn.example/x>; rel=dns-prefetch',
    ]);
    expect(v.map((l) => [l.target, l.rel])).toEqual([
      ['https://a.example/p', ['canonical']],
      ['/style.css', ['preload']],
      ['https://cdn.example/x', ['dns-prefetch']],
    ]);
    expect(v[1]?.params).toEqual({ as: 'style' });
  });

  it('handles multiple relation types, case, commas and semicolons inside <> and quotes', () => {
    const v = parseLinkHeader('<https://a.example/p?x=1,2;y>; rel="Alternate CANONICAL"; title="a, b; c", <https://b.example/>; REL=next');
    expect(v.map((l) => [l.target, l.rel, l.params])).toEqual([
      ['https://a.example/p?x=1,2;y', ['alternate', 'canonical'], { title: 'a, b; c' }],
      ['https://b.example/', ['next'], {}],
    ]);
  });

  it('keeps the first rel when rel is repeated, skips malformed pieces, never throws', () => {
    expect(parseLinkHeader('<https://x.example/>; rel=canonical; rel=next')[0]?.rel).toEqual(['canonical']);
    expect(parseLinkHeader('garbage, <https://ok.example/>; rel=canonical, <unterminated; rel=x').map((l) => l.target)).toEqual([
      'https://ok.example/',
    ]);
    expect(parseLinkHeader(undefined)).toEqual([]);
    expect(parseLinkHeader('')).toEqual([]);
  });

  it('linkHeaderTargets selects by relation type', () => {
    expect(linkHeaderTargets('<https://a.example/amp>; rel=amphtml, <https://a.example/c>; rel="canonical"', 'canonical')).toEqual([
      'https://a.example/c',
    ]);
  });
});
