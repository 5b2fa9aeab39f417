import { http, type ApiToken, type CreatedToken } from "../../api/client";

export const tokenKeys = { list: ["tokens", "list"] as const };

export const fetchTokens = () => http.get<{ items: ApiToken[] }>("/tokens").then((r) => r.items);
export const createToken = (name: string) => http.post<CreatedToken>("/tokens", { name });
export const revokeToken = (id: string) => http.delete<{ ok: true }>(`/tokens/${encodeURIComponent(id)}`);
