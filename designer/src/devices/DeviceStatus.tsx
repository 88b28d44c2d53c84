import { ApiOutlined, DisconnectOutlined, LoadingOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { useDeviceAgent } from './useDeviceAgent';

/** 设备: whether the agent on this PC answers; a click tries again at once. Intake works by keyboard either way. */
export function DeviceStatus() {
  const agent = useDeviceAgent();
  const { status, hello, config } = agent;
  if (status === 'connected') {
    const d = hello?.devices;
    const parts = [d?.idcard?.connected ? '读卡器' : null, d?.camera?.connected ? '高拍仪' : null, d?.printers?.length ? `打印机 ${d.printers.length} 台` : null].filter(Boolean);
    return (
      <Tooltip title={`${hello?.agent ?? '设备代理'}：${parts.join('、') || '无设备'}`}>
        <Tag color="green" icon={<ApiOutlined />} data-testid="device-status" data-status="connected">设备已连接</Tag>
      </Tooltip>
    );
  }
  if (status === 'connecting') return <Tag icon={<LoadingOutlined />} data-testid="device-status" data-status="connecting">正在连接设备…</Tag>;
  return (
    <Tooltip title={`未连接本机设备代理（${config?.agent ?? '未配置'}）：读卡、高拍仪和设备打印不可用，可继续用键盘录入。点击重新连接。`}>
      <Tag icon={<DisconnectOutlined />} style={{ cursor: 'pointer' }} onClick={() => void agent.connect()} data-testid="device-status" data-status="offline">设备未连接</Tag>
    </Tooltip>
  );
}
