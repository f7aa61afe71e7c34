// The bar chart of a result: per person one bar with tín nhiệm cao / tín nhiệm / tín nhiệm thấp (and invalid lines)
// as shares of the rule's base, drawn in SVG with attributes only (the CSP allows no inline styles).

import type { ConferenceResultDto } from '../api/day-types.js';
import { barSegments, percentText } from '../counting/result-view.js';
import { useI18n } from '../i18n/i18n.js';

/** The chart with its legend; each bar has a text alternative with the three percentages. */
export function ResultChart({ result }: { result: ConferenceResultDto }) {
  const { t, lang } = useI18n();
  return (
    <figure className="result-chart" data-testid="result-chart">
      <figcaption>{t('projector.chart')}</figcaption>
      <ul className="chart-legend" aria-hidden="true">
        <li>
          <svg viewBox="0 0 10 10" className="legend-swatch">
            <rect width="10" height="10" className="bar-high" />
          </svg>
          {t('result.high')}
        </li>
        <li>
          <svg viewBox="0 0 10 10" className="legend-swatch">
            <rect width="10" height="10" className="bar-confidence" />
          </svg>
          {t('result.confidence')}
        </li>
        <li>
          <svg viewBox="0 0 10 10" className="legend-swatch">
            <rect width="10" height="10" className="bar-low" />
          </svg>
          {t('result.low')}
        </li>
        <li>
          <svg viewBox="0 0 10 10" className="legend-swatch">
            <rect width="10" height="10" className="bar-invalid" />
          </svg>
          {t('projector.legendInvalid')}
        </li>
      </ul>
      <ol className="chart-rows">
        {result.persons.map((p) => {
          const label = `${p.fullName}: ${t('result.high')} ${percentText(p.high.percent, lang)}, ${t('result.confidence')} ${percentText(p.confidence.percent, lang)}, ${t('result.low')} ${percentText(p.low.percent, lang)}`;
          return (
            <li key={p.subjectId} data-testid="chart-row">
              <span className="chart-name">{p.fullName}</span>
              <svg
                className="chart-bar"
                viewBox="0 0 10000 100"
                preserveAspectRatio="none"
                role="img"
                aria-label={label}
              >
                {barSegments(p).map((s) =>
                  s.width > 0 ? (
                    <rect
                      key={s.level}
                      x={s.start}
                      y={0}
                      width={s.width}
                      height={100}
                      className={`bar-${s.level}`}
                      data-level={s.level}
                      data-width={s.width}
                    />
                  ) : null,
                )}
              </svg>
              <span className="chart-figures" aria-hidden="true">
                {percentText(p.high.percent, lang)} · {percentText(p.confidence.percent, lang)} ·{' '}
                {percentText(p.low.percent, lang)}
              </span>
            </li>
          );
        })}
      </ol>
    </figure>
  );
}
