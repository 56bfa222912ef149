import { createContext } from 'react';
import type { Status } from '../components/StatusMessage';

export interface Messages {
  /** Says what went wrong, in the service's words; it stays until dismissed or replaced. */
  showError: (error: unknown) => void;
  /** Good news; it fades by itself. */
  showInfo: (text: string) => void;
  dismiss: () => void;
}

// Two contexts: features that report re-render only when the language changes, not on every message.
export const MessagesContext = createContext<Messages | null>(null);
export const StatusContext = createContext<Status | null>(null);
