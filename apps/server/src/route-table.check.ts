import { policyFor, ResourceKind, ROUTE_POLICIES, RoutePolicy } from '@redvest/contract';

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
