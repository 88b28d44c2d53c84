import { Tooltip } from 'antd';

/**
 * A due date, with a small 「（暂定）」 when it was counted through a year whose holiday schedule
 * the State Council has not published yet: it counts the statutory holidays only and moves when
 * the schedule is added (DOMAIN.md §5).
 */
export function DueDate({ date, provisional }: { date?: string | null; provisional?: boolean | null }) {
  if (!date) return <>—</>;
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {date}
      {provisional && (
        <Tooltip title="该年节假日安排尚未公布，按法定节假日推算；公布后自动重新计算">
          <small style={{ marginLeft: 2, color: '#ad6800' }} data-testid="provisional">（暂定）</small>
        </Tooltip>
      )}
    </span>
  );
}
