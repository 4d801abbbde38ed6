import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

/** What a page registered with `Page(…)`: Taro's page config, with its lifecycle methods. */
type PageConfig = Record<string, unknown> & {
  data?: Record<string, unknown>;
  onLoad?: (query: Record<string, string>) => void;
  onReady?: () => void;
  onShow?: () => void;
  onUnload?: () => void;
};

/** The asynchronous WeChat APIs the app calls: each accepts its call and never answers (requests stay pending). */
const PENDING_APIS = [
  'authorize',
  'chooseLocation',
  'chooseMedia',
  'chooseMessageFile',
  'downloadFile',
  'getLocation',
  'getNetworkType',
  'getSetting',
  'hideLoading',
  'login',
  'makePhoneCall',
  'navigateBack',
  'navigateTo',
  'openDocument',
  'pageScrollTo',
  'previewImage',
  'reLaunch',
  'redirectTo',
  'request',
  'scanCode',
  'setClipboardData',
  'setKeepScreenOn',
  'setNavigationBarTitle',
  'showActionSheet',
  'showLoading',
  'showModal',
  'showToast',
  'stopPullDownRefresh',
  'switchTab',
  'uploadFile',
];

/** setData's keys are paths into the data, as Taro writes them: `root.cn.[0].cn.[2].v`. */
function setPath(data: Record<string, unknown>, key: string, value: unknown): void {
  const steps = key.split('.').map((step) => (/^\[\d+\]$/.test(step) ? Number(step.slice(1, -1)) : step));
  let at = data as Record<string | number, unknown>;
  for (const [i, step] of steps.slice(0, -1).entries()) {
    if (at[step] === undefined || at[step] === null) at[step] = typeof steps[i + 1] === 'number' ? [] : {};
    at = at[step] as Record<string | number, unknown>;
  }
  at[steps[steps.length - 1]] = value;
}

const WINDOW = { windowWidth: 375, windowHeight: 812, screenWidth: 375, screenHeight: 812, pixelRatio: 2 };

/**
 * The weapp build run as WeChat runs it, in a VM with a stub `wx`: app.js first, then each page's script, each
 * `require` resolved from the requiring file. A missing file or webpack module throws, as it would on a phone.
 */
export class WeappSandbox {
  readonly pages = new Map<string, PageConfig>();
  readonly errors: string[] = [];
  readonly navigations: { api: string; url?: string }[] = [];
  private readonly modules = new Map<string, { exports: unknown }>();
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private readonly context: vm.Context;
  private registering = '';

  constructor(
    private readonly buildDir: string,
    storage: Record<string, string> = {},
  ) {
    const wx: Record<string, unknown> = {
      getSystemInfoSync: () => ({
        ...WINDOW,
        platform: 'devtools',
        SDKVersion: '3.8.0',
        statusBarHeight: 20,
      }),
      getWindowInfo: () => ({ ...WINDOW, statusBarHeight: 20, safeArea: { top: 20, bottom: 812 } }),
      getDeviceInfo: () => ({ platform: 'devtools' }),
      getAppBaseInfo: () => ({ SDKVersion: '3.8.0' }),
      getMenuButtonBoundingClientRect: () => ({ top: 24, height: 32, right: 365, width: 87 }),
      getStorageSync: (key: string) => storage[key] ?? '',
      setStorageSync: (key: string, value: string) => void (storage[key] = value),
      removeStorageSync: (key: string) => void delete storage[key],
      onNetworkStatusChange: () => undefined,
      offNetworkStatusChange: () => undefined,
      canIUse: () => true,
      nextTick: (callback: () => void) => this.later(callback, 0),
    };
    for (const api of PENDING_APIS) {
      wx[api] = (options?: { url?: string }) => {
        if (/navigate|redirect|reLaunch|switchTab/.test(api))
          this.navigations.push({ api, url: options?.url });
        return undefined;
      };
    }
    const sandbox: Record<string, unknown> = {
      wx,
      console: {
        log: () => undefined,
        info: () => undefined,
        warn: () => undefined,
        error: (...args: unknown[]) => this.errors.push(args.map(String).join(' ')),
      },
      setTimeout: (callback: () => void, ms?: number) => this.later(callback, ms ?? 0),
      clearTimeout: (timer: ReturnType<typeof setTimeout>) => clearTimeout(timer),
      setInterval: () => 0,
      clearInterval: () => undefined,
      App: (config: PageConfig) => void (sandbox.__app = config),
      getApp: () => sandbox.__app,
      Page: (config: PageConfig) => void this.pages.set(this.registering, config),
      Component: (config: PageConfig) =>
        void (this.pages.has(this.registering) || this.pages.set(this.registering, config)),
      Behavior: (behavior: unknown) => behavior,
      getCurrentPages: () => [],
      requirePlugin: () => ({}),
    };
    sandbox.global = sandbox;
    sandbox.globalThis = sandbox;
    this.context = vm.createContext(sandbox);
  }

  /** Runs app.js and its onLaunch, as WeChat does before the first page. */
  launch(): void {
    this.registering = 'app';
    this.require(path.join(this.buildDir, 'app.js'));
    const app = this.context.__app as PageConfig | undefined;
    (app?.onLaunch as ((options: unknown) => void) | undefined)?.call(app, {
      path: 'pages/home/index',
      query: {},
    });
  }

  /** Runs a page's script (`pages-wishes/post`), which registers the page. */
  loadPage(page: string): PageConfig {
    this.registering = page;
    this.require(path.join(this.buildDir, `${page}.js`));
    const config = this.pages.get(page);
    if (!config) throw new Error(`${page}.js registered no page`);
    return config;
  }

  /**
   * Opens a page as WeChat would (onLoad, onShow, onReady) on an instance whose setData keeps the data, and
   * returns that data after the first render: Taro's tree of the page (`root`).
   */
  async open(page: string, query: Record<string, string>): Promise<Record<string, unknown>> {
    const config = this.loadPage(page);
    const data: Record<string, unknown> = { ...(config.data ?? {}) };
    const instance = {
      ...config,
      data,
      route: page,
      setData(update: Record<string, unknown>, done?: () => void) {
        for (const [key, value] of Object.entries(update)) setPath(data, key, value);
        done?.();
      },
      selectComponent: () => null,
    };
    config.onLoad?.call(instance, query);
    config.onShow?.call(instance);
    config.onReady?.call(instance);
    await new Promise((resolve) => setTimeout(resolve, 50));
    config.onUnload?.call(instance);
    return data;
  }

  /** Stops what the pages left waiting. */
  close(): void {
    for (const timer of this.timers) clearTimeout(timer);
  }

  private later(callback: () => void, ms: number) {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      callback();
    }, ms);
    this.timers.add(timer);
    return timer;
  }

  private require(file: string): unknown {
    const resolved = file.endsWith('.js') ? file : `${file}.js`;
    const cached = this.modules.get(resolved);
    if (cached) return cached.exports;
    const module = { exports: {} as unknown };
    this.modules.set(resolved, module);
    const code = readFileSync(resolved, 'utf8');
    const run = vm.runInContext(`(function (require, module, exports) {${code}\n})`, this.context, {
      filename: resolved,
    }) as (require: (request: string) => unknown, module: { exports: unknown }, exports: unknown) => void;
    run((request) => this.require(path.resolve(path.dirname(resolved), request)), module, module.exports);
    return module.exports;
  }
}
