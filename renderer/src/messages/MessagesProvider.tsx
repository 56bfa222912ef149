import { useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, languageOf } from '../../../electron/contract/shared';
import { ApiCallError } from '../api/client';
import { StatusMessage, type Status } from '../components/StatusMessage';
import { MessagesContext, StatusContext, type Messages } from './messagesContext';
import { useMessages } from './useMessages';

/** One place for the app's messages: features report through `useMessages()`, `MessageArea` shows them. */
export function MessagesProvider({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<Status | null>(null);
  const showError = useCallback(
    (error: unknown) => {
      // A failure the application named is said in the interface's language.
      const message =
        error instanceof ApiCallError
          ? describeError(error.failure, languageOf(i18n.language))
          : error instanceof Error
            ? error.message
            : String(error);
      setStatus({ kind: 'error', text: t('status.error', { message }) });
    },
    [t, i18n],
  );
  const actions = useMemo<Messages>(
    () => ({
      showError,
      showInfo: (text) => setStatus({ kind: 'info', text }),
      dismiss: () => setStatus(null),
    }),
    [showError],
  );
  return (
    <MessagesContext.Provider value={actions}>
      <StatusContext.Provider value={status}>{children}</StatusContext.Provider>
    </MessagesContext.Provider>
  );
}

/** Where the messages are shown and announced to screen readers. */
export function MessageArea() {
  const status = useContext(StatusContext);
  const { dismiss } = useMessages();
  return <StatusMessage status={status} onDismiss={dismiss} />;
}
