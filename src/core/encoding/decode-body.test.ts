import { describe, expect, it } from 'vitest';
import { decodeBody, isValidUtf8, looksBinary, parseContentType, sniffEncoding } from './decode-body.js';
import { getEncoding } from './encoding-label.js';
import { extractEncodingFromMetaContent, prescanHtmlEncoding } from './prescan-html-encoding.js';

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

describe('decodeBody', () => {
  it('replaces invalid UTF-8 with U+FFFD and never throws', () => {
    const body = bytes('<p>caf', [0xc3, 0xa9], ' ', [0xff, 0xfe, 0xc3], ' ok</p>');
    const r = decodeBody(body, 'text/html; charset=utf-8');
    expect(r.encoding).toBe('utf-8');
    expect(r.source).toBe('http');
    expect(r.text).toBe('<p>café \uFFFD\uFFFD\uFFFD ok</p>');
  });

  it('decodes Latin-1 bytes as windows-1252 when nothing is declared', () => {
    const body = bytes('<p>caf', [0xe9], ' ', [0x80], ' na', [0xef], 've</p>');
    const r = decodeBody(body, 'text/html');
    expect(r.encoding).toBe('windows-1252');
    expect(r.source).toBe('default');
    expect(r.text).toBe('<p>café € naïve</p>');
  });

  it('detects undeclared valid UTF-8 (documented choice: UTF-8 when it validates)', () => {
    const r = decodeBody(Buffer.from('<p>naïve — 日本語</p>', 'utf8'), null);
    expect(r).toEqual({ text: '<p>naïve — 日本語</p>', encoding: 'utf-8', source: 'utf8-detected' });
  });

  it('accepts a UTF-8 body cut mid-character at the byte cap as UTF-8', () => {
    const full = Buffer.from('<p>日本語</p>', 'utf8');
    const cut = full.subarray(0, 5); // "<p>" + first 2 bytes of 日
    expect(isValidUtf8(cut)).toBe(true);
    expect(sniffEncoding(cut, null).encoding).toBe('utf-8');
  });

  it('the HTTP charset wins over a meta charset (Latin-1 page with a UTF-8 meta, labelled latin1 by the server)', () => {
    const body = bytes('<meta charset="utf-8"><p>', [0xe9], '</p>');
    const r = decodeBody(body, 'text/html; charset=ISO-8859-1');
    expect(r.encoding).toBe('windows-1252');
    expect(r.text).toContain('<p>é</p>');
  });

  it('a Latin-1 page with a wrong UTF-8 meta decodes with U+FFFD and keeps the markup', () => {
    const body = bytes('<meta charset="utf-8"><a href="/x">caf', [0xe9], '</a>');
    const r = decodeBody(body, 'text/html');
    expect(r.encoding).toBe('utf-8');
    expect(r.source).toBe('meta');
    expect(r.text).toBe('<meta charset="utf-8"><a href="/x">caf\uFFFD</a>');
  });

  it('a BOM wins over the HTTP header', () => {
    const r = decodeBody(bytes([0xef, 0xbb, 0xbf], '<p>', [0xc3, 0xa9], '</p>'), 'text/html; charset=windows-1252');
    expect(r).toEqual({ text: '<p>é</p>', encoding: 'utf-8', source: 'bom' });
    const le = decodeBody(Buffer.from('\uFEFF<p>é</p>', 'utf16le'), 'text/html; charset=utf-8');
    expect(le.encoding).toBe('utf-16le');
    expect(le.text).toBe('<p>é</p>');
  });

  it('uses the meta http-equiv content charset', () => {
    const r = decodeBody(bytes('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-2"><p>', [0xb1], '</p>'), null);
    expect(r.encoding).toBe('iso-8859-2');
    expect(r.text).toContain('<p>ą</p>');
  });

  it('maps a declared UTF-16 meta to UTF-8 (HTML prescan rule)', () => {
    expect(sniffEncoding(bytes('<meta charset="utf-16">'), null).encoding).toBe('utf-8');
    expect(sniffEncoding(bytes('<meta charset="x-user-defined">'), null).encoding).toBe('windows-1252');
  });

  it('finds a meta after the 1024-byte prescan window, but not inside a late <script>', () => {
    const pad = `<!-- ${'x'.repeat(2000)} -->`;
    expect(sniffEncoding(bytes(pad, '<meta charset="iso-8859-2">'), null)).toEqual({ encoding: 'iso-8859-2', source: 'late-meta' });
    expect(sniffEncoding(bytes(pad, '<script>var s = "<meta charset=iso-8859-2>";</script>'), null).encoding).toBe('windows-1252');
  });

  it('XML: declaration encoding, else UTF-8', () => {
    expect(sniffEncoding(bytes('<?xml version="1.0" encoding="ISO-8859-1"?><rss/>'), 'application/rss+xml')).toEqual({
      encoding: 'windows-1252',
      source: 'xml-declaration',
    });
    expect(sniffEncoding(bytes('<rss/>'), 'application/xml').encoding).toBe('utf-8');
    expect(sniffEncoding(bytes('<?xml version="1.0"?><meta charset="iso-8859-2"/>'), 'text/xml').encoding).toBe('utf-8');
  });

  it('plain text and JSON default to UTF-8 with replacement', () => {
    const r = decodeBody(bytes('User-agent: *\nDisallow: /caf', [0xe9]), 'text/plain');
    expect(r.encoding).toBe('utf-8');
    expect(r.text.endsWith('/caf\uFFFD')).toBe(true);
  });

  it('ignores an unknown HTTP charset and keeps sniffing', () => {
    expect(sniffEncoding(bytes('<meta charset="iso-8859-2">'), 'text/html; charset=bogus').encoding).toBe('iso-8859-2');
  });
});

describe('helpers', () => {
  it('parseContentType', () => {
    expect(parseContentType('Text/HTML; Charset="UTF-8"; foo=bar')).toEqual({ mimeType: 'text/html', charset: 'UTF-8' });
    expect(parseContentType('text/html;charset=')).toEqual({ mimeType: 'text/html', charset: null });
    expect(parseContentType(null)).toEqual({ mimeType: null, charset: null });
    expect(parseContentType('garbage')).toEqual({ mimeType: null, charset: null });
  });
  it('getEncoding trims and resolves WHATWG labels', () => {
    expect(getEncoding(' latin1 ')).toBe('windows-1252');
    expect(getEncoding('\niso8859-2\n')).toBe('iso-8859-2');
    expect(getEncoding('SJIS')).toBe('shift_jis');
    expect(getEncoding('bogus')).toBeNull();
    expect(getEncoding('')).toBeNull();
  });
  it('extractEncodingFromMetaContent', () => {
    expect(extractEncodingFromMetaContent('text/html; charset=iso8859-2')).toBe('iso8859-2');
    expect(extractEncodingFromMetaContent('text/html; charset = "utf-8"')).toBe('utf-8');
    expect(extractEncodingFromMetaContent('charsetcharset=x;y')).toBe('x');
    expect(extractEncodingFromMetaContent("charset='unterminated")).toBeNull();
    expect(extractEncodingFromMetaContent('text/html')).toBeNull();
  });
  it('prescan ignores metas in comments and attribute values', () => {
    expect(prescanHtmlEncoding(bytes('<!-- <meta charset="iso-8859-2"> --><p>'))).toBeNull();
    expect(prescanHtmlEncoding(bytes('<p title="<meta charset=iso-8859-2>">'))).toBeNull();
    expect(prescanHtmlEncoding(bytes('<META CHARSET=KOI8-R>'))).toBe('koi8-r');
  });
});

describe('windows-1252 (works around the Node 20 Latin-1 fast path, nodejs/node#60888)', () => {
  it('decodes all 256 bytes per the WHATWG index', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const text = decodeBody(all, 'text/html; charset=windows-1252').text;
    expect(text).toHaveLength(256);
    expect(text.charCodeAt(0x80)).toBe(0x20ac); // €
    expect(text.charCodeAt(0x92)).toBe(0x2019); // ’
    expect(text.charCodeAt(0x9f)).toBe(0x0178); // Ÿ
    expect(text.charCodeAt(0x81)).toBe(0x0081); // undefined in cp1252, U+0081 in WHATWG
    expect(text.charCodeAt(0xe9)).toBe(0x00e9);
    expect(text.charCodeAt(0x41)).toBe(0x41);
  });
});

describe('looksBinary (a zero byte in the first 8000, as git decides)', () => {
  it('tells binary files from text, UTF-16 with a BOM included', () => {
    expect(looksBinary(Buffer.from('<!doctype html><p>café\r\n\t</p>'))).toBe(false);
    expect(looksBinary(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]))).toBe(true); // ELF header
    expect(looksBinary(Buffer.from('\uFEFF<p>x</p>', 'utf16le'))).toBe(false);
    expect(looksBinary(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<p>x</p>', 'utf16le')]))).toBe(false);
    expect(looksBinary(Buffer.from('<p>stray \u0001 control byte</p>'))).toBe(false);
    expect(looksBinary(Buffer.concat([Buffer.alloc(8000, 0x61), Buffer.from([0])]))).toBe(false); // beyond the first 8000
  });
});
