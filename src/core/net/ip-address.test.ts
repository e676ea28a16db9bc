import { describe, expect, it } from 'vitest';
import { classifyIpAddress, isBlockedIpAddress, parseIpv4, parseIpv6 } from './ip-address.js';

describe('classifyIpAddress', () => {
  const blocked: [string, string][] = [
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.0.0.1', 'private'],
    ['10.255.255.255', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'this-network'],
    ['100.64.0.1', 'cgnat'],
    ['100.127.255.255', 'cgnat'],
    ['192.0.0.8', 'ietf-protocol'],
    ['192.0.2.1', 'documentation'],
    ['198.18.0.1', 'benchmarking'],
    ['198.19.255.255', 'benchmarking'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['255.255.255.255', 'broadcast'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['febf:ffff::1', 'link-local'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456::1', 'unique-local'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['[::ffff:7f00:1]', 'loopback'],
    ['::ffff:10.1.2.3', 'private'],
    ['::ffff:169.254.169.254', 'link-local'],
    ['::127.0.0.1', 'loopback'],
    ['64:ff9b::10.0.0.1', 'private'],
    ['2002:7f00:1::', 'loopback'],
    ['2001:db8::1', 'documentation'],
    ['2001::1', 'ietf-protocol'],
    ['100::1', 'discard'],
    ['fec0::1', 'site-local'],
    ['4000::1', 'not-global-unicast'],
  ];
  it.each(blocked)('blocks %s as %s', (address, range) => {
    const c = classifyIpAddress(address);
    expect(c).not.toBeNull();
    expect(c?.blocked).toBe(true);
    expect(c?.range).toBe(range);
  });

  const allowed = [
    '8.8.8.8',
    '1.1.1.1',
    '172.15.255.255',
    '172.32.0.0',
    '100.63.255.255',
    '100.128.0.0',
    '169.253.0.1',
    '2606:4700::1111',
    '2a00:1450:4007::200e',
    '::ffff:8.8.8.8',
    '64:ff9b::8.8.8.8',
    '2002:808:808::1',
  ];
  it.each(allowed)('allows public %s', (address) => {
    const c = classifyIpAddress(address);
    expect(c?.blocked).toBe(false);
    expect(c?.range).toBe('public');
  });

  it('formats IPv6 per RFC 5952', () => {
    expect(classifyIpAddress('2001:0DB8:0:0:0:0:0:1')?.address).toBe('2001:db8::1');
    expect(classifyIpAddress('0:0:0:0:0:0:0:1')?.address).toBe('::1');
    expect(classifyIpAddress('::')?.address).toBe('::');
    expect(classifyIpAddress('1:0:0:2:0:0:0:3')?.address).toBe('1:0:0:2::3');
    expect(classifyIpAddress('1:0:2:3:4:5:6:7')?.address).toBe('1:0:2:3:4:5:6:7');
    expect(classifyIpAddress('::ffff:127.0.0.1')?.address).toBe('::ffff:7f00:1');
  });

  it('reports the embedded IPv4 address of mapped forms', () => {
    expect(classifyIpAddress('::ffff:7f00:1')?.embeddedIpv4).toBe('127.0.0.1');
    expect(classifyIpAddress('::ffff:127.0.0.1')?.version).toBe(6);
  });

  it('returns null for DNS names and non-canonical numeric spellings (the URL parser canonicalises those first)', () => {
    for (const name of [
      'example.com',
      'localhost',
      '2130706433',
      '0x7f.1',
      '0177.0.0.1',
      '127.1',
      '1.2.3.4.5',
      '256.1.1.1',
      ':::',
      '1::2::3',
      '',
    ]) {
      expect(classifyIpAddress(name)).toBeNull();
    }
  });

  it('isBlockedIpAddress is false for names', () => {
    expect(isBlockedIpAddress('example.com')).toBe(false);
    expect(isBlockedIpAddress('127.0.0.1')).toBe(true);
  });
});

describe('WHATWG URL canonicalises numeric host forms before classification (OWASP SSRF: decimal/hex/octal)', () => {
  const cases: [string, string][] = [
    ['http://2130706433/', '127.0.0.1'],
    ['http://0x7f.1/', '127.0.0.1'],
    ['http://0177.0.0.1/', '127.0.0.1'],
    ['http://127.1/', '127.0.0.1'],
    ['http://0x7f000001/', '127.0.0.1'],
    ['http://017700000001/', '127.0.0.1'],
    ['http://0/', '0.0.0.0'],
    ['http://[::ffff:127.0.0.1]/', '[::ffff:7f00:1]'],
    ['http://[0:0:0:0:0:0:0:1]/', '[::1]'],
    ['http://169.254.169.254./', '169.254.169.254'],
  ];
  it.each(cases)('%s → %s and is blocked', (url, host) => {
    const hostname = new URL(url).hostname;
    expect(hostname).toBe(host);
    expect(isBlockedIpAddress(hostname)).toBe(true);
  });
});

describe('parsers', () => {
  it('parseIpv4 accepts only canonical dotted quads', () => {
    expect(parseIpv4('1.2.3.4')).toBe(0x01020304);
    expect(parseIpv4('01.2.3.4')).toBeNull();
    expect(parseIpv4('1.2.3')).toBeNull();
  });
  it('parseIpv6 expands :: and trailing dotted quads', () => {
    expect(parseIpv6('::1')).toEqual([0, 0, 0, 0, 0, 0, 0, 1]);
    expect(parseIpv6('1:2:3:4:5:6:7:8')).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(parseIpv6('1:2:3:4:5:6:1.2.3.4')).toEqual([1, 2, 3, 4, 5, 6, 0x102, 0x304]);
    expect(parseIpv6('::ffff:1.2.3.4')).toEqual([0, 0, 0, 0, 0, 0xffff, 0x102, 0x304]);
    expect(parseIpv6('1:2:3:4:5:6:7:8:9')).toBeNull();
    expect(parseIpv6('12345::')).toBeNull();
  });
});
