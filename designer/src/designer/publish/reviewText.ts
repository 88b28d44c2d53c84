import { formatDateTime } from '../../common/format';
import type { ReviewDecision } from '../api/designerApi';

/**
 * What became of a submitted change, as its author reads it: "已退回：理由（审核人 李管理，2026-12-08 06:10）"
 * (Beijing time, the reviewer's display name), or "已撤回（作者 张编辑，…）" when the author took it back.
 */
export function decisionText(decision: ReviewDecision): string {
  const when = formatDateTime(decision.at);
  const reason = decision.reason.trim();
  return decision.kind === 'rejected'
    ? `已退回：${reason || '审核人未填写理由'}（审核人 ${decision.by}，${when}）`
    : `已撤回${reason ? `：${reason}` : ''}（作者 ${decision.by}，${when}）`;
}
