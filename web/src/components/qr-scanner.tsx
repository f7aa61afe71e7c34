// Scans the QR code printed on an invitation with the device's camera (getUserMedia), decoded in the browser by
// jsqr from npm (bundled, loaded on first use): no image leaves the device, no outside service is called.

import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n.js';

type Decode = (
  data: Uint8ClampedArray,
  width: number,
  height: number,
  options?: { inversionAttempts?: 'dontInvert' | 'attemptBoth' },
) => { data: string } | null;

/** The decoder, whichever way the bundler hands over the CommonJS module. */
async function loadDecoder(): Promise<Decode> {
  const mod = (await import('jsqr')) as unknown as { default?: unknown };
  const candidates = [
    mod.default,
    (mod.default as { default?: unknown } | undefined)?.default,
    mod,
  ];
  const found = candidates.find((c) => typeof c === 'function');
  if (found === undefined) throw new Error('jsqr: no decoder function');
  return found as Decode;
}

/** A camera view that calls `onCode` with each new code it reads; stops when unmounted. */
export function QrScanner({ onCode }: { onCode: (code: string) => void }) {
  const { t } = useI18n();
  const video = useRef<HTMLVideoElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const onCodeRef = useRef(onCode);
  onCodeRef.current = onCode;

  useEffect(() => {
    let stream: MediaStream | null = null;
    let frame = 0;
    let stopped = false;
    let last = '';
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true });
    const start = async () => {
      try {
        if (!navigator.mediaDevices?.getUserMedia) throw new Error('getUserMedia');
        const decode = await loadDecoder();
        stream = await navigator.mediaDevices.getUserMedia({
          video: { facingMode: 'environment' },
          audio: false,
        });
        const el = video.current;
        if (stopped || el === null || context === null) return;
        el.srcObject = stream;
        await el.play();
        const tick = () => {
          if (stopped) return;
          if (el.readyState >= el.HAVE_ENOUGH_DATA && el.videoWidth > 0) {
            canvas.width = el.videoWidth;
            canvas.height = el.videoHeight;
            context.drawImage(el, 0, 0, canvas.width, canvas.height);
            const image = context.getImageData(0, 0, canvas.width, canvas.height);
            const code = decode(image.data, image.width, image.height, {
              inversionAttempts: 'dontInvert',
            });
            // The same invitation held in view is read once, not on every frame.
            if (code !== null && code.data !== '' && code.data !== last) {
              last = code.data;
              onCodeRef.current(code.data);
            }
          }
          frame = requestAnimationFrame(tick);
        };
        frame = requestAnimationFrame(tick);
      } catch (e) {
        if (!stopped) setProblem((e as Error).name || (e as Error).message);
      }
    };
    void start();
    return () => {
      stopped = true;
      cancelAnimationFrame(frame);
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, []);

  if (problem !== null) {
    return (
      <p className="alert alert-error" role="alert">
        {t('rollCall.cameraUnavailable', { reason: problem })}
      </p>
    );
  }
  return (
    <div className="qr-scanner">
      <video ref={video} muted playsInline aria-label={t('rollCall.scanning')} />
      <p role="status">{t('rollCall.scanning')}</p>
    </div>
  );
}
