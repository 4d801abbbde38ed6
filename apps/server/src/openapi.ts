import { ERROR_CATALOG, policyFor, ROLE_LABELS, RouteAccess } from '@redvest/contract';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

/** OpenAPI at /api/docs; each operation says who may call it, read from the route table. */
export function setUpOpenApi(app: NestFastifyApplication): void {
  const config = new DocumentBuilder()
    .setTitle('红马甲 API')
    .setDescription(`社区志愿服务的 HTTP 接口。错误码：\n\n${errorTable()}`)
    .setVersion('1')
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, config);
  annotateAccess(document);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });
}

function describeAccess(access: RouteAccess): string {
  switch (access.access) {
    case 'public':
      return '无需登录';
    case 'user':
      return '已登录用户';
    case 'platform_admin':
      return '平台管理员';
    default:
      return `社区内角色：${access.roles.map((role) => ROLE_LABELS[role]).join('、')}`;
  }
}

function annotateAccess(document: OpenAPIObject): void {
  for (const [path, item] of Object.entries(document.paths)) {
    const routePath = path.replace(/\{(\w+)\}/g, ':$1');
    for (const [method, operation] of Object.entries(item)) {
      const policy = policyFor(method, routePath);
      if (!policy || typeof operation !== 'object' || !operation) continue;
      const op = operation as { summary?: string; description?: string };
      op.summary = policy.summary;
      op.description = `权限：${describeAccess(policy.access)}${op.description ? `\n\n${op.description}` : ''}`;
    }
  }
}

function errorTable(): string {
  const rows = Object.entries(ERROR_CATALOG).map(
    ([code, spec]) => `| ${code} | ${spec.status} | ${spec.message} |`,
  );
  return ['| 错误码 | HTTP | 提示 |', '|---|---|---|', ...rows].join('\n');
}
