import { createApiClient, Transport } from '@redvest/api-client';
import { ErrorCode } from '@redvest/contract';
import { getToken, goToLogin } from './session';
import { taroTransport } from './taro-transport';

/** '' on H5 (the server serves the pages, so the API is on the same origin); the server's URL in the mini-program. */
export const API_BASE = process.env.TARO_APP_API_BASE ?? '';

let transport: Transport = taroTransport(API_BASE);

/** Replaces how requests reach the server (tests use a fake). */
export function setTransport(next: Transport): void {
  transport = next;
}

/** The one client every page uses. A missing or expired token sends the user back to the login page. */
export const api = createApiClient(
  { send: (request) => transport.send(request), upload: (request) => transport.upload(request) },
  {
    getToken,
    onError: (error) => {
      // Not every 401 is about the session: a rejected WeChat login code is shown on the login page itself.
      if (error.code === ErrorCode.Unauthenticated || error.code === ErrorCode.TokenInvalid) goToLogin();
    },
  },
);
