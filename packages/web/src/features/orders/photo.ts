/**
 * Phone photos are large (4000 px, several MB) and the signal at an elder's home is weak: the
 * browser shrinks each one before it is queued — longest side at most 1600 px, JPEG quality 0.8,
 * typically 150–400 KB — so it fits the offline queue and uploads in seconds.
 */
export const PHOTO_MAX_SIDE = 1600
export const PHOTO_QUALITY = 0.8

function loadImage(file: Blob): Promise<HTMLImageElement> {
  const url = URL.createObjectURL(file)
  return new Promise<HTMLImageElement>((resolve, reject) => {
    const img = new Image()
    img.onload = () => resolve(img)
    img.onerror = () => reject(new Error('无法读取这张照片，请重新拍摄'))
    img.src = url
  }).finally(() => URL.revokeObjectURL(url))
}

/** The photo scaled down to PHOTO_MAX_SIDE on its longest side and re-encoded as JPEG. */
export async function shrinkPhoto(file: Blob): Promise<Blob> {
  const img = await loadImage(file)
  const w = img.naturalWidth
  const h = img.naturalHeight
  if (!w || !h) throw new Error('无法读取这张照片，请重新拍摄')
  const scale = Math.min(1, PHOTO_MAX_SIDE / Math.max(w, h))
  const canvas = document.createElement('canvas')
  canvas.width = Math.max(1, Math.round(w * scale))
  canvas.height = Math.max(1, Math.round(h * scale))
  const g = canvas.getContext('2d')
  if (!g) throw new Error('手机浏览器不支持压缩照片')
  g.fillStyle = '#fff' // transparent PNG areas become white, not black, in JPEG
  g.fillRect(0, 0, canvas.width, canvas.height)
  g.drawImage(img, 0, 0, canvas.width, canvas.height)
  const out = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', PHOTO_QUALITY))
  if (!out) throw new Error('照片压缩失败，请重新拍摄')
  return out
}

export function blobToDataUrl(b: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader()
    r.onload = () => resolve(String(r.result))
    r.onerror = () => reject(new Error('照片读取失败'))
    r.readAsDataURL(b)
  })
}

export function dataUrlToBlob(dataUrl: string): Blob {
  const [head = '', data = ''] = dataUrl.split(',', 2)
  const type = /^data:([^;]+)/.exec(head)?.[1] ?? 'image/jpeg'
  const bin = atob(data)
  const bytes = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i)
  return new Blob([bytes], { type })
}
