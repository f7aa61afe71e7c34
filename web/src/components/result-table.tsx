// The result table (QĐ 96 Điều 6 k3): per person issued / collected / valid / invalid, the three levels with
// their percentages on the rule's base (81,88%), and the band with what it means under the rule.

import type { ConferenceResultDto, PersonResultDto } from '../api/day-types.js';
import { percentText } from '../counting/result-view.js';
import { useI18n } from '../i18n/i18n.js';

/** One level's count and percentage, "393 (81,88%)". */
function Level({ level }: { level: PersonResultDto['high'] }) {
  const { lang, int } = useI18n();
  return (
    <>
      <span className="count">{int(level.count)}</span>{' '}
      <span className="pct">({percentText(level.percent, lang)})</span>
    </>
  );
}

/** The table of a result; `large` for the projector (no band meaning text, bigger type). */
export function ResultTable({
  result,
  large = false,
  caption,
}: {
  result: ConferenceResultDto;
  large?: boolean;
  caption?: string;
}) {
  const { t, lang, int } = useI18n();
  return (
    <div className="table-wrap">
      <table
        className={large ? 'result-table result-large' : 'result-table'}
        data-testid="result-table"
      >
        {caption ? <caption>{caption}</caption> : null}
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t('result.person')}</th>
            {large ? null : (
              <>
                <th scope="col">{t('result.issued')}</th>
                <th scope="col">{t('result.collected')}</th>
                <th scope="col">{t('result.valid')}</th>
              </>
            )}
            <th scope="col">{t('result.invalid')}</th>
            <th scope="col">{t('result.high')}</th>
            <th scope="col">{t('result.confidence')}</th>
            <th scope="col">{t('result.low')}</th>
            <th scope="col">{t('result.band')}</th>
          </tr>
        </thead>
        <tbody>
          {result.persons.map((p, i) => (
            <tr key={p.subjectId} className={`outcome-${p.outcome}`} data-testid="result-row">
              <td>{i + 1}</td>
              <th scope="row">
                {p.fullName}
                <span className="muted block">{p.title}</span>
              </th>
              {large ? null : (
                <>
                  <td>{int(p.issued)}</td>
                  <td>{int(p.collected)}</td>
                  <td>{int(p.validLines)}</td>
                </>
              )}
              <td>{int(p.invalidLines)}</td>
              <td className="num" data-testid="result-high">
                <Level level={p.high} />
              </td>
              <td className="num" data-testid="result-confidence">
                <Level level={p.confidence} />
              </td>
              <td className="num" data-testid="result-low">
                <Level level={p.low} />
              </td>
              <td>
                {large && p.outcome === 'none' ? (
                  // On the projector the mildest band is a dash; its words stay for screen readers.
                  <>
                    <span aria-hidden="true">—</span>
                    <span className="visually-hidden">{t('band.none')}</span>
                  </>
                ) : (
                  <strong>{t(`band.${p.outcome}`)}</strong>
                )}
                {large || p.outcome === 'none' ? null : (
                  <span className="block band-meaning">{p.bandMeaning[lang]}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
