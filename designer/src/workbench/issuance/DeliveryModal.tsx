import { Alert, Button, Form, Input, Modal, Radio, Result, Space, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { describeError } from '../../api/client';
import { workbenchApi } from '../api';
import { deliveryBody, deliveryLabels, type DeliveryInput, type DeliveryMethod } from './delivery';
import type { WaitingCase } from './types';

const methods: DeliveryMethod[] = ['window', 'courier', 'electronic'];

/** 送达: in person at the window, by courier (EMS) with its tracking number, or electronically; then the rating. */
export function DeliveryModal({ row, onClose, onDelivered }: { row: WaitingCase | null; onClose: () => void; onDelivered: () => void }) {
  const [form] = Form.useForm<DeliveryInput>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ReturnType<typeof describeError> | null>(null);
  const [done, setDone] = useState<{ number: string; caseId: string; method: DeliveryMethod } | null>(null);
  const method = Form.useWatch('method', form);

  useEffect(() => {
    if (!row) return;
    setError(null);
    setDone(null);
    form.setFieldsValue({ method: row.deliveryMethods[0] ?? 'window', trackingNumber: '', recipient: row.applicantName, opinion: '' });
  }, [row, form]);

  const submit = async () => {
    if (!row) return;
    const input = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      await workbenchApi.command(row.caseId, 'complete', deliveryBody(row.taskId, input), row.version);
      setDone({ number: row.number, caseId: row.caseId, method: input.method });
      onDelivered();
    } catch (e) {
      setError(describeError(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={!!row}
      title={row ? `送达 ${row.number}` : ''}
      onCancel={onClose}
      destroyOnHidden
      width={560}
      footer={done ? null : [
        <Button key="cancel" onClick={onClose}>取消</Button>,
        <Button key="ok" type="primary" loading={saving} onClick={() => void submit()} data-testid="delivery-submit">确认送达并办结</Button>,
      ]}
    >
      {done ? (
        <Result
          status="success"
          title="已送达，办件办结"
          subTitle={<>{done.number} · {deliveryLabels[done.method]}<br /><span data-testid="kiosk-shown">已显示在本窗口评价器上，请申请人评价</span></>}
          extra={[<Button key="close" type="primary" onClick={onClose}>完成</Button>]}
        />
      ) : row && (
        <Form form={form} layout="vertical" requiredMark={false}>
          <p style={{ marginTop: 0 }}>
            {row.itemName} · {row.applicantName}{row.applicantPhone ? ` · ${row.applicantPhone}` : ''}
          </p>
          <Form.Item name="method" label="送达方式">
            <Radio.Group>
              <Space vertical>
                {methods.map((m) => (
                  <Radio key={m} value={m}>
                    {deliveryLabels[m]} {row.deliveryMethods.includes(m) ? <Tag color="blue">办事指南载明</Tag> : null}
                  </Radio>
                ))}
              </Space>
            </Radio.Group>
          </Form.Item>
          {method === 'courier' && (
            <Form.Item name="trackingNumber" label="EMS 运单号" extra="邮寄送达须登记运单号">
              <Input placeholder="如 EMS1100223344" autoComplete="off" maxLength={40} />
            </Form.Item>
          )}
          <Form.Item name="recipient" label={method === 'courier' ? '收件人' : '领取人'}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="opinion" label="备注（选填）">
            <Input.TextArea rows={2} maxLength={200} />
          </Form.Item>
          {method !== 'window' && !row.deliveryMethods.includes(method) && (
            <Alert type="warning" showIcon title="办事指南未载明此送达方式，请确认申请人同意" style={{ marginBottom: 12 }} />
          )}
          {error && (
            <Alert type="error" showIcon role="alert" data-testid="delivery-error"
              title={error.code ? `${error.title}（${error.code}）` : error.title} description={error.detail} />
          )}
        </Form>
      )}
    </Modal>
  );
}
