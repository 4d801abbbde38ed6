import { ROUTE_POLICIES } from '@redvest/contract';
import { checkRouteTable } from './route-table.check';

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
