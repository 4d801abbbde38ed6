import { redactPersonalData, redactUrl, serializeError } from './log-redaction';

describe('what the log shows', () => {
  it('keeps the query keys and drops their values', () => {
    expect(redactUrl('/api/communities/c1/members?q=13912345601&limit=20')).toBe(
      '/api/communities/c1/members?q=*&limit=*',
    );
    expect(redactUrl('/api/uploads/0192abcd?e=1767225600&s=Zm9vYmFyYmF6cXV4cXV1eA')).toBe(
      '/api/uploads/0192abcd?e=*&s=*',
    );
    expect(redactUrl('/healthz')).toBe('/healthz');
  });

  it('masks secret route parameters, phones and ID numbers in the path', () => {
    expect(redactUrl('/api/invites/XYJ2026', { code: 'XYJ2026' })).toBe('/api/invites/*');
    expect(redactUrl('/api/x/13912345601/y')).toBe('/api/x/[手机号]/y');
    expect(redactUrl('/api/x/11010119900307851X')).toBe('/api/x/[身份证号]');
  });

  it('masks phones and ID numbers in any text, not other numbers', () => {
    expect(redactPersonalData("Duplicate entry '13912345601' for key; id 110101199003078515")).toBe(
      "Duplicate entry '[手机号]' for key; id [身份证号]",
    );
    expect(redactPersonalData('+86 139 1234 5601 and 139-1234-5601')).toBe('[手机号] and [手机号]');
    expect(redactPersonalData('order 0192abcd-1234, 3600 s, 20261201')).toBe(
      'order 0192abcd-1234, 3600 s, 20261201',
    );
  });
});

describe('a logged error', () => {
  it.each(['王小明13912345601', 'nope, {"phone":"13912345601"}'])(
    'loses the body excerpt JSON.parse quotes in its message (%s)',
    (body) => {
      let parseError: Error;
      try {
        JSON.parse(body);
      } catch (error) {
        parseError = error as Error;
      }
      expect(parseError!.message).toContain('is not valid JSON');
      const logged = serializeError(Object.assign(parseError!, { statusCode: 400 }));
      expect(JSON.stringify(logged)).not.toMatch(/139|王小明|phone/);
      expect(logged).toMatchObject({ type: 'SyntaxError', statusCode: 400 });
      expect(logged.stack).toBe('');
    },
  );
});
