/**
 * Every error the API answers with: one stable code, its HTTP status and the message shown to the user.
 * The body is always `{ error: { code, message, details? } }` (DESIGN §7).
 */
export enum ErrorCode {
  ValidationFailed = 'VALIDATION_FAILED',
  InvalidJson = 'INVALID_JSON',
  PayloadTooLarge = 'PAYLOAD_TOO_LARGE',
  UnsupportedMediaType = 'UNSUPPORTED_MEDIA_TYPE',
  Unauthenticated = 'UNAUTHENTICATED',
  TokenInvalid = 'TOKEN_INVALID',
  Forbidden = 'FORBIDDEN',
  NotCommunityMember = 'NOT_COMMUNITY_MEMBER',
  MembershipPending = 'MEMBERSHIP_PENDING',
  NotFound = 'NOT_FOUND',
  RouteNotFound = 'ROUTE_NOT_FOUND',
  DevLoginDisabled = 'DEV_LOGIN_DISABLED',
  WechatNotConfigured = 'WECHAT_NOT_CONFIGURED',
  WechatCodeInvalid = 'WECHAT_CODE_INVALID',
  WechatUnavailable = 'WECHAT_UNAVAILABLE',
  PrivacyNotAgreed = 'PRIVACY_NOT_AGREED',
  InviteCodeInvalid = 'INVITE_CODE_INVALID',
  AlreadyMember = 'ALREADY_MEMBER',
  UserNotFound = 'USER_NOT_FOUND',
  MemberNotFound = 'MEMBER_NOT_FOUND',
  LastSecretary = 'LAST_SECRETARY',
  CompoundRequired = 'COMPOUND_REQUIRED',
  CompoundNotFound = 'COMPOUND_NOT_FOUND',
  HouseholdNotFound = 'HOUSEHOLD_NOT_FOUND',
  HouseholdConflict = 'HOUSEHOLD_CONFLICT',
  ImportFileMissing = 'IMPORT_FILE_MISSING',
  ImportFileUnreadable = 'IMPORT_FILE_UNREADABLE',
  ImportRowsInvalid = 'IMPORT_ROWS_INVALID',
  IdempotencyKeyRequired = 'IDEMPOTENCY_KEY_REQUIRED',
  IdempotencyKeyReused = 'IDEMPOTENCY_KEY_REUSED',
  TransferNotFound = 'TRANSFER_NOT_FOUND',
  TransferNotPending = 'TRANSFER_NOT_PENDING',
  TransferNotPosted = 'TRANSFER_NOT_POSTED',
  TransferAlreadyReversed = 'TRANSFER_ALREADY_REVERSED',
  InsufficientPoints = 'INSUFFICIENT_POINTS',
  RewardNotFound = 'REWARD_NOT_FOUND',
  RewardInactive = 'REWARD_INACTIVE',
  OutOfStock = 'OUT_OF_STOCK',
  RedemptionNotFound = 'REDEMPTION_NOT_FOUND',
  RedemptionClosed = 'REDEMPTION_CLOSED',
  LedgerBroken = 'LEDGER_BROKEN',
  RateLimited = 'RATE_LIMITED',
  DatabaseUnavailable = 'DATABASE_UNAVAILABLE',
  Internal = 'INTERNAL_ERROR',
}

export interface ErrorSpec {
  status: number;
  message: string;
}

export const ERROR_CATALOG: Record<ErrorCode, ErrorSpec> = {
  [ErrorCode.ValidationFailed]: { status: 400, message: '填写的内容有误，请检查后再提交' },
  [ErrorCode.InvalidJson]: { status: 400, message: '请求格式不正确' },
  [ErrorCode.PayloadTooLarge]: { status: 413, message: '上传的内容太大了' },
  [ErrorCode.UnsupportedMediaType]: { status: 415, message: '不支持的内容类型' },
  [ErrorCode.Unauthenticated]: { status: 401, message: '请先登录' },
  [ErrorCode.TokenInvalid]: { status: 401, message: '登录已过期，请重新登录' },
  [ErrorCode.Forbidden]: { status: 403, message: '您没有权限进行此操作' },
  [ErrorCode.NotCommunityMember]: { status: 403, message: '您还不是该社区的成员' },
  [ErrorCode.MembershipPending]: { status: 403, message: '您的入社区申请正在审核中，请等待社区工作人员确认' },
  [ErrorCode.NotFound]: { status: 404, message: '内容不存在或已被删除' },
  [ErrorCode.RouteNotFound]: { status: 404, message: '请求的地址不存在' },
  [ErrorCode.DevLoginDisabled]: { status: 404, message: '体验登录未开启' },
  [ErrorCode.WechatNotConfigured]: { status: 503, message: '微信登录尚未配置，请联系管理员' },
  [ErrorCode.WechatCodeInvalid]: { status: 401, message: '微信登录凭证无效或已过期，请重试' },
  [ErrorCode.WechatUnavailable]: { status: 503, message: '暂时无法连接微信服务，请稍后再试' },
  [ErrorCode.PrivacyNotAgreed]: { status: 403, message: '请先阅读并同意隐私保护指引' },
  [ErrorCode.InviteCodeInvalid]: { status: 422, message: '邀请码不正确，请向社区工作人员确认' },
  [ErrorCode.AlreadyMember]: { status: 409, message: '您已经加入了该社区' },
  [ErrorCode.UserNotFound]: { status: 404, message: '找不到该用户' },
  [ErrorCode.MemberNotFound]: { status: 404, message: '该用户不是本社区成员' },
  [ErrorCode.LastSecretary]: { status: 422, message: '社区至少要保留一位社区书记' },
  [ErrorCode.CompoundRequired]: { status: 400, message: '小区党支部书记需要指定所在小区' },
  [ErrorCode.CompoundNotFound]: { status: 404, message: '找不到该小区' },
  [ErrorCode.HouseholdNotFound]: { status: 404, message: '找不到该住户' },
  [ErrorCode.HouseholdConflict]: { status: 409, message: '该楼栋单元已有相同房号' },
  [ErrorCode.ImportFileMissing]: { status: 400, message: '请选择要导入的表格文件' },
  [ErrorCode.ImportFileUnreadable]: { status: 400, message: '无法读取表格文件，请上传 XLSX 或 CSV 文件' },
  [ErrorCode.ImportRowsInvalid]: { status: 422, message: '表格中有错误，全部未导入，请按行号修改后重新导入' },
  [ErrorCode.IdempotencyKeyRequired]: {
    status: 400,
    message: '请求缺少 Idempotency-Key，无法保证不重复记账',
  },
  [ErrorCode.IdempotencyKeyReused]: { status: 409, message: '该请求编号已用于另一笔不同的操作' },
  [ErrorCode.TransferNotFound]: { status: 404, message: '找不到这笔积分记录' },
  [ErrorCode.TransferNotPending]: { status: 409, message: '这笔积分已经审批过了' },
  [ErrorCode.TransferNotPosted]: { status: 409, message: '只有已入账的积分才能冲正' },
  [ErrorCode.TransferAlreadyReversed]: { status: 409, message: '这笔积分已经冲正过了' },
  [ErrorCode.InsufficientPoints]: { status: 422, message: '积分不足' },
  [ErrorCode.RewardNotFound]: { status: 404, message: '找不到该商品' },
  [ErrorCode.RewardInactive]: { status: 422, message: '该商品已下架' },
  [ErrorCode.OutOfStock]: { status: 422, message: '商品库存不足' },
  [ErrorCode.RedemptionNotFound]: { status: 404, message: '找不到该兑换订单' },
  [ErrorCode.RedemptionClosed]: { status: 409, message: '该兑换订单已领取或已取消' },
  [ErrorCode.LedgerBroken]: { status: 500, message: '积分账本校验未通过，请联系管理员' },
  [ErrorCode.RateLimited]: { status: 429, message: '操作太频繁，请稍后再试' },
  [ErrorCode.DatabaseUnavailable]: { status: 503, message: '数据服务暂时不可用' },
  [ErrorCode.Internal]: { status: 500, message: '系统开小差了，请稍后再试' },
};

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

/** Details of a VALIDATION_FAILED error: one entry per bad field. */
export interface FieldError {
  field: string;
  message: string;
}
