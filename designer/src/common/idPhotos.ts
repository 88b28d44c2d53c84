/**
 * The applicant's ID card photos a tab has shown (workbench/cases/IdPhoto.tsx), kept in memory. The
 * photo's answer is no-store (personal data stays out of the window PC's disk cache), so an <img>
 * pointing at the API would ask the server, and write a line in the security log, at every visit of
 * the case page. Instead the tab fetches each photo once and keeps it as a blob URL for the cases a
 * clerk moves between; the server still records who looked, once per session and hour
 * (server/Workflows.Server/Security/PersonalDownloads.cs). Files are addressed by their SHA-256, so a
 * kept photo cannot be stale. Signing out forgets them all.
 */
import { workbenchApi } from '../workbench/api';

const keep = 20;
const photos = new Map<string, Promise<string | null>>();

function release(url: Promise<string | null>) {
  void url.then((u) => { if (u) URL.revokeObjectURL(u); });
}

/** The photo's blob URL, fetched once per tab (the most recently used {@link keep} are kept). */
export function idPhotoUrl(caseId: string, sha256: string): Promise<string | null> {
  const key = `${caseId}/${sha256}`;
  const kept = photos.get(key);
  if (kept) {
    photos.delete(key);
    photos.set(key, kept);
    return kept;
  }
  const url = fetch(workbenchApi.fileUrl(caseId, sha256), { credentials: 'same-origin' })
    .then(async (r) => (r.ok ? URL.createObjectURL(await r.blob()) : null))
    .catch(() => null);
  // A failed fetch is not kept: the next visit asks again.
  void url.then((u) => { if (u === null && photos.get(key) === url) photos.delete(key); });
  photos.set(key, url);
  for (const [oldest, old] of photos) {
    if (photos.size <= keep) break;
    photos.delete(oldest);
    release(old);
  }
  return url;
}

/** Forgets every kept photo (on sign-out: the next user of this PC starts without them). */
export function forgetIdPhotos(): void {
  for (const url of photos.values()) release(url);
  photos.clear();
}

