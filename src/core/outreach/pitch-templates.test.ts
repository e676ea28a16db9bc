import { describe, expect, it } from 'vitest';
import { LinkwrightError } from '../errors/linkwright-error.js';
import {
  BUILTIN_TEMPLATE_IDS,
  BUILTIN_TEMPLATE_SOURCES,
  buildTemplateValues,
  builtinTemplate,
  escapeMarkdownText,
  findEditMarkers,
  parseTemplate,
  renderTemplate,
  TEMPLATE_FIELDS,
  type TemplateValues,
} from './pitch-templates.js';

const FULL: TemplateValues = {
  authorName: 'Jane Doe',
  authorFirstName: 'Jane',
  authorUsername: 'janedoe',
  storyTitle: 'What 1,000 outreach emails taught me',
  storyUrl: 'https://medium.com/@janedoe/what-1000-outreach-emails-taught-me-3f2a',
  linksToType: 'research reports and data',
  linksToExample: 'https://example.org/report.pdf',
  assetTitle: 'The 2025 Medium link study',
  assetUrl: 'https://example.com/medium-link-study',
  assetType: 'dataset',
  senderName: 'Sam',
};

function thrown(fn: () => unknown): LinkwrightError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(LinkwrightError);
    return e as LinkwrightError;
  }
  throw new Error('expected a LinkwrightError');
}

/** 1-based line numbers of a snippet in a source text (to derive expectations from the template itself). */
function linesOf(source: string, snippet: string): number[] {
  return source.split('\n').flatMap((line, i) => (line.includes(snippet) ? [i + 1] : []));
}

describe('built-in templates', () => {
  it.each(BUILTIN_TEMPLATE_IDS)('%s parses, uses only known fields and has a description and subject', (id) => {
    const t = builtinTemplate(id);
    expect(t.id).toBe(id);
    expect(t.description?.length).toBeGreaterThan(30);
    expect(t.subject).not.toBeNull();
    for (const f of t.fields) expect(Object.keys(TEMPLATE_FIELDS)).toContain(f.field);
  });

  it('renders the pitch with every value, without blank-line gaps', () => {
    const r = renderTemplate(builtinTemplate('pitch'), FULL);
    expect(r.subject).toBe('A dataset you might find useful');
    expect(r.text).toContain('Hi Jane,\n\n');
    expect(r.text).toContain(
      "I've been reading your stories for a few weeks now, [What 1,000 outreach emails taught me](https://medium.com/@janedoe/what-1000-outreach-emails-taught-me-3f2a) in particular.",
    );
    expect(r.text).toContain('I recently published [The 2025 Medium link study](https://example.com/medium-link-study), a dataset.');
    expect(r.text).toContain('You often point readers to research reports and data, so I thought');
    expect(r.text).not.toContain('\nI thought it might be useful');
    expect(r.text).not.toMatch(/\n\n\n/);
    expect(r.text).not.toContain('{{');
    expect(r.text.endsWith('Thanks,\nSam\n')).toBe(true);
  });

  it('leaves optional parts out cleanly when their values are unknown', () => {
    const { linksToType: _l, assetType: _a, ...rest } = FULL;
    const r = renderTemplate(builtinTemplate('pitch'), rest);
    expect(r.subject).toBe('Something you might find useful');
    expect(r.text).toContain('I recently published [The 2025 Medium link study](https://example.com/medium-link-study). [[EDIT');
    expect(r.text).toContain('\n\nI thought it might be useful the next time you write about this');
    expect(r.text).not.toContain('You often point readers');
    expect(r.text).not.toMatch(/\n\n\n/);
  });

  it('asks for the personal sentences only the sender can write', () => {
    const counts = BUILTIN_TEMPLATE_IDS.map((id) => findEditMarkers(renderTemplate(builtinTemplate(id), FULL).text).length);
    expect(counts).toEqual([1, 2, 0]);
    const markers = findEditMarkers(renderTemplate(builtinTemplate('intro'), FULL).text);
    expect(markers).toEqual([{ text: 'one specific point from the story that stayed with you, and why.', line: 3 }]);
  });

  it('keeps drafts short', () => {
    for (const id of BUILTIN_TEMPLATE_IDS) {
      const words = renderTemplate(builtinTemplate(id), FULL).text.split(/\s+/).filter(Boolean).length;
      expect(words, id).toBeLessThan(150);
    }
  });
});

describe('missing values', () => {
  it('names every missing field with its line, never leaving a blank', () => {
    const { storyTitle: _s, senderName: _n, ...rest } = FULL;
    const source = BUILTIN_TEMPLATE_SOURCES.pitch;
    const e = thrown(() => renderTemplate(builtinTemplate('pitch'), rest));
    expect(e.code).toBe('TEMPLATE_FIELD_MISSING');
    expect(e.errorClass).toBe('validation');
    const titleLines = linesOf(source, '{{storyTitle}}');
    const senderLines = linesOf(source, '{{senderName}}');
    expect(titleLines).toHaveLength(1);
    expect(e.message).toBe(`template "pitch" needs a value for storyTitle (line ${titleLines[0]}), senderName (line ${senderLines[0]})`);
    expect(e.position).toEqual({
      input: 'pitch',
      line: titleLines[0],
      column: (source.split('\n')[(titleLines[0] as number) - 1] as string).indexOf('{{storyTitle}}') + 1,
    });
    expect((e.details.missing as { field: string }[]).map((m) => m.field)).toEqual(['storyTitle', 'senderName']);
  });

  it('lists every line of a field used several times, subject included', () => {
    const e = thrown(() =>
      renderTemplate('---\nsubject: About {{assetTitle}}\n---\nHi,\n{{assetTitle}} and {{assetTitle}}\n\n{{assetTitle}}\n', {}),
    );
    expect(e.message).toBe('template "template" needs a value for assetTitle (lines 2, 5, 7)');
  });

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['empty', ''],
    ['blank', '   \n '],
    ['NaN', Number.NaN],
  ])('treats %s as missing', (_label, value) => {
    expect(thrown(() => renderTemplate('Hi {{authorFirstName}}', { authorFirstName: value })).code).toBe('TEMPLATE_FIELD_MISSING');
  });

  it('accepts 0 as a value, and a missing value only hides an optional section', () => {
    expect(renderTemplate('n={{count}}', { count: 0 }, { extraFields: ['count'] }).text).toBe('n=0');
    expect(renderTemplate('a{{#if assetType}} ({{assetType}}){{/if}}b', {}).text).toBe('ab');
  });

  it('never reads inherited properties as values', () => {
    expect(thrown(() => renderTemplate('{{constructor}}', {}, { extraFields: ['constructor'] })).code).toBe('TEMPLATE_FIELD_MISSING');
    expect(renderTemplate('{{#if toString}}x{{else}}y{{/if}}', {}, { extraFields: ['toString'] }).text).toBe('y');
  });
});

describe('parseTemplate validation', () => {
  it('rejects unknown fields, naming each with its line', () => {
    const e = thrown(() => parseTemplate('Hi {{firstName}},\n\n{{#if company}}at {{company}}{{/if}}\n', { id: 'mine.md' }));
    expect(e.code).toBe('TEMPLATE_FIELD_UNKNOWN');
    expect(e.message).toMatch(
      /^template "mine.md" uses unknown fields firstName \(line 1\), company \(line 3\), company \(line 3\); known fields: authorName, /,
    );
    expect(e.position).toEqual({ input: 'mine.md', line: 1, column: 4 });
    expect(parseTemplate('Hi {{firstName}}', { extraFields: ['firstName'] }).fields).toEqual([
      { field: 'firstName', line: 1, column: 4, condition: false },
    ]);
  });

  it.each([
    ['Hi {{authorName', 1, 'is not closed'],
    ['Hi {{authorName\n}}', 1, 'is not closed'],
    ['a\n{{/if}}', 2, 'without an open'],
    ['{{#if assetType}}\nx\n', 1, 'never closed'],
    ['x {{else}} y', 1, 'outside an {{#if}}'],
    ['{{#if assetType}}a{{else}}b{{else}}c{{/if}}', 1, 'a second {{else}}'],
    ['{{#each items}}x{{/each}}', 1, 'unknown tag'],
    ['{{ }}', 1, 'empty'],
    ['{{#if}}x{{/if}}', 1, 'needs one field name'],
    ['{{#ifassetType}}x{{/if}}', 1, 'needs one field name'],
    ['{{author-name}}', 1, 'unknown tag'],
    ['---\nsubject: x\n', 1, 'never closed'],
    ['---\nsubjekt: x\n---\nbody', 2, 'unknown front matter key'],
    ['---\njust text\n---\nbody', 2, 'key: value'],
  ])('syntax error in %j at line %i', (source, line, text) => {
    const e = thrown(() => parseTemplate(source));
    expect(e.code).toBe('TEMPLATE_SYNTAX');
    expect(e.position?.line).toBe(line);
    expect(e.message).toContain(text);
  });

  it('numbers body lines as lines of the file (after front matter)', () => {
    const t = parseTemplate('---\ndescription: d\n---\n\nHello {{authorName}}\n');
    expect(t.fields).toEqual([{ field: 'authorName', line: 5, column: 7, condition: false }]);
    expect(t.description).toBe('d');
  });

  it('accepts quoted front matter values and CRLF files', () => {
    const t = parseTemplate(
      '---\r\nsubject: "Hi {{authorFirstName}}"\r\n---\r\nLine 1\r\n{{#if assetType}}\r\nA {{assetType}}\r\n{{/if}}\r\nEnd\r\n',
    );
    const r = renderTemplate(t, { authorFirstName: 'Jo', assetType: 'guide' });
    expect(r.subject).toBe('Hi Jo');
    expect(r.text).toBe('Line 1\r\nA guide\r\nEnd\r\n');
    expect(renderTemplate(t, { authorFirstName: 'Jo' }).text).toBe('Line 1\r\nEnd\r\n');
  });

  it('supports nested sections', () => {
    const src = '{{#if assetTitle}}A{{#if assetType}} ({{assetType}}){{else}} (no type){{/if}}{{else}}none{{/if}}';
    expect(renderTemplate(src, { assetTitle: 't', assetType: 'video' }).text).toBe('A (video)');
    expect(renderTemplate(src, { assetTitle: 't' }).text).toBe('A (no type)');
    expect(renderTemplate(src, {}).text).toBe('none');
  });
});

describe('escaping', () => {
  it('writes a literal "{{" for \\{{', () => {
    expect(renderTemplate('Use \\{{authorName}} in your template, {{authorFirstName}}', { authorFirstName: 'Jo' }).text).toBe(
      'Use {{authorName}} in your template, Jo',
    );
  });

  it('escapes Markdown in text values and keeps them on one line', () => {
    const r = renderTemplate('Re: {{storyTitle}}', { storyTitle: 'Why *most* links_fail [study]\n# and <b>more</b>' });
    expect(r.text).toBe('Re: Why \\*most\\* links\\_fail \\[study\\] # and \\<b\\>more\\</b\\>');
    expect(escapeMarkdownText('a|b~c`d\\e')).toBe('a\\|b\\~c\\`d\\\\e');
  });

  it('escapes block markers when a value starts a line', () => {
    expect(renderTemplate('{{storyTitle}}', { storyTitle: '# Not a heading' }).text).toBe('\\# Not a heading');
    expect(renderTemplate('x\n  {{storyTitle}}', { storyTitle: '1. Not a list' }).text).toBe('x\n  1\\. Not a list');
    expect(renderTemplate('x {{storyTitle}}', { storyTitle: '# inline' }).text).toBe('x # inline');
  });

  it('inserts values as given with escape: none', () => {
    expect(renderTemplate('{{storyTitle}}', { storyTitle: '*bold* _x_' }, { escape: 'none' }).text).toBe('*bold* _x_');
  });

  it('never re-reads a value as a template', () => {
    expect(renderTemplate('Hi {{authorName}}', { authorName: '{{senderName}}' }).text).toBe('Hi {{senderName}}');
  });

  it('keeps URLs one Markdown link destination, and refuses non-http(s) URLs naming the field', () => {
    expect(renderTemplate('[{{assetTitle}}]({{assetUrl}})', { assetTitle: 'A', assetUrl: 'https://example.com/a (draft)/<x>' }).text).toBe(
      '[A](https://example.com/a%20%28draft%29/%3Cx%3E)',
    );
    for (const bad of ['javascript:alert(1)', 'example.com/page', 'ftp://example.com/x']) {
      const e = thrown(() => renderTemplate('{{assetUrl}}', { assetUrl: bad }));
      expect(e.code).toBe('INVALID_INPUT');
      expect(e.details.field).toBe('assetUrl');
      expect(e.message).toContain('assetUrl must be an absolute http(s) URL');
    }
  });
});

describe('buildTemplateValues', () => {
  it('derives the first name and phrases the link type', () => {
    const v = buildTemplateValues({
      author: { name: '  Jane  Q. Doe ', username: '@janedoe' },
      story: { title: 'T', url: 'https://medium.com/@janedoe/t' },
      linksTo: 'research',
      asset: { title: 'A', url: 'https://example.com/a', type: 'dataset' },
      senderName: 'Sam',
    });
    expect(v).toEqual({
      authorUsername: 'janedoe',
      authorName: 'Jane  Q. Doe',
      authorFirstName: 'Jane',
      storyTitle: 'T',
      storyUrl: 'https://medium.com/@janedoe/t',
      linksToType: 'research reports and data',
      assetTitle: 'A',
      assetUrl: 'https://example.com/a',
      assetType: 'dataset',
      senderName: 'Sam',
    });
  });

  it('leaves unknown data absent so rendering names it', () => {
    const v = buildTemplateValues({ author: { name: null, username: 'x' }, linksTo: 'other' });
    expect(v).toEqual({ authorUsername: 'x' });
    const e = thrown(() => renderTemplate(builtinTemplate('intro'), v));
    const src = BUILTIN_TEMPLATE_SOURCES.intro;
    const [subjectLine, bodyLine] = linesOf(src, '{{storyTitle}}');
    expect(linesOf(src, '{{storyUrl}}')).toEqual([bodyLine]);
    expect(e.message).toBe(
      `template "intro" needs a value for storyTitle (lines ${subjectLine}, ${bodyLine}), authorFirstName (line ${linesOf(src, '{{authorFirstName}}')[0]}), storyUrl (line ${bodyLine}), senderName (line ${linesOf(src, '{{senderName}}')[0]})`,
    );
    expect(subjectLine).toBe(3);
    expect(buildTemplateValues({ author: { username: 'x' }, linksTo: 'hand-made tools' }).linksToType).toBe('hand-made tools');
  });
});
