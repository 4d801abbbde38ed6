import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderContractDoc } from './docs';
import { ERROR_CATALOG, ErrorCode } from './errors';
import { ALL_ROLES } from './roles';
import { policyFor, ROUTE_POLICIES, RoutePolicy } from './routes';
import { toIsoLocal } from './time';

describe('the contract', () => {
  it('gives every error code a status and a Chinese message', () => {
    for (const code of Object.values(ErrorCode)) {
      const spec = ERROR_CATALOG[code];
      expect(spec.status).toBeGreaterThanOrEqual(400);
      expect(spec.message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it('names only known roles and well-formed routes in the role-by-route table', () => {
    for (const [key, policy] of Object.entries(ROUTE_POLICIES as Record<string, RoutePolicy>)) {
      expect(key).toMatch(/^(GET|POST|PUT|DELETE) \/(api\/|healthz$)/);
      const access = policy.access;
      if (access.access === 'community') expect(key).toContain('/api/communities/:cid');
      if (access.access === 'resource') expect(key).toContain(`:${access.param}`);
      if ('roles' in access) for (const role of access.roles) expect(ALL_ROLES).toContain(role);
    }
  });

  it('answers HEAD by the policy of GET, as the server serves HEAD for every GET route', () => {
    expect(policyFor('HEAD', '/healthz')).toBe(ROUTE_POLICIES['GET /healthz']);
    expect(policyFor('head', '/api/me')).toBe(ROUTE_POLICIES['GET /api/me']);
    expect(policyFor('HEAD', '/api/communities')).toBeUndefined();
  });

  it('writes times in the product clock zone with its offset', () => {
    expect(toIsoLocal(new Date('2026-11-23T10:30:00.000Z'))).toBe('2026-11-23T18:30:00.000+08:00');
    expect(toIsoLocal(new Date('2026-12-31T16:00:00.000Z'))).toBe('2027-01-01T00:00:00.000+08:00');
  });
});

describe('CONTRACT.md', () => {
  it('is up to date with the error codes and the route table', () => {
    const written = readFileSync(join(__dirname, '../CONTRACT.md'), 'utf8');
    expect(written).toBe(renderContractDoc());
  });
});
