import { SearchOutlined } from '@ant-design/icons';
import { Card, Empty, Input, List, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { matches, searchable } from '../common/search';
import type { ItemSummary } from '../types';
import { limitLabel } from '../../common/labels';

/** 选择事项: search by name, code, keyword or pinyin initials; grouped by the window's departments. */
export function ItemPicker({ items, selected, onSelect }: { items: ItemSummary[]; selected?: string; onSelect: (item: ItemSummary) => void }) {
  const [query, setQuery] = useState('');
  const indexed = useMemo(() => items.map((i) => ({ item: i, key: searchable(i.name, i['base-code'], i.id, i['department-name'], i['type-label'], i['handling-type-label']) })), [items]);
  const shown = indexed.filter((x) => matches(x.key, query)).map((x) => x.item);
  const groups = new Map<string, ItemSummary[]>();
  for (const i of shown) groups.set(i['department-name'], [...(groups.get(i['department-name']) ?? []), i]);

  return (
    <Card title="选择事项" size="small" styles={{ body: { padding: 12 } }}>
      <Input allowClear autoFocus prefix={<SearchOutlined />} placeholder="名称、编码、关键词或拼音首字母（如 jszg）" value={query}
        onChange={(e) => setQuery(e.target.value)} data-testid="item-search"
        onPressEnter={() => { if (shown.length === 1) onSelect(shown[0]); }} />
      <div style={{ maxHeight: 'calc(100vh - 260px)', overflow: 'auto', marginTop: 8 }}>
        {shown.length === 0 && <Empty description="没有匹配的事项" />}
        {[...groups.entries()].map(([department, list]) => (
          <div key={department} style={{ marginBottom: 8 }}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{department}</Typography.Text>
            <List size="small" dataSource={list} renderItem={(i) => (
              <List.Item onClick={() => onSelect(i)} data-testid={`item-${i.id}`}
                style={{ cursor: 'pointer', paddingInline: 8, borderRadius: 4, background: i.id === selected ? '#fff1f0' : undefined }}>
                <div style={{ width: '100%' }}>
                  <div style={{ fontWeight: i.id === selected ? 600 : 400 }}>{i.name}</div>
                  <div style={{ fontSize: 12, color: '#888' }}>
                    {i['base-code']} <Tag color={i['handling-type'] === 'immediate' ? 'green' : 'blue'} style={{ marginInlineStart: 4 }}>{i['handling-type-label']}</Tag>
                    承诺 {limitLabel(i.promised)}
                  </div>
                </div>
              </List.Item>
            )} />
          </div>
        ))}
      </div>
    </Card>
  );
}
