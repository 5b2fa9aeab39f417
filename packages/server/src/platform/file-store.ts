/**
 * One file store for every upload (visit photos, provider documents, service record photos).
 *
 * - `put` reads the upload as a stream: bytes are counted as they arrive (over the limit the
 *   partial file is removed and the answer is 413), hashed, spooled to a temporary file under
 *   DATA_DIR (never held in memory), and the type is taken from the first bytes (magic numbers),
 *   not from what the browser claims; a type outside the allowed list is refused.
 * - `get` answers a stream and its size, or null when the key holds nothing.
 * - The backend is DATA_DIR by default, or an S3-compatible bucket when FILE_STORE_URL is set
 *   (`s3://key:secret@host:port/bucket?region=…`, `s3+http://…` for a plain-HTTP endpoint such
 *   as a MinIO on the same host). S3 requests are signed with AWS Signature V4 (`aws4`), path-style.
 *
 * The store knows nothing of who may read a file: a module serves a file only after its own
 * scoped read of the entity that owns it, and audits the upload.
 */
import { createHash, randomUUID } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, rename, rm, stat } from 'node:fs/promises'
import { request as httpRequest, type IncomingMessage } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { dirname, join } from 'node:path'
import { Transform, type Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import aws4 from 'aws4'
import type { TConfig } from './config.js'
import { AppError } from './errors.js'

/** The types an upload may have, each with its magic number and a Chinese name for messages. */
export const fileTypes = {
  'image/jpeg': { ext: 'jpg', label: 'JPEG', sniff: (b: Buffer) => b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  'image/png': { ext: 'png', label: 'PNG', sniff: (b: Buffer) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  'image/webp': {
    ext: 'webp',
    label: 'WebP',
    sniff: (b: Buffer) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  },
  'application/pdf': { ext: 'pdf', label: 'PDF', sniff: (b: Buffer) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
} as const
export type TFileType = keyof typeof fileTypes
export const imageTypes = ['image/jpeg', 'image/png', 'image/webp'] as const satisfies readonly TFileType[]
export const documentTypes = ['application/pdf', 'image/jpeg', 'image/png'] as const satisfies readonly TFileType[]

/** The type the first bytes show, or null. */
export function sniffFileType(head: Buffer): TFileType | null {
  for (const [type, t] of Object.entries(fileTypes)) if (t.sniff(head)) return type as TFileType
  return null
}

export type TPutOptions = {
  maxBytes: number
  types: readonly TFileType[]
  /** What the file is, for messages: 照片, 资质文件. */
  label: string
  /** The type the client declared (multipart part); refused early when outside `types`. */
  declaredType?: string
}
export type TStoredFile = { key: string; type: TFileType; bytes: number; sha256: string }

export interface FileStore {
  readonly backend: 'local' | 's3'
  put(key: string, source: Readable, opts: TPutOptions): Promise<TStoredFile>
  get(key: string): Promise<{ stream: Readable; bytes: number } | null>
  delete(key: string): Promise<void>
}

const KEY = /^[a-z0-9][a-z0-9-]*(\/[a-zA-Z0-9][a-zA-Z0-9._-]*)+$/
function checkKey(key: string) {
  if (!KEY.test(key) || key.includes('..')) throw new Error(`file store: bad key ${key}`)
}

const mb = (n: number) => (n >= 1024 * 1024 ? `${Math.round((n / 1024 / 1024) * 10) / 10} MB` : `${Math.ceil(n / 1024)} KB`)
const typeNames = (types: readonly TFileType[]) => types.map((t) => fileTypes[t].label).join('、')
const tooLarge = (o: TPutOptions) => new AppError('PAYLOAD_TOO_LARGE', `${o.label}不能超过 ${mb(o.maxBytes)}`, [{ path: 'file', message: `${o.label}过大` }])
const badType = (o: TPutOptions) =>
  new AppError('UNSUPPORTED_MEDIA_TYPE', `${o.label}只支持 ${typeNames(o.types)} 格式`, [{ path: 'file', message: `请上传 ${typeNames(o.types)} 文件` }])

/**
 * Streams `source` into a temporary file under DATA_DIR with the limit, the hash and the sniffed
 * type. The caller moves or uploads the file and removes it.
 */
async function spool(dataDir: string, source: Readable, o: TPutOptions): Promise<{ path: string; type: TFileType; bytes: number; sha256: string }> {
  if (o.declaredType !== undefined && !o.types.includes(o.declaredType as TFileType)) {
    source.resume()
    throw badType(o)
  }
  const dir = join(dataDir, 'uploads-tmp')
  await mkdir(dir, { recursive: true })
  const path = join(dir, randomUUID())
  const hash = createHash('sha256')
  let bytes = 0
  let head = Buffer.alloc(0)
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length
      if (bytes > o.maxBytes) return done(tooLarge(o))
      if (head.length < 16) head = Buffer.concat([head, chunk.subarray(0, 16 - head.length)])
      hash.update(chunk)
      done(null, chunk)
    },
  })
  try {
    await pipeline(source, counter, createWriteStream(path))
    // @fastify/multipart stops at its own limit and marks the stream truncated instead of failing.
    if ((source as Readable & { truncated?: boolean }).truncated) throw tooLarge(o)
    if (bytes === 0) throw new AppError('VALIDATION_FAILED', `请选择${o.label}`, [{ path: 'file', message: `${o.label}是空文件` }])
    const type = sniffFileType(head)
    if (!type || !o.types.includes(type))
      throw new AppError('VALIDATION_FAILED', `${o.label}内容不是 ${typeNames(o.types)} 文件`, [{ path: 'file', message: '文件内容与格式不符' }])
    return { path, type, bytes, sha256: hash.digest('hex') }
  } catch (err) {
    await rm(path, { force: true })
    source.resume()
    throw err
  }
}

/** Files under DATA_DIR, at `DATA_DIR/<key>` (so `visit-photos/<id>.jpg` stays where it always was). */
export function localFileStore(dataDir: string): FileStore {
  return {
    backend: 'local',
    async put(key, source, opts) {
      checkKey(key)
      const s = await spool(dataDir, source, opts)
      const target = join(dataDir, key)
      try {
        await mkdir(dirname(target), { recursive: true })
        await rename(s.path, target)
      } catch (err) {
        await rm(s.path, { force: true })
        throw err
      }
      return { key, type: s.type, bytes: s.bytes, sha256: s.sha256 }
    },
    async get(key) {
      checkKey(key)
      const path = join(dataDir, key)
      const info = await stat(path).catch(() => null)
      if (!info?.isFile()) return null
      return { stream: createReadStream(path), bytes: info.size }
    },
    async delete(key) {
      checkKey(key)
      await rm(join(dataDir, key), { force: true })
    },
  }
}

export type TS3Target = { https: boolean; host: string; port: number; bucket: string; region: string; accessKeyId: string; secretAccessKey: string }

/** `s3://key:secret@host[:port]/bucket?region=cn-north-1` (https) or `s3+http://…` (plain HTTP). */
export function parseS3Url(url: string): TS3Target {
  const u = new URL(url)
  if (u.protocol !== 's3:' && u.protocol !== 's3+http:') throw new Error('FILE_STORE_URL must start with s3:// or s3+http://')
  const bucket = u.pathname.replace(/^\/+|\/+$/g, '')
  if (!bucket || bucket.includes('/')) throw new Error('FILE_STORE_URL must name one bucket: s3://key:secret@host/bucket')
  if (!u.username || !u.password) throw new Error('FILE_STORE_URL must carry the access key and secret: s3://key:secret@host/bucket')
  const https = u.protocol === 's3:'
  return {
    https,
    host: u.hostname,
    port: u.port ? Number(u.port) : https ? 443 : 80,
    bucket,
    region: u.searchParams.get('region') ?? 'us-east-1',
    accessKeyId: decodeURIComponent(u.username),
    secretAccessKey: decodeURIComponent(u.password),
  }
}

const encodeKey = (key: string) => key.split('/').map(encodeURIComponent).join('/')

/** An S3-compatible bucket (AWS, MinIO, OSS/COS in S3 mode), path-style, SigV4-signed. */
export function s3FileStore(target: TS3Target, dataDir: string): FileStore {
  const hostHeader = (target.https && target.port === 443) || (!target.https && target.port === 80) ? target.host : `${target.host}:${target.port}`
  function send(method: 'GET' | 'PUT' | 'DELETE', key: string, headers: Record<string, string | number>, body?: Readable): Promise<IncomingMessage> {
    const opts = aws4.sign(
      { host: hostHeader, path: `/${target.bucket}/${encodeKey(key)}`, method, service: 's3', region: target.region, headers: { ...headers } },
      { accessKeyId: target.accessKeyId, secretAccessKey: target.secretAccessKey },
    )
    return new Promise((resolve, reject) => {
      const req = (target.https ? httpsRequest : httpRequest)(
        { hostname: target.host, port: target.port, path: opts.path, method, headers: opts.headers as Record<string, string> },
        resolve,
      )
      req.on('error', reject)
      if (body) {
        body.on('error', (e) => req.destroy(e))
        body.pipe(req)
      } else req.end()
    })
  }
  async function fail(res: IncomingMessage, what: string): Promise<never> {
    const text = (await drain(res)).slice(0, 300)
    throw new Error(`file store: ${what} answered ${res.statusCode}: ${text}`)
  }
  return {
    backend: 's3',
    async put(key, source, opts) {
      checkKey(key)
      const s = await spool(dataDir, source, opts)
      try {
        const res = await send('PUT', key, { 'Content-Type': s.type, 'Content-Length': s.bytes, 'X-Amz-Content-Sha256': s.sha256 }, createReadStream(s.path))
        if (res.statusCode !== 200) await fail(res, 'PUT')
        res.resume()
      } finally {
        await rm(s.path, { force: true })
      }
      return { key, type: s.type, bytes: s.bytes, sha256: s.sha256 }
    },
    async get(key) {
      checkKey(key)
      const res = await send('GET', key, { 'X-Amz-Content-Sha256': 'UNSIGNED-PAYLOAD' })
      if (res.statusCode === 404) {
        res.resume()
        return null
      }
      if (res.statusCode !== 200) await fail(res, 'GET')
      return { stream: res, bytes: Number(res.headers['content-length'] ?? 0) }
    },
    async delete(key) {
      checkKey(key)
      const res = await send('DELETE', key, { 'X-Amz-Content-Sha256': 'UNSIGNED-PAYLOAD' })
      if (res.statusCode !== 204 && res.statusCode !== 200 && res.statusCode !== 404) await fail(res, 'DELETE')
      res.resume()
    },
  }
}

async function drain(res: Readable): Promise<string> {
  const parts: Buffer[] = []
  for await (const c of res) parts.push(c as Buffer)
  return Buffer.concat(parts).toString('utf8')
}

const stores = new WeakMap<TConfig, FileStore>()
/** The configured store (one per configuration). */
export function fileStore(config: TConfig): FileStore {
  let s = stores.get(config)
  if (!s) {
    s = config.fileStoreUrl ? s3FileStore(parseS3Url(config.fileStoreUrl), config.dataDir) : localFileStore(config.dataDir)
    stores.set(config, s)
  }
  return s
}
