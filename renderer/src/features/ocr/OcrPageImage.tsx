import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useMessages } from '../../messages/useMessages';
import type { OcrPage } from './ocrLines';

/**
 * The page as OCR saw it, with each line's box drawn over it; the selected line's box stands out,
 * and clicking a box selects its line. Boxes are fractions of the page, so any image size fits.
 */
export function OcrPageImage({
  itemId,
  page,
  number,
  selected,
  onSelect,
}: {
  itemId: string;
  page: OcrPage;
  number: number;
  selected: number | null;
  onSelect: (line: number) => void;
}) {
  const { t } = useTranslation();
  const { showError } = useMessages();
  const [image, setImage] = useState<{ key: string; src: string } | null>(null);
  const key = `${page.file}-${page.page}`;

  useEffect(() => {
    let live = true;
    api
      .call('ocr.pageImage', { id: itemId, file: page.file, page: page.page })
      .then((answer) => live && setImage({ key, src: answer.image }))
      .catch((error: unknown) => live && showError(error));
    return () => {
      live = false;
    };
  }, [itemId, page.file, page.page, key, showError]);

  const shown = image?.key === key ? image.src : null;
  return (
    <figure className="ocr-page" aria-label={t('ocr.image', { page: number })}>
      {shown ? <img src={shown} alt="" /> : <p className="empty">{t('ocr.loading')}</p>}
      {shown && (
        <svg viewBox="0 0 1 1" preserveAspectRatio="none" className="ocr-boxes">
          {page.lines.map((line, i) => (
            <rect
              key={i}
              data-line={i}
              className={i === selected ? 'ocr-box selected' : 'ocr-box'}
              x={line.box.x}
              y={line.box.y}
              width={line.box.w}
              height={line.box.h}
              onClick={() => onSelect(i)}
            >
              <title>{t('ocr.lineLabel', { n: i + 1 })}</title>
            </rect>
          ))}
        </svg>
      )}
    </figure>
  );
}
