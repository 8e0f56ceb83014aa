import { Button, Result } from 'antd';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { reportRendererError } from '../api/reportErrors';

function CrashedPage() {
  const { t } = useTranslation();
  return (
    <Result
      status="error"
      data-testid="render-crashed"
      title={t('diagnostics.crashed.title')}
      subTitle={t('diagnostics.crashed.body')}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('diagnostics.crashed.reload')}
        </Button>
      }
    />
  );
}

/**
 * A screen that throws while drawing shows what to do instead of a blank window, and the error
 * (with React's component stack) goes to the renderer's log file for the county's IT.
 */
export class RenderErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    const withComponents = new Error(error.message);
    withComponents.stack = `${error.stack ?? ''}\n--- components ---${info.componentStack ?? ''}`;
    reportRendererError('render', withComponents);
  }

  override render(): ReactNode {
    return this.state.failed ? <CrashedPage /> : this.props.children;
  }
}
