import { Empty, Segmented } from 'antd';
import { useState } from 'react';
import type { DesignerItem } from '../model/types';
import { TemplateEditor } from './TemplateEditor';

/** The templates an item uses (its certificate, its notices), one at a time. */
export function ItemTemplates({ item }: { item: DesignerItem }) {
  const existing = item.templates.filter((t) => t.exists);
  const [id, setId] = useState(existing[0]?.id);
  if (!id) return <Empty description="该事项没有使用文书模板" />;
  return (
    <>
      <Segmented style={{ marginBottom: 12 }} value={id} onChange={(v) => setId(v as string)} options={existing.map((t) => ({ value: t.id, label: t.id }))} />
      <TemplateEditor key={id} id={id} />
    </>
  );
}
