import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod'

/** Stable English codes → HTTP status. A new code without a status fails `tsc`. */
export const appErrorStatus = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  BUSY: 409,
  DUPLICATE_USERNAME: 409,
  DUPLICATE_ID_NUMBER: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  NOT_ELIGIBLE: 422,
  WEAK_PASSWORD: 422,
  ACCOUNT_LOCKED: 423,
  RATE_LIMITED: 429,
  ASSESSMENT_INCOMPLETE: 422,
  OBJECTION_WINDOW_CLOSED: 422,
  INTERNAL: 500,
  RENDERER_UNAVAILABLE: 503,
} as const satisfies Record<string, number>
export type TAppErrorCode = keyof typeof appErrorStatus

/** One catalogue of default Chinese messages; a use case may pass a more specific one. */
export const appErrorMessage: Record<TAppErrorCode, string> = {
  VALIDATION_FAILED: '提交的内容有误，请检查标出的字段',
  BAD_REQUEST: '请求格式不正确',
  UNAUTHENTICATED: '请先登录',
  INVALID_CREDENTIALS: '用户名或密码错误',
  FORBIDDEN: '您没有执行此操作的权限',
  PASSWORD_CHANGE_REQUIRED: '请先修改初始密码，然后再继续操作',
  NOT_FOUND: '记录不存在或不在您的管辖范围内',
  CONFLICT: '数据已被修改，请刷新后重试',
  INVALID_TRANSITION: '当前状态下不能执行此操作，可能已被他人处理，请刷新后重试',
  BUSY: '该任务正在由其他进程处理，请稍后再试',
  DUPLICATE_USERNAME: '该用户名已被使用',
  DUPLICATE_ID_NUMBER: '该身份证号已登记',
  PAYLOAD_TOO_LARGE: '上传的内容过大',
  UNSUPPORTED_MEDIA_TYPE: '不支持的内容类型',
  NOT_ELIGIBLE: '不符合条件',
  WEAK_PASSWORD: '密码强度不足',
  ACCOUNT_LOCKED: '登录失败次数过多，账号已临时锁定',
  RATE_LIMITED: '操作过于频繁，请稍后再试',
  ASSESSMENT_INCOMPLETE: '评估表尚未填写完整，不能提交',
  OBJECTION_WINDOW_CLOSED: '已超过提出异议的期限',
  RENDERER_UNAVAILABLE: '服务器未安装 PDF 生成组件（chromium），请使用浏览器打印报告页',
  INTERNAL: '系统内部错误，请稍后重试；如持续出现，请把请求编号告知管理员',
}

export type TFieldError = { path: string; message: string }

export class AppError extends Error {
  readonly status: number
  constructor(
    readonly code: TAppErrorCode,
    readonly userMessage: string = appErrorMessage[code],
    readonly fields?: TFieldError[],
    readonly extra?: Record<string, unknown>,
  ) {
    super(code)
    this.status = appErrorStatus[code]
  }
}

export const notFound = (msg?: string) => new AppError('NOT_FOUND', msg)
export const forbidden = (msg?: string) => new AppError('FORBIDDEN', msg)
export const fieldError = (path: string, message: string, code: TAppErrorCode = 'VALIDATION_FAILED') =>
  new AppError(code, code === 'VALIDATION_FAILED' ? `${message}` : appErrorMessage[code], [{ path, message }])

function body(code: TAppErrorCode, message: string, requestId: string, fields?: TFieldError[], extra?: Record<string, unknown>) {
  return { code, message, ...(fields?.length ? { fields } : {}), ...(extra ?? {}), requestId }
}

/** Maps a few Fastify framework errors (bad JSON, too large, wrong content type) to our codes. */
const fastifyCodeMap: Record<string, TAppErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'BAD_REQUEST',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'BAD_REQUEST',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_REQ_FILE_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_FILES_LIMIT: 'PAYLOAD_TOO_LARGE',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
}

export function errorHandler(err: FastifyError | AppError | Error, req: FastifyRequest, reply: FastifyReply) {
  const requestId = String(req.id)
  if (err instanceof AppError) {
    if (err.status >= 500) req.log.error({ err }, 'app error')
    return reply.status(err.status).send(body(err.code, err.userMessage, requestId, err.fields, err.extra))
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const fields = err.validation.map((v) => ({
      path: [err.validationContext === 'body' ? '' : err.validationContext, ...pathOf(v.instancePath)].filter(Boolean).join('.'),
      message: v.message ?? '格式不正确',
    }))
    const first = fields[0]
    const message = first ? `${appErrorMessage.VALIDATION_FAILED}：${first.path || '请求'} ${first.message}` : appErrorMessage.VALIDATION_FAILED
    return reply.status(400).send(body('VALIDATION_FAILED', message, requestId, fields))
  }
  if (isResponseSerializationError(err)) {
    req.log.error({ err }, 'response did not match its schema')
    return reply.status(500).send(body('INTERNAL', appErrorMessage.INTERNAL, requestId))
  }
  const fe = err as FastifyError
  if (fe.statusCode === 429) {
    return reply.status(429).send(body('RATE_LIMITED', appErrorMessage.RATE_LIMITED, requestId))
  }
  if (fe.code && fastifyCodeMap[fe.code]) {
    const code = fastifyCodeMap[fe.code]!
    return reply.status(appErrorStatus[code]).send(body(code, appErrorMessage[code], requestId))
  }
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return reply.status(fe.statusCode).send(body('BAD_REQUEST', appErrorMessage.BAD_REQUEST, requestId))
  }
  req.log.error({ err }, 'unhandled error')
  return reply.status(500).send(body('INTERNAL', appErrorMessage.INTERNAL, requestId))
}

function pathOf(instancePath: string): string[] {
  return instancePath.split('/').filter(Boolean)
}
