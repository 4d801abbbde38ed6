import type {
  CallMeResponse,
  ContactPhoneChoiceRequest,
  MyContactMemberView,
  CorrectionDecisionRequest,
  CorrectionsQuery,
  DispatchWishRequest,
  HouseholdsQuery,
  LeaderboardQuery,
  MarkReadRequest,
  MembersQuery,
  MyTransfersQuery,
  PageRequest,
  ReasonRequest,
  RedemptionsQuery,
  RewardsQuery,
  StatementQuery,
  WishesQuery,
  WishPointsRequest,
  AuditEntryView,
  AuditLogQuery,
  AnnualReport,
  CreateServiceProjectRequest,
  DemandListRow,
  OfferResourceRequest,
  RateMemberRequest,
  ResourceView,
  ServiceProjectView,
  AssignHouseholdsRequest,
  AssignmentResult,
  BuildingAssignments,
  ContactSettings,
  EvaluationsResponse,
  ReleaseHouseholdsRequest,
  ReleaseResult,
  UpdateContactGroupRequest,
  UpdateContactSettingsRequest,
  ContactGroupView,
  CoverageResponse,
  CreateContactGroupRequest,
  DemandTransitionRequest,
  DemandsQuery,
  DemandView,
  HouseholdCard,
  MyHouseholdView,
  RaiseDemandRequest,
  VisitRequest,
  VisitView,
  ClaimWishRequest,
  ConfirmWishRequest,
  FulfilWishRequest,
  NotificationView,
  PostWishRequest,
  ReviewWishRequest,
  UploadView,
  WishView,
  CertificateRequest,
  CertificateView,
  CorrectionRequest,
  CorrectionView,
  ActivityView,
  AttendanceView,
  AttendeeView,
  CheckinCode,
  CheckinRequest,
  CheckinResponse,
  CreateActivityRequest,
  ProxyCheckinRequest,
  UpdateActivityRequest,
  ActivityListQuery,
  CodeKind,
  AdjustmentRequest,
  ApprovalItem,
  BatchDecisionRequest,
  BatchDecisionResponse,
  CancelRedemptionRequest,
  CreateRewardRequest,
  DecisionResult,
  LeaderboardResponse,
  LedgerVerification,
  MyPointsResponse,
  MyTransferView,
  Page,
  RedemptionView,
  RewardView,
  StatementResponse,
  TransferView,
  UpdateRewardRequest,
  AccountDeletionResult,
  DeleteAccountRequest,
  InvitationView,
  InviteMemberRequest,
  MembershipEnded,
  MyDataExport,
  RemoveMemberRequest,
  AuthOptions,
  AuthResponse,
  BuildingView,
  CommunityView,
  CompoundRef,
  CreateCommunityRequest,
  DevLoginRequest,
  EmployerView,
  FamilyCodeView,
  FamilyLinkResult,
  FamilyOverview,
  HealthView,
  LinkFamilyRequest,
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
  UpdateSettingsRequest,
  VoiceUploadView,
  WechatLoginRequest,
} from '@redvest/contract';
import { ApiError, buildUrl, HttpMethod, HttpRequest, Transport, UploadSource } from './transport';
import { DATABASE_BUSY_RETRY_AFTER_SECONDS, ErrorCode } from '@redvest/contract';

export interface ClientOptions {
  /** Read before every call, so a login elsewhere is picked up. */
  getToken?: () => string | null | undefined;
  /** Called with every error before it is thrown (e.g. to go to the login page on 401). */
  onError?: (error: ApiError) => void;
  /** The wait before a request answered 503 DATABASE_BUSY is sent again; the server's Retry-After by default. */
  busyRetryDelayMs?: number;
}

/** A request the database was too busy for wrote nothing: it is sent again this many times before the error shows. */
const BUSY_RETRIES = 2;

export type ApiClient = ReturnType<typeof createApiClient>;

const enc = encodeURIComponent;

/** The typed client of the HTTP contract, shared by the mini-program and the tests. */
export function createApiClient(transport: Transport, options: ClientOptions = {}) {
  const busyRetryDelayMs = options.busyRetryDelayMs ?? DATABASE_BUSY_RETRY_AFTER_SECONDS * 1000;
  const headers = (extra?: Record<string, string>) => {
    const token = options.getToken?.();
    return { ...(token ? { authorization: `Bearer ${token}` } : {}), ...extra };
  };
  const fail = (error: ApiError): never => {
    options.onError?.(error);
    throw error;
  };
  /** `query`: one of the contract's query types, whose values are strings and numbers. */
  async function call<T>(
    method: HttpMethod,
    path: string,
    init: Omit<Partial<HttpRequest>, 'query'> & { query?: object } = {},
  ): Promise<T> {
    const query = init.query as HttpRequest['query'];
    for (let retry = 0; ; retry++) {
      const response = await transport
        .send({ method, path, query, body: init.body, headers: headers(init.headers) })
        .catch((error) =>
          fail(error instanceof ApiError ? error : new ApiError(0, 'NETWORK_ERROR', String(error))),
        );
      if (response.status < 400) return response.data as T;
      const error = ApiError.fromResponse(response);
      if (error.code !== ErrorCode.DatabaseBusy || retry >= BUSY_RETRIES) return fail(error);
      await new Promise((resolve) => setTimeout(resolve, busyRetryDelayMs));
    }
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
      /** Ends this login: the token stops working on every server at once. */
      logout: () => call<void>('POST', '/api/auth/logout'),
      /** Ends every login of this user, on every device, this one included. */
      logoutAll: () => call<void>('POST', '/api/auth/logout-all'),
    },
    privacy: () => call<PrivacyNotice>('GET', '/api/privacy'),
    me: {
      get: () => call<MeResponse>('GET', '/api/me'),
      agreePrivacy: (version: string) =>
        call<MeResponse>('POST', '/api/me/privacy-consent', { body: { version } }),
      updateSettings: (body: UpdateSettingsRequest) => call<MeResponse>('PUT', '/api/me/settings', { body }),
      /** 导出我的数据: everything held about me. */
      exportData: () => call<MyDataExport>('GET', '/api/me/export'),
      /** 注销账号: `body.confirm` must be ACCOUNT_DELETION_CONFIRMATION. */
      deleteAccount: (body: DeleteAccountRequest) =>
        call<AccountDeletionResult>('DELETE', '/api/me', { body }),
      invitations: () => call<{ items: InvitationView[] }>('GET', '/api/me/invitations'),
    },
    invitations: {
      accept: (id: string) => call<InvitationView>('POST', `/api/invitations/${enc(id)}/accept`),
      decline: (id: string) => call<InvitationView>('POST', `/api/invitations/${enc(id)}/decline`),
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
      members: (cid: string, query: MembersQuery = {}) =>
        call<{ items: MemberView[]; nextCursor: string | null }>('GET', `${community(cid)}/members`, {
          query,
        }),
      setMember: (cid: string, body: SetMemberRequest) =>
        call<MemberView>('POST', `${community(cid)}/members`, { body }),
      verifyMember: (cid: string, userId: string) =>
        call<MemberView>('POST', `${community(cid)}/members/${enc(userId)}/verify`),
      removeMember: (cid: string, userId: string, body: RemoveMemberRequest) =>
        call<MembershipEnded>('POST', `${community(cid)}/members/${enc(userId)}/remove`, { body }),
      invite: (cid: string, body: InviteMemberRequest) =>
        call<InvitationView>('POST', `${community(cid)}/invitations`, { body }),
      invitations: (cid: string) => call<{ items: InvitationView[] }>('GET', `${community(cid)}/invitations`),
      /** 撤销邀请: a pending invitation of this community can no longer be accepted. */
      cancelInvitation: (cid: string, invitationId: string) =>
        call<InvitationView>('POST', `${community(cid)}/invitations/${enc(invitationId)}/cancel`),
      /** 退出社区. */
      leave: (cid: string) => call<MembershipEnded>('POST', `${community(cid)}/leave`),
      employers: (cid: string) => call<{ items: EmployerView[] }>('GET', `${community(cid)}/employers`),
      compounds: (cid: string) => call<{ items: CompoundRef[] }>('GET', `${community(cid)}/compounds`),
      buildings: (cid: string) => call<{ items: BuildingView[] }>('GET', `${community(cid)}/buildings`),
      households: (cid: string, query: HouseholdsQuery = {}) =>
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
    points: {
      mine: () => call<MyPointsResponse>('GET', '/api/me/points'),
      myTransfers: (query: MyTransfersQuery = {}) =>
        call<Page<MyTransferView>>('GET', '/api/me/transfers', { query }),
      leaderboard: (cid: string, query: LeaderboardQuery = {}) =>
        call<LeaderboardResponse>('GET', `${community(cid)}/leaderboard`, { query }),
      statement: (cid: string, userId: string, year: number, page: PageRequest = {}) =>
        call<StatementResponse>('GET', `${community(cid)}/statements/${enc(userId)}`, {
          query: { year, ...page } satisfies StatementQuery,
        }),
      /** `idempotencyKey`: the same for every retry of one adjustment. */
      adjust: (cid: string, body: AdjustmentRequest, idempotencyKey: string) =>
        call<TransferView>('POST', `${community(cid)}/adjustments`, {
          body,
          headers: { 'idempotency-key': idempotencyKey },
        }),
      reverse: (transferId: string, reason: string) =>
        call<TransferView[]>('POST', `/api/transfers/${enc(transferId)}/reverse`, { body: { reason } }),
      verify: (cid: string) => call<LedgerVerification>('GET', `${community(cid)}/ledger/verify`),
    },
    approvals: {
      queue: (cid: string, query: { cursor?: string; limit?: number } = {}) =>
        call<Page<ApprovalItem>>('GET', `${community(cid)}/approvals`, { query }),
      approve: (transferId: string) =>
        call<DecisionResult>('POST', `/api/approvals/${enc(transferId)}/approve`),
      reject: (transferId: string, reason: string) =>
        call<DecisionResult>('POST', `/api/approvals/${enc(transferId)}/reject`, { body: { reason } }),
      /** Decided as one unit: after 503 DATABASE_BUSY nothing was written, so it is sent again like any request. */
      batch: (cid: string, body: BatchDecisionRequest) =>
        call<BatchDecisionResponse>('POST', `${community(cid)}/approvals/batch`, { body }),
    },
    rewards: {
      list: (cid: string, includeInactive = false) =>
        call<{ items: RewardView[] }>('GET', `${community(cid)}/rewards`, {
          query: { all: includeInactive ? '1' : undefined } satisfies RewardsQuery,
        }),
      create: (cid: string, body: CreateRewardRequest) =>
        call<RewardView>('POST', `${community(cid)}/rewards`, { body }),
      update: (rewardId: string, body: UpdateRewardRequest) =>
        call<RewardView>('PUT', `/api/rewards/${enc(rewardId)}`, { body }),
      /** `idempotencyKey`: the same for every retry of one redemption, so it is paid once. */
      redeem: (rewardId: string, quantity: number, idempotencyKey: string) =>
        call<RedemptionView>('POST', `/api/rewards/${enc(rewardId)}/redeem`, {
          body: { quantity },
          headers: { 'idempotency-key': idempotencyKey },
        }),
      myOrders: (query: PageRequest = {}) =>
        call<Page<RedemptionView>>('GET', '/api/me/redemptions', { query }),
      orders: (cid: string, query: RedemptionsQuery = {}) =>
        call<Page<RedemptionView>>('GET', `${community(cid)}/redemptions`, { query }),
      pickUp: (redemptionId: string) =>
        call<RedemptionView>('POST', `/api/redemptions/${enc(redemptionId)}/pickup`),
      cancel: (redemptionId: string, body: CancelRedemptionRequest = {}) =>
        call<RedemptionView>('POST', `/api/redemptions/${enc(redemptionId)}/cancel`, { body }),
    },
    activities: {
      create: (cid: string, body: CreateActivityRequest) =>
        call<ActivityView>('POST', `${community(cid)}/activities`, { body }),
      list: (cid: string, query: ActivityListQuery = {}) =>
        call<Page<ActivityView>>('GET', `${community(cid)}/activities`, { query }),
      get: (id: string) => call<ActivityView>('GET', `/api/activities/${enc(id)}`),
      update: (id: string, body: UpdateActivityRequest) =>
        call<ActivityView>('PUT', `/api/activities/${enc(id)}`, { body }),
      cancel: (id: string, reason: string) =>
        call<ActivityView>('POST', `/api/activities/${enc(id)}/cancel`, { body: { reason } }),
      enrol: (id: string) => call<ActivityView>('POST', `/api/activities/${enc(id)}/enrolment`),
      unenrol: (id: string) => call<ActivityView>('POST', `/api/activities/${enc(id)}/enrolment/cancel`),
      code: (id: string, kind: CodeKind = 'rotating') =>
        call<CheckinCode>('GET', `/api/activities/${enc(id)}/code`, { query: { kind } }),
      attendances: (id: string) =>
        call<{ items: AttendeeView[] }>('GET', `/api/activities/${enc(id)}/attendances`),
      proxyCheckin: (id: string, body: ProxyCheckinRequest) =>
        call<AttendanceView>('POST', `/api/activities/${enc(id)}/proxy-checkins`, { body }),
    },
    checkins: {
      scan: (body: CheckinRequest) => call<CheckinResponse>('POST', '/api/checkins', { body }),
      mine: (query: { cursor?: string; limit?: number } = {}) =>
        call<Page<AttendanceView>>('GET', '/api/me/attendances', { query }),
    },
    records: {
      requestCorrection: (attendanceId: string, body: CorrectionRequest) =>
        call<CorrectionView>('POST', `/api/attendances/${enc(attendanceId)}/corrections`, { body }),
      corrections: (cid: string, query: CorrectionsQuery = {}) =>
        call<Page<CorrectionView>>('GET', `${community(cid)}/corrections`, { query }),
      accept: (correctionId: string, reason: string) =>
        call<CorrectionView>('POST', `/api/corrections/${enc(correctionId)}/accept`, {
          body: { reason } satisfies CorrectionDecisionRequest,
        }),
      refuse: (correctionId: string, reason: string) =>
        call<CorrectionView>('POST', `/api/corrections/${enc(correctionId)}/refuse`, {
          body: { reason } satisfies CorrectionDecisionRequest,
        }),
      issueCertificate: (body: CertificateRequest) =>
        call<CertificateView>('POST', '/api/me/certificates', { body }),
      verifyCertificate: (code: string) => call<CertificateView>('GET', `/api/certificates/${enc(code)}`),
    },
    uploads: {
      photo: (file: UploadSource) => upload<UploadView>('/api/uploads', file),
      /** 语音留言: an MP3 (WeChat's recorder, or the H5 page's encoder), at most a minute. */
      voice: (file: UploadSource) => upload<VoiceUploadView>('/api/uploads/voice', file),
    },
    notifications: {
      inbox: (query: PageRequest = {}) =>
        call<Page<NotificationView> & { unread: number }>('GET', '/api/me/notifications', { query }),
      markRead: (ids?: string[]) =>
        call<void>('POST', '/api/me/notifications/read', {
          body: (ids ? { ids } : {}) satisfies MarkReadRequest,
        }),
    },
    wishes: {
      post: (cid: string, body: PostWishRequest) =>
        call<WishView>('POST', `${community(cid)}/wishes`, { body }),
      list: (cid: string, query: WishesQuery = {}) =>
        call<Page<WishView>>('GET', `${community(cid)}/wishes`, { query }),
      get: (id: string) => call<WishView>('GET', `/api/wishes/${enc(id)}`),
      review: (id: string, body: ReviewWishRequest) =>
        call<WishView>('POST', `/api/wishes/${enc(id)}/review`, { body }),
      claim: (id: string, body: ClaimWishRequest = {}) =>
        call<WishView>('POST', `/api/wishes/${enc(id)}/claim`, { body }),
      release: (id: string, reason?: string) =>
        call<WishView>('POST', `/api/wishes/${enc(id)}/release`, {
          body: { reason } satisfies ReasonRequest,
        }),
      dispatch: (id: string, userId: string) =>
        call<WishView>('POST', `/api/wishes/${enc(id)}/dispatch`, {
          body: { userId } satisfies DispatchWishRequest,
        }),
      fulfil: (id: string, body: FulfilWishRequest) =>
        call<WishView>('POST', `/api/wishes/${enc(id)}/fulfil`, { body }),
      confirm: (id: string, body: ConfirmWishRequest = {}) =>
        call<WishView>('POST', `/api/wishes/${enc(id)}/confirm`, { body }),
      dispute: (id: string, reason: string) =>
        call<WishView>('POST', `/api/wishes/${enc(id)}/dispute`, {
          body: { reason } satisfies ReasonRequest,
        }),
      cancel: (id: string, reason?: string) =>
        call<WishView>('POST', `/api/wishes/${enc(id)}/cancel`, { body: { reason } satisfies ReasonRequest }),
      points: (cid: string) => call<Record<string, number>>('GET', `${community(cid)}/wish-points`),
      setPoints: (cid: string, points: Record<string, number>) =>
        call<Record<string, number>>('PUT', `${community(cid)}/wish-points`, {
          body: { points } satisfies WishPointsRequest,
        }),
    },
    contact: {
      settings: (cid: string) => call<ContactSettings>('GET', `${community(cid)}/contact-settings`),
      updateSettings: (cid: string, body: UpdateContactSettingsRequest) =>
        call<ContactSettings>('PUT', `${community(cid)}/contact-settings`, { body }),
      createGroup: (cid: string, body: CreateContactGroupRequest) =>
        call<ContactGroupView>('POST', `${community(cid)}/contact-groups`, { body }),
      groups: (cid: string) => call<{ items: ContactGroupView[] }>('GET', `${community(cid)}/contact-groups`),
      updateGroup: (groupId: string, body: UpdateContactGroupRequest) =>
        call<ContactGroupView>('PUT', `/api/contact-groups/${enc(groupId)}`, { body }),
      dissolve: (groupId: string) =>
        call<ContactGroupView>('POST', `/api/contact-groups/${enc(groupId)}/dissolve`),
      assign: (groupId: string, body: AssignHouseholdsRequest) =>
        call<AssignmentResult>('POST', `/api/contact-groups/${enc(groupId)}/assignments`, { body }),
      release: (groupId: string, body: ReleaseHouseholdsRequest) =>
        call<ReleaseResult>('POST', `/api/contact-groups/${enc(groupId)}/assignments/release`, { body }),
      buildingAssignments: (buildingId: string) =>
        call<BuildingAssignments>('GET', `/api/buildings/${enc(buildingId)}/assignments`),
      coverage: (cid: string, month?: string) =>
        call<CoverageResponse>('GET', `${community(cid)}/coverage`, { query: { month } }),
      myHouseholds: () => call<{ items: MyHouseholdView[] }>('GET', '/api/me/households'),
      myContactMember: (cid: string) =>
        call<MyContactMemberView>('GET', `${community(cid)}/my-contact-member`),
      callMe: (cid: string) => call<CallMeResponse>('POST', `${community(cid)}/my-contact-member/call-me`),
      choosePhoneShown: (cid: string, body: ContactPhoneChoiceRequest) =>
        call<ContactPhoneChoiceRequest>('PUT', `${community(cid)}/me/contact-phone`, { body }),
      household: (id: string) => call<HouseholdCard>('GET', `/api/households/${enc(id)}`),
      /** `idempotencyKey`: the same when a visit saved offline is sent again. */
      visit: (householdId: string, body: VisitRequest, idempotencyKey?: string) =>
        call<VisitView>('POST', `/api/households/${enc(householdId)}/visits`, {
          body,
          headers: idempotencyKey ? { 'idempotency-key': idempotencyKey } : {},
        }),
      raiseDemand: (cid: string, body: RaiseDemandRequest) =>
        call<DemandView>('POST', `${community(cid)}/demands`, { body }),
      demands: (cid: string, query: DemandsQuery = {}) =>
        call<Page<DemandView>>('GET', `${community(cid)}/demands`, { query }),
      transitionDemand: (demandId: string, body: DemandTransitionRequest) =>
        call<DemandView>('POST', `/api/demands/${enc(demandId)}/transition`, { body }),
      demandToWish: (demandId: string) => call<WishView>('POST', `/api/demands/${enc(demandId)}/wish`),
      offerResource: (cid: string, body: OfferResourceRequest) =>
        call<ResourceView>('POST', `${community(cid)}/resources`, { body }),
      resources: (cid: string, query: PageRequest = {}) =>
        call<Page<ResourceView>>('GET', `${community(cid)}/resources`, { query }),
      demandList: (cid: string) => call<{ rows: DemandListRow[] }>('GET', `${community(cid)}/demand-list`),
      createProject: (cid: string, body: CreateServiceProjectRequest) =>
        call<ServiceProjectView>('POST', `${community(cid)}/service-projects`, { body }),
      projects: (cid: string, query: PageRequest = {}) =>
        call<Page<ServiceProjectView>>('GET', `${community(cid)}/service-projects`, { query }),
      takeProject: (id: string) => call<ServiceProjectView>('POST', `/api/service-projects/${enc(id)}/take`),
      finishProject: (id: string) =>
        call<ServiceProjectView>('POST', `/api/service-projects/${enc(id)}/done`),
      rate: (cid: string, userId: string, body: RateMemberRequest) =>
        call<void>('PUT', `${community(cid)}/evaluations/${enc(userId)}`, { body }),
      evaluations: (cid: string, year: number) =>
        call<EvaluationsResponse>('GET', `${community(cid)}/evaluations`, { query: { year } }),
      annualReport: (cid: string, year: number) =>
        call<AnnualReport>('GET', `${community(cid)}/reports/annual`, { query: { year } }),
    },
    family: {
      /** 我的家人 in a community: my open code, my family members, the residents I act for. */
      overview: (cid: string) => call<FamilyOverview>('GET', `${community(cid)}/family-links`),
      /** A new one-time code for a family member (the old unused one stops working). */
      createCode: (cid: string) => call<FamilyCodeView>('POST', `${community(cid)}/family-codes`),
      /** 输入家人给的代码 (with `join` when not yet a member of that community). */
      link: (body: LinkFamilyRequest) => call<FamilyLinkResult>('POST', '/api/family-links', { body }),
      unlink: (linkId: string) => call<{ removed: true }>('POST', `/api/family-links/${enc(linkId)}/remove`),
    },
    audit: {
      /** 审计日志, newest first. */
      log: (cid: string, query: AuditLogQuery = {}) =>
        call<Page<AuditEntryView>>('GET', `${community(cid)}/audit-log`, { query }),
      /** The path of the XLSX export (fetched as a file, with the login), with the same filters. */
      exportPath: (cid: string, query: Omit<AuditLogQuery, 'cursor' | 'limit'> = {}) =>
        buildUrl('', `${community(cid)}/audit-log/export`, { ...query }),
    },
    /** For tests of the contract itself: any route, raw. */
    raw: <T = unknown>(method: HttpMethod, path: string, init: Partial<HttpRequest> = {}) =>
      call<T>(method, path, init),
  };
}
