// A small JSON client for fault scripts: every answer comes back as {status, body}, never thrown,
// because a dropped connection at the moment of a kill is an expected outcome here.
export function client(baseUrl, token) {
  return async function call(method, path, { body, headers = {} } = {}) {
    try {
      const response = await fetch(baseUrl + path, {
        method,
        headers: {
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return {
        status: response.status,
        headers: Object.fromEntries(response.headers),
        body: text ? JSON.parse(text) : null,
      };
    } catch (error) {
      return { status: 0, body: null, error: String(error.cause?.code ?? error.message) };
    }
  };
}

export async function login(baseUrl, openid, nickname) {
  const { status, body } = await client(baseUrl)('POST', '/api/auth/dev-login', {
    body: { openid, nickname },
  });
  if (status !== 200 && status !== 201)
    throw new Error(`dev-login ${openid}: ${status} ${JSON.stringify(body)}`);
  return { call: client(baseUrl, body.token), userId: body.user.id, token: body.token };
}

export function must(answer, what) {
  if (answer.status < 200 || answer.status >= 300)
    throw new Error(`${what}: ${answer.status} ${JSON.stringify(answer.body ?? answer.error)}`);
  return answer.body;
}
