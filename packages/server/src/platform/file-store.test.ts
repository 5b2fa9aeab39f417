import { createHash } from 'node:crypto'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import aws4 from 'aws4'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppError } from './errors.js'
import { localFileStore, parseS3Url, s3FileStore, sniffFileType, type FileStore, type TPutOptions } from './file-store.js'

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5])
const PDF = Buffer.from('%PDF-1.7\n%%EOF')
const photo: TPutOptions = { maxBytes: 16, types: ['image/jpeg', 'image/png'], label: '照片' }
const body = async (s: Readable) => {
  const parts: Buffer[] = []
  for await (const c of s) parts.push(c as Buffer)
  return Buffer.concat(parts)
}
/** A stream that arrives in small chunks, as an upload does. */
const chunked = (b: Buffer) => Readable.from([b.subarray(0, 4), b.subarray(4)].filter((x) => x.length))

async function rejects(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(AppError)
  return err as AppError
}

/**
 * A tiny S3 stand-in: keeps objects in a map, and checks each request's SigV4 signature by
 * signing the same request again with the same secret, and the body against its declared hash.
 */
function s3Stub(secret: string) {
  const objects = new Map<string, { type: string; data: Buffer }>()
  const log: string[] = []
  const server = createServer(async (req: IncomingMessage, res) => {
    const data = await body(req)
    const auth = String(req.headers.authorization ?? '')
    const m = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/\d{8}\/([^/]+)\/s3\/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(auth)
    const signed = m?.[3]?.split(';') ?? []
    const headers: Record<string, string> = {}
    for (const h of signed) headers[h] = String(req.headers[h] ?? '')
    const again = m
      ? aws4.sign(
          { host: headers.host, path: req.url, method: req.method, service: 's3', region: m[2], headers },
          { accessKeyId: m[1]!, secretAccessKey: secret },
        )
      : null
    if (!m || !signed.includes('x-amz-content-sha256') || !signed.includes('host') || (again?.headers as Record<string, string>).Authorization !== auth) {
      res.writeHead(403).end('<Error><Code>SignatureDoesNotMatch</Code></Error>')
      return
    }
    log.push(`${req.method} ${req.url}`)
    const key = req.url!
    if (req.method === 'PUT') {
      if (createHash('sha256').update(data).digest('hex') !== req.headers['x-amz-content-sha256']) {
        res.writeHead(400).end('<Error><Code>XAmzContentSHA256Mismatch</Code></Error>')
        return
      }
      objects.set(key, { type: String(req.headers['content-type']), data })
      res.writeHead(200).end()
    } else if (req.method === 'GET') {
      const o = objects.get(key)
      if (!o) res.writeHead(404).end('<Error><Code>NoSuchKey</Code></Error>')
      else res.writeHead(200, { 'content-type': o.type, 'content-length': o.data.length }).end(o.data)
    } else if (req.method === 'DELETE') {
      objects.delete(key)
      res.writeHead(204).end()
    } else res.writeHead(405).end()
  })
  return { server, objects, log }
}

describe('file store', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'yiyang-files-'))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('sniffs types by their first bytes', () => {
    expect(sniffFileType(JPEG)).toBe('image/jpeg')
    expect(sniffFileType(PDF)).toBe('application/pdf')
    expect(sniffFileType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png')
    expect(sniffFileType(Buffer.from('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp')
    expect(sniffFileType(Buffer.from('hello'))).toBeNull()
  })

  it('parses the bucket URL', () => {
    expect(parseS3Url('s3://AK%2B1:se%2Fcret@oss.example.cn/files?region=cn-north-1')).toEqual({
      https: true,
      host: 'oss.example.cn',
      port: 443,
      bucket: 'files',
      region: 'cn-north-1',
      accessKeyId: 'AK+1',
      secretAccessKey: 'se/cret',
    })
    expect(parseS3Url('s3+http://k:s@127.0.0.1:9000/b').port).toBe(9000)
    expect(() => parseS3Url('s3://k:s@host/')).toThrow(/bucket/)
    expect(() => parseS3Url('https://k:s@host/b')).toThrow(/s3:\/\//)
  })

  const contract = (name: string, make: () => FileStore) =>
    describe(name, () => {
      it('puts, gets and deletes a file; the type comes from its bytes', async () => {
        const s = make()
        const put = await s.put('tests/a.jpg', chunked(JPEG), { ...photo, declaredType: 'image/jpeg' })
        expect(put).toEqual({ key: 'tests/a.jpg', type: 'image/jpeg', bytes: JPEG.length, sha256: createHash('sha256').update(JPEG).digest('hex') })
        const got = await s.get('tests/a.jpg')
        expect(got?.bytes).toBe(JPEG.length)
        expect(await body(got!.stream)).toEqual(JPEG)
        await s.delete('tests/a.jpg')
        expect(await s.get('tests/a.jpg')).toBeNull()
        expect(await s.get('tests/never.jpg')).toBeNull()
      })
      it('refuses a file over the limit with 413 and keeps nothing', async () => {
        const err = await rejects(make().put('tests/big.jpg', chunked(Buffer.concat([JPEG, Buffer.alloc(20)])), photo))
        expect(err.code).toBe('PAYLOAD_TOO_LARGE')
        expect(err.userMessage).toBe('照片不能超过 1 KB')
        expect(await make().get('tests/big.jpg')).toBeNull()
        expect(await readdir(join(dir, 'uploads-tmp'))).toEqual([])
      })
      it('refuses a declared type outside the list (415) and content that is not what it claims (400)', async () => {
        const declared = await rejects(make().put('tests/x.pdf', chunked(PDF), { ...photo, declaredType: 'text/plain' }))
        expect(declared.code).toBe('UNSUPPORTED_MEDIA_TYPE')
        expect(declared.userMessage).toBe('照片只支持 JPEG、PNG 格式')
        const content = await rejects(make().put('tests/x.jpg', chunked(Buffer.from('not an image')), { ...photo, declaredType: 'image/jpeg' }))
        expect(content.code).toBe('VALIDATION_FAILED')
        expect(content.fields?.[0]?.path).toBe('file')
        const pdfAsPhoto = await rejects(make().put('tests/y.jpg', chunked(PDF), photo))
        expect(pdfAsPhoto.code).toBe('VALIDATION_FAILED')
        expect(await make().get('tests/x.jpg')).toBeNull()
      })
      it('refuses a key that leaves its folder', async () => {
        await expect(make().get('../etc/passwd')).rejects.toThrow(/bad key/)
        await expect(make().get('tests/../../x')).rejects.toThrow(/bad key/)
      })
    })

  contract('DATA_DIR backend', () => localFileStore(dir))

  describe('S3 backend against a stub', () => {
    const stub = s3Stub('stub-secret')
    let url = ''
    beforeAll(async () => {
      await new Promise<void>((r) => stub.server.listen(0, '127.0.0.1', r))
      url = `s3+http://stub-key:stub-secret@127.0.0.1:${(stub.server.address() as AddressInfo).port}/yiyang-files?region=cn-northwest-1`
    })
    afterAll(async () => {
      await new Promise((r) => (stub.server as Server).close(r))
    })
    contract('contract', () => s3FileStore(parseS3Url(url), dir))

    it('sends signed path-style requests and the bytes land in the bucket', async () => {
      const s = s3FileStore(parseS3Url(url), dir)
      await s.put('provider-docs/p1/d1', chunked(PDF), { maxBytes: 1024, types: ['application/pdf'], label: '资质文件' })
      expect(stub.objects.get('/yiyang-files/provider-docs/p1/d1')).toEqual({ type: 'application/pdf', data: PDF })
      expect(stub.log).toContain('PUT /yiyang-files/provider-docs/p1/d1')
      // Nothing of the upload stays behind on the local disk.
      expect(await readdir(join(dir, 'uploads-tmp'))).toEqual([])
    })

    it('a wrong secret is refused by the bucket and surfaces as an error', async () => {
      const bad = s3FileStore({ ...parseS3Url(url), secretAccessKey: 'wrong' }, dir)
      await expect(bad.get('provider-docs/p1/d1')).rejects.toThrow(/GET answered 403/)
      await expect(bad.put('tests/z.jpg', chunked(JPEG), photo)).rejects.toThrow(/PUT answered 403/)
      expect(await readdir(join(dir, 'uploads-tmp'))).toEqual([])
    })
  })
})
