import { HttpRequest, HttpResponse, Transport } from '@redvest/api-client';
import { ERROR_CATALOG, ErrorCode } from '@redvest/contract';

type Answer = HttpResponse | ((request: HttpRequest) => HttpResponse);

/** A stand-in for the server: answers by `METHOD /path`, records every request. */
export function fakeTransport(routes: Record<string, Answer>) {
  const requests: HttpRequest[] = [];
  const answer = (request: HttpRequest): HttpResponse => {
    const route = routes[`${request.method} ${request.path}`];
    if (!route) return errorResponse(ErrorCode.RouteNotFound);
    return typeof route === 'function' ? route(request) : route;
  };
  const transport: Transport = {
    send: async (request) => {
      requests.push(request);
      return answer(request);
    },
    upload: async () => errorResponse(ErrorCode.RouteNotFound),
  };
  return { transport, requests, routes };
}

export function ok(data: unknown): HttpResponse {
  return { status: 200, data };
}

export function errorResponse(code: ErrorCode): HttpResponse {
  const { status, message } = ERROR_CATALOG[code];
  return { status, data: { error: { code, message } } };
}
