/**
 * The API contract for clients: request and response TYPES inferred from the zod schemas the
 * routes validate with, so the web never re-declares a response shape by hand (issue 15 item 4).
 * Type-only: the web imports this file with `import type`, which the compiler erases, so no
 * server code reaches the browser bundle (a web test checks every import is type-only). Keep it
 * to the modules' `*.schemas.ts` files: they import only zod and @yiyang/core, so the web's
 * type-check never walks into Fastify, Drizzle or Node code.
 */
import type { z } from 'zod'
import type * as accounts from './modules/accounts/accounts.schemas.js'
import type * as assessments from './modules/assessments/assessments.schemas.js'
import type * as catalog from './modules/catalog/catalog.schemas.js'
import type * as meals from './modules/orders/meals.schemas.js'
import type * as visits from './modules/visits/visits.schemas.js'
import type * as audit from './modules/audit/audit.schemas.js'
import type * as benefits from './modules/benefits/benefits.schemas.js'
import type * as disbursement from './modules/disbursement/disbursement.schemas.js'
import type * as elders from './modules/elders/elders.schemas.js'
import type * as system from './modules/system/system.schemas.js'
import type * as worklists from './modules/worklists/worklists.schemas.js'
import type * as providers from './modules/providers/providers.schemas.js'
import type * as orders from './modules/orders/orders.schemas.js'
import type * as providerDocuments from './modules/providers/provider-documents.schemas.js'
import type * as supervision from './modules/orders/supervision.schemas.js'
import type * as alarms from './modules/alarms/alarms.schemas.js'
import type * as dispatch from './modules/dispatch/dispatch.schemas.js'
import type * as serviceCircle from './modules/dispatch/service-circle.schemas.js'
import type * as hotline from './modules/alarms/hotline.schemas.js'

/** One page of a list: what every paginated endpoint answers. */
export type TPage<T> = { items: T[]; total: number; page: number; pageSize: number }

// ---------- accounts ----------
export type TMe = z.infer<typeof accounts.ZMe>
export type TUser = z.infer<typeof accounts.ZUser>
export type TToken = z.infer<typeof accounts.ZToken>
export type TLogin = z.input<typeof accounts.ZLogin>
export type TFindUsers = z.input<typeof accounts.ZFindUsers>
export type TCreateUser = z.input<typeof accounts.ZCreateUser>
export type TUpdateUser = z.input<typeof accounts.ZUpdateUser>
export type TChangePassword = z.input<typeof accounts.ZChangePassword>
export type TPreferences = z.input<typeof accounts.ZPreferences>

// ---------- elders ----------
export type TElderSummary = z.infer<typeof elders.ZElderSummary>
export type TElderDetail = z.infer<typeof elders.ZElderDetail>
export type TContact = z.infer<typeof elders.ZContact>
export type TElderInput = z.input<typeof elders.ZElderInput>
export type TUpdateElder = z.input<typeof elders.ZUpdateElder>
export type TChangeElderStatus = z.input<typeof elders.ZChangeStatus>
export type TFindElders = z.input<typeof elders.ZFindElders>
export type TElderFilter = z.input<typeof elders.ZElderFilter>
export type TReveal = z.input<typeof elders.ZReveal>
export type TMerge = z.input<typeof elders.ZMerge>
export type TElderImportJob = z.infer<typeof elders.ZImportJob>
export type TElderImportConflict = z.infer<typeof elders.ZImportConflict>
export type TElderImportChange = z.infer<typeof elders.ZImportChange>
export type TElderImportWarning = z.infer<typeof elders.ZImportWarning>
export type TElderImportError = z.infer<typeof elders.ZImportError>

// ---------- assessments ----------
export type TAssessmentSummary = z.infer<typeof assessments.ZAssessmentSummary>
export type TAssessmentDetail = z.infer<typeof assessments.ZAssessmentDetail>
export type TAnnexAInfo = z.infer<typeof assessments.ZAnnexAInfo>
export type TDueItem = z.infer<typeof assessments.ZDueItem>
export type TWorkloadRow = z.infer<typeof assessments.ZWorkloadRow>
export type TLevelStats = z.infer<typeof assessments.ZStats>
export type TScaleSettings = z.infer<typeof assessments.ZSettings>
export type TAssessorOption = z.infer<typeof assessments.ZAssessorOption>
export type TScheduleAssessment = z.input<typeof assessments.ZScheduleAssessment>
export type TSaveAnswers = z.input<typeof assessments.ZSaveAnswers>
export type TReview = z.input<typeof assessments.ZReview>
export type TObjection = z.input<typeof assessments.ZObjection>
export type TFindAssessments = z.input<typeof assessments.ZFindAssessments>
export type TFindDue = z.input<typeof assessments.ZFindDue>
export type TConditionChange = z.input<typeof assessments.ZConditionChange>
export type TUpdateSettings = z.input<typeof assessments.ZUpdateSettings>

// ---------- worklists ----------
export type TWorklistRule = z.infer<typeof worklists.ZRule>
export type TWorklistItem = z.infer<typeof worklists.ZItem>
export type TCreateRule = z.input<typeof worklists.ZCreateRule>
export type TUpdateRule = z.input<typeof worklists.ZUpdateRule>
export type TFindWorklistItems = z.input<typeof worklists.ZFindItems>

// ---------- audit and system ----------
export type TAuditEntry = z.infer<typeof audit.ZAuditRow>
export type TAuditVerify = z.infer<typeof audit.ZAuditVerify>
export type THealth = z.infer<typeof system.ZHealth>
export type TJob = z.infer<typeof system.ZJob>
export type TOutboxEvent = z.infer<typeof system.ZOutboxEvent>

// ---------- providers and caregivers ----------
export type TProviderSummary = z.infer<typeof providers.ZProviderSummary>
export type TProviderDetail = z.infer<typeof providers.ZProviderDetail>
export type TRegisterProvider = z.input<typeof providers.ZRegisterProvider>
export type TReviewProvider = z.input<typeof providers.ZReviewProvider>
export type TProviderStatusChange = z.input<typeof providers.ZProviderStatusChange>
export type TFindProviders = z.input<typeof providers.ZFindProviders>
export type TCaregiverSummary = z.infer<typeof providers.ZCaregiverSummary>
export type TCreateCaregiver = z.input<typeof providers.ZCreateCaregiver>
export type TAddCertificate = z.input<typeof providers.ZAddCertificate>
export type TDueCertificate = z.infer<typeof providers.ZDueCertificate>
export type TFindCaregivers = z.input<typeof providers.ZFindCaregivers>
export type TCreditRecord = z.infer<typeof providers.ZCreditRecord>

// ---------- service orders ----------
export type TOrderSummary = z.infer<typeof orders.ZOrderSummary>
export type TOrderDetail = z.infer<typeof orders.ZOrderDetail>
export type TRequestOrder = z.input<typeof orders.ZRequestOrder>
export type TFindOrders = z.input<typeof orders.ZFindOrders>
export type TConfirmOrder = z.input<typeof orders.ZConfirmOrder>
export type TRecordService = z.input<typeof orders.ZRecordService>
export type TOrderSettings = z.infer<typeof orders.ZOrderSettings>
// ---------- meal aid (助餐) and order anomaly flags ----------
export type TMealCanteen = z.infer<typeof meals.ZCanteen>
export type TMealLookupResult = z.infer<typeof meals.ZMealLookupResult>
export type TMealElderCard = z.infer<typeof meals.ZMealElderCard>
export type TServeMeal = z.input<typeof meals.ZServeMeal>
export type TMealReceipt = z.infer<typeof meals.ZMealReceipt>
export type TMealCounts = z.infer<typeof meals.ZMealCounts>
export type TCanteenStatement = z.infer<typeof meals.ZCanteenStatement>
export type TFindOrderFlags = z.input<typeof meals.ZFindOrderFlags>
export type TOrderFlagItem = z.infer<typeof meals.ZOrderFlagItem>
export type TResolvedFlag = z.infer<typeof meals.ZResolvedFlag>
// ---------- catalog (服务清单) ----------
export type TCatalogEdition = z.infer<typeof catalog.ZEdition>
export type TCatalogItem = z.infer<typeof catalog.ZItem>
export type TCatalogItemInput = z.input<typeof catalog.ZAddItem>
export type TCatalogDiff = z.infer<typeof catalog.ZDiff>
export type TPublicCatalog = z.infer<typeof catalog.ZPublicCatalog>
export type TPublicCatalogRegions = z.infer<typeof catalog.ZPublicRegions>
// ---------- benefits ----------
export type TProgrammeRow = z.infer<typeof benefits.ZProgrammeRow>
export type TPreviewResult = z.infer<typeof benefits.ZPreviewResult>
export type TApplicationSummary = z.infer<typeof benefits.ZApplicationSummary>
export type TApplicationDetail = z.infer<typeof benefits.ZApplicationDetail>
export type TFindApplications = z.input<typeof benefits.ZFindApplications>
export type TObjectionListItem = z.infer<typeof benefits.ZObjectionListItem>
export type TOverdueByStreet = z.infer<typeof benefits.ZOverdueByStreet>
export type TPublicNotice = z.infer<typeof benefits.ZPublicNotice>
export type TPublicProgramme = z.infer<typeof benefits.ZPublicProgramme>
export type TLodgeObjection = z.input<typeof benefits.ZLodgeObjection>
export type TBenefit = z.infer<typeof benefits.ZBenefit>
export type TBenefitHistory = z.infer<typeof benefits.ZBenefitHistory>
export type TElderBenefits = z.infer<typeof benefits.ZElderBenefits>
export type TCalendar = z.infer<typeof benefits.ZCalendar>
export type TCandidate = z.infer<typeof benefits.ZCandidate>
// ---------- alarms (issue 21) ----------
export type TAlarmItem = z.infer<typeof alarms.ZAlarmItem>
export type TAlarmDetail = z.infer<typeof alarms.ZAlarmDetail>
export type TFindAlarms = z.input<typeof alarms.ZFindAlarms>
export type TDevice = z.infer<typeof alarms.ZDevice>
export type TAlarmStreamMessage = {
  type: 'alarm.created' | 'alarm.updated'
  alarm: Pick<TAlarmItem, 'id' | 'deviceSerial' | 'eventId' | 'type' | 'elderId' | 'regionCode' | 'status' | 'receivedAt'>
}
export type TCallBackInput = z.input<typeof alarms.ZCallBack>
export type TDispatchInput = z.input<typeof alarms.ZDispatch>
export type TCloseAlarmInput = z.input<typeof alarms.ZClose>
export type TResponder = z.infer<typeof alarms.ZResponder>
// ---------- visits ----------
export type TVisitPlan = z.infer<typeof visits.ZPlanItem>
export type TVisitPlanDetail = z.infer<typeof visits.ZPlanDetail>
export type TVisitRecord = z.infer<typeof visits.ZVisitItem>
export type TVisitListItem = z.infer<typeof visits.ZVisitListItem>
export type TVisitTask = z.infer<typeof visits.ZTaskItem>
export type TVisitorOption = z.infer<typeof visits.ZVisitorOption>
export type TRecordVisit = z.input<typeof visits.ZRecordVisit>
export type TRecordVisitResult = z.infer<typeof visits.ZRecordVisitResult>
export type TVisitLedger = z.infer<typeof visits.ZLedger>
export type TVisitRates = z.infer<typeof visits.ZRates>
export type TVisitTaskOrder = z.input<typeof visits.ZTaskOrder>
// ---------- disbursement ----------
export type TDisbursementBatch = z.infer<typeof disbursement.ZBatch>
export type TDisbursementLine = z.infer<typeof disbursement.ZLine>
export type TElderCredits = z.infer<typeof disbursement.ZCredits>
export type TFundAnomaly = z.infer<typeof disbursement.ZAnomaly>
export type TBankResult = z.infer<typeof disbursement.ZBankResult>
export type TDisbursementReport = z.infer<typeof disbursement.ZReport>
// ---------- dispatch (issue 20) ----------
export type TCreateDispatchPlan = z.input<typeof dispatch.ZCreatePlan>
export type TFindDispatchPlans = z.input<typeof dispatch.ZFindPlans>
export type TDispatchFigures = z.infer<typeof dispatch.ZFigures>
export type TDispatchPlanSummary = z.infer<typeof dispatch.ZPlanSummary>
export type TDispatchPlanDetail = z.infer<typeof dispatch.ZPlanDetail>
export type TDispatchRoute = z.infer<typeof dispatch.ZPlanRoute>
export type TDispatchStop = z.infer<typeof dispatch.ZPlanStop>
export type TDispatchMove = z.input<typeof dispatch.ZMove>
export type TDispatchMoveCheck = z.infer<typeof dispatch.ZMoveCheck>
export type TDispatchLock = z.input<typeof dispatch.ZLock>
export type TDispatchUrgent = z.input<typeof dispatch.ZUrgent>
export type TDispatchUrgentResult = z.infer<typeof dispatch.ZUrgentResult>
export type TDispatchSick = z.input<typeof dispatch.ZSick>
export type TDispatchDiff = z.infer<typeof dispatch.ZDiff>
export type TDispatchDiffChange = z.infer<typeof dispatch.ZDiffChange>
export type TDispatchNotice = z.infer<typeof dispatch.ZNotice>
// ---------- dispatch: map and 15-minute service circle (issue 20 items 2, 5) ----------
export type TMapContext = z.infer<typeof serviceCircle.ZMapContext>
export type TServiceCircle = z.infer<typeof serviceCircle.ZServiceCircle>
export type TServiceCircleQuery = z.input<typeof serviceCircle.ZServiceCircleQuery>

// ---------- provider documents, complaints, KPIs, star ratings (issue 19) ----------
export type TDirectoryEntry = z.infer<typeof providers.ZDirectoryEntry>
export type TProviderDocument = z.infer<typeof providerDocuments.ZProviderDocument>
export type TComplaint = z.infer<typeof supervision.ZComplaint>
export type TFindComplaints = z.input<typeof supervision.ZFindComplaints>
export type TLodgeComplaint = z.input<typeof supervision.ZLodgeComplaint>
export type TOrderKpis = z.infer<typeof supervision.ZOrderKpis>
export type TStarRating = z.infer<typeof supervision.ZStarRating>
export type TFindStarRatings = z.input<typeof supervision.ZFindStarRatings>
export type TOrderPhoto = z.infer<typeof supervision.ZOrderPhoto>
// ---------- 12349 hotline work orders (issue 21 item 5) ----------
export type THotlineItem = z.infer<typeof hotline.ZHotlineItem>
export type THotlineDetail = z.infer<typeof hotline.ZHotlineDetail>
export type TFindHotline = z.input<typeof hotline.ZFindHotline>
export type TFileHotlineInput = z.input<typeof hotline.ZFileHotline>
export type TIntakeInput = z.input<typeof hotline.ZIntake>
export type TRouteInput = z.input<typeof hotline.ZRoute>
export type TBookInput = z.input<typeof hotline.ZBook>
export type THotlineCallBackInput = z.input<typeof hotline.ZHotlineCallBack>
export type THotlineCloseInput = z.input<typeof hotline.ZHotlineClose>
/** The console's pop-up message on the alarm stream (operators with hotline:handle only). */
export type THotlineStreamMessage = {
  type: 'hotline.call'
  call: { id: string; status: string; callerPhoneMasked: string; elderId: string | null; elderName: string | null; regionCode: string; receivedAt: string }
}
