import { createContext, createElement, useContext, type Context, type ReactNode } from 'react';

/**
 * A context for one piece of the app's state, and the hook that reads it; reading it outside its provider is a
 * programming error, so it throws rather than return a default.
 */
export function stateContext<T>(what: string): { Context: Context<T | null>; useValue: () => T } {
  const Context = createContext<T | null>(null);
  const useValue = (): T => {
    const value = useContext(Context);
    if (value === null) throw new Error(`${what} is read outside its provider`);
    return value;
  };
  return { Context, useValue };
}

/** Wraps children in the state's provider with this value: a list of these nests without a pyramid. */
export function provide<T>(
  state: { Context: Context<T | null> },
  value: T,
): (children: ReactNode) => ReactNode {
  return (children) => createElement(state.Context, { value }, children);
}
