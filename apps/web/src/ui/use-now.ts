import { useEffect, useState } from 'react';

/** The current time, re-read every `everyMs`: one timer per screen drives all its SLA countdowns. */
export const useNow = (everyMs = 1000): number => {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
};
