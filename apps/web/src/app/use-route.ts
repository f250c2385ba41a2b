import { useCallback, useEffect, useState } from 'react';
import { parseRoute, type Route, routePath } from './route.ts';

/** A four-screen app needs no router library: the History API and one popstate listener. */
export const useRoute = (): [Route, (route: Route) => void] => {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.pathname, window.location.search));
  useEffect(() => {
    const onPop = () => setRoute(parseRoute(window.location.pathname, window.location.search));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const navigate = useCallback((next: Route) => {
    const path = routePath(next);
    if (path !== window.location.pathname + window.location.search) window.history.pushState(null, '', path);
    setRoute(next);
  }, []);
  return [route, navigate];
};
