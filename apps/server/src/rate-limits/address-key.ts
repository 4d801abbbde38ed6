import { isIPv6 } from 'node:net';

/**
 * The part of a caller's address that a limit counts. One IPv6 subscriber is handed a whole /64 and may
 * pick any address in it, so IPv6 addresses count by their first 64 bits; IPv4 (and IPv4 written as
 * IPv6, `::ffff:1.2.3.4`) by the whole address.
 */
export function addressKey(ip: string): string {
  if (!isIPv6(ip)) return ip;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1];
  return `${expandIPv6(ip).slice(0, 4).join(':')}::/64`;
}

/** The eight groups of an IPv6 address, `::` filled in, zone index dropped. */
function expandIPv6(ip: string): string[] {
  const [head, tail = ''] = ip.split('%')[0].toLowerCase().split('::');
  const groups = (part: string) => (part ? part.split(':') : []);
  const [left, right] = [groups(head), groups(tail)];
  const filled = ip.includes('::')
    ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return filled.map((group) => (group.includes('.') ? group : parseInt(group, 16).toString(16)));
}
