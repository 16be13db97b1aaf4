import { useSyncExternalStore } from 'react';

/** The device's last known position ([lon, lat]) and its accuracy, as the Geolocation API gave it. */
export interface MyPosition {
  at: [number, number];
  accuracyM: number;
}

// One small store: the near-me list writes it, the map draws it (map/use-my-position.ts).
let current: MyPosition | null = null;
const listeners = new Set<() => void>();

export function setMyPosition(position: MyPosition | null): void {
  current = position;
  for (const listener of listeners) listener();
}

export function useMyPosition(): MyPosition | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}

/** One reading of navigator.geolocation, as a promise; high accuracy: a crew wants the site it stands at. */
export function readPosition(): Promise<MyPosition> {
  return new Promise((resolve, reject) => {
    if (!('geolocation' in navigator)) {
      reject(new Error('this browser has no geolocation'));
      return;
    }
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ at: [p.coords.longitude, p.coords.latitude], accuracyM: p.coords.accuracy }),
      (error) => reject(new Error(error.message || 'position unavailable')),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  });
}
