import { App, Button, Card, Descriptions, Input, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { DueDate } from '../common/DueDate';
import { pledgeCheckLabels, pledgeSchemeOf, type CaseDefinition, type CaseTask, type CaseView } from '../types';

/** What a false pledge does, said before the 核查 records it (行政许可法 art. 69 第二款; docs/pledge.md). */
export const revocationWarning = '将撤销本件的准予许可决定，出具《撤销行政许可决定书》（以核查发现的事实为撤销理由），证照登记标记为“已撤销”，'
  + '并在申请人的信用记录中记入虚假承诺；此后该申请人不再适用告知承诺和容缺受理。';

/**
 * 告知承诺核查: the department's check task after 准予 has no workflow outcomes; it records 承诺属实 or
 * 承诺不实 with the findings (check-pledge). 不实 needs the findings, the approving head and a confirmation, since it revokes.
 */
export function PledgeCheck({ view, definition, task, busy, run }: {
  view: CaseView; definition: CaseDefinition; task: CaseTask; busy: boolean;
  run: (command: string, body: Record<string, unknown>, done: string) => Promise<void>;
}) {
  const { modal } = App.useApp();
  const [truthful, setTruthful] = useState<boolean | null>(null);
  const [findings, setFindings] = useState('');
  const [approver, setApprover] = useState('');
  const pledge = view.case.pledge;
  const scheme = pledgeSchemeOf(definition.guide);
  const names = (pledge?.materialIds ?? []).map((id) => definition.materials.find((m) => m.id === id)?.name ?? id);
  const needsFindings = truthful === false && !findings.trim();
  // 撤销 is the licensing body's decision: the head who approved it is named (WF6086 without).
  const needsApprover = truthful === false && !approver.trim();

  const submit = () => {
    if (truthful === null || needsFindings || needsApprover) return;
    const body = { taskId: task.id, truthful, findings: findings.trim() || undefined, approver: truthful ? undefined : approver.trim() };
    if (truthful) { void run('check-pledge', body, '已核查：承诺属实'); return; }
    modal.confirm({
      title: '确认承诺不实并撤销决定？', content: revocationWarning, okText: '确认承诺不实', cancelText: '取消',
      okButtonProps: { danger: true, 'data-testid': 'pledge-revoke-confirm' } as never,
      onOk: () => run('check-pledge', body, '已核查：承诺不实，准予许可决定已撤销'),
    });
  };

  return (
    <Card size="small" type="inner" title="告知承诺核查" data-testid="pledge-check">
      <Descriptions size="small" column={1} style={{ marginBottom: 8 }}>
        <Descriptions.Item label="以承诺代替">{names.join('、') || '—'}</Descriptions.Item>
        {scheme && <Descriptions.Item label="核查方式">{pledgeCheckLabels[scheme.check] ?? scheme.check}</Descriptions.Item>}
        <Descriptions.Item label="核查期限"><DueDate date={pledge?.checkDue ?? task.due} provisional={task.dueProvisional} /></Descriptions.Item>
      </Descriptions>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Radio.Group value={truthful === null ? null : String(truthful)} onChange={(e) => setTruthful(e.target.value === 'true')} data-testid="pledge-check-result"
          optionType="button" buttonStyle="solid"
          options={[{ value: 'true', label: '承诺属实' }, { value: 'false', label: '承诺不实' }]} />
        <Input.TextArea rows={3} value={findings} onChange={(e) => setFindings(e.target.value)} data-testid="pledge-findings" status={needsFindings ? 'error' : undefined}
          placeholder={truthful === false ? '核查发现的事实（必填，作为撤销决定的理由）' : '核查情况（如：经公安机关网络核验，无犯罪记录）'} />
        {truthful === false && (
          <Input value={approver} onChange={(e) => setApprover(e.target.value)} data-testid="pledge-approver" status={needsApprover ? 'error' : undefined}
            addonBefore="批准撤销的负责人" placeholder="本机关负责人姓名（必填）" />
        )}
        {truthful === false && (
          <Typography.Text type={needsFindings ? 'danger' : 'secondary'} style={{ fontSize: 12 }} data-testid="pledge-false-hint">
            {needsFindings ? '承诺不实须写明核查发现的事实。' : ''}{needsApprover ? '撤销须经本机关负责人批准，请填写批准人。' : ''}{revocationWarning}
          </Typography.Text>
        )}
        <Button type="primary" danger={truthful === false} loading={busy} disabled={truthful === null || needsFindings || needsApprover} onClick={submit} data-testid="pledge-check-submit">
          提交核查结果
        </Button>
      </Space>
    </Card>
  );
}
