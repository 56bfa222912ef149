import { useEffect, useState } from 'react';
import type { ArticleEntry, FigureEntry, Item } from '../../../../electron/contract';
import { anchorAfter, articleParagraphs, figureCaption } from '../../../../electron/contract/shared';
import { api } from '../../api/client';
import { useMessages } from '../../messages/useMessages';

/** How the editor shows a figure: its name, a thumbnail, and the caption it prints unless overridden. */
export interface FigureView {
  name: string;
  thumb?: string;
  defaultCaption: string;
}

/**
 * What the figures of one article are chosen from and shown with: the article's item (its text's
 * paragraphs, its own image files) and the photo items its figures come from, read when shown.
 */
export function useArticleFigures(article: ArticleEntry) {
  const { showError } = useMessages();
  const [item, setItem] = useState<Item | null>(null);
  const [photos, setPhotos] = useState<Record<string, Item>>({});

  useEffect(() => {
    api.call('items.get', { id: article.itemId }).then(setItem, showError);
  }, [article.itemId, showError]);
  const wanted = [...new Set(article.figures.flatMap((f) => (f.itemId ? [f.itemId] : [])))]
    .filter((id) => !photos[id])
    .join(',');
  useEffect(() => {
    for (const id of wanted ? wanted.split(',') : [])
      api.call('items.get', { id }).then((photo) => setPhotos((p) => ({ ...p, [id]: photo })), showError);
  }, [wanted, showError]);

  const paragraphs = articleParagraphs(article.text ?? (item ? item.text || item.abstract : ''));
  const images = (item?.files ?? []).filter((f) => f.mime.startsWith('image/'));

  function view(figure: FigureEntry): FigureView {
    const owner = figure.itemId ? photos[figure.itemId] : item;
    if (!owner) return { name: figure.itemId ?? '', defaultCaption: '' };
    const file = figure.sha256
      ? owner.files.find((f) => f.sha256 === figure.sha256)
      : owner.files.find((f) => f.mime.startsWith('image/'));
    if (!file) return { name: figure.itemId ? owner.title : '', defaultCaption: '' };
    return {
      name: figure.itemId ? owner.title : file.name,
      thumb: api.fileUrl(file.sha256, 'thumb'),
      defaultCaption: figureCaption(owner, file.sha256, Boolean(figure.itemId)),
    };
  }

  /** A new figure at the article's end, full width: the editor then moves it where it belongs. */
  function newFigure(source: { itemId: string } | { sha256: string }, photo?: Item): FigureEntry {
    if (photo) setPhotos((p) => ({ ...p, [photo.id]: photo }));
    return { ...source, width: 1, layout: 'full', ...anchorAfter(paragraphs, paragraphs.length) };
  }

  return { item, paragraphs, images, view, newFigure };
}
