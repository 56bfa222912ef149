import { useContext } from 'react';
import { MessagesContext, type Messages } from './messagesContext';

/** Reports errors and notices to the person, from any feature; only inside a MessagesProvider. */
export function useMessages(): Messages {
  const messages = useContext(MessagesContext);
  if (!messages) throw new Error('useMessages() is used outside a MessagesProvider');
  return messages;
}
