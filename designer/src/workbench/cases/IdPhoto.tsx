import { useEffect, useState } from 'react';
import { idPhotoUrl } from '../../common/idPhotos';

/** The applicant's ID card photo beside the case, fetched once per tab (common/idPhotos.ts says why). */
export function IdPhoto({ caseId, sha256 }: { caseId: string; sha256: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void idPhotoUrl(caseId, sha256).then((u) => { if (live) setSrc(u); });
    return () => { live = false; };
  }, [caseId, sha256]);
  const box = { border: '1px solid #eee', objectFit: 'cover' } as const;
  return src
    ? <img src={src} alt="身份证照片" width={52} height={64} style={box} data-testid="case-id-photo" />
    : <div style={{ ...box, width: 52, height: 64 }} aria-label="身份证照片" />;
}
