// The phone's position, asked for only when a screen needs it and never stored here.
export interface Position {
  latitude: number;
  longitude: number;
}

export type PositionProblem = 'denied' | 'unavailable' | 'unsupported';

export class PositionError extends Error {
  constructor(readonly problem: PositionProblem) {
    super(problem);
  }
}

/** Asks the browser (which asks the person) for the position; rejects with a PositionError. */
export function currentPosition(options: { precise: boolean; timeoutMs?: number }): Promise<Position> {
  return new Promise((resolve, reject) => {
    if (!('geolocation' in navigator)) {
      reject(new PositionError('unsupported'));
      return;
    }
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => resolve({ latitude: coords.latitude, longitude: coords.longitude }),
      (error) => reject(new PositionError(error.code === error.PERMISSION_DENIED ? 'denied' : 'unavailable')),
      { enableHighAccuracy: options.precise, timeout: options.timeoutMs ?? 15_000, maximumAge: options.precise ? 0 : 5 * 60_000 },
    );
  });
}
