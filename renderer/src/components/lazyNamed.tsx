import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';

type AnyProps = Record<string, unknown>;

/**
 * A component loaded the first time it is shown. Screens and panes the first view does not need
 * (the form with its date reader and lunar calendar, volumes, tools, settings, compile) stay out
 * of the first script: parsing that script is most of the wait for the first rows.
 */
export function lazyNamed<Module, Name extends keyof Module>(
  load: () => Promise<Module>,
  name: Name,
  fallback: ReactNode = null,
): Module[Name] {
  // The props pass through unchanged; the caller's type is the loaded component's own.
  const Lazy = lazy(async () => ({ default: (await load())[name] as unknown as ComponentType<AnyProps> }));
  function Deferred(props: AnyProps) {
    return (
      <Suspense fallback={fallback}>
        <Lazy {...props} />
      </Suspense>
    );
  }
  return Deferred as unknown as Module[Name];
}
