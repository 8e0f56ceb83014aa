import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { zhCN } from '../../common/i18n/zh-CN/index';

/** i18next over the one shared catalog; zh-CN is the only language today. */
void i18next.use(initReactI18next).init({
  lng: 'zh-CN',
  fallbackLng: 'zh-CN',
  resources: { 'zh-CN': { translation: zhCN } },
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18next;
