// The browser's side of the device protocol (docs/devices.md): one WebSocket to the agent on the
// clerk's PC, JSON requests with ids, answers matched by id, errors with stable codes. Nothing here
// knows a vendor: the agent hides the ID card reader's, the document camera's and the printers' SDKs.
import { api } from '../api/client';
import type { components } from '../api/schema';

export const protocolVersion = 1;

/** GET /api/devices: the agent's address, the protocol version and the office's printer presets. */
export type DeviceConfig = components['schemas']['DeviceSetup'];
export type PrinterPreset = DeviceConfig['printers'][number];

export interface AgentHello {
  agent: string; protocol: number;
  devices: { idcard?: { connected: boolean; model?: string }; camera?: { connected: boolean; model?: string; formats?: string[] }; printers?: string[] };
}

export interface IdCard {
  name: string; sex?: string; nation?: string; birthDate?: string; address?: string; idNumber: string;
  authority?: string; validFrom?: string; validTo?: string; photo?: { contentType: string; base64: string };
}

export interface Capture { contentType: 'application/pdf' | 'image/jpeg'; fileName: string; pages: number; base64: string }

export type AgentStatus = 'connecting' | 'connected' | 'offline';

/** A refusal by the agent (DEV…) or by the bridge itself (DEV000 no agent, DEV001 no answer in time). */
export class DeviceError extends Error {
  constructor(readonly code: string, message: string) { super(message); this.name = 'DeviceError'; }
}

/** How long one request may take: reading a card or capturing pages takes a few seconds on real devices. */
const requestTimeoutMs = 30_000;
/** While no agent answers, try again this often (the clerk may start it after opening the page). */
const retryMs = 10_000;

type Listener = () => void;

/** One connection per page, shared by every component that uses a device. */
class AgentBridge {
  status: AgentStatus = 'offline';
  hello: AgentHello | null = null;
  config: DeviceConfig | null = null;
  private socket: WebSocket | null = null;
  private next = 0;
  private pending = new Map<string, { resolve: (v: unknown) => void; reject: (e: Error) => void; timer: ReturnType<typeof setTimeout> }>();
  private listeners = new Set<Listener>();
  private retry: ReturnType<typeof setTimeout> | null = null;
  private configLoad: Promise<DeviceConfig | null> | null = null;

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    if (this.listeners.size === 1 && this.status === 'offline' && !this.retry) void this.connect();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0 && this.retry) { clearTimeout(this.retry); this.retry = null; }
    };
  }

  loadConfig(): Promise<DeviceConfig | null> {
    this.configLoad ??= api.get<DeviceConfig>('/api/devices').then((c) => { this.config = c; this.emit(); return c; }).catch(() => { this.configLoad = null; return null; });
    return this.configLoad;
  }

  /** Connects now (also the "重新连接" of the status tag). */
  async connect(): Promise<void> {
    if (this.retry) { clearTimeout(this.retry); this.retry = null; }
    if (this.status !== 'offline') return;
    const config = await this.loadConfig();
    if (!config) { this.scheduleRetry(); return; }
    this.setStatus('connecting');
    let socket: WebSocket;
    try { socket = new WebSocket(config.agent); } catch { this.closed(); return; }
    this.socket = socket;
    socket.onopen = () => {
      this.call<AgentHello>('hello').then((hello) => { this.hello = hello; this.setStatus('connected'); })
        .catch(() => socket.close());
    };
    socket.onmessage = (event) => this.answer(event.data);
    socket.onclose = () => { if (this.socket === socket) this.closed(); };
  }

  call<T>(type: string, params?: Record<string, unknown>): Promise<T> {
    const socket = this.socket;
    if (!socket || socket.readyState !== WebSocket.OPEN) {
      return Promise.reject(new DeviceError('DEV000', '未连接设备代理：请确认本机设备代理已启动 (no device agent)'));
    }
    const id = `r${++this.next}`;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => { this.pending.delete(id); reject(new DeviceError('DEV001', '设备无响应，请重试 (the device did not answer in time)')); }, requestTimeoutMs);
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer });
      socket.send(JSON.stringify({ v: protocolVersion, id, type, params: params ?? {} }));
    });
  }

  private answer(data: unknown) {
    let message: { id?: string; ok?: boolean; result?: unknown; error?: { code?: string; message?: string } };
    try { message = JSON.parse(String(data)); } catch { return; }
    const waiting = message.id ? this.pending.get(message.id) : undefined;
    if (!waiting) return;
    this.pending.delete(message.id!);
    clearTimeout(waiting.timer);
    if (message.ok) waiting.resolve(message.result);
    else waiting.reject(new DeviceError(message.error?.code ?? 'DEV100', message.error?.message ?? '设备代理返回错误 (device error)'));
  }

  private closed() {
    this.socket = null;
    this.hello = null;
    for (const [id, waiting] of this.pending) { clearTimeout(waiting.timer); waiting.reject(new DeviceError('DEV000', '与设备代理的连接已断开 (device agent disconnected)')); this.pending.delete(id); }
    this.setStatus('offline');
    this.scheduleRetry();
  }

  private scheduleRetry() {
    if (this.listeners.size > 0 && !this.retry) this.retry = setTimeout(() => { this.retry = null; void this.connect(); }, retryMs);
  }

  private setStatus(status: AgentStatus) { this.status = status; this.emit(); }
  private emit() { for (const l of this.listeners) l(); }
}

export const agent = new AgentBridge();

/** Bytes of a base64 answer as a Blob (to upload or show). */
export function blobOf(base64: string, type: string): Blob {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type });
}

/** A Blob as base64 (a print job carries the PDF in the message). */
export async function base64Of(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The calibration a clerk set for a preset on this PC (套打 offsets differ per physical printer), else the office's. */
export function calibrationOf(preset: PrinterPreset): { x: number; y: number } {
  try {
    const saved = JSON.parse(localStorage.getItem(`wf.printer.${preset.id}`) ?? 'null') as { x?: unknown; y?: unknown } | null;
    if (saved && typeof saved.x === 'number' && typeof saved.y === 'number') return { x: saved.x, y: saved.y };
  } catch { /* nothing saved */ }
  return { x: preset.offsetX, y: preset.offsetY };
}

export function saveCalibration(preset: PrinterPreset, offset: { x: number; y: number }): void {
  try { localStorage.setItem(`wf.printer.${preset.id}`, JSON.stringify(offset)); } catch { /* private mode: the office's offsets stay */ }
}
