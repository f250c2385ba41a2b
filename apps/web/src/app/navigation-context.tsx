import { createContext, useContext } from 'react';
import type { Route } from './route.ts';

export const NavigationContext = createContext<(route: Route) => void>(() => {});

export const useNavigate = () => useContext(NavigationContext);
