import { Role, ROUTE_POLICIES, RoutePolicy } from '@redvest/contract';
import { checkAuditDeclarations, checkRouteTable } from './route-table.check';

const everyRoute = () =>
  Object.keys(ROUTE_POLICIES).map((key) => {
    const [method, url] = key.split(' ');
    return { method, url };
  });

describe('checkRouteTable', () => {
  it('accepts the routes of the table, with HEAD and the docs beside them', () => {
    expect(() =>
      checkRouteTable([
        ...everyRoute(),
        { method: 'HEAD', url: '/healthz' },
        { method: 'GET', url: '/api/docs' },
      ]),
    ).not.toThrow();
  });

  it('refuses a served route the table does not list', () => {
    expect(() =>
      checkRouteTable([...everyRoute(), { method: 'DELETE', url: '/api/communities/:cid' }]),
    ).toThrow('Routes missing from ROUTE_POLICIES: DELETE /api/communities/:cid');
  });

  it('refuses a table entry no route serves', () => {
    expect(() => checkRouteTable(everyRoute().slice(1))).toThrow(
      'ROUTE_POLICIES names routes the server does not serve: GET /healthz',
    );
  });
});

describe('checkAuditDeclarations', () => {
  const table = (extra: Record<string, RoutePolicy>) => ({
    ...(ROUTE_POLICIES as Record<string, RoutePolicy>),
    ...extra,
  });
  const secretaryOnly = { access: 'community', roles: [Role.Secretary] } as const;

  it('accepts the route table as it is', () => {
    expect(() => checkAuditDeclarations()).not.toThrow();
  });

  it('refuses a route that changes something without saying what it writes to the audit log', () => {
    expect(() =>
      checkAuditDeclarations(
        table({ 'POST /api/communities/:cid/things': { summary: '', access: { access: 'user' } } }),
      ),
    ).toThrow('POST /api/communities/:cid/things declares no audit (actions, or null)');
  });

  it('refuses a secretary’s route that changes something without an audit action', () => {
    expect(() =>
      checkAuditDeclarations(
        table({ 'DELETE /api/communities/:cid/things': { summary: '', access: secretaryOnly, audit: null } }),
      ),
    ).toThrow('DELETE /api/communities/:cid/things is a staff action without an audit action');
  });

  it('refuses an export without an audit action', () => {
    expect(() =>
      checkAuditDeclarations(
        table({ 'GET /api/communities/:cid/things/export': { summary: '', access: secretaryOnly } }),
      ),
    ).toThrow('GET /api/communities/:cid/things/export exports without an audit action');
  });
});
