// "Tải dữ liệu mẫu": the administrator loads the demo data of the five seed reports (POST /api/demo).

import { useState } from 'react';
import type { ApiProblem } from '../api/client.js';
import { api } from '../api/endpoints.js';
import type { DemoSummary } from '../api/types.js';
import { useI18n } from '../i18n/i18n.js';
import { Notice, ProblemAlert } from './problem.js';

/** The demo card; `onLoaded` lets the screen reload its lists. */
export function DemoCard({ onLoaded }: { onLoaded?: () => void }) {
  const { t } = useI18n();
  const [state, setState] = useState<'idle' | 'loading' | DemoSummary>('idle');
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const load = async () => {
    setState('loading');
    setProblem(null);
    const result = await api.loadDemo();
    if (result.ok) {
      setState(result.value);
      onLoaded?.();
    } else {
      setState('idle');
      setProblem(result.error);
    }
  };
  return (
    <div className="card" data-testid="demo-card">
      <h2>{t('setup.demoTitle')}</h2>
      <p>{t('setup.demoIntro')}</p>
      <button
        type="button"
        className="secondary"
        disabled={state !== 'idle'}
        onClick={() => void load()}
      >
        {state === 'loading' ? t('setup.demoLoading') : t('setup.demoButton')}
      </button>
      {state === 'loading' ? <progress aria-label={t('setup.demoLoading')} /> : null}
      <ProblemAlert problem={problem} />
      <Notice text={typeof state === 'object' ? t('setup.demoDone', { ...state }) : null} />
    </div>
  );
}
