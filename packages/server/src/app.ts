import Fastify, { LogController, type FastifyInstance } from 'fastify'
import cookie from '@fastify/cookie'
import rateLimit from '@fastify/rate-limit'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import fastifyStatic from '@fastify/static'
import multipart from '@fastify/multipart'
import helmet from '@fastify/helmet'
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { zodMessage } from './platform/zod-messages.js'
import { randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Database } from './db/client.js'
import { systemClock, type Clock } from './platform/clock.js'
import type { TConfig } from './platform/config.js'
import type { Ctx } from './platform/context.js'
import { createCrypto } from './platform/crypto.js'
import { AppError, errorHandler } from './platform/errors.js'
import { EventBus } from './platform/events.js'
import { JobRunner, type TJobDefinition } from './platform/jobs.js'
import { maskLogObject, maskSensitiveText } from './platform/log.js'
import { checkActorLimits, checkSameOrigin } from './platform/request-guards.js'
import { assertCleanText } from './platform/text-guard.js'
import { actorForUser, authenticate, SESSION_COOKIE } from './modules/accounts/index.js'
import { apiModules } from './modules/registry.js'

declare module 'fastify' {
  interface FastifyRequest {
    ctx: Ctx
  }
  interface FastifyInstance {
    /** Every API route as 'METHOD /path', so tests can prove each one is covered by the scope matrix. */
    apiRoutes: string[]
    /** Durable jobs and the outbox relay of this process. */
    jobs: JobRunner
  }
}

// Chinese validation messages: ours with Chinese type names first, zod's zhCN locale for the
// rest; field paths come from the error handler.
z.config(z.locales.zhCN())
z.config({ customError: zodMessage })

export type TAppDeps = {
  database: Database
  config: TConfig
  clock?: Clock
  events?: EventBus
  /** false silences request logs (tests); otherwise pino options. */
  logger?: boolean | Record<string, unknown>
  loginRateLimit?: number
  /** Tests only: job kinds beside the modules' own. */
  extraJobs?: TJobDefinition<never>[]
  /** false: no background runner (tests that drive `app.jobs.drain()` themselves still can). */
  runJobs?: boolean
  /** Tests only: extra routes registered before the app is sealed. */
  extraRoutes?: (app: FastifyInstance) => void
}

const REQUEST_ID_RE = /^[A-Za-z0-9._-]{8,64}$/

export async function buildApp(deps: TAppDeps): Promise<FastifyInstance> {
  const { database, config } = deps
  const clock = deps.clock ?? systemClock
  const crypto = createCrypto(config.secretKey)
  const app = Fastify({
    logger:
      deps.logger === false
        ? false
        : {
            level: config.logLevel,
            // Never log credentials, cookies or tokens.
            redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
            formatters: { log: (obj: Record<string, unknown>) => maskLogObject(obj) as Record<string, unknown> },
            hooks: {
              logMethod(args: unknown[], method: (...a: unknown[]) => void) {
                method.apply(
                  this,
                  args.map((a) => (typeof a === 'string' ? maskSensitiveText(a) : a)),
                )
              },
            },
            ...(typeof deps.logger === 'object' ? deps.logger : {}),
          },
    // Fastify's two lines per request are replaced by our one line in onResponse.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: config.trustProxy,
    genReqId: (req) => {
      const given = req.headers['x-request-id']
      return typeof given === 'string' && REQUEST_ID_RE.test(given) ? given : randomUUID()
    },
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>()
  const events = deps.events ?? new EventBus()

  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  app.setErrorHandler(errorHandler)
  app.decorate('apiRoutes', [] as string[])
  app.addHook('onRoute', (r) => {
    const methods = Array.isArray(r.method) ? r.method : [r.method]
    for (const m of methods) if (r.url.startsWith('/api/v1/') && m !== 'HEAD') app.apiRoutes.push(`${m} ${r.url}`)
  })

  // Security headers. The CSP fits the built SPA: scripts only from our origin; antd (CSS-in-JS)
  // and ECharts write inline styles, hence style-src 'unsafe-inline'; the Swagger UI at
  // /api/docs uses the same origin only. frame-ancestors 'self' stops clickjacking by other
  // sites; our own report page shows the printable report (report.html) in an iframe.
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', ...tileOrigins(config)],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
      },
    },
    // HSTS belongs to the TLS-terminating reverse proxy (docs/operations.md), not to plain HTTP.
    strictTransportSecurity: false,
    referrerPolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
  })
  await app.register(cookie)
  await app.register(rateLimit, { global: false })
  await app.register(multipart, { limits: { fileSize: 25 * 1024 * 1024, files: 1, fields: 20 } })
  await app.register(swagger, {
    openapi: {
      info: {
        title: '颐养 Yiyang API',
        version: config.version,
        description: '智慧养老服务信息平台接口。会话 Cookie（yy_sid）或 Bearer API 令牌认证。错误格式：{ code, message, fields?, requestId }。',
      },
      components: { securitySchemes: { cookie: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE }, bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ cookie: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  })
  await app.register(swaggerUi, { routePrefix: '/api/docs' })

  app.decorateRequest('ctx', null as unknown as Ctx)
  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id)
    const base = { db: database.db, requestId: String(req.id), ip: req.ip, clock, config, crypto, events }
    if (!req.url.startsWith('/api/v1/')) {
      req.ctx = { ...base, actor: null }
      return
    }
    checkSameOrigin(req)
    const actor = await authenticate(database.db, clock.now(), req.cookies?.[SESSION_COOKIE], req.headers.authorization)
    req.ctx = { ...base, actor }
    await checkActorLimits(req, reply)
  })
  // Before every schema: control and invisible characters in any text answer 400 (text-guard.ts).
  app.addHook('preValidation', async (req) => {
    if (req.url.startsWith('/api/')) assertCleanText({ body: req.body, query: req.query, params: req.params })
  })
  // One line per request: id, user, status, duration. The route pattern is logged, not the
  // raw URL, so query strings (which may carry an ID number) never reach the log. `req.log` is
  // a child logger that already carries reqId: naming it again printed it twice per line.
  app.addHook('onResponse', async (req, reply) => {
    req.log.info(
      {
        userId: req.ctx?.actor?.userId ?? null,
        method: req.method,
        route: req.routeOptions?.url ?? 'unmatched',
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request',
    )
  })

  const runner = new JobRunner({
    database,
    clock,
    config,
    crypto,
    events,
    definitions: [...apiModules.flatMap((m) => m.jobs ?? []), ...(deps.extraJobs ?? [])],
    loadActor: actorForUser,
    log: app.log,
  })
  app.decorate('jobs', runner)
  await app.register(
    async (api) => {
      const routeOptions = { events, database, version: config.version, loginRateLimit: deps.loginRateLimit ?? 20 }
      for (const mod of apiModules) await api.register(mod.routes, routeOptions)
    },
    { prefix: '/api/v1' },
  )
  for (const mod of apiModules) mod.subscribe?.({ events, database, config, clock, crypto })
  if (deps.runJobs !== false) app.addHook('onReady', () => runner.start())
  const stopServices: (() => Promise<void>)[] = []
  app.addHook('onReady', async () => {
    for (const mod of apiModules) if (mod.start) stopServices.push(await mod.start({ events, database, config, clock, crypto, log: app.log }))
  })
  app.addHook('onClose', async () => {
    for (const stop of stopServices.splice(0).reverse()) await stop()
  })
  // Runs before the database is closed by the caller: in-flight jobs finish or keep their lease.
  app.addHook('onClose', () => runner.stop())

  deps.extraRoutes?.(app)
  const webDist = config.webDist ?? join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '../../web/dist')
  const hasWeb = existsSync(join(webDist, 'index.html'))
  if (hasWeb) await app.register(fastifyStatic, { root: webDist, wildcard: true, index: ['index.html'] })
  app.setNotFoundHandler((req, reply) => {
    // A missing asset (a path with a file extension) is a 404, not the app shell.
    const isAsset = /\.[a-z0-9]+$/i.test(req.url.split('?')[0] ?? '')
    if (req.url.startsWith('/api/') || !hasWeb || req.method !== 'GET' || isAsset) {
      return errorHandler(new AppError('NOT_FOUND', '接口不存在'), req, reply)
    }
    // SPA fallback: client-side routes load the app shell.
    return reply.type('text/html').sendFile('index.html')
  })
  return app
}

/** The map tile hosts (MAP_TILE_URL, MAP_LABEL_URL) the dispatch map loads images from (issue 20). */
function tileOrigins(config: TConfig): string[] {
  const hosts = new Set<string>()
  for (const url of [config.map?.tileUrl, config.map?.labelUrl]) {
    if (!url) continue
    const host = /^https:\/\/([^/?#]+)/.exec(url)?.[1]
    // {s} (a subdomain) becomes a wildcard: https://*.tianditu.gov.cn
    if (host) hosts.add(`https://${host.replace(/^[^.]*\{s\}[^.]*\./, '*.')}`)
  }
  return [...hosts]
}
