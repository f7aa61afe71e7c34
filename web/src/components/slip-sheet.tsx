// The credential slips as printed: A4 pages of eight slips with dashed cut lines; on each, the QR code
// of the booth link with the code, the code in large type, the ballot style and one instruction line.
// Nothing on a slip names a person (issue 7 §2).

import { Fragment, useMemo } from 'react';
import type { Slip } from '../election/slip-batch.js';
import { boothLink } from '../election/slip-link.js';
import { slipPages } from '../election/slip-pages.js';
import { useI18n } from '../i18n/i18n.js';
import { QrCode } from './qr-code.js';

/** Every slip of a batch, paginated for printing (shown on screen as a preview). */
export function SlipSheet({
  slips,
  origin,
  conferenceId,
  styleName,
}: {
  slips: readonly Slip[];
  origin: string;
  conferenceId: string;
  styleName: (style: string) => string;
}) {
  const { t } = useI18n();
  const pages = useMemo(() => slipPages(slips), [slips]);
  return (
    <div className="slip-sheet" data-testid="slip-sheet">
      {pages.map((page) => (
        <div
          key={`${page.style}-${page.number}`}
          className="slip-page"
          data-testid="slip-page"
          aria-label={t('slips.page', {
            style: styleName(page.style),
            number: page.number,
            of: page.of,
          })}
        >
          {page.slips.map((slip) => (
            <SlipCard
              key={slip.code}
              slip={slip}
              link={boothLink(origin, conferenceId, slip.code)}
              booth={`${origin}/booth/${encodeURIComponent(conferenceId)}`}
              styleName={styleName(slip.style)}
            />
          ))}
        </div>
      ))}
    </div>
  );
}

function SlipCard(props: { slip: Slip; link: string; booth: string; styleName: string }) {
  const { slip, link, booth, styleName } = props;
  const { t } = useI18n();
  return (
    <article className="slip" data-testid="slip" data-style={slip.style}>
      <QrCode text={link} label={t('slips.qrLabel')} className="slip-qr" />
      <div className="slip-text">
        <p className="slip-title">{t('slips.slipTitle')}</p>
        <p className="slip-style" data-testid="slip-style">
          {styleName}
        </p>
        <p className="slip-code" data-testid="slip-code">
          {slip.code.split('-').map((group, k, all) => (
            <Fragment key={k}>
              {k > 0 ? <wbr /> : null}
              <span className="slip-code-group">
                {group}
                {k < all.length - 1 ? '-' : ''}
              </span>
            </Fragment>
          ))}
        </p>
        <p className="slip-instruction">{t('slips.instruction')}</p>
        <p className="slip-booth">{t('slips.boothAt', { url: booth })}</p>
      </div>
    </article>
  );
}
