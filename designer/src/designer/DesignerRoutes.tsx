import { ConfigProvider, Menu } from 'antd';
import { Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { CalendarPage } from './calendars/CalendarPage';
import { CatalogPage } from './catalog/CatalogPage';
import { ItemPage } from './catalog/ItemPage';
import { ChangesPage } from './publish/ChangesPage';
import { HistoryPage } from './publish/HistoryPage';
import { DesignerProvider, useDesigner } from './shared/DesignerContext';
import { TemplatesPage } from './templates/TemplatesPage';

/** 设计器: the catalog, each item's editors, pending changes and publishing, history, templates, working calendars. */
export default function DesignerRoutes() {
  return (
    // Buttons say 受理, not 受 理: step kinds and actions are terms.
    <ConfigProvider button={{ autoInsertSpace: false }}>
    <DesignerProvider>
      <DesignerNav />
      <Routes>
        <Route index element={<CatalogPage />} />
        <Route path="items/:id/:tab?" element={<ItemPage />} />
        <Route path="changes" element={<ChangesPage />} />
        <Route path="history" element={<HistoryPage />} />
        <Route path="templates/*" element={<TemplatesPage />} />
        <Route path="calendars/:year?" element={<CalendarPage />} />
        <Route path="*" element={<CatalogPage />} />
      </Routes>
    </DesignerProvider>
    </ConfigProvider>
  );
}

function DesignerNav() {
  const { isAdmin } = useDesigner();
  const navigate = useNavigate();
  const location = useLocation();
  const section = location.pathname.split('/')[2] ?? '';
  const selected = section === 'changes' ? 'changes' : section === 'history' ? 'history' : section === 'templates' ? 'templates' : section === 'calendars' ? 'calendars' : 'catalog';
  const items = [
    { key: 'catalog', label: '事项目录' },
    { key: 'changes', label: '修改与发布' },
    { key: 'history', label: '发布历史' },
    ...(isAdmin ? [{ key: 'templates', label: '文书模板' }, { key: 'calendars', label: '工作日历' }] : []),
  ];
  return (
    <Menu mode="horizontal" selectedKeys={[selected]} items={items} style={{ marginBottom: 16 }}
      onClick={(e) => navigate(e.key === 'catalog' ? '/designer' : `/designer/${e.key}`)} />
  );
}
