import { policyFor, ResourceKind, Role, RouteAccess, ROUTE_POLICIES, RoutePolicy } from '@redvest/contract';

export interface ServedRoute {
  method: string;
  url: string;
}

/** Routes the server serves that are not Nest controllers (documentation, static pages). */
const INFRASTRUCTURE = /^(\/api\/docs|\/\*|\/$)/;

/** Fails start-up when a route is missing from the role-by-route table, or the table names a route that is gone. */
export function checkRouteTable(routes: ServedRoute[]): void {
  const served = routes.filter(({ method, url }) => method !== 'HEAD' && !INFRASTRUCTURE.test(url));
  const missing = served.filter(({ method, url }) => !policyFor(method, url));
  if (missing.length) {
    throw new Error(
      `Routes missing from ROUTE_POLICIES: ${missing.map((r) => `${r.method} ${r.url}`).join(', ')}`,
    );
  }
  const servedKeys = new Set(served.map(({ method, url }) => `${method} ${url}`));
  const stale = Object.keys(ROUTE_POLICIES).filter((key) => !servedKeys.has(key));
  if (stale.length)
    throw new Error(`ROUTE_POLICIES names routes the server does not serve: ${stale.join(', ')}`);
}

/** Fails start-up when a route is scoped by a kind of resource that no module knows how to find the community of. */
export function checkResourceResolvers(registry: { resolverFor(kind: ResourceKind): unknown }): void {
  const kinds = new Set(
    Object.values(ROUTE_POLICIES as Record<string, RoutePolicy>).flatMap((p) =>
      p.access.access === 'resource' ? [p.access.resource] : [],
    ),
  );
  const missing = [...kinds].filter((kind) => !registry.resolverFor(kind));
  if (missing.length) throw new Error(`No community resolver for: ${missing.join(', ')}`);
}

/** Roles whose holders act on other people's records. */
const STAFF_ROLES: ReadonlySet<Role> = new Set([Role.Secretary, Role.BranchSecretary, Role.GroupLeader]);

/** Only secretaries, branch secretaries, group leaders or the platform admin may call it. */
export function staffOnly(access: RouteAccess): boolean {
  if (access.access === 'platform_admin') return true;
  if (access.access !== 'community' && access.access !== 'resource') return false;
  return access.roles.every((role) => STAFF_ROLES.has(role));
}

/**
 * Fails start-up when a route that changes something does not say what it writes to the audit log, when a
 * route only staff may call changes something without an audit action, or when an export declares none.
 */
export function checkAuditDeclarations(
  policies: Record<string, RoutePolicy> = ROUTE_POLICIES as Record<string, RoutePolicy>,
): void {
  const problems: string[] = [];
  for (const [key, policy] of Object.entries(policies)) {
    const [method, url] = key.split(' ');
    const changes = method !== 'GET';
    if (changes && policy.audit === undefined) problems.push(`${key} declares no audit (actions, or null)`);
    if (changes && staffOnly(policy.access) && !policy.audit)
      problems.push(`${key} is a staff action without an audit action`);
    // A community's data handed out; one's own (`GET /api/me/export`) is not a staff action.
    const ofCommunity = policy.access.access === 'community' || policy.access.access === 'resource';
    if (!changes && ofCommunity && /\/export$/.test(url) && !policy.audit)
      problems.push(`${key} exports without an audit action`);
    if (policy.audit && !policy.audit.actions.length)
      problems.push(`${key} declares an empty list of audit actions`);
  }
  if (problems.length) throw new Error(`Audit declarations in ROUTE_POLICIES: ${problems.join('; ')}`);
}
