import type { TProviderStatus } from '@yiyang/core'
import { http, type Page } from '../../api/client'
import type {
  TAddCertificate as AddCertificateInput,
  TCaregiverSummary as CaregiverSummary,
  TCreateCaregiver as CreateCaregiverInput,
  TDueCertificate as DueCertificate,
  TProviderDetail as ProviderDetail,
  TProviderSummary as ProviderSummary,
  TRegisterProvider as RegisterProviderInput,
} from '@yiyang/server/contract'
export type { AddCertificateInput, CaregiverSummary, CreateCaregiverInput, DueCertificate, ProviderDetail, ProviderSummary, RegisterProviderInput }

export type ProviderQuery = { q?: string; status?: TProviderStatus; kind?: 'home_care' | 'canteen'; page: number; pageSize: number }
export type CaregiverQuery = { q?: string; providerId?: string; certificate?: 'expired' | 'expiring' | 'none'; page: number; pageSize: number }

export const providerKeys = {
  all: ['providers'] as const,
  list: (q: ProviderQuery) => ['providers', 'list', q] as const,
  detail: (id: string) => ['providers', 'detail', id] as const,
  caregivers: (q: CaregiverQuery) => ['providers', 'caregivers', q] as const,
  due: (page: number) => ['providers', 'due', page] as const,
}

const enc = encodeURIComponent
export const fetchProviders = (q: ProviderQuery) => http.get<Page<ProviderSummary>>('/providers', { ...q })
export const fetchProvider = (id: string) => http.get<ProviderDetail>(`/providers/${enc(id)}`)
export const registerProvider = (input: RegisterProviderInput) => http.post<ProviderDetail>('/providers', input)
export const reviewProvider = (id: string, body: { decision: 'approve' | 'return' | 'reject'; reason?: string | null }) =>
  http.post<ProviderDetail>(`/providers/${enc(id)}/review`, body)
export const changeProviderStatus = (id: string, body: { action: 'suspend' | 'resume' | 'exit'; reason: string }) =>
  http.post<ProviderDetail>(`/providers/${enc(id)}/status`, body)
export const fetchCaregivers = (q: CaregiverQuery) => http.get<Page<CaregiverSummary>>('/caregivers', { ...q })
export const fetchDueCertificates = (page: number) => http.get<Page<DueCertificate>>('/caregivers/certificates/due', { page, pageSize: 10 })
export const createCaregiver = (input: CreateCaregiverInput) => http.post<CaregiverSummary>('/caregivers', input)
export const addCertificate = (id: string, input: AddCertificateInput) => http.post<CaregiverSummary>(`/caregivers/${enc(id)}/certificates`, input)
export const recordBackgroundCheck = (id: string, body: { result: 'passed' | 'failed' | 'pending'; checkedOn: string }) =>
  http.post<CaregiverSummary>(`/caregivers/${enc(id)}/background-check`, body)
