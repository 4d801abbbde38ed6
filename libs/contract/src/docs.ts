import { AUDIT_ACTION_LABELS, RouteAudit } from './audit';
import { ERROR_CATALOG } from './errors';
import { ROLE_LABELS } from './roles';
import { RouteAccess, ROUTE_POLICIES, RoutePolicy } from './routes';

function who(access: RouteAccess): string {
  switch (access.access) {
    case 'public':
      return '任何人';
    case 'user':
      return '已登录用户';
    case 'platform_admin':
      return '平台管理员';
    case 'community':
      return `${access.roles.map((r) => ROLE_LABELS[r]).join('、')}（本社区）${access.platformAdminToo ? '，或平台管理员' : ''}`;
    case 'resource':
      return `${access.roles.map((r) => ROLE_LABELS[r]).join('、')}（${access.resource} 所属社区）`;
  }
}

function audit(spec: RouteAudit | null | undefined): string {
  if (!spec) return '';
  const labels = spec.actions.map((action) => `${AUDIT_ACTION_LABELS[action]}（\`${action}\`）`).join('、');
  if (spec.records === 'conditional') return `${labels}，仅代他人操作或显示完整个人信息时`;
  if (spec.records === 'each') return `${labels}，每项一条`;
  return labels;
}

/** CONTRACT.md: the error codes and the role-by-route table, written from the contract itself. */
export function renderContractDoc(): string {
  const routes = Object.entries(ROUTE_POLICIES as Record<string, RoutePolicy>).map(
    ([key, policy]) => `| \`${key}\` | ${policy.summary} | ${who(policy.access)} | ${audit(policy.audit)} |`,
  );
  const errors = Object.entries(ERROR_CATALOG).map(
    ([code, spec]) => `| \`${code}\` | ${spec.status} | ${spec.message} |`,
  );
  return [
    '# 接口约定（由 `src/` 生成，请勿手改：`npm run docs -w @redvest/contract`）',
    '',
    '错误的返回体总是 `{ "error": { "code", "message", "details"? } }`。',
    '',
    '## 谁可以调用哪个接口',
    '',
    '不是路径中社区的成员 → 403；属于调用者不在其中的社区的编号 → 404；是成员但没有所需角色 → 403。',
    '角色相互包含：在职党员 ⇒ 志愿者 ⇒ 居民；党小组长 ⇒ 在职党员；社区书记 ⇒ 小区党支部书记（全部小区）。',
    '“审计日志”一栏：调用成功时写入审计日志的动作（见服务端 README 的“审计日志”）。',
    '',
    '| 接口 | 用途 | 谁可以调用 | 审计日志 |',
    '|---|---|---|---|',
    ...routes,
    '',
    '## 错误码',
    '',
    '| 错误码 | HTTP 状态 | 给用户的提示 |',
    '|---|---|---|',
    ...errors,
    '',
  ].join('\n');
}
