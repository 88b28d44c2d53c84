import { useEffect, useReducer } from 'react';
import { agent } from './agent';

/** The shared agent connection, re-rendering on every status change; connects while a component uses it. */
export function useDeviceAgent() {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useEffect(() => agent.subscribe(rerender), []);
  return agent;
}
