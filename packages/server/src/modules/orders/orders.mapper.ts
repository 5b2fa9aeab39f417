import { availableActions, orderFlow, type TOrderFlag, type TOrderStatus } from '@yiyang/core'
import type { Crypto } from '../../platform/crypto.js'
import { can } from '../../platform/permissions.js'
import type { TOrderReach, TOrderRow } from './orders.repo.js'
import type { TOrderDetail, TOrderSummary } from './orders.schemas.js'
import type { serviceOrderEvents } from './orders.tables.js'

export const orderAuditSnapshot = (r: TOrderRow) => ({
  orderNo: r.orderNo,
  elderId: r.elderId,
  providerId: r.providerId,
  caregiverId: r.caregiverId,
  itemCode: r.itemCode,
  serviceDate: r.serviceDate,
  status: r.status,
  priceFen: r.priceFen,
  subsidyFen: r.subsidyFen,
  selfPayFen: r.selfPayFen,
  flags: r.flags,
  rating: r.rating,
})

export function toOrderSummary(
  r: TOrderRow,
  names: { region: Map<string, string>; provider: Map<string, string>; caregiver: Map<string, string> },
): TOrderSummary {
  return {
    id: r.id,
    orderNo: r.orderNo,
    regionCode: r.regionCode,
    regionName: names.region.get(r.regionCode) ?? null,
    elderId: r.elderId,
    elderName: r.elderName,
    providerId: r.providerId,
    providerName: names.provider.get(r.providerId) ?? null,
    caregiverId: r.caregiverId,
    caregiverName: r.caregiverId ? (names.caregiver.get(r.caregiverId) ?? null) : null,
    itemCode: r.itemCode,
    itemName: r.itemName,
    serviceDate: r.serviceDate,
    windowStart: r.windowStart?.toISOString() ?? null,
    priceFen: r.priceFen,
    subsidyFen: r.subsidyFen,
    selfPayFen: r.selfPayFen,
    status: r.status as TOrderStatus,
    flags: r.flags as TOrderFlag[],
    rating: r.rating,
    version: r.version,
    plannedStart: r.plannedStart?.toISOString() ?? null,
    planSeq: r.planSeq,
    staffCount: r.staffCount,
  }
}

/** Steps a person takes by hand (price and the flagged check-out are taken by the system inside other steps). */
const manual = (a: string) => a !== 'price' && a !== 'checkOutFlagged' && a !== 'planAssign' && a !== 'planRelease'

export function toOrderDetail(
  r: TOrderRow,
  reach: TOrderReach,
  crypto: Crypto,
  names: Parameters<typeof toOrderSummary>[1],
  events: (typeof serviceOrderEvents.$inferSelect)[],
): TOrderDetail {
  // The full address goes to the caregiver who visits; everyone else sees it masked.
  const visiting = reach.caregiverId !== null && reach.caregiverId === r.caregiverId
  return {
    ...toOrderSummary(r, names),
    address: visiting && r.addressEnc ? crypto.decrypt(r.addressEnc) : r.addressMasked,
    homeLat: r.homeLat,
    homeLng: r.homeLng,
    skill: r.skill,
    unit: r.unit,
    editionVersionLabel: r.editionVersionLabel,
    unitPriceFen: r.unitPriceFen,
    quantity: r.quantityTenths / 10,
    subsidyBasis: r.subsidyBasis,
    plannedMinutes: r.plannedMinutes,
    requesterKind: r.requesterKind as TOrderDetail['requesterKind'],
    requestNote: r.requestNote,
    checkInAt: r.checkInAt?.toISOString() ?? null,
    checkInDistanceM: r.checkInDistanceM,
    checkOutAt: r.checkOutAt?.toISOString() ?? null,
    record: r.record ?? null,
    ratingComment: r.ratingComment,
    confirmedBy: r.confirmedBy,
    confirmedAt: r.confirmedAt?.toISOString() ?? null,
    settledAt: r.settledAt?.toISOString() ?? null,
    postings: r.postings ?? null,
    cancelReason: r.cancelReason,
    resolveNote: r.resolveNote,
    actions: availableActions(orderFlow, r.status)
      .filter(manual)
      .filter((a) => can(reach.actor, orderFlow[a].permission)),
    timeline: events.map((e) => ({
      action: e.action,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      actorName: e.actorName,
      note: e.note,
      at: e.at.toISOString(),
    })),
  }
}
