import { Alert, Tag } from 'antd';
import type { CaseState } from '../types';

const kindLabels: Record<string, string> = {
  hearing: '听证', tender: '招标', auction: '拍卖', testing: '检验', inspection: '检测', quarantine: '检疫',
  appraisal: '鉴定', 'expert-review': '专家评审', other: '其他',
};

/** 特别程序 (行政许可法第四十五条) running at a step: what the applicant was told, and that the statutory clock stands still. */
export function ProcedureBanner({ procedure }: { procedure: NonNullable<CaseState['activeProcedure']> }) {
  const days = procedure.announced.unit === 'calendar-days' ? `${procedure.announced.value}日` : `${procedure.announced.value}个工作日`;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="active-procedure"
      title={<>特别程序进行中：{procedure.name} <Tag>{kindLabels[procedure.kind] ?? procedure.kind}</Tag><Tag color="orange" data-testid="clock-stopped">法定期限停止计算</Tag></>}
      description={`依据：${procedure.basis}；已书面告知所需时间不超过${days}（自${procedure.startedOn}起，预计于${procedure.announcedEnd}前结束）。程序结束后办理时限继续计算。`}
    />
  );
}
