// Authenticated fetches; a 401 forgets the token and reloads into the prompt.
import { forgetToken } from './token.js';

export function createApi(token) {
  async function getJson(url) {
    const response = await fetch(url, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } });
    if (response.status === 401) {
      forgetToken();
      window.location.reload();
      throw new Error('unauthorized');
    }
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      const error = new Error((body && (body.detail || body.title)) || `HTTP ${response.status}`);
      error.status = response.status;
      throw error;
    }
    return body;
  }
  return { getJson, token };
}

export function snapshotUrl(bbox, filters) {
  const params = new URLSearchParams({ bbox: bbox.map((v) => v.toFixed(6)).join(',') });
  filters.companyIds.forEach((c) => params.append('companyId', c));
  filters.groupIds.forEach((g) => params.append('groupId', g));
  return `api/v1/vehicles/snapshot?${params}`;
}
