import type { DbOrTx } from '../../db/client.js'
import { providers } from './providers.tables.js'

export const DEMO_PROVIDER = { id: '00000000-0000-4000-8000-000000000001', name: '康乐居家养老服务中心', regionCode: '620702000000' } as const

/** The demo provider the seeded provider admin and caregiver belong to. */
export async function seedProviders(db: DbOrTx) {
  await db
    .insert(providers)
    .values({ ...DEMO_PROVIDER, status: 'active' })
    .onConflictDoNothing()
}
