import { createHash } from 'node:crypto';
import { contentSecurityPolicy, inlineScriptHashes } from './security-headers';

describe('the H5 pages’ Content-Security-Policy', () => {
  it('allows the inline scripts of a page by their SHA-256, and no script with a src', () => {
    const inline = '!function(n){n.document.documentElement.style.fontSize="20px"}(window);';
    const html = `<head><script>${inline}</script><script defer="defer" src="/js/app.js"></script><script> </script></head>`;
    const expected = `sha256-${createHash('sha256').update(inline).digest('base64')}`;
    expect(inlineScriptHashes(html)).toEqual([expected]);
    expect(contentSecurityPolicy([expected])).toContain(`script-src 'self' '${expected}' 'unsafe-hashes'`);
  });

  it('forbids framing, plugins and scripts from elsewhere', () => {
    const policy = contentSecurityPolicy();
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toMatch(/script-src 'self' 'unsafe-hashes' 'sha256-[^']+';/);
    expect(policy).not.toMatch(/unsafe-inline[^;]*;.*style-src|script-src[^;]*unsafe-(inline|eval)/);
  });
});
