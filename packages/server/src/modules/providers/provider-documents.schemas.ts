import { providerDocumentKinds } from '@yiyang/core'
import { z } from 'zod'

export const ZDocumentUploadQuery = z.object({
  kind: z.enum(providerDocumentKinds, { message: '请选择文件类别' }),
  title: z.string().trim().min(1, '请填写文件名称').max(100, '文件名称不超过100字'),
  certificateId: z.uuid({ message: '编号格式不正确' }).optional(),
})
export type TDocumentUploadQuery = z.infer<typeof ZDocumentUploadQuery>

export const ZProviderDocument = z.object({
  id: z.string(),
  providerId: z.string(),
  kind: z.enum(providerDocumentKinds),
  title: z.string(),
  certificateId: z.string().nullable(),
  fileType: z.string(),
  bytes: z.number().int(),
  uploadedAt: z.string(),
})
export type TProviderDocument = z.infer<typeof ZProviderDocument>
export const ZDocumentParams = z.object({ id: z.uuid({ message: '编号格式不正确' }), documentId: z.uuid({ message: '编号格式不正确' }) })
