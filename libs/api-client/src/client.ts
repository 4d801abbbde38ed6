import type {
  AuthOptions,
  AuthResponse,
  BuildingView,
  CommunityView,
  CompoundRef,
  CreateCommunityRequest,
  DevLoginRequest,
  EmployerView,
  HealthView,
  HouseholdView,
  ImportResult,
  InviteLookup,
  JoinRequest,
  MemberView,
  MembershipView,
  MeResponse,
  PrivacyNotice,
  SetMemberRequest,
  UpdateBuildingRequest,
  UpdateHouseholdRequest,
  WechatLoginRequest,
} from '@redvest/contract';
import { ApiError, HttpMethod, HttpRequest, Transport, UploadSource } from './transport';

export interface ClientOptions {
  /** Read before every call, so a login elsewhere is picked up. */
  getToken?: () => string | null | undefined;
  /** Called with every error before it is thrown (e.g. to go to the login page on 401). */
  onError?: (error: ApiError) => void;
}

export type ApiClient = ReturnType<typeof createApiClient>;

const enc = encodeURIComponent;

/** The typed client of the HTTP contract, shared by the mini-program and the tests. */
export function createApiClient(transport: Transport, options: ClientOptions = {}) {
  const headers = (extra?: Record<string, string>) => {
    const token = options.getToken?.();
    return { ...(token ? { authorization: `Bearer ${token}` } : {}), ...extra };
  };
  const fail = (error: ApiError): never => {
    options.onError?.(error);
    throw error;
  };
  async function call<T>(method: HttpMethod, path: string, init: Partial<HttpRequest> = {}): Promise<T> {
    const response = await transport
      .send({ method, path, query: init.query, body: init.body, headers: headers(init.headers) })
      .catch((error) =>
        fail(error instanceof ApiError ? error : new ApiError(0, 'NETWORK_ERROR', String(error))),
      );
    if (response.status >= 400) return fail(ApiError.fromResponse(response));
    return response.data as T;
  }
  async function upload<T>(path: string, file: UploadSource): Promise<T> {
    const response = await transport
      .upload({ path, file, headers: headers() })
      .catch((error) =>
        fail(error instanceof ApiError ? error : new ApiError(0, 'NETWORK_ERROR', String(error))),
      );
    if (response.status >= 400) return fail(ApiError.fromResponse(response));
    return response.data as T;
  }
  const community = (cid: string) => `/api/communities/${enc(cid)}`;

  return {
    health: () => call<HealthView>('GET', '/healthz'),
    auth: {
      options: () => call<AuthOptions>('GET', '/api/auth/options'),
      wechat: (body: WechatLoginRequest) => call<AuthResponse>('POST', '/api/auth/wechat', { body }),
      devLogin: (body: DevLoginRequest) => call<AuthResponse>('POST', '/api/auth/dev-login', { body }),
    },
    privacy: () => call<PrivacyNotice>('GET', '/api/privacy'),
    me: {
      get: () => call<MeResponse>('GET', '/api/me'),
      agreePrivacy: (version: string) =>
        call<MeResponse>('POST', '/api/me/privacy-consent', { body: { version } }),
    },
    invites: {
      lookup: (code: string) => call<InviteLookup>('GET', `/api/invites/${enc(code)}`),
    },
    communities: {
      create: (body: CreateCommunityRequest) => call<CommunityView>('POST', '/api/communities', { body }),
      get: (cid: string) => call<CommunityView>('GET', community(cid)),
      join: (cid: string, body: JoinRequest) =>
        call<MembershipView>('POST', `${community(cid)}/join`, { body }),
      rotateInviteCode: (cid: string) => call<CommunityView>('POST', `${community(cid)}/invite-code/rotate`),
      members: (cid: string, query: { status?: string; cursor?: string; limit?: number } = {}) =>
        call<{ items: MemberView[]; nextCursor: string | null }>('GET', `${community(cid)}/members`, {
          query,
        }),
      setMember: (cid: string, body: SetMemberRequest) =>
        call<MemberView>('POST', `${community(cid)}/members`, { body }),
      verifyMember: (cid: string, userId: string) =>
        call<MemberView>('POST', `${community(cid)}/members/${enc(userId)}/verify`),
      employers: (cid: string) => call<{ items: EmployerView[] }>('GET', `${community(cid)}/employers`),
      compounds: (cid: string) => call<{ items: CompoundRef[] }>('GET', `${community(cid)}/compounds`),
      buildings: (cid: string) => call<{ items: BuildingView[] }>('GET', `${community(cid)}/buildings`),
      households: (cid: string, query: { buildingId?: string; cursor?: string; limit?: number } = {}) =>
        call<{ items: HouseholdView[]; nextCursor: string | null }>('GET', `${community(cid)}/households`, {
          query,
        }),
      importHouseholds: (cid: string, file: UploadSource) =>
        upload<ImportResult>(`${community(cid)}/households/import`, file),
    },
    buildings: {
      update: (id: string, body: UpdateBuildingRequest) =>
        call<BuildingView>('PUT', `/api/buildings/${enc(id)}`, { body }),
    },
    households: {
      update: (id: string, body: UpdateHouseholdRequest) =>
        call<HouseholdView>('PUT', `/api/households/${enc(id)}`, { body }),
    },
    /** For tests of the contract itself: any route, raw. */
    raw: <T = unknown>(method: HttpMethod, path: string, init: Partial<HttpRequest> = {}) =>
      call<T>(method, path, init),
  };
}
