import { useTranslation } from 'react-i18next';
import { describeTimeLeft } from './estimateRemaining';

/** 「约剩 2 分钟」 for a running job; nothing until there is an estimate. */
export function TimeLeft({ seconds }: { seconds: number | undefined }) {
  const { t } = useTranslation();
  if (seconds === undefined) return null;
  const { key, values } = describeTimeLeft(seconds);
  return <span className="time-left">{t(`eta.${key}`, values)}</span>;
}
