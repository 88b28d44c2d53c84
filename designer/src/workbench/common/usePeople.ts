import { useEffect, useState } from 'react';
import { workbenchApi } from '../api';

let cache: Promise<Map<string, string>> | null = null;

/** User name → display name (GET /api/people), fetched once per page load. */
export function usePeople(): Map<string, string> {
  const [people, setPeople] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    cache ??= workbenchApi.people()
      .then((r) => new Map(r.people.map((p) => [p.userName, p.displayName])))
      .catch(() => { cache = null; return new Map<string, string>(); });
    let live = true;
    void cache.then((p) => { if (live) setPeople(p); });
    return () => { live = false; };
  }, []);
  return people;
}

/** 王芳 for wang-fang; a name not in the directory (a removed account, the system) as it is. */
export function personName(people: Map<string, string>, userName: string | null | undefined): string {
  if (!userName) return '—';
  if (userName === 'system') return '系统';
  return people.get(userName) ?? userName;
}

/** 王芳（wang-fang） where the account itself matters too (the security log); a name not in the directory as it is. */
export function personWithUser(people: Map<string, string>, userName: string | null | undefined): string {
  if (!userName) return '—';
  const name = people.get(userName);
  return name && name !== userName ? `${name}（${userName}）` : userName;
}
