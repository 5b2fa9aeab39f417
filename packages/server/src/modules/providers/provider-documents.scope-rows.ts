// Scope-matrix rows of the provider documents (see test/scope-matrix.ts): street B's provider's files are hidden.
import { get, send, type Fixture, type TScopeRows } from '../../../test/scope-matrix.js'
import { DEMO_PROVIDER_B } from './seed-providers.js'

const docs = `/providers/${DEMO_PROVIDER_B.id}/documents`
const someDoc = `${docs}/00000000-0000-4000-8000-00000000d0c5`
const pdfUpload = (f: Fixture) => {
  const boundary = 'yyscope'
  return f.t.app.inject({
    method: 'POST',
    url: `/api/v1${docs}?kind=other&title=x`,
    headers: { cookie: f.officerA, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n\r\n--${boundary}--\r\n`,
  })
}

export const providerDocumentsScopeRows: TScopeRows = {
  'GET /api/v1/providers/:id/documents': { expect: 404, run: get(docs) },
  'POST /api/v1/providers/:id/documents': { expect: 403, run: pdfUpload },
  'GET /api/v1/providers/:id/documents/:documentId': { expect: 404, run: get(someDoc) },
  'DELETE /api/v1/providers/:id/documents/:documentId': { expect: 403, run: send('DELETE', someDoc) },
}
