/**
 * Time is a port (DESIGN §3): pure code receives a Clock, so pacing, monitoring and history are
 * testable without sleeping. The system implementation lives in the adapters (src/app/system-clock.ts).
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export function isoAt(clock: Clock): string {
  return new Date(clock.now()).toISOString();
}
