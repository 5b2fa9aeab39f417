/** 资质文件 kinds a provider uploads (issue 19 item 1). */
export const providerDocumentKinds = ['business_licence', 'practice_licence', 'qualification', 'certificate_scan', 'other'] as const
export type TProviderDocumentKind = (typeof providerDocumentKinds)[number]
export const providerDocumentKindLabels = {
  business_licence: '营业执照',
  practice_licence: '执业许可或备案',
  qualification: '资质证明',
  certificate_scan: '护理员证书扫描件',
  other: '其他材料',
} as const satisfies Record<TProviderDocumentKind, string>
/** A scanned licence as PDF or a phone photo; 10 MB leaves room for a multi-page scan [DESIGN]. */
export const PROVIDER_DOCUMENT_MAX_BYTES = 10 * 1024 * 1024
/** A service record photo from the caregiver's phone (the page shrinks it to ~300 KB) [DESIGN]. */
export const ORDER_PHOTO_MAX_BYTES = 5 * 1024 * 1024
/** Photos one service record may carry. */
export const ORDER_PHOTOS_MAX = 6
