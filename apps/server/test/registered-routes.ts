import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

type Class = new (...args: never[]) => unknown;

/** What a route reads from the request, as its controller method declares it. */
export interface RouteInput {
  method: string;
  url: string;
  /** The @Body() DTO, or undefined when the route reads no JSON body. */
  body?: Class;
  /** The @Query() DTO. */
  query?: Class;
  /** Query parameters read one by one (`@Query('e')`). */
  queryNames: string[];
  /** Path parameters (`:cid`). */
  params: string[];
}

const join = (...parts: (string | undefined)[]) =>
  `/${parts
    .filter((part): part is string => Boolean(part))
    .map((part) => part.replace(/^\/+|\/+$/g, ''))
    .filter(Boolean)
    .join('/')}`;

/**
 * Every route the Nest app registers, read from its controllers, with what each reads from the request
 * (the start-up check makes these the routes Fastify serves and the route table lists): a new route is
 * walked by the tests that walk every route (the access matrix, the fuzz) without anyone listing it.
 */
export function registeredRoutes(app: NestFastifyApplication): RouteInput[] {
  const found = new Map<string, RouteInput>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Class | null;
      if (!controller) continue;
      const prefixes = [Reflect.getMetadata(PATH_METADATA, controller) as string | string[]].flat();
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name];
        if (typeof handler !== 'function' || name === 'constructor') continue;
        const verb = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (verb === undefined) continue;
        const paths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[];
        const method = RequestMethod[verb];
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {}) as Record<
          string,
          { index: number; data?: string }
        >;
        const types = (Reflect.getMetadata('design:paramtypes', controller.prototype, name) ?? []) as Class[];
        const input: Omit<RouteInput, 'url'> = { method, queryNames: [], params: [] };
        for (const [key, arg] of Object.entries(args)) {
          const kind = Number(key.split(':')[0]);
          if (kind === RouteParamtypes.BODY && !arg.data) input.body = types[arg.index];
          if (kind === RouteParamtypes.QUERY && !arg.data) input.query = types[arg.index];
          if (kind === RouteParamtypes.QUERY && arg.data) input.queryNames.push(arg.data);
        }
        for (const prefix of prefixes) {
          for (const path of [paths].flat()) {
            const url = join(prefix, path);
            const params = [...url.matchAll(/:(\w+)/g)].map((match) => match[1]);
            found.set(`${method} ${url}`, { ...input, url, params });
          }
        }
      }
    }
  }
  return [...found.values()];
}
