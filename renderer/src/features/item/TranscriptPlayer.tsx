import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { activeLineAt, formatTimecode, type TimedLine } from './transcriptSync';

/** An interview's audio with its transcript: click a line to hear it; the line being spoken is highlighted. */
export function TranscriptPlayer({
  src,
  lines,
  startAt,
}: {
  src: string;
  lines: TimedLine[];
  startAt?: number;
}) {
  const { t } = useTranslation();
  const audio = useRef<HTMLAudioElement>(null);
  const [time, setTime] = useState(0);
  const active = activeLineAt(lines, time);
  const activeRef = useRef<HTMLLIElement>(null);

  useEffect(() => {
    if (startAt !== undefined && audio.current) audio.current.currentTime = startAt;
  }, [startAt]);
  useEffect(() => {
    activeRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [active]);

  function seek(line: TimedLine) {
    if (!audio.current) return;
    audio.current.currentTime = line.start;
    void audio.current.play().catch(() => undefined);
  }

  return (
    <section className="transcript-player" aria-label={t('player.label')}>
      <audio
        ref={audio}
        src={src}
        controls
        preload="metadata"
        onTimeUpdate={(e) => setTime(e.currentTarget.currentTime)}
      />
      <ol className="transcript">
        {lines.map((line, index) => (
          <li
            key={index}
            ref={index === active ? activeRef : undefined}
            className={index === active ? 'speaking' : undefined}
            aria-current={index === active ? 'true' : undefined}
          >
            <button type="button" className="link" onClick={() => seek(line)}>
              <span className="timecode">{formatTimecode(line.start)}</span>
              <span>{line.text}</span>
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
