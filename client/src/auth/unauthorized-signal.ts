/** Carries the API client's 401s to whoever listens (the session), without the client knowing of React. */
export interface UnauthorizedSignal {
  notify(): void;
  subscribe(listener: () => void): () => void;
}

export function createUnauthorizedSignal(): UnauthorizedSignal {
  const listeners = new Set<() => void>();
  return {
    notify: () => listeners.forEach((listener) => listener()),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
