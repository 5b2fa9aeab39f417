import { z } from 'zod'

/** GET /health (the contract's THealth); demo = demo passwords still in use. */
export const ZHealth = z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']), version: z.string(), demo: z.boolean() })
