import { LoggedIn } from './fixtures';

/** `family` becomes a linked family member of `resident` with a fresh code: the link's id. */
export async function linkFamily(resident: LoggedIn, family: LoggedIn, cid: string): Promise<string> {
  const { code } = await resident.family.createCode(cid);
  return (await family.family.link({ code })).link.id;
}

/** Who the rows of family_links are for a code, as the database holds them. */
export async function linksOfCode(
  query: (sql: string, params: unknown[]) => Promise<{ n: number | string }[]>,
  code: string,
): Promise<number> {
  const [{ n }] = await query(
    'SELECT COUNT(*) AS n FROM family_links l JOIN family_link_codes c ON c.id = l.code_id WHERE c.code = ?',
    [code],
  );
  return Number(n);
}
